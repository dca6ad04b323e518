/*
 * test_agent_core.c - the agent's claim, requeue and terminal writes
 * (foreman/agentcore) against the scripted object API (fakeobj.h): a
 * competing agent's 409, a task deleted mid-claim, conflicts on the
 * terminal patch, and a terminal phase that must never be overwritten.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agentcore.h"
#include "error.h"
#include "fakeobj.h"
#include "test.h"

typedef struct env {
    fake_api fake;
    fm_agentcore core;
    atomic_int draining;
    int pauses;
} env;

static void no_pause(void *ud, int64_t ms)
{
    ((env *)ud)->pauses++;
}

static fm_agentic_task *make_task(const char *name, const char *phase, const char *node, const char *claimed)
{
    char buf[1024], st[256];
    if (claimed)
        snprintf(st, sizeof st, "{\"phase\":\"%s\",\"assignedNode\":\"%s\",\"claimedAt\":\"%s\"}", phase, node,
                 claimed);
    else snprintf(st, sizeof st, "{\"phase\":\"%s\",\"assignedNode\":\"%s\"}", phase, node);
    snprintf(buf, sizeof buf,
             "{\"metadata\":{\"name\":\"%s\",\"namespace\":\"ns\",\"resourceVersion\":\"1\",\"generation\":1},"
             "\"spec\":{\"kind\":\"freeform\",\"payload\":{},\"priority\":0},\"status\":%s}",
             name, st);
    fm_agentic_task *t = NULL;
    if (fm_agentic_task_decode(&t, buf, strlen(buf)) != 0) fprintf(stderr, "task: %s\n", fm_error_last()->message);
    return t;
}

static void setup(env *e)
{
    memset(e, 0, sizeof *e);
    fake_init(&e->fake, &e->core.api);
    snprintf(e->core.node, sizeof e->core.node, "n1");
    e->core.draining = &e->draining;
    e->core.pause = no_pause;
    e->core.pause_ud = e;
}

/* Puts the task on the server; returns the server's version (the cache). */
static fm_agentic_task *put(env *e, fm_agentic_task *t)
{
    fake_put_task(&e->fake, t);
    fm_agentic_task_free(t);
    return fake_task(&e->fake, "ns", "a");
}

static fm_task_phase phase_of(env *e)
{
    fm_agentic_task *t = fake_task(&e->fake, "ns", "a");
    fm_task_phase p = t ? t->status.phase : FM_TASK_PHASE_UNSET;
    fm_agentic_task_free(t);
    return p;
}

TEST(claim_scheduled_task)
{
    env e;
    setup(&e);
    fm_agentic_task *cached = put(&e, make_task("a", "Scheduled", "n1", NULL)), *claimed = NULL;
    CHECK_INT(fm_agentcore_claim(&e.core, &claimed, cached), 1);
    CHECK_FATAL(claimed != NULL);
    CHECK_INT(claimed->status.phase, FM_TASK_PHASE_RUNNING);
    CHECK(fm_agentic_task_status_has_claimed_at(&claimed->status));
    CHECK_INT(phase_of(&e), FM_TASK_PHASE_RUNNING);
    CHECK_INT(e.fake.applied, 1);
    fm_agentic_task_free(claimed);
    fm_agentic_task_free(cached);
    fake_free(&e.fake);
}

/* Another agent claimed it between our read and our write: the 409 makes
 * us read again and back off. */
TEST(claim_conflict_with_competing_agent_backs_off)
{
    env e;
    setup(&e);
    fm_agentic_task *cached = put(&e, make_task("a", "Scheduled", "n1", NULL)), *claimed = NULL;
    fm_agentic_task *other = make_task("a", "Running", "n2", "2023-11-14T22:00:00Z");
    fake_put_task(&e.fake, other); /* the competitor's claim; rv moves on */
    fm_agentic_task_free(other);
    CHECK_INT(fm_agentcore_claim(&e.core, &claimed, cached), 0);
    CHECK(claimed == NULL);
    CHECK_INT(e.fake.patches, 1);
    CHECK_INT(e.fake.gets, 1);
    CHECK_INT(e.fake.applied, 0);
    fm_agentic_task *t = fake_task(&e.fake, "ns", "a");
    CHECK_STR(t->status.assigned_node, "n2");
    fm_agentic_task_free(t);
    fm_agentic_task_free(cached);
    fake_free(&e.fake);
}

