/*
 * opcore_pass.c - the scheduling pass: the new or Pending AgenticTasks whose
 * dependencies succeeded go, in priority order (schedule.h:
 * fm_sched_task_cmp), to the node the placement policy picks among the
 * eligible nodes with free capacity.
 *
 * The pass is incremental (foreman/sched/schedplan.h): the informer handlers
 * mark what changed (tasks new, edited, back to Pending or with their
 * dependencies just met; nodes that turned Ready, offer something new or
 * got a slot back), and a pass looks only at the dirty tasks and at the
 * waiting tasks whose requirement class fits a dirty node. It places them
 * exactly as a pass over every waiting task would. The first pass after a
 * start (or an error) is a full one.
 *
 * A pass decides; a pool of writer threads writes:
 *   decide  in memory, under the read locks of both caches (no copies of
 *           nodes or of tasks it does not place), and record each
 *           placement in the ledger at once (an assumption with the write
 *           still in flight), so the next pick, in this pass or the next,
 *           already sees the slot taken. A task no node can take is marked
 *           Unschedulable with a summary over every node ("0/200 fleet
 *           nodes fit: 150 AcceleratorMismatch, 50 NodeFull"), only when a
 *           reason appeared or went away since the condition was written,
 *           under an assumption with no node, so no later pass marks it
 *           twice. That write comes back as a watch event that changes
 *           nothing the plan looks at: it triggers no pass.
 *   write   the decisions go to cfg.writers threads and the pass returns at
 *           once. Each task is a different object, so the writes never
 *           conflict with each other. A write that fails gives its slot
 *           back, marks the task and the node dirty and asks for another
 *           pass (after a backoff when the API server is failing).
 * A placement is one status write (no Pending write first, no label
 * where agents select on status.assignedNode).
 *
 * Costs: a pass with nothing dirty is O(1) and reads no cache; otherwise
 * O(candidates log candidates + candidates x open nodes + classes x dirty
 * nodes), plus one summary over every node per requirement class among
 * the candidates no node took. There is no periodic timer.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "conditions.h"
#include "error.h"
#include "log.h"
#include "opcore.h"

typedef fm_opcore_decision decision;

/* The writer pool: a FIFO of decisions and the threads that write them. */
struct fm_opcore_writers {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    decision *head, *tail;
    bool stop;
    size_t n_threads;
    pthread_t th[64];
    int failures; /* consecutive failed writes, for the retry backoff */
};

typedef struct pass {
    fm_opcore *op;
    decision *head, *tail;         /* made by this pass */
    size_t placed, marked;
    fm_sched_plan_result res;
    fm_time now;
} pass;

static void trigger_pass(fm_opcore *op)
{
    if (op->hooks.trigger_pass) op->hooks.trigger_pass(op->hooks.ud);
}

/* Dependency lookups straight from the store (caller holds its read lock). */
static const fm_agentic_task *store_lookup(void *ud, const char *ns, const char *name)
{
    fm_opcore *op = ud;
    char key[512];
    snprintf(key, sizeof key, "%s/%s", ns ? ns : "", name);
    return fm_store_get(op->tasks, key);
}

/* ------------------------------------------------------------ the plan's view of the caches */

/* All of these run under the read locks of both stores and op->mu. */

typedef struct visit {
    void *arg;
    fm_sched_task_visit_fn task_fn;
    fm_sched_node_visit_fn node_fn;
} visit;

static int visit_task(void *ud, const char *key, const void *obj)
{
    visit *vi = ud;
    return vi->task_fn(vi->arg, key, obj);
}

static int visit_node(void *ud, const char *key, const void *obj)
{
    visit *vi = ud;
    return vi->node_fn(vi->arg, obj);
}

static int view_each_waiting(void *ud, fm_sched_task_visit_fn fn, void *arg)
{
    fm_opcore *op = ud;
    visit vi = {arg, fn, NULL};
    int rc = fm_store_index_foreach_locked(op->tasks, FM_OPCORE_IDX_PHASE, "Pending", visit_task, &vi);
    if (rc == 0) rc = fm_store_index_foreach_locked(op->tasks, FM_OPCORE_IDX_PHASE, "None", visit_task, &vi);
    return rc;
}

