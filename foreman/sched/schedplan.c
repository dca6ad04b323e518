/*
 * schedplan.c - the incremental scheduling pass (see schedplan.h).
 *
 * State: the dirty tasks and nodes since the last run, the parked tasks
 * (looked at since their last change, not placed), and the class registry
 * (class key -> a copy of the requirement and how many waiting tasks have
 * it). Keys are owned by the plan: the hash maps borrow them from the
 * entries.
 */
#include "schedplan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agentdef.h"
#include "error.h"
#include "hashmap.h"

/* ------------------------------------------------------------ classes */

/* Appends s to buf at *len; false when it does not fit. */
static bool put(char *buf, size_t cap, size_t *len, const char *s)
{
    size_t n = strlen(s);
    if (*len + n + 1 > cap) return false;
    memcpy(buf + *len, s, n + 1);
    *len += n;
    return true;
}

const char *fm_sched_class_key(char *buf, size_t cap, const fm_agentic_task *t)
{
    size_t len = 0;
    buf[0] = 0;
    const fm_required_capability *r =
        fm_agentic_task_spec_has_required_capability(&t->spec) ? &t->spec.required_capability : NULL;
    int acc = 0;
    int64_t ram = 0, ctx = 0;
    if (r) {
        acc = r->accelerator == FM_REQUIRED_ACCELERATOR_UNSET ? FM_REQUIRED_ACCELERATOR_ANY
                                                              : (int)r->accelerator;
        if (fm_required_capability_has_min_ram_gb(r) && r->min_ram_gb > 0) ram = r->min_ram_gb;
        if (fm_required_capability_has_min_context_tokens(r) && r->min_context_tokens > 0)
            ctx = r->min_context_tokens;
    } else {
        acc = FM_REQUIRED_ACCELERATOR_ANY;
    }
    char num[80];
    snprintf(num, sizeof num, "\x1f%d\x1f%lld\x1f%lld", acc, (long long)ram, (long long)ctx);
    bool ok = put(buf, cap, &len, t->metadata.namespace ? t->metadata.namespace : "") &&
              put(buf, cap, &len, num);
    if (ok && r && fm_required_capability_has_node_selector(r)) {
        for (size_t i = 0; ok && i < r->node_selector.len; i++) {
            const fm_strpair *p = &r->node_selector.items[i];
            ok = put(buf, cap, &len, "\x1f") && put(buf, cap, &len, p->key ? p->key : "") &&
                 put(buf, cap, &len, "=") && put(buf, cap, &len, p->value ? p->value : "");
        }
    }
    /* an Agent's requirement joins in at fit time (fm_sched_plan_view) */
    if (fm_agentic_task_spec_has_agent_ref(&t->spec) && t->spec.agent_ref.name && t->spec.agent_ref.name[0])
        ok = false;
    if (!ok) snprintf(buf, cap, "%s", SCHED_CLASS_ANY);
    return buf;
}

bool fm_sched_task_waiting(const fm_agentic_task *t)
{
    if (!t || fm_k8s_object_meta_has_deletion_timestamp(&t->metadata)) return false;
    return t->status.phase == FM_TASK_PHASE_PENDING || t->status.phase == FM_TASK_PHASE_UNSET;
}

bool fm_sched_node_offer_changed(const fm_fleet_node *o, const fm_fleet_node *n)
{
    if (fm_fleet_node_status_has_capability(&o->status) != fm_fleet_node_status_has_capability(&n->status))
        return true;
    if (!fm_codec_equal(&o->status.capability, &n->status.capability, &fm_capability_desc)) return true;
    if (!fm_codec_equal(&o->spec, &n->spec, &fm_fleet_node_spec_desc)) return true;
    if (o->metadata.labels.len != n->metadata.labels.len) return true;
    for (size_t i = 0; i < n->metadata.labels.len; i++) {
        const char *v = fm_strmap_get(&o->metadata.labels, n->metadata.labels.items[i].key);
        const char *w = n->metadata.labels.items[i].value;
        if (!v || strcmp(v, w ? w : "") != 0) return true;
    }
    return false;
}

