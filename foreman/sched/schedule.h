/*
 * schedule.h - the pure decision logic of foreman-operator: which FleetNode a
 * Pending AgenticTask may go to, in which order tasks are considered, how
 * many tasks a node holds (with placements the cache has not seen yet), the
 * state of a task's dependencies, claim expiry and timeout decisions, and
 * the tasks a Workload pipeline expands into.
 *
 * Nothing here talks to the API server, takes a lock, logs or reads a clock:
 * every function takes "now" as an argument, so the unit tests drive every
 * rule with plain structs (tests/unit/test_sched.c). The controllers in
 * cmd/foreman-operator feed it objects from their caches and act on the
 * answers.
 *
 * Capacity model (the "ledger"): a node's load is the number of non-terminal
 * tasks whose status.assignedNode names it. The ledger learns the tasks from
 * the informer cache (fm_sched_ledger_observe) and also remembers placements
 * the operator has just written but the cache has not delivered yet
 * (fm_sched_ledger_assume), like kube-scheduler's assume cache. An assumption
 * ends as soon as the cache shows a version of the task at or after the one
 * the placement produced, so a lagging cache can never make a full node look
 * free. Nothing is ever reserved by hand: the load is always derived.
 */
#ifndef FOREMAN_SCHEDULE_H
#define FOREMAN_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codec.h"
#include "foreman_v1alpha1.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The label and annotation keys are the schema's constants (FM_LABEL_*,
 * FM_ANNOTATION_* in foreman_v1alpha1.h). These older names stay as
 * aliases for the operator's code until it moves; new code uses FM_*. */
#define SCHED_LABEL_ASSIGNED_NODE FM_LABEL_ASSIGNED_NODE
#define SCHED_LABEL_WORKLOAD FM_LABEL_WORKLOAD
#define SCHED_ANNOTATION_CLAIM_EXPIRIES FM_ANNOTATION_CLAIM_EXPIRIES

/* The expiry that fails a task instead of releasing it again. */
#define SCHED_MAX_CLAIM_EXPIRIES 3
/* timeoutSeconds 0 (or absent) means this many seconds. */
#define SCHED_DEFAULT_TIMEOUT_SECONDS 2700
/* Grace the operator gives the agent past the timeout before failing it. */
#define SCHED_TIMEOUT_GRACE_SECONDS 60
/* Default staleness of a heartbeat (3 agent intervals of 30 s). */
#define SCHED_DEFAULT_NODE_STALE_AFTER_NS (INT64_C(90) * INT64_C(1000000000))
/* Default time a silent Draining node is kept before it is deleted. */
#define SCHED_DEFAULT_DRAINING_REAP_AFTER_NS (INT64_C(600) * INT64_C(1000000000))

/* ------------------------------------------------------------ placement */

typedef enum fm_sched_placement {
    SCHED_SPREAD = 0,  /* fewest tasks, then most available RAM, then name */
    SCHED_BINPACK,     /* most tasks (still below capacity), then least
                          available RAM, then name */
    SCHED_FIRST_FIT,   /* the first eligible node by name */
} fm_sched_placement;

/* Parses "spread", "binpack" or "first-fit". Returns 0 or FM_EINVAL. */
int fm_sched_placement_parse(fm_sched_placement *out, const char *s);
/* The flag spelling of p. */
const char *fm_sched_placement_name(fm_sched_placement p);

/* Why a node cannot take a task, in the order the checks run. */
typedef enum fm_sched_fit {
    SCHED_FIT_OK = 0,
    SCHED_FIT_NOT_READY,   /* phase is not Ready (NotReady, Unknown, unset) */
    SCHED_FIT_DRAINING,    /* phase Draining */
    SCHED_FIT_STALE,       /* no heartbeat, or older than stale_after */
    SCHED_FIT_NAMESPACE,   /* spec.taskNamespaces lacks the task's namespace */
    SCHED_FIT_ACCELERATOR, /* accelerator differs and the task did not say any */
    SCHED_FIT_RAM,         /* availableRAMGB below minRAMGB */
    SCHED_FIT_CONTEXT,     /* maxContextTokens below minContextTokens */
    SCHED_FIT_SELECTOR,    /* a nodeSelector label missing or different */
    SCHED_FIT_FULL,        /* load already at maxConcurrentTasks */
} fm_sched_fit;

/* A CamelCase word for f ("Draining", "InsufficientRAM", ...). */
const char *fm_sched_fit_reason(fm_sched_fit f);

/* Nanoseconds from a to b (b - a), saturating. */
int64_t fm_sched_time_diff_ns(fm_time a, fm_time b);
/* t moved by delta_ns (may be negative). */
fm_time fm_sched_time_add_ns(fm_time t, int64_t delta_ns);

