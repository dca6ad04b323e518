/*
 * test_schedplan.c - the incremental scheduling pass (foreman/sched/schedplan.h).
 *
 * The model test applies random sequences of task and node events (adds,
 * deletes, completions, releases, spec edits, the operator's own status
 * writes, node capability, phase, capacity, label, namespace and heartbeat
 * changes) to an in-memory world. After each event the incremental plan,
 * told about the event exactly as the operator's handlers tell it, runs one
 * pass; a plain full recompute (every waiting task whose dependencies
 * succeeded, sorted, each on fm_sched_pick_node over every node) runs over the
 * same world. Both must make the same placements. The placements are then
 * applied (each one an event again), and the unplaced tasks get the
 * Unschedulable condition when it changed, as the operator writes it; that
 * write must leave the plan with nothing to do. Half of those writes stay
 * in flight for a while, as the operator's writers make them: passes skip
 * the task (the ledger's assumption: view->eligible says no) until the
 * write was both answered and delivered by the watch, in either order, and
 * the operator then offers the task again (op_assumption_ended); the
 * reference leaves such a task out as well.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "foreman_v1alpha1.h"
#include "schedplan.h"
#include "test.h"

#define SEC INT64_C(1000000000)
static const fm_time NOW = {1700000000, 0};
#define STALE (90 * SEC)

/* ------------------------------------------------------------ the world */

#define MAX_NODES 10
#define MAX_TASKS 48

typedef struct wnode {
    bool live;
    char name[16];
    const char *accel;
    int ram, ctx, capacity;
    const char *zone;   /* label zone, NULL for none */
    int ns_mode;        /* 0: all namespaces, 1: [a], 2: [a, b], 3: [] */
    const char *phase;
    bool stale;
    int version;
    fm_fleet_node *obj;
} wnode;

typedef struct wtask {
    bool live;
    char ns[4], name[16], key[24];
    const char *accel; /* NULL: no requirement */
    int ram;
    const char *zone;
    int priority, created, generation, version;
    int dep;            /* unused */
    char depname[16];   /* the task it depends on, "" none */
    const char *phase;  /* NULL: unset */
    char node[16];      /* assignedNode, "" none */
    char unsched[256];  /* the Unschedulable message, "" none */
    /* A mark (phase Pending, the Unschedulable message pend) the operator
     * is writing: passes skip the task until the write was answered and
     * delivered (its assumption ended). skipped: a pass asked meanwhile. */
    bool inflight, delivered, answered, skipped;
    char pend[256];
    fm_agentic_task *obj;
} wtask;

static wnode nodes[MAX_NODES];
static wtask tasks[MAX_TASKS];
static int clock_step;
static int noisy_settles; /* writes whose end gave the plan needless work */
static unsigned rng_state;

static unsigned rnd(unsigned n)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return ((rng_state >> 16) & 0x7fff) % n;
}

static fm_fleet_node *build_node(wnode *w)
{
    char buf[2048], ns[64] = "", labels[64] = "";
    if (w->ns_mode == 1) snprintf(ns, sizeof ns, ",\"taskNamespaces\":[\"a\"]");
    if (w->ns_mode == 2) snprintf(ns, sizeof ns, ",\"taskNamespaces\":[\"a\",\"b\"]");
    if (w->ns_mode == 3) snprintf(ns, sizeof ns, ",\"taskNamespaces\":[]");
    if (w->zone) snprintf(labels, sizeof labels, "\"zone\":\"%s\"", w->zone);
    snprintf(buf, sizeof buf,
             "{\"metadata\":{\"name\":\"%s\",\"resourceVersion\":\"%d\",\"labels\":{%s}},"
             "\"spec\":{\"nodeName\":\"%s\",\"maxConcurrentTasks\":%d%s},"
             "\"status\":{\"phase\":\"%s\",\"lastHeartbeatTime\":\"%s\","
             "\"capability\":{\"accelerator\":\"%s\",\"availableRAMGB\":%d,\"maxContextTokens\":%d}}}",
             w->name, ++w->version, labels, w->name, w->capacity, ns, w->phase,
             w->stale ? "2023-11-14T21:00:00Z" : "2023-11-14T22:13:10Z", w->accel, w->ram, w->ctx);
    fm_fleet_node *n = NULL;
    if (fm_fleet_node_decode(&n, buf, strlen(buf)) != 0)
        fprintf(stderr, "decode node: %s\n%s\n", fm_error_last()->message, buf);
    return n;
}

static fm_agentic_task *build_task(wtask *w)
{
    char buf[2048], req[256] = "", deps[64] = "", status[512] = "";
    if (w->accel || w->ram || w->zone) {
        int n = snprintf(req, sizeof req, ",\"requiredCapability\":{\"accelerator\":\"%s\",\"minRAMGB\":%d",
                         w->accel ? w->accel : "any", w->ram);
        if (w->zone) n += snprintf(req + n, sizeof req - (size_t)n, ",\"nodeSelector\":{\"zone\":\"%s\"}", w->zone);
        snprintf(req + n, sizeof req - (size_t)n, "}");
    }
    if (w->depname[0]) snprintf(deps, sizeof deps, ",\"dependsOn\":[\"%s\"]", w->depname);
    int n = snprintf(status, sizeof status, "\"status\":{");
    const char *sep = "";
    if (w->phase) {
        n += snprintf(status + n, sizeof status - (size_t)n, "\"phase\":\"%s\"", w->phase);
        sep = ",";
    }
    if (w->node[0]) {
        n += snprintf(status + n, sizeof status - (size_t)n, "%s\"assignedNode\":\"%s\"", sep, w->node);
        sep = ",";
    }
    if (w->unsched[0])
        n += snprintf(status + n, sizeof status - (size_t)n,
                      "%s\"conditions\":[{\"type\":\"Scheduled\",\"status\":\"False\",\"reason\":\"Unschedulable\","
                      "\"message\":\"%s\",\"lastTransitionTime\":\"2023-11-14T22:00:00Z\"}]",
                      sep, w->unsched);
    snprintf(status + n, sizeof status - (size_t)n, "}");
    snprintf(buf, sizeof buf,
             "{\"metadata\":{\"name\":\"%s\",\"namespace\":\"%s\",\"resourceVersion\":\"%d\",\"generation\":%d,"
             "\"creationTimestamp\":\"2023-11-14T22:%02d:%02dZ\"},"
             "\"spec\":{\"kind\":\"freeform\",\"payload\":{},\"priority\":%d%s%s},%s}",
             w->name, w->ns, ++w->version, w->generation, (w->created / 60) % 60, w->created % 60,
             w->priority, req, deps, status);
    fm_agentic_task *t = NULL;
    if (fm_agentic_task_decode(&t, buf, strlen(buf)) != 0)
        fprintf(stderr, "decode task: %s\n%s\n", fm_error_last()->message, buf);
    return t;
}