typedef struct plan_class {
    size_t refs;
    bool any;                     /* SCHED_CLASS_ANY: fits every node */
    char *ns;
    bool has_req;
    fm_required_capability req;   /* a copy */
    char key[];
} plan_class;

/* A key owned by a set (dirty, parked): the map borrows it. */
typedef struct plan_key {
    char key[1];
} plan_key;

struct fm_sched_plan {
    fm_hashmap classes;      /* key -> plan_class */
    fm_hashmap dirty_tasks;  /* key -> plan_key */
    fm_hashmap dirty_nodes;  /* name -> plan_key */
    fm_hashmap parked;       /* key -> plan_key */
    bool full;
};

static void class_free(plan_class *c)
{
    if (!c) return;
    free(c->ns);
    fm_codec_clear(&c->req, &fm_required_capability_desc);
    free(c);
}

static void set_clear(fm_hashmap *m)
{
    size_t it = 0;
    void *v;
    while (fm_hashmap_next(m, &it, NULL, &v)) free(v);
    fm_hashmap_clear(m);
}

/* Adds key to set m; 0 or FM_ENOMEM. */
static int set_add(fm_hashmap *m, const char *key)
{
    if (fm_hashmap_get(m, key)) return 0;
    size_t n = strlen(key);
    plan_key *k = malloc(sizeof *k + n);
    if (!k) return FM_ENOMEM;
    memcpy(k->key, key, n + 1);
    if (fm_hashmap_put(m, k->key, k, NULL) != 0) {
        free(k);
        return FM_ENOMEM;
    }
    return 0;
}

static void set_del(fm_hashmap *m, const char *key)
{
    free(fm_hashmap_remove(m, key));
}

int fm_sched_plan_new(fm_sched_plan **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out) return fm_error_set(FM_ENOMEM, "scheduling plan: out of memory");
    (*out)->full = true;
    return 0;
}

void fm_sched_plan_free(fm_sched_plan *pl)
{
    if (!pl) return;
    size_t it = 0;
    void *v;
    while (fm_hashmap_next(&pl->classes, &it, NULL, &v)) class_free(v);
    fm_hashmap_clear(&pl->classes);
    set_clear(&pl->dirty_tasks);
    set_clear(&pl->dirty_nodes);
    set_clear(&pl->parked);
    free(pl);
}

void fm_sched_plan_full(fm_sched_plan *pl)
{
    pl->full = true;
}

bool fm_sched_plan_has_work(const fm_sched_plan *pl)
{
    return pl->full || pl->dirty_tasks.len || pl->dirty_nodes.len;
}

size_t fm_sched_plan_classes(const fm_sched_plan *pl)
{
    return pl->classes.len;
}

size_t fm_sched_plan_parked(const fm_sched_plan *pl)
{
    return pl->parked.len;
}

static int class_ref(fm_sched_plan *pl, const char *key, const fm_agentic_task *t)
{
    plan_class *c = fm_hashmap_get(&pl->classes, key);
    if (c) {
        c->refs++;
        return 0;
    }
    size_t n = strlen(key);
    c = calloc(1, sizeof *c + n + 1);
    if (!c) return FM_ENOMEM;
    memcpy(c->key, key, n + 1);
    c->refs = 1;
    c->any = strcmp(key, SCHED_CLASS_ANY) == 0;
    int rc = 0;
    if (!c->any) {
        if (t->metadata.namespace && !(c->ns = fm_strdup(t->metadata.namespace))) rc = FM_ENOMEM;
        if (rc == 0 && fm_agentic_task_spec_has_required_capability(&t->spec)) {
            c->has_req = true;
            rc = fm_codec_copy(&c->req, &t->spec.required_capability, &fm_required_capability_desc);
        }
    }
    if (rc == 0 && fm_hashmap_put(&pl->classes, c->key, c, NULL) != 0) rc = FM_ENOMEM;
    if (rc) class_free(c);
    return rc;
}

static void class_unref(fm_sched_plan *pl, const char *key)
{
    plan_class *c = fm_hashmap_get(&pl->classes, key);
    if (!c) return;
    if (--c->refs == 0) {
        fm_hashmap_remove(&pl->classes, c->key);
        class_free(c);
    }
}

