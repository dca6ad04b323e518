/*
 * clock.c - real and fake clocks (see clock.h).
 *
 * Lock order of the fake clock, to stay deadlock-free while a waiter that
 * holds its own mutex reads the time:
 *   advance_mu -> time_mu,  advance_mu -> waiter mutex,  waiter mutex -> time_mu.
 * fm_clock_fake_advance() updates the time under time_mu, releases it, and
 * only then takes each waiter's mutex (under advance_mu, which also keeps
 * the watcher list stable against fm_clock_unwatch()).
 */
#include "clock.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error.h"

typedef struct watcher {
    pthread_cond_t *cond;
    pthread_mutex_t *mu;
} watcher;

struct fm_clock {
    int fake;
    pthread_mutex_t advance_mu;
    pthread_mutex_t time_mu;
    int64_t now_ns;
    fm_time wall;
    watcher *watchers;
    size_t n_watchers, cap_watchers;
};

static fm_clock real_clock = {
    .fake = 0,
    .advance_mu = PTHREAD_MUTEX_INITIALIZER,
    .time_mu = PTHREAD_MUTEX_INITIALIZER,
};

fm_clock *fm_clock_real(void)
{
    return &real_clock;
}

int fm_clock_fake_new(fm_clock **out, int64_t start_ns, fm_time wall)
{
    *out = NULL;
    fm_clock *c = calloc(1, sizeof(*c));
    if (!c) return fm_error_set(FM_ENOMEM, "fake clock: out of memory");
    c->fake = 1;
    pthread_mutex_init(&c->advance_mu, NULL);
    pthread_mutex_init(&c->time_mu, NULL);
    c->now_ns = start_ns;
    if (wall.sec == 0 && wall.nsec == 0) wall.sec = 1704067200; /* 2024-01-01T00:00:00Z */
    c->wall = wall;
    *out = c;
    return 0;
}

void fm_clock_free(fm_clock *c)
{
    if (!c || !c->fake) return;
    pthread_mutex_destroy(&c->advance_mu);
    pthread_mutex_destroy(&c->time_mu);
    free(c->watchers);
    free(c);
}

int fm_clock_is_fake(const fm_clock *c)
{
    return c && c->fake;
}

int64_t fm_clock_now(const fm_clock *c)
{
    if (c && c->fake) {
        fm_clock *m = (fm_clock *)c;
        pthread_mutex_lock(&m->time_mu);
        int64_t v = m->now_ns;
        pthread_mutex_unlock(&m->time_mu);
        return v;
    }
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * FM_NSEC_PER_SEC + ts.tv_nsec;
}