static wtask *task_by_key(const char *key)
{
    for (int i = 0; i < MAX_TASKS; i++)
        if (tasks[i].live && strcmp(tasks[i].key, key) == 0) return &tasks[i];
    return NULL;
}

static const fm_agentic_task *lookup(void *ud, const char *ns, const char *name)
{
    for (int i = 0; i < MAX_TASKS; i++)
        if (tasks[i].live && strcmp(tasks[i].ns, ns ? ns : "") == 0 && strcmp(tasks[i].name, name) == 0)
            return tasks[i].obj;
    return NULL;
}

static int32_t world_load(const char *node)
{
    int32_t n = 0;
    for (int i = 0; i < MAX_TASKS; i++) {
        const char *h = tasks[i].live ? fm_sched_task_holding_node(tasks[i].obj) : NULL;
        if (h && strcmp(h, node) == 0) n++;
    }
    return n;
}

static bool deps_ready(const fm_agentic_task *t)
{
    fm_sched_deps st;
    if (fm_sched_deps_check(&st, NULL, t, lookup, NULL) != 0) return false;
    return st == SCHED_DEPS_READY;
}

/* ------------------------------------------------------------ the view */

static int v_each_waiting(void *ud, fm_sched_task_visit_fn fn, void *arg)
{
    for (int i = 0; i < MAX_TASKS; i++) {
        if (!tasks[i].live || !fm_sched_task_waiting(tasks[i].obj)) continue;
        int rc = fn(arg, tasks[i].key, tasks[i].obj);
        if (rc) return rc;
    }
    return 0;
}

static int v_each_in_class(void *ud, const char *class_key, fm_sched_task_visit_fn fn, void *arg)
{
    char k[SCHED_CLASS_KEY_MAX];
    for (int i = 0; i < MAX_TASKS; i++) {
        if (!tasks[i].live || !fm_sched_task_waiting(tasks[i].obj)) continue;
        if (strcmp(fm_sched_class_key(k, sizeof k, tasks[i].obj), class_key) != 0) continue;
        int rc = fn(arg, tasks[i].key, tasks[i].obj);
        if (rc) return rc;
    }
    return 0;
}

static const fm_agentic_task *v_task(void *ud, const char *key)
{
    wtask *w = task_by_key(key);
    return w ? w->obj : NULL;
}

static int v_each_node(void *ud, fm_sched_node_visit_fn fn, void *arg)
{
    for (int i = 0; i < MAX_NODES; i++) {
        if (!nodes[i].live) continue;
        int rc = fn(arg, nodes[i].obj);
        if (rc) return rc;
    }
    return 0;
}

static const fm_fleet_node *v_node(void *ud, const char *name)
{
    for (int i = 0; i < MAX_NODES; i++)
        if (nodes[i].live && strcmp(nodes[i].name, name) == 0) return nodes[i].obj;
    return NULL;
}

static int32_t v_load(void *ud, const char *node)
{
    return world_load(node);
}

/* As the operator's view_eligible: no while a write of ours is in flight. */
static int v_eligible(void *ud, const char *key, const fm_agentic_task *t)
{
    wtask *w = task_by_key(key);
    if (w && w->inflight) {
        w->skipped = true;
        return 0;
    }
    return deps_ready(t);
}

/* The nodes with their loads in one walk (the operator's way). */
static int v_each_node_load(void *ud, fm_sched_node_load_visit_fn fn, void *arg)
{
    for (int i = 0; i < MAX_NODES; i++) {
        if (!nodes[i].live) continue;
        int rc = fn(arg, nodes[i].obj, world_load(nodes[i].name));
        if (rc) return rc;
    }
    return 0;
}

static const fm_sched_plan_view VIEW = {
    .each_waiting = v_each_waiting,
    .each_in_class = v_each_in_class,
    .task = v_task,
    .each_node = v_each_node,
    .node = v_node,
    .load = v_load,
    .eligible = v_eligible,
};


static bool use_loads_view; /* the random model test alternates VIEW and VIEW with each_node_load */

/* ------------------------------------------------------------ the reference */

typedef struct pair {
    char key[24], node[16];
} pair;

static int pair_cmp(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : strcmp(x->node, y->node);
}

/* The full recompute: every waiting task with its dependencies met, in
 * order, on the node fm_sched_pick_node picks among all nodes. */
static size_t reference(pair *out, fm_sched_placement p)
{
    const fm_agentic_task *ts[MAX_TASKS];
    size_t nt = 0;
    for (int i = 0; i < MAX_TASKS; i++)
        if (tasks[i].live && !tasks[i].inflight && fm_sched_task_waiting(tasks[i].obj) &&
            deps_ready(tasks[i].obj))
            ts[nt++] = tasks[i].obj;
    fm_sched_sort_tasks(ts, nt);
    fm_sched_candidate c[MAX_NODES];
    size_t nc = 0;
    for (int i = 0; i < MAX_NODES; i++)
        if (nodes[i].live) {
            c[nc].node = nodes[i].obj;
            c[nc].load = world_load(nodes[i].name);
            nc++;
        }
    size_t n = 0;
    for (size_t i = 0; i < nt; i++) {
        long k = fm_sched_pick_node(c, nc, ts[i], p, NOW, STALE, NULL);
        if (k < 0) continue;
        c[k].load++;
        snprintf(out[n].key, sizeof out[n].key, "%s/%s", ts[i]->metadata.namespace, ts[i]->metadata.name);
        snprintf(out[n].node, sizeof out[n].node, "%s", c[k].node->metadata.name);
        n++;
    }
    qsort(out, n, sizeof *out, pair_cmp);
    return n;
}

