/*
 * watcher.c - the list/watch/410 machine (see watcher.h).
 *
 * The watcher decides what to ask the server and when, and keeps the
 * position in the stream (the resourceVersion); the sink decides what the
 * answers mean for the cache. The one ordering rule between them: the
 * resourceVersion advances only after the sink has taken the event, so a
 * resume from it never skips one.
 */
#include "watcher.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "kube_json.h"

struct fm_watcher {
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
    atomic_bool failing; /* a list or watch failed and nothing worked since */

    /* offsets found in the descriptors */
    uint32_t obj_meta_off;   /* fm_k8s_object_meta in the object */
    uint32_t list_meta_off;  /* fm_k8s_list_meta in the list */
    uint32_t list_items_off; /* fm_list in the list */
    uint32_t elem_size;

    const fm_watcher_sink *sink; /* during fm_watcher_run() */

    atomic_int stop;
    atomic_int paused;
    atomic_int watch_cancel; /* stop || paused: ends an open watch */
    pthread_mutex_t mu;      /* guards synced, rv, stats, cond */
    pthread_cond_t cond;
    bool synced;
    char *rv;
    fm_informer_stats stats;
};

/* ------------------------------------------------------------ setup */

static long field_offset(const fm_struct_desc *d, const char *name, fm_type type, const fm_struct_desc *sub)
{
    for (size_t i = 0; i < d->n_fields; i++) {
        const fm_field_desc *f = &d->fields[i];
        if (strcmp(f->json_name, name) != 0 || f->type != type) continue;
        if (sub && f->sub != sub) continue;
        return (long)f->offset;
    }
    return -1;
}

int fm_watcher_new(fm_watcher **out, fm_kube_client *c, const fm_informer_options *o)
{
    *out = NULL;
    if (!o || !o->kind || !o->kind->object || !o->kind->list)
        return fm_error_set(FM_EINVAL, "informer: a kind with object and list descriptors is required");
    const fm_kind_desc *k = o->kind;
    long om = field_offset(k->object, "metadata", FM_T_STRUCT, &fm_k8s_object_meta_desc);
    long lm = field_offset(k->list, "metadata", FM_T_STRUCT, &fm_k8s_list_meta_desc);
    long li = field_offset(k->list, "items", FM_T_LIST, k->object);
    if (om < 0 || lm < 0 || li < 0)
        return fm_error_set(FM_EINVAL, "informer %s: descriptors lack metadata or items", k->plural);

    fm_watcher *w = calloc(1, sizeof(*w));
    if (!w) return fm_error_set(FM_ENOMEM, "informer %s: out of memory", k->plural);
    w->client = c;
    w->kind = k;
    w->obj_meta_off = (uint32_t)om;
    w->list_meta_off = (uint32_t)lm;
    w->list_items_off = (uint32_t)li;
    w->elem_size = (uint32_t)k->object->size;
    w->page_size = o->page_size > 0 ? o->page_size : 500;
    w->watch_timeout_s = o->watch_timeout_s > 0 ? o->watch_timeout_s : 290;
    w->clock = o->clock ? o->clock : fm_clock_real();
    w->backoff_initial_ns = (o->backoff_initial_ms > 0 ? o->backoff_initial_ms : 800) * FM_NSEC_PER_MSEC;
    w->backoff_max_ns = (o->backoff_max_ms > 0 ? o->backoff_max_ms : 30000) * FM_NSEC_PER_MSEC;
    w->backoff_reset_ns = (o->backoff_reset_ms > 0 ? o->backoff_reset_ms : 120000) * FM_NSEC_PER_MSEC;
    w->on_error = o->on_error;
    w->on_error_ud = o->on_error_ud;
    w->on_recovered = o->on_recovered;
    w->on_decode_error = o->on_decode_error;
    pthread_mutex_init(&w->mu, NULL);
    int rc = fm_clock_cond_init(&w->cond);
    if (!rc && ((o->ns && !(w->ns = fm_strdup(o->ns))) ||
                (o->label_selector && !(w->label_selector = fm_strdup(o->label_selector))) ||
                (o->field_selector && !(w->field_selector = fm_strdup(o->field_selector)))))
        rc = fm_error_set(FM_ENOMEM, "informer %s: out of memory", k->plural);
    if (rc) {
        fm_watcher_free(w);
        return rc;
    }
    *out = w;
    return 0;
}

