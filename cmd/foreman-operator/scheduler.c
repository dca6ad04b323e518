/*
 * scheduler.c - the scheduler controller: wiring of the scheduling core
 * (foreman/operator/opcore.h) into foreman-operator.
 *
 * The core decides a pass over the caches and writes the decisions from
 * its writer pool; this file gives it the real API (fm_objapi_kube), the
 * caches of the informers and hooks that turn its outcomes into work-queue
 * keys, metrics and Events. The controller has one key, "pass"; its work
 * queue coalesces the triggers, so a burst of events costs one pass.
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "log.h"
#include "operator.h"

void op_trigger_pass(fm_operator *op)
{
    if (op->sched_ctl) fm_controller_enqueue(op->sched_ctl, OP_PASS_KEY);
}

static void hook_trigger_pass(void *ud)
{
    op_trigger_pass(ud);
}

static void hook_retry_pass_after(void *ud, int64_t delay_ms)
{
    fm_operator *op = ud;
    if (op->sched_ctl) fm_controller_enqueue_after(op->sched_ctl, OP_PASS_KEY, delay_ms);
}

static void hook_recheck_task(void *ud, const char *key, int64_t delay_ms)
{
    fm_operator *op = ud;
    if (!op->task_ctl) return;
    if (delay_ms > 0) fm_controller_enqueue_after(op->task_ctl, key, delay_ms);
    else fm_controller_enqueue(op->task_ctl, key);
}

static void hook_scheduled(void *ud, const fm_agentic_task *t, const char *node)
{
    fm_operator *op = ud;
    fm_metrics_inc(op->m.scheduled_total);
    if (fm_k8s_object_meta_has_creation_timestamp(&t->metadata)) {
        double s = (double)fm_sched_time_diff_ns(t->metadata.creation_timestamp, fm_codec_time_now()) / 1e9;
        fm_metrics_observe(op->m.latency, s < 0 ? 0 : s);
    }
    char msg[320];
    snprintf(msg, sizeof msg, "assigned to fleet node %s", node);
    op_task_event(op, t, "Normal", "Scheduled", msg);
}

static void hook_task_event(void *ud, const fm_agentic_task *t, const char *type, const char *reason,
                            const char *message)
{
    op_task_event(ud, t, type, reason, message);
}

/*
 * The scheduler controller's reconcile: one pass. Returns 0 (a write that
 * fails later asks for its own retry), or an error when deciding failed.
 */
static int pass_reconcile(fm_reconcile_result *out, void *ud, const fm_reconcile_ctx *ctx)
{
    fm_operator *op = ud;
    fm_opcore_pass_stats st;
    int rc = fm_opcore_pass(&op->core, &st, fm_codec_time_now());
    if (!st.ran) return rc;
    fm_metrics_inc(op->m.passes);
    if (st.placed || st.marked || fm_log_enabled(2)) {
        char a[24], b[24], c[24], d[24];
        fm_log_v(1, "scheduling pass", "controller", "scheduler", "full", st.full ? "true" : "false",
              "candidates", fm_log_int(a, (long long)st.candidates), "openNodes",
              fm_log_int(d, (long long)st.open_nodes), "placing", fm_log_int(b, (long long)st.placed),
              "marking", fm_log_int(c, (long long)st.marked), NULL);
    }
    return rc;
}

int op_scheduler_setup(fm_operator *op)
{
    fm_opcore *c = &op->core;
    c->cfg.placement = op->cfg.placement;
    c->cfg.node_stale_after_ns = op->cfg.node_stale_after_ns;
    c->cfg.ns_weights = &op->cfg.ns_weights;
    c->cfg.max_running_per_ns = op->cfg.max_running_per_ns;
    c->cfg.node_label = op->cfg.node_label;
    c->cfg.writers = op->cfg.writers;
    c->cfg.node_table = true; /* kept by the FleetNode handlers (nodes.c) */
    c->tasks = op->tasks;
    c->nodes = op->nodes;
    c->agents = op->agents;
    fm_objapi_kube(&c->api, op->client);
    c->hooks = (fm_opcore_hooks){
        .ud = op,
        .trigger_pass = hook_trigger_pass,
        .retry_pass_after = hook_retry_pass_after,
        .recheck_task = hook_recheck_task,
        .scheduled = hook_scheduled,
        .task_event = hook_task_event,
    };
    fm_controller_options co = {
        .name = "scheduler",
        .reconcile = pass_reconcile,
        .ud = op,
        .workers = 1,
        .metrics = op->registry,
        .base_delay_ms = 200,
        .max_delay_ms = 10000,
    };
    return fm_controller_new(&op->sched_ctl, &co);
}

int op_scheduler_start(fm_operator *op)
{
    return fm_opcore_start(&op->core);
}

void op_scheduler_stop(fm_operator *op)
{
    fm_opcore_stop(&op->core);
}
