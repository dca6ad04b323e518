/*
 * workqueue.c - the rate-limited, deduplicating work queue (see workqueue.h).
 *
 * One record per key (wq_item) holds all of the key's state: whether it is
 * dirty (needs processing), queued (in the ready FIFO), processing (handed to
 * a worker), waiting in the delay heap, and its failure count. A record lives
 * in the hash table while any of those is set and is freed as soon as none
 * is, so a controller that forgets keys after success keeps the table small.
 *
 * There is no timer thread: whoever calls get() (or len()) first moves due
 * keys from the delay heap to the FIFO, and blocked getters sleep until the
 * earliest deadline. All state is under one mutex. Getters wait on `cond`
 * and are woken one at a time: one signal per key made ready or deadline
 * moved, and a getter that leaves with keys or timers still pending wakes
 * the next (passing the baton), so a controller with 16 idle workers wakes
 * one thread per key instead of 16. Shutdown wakes all of them. Drainers
 * wait on `drained`, which done() signals once shutdown has begun and the
 * last key in flight is done.
 */
#include "workqueue.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "hashmap.h"
#include "tokenbucket.h"

typedef struct wq_item {
    char *key;
    struct wq_item *next; /* FIFO link */
    bool dirty, queued, processing;
    size_t heap_idx;      /* SIZE_MAX when not in the heap */
    int64_t ready_at;     /* heap deadline */
    int64_t added_at;     /* when it became dirty (queue latency) */
    int64_t started_at;   /* when get() handed it out (work duration) */
    int failures;
} wq_item;

struct fm_workqueue {
    pthread_mutex_t mu;
    pthread_cond_t cond;    /* getters */
    pthread_cond_t drained; /* shutdown_with_drain: n_processing reached 0 */
    fm_clock *clock;
    fm_hashmap items;
    wq_item *head, *tail;
    size_t n_queued, n_processing;
    wq_item **heap;
    size_t n_heap, cap_heap;
    bool shutting_down;
    /* rate limiter */
    int64_t base_ns, max_ns;
    bool unlimited;     /* qps < 0: no overall limit */
    fm_token_bucket tb;
    /* metrics (NULL when off) */
    fm_series *m_depth, *m_adds, *m_retries, *m_queue_dur, *m_work_dur;
};

/* ------------------------------------------------------------ items */

static wq_item *item_get_or_new(fm_workqueue *q, const char *key)
{
    wq_item *it = fm_hashmap_get(&q->items, key);
    if (it) return it;
    it = calloc(1, sizeof(*it));
    if (!it) return NULL;
    it->key = fm_strdup(key);
    it->heap_idx = SIZE_MAX;
    if (!it->key || fm_hashmap_put(&q->items, it->key, it, NULL) != 0) {
        free(it->key);
        free(it);
        return NULL;
    }
    return it;
}

/* Frees the record when nothing refers to the key any more. */
static void item_maybe_release(fm_workqueue *q, wq_item *it)
{
    if (it->dirty || it->queued || it->processing || it->heap_idx != SIZE_MAX || it->failures)
        return;
    fm_hashmap_remove(&q->items, it->key);
    free(it->key);
    free(it);
}

static void fifo_push(fm_workqueue *q, wq_item *it)
{
    it->next = NULL;
    it->queued = true;
    if (q->tail) q->tail->next = it;
    else q->head = it;
    q->tail = it;
    q->n_queued++;
    fm_metrics_set(q->m_depth, (double)q->n_queued);
}

static wq_item *fifo_pop(fm_workqueue *q)
{
    wq_item *it = q->head;
    if (!it) return NULL;
    q->head = it->next;
    if (!q->head) q->tail = NULL;
    it->next = NULL;
    it->queued = false;
    q->n_queued--;
    fm_metrics_set(q->m_depth, (double)q->n_queued);
    return it;
}

/* ------------------------------------------------------------ heap */