/* A 409 from an unrelated change: the fresh task is still ours to claim. */
TEST(claim_conflict_unrelated_change_claims_fresh)
{
    env e;
    setup(&e);
    fm_agentic_task *cached = put(&e, make_task("a", "Scheduled", "n1", NULL)), *claimed = NULL;
    fake_on_patch(&e.fake, 1, FAKE_BUMP);
    CHECK_INT(fm_agentcore_claim(&e.core, &claimed, cached), 1);
    CHECK_INT(e.fake.patches, 2);
    CHECK_INT(e.fake.applied, 1);
    CHECK_INT(phase_of(&e), FM_TASK_PHASE_RUNNING);
    fm_agentic_task_free(claimed);
    fm_agentic_task_free(cached);
    fake_free(&e.fake);
}

/* Deleted between the list and the claim: skipped, nothing written. */
TEST(claim_task_deleted_mid_claim)
{
    env e;
    setup(&e);
    fm_agentic_task *cached = put(&e, make_task("a", "Scheduled", "n1", NULL)), *claimed = NULL;
    fake_on_patch(&e.fake, 1, FAKE_GONE);
    CHECK_INT(fm_agentcore_claim(&e.core, &claimed, cached), 0);
    CHECK(claimed == NULL);
    CHECK_INT(e.fake.applied, 0);
    /* and deleted while the 409 made us re-read */
    fake_free(&e.fake);
    setup(&e);
    fm_agentic_task_free(cached);
    cached = put(&e, make_task("a", "Scheduled", "n1", NULL));
    fake_on_patch(&e.fake, 1, FAKE_CONFLICT);
    fake_on_get(&e.fake, 1, FAKE_GONE);
    CHECK_INT(fm_agentcore_claim(&e.core, &claimed, cached), 0);
    CHECK_INT(e.fake.applied, 0);
    fm_agentic_task_free(cached);
    fake_free(&e.fake);
}

/* Not ours, or not Scheduled: no write at all. */
TEST(claim_refuses_foreign_task)
{
    env e;
    setup(&e);
    fm_agentic_task *cached = put(&e, make_task("a", "Scheduled", "n2", NULL)), *claimed = NULL;
    CHECK_INT(fm_agentcore_claim(&e.core, &claimed, cached), 0);
    CHECK_INT(e.fake.patches, 0);
    fm_agentic_task_free(cached);
    fake_free(&e.fake);
}

static void result_ok(fm_executor_result *res)
{
    memset(res, 0, sizeof *res);
    res->kind = "stub";
    res->verdict = FM_VERDICT_GO;
    res->summary = strdup("done");
    res->extra = strdup("{}");
}

/* The terminal patch conflicts twice, then lands once. */
TEST(result_retries_on_conflict)
{
    env e;
    setup(&e);
    fm_agentic_task *t = put(&e, make_task("a", "Running", "n1", "2023-11-14T22:00:00Z"));
    fm_time claimed = t->status.claimed_at;
    fake_on_patch(&e.fake, 1, FAKE_BUMP);
    fake_on_patch(&e.fake, 2, FAKE_CONFLICT);
    fm_executor_result res;
    result_ok(&res);
    CHECK_INT(fm_agentcore_write_result(&e.core, "ns", "a", claimed, &res, NULL), 0);
    CHECK_INT(e.fake.patches, 3);
    CHECK_INT(e.fake.applied, 1);
    CHECK_INT(phase_of(&e), FM_TASK_PHASE_SUCCEEDED);
    fm_executor_result_clear(&res);
    fm_agentic_task_free(t);
    fake_free(&e.fake);
}

/* The task went terminal meanwhile (the operator's timeout, say): the
 * 409's re-read sees it and the result is not written over it. */
TEST(result_never_overwrites_terminal_phase)
{
    env e;
    setup(&e);
    fm_agentic_task *t = put(&e, make_task("a", "Running", "n1", "2023-11-14T22:00:00Z"));
    fm_time claimed = t->status.claimed_at;
    fm_agentic_task *failed = make_task("a", "Failed", "n1", "2023-11-14T22:00:00Z");
    fake_put_task(&e.fake, failed);
    fm_agentic_task_free(failed);
    fm_executor_result res;
    result_ok(&res);
    CHECK_INT(fm_agentcore_write_result(&e.core, "ns", "a", claimed, &res, NULL), 0);
    CHECK_INT(e.fake.applied, 0);
    CHECK_INT(phase_of(&e), FM_TASK_PHASE_FAILED);
    fm_executor_result_clear(&res);
    fm_agentic_task_free(t);
    fake_free(&e.fake);
}

