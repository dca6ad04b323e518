/*
 * informer.c - list + watch into a store, with handlers (see informer.h).
 *
 * Everything that changes the store happens on the informer thread, so the
 * thread may hand borrowed pointers to handlers without holding a lock: no
 * other writer can free them meanwhile.
 */
#include "informer.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "k8s_core.h"
#include "kube_json.h"

#define MAX_HANDLERS 8

struct fm_informer {
    fm_kube_client *client;
    const fm_kind_desc *kind;
    char *ns, *label_selector, *field_selector;
    long page_size, watch_timeout_s;
    fm_clock *clock;
    int64_t backoff_initial_ns, backoff_max_ns, backoff_reset_ns;
    void (*on_error)(void *ud, int code, const char *message);
    void *on_error_ud;
    void (*on_recovered)(void *ud);
    void (*on_decode_error)(void *ud, const fm_k8s_object_meta *meta, const char *message);
    atomic_bool failing;    /* a list or watch failed and nothing worked since */
    bool keep_managed_fields;

    fm_store *store;
    fm_informer_handlers handlers[MAX_HANDLERS];
    size_t n_handlers;

    /* offsets found in the descriptors */
    uint32_t obj_meta_off;   /* fm_k8s_object_meta in the object */
    uint32_t list_meta_off;  /* fm_k8s_list_meta in the list */
    uint32_t list_items_off; /* fm_list in the list */
    int32_t list_items_bit;
    uint32_t elem_size;

    pthread_t thread;
    bool started;
    atomic_int stop;
    atomic_int paused;
    atomic_int watch_cancel; /* stop || paused: ends an open watch */
    pthread_mutex_t mu; /* guards synced, rv, stats, cond */
    pthread_cond_t cond;
    bool synced;
    char *rv;
    fm_informer_stats stats;
};

/* ------------------------------------------------------------ setup */

static long field_offset(const fm_struct_desc *d, const char *name, fm_type type,
                         const fm_struct_desc *sub, int32_t *bit)
{
    for (size_t i = 0; i < d->n_fields; i++) {
        const fm_field_desc *f = &d->fields[i];
        if (strcmp(f->json_name, name) != 0 || f->type != type) continue;
        if (sub && f->sub != sub) continue;
        if (bit) *bit = f->presence_bit;
        return (long)f->offset;
    }
    return -1;
}

int fm_informer_new(fm_informer **out, fm_kube_client *c, const fm_informer_options *o)
{
    *out = NULL;
    if (!o || !o->kind || !o->kind->object || !o->kind->list)
        return fm_error_set(FM_EINVAL, "informer: a kind with object and list descriptors is required");
    const fm_kind_desc *k = o->kind;
    long om = field_offset(k->object, "metadata", FM_T_STRUCT, &fm_k8s_object_meta_desc, NULL);
    long lm = field_offset(k->list, "metadata", FM_T_STRUCT, &fm_k8s_list_meta_desc, NULL);
    int32_t bit = -1;
    long li = field_offset(k->list, "items", FM_T_LIST, k->object, &bit);
    if (om < 0 || lm < 0 || li < 0)
        return fm_error_set(FM_EINVAL, "informer %s: descriptors lack metadata or items", k->plural);

    fm_informer *inf = calloc(1, sizeof(*inf));
    if (!inf) return fm_error_set(FM_ENOMEM, "informer %s: out of memory", k->plural);
    inf->client = c;
    inf->kind = k;
    inf->obj_meta_off = (uint32_t)om;
    inf->list_meta_off = (uint32_t)lm;
    inf->list_items_off = (uint32_t)li;
    inf->list_items_bit = bit;
    inf->elem_size = (uint32_t)k->object->size;
    inf->page_size = o->page_size > 0 ? o->page_size : 500;
    inf->watch_timeout_s = o->watch_timeout_s > 0 ? o->watch_timeout_s : 290;
    inf->clock = o->clock ? o->clock : fm_clock_real();
    inf->backoff_initial_ns = (o->backoff_initial_ms > 0 ? o->backoff_initial_ms : 800) * FM_NSEC_PER_MSEC;
    inf->backoff_max_ns = (o->backoff_max_ms > 0 ? o->backoff_max_ms : 30000) * FM_NSEC_PER_MSEC;
    inf->backoff_reset_ns = (o->backoff_reset_ms > 0 ? o->backoff_reset_ms : 120000) * FM_NSEC_PER_MSEC;
    inf->on_error = o->on_error;
    inf->on_error_ud = o->on_error_ud;
    inf->keep_managed_fields = o->keep_managed_fields;
    inf->on_recovered = o->on_recovered;
    inf->on_decode_error = o->on_decode_error;
    pthread_mutex_init(&inf->mu, NULL);
    int rc = fm_clock_cond_init(&inf->cond);
    if (!rc) rc = fm_store_new(&inf->store, k->object);
    if (!rc && ((o->ns && !(inf->ns = fm_strdup(o->ns))) ||
                (o->label_selector && !(inf->label_selector = fm_strdup(o->label_selector))) ||
                (o->field_selector && !(inf->field_selector = fm_strdup(o->field_selector)))))
        rc = fm_error_set(FM_ENOMEM, "informer %s: out of memory", k->plural);
    if (rc) {
        fm_informer_free(inf);
        return rc;
    }
    *out = inf;
    return 0;
}