static void heap_swap(fm_workqueue *q, size_t a, size_t b)
{
    wq_item *t = q->heap[a];
    q->heap[a] = q->heap[b];
    q->heap[b] = t;
    q->heap[a]->heap_idx = a;
    q->heap[b]->heap_idx = b;
}

static void heap_up(fm_workqueue *q, size_t i)
{
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (q->heap[p]->ready_at <= q->heap[i]->ready_at) break;
        heap_swap(q, p, i);
        i = p;
    }
}

static void heap_down(fm_workqueue *q, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < q->n_heap && q->heap[l]->ready_at < q->heap[m]->ready_at) m = l;
        if (r < q->n_heap && q->heap[r]->ready_at < q->heap[m]->ready_at) m = r;
        if (m == i) return;
        heap_swap(q, i, m);
        i = m;
    }
}

static int heap_push(fm_workqueue *q, wq_item *it)
{
    if (q->n_heap == q->cap_heap) {
        size_t cap = q->cap_heap ? q->cap_heap * 2 : 16;
        wq_item **h = realloc(q->heap, cap * sizeof(*h));
        if (!h) return fm_error_set(FM_ENOMEM, "workqueue: out of memory");
        q->heap = h;
        q->cap_heap = cap;
    }
    it->heap_idx = q->n_heap;
    q->heap[q->n_heap++] = it;
    heap_up(q, it->heap_idx);
    return 0;
}

static wq_item *heap_pop(fm_workqueue *q)
{
    wq_item *top = q->heap[0];
    q->n_heap--;
    if (q->n_heap > 0) {
        q->heap[0] = q->heap[q->n_heap];
        q->heap[0]->heap_idx = 0;
        heap_down(q, 0);
    }
    top->heap_idx = SIZE_MAX;
    return top;
}

/* ------------------------------------------------------------ core */

/* The client-go Add: mark dirty; queue unless already queued or being
 * processed (done() queues it then). Lock held. */
static void add_locked(fm_workqueue *q, wq_item *it, int64_t now)
{
    if (it->dirty) return;
    it->dirty = true;
    it->added_at = now;
    fm_metrics_inc(q->m_adds);
    if (it->processing) return;
    fifo_push(q, it);
    pthread_cond_signal(&q->cond);
}

/* Moves every key whose delay has passed from the heap to the FIFO. */
static void promote_due(fm_workqueue *q, int64_t now)
{
    while (q->n_heap > 0 && q->heap[0]->ready_at <= now) {
        wq_item *it = heap_pop(q);
        add_locked(q, it, now);
        item_maybe_release(q, it); /* no-op: add made it dirty */
    }
}

