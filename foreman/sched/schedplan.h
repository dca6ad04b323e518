/*
 * schedplan.h - the incremental scheduling pass: which Pending AgenticTasks
 * a pass has to look at after a set of changes, and the placements it makes.
 *
 * A full pass looks at every Pending task whose dependencies succeeded and
 * places each, in priority order (fm_sched_task_cmp), on the node the policy
 * picks among the Ready nodes with a free slot (fm_sched_pick_node). After such
 * a pass no waiting task fits any node that still has a free slot. So after
 * a change only two kinds of tasks can be placed:
 *   - the tasks that changed themselves ("dirty": new, spec edited, back to
 *     Pending, dependencies just met, a write of ours that failed);
 *   - the waiting tasks that fit a node that changed ("dirty" node: turned
 *     Ready, changed capability, labels, capacity or namespaces, or gave a
 *     slot back).
 * The plan keeps both sets, and a registry of the requirement classes of the
 * Pending tasks: a class is everything the fit depends on (namespace,
 * accelerator, minRAMGB, minContextTokens, nodeSelector), so one fit check
 * per class tells which waiting tasks a dirty node could take; the caller's
 * cache lists the tasks of one class (a store index on fm_sched_class_key).
 * A pass over these candidates alone, with the same greedy rule over every
 * open node, makes exactly the placements a full pass would make
 * (tests/unit/test_schedplan.c checks that with random event sequences
 * against a plain full recompute).
 *
 * An event that cannot change a placement costs O(1): a status write of the
 * operator's own (an Unschedulable condition), a heartbeat that changes no
 * capability, the reconcile of a task that was already looked at ("parked")
 * since its last relevant change.
 *
 * Like schedule.h: no I/O, no clock, no locks; the caller serialises every
 * call (the operator's `mu`) and gives "now".
 */
#ifndef FOREMAN_SCHEDPLAN_H
#define FOREMAN_SCHEDPLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schedule.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The class of a task whose requirements do not fit a key buffer: every
 * dirty node looks at its tasks (correct, only slower). */
#define SCHED_CLASS_ANY "*"
/* Longest class key fm_sched_class_key writes (including the NUL). */
#define SCHED_CLASS_KEY_MAX 1024

/*
 * The requirement class of t into buf (cap bytes, at least 2): namespace,
 * accelerator (unset and any are the same), minRAMGB and minContextTokens
 * (absent and 0 are the same) and the nodeSelector pairs in their order.
 * Writes SCHED_CLASS_ANY when the key does not fit, and for a task with
 * spec.agentRef (its requirement depends on the Agent too). Returns buf.
 */
const char *fm_sched_class_key(char *buf, size_t cap, const fm_agentic_task *t);

/* True when t waits for a placement: phase Pending or unset, not being
 * deleted. Such tasks are the members of the class registry. */
bool fm_sched_task_waiting(const fm_agentic_task *t);

/*
 * True when a new version of a node can offer something the old one did
 * not: capability, spec (capacity, namespaces) or labels differ. A fresh
 * heartbeat alone changes nothing.
 */
bool fm_sched_node_offer_changed(const fm_fleet_node *o, const fm_fleet_node *n);

typedef struct fm_sched_plan fm_sched_plan;

/* Creates an empty plan whose first run is a full pass. Returns 0 or
 * FM_ENOMEM. */
int fm_sched_plan_new(fm_sched_plan **out);
void fm_sched_plan_free(fm_sched_plan *pl);

/*
 * A task event: old_obj NULL for an add, new_obj NULL for a delete, both for
 * an update. Keeps the class registry, marks the task dirty when it waits
 * and something that matters for its placement changed (new, phase,
 * metadata.generation or spec, deletion), and marks a node dirty when the
 * task gave its slot back. Returns true when a pass has work now.
 * Returns false, without failing, on ENOMEM, after asking for a full pass.
 */
bool fm_sched_plan_task_event(fm_sched_plan *pl, const char *key, const fm_agentic_task *old_obj,
                           const fm_agentic_task *new_obj);

/*
 * A node event (old_obj NULL for an add; deletes need no call: a node that
 * goes away places nothing). Marks the node dirty when it can take work at
 * `now` and either could not before or offers something new. Returns true
 * when a pass has work now.
 */
bool fm_sched_plan_node_event(fm_sched_plan *pl, const fm_fleet_node *old_obj, const fm_fleet_node *new_obj,
                           fm_time now, int64_t stale_after_ns);

/* The task may be decided now (its controller found its dependencies all
 * Succeeded, or a write of ours for it ended): dirty unless a pass already
 * looked at it since its last change. A pass that finds a task not
 * eligible (view->eligible: dependencies unmet, a write in flight) forgets
 * it: whatever makes it eligible again must call this, or the task waits
 * for an unrelated event. Returns true when a pass has work now. */
bool fm_sched_plan_task_ready(fm_sched_plan *pl, const char *key);

/* Marks a task dirty (a write for it failed: decide again). */
bool fm_sched_plan_task_dirty(fm_sched_plan *pl, const char *key);

/* Marks a node dirty (a slot came free outside the cache: an assumption
 * given back). NULL is ignored. */
bool fm_sched_plan_node_dirty(fm_sched_plan *pl, const char *node);

/* The next run looks at every waiting task (after a restart, an error). */
void fm_sched_plan_full(fm_sched_plan *pl);

/* True when a run has something to look at. */
bool fm_sched_plan_has_work(const fm_sched_plan *pl);