static int view_each_in_class(void *ud, const char *class_key, fm_sched_task_visit_fn fn, void *arg)
{
    fm_opcore *op = ud;
    visit vi = {arg, fn, NULL};
    return fm_store_index_foreach_locked(op->tasks, FM_OPCORE_IDX_CLASS, class_key, visit_task, &vi);
}

static const fm_agentic_task *view_task(void *ud, const char *key)
{
    fm_opcore *op = ud;
    return fm_store_get(op->tasks, key);
}

/* The requiredCapability of the Agent a task names in spec.agentRef (same
 * namespace), borrowed from the Agent store (read-locked by decide), so a
 * task created directly with agentRef is placed as a Workload's step task
 * with the Agent's requirement joined in. NULL: no Agent, or none required. */
static const fm_required_capability *view_agent_requirement(void *ud, const fm_agentic_task *t)
{
    fm_opcore *op = ud;
    const char *name = t->spec.agent_ref.name;
    if (!op->agents || !fm_agentic_task_spec_has_agent_ref(&t->spec) || !name || !name[0]) return NULL;
    char key[512];
    snprintf(key, sizeof key, "%s/%s", t->metadata.namespace ? t->metadata.namespace : "", name);
    const fm_agent *ag = fm_store_get(op->agents, key);
    if (!ag || !fm_agent_spec_has_required_capability(&ag->spec)) return NULL;
    return &ag->spec.required_capability;
}

static int view_each_node(void *ud, fm_sched_node_visit_fn fn, void *arg)
{
    fm_opcore *op = ud;
    visit vi = {arg, NULL, fn};
    return fm_store_foreach_locked(op->nodes, visit_node, &vi);
}

/* The node table with each node's held ledger entry: no store table walk
 * and no ledger lookup by name per node. */
static int view_each_node_load(void *ud, fm_sched_node_load_visit_fn fn, void *arg)
{
    fm_opcore *op = ud;
    for (size_t i = 0; i < op->n_node_tab; i++) {
        const fm_opcore_node *e = op->node_tab[i];
        int rc = fn(arg, e->node, fm_sched_ledger_node_load(e->load));
        if (rc) return rc;
    }
    return 0;
}

static const fm_fleet_node *view_node(void *ud, const char *name)
{
    fm_opcore *op = ud;
    return fm_store_get(op->nodes, name);
}

static int32_t view_load(void *ud, const char *node)
{
    fm_opcore *op = ud;
    return fm_sched_ledger_load(op->ledger, node);
}

/* Dependencies met and no write of ours in flight. A waiting task skipped
 * for its write (a Pending / Unschedulable mark) is offered again when the
 * assumption ends: fm_opcore_assumption_ended. */
static int view_eligible(void *ud, const char *key, const fm_agentic_task *t)
{
    fm_opcore *op = ud;
    if (fm_sched_ledger_is_assumed(op->ledger, key)) return 0;
    fm_sched_deps st;
    int rc = fm_sched_deps_check(&st, NULL, t, store_lookup, op);
    if (rc) return rc;
    return st == SCHED_DEPS_READY; /* the task controller handles the rest */
}

/*
 * Per-namespace fairness (schedule.h: fm_sched_fair_order): at equal priority
 * namespaces take turns, the one holding the fewest tasks first, then the
 * one served longest ago, each giving up to its weight per turn. The counts
 * of held tasks are copied from the ledger (which keeps them per namespace
 * as they change) once per pass that has candidates (O(namespaces)), then
 * kept by the placed hook.
 */
