/*
 * store.h - the informer's cache: decoded objects of one kind by key, with
 * secondary indexes.
 *
 * Objects are generated structs (fm_agentic_task, fm_fleet_node, ...)
 * described by the fm_struct_desc given to fm_store_new(); the descriptor must
 * have a "metadata" field of type fm_k8s_object_meta. An object's key is
 * "namespace/name", or "name" when it has no namespace (cluster-scoped
 * kinds). Lookup by key is O(1) (runtime/core/hashmap.h).
 *
 * Secondary indexes map an object to zero or more string values (for
 * example AgenticTasks by status.assignedNode, by phase, by each
 * spec.dependsOn entry); fm_store_index_keys() then answers "which keys have
 * value v" without scanning.
 *
 * Concurrency and ownership:
 *   - One writer (the informer thread) and any number of readers. A
 *     read-write lock (writer-preferring) guards everything.
 *   - Stored objects are IMMUTABLE: nobody may modify a stored object.
 *     A write replaces the whole object (pointer swap under the write lock)
 *     and hands the previous object back to the writer, who frees it with
 *     fm_store_object_free() once its event handlers are done with it.
 *   - Readers either take a private deep copy (fm_store_get_copy(), safe to
 *     keep and modify), or read borrowed pointers inside
 *     fm_store_read_lock()/fm_store_read_unlock() or inside the callbacks of
 *     fm_store_foreach()/fm_store_index_foreach() (which run under the read lock:
 *     they must not call store write functions and should be short).
 *     A borrowed pointer is invalid after the lock is released.
 *
 * Relists without a 2x memory peak: fm_store_begin_replace() starts a new
 * generation, every fm_store_upsert() marks its object as seen, and
 * fm_store_finish_replace() removes (and reports) the objects not seen since.
 * An informer feeds pages of its paginated list straight in, so the peak is
 * the store plus one page, not two full copies.
 */
#ifndef FOREMAN_STORE_H
#define FOREMAN_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codec.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fm_store fm_store;

/*
 * An index function: writes up to cap values for obj into out and returns
 * how many values obj has (which may be more than cap: the store then calls
 * again with a larger array). The strings may be borrowed from obj or be
 * static; the store copies them. Must not fail, block or call the store.
 */
typedef size_t (*fm_store_index_fn)(const char **out, size_t cap, const void *obj, void *ud);

/* Creates an empty store for objects described by d. Returns 0, FM_EINVAL
 * (d has no metadata field) or FM_ENOMEM. */
int fm_store_new(fm_store **out, const fm_struct_desc *d);

/* Frees the store and every object in it. Accepts NULL. */
void fm_store_free(fm_store *s);

/* The object descriptor of the store. */
const fm_struct_desc *fm_store_desc(const fm_store *s);

/* Frees an object of the store's type, packed (fm_codec_pack, as informers
 * cache them) or not (fm_codec_object_free); accepts NULL. */
void fm_store_object_free(const fm_store *s, void *obj);

/*
 * Declares an index named `name` (unique per store). Objects already in the
 * store are indexed at once. Returns 0, FM_EINVAL (duplicate name) or
 * FM_ENOMEM.
 */
int fm_store_add_index(fm_store *s, const char *name, fm_store_index_fn fn, void *ud);

/* Writes obj's key ("ns/name" or "name") into a new string *out.
 * Returns 0, FM_EINVAL (no metadata.name) or FM_ENOMEM. */
int fm_store_object_key(char **out, const fm_struct_desc *d, const void *obj);

/* ------------------------------------------------------------ writes */

/*
 * Inserts or replaces the object with obj's key; the store takes ownership
 * of obj (also on failure, when it frees it). *out_old (may be NULL) receives
 * the replaced object, now the caller's to free with fm_store_object_free(), or
 * NULL when the key was new (with out_old NULL the store frees it).
 * Returns 0, FM_EINVAL (obj has no name) or FM_ENOMEM.
 */
