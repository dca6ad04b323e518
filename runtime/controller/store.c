/*
 * store.c - the keyed object cache with secondary indexes (see store.h).
 *
 * Layout: `entries` maps key -> entry (the entry holds its key inline and
 * owns the object). Each index maps value -> bucket (the bucket holds its
 * value inline), and a bucket maps key -> entry (borrowing the entry's
 * key). An entry remembers, per index, the buckets it is in (one slot per
 * index: none, one bucket, or a tagged pointer to a list of them), so an
 * update or delete removes it from exactly those buckets without calling
 * the index function on the old object, and without a copy of each value
 * per entry. Empty buckets are freed at once.
 *
 * Memory per object, 64-bit: the entry (24 bytes and the key) and its slot
 * array (8 bytes per index), one table slot in `entries` and one in each
 * bucket it is in (24 bytes each, tables at most 3/4 full).
 */
#include "store.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "hashmap.h"
#include "k8s_core.h"
#include "objalloc.h"

#define INLINE_VALUES 16

typedef struct bucket {
    fm_hashmap keys; /* entry key -> entry */
    char value[];
} bucket;

/* An entry in several buckets of one index: slot = (uintptr_t)multi | 1. */
typedef struct multi {
    size_t n;
    bucket *b[];
} multi;

typedef struct entry {
    void *obj;
    uint64_t epoch;
    void **idx; /* one slot per index: NULL, a bucket, or a tagged multi */
    char key[];
} entry;

typedef struct index {
    char *name;
    fm_store_index_fn fn;
    void *ud;
    fm_hashmap by_value; /* value -> bucket */
} index_t;

struct fm_store {
    pthread_rwlock_t lock;
    const fm_struct_desc *desc;
    uint32_t meta_offset;
    fm_hashmap entries;
    index_t *indexes;
    size_t n_indexes;
    uint64_t epoch;
};

static bool slot_is_multi(const void *slot)
{
    return ((uintptr_t)slot & 1u) != 0;
}

static multi *slot_multi(void *slot)
{
    return (multi *)((uintptr_t)slot & ~(uintptr_t)1);
}

/* The buckets of a slot: *one gets the single bucket case. */
static bucket **slot_buckets(void **slot, size_t *n)
{
    if (!*slot) {
        *n = 0;
        return NULL;
    }
    if (slot_is_multi(*slot)) {
        multi *m = slot_multi(*slot);
        *n = m->n;
        return m->b;
    }
    *n = 1;
    return (bucket **)slot;
}

static void slot_free(void **slot)
{
    if (*slot && slot_is_multi(*slot)) free(slot_multi(*slot));
    *slot = NULL;
}

/* Offset of the fm_k8s_object_meta "metadata" field of d, or -1. */
static long find_meta(const fm_struct_desc *d)
{
    for (size_t i = 0; i < d->n_fields; i++) {
        const fm_field_desc *f = &d->fields[i];
        if (f->type == FM_T_STRUCT && f->sub == &fm_k8s_object_meta_desc &&
            strcmp(f->json_name, "metadata") == 0)
            return (long)f->offset;
    }
    return -1;
}

