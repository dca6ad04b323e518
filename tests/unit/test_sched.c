/*
 * test_sched.c - the pure scheduling rules (foreman/sched/schedule.h): capability
 * matching, node health, the task namespaces a node serves, ordering, the
 * three placement policies, capacity with assumed placements, dependency
 * states and cycles, claim expiry, timeouts and pipeline expansion.
 * Objects are decoded from JSON, as the informers would deliver them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "foreman_v1alpha1.h"
#include "schedule.h"
#include "test.h"

#define SEC INT64_C(1000000000)
static const fm_time NOW = {1700000000, 0};

static fm_fleet_node *node_json(const char *json)
{
    fm_fleet_node *n = NULL;
    if (fm_fleet_node_decode(&n, json, strlen(json)) != 0) {
        fprintf(stderr, "decode node: %s\n", fm_error_last()->message);
        return NULL;
    }
    return n;
}

static fm_agentic_task *task_json(const char *json)
{
    fm_agentic_task *t = NULL;
    if (fm_agentic_task_decode(&t, json, strlen(json)) != 0) {
        fprintf(stderr, "decode task: %s\n", fm_error_last()->message);
        return NULL;
    }
    return t;
}

/* A Ready node with a fresh heartbeat (NOW - 10 s). */
static fm_fleet_node *ready_node(const char *name, const char *accel, int ram, int ctx,
                                 const char *labels, const char *spec_extra)
{
    char buf[1024];
    snprintf(buf, sizeof buf,
             "{\"metadata\":{\"name\":\"%s\",\"labels\":{%s}},"
             "\"spec\":{\"nodeName\":\"%s\"%s},"
             "\"status\":{\"phase\":\"Ready\",\"lastHeartbeatTime\":\"2023-11-14T22:13:10Z\","
             "\"capability\":{\"accelerator\":\"%s\",\"availableRAMGB\":%d,\"maxContextTokens\":%d}}}",
             name, labels ? labels : "", name, spec_extra ? spec_extra : "", accel, ram, ctx);
    return node_json(buf);
}

static fm_agentic_task *req_task(const char *name, const char *req)
{
    char buf[1024];
    snprintf(buf, sizeof buf,
             "{\"metadata\":{\"name\":\"%s\",\"namespace\":\"default\","
             "\"creationTimestamp\":\"2023-11-14T22:00:00Z\"},"
             "\"spec\":{\"kind\":\"freeform\",\"payload\":{}%s%s}}",
             name, req ? ",\"requiredCapability\":" : "", req ? req : "");
    return task_json(buf);
}

TEST(test_time_helpers)
{
    fm_time a = {100, 900000000};
    fm_time b = fm_sched_time_add_ns(a, 200000000);
    CHECK_INT(b.sec, 101);
    CHECK_INT(b.nsec, 100000000);
    CHECK_INT(fm_sched_time_diff_ns(a, b), 200000000);
    fm_time c = fm_sched_time_add_ns(a, -950000000);
    CHECK_INT(c.sec, 99);
    CHECK_INT(c.nsec, 950000000);
    CHECK_INT(fm_sched_time_diff_ns(b, a), -200000000);
}

TEST(test_placement_parse)
{
    fm_sched_placement p;
    CHECK_INT(fm_sched_placement_parse(&p, "spread"), 0);
    CHECK_INT(p, SCHED_SPREAD);
    CHECK_INT(fm_sched_placement_parse(&p, "binpack"), 0);
    CHECK_INT(p, SCHED_BINPACK);
    CHECK_INT(fm_sched_placement_parse(&p, "first-fit"), 0);
    CHECK_INT(p, SCHED_FIRST_FIT);
    CHECK_INT(fm_sched_placement_parse(&p, "random"), FM_EINVAL);
    CHECK_CONTAINS(fm_error_last()->message, "random");
    CHECK_STR(fm_sched_placement_name(SCHED_FIRST_FIT), "first-fit");
}

TEST(test_capability_table)
{
    fm_fleet_node *metal = ready_node("m1", "metal", 64, 32768, "\"zone\":\"a\",\"tier\":\"gold\"", NULL);
    fm_fleet_node *cuda = ready_node("c1", "cuda", 16, 8192, NULL, NULL);
    fm_fleet_node *none = ready_node("n1", "none", 8, 4096, NULL, NULL);
    CHECK_FATAL(metal && cuda && none);
    static const struct {
        const char *req;
        fm_sched_fit metal, cuda, none;
    } rows[] = {
        {NULL, SCHED_FIT_OK, SCHED_FIT_OK, SCHED_FIT_OK},
        {"{}", SCHED_FIT_OK, SCHED_FIT_OK, SCHED_FIT_OK},
        {"{\"accelerator\":\"any\"}", SCHED_FIT_OK, SCHED_FIT_OK, SCHED_FIT_OK},
        {"{\"accelerator\":\"metal\"}", SCHED_FIT_OK, SCHED_FIT_ACCELERATOR, SCHED_FIT_ACCELERATOR},
        {"{\"accelerator\":\"cuda\"}", SCHED_FIT_ACCELERATOR, SCHED_FIT_OK, SCHED_FIT_ACCELERATOR},
        {"{\"accelerator\":\"rocm\"}", SCHED_FIT_ACCELERATOR, SCHED_FIT_ACCELERATOR, SCHED_FIT_ACCELERATOR},
        {"{\"minRAMGB\":16}", SCHED_FIT_OK, SCHED_FIT_OK, SCHED_FIT_RAM},
        {"{\"minRAMGB\":0}", SCHED_FIT_OK, SCHED_FIT_OK, SCHED_FIT_OK},
        {"{\"minRAMGB\":65}", SCHED_FIT_RAM, SCHED_FIT_RAM, SCHED_FIT_RAM},
        {"{\"minContextTokens\":8192}", SCHED_FIT_OK, SCHED_FIT_OK, SCHED_FIT_CONTEXT},
        {"{\"minContextTokens\":32769}", SCHED_FIT_CONTEXT, SCHED_FIT_CONTEXT, SCHED_FIT_CONTEXT},
        {"{\"nodeSelector\":{\"zone\":\"a\"}}", SCHED_FIT_OK, SCHED_FIT_SELECTOR, SCHED_FIT_SELECTOR},
        {"{\"nodeSelector\":{\"zone\":\"a\",\"tier\":\"gold\"}}", SCHED_FIT_OK, SCHED_FIT_SELECTOR, SCHED_FIT_SELECTOR},
        {"{\"nodeSelector\":{\"zone\":\"b\"}}", SCHED_FIT_SELECTOR, SCHED_FIT_SELECTOR, SCHED_FIT_SELECTOR},
        {"{\"nodeSelector\":{}}", SCHED_FIT_OK, SCHED_FIT_OK, SCHED_FIT_OK},
        {"{\"accelerator\":\"cuda\",\"minRAMGB\":16,\"minContextTokens\":8192}", SCHED_FIT_ACCELERATOR, SCHED_FIT_OK, SCHED_FIT_ACCELERATOR},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        fm_agentic_task *t = req_task("t", rows[i].req);
        CHECK_FATAL(t);
        const fm_required_capability *rc =
            fm_agentic_task_spec_has_required_capability(&t->spec) ? &t->spec.required_capability : NULL;
        if (fm_sched_capability_fits(metal, rc) != rows[i].metal ||
            fm_sched_capability_fits(cuda, rc) != rows[i].cuda ||
            fm_sched_capability_fits(none, rc) != rows[i].none) {
            fprintf(stderr, "row %zu (%s): metal %d cuda %d none %d\n", i,
                    rows[i].req ? rows[i].req : "null", fm_sched_capability_fits(metal, rc),
                    fm_sched_capability_fits(cuda, rc), fm_sched_capability_fits(none, rc));
            CHECK(0);
        }
        /* The full test agrees for an empty node. */
        CHECK_INT(fm_sched_node_fits(metal, 0, t, NOW, 90 * SEC), rows[i].metal);
        fm_agentic_task_free(t);
    }
    /* A node that reports no capability fails any non-zero requirement. */
    fm_fleet_node *bare = node_json("{\"metadata\":{\"name\":\"b\"},\"spec\":{\"nodeName\":\"b\"},"
                                    "\"status\":{\"phase\":\"Ready\",\"lastHeartbeatTime\":\"2023-11-14T22:13:10Z\"}}");
    fm_agentic_task *t = req_task("t", "{\"minRAMGB\":1}");
    CHECK_FATAL(bare && t);
    CHECK_INT(fm_sched_capability_fits(bare, &t->spec.required_capability), SCHED_FIT_RAM);
    fm_agentic_task_free(t);
    t = req_task("t", "{\"accelerator\":\"any\"}");
    CHECK_INT(fm_sched_capability_fits(bare, &t->spec.required_capability), SCHED_FIT_OK);
    fm_agentic_task_free(t);
    fm_fleet_node_free(bare);
    fm_fleet_node_free(metal);
    fm_fleet_node_free(cuda);
    fm_fleet_node_free(none);
}

