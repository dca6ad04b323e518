/*
 * scheduler.c - the scheduling pass: every Pending AgenticTask whose
 * dependencies succeeded, in priority order (schedule.h: sched_task_cmp),
 * goes to the node the placement policy picks among the eligible nodes
 * with free capacity.
 *
 * A pass has two halves:
 *   decide  in memory, from the caches: sort the candidates, pick a node
 *           per task, and record each placement in the ledger at once (an
 *           assumption with the write still in flight), so the next pick
 *           already sees the slot taken;
 *   write   the placements, in parallel on cfg.writers threads (each task
 *           is a different object, so the writes never conflict with each
 *           other); a write that fails gives its slot back and asks for
 *           another pass.
 * The pass stops deciding as soon as no eligible node has a free slot.
 * Costs: API calls only for the tasks it places (label + status patch +
 * an Event each); CPU O(pending x nodes) in the worst case.
 *
 * Triggers (all coalesced by the controller's work queue into one pending
 * pass): a task becoming Pending with its dependencies met, a task giving a
 * slot back (finished, failed, released, deleted), a node turning Ready or
 * changing capability or capacity. There is no periodic timer.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "log.h"
#include "operator.h"

typedef struct decision {
    fm_agentic_task *task; /* private copy */
    char key[512];
    const char *node;      /* borrowed from the pass's node copies */
    int rc;
} decision;

typedef struct pass {
    fm_operator *op;
    /* candidates */
    fm_agentic_task **tasks;
    size_t n_tasks, cap_tasks;
    /* nodes */
    fm_fleet_node **nodes;
    size_t n_nodes, cap_nodes;
    sched_candidate *cands; /* the nodes with a free slot */
    size_t n_open;
    /* decisions */
    decision *d;
    size_t n_d;
    atomic_size_t next;
    fm_time now;
    int err;
} pass;

void op_trigger_pass(fm_operator *op)
{
    if (op->sched_ctl) controller_enqueue(op->sched_ctl, OP_PASS_KEY);
}

/* Dependency lookups straight from the store (caller holds its read lock). */
static const fm_agentic_task *store_lookup(void *ud, const char *ns, const char *name)
{
    fm_operator *op = ud;
    char key[512];
    snprintf(key, sizeof key, "%s/%s", ns ? ns : "", name);
    return store_get(op->tasks, key);
}

/* Collects private copies of the Pending tasks that may be placed now:
 * dependencies met, not deleting, no placement of ours in flight. */
static int collect_tasks(pass *p)
{
    fm_operator *op = p->op;
    fm_list keys = {0};
    int rc = store_index_keys(&keys, op->tasks, OP_IDX_PHASE, "Pending");
    if (rc) return rc;
    store_read_lock(op->tasks);
    for (size_t i = 0; i < keys.len && rc == 0; i++) {
        const char *key = ((char **)keys.items)[i];
        const fm_agentic_task *t = store_get(op->tasks, key);
        if (!t || t->status.phase != FM_TASK_PHASE_PENDING ||
            k8s_object_meta_has_deletion_timestamp(&t->metadata))
            continue;
        pthread_mutex_lock(&op->mu);
        bool assumed = sched_ledger_is_assumed(op->ledger, key);
        pthread_mutex_unlock(&op->mu);
        if (assumed) continue;
        sched_deps st;
        if ((rc = sched_deps_check(&st, NULL, t, store_lookup, op)) != 0) break;
        if (st != SCHED_DEPS_READY) continue; /* the task controller handles the rest */
        if (p->n_tasks == p->cap_tasks) {
            size_t cap = p->cap_tasks ? p->cap_tasks * 2 : 64;
            fm_agentic_task **nt = realloc(p->tasks, cap * sizeof *nt);
            if (!nt) {
                rc = fm_error_set(FM_ENOMEM, "scheduling pass: out of memory");
                break;
            }
            p->tasks = nt;
            p->cap_tasks = cap;
        }
        if ((rc = fm_agentic_task_copy(&p->tasks[p->n_tasks], t)) != 0) break;
        p->n_tasks++;
    }
    store_read_unlock(op->tasks);
    store_keys_free(&keys);
    return rc;
}

