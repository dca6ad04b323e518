/*
 * controller.h - runs a reconcile function over object keys with N workers:
 * controller-runtime's controller, built on the work queue and informers.
 *
 * Keys come from informers: fm_controller_watch_primary() enqueues the key of
 * every added, updated or deleted object of the controller's own kind;
 * fm_controller_watch() lets other kinds map their events to keys (a FleetNode
 * change enqueues the tasks waiting for capacity, say). The work queue
 * deduplicates keys and guarantees that one key is never reconciled by two
 * workers at once.
 *
 * A reconcile returns 0 (done: the key's backoff is forgotten, and with
 * out->requeue_after_ms > 0 it comes back after that delay), or a negative
 * FM_E* error: the key is retried with the queue's per-key exponential
 * backoff (5 ms doubling to 1000 s, overall 10 qps / burst 100). Setting
 * out->requeue asks for such a rate-limited retry without an error. An
 * error never stops a worker.
 *
 * Metrics (controller-runtime's names), when options.metrics is set:
 * controller_runtime_reconcile_total{controller,result} with result one of
 * success, error, requeue, requeue_after; controller_runtime_reconcile_errors_total
 * {controller}; controller_runtime_reconcile_time_seconds{controller};
 * controller_runtime_active_workers{controller};
 * controller_runtime_max_concurrent_reconciles{controller}; and the work
 * queue's workqueue_* series with name=<controller name>.
 *
 * Optional periodic resync (off by default): every resync_ms every key in
 * the primary informers' stores is enqueued again.
 */
#ifndef FOREMAN_CONTROLLER_H
#define FOREMAN_CONTROLLER_H

#include <stdbool.h>
#include <stdint.h>

#include "clock.h"
#include "informer.h"
#include "metrics.h"
#include "workqueue.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fm_controller fm_controller;

typedef struct fm_reconcile_result {
    int64_t requeue_after_ms; /* > 0: reconcile again after this delay */
    bool requeue;             /* rate-limited retry without an error */
} fm_reconcile_result;

/* Context of one reconcile, borrowed for the call. */
typedef struct fm_reconcile_ctx {
    const char *controller;   /* controller name */
    const char *key;          /* "namespace/name" or "name" */
    const char *reconcile_id; /* random per call, for logs */
    int worker;               /* 0 .. workers-1 */
    int requeues;             /* failures of this key since its last success */
    /* The three pairs controller, object, reconcileID ready for fm_log_ctx(). */
    const char *const *log_kv;
    size_t n_log_kv;          /* number of pairs (3) */
} fm_reconcile_ctx;

/* The reconcile function (thread-safe: runs on several workers at once,
 * never twice for the same key at the same time). */
typedef int (*fm_controller_reconcile_fn)(fm_reconcile_result *out, void *ud, const fm_reconcile_ctx *ctx);

/* Maps an event's object to keys, calling fm_controller_enqueue() for each.
 * For updates it is called with the old and with the new object. */
typedef void (*fm_controller_map_fn)(fm_controller *c, const void *obj, void *ud);

typedef struct fm_controller_options {
    const char *name;            /* required; metrics label and log field */
    fm_controller_reconcile_fn reconcile; /* required */
    void *ud;
    int workers;                 /* 0 = 1 */
    fm_metrics *metrics;         /* NULL = no metrics */
    fm_clock *clock;             /* NULL = real */
    int64_t resync_ms;           /* 0 = no periodic resync */
    int64_t base_delay_ms;       /* queue backoff start; 0 = 5 */
    int64_t max_delay_ms;        /* queue backoff cap; 0 = 1000 s */
    /* Told about each failed reconcile (for logs). May be NULL. */
    void (*on_error)(void *ud, const fm_reconcile_ctx *ctx, int code, const char *message);
} fm_controller_options;

/* Creates a controller (not running). Returns 0, FM_EINVAL or FM_ENOMEM. */
int fm_controller_new(fm_controller **out, const fm_controller_options *o);

/* Stops (if running) and frees. Accepts NULL. The informers it watches must
 * be stopped first or outlive it. */
void fm_controller_free(fm_controller *c);

/* Enqueues the key of every event object of inf (before start). Also makes
 * inf's store part of the periodic resync. Returns 0 or FM_EINVAL. */
int fm_controller_watch_primary(fm_controller *c, fm_informer *inf);

/* Maps every event object of inf to keys with map (before start). */
int fm_controller_watch(fm_controller *c, fm_informer *inf, fm_controller_map_fn map, void *ud);

/* Enqueues a key now / after a delay (thread-safe, any time). */
int fm_controller_enqueue(fm_controller *c, const char *key);
int fm_controller_enqueue_after(fm_controller *c, const char *key, int64_t delay_ms);

/* The controller's work queue (borrowed), e.g. for tests. */
fm_workqueue *fm_controller_queue(fm_controller *c);

/* Starts the workers (and the resync thread). Returns 0, FM_EINVAL (running)
 * or FM_ERROR (thread creation failed). */
int fm_controller_start(fm_controller *c);

/* Stops taking new keys, lets running reconciles finish, joins the
 * threads. Idempotent. */
void fm_controller_stop(fm_controller *c);

#ifdef __cplusplus
}
#endif
#endif