void fm_watcher_free(fm_watcher *w)
{
    if (!w) return;
    free(w->ns);
    free(w->label_selector);
    free(w->field_selector);
    free(w->rv);
    pthread_cond_destroy(&w->cond);
    pthread_mutex_destroy(&w->mu);
    free(w);
}

uint32_t fm_watcher_meta_offset(const fm_watcher *w)
{
    return w->obj_meta_off;
}

/* ------------------------------------------------------------ helpers */

static void set_rv(fm_watcher *w, const char *rv)
{
    if (!rv || !*rv) return;
    pthread_mutex_lock(&w->mu);
    fm_strset(&w->rv, rv);
    pthread_mutex_unlock(&w->mu);
}

static void count(fm_watcher *w, uint64_t *field)
{
    pthread_mutex_lock(&w->mu);
    (*field)++;
    pthread_mutex_unlock(&w->mu);
}

static void report(fm_watcher *w, int code)
{
    atomic_store(&w->failing, true);
    count(w, &w->stats.errors);
    if (w->on_error) w->on_error(w->on_error_ud, code, fm_error_last()->message);
}

/* The server answered: if it had been failing, say it is back (once). */
static void heard_from_server(fm_watcher *w)
{
    if (atomic_exchange(&w->failing, false) && w->on_recovered) w->on_recovered(w->on_error_ud);
}

static bool is_gone(int rc)
{
    return rc == FM_EGONE;
}

static const char *list_namespace(const fm_watcher *w)
{
    return w->kind->namespaced ? (w->ns ? w->ns : KUBE_ALL_NAMESPACES) : NULL;
}

/* ------------------------------------------------------------ bad objects */

/*
 * One object the decoder refused (fm_kube_bad_object_fn). Its metadata is
 * decoded alone, so that the sink can drop a cached older version and the
 * report can name it. A watch event still advances the resourceVersion: a
 * resume must not deliver it again.
 */
static void bad_object(fm_watcher *w, fm_kube_watch_event_type type, const char *raw, size_t len,
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
    count(w, &w->stats.decode_errors);
    if (have_meta) {
        w->sink->forget(w->sink->ud, &meta);
        if (from_watch && type != KUBE_WATCH_ERROR) set_rv(w, meta.resource_version);
    }
    if (w->on_decode_error) w->on_decode_error(w->on_error_ud, have_meta ? &meta : NULL, msg);
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
 * One complete paginated list into the sink as one generation. Pages are
 * moved item by item (a shallow move of each struct, no deep copy), so
 * memory holds the sink's copy plus one page. Returns 0 (rv updated, synced
 * set) or the error of the failing page; an expired continue token (410)
 * restarts from the first page, twice at most.
 */
static int do_list(fm_watcher *w)
{
    const fm_watcher_sink *sink = w->sink;
    fm_kube_list_opts lo = {.label_selector = w->label_selector,
                            .field_selector = w->field_selector,
                            .limit = w->page_size,
                            .on_bad_object = bad_list_item,
                            .bad_object_ud = w};
    char *cont = NULL, *list_rv = NULL;
    int rc = 0, restarts = 0;
    const char *ns = list_namespace(w);
    sink->list_begin(sink->ud);
    for (;;) {
        if (atomic_load(&w->stop)) {
            rc = fm_error_set(FM_ECANCELED, "informer %s: stopped", w->kind->plural);
            break;
        }
        lo.continue_token = cont;
        void *list = NULL;
        rc = fm_kube_list(&list, w->client, w->kind, ns, &lo);
        if (is_gone(rc)) {
            /* The continue token expired mid-list: start over. */
            free(cont);
            cont = NULL;
            if (++restarts > 2) break;
            sink->list_begin(sink->ud);
            continue;
        }
        if (rc) break;
        count(w, &w->stats.pages);
        fm_k8s_list_meta *lm = (fm_k8s_list_meta *)((char *)list + w->list_meta_off);
        fm_list *items = (fm_list *)((char *)list + w->list_items_off);
        for (size_t i = 0; i < items->len && !rc; i++) {
            void *obj = malloc(w->elem_size);
            if (!obj) {
                rc = fm_error_set(FM_ENOMEM, "informer %s: out of memory", w->kind->plural);
                break;
            }
            char *slot = (char *)items->items + i * w->elem_size;
            memcpy(obj, slot, w->elem_size);
            memset(slot, 0, w->elem_size); /* moved: the list no longer owns it */
            rc = sink->list_item(sink->ud, obj);
        }
        free(cont);
        cont = lm->continue_ && *lm->continue_ ? fm_strdup(lm->continue_) : NULL;
        if (lm->resource_version) fm_strset(&list_rv, lm->resource_version);
        fm_kube_object_free(w->kind->list, list);
        if (rc || !cont) break;
    }
    free(cont);
    if (!rc) {
        sink->list_end(sink->ud);
        set_rv(w, list_rv);
        pthread_mutex_lock(&w->mu);
        w->stats.lists++;
        w->synced = true;
        pthread_cond_broadcast(&w->cond);
        pthread_mutex_unlock(&w->mu);
        heard_from_server(w);
    }
    free(list_rv);
    return rc;
}

