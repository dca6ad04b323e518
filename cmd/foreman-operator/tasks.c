/*
 * tasks.c - the AgenticTask controller and the task informer's handlers.
 *
 * Per-task reconcile (key "ns/name"), reading the cache only:
 *   no phase    -> a scheduling pass when every dependency succeeded (it
 *                  places the task at once or marks it Pending), else
 *                  Pending (or straight to Failed when a dependency failed
 *                  or a cycle exists);
 *   Pending     -> Failed/DependencyCycle, Failed/UpstreamFailed, nothing
 *                  while a dependency is unfinished (the dependency's own
 *                  change wakes it through the "dep" index), or a request
 *                  for a scheduling pass when every dependency succeeded;
 *   Scheduled, Running, Verifying
 *               -> claim expiry when the node is gone, NotReady or stale
 *                  (or, for unclaimed tasks, Draining or no longer
 *                  serving the task's namespace): back to Pending, or
 *                  Failed/ClaimExpiryLimitReached on the third expiry;
 *                  Running past startedAt + timeoutSeconds + 60 s ->
 *                  Failed/Timeout, with a requeue at exactly that deadline;
 *                  a Scheduled task whose routing label is missing gets it.
 *
 * The handlers keep the scheduling ledger in step with the cache, wake
 * dependents and the owning Workload, and ask for a pass when a slot frees.
 * They also count completions for the metrics.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "conditions.h"
#include "log.h"
#include "operator.h"

/* ------------------------------------------------------------ indexes */

static size_t idx_node(const char **out, size_t cap, const void *obj, void *ud)
{
    const char *n = fm_sched_task_holding_node(obj);
    if (!n) return 0;
    if (cap >= 1) out[0] = n;
    return 1;
}

static size_t idx_dep(const char **out, size_t cap, const void *obj, void *ud)
{
    const fm_agentic_task *t = obj;
    if (!fm_agentic_task_spec_has_depends_on(&t->spec)) return 0;
    size_t n = 0;
    for (size_t i = 0; i < t->spec.depends_on.len; i++) {
        const char *d = t->spec.depends_on.items[i];
        if (!d) continue;
        if (n < cap) out[n] = d;
        n++;
    }
    return n;
}

static size_t idx_workload(const char **out, size_t cap, const void *obj, void *ud)
{
    const fm_agentic_task *t = obj;
    const char *w = fm_strmap_get(&t->metadata.labels, SCHED_LABEL_WORKLOAD);
    if (!w) return 0;
    if (cap >= 1) out[0] = w;
    return 1;
}

/* ------------------------------------------------------------ helpers */

static void task_key(char *buf, size_t cap, const fm_agentic_task *t)
{
    snprintf(buf, cap, "%s/%s", t->metadata.namespace ? t->metadata.namespace : "",
             t->metadata.name ? t->metadata.name : "");
}

/* Enqueues keys from an index whose values are names, keeping those in ns. */
static void enqueue_index(fm_operator *op, fm_controller *c, const char *index, const char *value,
                          const char *ns)
{
    fm_list keys = {0};
    if (fm_store_index_keys(&keys, op->tasks, index, value) != 0) return;
    size_t nl = strlen(ns ? ns : "");
    for (size_t i = 0; i < keys.len; i++) {
        const char *k = ((char **)keys.items)[i];
        if (ns && (strncmp(k, ns, nl) != 0 || k[nl] != '/')) continue;
        fm_controller_enqueue(c, k);
    }
    fm_store_keys_free(&keys);
}

void op_enqueue_tasks_on_node(fm_operator *op, const char *node)
{
    if (op->task_ctl && node) enqueue_index(op, op->task_ctl, OP_IDX_NODE, node, NULL);
}

static void enqueue_dependents(fm_operator *op, const fm_agentic_task *t)
{
    if (op->task_ctl && t->metadata.name)
        enqueue_index(op, op->task_ctl, OP_IDX_DEP, t->metadata.name, t->metadata.namespace);
}

static void enqueue_workload(fm_operator *op, const fm_agentic_task *t)
{
    const char *w = fm_strmap_get(&t->metadata.labels, SCHED_LABEL_WORKLOAD);
    if (!w || !op->workload_ctl) return;
    char key[512];
    snprintf(key, sizeof key, "%s/%s", t->metadata.namespace ? t->metadata.namespace : "", w);
    fm_controller_enqueue(op->workload_ctl, key);
}

