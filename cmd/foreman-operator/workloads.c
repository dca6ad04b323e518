/*
 * workloads.c - the Workload controller: explicit pipelines become
 * AgenticTasks, and the tasks' progress rolls up into the Workload status.
 *
 * Reconcile (key "ns/name"):
 *   - no spec.pipeline (an intent-only Workload): this operator has no
 *     planner, so phase Failed, condition Planned=False reason
 *     NoPlannerOrPipeline with a message saying a pipeline is required;
 *   - an invalid pipeline: phase Failed, Planned=False/InvalidPipeline;
 *   - otherwise every kept step (schedule.h: fm_sched_pipeline_select, which
 *     applies spec.maxTasks) that has no task yet is created as
 *     `<workload>-<step>` with a controller ownerReference and the label
 *     foreman.llmkube.dev/workload=<name>. Creation is idempotent: an
 *     existing task (409 AlreadyExists) is left alone. A task of that
 *     name that this Workload does not control (ownerReference uid) fails
 *     the Workload with Planned=False/TaskNameConflict and an Event; it
 *     is never counted as this Workload's.
 *   - status: tasks (references), succeededTasks, failedTasks, and phase
 *     Planning (tasks not all visible yet) -> Planned (all exist, none
 *     started) -> Dispatched (some scheduled or running) -> Completed (all
 *     succeeded) or Failed (any failed); conditions Planned, Truncated (when
 *     maxTasks cut the pipeline) and Completed. Written only when changed.
 *
 * With spec.issues and spec.coderAgentRef and no pipeline, issues.c expands
 * the issues into the pipeline (fix, verify, review per issue) and adds a
 * condition Issue<n> per issue to the status.
 *
 * Tasks wake their Workload through the task informer's handler (label
 * foreman.llmkube.dev/workload), so no polling.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "conditions.h"
#include "log.h"
#include "operator.h"

/* Writes w's status as `next` if it differs. */
static int write_status(fm_operator *op, const fm_workload *w, const fm_workload *next)
{
    if (fm_codec_equal(&w->status, &next->status, &fm_workload_status_desc)) return 0;
    return op_workload_patch(op, w, next, true);
}

/* Phase Failed with Planned=False and reason/message. */
static int fail_planning(fm_operator *op, const fm_workload *w, const char *reason, const char *msg)
{
    if (w->status.phase == FM_WORKLOAD_PHASE_FAILED) {
        const fm_k8s_condition *c = fm_condition_get(&w->status.conditions, "Planned");
        if (c && c->reason && strcmp(c->reason, reason) == 0) return 0;
    }
    fm_workload *next = NULL;
    int rc = fm_workload_copy(&next, w);
    if (rc) return rc;
    fm_workload_set_status_present(next, true);
    next->status.phase = FM_WORKLOAD_PHASE_FAILED;
    fm_workload_status_set_conditions_present(&next->status, true);
    rc = fm_condition_set(&next->status.conditions, "Planned", FM_K8S_CONDITION_STATUS_FALSE, reason,
                          msg, 0, fm_codec_time_now());
    if (rc == 0) rc = write_status(op, w, next);
    fm_workload_free(next);
    if (rc == 0)
        fm_log_info("workload failed", "controller", "workload", "object", w->metadata.name,
                 "reason", reason, NULL);
    return rc;
}

/* True when task t is controlled by workload w (an ownerReference with
 * controller true and w's uid). Names alone can collide: workload "a",
 * step "b-c" and workload "a-b", step "c" both name their task "a-b-c". */
static bool owned_by(const fm_agentic_task *t, const fm_workload *w)
{
    const fm_k8s_owner_reference_list *l = &t->metadata.owner_references;
    for (size_t i = 0; i < l->len; i++) {
        const fm_k8s_owner_reference *r = &l->items[i];
        if (r->controller && r->uid && w->metadata.uid && strcmp(r->uid, w->metadata.uid) == 0) return true;
    }
    return false;
}

/* Creates the task of step i unless the cache already has it. Returns 0,
 * 1 when a task of that name exists but belongs to someone else (*other
 * gets its name), or a negative FM_E*. */
