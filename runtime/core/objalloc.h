/*
 * objalloc.h - size-classed slabs for the objects the informers cache, and
 * an intern table for the short strings they repeat.
 *
 * Why not malloc: a cached object is replaced by a new version on every
 * change, and the new version is seldom the size of the old (a placement
 * adds assignedNode and a condition). With malloc the old version leaves
 * a hole that the next, larger version of any object cannot use, and a
 * backlog of 100,000 placements left about 1 KB of free but resident heap
 * per task between the blocks that stay (the store's and the ledger's
 * small entries pin the pages). Here objects of one size class share 64
 * KiB slabs and nothing else does: a freed slot is taken by the next
 * object of its class, and a slab whose last object goes is handed back
 * to the system (MADV_DONTNEED) at once.
 *
 * Layout: one reserved range of address space (16 GiB,
 * PROT_NONE until used, so it costs no memory), carved into 64 KiB slabs;
 * a pointer is ours when it lies in that range, which fm_objalloc_owns()
 * answers with two compares. Size classes step by 32 bytes up to 1 KiB, by
 * 64 up to 4 KiB and by 256 up to FM_OBJALLOC_MAX; larger objects are the
 * caller's to malloc. When the range cannot be reserved (an address-space
 * limit) or is used up, fm_objalloc_alloc() returns NULL and callers fall
 * back to malloc.
 *
 * Interned strings (fm_objalloc_intern) live in the same range, in slabs of
 * their own, and are never freed: only strings from a small set (API
 * versions, kinds, namespaces, node names, condition types and reasons)
 * should be interned, and the table stops taking new ones at
 * FM_OBJALLOC_INTERN_MAX bytes (the caller then copies as before).
 *
 * Off (every call answers NULL or false, so callers use malloc) under
 * AddressSanitizer, whose checks stop at a custom allocator, and when the
 * environment has FOREMAN_OBJALLOC=off (for valgrind).
 *
 * Thread-safe (one mutex; fm_objalloc_owns takes none).
 */
#ifndef FOREMAN_OBJALLOC_H
#define FOREMAN_OBJALLOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FM_OBJALLOC_MAX 16384
#define FM_OBJALLOC_INTERN_MAX (8u << 20)

/* Reserves the range on first use; a main may call it at start, before
 * its threads, to read FOREMAN_OBJALLOC then and learn whether objalloc is
 * on. True when it is. Any later call only answers. */
bool fm_objalloc_init(void);

/* A block of at least n bytes (8-byte aligned), or NULL: n is 0 or above
 * FM_OBJALLOC_MAX, the range is used up or could not be reserved. */
void *fm_objalloc_alloc(size_t n);

/* Frees a block from fm_objalloc_alloc(). */
void fm_objalloc_free(void *p);

/* n zeroed bytes from objalloc, or from calloc when objalloc has none;
 * free with fm_objalloc_free_any(). For small structures that live as
 * long as a cached object (store entries): kept apart from the heap's
 * short-lived blocks, they no longer pin its pages. NULL when out of
 * memory. */
void *fm_objalloc_calloc_any(size_t n);

/* Frees a block from fm_objalloc_calloc_any() (or any malloc'd block);
 * accepts NULL. */
void fm_objalloc_free_any(void *p);

/* True when p points into objalloc's range (a block or an interned string). */
bool fm_objalloc_owns(const void *p);

/* The usable size of the block at p (from fm_objalloc_alloc). */
size_t fm_objalloc_block_size(const void *p);

/* The interned copy of s (NUL-terminated, at most 255 bytes), or NULL when
 * s is longer or the table is full or out of memory. */
const char *fm_objalloc_intern(const char *s);

typedef struct fm_objalloc_stats {
    size_t slabs;          /* object slabs in use */
    size_t slab_bytes;     /* their size */
    size_t block_bytes;    /* bytes of the blocks handed out (slot sizes) */
    size_t blocks;         /* blocks handed out */
    size_t intern_bytes;   /* bytes of interned strings */
    size_t interned;       /* how many */
} fm_objalloc_stats;

/* The figures now (zeros when objalloc is off). */
void fm_objalloc_get_stats(fm_objalloc_stats *out);

#ifdef __cplusplus
}
#endif
#endif