/*
 * With a per-namespace cap (--max-running-per-namespace), a task that gives
 * its slot back may let a capped task of its namespace run, on any node
 * that fits it, not only the one the slot was on: the next pass looks at
 * every waiting task. Without a cap this costs nothing. Call under op->core.mu.
 */
static bool cap_slot_freed(fm_operator *op, const fm_agentic_task *o, const fm_agentic_task *t)
{
    if (op->cfg.max_running_per_ns <= 0 || !o || !fm_sched_task_holding_node(o)) return false;
    if (t && fm_sched_task_holding_node(t)) return false;
    fm_sched_plan_full(op->core.plan);
    return true;
}

/* Keeps the ledger and the scheduling plan in step with the cache (o NULL
 * for an add) and asks for a pass when the change can place a task. */
static void observe(fm_operator *op, const fm_agentic_task *o, const fm_agentic_task *t)
{
    char key[512];
    task_key(key, sizeof key, t);
    pthread_mutex_lock(&op->core.mu);
    bool was_assumed = fm_sched_ledger_is_assumed(op->core.ledger, key);
    if (fm_sched_ledger_observe(op->core.ledger, key, fm_sched_task_holding_node(t),
                             t->metadata.resource_version) != 0)
        fm_log_error("scheduler ledger update failed", "object", key, "error",
                  fm_error_last()->message, NULL);
    bool work = fm_sched_plan_task_event(op->core.plan, key, o, t);
    /* The cache caught up with a write of ours: a pass that skipped the
     * task while it was in flight must look at it again. */
    work |= fm_opcore_assumption_ended(&op->core, key, was_assumed, fm_sched_task_waiting(t));
    work |= cap_slot_freed(op, o, t);
    pthread_mutex_unlock(&op->core.mu);
    if (work) op_trigger_pass(op);
}

/* Completion metrics, once per transition into a terminal phase. */
static void count_completion(fm_operator *op, const fm_agentic_task *t)
{
    const char *kind = fm_task_kind_name(t->spec.kind);
    const char *verdict = fm_verdict_name(t->status.verdict);
    fm_series *s = NULL;
    if (fm_metrics_series(&s, op->m.completed, kind ? kind : "unknown", verdict ? verdict : "none",
                       NULL) == 0)
        fm_metrics_inc(s);
    if (fm_agentic_task_status_has_started_at(&t->status) &&
        fm_agentic_task_status_has_finished_at(&t->status)) {
        double d = (double)fm_sched_time_diff_ns(t->status.started_at, t->status.finished_at) / 1e9;
        fm_metrics_observe(op->m.duration, d < 0 ? 0 : d);
    }
}

/* ------------------------------------------------------------ handlers */

static void on_add(void *ud, const void *obj)
{
    fm_operator *op = ud;
    const fm_agentic_task *t = obj;
    /* A new waiting task goes straight to the pass (which checks its
     * dependencies); its own reconcile finds it already looked at. */
    observe(op, NULL, t);
    enqueue_dependents(op, t); /* they may have waited for it to exist */
    enqueue_workload(op, t);
}

static void on_update(void *ud, const void *old_obj, const void *new_obj)
{
    fm_operator *op = ud;
    const fm_agentic_task *o = old_obj, *n = new_obj;
    observe(op, o, n); /* slots given back, waiting tasks that changed */
    if (o->status.phase != n->status.phase) {
        enqueue_dependents(op, n);
        enqueue_workload(op, n);
        if (fm_sched_phase_terminal(n->status.phase) && !fm_sched_phase_terminal(o->status.phase))
            count_completion(op, n);
    }
}

static void on_delete(void *ud, const void *old_obj)
{
    fm_operator *op = ud;
    const fm_agentic_task *t = old_obj;
    char key[512];
    task_key(key, sizeof key, t);
    pthread_mutex_lock(&op->core.mu);
    fm_sched_ledger_forget(op->core.ledger, key);
    bool work = fm_sched_plan_task_event(op->core.plan, key, t, NULL); /* its slot */
    work |= cap_slot_freed(op, t, NULL);
    pthread_mutex_unlock(&op->core.mu);
    if (work) op_trigger_pass(op);
    enqueue_dependents(op, t);
    enqueue_workload(op, t);
}

/* ------------------------------------------------------------ reconcile */

static const fm_agentic_task *lookup(void *ud, const char *ns, const char *name)
{
    fm_operator *op = ud;
    char key[512];
    snprintf(key, sizeof key, "%s/%s", ns ? ns : "", name);
    return fm_store_get(op->tasks, key);
}