/* Deleted before the result: dropped, 0. */
TEST(result_task_deleted)
{
    env e;
    setup(&e);
    fm_agentic_task *t = put(&e, make_task("a", "Running", "n1", "2023-11-14T22:00:00Z"));
    fm_time claimed = t->status.claimed_at;
    fake_on_get(&e.fake, 1, FAKE_GONE);
    fm_executor_result res;
    result_ok(&res);
    CHECK_INT(fm_agentcore_write_result(&e.core, "ns", "a", claimed, &res, NULL), 0);
    CHECK_INT(e.fake.patches, 0);
    fm_executor_result_clear(&res);
    fm_agentic_task_free(t);
    fake_free(&e.fake);
}

/* No answer: retried after a pause; a draining agent gives up after 3. */
TEST(result_transport_retries_then_gives_up_when_draining)
{
    env e;
    setup(&e);
    fm_agentic_task *t = put(&e, make_task("a", "Running", "n1", "2023-11-14T22:00:00Z"));
    fm_time claimed = t->status.claimed_at;
    fake_on_patch(&e.fake, 1, FAKE_TRANSPORT);
    fm_executor_result res;
    result_ok(&res);
    CHECK_INT(fm_agentcore_write_result(&e.core, "ns", "a", claimed, &res, NULL), 0);
    CHECK_INT(e.pauses, 1);
    CHECK_INT(phase_of(&e), FM_TASK_PHASE_SUCCEEDED);
    fm_executor_result_clear(&res);
    fm_agentic_task_free(t);
    fake_free(&e.fake);

    setup(&e);
    t = put(&e, make_task("a", "Running", "n1", "2023-11-14T22:00:00Z"));
    atomic_store(&e.draining, 1);
    for (int i = 1; i <= 10; i++) fake_on_patch(&e.fake, i, FAKE_TRANSPORT);
    result_ok(&res);
    CHECK(fm_agentcore_write_result(&e.core, "ns", "a", claimed, &res, NULL) != 0);
    CHECK_INT(e.fake.patches, 4);
    CHECK_INT(phase_of(&e), FM_TASK_PHASE_RUNNING);
    fm_executor_result_clear(&res);
    fm_agentic_task_free(t);
    fake_free(&e.fake);
}

/* Requeue returns our Running task to Pending, and leaves others alone. */
TEST(requeue_only_our_claim)
{
    env e;
    setup(&e);
    fm_agentic_task *t = put(&e, make_task("a", "Running", "n1", "2023-11-14T22:00:00Z"));
    fm_time claimed = t->status.claimed_at;
    fake_on_patch(&e.fake, 1, FAKE_BUMP);
    CHECK_INT(fm_agentcore_requeue(&e.core, "ns", "a", &claimed, "AgentShutdown", "bye"), 0);
    CHECK_INT(e.fake.applied, 1);
    CHECK_INT(phase_of(&e), FM_TASK_PHASE_PENDING);
    fm_agentic_task *back = fake_task(&e.fake, "ns", "a");
    CHECK(back->status.assigned_node == NULL);
    fm_agentic_task_free(back);
    /* A claim of another time is not ours. */
    fm_agentic_task_free(t);
    t = put(&e, make_task("a", "Running", "n1", "2023-11-14T23:00:00Z"));
    CHECK_INT(fm_agentcore_requeue(&e.core, "ns", "a", &claimed, "AgentShutdown", "bye"), 0);
    CHECK_INT(phase_of(&e), FM_TASK_PHASE_RUNNING);
    fm_agentic_task_free(t);
    fake_free(&e.fake);
}

int main(void)
{
    RUN(claim_scheduled_task);
    RUN(claim_conflict_with_competing_agent_backs_off);
    RUN(claim_conflict_unrelated_change_claims_fresh);
    RUN(claim_task_deleted_mid_claim);
    RUN(claim_refuses_foreign_task);
    RUN(result_retries_on_conflict);
    RUN(result_never_overwrites_terminal_phase);
    RUN(result_task_deleted);
    RUN(result_transport_retries_then_gives_up_when_draining);
    RUN(requeue_only_our_claim);
    return test_summary();
}