int fm_workqueue_new(fm_workqueue **out, const fm_workqueue_options *opt)
{
    fm_workqueue_options defaults = {0};
    if (!opt) opt = &defaults;
    *out = NULL;
    fm_workqueue *q = calloc(1, sizeof(*q));
    if (!q) return fm_error_set(FM_ENOMEM, "workqueue: out of memory");
    pthread_mutex_init(&q->mu, NULL);
    if (fm_clock_cond_init(&q->cond) != 0) {
        pthread_mutex_destroy(&q->mu);
        free(q);
        return fm_error_set(FM_ERROR, "workqueue: cannot set up its condition variable (monotonic clock)");
    }
    pthread_cond_init(&q->drained, NULL);
    q->clock = opt->clock ? opt->clock : fm_clock_real();
    q->base_ns = (opt->base_delay_ms > 0 ? opt->base_delay_ms : 5) * FM_NSEC_PER_MSEC;
    q->max_ns = (opt->max_delay_ms > 0 ? opt->max_delay_ms : 1000000) * FM_NSEC_PER_MSEC;
    q->unlimited = opt->qps < 0;
    fm_token_bucket_init(&q->tb, opt->qps == 0 ? 10.0 : opt->qps, opt->burst > 0 ? opt->burst : 100,
                         fm_clock_now(q->clock));

    int rc = 0;
    if (opt->metrics) {
        const char *name = opt->name ? opt->name : "";
        fm_metric *m;
        rc = fm_metrics_gauge(&m, opt->metrics, "workqueue_depth", "Current depth of workqueue", "name", NULL);
        if (!rc) rc = fm_metrics_series(&q->m_depth, m, name, NULL);
        if (!rc) rc = fm_metrics_counter(&m, opt->metrics, "workqueue_adds_total",
                                      "Total number of adds handled by workqueue", "name", NULL);
        if (!rc) rc = fm_metrics_series(&q->m_adds, m, name, NULL);
        if (!rc) rc = fm_metrics_counter(&m, opt->metrics, "workqueue_retries_total",
                                      "Total number of retries handled by workqueue", "name", NULL);
        if (!rc) rc = fm_metrics_series(&q->m_retries, m, name, NULL);
        if (!rc) rc = fm_metrics_histogram(&m, opt->metrics, "workqueue_queue_duration_seconds",
                                        "How long in seconds an item stays in workqueue before being requested",
                                        fm_metrics_workqueue_buckets, 10, "name", NULL);
        if (!rc) rc = fm_metrics_series(&q->m_queue_dur, m, name, NULL);
        if (!rc) rc = fm_metrics_histogram(&m, opt->metrics, "workqueue_work_duration_seconds",
                                        "How long in seconds processing an item from workqueue takes",
                                        fm_metrics_workqueue_buckets, 10, "name", NULL);
        if (!rc) rc = fm_metrics_series(&q->m_work_dur, m, name, NULL);
        fm_metrics_set(q->m_depth, 0);
    }
    if (!rc) rc = fm_clock_watch(q->clock, &q->cond, &q->mu);
    if (rc) {
        pthread_cond_destroy(&q->cond);
        pthread_cond_destroy(&q->drained);
        pthread_mutex_destroy(&q->mu);
        free(q);
        return rc;
    }
    *out = q;
    return 0;
}

void fm_workqueue_free(fm_workqueue *q)
{
    if (!q) return;
    fm_workqueue_shutdown(q);
    fm_clock_unwatch(q->clock, &q->cond, &q->mu);
    size_t iter = 0;
    void *v;
    while (fm_hashmap_next(&q->items, &iter, NULL, &v)) {
        wq_item *it = v;
        free(it->key);
        free(it);
    }
    fm_hashmap_clear(&q->items);
    free(q->heap);
    pthread_cond_destroy(&q->cond);
    pthread_cond_destroy(&q->drained);
    pthread_mutex_destroy(&q->mu);
    free(q);
}

int fm_workqueue_add(fm_workqueue *q, const char *key)
{
    return fm_workqueue_add_after(q, key, 0);
}

/* Schedules it at `at` (ns), keeping an earlier existing deadline. */
static int schedule_locked(fm_workqueue *q, wq_item *it, int64_t at, int64_t now)
{
    if (at <= now) {
        if (it->heap_idx != SIZE_MAX) {
            /* Due now: drop the pending timer, the key is queued instead. */
            it->ready_at = INT64_MIN;
            heap_up(q, it->heap_idx);
            heap_pop(q);
        }
        add_locked(q, it, now);
        return 0;
    }
    if (it->heap_idx != SIZE_MAX) {
        if (at < it->ready_at) {
            it->ready_at = at;
            heap_up(q, it->heap_idx);
            pthread_cond_signal(&q->cond); /* a getter re-reads the earliest deadline */
        }
        return 0;
    }
    it->ready_at = at;
    int rc = heap_push(q, it);
    /* A getter may be sleeping until a later deadline. */
    pthread_cond_signal(&q->cond);
    return rc;
}

