/*
 * clock.h - the time source of the controller runtime, real or fake.
 *
 * Everything in the runtime that waits or measures (the work queue's delayed
 * adds and backoff, the informer's backoff, leader election's lease timers)
 * asks an fm_clock instead of calling clock_gettime directly, so unit tests
 * can replace real time with a fake clock that moves only when the test
 * calls fm_clock_fake_advance(). No test then sleeps to see a 5 ms backoff
 * expire, and no test is flaky because a machine was slow.
 *
 * Two readings are offered:
 *   - fm_clock_now(): monotonic nanoseconds, for deadlines and durations;
 *   - fm_clock_wall(): wall-clock time (UTC), for timestamps written to the
 *     API server (Lease renewTime, conditions).
 *
 * Waiting: code that blocks on a condition variable with a deadline calls
 * fm_clock_wait_until() with its mutex held. With the real clock this is
 * pthread_cond_timedwait on CLOCK_MONOTONIC (the condition variable must have
 * been initialised with fm_clock_cond_init()). With the fake clock the wait
 * has no real timeout; instead the waiter registers its (cond, mutex) pair
 * once with fm_clock_watch(), and every fm_clock_fake_advance() broadcasts to
 * all registered pairs so the waiters re-check their deadlines.
 */
#ifndef FOREMAN_CLOCK_H
#define FOREMAN_CLOCK_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "base.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fm_clock fm_clock;

#define FM_NSEC_PER_MSEC INT64_C(1000000)
#define FM_NSEC_PER_SEC INT64_C(1000000000)

/* The process-wide real clock. Never NULL; never freed (fm_clock_free
 * ignores it). */
fm_clock *fm_clock_real(void);

/*
 * Creates a fake clock whose monotonic reading starts at start_ns and whose
 * wall reading starts at `wall` (pass {0,0} for 2024-01-01T00:00:00Z).
 * Returns 0 or FM_ENOMEM. Free with fm_clock_free().
 */
int fm_clock_fake_new(fm_clock **out, int64_t start_ns, fm_time wall);

/* Frees a fake clock (NULL and the real clock are ignored). Every watcher
 * must have been removed first. */
void fm_clock_free(fm_clock *c);

/* True for clocks made by fm_clock_fake_new(). */
int fm_clock_is_fake(const fm_clock *c);

/* Monotonic time in nanoseconds. A NULL clock means the real clock. */
int64_t fm_clock_now(const fm_clock *c);

/* Wall-clock time (UTC). A NULL clock means the real clock. */
fm_time fm_clock_wall(const fm_clock *c);

/*
 * Moves a fake clock forward by delta_ns (monotonic and wall together) and
 * wakes every registered waiter. Does nothing on the real clock or when
 * delta_ns <= 0 (time never goes backwards).
 */
void fm_clock_fake_advance(fm_clock *c, int64_t delta_ns);

/* Initialises a condition variable whose timed waits use CLOCK_MONOTONIC,
 * as fm_clock_wait_until() requires. Returns 0 or FM_ERROR. */
int fm_clock_cond_init(pthread_cond_t *cond);

/*
 * Registers (cond, mu) so that fm_clock_fake_advance() broadcasts to it; a
 * no-op returning 0 on the real clock. Must not be called with mu held.
 * Returns 0 or FM_ENOMEM.
 */
int fm_clock_watch(fm_clock *c, pthread_cond_t *cond, pthread_mutex_t *mu);

/* Removes a registration made by fm_clock_watch(); must not be called with
 * mu held. Unknown pairs are ignored. */
void fm_clock_unwatch(fm_clock *c, pthread_cond_t *cond, pthread_mutex_t *mu);

/*
 * Waits on cond (mu held by the caller, as for pthread_cond_wait) until it
 * is signalled or the monotonic deadline passes; deadline_ns < 0 means no
 * deadline. Returns 1 when the deadline has passed, 0 otherwise (signalled,
 * or spurious wake-up: callers re-check their condition in a loop). On a
 * fake clock the pair must be registered with fm_clock_watch().
 */
int fm_clock_wait_until(fm_clock *c, pthread_cond_t *cond, pthread_mutex_t *mu,
                        int64_t deadline_ns);

/*
 * Sleeps for delta_ns on the clock, or until *stop becomes non-zero through
 * fm_clock_stop_store(), which wakes the sleeper (nothing polls the flag:
 * one set with a bare atomic_store is seen only when the time is up).
 * Returns 0 when the time elapsed, FM_ECANCELED when stopped. stop may be
 * NULL.
 */
int fm_clock_sleep(fm_clock *c, int64_t delta_ns, const atomic_int *stop);

/*
 * Stores v in *flag; when v is non-zero, wakes every fm_clock_sleep() that
 * has a stop flag, so those sleeping on flag return FM_ECANCELED at once
 * (the others re-check theirs and sleep on). Not async-signal-safe.
 */
void fm_clock_stop_store(atomic_int *flag, int v);

#ifdef __cplusplus
}
#endif
#endif
