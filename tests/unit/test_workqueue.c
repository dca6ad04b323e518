/*
 * test_workqueue.c - the work queue's client-go semantics, driven by a fake
 * clock (no test sleeps to wait for a backoff).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "clock.h"
#include "error.h"
#include "metrics.h"
#include "test.h"
#include "workqueue.h"

static fm_clock *fake(void)
{
    fm_clock *c = NULL;
    fm_time w = {0, 0};
    fm_clock_fake_new(&c, 1000 * FM_NSEC_PER_SEC, w);
    return c;
}

static fm_workqueue *new_queue(fm_clock *c, double qps)
{
    fm_workqueue_options o = {.name = "test", .clock = c, .qps = qps};
    fm_workqueue *q = NULL;
    if (fm_workqueue_new(&q, &o) != 0) return NULL;
    return q;
}

TEST(test_dedup_and_fifo_order)
{
    fm_workqueue *q = new_queue(NULL, 0);
    CHECK_FATAL(q);
    CHECK_INT(fm_workqueue_add(q, "ns/a"), 0);
    CHECK_INT(fm_workqueue_add(q, "ns/b"), 0);
    CHECK_INT(fm_workqueue_add(q, "ns/a"), 0);
    CHECK_INT(fm_workqueue_len(q), 2);
    const char *k1, *k2;
    CHECK_INT(fm_workqueue_get(q, &k1), 0);
    CHECK_STR(k1, "ns/a");
    CHECK_INT(fm_workqueue_get(q, &k2), 0);
    CHECK_STR(k2, "ns/b");
    CHECK_INT(fm_workqueue_len(q), 0);
    fm_workqueue_done(q, k1);
    fm_workqueue_done(q, k2);
    CHECK_INT(fm_workqueue_len(q), 0);
    fm_workqueue_free(q);
}

TEST(test_readd_while_processing_is_deferred)
{
    fm_workqueue *q = new_queue(NULL, 0);
    CHECK_FATAL(q);
    const char *k;
    fm_workqueue_add(q, "a");
    CHECK_INT(fm_workqueue_get(q, &k), 0);
    CHECK_STR(k, "a");
    /* Added while processing: not handed to a second worker. */
    fm_workqueue_add(q, "a");
    fm_workqueue_add(q, "a");
    CHECK_INT(fm_workqueue_len(q), 0);
    CHECK_INT(fm_workqueue_get_timeout(q, &k, 10), FM_ENOTFOUND);
    CHECK_STR(fm_error_last()->message, "workqueue: no key ready within 10 ms");
    fm_workqueue_done(q, "a");
    CHECK_INT(fm_workqueue_len(q), 1);
    CHECK_INT(fm_workqueue_get(q, &k), 0);
    CHECK_STR(k, "a");
    fm_workqueue_done(q, k);
    CHECK_INT(fm_workqueue_len(q), 0);
    fm_workqueue_free(q);
}

TEST(test_add_after_uses_clock)
{
    fm_clock *c = fake();
    fm_workqueue *q = new_queue(c, 0);
    CHECK_FATAL(q);
    fm_workqueue_add_after(q, "a", 100);
    CHECK_INT(fm_workqueue_len(q), 0);
    CHECK_INT(fm_workqueue_delayed_len(q), 1);
    fm_clock_fake_advance(c, 99 * FM_NSEC_PER_MSEC);
    CHECK_INT(fm_workqueue_len(q), 0);
    fm_clock_fake_advance(c, 1 * FM_NSEC_PER_MSEC);
    CHECK_INT(fm_workqueue_len(q), 1);
    CHECK_INT(fm_workqueue_delayed_len(q), 0);

    /* An earlier deadline wins; a later one never pushes it back. */
    fm_workqueue_add_after(q, "b", 100);
    fm_workqueue_add_after(q, "b", 50);
    fm_workqueue_add_after(q, "c", 50);
    fm_workqueue_add_after(q, "c", 100);
    fm_clock_fake_advance(c, 50 * FM_NSEC_PER_MSEC);
    CHECK_INT(fm_workqueue_len(q), 3);
    CHECK_INT(fm_workqueue_delayed_len(q), 0);

    /* add() of a key waiting on a delay queues it now, once. */
    fm_workqueue_add_after(q, "d", 500);
    fm_workqueue_add(q, "d");
    CHECK_INT(fm_workqueue_len(q), 4);
    CHECK_INT(fm_workqueue_delayed_len(q), 0);
    fm_clock_fake_advance(c, 600 * FM_NSEC_PER_MSEC);
    CHECK_INT(fm_workqueue_len(q), 4);
    fm_workqueue_free(q);
    fm_clock_free(c);
}