/* Dependency state of t from the cache; *dep_out receives a copy of the
 * deciding dependency's name (caller frees). */
static int deps_of(fm_operator *op, fm_sched_deps *st, char **dep_out, const fm_agentic_task *t)
{
    const char *dep = NULL;
    fm_store_read_lock(op->tasks);
    int rc = fm_sched_deps_check(st, &dep, t, lookup, op);
    *dep_out = fm_strdup(dep);
    fm_store_read_unlock(op->tasks);
    return rc;
}

/*
 * Removes the assigned-node routing label from a Pending task. An agent
 * that gives a task back (restart, shutdown) writes only its status (the
 * agent's RBAC has no patch on the task itself), so the label naming it is
 * the operator's to remove. Guarded by the cached resourceVersion: a
 * placement in between wins (409, ignored by the caller).
 */
static int drop_routing_label(fm_operator *op, const fm_agentic_task *t)
{
    fm_agentic_task *next = NULL;
    int rc = fm_agentic_task_copy(&next, t);
    if (rc == 0) {
        fm_strmap *l = &next->metadata.labels;
        for (size_t i = 0; i < l->len; i++) {
            if (strcmp(l->items[i].key, SCHED_LABEL_ASSIGNED_NODE) != 0) continue;
            free(l->items[i].key);
            free(l->items[i].value);
            memmove(&l->items[i], &l->items[i + 1], (l->len - i - 1) * sizeof(l->items[0]));
            l->len--;
            break;
        }
        rc = op_task_patch(op, NULL, t, next, false);
    }
    fm_agentic_task_free(next);
    return rc;
}

/*
 * Says on a Pending task that a dependency it waits for does not exist
 * (condition Scheduled=False reason DependencyNotFound and a Warning
 * Event), so the wait is visible; once the dependency exists the reason
 * becomes WaitingForDependencies. Written only when that changes.
 */
static int note_missing_dependency(fm_operator *op, const fm_agentic_task *t, const char *dep)
{
    char key[600];
    snprintf(key, sizeof key, "%s/%s", t->metadata.namespace ? t->metadata.namespace : "", dep);
    bool missing = !fm_store_contains(op->tasks, key);
    const fm_k8s_condition *c = fm_condition_get(&t->status.conditions, "Scheduled");
    bool noted = c && c->reason && strcmp(c->reason, "DependencyNotFound") == 0;
    if (missing == noted) return 0;
    char msg[700];
    if (missing)
        snprintf(msg, sizeof msg, "dependency %s does not exist in namespace %s; the task waits until it is created",
                 dep, t->metadata.namespace ? t->metadata.namespace : "");
    else
        snprintf(msg, sizeof msg, "waiting for dependency %s to succeed", dep);
    fm_agentic_task *next = NULL;
    int rc = fm_agentic_task_copy(&next, t);
    if (rc == 0) {
        fm_agentic_task_set_status_present(next, true);
        fm_agentic_task_status_set_conditions_present(&next->status, true);
        rc = fm_condition_set(&next->status.conditions, "Scheduled", FM_K8S_CONDITION_STATUS_FALSE,
                              missing ? "DependencyNotFound" : "WaitingForDependencies", msg, 0, fm_codec_time_now());
    }
    if (rc == 0) rc = op_task_patch(op, NULL, t, next, true);
    fm_agentic_task_free(next);
    if (rc == 0 && missing) op_task_event(op, t, "Warning", "DependencyNotFound", msg);
    return rc;
}