/* ------------------------------------------------------------ events, as the operator's handlers see them */

static fm_sched_plan *plan;

/* The task controller's reconcile of task i: dependencies met -> ready. */
static void reconcile(int i)
{
    if (!tasks[i].live || !fm_sched_task_waiting(tasks[i].obj)) return;
    if (deps_ready(tasks[i].obj)) fm_sched_plan_task_ready(plan, tasks[i].key);
}

static void reconcile_dependents(int i)
{
    for (int j = 0; j < MAX_TASKS; j++)
        if (tasks[j].live && strcmp(tasks[j].depname, tasks[i].name) == 0 && strcmp(tasks[j].ns, tasks[i].ns) == 0)
            reconcile(j);
}

/* Replaces task i's object with a new version and tells the plan. */
static void task_update(int i)
{
    fm_agentic_task *old = tasks[i].obj;
    tasks[i].obj = build_task(&tasks[i]);
    fm_sched_plan_task_event(plan, tasks[i].key, old, tasks[i].obj);
    reconcile(i);
    if (old->status.phase != tasks[i].obj->status.phase) reconcile_dependents(i);
    fm_agentic_task_free(old);
}

/* Adds a task in slot `slot` (-1: the first free one) named `again`
 * in namespace `again_ns` (NULL: a new name), so a deleted dependency
 * can come back under its name. */
static void task_add_as(int slot, const char *again_ns, const char *again)
{
    int i = slot;
    for (int k = 0; k < MAX_TASKS && i < 0; k++)
        if (!tasks[k].live) i = k;
    if (i < 0) return;
    wtask *w = &tasks[i];
    char ns_buf[4], name[16];
    snprintf(ns_buf, sizeof ns_buf, "%s", again_ns ? again_ns : (rnd(3) ? "a" : "b"));
    if (again) snprintf(name, sizeof name, "%s", again);
    else snprintf(name, sizeof name, "t%02d-%d", i, clock_step);
    const char *ns = ns_buf;
    memset(w, 0, sizeof *w);
    w->live = true;
    snprintf(w->ns, sizeof w->ns, "%s", ns);
    snprintf(w->name, sizeof w->name, "%s", name);
    snprintf(w->key, sizeof w->key, "%s/%s", ns, name);
    static const char *accels[] = {NULL, "any", "cuda", "metal"};
    static const int rams[] = {0, 0, 16, 48};
    static const char *zones[] = {NULL, NULL, "z1", "z2"};
    w->accel = accels[rnd(4)];
    w->ram = rams[rnd(4)];
    w->zone = zones[rnd(4)];
    w->priority = (int)rnd(4);
    w->created = clock_step;
    w->generation = 1;
    w->dep = -1;
    if (rnd(5) == 0) {
        int d = (int)rnd(MAX_TASKS);
        if (tasks[d].live && d != i && strcmp(tasks[d].ns, ns) == 0)
            memcpy(w->depname, tasks[d].name, sizeof w->depname);
    }
    w->phase = rnd(10) ? "Pending" : NULL;
    w->obj = build_task(w);
    fm_sched_plan_task_event(plan, w->key, NULL, w->obj);
    reconcile(i);
    reconcile_dependents(i);
}

static void task_add(void)
{
    task_add_as(-1, NULL, NULL);
}

static void task_delete(int i)
{
    tasks[i].inflight = false;
    fm_sched_plan_task_event(plan, tasks[i].key, tasks[i].obj, NULL);
    fm_agentic_task_free(tasks[i].obj);
    tasks[i].obj = NULL;
    tasks[i].live = false;
    reconcile_dependents(i);
}

static void node_update(int i, bool added)
{
    fm_fleet_node *old = added ? NULL : nodes[i].obj;
    nodes[i].obj = build_node(&nodes[i]);
    fm_sched_plan_node_event(plan, old, nodes[i].obj, NOW, STALE);
    fm_fleet_node_free(old);
}

static void node_add(void)
{
    int i = -1;
    for (int k = 0; k < MAX_NODES && i < 0; k++)
        if (!nodes[k].live) i = k;
    if (i < 0) return;
    wnode *w = &nodes[i];
    memset(w, 0, sizeof *w);
    w->live = true;
    snprintf(w->name, sizeof w->name, "n%02d", i);
    static const char *accels[] = {"none", "cuda", "metal"};
    static const char *zones[] = {NULL, "z1", "z2"};
    w->accel = accels[rnd(3)];
    w->ram = 8 + 8 * (int)rnd(8);
    w->ctx = 32768;
    w->capacity = (int)rnd(4);
    w->zone = zones[rnd(3)];
    w->ns_mode = rnd(3) ? 0 : (int)rnd(4);
    w->phase = rnd(5) ? "Ready" : "NotReady";
    node_update(i, true);
}

/* The assumption of a mark ends (answered and delivered): the operator
 * offers the task again (op_assumption_ended). A task no pass looked at
 * meanwhile is still parked, so that costs no pass. */
static void write_settled(wtask *w)
{
    w->inflight = false;
    if (!fm_sched_task_waiting(w->obj)) return;
    bool had = fm_sched_plan_has_work(plan);
    if (fm_sched_plan_task_ready(plan, w->key) && !had && !w->skipped) {
        fprintf(stderr, "the end of a write for %s that no pass skipped gave the plan work\n", w->key);
        noisy_settles++;
    }
}

/* The watch delivers task i's mark: the handler's event (and, when the
 * writer recorded its answer already, the end of the assumption), then the
 * task controller's reconcile. */
