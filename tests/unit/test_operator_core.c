/*
 * test_operator_core.c - the operator's scheduling core (foreman/operator)
 * against the scripted object API (fakeobj.h): a pass decided over real
 * caches, its writes answered with 409s, lost answers, deleted tasks and a
 * full node, in milliseconds and without an API server.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "fakeobj.h"
#include "opcore.h"
#include "test.h"

#define SEC INT64_C(1000000000)
/* Now, as the core's re-checks read the real clock (still_fits). */
static fm_time NOW;

typedef struct env {
    fake_api fake;
    fm_opcore core;
    fm_store *tasks, *nodes;
    int passes_asked, rechecks, scheduled;
} env;

static void hook_pass(void *ud)
{
    ((env *)ud)->passes_asked++;
}

static void hook_pass_after(void *ud, int64_t ms)
{
    ((env *)ud)->passes_asked++;
}

static void hook_recheck(void *ud, const char *key, int64_t ms)
{
    ((env *)ud)->rechecks++;
}

static void hook_scheduled(void *ud, const fm_agentic_task *t, const char *node)
{
    ((env *)ud)->scheduled++;
}

static fm_fleet_node *make_node(const char *name, int capacity)
{
    char buf[1024], beat[32];
    time_t sec = (time_t)NOW.sec - 10;
    struct tm tm;
    gmtime_r(&sec, &tm);
    strftime(beat, sizeof beat, "%Y-%m-%dT%H:%M:%SZ", &tm);
    snprintf(buf, sizeof buf,
             "{\"metadata\":{\"name\":\"%s\",\"resourceVersion\":\"1\"},"
             "\"spec\":{\"nodeName\":\"%s\",\"maxConcurrentTasks\":%d},"
             "\"status\":{\"phase\":\"Ready\",\"lastHeartbeatTime\":\"%s\","
             "\"capability\":{\"accelerator\":\"cuda\",\"availableRAMGB\":64,\"maxContextTokens\":8192}}}",
             name, name, capacity, beat);
    fm_fleet_node *n = NULL;
    if (fm_fleet_node_decode(&n, buf, strlen(buf)) != 0) fprintf(stderr, "node: %s\n", fm_error_last()->message);
    return n;
}

/* A task; phase and node may be NULL. */
static fm_agentic_task *make_task(const char *name, const char *phase, const char *node)
{
    char buf[1024], st[256] = "{}";
    if (phase && node) snprintf(st, sizeof st, "{\"phase\":\"%s\",\"assignedNode\":\"%s\"}", phase, node);
    else if (phase) snprintf(st, sizeof st, "{\"phase\":\"%s\"}", phase);
    snprintf(buf, sizeof buf,
             "{\"metadata\":{\"name\":\"%s\",\"namespace\":\"ns\",\"resourceVersion\":\"1\",\"generation\":1,"
             "\"creationTimestamp\":\"2023-11-14T22:00:00Z\"},"
             "\"spec\":{\"kind\":\"freeform\",\"payload\":{},\"priority\":0},\"status\":%s}",
             name, st);
    fm_agentic_task *t = NULL;
    if (fm_agentic_task_decode(&t, buf, strlen(buf)) != 0) fprintf(stderr, "task: %s\n", fm_error_last()->message);
    return t;
}

/* What the task informer does: the cache takes the server's version, the
 * ledger observes it and the plan hears of it. */
static void cache_sync(env *e, const char *name)
{
    char key[128];
    snprintf(key, sizeof key, "ns/%s", name);
    fm_agentic_task *t = fake_task(&e->fake, "ns", name);
    pthread_mutex_lock(&e->core.mu);
    if (!t) {
        void *old = NULL;
        fm_store_delete(e->tasks, key, &old);
        fm_sched_ledger_forget(e->core.ledger, key);
        fm_store_object_free(e->tasks, old);
    } else {
        fm_sched_ledger_observe(e->core.ledger, key, fm_sched_task_holding_node(t), t->metadata.resource_version);
        void *old = NULL;
        fm_store_upsert(e->tasks, t, &old);
        fm_sched_plan_task_event(e->core.plan, key, old, t);
        fm_store_object_free(e->tasks, old);
    }
    pthread_mutex_unlock(&e->core.mu);
}

