/*
 * workqueue.h - the rate-limited, deduplicating work queue of controllers.
 *
 * Semantics follow client-go's workqueue, which controllers are written
 * against:
 *   - Items are string keys ("namespace/name"). A key is in the queue at
 *     most once: adding a key that is already waiting does nothing.
 *   - fm_workqueue_get() hands a key to one worker and marks it "processing"
 *     until fm_workqueue_done(). A key added while it is processing is not
 *     handed to a second worker; it is queued again when done() is called.
 *     So one key is never processed by two workers at once.
 *   - fm_workqueue_add_after() queues a key after a delay (a timer min-heap;
 *     a later call with an earlier time moves the deadline forward, never
 *     back).
 *   - fm_workqueue_add_rate_limited() delays by the larger of a per-key
 *     exponential backoff (5 ms doubling to 1000 s, counted per key until
 *     fm_workqueue_forget()) and an overall token bucket (10 per second, burst
 *     100), like client-go's DefaultControllerRateLimiter (MaxOf).
 *   - fm_workqueue_shutdown() wakes every blocked get(); keys already queued are
 *     still handed out, then get() returns FM_ECANCELED. Adds after shutdown
 *     are ignored, delayed keys are dropped. fm_workqueue_shutdown_with_drain()
 *     also waits until every key handed out has been marked done.
 *
 * Metrics (when options.metrics is set, labelled name=options.name):
 * workqueue_depth, workqueue_adds_total, workqueue_retries_total,
 * workqueue_queue_duration_seconds (add -> get) and
 * workqueue_work_duration_seconds (get -> done).
 *
 * All functions are thread-safe. Time comes from options.clock, so tests
 * drive backoff with a fake clock instead of sleeping.
 */
#ifndef FOREMAN_WORKQUEUE_H
#define FOREMAN_WORKQUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "metrics.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fm_workqueue fm_workqueue;

typedef struct fm_workqueue_options {
    const char *name;      /* for metrics; NULL = "" */
    fm_clock *clock;       /* NULL = the real clock */
    fm_metrics *metrics;   /* NULL = no metrics */
    int64_t base_delay_ms; /* per-key backoff start; 0 = 5 */
    int64_t max_delay_ms;  /* per-key backoff cap; 0 = 1000000 (1000 s) */
    double qps;            /* token bucket rate; 0 = 10; < 0 = no bucket */
    int burst;             /* token bucket size; 0 = 100 */
} fm_workqueue_options;

/* Creates a queue; opt may be NULL for all defaults. Returns 0, FM_ENOMEM
 * or FM_EINVAL (metrics registration clash). Free with fm_workqueue_free(). */
int fm_workqueue_new(fm_workqueue **out, const fm_workqueue_options *opt);

/* Frees the queue (shutting it down first). Accepts NULL. No thread may be
 * inside a workqueue call any more. */
void fm_workqueue_free(fm_workqueue *q);

/* Queues key now (deduplicated, see above). Returns 0, or FM_ENOMEM;
 * ignored (0) after shutdown. */
int fm_workqueue_add(fm_workqueue *q, const char *key);

/* Queues key after delay_ms milliseconds (<= 0: now). Returns 0 or
 * FM_ENOMEM. */
int fm_workqueue_add_after(fm_workqueue *q, const char *key, int64_t delay_ms);

/* Queues key after its rate-limited delay and counts one more requeue for
 * it. Returns 0 or FM_ENOMEM. */
int fm_workqueue_add_rate_limited(fm_workqueue *q, const char *key);

/* The delay the next fm_workqueue_add_rate_limited(key) would use, in ms,
 * without changing any state (for logs and tests). */
int64_t fm_workqueue_next_delay_ms(fm_workqueue *q, const char *key);

/* Resets key's backoff (call after a successful reconcile). */
void fm_workqueue_forget(fm_workqueue *q, const char *key);

/* How many rate-limited requeues key has had since it was last forgotten. */
int fm_workqueue_num_requeues(fm_workqueue *q, const char *key);

/*
 * Blocks until a key is ready, then stores it in *out and marks it
 * processing. The string is owned by the queue and valid until
 * fm_workqueue_done() for it. Returns 0, or FM_ECANCELED once the queue is
 * shut down and empty (*out = NULL).
 */
int fm_workqueue_get(fm_workqueue *q, const char **out);

/* Like fm_workqueue_get() but gives up after timeout_ms on the queue's clock
 * (FM_ENOTFOUND then). timeout_ms < 0 waits forever. */
int fm_workqueue_get_timeout(fm_workqueue *q, const char **out, int64_t timeout_ms);

/* Marks a key from fm_workqueue_get() as finished; if it was added again
 * meanwhile it is queued again. key must be the pointer get() returned. */
void fm_workqueue_done(fm_workqueue *q, const char *key);

/* Number of keys ready to be handed out (delayed keys not counted). */
size_t fm_workqueue_len(fm_workqueue *q);

/* Number of keys waiting on a delay. */
size_t fm_workqueue_delayed_len(fm_workqueue *q);

/* Stops the queue (see above); idempotent. */
void fm_workqueue_shutdown(fm_workqueue *q);

/* Stops the queue and waits until every processing key is done. */
void fm_workqueue_shutdown_with_drain(fm_workqueue *q);

bool fm_workqueue_shutting_down(fm_workqueue *q);

#ifdef __cplusplus
}
#endif
#endif
