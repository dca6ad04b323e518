/*
 * agentcore.c - the agent's writes to the AgenticTasks it runs: the claim,
 * the return to Pending, the progress condition and the terminal status,
 * each a status merge patch guarded by the resourceVersion and re-read on
 * conflict (agentcore.h). Moved out of cmd/foreman-agent/tasks.c so unit
 * tests drive the 409 loops through a scripted fm_objapi.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "agentcore.h"
#include "conditions.h"
#include "error.h"
#include "log.h"

/* The largest result envelope written into a task's status. The server
 * would take up to about 1.5 MiB (etcd's limit) for the whole object; the
 * envelope is a summary, and the transcript holds the rest. */
#define AGENT_RESULT_MAX_BYTES (256 * 1024)
/* Tries of one terminal status write before the agent gives up (conflicts
 * and transport failures; a refusal switches to the minimal result). */
#define AGENT_RESULT_MAX_TRIES 30

static void pause_ms(fm_agentcore *a, int64_t ms)
{
    if (ms <= 0) return;
    if (a->pause) {
        a->pause(a->pause_ud, ms);
        return;
    }
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}
static bool time_eq(fm_time a, fm_time b)
{
    return a.sec == b.sec && a.nsec == b.nsec;
}

static fm_time now_seconds(void)
{
    fm_time t = fm_codec_time_now();
    t.nsec = 0; /* metav1.Time has whole seconds */
    return t;
}

bool fm_agentcore_assigned_here(const fm_agentcore *a, const fm_agentic_task *t)
{
    return t->status.assigned_node && strcmp(t->status.assigned_node, a->node) == 0;
}

/* Sleeps before retrying a write that failed for a reason other than a
 * conflict; false when the agent is past its shutdown and should give up. */
static bool retry_pause(fm_agentcore *a, int64_t *backoff_ms, int attempt)
{
    if (a->draining && atomic_load(a->draining) && attempt >= 3) return false;
    pause_ms(a, *backoff_ms);
    *backoff_ms = *backoff_ms * 2 > 10000 ? 10000 : *backoff_ms * 2;
    return true;
}

/* ------------------------------------------------------------ requeue */

/*
 * Returns a task this node holds Running to Pending: clears assignedNode,
 * claimedAt and startedAt, sets condition Running=False with reason (one
 * status patch; the operator then removes the assigned-node label).
 * claimed (may be NULL) must match status.claimedAt. Returns 0 (also when
 * the task is gone or no longer ours) or a negative FM_E*.
 */
int fm_agentcore_requeue(fm_agentcore *a, const char *ns, const char *name, const fm_time *claimed,
                   const char *reason, const char *message)
{
    int64_t backoff_ms = 200;
    int rc = 0;
    for (int attempt = 0; attempt < 50; attempt++) {
        fm_agentic_task *cur = NULL, *want = NULL;
        rc = fm_objapi_task_get(&a->api, &cur, ns, name);
        if (rc == FM_ENOTFOUND) return 0;
        if (rc == 0) {
            const fm_agentic_task_status *st = &cur->status;
            if (st->phase != FM_TASK_PHASE_RUNNING || !fm_agentcore_assigned_here(a, cur) ||
                (claimed && !time_eq(st->claimed_at, *claimed))) {
                fm_agentic_task_free(cur);
                return 0;
            }
            rc = fm_agentic_task_copy(&want, cur);
            if (rc == 0) {
                fm_agentic_task_status *ws = &want->status;
                ws->phase = FM_TASK_PHASE_PENDING;
                free(ws->assigned_node);
                ws->assigned_node = NULL;
                fm_agentic_task_status_clear_claimed_at(ws);
                fm_agentic_task_status_clear_started_at(ws);
                rc = fm_condition_set(&ws->conditions, "Running", FM_K8S_CONDITION_STATUS_FALSE, reason,
                                   message, cur->metadata.generation, fm_codec_time_now());
                fm_agentic_task_status_set_conditions_present(ws, true);
                if (rc == 0) rc = fm_objapi_task_patch(&a->api, NULL, cur, want, true);
            }
            fm_agentic_task_free(cur);
            fm_agentic_task_free(want);
            if (rc == 0) break;
            if (rc == FM_ENOTFOUND) return 0;
            if (rc == FM_ECONFLICT) continue;
        }
        fm_log_warn("returning task to Pending failed; retrying", "task", name, "namespace", ns,
                 "error", fm_error_last()->message, NULL);
        if (!retry_pause(a, &backoff_ms, attempt)) return rc;
    }
    if (rc != 0) return rc;

    /* The assigned-node label, if the operator wrote one, stays: the agent
     * may write only the status subresource (docs/security.md), and the
     * operator removes the label of a Pending task. */
    fm_log_info("task returned to Pending", "task", name, "namespace", ns, "reason", reason, NULL);
    return 0;
}

