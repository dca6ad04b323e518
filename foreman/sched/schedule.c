/*
 * schedule.c - the pure scheduling rules of foreman-operator (see schedule.h).
 *
 * Everything here works on borrowed generated structs and plain values; no
 * I/O, no clock, no locks. The ledger is the only stateful part and its
 * owner serialises access.
 */
#include "schedule.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "hashmap.h"

/* ------------------------------------------------------------ placement */

int fm_sched_placement_parse(fm_sched_placement *out, const char *s)
{
    if (s && strcmp(s, "spread") == 0) *out = SCHED_SPREAD;
    else if (s && strcmp(s, "binpack") == 0) *out = SCHED_BINPACK;
    else if (s && strcmp(s, "first-fit") == 0) *out = SCHED_FIRST_FIT;
    else
        return fm_error_set(FM_EINVAL, "placement \"%s\": want spread, binpack or first-fit",
                            s ? s : "");
    return 0;
}

const char *fm_sched_placement_name(fm_sched_placement p)
{
    switch (p) {
    case SCHED_BINPACK: return "binpack";
    case SCHED_FIRST_FIT: return "first-fit";
    case SCHED_SPREAD: break;
    }
    return "spread";
}

const char *fm_sched_fit_reason(fm_sched_fit f)
{
    switch (f) {
    case SCHED_FIT_OK: return "Fits";
    case SCHED_FIT_NOT_READY: return "NodeNotReady";
    case SCHED_FIT_DRAINING: return "NodeDraining";
    case SCHED_FIT_STALE: return "HeartbeatStale";
    case SCHED_FIT_NAMESPACE: return "NamespaceNotServed";
    case SCHED_FIT_ACCELERATOR: return "AcceleratorMismatch";
    case SCHED_FIT_RAM: return "InsufficientRAM";
    case SCHED_FIT_CONTEXT: return "InsufficientContext";
    case SCHED_FIT_SELECTOR: return "NodeSelectorMismatch";
    case SCHED_FIT_FULL: return "NodeFull";
    }
    return "Unknown";
}

int64_t fm_sched_time_diff_ns(fm_time a, fm_time b)
{
    /* Seconds fit int64 nanoseconds for +-292 years; saturate beyond. */
    int64_t ds = b.sec - a.sec;
    if (ds > INT64_MAX / 1000000000 - 1) return INT64_MAX;
    if (ds < INT64_MIN / 1000000000 + 1) return INT64_MIN;
    return ds * 1000000000 + (int64_t)(b.nsec - a.nsec);
}

fm_time fm_sched_time_add_ns(fm_time t, int64_t delta_ns)
{
    int64_t s = delta_ns / 1000000000;
    int64_t ns = delta_ns % 1000000000;
    t.sec += s;
    ns += t.nsec;
    if (ns >= 1000000000) {
        t.sec++;
        ns -= 1000000000;
    } else if (ns < 0) {
        t.sec--;
        ns += 1000000000;
    }
    t.nsec = (int32_t)ns;
    return t;
}

/* True when the node has a heartbeat and it is older than stale_after. A
 * missing heartbeat counts as stale too. */
static bool heartbeat_stale(const fm_fleet_node *n, fm_time now, int64_t stale_after_ns)
{
    if (!fm_fleet_node_has_status(n) || !fm_fleet_node_status_has_last_heartbeat_time(&n->status))
        return true;
    return fm_sched_time_diff_ns(n->status.last_heartbeat_time, now) > stale_after_ns;
}

fm_sched_fit fm_sched_node_health(const fm_fleet_node *n, fm_time now, int64_t stale_after_ns)
{
    if (n->status.phase == FM_NODE_PHASE_DRAINING) return SCHED_FIT_DRAINING;
    if (n->status.phase != FM_NODE_PHASE_READY) return SCHED_FIT_NOT_READY;
    if (heartbeat_stale(n, now, stale_after_ns)) return SCHED_FIT_STALE;
    return SCHED_FIT_OK;
}

fm_sched_fit fm_sched_capability_fits(const fm_fleet_node *n, const fm_required_capability *req)
{
    if (!req) return SCHED_FIT_OK;
    const fm_capability *cap = &n->status.capability;
    bool has_cap = fm_fleet_node_status_has_capability(&n->status);

    /* The two enums are matched by their JSON spelling, not by value: a
     * value added to both (vulkan was) fits the nodes that offer it with
     * no code here. A value this build does not know has no spelling and
     * cannot be proven satisfied. */
    if (req->accelerator != FM_REQUIRED_ACCELERATOR_UNSET && req->accelerator != FM_REQUIRED_ACCELERATOR_ANY) {
        const char *want = fm_required_accelerator_name(req->accelerator);
        const char *have = has_cap ? fm_accelerator_name(cap->accelerator) : NULL;
        if (!want || !have || strcmp(want, have) != 0) return SCHED_FIT_ACCELERATOR;
    }
    if (fm_required_capability_has_min_ram_gb(req) && req->min_ram_gb > 0) {
        if (!has_cap || !fm_capability_has_available_ram_gb(cap) ||
            cap->available_ram_gb < req->min_ram_gb)
            return SCHED_FIT_RAM;
    }
    if (fm_required_capability_has_min_context_tokens(req) && req->min_context_tokens > 0) {
        if (!has_cap || !fm_capability_has_max_context_tokens(cap) ||
            cap->max_context_tokens < req->min_context_tokens)
            return SCHED_FIT_CONTEXT;
    }
    if (fm_required_capability_has_node_selector(req)) {
        for (size_t i = 0; i < req->node_selector.len; i++) {
            const fm_strpair *sel = &req->node_selector.items[i];
            const char *have = fm_strmap_get(&n->metadata.labels, sel->key);
            if (!have || strcmp(have, sel->value ? sel->value : "") != 0) return SCHED_FIT_SELECTOR;
        }
    }
    return SCHED_FIT_OK;
}