static int view_order(void *ud, const fm_agentic_task **tasks, size_t n)
{
    fm_opcore *op = ud;
    int rc = 0;
    if (!op->pass_held) {
        rc = fm_sched_ns_counts_new(&op->pass_held);
        if (rc == 0) rc = fm_sched_ledger_count_namespaces(op->ledger, op->pass_held);
    }
    if (rc == 0 && !op->ns_turns) rc = fm_sched_ns_counts_new(&op->ns_turns);
    if (rc == 0) rc = fm_sched_fair_order(tasks, n, op->pass_held, op->ns_turns, op->cfg.ns_weights);
    return rc < 0 ? fm_error_set(rc, "scheduling pass: namespace fairness: out of memory") : 0;
}

/* The optional cap (--max-running-per-namespace) on tasks a namespace
 * holds, placements of this pass included. */
static bool view_admit(void *ud, const fm_agentic_task *t)
{
    fm_opcore *op = ud;
    if (op->cfg.max_running_per_ns <= 0) return true;
    return fm_sched_ns_counts_get(op->pass_held, t->metadata.namespace) < op->cfg.max_running_per_ns;
}

static void view_placed(void *ud, const fm_agentic_task *t)
{
    fm_opcore *op = ud;
    const char *ns = t->metadata.namespace ? t->metadata.namespace : "";
    /* Out of memory here only weakens fairness for the rest of the pass. */
    if (fm_sched_ns_counts_add(op->pass_held, ns, 1) != 0 ||
        fm_sched_ns_counts_set(op->ns_turns, ns, ++op->turn_seq) != 0)
        fm_log_warn("namespace fairness: out of memory; counts may be off for this pass", "namespace", ns,
                 NULL);
}

/* ------------------------------------------------------------ decide */

/* Records a decision for t (node NULL: mark it Pending, and Unschedulable
 * with message why when that is not NULL) with its assumption. */
static int add_decision(pass *p, const char *key, const fm_agentic_task *t, const char *node,
                        const char *why)
{
    size_t kl = strlen(key);
    decision *d = calloc(1, sizeof *d + kl + 1);
    if (!d) return fm_error_set(FM_ENOMEM, "scheduling pass: out of memory");
    memcpy(d->key, key, kl + 1);
    int rc = 0;
    if (t->metadata.resource_version && !(d->rv = fm_strdup(t->metadata.resource_version))) rc = FM_ENOMEM;
    if (rc == 0 && node && !(d->node = fm_strdup(node))) rc = FM_ENOMEM;
    if (rc == 0 && why && !(d->why = fm_strdup(why))) rc = FM_ENOMEM;
    if (rc == 0) rc = fm_sched_ledger_assume(p->op->ledger, d->key, node, NULL);
    if (rc) {
        fm_opcore_decision_free(d);
        return fm_error_set(FM_ENOMEM, "scheduling pass: out of memory");
    }
    if (p->tail) p->tail->next = d;
    else p->head = d;
    p->tail = d;
    if (node) p->placed++;
    else p->marked++;
    return 0;
}

/*
 * A task no node can take now gets condition Scheduled=False reason
 * Unschedulable with the summary over every node ("0/200 fleet nodes fit:
 * 150 AcceleratorMismatch, 50 NodeFull"), as kube-scheduler reports it;
 * written only when a reason appears or goes away (counts alone do not
 * count), so waiting costs no writes. A new task (no phase) is also marked
 * Pending.
 */
static int mark_unplaced(pass *p, const fm_sched_plan_unplaced *u)
{
    const fm_agentic_task *t = u->task;
    const char *unsched = u->message;
    const fm_k8s_condition *c = fm_condition_get(&t->status.conditions, "Scheduled");
    if (c && c->status == FM_K8S_CONDITION_STATUS_FALSE && c->reason &&
        strcmp(c->reason, "Unschedulable") == 0 && fm_sched_unschedulable_same(c->message, u->message))
        unsched = NULL;
    if (!unsched && t->status.phase != FM_TASK_PHASE_UNSET) return 0;
    return add_decision(p, u->key, t, NULL, unsched);
}