static void write_delivered(int i)
{
    wtask *w = &tasks[i];
    w->delivered = true;
    memcpy(w->unsched, w->pend, sizeof w->unsched);
    if (!w->phase) w->phase = "Pending";
    fm_agentic_task *old = w->obj;
    w->obj = build_task(w);
    fm_sched_plan_task_event(plan, w->key, old, w->obj);
    if (w->answered) write_settled(w);
    reconcile(i);
    if (old->status.phase != w->obj->status.phase) reconcile_dependents(i);
    fm_agentic_task_free(old);
}

/* The writer records the answer to task i's mark: when the cache holds
 * the version already, the assumption ends here. */
static void write_answered(int i)
{
    wtask *w = &tasks[i];
    w->answered = true;
    if (w->delivered) write_settled(w);
}

/* The first live task from slot i on whose mark is in flight and not yet
 * delivered (answered: not yet answered), or -1. */
static int inflight_from(int i, bool answered)
{
    for (int k = 0; k < MAX_TASKS; k++) {
        wtask *w = &tasks[(i + k) % MAX_TASKS];
        if (w->live && w->inflight && !(answered ? w->answered : w->delivered)) return (i + k) % MAX_TASKS;
    }
    return -1;
}

/* One random event. */
static void step(void)
{
    clock_step++;
    int i = (int)rnd(MAX_TASKS), k = (int)rnd(MAX_NODES);
    wtask *t = &tasks[i];
    wnode *n = &nodes[k];
    switch (rnd(18)) {
    case 0: case 1: case 2: case 3:
        task_add();
        break;
    case 4: /* deleted; sometimes back under the same name at once */
        if (t->live) {
            char ns[4], name[16];
            memcpy(ns, t->ns, sizeof ns);
            memcpy(name, t->name, sizeof name);
            task_delete(i);
            if (rnd(2)) task_add_as(i, ns, name);
        }
        break;
    case 5: /* finishes (or fails) */
        if (t->live && t->phase && strcmp(t->phase, "Scheduled") == 0) {
            t->phase = rnd(4) ? "Succeeded" : "Failed";
            task_update(i);
        }
        break;
    case 6: /* released back to Pending */
        if (t->live && t->phase && strcmp(t->phase, "Scheduled") == 0) {
            t->phase = "Pending";
            t->node[0] = 0;
            task_update(i);
        }
        break;
    case 7: /* spec edited */
        if (t->live) {
            t->priority = (int)rnd(4);
            if (rnd(2)) t->ram = t->ram ? 0 : 16;
            t->generation++;
            task_update(i);
        }
        break;
    case 8: /* someone's status write that places nothing */
        if (t->live && fm_sched_task_waiting(t->obj)) task_update(i);
        break;
    case 9:
        node_add();
        break;
    case 10:
        if (n->live && rnd(3) == 0) {
            fm_fleet_node_free(n->obj);
            n->obj = NULL;
            n->live = false;
        }
        break;
    case 11: /* capability */
        if (n->live) {
            n->ram = 8 + 8 * (int)rnd(8);
            if (rnd(3) == 0) n->accel = n->accel[0] == 'c' ? "metal" : "cuda";
            node_update(k, false);
        }
        break;
    case 12: /* phase */
        if (n->live) {
            static const char *phases[] = {"Ready", "Ready", "NotReady", "Draining"};
            n->phase = phases[rnd(4)];
            node_update(k, false);
        }
        break;
    case 13: /* capacity, labels, namespaces */
        if (n->live) {
            switch (rnd(3)) {
            case 0: n->capacity = (int)rnd(4); break;
            case 1: n->zone = n->zone ? NULL : (rnd(2) ? "z1" : "z2"); break;
            default: n->ns_mode = (int)rnd(4); break;
            }
            node_update(k, false);
        }
        break;
    case 14: /* heartbeat: fresh, or gone stale */
        if (n->live) {
            n->stale = rnd(4) == 0;
            node_update(k, false);
        }
        break;
    case 15: /* the watch delivers a mark of the operator's */
        if ((i = inflight_from(i, false)) >= 0) write_delivered(i);
        break;
    case 16: /* the writer gets the answer to its mark */
        if ((i = inflight_from(i, true)) >= 0) write_answered(i);
        break;
    default: /* a heartbeat that changes nothing */
        if (n->live) node_update(k, false);
        break;
    }
}

/* One pass of the plan, compared with the reference; then the placements
 * and Unschedulable conditions are applied as the watch would deliver
 * them. Returns false on a difference. */