void fm_informer_free(fm_informer *inf)
{
    if (!inf) return;
    fm_informer_stop(inf);
    fm_store_free(inf->store);
    free(inf->ns);
    free(inf->label_selector);
    free(inf->field_selector);
    free(inf->rv);
    pthread_cond_destroy(&inf->cond);
    pthread_mutex_destroy(&inf->mu);
    free(inf);
}

int fm_informer_add_handlers(fm_informer *inf, const fm_informer_handlers *h)
{
    if (inf->started) return fm_error_set(FM_EINVAL, "informer %s: handlers added after start", inf->kind->plural);
    if (inf->n_handlers == MAX_HANDLERS)
        return fm_error_set(FM_EINVAL, "informer %s: more than %d handler sets", inf->kind->plural, MAX_HANDLERS);
    inf->handlers[inf->n_handlers++] = *h;
    return 0;
}

int fm_informer_add_index(fm_informer *inf, const char *name, fm_store_index_fn fn, void *ud)
{
    return fm_store_add_index(inf->store, name, fn, ud);
}

fm_store *fm_informer_store(fm_informer *inf)
{
    return inf->store;
}

/* ------------------------------------------------------------ helpers */

static const fm_k8s_object_meta *meta_of(const fm_informer *inf, const void *obj)
{
    return (const fm_k8s_object_meta *)((const char *)obj + inf->obj_meta_off);
}

static void set_rv(fm_informer *inf, const char *rv)
{
    if (!rv || !*rv) return;
    pthread_mutex_lock(&inf->mu);
    fm_strset(&inf->rv, rv);
    pthread_mutex_unlock(&inf->mu);
}

static void count(fm_informer *inf, uint64_t *field)
{
    pthread_mutex_lock(&inf->mu);
    (*field)++;
    pthread_mutex_unlock(&inf->mu);
}

static void report(fm_informer *inf, int code)
{
    atomic_store(&inf->failing, true);
    count(inf, &inf->stats.errors);
    if (inf->on_error) inf->on_error(inf->on_error_ud, code, fm_error_last()->message);
}

/* The server answered: if it had been failing, say it is back (once). */
static void heard_from_server(fm_informer *inf)
{
    if (atomic_exchange(&inf->failing, false) && inf->on_recovered) inf->on_recovered(inf->on_error_ud);
}

static void emit_add(fm_informer *inf, const void *obj)
{
    for (size_t i = 0; i < inf->n_handlers; i++)
        if (inf->handlers[i].on_add) inf->handlers[i].on_add(inf->handlers[i].ud, obj);
}