/* Handles a task without a phase or Pending: dependencies. */
static int reconcile_pending(fm_operator *op, const fm_agentic_task *t)
{
    fm_sched_deps st;
    char *dep = NULL;
    int rc = deps_of(op, &st, &dep, t);
    if (rc) return rc;
    char msg[600];
    if (st == SCHED_DEPS_CYCLE) {
        snprintf(msg, sizeof msg, "dependency cycle: %s depends on itself through %s",
                 t->metadata.name, dep ? dep : "?");
        rc = fm_opcore_fail_task(&op->core, t, "DependencyCycle", msg);
    } else if (st == SCHED_DEPS_FAILED) {
        snprintf(msg, sizeof msg, "dependency %s failed", dep ? dep : "?");
        rc = fm_opcore_fail_task(&op->core, t, "UpstreamFailed", msg);
    } else if (st == SCHED_DEPS_READY) {
        /* To the pass, unless a pass already looked at it since its last
         * change: the reconcile that follows a status write of our own
         * (an Unschedulable condition) costs nothing. */
        char key[512];
        task_key(key, sizeof key, t);
        pthread_mutex_lock(&op->core.mu);
        bool work = fm_sched_plan_task_ready(op->core.plan, key);
        pthread_mutex_unlock(&op->core.mu);
        if (work) op_trigger_pass(op);
    } else if (t->status.phase == FM_TASK_PHASE_UNSET) {
        fm_agentic_task *next = NULL;
        rc = fm_agentic_task_copy(&next, t);
        if (rc == 0) {
            fm_agentic_task_set_status_present(next, true);
            next->status.phase = FM_TASK_PHASE_PENDING;
            rc = op_task_patch(op, NULL, t, next, true);
        }
        fm_agentic_task_free(next);
        /* The Pending version's update event brings the task back here. */
    } else if (st == SCHED_DEPS_WAITING && dep) {
        rc = note_missing_dependency(op, t, dep);
    }
    if (rc == 0 && t->status.phase == FM_TASK_PHASE_PENDING &&
        fm_strmap_get(&t->metadata.labels, SCHED_LABEL_ASSIGNED_NODE))
        rc = drop_routing_label(op, t);
    free(dep);
    return rc;
}

/* Why the claim of t on node n expired, as a condition reason (the
 * checks in the order fm_sched_claim_check makes them). */
static const char *expiry_reason(const fm_agentic_task *t, const fm_fleet_node *n, fm_time now,
                                 int64_t stale_ns)
{
    if (!n) return "FleetNodeGone";
    if (n->status.phase == FM_NODE_PHASE_DRAINING) return "FleetNodeDraining";
    fm_sched_fit f = fm_sched_node_health(n, now, stale_ns);
    if (f == SCHED_FIT_OK && !fm_sched_node_serves_namespace(n, t->metadata.namespace))
        return fm_sched_fit_reason(SCHED_FIT_NAMESPACE);
    return f == SCHED_FIT_STALE ? "HeartbeatStale" : "FleetNodeNotReady";
}

static int reconcile_assigned(fm_operator *op, fm_reconcile_result *out, const fm_agentic_task *t)
{
    fm_time now = fm_codec_time_now();
    fm_fleet_node *n = NULL;
    const char *node = t->status.assigned_node;
    if (node && *node) fm_store_get_copy((void **)&n, op->nodes, node);
    int rc = 0;
    fm_sched_claim c = (node && *node) ? fm_sched_claim_check(t, n, now, op->cfg.node_stale_after_ns)
                                    : (fm_sched_claim_expiries(t) + 1 >= SCHED_MAX_CLAIM_EXPIRIES
                                           ? SCHED_CLAIM_FAIL
                                           : SCHED_CLAIM_RELEASE);
    if (c != SCHED_CLAIM_KEEP) {
        const char *why = expiry_reason(t, n, now, op->cfg.node_stale_after_ns);
        int64_t hold_ms;
        if (strcmp(why, "HeartbeatStale") == 0 && op_staleness_held(op, now, &hold_ms)) {
            /* Stale only because we could not hear the agent: decide later. */
            out->requeue_after_ms = hold_ms;
            goto done;
        }
        rc = fm_opcore_release_task(&op->core, t, c == SCHED_CLAIM_FAIL, why);
        if (rc == 0) {
            fm_metrics_inc(op->m.claim_expiries);
            fm_log_info(c == SCHED_CLAIM_FAIL ? "claim expired: task failed" : "claim expired: task released",
                     "controller", "agentictask", "object", t->metadata.name, "namespace",
                     t->metadata.namespace, "node", node, "reason", why, NULL);
        }
        goto done;
    }
    fm_time deadline;
    if (fm_sched_timeout_deadline(&deadline, t)) {
        int64_t left = fm_sched_time_diff_ns(now, deadline);
        if (left <= 0) {
            int32_t secs = fm_agentic_task_spec_has_timeout_seconds(&t->spec) && t->spec.timeout_seconds > 0
                               ? t->spec.timeout_seconds
                               : SCHED_DEFAULT_TIMEOUT_SECONDS;
            char msg[200];
            snprintf(msg, sizeof msg, "still running %d s after its %d s timeout; failed by the operator",
                     SCHED_TIMEOUT_GRACE_SECONDS, secs);
            rc = fm_opcore_fail_task(&op->core, t, "Timeout", msg);
            if (rc == 0) fm_metrics_inc(op->m.timeouts);
        } else {
            /* Round up so the requeue never lands just before the deadline. */
            out->requeue_after_ms = left / 1000000 + 1;
        }
        goto done;
    }
    if (op->cfg.node_label && t->status.phase == FM_TASK_PHASE_SCHEDULED && node && *node) {
        const char *lbl = fm_strmap_get(&t->metadata.labels, SCHED_LABEL_ASSIGNED_NODE);
        char key[512];
        task_key(key, sizeof key, t);
        pthread_mutex_lock(&op->core.mu);
        bool writing = fm_sched_ledger_is_assumed(op->core.ledger, key); /* the placement's own label write */
        pthread_mutex_unlock(&op->core.mu);
        if (writing && (!lbl || strcmp(lbl, node) != 0)) {
            /* The placement's writer is on it; look again in case it
             * fails or gives up. */
            out->requeue_after_ms = 1000;
        } else if (!lbl || strcmp(lbl, node) != 0) {
            fm_agentic_task *next = NULL;
            rc = fm_agentic_task_copy(&next, t);
            if (rc == 0) rc = fm_strmap_set(&next->metadata.labels, SCHED_LABEL_ASSIGNED_NODE, node);
            if (rc == 0) {
                fm_k8s_object_meta_set_labels_present(&next->metadata, true);
                rc = op_task_patch(op, NULL, t, next, false);
            }
            fm_agentic_task_free(next);
        }
    }
done:
    fm_fleet_node_free(n);
    return rc;
}

