/*
 * operator.h - the parts of foreman-operator and what they share.
 *
 * One process runs three informers (AgenticTask in every namespace,
 * FleetNode, Workload) and four controllers on them:
 *
 *   agentictask  per-task reconcile: "" -> Pending, dependency failures and
 *                cycles, claim expiry, the timeout backstop (tasks.c)
 *   scheduler    one key, "pass": a scheduling pass over every Pending task
 *                whose dependencies succeeded, in priority order; the work
 *                queue coalesces the triggers, so a burst of events costs
 *                one pass, never a timer loop (scheduler.c)
 *   fleetnode    heartbeat staleness -> NotReady at the exact deadline, and
 *                deleting silent Draining nodes (nodes.c)
 *   workload     pipeline -> AgenticTasks, status rollup (workloads.c)
 *   agent        Agent definitions checked: condition Validated (agents.c)
 *
 * The capacity of every node is derived from the task cache through the
 * scheduling ledger (schedule.h), guarded by `mu`, which the task
 * informer's handler keeps current and the pass consults. The handlers
 * also tell the scheduling plan (schedplan.h) what changed, so a pass
 * looks only at the tasks and nodes a change can affect, and an event that
 * cannot change a placement (a status write of our own, a heartbeat) asks
 * for no pass at all.
 *
 * Writes that move a task (placement, release, failure) are merge patches
 * with a metadata.resourceVersion precondition; see writes.c for the order
 * of the label and status writes and why it is race-free.
 */
#ifndef FOREMAN_OPERATOR_H
#define FOREMAN_OPERATOR_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "conditions.h"
#include "controller.h"
#include "foreman_v1alpha1.h"
#include "informer.h"
#include "k8s_core.h"
#include "kube.h"
#include "metrics.h"
#include "opcore.h"
#include "schedule.h"
#include "schedplan.h"

/* Index names of the task store. */
#define OP_IDX_NODE "node"         /* holding node (schedule.h) */
#define OP_IDX_DEP "dep"           /* each spec.dependsOn entry (a name) */
#define OP_IDX_PHASE FM_OPCORE_IDX_PHASE /* waiting tasks only: "Pending", or "None" when unset */
#define OP_IDX_WORKLOAD "workload" /* label foreman.llmkube.dev/workload */
#define OP_IDX_CLASS FM_OPCORE_IDX_CLASS /* waiting tasks by requirement class (schedplan.h) */

/* The scheduler controller's only key. */
#define OP_PASS_KEY "pass"

typedef struct op_config {
    const char *kubeconfig;
    const char *kube_context;
    const char *metrics_bind;
    const char *probe_bind;
    bool leader_elect;
    const char *leader_ns;       /* NULL: the client's namespace */
    const char *leader_id;       /* NULL: host name + pid */
    int64_t lease_duration_ns;
    int64_t renew_deadline_ns;
    int64_t retry_period_ns;
    fm_sched_placement placement;
    int64_t node_stale_after_ns;
    int64_t draining_reap_after_ns;
    double qps;
    int burst;
    int task_workers;
    int writers;                 /* parallel placement writes per pass */
    bool events;                 /* record Kubernetes Events */
    double event_qps;            /* Events sent per second at most; 0 = no limit */
    int event_burst;             /* Events sent at once before event_qps applies */
    bool node_label;             /* write the assigned-node routing label */
    enum { OP_LABEL_AUTO, OP_LABEL_ON, OP_LABEL_OFF } node_label_mode;
    fm_strmap ns_weights;        /* namespace -> turn weight (schedule.h: fm_sched_fair_order) */
    int32_t max_running_per_ns;  /* 0 = no cap */
} op_config;

typedef struct op_metrics {
    fm_series *scheduled_total;
    fm_series *latency;          /* creation -> Scheduled */
    fm_series *pending;
    fm_metric *fleetnodes;       /* {phase} */
    fm_metric *completed;        /* {kind,verdict} */
    fm_series *duration;         /* startedAt -> finishedAt */
    fm_series *passes;           /* scheduling passes run */
    fm_series *claim_expiries;   /* releases and expiry failures */
    fm_series *timeouts;
    fm_series *events_dropped;   /* Events dropped on a full queue */
    fm_metric *decode_errors;    /* {kind}: objects left out of a cache */
} op_metrics;

struct fm_operator;

/* What an informer's error and recovery callbacks need to know. */
typedef struct op_informer_ctx {
    struct fm_operator *op;
    const char *what; /* the kind, for logs */
    const fm_kind_desc *kind;
    fm_series *decode_errors; /* foreman_decode_errors_total{kind} */
} op_informer_ctx;

typedef struct fm_operator {
    op_config cfg;
    fm_kube_client *client;
    fm_informer *task_inf, *node_inf, *workload_inf, *agent_inf;
    fm_store *tasks, *nodes, *workloads, *agents;
    fm_controller *task_ctl, *node_ctl, *workload_ctl, *sched_ctl, *agent_ctl;
    /* The scheduling core (opcore.h): core.mu guards its ledger and plan,
     * which the handlers keep current and the pass consults. */
    fm_opcore core;
    op_metrics m;
    fm_metrics *registry;
    char identity[256];
    op_informer_ctx inf_ctx[4];
    struct fm_event_filter *event_filter; /* per-object Event rate limit */
    /* Wall-clock nanoseconds until which stale heartbeats are not acted on
     * (see op_staleness_held); 0 when no hold was ever set. */
    atomic_llong stale_hold_until_ns;
    struct op_events *events;    /* the background Event sender (events.c) */
} fm_operator;

