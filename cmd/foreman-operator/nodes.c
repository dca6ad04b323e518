/*
 * nodes.c - the FleetNode controller: heartbeat staleness and reaping.
 *
 * The agent owns its FleetNode and writes phase Ready on every heartbeat;
 * the operator only says when a node has gone quiet:
 *   Ready/Unknown/no phase, heartbeat older than --node-stale-after
 *       -> phase NotReady, condition Ready=False reason HeartbeatStale
 *          (resourceVersion-guarded); otherwise requeued for exactly the
 *          moment it would become stale, so no polling;
 *   Ready and fresh with a Ready=False condition left from an earlier
 *       outage -> Ready=True reason HeartbeatReceived;
 *   Draining, silent for --draining-reap-after -> deleted with uid and
 *       resourceVersion preconditions (a node that heartbeats again in the
 *       meantime is a newer version and is kept); a Draining node is not
 *       marked NotReady, so the reap still applies to it.
 *
 * The handlers also keep the scheduling core's node table (opcore.h:
 * fm_opcore_node_put), the nodes as a pass walks them.
 *
 * Handlers: a node that can take work where it could not before, or whose
 * capability, labels, capacity or task namespaces changed, asks for a
 * scheduling pass; a node whose phase or task namespaces changed, or that
 * was deleted, has its tasks checked for claim expiry (an unclaimed task in
 * a namespace the node stopped serving goes back to Pending).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "conditions.h"
#include "log.h"
#include "operator.h"

/* True when spec.taskNamespaces differs (presence or entries, in order). */
static bool namespaces_changed(const fm_fleet_node *o, const fm_fleet_node *n)
{
    bool ho = fm_fleet_node_spec_has_task_namespaces(&o->spec);
    bool hn = fm_fleet_node_spec_has_task_namespaces(&n->spec);
    if (ho != hn) return true;
    const fm_string_list *a = &o->spec.task_namespaces, *b = &n->spec.task_namespaces;
    if (a->len != b->len) return true;
    for (size_t i = 0; i < a->len; i++)
        if (strcmp(a->items[i] ? a->items[i] : "", b->items[i] ? b->items[i] : "") != 0) return true;
    return false;
}

static void on_add(void *ud, const void *obj)
{
    fm_operator *op = ud;
    const fm_fleet_node *n = obj;
    pthread_mutex_lock(&op->core.mu);
    fm_opcore_node_put(&op->core, n);
    bool work = fm_sched_plan_node_event(op->core.plan, NULL, n, fm_codec_time_now(), op->cfg.node_stale_after_ns);
    pthread_mutex_unlock(&op->core.mu);
    if (work) op_trigger_pass(op);
    else op_enqueue_tasks_on_node(op, n->metadata.name);
}

static void on_update(void *ud, const void *old_obj, const void *new_obj)
{
    fm_operator *op = ud;
    const fm_fleet_node *o = old_obj, *n = new_obj;
    fm_time now = fm_codec_time_now();
    bool is_ok = fm_sched_node_health(n, now, op->cfg.node_stale_after_ns) == SCHED_FIT_OK;
    /* A pass only when the node can take work it could not take before. */
    pthread_mutex_lock(&op->core.mu);
    fm_opcore_node_put(&op->core, n);
    bool work = fm_sched_plan_node_event(op->core.plan, o, n, now, op->cfg.node_stale_after_ns);
    pthread_mutex_unlock(&op->core.mu);
    if (work) op_trigger_pass(op);
    if (o->status.phase != n->status.phase || !is_ok || namespaces_changed(o, n))
        op_enqueue_tasks_on_node(op, n->metadata.name);
}

static void on_delete(void *ud, const void *old_obj)
{
    fm_operator *op = ud;
    const fm_fleet_node *n = old_obj;
    pthread_mutex_lock(&op->core.mu);
    fm_opcore_node_del(&op->core, n->metadata.name);
    pthread_mutex_unlock(&op->core.mu);
    op_enqueue_tasks_on_node(op, n->metadata.name);
}

/* ms until t (at least 1), for requeues at an exact deadline. */
static int64_t ms_until(fm_time now, fm_time t)
{
    int64_t ns = fm_sched_time_diff_ns(now, t);
    return ns <= 0 ? 1 : ns / 1000000 + 1;
}

static int mark_not_ready(fm_operator *op, const fm_fleet_node *n, fm_time now)
{
    fm_fleet_node *next = NULL;
    int rc = fm_fleet_node_copy(&next, n);
    if (rc) return rc;
    char msg[200], at[40] = "never";
    if (fm_fleet_node_status_has_last_heartbeat_time(&n->status))
        fm_codec_time_format(at, n->status.last_heartbeat_time);
    snprintf(msg, sizeof msg, "no heartbeat since %s", at);
    fm_fleet_node_set_status_present(next, true);
    next->status.phase = FM_NODE_PHASE_NOT_READY;
    fm_fleet_node_status_set_conditions_present(&next->status, true);
    rc = fm_condition_set(&next->status.conditions, "Ready", FM_K8S_CONDITION_STATUS_FALSE,
                          "HeartbeatStale", msg, 0, now);
    if (rc == 0) rc = op_node_patch(op, n, next, true);
    fm_fleet_node_free(next);
    if (rc == 0)
        fm_log_info("fleet node not ready", "controller", "fleetnode", "object", n->metadata.name,
                 "lastHeartbeat", at, NULL);
    return rc;
}