static int decide(pass *p)
{
    fm_opcore *op = p->op;
    int rc = 0;
    static const fm_sched_plan_view view_ops = {
        .each_waiting = view_each_waiting,
        .each_in_class = view_each_in_class,
        .task = view_task,
        .each_node = view_each_node,
        .node = view_node,
        .load = view_load,
        .eligible = view_eligible,
        .order = view_order,
        .admit = view_admit,
        .placed = view_placed,
        .agent_requirement = view_agent_requirement,
    };
    fm_sched_plan_view view = view_ops;
    view.ud = op;
    /* Lock order, everywhere: task store, node store, Agent store, then op->mu. */
    fm_store_read_lock(op->tasks);
    fm_store_read_lock(op->nodes);
    if (op->agents) fm_store_read_lock(op->agents);
    pthread_mutex_lock(&op->mu);
    if (op->cfg.node_table && !op->node_tab_broken) view.each_node_load = view_each_node_load;
    rc = fm_sched_plan_run(op->plan, &view, op->cfg.placement, p->now, op->cfg.node_stale_after_ns, &p->res);
    for (size_t i = 0; rc == 0 && i < p->res.n_placed; i++) {
        const fm_sched_plan_placement *pp = &p->res.placed[i];
        rc = add_decision(p, pp->key, pp->task, pp->node->metadata.name, NULL);
    }
    for (size_t i = 0; rc == 0 && i < p->res.n_unplaced; i++) {
        const fm_sched_plan_unplaced *u = &p->res.unplaced[i];
        if (fm_log_enabled(3))
            fm_log_v(3, "no node fits", "controller", "scheduler", "object", u->key, "reason", u->message, NULL);
        rc = mark_unplaced(p, u);
    }
    if (rc) fm_sched_plan_full(op->plan);
    fm_sched_ns_counts_free(op->pass_held);
    op->pass_held = NULL;
    pthread_mutex_unlock(&op->mu);
    if (op->agents) fm_store_read_unlock(op->agents);
    fm_store_read_unlock(op->nodes);
    fm_store_read_unlock(op->tasks);
    return rc;
}

/* ------------------------------------------------------------ write */

void fm_opcore_decision_free(decision *d)
{
    if (!d) return;
    fm_agentic_task_free(d->task);
    free(d->rv);
    free(d->node);
    free(d->why);
    free(d);
}

/* After a failed write: another pass, at once when the task simply went
 * away or changed (its slot is free for others), after a growing delay
 * (0.2 s doubling to 10 s) while writes fail for other reasons. */
static void retry_pass(fm_opcore *op, int rc)
{
    struct fm_opcore_writers *w = op->writers;
    if (rc == FM_ENOTFOUND) {
        trigger_pass(op);
        return;
    }
    pthread_mutex_lock(&w->mu);
    int n = w->failures < 6 ? w->failures : 6;
    w->failures++;
    pthread_mutex_unlock(&w->mu);
    int64_t delay = 200LL << n;
    if (op->hooks.retry_pass_after) op->hooks.retry_pass_after(op->hooks.ud, delay > 10000 ? 10000 : delay);
}

/*
 * A placement write failed without an answer (broken connection, timeout,
 * 5xx): the server may have applied it. Until that is known the slot stays
 * held, or a cache that lags behind the outage could fill the node above
 * its capacity. Reads the task until the server answers (backing off, up
 * to 5 s apart; a stopping pool gives up) and settles the assumption from
 * what it says. Returns 0 when the task turned out placed there.
 */
