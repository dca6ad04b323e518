/*
 * reflector.c - list results and watch events into the store, with
 * notifications (see reflector.h).
 *
 * Everything that changes the store happens on the informer thread, so the
 * reflector may hand borrowed pointers to handlers without holding a lock:
 * no other writer can free them meanwhile.
 */
#include "reflector.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "k8s_core.h"

int fm_reflector_init(fm_reflector *r, const fm_kind_desc *kind, uint32_t obj_meta_off, bool keep_managed_fields)
{
    memset(r, 0, sizeof(*r));
    r->kind = kind;
    r->obj_meta_off = obj_meta_off;
    r->keep_managed_fields = keep_managed_fields;
    return fm_store_new(&r->store, kind->object);
}

void fm_reflector_clear(fm_reflector *r)
{
    fm_store_free(r->store);
    r->store = NULL;
}

int fm_reflector_add_handlers(fm_reflector *r, const fm_informer_handlers *h)
{
    if (r->n_handlers == FM_REFLECTOR_MAX_HANDLERS)
        return fm_error_set(FM_EINVAL, "informer %s: more than %d handler sets", r->kind->plural,
                            FM_REFLECTOR_MAX_HANDLERS);
    r->handlers[r->n_handlers++] = *h;
    return 0;
}

/* ------------------------------------------------------------ notifications */

static const fm_k8s_object_meta *meta_of(const fm_reflector *r, const void *obj)
{
    return (const fm_k8s_object_meta *)((const char *)obj + r->obj_meta_off);
}

static void emit_add(fm_reflector *r, const void *obj)
{
    for (size_t i = 0; i < r->n_handlers; i++)
        if (r->handlers[i].on_add) r->handlers[i].on_add(r->handlers[i].ud, obj);
}

static void emit_update(fm_reflector *r, const void *old, const void *obj)
{
    for (size_t i = 0; i < r->n_handlers; i++)
        if (r->handlers[i].on_update) r->handlers[i].on_update(r->handlers[i].ud, old, obj);
}

static void emit_delete(fm_reflector *r, const void *old)
{
    for (size_t i = 0; i < r->n_handlers; i++)
        if (r->handlers[i].on_delete) r->handlers[i].on_delete(r->handlers[i].ud, old);
}

static void on_vanished(void *ud, const char *key, const void *old)
{
    (void)key;
    emit_delete(ud, old);
}

/* Puts obj (owned) into the store and tells the handlers. With
 * `quiet_same_rv`, an object whose resourceVersion did not change (a relist
 * re-delivering it) produces no event and does not replace the cached one:
 * every replacement or removal of a cached object goes through a handler
 * before the object is freed. */
static int apply_upsert(fm_reflector *r, void *obj, bool quiet_same_rv)
{
    void *old = NULL;
    /* Unchanged: the cached object stays, so a pointer a handler keeps to
     * it (the operator's node table) stays valid; no event, as before. */
    if (quiet_same_rv && fm_store_keep_same(r->store, obj)) {
        fm_kube_object_free(r->kind->object, obj);
        return 0;
    }
    /* metadata.managedFields is the server's field-ownership bookkeeping:
     * about 40% of a typical object, and nothing here reads it. Dropping it
     * from the cache is safe for writes too: an update that omits
     * managedFields leaves the server's copy as it is. */
    if (!r->keep_managed_fields) {
        int sr = fm_codec_unknown_remove((char *)obj + r->obj_meta_off, &fm_k8s_object_meta_desc, "managedFields");
        if (sr < 0) {
            fm_kube_object_free(r->kind->object, obj);
            return sr;
        }
    }
    /* One block per cached object (fm_codec_pack); kept as decoded when out
     * of memory for the copy. Either kind is freed by fm_store_object_free. */
    if (!r->unpacked_objects) {
        void *packed = fm_codec_pack(obj, r->kind->object);
        if (packed) {
            fm_kube_object_free(r->kind->object, obj);
            obj = packed;
        }
    }
    int rc = fm_store_upsert(r->store, obj, &old);
    if (rc) return rc; /* obj was freed by the store */
    if (!old) {
        emit_add(r, obj);
    } else {
        const char *a = meta_of(r, old)->resource_version;
        const char *b = meta_of(r, obj)->resource_version;
        if (!(quiet_same_rv && a && b && strcmp(a, b) == 0)) emit_update(r, old, obj);
        fm_store_object_free(r->store, old);
    }
    return 0;
}

/* ------------------------------------------------------------ the sink */

void fm_reflector_list_begin(void *ud)
{
    fm_reflector *r = ud;
    fm_store_begin_replace(r->store);
}

int fm_reflector_list_item(void *ud, void *obj)
{
    return apply_upsert(ud, obj, true);
}

void fm_reflector_list_end(void *ud)
{
    fm_reflector *r = ud;
    fm_store_finish_replace(r->store, on_vanished, r);
}

int fm_reflector_event(void *ud, fm_kube_watch_event_type type, void *obj)
{
    fm_reflector *r = ud;
    switch (type) {
    case KUBE_WATCH_ADDED:
    case KUBE_WATCH_MODIFIED:
        return apply_upsert(r, obj, false);
    case KUBE_WATCH_DELETED: {
        char *key = NULL;
        if (fm_store_object_key(&key, r->kind->object, obj) == 0) {
            void *old = NULL;
            fm_store_delete(r->store, key, &old);
            emit_delete(r, obj);
            fm_store_object_free(r->store, old);
        }
        free(key);
        fm_store_object_free(r->store, obj);
        return 0;
    }
    default:
        fm_store_object_free(r->store, obj);
        return 0;
    }
}

/*
 * An object the watcher could not decode, known by its metadata alone. A
 * cached older version is removed: a version we cannot read must not stand
 * for the object, or the cache would act on a state the object left.
 */
void fm_reflector_forget(void *ud, const fm_k8s_object_meta *meta)
{
    fm_reflector *r = ud;
    if (!meta || !meta->name || !*meta->name) return;
    fm_buf key = FM_BUF_INIT;
    if (r->kind->namespaced && meta->namespace && *meta->namespace)
        fm_buf_printf(&key, "%s/%s", meta->namespace, meta->name);
    else
        fm_buf_puts(&key, meta->name);
    void *old = NULL;
    if (key.data && fm_store_delete(r->store, key.data, &old) == 0 && old) {
        emit_delete(r, old);
        fm_store_object_free(r->store, old);
    }
    fm_buf_free(&key);
}

fm_watcher_sink fm_reflector_sink(fm_reflector *r)
{
    return (fm_watcher_sink){
        .list_begin = fm_reflector_list_begin,
        .list_item = fm_reflector_list_item,
        .list_end = fm_reflector_list_end,
        .event = fm_reflector_event,
        .forget = fm_reflector_forget,
        .ud = r,
    };
}