int fm_store_upsert(fm_store *s, void *obj, void **out_old);

/*
 * A relist delivering obj again: when the store holds obj's key at the
 * same resourceVersion, that object stays (marked seen for the current
 * relist generation) and true is returned; obj is still the caller's.
 * Pointers to an unchanged cached object so stay valid across relists.
 */
bool fm_store_keep_same(fm_store *s, const void *obj);

/* Removes key; *out_old (may be NULL) receives the removed object (caller
 * frees) or NULL when absent. Returns 0 or FM_ENOTFOUND. */
int fm_store_delete(fm_store *s, const char *key, void **out_old);

/* Starts a relist generation (see above). */
void fm_store_begin_replace(fm_store *s);

/*
 * Ends a relist: removes every object not upserted since
 * fm_store_begin_replace() and calls on_delete(ud, key, old_obj) for each,
 * outside the lock, freeing the object afterwards. on_delete may be NULL.
 * Returns the number of objects removed.
 */
size_t fm_store_finish_replace(fm_store *s, void (*on_delete)(void *ud, const char *key, const void *old_obj),
                            void *ud);

/* ------------------------------------------------------------ reads */

/* Number of objects. */
size_t fm_store_len(fm_store *s);

/* Deep copy of the object with key into a new object *out (caller frees
 * with fm_store_object_free()). Returns 0, FM_ENOTFOUND or FM_ENOMEM. */
int fm_store_get_copy(void **out, fm_store *s, const char *key);

/* True when key is present. */
bool fm_store_contains(fm_store *s, const char *key);

/* Read lock for borrowed access with fm_store_get(). Not recursive with
 * writes: a thread holding it must not write to the store. */
void fm_store_read_lock(fm_store *s);
void fm_store_read_unlock(fm_store *s);

/* Borrowed object for key, or NULL; only under fm_store_read_lock(). */
const void *fm_store_get(fm_store *s, const char *key);

/* Calls fn(ud, key, obj) for every object under the read lock, in no
 * particular order, until fn returns non-zero (which is returned). */
int fm_store_foreach(fm_store *s, int (*fn)(void *ud, const char *key, const void *obj), void *ud);

/* The same for a caller that already holds fm_store_read_lock(), so that the
 * borrowed objects stay valid after the walk, until it unlocks. */
int fm_store_foreach_locked(fm_store *s, int (*fn)(void *ud, const char *key, const void *obj), void *ud);

/* Every key, sorted, as a string list (char **items) the caller frees with
 * fm_store_keys_free(). Returns 0 or FM_ENOMEM. */
int fm_store_keys(fm_list *out, fm_store *s);

/* The keys of objects whose index `index` has value `value`, sorted (the
 * caller frees with fm_store_keys_free()). Returns 0, FM_EINVAL (no such
 * index) or FM_ENOMEM; no match gives an empty list. */
int fm_store_index_keys(fm_list *out, fm_store *s, const char *index, const char *value);

/* Number of objects whose index has the value (0 for an unknown index). */
size_t fm_store_index_count(fm_store *s, const char *index, const char *value);

/* Calls fn for each object whose index has the value, under the read lock,
 * until fn returns non-zero (returned). FM_EINVAL for an unknown index. */
int fm_store_index_foreach(fm_store *s, const char *index, const char *value,
                        int (*fn)(void *ud, const char *key, const void *obj), void *ud);

/* The same under a fm_store_read_lock() the caller already holds. */
int fm_store_index_foreach_locked(fm_store *s, const char *index, const char *value,
                               int (*fn)(void *ud, const char *key, const void *obj), void *ud);

/* Frees a key list from fm_store_keys()/fm_store_index_keys(); accepts empty. */
void fm_store_keys_free(fm_list *keys);

/* Approximate heap bytes the store's own bookkeeping uses (tables, keys,
 * index copies), not counting the objects themselves; for benchmarks. */
size_t fm_store_overhead_bytes(fm_store *s);

#ifdef __cplusplus
}
#endif
#endif