static int settle_unanswered(fm_opcore *op, decision *d)
{
    struct fm_opcore_writers *w = op->writers;
    const char *ns = d->task->metadata.namespace, *name = d->task->metadata.name;
    int64_t backoff_ms = 200;
    for (;;) {
        fm_agentic_task *cur = NULL;
        int rc = fm_objapi_task_get(&op->api, &cur, ns, name);
        if (rc == 0 || rc == FM_ENOTFOUND) {
            const char *holds = rc == 0 ? fm_sched_task_holding_node(cur) : NULL;
            bool placed = holds && strcmp(holds, d->node) == 0;
            pthread_mutex_lock(&op->mu);
            if (placed) {
                fm_sched_ledger_assume(op->ledger, d->key, d->node, cur->metadata.resource_version);
            } else {
                fm_sched_ledger_unassume(op->ledger, d->key);
                fm_sched_plan_task_dirty(op->plan, d->key);
                fm_sched_plan_node_dirty(op->plan, d->node);
            }
            pthread_mutex_unlock(&op->mu);
            fm_agentic_task_free(cur);
            if (placed)
                fm_log_info("placement applied although its answer was lost", "controller", "scheduler",
                         "object", d->key, "node", d->node, NULL);
            return placed ? 0 : FM_ENOTFOUND;
        }
        pthread_mutex_lock(&w->mu);
        if (!w->stop) fm_clock_wait_until(NULL, &w->cv, &w->mu, fm_clock_now(NULL) + backoff_ms * 1000000);
        bool stop = w->stop;
        pthread_mutex_unlock(&w->mu);
        if (stop) {
            pthread_mutex_lock(&op->mu);
            fm_sched_ledger_unassume(op->ledger, d->key);
            fm_sched_plan_full(op->plan);
            pthread_mutex_unlock(&op->mu);
            return FM_ECANCELED;
        }
        backoff_ms = backoff_ms * 2 > 5000 ? 5000 : backoff_ms * 2;
    }
}

bool fm_opcore_assumption_ended(fm_opcore *op, const char *key, bool was_assumed, bool waiting)
{
    if (!was_assumed || !waiting || fm_sched_ledger_is_assumed(op->ledger, key)) return false;
    return fm_sched_plan_task_ready(op->plan, key);
}

/* The task as decided on, copied from the cache into d->task (under the
 * cache's read lock: fm_store_get_copy). Returns 0, FM_ENOTFOUND (gone, or
 * changed since: decide again) or FM_ENOMEM. */
static int decided_version(fm_opcore *op, decision *d)
{
    fm_agentic_task_free(d->task);
    d->task = NULL;
    int rc = fm_store_get_copy((void **)&d->task, op->tasks, d->key);
    if (rc) return rc == FM_ENOTFOUND ? FM_ENOTFOUND : fm_error_set(rc, "placement: out of memory");
    const char *rv = d->task->metadata.resource_version;
    if ((rv == NULL) != (d->rv == NULL) || (rv && strcmp(rv, d->rv) != 0))
        return fm_error_set(FM_ENOTFOUND, "%s changed since it was decided on", d->key);
    return 0;
}