int fm_store_new(fm_store **out, const fm_struct_desc *d)
{
    *out = NULL;
    long off = d ? find_meta(d) : -1;
    if (off < 0) return fm_error_set(FM_EINVAL, "store: type %s has no metadata", d ? d->name : "(null)");
    fm_store *s = calloc(1, sizeof(*s));
    if (!s) return fm_error_set(FM_ENOMEM, "store %s: out of memory", d->name);
    pthread_rwlockattr_t attr;
    pthread_rwlockattr_init(&attr);
    /* Writer preference: a steady stream of readers (workers) must not
     * starve the informer. */
    pthread_rwlockattr_setkind_np(&attr, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
    pthread_rwlock_init(&s->lock, &attr);
    pthread_rwlockattr_destroy(&attr);
    s->desc = d;
    s->meta_offset = (uint32_t)off;
    *out = s;
    return 0;
}

const fm_struct_desc *fm_store_desc(const fm_store *s)
{
    return s->desc;
}

void fm_store_object_free(const fm_store *s, void *obj)
{
    fm_codec_object_free(obj, s->desc); /* packed (informer) or not (copies) */
}

static void entry_free(fm_store *s, entry *e, bool free_obj)
{
    if (!e) return;
    if (e->idx) {
        for (size_t i = 0; i < s->n_indexes; i++) slot_free(&e->idx[i]);
        fm_objalloc_free_any(e->idx);
    }
    if (free_obj) fm_store_object_free(s, e->obj);
    fm_objalloc_free_any(e);
}

static void index_clear(index_t *ix)
{
    size_t it = 0;
    void *v;
    while (fm_hashmap_next(&ix->by_value, &it, NULL, &v)) {
        bucket *b = v;
        fm_hashmap_clear(&b->keys);
        free(b);
    }
    fm_hashmap_clear(&ix->by_value);
    free(ix->name);
}

void fm_store_free(fm_store *s)
{
    if (!s) return;
    size_t it = 0;
    void *v;
    while (fm_hashmap_next(&s->entries, &it, NULL, &v)) entry_free(s, v, true);
    fm_hashmap_clear(&s->entries);
    for (size_t i = 0; i < s->n_indexes; i++) index_clear(&s->indexes[i]);
    free(s->indexes);
    pthread_rwlock_destroy(&s->lock);
    free(s);
}

/* The key of obj ("ns/name" or "name") into buf (cap bytes); its length, 0
 * when obj has no name, or (size_t)-1 when it does not fit. */
static size_t object_key(char *buf, size_t cap, const fm_k8s_object_meta *m)
{
    if (!m->name || !*m->name) return 0;
    size_t nl = strlen(m->name);
    size_t sl = m->namespace && *m->namespace ? strlen(m->namespace) : 0;
    size_t len = sl + (sl ? 1 : 0) + nl;
    if (len + 1 > cap) return (size_t)-1;
    if (sl) {
        memcpy(buf, m->namespace, sl);
        buf[sl] = '/';
        memcpy(buf + sl + 1, m->name, nl + 1);
    } else {
        memcpy(buf, m->name, nl + 1);
    }
    return len;
}

int fm_store_object_key(char **out, const fm_struct_desc *d, const void *obj)
{
    *out = NULL;
    long off = find_meta(d);
    if (off < 0) return fm_error_set(FM_EINVAL, "store: type %s has no metadata", d->name);
    const fm_k8s_object_meta *m = (const fm_k8s_object_meta *)((const char *)obj + off);
    if (!m->name || !*m->name) return fm_error_set(FM_EINVAL, "%s: object without metadata.name", d->name);
    size_t cap = strlen(m->name) + (m->namespace ? strlen(m->namespace) : 0) + 2;
    char *k = malloc(cap);
    if (!k) return fm_error_set(FM_ENOMEM, "store: out of memory");
    object_key(k, cap, m);
    *out = k;
    return 0;
}

/* The bucket of value in ix, made when missing; NULL when out of memory. */
static bucket *bucket_get(index_t *ix, const char *value)
{
    bucket *b = fm_hashmap_get(&ix->by_value, value);
    if (b) return b;
    size_t n = strlen(value);
    b = calloc(1, sizeof(*b) + n + 1);
    if (!b) return NULL;
    memcpy(b->value, value, n + 1);
    if (fm_hashmap_put(&ix->by_value, b->value, b, NULL)) {
        free(b);
        return NULL;
    }
    return b;
}

/* Takes e out of bucket b of ix, freeing the bucket when it empties. */
static void bucket_leave(index_t *ix, bucket *b, const entry *e)
{
    fm_hashmap_remove(&b->keys, e->key);
    if (b->keys.len == 0) {
        fm_hashmap_remove(&ix->by_value, b->value);
        fm_hashmap_clear(&b->keys);
        free(b);
    }
}

/* Drops an empty bucket (made by bucket_get, joined by nobody). */
static void bucket_drop_if_empty(index_t *ix, bucket *b)
{
    if (b->keys.len == 0) {
        fm_hashmap_remove(&ix->by_value, b->value);
        fm_hashmap_clear(&b->keys);
        free(b);
    }
}

static void unindex(fm_store *s, entry *e)
{
    for (size_t i = 0; i < s->n_indexes; i++) {
        size_t n;
        bucket **bs = slot_buckets(&e->idx[i], &n);
        for (size_t j = 0; j < n; j++) bucket_leave(&s->indexes[i], bs[j], e);
        slot_free(&e->idx[i]);
    }
}

/*
 * Puts e into the buckets of index ix (number i) for the values obj has
 * there. The values are used at once (they may be borrowed from obj or be
 * in a per-thread buffer). A value listed twice joins once.
 */
static int index_entry(fm_store *s, size_t i, entry *e)
{
    index_t *ix = &s->indexes[i];
    const char *local[INLINE_VALUES];
    const char **vals = local;
    size_t n = ix->fn(local, INLINE_VALUES, e->obj, ix->ud);
    if (n > INLINE_VALUES) {
        vals = malloc(n * sizeof(*vals));
        if (!vals) return fm_error_set(FM_ENOMEM, "store index %s: out of memory", ix->name);
        size_t again = ix->fn(vals, n, e->obj, ix->ud);
        if (again < n) n = again;
    }
    int rc = 0;
    multi *m = NULL;
    bucket *one = NULL;
    size_t got = 0;
    for (size_t k = 0; k < n && !rc; k++) {
        if (!vals[k]) continue; /* NULL values are skipped */
        bucket *b = bucket_get(ix, vals[k]);
        if (!b) {
            rc = FM_ENOMEM;
            break;
        }
        bool dup = one == b;
        for (size_t j = 0; m && j < m->n && !dup; j++) dup = m->b[j] == b;
        if (dup) continue;
        if (fm_hashmap_put(&b->keys, e->key, e, NULL)) {
            bucket_drop_if_empty(ix, b);
            rc = FM_ENOMEM;
            break;
        }
        if (got == 0) {
            one = b;
        } else {
            if (!m) {
                m = malloc(sizeof(*m) + n * sizeof(bucket *));
                if (!m) {
                    bucket_leave(ix, b, e);
                    rc = FM_ENOMEM;
                    break;
                }
                m->n = 1;
                m->b[0] = one;
            }
            m->b[m->n++] = b;
        }
        got++;
    }
    if (vals != local) free(vals);
    if (m) e->idx[i] = (void *)((uintptr_t)m | 1u);
    else e->idx[i] = one;
    if (rc) return fm_error_set(FM_ENOMEM, "store index %s: out of memory", ix->name);
    return 0;
}

/* Indexes e under every index of s. */
static int reindex(fm_store *s, entry *e)
{
    int rc = 0;
    for (size_t i = 0; i < s->n_indexes; i++) {
        int r = index_entry(s, i, e);
        if (r && !rc) rc = r;
    }
    return rc;
}

int fm_store_add_index(fm_store *s, const char *name, fm_store_index_fn fn, void *ud)
{
    int rc = 0;
    pthread_rwlock_wrlock(&s->lock);
    for (size_t i = 0; i < s->n_indexes; i++) {
        if (strcmp(s->indexes[i].name, name) == 0) {
            rc = fm_error_set(FM_EINVAL, "store %s: index %s declared twice", s->desc->name, name);
            goto done;
        }
    }
    index_t *ixs = realloc(s->indexes, (s->n_indexes + 1) * sizeof(*ixs));
    if (!ixs) {
        rc = fm_error_set(FM_ENOMEM, "store: out of memory");
        goto done;
    }
    s->indexes = ixs;
    index_t *ix = &ixs[s->n_indexes];
    memset(ix, 0, sizeof(*ix));
    ix->fn = fn;
    ix->ud = ud;
    if (!(ix->name = fm_strdup(name))) {
        rc = fm_error_set(FM_ENOMEM, "store: out of memory");
        goto done;
    }
    /* Grow every entry's per-index arrays, then index existing objects. */
    size_t it = 0;
    void *v;
    while (fm_hashmap_next(&s->entries, &it, NULL, &v)) {
        entry *e = v;
        void **g = fm_objalloc_calloc_any((s->n_indexes + 1) * sizeof(*g));
        if (!g) {
            rc = fm_error_set(FM_ENOMEM, "store: out of memory");
            break;
        }
        if (s->n_indexes) memcpy(g, e->idx, s->n_indexes * sizeof(*g));
        fm_objalloc_free_any(e->idx);
        e->idx = g;
    }
    if (rc) {
        free(ix->name);
        goto done;
    }
    s->n_indexes++;
    it = 0;
    while (!rc && fm_hashmap_next(&s->entries, &it, NULL, &v)) rc = index_entry(s, s->n_indexes - 1, v);
done:
    pthread_rwlock_unlock(&s->lock);
    return rc;
}

int fm_store_upsert(fm_store *s, void *obj, void **out_old)
{
    if (out_old) *out_old = NULL;
    const fm_k8s_object_meta *m = (const fm_k8s_object_meta *)((const char *)obj + s->meta_offset);
    char kbuf[512], *key = kbuf;
    size_t kl = object_key(kbuf, sizeof kbuf, m);
    if (kl == (size_t)-1) {
        int rc = fm_store_object_key(&key, s->desc, obj);
        if (rc) {
            fm_store_object_free(s, obj);
            return rc;
        }
        kl = strlen(key);
    } else if (kl == 0) {
        fm_store_object_free(s, obj);
        return fm_error_set(FM_EINVAL, "%s: object without metadata.name", s->desc->name);
    }
    int rc = 0;
    /* Index values are computed under the write lock because the index
     * table itself may grow (fm_store_add_index) concurrently. */
    pthread_rwlock_wrlock(&s->lock);
    entry *e = fm_hashmap_get(&s->entries, key);
    void *old = NULL;
    if (e) {
        unindex(s, e);
        old = e->obj;
        e->obj = obj;
    } else {
        /* entries live as long as their objects: in objalloc's slabs too */
        e = fm_objalloc_calloc_any(sizeof(*e) + kl + 1);
        if (!e || !(e->idx = fm_objalloc_calloc_any((s->n_indexes ? s->n_indexes : 1) * sizeof(void *)))) {
            fm_objalloc_free_any(e);
            rc = fm_error_set(FM_ENOMEM, "store: out of memory");
            goto fail;
        }
        memcpy(e->key, key, kl + 1);
        e->obj = obj;
        if (fm_hashmap_put(&s->entries, e->key, e, NULL)) {
            fm_objalloc_free_any(e->idx);
            fm_objalloc_free_any(e);
            rc = fm_error_set(FM_ENOMEM, "store: out of memory");
            goto fail;
        }
    }
    e->epoch = s->epoch;
    rc = reindex(s, e);
    pthread_rwlock_unlock(&s->lock);
    if (key != kbuf) free(key);
    if (out_old) *out_old = old;
    else fm_store_object_free(s, old);
    return rc;
fail:
    pthread_rwlock_unlock(&s->lock);
    if (key != kbuf) free(key);
    fm_store_object_free(s, obj);
    return rc;
}

bool fm_store_keep_same(fm_store *s, const void *obj)
{
    const fm_k8s_object_meta *m = (const fm_k8s_object_meta *)((const char *)obj + s->meta_offset);
    if (!m->resource_version || !*m->resource_version) return false;
    char *key = NULL;
    if (fm_store_object_key(&key, s->desc, obj) != 0) return false;
    bool kept = false;
    pthread_rwlock_wrlock(&s->lock);
    entry *e = fm_hashmap_get(&s->entries, key);
    if (e) {
        const fm_k8s_object_meta *om = (const fm_k8s_object_meta *)((const char *)e->obj + s->meta_offset);
        if (om->resource_version && strcmp(om->resource_version, m->resource_version) == 0) {
            e->epoch = s->epoch;
            kept = true;
        }
    }
    pthread_rwlock_unlock(&s->lock);
    free(key);
    return kept;
}

int fm_store_delete(fm_store *s, const char *key, void **out_old)
{
    if (out_old) *out_old = NULL;
    pthread_rwlock_wrlock(&s->lock);
    entry *e = fm_hashmap_remove(&s->entries, key);
    if (e) unindex(s, e);
    pthread_rwlock_unlock(&s->lock);
    if (!e) return fm_error_set(FM_ENOTFOUND, "store %s: %s not found", s->desc->name, key);
    if (out_old) *out_old = e->obj;
    entry_free(s, e, out_old == NULL);
    return 0;
}

void fm_store_begin_replace(fm_store *s)
{
    pthread_rwlock_wrlock(&s->lock);
    s->epoch++;
    pthread_rwlock_unlock(&s->lock);
}

size_t fm_store_finish_replace(fm_store *s, void (*on_delete)(void *ud, const char *key, const void *old_obj),
                            void *ud)
{
    /* Collect stale entries under the lock (two passes: the table cannot be
     * modified while iterating), then report and free them outside it. */
    pthread_rwlock_wrlock(&s->lock);
    size_t n = 0;
    size_t it = 0;
    void *v;
    while (fm_hashmap_next(&s->entries, &it, NULL, &v))
        if (((entry *)v)->epoch != s->epoch) n++;
    entry **stale = n ? malloc(n * sizeof(*stale)) : NULL;
    size_t got = 0;
    if (stale) {
        it = 0;
        while (fm_hashmap_next(&s->entries, &it, NULL, &v))
            if (((entry *)v)->epoch != s->epoch) stale[got++] = v;
        for (size_t i = 0; i < got; i++) {
            fm_hashmap_remove(&s->entries, stale[i]->key);
            unindex(s, stale[i]);
        }
    }
    pthread_rwlock_unlock(&s->lock);
    for (size_t i = 0; i < got; i++) {
        if (on_delete) on_delete(ud, stale[i]->key, stale[i]->obj);
        entry_free(s, stale[i], true);
    }
    free(stale);
    return got;
}

size_t fm_store_len(fm_store *s)
{
    pthread_rwlock_rdlock(&s->lock);
    size_t n = s->entries.len;
    pthread_rwlock_unlock(&s->lock);
    return n;
}

int fm_store_get_copy(void **out, fm_store *s, const char *key)
{
    *out = NULL;
    int rc = 0;
    pthread_rwlock_rdlock(&s->lock);
    entry *e = fm_hashmap_get(&s->entries, key);
    if (!e) {
        rc = fm_error_set(FM_ENOTFOUND, "store %s: %s not found", s->desc->name, key);
        goto done;
    }
    void *copy = calloc(1, s->desc->size);
    if (!copy) {
        rc = fm_error_set(FM_ENOMEM, "store %s: out of memory copying %s", s->desc->name, key);
        goto done;
    }
    rc = fm_codec_copy(copy, e->obj, s->desc);
    if (rc) {
        fm_store_object_free(s, copy);
        goto done;
    }
    *out = copy;
done:
    pthread_rwlock_unlock(&s->lock);
    return rc;
}

bool fm_store_contains(fm_store *s, const char *key)
{
    pthread_rwlock_rdlock(&s->lock);
    bool found = fm_hashmap_get(&s->entries, key) != NULL;
    pthread_rwlock_unlock(&s->lock);
    return found;
}

void fm_store_read_lock(fm_store *s)
{
    pthread_rwlock_rdlock(&s->lock);
}

void fm_store_read_unlock(fm_store *s)
{
    pthread_rwlock_unlock(&s->lock);
}

const void *fm_store_get(fm_store *s, const char *key)
{
    entry *e = fm_hashmap_get(&s->entries, key);
    return e ? e->obj : NULL;
}

static int foreach_entry(fm_store *s, int (*fn)(void *ud, const char *key, const void *obj), void *ud)
{
    int rc = 0;
    size_t it = 0;
    void *v;
    while (!rc && fm_hashmap_next(&s->entries, &it, NULL, &v)) {
        entry *e = v;
        rc = fn(ud, e->key, e->obj);
    }
    return rc;
}

int fm_store_foreach(fm_store *s, int (*fn)(void *ud, const char *key, const void *obj), void *ud)
{
    pthread_rwlock_rdlock(&s->lock);
    int rc = foreach_entry(s, fn, ud);
    pthread_rwlock_unlock(&s->lock);
    return rc;
}

int fm_store_foreach_locked(fm_store *s, int (*fn)(void *ud, const char *key, const void *obj), void *ud)
{
    return foreach_entry(s, fn, ud);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Copies the keys of map m (whose keys are entry keys) into a sorted list. */
static int copy_keys(fm_list *out, const fm_hashmap *m)
{
    out->items = NULL;
    out->len = 0;
    if (m->len == 0) return 0;
    char **keys = calloc(m->len, sizeof(char *));
    if (!keys) return fm_error_set(FM_ENOMEM, "store: out of memory");
    size_t it = 0, n = 0;
    const char *k;
    while (fm_hashmap_next(m, &it, &k, NULL)) {
        if (!(keys[n] = fm_strdup(k))) {
            for (size_t i = 0; i < n; i++) free(keys[i]);
            free(keys);
            return fm_error_set(FM_ENOMEM, "store: out of memory");
        }
        n++;
    }
    qsort(keys, n, sizeof(char *), cmp_str);
    out->items = keys;
    out->len = n;
    return 0;
}

int fm_store_keys(fm_list *out, fm_store *s)
{
    pthread_rwlock_rdlock(&s->lock);
    int rc = copy_keys(out, &s->entries);
    pthread_rwlock_unlock(&s->lock);
    return rc;
}

static index_t *find_index(fm_store *s, const char *name)
{
    for (size_t i = 0; i < s->n_indexes; i++)
        if (strcmp(s->indexes[i].name, name) == 0) return &s->indexes[i];
    return NULL;
}

int fm_store_index_keys(fm_list *out, fm_store *s, const char *index, const char *value)
{
    out->items = NULL;
    out->len = 0;
    int rc = 0;
    pthread_rwlock_rdlock(&s->lock);
    index_t *ix = find_index(s, index);
    if (!ix) {
        rc = fm_error_set(FM_EINVAL, "store %s: no index %s", s->desc->name, index);
    } else {
        bucket *b = fm_hashmap_get(&ix->by_value, value);
        if (b) rc = copy_keys(out, &b->keys);
    }
    pthread_rwlock_unlock(&s->lock);
    return rc;
}

size_t fm_store_index_count(fm_store *s, const char *index, const char *value)
{
    size_t n = 0;
    pthread_rwlock_rdlock(&s->lock);
    index_t *ix = find_index(s, index);
    bucket *b = ix ? fm_hashmap_get(&ix->by_value, value) : NULL;
    if (b) n = b->keys.len;
    pthread_rwlock_unlock(&s->lock);
    return n;
}

static int index_foreach(fm_store *s, const char *index, const char *value,
                         int (*fn)(void *ud, const char *key, const void *obj), void *ud)
{
    index_t *ix = find_index(s, index);
    if (!ix) return fm_error_set(FM_EINVAL, "store %s: no index %s", s->desc->name, index);
    int rc = 0;
    bucket *b = fm_hashmap_get(&ix->by_value, value);
    size_t it = 0;
    void *v;
    while (b && !rc && fm_hashmap_next(&b->keys, &it, NULL, &v)) {
        entry *e = v;
        rc = fn(ud, e->key, e->obj);
    }
    return rc;
}

int fm_store_index_foreach(fm_store *s, const char *index, const char *value,
                        int (*fn)(void *ud, const char *key, const void *obj), void *ud)
{
    pthread_rwlock_rdlock(&s->lock);
    int rc = index_foreach(s, index, value, fn, ud);
    pthread_rwlock_unlock(&s->lock);
    return rc;
}

int fm_store_index_foreach_locked(fm_store *s, const char *index, const char *value,
                               int (*fn)(void *ud, const char *key, const void *obj), void *ud)
{
    return index_foreach(s, index, value, fn, ud);
}

void fm_store_keys_free(fm_list *keys)
{
    if (!keys) return;
    char **k = keys->items;
    for (size_t i = 0; i < keys->len; i++) free(k[i]);
    free(k);
    keys->items = NULL;
    keys->len = 0;
}

size_t fm_store_overhead_bytes(fm_store *s)
{
    pthread_rwlock_rdlock(&s->lock);
    size_t n = sizeof(*s) + fm_hashmap_bytes(&s->entries);
    size_t it = 0;
    void *v;
    while (fm_hashmap_next(&s->entries, &it, NULL, &v)) {
        entry *e = v;
        n += sizeof(*e) + strlen(e->key) + 1 + s->n_indexes * sizeof(void *);
        for (size_t i = 0; i < s->n_indexes; i++)
            if (e->idx[i] && slot_is_multi(e->idx[i]))
                n += sizeof(multi) + slot_multi(e->idx[i])->n * sizeof(bucket *);
    }
    for (size_t i = 0; i < s->n_indexes; i++) {
        n += fm_hashmap_bytes(&s->indexes[i].by_value);
        it = 0;
        while (fm_hashmap_next(&s->indexes[i].by_value, &it, NULL, &v)) {
            bucket *b = v;
            n += sizeof(*b) + strlen(b->value) + 1 + fm_hashmap_bytes(&b->keys);
        }
    }
    pthread_rwlock_unlock(&s->lock);
    return n;
}
