/*
 * watchframe.h - splits a Kubernetes watch stream into events.
 *
 * A watch response body is a sequence of JSON documents, one per event, each
 * followed by a newline ({"type":"ADDED","object":{...}}\n). Network reads
 * cut that stream anywhere: in the middle of an event, or with many events
 * in one read. The framer takes the chunks as they arrive and calls back
 * once per complete event with its bytes. Events wholly inside one chunk are
 * handed over without copying; only a partial tail is buffered, so memory
 * stays bounded by the largest single event (and max_event caps that).
 *
 * Blank lines are skipped; a trailing '\r' is dropped. JSON text never holds
 * a raw newline inside a string, so the newline is a safe frame boundary.
 */
#ifndef FOREMAN_WATCHFRAME_H
#define FOREMAN_WATCHFRAME_H

#include <stddef.h>

#include "codec.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Called once per event: data[0..len) is one event's JSON (no newline),
 * valid only during the call. A non-zero return stops feeding and is
 * returned by fm_watchframe_feed/fm_watchframe_finish. */
typedef int (*fm_watchframe_fn)(void *ud, const char *data, size_t len);

typedef struct fm_watchframe {
    fm_buf partial;      /* bytes of an unfinished event */
    size_t max_event;    /* events longer than this fail with FM_ELIMIT */
    size_t events;       /* events delivered so far */
    size_t peak;         /* largest buffer capacity held (for tests) */
} fm_watchframe;

/* Prepares f; max_event 0 means 64 MiB. */
void fm_watchframe_init(fm_watchframe *f, size_t max_event);

/*
 * Feeds one chunk; calls fn for every event completed by it. Returns 0,
 * fn's non-zero result, FM_ELIMIT when an event grows past max_event, or
 * FM_ENOMEM. After an error the framer must be reset or freed.
 */
int fm_watchframe_feed(fm_watchframe *f, const char *data, size_t len, fm_watchframe_fn fn, void *ud);

/*
 * Ends the stream: a final event without a trailing newline is delivered
 * (when it holds more than whitespace). Returns as fm_watchframe_feed.
 */
int fm_watchframe_finish(fm_watchframe *f, fm_watchframe_fn fn, void *ud);

/* Forgets any partial event (keeps the buffer's memory). */
void fm_watchframe_reset(fm_watchframe *f);

/* Releases the buffer; accepts NULL. */
void fm_watchframe_free(fm_watchframe *f);

#ifdef __cplusplus
}
#endif
#endif