TEST(test_delays_pop_in_deadline_order)
{
    fm_clock *c = fake();
    fm_workqueue *q = new_queue(c, 0);
    CHECK_FATAL(q);
    const int delays[] = {70, 10, 50, 30, 90, 20, 80, 40, 60, 100};
    char key[16];
    for (int i = 0; i < 10; i++) {
        snprintf(key, sizeof(key), "k%d", delays[i]);
        fm_workqueue_add_after(q, key, delays[i]);
    }
    for (int t = 10; t <= 100; t += 10) {
        fm_clock_fake_advance(c, 10 * FM_NSEC_PER_MSEC);
        const char *k;
        CHECK_INT(fm_workqueue_len(q), 1);
        CHECK_INT(fm_workqueue_get(q, &k), 0);
        snprintf(key, sizeof(key), "k%d", t);
        CHECK_STR(k, key);
        fm_workqueue_done(q, k);
    }
    fm_workqueue_free(q);
    fm_clock_free(c);
}

TEST(test_per_item_backoff_doubles_and_caps)
{
    fm_clock *c = fake();
    fm_workqueue *q = new_queue(c, -1); /* bucket off: backoff alone */
    CHECK_FATAL(q);
    int64_t expect = 5;
    for (int i = 0; i < 10; i++) {
        CHECK_INT(fm_workqueue_next_delay_ms(q, "a"), expect);
        CHECK_INT(fm_workqueue_add_rate_limited(q, "a"), 0);
        CHECK_INT(fm_workqueue_num_requeues(q, "a"), i + 1);
        /* Not ready one ms early, ready on time. */
        fm_clock_fake_advance(c, (expect - 1) * FM_NSEC_PER_MSEC);
        CHECK_INT(fm_workqueue_len(q), 0);
        fm_clock_fake_advance(c, FM_NSEC_PER_MSEC);
        CHECK_INT(fm_workqueue_len(q), 1);
        const char *k;
        CHECK_INT(fm_workqueue_get(q, &k), 0);
        fm_workqueue_done(q, k);
        expect *= 2;
    }
    /* Other keys have their own backoff. */
    CHECK_INT(fm_workqueue_next_delay_ms(q, "b"), 5);
    for (int i = 0; i < 40; i++) fm_workqueue_add_rate_limited(q, "a");
    CHECK_INT(fm_workqueue_next_delay_ms(q, "a"), 1000000);
    CHECK_INT(fm_workqueue_num_requeues(q, "a"), 50);
    fm_workqueue_forget(q, "a");
    CHECK_INT(fm_workqueue_num_requeues(q, "a"), 0);
    CHECK_INT(fm_workqueue_next_delay_ms(q, "a"), 5);
    fm_workqueue_free(q);
    fm_clock_free(c);
}

TEST(test_token_bucket_limits_overall_rate)
{
    fm_clock *c = fake();
    fm_workqueue *q = new_queue(c, 0); /* defaults: 10 qps, burst 100 */
    CHECK_FATAL(q);
    char key[16];
    for (int i = 0; i < 100; i++) {
        snprintf(key, sizeof(key), "k%d", i);
        fm_workqueue_add_rate_limited(q, key);
    }
    /* The burst is spent: a fresh key waits for the bucket (100 ms per
     * token), not for its own 5 ms backoff. */
    CHECK_INT(fm_workqueue_next_delay_ms(q, "fresh"), 100);
    fm_workqueue_add_rate_limited(q, "fresh");
    CHECK_INT(fm_workqueue_next_delay_ms(q, "fresh2"), 200);
    fm_clock_fake_advance(c, 5 * FM_NSEC_PER_MSEC);
    CHECK_INT(fm_workqueue_len(q), 100);
    fm_clock_fake_advance(c, 94 * FM_NSEC_PER_MSEC);
    CHECK_INT(fm_workqueue_len(q), 100);
    fm_clock_fake_advance(c, 1 * FM_NSEC_PER_MSEC);
    CHECK_INT(fm_workqueue_len(q), 101);
    /* Ten seconds refill the whole burst. */
    fm_clock_fake_advance(c, 20 * FM_NSEC_PER_SEC);
    CHECK_INT(fm_workqueue_next_delay_ms(q, "other"), 5);
    fm_workqueue_free(q);
    fm_clock_free(c);
}

