/*
 * watcher.h - the informer's first half: keeps a list + watch of one kind
 * going against the API server and hands what it hears to a sink (kube-rs's
 * watcher, client-go's Reflector.ListAndWatch). The reflector (reflector.h)
 * is the sink the informer uses; tests may plug in their own.
 *
 * The machine, run by fm_watcher_run() on the caller's thread:
 *
 *   LIST   paginated list (limit + continue), each page's items handed to
 *          the sink one by one between list_begin and list_end. An expired
 *          continue token (410 mid-list) restarts from the first page (with
 *          a fresh list_begin), at most twice. The first complete list
 *          makes the watcher synced.
 *   WATCH  from the last resourceVersion, with bookmarks. Events go to the
 *          sink; bookmarks stay here. Every applied event and bookmark
 *          advances the remembered resourceVersion. A normal end of the
 *          stream resumes the watch from it; 410 Gone goes back to LIST at
 *          once; other failures back off (initial doubling to max, with
 *          jitter, reset after a healthy spell) and watch again (or list
 *          again when no list ever succeeded).
 *
 * Objects that do not decode are set aside one by one: counted, their
 * metadata (when it decodes) passed to the sink's forget, reported to
 * on_decode_error; the list page or the watch goes on with the others.
 *
 * The resourceVersion, the counters and the synced flag may be read from
 * any thread.
 */
#ifndef FOREMAN_WATCHER_H
#define FOREMAN_WATCHER_H

#include <stdbool.h>
#include <stdint.h>

#include "informer.h"
#include "k8s_core.h"
#include "kube.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fm_watcher fm_watcher;

/* Where the watcher's results go. Objects passed are owned by the callee.
 * All calls come from the thread running fm_watcher_run(). */
typedef struct fm_watcher_sink {
    /* A list starts (or restarts from its first page): a new generation. */
    void (*list_begin)(void *ud);
    /* One decoded item of the list in progress. Non-zero fails the list. */
    int (*list_item)(void *ud, void *obj);
    /* The list completed: what it did not hold is gone. */
    void (*list_end)(void *ud);
    /* A watch event: ADDED, MODIFIED or DELETED. Non-zero ends the watch
     * (as a failure) without advancing the resourceVersion. */
    int (*event)(void *ud, fm_kube_watch_event_type type, void *obj);
    /* An object that did not decode, known by its metadata alone (called
     * only when the metadata decodes and names the object). */
    void (*forget)(void *ud, const fm_k8s_object_meta *meta);
    void *ud;
} fm_watcher_sink;

/* Creates a watcher for o->kind (the informer's options: selectors, page
 * size, watch timeout, clock, backoff, on_error, on_recovered,
 * on_decode_error). The client must outlive it. Returns 0, FM_EINVAL or
 * FM_ENOMEM. */
int fm_watcher_new(fm_watcher **out, fm_kube_client *c, const fm_informer_options *o);

/* Frees it; fm_watcher_run() must have returned. Accepts NULL. */
void fm_watcher_free(fm_watcher *w);

/* Where fm_k8s_object_meta lies in the kind's object. */
uint32_t fm_watcher_meta_offset(const fm_watcher *w);

/* Runs the machine until fm_watcher_stop(); returns then. */
void fm_watcher_run(fm_watcher *w, const fm_watcher_sink *sink);

/* Clears a previous stop, before running again. */
void fm_watcher_rearm(fm_watcher *w);

/* Asks fm_watcher_run() to return (an open watch ends within about half a
 * second, a backoff at once); does not wait. */
void fm_watcher_stop(fm_watcher *w);

/* See fm_informer_pause(). */
void fm_watcher_pause(fm_watcher *w, bool paused);

bool fm_watcher_has_synced(fm_watcher *w);
/* See fm_informer_wait_synced(). */
int fm_watcher_wait_synced(fm_watcher *w, int64_t timeout_ms);
void fm_watcher_get_stats(fm_watcher *w, fm_informer_stats *out);
void fm_watcher_resource_version(fm_watcher *w, char *buf, size_t cap);

#ifdef __cplusplus
}
#endif
#endif