/* ------------------------------------------------------------ terminal status */



/*
 * Checks an envelope the way every reader of the task will: by the real
 * decoder, at the depth it has inside a task ({"status":{"result":...}}),
 * and against AGENT_RESULT_MAX_BYTES. Returns 0, or a negative FM_E* whose
 * message says what is wrong. What the agent writes, the operator and the
 * agents can therefore always read back.
 */
static int envelope_check(const fm_buf *env)
{
    if (env->len > AGENT_RESULT_MAX_BYTES)
        return fm_error_set(FM_ELIMIT, "result envelope of %zu bytes is over the %d-byte limit", env->len,
                            AGENT_RESULT_MAX_BYTES);
    fm_buf doc = FM_BUF_INIT;
    int rc = fm_buf_puts(&doc, "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"AgenticTask\","
                               "\"metadata\":{\"name\":\"x\"},\"status\":{\"result\":");
    rc |= fm_buf_put(&doc, env->data, env->len);
    rc |= fm_buf_puts(&doc, "}}");
    if (rc) {
        fm_buf_free(&doc);
        return fm_error_set(FM_ENOMEM, "out of memory");
    }
    fm_agentic_task back;
    memset(&back, 0, sizeof back);
    rc = fm_codec_decode(&back, &fm_agentic_task_desc, doc.data, doc.len);
    fm_codec_clear(&back, &fm_agentic_task_desc);
    fm_buf_free(&doc);
    return rc;
}

/*
 * The condition message of a failed task: what happened, without the
 * command's output. Conditions are readable by anyone who may read tasks,
 * and the output can hold anything the command printed; the transcript
 * (transcriptRef, on the host) keeps it. Returns a malloc'd string.
 */
static char *condition_message(const char *message, const char *transcript)
{
    if (!message) return NULL;
    const char *cut = strstr(message, "; last ");
    size_t n = cut && strstr(cut, " of output:") ? (size_t)(cut - message) : strcspn(message, "\n");
    fm_buf b = FM_BUF_INIT;
    fm_buf_put(&b, message, n);
    if (cut && transcript) fm_buf_printf(&b, "; output in %s on the node", transcript);
    return fm_buf_detach(&b);
}

/* Replaces res by the minimal failed result: verdict INCOMPLETE, reason,
 * no extra; message (copied) says why. */
static void refuse_result(fm_executor_result *res, const char *reason, const char *message)
{
    res->failed = true;
    res->reason = reason;
    free(res->message);
    res->message = fm_strdup(message);
    free(res->summary);
    res->summary = fm_strdup("the executor's result could not be recorded");
    free(res->extra);
    res->extra = fm_strdup("{}");
}

/*
 * Writes the terminal status of a task this node ran, guarded by the claim
 * (still Running here with the same claimedAt) and the resourceVersion.
 * A result the decoder or the server refuses is replaced by a minimal
 * failed one (reason InvalidResult, or ResultRefused after a 4xx), so a
 * task that ran always ends, and is never run again for it. Conflicts and
 * transport failures are retried at most AGENT_RESULT_MAX_TRIES times
 * (counted). Returns 0 (also when the task is gone or changed hands:
 * nothing is written then) or a negative FM_E* when it gave up.
 */