int fm_workqueue_add_after(fm_workqueue *q, const char *key, int64_t delay_ms)
{
    int rc = 0;
    pthread_mutex_lock(&q->mu);
    if (q->shutting_down) goto done;
    wq_item *it = item_get_or_new(q, key);
    if (!it) {
        rc = fm_error_set(FM_ENOMEM, "workqueue: %s: out of memory", key);
        goto done;
    }
    int64_t now = fm_clock_now(q->clock);
    int64_t delay_ns = delay_ms > 0 ? delay_ms * FM_NSEC_PER_MSEC : 0;
    rc = schedule_locked(q, it, now + delay_ns, now);
    item_maybe_release(q, it);
done:
    pthread_mutex_unlock(&q->mu);
    return rc;
}

/* Per-key exponential backoff for a key that failed `failures` times. */
static int64_t backoff_ns(const fm_workqueue *q, int failures)
{
    /* base * 2^failures without libm's pow() (the agent links no libm) */
    if (failures < 0) failures = 0;
    if (failures > 62) return q->max_ns;
    double d = (double)q->base_ns * (double)(UINT64_C(1) << failures);
    if (d > (double)q->max_ns) return q->max_ns;
    return (int64_t)d;
}

/*
 * The token bucket's delay for one more event at `now` (golang.org/x/time/
 * rate Reserve semantics: the token is taken even when the bucket is empty,
 * and the caller waits until the deficit refills). When take is false the
 * bucket is only inspected.
 */
static int64_t bucket_delay_ns(fm_workqueue *q, int64_t now, bool take)
{
    if (q->unlimited) return 0;
    return fm_token_bucket_reserve(&q->tb, now, take);
}

int fm_workqueue_add_rate_limited(fm_workqueue *q, const char *key)
{
    int rc = 0;
    pthread_mutex_lock(&q->mu);
    if (q->shutting_down) goto done;
    wq_item *it = item_get_or_new(q, key);
    if (!it) {
        rc = fm_error_set(FM_ENOMEM, "workqueue: %s: out of memory", key);
        goto done;
    }
    int64_t now = fm_clock_now(q->clock);
    int64_t d1 = backoff_ns(q, it->failures);
    int64_t d2 = bucket_delay_ns(q, now, true);
    it->failures++;
    fm_metrics_inc(q->m_retries);
    rc = schedule_locked(q, it, now + (d1 > d2 ? d1 : d2), now);
    item_maybe_release(q, it);
done:
    pthread_mutex_unlock(&q->mu);
    return rc;
}

int64_t fm_workqueue_next_delay_ms(fm_workqueue *q, const char *key)
{
    pthread_mutex_lock(&q->mu);
    wq_item *it = fm_hashmap_get(&q->items, key);
    int64_t d1 = backoff_ns(q, it ? it->failures : 0);
    int64_t d2 = bucket_delay_ns(q, fm_clock_now(q->clock), false);
    pthread_mutex_unlock(&q->mu);
    int64_t d = d1 > d2 ? d1 : d2;
    return (d + FM_NSEC_PER_MSEC - 1) / FM_NSEC_PER_MSEC;
}

void fm_workqueue_forget(fm_workqueue *q, const char *key)
{
    pthread_mutex_lock(&q->mu);
    wq_item *it = fm_hashmap_get(&q->items, key);
    if (it) {
        it->failures = 0;
        item_maybe_release(q, it);
    }
    pthread_mutex_unlock(&q->mu);
}

int fm_workqueue_num_requeues(fm_workqueue *q, const char *key)
{
    pthread_mutex_lock(&q->mu);
    wq_item *it = fm_hashmap_get(&q->items, key);
    int n = it ? it->failures : 0;
    pthread_mutex_unlock(&q->mu);
    return n;
}

