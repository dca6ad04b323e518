/*
 * tokenbucket.h - one token bucket for every rate limit in the runtime: the
 * client's QPS limit, the work queue's overall limit and the per-object
 * Event filter.
 *
 * The bucket holds at most `burst` tokens and gains `rate` tokens a second.
 * Time is passed in (monotonic nanoseconds, normally fm_clock_now()), so the
 * bucket itself never reads a clock and tests drive it with plain numbers.
 * It does no locking: the owner holds whatever lock guards it.
 */
#ifndef FOREMAN_TOKENBUCKET_H
#define FOREMAN_TOKENBUCKET_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fm_token_bucket {
    double rate;   /* tokens per second, > 0 */
    double burst;  /* capacity */
    double tokens; /* may go negative after fm_token_bucket_reserve() */
    int64_t at_ns; /* when tokens was last brought up to date */
} fm_token_bucket;

/* A full bucket at now_ns. */
void fm_token_bucket_init(fm_token_bucket *b, double rate, double burst, int64_t now_ns);

/* Brings the bucket up to now_ns (never above burst; a now_ns earlier than
 * the last update changes nothing) and returns the tokens it holds. */
double fm_token_bucket_level(fm_token_bucket *b, int64_t now_ns);

/*
 * Reserve semantics (golang.org/x/time/rate): takes one token even when the
 * bucket is empty and returns how many nanoseconds the caller must wait for
 * the deficit to refill (0 when a token was there), so waiters are served
 * in arrival order. With take false the bucket is only inspected: the
 * return value is the wait a reservation would have now.
 */
int64_t fm_token_bucket_reserve(fm_token_bucket *b, int64_t now_ns, bool take);

/* Takes one token when a whole one is there; returns whether it did (the
 * bucket never goes negative this way). */
bool fm_token_bucket_allow(fm_token_bucket *b, int64_t now_ns);

#ifdef __cplusplus
}
#endif
#endif