/* Whether a node can take any task of class c at `now`, capacity aside. */
static bool class_fits(const plan_class *c, const fm_fleet_node *n, fm_time now, int64_t stale_ns)
{
    if (c->any) return true;
    if (fm_sched_node_health(n, now, stale_ns) != SCHED_FIT_OK) return false;
    if (!fm_sched_node_serves_namespace(n, c->ns)) return false;
    return fm_sched_capability_fits(n, c->has_req ? &c->req : NULL) == SCHED_FIT_OK;
}

/* ------------------------------------------------------------ events */

/* True when a waiting task's new version may place differently. */
static bool task_changed(const fm_agentic_task *o, const fm_agentic_task *n)
{
    if (o->status.phase != n->status.phase) return true;
    if (fm_k8s_object_meta_has_deletion_timestamp(&o->metadata) !=
        fm_k8s_object_meta_has_deletion_timestamp(&n->metadata))
        return true;
    if (fm_k8s_object_meta_has_generation(&o->metadata) && fm_k8s_object_meta_has_generation(&n->metadata))
        return o->metadata.generation != n->metadata.generation;
    return !fm_codec_equal(&o->spec, &n->spec, &fm_agentic_task_spec_desc);
}

static bool oom(fm_sched_plan *pl)
{
    pl->full = true;
    fm_error_set(FM_ENOMEM, "scheduling plan: out of memory");
    return false;
}

bool fm_sched_plan_task_event(fm_sched_plan *pl, const char *key, const fm_agentic_task *old_obj,
                           const fm_agentic_task *new_obj)
{
    bool work = false;
    bool was = old_obj && fm_sched_task_waiting(old_obj), is = new_obj && fm_sched_task_waiting(new_obj);
    char ko[SCHED_CLASS_KEY_MAX], kn[SCHED_CLASS_KEY_MAX];
    if (was) fm_sched_class_key(ko, sizeof ko, old_obj);
    if (is) fm_sched_class_key(kn, sizeof kn, new_obj);
    if (!(was && is && strcmp(ko, kn) == 0)) {
        if (is && class_ref(pl, kn, new_obj) != 0) return oom(pl);
        if (was) class_unref(pl, ko);
    }
    if (is && (!was || task_changed(old_obj, new_obj))) {
        set_del(&pl->parked, key);
        if (set_add(&pl->dirty_tasks, key) != 0) return oom(pl);
        work = true;
    }
    if (!is) {
        set_del(&pl->parked, key);
        set_del(&pl->dirty_tasks, key);
    }
    /* A slot given back (finished, failed, released, deleted). */
    const char *held = old_obj ? fm_sched_task_holding_node(old_obj) : NULL;
    const char *holds = new_obj ? fm_sched_task_holding_node(new_obj) : NULL;
    if (held && (!holds || strcmp(held, holds) != 0)) work = fm_sched_plan_node_dirty(pl, held) || work;
    return work;
}

bool fm_sched_plan_node_event(fm_sched_plan *pl, const fm_fleet_node *old_obj, const fm_fleet_node *new_obj,
                           fm_time now, int64_t stale_after_ns)
{
    if (!new_obj || fm_sched_node_health(new_obj, now, stale_after_ns) != SCHED_FIT_OK) return false;
    if (old_obj && fm_sched_node_health(old_obj, now, stale_after_ns) == SCHED_FIT_OK &&
        !fm_sched_node_offer_changed(old_obj, new_obj))
        return false;
    return fm_sched_plan_node_dirty(pl, new_obj->metadata.name);
}

bool fm_sched_plan_task_ready(fm_sched_plan *pl, const char *key)
{
    if (fm_hashmap_get(&pl->parked, key)) return false;
    return fm_sched_plan_task_dirty(pl, key);
}

bool fm_sched_plan_task_dirty(fm_sched_plan *pl, const char *key)
{
    set_del(&pl->parked, key);
    if (set_add(&pl->dirty_tasks, key) != 0) return oom(pl);
    return true;
}