/* cache_sync for each name of a NULL-terminated list. */
static void cache_sync_all(env *e, ...)
{
    va_list ap;
    va_start(ap, e);
    for (const char *n; (n = va_arg(ap, const char *)) != NULL;) cache_sync(e, n);
    va_end(ap);
}

/* A task on the server and in the cache. */
static void add_task(env *e, const char *name, const char *phase, const char *node)
{
    fm_agentic_task *t = make_task(name, phase, node);
    fake_put_task(&e->fake, t);
    fm_agentic_task_free(t);
    cache_sync(e, name);
}

/* Every test runs twice: passes walking the node store, then the node
 * table the FleetNode handlers keep (cfg.node_table). */
static bool use_node_table;

/* A node in the cache, and in the node table as the handlers keep it. */
static void add_node(env *e, const char *name, int capacity)
{
    fm_fleet_node *n = make_node(name, capacity);
    void *old = NULL;
    CHECK_FATAL(fm_store_upsert(e->nodes, n, &old) == 0);
    pthread_mutex_lock(&e->core.mu);
    if (use_node_table) fm_opcore_node_put(&e->core, n);
    fm_sched_plan_node_event(e->core.plan, old, n, NOW, e->core.cfg.node_stale_after_ns);
    pthread_mutex_unlock(&e->core.mu);
    fm_store_object_free(e->nodes, old); /* after the handler, as the informer does */
}

static void del_node(env *e, const char *name)
{
    void *old = NULL;
    fm_store_delete(e->nodes, name, &old);
    pthread_mutex_lock(&e->core.mu);
    if (use_node_table) fm_opcore_node_del(&e->core, name);
    pthread_mutex_unlock(&e->core.mu);
    fm_store_object_free(e->nodes, old);
}

static void setup(env *e, int capacity)
{
    memset(e, 0, sizeof *e);
    fake_init(&e->fake, &e->core.api);
    CHECK(fm_opcore_init(&e->core) == 0);
    CHECK(fm_store_new(&e->tasks, &fm_agentic_task_desc) == 0);
    CHECK(fm_store_new(&e->nodes, &fm_fleet_node_desc) == 0);
    CHECK(fm_store_add_index(e->tasks, FM_OPCORE_IDX_PHASE, fm_opcore_idx_phase, NULL) == 0);
    CHECK(fm_store_add_index(e->tasks, FM_OPCORE_IDX_CLASS, fm_opcore_idx_class, NULL) == 0);
    e->core.tasks = e->tasks;
    e->core.nodes = e->nodes;
    e->core.cfg.placement = SCHED_SPREAD;
    e->core.cfg.node_stale_after_ns = 90 * SEC;
    e->core.cfg.writers = 1;
    e->core.cfg.node_table = use_node_table;
    e->core.hooks = (fm_opcore_hooks){.ud = e, .trigger_pass = hook_pass, .retry_pass_after = hook_pass_after,
                                      .recheck_task = hook_recheck, .scheduled = hook_scheduled};
    add_node(e, "n1", capacity);
    fm_sched_plan_full(e->core.plan);
}

static void teardown(env *e)
{
    fm_opcore_free(&e->core);
    fm_store_free(e->tasks);
    fm_store_free(e->nodes);
    fake_free(&e->fake);
}

/* Decides a pass; returns the decisions, counting the placements. */
static fm_opcore_decision *decide(env *e, int *placed)
{
    fm_opcore_decision *d = NULL;
    fm_opcore_pass_stats st;
    CHECK(fm_opcore_decide(&e->core, &d, &st, NOW) == 0);
    *placed = 0;
    for (fm_opcore_decision *x = d; x; x = x->next)
        if (x->node) (*placed)++;
    return d;
}

/* Executes and frees every decision; returns the last code. */
static int execute_all(env *e, fm_opcore_decision *d)
{
    int rc = 0;
    while (d) {
        fm_opcore_decision *next = d->next;
        rc = fm_opcore_execute(&e->core, d);
        fm_opcore_decision_free(d);
        d = next;
    }
    return rc;
}