/* ------------------------------------------------------------ watch */

static int on_event(void *ud, fm_kube_watch_event_type type, void *obj, const char *raw, size_t raw_len)
{
    fm_watcher *w = ud;
    (void)raw;
    (void)raw_len;
    if (!obj) return 0; /* ERROR events: fm_kube_watch returns the error */
    heard_from_server(w);
    const char *rv = ((const fm_k8s_object_meta *)((const char *)obj + w->obj_meta_off))->resource_version;
    char *rv_copy = rv ? fm_strdup(rv) : NULL;
    int rc = 0;
    switch (type) {
    case KUBE_WATCH_ADDED:
    case KUBE_WATCH_MODIFIED:
    case KUBE_WATCH_DELETED:
        count(w, &w->stats.events);
        rc = w->sink->event(w->sink->ud, type, obj);
        break;
    case KUBE_WATCH_BOOKMARK:
        count(w, &w->stats.bookmarks);
        fm_kube_object_free(w->kind->object, obj);
        break;
    default:
        fm_kube_object_free(w->kind->object, obj);
        break;
    }
    /* Advance only after the event is applied: a resume from this version
     * never skips it. */
    if (!rc) set_rv(w, rv_copy);
    free(rv_copy);
    return rc;
}

static int do_watch(fm_watcher *w)
{
    char rv[256];
    fm_watcher_resource_version(w, rv, sizeof(rv));
    fm_kube_watch_opts wo = {
        .resource_version = rv,
        .label_selector = w->label_selector,
        .field_selector = w->field_selector,
        .timeout_seconds = w->watch_timeout_s,
        .allow_bookmarks = true,
        .cancel = &w->watch_cancel,
        .on_bad_object = bad_watch_object,
        .bad_object_ud = w,
    };
    count(w, &w->stats.watches);
    return fm_kube_watch(w->client, w->kind, list_namespace(w), &wo, on_event, w);
}

/* ------------------------------------------------------------ the machine */

/* The backoff delay with jitter: uniformly in [d/2, d*3/2). */
static int64_t jitter(int64_t d)
{
    return d / 2 + (int64_t)(fm_rand64() % (uint64_t)(d > 0 ? d : 1));
}

/* Blocks while paused (and not stopped); the watch resumes afterwards
 * from the remembered resourceVersion, with no relist. */
static void wait_unpaused(fm_watcher *w)
{
    pthread_mutex_lock(&w->mu);
    while (atomic_load(&w->paused) && !atomic_load(&w->stop))
        fm_clock_wait_until(fm_clock_real(), &w->cond, &w->mu, -1);
    pthread_mutex_unlock(&w->mu);
}