/* Every accelerator a task can require that a node can also offer (same
 * JSON spelling in both enums) fits exactly the nodes offering it: the two
 * enums are matched by name, so a value added to both (vulkan) needs no
 * scheduler change. */
TEST(test_accelerator_by_name)
{
    for (size_t i = 0; i < fm_required_accelerator_desc.n_values; i++) {
        const char *want = fm_required_accelerator_desc.values[i];
        if (strcmp(want, "any") == 0) continue;
        char req[128];
        snprintf(req, sizeof req, "{\"accelerator\":\"%s\"}", want);
        fm_agentic_task *t = req_task("t", req);
        CHECK_FATAL(t);
        size_t offered = 0;
        for (size_t j = 0; j < fm_accelerator_desc.n_values; j++) {
            const char *have = fm_accelerator_desc.values[j];
            fm_fleet_node *n = ready_node("n", have, 64, 32768, NULL, NULL);
            CHECK_FATAL(n);
            bool same = strcmp(want, have) == 0;
            offered += same;
            fm_sched_fit fit = fm_sched_capability_fits(n, &t->spec.required_capability);
            if (fit != (same ? SCHED_FIT_OK : SCHED_FIT_ACCELERATOR)) {
                fprintf(stderr, "require %s, offer %s: fit %d\n", want, have, fit);
                CHECK(0);
            }
            fm_fleet_node_free(n);
        }
        CHECK(offered == 1); /* a requirement no node can offer is a schema mistake */
        fm_agentic_task_free(t);
    }
    fm_fleet_node *v = ready_node("v", "vulkan", 64, 32768, NULL, NULL);
    fm_agentic_task *t = req_task("t", "{\"accelerator\":\"vulkan\"}");
    CHECK_FATAL(v && t);
    CHECK_INT(fm_sched_capability_fits(v, &t->spec.required_capability), SCHED_FIT_OK);
    fm_agentic_task_free(t);
    fm_fleet_node_free(v);
}

TEST(test_node_health)
{
    /* heartbeat at NOW-10s */
    fm_fleet_node *n = ready_node("a", "none", 8, 0, NULL, NULL);
    CHECK_FATAL(n);
    CHECK_INT(fm_sched_node_health(n, NOW, 90 * SEC), SCHED_FIT_OK);
    CHECK_INT(fm_sched_node_health(n, NOW, 10 * SEC), SCHED_FIT_OK); /* exactly at the limit */
    CHECK_INT(fm_sched_node_health(n, NOW, 9 * SEC), SCHED_FIT_STALE);
    CHECK_INT(fm_sched_node_health(n, fm_sched_time_add_ns(NOW, 81 * SEC), 90 * SEC), SCHED_FIT_STALE);
    fm_time at;
    CHECK(fm_sched_node_stale_at(&at, n, 90 * SEC));
    CHECK_INT(at.sec, NOW.sec + 80);
    n->status.phase = FM_NODE_PHASE_DRAINING;
    CHECK_INT(fm_sched_node_health(n, NOW, 90 * SEC), SCHED_FIT_DRAINING);
    n->status.phase = FM_NODE_PHASE_NOT_READY;
    CHECK_INT(fm_sched_node_health(n, NOW, 90 * SEC), SCHED_FIT_NOT_READY);
    n->status.phase = FM_NODE_PHASE_UNSET;
    CHECK_INT(fm_sched_node_health(n, NOW, 90 * SEC), SCHED_FIT_NOT_READY);
    n->status.phase = FM_NODE_PHASE_READY;
    fm_fleet_node_status_clear_last_heartbeat_time(&n->status);
    CHECK_INT(fm_sched_node_health(n, NOW, 90 * SEC), SCHED_FIT_STALE);
    CHECK(!fm_sched_node_stale_at(&at, n, 90 * SEC));
    fm_fleet_node_free(n);
}

TEST(test_capacity_default)
{
    fm_fleet_node *a = ready_node("a", "none", 8, 0, NULL, NULL);
    fm_fleet_node *b = ready_node("b", "none", 8, 0, NULL, ",\"maxConcurrentTasks\":3");
    fm_fleet_node *c = ready_node("c", "none", 8, 0, NULL, ",\"maxConcurrentTasks\":0");
    fm_agentic_task *t = req_task("t", NULL);
    CHECK_FATAL(a && b && c && t);
    CHECK_INT(fm_sched_node_capacity(a), 1);
    CHECK_INT(fm_sched_node_capacity(b), 3);
    CHECK_INT(fm_sched_node_capacity(c), 0);
    CHECK_INT(fm_sched_node_fits(a, 0, t, NOW, 90 * SEC), SCHED_FIT_OK);
    CHECK_INT(fm_sched_node_fits(a, 1, t, NOW, 90 * SEC), SCHED_FIT_FULL);
    CHECK_INT(fm_sched_node_fits(b, 2, t, NOW, 90 * SEC), SCHED_FIT_OK);
    CHECK_INT(fm_sched_node_fits(b, 3, t, NOW, 90 * SEC), SCHED_FIT_FULL);
    CHECK_INT(fm_sched_node_fits(c, 0, t, NOW, 90 * SEC), SCHED_FIT_FULL);
    fm_fleet_node_free(a);
    fm_fleet_node_free(b);
    fm_fleet_node_free(c);
    fm_agentic_task_free(t);
}

TEST(test_priority_order)
{
    const char *js[] = {
        "{\"metadata\":{\"name\":\"old-low\",\"namespace\":\"default\",\"creationTimestamp\":\"2023-01-01T00:00:00Z\"},\"spec\":{\"kind\":\"freeform\",\"payload\":{}}}",
        "{\"metadata\":{\"name\":\"new-high\",\"namespace\":\"default\",\"creationTimestamp\":\"2023-06-01T00:00:00Z\"},\"spec\":{\"kind\":\"freeform\",\"payload\":{},\"priority\":10}}",
        "{\"metadata\":{\"name\":\"old-high\",\"namespace\":\"default\",\"creationTimestamp\":\"2023-02-01T00:00:00Z\"},\"spec\":{\"kind\":\"freeform\",\"payload\":{},\"priority\":10}}",
        "{\"metadata\":{\"name\":\"neg\",\"namespace\":\"default\",\"creationTimestamp\":\"2022-01-01T00:00:00Z\"},\"spec\":{\"kind\":\"freeform\",\"payload\":{},\"priority\":-5}}",
        "{\"metadata\":{\"name\":\"b-same\",\"namespace\":\"default\",\"creationTimestamp\":\"2023-03-01T00:00:00Z\"},\"spec\":{\"kind\":\"freeform\",\"payload\":{}}}",
        "{\"metadata\":{\"name\":\"a-same\",\"namespace\":\"default\",\"creationTimestamp\":\"2023-03-01T00:00:00Z\"},\"spec\":{\"kind\":\"freeform\",\"payload\":{},\"priority\":0}}",
    };
    enum { N = sizeof js / sizeof js[0] };
    fm_agentic_task *t[N];
    const fm_agentic_task *p[N];
    for (size_t i = 0; i < N; i++) {
        t[i] = task_json(js[i]);
        CHECK_FATAL(t[i]);
        p[i] = t[i];
    }
    fm_sched_sort_tasks(p, N);
    const char *want[N] = {"old-high", "new-high", "old-low", "a-same", "b-same", "neg"};
    for (size_t i = 0; i < N; i++) CHECK_STR(p[i]->metadata.name, want[i]);
    CHECK(fm_sched_task_cmp(t[0], t[0]) == 0);
    for (size_t i = 0; i < N; i++) fm_agentic_task_free(t[i]);
}