static void check_on(env *e, const char *name, fm_task_phase phase, const char *node)
{
    fm_agentic_task *t = fake_task(&e->fake, "ns", name);
    CHECK_FATAL(t != NULL);
    CHECK_INT(t->status.phase, phase);
    if (node) CHECK_STR(t->status.assigned_node, node);
    else CHECK(t->status.assigned_node == NULL);
    fm_agentic_task_free(t);
}

TEST(places_a_new_task)
{
    env e;
    setup(&e, 2);
    add_task(&e, "a", NULL, NULL);
    int placed;
    fm_opcore_decision *d = decide(&e, &placed);
    CHECK_INT(placed, 1);
    CHECK_INT(fm_sched_ledger_load(e.core.ledger, "n1"), 1); /* assumed before the write */
    CHECK_INT(execute_all(&e, d), 0);
    CHECK_INT(e.fake.patches, 1);
    CHECK_INT(e.scheduled, 1);
    check_on(&e, "a", FM_TASK_PHASE_SCHEDULED, "n1");
    teardown(&e);
}

/* Another writer changed the task between the cache and the write: the 409
 * re-reads it and places the fresh version, once. */
TEST(conflict_retries_on_fresh_object_once)
{
    env e;
    setup(&e, 2);
    add_task(&e, "a", NULL, NULL);
    fake_on_patch(&e.fake, 1, FAKE_BUMP);
    int placed;
    fm_opcore_decision *d = decide(&e, &placed);
    CHECK_INT(placed, 1);
    CHECK_INT(execute_all(&e, d), 0);
    CHECK_INT(e.fake.patches, 2);
    CHECK_INT(e.fake.applied, 1);
    CHECK_INT(e.fake.gets, 1);
    check_on(&e, "a", FM_TASK_PHASE_SCHEDULED, "n1");
    cache_sync(&e, "a");
    CHECK_INT(fm_sched_ledger_load(e.core.ledger, "n1"), 1);
    /* The next pass does not place it again. */
    d = decide(&e, &placed);
    CHECK_INT(placed, 0);
    execute_all(&e, d);
    CHECK_INT(e.fake.applied, 1);
    teardown(&e);
}

/* The 409 came from another placement: the fresh task is no longer
 * placeable, so nothing is written and the slot is given back. */
TEST(conflict_with_placed_task_never_double_places)
{
    env e;
    setup(&e, 2);
    add_task(&e, "a", NULL, NULL);
    int placed;
    fm_opcore_decision *d = decide(&e, &placed);
    CHECK_INT(placed, 1);
    fm_agentic_task *other = make_task("a", "Scheduled", "elsewhere");
    fake_put_task(&e.fake, other); /* the server moved on; our cache did not */
    fm_agentic_task_free(other);
    CHECK_INT(execute_all(&e, d), FM_ENOTFOUND);
    CHECK_INT(e.fake.applied, 0);
    CHECK(!fm_sched_ledger_is_assumed(e.core.ledger, "ns/a"));
    CHECK_INT(fm_sched_ledger_load(e.core.ledger, "n1"), 0);
    CHECK(e.passes_asked > 0);
    check_on(&e, "a", FM_TASK_PHASE_SCHEDULED, "elsewhere");
    teardown(&e);
}

/* Every try conflicts: gives up after 4 tries without placing. */
TEST(conflict_gives_up_after_four)
{
    env e;
    setup(&e, 2);
    add_task(&e, "a", NULL, NULL);
    for (int i = 1; i <= 4; i++) fake_on_patch(&e.fake, i, FAKE_CONFLICT);
    int placed;
    fm_opcore_decision *d = decide(&e, &placed);
    CHECK(execute_all(&e, d) != 0);
    CHECK_INT(e.fake.patches, 4);
    CHECK_INT(e.fake.applied, 0);
    CHECK(!fm_sched_ledger_is_assumed(e.core.ledger, "ns/a"));
    teardown(&e);
}

