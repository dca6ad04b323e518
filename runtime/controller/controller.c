/*
 * controller.c - workers running reconciles off a work queue (see
 * controller.h).
 */
#include "controller.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "error.h"

#define MAX_WATCHES 16

typedef struct watch_reg {
    fm_controller *c;
    fm_informer *inf;
    fm_controller_map_fn map; /* NULL for the primary kind */
    void *ud;
} watch_reg;

struct fm_controller {
    char *name;
    fm_controller_reconcile_fn reconcile;
    void *ud;
    void (*on_error)(void *ud, const fm_reconcile_ctx *ctx, int code, const char *message);
    int workers;
    fm_clock *clock;
    int64_t resync_ms;
    fm_workqueue *queue;
    watch_reg watches[MAX_WATCHES];
    size_t n_watches;

    pthread_t *threads;
    pthread_t resync_thread;
    bool running, resync_running;
    atomic_int stop;
    atomic_int active;

    fm_series *m_success, *m_error, *m_requeue, *m_requeue_after, *m_errors, *m_time, *m_active,
        *m_max;
};

static int register_metrics(fm_controller *c, fm_metrics *r)
{
    fm_metric *total, *errors, *time, *active, *max;
    int rc = fm_metrics_counter(&total, r, "controller_runtime_reconcile_total",
                             "Total number of reconciliations per controller", "controller", "result", NULL);
    if (!rc) rc = fm_metrics_series(&c->m_success, total, c->name, "success", NULL);
    if (!rc) rc = fm_metrics_series(&c->m_error, total, c->name, "error", NULL);
    if (!rc) rc = fm_metrics_series(&c->m_requeue, total, c->name, "requeue", NULL);
    if (!rc) rc = fm_metrics_series(&c->m_requeue_after, total, c->name, "requeue_after", NULL);
    if (!rc) rc = fm_metrics_counter(&errors, r, "controller_runtime_reconcile_errors_total",
                                  "Total number of reconciliation errors per controller", "controller", NULL);
    if (!rc) rc = fm_metrics_series(&c->m_errors, errors, c->name, NULL);
    static const double buckets[] = {0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4,
                                     0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5,
                                     3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60};
    if (!rc) rc = fm_metrics_histogram(&time, r, "controller_runtime_reconcile_time_seconds",
                                    "Length of time per reconciliation per controller", buckets,
                                    sizeof(buckets) / sizeof(buckets[0]), "controller", NULL);
    if (!rc) rc = fm_metrics_series(&c->m_time, time, c->name, NULL);
    if (!rc) rc = fm_metrics_gauge(&active, r, "controller_runtime_active_workers",
                                "Number of currently used workers per controller", "controller", NULL);
    if (!rc) rc = fm_metrics_series(&c->m_active, active, c->name, NULL);
    if (!rc) rc = fm_metrics_gauge(&max, r, "controller_runtime_max_concurrent_reconciles",
                                "Maximum number of concurrent reconciles per controller", "controller", NULL);
    if (!rc) rc = fm_metrics_series(&c->m_max, max, c->name, NULL);
    fm_metrics_set(c->m_max, c->workers);
    fm_metrics_set(c->m_active, 0);
    return rc;
}

int fm_controller_new(fm_controller **out, const fm_controller_options *o)
{
    *out = NULL;
    if (!o || !o->name || !o->reconcile)
        return fm_error_set(FM_EINVAL, "controller: name and reconcile function are required");
    fm_controller *c = calloc(1, sizeof(*c));
    if (!c || !(c->name = fm_strdup(o->name))) {
        free(c);
        return fm_error_set(FM_ENOMEM, "controller %s: out of memory", o->name);
    }
    c->reconcile = o->reconcile;
    c->ud = o->ud;
    c->on_error = o->on_error;
    c->workers = o->workers > 0 ? o->workers : 1;
    c->clock = o->clock ? o->clock : fm_clock_real();
    c->resync_ms = o->resync_ms;
    fm_workqueue_options qo = {.name = o->name, .clock = c->clock, .metrics = o->metrics,
                            .base_delay_ms = o->base_delay_ms, .max_delay_ms = o->max_delay_ms};
    int rc = fm_workqueue_new(&c->queue, &qo);
    if (!rc && o->metrics) rc = register_metrics(c, o->metrics);
    if (rc) {
        fm_controller_free(c);
        return rc;
    }
    *out = c;
    return 0;
}