static void emit_update(fm_informer *inf, const void *old, const void *obj)
{
    for (size_t i = 0; i < inf->n_handlers; i++)
        if (inf->handlers[i].on_update) inf->handlers[i].on_update(inf->handlers[i].ud, old, obj);
}

static void emit_delete(fm_informer *inf, const void *old)
{
    for (size_t i = 0; i < inf->n_handlers; i++)
        if (inf->handlers[i].on_delete) inf->handlers[i].on_delete(inf->handlers[i].ud, old);
}

static void on_vanished(void *ud, const char *key, const void *old)
{
    emit_delete(ud, old);
}

/* Puts obj (owned) into the store and tells the handlers. With
 * `quiet_same_rv`, an object whose resourceVersion did not change (a relist
 * re-delivering it) produces no event. */
static int apply_upsert(fm_informer *inf, void *obj, bool quiet_same_rv)
{
    void *old = NULL;
    /* metadata.managedFields is the server's field-ownership bookkeeping:
     * about 40% of a typical object, and nothing here reads it. Dropping it
     * from the cache is safe for writes too: an update that omits
     * managedFields leaves the server's copy as it is. */
    if (!inf->keep_managed_fields) {
        int sr = fm_codec_unknown_remove((char *)obj + inf->obj_meta_off, &fm_k8s_object_meta_desc,
                                      "managedFields");
        if (sr < 0) {
            fm_kube_object_free(inf->kind->object, obj);
            return sr;
        }
    }
    int rc = fm_store_upsert(inf->store, obj, &old);
    if (rc) return rc; /* obj was freed by the store */
    if (!old) {
        emit_add(inf, obj);
    } else {
        const char *a = meta_of(inf, old)->resource_version;
        const char *b = meta_of(inf, obj)->resource_version;
        if (!(quiet_same_rv && a && b && strcmp(a, b) == 0)) emit_update(inf, old, obj);
        fm_store_object_free(inf->store, old);
    }
    return 0;
}

/* ------------------------------------------------------------ bad objects */

/*
 * One object the decoder refused (fm_kube_bad_object_fn). Its metadata is
 * decoded alone, so that a cached older version can be removed (a version
 * we cannot read must not stand for the object: the cache would act on a
 * state the object left) and the report can name it. A watch event still
 * advances the resourceVersion: a resume must not deliver it again.
 */
static void bad_object(fm_informer *inf, fm_kube_watch_event_type type, const char *raw, size_t len,
                       const char *message, bool from_watch)
{
    char msg[FM_ERROR_MAX];
    fm_k8s_object_meta meta;
    const char *mv;
    size_t ml;
    snprintf(msg, sizeof(msg), "%s", message ? message : "");
    memset(&meta, 0, sizeof(meta));
    bool have_meta = fm_kube_json_member(raw, len, "metadata", &mv, &ml) == 0 &&
                     fm_codec_decode(&meta, &fm_k8s_object_meta_desc, mv, ml) == 0 && meta.name && *meta.name;
    count(inf, &inf->stats.decode_errors);
    if (have_meta) {
        fm_buf key = FM_BUF_INIT;
        if (inf->kind->namespaced && meta.namespace && *meta.namespace)
            fm_buf_printf(&key, "%s/%s", meta.namespace, meta.name);
        else
            fm_buf_puts(&key, meta.name);
        void *old = NULL;
        if (key.data && fm_store_delete(inf->store, key.data, &old) == 0 && old) {
            emit_delete(inf, old);
            fm_store_object_free(inf->store, old);
        }
        fm_buf_free(&key);
        if (from_watch && type != KUBE_WATCH_ERROR) set_rv(inf, meta.resource_version);
    }
    if (inf->on_decode_error) inf->on_decode_error(inf->on_error_ud, have_meta ? &meta : NULL, msg);
    fm_codec_clear(&meta, &fm_k8s_object_meta_desc);
}