int fm_workqueue_get_timeout(fm_workqueue *q, const char **out, int64_t timeout_ms)
{
    *out = NULL;
    pthread_mutex_lock(&q->mu);
    int64_t now = fm_clock_now(q->clock);
    int64_t give_up = timeout_ms >= 0 ? now + timeout_ms * FM_NSEC_PER_MSEC : -1;
    for (;;) {
        now = fm_clock_now(q->clock);
        if (!q->shutting_down) promote_due(q, now);
        if (q->head) break;
        if (q->shutting_down) {
            pthread_mutex_unlock(&q->mu);
            return fm_error_set(FM_ECANCELED, "workqueue: shutting down");
        }
        if (give_up >= 0 && now >= give_up) {
            /* This getter may have taken the wake-up meant for a timer. */
            if (q->n_heap) pthread_cond_signal(&q->cond);
            pthread_mutex_unlock(&q->mu);
            return fm_error_set(FM_ENOTFOUND, "workqueue: no key ready within %lld ms", (long long)timeout_ms);
        }
        int64_t deadline = q->n_heap ? q->heap[0]->ready_at : -1;
        if (give_up >= 0 && (deadline < 0 || give_up < deadline)) deadline = give_up;
        fm_clock_wait_until(q->clock, &q->cond, &q->mu, deadline);
    }
    wq_item *it = fifo_pop(q);
    /* Keys or timers left: make sure another getter is awake for them. */
    if (q->head || q->n_heap) pthread_cond_signal(&q->cond);
    it->dirty = false;
    it->processing = true;
    it->started_at = now;
    q->n_processing++;
    fm_metrics_observe(q->m_queue_dur, (double)(now - it->added_at) / 1e9);
    *out = it->key;
    pthread_mutex_unlock(&q->mu);
    return 0;
}

int fm_workqueue_get(fm_workqueue *q, const char **out)
{
    return fm_workqueue_get_timeout(q, out, -1);
}

void fm_workqueue_done(fm_workqueue *q, const char *key)
{
    pthread_mutex_lock(&q->mu);
    wq_item *it = fm_hashmap_get(&q->items, key);
    if (it && it->processing) {
        it->processing = false;
        q->n_processing--;
        fm_metrics_observe(q->m_work_dur, (double)(fm_clock_now(q->clock) - it->started_at) / 1e9);
        bool requeued = it->dirty;
        if (requeued) fifo_push(q, it);
        item_maybe_release(q, it); /* may free it */
        if (requeued) pthread_cond_signal(&q->cond);
        if (q->shutting_down && q->n_processing == 0) pthread_cond_broadcast(&q->drained);
    }
    pthread_mutex_unlock(&q->mu);
}

size_t fm_workqueue_len(fm_workqueue *q)
{
    pthread_mutex_lock(&q->mu);
    if (!q->shutting_down) promote_due(q, fm_clock_now(q->clock));
    size_t n = q->n_queued;
    pthread_mutex_unlock(&q->mu);
    return n;
}

size_t fm_workqueue_delayed_len(fm_workqueue *q)
{
    pthread_mutex_lock(&q->mu);
    size_t n = q->n_heap;
    pthread_mutex_unlock(&q->mu);
    return n;
}

void fm_workqueue_shutdown(fm_workqueue *q)
{
    pthread_mutex_lock(&q->mu);
    if (!q->shutting_down) {
        q->shutting_down = true;
        /* Delayed keys will never be handed out: drop their timers. */
        while (q->n_heap > 0) {
            wq_item *it = heap_pop(q);
            item_maybe_release(q, it);
        }
        pthread_cond_broadcast(&q->cond);
    }
    pthread_mutex_unlock(&q->mu);
}

void fm_workqueue_shutdown_with_drain(fm_workqueue *q)
{
    fm_workqueue_shutdown(q);
    pthread_mutex_lock(&q->mu);
    /* Real-time wait: only done() ends it, never the clock. */
    while (q->n_processing > 0) pthread_cond_wait(&q->drained, &q->mu);
    pthread_mutex_unlock(&q->mu);
}

bool fm_workqueue_shutting_down(fm_workqueue *q)
{
    pthread_mutex_lock(&q->mu);
    bool v = q->shutting_down;
    pthread_mutex_unlock(&q->mu);
    return v;
}