static bool pass_and_compare(fm_sched_placement p, int seed, int step_no)
{
    pair want[MAX_TASKS], got[MAX_TASKS];
    size_t nw = reference(want, p), ng = 0;
    fm_sched_plan_result r;
    memset(&r, 0, sizeof r);
    fm_sched_plan_view view = VIEW;
    if (use_loads_view) view.each_node_load = v_each_node_load;
    if (fm_sched_plan_has_work(plan) && fm_sched_plan_run(plan, &view, p, NOW, STALE, &r) != 0) {
        fprintf(stderr, "run: %s\n", fm_error_last()->message);
        return false;
    }
    for (size_t i = 0; i < r.n_placed; i++) {
        snprintf(got[ng].key, sizeof got[ng].key, "%s", r.placed[i].key);
        snprintf(got[ng].node, sizeof got[ng].node, "%s", r.placed[i].node->metadata.name);
        ng++;
    }
    qsort(got, ng, sizeof *got, pair_cmp);
    bool same = nw == ng;
    for (size_t i = 0; same && i < nw; i++) same = pair_cmp(&want[i], &got[i]) == 0;
    if (!same) {
        fprintf(stderr, "seed %d step %d (%s): reference placed %zu, plan %zu\n", seed, step_no,
                fm_sched_placement_name(p), nw, ng);
        for (size_t i = 0; i < nw; i++) fprintf(stderr, "  want %s -> %s\n", want[i].key, want[i].node);
        for (size_t i = 0; i < ng; i++) fprintf(stderr, "  got  %s -> %s\n", got[i].key, got[i].node);
    }
    /* Unschedulable conditions first (the task pointers are this version's). */
    char msgs[MAX_TASKS][256];
    char keys[MAX_TASKS][24];
    size_t nu = 0;
    for (size_t i = 0; i < r.n_unplaced; i++) {
        snprintf(keys[nu], sizeof keys[nu], "%s", r.unplaced[i].key);
        snprintf(msgs[nu], sizeof msgs[nu], "%s", r.unplaced[i].message);
        nu++;
    }
    fm_sched_plan_result_free(&r);
    for (size_t i = 0; i < ng; i++) {
        wtask *w = task_by_key(got[i].key);
        w->phase = "Scheduled";
        snprintf(w->node, sizeof w->node, "%s", got[i].node);
        task_update((int)(w - tasks));
    }
    bool quiet = true;
    for (size_t i = 0; i < nu; i++) {
        wtask *w = task_by_key(keys[i]);
        if (!w) continue;
        bool unchanged = fm_sched_unschedulable_same(w->unsched, msgs[i]);
        if (rnd(2)) {
            /* The operator's writer: Pending (for a task without a phase)
             * and the condition when it changed, delivered later. */
            if (unchanged && w->phase) continue;
            w->inflight = true;
            w->delivered = w->answered = w->skipped = false;
            if (unchanged) memcpy(w->pend, w->unsched, sizeof w->pend);
            else snprintf(w->pend, sizeof w->pend, "%s", msgs[i]);
            continue;
        }
        if (unchanged) continue;
        snprintf(w->unsched, sizeof w->unsched, "%s", msgs[i]);
        /* The operator's own write: neither the event nor the reconcile
         * that follows may give the plan work. */
        fm_agentic_task *old = w->obj;
        w->obj = build_task(w);
        if (fm_sched_plan_task_event(plan, w->key, old, w->obj)) quiet = false;
        if (deps_ready(w->obj) && fm_sched_plan_task_ready(plan, w->key)) quiet = false;
        fm_agentic_task_free(old);
    }
    if (!quiet && same && !ng) {
        fprintf(stderr, "seed %d step %d: an own Unschedulable write gave the plan work\n", seed, step_no);
        return false;
    }
    return same;
}

static void world_clear(void)
{
    for (int i = 0; i < MAX_TASKS; i++) {
        fm_agentic_task_free(tasks[i].obj);
        tasks[i].obj = NULL;
        tasks[i].live = false;
    }
    for (int i = 0; i < MAX_NODES; i++) {
        fm_fleet_node_free(nodes[i].obj);
        nodes[i].obj = NULL;
        nodes[i].live = false;
    }
}

TEST(test_model_matches_full_recompute)
{
    int failures = 0;
    for (int seed = 1; seed <= 300 && failures < 3; seed++) {
        rng_state = (unsigned)seed * 2654435761u;
        clock_step = 0;
        fm_sched_placement p = (fm_sched_placement)(seed % 3);
        use_loads_view = (seed / 3) % 2 == 1;
        CHECK_FATAL(fm_sched_plan_new(&plan) == 0);
        for (int s = 0; s < 200; s++) {
            step();
            if (!pass_and_compare(p, seed, s)) {
                failures++;
                break;
            }
        }
        /* Nothing left to do once every change was looked at. */
        if (!failures) CHECK(!fm_sched_plan_has_work(plan));
        CHECK_INT(noisy_settles, 0);
        noisy_settles = 0;
        fm_sched_plan_free(plan);
        plan = NULL;
        world_clear();
    }
    CHECK_INT(failures, 0);
}

/* ------------------------------------------------------------ small cases */

TEST(test_own_write_costs_nothing)
{
    CHECK_FATAL(fm_sched_plan_new(&plan) == 0);
    rng_state = 7;
    memset(tasks, 0, sizeof tasks);
    memset(nodes, 0, sizeof nodes);
    /* one cuda-less node, a task that wants cuda */
    wnode *n = &nodes[0];
    n->live = true;
    snprintf(n->name, sizeof n->name, "n00");
    n->accel = "none";
    n->ram = 64;
    n->ctx = 32768;
    n->capacity = 2;
    n->phase = "Ready";
    node_update(0, true);
    wtask *t = &tasks[0];
    t->live = true;
    snprintf(t->ns, sizeof t->ns, "a");
    snprintf(t->name, sizeof t->name, "gpu");
    snprintf(t->key, sizeof t->key, "a/gpu");
    t->accel = "cuda";
    t->generation = 1;
    t->dep = -1;
    t->phase = "Pending";
    t->obj = build_task(t);
    CHECK(fm_sched_plan_task_event(plan, t->key, NULL, t->obj));
    fm_sched_plan_result r;
    CHECK_FATAL(fm_sched_plan_run(plan, &VIEW, SCHED_SPREAD, NOW, STALE, &r) == 0);
    CHECK(r.full);
    CHECK_INT(r.n_placed, 0);
    CHECK_FATAL(r.n_unplaced == 1);
    CHECK_STR(r.unplaced[0].message, "0/1 fleet nodes fit: 1 AcceleratorMismatch");
    fm_sched_plan_result_free(&r);
    CHECK_INT(fm_sched_plan_parked(plan), 1);
    /* the condition written: no work */
    snprintf(t->unsched, sizeof t->unsched, "0/1 fleet nodes fit: 1 AcceleratorMismatch");
    fm_agentic_task *old = t->obj;
    t->obj = build_task(t);
    CHECK(!fm_sched_plan_task_event(plan, t->key, old, t->obj));
    CHECK(!fm_sched_plan_task_ready(plan, t->key));
    CHECK(!fm_sched_plan_has_work(plan));
    fm_agentic_task_free(old);
    /* a heartbeat changes nothing */
    CHECK(!fm_sched_plan_node_event(plan, n->obj, n->obj, NOW, STALE));
    /* a cuda node arrives: it takes the task */
    n->accel = "cuda";
    node_update(0, false);
    CHECK(fm_sched_plan_has_work(plan));
    CHECK_FATAL(fm_sched_plan_run(plan, &VIEW, SCHED_SPREAD, NOW, STALE, &r) == 0);
    CHECK(!r.full);
    CHECK_INT(r.n_candidates, 1);
    CHECK_INT(r.n_placed, 1);
    fm_sched_plan_result_free(&r);
    CHECK_INT(fm_sched_plan_parked(plan), 0);
    fm_sched_plan_free(plan);
    plan = NULL;
    world_clear();
}

