/*
 * hashmap.c - open-addressing string hash table (see hashmap.h).
 */
#include "hashmap.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "error.h"

#define FNV_OFFSET UINT64_C(14695981039346656037)
#define FNV_PRIME UINT64_C(1099511628211)

uint64_t fm_hashmap_hash(const char *s, size_t len, uint64_t seed)
{
    uint64_t h = FNV_OFFSET ^ seed;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= FNV_PRIME;
    }
    /* Final avalanche (from splitmix64) so that the low bits used for the
     * slot index depend on every input byte. */
    h ^= h >> 31;
    h *= UINT64_C(0x7fb5d329728ea185);
    h ^= h >> 27;
    return h;
}

static uint64_t new_seed(void)
{
    uint64_t s = 0;
    if (getrandom(&s, sizeof(s), GRND_NONBLOCK) != (ssize_t)sizeof(s))
        s = (uint64_t)(uintptr_t)&s * UINT64_C(0x9e3779b97f4a7c15);
    return s;
}

/* Index of the slot holding key, or of the empty slot where it would go. */
static size_t probe(const fm_hashmap *m, const char *key, uint64_t h)
{
    size_t mask = m->cap - 1;
    size_t i = (size_t)h & mask;
    while (m->slots[i].key) {
        if (m->slots[i].hash == h && strcmp(m->slots[i].key, key) == 0) return i;
        i = (i + 1) & mask;
    }
    return i;
}

/* Rebuilds the table with new_cap slots (a power of two > len * 4/3);
 * false when out of memory (the table is unchanged). */
static bool rehash_slots(fm_hashmap *m, size_t new_cap)
{
    fm_hashmap_slot *slots = calloc(new_cap, sizeof(*slots));
    if (!slots) return false;
    fm_hashmap_slot *old = m->slots;
    size_t old_cap = m->cap;
    m->slots = slots;
    m->cap = new_cap;
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].key) continue;
        size_t j = (size_t)old[i].hash & (new_cap - 1);
        while (slots[j].key) j = (j + 1) & (new_cap - 1);
        slots[j] = old[i];
    }
    free(old);
    return true;
}

static int rehash(fm_hashmap *m, size_t new_cap)
{
    if (!rehash_slots(m, new_cap))
        return fm_error_set(FM_ENOMEM, "hash table: out of memory (%zu slots)", new_cap);
    return 0;
}

int fm_hashmap_reserve(fm_hashmap *m, size_t n)
{
    if (!m->seed) m->seed = new_seed() | 1u;
    size_t need = 8;
    while (need - need / 4 < n) need *= 2;
    if (need <= m->cap) return 0;
    return rehash(m, need);
}

int fm_hashmap_put(fm_hashmap *m, const char *key, void *value, void **old)
{
    if (old) *old = NULL;
    if (m->len + 1 > m->cap - m->cap / 4 || m->cap == 0) {
        /* Double the table: room for len + 1 at most 3/4 full is the
         * next power of two (asking for room for twice as many, as
         * before, made it four times larger and the average table 1/4
         * full: 70 bytes per entry instead of 35 in the caches). */
        int rc = fm_hashmap_reserve(m, m->len + 1 > 6 ? m->len + 1 : 6);
        if (rc) return rc;
    }
    uint64_t h = fm_hashmap_hash(key, strlen(key), m->seed);
    size_t i = probe(m, key, h);
    if (m->slots[i].key) {
        if (old) *old = m->slots[i].value;
    } else {
        m->len++;
    }
    m->slots[i].key = key;
    m->slots[i].value = value;
    m->slots[i].hash = h;
    return 0;
}

void *fm_hashmap_get(const fm_hashmap *m, const char *key)
{
    if (m->len == 0) return NULL;
    uint64_t h = fm_hashmap_hash(key, strlen(key), m->seed);
    size_t i = probe(m, key, h);
    return m->slots[i].key ? m->slots[i].value : NULL;
}

/*
 * Backward-shift deletion: after emptying slot i, walk the cluster that
 * follows and move back every entry whose home slot is not in the (cyclic)
 * range (i, j], so no lookup ever stops early at the hole.
 */
void *fm_hashmap_remove(fm_hashmap *m, const char *key)
{
    if (m->len == 0) return NULL;
    uint64_t h = fm_hashmap_hash(key, strlen(key), m->seed);
    size_t mask = m->cap - 1;
    size_t i = probe(m, key, h);
    if (!m->slots[i].key) return NULL;
    void *value = m->slots[i].value;
    m->slots[i].key = NULL;
    m->len--;
    size_t j = i;
    for (;;) {
        j = (j + 1) & mask;
        if (!m->slots[j].key) break;
        size_t home = (size_t)m->slots[j].hash & mask;
        /* Keep slot j where it is when home lies cyclically in (i, j]. */
        int stays = (i <= j) ? (i < home && home <= j) : (i < home || home <= j);
        if (stays) continue;
        m->slots[i] = m->slots[j];
        m->slots[j].key = NULL;
        i = j;
    }
    /* Shrink a table that fell below 1/8 full to one about 1/4 full: a
     * work queue that once held every key of a 100,000-object list kept a
     * 6 MiB table while empty. Out of memory keeps the table as it is. */
    if (m->cap > 64 && m->len < m->cap / 8) {
        size_t want = 16;
        while (want - want / 4 < m->len * 2) want *= 2;
        if (want < m->cap) (void)rehash_slots(m, want);
    }
    return value;
}

int fm_hashmap_next(const fm_hashmap *m, size_t *iter, const char **key, void **value)
{
    for (size_t i = *iter; i < m->cap; i++) {
        if (!m->slots[i].key) continue;
        if (key) *key = m->slots[i].key;
        if (value) *value = m->slots[i].value;
        *iter = i + 1;
        return 1;
    }
    *iter = m->cap;
    return 0;
}

void fm_hashmap_clear(fm_hashmap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = 0;
    m->len = 0;
}

size_t fm_hashmap_bytes(const fm_hashmap *m)
{
    return m->cap * sizeof(fm_hashmap_slot);
}