bool fm_sched_node_serves_namespace(const fm_fleet_node *n, const char *ns)
{
    if (!fm_fleet_node_spec_has_task_namespaces(&n->spec)) return true;
    const fm_string_list *l = &n->spec.task_namespaces;
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i] && strcmp(l->items[i], ns ? ns : "") == 0) return true;
    return false;
}

int32_t fm_sched_node_capacity(const fm_fleet_node *n)
{
    if (!fm_fleet_node_spec_has_max_concurrent_tasks(&n->spec)) return 1;
    return n->spec.max_concurrent_tasks < 0 ? 0 : n->spec.max_concurrent_tasks;
}

/* The task's own requirement, or NULL when it has none. */
static const fm_required_capability *own_req(const fm_agentic_task *t)
{
    return fm_agentic_task_spec_has_required_capability(&t->spec) ? &t->spec.required_capability : NULL;
}

fm_sched_fit fm_sched_node_fits(const fm_fleet_node *n, int32_t load, const fm_agentic_task *t,
                          fm_time now, int64_t stale_after_ns)
{
    return fm_sched_node_fits_req(n, load, t, own_req(t), now, stale_after_ns);
}

fm_sched_fit fm_sched_node_fits_req(const fm_fleet_node *n, int32_t load, const fm_agentic_task *t,
                              const fm_required_capability *req, fm_time now, int64_t stale_after_ns)
{
    fm_sched_fit f = fm_sched_node_health(n, now, stale_after_ns);
    if (f != SCHED_FIT_OK) return f;
    if (!fm_sched_node_serves_namespace(n, t->metadata.namespace)) return SCHED_FIT_NAMESPACE;
    if (req) {
        f = fm_sched_capability_fits(n, req);
        if (f != SCHED_FIT_OK) return f;
    }
    if (load >= fm_sched_node_capacity(n)) return SCHED_FIT_FULL;
    return SCHED_FIT_OK;
}

/* Available RAM for tie-breaks; nodes that do not report it sort as 0. */
static int32_t avail_ram(const fm_fleet_node *n)
{
    if (!fm_fleet_node_status_has_capability(&n->status) ||
        !fm_capability_has_available_ram_gb(&n->status.capability))
        return 0;
    return n->status.capability.available_ram_gb;
}

static int name_cmp(const fm_fleet_node *a, const fm_fleet_node *b)
{
    const char *x = a->metadata.name ? a->metadata.name : "";
    const char *y = b->metadata.name ? b->metadata.name : "";
    return strcmp(x, y);
}

/* True when candidate a is better than b under policy p. */
static bool better(const fm_sched_candidate *a, const fm_sched_candidate *b, fm_sched_placement p)
{
    int32_t ra = avail_ram(a->node), rb = avail_ram(b->node);
    switch (p) {
    case SCHED_SPREAD:
        if (a->load != b->load) return a->load < b->load;
        if (ra != rb) return ra > rb;
        break;
    case SCHED_BINPACK:
        if (a->load != b->load) return a->load > b->load;
        if (ra != rb) return ra < rb;
        break;
    case SCHED_FIRST_FIT:
        break;
    }
    return name_cmp(a->node, b->node) < 0;
}

long fm_sched_pick_node(const fm_sched_candidate *c, size_t n, const fm_agentic_task *t,
                     fm_sched_placement p, fm_time now, int64_t stale_after_ns,
                     fm_sched_fit *why_out)
{
    return fm_sched_pick_node_req(c, n, t, own_req(t), p, now, stale_after_ns, why_out);
}

long fm_sched_pick_node_req(const fm_sched_candidate *c, size_t n, const fm_agentic_task *t,
                         const fm_required_capability *req, fm_sched_placement p, fm_time now,
                         int64_t stale_after_ns, fm_sched_fit *why_out)
{
    long best = -1;
    fm_sched_fit furthest = SCHED_FIT_OK;
    bool any_fail = false;
    for (size_t i = 0; i < n; i++) {
        fm_sched_fit f = fm_sched_node_fits_req(c[i].node, c[i].load, t, req, now, stale_after_ns);
        if (f != SCHED_FIT_OK) {
            if (!any_fail || f > furthest) furthest = f;
            any_fail = true;
            continue;
        }
        if (best < 0 || better(&c[i], &c[best], p)) best = (long)i;
    }
    if (why_out) *why_out = best >= 0 ? SCHED_FIT_OK : (any_fail ? furthest : SCHED_FIT_NOT_READY);
    return best;
}

/* ------------------------------------------------------------ ordering */

static int32_t task_priority(const fm_agentic_task *t)
{
    return fm_agentic_task_spec_has_priority(&t->spec) ? t->spec.priority : 0;
}