int fm_agentcore_write_result(fm_agentcore *a, const char *ns, const char *name, fm_time claimed,
                        fm_executor_result *res, const char *fail_message)
{
    fm_buf env = FM_BUF_INIT;
    int rc = fm_executor_envelope(&env, res);
    if (rc != 0) return rc;
    if (envelope_check(&env) != 0) {
        char why[FM_ERROR_MAX + 64];
        snprintf(why, sizeof why, "the executor's result was not written: %s", fm_error_last()->message);
        fm_log_warn("task result refused by the decoder; finishing the task Failed", "task", name, "namespace", ns,
                 "error", fm_error_last()->message, NULL);
        refuse_result(res, "InvalidResult", why);
        fail_message = NULL;
        fm_buf_reset(&env);
        if ((rc = fm_executor_envelope(&env, res)) != 0) return rc;
    }
    bool refused = false;
    int64_t backoff_ms = 200;
    for (int attempt = 0; attempt < AGENT_RESULT_MAX_TRIES; attempt++) {
        if (attempt > 0 && a->result_retries) fm_metrics_inc(a->result_retries);
        fm_agentic_task *cur = NULL, *want = NULL;
        rc = fm_objapi_task_get(&a->api, &cur, ns, name);
        if (rc == FM_ENOTFOUND) {
            fm_log_info("task deleted; its result is dropped", "task", name, "namespace", ns, NULL);
            rc = 0;
            break;
        }
        if (rc == 0) {
            const fm_agentic_task_status *st = &cur->status;
            if (st->phase != FM_TASK_PHASE_RUNNING || !fm_agentcore_assigned_here(a, cur) ||
                !time_eq(st->claimed_at, claimed)) {
                fm_log_warn("task is no longer this node's claim; result not written", "task", name,
                         "namespace", ns, "phase", fm_task_phase_name(st->phase), "assignedNode",
                         st->assigned_node, NULL);
                fm_agentic_task_free(cur);
                rc = 0;
                break;
            }
            rc = fm_agentic_task_copy(&want, cur);
            if (rc == 0) {
                fm_agentic_task_status *ws = &want->status;
                int64_t gen = cur->metadata.generation;
                char *cmsg = condition_message(fail_message ? fail_message : res->message, res->transcript_ref);
                ws->phase = res->failed ? FM_TASK_PHASE_FAILED : FM_TASK_PHASE_SUCCEEDED;
                /* a failed gate keeps its verdict; every other failure is INCOMPLETE */
                ws->verdict = !res->failed ? res->verdict
                              : res->verdict == FM_VERDICT_GATE_FAIL ? FM_VERDICT_GATE_FAIL : FM_VERDICT_INCOMPLETE;
                fm_agentic_task_status_set_finished_at(ws, now_seconds());
                rc |= fm_strset(&ws->result, env.data);
                if (res->transcript_ref) rc |= fm_strset(&ws->transcript_ref, res->transcript_ref);
                if (res->branch) rc |= fm_strset(&ws->branch, res->branch);
                if (res->commit_sha) rc |= fm_strset(&ws->commit_sha, res->commit_sha);
                rc |= fm_condition_set(&ws->conditions, "Running", FM_K8S_CONDITION_STATUS_FALSE,
                                    "Finished", "the executor finished", gen, fm_codec_time_now());
                if (res->failed)
                    rc |= fm_condition_set(&ws->conditions, "Completed", FM_K8S_CONDITION_STATUS_FALSE,
                                        res->reason, cmsg, gen, fm_codec_time_now());
                else
                    rc |= fm_condition_set(&ws->conditions, "Completed", FM_K8S_CONDITION_STATUS_TRUE,
                                        "Succeeded", res->summary, gen, fm_codec_time_now());
                free(cmsg);
                fm_agentic_task_status_set_conditions_present(ws, true);
                if (rc == 0) rc = fm_objapi_task_patch(&a->api, NULL, cur, want, true);
                else rc = fm_error_set(FM_ENOMEM, "agentictasks/%s/%s: out of memory", ns, name);
            }
            fm_agentic_task_free(cur);
            fm_agentic_task_free(want);
            if (rc == 0) break;
            if (rc == FM_ECONFLICT) continue;
            if (rc == FM_ENOTFOUND) continue; /* next read says it is gone */
            long hs = fm_error_last()->http_status;
            if ((rc == FM_EINVALID || (rc == FM_EHTTP && (hs == 400 || hs == 413))) && !refused) {
                /* The server refuses this status for good: write the
                 * minimal failed one instead of retrying (or requeueing)
                 * a task that ran. */
                char why[FM_ERROR_MAX + 64];
                snprintf(why, sizeof why, "the API server refused the task's result: %s",
                         fm_error_last()->message);
                fm_log_warn("task result refused by the API server; finishing the task Failed", "task", name,
                         "namespace", ns, "error", fm_error_last()->message, NULL);
                refuse_result(res, "ResultRefused", why);
                fail_message = NULL;
                refused = true;
                fm_buf_reset(&env);
                if ((rc = fm_executor_envelope(&env, res)) != 0) break;
                continue;
            }
        }
        fm_log_warn("writing the task result failed; retrying", "task", name, "namespace", ns, "error",
                 fm_error_last()->message, NULL);
        if (!retry_pause(a, &backoff_ms, attempt)) break;
    }
    fm_buf_free(&env);
    return rc;
}

