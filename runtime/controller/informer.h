/*
 * informer.h - keeps a local cache (fm_store) of one kind in step with the
 * API server and tells handlers what changed: kube-rs's watcher + reflector,
 * client-go's shared informer.
 *
 * The informer thread runs a small state machine:
 *
 *   LIST   paginated list (limit 500 + continue) into the store, as one
 *          relist generation: objects that vanished since the previous list
 *          get on_delete, new ones on_add, changed ones on_update. The
 *          first complete list makes fm_informer_has_synced() true.
 *   WATCH  from the list's resourceVersion, with bookmarks. Each event
 *          updates the store, then calls the handlers; every event and
 *          bookmark advances the remembered resourceVersion. When the server
 *          ends the stream normally (its timeout), the watch resumes from
 *          that version without a relist. 410 Gone (the version was
 *          compacted away) goes back to LIST at once. Other failures (server
 *          down, a stream silent past its timeout plus a margin: fm_kube_watch
 *          detects it) wait a backoff, 0.8 s doubling to 30 s with jitter,
 *          reset after 120 s without failures, then watch again (or list
 *          again when no list ever succeeded).
 *
 * Decoding is per object: one object the decoder refuses (see
 * on_decode_error) is left out of the store and reported, and never fails
 * the list page or the watch it came in, so one hostile object cannot stop
 * the informer (and every controller behind it) from syncing.
 *
 * Handlers run on the informer thread, after the store is updated, with
 * borrowed objects valid during the call only. They should be quick (enqueue
 * a key into a work queue) and may read the store, but never write it.
 * A cached object is replaced or removed only with an on_update or
 * on_delete naming it (a relist that finds it unchanged keeps it), and
 * freed after that call: a handler may keep a pointer to the new object
 * if its own lock keeps readers away until its next call for that key.
 *
 * The informer's store may be read from any thread (see store.h); indexes
 * are declared with fm_informer_add_index() before fm_informer_start().
 *
 * Inside, two parts on the informer thread: the watcher (watcher.h) runs
 * the list/watch machine above and keeps the resourceVersion; the
 * reflector (reflector.h) applies what the watcher hands it to the store
 * and calls the handlers.
 */
#ifndef FOREMAN_INFORMER_H
#define FOREMAN_INFORMER_H

#include <stdbool.h>
#include <stdint.h>

#include "clock.h"
#include "k8s_core.h"
#include "kube.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fm_informer fm_informer;

typedef struct fm_informer_handlers {
    /* An object appeared (in a list or an ADDED event). */
    void (*on_add)(void *ud, const void *obj);
    /* An object changed: its previous cached version and the new one. */
    void (*on_update)(void *ud, const void *old_obj, const void *new_obj);
    /* An object was deleted: its last known state (from the DELETED event,
     * or the cached one when a relist found it gone). */
    void (*on_delete)(void *ud, const void *old_obj);
    void *ud;
} fm_informer_handlers;