static int ensure_task(fm_operator *op, const fm_workload *w, size_t i, char *other, size_t cap)
{
    char *name = fm_sched_pipeline_task_name(w->metadata.name, w->spec.pipeline.items[i].name);
    if (!name) return fm_error_set(FM_ENOMEM, "workload: out of memory");
    char key[600];
    snprintf(key, sizeof key, "%s/%s", w->metadata.namespace, name);
    snprintf(other, cap, "%s", name);
    free(name);
    fm_store_read_lock(op->tasks);
    const fm_agentic_task *have = fm_store_get(op->tasks, key);
    int owned = have ? (owned_by(have, w) ? 1 : 0) : -1;
    fm_store_read_unlock(op->tasks);
    if (owned == 1) return 0;
    if (owned == 0) return 1;
    fm_agentic_task *t = NULL;
    int rc = fm_sched_pipeline_task(&t, w, i);
    if (rc == 0) rc = op_issues_step_extras(op, t, &w->spec.pipeline.items[i]);
    if (rc == 0) rc = fm_kube_create(NULL, op->client, &fm_agentic_task_kind, w->metadata.namespace, t);
    if (rc == FM_EEXISTS) rc = 0;
    else if (rc == 0)
        fm_log_v(1, "created pipeline task", "controller", "workload", "object", key, NULL);
    fm_agentic_task_free(t);
    return rc;
}

/* Adds a reference to task t to the status list. */
static int add_ref(fm_workload_status *st, const fm_agentic_task *t)
{
    fm_k8s_object_reference *items =
        realloc(st->tasks.items, (st->tasks.len + 1) * sizeof *items);
    if (!items) return FM_ENOMEM;
    st->tasks.items = items;
    fm_k8s_object_reference *r = &items[st->tasks.len++];
    memset(r, 0, sizeof *r);
    if (fm_strset(&r->api_version, "foreman.llmkube.dev/v1alpha1") ||
        fm_strset(&r->kind, "AgenticTask") || fm_strset(&r->name, t->metadata.name) ||
        fm_strset(&r->namespace, t->metadata.namespace) || fm_strset(&r->uid, t->metadata.uid))
        return FM_ENOMEM;
    return 0;
}

static int rollup(fm_operator *op, const fm_workload *w, const bool *keep, size_t kept)
{
    fm_workload *next = NULL;
    int rc = fm_workload_copy(&next, w);
    if (rc) return rc;
    fm_workload_status *st = &next->status;
    fm_workload_set_status_present(next, true);
    /* Rebuilt from the cache below. */
    for (size_t i = 0; i < st->tasks.len; i++)
        fm_codec_clear(&st->tasks.items[i], &fm_k8s_object_reference_desc);
    free(st->tasks.items);
    st->tasks.items = NULL;
    st->tasks.len = 0;
    fm_workload_status_set_tasks_present(st, true);

    size_t existing = 0, succeeded = 0, failed = 0, started = 0;
    char failed_name[300] = "";
    fm_store_read_lock(op->tasks);
    for (size_t i = 0; i < w->spec.pipeline.len && rc == 0; i++) {
        if (!keep[i]) continue;
        char key[600];
        snprintf(key, sizeof key, "%s/%s-%s", w->metadata.namespace, w->metadata.name,
                 w->spec.pipeline.items[i].name);
        const fm_agentic_task *t = fm_store_get(op->tasks, key);
        if (!t || !owned_by(t, w)) continue; /* another's task of the same name is not ours */
        existing++;
        if (add_ref(st, t)) rc = fm_error_set(FM_ENOMEM, "workload: out of memory");
        switch (t->status.phase) {
        case FM_TASK_PHASE_SUCCEEDED: succeeded++; started++; break;
        case FM_TASK_PHASE_FAILED:
            failed++;
            started++;
            if (!failed_name[0]) snprintf(failed_name, sizeof failed_name, "%s", t->metadata.name);
            break;
        case FM_TASK_PHASE_SCHEDULED:
        case FM_TASK_PHASE_RUNNING:
        case FM_TASK_PHASE_VERIFYING: started++; break;
        default: break;
        }
    }
    fm_store_read_unlock(op->tasks);
    if (rc) goto done;

    fm_workload_status_set_succeeded_tasks(st, (int32_t)succeeded);
    fm_workload_status_set_failed_tasks(st, (int32_t)failed);
    if (failed) st->phase = FM_WORKLOAD_PHASE_FAILED;
    else if (succeeded == kept) st->phase = FM_WORKLOAD_PHASE_COMPLETED;
    else if (existing < kept) st->phase = FM_WORKLOAD_PHASE_PLANNING;
    else if (started) st->phase = FM_WORKLOAD_PHASE_DISPATCHED;
    else st->phase = FM_WORKLOAD_PHASE_PLANNED;

    fm_time now = fm_codec_time_now();
    char msg[400];
    fm_workload_status_set_conditions_present(st, true);
    snprintf(msg, sizeof msg, "%zu task(s) from the pipeline", kept);
    rc = fm_condition_set(&st->conditions, "Planned", existing < kept ? FM_K8S_CONDITION_STATUS_FALSE : FM_K8S_CONDITION_STATUS_TRUE,
                          existing < kept ? "CreatingTasks" : "PipelineExpanded", msg, 0, now);
    if (rc == 0 && kept < w->spec.pipeline.len) {
        snprintf(msg, sizeof msg, "created %zu of %zu pipeline steps (maxTasks %d)", kept,
                 w->spec.pipeline.len, w->spec.max_tasks);
        rc = fm_condition_set(&st->conditions, "Truncated", FM_K8S_CONDITION_STATUS_TRUE,
                              "MaxTasksExceeded", msg, 0, now);
    }
    if (rc == 0 && st->phase == FM_WORKLOAD_PHASE_COMPLETED)
        rc = fm_condition_set(&st->conditions, "Completed", FM_K8S_CONDITION_STATUS_TRUE,
                              "AllTasksSucceeded", "every task succeeded", 0, now);
    if (rc == 0 && st->phase == FM_WORKLOAD_PHASE_FAILED) {
        snprintf(msg, sizeof msg, "task %s failed", failed_name);
        rc = fm_condition_set(&st->conditions, "Completed", FM_K8S_CONDITION_STATUS_FALSE,
                              "TaskFailed", msg, 0, now);
    }
    if (rc == 0 && w->spec.issues.len) rc = op_issues_rollup(op, w, &st->conditions, now);
    if (rc == 0) rc = write_status(op, w, next);
done:
    fm_workload_free(next);
    return rc;
}

