/*
 * test_controller.c - the reconcile loop without an API server: keys are
 * enqueued by hand, backoff is driven by a fake clock.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "controller.h"
#include "error.h"
#include "metrics.h"
#include "test.h"

typedef struct rec {
    atomic_int calls;
    atomic_int fail_left;     /* fail this many calls first */
    atomic_int in_flight;
    atomic_int overlap;       /* saw two reconciles at once for one key */
    atomic_int requeue_after; /* ms to ask for on success */
    atomic_int errors_seen;
    int sleep_us;
    char last_key[64];
    char last_id[40];
    pthread_mutex_t mu;
} rec;

static int reconcile(fm_reconcile_result *out, void *ud, const fm_reconcile_ctx *ctx)
{
    rec *r = ud;
    if (atomic_fetch_add(&r->in_flight, 1) != 0) atomic_store(&r->overlap, 1);
    if (r->sleep_us) usleep((useconds_t)r->sleep_us);
    pthread_mutex_lock(&r->mu);
    snprintf(r->last_key, sizeof(r->last_key), "%s", ctx->key);
    snprintf(r->last_id, sizeof(r->last_id), "%s", ctx->reconcile_id);
    pthread_mutex_unlock(&r->mu);
    atomic_fetch_sub(&r->in_flight, 1);
    atomic_fetch_add(&r->calls, 1);
    if (atomic_load(&r->fail_left) > 0) {
        atomic_fetch_sub(&r->fail_left, 1);
        return fm_error_set(FM_EHTTP, "agentictasks/%s: 409 Conflict", ctx->key);
    }
    out->requeue_after_ms = atomic_load(&r->requeue_after);
    return 0;
}

static void on_error(void *ud, const fm_reconcile_ctx *ctx, int code, const char *msg)
{
    rec *r = ud;
    if (code == FM_EHTTP && strstr(msg, "409 Conflict") && ctx->n_log_kv == 3 &&
        strcmp(ctx->log_kv[0], "controller") == 0)
        atomic_fetch_add(&r->errors_seen, 1);
}

/* Waits (real time, for worker threads) until calls reaches n. */
static int wait_calls(rec *r, int n)
{
    for (int i = 0; i < 3000 && atomic_load(&r->calls) < n; i++) usleep(1000);
    usleep(2000); /* let the worker file the key after the call */
    return atomic_load(&r->calls);
}

static double series_value(fm_metrics *m, const char *text)
{
    fm_buf b = FM_BUF_INIT;
    fm_metrics_render(&b, m);
    const char *p = b.data ? strstr(b.data, text) : NULL;
    double v = p ? strtod(p + strlen(text), NULL) : -1;
    fm_buf_free(&b);
    return v;
}

TEST(test_reconciles_enqueued_keys)
{
    static rec r;
    memset(&r, 0, sizeof(r));
    pthread_mutex_init(&r.mu, NULL);
    fm_controller *c = NULL;
    fm_controller_options o = {.name = "test", .reconcile = reconcile, .ud = &r, .workers = 3};
    CHECK_FATAL(fm_controller_new(&c, &o) == 0);
    CHECK_INT(fm_controller_start(c), 0);
    CHECK_INT(fm_controller_start(c), FM_EINVAL);
    fm_controller_enqueue(c, "ns/a");
    fm_controller_enqueue(c, "ns/b");
    fm_controller_enqueue(c, "ns/c");
    CHECK_INT(wait_calls(&r, 3), 3);
    CHECK_INT(strlen(r.last_id), 36);
    /* A UUID version 4, and a new one per reconcile. */
    CHECK(r.last_id[14] == '4');
    CHECK(strchr("89ab", r.last_id[19]) != NULL);
    char first[40];
    snprintf(first, sizeof first, "%s", r.last_id);
    fm_controller_enqueue(c, "ns/d");
    CHECK_INT(wait_calls(&r, 4), 4);
    CHECK(strcmp(first, r.last_id) != 0);
    fm_controller_stop(c);
    fm_controller_stop(c);
    fm_controller_free(c);
    CHECK_INT(fm_controller_new(&c, &(fm_controller_options){.name = "x"}), FM_EINVAL);
}