/* A task in ns, created `minute` minutes past 22:00, with priority prio. */
static fm_agentic_task *fair_task(const char *ns, const char *name, int minute, int prio)
{
    char buf[512];
    snprintf(buf, sizeof buf,
             "{\"metadata\":{\"name\":\"%s\",\"namespace\":\"%s\",\"creationTimestamp\":\"2023-11-14T22:%02d:00Z\"},"
             "\"spec\":{\"kind\":\"freeform\",\"payload\":{},\"priority\":%d}}",
             name, ns, minute, prio);
    return task_json(buf);
}

TEST(test_fair_order)
{
    /* Namespace a queued five tasks before b and c queued theirs; one task
     * of priority 5 in c beats everything. */
    struct { const char *ns, *name; int min, prio; } in[] = {
        {"a", "a1", 1, 0}, {"a", "a2", 2, 0}, {"a", "a3", 3, 0}, {"a", "a4", 4, 0}, {"a", "a5", 5, 0},
        {"b", "b1", 6, 0}, {"b", "b2", 7, 0}, {"c", "c1", 8, 0}, {"c", "hi", 9, 5},
    };
    enum { N = sizeof in / sizeof in[0] };
    fm_agentic_task *t[N];
    const fm_agentic_task *p[N];
    for (size_t i = 0; i < N; i++) {
        t[i] = fair_task(in[i].ns, in[i].name, in[i].min, in[i].prio);
        CHECK_FATAL(t[i]);
        p[i] = t[i];
    }
    char got[200];
#define ORDER(out)                                                                     \
    do {                                                                               \
        out[0] = 0;                                                                    \
        for (size_t i = 0; i < N; i++) {                                               \
            strcat(out, p[i]->metadata.name);                                          \
            strcat(out, i + 1 < N ? " " : "");                                         \
        }                                                                              \
    } while (0)

    /* Plain priority order: FIFO across namespaces, a's backlog first. */
    fm_sched_sort_tasks(p, N);
    ORDER(got);
    CHECK_STR(got, "hi a1 a2 a3 a4 a5 b1 b2 c1");

    /* Round robin at equal priority; nobody holds anything: by name. */
    CHECK_INT(fm_sched_fair_order(p, N, NULL, NULL, NULL), 0);
    ORDER(got);
    CHECK_STR(got, "hi a1 b1 c1 a2 b2 a3 a4 a5");

    /* a already holds 3 tasks, c holds 1: b goes first, then c, then a. */
    fm_sched_ns_counts *held = NULL;
    CHECK_FATAL(fm_sched_ns_counts_new(&held) == 0);
    CHECK_INT(fm_sched_ns_counts_add(held, "a", 3), 0);
    CHECK_INT(fm_sched_ns_counts_add(held, "c", 1), 0);
    CHECK_INT(fm_sched_ns_counts_get(held, "a"), 3);
    CHECK_INT(fm_sched_ns_counts_get(held, "zz"), 0);
    fm_sched_sort_tasks(p, N);
    CHECK_INT(fm_sched_fair_order(p, N, held, NULL, NULL), 0);
    ORDER(got);
    CHECK_STR(got, "hi b1 c1 a1 b2 a2 a3 a4 a5");

    /* Weighted shares: a=3 gives three tasks per turn. */
    fm_strmap w = {NULL, 0};
    CHECK_INT(fm_strmap_set(&w, "a", "3"), 0);
    fm_sched_sort_tasks(p, N);
    CHECK_INT(fm_sched_fair_order(p, N, NULL, NULL, &w), 0);
    ORDER(got);
    CHECK_STR(got, "hi a1 a2 a3 b1 c1 a4 a5 b2");
    fm_strmap_clear(&w);

    /* One slot at a time: a was served last, so b's turn comes first even
     * though nobody holds anything now. */
    fm_sched_ns_counts *last = NULL;
    CHECK_FATAL(fm_sched_ns_counts_new(&last) == 0);
    CHECK_INT(fm_sched_ns_counts_set(last, "a", 7), 0);
    CHECK_INT(fm_sched_ns_counts_set(last, "c", 5), 0);
    CHECK_INT(fm_sched_ns_counts_get(last, "a"), 7);
    fm_sched_sort_tasks(p, N);
    CHECK_INT(fm_sched_fair_order(p, N, NULL, last, NULL), 0);
    ORDER(got);
    CHECK_STR(got, "hi b1 c1 a1 b2 a2 a3 a4 a5");
    fm_sched_ns_counts_free(last);
#undef ORDER

    /* The ledger's held tasks per namespace: observed and assumed. */
    fm_sched_ledger *l;
    CHECK_FATAL(fm_sched_ledger_new(&l) == 0);
    CHECK_INT(fm_sched_ledger_observe(l, "x/t1", "n1", "1"), 0);
    CHECK_INT(fm_sched_ledger_observe(l, "x/t2", NULL, "2"), 0);
    CHECK_INT(fm_sched_ledger_assume(l, "x/t2", "n1", NULL), 0);
    CHECK_INT(fm_sched_ledger_observe(l, "y/t3", NULL, "3"), 0);
    fm_sched_ns_counts *c2 = NULL;
    CHECK_FATAL(fm_sched_ns_counts_new(&c2) == 0);
    CHECK_INT(fm_sched_ledger_count_namespaces(l, c2), 0);
    CHECK_INT(fm_sched_ns_counts_get(c2, "x"), 2);
    CHECK_INT(fm_sched_ns_counts_get(c2, "y"), 0);
    fm_sched_ns_counts_free(c2);
    fm_sched_ledger_free(l);
    fm_sched_ns_counts_free(held);
    fm_sched_ns_counts_free(NULL);
    for (size_t i = 0; i < N; i++) fm_agentic_task_free(t[i]);
}

/* The ledger against a model of it: random observes, assumptions (with
 * and without a node, in flight or answered), unassumes and forgets; after
 * every step each node's load, the held tasks per namespace, the number of
 * assumptions and each task's assumed state must match the model. */