bool fm_sched_plan_node_dirty(fm_sched_plan *pl, const char *node)
{
    if (!node) return false;
    if (set_add(&pl->dirty_nodes, node) != 0) return oom(pl);
    return true;
}

/* ------------------------------------------------------------ run */

typedef struct run {
    fm_sched_plan *pl;
    const fm_sched_plan_view *v;
    fm_hashmap seen;             /* candidate keys (borrowed from the view) */
    fm_sched_plan_placement *cands; /* task + key; node unused */
    size_t n_cands, cap_cands;
    fm_sched_candidate *open;
    size_t n_open, cap_open;
    size_t *open_idx;            /* open[i]'s index in all */
    size_t cap_open_idx;
    const fm_fleet_node **all;   /* every node, for the summaries */
    int32_t *loads;              /* all[i]'s load, this run's placements included */
    size_t n_all, cap_all, cap_loads;
    int err;
} run;

static int grow(void **p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap) return 0;
    size_t c = *cap ? *cap * 2 : 64;
    void *np = realloc(*p, c * size);
    if (!np) return FM_ENOMEM;
    *p = np;
    *cap = c;
    return 0;
}

static int add_candidate(void *arg, const char *key, const fm_agentic_task *t)
{
    run *r = arg;
    if (!fm_sched_task_waiting(t) || fm_hashmap_get(&r->seen, key)) return 0;
    int e = r->v->eligible(r->v->ud, key, t);
    if (e < 0) return r->err = e;
    if (fm_hashmap_put(&r->seen, key, (void *)key, NULL) != 0) return r->err = FM_ENOMEM;
    if (!e) {
        /* Not looked at in this state (a dependency went missing again, a
         * write in flight): whoever finds it ready again brings it back
         * with fm_sched_plan_task_ready (the reconcile that finds its
         * dependencies met, the end of the write's assumption). */
        set_del(&r->pl->parked, key);
        return 0;
    }
    if (grow((void **)&r->cands, &r->cap_cands, r->n_cands, sizeof *r->cands)) return r->err = FM_ENOMEM;
    r->cands[r->n_cands++] = (fm_sched_plan_placement){key, t, NULL};
    return 0;
}

static int cand_cmp(const void *x, const void *y)
{
    const fm_sched_plan_placement *a = x, *b = y;
    return fm_sched_task_cmp(a->task, b->task);
}

/* Marks a candidate the view's admit hook refused (its node field is
 * otherwise unused until placement). */
static const fm_fleet_node capped_mark;

static int cand_by_task(const void *x, const void *y)
{
    const fm_sched_plan_placement *a = x, *b = y;
    return a->task < b->task ? -1 : a->task > b->task;
}

/*
 * Applies the view's order hook to the sorted candidates: hands it their
 * tasks, then rebuilds the candidate list in the order it returns, finding
 * each task's key by binary search over a copy sorted by task pointer.
 * O(n log n); returns 0 or a negative FM_E*.
 */
static int reorder(run *r, const fm_sched_plan_view *v)
{
    size_t n = r->n_cands;
    const fm_agentic_task **tasks = malloc(n * sizeof *tasks);
    fm_sched_plan_placement *by_task = malloc(n * sizeof *by_task);
    int rc = tasks && by_task ? 0 : fm_error_set(FM_ENOMEM, "scheduling pass: out of memory ordering %zu tasks", n);
    if (rc == 0) {
        for (size_t i = 0; i < n; i++) tasks[i] = r->cands[i].task;
        memcpy(by_task, r->cands, n * sizeof *by_task);
        qsort(by_task, n, sizeof *by_task, cand_by_task);
        rc = v->order(v->ud, tasks, n);
    }
    for (size_t i = 0; rc == 0 && i < n; i++) {
        fm_sched_plan_placement want = {NULL, tasks[i], NULL};
        const fm_sched_plan_placement *hit = bsearch(&want, by_task, n, sizeof *by_task, cand_by_task);
        if (!hit) /* the hook returned a task it was not given */
            rc = fm_error_set(FM_EINVAL, "scheduling pass: the order hook returned a task it was not given");
        else r->cands[i] = *hit;
    }
    free(tasks);
    free(by_task);
    return rc;
}