void fm_controller_free(fm_controller *c)
{
    if (!c) return;
    fm_controller_stop(c);
    fm_workqueue_free(c->queue);
    free(c->threads);
    free(c->name);
    free(c);
}

/* ------------------------------------------------------------ event handlers */

static void enqueue_obj_key(watch_reg *w, const void *obj)
{
    if (w->map) {
        w->map(w->c, obj, w->ud);
        return;
    }
    char *key = NULL;
    if (fm_store_object_key(&key, fm_store_desc(fm_informer_store(w->inf)), obj) == 0)
        fm_workqueue_add(w->c->queue, key);
    free(key);
}

static void h_add(void *ud, const void *obj)
{
    enqueue_obj_key(ud, obj);
}

static void h_update(void *ud, const void *old_obj, const void *new_obj)
{
    watch_reg *w = ud;
    /* The primary key is the same for both versions; mapped watches may
     * name different keys for the old and the new state. */
    if (w->map) enqueue_obj_key(w, old_obj);
    enqueue_obj_key(w, new_obj);
}

static void h_delete(void *ud, const void *old_obj)
{
    enqueue_obj_key(ud, old_obj);
}

static int add_watch(fm_controller *c, fm_informer *inf, fm_controller_map_fn map, void *ud)
{
    if (c->running) return fm_error_set(FM_EINVAL, "controller %s: watch added after start", c->name);
    if (c->n_watches == MAX_WATCHES)
        return fm_error_set(FM_EINVAL, "controller %s: more than %d watches", c->name, MAX_WATCHES);
    watch_reg *w = &c->watches[c->n_watches];
    w->c = c;
    w->inf = inf;
    w->map = map;
    w->ud = ud;
    fm_informer_handlers h = {.on_add = h_add, .on_update = h_update, .on_delete = h_delete, .ud = w};
    int rc = fm_informer_add_handlers(inf, &h);
    if (!rc) c->n_watches++;
    return rc;
}

int fm_controller_watch_primary(fm_controller *c, fm_informer *inf)
{
    return add_watch(c, inf, NULL, NULL);
}

int fm_controller_watch(fm_controller *c, fm_informer *inf, fm_controller_map_fn map, void *ud)
{
    if (!map) return fm_error_set(FM_EINVAL, "controller %s: watch without a map function", c->name);
    return add_watch(c, inf, map, ud);
}

int fm_controller_enqueue(fm_controller *c, const char *key)
{
    return fm_workqueue_add(c->queue, key);
}

int fm_controller_enqueue_after(fm_controller *c, const char *key, int64_t delay_ms)
{
    return fm_workqueue_add_after(c->queue, key, delay_ms);
}

fm_workqueue *fm_controller_queue(fm_controller *c)
{
    return c->queue;
}

/* ------------------------------------------------------------ workers */

typedef struct worker_arg {
    fm_controller *c;
    int index;
} worker_arg;

/* splitmix64 over a per-thread state seeded once from fm_rand64
 * (getrandom): a reconcile ID needs to be unique, not secret, and a system
 * call per reconcile (a FleetNode's on every heartbeat) was measurable. */