void fm_watcher_run(fm_watcher *w, const fm_watcher_sink *sink)
{
    bool need_list = true;
    int64_t backoff = w->backoff_initial_ns;
    int64_t last_failure = fm_clock_now(w->clock);
    w->sink = sink;
    while (!atomic_load(&w->stop)) {
        int rc;
        bool listed = false;
        if (need_list) {
            rc = do_list(w);
            listed = rc == 0;
            if (listed) need_list = false;
        } else {
            rc = do_watch(w);
            if (rc == 0) {
                /* Normal end of the stream: resume from the last version. */
                count(w, &w->stats.watch_resumes);
                continue;
            }
            if (is_gone(rc)) {
                count(w, &w->stats.relists_gone);
                report(w, FM_EGONE);
                need_list = true;
                continue;
            }
        }
        if (atomic_load(&w->stop)) break;
        if (rc == FM_ECANCELED && atomic_load(&w->paused)) {
            wait_unpaused(w);
            continue;
        }
        if (rc == FM_ECANCELED) break;
        if (listed) continue;
        /* A failure: back off, doubling, reset after a long healthy spell. */
        report(w, rc);
        int64_t now = fm_clock_now(w->clock);
        if (now - last_failure >= w->backoff_reset_ns) backoff = w->backoff_initial_ns;
        last_failure = now;
        fm_clock_sleep(w->clock, jitter(backoff), &w->stop);
        backoff = backoff * 2 > w->backoff_max_ns ? w->backoff_max_ns : backoff * 2;
    }
    w->sink = NULL;
    pthread_mutex_lock(&w->mu);
    pthread_cond_broadcast(&w->cond);
    pthread_mutex_unlock(&w->mu);
}

void fm_watcher_rearm(fm_watcher *w)
{
    atomic_store(&w->stop, 0);
    atomic_store(&w->watch_cancel, atomic_load(&w->paused));
}

void fm_watcher_stop(fm_watcher *w)
{
    fm_clock_stop_store(&w->stop, 1);
    fm_clock_stop_store(&w->watch_cancel, 1);
    pthread_mutex_lock(&w->mu);
    pthread_cond_broadcast(&w->cond);
    pthread_mutex_unlock(&w->mu);
}

void fm_watcher_pause(fm_watcher *w, bool paused)
{
    pthread_mutex_lock(&w->mu);
    atomic_store(&w->paused, paused ? 1 : 0);
    fm_clock_stop_store(&w->watch_cancel, paused || atomic_load(&w->stop) ? 1 : 0);
    pthread_cond_broadcast(&w->cond);
    pthread_mutex_unlock(&w->mu);
}

/* ------------------------------------------------------------ readings */

bool fm_watcher_has_synced(fm_watcher *w)
{
    pthread_mutex_lock(&w->mu);
    bool s = w->synced;
    pthread_mutex_unlock(&w->mu);
    return s;
}

int fm_watcher_wait_synced(fm_watcher *w, int64_t timeout_ms)
{
    /* Real time: a sync waits on the network, not on a test's fake clock. */
    fm_clock *real = fm_clock_real();
    int64_t deadline = timeout_ms >= 0 ? fm_clock_now(real) + timeout_ms * FM_NSEC_PER_MSEC : -1;
    int rc = 0;
    pthread_mutex_lock(&w->mu);
    while (!w->synced) {
        if (atomic_load(&w->stop)) {
            rc = fm_error_set(FM_ECANCELED, "informer %s: stopped before sync", w->kind->plural);
            break;
        }
        if (deadline >= 0 && fm_clock_now(real) >= deadline) {
            rc = fm_error_set(FM_ETRANSPORT, "informer %s: not synced after %lld ms", w->kind->plural,
                              (long long)timeout_ms);
            break;
        }
        /* Wake at least every 100 ms to notice stop without a signal. */
        int64_t until = fm_clock_now(real) + 100 * FM_NSEC_PER_MSEC;
        if (deadline >= 0 && deadline < until) until = deadline;
        fm_clock_wait_until(real, &w->cond, &w->mu, until);
    }
    pthread_mutex_unlock(&w->mu);
    return rc;
}

void fm_watcher_get_stats(fm_watcher *w, fm_informer_stats *out)
{
    pthread_mutex_lock(&w->mu);
    *out = w->stats;
    pthread_mutex_unlock(&w->mu);
}

void fm_watcher_resource_version(fm_watcher *w, char *buf, size_t cap)
{
    pthread_mutex_lock(&w->mu);
    snprintf(buf, cap, "%s", w->rv ? w->rv : "");
    pthread_mutex_unlock(&w->mu);
}