/*
 * Whether node n can take new work at `now`: phase Ready (SCHED_FIT_OK),
 * otherwise the first failing check among NOT_READY, DRAINING and STALE.
 * A heartbeat in the future (clock skew) counts as fresh.
 */
fm_sched_fit fm_sched_node_health(const fm_fleet_node *n, fm_time now, int64_t stale_after_ns);

/*
 * Whether the node's reported capability satisfies req (NULL or an absent
 * struct asks nothing): accelerator equal unless req says any or nothing
 * (node metal/cuda/none against task metal/cuda/any), minRAMGB <=
 * availableRAMGB, minContextTokens <= maxContextTokens, and every
 * nodeSelector key present in the FleetNode's labels with an equal value.
 * A requirement the node does not report (absent availableRAMGB) fails
 * unless the requirement is 0. Returns SCHED_FIT_OK or the first failure.
 */
fm_sched_fit fm_sched_capability_fits(const fm_fleet_node *n, const fm_required_capability *req);

/*
 * Whether the agent of node n watches namespace ns: true when
 * spec.taskNamespaces is absent (the agent serves every namespace) or lists
 * ns exactly. A present but empty list serves nothing. A NULL ns is the
 * empty string (cluster-scoped objects, never listed by an agent).
 */
bool fm_sched_node_serves_namespace(const fm_fleet_node *n, const char *ns);

/* spec.maxConcurrentTasks, 1 when absent; negative counts as 0. */
int32_t fm_sched_node_capacity(const fm_fleet_node *n);

/*
 * The whole test for one task on one node holding `load` tasks: health,
 * the node serving the task's namespace, capability, then capacity.
 * Returns SCHED_FIT_OK or the first failure.
 */
fm_sched_fit fm_sched_node_fits(const fm_fleet_node *n, int32_t load, const fm_agentic_task *t,
                          fm_time now, int64_t stale_after_ns);

/* As fm_sched_node_fits, with requirement req (NULL: none) in place of the
 * task's own (a task's joined with its Agent's: schedplan.h). */
fm_sched_fit fm_sched_node_fits_req(const fm_fleet_node *n, int32_t load, const fm_agentic_task *t,
                              const fm_required_capability *req, fm_time now, int64_t stale_after_ns);

/* One node as the picker sees it. */
typedef struct fm_sched_candidate {
    const fm_fleet_node *node;
    int32_t load; /* tasks it holds, assumed placements included */
} fm_sched_candidate;

/*
 * Picks the node for task t among c[0..n) with policy p. Returns the index,
 * or -1 when none fits; then *why_out (may be NULL) receives the failure
 * that ruled out the most promising node (the "furthest" check reached,
 * so "FULL" beats "ACCELERATOR": the message says what would help most).
 * Cost: one pass over the candidates, no allocation.
 */
long fm_sched_pick_node(const fm_sched_candidate *c, size_t n, const fm_agentic_task *t,
                     fm_sched_placement p, fm_time now, int64_t stale_after_ns,
                     fm_sched_fit *why_out);

/* As fm_sched_pick_node, with requirement req (NULL: none) in place of the
 * task's own. */
long fm_sched_pick_node_req(const fm_sched_candidate *c, size_t n, const fm_agentic_task *t,
                         const fm_required_capability *req, fm_sched_placement p, fm_time now,
                         int64_t stale_after_ns, fm_sched_fit *why_out);

/* ------------------------------------------------------------ ordering */

/*
 * Scheduling order: higher spec.priority first, then older
 * metadata.creationTimestamp, then namespace, then name (so the order is
 * total and deterministic). Returns <0, 0 or >0 like strcmp.
 */
int fm_sched_task_cmp(const fm_agentic_task *a, const fm_agentic_task *b);

/* Sorts an array of task pointers into scheduling order. */
void fm_sched_sort_tasks(const fm_agentic_task **tasks, size_t n);

/* True for the terminal phases Succeeded and Failed. */
bool fm_sched_phase_terminal(fm_task_phase p);

/*
 * The node a task holds a slot on: status.assignedNode while the phase is
 * not terminal (Scheduled, Running, Verifying, or a Pending task that still
 * names a node), else NULL. Borrowed from t.
 */
const char *fm_sched_task_holding_node(const fm_agentic_task *t);

/* ------------------------------------------------------------ ledger */

typedef struct fm_sched_ledger fm_sched_ledger;

/* Creates an empty ledger. Returns 0 or FM_ENOMEM. Not thread-safe: the
 * caller locks around every call. */
int fm_sched_ledger_new(fm_sched_ledger **out);
void fm_sched_ledger_free(fm_sched_ledger *l);

