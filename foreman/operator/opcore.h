/*
 * opcore.h - the operator's scheduling core: the pass that decides where
 * tasks go, the writer pool that writes the decisions, and every write that
 * moves an AgenticTask (placement, Pending/Unschedulable, failure, release
 * after a claim expiry) with its 409 loop.
 *
 * The core sees the world through three borrowed caches (fm_store of
 * AgenticTasks indexed by fm_opcore_idx_phase and fm_opcore_idx_class, of
 * FleetNodes, optionally of Agents), its own ledger and plan (schedule.h,
 * schedplan.h) and an fm_objapi (objapi.h) for reads and writes. What the
 * program around it does with the outcome (Events, metrics, work-queue
 * keys) goes through fm_opcore_hooks, so the core runs unchanged under
 * foreman-operator's controllers and under a unit test with a scripted
 * fake API (tests/unit/test_operator_core.c).
 *
 * Two ways to run a pass:
 *   fm_opcore_decide + fm_opcore_execute   synchronous: the decisions are
 *       the caller's; a test runs them one by one and looks at the ledger.
 *   fm_opcore_pass                         decide, then hand the decisions
 *       to the writer threads started by fm_opcore_start (the operator).
 *
 * Locking: mu guards ledger, plan and the fairness counts. Lock order
 * everywhere: task store, node store, Agent store, then mu.
 */
#ifndef FOREMAN_OPCORE_H
#define FOREMAN_OPCORE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "foreman_v1alpha1.h"
#include "hashmap.h"
#include "objapi.h"
#include "schedplan.h"
#include "schedule.h"
#include "store.h"

/* Index names of the task store the core reads (fm_opcore_idx_*). */
#define FM_OPCORE_IDX_PHASE "phase" /* waiting tasks only: "Pending", or "None" when unset */
#define FM_OPCORE_IDX_CLASS "class" /* waiting tasks by requirement class (schedplan.h) */

typedef struct fm_opcore_config {
    fm_sched_placement placement;
    int64_t node_stale_after_ns;
    const fm_strmap *ns_weights; /* namespace -> turn weight; may be NULL */
    int32_t max_running_per_ns;  /* 0 = no cap */
    bool node_label;             /* also write the assigned-node routing label */
    int writers;                 /* writer threads (fm_opcore_start) */
    bool node_table;             /* the caller keeps the node table (fm_opcore_node_put) */
} fm_opcore_config;

/* What the program does with the core's outcomes. Every hook may be NULL. */
typedef struct fm_opcore_hooks {
    void *ud;
    /* Another pass, now (coalesced by the caller). */
    void (*trigger_pass)(void *ud);
    /* Another pass after delay_ms (writes failing: backoff). */
    void (*retry_pass_after)(void *ud, int64_t delay_ms);
    /* The task's own controller should look at key again after delay_ms. */
    void (*recheck_task)(void *ud, const char *key, int64_t delay_ms);
    /* Task t was placed on node (counted, Event, log). */
    void (*scheduled)(void *ud, const fm_agentic_task *t, const char *node);
    /* An Event about task t (best effort). */
    void (*task_event)(void *ud, const fm_agentic_task *t, const char *type, const char *reason,
                       const char *message);
} fm_opcore_hooks;

struct fm_opcore_writers;

/* A cached FleetNode as a pass sees it (the node table; under mu). */
typedef struct fm_opcore_node {
    const fm_fleet_node *node;  /* the node store's current object */
    fm_sched_ledger_node *load; /* held ledger entry: the node's load */
    char name[];
} fm_opcore_node;

typedef struct fm_opcore {
    fm_opcore_config cfg;
    fm_opcore_hooks hooks;
    fm_objapi api;
    fm_store *tasks, *nodes, *agents; /* borrowed; agents may be NULL */
    pthread_mutex_t mu;               /* guards ledger, plan, ns_turns, pass_held */
    fm_sched_ledger *ledger;
    fm_sched_plan *plan;              /* what the next pass looks at */
    fm_sched_ns_counts *ns_turns;     /* namespace -> sequence of its latest placement */
    long turn_seq;
    fm_sched_ns_counts *pass_held;    /* during a pass: tasks each namespace holds */
    struct fm_opcore_writers *writers;
    /* With cfg.node_table: every cached FleetNode with its held ledger
     * entry, in an array a pass walks instead of the node store's table
     * plus a ledger lookup by name per node (the caller keeps it in step
     * from the node informer's handlers; a pass holds mu, so a node object
     * it reads is not freed under it). node_by_name: name -> index + 1.
     * Guarded by mu. */
    fm_opcore_node **node_tab;
    size_t n_node_tab, cap_node_tab;
    fm_hashmap node_by_name;
    bool node_tab_broken;             /* out of memory once: passes walk the store */
} fm_opcore;

/*
 * One decision of a pass: place task key on node, or (node NULL) mark it
 * Pending, Unschedulable with message why when why is not NULL.
 *
 * A decision holds no copy of its task: a backlog of 100,000 tasks is
 * decided in one pass, and as many deep copies waiting for the writers
 * would double the operator's memory for minutes (and leave the heap
 * fragmented after). fm_opcore_execute copies the task from the task
 * cache when its turn comes; if the cached resourceVersion is no longer
 * the one decided on (rv), the task changed in between and is decided
 * again, as a write guarded by that version would have been refused.
 */