/* How many classes and parked tasks the plan holds (tests, logs). */
size_t fm_sched_plan_classes(const fm_sched_plan *pl);
size_t fm_sched_plan_parked(const fm_sched_plan *pl);

typedef int (*fm_sched_task_visit_fn)(void *arg, const char *key, const fm_agentic_task *t);
typedef int (*fm_sched_node_visit_fn)(void *arg, const fm_fleet_node *n);
typedef int (*fm_sched_node_load_visit_fn)(void *arg, const fm_fleet_node *n, int32_t load);

/* What a run reads from the caller's caches. The pointers it hands out
 * must stay valid until the result is freed (the caller holds its locks). */
typedef struct fm_sched_plan_view {
    void *ud;
    /* Every waiting task (fm_sched_task_waiting), for a full pass. */
    int (*each_waiting)(void *ud, fm_sched_task_visit_fn fn, void *arg);
    /* The waiting tasks of one class (fm_sched_class_key). */
    int (*each_in_class)(void *ud, const char *class_key, fm_sched_task_visit_fn fn, void *arg);
    /* A task by key, NULL when gone. */
    const fm_agentic_task *(*task)(void *ud, const char *key);
    /* Every node, and one node by name (NULL when gone). */
    int (*each_node)(void *ud, fm_sched_node_visit_fn fn, void *arg);
    const fm_fleet_node *(*node)(void *ud, const char *name);
    /* Tasks the node holds (assumed placements included). */
    int32_t (*load)(void *ud, const char *node);
    /* Optional: every node with its load (what load() says), for a view
     * that has both at hand: a run with candidates visits every node, and
     * a lookup by name per node was most of a pass at 5,000 nodes. NULL:
     * each_node, then load() for each healthy node. */
    int (*each_node_load)(void *ud, fm_sched_node_load_visit_fn fn, void *arg);
    /* Whether a waiting task may be decided now: dependencies all
     * Succeeded and no write of ours in flight. Negative FM_E* on error. */
    int (*eligible)(void *ud, const char *key, const fm_agentic_task *t);
    /* Optional: reorders the candidates, already in fm_sched_task_cmp order,
     * in place (per-namespace fairness: fm_sched_fair_order). Called once per
     * run that has candidates. Negative FM_E* on error. */
    int (*order)(void *ud, const fm_agentic_task **tasks, size_t n);
    /* Optional: whether t may take a slot now (a per-namespace cap on
     * running tasks), asked in order before each placement; a task it
     * refuses is unplaced with a message saying so. `placed` hears of each
     * placement the run makes, so the hook can count. */
    bool (*admit)(void *ud, const fm_agentic_task *t);
    void (*placed)(void *ud, const fm_agentic_task *t);
    /* Optional: the requiredCapability of the Agent a task names in
     * spec.agentRef (borrowed, valid for the run), NULL when it names none
     * or the Agent requires nothing. The run joins it into the task's own
     * (fm_agentdef_join_capability) before every fit. Such a task's class is
     * SCHED_CLASS_ANY (fm_sched_class_key), so every dirty node looks at it;
     * when an Agent changes the caller marks its waiting tasks dirty. */
    const fm_required_capability *(*agent_requirement)(void *ud, const fm_agentic_task *t);
} fm_sched_plan_view;

typedef struct fm_sched_plan_placement {
    const char *key;              /* borrowed from the view */
    const fm_agentic_task *task;
    const fm_fleet_node *node;
} fm_sched_plan_placement;

typedef struct fm_sched_plan_unplaced {
    const char *key;
    const fm_agentic_task *task;
    /* "0/N fleet nodes fit: 150 AcceleratorMismatch, 50 NodeFull", reasons
     * in check order (fm_sched_fit), so the text changes only when a count or
     * the set of reasons does (compare with fm_sched_unschedulable_same). */
    char message[256];
    /* Some node fails only because it is full: the task waits for a slot. */
    bool waits_for_slot;
} fm_sched_plan_unplaced;

typedef struct fm_sched_plan_result {
    fm_sched_plan_placement *placed;
    size_t n_placed;
    fm_sched_plan_unplaced *unplaced;
    size_t n_unplaced;
    size_t n_candidates; /* tasks looked at */
    size_t n_open;       /* nodes with a free slot */
    bool full;           /* the run was a full pass */
    void *keys_;         /* the dirty keys the result borrows (private) */
} fm_sched_plan_result;

/*
 * One pass: the candidates (every waiting task on a full pass, else the
 * dirty tasks and the waiting tasks of the classes that fit a dirty node
 * with a free slot), filtered by view->eligible, sorted, each placed on the
 * best open node under policy p, counting the slots it takes. A candidate
 * that no node takes goes into unplaced with the summary over every node.
 * The dirty sets are emptied; unplaced candidates are parked. Cost: no
 * node is read when there is no candidate. Returns 0 or a negative FM_E*
 * (then the next run is a full pass). *out is the caller's
 * (fm_sched_plan_result_free).
 */
int fm_sched_plan_run(fm_sched_plan *pl, const fm_sched_plan_view *view, fm_sched_placement p, fm_time now,
                   int64_t stale_after_ns, fm_sched_plan_result *out);

void fm_sched_plan_result_free(fm_sched_plan_result *r);

/*
 * True when two Unschedulable messages name the same reasons (digits
 * ignored): the condition is written again only when a reason appears or
 * goes away, not for every change of a count.
 */
bool fm_sched_unschedulable_same(const char *a, const char *b);

#ifdef __cplusplus
}
#endif
#endif