TEST(test_errors_retry_with_backoff_then_forget)
{
    static rec r;
    memset(&r, 0, sizeof(r));
    pthread_mutex_init(&r.mu, NULL);
    fm_clock *clk = NULL;
    fm_clock_fake_new(&clk, 0, (fm_time){0, 0});
    fm_metrics *m = NULL;
    fm_metrics_new(&m);
    atomic_store(&r.fail_left, 2);
    fm_controller *c = NULL;
    fm_controller_options o = {.name = "sched", .reconcile = reconcile, .ud = &r, .workers = 2,
                            .clock = clk, .metrics = m, .on_error = on_error};
    CHECK_FATAL(fm_controller_new(&c, &o) == 0);
    CHECK_INT(fm_controller_start(c), 0);
    fm_controller_enqueue(c, "ns/x");
    CHECK_INT(wait_calls(&r, 1), 1);
    CHECK_INT(fm_workqueue_num_requeues(fm_controller_queue(c), "ns/x"), 1);
    /* Not retried before its 5 ms backoff. */
    fm_clock_fake_advance(clk, 4 * FM_NSEC_PER_MSEC);
    usleep(20000);
    CHECK_INT(atomic_load(&r.calls), 1);
    fm_clock_fake_advance(clk, 1 * FM_NSEC_PER_MSEC);
    CHECK_INT(wait_calls(&r, 2), 2);
    CHECK_INT(fm_workqueue_num_requeues(fm_controller_queue(c), "ns/x"), 2);
    /* Second failure: 10 ms. */
    fm_clock_fake_advance(clk, 9 * FM_NSEC_PER_MSEC);
    usleep(20000);
    CHECK_INT(atomic_load(&r.calls), 2);
    fm_clock_fake_advance(clk, 1 * FM_NSEC_PER_MSEC);
    CHECK_INT(wait_calls(&r, 3), 3);
    /* Success forgets the backoff. */
    CHECK_INT(fm_workqueue_num_requeues(fm_controller_queue(c), "ns/x"), 0);
    CHECK_INT(atomic_load(&r.errors_seen), 2);
    CHECK(series_value(m, "controller_runtime_reconcile_total{controller=\"sched\",result=\"error\"} ") == 2);
    CHECK(series_value(m, "controller_runtime_reconcile_total{controller=\"sched\",result=\"success\"} ") == 1);
    CHECK(series_value(m, "controller_runtime_reconcile_errors_total{controller=\"sched\"} ") == 2);
    CHECK(series_value(m, "controller_runtime_reconcile_time_seconds_count{controller=\"sched\"} ") == 3);
    CHECK(series_value(m, "controller_runtime_max_concurrent_reconciles{controller=\"sched\"} ") == 2);
    CHECK(series_value(m, "workqueue_retries_total{name=\"sched\"} ") == 2);

    /* requeue-after: comes back after the delay, as a success. */
    atomic_store(&r.requeue_after, 1000);
    fm_controller_enqueue(c, "ns/y");
    CHECK_INT(wait_calls(&r, 4), 4);
    atomic_store(&r.requeue_after, 0);
    fm_clock_fake_advance(clk, 999 * FM_NSEC_PER_MSEC);
    usleep(20000);
    CHECK_INT(atomic_load(&r.calls), 4);
    fm_clock_fake_advance(clk, 1 * FM_NSEC_PER_MSEC);
    CHECK_INT(wait_calls(&r, 5), 5);
    CHECK(series_value(m, "controller_runtime_reconcile_total{controller=\"sched\",result=\"requeue_after\"} ") == 1);
    fm_controller_free(c);
    fm_metrics_free(m);
    fm_clock_free(clk);
}

TEST(test_one_key_never_twice_at_once)
{
    static rec r;
    memset(&r, 0, sizeof(r));
    pthread_mutex_init(&r.mu, NULL);
    r.sleep_us = 2000;
    fm_controller *c = NULL;
    fm_controller_options o = {.name = "excl", .reconcile = reconcile, .ud = &r, .workers = 4};
    CHECK_FATAL(fm_controller_new(&c, &o) == 0);
    CHECK_INT(fm_controller_start(c), 0);
    for (int i = 0; i < 200; i++) {
        fm_controller_enqueue(c, "ns/hot");
        usleep(100);
    }
    /* Re-adds during a reconcile are coalesced into one more reconcile. */
    int before = wait_calls(&r, 2);
    usleep(20000);
    CHECK_INT(atomic_load(&r.overlap), 0);
    CHECK(before >= 2);
    CHECK(atomic_load(&r.calls) < 200);
    fm_controller_free(c);
}

TEST(test_stop_waits_for_running_reconcile)
{
    static rec r;
    memset(&r, 0, sizeof(r));
    pthread_mutex_init(&r.mu, NULL);
    r.sleep_us = 50000;
    fm_controller *c = NULL;
    fm_controller_options o = {.name = "drain", .reconcile = reconcile, .ud = &r};
    CHECK_FATAL(fm_controller_new(&c, &o) == 0);
    CHECK_INT(fm_controller_start(c), 0);
    fm_controller_enqueue(c, "ns/slow");
    usleep(10000); /* the worker is inside the reconcile now */
    fm_controller_stop(c);
    CHECK_INT(atomic_load(&r.calls), 1);
    CHECK_INT(atomic_load(&r.in_flight), 0);
    fm_controller_free(c);
}

int main(void)
{
    RUN(test_reconciles_enqueued_keys);
    RUN(test_errors_retry_with_backoff_then_forget);
    RUN(test_one_key_never_twice_at_once);
    RUN(test_stop_waits_for_running_reconcile);
    return test_summary();
}