/* Puts a task in slot i (no events). */
static void put_task(int i, const char *name, const char *phase, const char *node, const char *dep)
{
    wtask *t = &tasks[i];
    memset(t, 0, sizeof *t);
    t->live = true;
    snprintf(t->ns, sizeof t->ns, "a");
    snprintf(t->name, sizeof t->name, "%s", name);
    snprintf(t->key, sizeof t->key, "a/%s", name);
    t->generation = 1;
    t->created = i;
    t->phase = phase;
    if (node) snprintf(t->node, sizeof t->node, "%s", node);
    if (dep) snprintf(t->depname, sizeof t->depname, "%s", dep);
    t->obj = build_task(t);
}

/* A parked task whose dependency goes away and comes back while a slot
 * opened in between must be looked at again when it is ready again. */
TEST(test_parked_task_ready_again)
{
    CHECK_FATAL(fm_sched_plan_new(&plan) == 0);
    memset(tasks, 0, sizeof tasks);
    memset(nodes, 0, sizeof nodes);
    wnode *n = &nodes[0];
    n->live = true;
    snprintf(n->name, sizeof n->name, "n00");
    n->accel = "none";
    n->ram = 64;
    n->ctx = 32768;
    n->capacity = 1;
    n->phase = "Ready";
    node_update(0, true);
    put_task(0, "x", "Scheduled", "n00", NULL);
    put_task(1, "d", "Succeeded", NULL, NULL);
    put_task(2, "t", "Pending", NULL, "d");
    for (int i = 0; i < 3; i++) fm_sched_plan_task_event(plan, tasks[i].key, NULL, tasks[i].obj);
    fm_sched_plan_result r;
    CHECK_FATAL(fm_sched_plan_run(plan, &VIEW, SCHED_SPREAD, NOW, STALE, &r) == 0);
    CHECK_INT(r.n_placed, 0);
    CHECK_INT(r.n_unplaced, 1);
    fm_sched_plan_result_free(&r);
    CHECK_INT(fm_sched_plan_parked(plan), 1);
    task_delete(1);                  /* the dependency goes away */
    tasks[0].phase = "Succeeded";    /* x frees the slot t wants */
    task_update(0);
    CHECK_FATAL(fm_sched_plan_run(plan, &VIEW, SCHED_SPREAD, NOW, STALE, &r) == 0);
    CHECK_INT(r.n_placed, 0);        /* t waits for d */
    fm_sched_plan_result_free(&r);
    put_task(1, "d", "Succeeded", NULL, NULL); /* d is back, finished */
    fm_sched_plan_task_event(plan, tasks[1].key, NULL, tasks[1].obj);
    reconcile_dependents(1);
    CHECK(fm_sched_plan_has_work(plan));
    CHECK_FATAL(fm_sched_plan_run(plan, &VIEW, SCHED_SPREAD, NOW, STALE, &r) == 0);
    CHECK_INT(r.n_placed, 1);
    fm_sched_plan_result_free(&r);
    fm_sched_plan_free(plan);
    plan = NULL;
    world_clear();
}

/* integration.test_operator_workload under ASan: a new task no node can
 * take yet is marked Pending by a writer; the node turns Ready and the
 * task's Pending version arrives while that write is in flight, so every
 * pass skips the task; then the writer's answer ends the assumption. That
 * end must offer the task again: nothing else would (it waited 90 s for an
 * unrelated slot to free). */
TEST(test_mark_in_flight_then_node_ready)
{
    CHECK_FATAL(fm_sched_plan_new(&plan) == 0);
    memset(tasks, 0, sizeof tasks);
    memset(nodes, 0, sizeof nodes);
    wnode *n = &nodes[0];
    n->live = true;
    snprintf(n->name, sizeof n->name, "n00");
    n->accel = "none";
    n->ram = 64;
    n->ctx = 32768;
    n->capacity = 2;
    n->phase = "NotReady";
    node_update(0, true);
    put_task(0, "fix", NULL, NULL, NULL);
    wtask *t = &tasks[0];
    CHECK(fm_sched_plan_task_event(plan, t->key, NULL, t->obj));
    fm_sched_plan_result r;
    CHECK_FATAL(fm_sched_plan_run(plan, &VIEW, SCHED_SPREAD, NOW, STALE, &r) == 0);
    CHECK_INT(r.n_placed, 0);
    CHECK_FATAL(r.n_unplaced == 1);
    t->inflight = true; /* the mark goes to a writer */
    snprintf(t->pend, sizeof t->pend, "%s", r.unplaced[0].message);
    fm_sched_plan_result_free(&r);
    CHECK_INT(fm_sched_plan_parked(plan), 1);
    /* the node turns Ready: the pass skips the task (write in flight) */
    n->phase = "Ready";
    node_update(0, false);
    CHECK(fm_sched_plan_has_work(plan));
    CHECK_FATAL(fm_sched_plan_run(plan, &VIEW, SCHED_SPREAD, NOW, STALE, &r) == 0);
    CHECK_INT(r.n_candidates, 0);
    fm_sched_plan_result_free(&r);
    CHECK(t->skipped);
    CHECK_INT(fm_sched_plan_parked(plan), 0);
    /* the watch delivers the Pending version before the writer records its
     * answer: the event and the reconcile find the write still in flight */
    write_delivered(0);
    CHECK(fm_sched_plan_has_work(plan));
    CHECK_FATAL(fm_sched_plan_run(plan, &VIEW, SCHED_SPREAD, NOW, STALE, &r) == 0);
    CHECK_INT(r.n_candidates, 0);
    fm_sched_plan_result_free(&r);
    CHECK(!fm_sched_plan_has_work(plan));
    /* the answer ends the assumption: the task is offered again */
    write_answered(0);
    CHECK(!t->inflight);
    CHECK(fm_sched_plan_has_work(plan));
    CHECK_FATAL(fm_sched_plan_run(plan, &VIEW, SCHED_SPREAD, NOW, STALE, &r) == 0);
    CHECK_FATAL(r.n_placed == 1);
    CHECK_STR(r.placed[0].node->metadata.name, "n00");
    fm_sched_plan_result_free(&r);
    CHECK_INT(noisy_settles, 0);
    fm_sched_plan_free(plan);
    plan = NULL;
    world_clear();
}

