/*
 * hashmap.h - a string-keyed hash table for the runtime's caches and queues.
 *
 * Open addressing with linear probing and backward-shift deletion (no
 * tombstones, so lookups stay short after many deletes), a power-of-two
 * capacity kept at most 3/4 full, and 64-bit FNV-1a hashing with a per-map
 * random seed (so a peer cannot pick keys that collide on every process).
 *
 * Keys are BORROWED: the map stores the caller's pointer and never copies or
 * frees it. The key's memory must stay valid and unchanged while the entry is
 * in the map; usually the key lives inside the value (the store's entry, the
 * work queue's item). Values are opaque pointers and never NULL.
 *
 * Not thread-safe: the owner (store, work queue) locks around it.
 */
#ifndef FOREMAN_HASHMAP_H
#define FOREMAN_HASHMAP_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fm_hashmap_slot {
    const char *key; /* NULL = empty slot */
    void *value;
    uint64_t hash;
} fm_hashmap_slot;

typedef struct fm_hashmap {
    fm_hashmap_slot *slots;
    size_t cap; /* 0 or a power of two */
    size_t len;
    uint64_t seed;
} fm_hashmap;

#define FM_HASHMAP_INIT {NULL, 0, 0, 0}

/* The 64-bit FNV-1a hash of s[0..len) mixed with seed. */
uint64_t fm_hashmap_hash(const char *s, size_t len, uint64_t seed);

/*
 * Inserts key -> value, or replaces the value (and the stored key pointer)
 * when an equal key is present. value must not be NULL. When `old` is not
 * NULL it receives the replaced value (NULL when the key was new).
 * Returns 0 or FM_ENOMEM (the map is unchanged on failure).
 */
int fm_hashmap_put(fm_hashmap *m, const char *key, void *value, void **old);

/* The value stored for key, or NULL. */
void *fm_hashmap_get(const fm_hashmap *m, const char *key);

/* Removes key; returns its value, or NULL when absent. A table that falls
 * below 1/8 full shrinks (to about 1/4 full), so room reserved with
 * fm_hashmap_reserve() lasts only until entries are removed. */
void *fm_hashmap_remove(fm_hashmap *m, const char *key);

/*
 * Iteration: start with *iter = 0; each call returns 1 and fills key/value
 * (either may be NULL) for the next entry, or 0 at the end. The map must
 * not be modified during an iteration (collect keys first, then remove).
 */
int fm_hashmap_next(const fm_hashmap *m, size_t *iter, const char **key, void **value);

/* Reserves room for n entries without rehashing. Returns 0 or FM_ENOMEM. */
int fm_hashmap_reserve(fm_hashmap *m, size_t n);

/* Frees the table (not the keys or values) and empties the map. */
void fm_hashmap_clear(fm_hashmap *m);

/* Bytes the table itself uses (for the memory benchmark). */
size_t fm_hashmap_bytes(const fm_hashmap *m);

#ifdef __cplusplus
}
#endif
#endif