/*
 * Heartbeats are judged against the operator's clock, so while the operator
 * cannot reach the API server every node looks stale, and the moment it can
 * again it would mark healthy nodes NotReady and release their tasks before
 * their agents had a chance to beat. Like the node lifecycle controller of
 * Kubernetes, the operator therefore holds staleness decisions from the
 * first failed list or watch until one --node-stale-after after it heard
 * from the server again.
 */
void op_hold_staleness(fm_operator *op);

/* True while the hold is on; *wait_ms (may be NULL) gets the time left. */
bool op_staleness_held(fm_operator *op, fm_time now, int64_t *wait_ms);

/* ---------------------------------------------------------------- setup */

/* Each part declares its indexes, handlers and controller on op (before
 * the informers start). Return 0 or a negative FM_E*. */
int op_tasks_setup(fm_operator *op);
int op_scheduler_setup(fm_operator *op);
int op_nodes_setup(fm_operator *op);
int op_workloads_setup(fm_operator *op);
int op_agents_setup(fm_operator *op); /* Agent Validated (agents.c) */

/* ---- issues.c: Workloads of issues */

/* *out: a copy of w whose pipeline is the expansion of spec.issues (three
 * steps per issue), or NULL when w has a pipeline, no issues or no coder.
 * Returns 0 or FM_ENOMEM. */
int op_issues_expand(fm_workload **out, const fm_workload *w);

/* Copies the step's agentRef and gateProfile into task t and joins the
 * cached Agent's requiredCapability into t's. Returns 0 or FM_ENOMEM. */
int op_issues_step_extras(fm_operator *op, fm_agentic_task *t, const fm_pipeline_step *s);

/* Sets condition Issue<n> per issue of w from its tasks (see issues.c). */
int op_issues_rollup(fm_operator *op, const fm_workload *w, fm_k8s_condition_list *conds, fm_time now);
int op_metrics_setup(fm_operator *op);

/* Refreshes the gauges (pending tasks, fleet nodes by phase) from the
 * caches. */
void op_metrics_refresh(fm_operator *op);

/* The Event sender thread (events.c): set up before the controllers start,
 * freed after they stopped (flushing for up to 2 s). */
int op_events_setup(fm_operator *op);
void op_events_free(fm_operator *op);

/* The scheduler's writer threads: started with the controllers (once
 * leading), stopped before them; fm_opcore_free also stops. */
int op_scheduler_start(fm_operator *op);
void op_scheduler_stop(fm_operator *op);

/* Asks for a scheduling pass (coalesced). */
void op_trigger_pass(fm_operator *op);
/* Under op->mu, after a ledger call that may have ended the assumption of
 * task `key` (it had one: was_assumed): a scheduling pass skips a task
 * while a write of ours for it is in flight (and forgets it), so a task
 * still waiting is offered to the plan again (fm_sched_plan_task_ready).
 * Returns true when a pass has work (the caller triggers it, unlocked). */
bool op_assumption_ended(fm_operator *op, const char *key, bool was_assumed, bool waiting);

/* Enqueues every task that holds a slot on node (claim expiry checks). */
void op_enqueue_tasks_on_node(fm_operator *op, const char *node);

/* ---------------------------------------------------------------- writes (writes.c) */

/* fm_condition_set() without observedGeneration: the operator's
 * conditions describe the fleet, not one generation of the object. */
static inline int op_condition_set(fm_k8s_condition_list *l, const char *type, fm_k8s_condition_status status,
                                   const char *reason, const char *message, fm_time now)
{
    return fm_condition_set(l, type, status, reason, message, 0, now);
}

/*
 * Sends the merge patch from old to new for a task (status_sub: to the
 * status subresource) with old's resourceVersion as the precondition.
 * *out (may be NULL) receives the server's object. Returns 0, or a
 * negative FM_E* (FM_ECONFLICT after a 409).
 * The task writes of the scheduler live in the core (opcore.h).
 */
int op_task_patch(fm_operator *op, fm_agentic_task **out, const fm_agentic_task *old_obj,
                  const fm_agentic_task *new_obj, bool status_sub);

/* The same for FleetNodes and Workloads. */
int op_node_patch(fm_operator *op, const fm_fleet_node *old_obj, const fm_fleet_node *new_obj,
                  bool status_sub);
int op_workload_patch(fm_operator *op, const fm_workload *old_obj, const fm_workload *new_obj,
                      bool status_sub);




/* Records a Kubernetes Event about any object of kind k, named by its
 * metadata (best effort; errors ignored; rate-limited per object). */
void op_object_event(fm_operator *op, const fm_kind_desc *k, const fm_k8s_object_meta *m,
                     const char *type, const char *reason, const char *message);

/* Records a Kubernetes Event about a task (best effort; errors ignored). */
void op_task_event(fm_operator *op, const fm_agentic_task *t, const char *type,
                   const char *reason, const char *message);

#endif
