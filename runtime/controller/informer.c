/*
 * informer.c - list + watch into a store, with handlers (see informer.h).
 *
 * Two parts, one thread: the watcher (watcher.c) talks to the API server
 * and keeps the resourceVersion, the reflector (reflector.c) turns what it
 * heard into store changes and handler calls. This file wires them
 * together and owns the thread they run on.
 */
#include "informer.h"

#include <pthread.h>
#include <stdlib.h>

#include "error.h"
#include "reflector.h"
#include "watcher.h"

struct fm_informer {
    fm_watcher *watcher;
    fm_reflector reflector;
    fm_watcher_sink sink;
    pthread_t thread;
    bool started;
};

int fm_informer_new(fm_informer **out, fm_kube_client *c, const fm_informer_options *o)
{
    *out = NULL;
    fm_watcher *w = NULL;
    int rc = fm_watcher_new(&w, c, o);
    if (rc) return rc;
    fm_informer *inf = calloc(1, sizeof(*inf));
    if (!inf) {
        fm_watcher_free(w);
        return fm_error_set(FM_ENOMEM, "informer %s: out of memory", o->kind->plural);
    }
    inf->watcher = w;
    rc = fm_reflector_init(&inf->reflector, o->kind, fm_watcher_meta_offset(w), o->keep_managed_fields);
    if (rc) {
        fm_informer_free(inf);
        return rc;
    }
    inf->reflector.unpacked_objects = o->unpacked_objects;
    inf->sink = fm_reflector_sink(&inf->reflector);
    *out = inf;
    return 0;
}

void fm_informer_free(fm_informer *inf)
{
    if (!inf) return;
    fm_informer_stop(inf);
    fm_reflector_clear(&inf->reflector);
    fm_watcher_free(inf->watcher);
    free(inf);
}

int fm_informer_add_handlers(fm_informer *inf, const fm_informer_handlers *h)
{
    if (inf->started)
        return fm_error_set(FM_EINVAL, "informer %s: handlers added after start", inf->reflector.kind->plural);
    return fm_reflector_add_handlers(&inf->reflector, h);
}

int fm_informer_add_index(fm_informer *inf, const char *name, fm_store_index_fn fn, void *ud)
{
    return fm_store_add_index(inf->reflector.store, name, fn, ud);
}

fm_store *fm_informer_store(fm_informer *inf)
{
    return inf->reflector.store;
}

static void *run(void *arg)
{
    fm_informer *inf = arg;
    fm_watcher_run(inf->watcher, &inf->sink);
    return NULL;
}

int fm_informer_start(fm_informer *inf)
{
    if (inf->started) return fm_error_set(FM_EINVAL, "informer %s: already started", inf->reflector.kind->plural);
    fm_watcher_rearm(inf->watcher);
    if (pthread_create(&inf->thread, NULL, run, inf) != 0)
        return fm_error_set(FM_ERROR, "informer %s: cannot start thread", inf->reflector.kind->plural);
    inf->started = true;
    return 0;
}

void fm_informer_stop(fm_informer *inf)
{
    if (!inf || !inf->started) return;
    fm_watcher_stop(inf->watcher);
    pthread_join(inf->thread, NULL);
    inf->started = false;
}

bool fm_informer_has_synced(fm_informer *inf)
{
    return fm_watcher_has_synced(inf->watcher);
}

int fm_informer_wait_synced(fm_informer *inf, int64_t timeout_ms)
{
    return fm_watcher_wait_synced(inf->watcher, timeout_ms);
}

void fm_informer_get_stats(fm_informer *inf, fm_informer_stats *out)
{
    fm_watcher_get_stats(inf->watcher, out);
}

void fm_informer_resource_version(fm_informer *inf, char *buf, size_t cap)
{
    fm_watcher_resource_version(inf->watcher, buf, cap);
}

void fm_informer_pause(fm_informer *inf, bool paused)
{
    fm_watcher_pause(inf->watcher, paused);
}