TEST(test_ledger_random_model)
{
    enum { TASKS = 24, NODES = 5, STEPS = 20000 };
    struct {
        bool present, assumed;
        int obs, as;        /* node index, -1 = none */
        long obs_rv, as_to; /* -1 = none / in flight */
    } m[TASKS];
    memset(m, 0, sizeof m);
    char keys[TASKS][32], nodes[NODES][16];
    for (int i = 0; i < TASKS; i++) snprintf(keys[i], sizeof keys[i], "ns%d/t%d", i % 3, i);
    for (int k = 0; k < NODES; k++) snprintf(nodes[k], sizeof nodes[k], "n%d", k);
    fm_sched_ledger *l;
    CHECK_FATAL(fm_sched_ledger_new(&l) == 0);
    /* three nodes held from the start, as the operator holds its nodes */
    fm_sched_ledger_node *h[3];
    for (int k = 0; k < 3; k++) CHECK_FATAL((h[k] = fm_sched_ledger_node_hold(l, nodes[k])) != NULL);
    unsigned seed = 12345;
    long rv = 1;
    int bad = 0;
    for (int step = 0; step < STEPS && bad < 5; step++) {
        seed = seed * 1103515245u + 12345u;
        unsigned r = seed >> 8;
        int i = (int)(r % TASKS), op = (int)((r / TASKS) % 10), node = (int)((r / 240) % (NODES + 1)) - 1;
        const char *nn = node >= 0 ? nodes[node] : NULL;
        char rvs[24];
        if (op < 4) { /* observe */
            snprintf(rvs, sizeof rvs, "%ld", ++rv);
            CHECK_INT(fm_sched_ledger_observe(l, keys[i], nn, rvs), 0);
            if (!m[i].present) memset(&m[i], 0, sizeof m[i]), m[i].as_to = -1;
            m[i].present = true;
            m[i].obs = node;
            m[i].obs_rv = rv;
            if (m[i].assumed && m[i].as_to >= 0 && rv >= m[i].as_to) m[i].assumed = false;
        } else if (op < 7) { /* assume: in flight, or answered with a version */
            bool answered = op == 6;
            long to = answered ? rv + 1 + (long)(r % 3) : -1;
            snprintf(rvs, sizeof rvs, "%ld", to);
            CHECK_INT(fm_sched_ledger_assume(l, keys[i], nn, answered ? rvs : NULL), 0);
            if (!m[i].present) memset(&m[i], 0, sizeof m[i]), m[i].obs = -1, m[i].obs_rv = -1;
            m[i].present = true;
            m[i].assumed = true;
            m[i].as = node;
            m[i].as_to = to;
            if (to >= 0 && m[i].obs_rv >= 0 && m[i].obs_rv >= to) m[i].assumed = false;
        } else if (op < 9) {
            fm_sched_ledger_unassume(l, keys[i]);
            if (m[i].present) m[i].assumed = false;
        } else {
            fm_sched_ledger_forget(l, keys[i]);
            m[i].present = false;
        }
        int load[NODES] = {0}, held[3] = {0};
        size_t assumed = 0;
        for (int j = 0; j < TASKS; j++) {
            if (!m[j].present) continue;
            int eff = m[j].assumed ? m[j].as : m[j].obs;
            if (eff >= 0) load[eff]++, held[j % 3]++;
            if (m[j].assumed) assumed++;
            if (fm_sched_ledger_is_assumed(l, keys[j]) != m[j].assumed) bad++;
        }
        for (int k = 0; k < NODES; k++)
            if (fm_sched_ledger_load(l, nodes[k]) != load[k]) bad++;
        for (int k = 0; k < 3; k++)
            if (fm_sched_ledger_node_load(h[k]) != load[k]) bad++;
        if (fm_sched_ledger_assumed(l) != assumed) bad++;
        fm_sched_ns_counts *c = NULL;
        CHECK_FATAL(fm_sched_ns_counts_new(&c) == 0);
        CHECK_INT(fm_sched_ledger_count_namespaces(l, c), 0);
        for (int n = 0; n < 3; n++) {
            char ns[16];
            snprintf(ns, sizeof ns, "ns%d", n);
            if (fm_sched_ns_counts_get(c, ns) != held[n]) bad++;
        }
        fm_sched_ns_counts_free(c);
        if (bad) fprintf(stderr, "ledger differs from the model after step %d (op %d, task %d)\n", step, op, i);
    }
    CHECK_INT(bad, 0);
    for (int k = 0; k < 3; k++) fm_sched_ledger_node_release(l, h[k]);
    fm_sched_ledger_free(l);
}

/* Four nodes: a (load 1 of 4, 32 GB), b (load 0 of 4, 16 GB), c (load 0 of
 * 4, 64 GB), d (load 2 of 4, 8 GB), plus a stale one and a full one. */
TEST(test_policies)
{
    fm_fleet_node *n[6] = {
        ready_node("a", "none", 32, 0, NULL, ",\"maxConcurrentTasks\":4"),
        ready_node("b", "none", 16, 0, NULL, ",\"maxConcurrentTasks\":4"),
        ready_node("c", "none", 64, 0, NULL, ",\"maxConcurrentTasks\":4"),
        ready_node("d", "none", 8, 0, NULL, ",\"maxConcurrentTasks\":4"),
        ready_node("0-stale", "none", 128, 0, NULL, ",\"maxConcurrentTasks\":4"),
        ready_node("0-full", "none", 128, 0, NULL, ",\"maxConcurrentTasks\":1"),
    };
    for (int i = 0; i < 6; i++) CHECK_FATAL(n[i]);
    n[4]->status.last_heartbeat_time.sec -= 1000;
    fm_sched_candidate c[6] = {{n[0], 1}, {n[1], 0}, {n[2], 0}, {n[3], 2}, {n[4], 0}, {n[5], 1}};
    fm_agentic_task *t = req_task("t", NULL);
    CHECK_FATAL(t);
    fm_sched_fit why;
    /* spread: fewest tasks (b, c), then most RAM -> c */
    CHECK_INT(fm_sched_pick_node(c, 6, t, SCHED_SPREAD, NOW, 90 * SEC, &why), 2);
    CHECK_INT(why, SCHED_FIT_OK);
    /* binpack: most tasks -> d */
    CHECK_INT(fm_sched_pick_node(c, 6, t, SCHED_BINPACK, NOW, 90 * SEC, NULL), 3);
    /* first-fit: by name among eligible -> a ("0-*" ruled out) */
    CHECK_INT(fm_sched_pick_node(c, 6, t, SCHED_FIRST_FIT, NOW, 90 * SEC, NULL), 0);
    /* ties on load and RAM fall to the name */
    c[1].load = 0;
    n[1]->status.capability.available_ram_gb = 64;
    CHECK_INT(fm_sched_pick_node(c, 6, t, SCHED_SPREAD, NOW, 90 * SEC, NULL), 1);
    /* binpack tie on load: least RAM */
    c[0].load = 2;
    CHECK_INT(fm_sched_pick_node(c, 6, t, SCHED_BINPACK, NOW, 90 * SEC, NULL), 3);
    n[0]->status.capability.available_ram_gb = 4;
    CHECK_INT(fm_sched_pick_node(c, 6, t, SCHED_BINPACK, NOW, 90 * SEC, NULL), 0);
    /* binpack never goes above capacity */
    c[0].load = 4;
    c[3].load = 4;
    long got = fm_sched_pick_node(c, 6, t, SCHED_BINPACK, NOW, 90 * SEC, NULL);
    CHECK(got == 1 || got == 2);
    /* nothing fits: why is the furthest failure (FULL beats STALE) */
    c[1].load = 4;
    c[2].load = 4;
    CHECK_INT(fm_sched_pick_node(c, 6, t, SCHED_SPREAD, NOW, 90 * SEC, &why), -1);
    CHECK_INT(why, SCHED_FIT_FULL);
    CHECK_STR(fm_sched_fit_reason(why), "NodeFull");
    CHECK_INT(fm_sched_pick_node(c, 0, t, SCHED_SPREAD, NOW, 90 * SEC, &why), -1);
    fm_agentic_task_free(t);
    for (int i = 0; i < 6; i++) fm_fleet_node_free(n[i]);
}

/* Spread over 3 nodes of capacity 2 with the load the ledger derives:
 * six placements go 2/2/2, the seventh finds nothing. */
TEST(test_spread_with_ledger)
{
    fm_fleet_node *n[3] = {
        ready_node("x", "none", 8, 0, NULL, ",\"maxConcurrentTasks\":2"),
        ready_node("y", "none", 8, 0, NULL, ",\"maxConcurrentTasks\":2"),
        ready_node("z", "none", 8, 0, NULL, ",\"maxConcurrentTasks\":2"),
    };
    fm_sched_ledger *l;
    CHECK_FATAL(fm_sched_ledger_new(&l) == 0);
    fm_agentic_task *t = req_task("t", NULL);
    CHECK_FATAL(t);
    for (int k = 0; k < 7; k++) {
        fm_sched_candidate c[3];
        for (int i = 0; i < 3; i++) c[i] = (fm_sched_candidate){n[i], fm_sched_ledger_load(l, n[i]->metadata.name)};
        long i = fm_sched_pick_node(c, 3, t, SCHED_SPREAD, NOW, 90 * SEC, NULL);
        if (k == 6) {
            CHECK_INT(i, -1);
            break;
        }
        CHECK_FATAL(i >= 0);
        char key[32];
        snprintf(key, sizeof key, "default/t%d", k);
        /* The cache never catches up in this test: only assumptions count. */
        CHECK_INT(fm_sched_ledger_assume(l, key, n[i]->metadata.name, NULL), 0);
    }
    CHECK_INT(fm_sched_ledger_load(l, "x"), 2);
    CHECK_INT(fm_sched_ledger_load(l, "y"), 2);
    CHECK_INT(fm_sched_ledger_load(l, "z"), 2);
    CHECK_INT(fm_sched_ledger_assumed(l), 6);
    fm_sched_ledger_free(l);
    fm_agentic_task_free(t);
    for (int i = 0; i < 3; i++) fm_fleet_node_free(n[i]);
}

