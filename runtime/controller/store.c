/*
 * store.c - the keyed object cache with secondary indexes (see store.h).
 *
 * Layout: `entries` maps key -> entry (the entry owns the key string and the
 * object). Each index maps value -> bucket, and a bucket maps key -> entry
 * (borrowing the entry's key). An entry also keeps its own copy of the
 * values it was indexed under, so an update or delete removes it from
 * exactly those buckets without calling the index function on the old
 * object. Empty buckets are freed at once.
 */
#include "store.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "hashmap.h"
#include "k8s_core.h"

#define INLINE_VALUES 16

typedef struct ivals {
    char **v;
    size_t n;
} ivals;

typedef struct entry {
    char *key;
    void *obj;
    uint64_t epoch;
    ivals *idx; /* one per index */
} entry;

typedef struct bucket {
    char *value;
    fm_hashmap keys; /* entry key -> entry */
} bucket;

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
    if (!obj) return;
    fm_codec_clear(obj, s->desc);
    free(obj);
}

static void ivals_clear(ivals *iv)
{
    for (size_t i = 0; i < iv->n; i++) free(iv->v[i]);
    free(iv->v);
    iv->v = NULL;
    iv->n = 0;
}

static void entry_free(fm_store *s, entry *e, bool free_obj)
{
    if (!e) return;
    if (e->idx) {
        for (size_t i = 0; i < s->n_indexes; i++) ivals_clear(&e->idx[i]);
        free(e->idx);
    }
    if (free_obj) fm_store_object_free(s, e->obj);
    free(e->key);
    free(e);
}