typedef struct getter {
    fm_workqueue *q;
    atomic_int done;
    int rc;
    char key[32];
} getter;

static void *getter_main(void *arg)
{
    getter *g = arg;
    const char *k = NULL;
    g->rc = fm_workqueue_get(g->q, &k);
    if (k) {
        snprintf(g->key, sizeof(g->key), "%s", k);
        fm_workqueue_done(g->q, k);
    }
    atomic_store(&g->done, 1);
    return NULL;
}

static int wait_flag(atomic_int *f)
{
    for (int i = 0; i < 2000 && !atomic_load(f); i++) usleep(1000);
    return atomic_load(f);
}

TEST(test_blocked_get_wakes_on_fake_advance)
{
    fm_clock *c = fake();
    fm_workqueue *q = new_queue(c, 0);
    CHECK_FATAL(q);
    getter g = {.q = q};
    pthread_t t;
    pthread_create(&t, NULL, getter_main, &g);
    fm_workqueue_add_after(q, "late", 1000);
    usleep(20000);
    CHECK_INT(atomic_load(&g.done), 0);
    fm_clock_fake_advance(c, 999 * FM_NSEC_PER_MSEC);
    usleep(20000);
    CHECK_INT(atomic_load(&g.done), 0);
    fm_clock_fake_advance(c, 1 * FM_NSEC_PER_MSEC);
    CHECK(wait_flag(&g.done));
    pthread_join(t, NULL);
    CHECK_INT(g.rc, 0);
    CHECK_STR(g.key, "late");
    fm_workqueue_free(q);
    fm_clock_free(c);
}

TEST(test_shutdown_drains_queued_then_cancels)
{
    fm_workqueue *q = new_queue(NULL, 0);
    CHECK_FATAL(q);
    fm_workqueue_add(q, "a");
    fm_workqueue_add_after(q, "delayed", 100000);
    fm_workqueue_shutdown(q);
    CHECK(fm_workqueue_shutting_down(q));
    fm_workqueue_add(q, "ignored");
    const char *k;
    CHECK_INT(fm_workqueue_get(q, &k), 0);
    CHECK_STR(k, "a");
    fm_workqueue_done(q, k);
    CHECK_INT(fm_workqueue_get(q, &k), FM_ECANCELED);
    CHECK(k == NULL);
    CHECK_INT(fm_workqueue_delayed_len(q), 0);
    fm_workqueue_free(q);

    /* A getter blocked on an empty queue is woken by shutdown. */
    q = new_queue(NULL, 0);
    CHECK_FATAL(q);
    getter g = {.q = q};
    pthread_t t;
    pthread_create(&t, NULL, getter_main, &g);
    usleep(10000);
    fm_workqueue_shutdown(q);
    CHECK(wait_flag(&g.done));
    pthread_join(t, NULL);
    CHECK_INT(g.rc, FM_ECANCELED);
    fm_workqueue_free(q);
}

typedef struct drainer {
    fm_workqueue *q;
    atomic_int done;
} drainer;

static void *drainer_main(void *arg)
{
    drainer *d = arg;
    fm_workqueue_shutdown_with_drain(d->q);
    atomic_store(&d->done, 1);
    return NULL;
}