TEST(test_ledger_assume_cache)
{
    fm_sched_ledger *l;
    CHECK_FATAL(fm_sched_ledger_new(&l) == 0);
    /* The cache has t1 Pending (no node) at rv 100. */
    CHECK_INT(fm_sched_ledger_observe(l, "ns/t1", NULL, "100"), 0);
    CHECK_INT(fm_sched_ledger_load(l, "a"), 0);
    /* We place it on a: the slot is held while the writes are in flight. */
    CHECK_INT(fm_sched_ledger_assume(l, "ns/t1", "a", NULL), 0);
    CHECK(fm_sched_ledger_is_assumed(l, "ns/t1"));
    CHECK_INT(fm_sched_ledger_load(l, "a"), 1);
    CHECK_INT(fm_sched_ledger_assumed(l), 1);
    /* The label patch (an intermediate version) arrives mid-flight. */
    CHECK_INT(fm_sched_ledger_observe(l, "ns/t1", NULL, "103"), 0);
    CHECK_INT(fm_sched_ledger_load(l, "a"), 1);
    /* The status write produced 105. */
    CHECK_INT(fm_sched_ledger_assume(l, "ns/t1", "a", "105"), 0);
    CHECK_INT(fm_sched_ledger_load(l, "a"), 1);
    /* A lagging cache re-delivers an old version: still counted. */
    CHECK_INT(fm_sched_ledger_observe(l, "ns/t1", NULL, "103"), 0);
    CHECK_INT(fm_sched_ledger_load(l, "a"), 1);
    CHECK_INT(fm_sched_ledger_assumed(l), 1);
    /* The cache catches up: the assumption ends, the load stays one. */
    CHECK_INT(fm_sched_ledger_observe(l, "ns/t1", "a", "105"), 0);
    CHECK_INT(fm_sched_ledger_load(l, "a"), 1);
    CHECK_INT(fm_sched_ledger_assumed(l), 0);
    CHECK(!fm_sched_ledger_is_assumed(l, "ns/t1"));
    /* The task finishes: the slot is free. */
    CHECK_INT(fm_sched_ledger_observe(l, "ns/t1", NULL, "120"), 0);
    CHECK_INT(fm_sched_ledger_load(l, "a"), 0);

    /* The watch was faster than the write's reply: ends at once. */
    CHECK_INT(fm_sched_ledger_observe(l, "ns/t2", NULL, "200"), 0);
    CHECK_INT(fm_sched_ledger_assume(l, "ns/t2", "b", NULL), 0);
    CHECK_INT(fm_sched_ledger_observe(l, "ns/t2", "b", "230"), 0); /* claimed already */
    CHECK_INT(fm_sched_ledger_assumed(l), 1);                       /* in flight */
    CHECK_INT(fm_sched_ledger_assume(l, "ns/t2", "b", "201"), 0);
    CHECK_INT(fm_sched_ledger_assumed(l), 0);
    CHECK_INT(fm_sched_ledger_load(l, "b"), 1);
    /* Moving between nodes keeps totals right. */
    CHECK_INT(fm_sched_ledger_observe(l, "ns/t2", "c", "231"), 0);
    CHECK_INT(fm_sched_ledger_load(l, "b"), 0);
    CHECK_INT(fm_sched_ledger_load(l, "c"), 1);
    /* Deletion frees the slot, assumed or not. */
    fm_sched_ledger_forget(l, "ns/t2");
    CHECK_INT(fm_sched_ledger_load(l, "c"), 0);
    CHECK_INT(fm_sched_ledger_assume(l, "ns/t3", "d", NULL), 0);
    fm_sched_ledger_forget(l, "ns/t3");
    CHECK_INT(fm_sched_ledger_load(l, "d"), 0);
    CHECK_INT(fm_sched_ledger_assumed(l), 0);
    fm_sched_ledger_forget(l, "ns/unknown");

    /* A failed write gives the slot back. */
    CHECK_INT(fm_sched_ledger_observe(l, "ns/t5", NULL, "500"), 0);
    CHECK_INT(fm_sched_ledger_assume(l, "ns/t5", "f", NULL), 0);
    CHECK_INT(fm_sched_ledger_load(l, "f"), 1);
    fm_sched_ledger_unassume(l, "ns/t5");
    CHECK_INT(fm_sched_ledger_load(l, "f"), 0);
    CHECK_INT(fm_sched_ledger_assumed(l), 0);
    fm_sched_ledger_unassume(l, "ns/t5");
    /* Re-placing a task the cache still shows on another node moves it. */
    CHECK_INT(fm_sched_ledger_observe(l, "ns/t6", "g", "600"), 0);
    CHECK_INT(fm_sched_ledger_assume(l, "ns/t6", "h", NULL), 0);
    CHECK_INT(fm_sched_ledger_load(l, "g"), 0);
    CHECK_INT(fm_sched_ledger_load(l, "h"), 1);
    fm_sched_ledger_unassume(l, "ns/t6");
    CHECK_INT(fm_sched_ledger_load(l, "g"), 1);
    CHECK_INT(fm_sched_ledger_load(l, "h"), 0);

    /* Opaque versions: equality, or the cache naming a node, ends it. */
    CHECK_INT(fm_sched_ledger_assume(l, "ns/t4", "e", "xyz"), 0);
    CHECK_INT(fm_sched_ledger_observe(l, "ns/t4", NULL, "abc"), 0);
    CHECK_INT(fm_sched_ledger_load(l, "e"), 1);
    CHECK_INT(fm_sched_ledger_assumed(l), 1);
    CHECK_INT(fm_sched_ledger_observe(l, "ns/t4", "e", "abd"), 0);
    CHECK_INT(fm_sched_ledger_load(l, "e"), 1);
    CHECK_INT(fm_sched_ledger_assumed(l), 0);
    fm_sched_ledger_free(l);
    fm_sched_ledger_free(NULL);
}

TEST(test_rv_cmp)
{
    CHECK_INT(fm_sched_rv_cmp("9", "10"), -1);
    CHECK_INT(fm_sched_rv_cmp("10", "9"), 1);
    CHECK_INT(fm_sched_rv_cmp("0010", "10"), 0);
    CHECK_INT(fm_sched_rv_cmp("12345678901234567890", "12345678901234567891"), -1);
    CHECK_INT(fm_sched_rv_cmp("a", "a"), 0);
    CHECK_INT(fm_sched_rv_cmp("a", "b"), 2);
    CHECK_INT(fm_sched_rv_cmp(NULL, "1"), 2);
}

/* A tiny cache for the dependency lookups. */
typedef struct mini_cache {
    fm_agentic_task *t[16];
    size_t n;
} mini_cache;

static const fm_agentic_task *mini_lookup(void *ud, const char *ns, const char *name)
{
    mini_cache *c = ud;
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->t[i]->metadata.name, name) == 0 &&
            strcmp(c->t[i]->metadata.namespace, ns) == 0)
            return c->t[i];
    return NULL;
}

static fm_agentic_task *dep_task(mini_cache *c, const char *name, const char *deps,
                                 const char *phase)
{
    char buf[512];
    snprintf(buf, sizeof buf,
             "{\"metadata\":{\"name\":\"%s\",\"namespace\":\"default\"},"
             "\"spec\":{\"kind\":\"verify\",\"payload\":{}%s%s%s}%s%s%s}",
             name, deps ? ",\"dependsOn\":[" : "", deps ? deps : "", deps ? "]" : "",
             phase ? ",\"status\":{\"phase\":\"" : "", phase ? phase : "", phase ? "\"}" : "");
    fm_agentic_task *t = task_json(buf);
    if (t) c->t[c->n++] = t;
    return t;
}