/* The write was applied but its answer lost: read back, the assumption
 * kept, no second placement. */
TEST(lost_answer_settles_without_second_placement)
{
    env e;
    setup(&e, 2);
    add_task(&e, "a", NULL, NULL);
    fake_on_patch(&e.fake, 1, FAKE_LOST);
    int placed;
    fm_opcore_decision *d = decide(&e, &placed);
    CHECK_INT(placed, 1);
    CHECK_INT(execute_all(&e, d), 0);
    CHECK_INT(e.fake.patches, 1);
    CHECK_INT(e.fake.applied, 1);
    CHECK_INT(e.fake.gets, 1);
    CHECK_INT(fm_sched_ledger_load(e.core.ledger, "n1"), 1);
    check_on(&e, "a", FM_TASK_PHASE_SCHEDULED, "n1");
    d = decide(&e, &placed);
    CHECK_INT(placed, 0);
    execute_all(&e, d);
    CHECK_INT(e.fake.patches, 1);
    teardown(&e);
}

/* No answer and nothing applied: the read-back says so, the slot is given
 * back and the task decided again. */
TEST(unanswered_not_applied_gives_slot_back)
{
    env e;
    setup(&e, 2);
    add_task(&e, "a", NULL, NULL);
    fake_on_patch(&e.fake, 1, FAKE_TRANSPORT);
    int placed;
    fm_opcore_decision *d = decide(&e, &placed);
    CHECK_INT(execute_all(&e, d), FM_ENOTFOUND);
    CHECK_INT(e.fake.applied, 0);
    CHECK_INT(fm_sched_ledger_load(e.core.ledger, "n1"), 0);
    d = decide(&e, &placed);
    CHECK_INT(placed, 1);
    CHECK_INT(execute_all(&e, d), 0);
    check_on(&e, "a", FM_TASK_PHASE_SCHEDULED, "n1");
    teardown(&e);
}

/* Deleted between the list (cache) and the write: skipped cleanly. */
TEST(task_deleted_before_write_is_skipped)
{
    env e;
    setup(&e, 2);
    add_task(&e, "a", NULL, NULL);
    fake_on_patch(&e.fake, 1, FAKE_GONE);
    int placed;
    fm_opcore_decision *d = decide(&e, &placed);
    CHECK_INT(placed, 1);
    CHECK_INT(execute_all(&e, d), FM_ENOTFOUND);
    CHECK_INT(e.fake.applied, 0);
    CHECK(!fm_sched_ledger_is_assumed(e.core.ledger, "ns/a"));
    CHECK_INT(fm_sched_ledger_load(e.core.ledger, "n1"), 0);
    CHECK(fake_task(&e.fake, "ns", "a") == NULL);
    cache_sync(&e, "a");
    d = decide(&e, &placed);
    CHECK_INT(placed, 0);
    execute_all(&e, d);
    teardown(&e);
}

/* Deleted while a 409 made us re-read: the re-read's 404 ends it. */
TEST(task_deleted_during_conflict_retry)
{
    env e;
    setup(&e, 2);
    add_task(&e, "a", NULL, NULL);
    fake_on_patch(&e.fake, 1, FAKE_CONFLICT);
    fake_on_get(&e.fake, 1, FAKE_GONE);
    int placed;
    fm_opcore_decision *d = decide(&e, &placed);
    CHECK_INT(execute_all(&e, d), FM_ENOTFOUND);
    CHECK_INT(e.fake.applied, 0);
    CHECK_INT(fm_sched_ledger_load(e.core.ledger, "n1"), 0);
    teardown(&e);
}

/* The decision holds no copy: the writer copies the task from the cache.
 * A task whose cached version changed since the decision is not written
 * with the old decision; its slot is given back and it is decided again. */