/*
 * Records the version of task `key` ("ns/name") the cache holds: node is
 * the node it holds a slot on (fm_sched_task_holding_node; NULL for none),
 * rv its metadata.resourceVersion. Ends the task's assumption once the
 * cache shows the placement: rv at or after the version the placement
 * produced (compared as integers when both are decimal, as etcd writes
 * them), or, for versions that cannot be ordered, rv equal to it or the
 * cache naming a node itself. An assumption whose write is still in flight
 * (to_rv NULL) never ends here. Returns 0 or FM_ENOMEM.
 */
int fm_sched_ledger_observe(fm_sched_ledger *l, const char *key, const char *node, const char *rv);

/* The task left the cache (deleted): forgets it and any assumption. */
void fm_sched_ledger_forget(fm_sched_ledger *l, const char *key);

/*
 * Records that this operator places task `key` on node. Call it with
 * to_rv NULL before writing (the slot is held while the write is in
 * flight), then again with the resourceVersion the write produced; when
 * the cache already holds that version the assumption ends at once.
 * Returns 0 or FM_ENOMEM.
 */
int fm_sched_ledger_assume(fm_sched_ledger *l, const char *key, const char *node, const char *to_rv);

/* Drops the assumption of key (its write failed); the cache's view counts
 * again. */
void fm_sched_ledger_unassume(fm_sched_ledger *l, const char *key);

/* True while key has an assumption. */
bool fm_sched_ledger_is_assumed(const fm_sched_ledger *l, const char *key);

/* The node's load: observed tasks plus assumed ones (each task once). */
int32_t fm_sched_ledger_load(const fm_sched_ledger *l, const char *node);

/* A node's entry held open, so its load can be read without a lookup by
 * name (a pass reads every node's load; the operator holds one per cached
 * FleetNode). The entry stays while held, at load 0 too. hold returns
 * NULL when out of memory; release and load accept NULL. */
typedef struct fm_sched_ledger_node fm_sched_ledger_node;
fm_sched_ledger_node *fm_sched_ledger_node_hold(fm_sched_ledger *l, const char *node);
void fm_sched_ledger_node_release(fm_sched_ledger *l, fm_sched_ledger_node *h);
int32_t fm_sched_ledger_node_load(const fm_sched_ledger_node *h);

/* How many assumptions are outstanding (for tests and metrics). */
size_t fm_sched_ledger_assumed(const fm_sched_ledger *l);

/*
 * Compares two resourceVersions: -1, 0, 1 when both are decimal integers,
 * else 0 when equal strings and 2 when they differ and cannot be ordered.
 */
int fm_sched_rv_cmp(const char *a, const char *b);

/* ------------------------------------------------------------ dependencies */

typedef enum fm_sched_deps {
    SCHED_DEPS_READY = 0, /* none, or all Succeeded */
    SCHED_DEPS_WAITING,   /* one is missing or not finished */
    SCHED_DEPS_FAILED,    /* one Failed: the task fails with UpstreamFailed */
    SCHED_DEPS_CYCLE,     /* the task depends on itself, directly or not */
} fm_sched_deps;

/* Looks a task up by namespace and name in the caller's cache; NULL when
 * unknown. The pointer must stay valid for the duration of the check. */
typedef const fm_agentic_task *(*sched_lookup_fn)(void *ud, const char *ns, const char *name);

/*
 * The state of t's dependencies (spec.dependsOn, names in t's namespace).
 * A cycle through t (including t naming itself) is found by a depth-first
 * walk over the dependency graph the lookup knows, visiting each task once.
 * *dep_out (may be NULL) receives the name of the dependency that decided
 * (borrowed from t or from the cache; for a cycle the first dependency on
 * it). Returns 0 or FM_ENOMEM.
 */
int fm_sched_deps_check(fm_sched_deps *out, const char **dep_out, const fm_agentic_task *t,
                     sched_lookup_fn lookup, void *ud);

/* ------------------------------------------------------------ claims, timeouts */

/* The claim-expiries annotation as a number (0 when absent or malformed). */
int fm_sched_claim_expiries(const fm_agentic_task *t);

typedef enum fm_sched_claim {
    SCHED_CLAIM_KEEP = 0, /* nothing to do */
    SCHED_CLAIM_RELEASE,  /* back to Pending, counter + 1 */
    SCHED_CLAIM_FAIL,     /* the limit is reached: Failed, ClaimExpiryLimitReached */
} fm_sched_claim;

/*
 * Claim expiry for a task that is Scheduled or Running on node n (NULL when
 * the FleetNode is gone): the claim expires when the node is gone, NotReady
 * or Unknown, its heartbeat is stale, or the task is still Scheduled
 * (unclaimed) and the node is Draining or no longer serves the task's
 * namespace (spec.taskNamespaces: its agent would never see the task). A
 * Running task on a Draining node whose agent still heartbeats is kept
 * (the agent finishes it), and so is a claimed task whatever the node's
 * namespaces (the agent already has it). Returns KEEP for other phases.
 */