static void bad_list_item(void *ud, fm_kube_watch_event_type type, const char *raw, size_t len, int code,
                          const char *message)
{
    (void)code;
    bad_object(ud, type, raw, len, message, false);
}

static void bad_watch_object(void *ud, fm_kube_watch_event_type type, const char *raw, size_t len, int code,
                             const char *message)
{
    (void)code;
    heard_from_server(ud);
    bad_object(ud, type, raw, len, message, true);
}

/* ------------------------------------------------------------ list */

/*
 * One complete paginated list into the store as a relist generation.
 * Pages are moved item by item into the store (a shallow move of each
 * struct, no deep copy), so memory holds the store plus one page. Returns
 * 0 (rv updated, synced set) or the error of the failing page; an expired
 * continue token (410) restarts from the first page once.
 */
static int do_list(fm_informer *inf)
{
    fm_kube_list_opts lo = {.label_selector = inf->label_selector,
                         .field_selector = inf->field_selector,
                         .limit = inf->page_size,
                         .on_bad_object = bad_list_item,
                         .bad_object_ud = inf};
    char *cont = NULL, *list_rv = NULL;
    int rc = 0, restarts = 0;
    const char *ns = inf->kind->namespaced ? (inf->ns ? inf->ns : KUBE_ALL_NAMESPACES) : NULL;
    fm_store_begin_replace(inf->store);
    for (;;) {
        if (atomic_load(&inf->stop)) {
            rc = fm_error_set(FM_ECANCELED, "informer %s: stopped", inf->kind->plural);
            break;
        }
        lo.continue_token = cont;
        void *list = NULL;
        rc = fm_kube_list(&list, inf->client, inf->kind, ns, &lo);
        if (rc == FM_EGONE || (rc == FM_EHTTP && fm_error_last()->http_status == 410)) {
            /* The continue token expired mid-list: start over. */
            free(cont);
            cont = NULL;
            if (++restarts > 2) break;
            fm_store_begin_replace(inf->store);
            continue;
        }
        if (rc) break;
        count(inf, &inf->stats.pages);
        fm_k8s_list_meta *lm = (fm_k8s_list_meta *)((char *)list + inf->list_meta_off);
        fm_list *items = (fm_list *)((char *)list + inf->list_items_off);
        for (size_t i = 0; i < items->len && !rc; i++) {
            void *obj = malloc(inf->elem_size);
            if (!obj) {
                rc = fm_error_set(FM_ENOMEM, "informer %s: out of memory", inf->kind->plural);
                break;
            }
            char *slot = (char *)items->items + i * inf->elem_size;
            memcpy(obj, slot, inf->elem_size);
            memset(slot, 0, inf->elem_size); /* moved: the list no longer owns it */
            rc = apply_upsert(inf, obj, true);
        }
        free(cont);
        cont = lm->continue_ && *lm->continue_ ? fm_strdup(lm->continue_) : NULL;
        if (lm->resource_version) fm_strset(&list_rv, lm->resource_version);
        fm_kube_object_free(inf->kind->list, list);
        if (rc || !cont) break;
    }
    free(cont);
    if (!rc) {
        fm_store_finish_replace(inf->store, on_vanished, inf);
        set_rv(inf, list_rv);
        pthread_mutex_lock(&inf->mu);
        inf->stats.lists++;
        inf->synced = true;
        pthread_cond_broadcast(&inf->cond);
        pthread_mutex_unlock(&inf->mu);
        heard_from_server(inf);
    }
    free(list_rv);
    return rc;
}

/* ------------------------------------------------------------ watch */