TEST(task_changed_in_cache_is_decided_again)
{
    env e;
    setup(&e, 2);
    add_task(&e, "a", NULL, NULL);
    int placed;
    fm_opcore_decision *d = decide(&e, &placed);
    CHECK_INT(placed, 1);
    CHECK(d->task == NULL);
    CHECK_FATAL(d->rv != NULL);
    char rv0[32];
    snprintf(rv0, sizeof rv0, "%s", d->rv);
    /* Another writer edits the task (a label, say) and the cache sees it. */
    fm_agentic_task *t = fake_task(&e.fake, "ns", "a");
    fake_put_task(&e.fake, t);
    fm_agentic_task_free(t);
    cache_sync(&e, "a");
    int asked = e.passes_asked;
    CHECK_INT(execute_all(&e, d), FM_ENOTFOUND);
    CHECK_INT(e.fake.patches, 0);
    CHECK(!fm_sched_ledger_is_assumed(e.core.ledger, "ns/a"));
    CHECK_INT(fm_sched_ledger_load(e.core.ledger, "n1"), 0);
    CHECK(e.passes_asked > asked);
    CHECK_INT(e.rechecks, 1);
    /* Decided again on the new version, and placed. */
    d = decide(&e, &placed);
    CHECK_INT(placed, 1);
    CHECK(strcmp(d->rv, rv0) != 0);
    CHECK_INT(execute_all(&e, d), 0);
    CHECK_INT(e.fake.applied, 1);
    check_on(&e, "a", FM_TASK_PHASE_SCHEDULED, "n1");
    teardown(&e);
}

/* A task deleted from the cache before its writer's turn: nothing written,
 * the slot is given back. */
TEST(task_gone_from_cache_is_skipped)
{
    env e;
    setup(&e, 1);
    add_task(&e, "a", NULL, NULL);
    add_task(&e, "b", NULL, NULL);
    int placed;
    fm_opcore_decision *d = decide(&e, &placed);
    CHECK_INT(placed, 1);
    const char *placed_key = d->node ? d->key : d->next->key;
    const char *name = strchr(placed_key, '/') + 1;
    char gone[64];
    snprintf(gone, sizeof gone, "%s", name);
    fake_delete(&e.fake, "ns", gone);
    cache_sync(&e, gone);
    execute_all(&e, d); /* the other task is marked Pending */
    CHECK_INT(fm_sched_ledger_load(e.core.ledger, "n1"), 0);
    CHECK_INT(e.scheduled, 0);
    CHECK_INT(e.fake.applied, 1);
    cache_sync(&e, "a");
    cache_sync(&e, "b");
    /* The slot goes to the other task. */
    d = decide(&e, &placed);
    CHECK_INT(placed, 1);
    CHECK_INT(execute_all(&e, d), 0);
    CHECK_INT(e.scheduled, 1);
    CHECK_INT(fm_sched_ledger_load(e.core.ledger, "n1"), 1);
    teardown(&e);
}

/* A node at capacity takes nothing more: the new task is only marked. */
TEST(full_ledger_places_nothing)
{
    env e;
    setup(&e, 1);
    add_task(&e, "busy", "Running", "n1");
    add_task(&e, "b", NULL, NULL);
    CHECK_INT(fm_sched_ledger_load(e.core.ledger, "n1"), 1);
    int placed;
    fm_opcore_decision *d = decide(&e, &placed);
    CHECK_INT(placed, 0);
    execute_all(&e, d);
    CHECK_INT(fm_sched_ledger_load(e.core.ledger, "n1"), 1);
    check_on(&e, "b", FM_TASK_PHASE_PENDING, NULL);
    /* A second task with the slot taken by an in-flight assumption. */
    teardown(&e);
    setup(&e, 1);
    add_task(&e, "a", NULL, NULL);
    add_task(&e, "b", NULL, NULL);
    d = decide(&e, &placed);
    CHECK_INT(placed, 1);
    CHECK_INT(fm_sched_ledger_load(e.core.ledger, "n1"), 1);
    execute_all(&e, d);
    CHECK_INT(e.scheduled, 1);
    teardown(&e);
}