static uint64_t id_next(void)
{
    static _Thread_local uint64_t state;
    static _Thread_local bool seeded;
    if (!seeded) {
        state = fm_rand64();
        seeded = true;
    }
    uint64_t z = (state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static void new_reconcile_id(char out[37])
{
    unsigned char b[16];
    uint64_t x = id_next(), y = id_next();
    memcpy(b, &x, 8);
    memcpy(b + 8, &y, 8);
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* UUID version 4 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
             b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
             b[15]);
}

/* Runs one reconcile of key and files the key according to the outcome. */
static void process(fm_controller *c, int worker, const char *key)
{
    char id[37];
    new_reconcile_id(id);
    const char *kv[6] = {"controller", c->name, "object", key, "reconcileID", id};
    fm_reconcile_ctx ctx = {.controller = c->name, .key = key, .reconcile_id = id, .worker = worker,
                         .requeues = fm_workqueue_num_requeues(c->queue, key), .log_kv = kv,
                         .n_log_kv = 3};
    fm_reconcile_result res = {0, false};
    fm_metrics_set(c->m_active, (double)atomic_fetch_add(&c->active, 1) + 1);
    fm_error_clear();
    int64_t t0 = fm_clock_now(fm_clock_real());
    int rc = c->reconcile(&res, c->ud, &ctx);
    fm_metrics_observe(c->m_time, (double)(fm_clock_now(fm_clock_real()) - t0) / 1e9);
    fm_metrics_set(c->m_active, (double)atomic_fetch_sub(&c->active, 1) - 1);
    if (rc < 0) {
        fm_metrics_inc(c->m_error);
        fm_metrics_inc(c->m_errors);
        if (c->on_error) c->on_error(c->ud, &ctx, rc, fm_error_last()->message);
        fm_workqueue_add_rate_limited(c->queue, key);
    } else if (res.requeue_after_ms > 0) {
        fm_metrics_inc(c->m_requeue_after);
        fm_workqueue_forget(c->queue, key);
        fm_workqueue_add_after(c->queue, key, res.requeue_after_ms);
    } else if (res.requeue) {
        fm_metrics_inc(c->m_requeue);
        fm_workqueue_add_rate_limited(c->queue, key);
    } else {
        fm_metrics_inc(c->m_success);
        fm_workqueue_forget(c->queue, key);
    }
}

static void *worker_main(void *arg)
{
    worker_arg *w = arg;
    fm_controller *c = w->c;
    int index = w->index;
    free(w);
    const char *key;
    while (fm_workqueue_get(c->queue, &key) == 0) {
        process(c, index, key);
        fm_workqueue_done(c->queue, key);
    }
    return NULL;
}

static void *resync_main(void *arg)
{
    fm_controller *c = arg;
    while (fm_clock_sleep(c->clock, c->resync_ms * FM_NSEC_PER_MSEC, &c->stop) == 0) {
        for (size_t i = 0; i < c->n_watches; i++) {
            if (c->watches[i].map) continue;
            fm_list keys;
            if (fm_store_keys(&keys, fm_informer_store(c->watches[i].inf)) != 0) continue;
            for (size_t k = 0; k < keys.len; k++) fm_workqueue_add(c->queue, ((char **)keys.items)[k]);
            fm_store_keys_free(&keys);
        }
    }
    return NULL;
}

int fm_controller_start(fm_controller *c)
{
    if (c->running) return fm_error_set(FM_EINVAL, "controller %s: already running", c->name);
    c->threads = calloc((size_t)c->workers, sizeof(pthread_t));
    if (!c->threads) return fm_error_set(FM_ENOMEM, "controller %s: out of memory", c->name);
    atomic_store(&c->stop, 0);
    int started = 0;
    for (; started < c->workers; started++) {
        worker_arg *w = malloc(sizeof(*w));
        if (!w) break;
        w->c = c;
        w->index = started;
        if (pthread_create(&c->threads[started], NULL, worker_main, w) != 0) {
            free(w);
            break;
        }
    }
    c->running = true;
    if (started < c->workers) {
        c->workers = started; /* join what was started */
        fm_controller_stop(c);
        return fm_error_set(FM_ERROR, "controller %s: cannot start workers", c->name);
    }
    if (c->resync_ms > 0) {
        if (pthread_create(&c->resync_thread, NULL, resync_main, c) == 0) c->resync_running = true;
    }
    return 0;
}

void fm_controller_stop(fm_controller *c)
{
    if (!c || !c->running) return;
    fm_clock_stop_store(&c->stop, 1);
    if (c->resync_running) {
        pthread_join(c->resync_thread, NULL);
        c->resync_running = false;
    }
    fm_workqueue_shutdown_with_drain(c->queue);
    for (int i = 0; i < c->workers; i++) pthread_join(c->threads[i], NULL);
    c->running = false;
}