static int on_event(void *ud, fm_kube_watch_event_type type, void *obj, const char *raw, size_t raw_len)
{
    fm_informer *inf = ud;
    if (!obj) return 0; /* ERROR events: fm_kube_watch returns the error */
    heard_from_server(inf);
    const char *rv = meta_of(inf, obj)->resource_version;
    char *rv_copy = rv ? fm_strdup(rv) : NULL;
    int rc = 0;
    switch (type) {
    case KUBE_WATCH_ADDED:
    case KUBE_WATCH_MODIFIED:
        count(inf, &inf->stats.events);
        rc = apply_upsert(inf, obj, false);
        break;
    case KUBE_WATCH_DELETED: {
        count(inf, &inf->stats.events);
        char *key = NULL;
        if (fm_store_object_key(&key, inf->kind->object, obj) == 0) {
            void *old = NULL;
            fm_store_delete(inf->store, key, &old);
            emit_delete(inf, obj);
            fm_store_object_free(inf->store, old);
        }
        free(key);
        fm_store_object_free(inf->store, obj);
        break;
    }
    case KUBE_WATCH_BOOKMARK:
        count(inf, &inf->stats.bookmarks);
        fm_store_object_free(inf->store, obj);
        break;
    default:
        fm_store_object_free(inf->store, obj);
        break;
    }
    /* Advance only after the event is applied: a resume from this version
     * never skips it. */
    if (!rc) set_rv(inf, rv_copy);
    free(rv_copy);
    return rc;
}

static int do_watch(fm_informer *inf)
{
    char rv[256];
    fm_informer_resource_version(inf, rv, sizeof(rv));
    fm_kube_watch_opts wo = {
        .resource_version = rv,
        .label_selector = inf->label_selector,
        .field_selector = inf->field_selector,
        .timeout_seconds = inf->watch_timeout_s,
        .allow_bookmarks = true,
        .cancel = &inf->watch_cancel,
        .on_bad_object = bad_watch_object,
        .bad_object_ud = inf,
    };
    const char *ns = inf->kind->namespaced ? (inf->ns ? inf->ns : KUBE_ALL_NAMESPACES) : NULL;
    count(inf, &inf->stats.watches);
    return fm_kube_watch(inf->client, inf->kind, ns, &wo, on_event, inf);
}

/* ------------------------------------------------------------ thread */

/* The backoff delay with jitter: uniformly in [d/2, d*3/2). */
static int64_t jitter(int64_t d)
{
    return d / 2 + (int64_t)(fm_rand64() % (uint64_t)(d > 0 ? d : 1));
}

/* Blocks while paused (and not stopped); the watch resumes afterwards
 * from the remembered resourceVersion, with no relist. */
static void wait_unpaused(fm_informer *inf)
{
    pthread_mutex_lock(&inf->mu);
    while (atomic_load(&inf->paused) && !atomic_load(&inf->stop))
        fm_clock_wait_until(fm_clock_real(), &inf->cond, &inf->mu, -1);
    pthread_mutex_unlock(&inf->mu);
}

static void *run(void *arg)
{
    fm_informer *inf = arg;
    bool need_list = true;
    int64_t backoff = inf->backoff_initial_ns;
    int64_t last_failure = fm_clock_now(inf->clock);
    while (!atomic_load(&inf->stop)) {
        int rc;
        bool listed = false;
        if (need_list) {
            rc = do_list(inf);
            listed = rc == 0;
            if (listed) need_list = false;
        } else {
            rc = do_watch(inf);
            if (rc == 0) {
                /* Normal end of the stream: resume from the last version. */
                count(inf, &inf->stats.watch_resumes);
                continue;
            }
            if (rc == FM_EGONE || (rc == FM_EHTTP && fm_error_last()->http_status == 410)) {
                count(inf, &inf->stats.relists_gone);
                report(inf, FM_EGONE);
                need_list = true;
                continue;
            }
        }
        if (atomic_load(&inf->stop)) break;
        if (rc == FM_ECANCELED && atomic_load(&inf->paused)) {
            wait_unpaused(inf);
            continue;
        }
        if (rc == FM_ECANCELED) break;
        if (listed) continue;
        /* A failure: back off, doubling, reset after a long healthy spell. */
        report(inf, rc);
        int64_t now = fm_clock_now(inf->clock);
        if (now - last_failure >= inf->backoff_reset_ns) backoff = inf->backoff_initial_ns;
        last_failure = now;
        fm_clock_sleep(inf->clock, jitter(backoff), &inf->stop);
        backoff = backoff * 2 > inf->backoff_max_ns ? inf->backoff_max_ns : backoff * 2;
    }
    pthread_mutex_lock(&inf->mu);
    pthread_cond_broadcast(&inf->cond);
    pthread_mutex_unlock(&inf->mu);
    return NULL;
}

