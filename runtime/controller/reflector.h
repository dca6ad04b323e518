/*
 * reflector.h - the informer's second half: applies what the watcher
 * (watcher.h) heard from the API server to the store and tells the
 * handlers what changed (kube-rs's reflector, client-go's DeltaFIFO +
 * indexer without the queue).
 *
 * It knows nothing of HTTP, resourceVersions as positions in a stream, or
 * retries: it is fed decoded objects and list boundaries, one call at a
 * time from one thread, and keeps the store and the handlers in step:
 *
 *   list_begin / list_item* / list_end   one relist generation: each item
 *          is upserted (a re-delivered object whose resourceVersion did not
 *          change is quiet), and list_end removes what the list no longer
 *          held, with on_delete for each (the replace diff);
 *   event  ADDED/MODIFIED upsert with on_add or on_update, DELETED removes
 *          with on_delete (carrying the event's final state);
 *   forget an object the watcher could not decode: its cached version, if
 *          any, is removed with on_delete.
 *
 * The informer (informer.c) plugs a reflector into a watcher through
 * fm_reflector_sink(). Not thread-safe by itself: only the informer thread
 * calls it; the store it writes may be read from any thread.
 */
#ifndef FOREMAN_REFLECTOR_H
#define FOREMAN_REFLECTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "informer.h"
#include "watcher.h"

#ifdef __cplusplus
extern "C" {
#endif

#define FM_REFLECTOR_MAX_HANDLERS 8

typedef struct fm_reflector {
    const fm_kind_desc *kind;
    fm_store *store;             /* owned */
    uint32_t obj_meta_off;       /* fm_k8s_object_meta in the object */
    bool keep_managed_fields;
    bool unpacked_objects;       /* cache objects as decoded, not packed */
    fm_informer_handlers handlers[FM_REFLECTOR_MAX_HANDLERS];
    size_t n_handlers;
} fm_reflector;

/* Sets up r with an empty store for kind; obj_meta_off is where the
 * object's fm_k8s_object_meta lies. Returns 0 or FM_ENOMEM. */
int fm_reflector_init(fm_reflector *r, const fm_kind_desc *kind, uint32_t obj_meta_off, bool keep_managed_fields);

/* Frees the store (r itself belongs to the caller). */
void fm_reflector_clear(fm_reflector *r);

/* Adds a set of handlers. Returns 0 or FM_EINVAL (more than the maximum). */
int fm_reflector_add_handlers(fm_reflector *r, const fm_informer_handlers *h);

/* The callbacks a watcher calls, bound to r. */
fm_watcher_sink fm_reflector_sink(fm_reflector *r);

/* The sink's callbacks, callable directly (ud is the reflector). */
void fm_reflector_list_begin(void *r);
int fm_reflector_list_item(void *r, void *obj);
void fm_reflector_list_end(void *r);
int fm_reflector_event(void *r, fm_kube_watch_event_type type, void *obj);
void fm_reflector_forget(void *r, const fm_k8s_object_meta *meta);

#ifdef __cplusplus
}
#endif
#endif
