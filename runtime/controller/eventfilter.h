/*
 * eventfilter.h - a per-object token bucket for Kubernetes Events, so one
 * flapping object cannot flood the API server with them.
 *
 * Each key (usually the involved object's uid) gets `burst` events at once
 * and then one more every 1/refill_per_sec seconds, the shape of client-go's
 * event spam filter (burst 25, one per 5 minutes). Memory is bounded: at
 * most max_keys buckets are kept; when that many exist, buckets that have
 * refilled completely are dropped (they carry no state), and if none has,
 * all are forgotten at once. Thread-safe.
 */
#ifndef FOREMAN_EVENTFILTER_H
#define FOREMAN_EVENTFILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fm_event_filter fm_event_filter;

#define EVENT_FILTER_DEFAULT_BURST 25.0
#define EVENT_FILTER_DEFAULT_REFILL (1.0 / 300.0)
#define EVENT_FILTER_DEFAULT_MAX_KEYS 4096

/* Creates a filter. Returns 0, FM_EINVAL (burst < 1, refill <= 0,
 * max_keys 0) or FM_ENOMEM. */
int fm_event_filter_new(fm_event_filter **out, double burst, double refill_per_sec, size_t max_keys);

/* Frees the filter; accepts NULL. */
void fm_event_filter_free(fm_event_filter *f);

/*
 * True when an event for key may be sent at now_ns (any monotonic or wall
 * clock in nanoseconds, the same one on every call); it then takes a token.
 * False when the key's bucket is empty. A key that cannot be tracked (out
 * of memory) is allowed: dropping events is worse than sending one more.
 */
bool fm_event_filter_allow(fm_event_filter *f, const char *key, int64_t now_ns);

/* Number of keys tracked now (for tests). */
size_t fm_event_filter_len(fm_event_filter *f);

#ifdef __cplusplus
}
#endif
#endif