static int collect_node(void *ud, const char *key, const void *obj)
{
    pass *p = ud;
    const fm_fleet_node *n = obj;
    /* Only nodes that can take work at all; capability is checked per task. */
    if (sched_node_health(n, p->now, p->op->cfg.node_stale_after_ns) != SCHED_FIT_OK) return 0;
    if (sched_node_capacity(n) <= 0) return 0;
    if (p->n_nodes == p->cap_nodes) {
        size_t cap = p->cap_nodes ? p->cap_nodes * 2 : 32;
        fm_fleet_node **nn = realloc(p->nodes, cap * sizeof *nn);
        if (!nn) return p->err = FM_ENOMEM;
        p->nodes = nn;
        p->cap_nodes = cap;
    }
    if (fm_fleet_node_copy(&p->nodes[p->n_nodes], n) != 0) return p->err = FM_ENOMEM;
    p->n_nodes++;
    return 0;
}

/* Removes candidate i (full now) by swapping the last one in. */
static void drop_candidate(pass *p, size_t i)
{
    p->cands[i] = p->cands[--p->n_open];
}

static int decide(pass *p)
{
    fm_operator *op = p->op;
    p->cands = calloc(p->n_nodes ? p->n_nodes : 1, sizeof *p->cands);
    p->d = calloc(p->n_tasks ? p->n_tasks : 1, sizeof *p->d);
    if (!p->cands || !p->d) return fm_error_set(FM_ENOMEM, "scheduling pass: out of memory");
    pthread_mutex_lock(&op->mu);
    for (size_t i = 0; i < p->n_nodes; i++) {
        int32_t load = sched_ledger_load(op->ledger, p->nodes[i]->metadata.name);
        if (load >= sched_node_capacity(p->nodes[i])) continue;
        p->cands[p->n_open++] = (sched_candidate){p->nodes[i], load};
    }
    sched_sort_tasks((const fm_agentic_task **)p->tasks, p->n_tasks);
    int rc = 0;
    for (size_t i = 0; i < p->n_tasks && p->n_open > 0; i++) {
        fm_agentic_task *t = p->tasks[i];
        sched_fit why;
        long k = sched_pick_node(p->cands, p->n_open, t, op->cfg.placement, p->now,
                                 op->cfg.node_stale_after_ns, &why);
        if (k < 0) {
            if (log_enabled(3))
                log_v(3, "no node fits", "controller", "scheduler", "object", t->metadata.name,
                      "reason", sched_fit_reason(why), NULL);
            continue;
        }
        decision *d = &p->d[p->n_d];
        snprintf(d->key, sizeof d->key, "%s/%s", t->metadata.namespace, t->metadata.name);
        d->node = p->cands[k].node->metadata.name;
        if ((rc = sched_ledger_assume(op->ledger, d->key, d->node, NULL)) != 0) break;
        d->task = t;
        p->tasks[i] = NULL; /* moved into the decision */
        p->n_d++;
        if (++p->cands[k].load >= sched_node_capacity(p->cands[k].node)) drop_candidate(p, (size_t)k);
    }
    pthread_mutex_unlock(&op->mu);
    return rc;
}