static int strcmp0(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

int fm_sched_task_cmp(const fm_agentic_task *a, const fm_agentic_task *b)
{
    int32_t pa = task_priority(a), pb = task_priority(b);
    if (pa != pb) return pa > pb ? -1 : 1;
    fm_time ca = a->metadata.creation_timestamp, cb = b->metadata.creation_timestamp;
    if (ca.sec != cb.sec) return ca.sec < cb.sec ? -1 : 1;
    if (ca.nsec != cb.nsec) return ca.nsec < cb.nsec ? -1 : 1;
    int c = strcmp0(a->metadata.namespace, b->metadata.namespace);
    if (c) return c;
    return strcmp0(a->metadata.name, b->metadata.name);
}

static int task_ptr_cmp(const void *x, const void *y)
{
    const fm_agentic_task *const *a = x, *const *b = y;
    return fm_sched_task_cmp(*a, *b);
}

void fm_sched_sort_tasks(const fm_agentic_task **tasks, size_t n)
{
    if (n > 1) qsort(tasks, n, sizeof *tasks, task_ptr_cmp);
}

bool fm_sched_phase_terminal(fm_task_phase p)
{
    return p == FM_TASK_PHASE_SUCCEEDED || p == FM_TASK_PHASE_FAILED;
}

const char *fm_sched_task_holding_node(const fm_agentic_task *t)
{
    if (fm_sched_phase_terminal(t->status.phase)) return NULL;
    const char *n = t->status.assigned_node;
    return n && *n ? n : NULL;
}

/* ------------------------------------------------------------ ledger */

/*
 * Memory per task (the ledger holds every task of the cache): one
 * allocation with the key inline; node names are shared with the node
 * entries (a node entry lives while it has load or a task names it); the
 * cache's resourceVersion is kept inline when it is short, as the API
 * server's decimal ones are.
 */
#define LEDGER_RV_INLINE 24

typedef struct fm_sched_ledger_node {
    int32_t load;
    int32_t refs;     /* ledger_task fields that name it, and holds */
    char name[];
} ledger_node;

typedef struct ledger_task {
    ledger_node *obs_node; /* node per the cache, NULL = none */
    ledger_node *as_node;  /* node per our own placement */
    char *as_to;           /* resourceVersion the placement produced; NULL
                              while the write is in flight */
    char *obs_rv_long;     /* the cache's resourceVersion when too long for obs_rv */
    char obs_rv[LEDGER_RV_INLINE]; /* "" = none (or in obs_rv_long) */
    bool assumed;
    char key[];
} ledger_task;

struct fm_sched_ledger {
    fm_hashmap tasks; /* key -> ledger_task */
    fm_hashmap nodes; /* name -> ledger_node */
    size_t n_assumed;
    /* Tasks that hold a node (observed or assumed) per namespace, kept as
     * they change: a pass with candidates needs them, and counting them
     * from `tasks` cost O(cached tasks) per pass. NULL after running out
     * of memory once: then they are counted the slow way. */
    fm_sched_ns_counts *held;
};

int fm_sched_ledger_new(fm_sched_ledger **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out) return fm_error_set(FM_ENOMEM, "scheduler ledger: out of memory");
    if (fm_sched_ns_counts_new(&(*out)->held) != 0) {
        free(*out);
        *out = NULL;
        return fm_error_set(FM_ENOMEM, "scheduler ledger: out of memory");
    }
    return 0;
}

/* The namespace of a ledger key ("ns/name"; "" without a slash). */
static const char *key_ns(const char *key, char *buf, size_t cap)
{
    const char *slash = strchr(key, '/');
    size_t nl = slash ? (size_t)(slash - key) : 0;
    if (nl >= cap) nl = cap - 1;
    memcpy(buf, key, nl);
    buf[nl] = 0;
    return buf;
}

/* Counts the task of key in or out of its namespace's held tasks when its
 * effective node goes from none to some or back. */
static void held_change(fm_sched_ledger *l, const char *key, const void *from, const void *to)
{
    if (!l->held || (from == NULL) == (to == NULL)) return;
    char ns[256];
    if (fm_sched_ns_counts_add(l->held, key_ns(key, ns, sizeof ns), to ? 1 : -1) != 0) {
        fm_sched_ns_counts_free(l->held);
        l->held = NULL;
    }
}

static const char *obs_rv(const ledger_task *lt)
{
    return lt->obs_rv_long ? lt->obs_rv_long : lt->obs_rv[0] ? lt->obs_rv : NULL;
}

static const char *node_name(const ledger_node *ln)
{
    return ln ? ln->name : NULL;
}

/* Frees node entry ln once nothing counts on or names it. */
static void node_maybe_drop(fm_sched_ledger *l, ledger_node *ln)
{
    if (ln && ln->load <= 0 && ln->refs <= 0) {
        fm_hashmap_remove(&l->nodes, ln->name);
        free(ln);
    }
}

/* The entry of node (made with no load when missing); NULL for no node or
 * out of memory (*rc says which). */
static ledger_node *node_get(fm_sched_ledger *l, const char *node, int *rc)
{
    *rc = 0;
    if (!node) return NULL;
    ledger_node *ln = fm_hashmap_get(&l->nodes, node);
    if (ln) return ln;
    size_t len = strlen(node);
    ln = malloc(sizeof *ln + len + 1);
    if (!ln) {
        *rc = fm_error_set(FM_ENOMEM, "scheduler ledger: out of memory");
        return NULL;
    }
    ln->load = 0;
    ln->refs = 0;
    memcpy(ln->name, node, len + 1);
    if (fm_hashmap_put(&l->nodes, ln->name, ln, NULL) != 0) {
        free(ln);
        *rc = fm_error_set(FM_ENOMEM, "scheduler ledger: out of memory");
        return NULL;
    }
    return ln;
}

static void node_unref(fm_sched_ledger *l, ledger_node *ln)
{
    if (!ln) return;
    ln->refs--;
    node_maybe_drop(l, ln);
}

static void ledger_task_free(fm_sched_ledger *l, ledger_task *lt)
{
    if (!lt) return;
    node_unref(l, lt->obs_node);
    node_unref(l, lt->as_node);
    free(lt->obs_rv_long);
    free(lt->as_to);
    free(lt);
}