static void index_clear(index_t *ix)
{
    size_t it = 0;
    void *v;
    while (fm_hashmap_next(&ix->by_value, &it, NULL, &v)) {
        bucket *b = v;
        fm_hashmap_clear(&b->keys);
        free(b->value);
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

int fm_store_object_key(char **out, const fm_struct_desc *d, const void *obj)
{
    *out = NULL;
    long off = find_meta(d);
    if (off < 0) return fm_error_set(FM_EINVAL, "store: type %s has no metadata", d->name);
    const fm_k8s_object_meta *m = (const fm_k8s_object_meta *)((const char *)obj + off);
    if (!m->name || !*m->name) return fm_error_set(FM_EINVAL, "%s: object without metadata.name", d->name);
    size_t nl = strlen(m->name);
    size_t sl = m->namespace && *m->namespace ? strlen(m->namespace) : 0;
    char *k = malloc(sl + (sl ? 1 : 0) + nl + 1);
    if (!k) return fm_error_set(FM_ENOMEM, "store: out of memory");
    if (sl) {
        memcpy(k, m->namespace, sl);
        k[sl] = '/';
        memcpy(k + sl + 1, m->name, nl + 1);
    } else {
        memcpy(k, m->name, nl + 1);
    }
    *out = k;
    return 0;
}

/* Computes the copied values of index ix for obj into iv. */
static int compute_values(ivals *iv, const index_t *ix, const void *obj)
{
    const char *local[INLINE_VALUES];
    const char **vals = local;
    size_t n = ix->fn(local, INLINE_VALUES, obj, ix->ud);
    if (n > INLINE_VALUES) {
        vals = malloc(n * sizeof(*vals));
        if (!vals) return fm_error_set(FM_ENOMEM, "store index %s: out of memory", ix->name);
        size_t again = ix->fn(vals, n, obj, ix->ud);
        if (again < n) n = again;
    }
    iv->v = NULL;
    iv->n = 0;
    int rc = 0;
    if (n) {
        iv->v = calloc(n, sizeof(char *));
        if (!iv->v) rc = FM_ENOMEM;
        for (size_t i = 0; i < n && !rc; i++) {
            if (!vals[i]) continue; /* NULL values are skipped */
            if (!(iv->v[iv->n] = fm_strdup(vals[i]))) rc = FM_ENOMEM;
            else iv->n++;
        }
    }
    if (vals != local) free(vals);
    if (rc) {
        ivals_clear(iv);
        return fm_error_set(FM_ENOMEM, "store index %s: out of memory", ix->name);
    }
    return 0;
}

static int bucket_add(index_t *ix, const char *value, entry *e)
{
    bucket *b = fm_hashmap_get(&ix->by_value, value);
    if (!b) {
        b = calloc(1, sizeof(*b));
        if (!b || !(b->value = fm_strdup(value)) || fm_hashmap_put(&ix->by_value, b->value, b, NULL)) {
            if (b) free(b->value);
            free(b);
            return fm_error_set(FM_ENOMEM, "store index %s: out of memory", ix->name);
        }
    }
    if (fm_hashmap_put(&b->keys, e->key, e, NULL))
        return fm_error_set(FM_ENOMEM, "store index %s: out of memory", ix->name);
    return 0;
}

static void bucket_remove(index_t *ix, const char *value, const entry *e)
{
    bucket *b = fm_hashmap_get(&ix->by_value, value);
    if (!b) return;
    fm_hashmap_remove(&b->keys, e->key);
    if (b->keys.len == 0) {
        fm_hashmap_remove(&ix->by_value, b->value);
        fm_hashmap_clear(&b->keys);
        free(b->value);
        free(b);
    }
}

static void unindex(fm_store *s, entry *e)
{
    for (size_t i = 0; i < s->n_indexes; i++) {
        for (size_t j = 0; j < e->idx[i].n; j++) bucket_remove(&s->indexes[i], e->idx[i].v[j], e);
        ivals_clear(&e->idx[i]);
    }
}

/* Indexes e under the precomputed values fresh[] (taken over by e). */
static int reindex(fm_store *s, entry *e, ivals *fresh)
{
    int rc = 0;
    for (size_t i = 0; i < s->n_indexes; i++) {
        e->idx[i] = fresh[i];
        for (size_t j = 0; j < e->idx[i].n; j++) {
            int r = bucket_add(&s->indexes[i], e->idx[i].v[j], e);
            if (r && !rc) rc = r;
        }
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
        ivals *g = realloc(e->idx, (s->n_indexes + 1) * sizeof(*g));
        if (!g) {
            rc = fm_error_set(FM_ENOMEM, "store: out of memory");
            break;
        }
        e->idx = g;
        g[s->n_indexes].v = NULL;
        g[s->n_indexes].n = 0;
    }
    if (rc) {
        free(ix->name);
        goto done;
    }
    s->n_indexes++;
    it = 0;
    while (!rc && fm_hashmap_next(&s->entries, &it, NULL, &v)) {
        entry *e = v;
        rc = compute_values(&e->idx[s->n_indexes - 1], ix, e->obj);
        for (size_t j = 0; !rc && j < e->idx[s->n_indexes - 1].n; j++)
            rc = bucket_add(ix, e->idx[s->n_indexes - 1].v[j], e);
    }
done:
    pthread_rwlock_unlock(&s->lock);
    return rc;
}

int fm_store_upsert(fm_store *s, void *obj, void **out_old)
{
    if (out_old) *out_old = NULL;
    char *key = NULL;
    int rc = fm_store_object_key(&key, s->desc, obj);
    if (rc) {
        fm_store_object_free(s, obj);
        return rc;
    }
    /* Index values are computed under the write lock because the index
     * table itself may grow (fm_store_add_index) concurrently. */
    ivals *fresh = calloc(s->n_indexes ? s->n_indexes : 1, sizeof(*fresh));
    if (!fresh) rc = fm_error_set(FM_ENOMEM, "store: out of memory");
    pthread_rwlock_wrlock(&s->lock);
    for (size_t i = 0; i < s->n_indexes && !rc; i++) rc = compute_values(&fresh[i], &s->indexes[i], obj);
    if (rc) goto fail;

    entry *e = fm_hashmap_get(&s->entries, key);
    void *old = NULL;
    if (e) {
        unindex(s, e);
        old = e->obj;
        e->obj = obj;
        free(key);
    } else {
        e = calloc(1, sizeof(*e));
        if (!e || !(e->idx = calloc(s->n_indexes ? s->n_indexes : 1, sizeof(ivals)))) {
            free(e);
            rc = fm_error_set(FM_ENOMEM, "store: out of memory");
            goto fail;
        }
        e->key = key;
        e->obj = obj;
        if (fm_hashmap_put(&s->entries, e->key, e, NULL)) {
            free(e->idx);
            free(e);
            rc = fm_error_set(FM_ENOMEM, "store: out of memory");
            goto fail;
        }
    }
    key = NULL;
    e->epoch = s->epoch;
    rc = reindex(s, e, fresh);
    pthread_rwlock_unlock(&s->lock);
    free(fresh);
    if (out_old) *out_old = old;
    else fm_store_object_free(s, old);
    return rc;
fail:
    pthread_rwlock_unlock(&s->lock);
    for (size_t i = 0; fresh && i < s->n_indexes; i++) ivals_clear(&fresh[i]);
    free(fresh);
    free(key);
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
        n += sizeof(*e) + strlen(e->key) + 1 + s->n_indexes * sizeof(ivals);
        for (size_t i = 0; i < s->n_indexes; i++) {
            n += e->idx[i].n * sizeof(char *);
            for (size_t j = 0; j < e->idx[i].n; j++) n += strlen(e->idx[i].v[j]) + 1;
        }
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