/*
 * The executor's progress line (native: at most every 10 s) as condition
 * Progress=True, reason Working, on the task this node still holds. One
 * try: a conflict or an error just waits for the next line.
 */
void fm_agentcore_progress(fm_agentcore *a, const char *ns, const char *name, fm_time claimed_at,
                           const char *message)
{
    fm_agentic_task *cur = NULL, *want = NULL;
    if (fm_objapi_task_get(&a->api, &cur, ns, name) != 0) return;
    if (cur->status.phase == FM_TASK_PHASE_RUNNING && fm_agentcore_assigned_here(a, cur) &&
        time_eq(cur->status.claimed_at, claimed_at) && fm_agentic_task_copy(&want, cur) == 0) {
        fm_agentic_task_status *ws = &want->status;
        if (fm_condition_set(&ws->conditions, "Progress", FM_K8S_CONDITION_STATUS_TRUE, "Working", message,
                          cur->metadata.generation, fm_codec_time_now()) == 0) {
            fm_agentic_task_status_set_conditions_present(ws, true);
            if (fm_objapi_task_patch(&a->api, NULL, cur, want, true) != 0)
                fm_log_debug("progress not written", "task", name, "namespace", ns, "error",
                          fm_error_last()->message, NULL);
        }
    }
    fm_agentic_task_free(cur);
    fm_agentic_task_free(want);
}

/* ------------------------------------------------------------ claim */

int fm_agentcore_claim(fm_agentcore *a, fm_agentic_task **out, const fm_agentic_task *cached)
{
    *out = NULL;
    const char *ns = cached->metadata.namespace, *name = cached->metadata.name;
    fm_agentic_task *cur = NULL;
    int rc = fm_agentic_task_copy(&cur, cached);
    if (rc != 0) return rc;
    if (a->claim_delay_ns > 0) {
        pause_ms(a, a->claim_delay_ns / 1000000);
    }
    for (int attempt = 0; attempt < 5; attempt++) {
        const fm_agentic_task_status *st = &cur->status;
        if (st->phase != FM_TASK_PHASE_SCHEDULED || !fm_agentcore_assigned_here(a, cur) ||
            fm_k8s_object_meta_has_deletion_timestamp(&cur->metadata)) {
            fm_log_v(1, "task no longer claimable", "task", name, "namespace", ns, "phase",
                  fm_task_phase_name(st->phase), NULL);
            fm_agentic_task_free(cur);
            return 0;
        }
        fm_agentic_task *want = NULL, *claimed = NULL;
        if ((rc = fm_agentic_task_copy(&want, cur)) != 0) break;
        fm_time now = now_seconds();
        fm_agentic_task_status *ws = &want->status;
        ws->phase = FM_TASK_PHASE_RUNNING;
        fm_agentic_task_status_set_claimed_at(ws, now);
        fm_agentic_task_status_set_started_at(ws, now);
        char msg[200];
        snprintf(msg, sizeof(msg), "claimed by foreman-agent on %s", a->node);
        rc = fm_condition_set(&ws->conditions, "Running", FM_K8S_CONDITION_STATUS_TRUE, "Claimed", msg,
                           cur->metadata.generation, fm_codec_time_now());
        fm_agentic_task_status_set_conditions_present(ws, true);
        if (rc == 0) rc = fm_objapi_task_patch(&a->api, &claimed, cur, want, true);
        fm_agentic_task_free(want);
        if (rc == 0) {
            fm_agentic_task_free(cur);
            *out = claimed;
            return 1;
        }
        if (rc == FM_ECONFLICT) {
            fm_log_info("claim conflicted; reading the task again", "task", name, "namespace", ns, NULL);
            fm_agentic_task_free(cur);
            cur = NULL;
            rc = fm_objapi_task_get(&a->api, &cur, ns, name);
            if (rc != 0) {
                if (rc == FM_ENOTFOUND) return 0;
                break;
            }
            continue;
        }
        if (rc == FM_ENOTFOUND) {
            fm_agentic_task_free(cur);
            return 0;
        }
        break;
    }
    fm_log_warn("claiming task failed", "task", name, "namespace", ns, "error", fm_error_last()->message,
             NULL);
    fm_agentic_task_free(cur);
    return rc < 0 ? rc : FM_ERROR;
}

