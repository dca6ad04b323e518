/*
 * eventfilter.c - per-object token buckets for Events (see eventfilter.h).
 */
#include "eventfilter.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "hashmap.h"
#include "tokenbucket.h"

typedef struct bucket {
    char *key;        /* owned; the map borrows it */
    fm_token_bucket tb;
} bucket;

struct fm_event_filter {
    pthread_mutex_t mu;
    fm_hashmap map;
    double burst;
    double refill_per_sec;
    size_t max_keys;
};

int fm_event_filter_new(fm_event_filter **out, double burst, double refill_per_sec, size_t max_keys)
{
    *out = NULL;
    if (burst < 1 || refill_per_sec <= 0 || max_keys == 0)
        return fm_error_set(FM_EINVAL, "event filter: burst must be >= 1, refill > 0, max_keys > 0");
    fm_event_filter *f = calloc(1, sizeof(*f));
    if (!f) return fm_error_set(FM_ENOMEM, "event filter: out of memory");
    pthread_mutex_init(&f->mu, NULL);
    f->map = (fm_hashmap)FM_HASHMAP_INIT;
    f->burst = burst;
    f->refill_per_sec = refill_per_sec;
    f->max_keys = max_keys;
    *out = f;
    return 0;
}

static void drop_all(fm_event_filter *f)
{
    size_t it = 0;
    const char *k;
    void *v;
    while (fm_hashmap_next(&f->map, &it, &k, &v)) {
        free(((bucket *)v)->key);
        free(v);
    }
    fm_hashmap_clear(&f->map);
}

void fm_event_filter_free(fm_event_filter *f)
{
    if (!f) return;
    drop_all(f);
    pthread_mutex_destroy(&f->mu);
    free(f);
}

/* Makes room for one more key: full buckets hold no information and go;
 * if every bucket is still draining, forget them all (bounded memory wins
 * over exact limits for a pathological number of flapping objects). */
static void make_room(fm_event_filter *f, int64_t now_ns)
{
    size_t it = 0;
    const char *k;
    void *v;
    while (fm_hashmap_next(&f->map, &it, &k, &v)) {
        bucket *b = v;
        if (fm_token_bucket_level(&b->tb, now_ns) >= f->burst) {
            fm_hashmap_remove(&f->map, b->key);
            free(b->key);
            free(b);
            it = 0; /* removal shifts entries: scan again from the start */
        }
    }
    if (f->map.len >= f->max_keys) drop_all(f);
}

bool fm_event_filter_allow(fm_event_filter *f, const char *key, int64_t now_ns)
{
    bool ok = true;
    pthread_mutex_lock(&f->mu);
    bucket *b = fm_hashmap_get(&f->map, key);
    if (!b) {
        if (f->map.len >= f->max_keys) make_room(f, now_ns);
        b = calloc(1, sizeof(*b));
        if (!b || !(b->key = strdup(key))) {
            free(b);
            goto done;
        }
        fm_token_bucket_init(&b->tb, f->refill_per_sec, f->burst, now_ns);
        if (fm_hashmap_put(&f->map, b->key, b, NULL) != 0) {
            free(b->key);
            free(b);
            goto done;
        }
    }
    ok = fm_token_bucket_allow(&b->tb, now_ns);
done:
    pthread_mutex_unlock(&f->mu);
    return ok;
}

size_t fm_event_filter_len(fm_event_filter *f)
{
    pthread_mutex_lock(&f->mu);
    size_t n = f->map.len;
    pthread_mutex_unlock(&f->mu);
    return n;
}