/* A mark whose assumption ends with no pass having looked at the task in
 * between costs nothing: the task is still parked. */
TEST(test_mark_settled_quietly)
{
    CHECK_FATAL(fm_sched_plan_new(&plan) == 0);
    memset(tasks, 0, sizeof tasks);
    memset(nodes, 0, sizeof nodes);
    put_task(0, "fix", "Pending", NULL, NULL);
    wtask *t = &tasks[0];
    CHECK(fm_sched_plan_task_event(plan, t->key, NULL, t->obj));
    fm_sched_plan_result r;
    CHECK_FATAL(fm_sched_plan_run(plan, &VIEW, SCHED_SPREAD, NOW, STALE, &r) == 0);
    CHECK_FATAL(r.n_unplaced == 1);
    t->inflight = true; /* the Unschedulable condition */
    snprintf(t->pend, sizeof t->pend, "%s", r.unplaced[0].message);
    fm_sched_plan_result_free(&r);
    write_answered(0); /* answered first, */
    CHECK(!fm_sched_plan_has_work(plan));
    write_delivered(0); /* delivered later: the assumption ends */
    CHECK(!t->inflight);
    CHECK(!fm_sched_plan_has_work(plan));
    CHECK_INT(noisy_settles, 0);
    fm_sched_plan_free(plan);
    plan = NULL;
    world_clear();
}

/* The fairness hooks: order puts namespace "b" first, admit refuses
 * namespace "c" (a cap), placed counts. */
static int hook_placed;

static int h_order(void *ud, const fm_agentic_task **ts, size_t n)
{
    size_t k = 0;
    const fm_agentic_task *tmp[MAX_TASKS];
    for (size_t i = 0; i < n; i++)
        if (strcmp(ts[i]->metadata.namespace, "b") == 0) tmp[k++] = ts[i];
    for (size_t i = 0; i < n; i++)
        if (strcmp(ts[i]->metadata.namespace, "b") != 0) tmp[k++] = ts[i];
    memcpy(ts, tmp, n * sizeof *ts);
    return 0;
}

static bool h_admit(void *ud, const fm_agentic_task *t)
{
    return strcmp(t->metadata.namespace, "c") != 0;
}

static void h_placed(void *ud, const fm_agentic_task *t)
{
    hook_placed++;
}

static void add_task(int i, const char *ns, int created)
{
    wtask *t = &tasks[i];
    t->live = true;
    snprintf(t->ns, sizeof t->ns, "%s", ns);
    snprintf(t->name, sizeof t->name, "t%d", i);
    snprintf(t->key, sizeof t->key, "%s/t%d", ns, i);
    t->generation = 1;
    t->dep = -1;
    t->created = created;
    t->phase = "Pending";
    t->obj = build_task(t);
    fm_sched_plan_task_event(plan, t->key, NULL, t->obj);
}

TEST(test_order_and_admit_hooks)
{
    CHECK_FATAL(fm_sched_plan_new(&plan) == 0);
    memset(tasks, 0, sizeof tasks);
    memset(nodes, 0, sizeof nodes);
    wnode *n = &nodes[0];
    n->live = true;
    snprintf(n->name, sizeof n->name, "n00");
    n->accel = "none";
    n->ram = 64;
    n->ctx = 32768;
    n->capacity = 1;
    n->phase = "Ready";
    node_update(0, true);
    add_task(0, "a", 1); /* oldest: first without the hooks */
    add_task(1, "b", 2);
    add_task(2, "c", 0); /* older still, but its namespace is capped */
    fm_sched_plan_view v = VIEW;
    v.order = h_order;
    v.admit = h_admit;
    v.placed = h_placed;
    hook_placed = 0;
    fm_sched_plan_result r;
    CHECK_FATAL(fm_sched_plan_run(plan, &v, SCHED_SPREAD, NOW, STALE, &r) == 0);
    CHECK_FATAL(r.n_placed == 1);
    CHECK_STR(r.placed[0].key, "b/t1"); /* the order hook won over age */
    CHECK_INT(hook_placed, 1);
    CHECK_FATAL(r.n_unplaced == 2);
    bool saw_cap = false, saw_full = false;
    for (size_t i = 0; i < r.n_unplaced; i++) {
        if (strcmp(r.unplaced[i].key, "c/t2") == 0) {
            saw_cap = strstr(r.unplaced[i].message, "namespace c is at its cap") != NULL &&
                      r.unplaced[i].waits_for_slot;
        } else {
            saw_full = strcmp(r.unplaced[i].key, "a/t0") == 0 &&
                       strcmp(r.unplaced[i].message, "0/1 fleet nodes fit: 1 NodeFull") == 0;
        }
    }
    CHECK(saw_cap);
    CHECK(saw_full);
    fm_sched_plan_result_free(&r);
    fm_sched_plan_free(plan);
    plan = NULL;
    world_clear();
}

/* A task created directly with spec.agentRef: its Agent's requiredCapability
 * (the view's agent_requirement) joins in, so it is not placed on a cpu node
 * and is placed on a cuda node. */
static fm_required_capability agent_cuda;

static const fm_required_capability *h_agent_req(void *ud, const fm_agentic_task *t)
{
    (void)ud;
    return fm_agentic_task_spec_has_agent_ref(&t->spec) && !strcmp(t->spec.agent_ref.name, "coder") ? &agent_cuda
                                                                                                    : NULL;
}