static int task_reconcile(fm_reconcile_result *out, void *ud, const fm_reconcile_ctx *ctx)
{
    fm_operator *op = ud;
    fm_agentic_task *t = NULL;
    int rc = fm_store_get_copy((void **)&t, op->tasks, ctx->key);
    if (rc == FM_ENOTFOUND) return 0;
    if (rc) return rc;
    if (fm_k8s_object_meta_has_deletion_timestamp(&t->metadata)) goto done;
    switch (t->status.phase) {
    case FM_TASK_PHASE_UNSET:
    case FM_TASK_PHASE_PENDING:
        rc = reconcile_pending(op, t);
        break;
    case FM_TASK_PHASE_SCHEDULED:
    case FM_TASK_PHASE_RUNNING:
    case FM_TASK_PHASE_VERIFYING:
        rc = reconcile_assigned(op, out, t);
        break;
    default:
        break;
    }
    /* A 409 means the cache is behind: the newer version's event brings
     * the key back, so there is nothing to retry. 404: deleted meanwhile. */
    if (rc == FM_ECONFLICT || rc == FM_ENOTFOUND) rc = 0;
done:
    fm_agentic_task_free(t);
    return rc;
}

static void on_reconcile_error(void *ud, const fm_reconcile_ctx *ctx, int code, const char *message)
{
    fm_log_ctx(FM_LOG_WARN, ctx->log_kv, ctx->n_log_kv, "reconcile failed", "error", message, NULL);
}

int op_tasks_setup(fm_operator *op)
{
    int rc;
    if ((rc = fm_informer_add_index(op->task_inf, OP_IDX_NODE, idx_node, NULL)) ||
        (rc = fm_informer_add_index(op->task_inf, OP_IDX_DEP, idx_dep, NULL)) ||
        (rc = fm_informer_add_index(op->task_inf, OP_IDX_PHASE, fm_opcore_idx_phase, NULL)) ||
        (rc = fm_informer_add_index(op->task_inf, OP_IDX_WORKLOAD, idx_workload, NULL)) ||
        (rc = fm_informer_add_index(op->task_inf, OP_IDX_CLASS, fm_opcore_idx_class, NULL)))
        return rc;
    fm_informer_handlers h = {.on_add = on_add, .on_update = on_update, .on_delete = on_delete, .ud = op};
    if ((rc = fm_informer_add_handlers(op->task_inf, &h))) return rc;
    fm_controller_options co = {
        .name = "agentictask",
        .reconcile = task_reconcile,
        .ud = op,
        .workers = op->cfg.task_workers > 0 ? op->cfg.task_workers : 4,
        .metrics = op->registry,
        .on_error = on_reconcile_error,
    };
    if ((rc = fm_controller_new(&op->task_ctl, &co))) return rc;
    return fm_controller_watch_primary(op->task_ctl, op->task_inf);
}