static int mark_ready_again(fm_operator *op, const fm_fleet_node *n, fm_time now)
{
    fm_fleet_node *next = NULL;
    int rc = fm_fleet_node_copy(&next, n);
    if (rc) return rc;
    rc = fm_condition_set(&next->status.conditions, "Ready", FM_K8S_CONDITION_STATUS_TRUE,
                          "HeartbeatReceived", "the agent is heartbeating", 0, now);
    if (rc == 0) rc = op_node_patch(op, n, next, true);
    fm_fleet_node_free(next);
    return rc;
}

static int reap(fm_operator *op, const fm_fleet_node *n)
{
    fm_kube_delete_opts o = {.uid = n->metadata.uid,
                          .resource_version = n->metadata.resource_version,
                          .grace_period_seconds = -1};
    int rc = fm_kube_delete(op->client, &fm_fleet_node_kind, NULL, n->metadata.name, &o);
    if (rc == 0)
        fm_log_info("reaped silent draining fleet node", "controller", "fleetnode", "object",
                 n->metadata.name, NULL);
    return rc;
}

static int node_reconcile(fm_reconcile_result *out, void *ud, const fm_reconcile_ctx *ctx)
{
    fm_operator *op = ud;
    fm_fleet_node *n = NULL;
    int rc = fm_store_get_copy((void **)&n, op->nodes, ctx->key);
    if (rc == FM_ENOTFOUND) return 0;
    if (rc) return rc;
    fm_time now = fm_codec_time_now(), stale_at;
    bool has_hb = fm_sched_node_stale_at(&stale_at, n, op->cfg.node_stale_after_ns);
    bool stale = !has_hb || fm_sched_time_diff_ns(now, stale_at) < 0;
    if (fm_k8s_object_meta_has_deletion_timestamp(&n->metadata)) goto done;

    if (n->status.phase == FM_NODE_PHASE_DRAINING) {
        fm_time reap_at;
        if (!has_hb) {
            rc = reap(op, n);
        } else {
            reap_at = fm_sched_time_add_ns(n->status.last_heartbeat_time, op->cfg.draining_reap_after_ns);
            if (fm_sched_time_diff_ns(now, reap_at) <= 0) {
                rc = reap(op, n);
            } else {
                if (stale) op_enqueue_tasks_on_node(op, n->metadata.name);
                fm_time next = stale ? reap_at : stale_at;
                out->requeue_after_ms = ms_until(now, next);
            }
        }
    } else if (n->status.phase == FM_NODE_PHASE_NOT_READY) {
        /* The agent's next heartbeat makes it Ready; nothing to wait for. */
    } else if (stale) {
        int64_t hold_ms;
        if (op_staleness_held(op, now, &hold_ms))
            out->requeue_after_ms = hold_ms; /* the API server was away: wait for a beat */
        else
            rc = mark_not_ready(op, n, now);
    } else {
        const fm_k8s_condition *c = fm_condition_get(&n->status.conditions, "Ready");
        if (n->status.phase == FM_NODE_PHASE_READY && c && c->status == FM_K8S_CONDITION_STATUS_FALSE &&
            c->reason && strcmp(c->reason, "HeartbeatStale") == 0)
            rc = mark_ready_again(op, n, now);
        out->requeue_after_ms = ms_until(now, stale_at);
    }
    if (rc == FM_ECONFLICT || rc == FM_ENOTFOUND) rc = 0;
done:
    fm_fleet_node_free(n);
    return rc;
}

static void on_reconcile_error(void *ud, const fm_reconcile_ctx *ctx, int code, const char *message)
{
    fm_log_ctx(FM_LOG_WARN, ctx->log_kv, ctx->n_log_kv, "reconcile failed", "error", message, NULL);
}

int op_nodes_setup(fm_operator *op)
{
    fm_informer_handlers h = {.on_add = on_add, .on_update = on_update, .on_delete = on_delete, .ud = op};
    int rc = fm_informer_add_handlers(op->node_inf, &h);
    if (rc) return rc;
    fm_controller_options co = {
        .name = "fleetnode",
        .reconcile = node_reconcile,
        .ud = op,
        .workers = 2,
        .metrics = op->registry,
        .on_error = on_reconcile_error,
    };
    if ((rc = fm_controller_new(&op->node_ctl, &co))) return rc;
    return fm_controller_watch_primary(op->node_ctl, op->node_inf);
}