/* Writes one decision and settles its assumption (opcore.h). */
int fm_opcore_execute(fm_opcore *op, decision *d)
{
    char *rv = NULL;
    bool labelled = true, again = false;
    int rc = decided_version(op, d);
    if (rc == 0)
        rc = d->node ? fm_opcore_place_task(op, &rv, &labelled, d->task, d->node)
                     : fm_opcore_mark_pending(op, &rv, d->task, d->why);
    bool unanswered = d->node && fm_objapi_unanswered(rc);
    if (unanswered) {
        fm_log_warn("placement write got no answer; reading the task back", "controller", "scheduler",
                 "object", d->key, "node", d->node, "error", fm_error_last()->message, NULL);
        int settled = settle_unanswered(op, d);
        if (settled == 0) {
            labelled = false; /* unknown: the task controller checks */
            rc = 0;
        } else {
            rc = settled == FM_ECANCELED ? FM_ECANCELED : FM_ENOTFOUND; /* not placed: decide again */
        }
    } else {
        pthread_mutex_lock(&op->mu);
        if (rc == 0) {
            fm_sched_ledger_assume(op->ledger, d->key, d->node, rv);
            /* A mark leaves the task waiting. When the cache already holds
             * the version written, the assumption ends here, after the
             * task's own event: a pass that skipped the task meanwhile
             * (a node turned Ready) needs this to look at it again. */
            if (!d->node) again = fm_opcore_assumption_ended(op, d->key, true, true);
        } else {
            /* Decide again for the task, and for others on its slot. */
            fm_sched_ledger_unassume(op->ledger, d->key);
            fm_sched_plan_task_dirty(op->plan, d->key);
            fm_sched_plan_node_dirty(op->plan, d->node);
        }
        pthread_mutex_unlock(&op->mu);
    }
    free(rv);
    if (again) trigger_pass(op);
    if (rc) {
        /* The task may have changed under us (placed by a write whose
         * answer was lost, say): its own controller looks at it again. */
        if (op->hooks.recheck_task) op->hooks.recheck_task(op->hooks.ud, d->key, 0);
        if (rc != FM_ENOTFOUND && rc != FM_ECANCELED)
            fm_log_warn(d->node ? "placement failed" : "marking the task Pending failed", "controller", "scheduler",
                     "object", d->key, "node", d->node, "error", fm_error_last()->message, NULL);
        retry_pass(op, rc == FM_ECANCELED ? FM_ENOTFOUND : rc);
        return rc;
    }
    if (op->writers) {
        pthread_mutex_lock(&op->writers->mu);
        op->writers->failures = 0;
        pthread_mutex_unlock(&op->writers->mu);
    }
    if (!d->node) return 0;
    /* The routing label did not stick: the task controller adds it (with
     * its own retries) once this assumption has ended. */
    if (!labelled && op->hooks.recheck_task) op->hooks.recheck_task(op->hooks.ud, d->key, 200);
    if (op->hooks.scheduled) op->hooks.scheduled(op->hooks.ud, d->task, d->node);
    fm_log_v(1, "scheduled", "controller", "scheduler", "object", d->key, "node", d->node, NULL);
    return 0;
}