void fm_sched_ledger_free(fm_sched_ledger *l)
{
    if (!l) return;
    size_t it = 0;
    void *v;
    while (fm_hashmap_next(&l->tasks, &it, NULL, &v)) {
        ledger_task *lt = v;
        free(lt->obs_rv_long);
        free(lt->as_to);
        free(lt);
    }
    it = 0;
    while (fm_hashmap_next(&l->nodes, &it, NULL, &v)) {
        free(v);
    }
    fm_hashmap_clear(&l->tasks);
    fm_hashmap_clear(&l->nodes);
    fm_sched_ns_counts_free(l->held);
    free(l);
}

static ledger_node *effective_node(const ledger_task *lt)
{
    return lt->assumed ? lt->as_node : lt->obs_node;
}

/* Moves one unit of load from `from` to `to` (either NULL). Both are held
 * (named by a task) by the caller, so neither is freed here. */
static void node_move(fm_sched_ledger *l, ledger_node *from, ledger_node *to)
{
    if (from == to) return;
    if (to) to->load++;
    if (from) {
        from->load--;
        node_maybe_drop(l, from);
    }
}

static ledger_task *task_entry(fm_sched_ledger *l, const char *key)
{
    ledger_task *lt = fm_hashmap_get(&l->tasks, key);
    if (lt) return lt;
    size_t kl = strlen(key);
    lt = calloc(1, sizeof *lt + kl + 1);
    if (!lt) return NULL;
    memcpy(lt->key, key, kl + 1);
    if (fm_hashmap_put(&l->tasks, lt->key, lt, NULL) != 0) {
        free(lt);
        return NULL;
    }
    return lt;
}

/* Sets the cache's resourceVersion of lt. Returns 0 or FM_ENOMEM. */
static int set_obs_rv(ledger_task *lt, const char *rv)
{
    size_t n = rv ? strlen(rv) : 0;
    char *heap = NULL;
    if (n >= LEDGER_RV_INLINE && !(heap = fm_strdup(rv))) return FM_ENOMEM;
    free(lt->obs_rv_long);
    lt->obs_rv_long = heap;
    if (heap || !rv) lt->obs_rv[0] = 0;
    else memcpy(lt->obs_rv, rv, n + 1);
    return 0;
}

static bool is_decimal(const char *s)
{
    if (!s || !*s) return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return false;
    return true;
}