fm_time fm_clock_wall(const fm_clock *c)
{
    fm_time t;
    if (c && c->fake) {
        fm_clock *m = (fm_clock *)c;
        pthread_mutex_lock(&m->time_mu);
        t = m->wall;
        pthread_mutex_unlock(&m->time_mu);
        return t;
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    t.sec = (int64_t)ts.tv_sec;
    t.nsec = (int32_t)ts.tv_nsec;
    return t;
}

void fm_clock_fake_advance(fm_clock *c, int64_t delta_ns)
{
    if (!c || !c->fake || delta_ns <= 0) return;
    pthread_mutex_lock(&c->advance_mu);
    pthread_mutex_lock(&c->time_mu);
    c->now_ns += delta_ns;
    int64_t ns = (int64_t)c->wall.nsec + delta_ns % FM_NSEC_PER_SEC;
    c->wall.sec += delta_ns / FM_NSEC_PER_SEC + ns / FM_NSEC_PER_SEC;
    c->wall.nsec = (int32_t)(ns % FM_NSEC_PER_SEC);
    pthread_mutex_unlock(&c->time_mu);
    /* Taking each waiter's mutex before broadcasting closes the window
     * between a waiter's deadline check and its pthread_cond_wait. */
    for (size_t i = 0; i < c->n_watchers; i++) {
        pthread_mutex_lock(c->watchers[i].mu);
        pthread_cond_broadcast(c->watchers[i].cond);
        pthread_mutex_unlock(c->watchers[i].mu);
    }
    pthread_mutex_unlock(&c->advance_mu);
}

int fm_clock_cond_init(pthread_cond_t *cond)
{
    pthread_condattr_t attr;
    if (pthread_condattr_init(&attr) != 0) return fm_error_set(FM_ERROR, "condattr init failed");
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    int rc = pthread_cond_init(cond, &attr);
    pthread_condattr_destroy(&attr);
    return rc == 0 ? 0 : fm_error_set(FM_ERROR, "pthread_cond_init: %s", strerror(rc));
}

int fm_clock_watch(fm_clock *c, pthread_cond_t *cond, pthread_mutex_t *mu)
{
    if (!c || !c->fake) return 0;
    int rc = 0;
    pthread_mutex_lock(&c->advance_mu);
    if (c->n_watchers == c->cap_watchers) {
        size_t cap = c->cap_watchers ? c->cap_watchers * 2 : 8;
        watcher *w = realloc(c->watchers, cap * sizeof(*w));
        if (!w) {
            rc = fm_error_set(FM_ENOMEM, "fake clock: out of memory");
            goto done;
        }
        c->watchers = w;
        c->cap_watchers = cap;
    }
    c->watchers[c->n_watchers].cond = cond;
    c->watchers[c->n_watchers].mu = mu;
    c->n_watchers++;
done:
    pthread_mutex_unlock(&c->advance_mu);
    return rc;
}

void fm_clock_unwatch(fm_clock *c, pthread_cond_t *cond, pthread_mutex_t *mu)
{
    if (!c || !c->fake) return;
    pthread_mutex_lock(&c->advance_mu);
    for (size_t i = 0; i < c->n_watchers; i++) {
        if (c->watchers[i].cond == cond && c->watchers[i].mu == mu) {
            c->watchers[i] = c->watchers[--c->n_watchers];
            break;
        }
    }
    pthread_mutex_unlock(&c->advance_mu);
}

int fm_clock_wait_until(fm_clock *c, pthread_cond_t *cond, pthread_mutex_t *mu,
                        int64_t deadline_ns)
{
    if (c && c->fake) {
        if (deadline_ns >= 0 && fm_clock_now(c) >= deadline_ns) return 1;
        pthread_cond_wait(cond, mu);
        return deadline_ns >= 0 && fm_clock_now(c) >= deadline_ns;
    }
    if (deadline_ns < 0) {
        pthread_cond_wait(cond, mu);
        return 0;
    }
    struct timespec ts = {
        .tv_sec = (time_t)(deadline_ns / FM_NSEC_PER_SEC),
        .tv_nsec = (long)(deadline_ns % FM_NSEC_PER_SEC),
    };
    int rc = pthread_cond_timedwait(cond, mu, &ts);
    return rc == ETIMEDOUT || fm_clock_now(c) >= deadline_ns;
}

/*
 * The sleepers that have a stop flag, each with its private (cond, mutex),
 * linked through their stack frames. fm_clock_stop_store() broadcasts to
 * all of them: a stop is rare, so one wake-up of every sleeper (each
 * re-checks its own flag) costs less than any bookkeeping per flag.
 * Lock order: sleepers_mu -> a sleeper's mutex; a sleeper never takes
 * sleepers_mu while holding its own.
 */
typedef struct sleeper {
    pthread_cond_t *cond;
    pthread_mutex_t *mu;
    struct sleeper *prev, *next;
} sleeper;

static pthread_mutex_t sleepers_mu = PTHREAD_MUTEX_INITIALIZER;
static sleeper *sleepers;

void fm_clock_stop_store(atomic_int *flag, int v)
{
    atomic_store(flag, v);
    if (!v) return;
    pthread_mutex_lock(&sleepers_mu);
    /* Taking each sleeper's mutex closes the window between its flag check
     * and its wait, as fm_clock_fake_advance() does. */
    for (sleeper *s = sleepers; s; s = s->next) {
        pthread_mutex_lock(s->mu);
        pthread_cond_broadcast(s->cond);
        pthread_mutex_unlock(s->mu);
    }
    pthread_mutex_unlock(&sleepers_mu);
}

/*
 * Sleeps on a private condition variable until the deadline (a timed wait
 * on the real clock; on a fake one, until an advance passes it), or until
 * fm_clock_stop_store() sets the stop flag and wakes it. Nothing polls.
 */
int fm_clock_sleep(fm_clock *c, int64_t delta_ns, const atomic_int *stop)
{
    if (!c) c = &real_clock;
    pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t cond;
    if (fm_clock_cond_init(&cond) != 0)
        return fm_error_set(FM_ERROR, "clock sleep: cannot set up a condition variable (monotonic clock)");
    int rc = fm_clock_watch(c, &cond, &mu);
    if (rc != 0) {
        pthread_cond_destroy(&cond);
        return rc;
    }
    sleeper me = {&cond, &mu, NULL, NULL};
    if (stop) {
        pthread_mutex_lock(&sleepers_mu);
        me.next = sleepers;
        if (sleepers) sleepers->prev = &me;
        sleepers = &me;
        pthread_mutex_unlock(&sleepers_mu);
    }
    int64_t deadline = fm_clock_now(c) + (delta_ns > 0 ? delta_ns : 0);
    pthread_mutex_lock(&mu);
    for (;;) {
        if (stop && atomic_load(stop)) {
            rc = fm_error_set(FM_ECANCELED, "clock sleep: stopped");
            break;
        }
        if (fm_clock_now(c) >= deadline) break;
        fm_clock_wait_until(c, &cond, &mu, deadline);
    }
    pthread_mutex_unlock(&mu);
    if (stop) {
        pthread_mutex_lock(&sleepers_mu);
        if (me.prev) me.prev->next = me.next;
        else sleepers = me.next;
        if (me.next) me.next->prev = me.prev;
        pthread_mutex_unlock(&sleepers_mu);
    }
    fm_clock_unwatch(c, &cond, &mu);
    pthread_cond_destroy(&cond);
    return rc;
}