/* The phase index holds only waiting tasks. */
TEST(phase_index_holds_waiting_tasks_only)
{
    env e;
    setup(&e, 4);
    add_task(&e, "new", NULL, NULL);
    add_task(&e, "pending", "Pending", NULL);
    add_task(&e, "running", "Running", "n1");
    add_task(&e, "done", "Succeeded", NULL);
    CHECK_INT(fm_store_index_count(e.tasks, FM_OPCORE_IDX_PHASE, "None"), 1);
    CHECK_INT(fm_store_index_count(e.tasks, FM_OPCORE_IDX_PHASE, "Pending"), 1);
    CHECK_INT(fm_store_index_count(e.tasks, FM_OPCORE_IDX_PHASE, "Running"), 0);
    CHECK_INT(fm_store_index_count(e.tasks, FM_OPCORE_IDX_PHASE, "Succeeded"), 0);
    teardown(&e);
}

/* Nodes come and go and change capacity: passes follow them (through
 * the node table in the second run), and a node's load survives its
 * object being replaced. */
TEST(nodes_come_go_and_change)
{
    env e;
    setup(&e, 1);
    add_task(&e, "a", NULL, NULL);
    add_task(&e, "b", NULL, NULL);
    add_task(&e, "c", NULL, NULL);
    int placed;
    fm_opcore_decision *d = decide(&e, &placed);
    CHECK_INT(placed, 1);
    CHECK_INT(execute_all(&e, d), 0);
    cache_sync_all(&e, "a", "b", "c", NULL);
    /* n1 grows to 2 (a new object for the same node): one more fits. */
    add_node(&e, "n1", 2);
    CHECK_INT(fm_sched_ledger_load(e.core.ledger, "n1"), 1);
    d = decide(&e, &placed);
    CHECK_INT(placed, 1);
    CHECK_INT(execute_all(&e, d), 0);
    cache_sync_all(&e, "a", "b", "c", NULL);
    CHECK_INT(fm_sched_ledger_load(e.core.ledger, "n1"), 2);
    /* A second node takes the last task; once it is gone, nothing more
     * goes to it. */
    add_node(&e, "n2", 1);
    del_node(&e, "n2");
    d = decide(&e, &placed);
    CHECK_INT(placed, 0);
    execute_all(&e, d);
    add_node(&e, "n3", 1);
    d = decide(&e, &placed);
    CHECK_INT(placed, 1);
    CHECK_STR(d->node, "n3");
    CHECK_INT(execute_all(&e, d), 0);
    CHECK_INT(e.scheduled, 3);
    if (use_node_table) CHECK_INT(e.core.n_node_tab, 2);
    teardown(&e);
}

/* The writer pool path: a pass queued to started writers lands. */
TEST(pass_through_writers)
{
    env e;
    setup(&e, 4);
    add_task(&e, "a", NULL, NULL);
    add_task(&e, "b", NULL, NULL);
    CHECK_INT(fm_opcore_start(&e.core), 0);
    fm_opcore_pass_stats st;
    CHECK_INT(fm_opcore_pass(&e.core, &st, NOW), 0);
    CHECK(st.ran);
    CHECK_INT(st.placed, 2);
    for (int i = 0; i < 200 && e.fake.applied < 2; i++) {
        struct timespec ts = {0, 5000000};
        nanosleep(&ts, NULL);
    }
    fm_opcore_stop(&e.core);
    CHECK_INT(e.fake.applied, 2);
    teardown(&e);
}

int main(void)
{
    NOW = fm_codec_time_now();
    for (int round = 0; round < 2; round++) {
        use_node_table = round == 1;
        RUN(places_a_new_task);
        RUN(conflict_retries_on_fresh_object_once);
        RUN(conflict_with_placed_task_never_double_places);
        RUN(conflict_gives_up_after_four);
        RUN(lost_answer_settles_without_second_placement);
        RUN(unanswered_not_applied_gives_slot_back);
        RUN(task_deleted_before_write_is_skipped);
        RUN(task_deleted_during_conflict_retry);
        RUN(task_changed_in_cache_is_decided_again);
        RUN(task_gone_from_cache_is_skipped);
        RUN(full_ledger_places_nothing);
        RUN(phase_index_holds_waiting_tasks_only);
        RUN(pass_through_writers);
        RUN(nodes_come_go_and_change);
    }
    return test_summary();
}