static void *writer_main(void *arg)
{
    fm_opcore *op = arg;
    struct fm_opcore_writers *w = op->writers;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (!w->head && !w->stop) pthread_cond_wait(&w->cv, &w->mu);
        if (w->stop) break;
        decision *d = w->head;
        w->head = d->next;
        if (!w->head) w->tail = NULL;
        else pthread_cond_signal(&w->cv); /* more queued: pass the baton */
        pthread_mutex_unlock(&w->mu);
        fm_opcore_execute(op, d);
        fm_opcore_decision_free(d);
        pthread_mutex_lock(&w->mu);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

/* Hands a pass's decisions to the writers. */
static void submit(fm_opcore *op, pass *p)
{
    if (!p->head) return;
    struct fm_opcore_writers *w = op->writers;
    pthread_mutex_lock(&w->mu);
    if (w->tail) w->tail->next = p->head;
    else w->head = p->head;
    w->tail = p->tail;
    /* One writer per decision, not the whole pool: at a steady arrival
     * rate a pass places one task, and waking every writer for it cost
     * more CPU than the write (docs/performance.md, Scheduler). */
    size_t n = 0;
    for (decision *d = p->head; d && n < w->n_threads; d = d->next, n++) pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
    p->head = p->tail = NULL;
}

/* Gives back the slots of decisions that will never be written. */
void fm_opcore_drop(fm_opcore *op, decision *d)
{
    while (d) {
        decision *next = d->next;
        pthread_mutex_lock(&op->mu);
        fm_sched_ledger_unassume(op->ledger, d->key);
        fm_sched_plan_task_dirty(op->plan, d->key);
        fm_sched_plan_node_dirty(op->plan, d->node);
        pthread_mutex_unlock(&op->mu);
        fm_opcore_decision_free(d);
        d = next;
    }
}

/* Runs decide over the caches; fills st. The decisions stay in p. */
static int run_decide(fm_opcore *op, pass *p, fm_opcore_pass_stats *st, fm_time now)
{
    memset(p, 0, sizeof *p);
    memset(st, 0, sizeof *st);
    p->op = op;
    p->now = now;
    /* Nothing changed that could place a task: O(1). */
    pthread_mutex_lock(&op->mu);
    bool work = fm_sched_plan_has_work(op->plan);
    pthread_mutex_unlock(&op->mu);
    if (!work) return 0;
    int rc = decide(p);
    st->ran = true;
    st->full = p->res.full;
    st->candidates = p->res.n_candidates;
    st->open_nodes = p->res.n_open;
    st->placed = p->placed;
    st->marked = p->marked;
    fm_sched_plan_result_free(&p->res);
    if (rc) {
        fm_opcore_drop(op, p->head);
        p->head = p->tail = NULL;
    }
    return rc;
}

int fm_opcore_decide(fm_opcore *op, decision **out, fm_opcore_pass_stats *st, fm_time now)
{
    pass p;
    int rc = run_decide(op, &p, st, now);
    *out = p.head;
    return rc;
}

int fm_opcore_pass(fm_opcore *op, fm_opcore_pass_stats *st, fm_time now)
{
    pass p;
    int rc = run_decide(op, &p, st, now);
    if (rc == 0) submit(op, &p);
    return rc;
}

/* ------------------------------------------------------------ node table */

static void node_table_clear(fm_opcore *op)
{
    for (size_t i = 0; i < op->n_node_tab; i++) {
        fm_sched_ledger_node_release(op->ledger, op->node_tab[i]->load);
        free(op->node_tab[i]);
    }
    free(op->node_tab);
    op->node_tab = NULL;
    op->n_node_tab = op->cap_node_tab = 0;
    fm_hashmap_clear(&op->node_by_name);
}

/* Out of memory: the table no longer lists every node; the store does.
 * Dropping it also drops its pointers, which no handler keeps current
 * from now on. */
static void node_table_break(fm_opcore *op)
{
    node_table_clear(op);
    op->node_tab_broken = true;
    fm_log_error("fleet node table: out of memory; scheduling passes read the cache instead", NULL);
}

void fm_opcore_node_put(fm_opcore *op, const fm_fleet_node *n)
{
    const char *name = n->metadata.name;
    if (!name || op->node_tab_broken) return;
    void *v = fm_hashmap_get(&op->node_by_name, name);
    if (v) {
        op->node_tab[(uintptr_t)v - 1]->node = n;
        return;
    }
    if (op->n_node_tab == op->cap_node_tab) {
        size_t cap = op->cap_node_tab ? op->cap_node_tab * 2 : 64;
        fm_opcore_node **t = realloc(op->node_tab, cap * sizeof *t);
        if (!t) goto broken;
        op->node_tab = t;
        op->cap_node_tab = cap;
    }
    size_t len = strlen(name);
    fm_opcore_node *e = malloc(sizeof *e + len + 1);
    if (!e) goto broken;
    memcpy(e->name, name, len + 1);
    e->node = n;
    if (!(e->load = fm_sched_ledger_node_hold(op->ledger, name))) {
        free(e);
        goto broken;
    }
    if (fm_hashmap_put(&op->node_by_name, e->name, (void *)(uintptr_t)(op->n_node_tab + 1), NULL) != 0) {
        fm_sched_ledger_node_release(op->ledger, e->load);
        free(e);
        goto broken;
    }
    op->node_tab[op->n_node_tab++] = e;
    return;
broken:
    node_table_break(op);
}

void fm_opcore_node_del(fm_opcore *op, const char *name)
{
    void *v = name ? fm_hashmap_get(&op->node_by_name, name) : NULL;
    if (!v) return;
    fm_hashmap_remove(&op->node_by_name, name);
    size_t i = (uintptr_t)v - 1, last = op->n_node_tab - 1;
    fm_opcore_node *e = op->node_tab[i];
    bool broken = false;
    if (i != last) {
        op->node_tab[i] = op->node_tab[last];
        /* Replaces the value of a present key just after a removal: the
         * table does not grow, but a failure is handled all the same. */
        broken = fm_hashmap_put(&op->node_by_name, op->node_tab[i]->name, (void *)(uintptr_t)(i + 1), NULL) != 0;
    }
    op->n_node_tab--;
    fm_sched_ledger_node_release(op->ledger, e->load);
    free(e);
    if (broken) node_table_break(op);
}

int fm_opcore_init(fm_opcore *op)
{
    struct fm_opcore_writers *w = calloc(1, sizeof *w);
    if (!w) return fm_error_set(FM_ENOMEM, "scheduler: out of memory");
    pthread_mutex_init(&w->mu, NULL);
    if (fm_clock_cond_init(&w->cv) != 0) {
        pthread_mutex_destroy(&w->mu);
        free(w);
        return fm_error_set(FM_ERROR, "scheduler: cannot set up the writers' condition variable");
    }
    op->writers = w;
    pthread_mutex_init(&op->mu, NULL);
    int rc = fm_sched_ledger_new(&op->ledger);
    if (rc == 0) rc = fm_sched_plan_new(&op->plan);
    return rc;
}

int fm_opcore_start(fm_opcore *op)
{
    struct fm_opcore_writers *w = op->writers;
    size_t want = op->cfg.writers > 0 ? (size_t)op->cfg.writers : 1;
    if (want > sizeof w->th / sizeof w->th[0]) want = sizeof w->th / sizeof w->th[0];
    pthread_mutex_lock(&w->mu);
    w->stop = false;
    pthread_mutex_unlock(&w->mu);
    while (w->n_threads < want) {
        if (pthread_create(&w->th[w->n_threads], NULL, writer_main, op) != 0)
            return w->n_threads ? 0 : fm_error_set(FM_ERROR, "scheduler: cannot start writer threads");
        w->n_threads++;
    }
    return 0;
}

void fm_opcore_stop(fm_opcore *op)
{
    struct fm_opcore_writers *w = op->writers;
    if (!w) return;
    /* Writes in flight finish; queued ones are dropped (after a lost lease
     * this replica must not write, and on shutdown the next leader
     * decides again from the server's state). */
    pthread_mutex_lock(&w->mu);
    w->stop = true;
    decision *rest = w->head;
    w->head = w->tail = NULL;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    for (size_t i = 0; i < w->n_threads; i++) pthread_join(w->th[i], NULL);
    w->n_threads = 0;
    fm_opcore_drop(op, rest);
}

void fm_opcore_free(fm_opcore *op)
{
    struct fm_opcore_writers *w = op->writers;
    if (w) {
        fm_opcore_stop(op);
        pthread_mutex_destroy(&w->mu);
        pthread_cond_destroy(&w->cv);
        free(w);
        op->writers = NULL;
        pthread_mutex_destroy(&op->mu);
    }
    fm_sched_plan_free(op->plan);
    op->plan = NULL;
    node_table_clear(op); /* holds ledger entries */
    fm_sched_ledger_free(op->ledger);
    op->ledger = NULL;
    fm_sched_ns_counts_free(op->ns_turns);
    op->ns_turns = NULL;
    fm_sched_ns_counts_free(op->pass_held);
    op->pass_held = NULL;
}

/* ------------------------------------------------------------ indexes */

/* Only the waiting phases are looked up (the pass's candidates, the
 * pending gauge): indexing the others would cost every placed or finished
 * task a place in a bucket of 100,000 for nothing. */
size_t fm_opcore_idx_phase(const char **out, size_t cap, const void *obj, void *ud)
{
    const fm_agentic_task *t = obj;
    const char *p = t->status.phase == FM_TASK_PHASE_PENDING ? "Pending"
                    : t->status.phase == FM_TASK_PHASE_UNSET ? "None"
                                                             : NULL;
    if (!p) return 0;
    if (cap >= 1) out[0] = p;
    return 1;
}

/* The requirement class of a waiting task (schedplan.h). The store copies
 * the value at once, so a per-thread buffer is enough. */
size_t fm_opcore_idx_class(const char **out, size_t cap, const void *obj, void *ud)
{
    static _Thread_local char buf[SCHED_CLASS_KEY_MAX];
    const fm_agentic_task *t = obj;
    if (!fm_sched_task_waiting(t)) return 0;
    if (cap >= 1) out[0] = fm_sched_class_key(buf, sizeof buf, t);
    return 1;
}