static void add_node(int i, const char *accel)
{
    wnode *n = &nodes[i];
    n->live = true;
    snprintf(n->name, sizeof n->name, "n%02d", i);
    n->accel = accel;
    n->ram = 64;
    n->ctx = 32768;
    n->capacity = 1;
    n->phase = "Ready";
    node_update(i, true);
}

TEST(test_agent_requirement_joins)
{
    memset(&agent_cuda, 0, sizeof agent_cuda);
    agent_cuda.accelerator = FM_REQUIRED_ACCELERATOR_CUDA;
    CHECK_FATAL(fm_sched_plan_new(&plan) == 0);
    memset(tasks, 0, sizeof tasks);
    memset(nodes, 0, sizeof nodes);
    add_node(0, "none");
    /* the task: no requirement of its own, agentRef coder */
    wtask *t = &tasks[0];
    t->live = true;
    snprintf(t->ns, sizeof t->ns, "a");
    snprintf(t->name, sizeof t->name, "t0");
    snprintf(t->key, sizeof t->key, "a/t0");
    t->generation = 1;
    t->dep = -1;
    t->phase = "Pending";
    t->obj = build_task(t);
    CHECK_FATAL(t->obj != NULL);
    fm_agentic_task_spec_set_agent_ref_present(&t->obj->spec, true);
    t->obj->spec.agent_ref.name = strdup("coder");
    char k[SCHED_CLASS_KEY_MAX];
    CHECK_STR(fm_sched_class_key(k, sizeof k, t->obj), SCHED_CLASS_ANY);
    fm_sched_plan_task_event(plan, t->key, NULL, t->obj);
    fm_sched_plan_view v = VIEW;
    v.agent_requirement = h_agent_req;
    fm_sched_plan_result r;
    CHECK_FATAL(fm_sched_plan_run(plan, &v, SCHED_SPREAD, NOW, STALE, &r) == 0);
    CHECK_INT(r.n_placed, 0);
    CHECK_FATAL(r.n_unplaced == 1);
    CHECK_STR(r.unplaced[0].message, "0/1 fleet nodes fit: 1 AcceleratorMismatch");
    fm_sched_plan_result_free(&r);
    /* without the hook the same task fits the cpu node: the join is the hook's */
    fm_sched_plan_task_dirty(plan, "a/t0");
    CHECK_FATAL(fm_sched_plan_run(plan, &VIEW, SCHED_SPREAD, NOW, STALE, &r) == 0);
    CHECK_INT(r.n_placed, 1);
    fm_sched_plan_result_free(&r);
    /* a cuda node arrives: the waiting task (class "*") is looked at and placed there */
    fm_sched_plan_task_dirty(plan, "a/t0");
    CHECK_FATAL(fm_sched_plan_run(plan, &v, SCHED_SPREAD, NOW, STALE, &r) == 0);
    CHECK_INT(r.n_placed, 0);
    fm_sched_plan_result_free(&r);
    add_node(1, "cuda");
    CHECK(fm_sched_plan_has_work(plan));
    CHECK_FATAL(fm_sched_plan_run(plan, &v, SCHED_SPREAD, NOW, STALE, &r) == 0);
    CHECK_FATAL(r.n_placed == 1);
    CHECK_STR(r.placed[0].key, "a/t0");
    CHECK_STR(r.placed[0].node->metadata.name, "n01");
    fm_sched_plan_result_free(&r);
    fm_sched_plan_free(plan);
    plan = NULL;
    world_clear();
}

TEST(test_unschedulable_same)
{
    CHECK(fm_sched_unschedulable_same("0/200 fleet nodes fit: 150 AcceleratorMismatch, 50 NodeFull",
                                   "0/201 fleet nodes fit: 149 AcceleratorMismatch, 52 NodeFull"));
    CHECK(!fm_sched_unschedulable_same("0/200 fleet nodes fit: 200 AcceleratorMismatch",
                                    "0/200 fleet nodes fit: 150 AcceleratorMismatch, 50 NodeFull"));
    CHECK(!fm_sched_unschedulable_same(NULL, "x"));
    CHECK(!fm_sched_unschedulable_same("no fleet node with a free slot can take it: NodeFull",
                                    "0/1 fleet nodes fit: 1 NodeFull"));
}

TEST(test_class_key)
{
    wtask w;
    memset(&w, 0, sizeof w);
    snprintf(w.ns, sizeof w.ns, "a");
    snprintf(w.name, sizeof w.name, "x");
    w.dep = -1;
    w.generation = 1;
    fm_agentic_task *plain = build_task(&w);
    w.accel = "any";
    fm_agentic_task *any = build_task(&w);
    w.accel = "cuda";
    w.zone = "z1";
    fm_agentic_task *cuda = build_task(&w);
    char a[SCHED_CLASS_KEY_MAX], b[SCHED_CLASS_KEY_MAX];
    /* no requirement and "any" with nothing else are one class */
    CHECK_STR(fm_sched_class_key(a, sizeof a, plain), fm_sched_class_key(b, sizeof b, any));
    CHECK(strcmp(fm_sched_class_key(a, sizeof a, plain), fm_sched_class_key(b, sizeof b, cuda)) != 0);
    /* a key that does not fit falls back to the class every node looks at */
    CHECK_STR(fm_sched_class_key(a, 8, cuda), SCHED_CLASS_ANY);
    fm_agentic_task_free(plain);
    fm_agentic_task_free(any);
    fm_agentic_task_free(cuda);
}

int main(void)
{
    RUN(test_model_matches_full_recompute);
    RUN(test_own_write_costs_nothing);
    RUN(test_parked_task_ready_again);
    RUN(test_mark_in_flight_then_node_ready);
    RUN(test_mark_settled_quietly);
    RUN(test_order_and_admit_hooks);
    RUN(test_agent_requirement_joins);
    RUN(test_unschedulable_same);
    RUN(test_class_key);
    return test_summary();
}