TEST(test_dependencies)
{
    mini_cache c = {0};
    fm_agentic_task *ok = dep_task(&c, "ok", NULL, "Succeeded");
    fm_agentic_task *bad = dep_task(&c, "bad", NULL, "Failed");
    fm_agentic_task *run = dep_task(&c, "run", NULL, "Running");
    fm_agentic_task *none = dep_task(&c, "free", NULL, NULL);
    fm_agentic_task *t1 = dep_task(&c, "t1", "\"ok\"", "Pending");
    fm_agentic_task *t2 = dep_task(&c, "t2", "\"ok\",\"run\"", "Pending");
    fm_agentic_task *t3 = dep_task(&c, "t3", "\"ok\",\"missing\"", "Pending");
    fm_agentic_task *t4 = dep_task(&c, "t4", "\"run\",\"bad\"", "Pending");
    fm_agentic_task *t5 = dep_task(&c, "t5", "\"t4\"", "Pending");
    fm_agentic_task *empty = dep_task(&c, "empty", "", "Pending");
    CHECK_FATAL(ok && bad && run && none && t1 && t2 && t3 && t4 && t5 && empty);
    fm_sched_deps st;
    const char *d;
    CHECK_INT(fm_sched_deps_check(&st, &d, none, mini_lookup, &c), 0);
    CHECK_INT(st, SCHED_DEPS_READY);
    CHECK(d == NULL);
    CHECK_INT(fm_sched_deps_check(&st, &d, empty, mini_lookup, &c), 0);
    CHECK_INT(st, SCHED_DEPS_READY);
    CHECK_INT(fm_sched_deps_check(&st, &d, t1, mini_lookup, &c), 0);
    CHECK_INT(st, SCHED_DEPS_READY);
    CHECK_INT(fm_sched_deps_check(&st, &d, t2, mini_lookup, &c), 0);
    CHECK_INT(st, SCHED_DEPS_WAITING);
    CHECK_STR(d, "run");
    CHECK_INT(fm_sched_deps_check(&st, &d, t3, mini_lookup, &c), 0);
    CHECK_INT(st, SCHED_DEPS_WAITING);
    CHECK_STR(d, "missing");
    /* Failed wins over waiting, whatever the order. */
    CHECK_INT(fm_sched_deps_check(&st, &d, t4, mini_lookup, &c), 0);
    CHECK_INT(st, SCHED_DEPS_FAILED);
    CHECK_STR(d, "bad");
    /* A dependent of a Pending task waits (the cascade happens as t4 fails). */
    CHECK_INT(fm_sched_deps_check(&st, &d, t5, mini_lookup, &c), 0);
    CHECK_INT(st, SCHED_DEPS_WAITING);
    t4->status.phase = FM_TASK_PHASE_FAILED;
    CHECK_INT(fm_sched_deps_check(&st, &d, t5, mini_lookup, &c), 0);
    CHECK_INT(st, SCHED_DEPS_FAILED);
    CHECK_STR(d, "t4");
    for (size_t i = 0; i < c.n; i++) fm_agentic_task_free(c.t[i]);
}

TEST(test_cycles)
{
    mini_cache c = {0};
    fm_agentic_task *self = dep_task(&c, "self", "\"self\"", "Pending");
    fm_agentic_task *a = dep_task(&c, "a", "\"b\"", "Pending");
    fm_agentic_task *b = dep_task(&c, "b", "\"c\"", "Pending");
    fm_agentic_task *cc = dep_task(&c, "c", "\"a\"", "Pending");
    fm_agentic_task *tail = dep_task(&c, "tail", "\"a\"", "Pending");
    /* A diamond is not a cycle. */
    fm_agentic_task *top = dep_task(&c, "top", "\"l\",\"r\"", "Pending");
    fm_agentic_task *l = dep_task(&c, "l", "\"base\"", "Pending");
    fm_agentic_task *r = dep_task(&c, "r", "\"base\"", "Pending");
    fm_agentic_task *base = dep_task(&c, "base", NULL, "Succeeded");
    CHECK_FATAL(self && a && b && cc && tail && top && l && r && base);
    fm_sched_deps st;
    const char *d;
    CHECK_INT(fm_sched_deps_check(&st, &d, self, mini_lookup, &c), 0);
    CHECK_INT(st, SCHED_DEPS_CYCLE);
    CHECK_STR(d, "self");
    CHECK_INT(fm_sched_deps_check(&st, &d, a, mini_lookup, &c), 0);
    CHECK_INT(st, SCHED_DEPS_CYCLE);
    CHECK_STR(d, "b");
    CHECK_INT(fm_sched_deps_check(&st, &d, cc, mini_lookup, &c), 0);
    CHECK_INT(st, SCHED_DEPS_CYCLE);
    /* tail hangs off the cycle but is not on it: it waits (and fails as
     * UpstreamFailed once a does). */
    CHECK_INT(fm_sched_deps_check(&st, &d, tail, mini_lookup, &c), 0);
    CHECK_INT(st, SCHED_DEPS_WAITING);
    CHECK_INT(fm_sched_deps_check(&st, &d, top, mini_lookup, &c), 0);
    CHECK_INT(st, SCHED_DEPS_WAITING);
    l->status.phase = r->status.phase = FM_TASK_PHASE_SUCCEEDED;
    CHECK_INT(fm_sched_deps_check(&st, &d, top, mini_lookup, &c), 0);
    CHECK_INT(st, SCHED_DEPS_READY);
    for (size_t i = 0; i < c.n; i++) fm_agentic_task_free(c.t[i]);
}

/* Lookup for test_long_chain: "n<i>" is ts[i]. */
enum { CHAIN_N = 2000 };
static const fm_agentic_task *chain_lookup(void *ud, const char *ns, const char *name)
{
    fm_agentic_task **ts = ud;
    if (name[0] != 'n') return NULL;
    int i = atoi(name + 1);
    return i >= 0 && i < CHAIN_N ? ts[i] : NULL;
}

/* A ring of 2000 tasks is found without recursion (explicit stack), and a
 * chain of the same length without the closing edge is no cycle. */
TEST(test_long_chain)
{
    fm_agentic_task **ts = calloc(CHAIN_N, sizeof *ts);
    CHECK_FATAL(ts);
    for (int i = 0; i < CHAIN_N; i++) {
        char buf[256];
        snprintf(buf, sizeof buf,
                 "{\"metadata\":{\"name\":\"n%d\",\"namespace\":\"x\"},"
                 "\"spec\":{\"kind\":\"verify\",\"payload\":{},\"dependsOn\":[\"n%d\"]}}",
                 i, i == 0 ? CHAIN_N - 1 : i - 1);
        ts[i] = task_json(buf);
        CHECK_FATAL(ts[i]);
    }
    fm_sched_deps st;
    CHECK_INT(fm_sched_deps_check(&st, NULL, ts[CHAIN_N / 2], chain_lookup, ts), 0);
    CHECK_INT(st, SCHED_DEPS_CYCLE);
    /* break the ring: n0 depends on a missing task */
    free(ts[0]->spec.depends_on.items[0]);
    ts[0]->spec.depends_on.items[0] = fm_strdup("gone");
    CHECK_INT(fm_sched_deps_check(&st, NULL, ts[CHAIN_N / 2], chain_lookup, ts), 0);
    CHECK_INT(st, SCHED_DEPS_WAITING);
    for (int i = 0; i < CHAIN_N; i++) fm_agentic_task_free(ts[i]);
    free(ts);
}