typedef struct fm_opcore_decision {
    struct fm_opcore_decision *next;
    fm_agentic_task *task; /* the writer's copy from the cache, from fm_opcore_execute on */
    char *node;
    char *why;
    char *rv;              /* the resourceVersion decided on (NULL: none) */
    char key[];
} fm_opcore_decision;

/* What a pass did (for logs and metrics). */
typedef struct fm_opcore_pass_stats {
    bool ran;            /* false: nothing was dirty, nothing read */
    bool full;
    size_t candidates, open_nodes, placed, marked;
} fm_opcore_pass_stats;

/* Sets up mu, the ledger, the plan and the writer pool (not started); the
 * caller fills cfg, hooks, api and the stores. Returns 0 or FM_E*. */
int fm_opcore_init(fm_opcore *c);

/* Stops the writers and frees what init made (not the stores). Accepts an
 * fm_opcore init never ran on (zeroed). */
void fm_opcore_free(fm_opcore *c);

/*
 * The node table (cfg.node_table): the caller calls these under c->mu from
 * the FleetNode informer's handlers, put with the store's current object
 * (on_add, on_update) and del with its name (on_delete), before the
 * informer frees the object they replace (informer.h). Out of memory
 * leaves the table broken for good: passes then walk the node store.
 */
void fm_opcore_node_put(fm_opcore *c, const fm_fleet_node *n);
void fm_opcore_node_del(fm_opcore *c, const char *name);

/* The task-store index functions the pass reads: FM_OPCORE_IDX_PHASE
 * (waiting tasks only: "Pending", or "None" when status.phase is unset) and FM_OPCORE_IDX_CLASS (the
 * requirement class of a waiting task). */
size_t fm_opcore_idx_phase(const char **out, size_t cap, const void *obj, void *ud);
size_t fm_opcore_idx_class(const char **out, size_t cap, const void *obj, void *ud);

/*
 * Decides a pass at time now: under the read locks of the caches and mu,
 * runs the plan and records each decision in the ledger as an assumption.
 * *out gets the decisions (the caller executes or drops them). Returns 0
 * or FM_E* (then nothing is assumed and the next pass is a full one).
 */
int fm_opcore_decide(fm_opcore *c, fm_opcore_decision **out, fm_opcore_pass_stats *st, fm_time now);

/*
 * Copies d's task from the task cache (FM_ENOTFOUND when it is gone or
 * its resourceVersion is no longer the one decided on), writes decision d
 * and settles its assumption: kept with the written
 * resourceVersion when it was applied (also when only a re-read after a
 * lost answer shows it), given back otherwise (task and node dirty,
 * another pass asked for). Returns 0 when applied, FM_ENOTFOUND when the
 * task no longer wanted it, FM_ECANCELED when the writers stop while an
 * unanswered write is being settled, or another FM_E*. Does not free d.
 */
int fm_opcore_execute(fm_opcore *c, fm_opcore_decision *d);

/* Frees one decision (not its assumption). */
void fm_opcore_decision_free(fm_opcore_decision *d);

/* Gives back the assumptions of a list of decisions and frees them. */
void fm_opcore_drop(fm_opcore *c, fm_opcore_decision *d);

/* A pass: decide and queue the decisions to the writers. */
int fm_opcore_pass(fm_opcore *c, fm_opcore_pass_stats *st, fm_time now);

/* Starts cfg.writers writer threads. Returns 0 or FM_ERROR. */
int fm_opcore_start(fm_opcore *c);

/* Stops the writers: writes in flight finish, queued ones are dropped. */
void fm_opcore_stop(fm_opcore *c);

/* ------------------------------------------------------------ conditions */

/* ------------------------------------------------------------ task writes */

/*
 * Places task t (as cached: new or Pending) on node: status, then label
 * when cfg.node_label. On 409 it re-reads the task and decides again while
 * the task is still new or Pending and the node still healthy and
 * matching, at most 4 times. *out_rv receives the resourceVersion of the
 * last write that succeeded, *labelled whether the label is on. Returns 0,
 * FM_ENOTFOUND when the task stopped being placeable there, or another
 * code (fm_objapi_unanswered(): the write may have been applied).
 */
int fm_opcore_place_task(fm_opcore *c, char **out_rv, bool *labelled, const fm_agentic_task *t,
                         const char *node);

/* Marks t Pending (and Unschedulable with that message). Returns 0,
 * FM_ENOTFOUND (gone, changed or no longer waiting) or another code. */
int fm_opcore_mark_pending(fm_opcore *c, char **out_rv, const fm_agentic_task *t, const char *unschedulable);

/* Fails t (INCOMPLETE, Failed, Completed=False reason). A 409 is returned
 * as FM_ECONFLICT: the caller's next reconcile sees the newer version. */
int fm_opcore_fail_task(fm_opcore *c, const fm_agentic_task *t, const char *reason, const char *message);

/* Releases t to Pending after its claim expired (or fails it with
 * ClaimExpiryLimitReached when fail), status first, then the metadata. */
int fm_opcore_release_task(fm_opcore *c, const fm_agentic_task *t, bool fail, const char *why);

/*
 * Under op->mu, after a ledger call that may have ended the assumption of
 * task `key` (it had one: was_assumed): a scheduling pass skips a task
 * while a write of ours for it is in flight (and forgets it), so a task
 * still waiting is offered to the plan again (fm_sched_plan_task_ready).
 * Returns true when a pass has work (the caller triggers it, unlocked).
 */
bool fm_opcore_assumption_ended(fm_opcore *op, const char *key, bool was_assumed, bool waiting);

#endif