typedef struct node_ctx {
    run *r;
    fm_time now;
    int64_t stale;
} node_ctx;

/* Adds n to the run's node lists; load < 0: ask the view (only when n is
 * healthy, as a node that fails health is not counted). */
static int add_node_load(void *arg, const fm_fleet_node *n, int32_t load)
{
    node_ctx *nc = arg;
    run *r = nc->r;
    if (grow((void **)&r->all, &r->cap_all, r->n_all, sizeof *r->all) ||
        grow((void **)&r->loads, &r->cap_loads, r->n_all, sizeof *r->loads))
        return r->err = FM_ENOMEM;
    if (fm_sched_node_health(n, nc->now, nc->stale) != SCHED_FIT_OK) {
        r->loads[r->n_all] = 0; /* not counted: health fails first */
        r->all[r->n_all++] = n;
        return 0;
    }
    if (load < 0) load = r->v->load(r->v->ud, n->metadata.name);
    r->loads[r->n_all] = load;
    r->all[r->n_all++] = n;
    if (load >= fm_sched_node_capacity(n)) return 0;
    if (grow((void **)&r->open, &r->cap_open, r->n_open, sizeof *r->open) ||
        grow((void **)&r->open_idx, &r->cap_open_idx, r->n_open, sizeof *r->open_idx))
        return r->err = FM_ENOMEM;
    r->open_idx[r->n_open] = r->n_all - 1;
    r->open[r->n_open++] = (fm_sched_candidate){n, load};
    return 0;
}

static int add_node(void *arg, const fm_fleet_node *n)
{
    return add_node_load(arg, n, -1);
}

/*
 * The requirement a fit of t uses: its own joined with its Agent's (the
 * view's agent_requirement) in *scratch, which the caller then clears with
 * fm_codec_clear; else the task's own (NULL when none). Returns 0 or FM_ENOMEM.
 */
static int effective_req(const fm_sched_plan_view *v, const fm_agentic_task *t, fm_required_capability *scratch,
                         const fm_required_capability **out)
{
    memset(scratch, 0, sizeof *scratch);
    bool own = fm_agentic_task_spec_has_required_capability(&t->spec);
    *out = own ? &t->spec.required_capability : NULL;
    const fm_required_capability *add = v->agent_requirement ? v->agent_requirement(v->ud, t) : NULL;
    if (!add) return 0;
    if (own && fm_codec_copy(scratch, &t->spec.required_capability, &fm_required_capability_desc) != 0)
        return FM_ENOMEM;
    if (fm_agentdef_join_capability(scratch, add) != 0) {
        fm_codec_clear(scratch, &fm_required_capability_desc);
        return FM_ENOMEM;
    }
    *out = scratch;
    return 0;
}

/* Fills u's message: how many of all nodes fail t for each reason. */
static int summarise(const run *r, fm_sched_plan_unplaced *u, fm_time now, int64_t stale)
{
    size_t count[SCHED_FIT_FULL + 1];
    memset(count, 0, sizeof count);
    size_t fit = 0;
    fm_required_capability scratch;
    const fm_required_capability *req;
    if (effective_req(r->v, u->task, &scratch, &req) != 0) return FM_ENOMEM;
    for (size_t i = 0; i < r->n_all; i++) {
        fm_sched_fit f = fm_sched_node_fits_req(r->all[i], r->loads[i], u->task, req, now, stale);
        if (f == SCHED_FIT_OK) fit++;
        else if (f <= SCHED_FIT_FULL) count[f]++;
    }
    int len = snprintf(u->message, sizeof u->message, "%zu/%zu fleet nodes fit", fit, r->n_all);
    const char *sep = ": ";
    for (int f = SCHED_FIT_NOT_READY; f <= SCHED_FIT_FULL; f++) {
        if (!count[f] || len < 0 || (size_t)len >= sizeof u->message) continue;
        len += snprintf(u->message + len, sizeof u->message - (size_t)len, "%s%zu %s", sep, count[f],
                        fm_sched_fit_reason((fm_sched_fit)f));
        sep = ", ";
    }
    u->waits_for_slot = count[SCHED_FIT_FULL] > 0;
    fm_codec_clear(&scratch, &fm_required_capability_desc);
    return 0;
}