int fm_informer_start(fm_informer *inf)
{
    if (inf->started) return fm_error_set(FM_EINVAL, "informer %s: already started", inf->kind->plural);
    atomic_store(&inf->stop, 0);
    atomic_store(&inf->watch_cancel, atomic_load(&inf->paused));
    if (pthread_create(&inf->thread, NULL, run, inf) != 0)
        return fm_error_set(FM_ERROR, "informer %s: cannot start thread", inf->kind->plural);
    inf->started = true;
    return 0;
}

void fm_informer_stop(fm_informer *inf)
{
    if (!inf || !inf->started) return;
    fm_clock_stop_store(&inf->stop, 1);
    fm_clock_stop_store(&inf->watch_cancel, 1);
    pthread_mutex_lock(&inf->mu);
    pthread_cond_broadcast(&inf->cond);
    pthread_mutex_unlock(&inf->mu);
    pthread_join(inf->thread, NULL);
    inf->started = false;
}

bool fm_informer_has_synced(fm_informer *inf)
{
    pthread_mutex_lock(&inf->mu);
    bool s = inf->synced;
    pthread_mutex_unlock(&inf->mu);
    return s;
}

int fm_informer_wait_synced(fm_informer *inf, int64_t timeout_ms)
{
    /* Real time: a sync waits on the network, not on a test's fake clock. */
    fm_clock *real = fm_clock_real();
    int64_t deadline = timeout_ms >= 0 ? fm_clock_now(real) + timeout_ms * FM_NSEC_PER_MSEC : -1;
    int rc = 0;
    pthread_mutex_lock(&inf->mu);
    while (!inf->synced) {
        if (atomic_load(&inf->stop)) {
            rc = fm_error_set(FM_ECANCELED, "informer %s: stopped before sync", inf->kind->plural);
            break;
        }
        if (deadline >= 0 && fm_clock_now(real) >= deadline) {
            rc = fm_error_set(FM_ETRANSPORT, "informer %s: not synced after %lld ms", inf->kind->plural,
                              (long long)timeout_ms);
            break;
        }
        /* Wake at least every 100 ms to notice stop without a signal. */
        int64_t until = fm_clock_now(real) + 100 * FM_NSEC_PER_MSEC;
        if (deadline >= 0 && deadline < until) until = deadline;
        fm_clock_wait_until(real, &inf->cond, &inf->mu, until);
    }
    pthread_mutex_unlock(&inf->mu);
    return rc;
}

void fm_informer_get_stats(fm_informer *inf, fm_informer_stats *out)
{
    pthread_mutex_lock(&inf->mu);
    *out = inf->stats;
    pthread_mutex_unlock(&inf->mu);
}

void fm_informer_resource_version(fm_informer *inf, char *buf, size_t cap)
{
    pthread_mutex_lock(&inf->mu);
    snprintf(buf, cap, "%s", inf->rv ? inf->rv : "");
    pthread_mutex_unlock(&inf->mu);
}

void fm_informer_pause(fm_informer *inf, bool paused)
{
    pthread_mutex_lock(&inf->mu);
    atomic_store(&inf->paused, paused ? 1 : 0);
    fm_clock_stop_store(&inf->watch_cancel, paused || atomic_load(&inf->stop) ? 1 : 0);
    pthread_cond_broadcast(&inf->cond);
    pthread_mutex_unlock(&inf->mu);
}