int fm_sched_rv_cmp(const char *a, const char *b)
{
    if (is_decimal(a) && is_decimal(b)) {
        while (*a == '0' && a[1]) a++;
        while (*b == '0' && b[1]) b++;
        size_t la = strlen(a), lb = strlen(b);
        if (la != lb) return la < lb ? -1 : 1;
        int c = strcmp(a, b);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    return strcmp0(a, b) == 0 ? 0 : 2;
}

/* True when the cache version (rv, node) shows the placement in lt. */
static bool caught_up(const ledger_task *lt, const char *rv, const char *node)
{
    if (!lt->as_to || !rv) return false; /* write in flight */
    int c = fm_sched_rv_cmp(rv, lt->as_to);
    if (c == 0 || c == 1) return true;
    /* Opaque versions cannot be ordered: a cache that itself counts the
     * task on a node no longer needs our help. */
    return c == 2 && node != NULL;
}

/* Ends lt's assumption (the cache's view counts from now on). */
static int end_assumption(fm_sched_ledger *l, ledger_task *lt)
{
    held_change(l, lt->key, lt->as_node, lt->obs_node);
    node_move(l, lt->as_node, lt->obs_node);
    lt->assumed = false;
    ledger_node *as = lt->as_node;
    lt->as_node = NULL;
    node_unref(l, as);
    free(lt->as_to);
    lt->as_to = NULL;
    l->n_assumed--;
    return 0;
}

int fm_sched_ledger_observe(fm_sched_ledger *l, const char *key, const char *node, const char *rv)
{
    ledger_task *lt = task_entry(l, key);
    if (!lt) return fm_error_set(FM_ENOMEM, "scheduler ledger: out of memory");
    int rc = 0;
    ledger_node *new_obs = node_get(l, node, &rc);
    if (rc) return rc;
    if (new_obs) new_obs->refs++;
    if (set_obs_rv(lt, rv) != 0) {
        node_unref(l, new_obs);
        return fm_error_set(FM_ENOMEM, "scheduler ledger: out of memory");
    }
    if (!lt->assumed) {
        held_change(l, lt->key, lt->obs_node, new_obs);
        node_move(l, lt->obs_node, new_obs);
    }
    ledger_node *old = lt->obs_node;
    lt->obs_node = new_obs;
    node_unref(l, old);
    if (lt->assumed && caught_up(lt, rv, node)) return end_assumption(l, lt);
    return 0;
}

void fm_sched_ledger_forget(fm_sched_ledger *l, const char *key)
{
    ledger_task *lt = fm_hashmap_get(&l->tasks, key);
    if (!lt) return;
    ledger_node *eff = effective_node(lt);
    if (eff) {
        held_change(l, lt->key, eff, NULL);
        eff->load--; /* still named by lt: freed with it below if unused */
    }
    if (lt->assumed) l->n_assumed--;
    fm_hashmap_remove(&l->tasks, lt->key);
    ledger_task_free(l, lt);
}

int fm_sched_ledger_assume(fm_sched_ledger *l, const char *key, const char *node, const char *to_rv)
{
    ledger_task *lt = task_entry(l, key);
    if (!lt) return fm_error_set(FM_ENOMEM, "scheduler ledger: out of memory");
    int rc = 0;
    ledger_node *n = node_get(l, node, &rc);
    if (rc) return rc;
    char *t = fm_strdup(to_rv);
    if (to_rv && !t) {
        node_maybe_drop(l, n);
        return fm_error_set(FM_ENOMEM, "scheduler ledger: out of memory");
    }
    if (n) n->refs++;
    held_change(l, lt->key, effective_node(lt), n);
    node_move(l, effective_node(lt), n);
    if (!lt->assumed) l->n_assumed++;
    ledger_node *old = lt->as_node;
    free(lt->as_to);
    lt->assumed = true;
    lt->as_node = n;
    lt->as_to = t;
    node_unref(l, old);
    /* The watch may have delivered the placement before the write returned. */
    if (caught_up(lt, obs_rv(lt), node_name(lt->obs_node))) return end_assumption(l, lt);
    return 0;
}

void fm_sched_ledger_unassume(fm_sched_ledger *l, const char *key)
{
    ledger_task *lt = fm_hashmap_get(&l->tasks, key);
    if (!lt || !lt->assumed) return;
    (void)end_assumption(l, lt);
}

bool fm_sched_ledger_is_assumed(const fm_sched_ledger *l, const char *key)
{
    const ledger_task *lt = fm_hashmap_get(&l->tasks, key);
    return lt && lt->assumed;
}

fm_sched_ledger_node *fm_sched_ledger_node_hold(fm_sched_ledger *l, const char *node)
{
    int rc = 0;
    ledger_node *ln = node_get(l, node, &rc);
    if (ln) ln->refs++;
    return ln;
}

void fm_sched_ledger_node_release(fm_sched_ledger *l, fm_sched_ledger_node *h)
{
    node_unref(l, h);
}

int32_t fm_sched_ledger_node_load(const fm_sched_ledger_node *h)
{
    return h ? h->load : 0;
}

int32_t fm_sched_ledger_load(const fm_sched_ledger *l, const char *node)
{
    if (!node) return 0;
    const ledger_node *ln = fm_hashmap_get(&l->nodes, node);
    return ln ? ln->load : 0;
}

size_t fm_sched_ledger_assumed(const fm_sched_ledger *l)
{
    return l->n_assumed;
}

/* ------------------------------------------------------------ dependencies */

typedef struct name_stack {
    const char **items;
    size_t len, cap;
} name_stack;

static int stack_push(name_stack *s, const char *name)
{
    if (s->len == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        const char **p = realloc(s->items, cap * sizeof *p);
        if (!p) return FM_ENOMEM;
        s->items = p;
        s->cap = cap;
    }
    s->items[s->len++] = name;
    return 0;
}

/*
 * Depth-first walk from `start` over dependsOn edges the lookup knows;
 * true in *found when it reaches `target`. `seen` is shared between calls
 * so every task is expanded once per check (a task already expanded
 * without reaching target cannot reach it later). Bounded by the number
 * of tasks in the cache.
 */
static int walk_reaches(bool *found, const char *ns, const char *start, const char *target,
                        fm_hashmap *seen, name_stack *st, sched_lookup_fn lookup, void *ud)
{
    *found = false;
    st->len = 0;
    if (fm_hashmap_get(seen, start)) return 0;
    if (fm_hashmap_put(seen, start, (void *)start, NULL) || stack_push(st, start)) return FM_ENOMEM;
    while (st->len) {
        const char *name = st->items[--st->len];
        if (strcmp(name, target) == 0) {
            *found = true;
            return 0;
        }
        const fm_agentic_task *d = lookup(ud, ns, name);
        if (!d || !fm_agentic_task_spec_has_depends_on(&d->spec)) continue;
        for (size_t i = 0; i < d->spec.depends_on.len; i++) {
            const char *next = d->spec.depends_on.items[i];
            if (!next || fm_hashmap_get(seen, next)) continue;
            if (fm_hashmap_put(seen, next, (void *)next, NULL) || stack_push(st, next))
                return FM_ENOMEM;
        }
    }
    return 0;
}

int fm_sched_deps_check(fm_sched_deps *out, const char **dep_out, const fm_agentic_task *t,
                     sched_lookup_fn lookup, void *ud)
{
    *out = SCHED_DEPS_READY;
    if (dep_out) *dep_out = NULL;
    if (!fm_agentic_task_spec_has_depends_on(&t->spec) || t->spec.depends_on.len == 0) return 0;
    const char *self = t->metadata.name ? t->metadata.name : "";
    const char *ns = t->metadata.namespace;
    const fm_string_list *deps = &t->spec.depends_on;

    /* Cycles first: a cycle never resolves, whatever the other states. */
    fm_hashmap seen = FM_HASHMAP_INIT;
    name_stack st = {0};
    int rc = 0;
    for (size_t i = 0; i < deps->len && *out == SCHED_DEPS_READY; i++) {
        const char *d = deps->items[i];
        if (!d) continue;
        bool found;
        if ((rc = walk_reaches(&found, ns, d, self, &seen, &st, lookup, ud)) != 0) break;
        if (found) {
            *out = SCHED_DEPS_CYCLE;
            if (dep_out) *dep_out = d;
        }
    }
    fm_hashmap_clear(&seen);
    free(st.items);
    if (rc) return fm_error_set(FM_ENOMEM, "dependencies of %s: out of memory", self);
    if (*out == SCHED_DEPS_CYCLE) return 0;

    const char *waiting = NULL;
    for (size_t i = 0; i < deps->len; i++) {
        const char *d = deps->items[i];
        if (!d) continue;
        const fm_agentic_task *dt = lookup(ud, ns, d);
        if (dt && dt->status.phase == FM_TASK_PHASE_FAILED) {
            *out = SCHED_DEPS_FAILED;
            if (dep_out) *dep_out = d;
            return 0;
        }
        if ((!dt || dt->status.phase != FM_TASK_PHASE_SUCCEEDED) && !waiting) waiting = d;
    }
    if (waiting) {
        *out = SCHED_DEPS_WAITING;
        if (dep_out) *dep_out = waiting;
    }
    return 0;
}

/* ------------------------------------------------------------ claims, timeouts */

int fm_sched_claim_expiries(const fm_agentic_task *t)
{
    const char *v = fm_strmap_get(&t->metadata.annotations, FM_ANNOTATION_CLAIM_EXPIRIES);
    if (!v || !*v) return 0;
    errno = 0;
    char *end;
    long n = strtol(v, &end, 10);
    if (errno || *end || n < 0) return 0;
    return n > 1000000 ? 1000000 : (int)n;
}

fm_sched_claim fm_sched_claim_check(const fm_agentic_task *t, const fm_fleet_node *n, fm_time now,
                              int64_t stale_after_ns)
{
    fm_task_phase ph = t->status.phase;
    if (ph != FM_TASK_PHASE_SCHEDULED && ph != FM_TASK_PHASE_RUNNING &&
        ph != FM_TASK_PHASE_VERIFYING)
        return SCHED_CLAIM_KEEP;
    bool expired;
    if (!n) {
        expired = true;
    } else if (n->status.phase == FM_NODE_PHASE_DRAINING) {
        /* A draining agent finishes what it runs but takes nothing new. */
        expired = ph == FM_TASK_PHASE_SCHEDULED || heartbeat_stale(n, now, stale_after_ns);
    } else {
        expired = fm_sched_node_health(n, now, stale_after_ns) != SCHED_FIT_OK;
    }
    /* An unclaimed task on a node whose agent does not watch its namespace
     * would wait there forever: the heartbeat keeps the claim alive. */
    if (!expired && ph == FM_TASK_PHASE_SCHEDULED &&
        !fm_sched_node_serves_namespace(n, t->metadata.namespace))
        expired = true;
    if (!expired) return SCHED_CLAIM_KEEP;
    return fm_sched_claim_expiries(t) + 1 >= SCHED_MAX_CLAIM_EXPIRIES ? SCHED_CLAIM_FAIL
                                                                   : SCHED_CLAIM_RELEASE;
}

bool fm_sched_timeout_deadline(fm_time *out, const fm_agentic_task *t)
{
    if (t->status.phase != FM_TASK_PHASE_RUNNING && t->status.phase != FM_TASK_PHASE_VERIFYING)
        return false;
    fm_time start;
    if (fm_agentic_task_status_has_started_at(&t->status)) start = t->status.started_at;
    else if (fm_agentic_task_status_has_claimed_at(&t->status)) start = t->status.claimed_at;
    else return false;
    int64_t secs = fm_agentic_task_spec_has_timeout_seconds(&t->spec) && t->spec.timeout_seconds > 0
                       ? t->spec.timeout_seconds
                       : SCHED_DEFAULT_TIMEOUT_SECONDS;
    *out = fm_sched_time_add_ns(start, (secs + SCHED_TIMEOUT_GRACE_SECONDS) * INT64_C(1000000000));
    return true;
}

bool fm_sched_node_stale_at(fm_time *out, const fm_fleet_node *n, int64_t stale_after_ns)
{
    if (!fm_fleet_node_has_status(n) || !fm_fleet_node_status_has_last_heartbeat_time(&n->status))
        return false;
    *out = fm_sched_time_add_ns(n->status.last_heartbeat_time, stale_after_ns);
    return true;
}

/* ------------------------------------------------------------ workloads */

static bool dns_label(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n > 63) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && !(c == '-' && i > 0 && i + 1 < n)) return false;
    }
    return true;
}