typedef struct fm_informer_options {
    const fm_kind_desc *kind;   /* required */
    const char *ns;             /* NULL = all namespaces (ignored for cluster-scoped kinds) */
    const char *label_selector; /* NULL = everything */
    const char *field_selector;
    long page_size;             /* list page size; 0 = 500 */
    long watch_timeout_s;       /* server-side watch timeout; 0 = 290 */
    fm_clock *clock;            /* for backoff; NULL = real */
    int64_t backoff_initial_ms; /* 0 = 800 */
    int64_t backoff_max_ms;     /* 0 = 30000 */
    int64_t backoff_reset_ms;   /* 0 = 120000 */
    /* Told about every failed list or watch (for logs; the informer retries
     * by itself). code is an FM_E* value, message one line. May be NULL. */
    void (*on_error)(void *ud, int code, const char *message);
    void *on_error_ud;
    /* Told once when the informer hears from the server again (a list
     * completed or a watch event arrived) after one or more failures, so a
     * controller can tell "the API server was away" from "the objects went
     * quiet". May be NULL; uses on_error_ud. */
    void (*on_recovered)(void *ud);
    /* Told about every object the server sent that does not decode (a
     * value the schema does not bound: see fm_kube_bad_object_fn). Such an
     * object is kept out of the store (a cached older version of it is
     * removed, with on_delete), and the list or watch goes on with the
     * others; a later version that decodes comes back as on_add. meta is
     * the object's metadata when that much decodes (name, namespace, uid,
     * resourceVersion), else NULL; message is one line naming the JSON
     * path and the problem. May be NULL; uses on_error_ud. */
    void (*on_decode_error)(void *ud, const fm_k8s_object_meta *meta, const char *message);
    /* Keep metadata.managedFields in cached objects (dropped by default,
     * like controller-runtime's TransformStripManagedFields). */
    bool keep_managed_fields;
    /* Keep each cached object as the decoder made it (one allocation per
     * string, list and map) instead of packing it into one block
     * (fm_codec_pack): packing saves about 16 bytes of malloc overhead per
     * part and keeps an object's parts together in memory. Either way the
     * store's objects are read-only and freed with fm_store_object_free(). */
    bool unpacked_objects;
} fm_informer_options;

typedef struct fm_informer_stats {
    uint64_t lists;          /* complete lists (relists included) */
    uint64_t pages;          /* list pages fetched */
    uint64_t relists_gone;   /* lists caused by 410 Gone */
    uint64_t watches;        /* watch requests started */
    uint64_t watch_resumes;  /* watches resumed after a normal end */
    uint64_t events;         /* watch events applied (bookmarks excluded) */
    uint64_t bookmarks;
    uint64_t errors;         /* failed lists or watches */
    uint64_t decode_errors;  /* objects left out because they did not decode */
} fm_informer_stats;

/* Creates an informer (not running) with an empty store. The client must
 * outlive it. Returns 0, FM_EINVAL or FM_ENOMEM. */
int fm_informer_new(fm_informer **out, fm_kube_client *c, const fm_informer_options *o);

/* Stops (if running) and frees the informer and its store. Accepts NULL. */
void fm_informer_free(fm_informer *inf);

/* Adds a set of handlers (up to 8, before start). Returns 0 or FM_EINVAL. */
int fm_informer_add_handlers(fm_informer *inf, const fm_informer_handlers *h);

/* Declares a store index (before start); see fm_store_add_index(). */
int fm_informer_add_index(fm_informer *inf, const char *name, fm_store_index_fn fn, void *ud);

/* The cache; borrowed, lives as long as the informer. */
fm_store *fm_informer_store(fm_informer *inf);

/* Starts the informer thread. Returns 0, FM_EINVAL (started twice) or
 * FM_ERROR (thread creation failed). */
int fm_informer_start(fm_informer *inf);

/* Asks the thread to stop and waits for it (an open watch ends within
 * about half a second). Idempotent. */
void fm_informer_stop(fm_informer *inf);

/* True once the first complete list is in the store. */
bool fm_informer_has_synced(fm_informer *inf);

/* Waits until synced, stopped, or timeout_ms (< 0: forever). Returns 0,
 * FM_ECANCELED (stopped) or FM_ETRANSPORT (timed out; the message holds the
 * last list error if any). */
int fm_informer_wait_synced(fm_informer *inf, int64_t timeout_ms);

/* Copies the counters. */
void fm_informer_get_stats(fm_informer *inf, fm_informer_stats *out);

/* The last resourceVersion seen (list, event or bookmark), copied into buf
 * (truncated to cap); "" before the first list. */
void fm_informer_resource_version(fm_informer *inf, char *buf, size_t cap);

/*
 * Pauses (true) or resumes (false) the informer: a pause ends the open watch
 * and holds the thread, keeping the store and the resourceVersion; resuming
 * watches again from that version (a 410 then relists as usual). Simulates
 * a disconnection for tests; a list in progress finishes first.
 */
void fm_informer_pause(fm_informer *inf, bool paused);

#ifdef __cplusplus
}
#endif
#endif