TEST(test_claim_expiry)
{
    fm_fleet_node *n = ready_node("a", "none", 8, 0, NULL, NULL);
    fm_agentic_task *t = task_json(
        "{\"metadata\":{\"name\":\"t\",\"namespace\":\"default\"},"
        "\"spec\":{\"kind\":\"freeform\",\"payload\":{}},"
        "\"status\":{\"phase\":\"Scheduled\",\"assignedNode\":\"a\"}}");
    CHECK_FATAL(n && t);
    CHECK_INT(fm_sched_claim_check(t, n, NOW, 90 * SEC), SCHED_CLAIM_KEEP);
    CHECK_INT(fm_sched_claim_check(t, NULL, NOW, 90 * SEC), SCHED_CLAIM_RELEASE);
    /* stale heartbeat */
    CHECK_INT(fm_sched_claim_check(t, n, fm_sched_time_add_ns(NOW, 100 * SEC), 90 * SEC),
              SCHED_CLAIM_RELEASE);
    n->status.phase = FM_NODE_PHASE_NOT_READY;
    CHECK_INT(fm_sched_claim_check(t, n, NOW, 90 * SEC), SCHED_CLAIM_RELEASE);
    /* Draining: an unclaimed task goes back, a running one stays while the
     * agent heartbeats. */
    n->status.phase = FM_NODE_PHASE_DRAINING;
    CHECK_INT(fm_sched_claim_check(t, n, NOW, 90 * SEC), SCHED_CLAIM_RELEASE);
    t->status.phase = FM_TASK_PHASE_RUNNING;
    CHECK_INT(fm_sched_claim_check(t, n, NOW, 90 * SEC), SCHED_CLAIM_KEEP);
    CHECK_INT(fm_sched_claim_check(t, n, fm_sched_time_add_ns(NOW, 100 * SEC), 90 * SEC),
              SCHED_CLAIM_RELEASE);
    n->status.phase = FM_NODE_PHASE_NOT_READY;
    CHECK_INT(fm_sched_claim_check(t, n, NOW, 90 * SEC), SCHED_CLAIM_RELEASE);
    /* the counter: third expiry fails */
    CHECK_INT(fm_sched_claim_expiries(t), 0);
    CHECK_INT(fm_strmap_set(&t->metadata.annotations, FM_ANNOTATION_CLAIM_EXPIRIES, "1"), 0);
    CHECK_INT(fm_sched_claim_expiries(t), 1);
    CHECK_INT(fm_sched_claim_check(t, n, NOW, 90 * SEC), SCHED_CLAIM_RELEASE);
    CHECK_INT(fm_strmap_set(&t->metadata.annotations, FM_ANNOTATION_CLAIM_EXPIRIES, "2"), 0);
    CHECK_INT(fm_sched_claim_check(t, n, NOW, 90 * SEC), SCHED_CLAIM_FAIL);
    CHECK_INT(fm_strmap_set(&t->metadata.annotations, FM_ANNOTATION_CLAIM_EXPIRIES, "x"), 0);
    CHECK_INT(fm_sched_claim_expiries(t), 0);
    /* terminal and pending tasks are never touched */
    t->status.phase = FM_TASK_PHASE_SUCCEEDED;
    CHECK_INT(fm_sched_claim_check(t, NULL, NOW, 90 * SEC), SCHED_CLAIM_KEEP);
    t->status.phase = FM_TASK_PHASE_PENDING;
    CHECK_INT(fm_sched_claim_check(t, NULL, NOW, 90 * SEC), SCHED_CLAIM_KEEP);
    /* holding node */
    CHECK_STR(fm_sched_task_holding_node(t), "a");
    t->status.phase = FM_TASK_PHASE_FAILED;
    CHECK(fm_sched_task_holding_node(t) == NULL);
    fm_agentic_task_free(t);
    fm_fleet_node_free(n);
}

/* A Pending task in namespace ns, no requirements. */
static fm_agentic_task *ns_task(const char *name, const char *ns)
{
    char buf[512];
    snprintf(buf, sizeof buf,
             "{\"metadata\":{\"name\":\"%s\",\"namespace\":\"%s\","
             "\"creationTimestamp\":\"2023-11-14T22:00:00Z\"},"
             "\"spec\":{\"kind\":\"freeform\",\"payload\":{}}}",
             name, ns);
    return task_json(buf);
}

/* spec.taskNamespaces: absent serves every namespace, a list serves only
 * its entries (an empty list none), the scheduler skips nodes that do not
 * serve the task's namespace, and an unclaimed task left on such a node is
 * released while a claimed one is kept. */
TEST(test_task_namespaces)
{
    fm_fleet_node *all = ready_node("all", "none", 8, 0, NULL, NULL);
    fm_fleet_node *ab = ready_node("ab", "none", 8, 0, NULL,
                                   ",\"taskNamespaces\":[\"team-a\",\"team-b\"]");
    fm_fleet_node *b = ready_node("b", "none", 8, 0, NULL, ",\"taskNamespaces\":[\"team-b\"]");
    fm_fleet_node *none = ready_node("none", "none", 8, 0, NULL, ",\"taskNamespaces\":[]");
    fm_agentic_task *ta = ns_task("ta", "team-a");
    fm_agentic_task *tb = ns_task("tb", "team-b");
    fm_agentic_task *tc = ns_task("tc", "team-c");
    CHECK_FATAL(all && ab && b && none && ta && tb && tc);

    CHECK(!fm_fleet_node_spec_has_task_namespaces(&all->spec));
    CHECK(fm_fleet_node_spec_has_task_namespaces(&none->spec));
    CHECK_INT(none->spec.task_namespaces.len, 0);
    CHECK(fm_sched_node_serves_namespace(all, "team-a"));
    CHECK(fm_sched_node_serves_namespace(all, NULL));
    CHECK(fm_sched_node_serves_namespace(ab, "team-a"));
    CHECK(fm_sched_node_serves_namespace(ab, "team-b"));
    CHECK(!fm_sched_node_serves_namespace(ab, "team-c"));
    CHECK(!fm_sched_node_serves_namespace(ab, "team")); /* exact, not a prefix */
    CHECK(!fm_sched_node_serves_namespace(b, "team-a"));
    CHECK(!fm_sched_node_serves_namespace(none, "team-a"));
    CHECK(!fm_sched_node_serves_namespace(none, NULL));

    CHECK_INT(fm_sched_node_fits(all, 0, tc, NOW, 90 * SEC), SCHED_FIT_OK);
    CHECK_INT(fm_sched_node_fits(ab, 0, ta, NOW, 90 * SEC), SCHED_FIT_OK);
    CHECK_INT(fm_sched_node_fits(b, 0, ta, NOW, 90 * SEC), SCHED_FIT_NAMESPACE);
    CHECK_INT(fm_sched_node_fits(none, 0, tb, NOW, 90 * SEC), SCHED_FIT_NAMESPACE);
    CHECK_STR(fm_sched_fit_reason(SCHED_FIT_NAMESPACE), "NamespaceNotServed");
    /* health is checked first: a stale node says STALE, not NAMESPACE */
    CHECK_INT(fm_sched_node_fits(b, 0, ta, fm_sched_time_add_ns(NOW, 100 * SEC), 90 * SEC),
              SCHED_FIT_STALE);

    /* picking: b is first by name and emptiest, but only serves team-b */
    fm_sched_candidate c[2] = {{b, 0}, {ab, 1}};
    fm_sched_fit why;
    fm_fleet_node_spec_set_max_concurrent_tasks(&ab->spec, 2);
    CHECK_INT(fm_sched_pick_node(c, 2, ta, SCHED_FIRST_FIT, NOW, 90 * SEC, &why), 1);
    CHECK_INT(why, SCHED_FIT_OK);
    CHECK_INT(fm_sched_pick_node(c, 2, tb, SCHED_SPREAD, NOW, 90 * SEC, &why), 0);
    /* no node serves team-c */
    CHECK_INT(fm_sched_pick_node(c, 2, tc, SCHED_SPREAD, NOW, 90 * SEC, &why), -1);
    CHECK_INT(why, SCHED_FIT_NAMESPACE);
    /* a node that serves the namespace but is full explains more */
    c[1].load = 2;
    CHECK_INT(fm_sched_pick_node(c, 2, ta, SCHED_SPREAD, NOW, 90 * SEC, &why), -1);
    CHECK_INT(why, SCHED_FIT_FULL);
    /* a node without the list takes any namespace */
    fm_sched_candidate c2[2] = {{b, 0}, {all, 0}};
    CHECK_INT(fm_sched_pick_node(c2, 2, tc, SCHED_FIRST_FIT, NOW, 90 * SEC, NULL), 1);

    /* claim check: Scheduled on a node not serving the namespace goes back */
    ta->status.phase = FM_TASK_PHASE_SCHEDULED;
    CHECK_INT(fm_strset(&ta->status.assigned_node, "b"), 0);
    fm_agentic_task_set_status_present(ta, true);
    CHECK_INT(fm_sched_claim_check(ta, b, NOW, 90 * SEC), SCHED_CLAIM_RELEASE);
    CHECK_INT(fm_sched_claim_check(ta, ab, NOW, 90 * SEC), SCHED_CLAIM_KEEP);
    CHECK_INT(fm_sched_claim_check(ta, all, NOW, 90 * SEC), SCHED_CLAIM_KEEP);
    /* ... and counts towards the limit like any expiry */
    CHECK_INT(fm_strmap_set(&ta->metadata.annotations, FM_ANNOTATION_CLAIM_EXPIRIES, "2"), 0);
    CHECK_INT(fm_sched_claim_check(ta, b, NOW, 90 * SEC), SCHED_CLAIM_FAIL);
    /* a claimed task stays with the agent that has it */
    ta->status.phase = FM_TASK_PHASE_RUNNING;
    CHECK_INT(fm_sched_claim_check(ta, b, NOW, 90 * SEC), SCHED_CLAIM_KEEP);

    fm_fleet_node_free(all);
    fm_fleet_node_free(ab);
    fm_fleet_node_free(b);
    fm_fleet_node_free(none);
    fm_agentic_task_free(ta);
    fm_agentic_task_free(tb);
    fm_agentic_task_free(tc);
}