static int workload_reconcile(fm_reconcile_result *out, void *ud, const fm_reconcile_ctx *ctx)
{
    fm_operator *op = ud;
    fm_workload *w = NULL;
    int rc = fm_store_get_copy((void **)&w, op->workloads, ctx->key);
    if (rc == FM_ENOTFOUND) return 0;
    if (rc) return rc;
    bool *keep = NULL;
    if (fm_k8s_object_meta_has_deletion_timestamp(&w->metadata)) goto done;
    /* issues and a coder: the expansion stands in for the pipeline */
    fm_workload *x = NULL;
    if ((rc = op_issues_expand(&x, w)) != 0) goto done;
    if (x) {
        fm_workload_free(w);
        w = x;
    }
    if (!fm_workload_spec_has_pipeline(&w->spec) || w->spec.pipeline.len == 0) {
        rc = fail_planning(op, w, "NoPlannerOrPipeline",
                           "no planner is available to this operator: spec.pipeline is required "
                           "(list the steps to run), or spec.issues with spec.coderAgentRef");
        goto done;
    }
    if (fm_sched_pipeline_validate(w) != 0) {
        rc = fail_planning(op, w, "InvalidPipeline", fm_error_last()->message);
        goto done;
    }
    keep = calloc(w->spec.pipeline.len, sizeof *keep);
    if (!keep) {
        rc = fm_error_set(FM_ENOMEM, "workload: out of memory");
        goto done;
    }
    size_t kept = fm_sched_pipeline_select(keep, w);
    char other[300] = "";
    for (size_t i = 0; i < w->spec.pipeline.len && rc == 0; i++)
        if (keep[i]) rc = ensure_task(op, w, i, other, sizeof other);
    if (rc == 1) {
        char msg[600];
        snprintf(msg, sizeof msg, "task %s already exists and is not this workload's (another workload or a "
                 "user made it); rename the workload or the step", other);
        rc = fail_planning(op, w, "TaskNameConflict", msg);
        if (rc == 0) op_object_event(op, &fm_workload_kind, &w->metadata, "Warning", "TaskNameConflict", msg);
        goto done;
    }
    if (rc == 0) rc = rollup(op, w, keep, kept);
    if (rc == FM_ECONFLICT || rc == FM_ENOTFOUND) rc = 0;
done:
    free(keep);
    fm_workload_free(w);
    return rc;
}

static void on_reconcile_error(void *ud, const fm_reconcile_ctx *ctx, int code, const char *message)
{
    fm_log_ctx(FM_LOG_WARN, ctx->log_kv, ctx->n_log_kv, "reconcile failed", "error", message, NULL);
}

int op_workloads_setup(fm_operator *op)
{
    fm_controller_options co = {
        .name = "workload",
        .reconcile = workload_reconcile,
        .ud = op,
        .workers = 2,
        .metrics = op->registry,
        .on_error = on_reconcile_error,
    };
    int rc = fm_controller_new(&op->workload_ctl, &co);
    if (rc) return rc;
    return fm_controller_watch_primary(op->workload_ctl, op->workload_inf);
}