TEST(test_shutdown_with_drain_waits_for_done)
{
    fm_workqueue *q = new_queue(NULL, 0);
    CHECK_FATAL(q);
    fm_workqueue_add(q, "inflight");
    const char *k;
    CHECK_INT(fm_workqueue_get(q, &k), 0);
    drainer d = {.q = q};
    pthread_t t;
    pthread_create(&t, NULL, drainer_main, &d);
    usleep(30000);
    CHECK_INT(atomic_load(&d.done), 0);
    fm_workqueue_done(q, k);
    CHECK(wait_flag(&d.done));
    pthread_join(t, NULL);
    fm_workqueue_free(q);
}

TEST(test_metrics_hooks)
{
    fm_clock *c = fake();
    fm_metrics *reg = NULL;
    CHECK_FATAL(fm_metrics_new(&reg) == 0);
    fm_workqueue_options o = {.name = "tasks", .clock = c, .metrics = reg};
    fm_workqueue *q = NULL;
    CHECK_FATAL(fm_workqueue_new(&q, &o) == 0);
    fm_workqueue_add(q, "a");
    fm_workqueue_add(q, "a");
    fm_workqueue_add(q, "b");
    fm_clock_fake_advance(c, 3 * FM_NSEC_PER_MSEC);
    const char *k;
    CHECK_INT(fm_workqueue_get(q, &k), 0);
    fm_clock_fake_advance(c, 7 * FM_NSEC_PER_MSEC);
    fm_workqueue_done(q, k);
    fm_workqueue_add_rate_limited(q, "a");

    fm_buf b = FM_BUF_INIT;
    CHECK_INT(fm_metrics_render(&b, reg), 0);
    CHECK_CONTAINS(b.data, "workqueue_depth{name=\"tasks\"} 1\n");
    CHECK_CONTAINS(b.data, "workqueue_adds_total{name=\"tasks\"} 2\n");
    CHECK_CONTAINS(b.data, "workqueue_retries_total{name=\"tasks\"} 1\n");
    CHECK_CONTAINS(b.data, "workqueue_queue_duration_seconds_sum{name=\"tasks\"} 0.003\n");
    CHECK_CONTAINS(b.data, "workqueue_queue_duration_seconds_count{name=\"tasks\"} 1\n");
    CHECK_CONTAINS(b.data, "workqueue_work_duration_seconds_sum{name=\"tasks\"} 0.007\n");
    CHECK_CONTAINS(b.data, "workqueue_work_duration_seconds_bucket{name=\"tasks\",le=\"0.01\"} 1\n");
    CHECK_CONTAINS(b.data, "workqueue_work_duration_seconds_bucket{name=\"tasks\",le=\"0.001\"} 0\n");
    fm_buf_free(&b);
    fm_workqueue_free(q);
    fm_metrics_free(reg);
    fm_clock_free(c);
}

/* Many workers, many re-adds: no key is ever processed by two workers at
 * once, and every key added is eventually processed after its last add. */
#define NKEYS 32
#define NWORKERS 6
typedef struct stress {
    fm_workqueue *q;
    atomic_int busy[NKEYS];
    atomic_int violations;
    atomic_int processed;
} stress;

static void *stress_worker(void *arg)
{
    stress *s = arg;
    const char *k;
    while (fm_workqueue_get(s->q, &k) == 0) {
        int i = atoi(k);
        if (atomic_fetch_add(&s->busy[i], 1) != 0) atomic_fetch_add(&s->violations, 1);
        for (volatile int spin = 0; spin < 2000; spin++) {}
        atomic_fetch_sub(&s->busy[i], 1);
        atomic_fetch_add(&s->processed, 1);
        fm_workqueue_done(s->q, k);
    }
    return NULL;
}

TEST(test_no_key_processed_concurrently)
{
    static stress s;
    memset(&s, 0, sizeof(s));
    s.q = new_queue(NULL, 0);
    CHECK_FATAL(s.q);
    pthread_t t[NWORKERS];
    for (int i = 0; i < NWORKERS; i++) pthread_create(&t[i], NULL, stress_worker, &s);
    char key[16];
    for (int round = 0; round < 20000; round++) {
        snprintf(key, sizeof(key), "%d", round % NKEYS);
        fm_workqueue_add(s.q, key);
    }
    /* Let the workers empty the queue, then drain. */
    for (int i = 0; i < 5000 && fm_workqueue_len(s.q) > 0; i++) usleep(1000);
    fm_workqueue_shutdown_with_drain(s.q);
    for (int i = 0; i < NWORKERS; i++) pthread_join(t[i], NULL);
    CHECK_INT(atomic_load(&s.violations), 0);
    CHECK(atomic_load(&s.processed) >= NKEYS);
    CHECK(atomic_load(&s.processed) <= 20000);
    fm_workqueue_free(s.q);
}