fm_sched_claim fm_sched_claim_check(const fm_agentic_task *t, const fm_fleet_node *n, fm_time now,
                              int64_t stale_after_ns);

/*
 * The backstop deadline of a Running task: startedAt (or claimedAt) +
 * timeoutSeconds (0 or absent: 2700) + 60 s grace. Returns false when the
 * task is not Running or has no start time.
 */
bool fm_sched_timeout_deadline(fm_time *out, const fm_agentic_task *t);

/*
 * The moment node n becomes stale: lastHeartbeatTime + stale_after.
 * Returns false when the node has no heartbeat.
 */
bool fm_sched_node_stale_at(fm_time *out, const fm_fleet_node *n, int64_t stale_after_ns);

/* ------------------------------------------------------------ workloads */

/*
 * Checks a pipeline: step names present, DNS labels, unique; every
 * dependsOn names another step. On failure returns FM_EINVAL with a one-line
 * message naming the step (fm_error_last()).
 */
int fm_sched_pipeline_validate(const fm_workload *w);

/*
 * Chooses the steps to create under spec.maxTasks (0 or absent: all): the
 * first maxTasks steps in pipeline order, then every step whose
 * dependencies (transitively) are not kept is dropped too, so no created
 * task waits for a task that will never exist. keep[i] is set for kept
 * steps (keep has pipeline.len entries). Returns the number kept.
 */
size_t fm_sched_pipeline_select(bool *keep, const fm_workload *w);

/* "<workload>-<step>" into a malloc'd string (NULL on ENOMEM). */
char *fm_sched_pipeline_task_name(const char *workload, const char *step);

/*
 * Builds the AgenticTask for pipeline step i of w (not yet created): name
 * <workload>-<step>, w's namespace, label foreman.llmkube.dev/workload=<w>,
 * a controller ownerReference to w (uid from w), spec from the step
 * (payload.repo defaulting to the workload's repo, kind defaulting to
 * freeform), dependsOn rewritten to task names. *out is the caller's
 * (fm_agentic_task_free). Returns 0 or FM_ENOMEM/FM_EINVAL.
 */
int fm_sched_pipeline_task(fm_agentic_task **out, const fm_workload *w, size_t i);

/* ------------------------------------------------------------ fairness */

/*
 * Priority is fleet-wide: without more, one namespace with a thousand
 * Pending tasks of equal priority would hold every slot until its queue
 * drains. These pieces keep namespaces fair with each other. They are pure
 * functions over the task order and the ledger; the scheduling pass calls
 * them (scheduler.c).
 */

/* Tasks held (placed and not finished) per namespace. */
typedef struct fm_sched_ns_counts fm_sched_ns_counts;

int fm_sched_ns_counts_new(fm_sched_ns_counts **out);
void fm_sched_ns_counts_free(fm_sched_ns_counts *c); /* accepts NULL */
/* Adds delta to ns's count. Returns 0 or FM_ENOMEM. */
int fm_sched_ns_counts_add(fm_sched_ns_counts *c, const char *ns, long delta);
/* ns's count (0 when never added; NULL c: 0). */
long fm_sched_ns_counts_get(const fm_sched_ns_counts *c, const char *ns);

/*
 * Counts, per namespace, the tasks the ledger has on a node (observed or
 * assumed by a placement in flight) into out (which it adds to). Returns 0
 * or FM_ENOMEM.
 */
int fm_sched_ledger_count_namespaces(const fm_sched_ledger *l, fm_sched_ns_counts *out);

/*
 * Reorders tasks, already in fm_sched_sort_tasks order, for per-namespace
 * fairness: within every run of equal priority, namespaces take turns
 * (round robin); in each turn a namespace gives up to its weight of tasks
 * (weights: namespace -> positive integer text, NULL or absent = 1). In
 * every turn the namespace holding the fewest tasks (held; NULL = none)
 * goes first; among equals the one served longest ago (last_turn: a
 * sequence number of each namespace's latest placement, larger = later;
 * never served = 0; NULL = none), so the turns go on across passes even
 * when one slot frees at a time; then by name. Priority still wins across
 * runs, and each namespace's own tasks keep their order (oldest first).
 * In place; O(n) scratch memory. Returns 0 or FM_ENOMEM (tasks unchanged).
 */
int fm_sched_fair_order(const fm_agentic_task **tasks, size_t n, const fm_sched_ns_counts *held,
                     const fm_sched_ns_counts *last_turn, const fm_strmap *weights);

/* Sets ns's count to v. Returns 0 or FM_ENOMEM. */
int fm_sched_ns_counts_set(fm_sched_ns_counts *c, const char *ns, long v);

#ifdef __cplusplus
}
#endif
#endif