static int collect_class(run *r, const plan_class *c)
{
    return r->v->each_in_class(r->v->ud, c->key, add_candidate, r);
}

int fm_sched_plan_run(fm_sched_plan *pl, const fm_sched_plan_view *v, fm_sched_placement p, fm_time now,
                   int64_t stale_after_ns, fm_sched_plan_result *out)
{
    memset(out, 0, sizeof *out);
    run r;
    memset(&r, 0, sizeof r);
    r.pl = pl;
    r.v = v;
    int rc = 0;
    out->full = pl->full;
    if (pl->full) {
        rc = v->each_waiting(v->ud, add_candidate, &r);
    } else {
        size_t it = 0;
        const char *key;
        while (rc == 0 && fm_hashmap_next(&pl->dirty_tasks, &it, &key, NULL)) {
            const fm_agentic_task *t = v->task(v->ud, key);
            if (t) rc = add_candidate(&r, key, t);
        }
        it = 0;
        while (rc == 0 && !r.err && fm_hashmap_next(&pl->dirty_nodes, &it, &key, NULL)) {
            const fm_fleet_node *n = v->node(v->ud, key);
            if (!n || fm_sched_node_health(n, now, stale_after_ns) != SCHED_FIT_OK ||
                v->load(v->ud, key) >= fm_sched_node_capacity(n))
                continue;
            size_t ci = 0;
            void *cv;
            while (rc == 0 && !r.err && fm_hashmap_next(&pl->classes, &ci, NULL, &cv))
                if (class_fits(cv, n, now, stale_after_ns)) rc = collect_class(&r, cv);
        }
    }
    if (rc == 0) rc = r.err;
    if (rc) goto done;
    out->n_candidates = r.n_cands;
    if (r.n_cands == 0) goto done;

    node_ctx nc = {&r, now, stale_after_ns};
    rc = v->each_node_load ? v->each_node_load(v->ud, add_node_load, &nc) : v->each_node(v->ud, add_node, &nc);
    if (rc != 0 || (rc = r.err) != 0) goto done;
    out->n_open = r.n_open;
    qsort(r.cands, r.n_cands, sizeof *r.cands, cand_cmp);
    if (v->order && (rc = reorder(&r, v)) != 0) goto done;
    out->placed = calloc(r.n_cands, sizeof *out->placed);
    if (!out->placed) {
        rc = FM_ENOMEM;
        goto done;
    }
    size_t n_unplaced = 0;
    for (size_t i = 0; i < r.n_cands; i++) {
        if (v->admit && !v->admit(v->ud, r.cands[i].task)) {
            r.cands[i].node = &capped_mark; /* says why in the summary below */
            r.cands[n_unplaced++] = r.cands[i];
            continue;
        }
        long k = -1;
        if (r.n_open) {
            fm_required_capability scratch;
            const fm_required_capability *req;
            if ((rc = effective_req(v, r.cands[i].task, &scratch, &req)) != 0) goto done;
            k = fm_sched_pick_node_req(r.open, r.n_open, r.cands[i].task, req, p, now, stale_after_ns, NULL);
            fm_codec_clear(&scratch, &fm_required_capability_desc);
        }
        if (k < 0) {
            r.cands[n_unplaced++] = r.cands[i]; /* compacts the unplaced to the front */
            continue;
        }
        const fm_fleet_node *n = r.open[k].node;
        out->placed[out->n_placed++] = (fm_sched_plan_placement){r.cands[i].key, r.cands[i].task, n};
        if (v->placed) v->placed(v->ud, r.cands[i].task);
        r.loads[r.open_idx[k]]++;
        if (++r.open[k].load >= fm_sched_node_capacity(n)) {
            r.n_open--;
            r.open[k] = r.open[r.n_open];
            r.open_idx[k] = r.open_idx[r.n_open];
        }
    }
    if (n_unplaced) {
        /* Summaries with the loads after this run's placements. */
        out->unplaced = calloc(n_unplaced, sizeof *out->unplaced);
        if (!out->unplaced) {
            rc = FM_ENOMEM;
            goto done;
        }
        /* Tasks of one class fail every node alike: one summary each. */
        fm_hashmap by_class = FM_HASHMAP_INIT;
        char (*ckeys)[SCHED_CLASS_KEY_MAX] = malloc(n_unplaced * sizeof *ckeys);
        if (!ckeys) rc = FM_ENOMEM;
        for (size_t i = 0; i < n_unplaced && rc == 0; i++) {
            fm_sched_plan_unplaced *u = &out->unplaced[out->n_unplaced++];
            u->key = r.cands[i].key;
            u->task = r.cands[i].task;
            if (r.cands[i].node == &capped_mark) {
                const char *ns = u->task->metadata.namespace;
                snprintf(u->message, sizeof u->message,
                         "namespace %.100s is at its cap of running tasks; waiting for one of them to end",
                         ns ? ns : "");
                u->waits_for_slot = true;
                continue;
            }
            fm_sched_class_key(ckeys[i], sizeof ckeys[i], u->task);
            const fm_sched_plan_unplaced *same =
                strcmp(ckeys[i], SCHED_CLASS_ANY) ? fm_hashmap_get(&by_class, ckeys[i]) : NULL;
            if (same) {
                memcpy(u->message, same->message, sizeof u->message);
                u->waits_for_slot = same->waits_for_slot;
                continue;
            }
            if (summarise(&r, u, now, stale_after_ns) != 0) rc = FM_ENOMEM;
            else if (fm_hashmap_put(&by_class, ckeys[i], u, NULL) != 0) rc = FM_ENOMEM;
        }
        fm_hashmap_clear(&by_class);
        free(ckeys);
        if (rc) goto done;
    }

done:
    if (rc == 0) {
        /* The result borrows keys from the dirty set: it keeps the set. */
        fm_hashmap *keys = malloc(sizeof *keys);
        if (keys) {
            *keys = pl->dirty_tasks;
            memset(&pl->dirty_tasks, 0, sizeof pl->dirty_tasks);
            out->keys_ = keys;
        } else {
            rc = FM_ENOMEM;
        }
        set_clear(&pl->dirty_nodes);
        pl->full = false;
        for (size_t i = 0; i < out->n_placed; i++) set_del(&pl->parked, out->placed[i].key);
        for (size_t i = 0; i < out->n_unplaced && rc == 0; i++)
            if (set_add(&pl->parked, out->unplaced[i].key) != 0) rc = FM_ENOMEM;
    }
    if (rc) {
        pl->full = true;
        fm_sched_plan_result_free(out);
        /* An error that was recorded (by a callback: eligible, each_node,
         * order; or above) keeps its message, with this context; the
         * plan's own allocation failures recorded none. */
        if (fm_error_last()->code == rc) fm_error_prefix("scheduling pass");
        else if (rc == FM_ENOMEM) rc = fm_error_set(rc, "scheduling pass: out of memory");
        else rc = fm_error_set(rc, "scheduling pass: a cache callback failed (%s)", fm_error_name(rc));
    }
    free(r.cands);
    free(r.open);
    free(r.open_idx);
    free(r.all);
    free(r.loads);
    fm_hashmap_clear(&r.seen);
    return rc;
}

void fm_sched_plan_result_free(fm_sched_plan_result *r)
{
    if (!r) return;
    free(r->placed);
    free(r->unplaced);
    if (r->keys_) {
        set_clear(r->keys_);
        free(r->keys_);
        r->keys_ = NULL;
    }
    r->placed = NULL;
    r->unplaced = NULL;
    r->n_placed = r->n_unplaced = 0;
}

bool fm_sched_unschedulable_same(const char *a, const char *b)
{
    if (!a || !b) return false;
    for (;;) {
        while (*a >= '0' && *a <= '9') a++;
        while (*b >= '0' && *b <= '9') b++;
        if (*a != *b) return false;
        if (!*a) return true;
        a++;
        b++;
    }
}