/* Idle workers are woken one per key (signal, not broadcast): with the
 * real clock, a mix of immediate and delayed distinct keys added while all
 * workers sleep is processed completely, each key once, no delayed key
 * before its deadline. A lost wake-up would leave keys behind. */
#define NWAKE 2000
typedef struct wake {
    fm_workqueue *q;
    int64_t due_ns[NWAKE];
    atomic_int seen[NWAKE];
    atomic_int early, processed;
} wake;

static void *wake_worker(void *arg)
{
    wake *w = arg;
    const char *k;
    while (fm_workqueue_get(w->q, &k) == 0) {
        int i = atoi(k);
        if (fm_clock_now(fm_clock_real()) < w->due_ns[i]) atomic_fetch_add(&w->early, 1);
        atomic_fetch_add(&w->seen[i], 1);
        atomic_fetch_add(&w->processed, 1);
        fm_workqueue_forget(w->q, k); /* before done(): k belongs to the queue */
        fm_workqueue_done(w->q, k);
    }
    return NULL;
}

TEST(test_idle_workers_woken_one_per_key)
{
    static wake w;
    memset(&w, 0, sizeof(w));
    w.q = new_queue(NULL, 0);
    CHECK_FATAL(w.q);
    pthread_t t[NWORKERS];
    for (int i = 0; i < NWORKERS; i++) pthread_create(&t[i], NULL, wake_worker, &w);
    usleep(20000); /* every worker asleep in get() */
    char key[16];
    for (int i = 0; i < NWAKE; i++) {
        snprintf(key, sizeof(key), "%d", i);
        /* the last 100 only delayed, after a pause with every worker idle
         * and no timer pending: only the add itself can wake a worker */
        if (i == NWAKE - 100) usleep(50000);
        int64_t delay_ms = i % 3 == 0 && i < NWAKE - 100 ? 0 : (i * 7) % 30 + 1;
        /* due a little early: the queue's clock is read after this one */
        w.due_ns[i] = fm_clock_now(fm_clock_real()) + delay_ms * 1000000 - 1000000;
        if (delay_ms) CHECK_INT(fm_workqueue_add_after(w.q, key, delay_ms), 0);
        else CHECK_INT(fm_workqueue_add(w.q, key), 0);
        if (i % 100 == 99) usleep(2000); /* let all workers go idle again */
    }
    /* liveness, not speed: a lost wake-up would strand keys for good */
    for (int i = 0; i < 10000 && atomic_load(&w.processed) < NWAKE; i++) usleep(1000);
    fm_workqueue_shutdown_with_drain(w.q);
    for (int i = 0; i < NWORKERS; i++) pthread_join(t[i], NULL);
    CHECK_INT(atomic_load(&w.processed), NWAKE);
    int twice = 0;
    for (int i = 0; i < NWAKE; i++) twice += atomic_load(&w.seen[i]) != 1;
    CHECK_INT(twice, 0);
    CHECK_INT(atomic_load(&w.early), 0);
    fm_workqueue_free(w.q);
}

int main(void)
{
    RUN(test_dedup_and_fifo_order);
    RUN(test_readd_while_processing_is_deferred);
    RUN(test_add_after_uses_clock);
    RUN(test_delays_pop_in_deadline_order);
    RUN(test_per_item_backoff_doubles_and_caps);
    RUN(test_token_bucket_limits_overall_rate);
    RUN(test_blocked_get_wakes_on_fake_advance);
    RUN(test_shutdown_drains_queued_then_cancels);
    RUN(test_shutdown_with_drain_waits_for_done);
    RUN(test_metrics_hooks);
    RUN(test_no_key_processed_concurrently);
    RUN(test_idle_workers_woken_one_per_key);
    return test_summary();
}