static long step_index(const fm_workload *w, const char *name)
{
    const fm_pipeline_step_list *pl = &w->spec.pipeline;
    for (size_t i = 0; i < pl->len; i++)
        if (name && pl->items[i].name && strcmp(pl->items[i].name, name) == 0) return (long)i;
    return -1;
}

int fm_sched_pipeline_validate(const fm_workload *w)
{
    const char *wn = w->metadata.name ? w->metadata.name : "";
    const fm_pipeline_step_list *pl = &w->spec.pipeline;
    for (size_t i = 0; i < pl->len; i++) {
        const fm_pipeline_step *s = &pl->items[i];
        if (!dns_label(s->name))
            return fm_error_set(FM_EINVAL, "workloads/%s: pipeline step %zu: name \"%s\" is not a DNS label",
                                wn, i, s->name ? s->name : "");
        if (strlen(wn) + 1 + strlen(s->name) > 253)
            return fm_error_set(FM_EINVAL, "workloads/%s: step %s: task name longer than 253 characters",
                                wn, s->name);
        if (step_index(w, s->name) != (long)i)
            return fm_error_set(FM_EINVAL, "workloads/%s: step name \"%s\" is used twice", wn, s->name);
        for (size_t j = 0; fm_pipeline_step_has_depends_on(s) && j < s->depends_on.len; j++)
            if (step_index(w, s->depends_on.items[j]) < 0)
                return fm_error_set(FM_EINVAL, "workloads/%s: step %s depends on unknown step \"%s\"",
                                    wn, s->name,
                                    s->depends_on.items[j] ? s->depends_on.items[j] : "");
    }
    return 0;
}