/* Writes one decision and settles its assumption. */
static void execute_one(pass *p, decision *d)
{
    fm_operator *op = p->op;
    char *rv = NULL;
    d->rc = op_place_task(op, &rv, d->task, d->node);
    pthread_mutex_lock(&op->mu);
    if (d->rc == 0) sched_ledger_assume(op->ledger, d->key, d->node, rv);
    else sched_ledger_unassume(op->ledger, d->key);
    pthread_mutex_unlock(&op->mu);
    if (d->rc == 0) {
        metrics_inc(op->m.scheduled_total);
        const fm_time created = d->task->metadata.creation_timestamp;
        if (k8s_object_meta_has_creation_timestamp(&d->task->metadata)) {
            double s = (double)sched_time_diff_ns(created, codec_time_now()) / 1e9;
            metrics_observe(op->m.latency, s < 0 ? 0 : s);
        }
        char msg[320];
        snprintf(msg, sizeof msg, "assigned to fleet node %s", d->node);
        op_task_event(op, d->task, "Normal", "Scheduled", msg);
        log_v(1, "scheduled", "controller", "scheduler", "object", d->key, "node", d->node, NULL);
    } else if (d->rc != FM_ENOTFOUND) {
        log_warn("placement failed", "controller", "scheduler", "object", d->key, "node", d->node,
                 "error", fm_error_last()->message, NULL);
    }
    free(rv);
}

static void *writer_main(void *arg)
{
    pass *p = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&p->next, 1);
        if (i >= p->n_d) break;
        execute_one(p, &p->d[i]);
    }
    return NULL;
}

static void execute(pass *p)
{
    int want = p->op->cfg.writers > 0 ? p->op->cfg.writers : 1;
    size_t n = p->n_d < (size_t)want ? p->n_d : (size_t)want;
    pthread_t th[64];
    if (n > 64) n = 64;
    size_t started = 0;
    for (size_t i = 1; i < n; i++) {
        if (pthread_create(&th[started], NULL, writer_main, p) != 0) break;
        started++;
    }
    writer_main(p); /* this thread writes too */
    for (size_t i = 0; i < started; i++) pthread_join(th[i], NULL);
}

static void pass_free(pass *p)
{
    for (size_t i = 0; i < p->n_tasks; i++) fm_agentic_task_free(p->tasks[i]);
    for (size_t i = 0; i < p->n_d; i++) fm_agentic_task_free(p->d[i].task);
    free(p->tasks);
    free(p->d);
    free(p->cands);
    /* p->nodes holds every copy (cands only points into them) */
    for (size_t i = 0; i < p->n_nodes; i++) fm_fleet_node_free(p->nodes[i]);
    free(p->nodes);
}

/*
 * The scheduler controller's reconcile: one pass. Returns 0; asks for a
 * rate-limited retry when a placement failed for another reason than the
 * task going away, and an immediate new pass when any decision failed (its
 * slot is free again for another task).
 */
static int pass_reconcile(reconcile_result *out, void *ud, const reconcile_ctx *ctx)
{
    fm_operator *op = ud;
    pass p;
    memset(&p, 0, sizeof p);
    p.op = op;
    p.now = codec_time_now();
    atomic_init(&p.next, 0);
    int rc = collect_tasks(&p);
    if (rc == 0 && p.n_tasks > 0) {
        rc = store_foreach(op->nodes, collect_node, &p);
        if (rc == 0) rc = p.err;
        if (rc == 0) rc = decide(&p);
        if (p.n_d > 0) execute(&p);
    }
    metrics_inc(op->m.passes);
    size_t failed = 0, placed = 0;
    for (size_t i = 0; i < p.n_d; i++) {
        if (p.d[i].rc == 0) placed++;
        else failed++;
    }
    if (placed || failed || log_enabled(2)) {
        char a[24], b[24], c[24];
        char d[24];
        log_v(1, "scheduling pass", "controller", "scheduler", "candidates",
              log_int(a, (long long)(p.n_tasks)), "eligibleNodes", log_int(d, (long long)p.n_nodes),
              "placed", log_int(b, (long long)placed), "failed", log_int(c, (long long)failed), NULL);
    }
    if (failed) out->requeue = true;
    pass_free(&p);
    return rc;
}

int op_scheduler_setup(fm_operator *op)
{
    controller_options co = {
        .name = "scheduler",
        .reconcile = pass_reconcile,
        .ud = op,
        .workers = 1,
        .metrics = op->registry,
        .base_delay_ms = 200,
        .max_delay_ms = 10000,
    };
    return controller_new(&op->sched_ctl, &co);
}