TEST(test_timeout_deadline)
{
    fm_agentic_task *t = task_json(
        "{\"metadata\":{\"name\":\"t\",\"namespace\":\"default\"},"
        "\"spec\":{\"kind\":\"freeform\",\"payload\":{},\"timeoutSeconds\":30},"
        "\"status\":{\"phase\":\"Running\",\"startedAt\":\"2023-11-14T22:13:20Z\"}}");
    CHECK_FATAL(t);
    fm_time d;
    CHECK(fm_sched_timeout_deadline(&d, t));
    CHECK_INT(d.sec, NOW.sec + 30 + 60);
    fm_agentic_task_spec_set_timeout_seconds(&t->spec, 0);
    CHECK(fm_sched_timeout_deadline(&d, t));
    CHECK_INT(d.sec, NOW.sec + 2700 + 60);
    fm_agentic_task_spec_clear_timeout_seconds(&t->spec);
    CHECK(fm_sched_timeout_deadline(&d, t));
    CHECK_INT(d.sec, NOW.sec + 2760);
    t->status.phase = FM_TASK_PHASE_SCHEDULED;
    CHECK(!fm_sched_timeout_deadline(&d, t));
    t->status.phase = FM_TASK_PHASE_RUNNING;
    fm_agentic_task_status_clear_started_at(&t->status);
    CHECK(!fm_sched_timeout_deadline(&d, t));
    fm_agentic_task_free(t);
}

static fm_workload *workload_json(const char *json)
{
    fm_workload *w = NULL;
    if (fm_workload_decode(&w, json, strlen(json)) != 0) {
        fprintf(stderr, "decode workload: %s\n", fm_error_last()->message);
        return NULL;
    }
    return w;
}

TEST(test_pipeline)
{
    fm_workload *w = workload_json(
        "{\"metadata\":{\"name\":\"wl\",\"namespace\":\"team\",\"uid\":\"u-1\"},"
        "\"spec\":{\"intent\":\"fix it\",\"repo\":\"o/r\",\"maxTasks\":3,\"pipeline\":["
        "{\"name\":\"fix\",\"kind\":\"issue-fix\",\"payload\":{\"issue\":7},\"priority\":5},"
        "{\"name\":\"verify\",\"kind\":\"verify\",\"dependsOn\":[\"fix\"],\"timeoutSeconds\":60,"
        " \"requiredCapability\":{\"accelerator\":\"cuda\"}},"
        "{\"name\":\"late\",\"dependsOn\":[\"extra\"]},"
        "{\"name\":\"extra\",\"payload\":{\"repo\":\"o/other\"}}]}}");
    CHECK_FATAL(w);
    CHECK_INT(fm_sched_pipeline_validate(w), 0);
    bool keep[4];
    /* maxTasks 3 keeps fix, verify, late; late depends on the dropped
     * extra, so it goes too. */
    CHECK_INT(fm_sched_pipeline_select(keep, w), 2);
    CHECK(keep[0] && keep[1] && !keep[2] && !keep[3]);
    fm_workload_spec_clear_max_tasks(&w->spec);
    CHECK_INT(fm_sched_pipeline_select(keep, w), 4);

    fm_agentic_task *t = NULL;
    CHECK_INT(fm_sched_pipeline_task(&t, w, 1), 0);
    CHECK_FATAL(t);
    CHECK_STR(t->metadata.name, "wl-verify");
    CHECK_STR(t->metadata.namespace, "team");
    CHECK_STR(fm_strmap_get(&t->metadata.labels, FM_LABEL_WORKLOAD), "wl");
    CHECK_INT(t->metadata.owner_references.len, 1);
    CHECK_STR(t->metadata.owner_references.items[0].uid, "u-1");
    CHECK_STR(t->metadata.owner_references.items[0].kind, "Workload");
    CHECK(t->metadata.owner_references.items[0].controller);
    CHECK_INT(t->spec.kind, FM_TASK_KIND_VERIFY);
    CHECK_INT(t->spec.depends_on.len, 1);
    CHECK_STR(t->spec.depends_on.items[0], "wl-fix");
    CHECK_INT(t->spec.timeout_seconds, 60);
    CHECK_INT(t->spec.required_capability.accelerator, FM_REQUIRED_ACCELERATOR_CUDA);
    CHECK_STR(t->spec.payload.repo, "o/r");
    fm_buf b = FM_BUF_INIT;
    CHECK_INT(fm_agentic_task_encode(&b, t), 0);
    CHECK_CONTAINS(b.data, "\"ownerReferences\":[{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"Workload\",\"name\":\"wl\",\"uid\":\"u-1\",\"controller\":true,\"blockOwnerDeletion\":true}]");
    fm_buf_free(&b);
    fm_agentic_task_free(t);
    CHECK_INT(fm_sched_pipeline_task(&t, w, 0), 0);
    CHECK_INT(t->spec.kind, FM_TASK_KIND_ISSUE_FIX);
    CHECK_INT(t->spec.payload.issue, 7);
    CHECK_INT(t->spec.priority, 5);
    CHECK(!fm_agentic_task_spec_has_depends_on(&t->spec));
    fm_agentic_task_free(t);
    CHECK_INT(fm_sched_pipeline_task(&t, w, 3), 0);
    CHECK_INT(t->spec.kind, FM_TASK_KIND_FREEFORM);
    CHECK_STR(t->spec.payload.repo, "o/other");
    fm_agentic_task_free(t);
    CHECK_INT(fm_sched_pipeline_task(&t, w, 9), FM_EINVAL);
    fm_workload_free(w);

    /* invalid pipelines */
    static const char *bad[] = {
        "[{\"name\":\"A\"}]",
        "[{\"name\":\"a\"},{\"name\":\"a\"}]",
        "[{\"name\":\"a\",\"dependsOn\":[\"nope\"]}]",
        "[{\"name\":\"-a\"}]",
        "[{}]",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char buf[512];
        snprintf(buf, sizeof buf,
                 "{\"metadata\":{\"name\":\"wl\",\"namespace\":\"team\"},\"spec\":{\"intent\":\"x\",\"pipeline\":%s}}",
                 bad[i]);
        w = workload_json(buf);
        CHECK_FATAL(w);
        CHECK_INT(fm_sched_pipeline_validate(w), FM_EINVAL);
        CHECK_CONTAINS(fm_error_last()->message, "workloads/wl");
        fm_workload_free(w);
    }
}

int main(void)
{
    RUN(test_time_helpers);
    RUN(test_placement_parse);
    RUN(test_capability_table);
    RUN(test_accelerator_by_name);
    RUN(test_node_health);
    RUN(test_capacity_default);
    RUN(test_priority_order);
    RUN(test_policies);
    RUN(test_spread_with_ledger);
    RUN(test_ledger_assume_cache);
    RUN(test_ledger_random_model);
    RUN(test_rv_cmp);
    RUN(test_dependencies);
    RUN(test_cycles);
    RUN(test_long_chain);
    RUN(test_claim_expiry);
    RUN(test_task_namespaces);
    RUN(test_timeout_deadline);
    RUN(test_pipeline);
    RUN(test_fair_order);
    return test_summary();
}