size_t fm_sched_pipeline_select(bool *keep, const fm_workload *w)
{
    const fm_pipeline_step_list *pl = &w->spec.pipeline;
    size_t limit = pl->len;
    if (fm_workload_spec_has_max_tasks(&w->spec) && w->spec.max_tasks > 0 &&
        (size_t)w->spec.max_tasks < limit)
        limit = (size_t)w->spec.max_tasks;
    for (size_t i = 0; i < pl->len; i++) keep[i] = i < limit;
    /* Drop steps whose dependencies were dropped, until nothing changes
     * (at most len rounds, each O(steps x deps)). */
    bool changed = true;
    while (changed) {
        changed = false;
        for (size_t i = 0; i < pl->len; i++) {
            const fm_pipeline_step *s = &pl->items[i];
            if (!keep[i] || !fm_pipeline_step_has_depends_on(s)) continue;
            for (size_t j = 0; j < s->depends_on.len; j++) {
                long k = step_index(w, s->depends_on.items[j]);
                if (k < 0 || !keep[k]) {
                    keep[i] = false;
                    changed = true;
                    break;
                }
            }
        }
    }
    size_t n = 0;
    for (size_t i = 0; i < pl->len; i++) n += keep[i];
    return n;
}

char *fm_sched_pipeline_task_name(const char *workload, const char *step)
{
    size_t a = strlen(workload ? workload : ""), b = strlen(step ? step : "");
    char *s = malloc(a + b + 2);
    if (!s) return NULL;
    memcpy(s, workload ? workload : "", a);
    s[a] = '-';
    memcpy(s + a + 1, step ? step : "", b);
    s[a + 1 + b] = 0;
    return s;
}

int fm_sched_pipeline_task(fm_agentic_task **out, const fm_workload *w, size_t i)
{
    *out = NULL;
    if (i >= w->spec.pipeline.len)
        return fm_error_set(FM_EINVAL, "workloads/%s: no pipeline step %zu",
                            w->metadata.name ? w->metadata.name : "", i);
    const fm_pipeline_step *s = &w->spec.pipeline.items[i];
    fm_agentic_task *t = calloc(1, sizeof *t);
    if (!t) goto nomem;
    if (fm_strset(&t->api_version, "foreman.llmkube.dev/v1alpha1") ||
        fm_strset(&t->kind, "AgenticTask"))
        goto nomem;

    fm_agentic_task_set_metadata_present(t, true);
    fm_k8s_object_meta *m = &t->metadata;
    if (!(m->name = fm_sched_pipeline_task_name(w->metadata.name, s->name))) goto nomem;
    if (fm_strset(&m->namespace, w->metadata.namespace)) goto nomem;
    if (fm_strmap_set(&m->labels, FM_LABEL_WORKLOAD, w->metadata.name)) goto nomem;
    fm_k8s_object_meta_set_labels_present(m, true);
    fm_k8s_owner_reference *ref = calloc(1, sizeof *ref);
    if (!ref) goto nomem;
    m->owner_references.items = ref;
    m->owner_references.len = 1;
    fm_k8s_object_meta_set_owner_references_present(m, true);
    if (fm_strset(&ref->api_version, "foreman.llmkube.dev/v1alpha1") ||
        fm_strset(&ref->kind, "Workload") || fm_strset(&ref->name, w->metadata.name) ||
        fm_strset(&ref->uid, w->metadata.uid ? w->metadata.uid : ""))
        goto nomem;
    fm_k8s_owner_reference_set_controller(ref, true);
    fm_k8s_owner_reference_set_block_owner_deletion(ref, true);

    fm_agentic_task_set_spec_present(t, true);
    fm_agentic_task_spec *sp = &t->spec;
    sp->kind = s->kind ? s->kind : FM_TASK_KIND_FREEFORM;
    if (fm_pipeline_step_has_payload(s) && fm_codec_copy(&sp->payload, &s->payload, &fm_task_payload_desc))
        goto nomem;
    fm_agentic_task_spec_set_payload_present(sp, true);
    if (!sp->payload.repo && w->spec.repo && fm_strset(&sp->payload.repo, w->spec.repo)) goto nomem;
    if (!sp->payload.prompt && w->spec.intent && fm_strset(&sp->payload.prompt, w->spec.intent))
        goto nomem;
    if (fm_pipeline_step_has_required_capability(s)) {
        if (fm_codec_copy(&sp->required_capability, &s->required_capability,
                       &fm_required_capability_desc))
            goto nomem;
        fm_agentic_task_spec_set_required_capability_present(sp, true);
    }
    if (fm_pipeline_step_has_depends_on(s)) {
        fm_agentic_task_spec_set_depends_on_present(sp, true);
        for (size_t j = 0; j < s->depends_on.len; j++) {
            char *dn = fm_sched_pipeline_task_name(w->metadata.name, s->depends_on.items[j]);
            if (!dn) goto nomem;
            int rc = fm_strlist_push((fm_list *)&sp->depends_on, dn);
            free(dn);
            if (rc) goto nomem;
        }
    }
    if (fm_pipeline_step_has_timeout_seconds(s))
        fm_agentic_task_spec_set_timeout_seconds(sp, s->timeout_seconds);
    if (fm_pipeline_step_has_priority(s)) fm_agentic_task_spec_set_priority(sp, s->priority);
    *out = t;
    return 0;
nomem:
    fm_agentic_task_free(t);
    return fm_error_set(FM_ENOMEM, "workloads/%s: step %zu: out of memory",
                        w->metadata.name ? w->metadata.name : "", i);
}

/* ------------------------------------------------------------ fairness */

struct fm_sched_ns_counts {
    fm_hashmap m; /* namespace -> ns_count (the key lives in it) */
};

typedef struct ns_count {
    long n;
    char ns[];
} ns_count;

int fm_sched_ns_counts_new(fm_sched_ns_counts **out)
{
    *out = calloc(1, sizeof **out);
    return *out ? 0 : fm_error_set(FM_ENOMEM, "scheduler: out of memory");
}

void fm_sched_ns_counts_free(fm_sched_ns_counts *c)
{
    if (!c) return;
    size_t it = 0;
    const char *k;
    void *v;
    while (fm_hashmap_next(&c->m, &it, &k, &v)) free(v);
    fm_hashmap_clear(&c->m);
    free(c);
}

int fm_sched_ns_counts_add(fm_sched_ns_counts *c, const char *ns, long delta)
{
    ns = ns ? ns : "";
    ns_count *e = fm_hashmap_get(&c->m, ns);
    if (e) {
        e->n += delta;
        return 0;
    }
    size_t l = strlen(ns);
    e = malloc(sizeof *e + l + 1);
    if (!e) return fm_error_set(FM_ENOMEM, "scheduler: out of memory");
    e->n = delta;
    memcpy(e->ns, ns, l + 1);
    if (fm_hashmap_put(&c->m, e->ns, e, NULL) < 0) {
        free(e);
        return fm_error_set(FM_ENOMEM, "scheduler: out of memory");
    }
    return 0;
}

int fm_sched_ns_counts_set(fm_sched_ns_counts *c, const char *ns, long v)
{
    return fm_sched_ns_counts_add(c, ns, v - fm_sched_ns_counts_get(c, ns));
}

long fm_sched_ns_counts_get(const fm_sched_ns_counts *c, const char *ns)
{
    const ns_count *e = c ? fm_hashmap_get(&c->m, ns ? ns : "") : NULL;
    return e ? e->n : 0;
}

int fm_sched_ledger_count_namespaces(const fm_sched_ledger *l, fm_sched_ns_counts *out)
{
    size_t it = 0;
    const char *k;
    void *v;
    if (l->held) {
        while (fm_hashmap_next(&l->held->m, &it, &k, &v)) {
            const ns_count *e = v;
            if (e->n != 0 && fm_sched_ns_counts_add(out, e->ns, e->n) != 0) return FM_ENOMEM;
        }
        return 0;
    }
    char ns[256];
    while (fm_hashmap_next(&l->tasks, &it, &k, &v)) {
        const ledger_task *lt = v;
        if (!effective_node(lt)) continue;
        if (fm_sched_ns_counts_add(out, key_ns(lt->key, ns, sizeof ns), 1) != 0) return FM_ENOMEM;
    }
    return 0;
}

/* One namespace's tasks within a priority run: a chain through `next`. */
typedef struct fair_group {
    const char *ns;
    size_t head, tail, cur; /* indexes into the run; SIZE_MAX = none */
    long held, last, weight;
} fair_group;

static int fair_group_cmp(const void *x, const void *y)
{
    const fair_group *a = x, *b = y;
    if (a->held != b->held) return a->held < b->held ? -1 : 1;
    if (a->last != b->last) return a->last < b->last ? -1 : 1;
    return strcmp(a->ns, b->ns);
}

static long weight_of(const fm_strmap *w, const char *ns)
{
    const char *v = w ? fm_strmap_get(w, ns) : NULL;
    long n = v ? strtol(v, NULL, 10) : 1;
    return n >= 1 ? (n > 1000 ? 1000 : n) : 1;
}

int fm_sched_fair_order(const fm_agentic_task **tasks, size_t n, const fm_sched_ns_counts *held,
                     const fm_sched_ns_counts *last_turn, const fm_strmap *weights)
{
    if (n < 2) return 0;
    const fm_agentic_task **out = malloc(n * sizeof *out);
    size_t *next = malloc(n * sizeof *next);
    fair_group *g = malloc(n * sizeof *g);
    if (!out || !next || !g) {
        free(out);
        free(next);
        free(g);
        return fm_error_set(FM_ENOMEM, "scheduler: out of memory");
    }
    size_t i = 0;
    while (i < n) {
        int32_t prio = task_priority(tasks[i]);
        size_t j = i;
        while (j < n && task_priority(tasks[j]) == prio) j++;
        /* Group the run [i, j) by namespace, keeping each one's order. A
         * run usually spans a few namespaces, so the lookup is linear. */
        size_t ng = 0;
        for (size_t k = i; k < j; k++) {
            const char *ns = tasks[k]->metadata.namespace ? tasks[k]->metadata.namespace : "";
            size_t x = 0;
            while (x < ng && strcmp(g[x].ns, ns) != 0) x++;
            if (x == ng) {
                g[ng++] = (fair_group){ns, k, k, k, fm_sched_ns_counts_get(held, ns),
                                       fm_sched_ns_counts_get(last_turn, ns), weight_of(weights, ns)};
            } else {
                next[g[x].tail] = k;
                g[x].tail = k;
            }
            next[k] = SIZE_MAX;
        }
        qsort(g, ng, sizeof *g, fair_group_cmp);
        for (size_t x = 0; x < ng; x++) g[x].cur = g[x].head;
        /* Turns: each namespace gives up to its weight, until all are out. */
        size_t o = i;
        while (o < j) {
            for (size_t x = 0; x < ng; x++)
                for (long w = 0; w < g[x].weight && g[x].cur != SIZE_MAX; w++) {
                    out[o++] = tasks[g[x].cur];
                    g[x].cur = next[g[x].cur];
                }
        }
        i = j;
    }
    memcpy(tasks, out, n * sizeof *out);
    free(out);
    free(next);
    free(g);
    return 0;
}
