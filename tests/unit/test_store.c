/*
 * test_store.c - the keyed cache with secondary indexes: keys, copies,
 * index maintenance on update and delete, relist generations, concurrent
 * readers, and the memory the cache costs per object.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "error.h"
#include "foreman_v1alpha1.h"
#include "store.h"
#include "test.h"

/* Decodes a new AgenticTask from JSON (test input; aborts the test on
 * failure by returning NULL). */
static fm_agentic_task *task_json(const char *json)
{
    fm_agentic_task *t = calloc(1, sizeof(*t));
    if (fm_codec_decode(t, &fm_agentic_task_desc, json, strlen(json)) != 0) {
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
        fm_codec_clear(t, &fm_agentic_task_desc);
        free(t);
        return NULL;
    }
    return t;
}

static fm_agentic_task *task(const char *ns, const char *name, const char *rv, const char *phase,
                             const char *node, const char *deps)
{
    char json[1024];
    char status[256] = "";
    if (phase || node)
        snprintf(status, sizeof(status), ",\"status\":{%s%s%s%s%s%s%s}", phase ? "\"phase\":\"" : "",
                 phase ? phase : "", phase ? "\"" : "", phase && node ? "," : "",
                 node ? "\"assignedNode\":\"" : "", node ? node : "", node ? "\"" : "");
    snprintf(json, sizeof(json),
             "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"AgenticTask\","
             "\"metadata\":{\"name\":\"%s\",\"namespace\":\"%s\",\"resourceVersion\":\"%s\"},"
             "\"spec\":{\"kind\":\"freeform\",\"payload\":{}%s%s%s}%s}",
             name, ns, rv, deps ? ",\"dependsOn\":[" : "", deps ? deps : "", deps ? "]" : "", status);
    return task_json(json);
}

/* Index functions the scheduler needs. */
static size_t by_node(const char **out, size_t cap, const void *obj, void *ud)
{
    const fm_agentic_task *t = obj;
    if (!t->status.assigned_node) return 0;
    if (cap) out[0] = t->status.assigned_node;
    return 1;
}

static size_t by_phase(const char **out, size_t cap, const void *obj, void *ud)
{
    const fm_agentic_task *t = obj;
    const char *p = fm_task_phase_name(t->status.phase);
    if (cap) out[0] = p ? p : "";
    return 1;
}

static size_t by_dependency(const char **out, size_t cap, const void *obj, void *ud)
{
    const fm_agentic_task *t = obj;
    /* Values are "namespace/name" of the dependency, so a lookup by a
     * task's key finds its dependents. */
    static _Thread_local char buf[64][256];
    size_t n = t->spec.depends_on.len;
    for (size_t i = 0; i < n && i < cap && i < 64; i++) {
        snprintf(buf[i], sizeof(buf[i]), "%s/%s", t->metadata.namespace, t->spec.depends_on.items[i]);
        out[i] = buf[i];
    }
    return n;
}

static const char *rv_of(const void *obj)
{
    return ((const fm_agentic_task *)obj)->metadata.resource_version;
}

TEST(test_keys_and_copies)
{
    fm_store *s = NULL;
    CHECK_FATAL(fm_store_new(&s, &fm_agentic_task_desc) == 0);
    CHECK_INT(fm_store_upsert(s, task("default", "a", "1", NULL, NULL, NULL), NULL), 0);
    CHECK_INT(fm_store_upsert(s, task("other", "a", "2", NULL, NULL, NULL), NULL), 0);
    CHECK_INT(fm_store_len(s), 2);
    CHECK(fm_store_contains(s, "default/a"));
    CHECK(fm_store_contains(s, "other/a"));
    CHECK(!fm_store_contains(s, "a"));

    void *copy = NULL;
    CHECK_INT(fm_store_get_copy(&copy, s, "default/a"), 0);
    CHECK_FATAL(copy);
    CHECK_STR(rv_of(copy), "1");
    /* The copy is private: changing it leaves the cache alone. */
    fm_strset(&((fm_agentic_task *)copy)->metadata.resource_version, "99");
    fm_store_object_free(s, copy);
    fm_store_read_lock(s);
    CHECK_STR(rv_of(fm_store_get(s, "default/a")), "1");
    CHECK(fm_store_get(s, "nope") == NULL);
    fm_store_read_unlock(s);
    CHECK_INT(fm_store_get_copy(&copy, s, "default/zzz"), FM_ENOTFOUND);
    CHECK_CONTAINS(fm_error_last()->message, "default/zzz");

    /* Replace hands back the old object. */
    void *old = NULL;
    CHECK_INT(fm_store_upsert(s, task("default", "a", "3", NULL, NULL, NULL), &old), 0);
    CHECK_FATAL(old);
    CHECK_STR(rv_of(old), "1");
    fm_store_object_free(s, old);
    CHECK_INT(fm_store_upsert(s, task("default", "new", "4", NULL, NULL, NULL), &old), 0);
    CHECK(old == NULL);

    fm_list keys;
    CHECK_INT(fm_store_keys(&keys, s), 0);
    CHECK_INT(keys.len, 3);
    CHECK_STR(((char **)keys.items)[0], "default/a");
    CHECK_STR(((char **)keys.items)[1], "default/new");
    CHECK_STR(((char **)keys.items)[2], "other/a");
    fm_store_keys_free(&keys);

    CHECK_INT(fm_store_delete(s, "default/a", &old), 0);
    CHECK_STR(rv_of(old), "3");
    fm_store_object_free(s, old);
    CHECK_INT(fm_store_delete(s, "default/a", NULL), FM_ENOTFOUND);
    CHECK_INT(fm_store_len(s), 2);

    /* An object without a name is refused (and freed). */
    CHECK_INT(fm_store_upsert(s, task_json("{\"metadata\":{}}"), NULL), FM_EINVAL);
    fm_store_free(s);
}

TEST(test_cluster_scoped_key)
{
    fm_store *s = NULL;
    CHECK_FATAL(fm_store_new(&s, &fm_fleet_node_desc) == 0);
    fm_fleet_node *n = calloc(1, sizeof(*n));
    const char *json = "{\"metadata\":{\"name\":\"m5-max\"},\"spec\":{\"nodeName\":\"m5\"}}";
    CHECK_FATAL(fm_codec_decode(n, &fm_fleet_node_desc, json, strlen(json)) == 0);
    CHECK_INT(fm_store_upsert(s, n, NULL), 0);
    CHECK(fm_store_contains(s, "m5-max"));
    fm_store_free(s);
    /* A type without metadata cannot be cached. */
    CHECK_INT(fm_store_new(&s, &fm_agentic_task_spec_desc), FM_EINVAL);
}

TEST(test_indexes_follow_updates)
{
    fm_store *s = NULL;
    CHECK_FATAL(fm_store_new(&s, &fm_agentic_task_desc) == 0);
    CHECK_INT(fm_store_add_index(s, "node", by_node, NULL), 0);
    CHECK_INT(fm_store_add_index(s, "phase", by_phase, NULL), 0);
    CHECK_INT(fm_store_add_index(s, "node", by_node, NULL), FM_EINVAL);
    fm_store_upsert(s, task("ns", "t1", "1", "Pending", NULL, NULL), NULL);
    fm_store_upsert(s, task("ns", "t2", "1", "Scheduled", "gpu-1", NULL), NULL);
    fm_store_upsert(s, task("ns", "t3", "1", "Running", "gpu-1", NULL), NULL);
    fm_store_upsert(s, task("ns", "t4", "1", "Pending", NULL, NULL), NULL);

    fm_list k;
    CHECK_INT(fm_store_index_keys(&k, s, "node", "gpu-1"), 0);
    CHECK_INT(k.len, 2);
    CHECK_STR(((char **)k.items)[0], "ns/t2");
    CHECK_STR(((char **)k.items)[1], "ns/t3");
    fm_store_keys_free(&k);
    CHECK_INT(fm_store_index_count(s, "phase", "Pending"), 2);
    CHECK_INT(fm_store_index_count(s, "phase", "Failed"), 0);
    CHECK_INT(fm_store_index_count(s, "nope", "x"), 0);
    CHECK_INT(fm_store_index_keys(&k, s, "nope", "x"), FM_EINVAL);

    /* Scheduling t1 moves it between buckets. */
    fm_store_upsert(s, task("ns", "t1", "2", "Scheduled", "gpu-2", NULL), NULL);
    CHECK_INT(fm_store_index_count(s, "phase", "Pending"), 1);
    CHECK_INT(fm_store_index_count(s, "phase", "Scheduled"), 2);
    CHECK_INT(fm_store_index_count(s, "node", "gpu-2"), 1);
    /* Deleting removes it from every index. */
    fm_store_delete(s, "ns/t3", NULL);
    CHECK_INT(fm_store_index_count(s, "node", "gpu-1"), 1);
    CHECK_INT(fm_store_index_count(s, "phase", "Running"), 0);
    CHECK_INT(fm_store_index_keys(&k, s, "phase", "Running"), 0);
    CHECK_INT(k.len, 0);
    fm_store_free(s);
}

static int count_cb(void *ud, const char *key, const void *obj)
{
    (*(int *)ud)++;
    return 0;
}

static int stop_cb(void *ud, const char *key, const void *obj)
{
    return 7;
}

TEST(test_multi_value_index_and_late_index)
{
    fm_store *s = NULL;
    CHECK_FATAL(fm_store_new(&s, &fm_agentic_task_desc) == 0);
    fm_store_upsert(s, task("ns", "build", "1", "Pending", NULL, NULL), NULL);
    fm_store_upsert(s, task("ns", "test", "1", "Pending", NULL, "\"build\""), NULL);
    fm_store_upsert(s, task("ns", "ship", "1", "Pending", NULL, "\"build\",\"test\""), NULL);
    /* Many dependencies: more than the store's inline array. */
    char deps[600] = "";
    for (int i = 0; i < 40; i++) {
        char one[20];
        snprintf(one, sizeof(one), "%s\"d%d\"", i ? "," : "", i);
        strcat(deps, one);
    }
    fm_store_upsert(s, task("ns", "wide", "1", "Pending", NULL, deps), NULL);
    /* Declared after the objects: existing ones are indexed at once. */
    CHECK_INT(fm_store_add_index(s, "dep", by_dependency, NULL), 0);
    fm_list k;
    CHECK_INT(fm_store_index_keys(&k, s, "dep", "ns/build"), 0);
    CHECK_INT(k.len, 2);
    CHECK_STR(((char **)k.items)[0], "ns/ship");
    CHECK_STR(((char **)k.items)[1], "ns/test");
    fm_store_keys_free(&k);
    CHECK_INT(fm_store_index_count(s, "dep", "ns/test"), 1);
    CHECK_INT(fm_store_index_count(s, "dep", "ns/d39"), 1);
    CHECK_INT(fm_store_index_count(s, "dep", "ns/d0"), 1);
    int n = 0;
    CHECK_INT(fm_store_index_foreach(s, "dep", "ns/build", count_cb, &n), 0);
    CHECK_INT(n, 2);
    n = 0;
    CHECK_INT(fm_store_foreach(s, count_cb, &n), 0);
    CHECK_INT(n, 4);
    CHECK_INT(fm_store_foreach(s, stop_cb, NULL), 7);
    CHECK_INT(fm_store_index_foreach(s, "none", "x", count_cb, &n), FM_EINVAL);
    fm_store_free(s);
}

/* A value listed twice joins its bucket once; updates and deletes of
 * multi-valued entries leave no member behind and free emptied buckets. */
TEST(test_multi_value_updates_and_duplicates)
{
    fm_store *s = NULL;
    CHECK_FATAL(fm_store_new(&s, &fm_agentic_task_desc) == 0);
    CHECK_INT(fm_store_add_index(s, "dep", by_dependency, NULL), 0);
    fm_store_upsert(s, task("ns", "a", "1", "Pending", NULL, "\"x\",\"y\",\"x\",\"z\""), NULL);
    fm_store_upsert(s, task("ns", "b", "1", "Pending", NULL, "\"x\""), NULL);
    CHECK_INT(fm_store_index_count(s, "dep", "ns/x"), 2);
    CHECK_INT(fm_store_index_count(s, "dep", "ns/y"), 1);
    /* a drops y and the duplicate, keeps x, adds w */
    fm_store_upsert(s, task("ns", "a", "2", "Pending", NULL, "\"w\",\"x\",\"w\""), NULL);
    CHECK_INT(fm_store_index_count(s, "dep", "ns/x"), 2);
    CHECK_INT(fm_store_index_count(s, "dep", "ns/y"), 0);
    CHECK_INT(fm_store_index_count(s, "dep", "ns/z"), 0);
    CHECK_INT(fm_store_index_count(s, "dep", "ns/w"), 1);
    /* a single value again, then none */
    fm_store_upsert(s, task("ns", "a", "3", "Pending", NULL, "\"x\""), NULL);
    CHECK_INT(fm_store_index_count(s, "dep", "ns/w"), 0);
    CHECK_INT(fm_store_index_count(s, "dep", "ns/x"), 2);
    fm_store_upsert(s, task("ns", "a", "4", "Pending", NULL, NULL), NULL);
    CHECK_INT(fm_store_index_count(s, "dep", "ns/x"), 1);
    fm_store_upsert(s, task("ns", "a", "5", "Pending", NULL, "\"q\",\"r\""), NULL);
    void *old = NULL;
    CHECK_INT(fm_store_delete(s, "ns/a", &old), 0);
    fm_store_object_free(s, old);
    CHECK_INT(fm_store_index_count(s, "dep", "ns/q"), 0);
    CHECK_INT(fm_store_index_count(s, "dep", "ns/r"), 0);
    CHECK_INT(fm_store_delete(s, "ns/b", NULL), 0);
    CHECK_INT(fm_store_index_count(s, "dep", "ns/x"), 0);
    CHECK_INT(fm_store_len(s), 0);
    fm_store_free(s);
}

typedef struct deleted {
    char keys[8][64];
    int n;
} deleted;

static void on_delete(void *ud, const char *key, const void *old)
{
    deleted *d = ud;
    if (d->n < 8) snprintf(d->keys[d->n++], 64, "%s", key);
}

/* A relist delivering an unchanged object keeps the cached one (same
 * pointer), marked seen; a changed one is not kept. */
TEST(test_keep_same)
{
    fm_store *s = NULL;
    CHECK_FATAL(fm_store_new(&s, &fm_agentic_task_desc) == 0);
    fm_store_upsert(s, task("ns", "a", "5", "Pending", NULL, NULL), NULL);
    fm_store_upsert(s, task("ns", "b", "7", "Pending", NULL, NULL), NULL);
    fm_store_read_lock(s);
    const void *before = fm_store_get(s, "ns/a");
    fm_store_read_unlock(s);
    fm_store_begin_replace(s);
    fm_agentic_task *same = task("ns", "a", "5", "Pending", NULL, NULL);
    fm_agentic_task *newer = task("ns", "b", "8", "Running", NULL, NULL);
    fm_agentic_task *unknown = task("ns", "c", "1", "Pending", NULL, NULL);
    CHECK(fm_store_keep_same(s, same));
    CHECK(!fm_store_keep_same(s, newer));
    CHECK(!fm_store_keep_same(s, unknown));
    fm_store_object_free(s, same);
    fm_store_object_free(s, unknown);
    fm_store_upsert(s, newer, NULL);
    fm_store_read_lock(s);
    CHECK(fm_store_get(s, "ns/a") == before);
    fm_store_read_unlock(s);
    /* a was seen, b upserted: nothing vanishes */
    CHECK_INT(fm_store_finish_replace(s, NULL, NULL), 0);
    CHECK_INT(fm_store_len(s), 2);
    fm_store_free(s);
}

TEST(test_replace_generation_reports_vanished)
{
    fm_store *s = NULL;
    CHECK_FATAL(fm_store_new(&s, &fm_agentic_task_desc) == 0);
    CHECK_INT(fm_store_add_index(s, "phase", by_phase, NULL), 0);
    fm_store_upsert(s, task("ns", "keep", "1", "Pending", NULL, NULL), NULL);
    fm_store_upsert(s, task("ns", "gone1", "1", "Pending", NULL, NULL), NULL);
    fm_store_upsert(s, task("ns", "gone2", "1", "Running", NULL, NULL), NULL);
    fm_store_begin_replace(s);
    void *old = NULL;
    fm_store_upsert(s, task("ns", "keep", "5", "Running", NULL, NULL), &old);
    CHECK(old != NULL);
    fm_store_object_free(s, old);
    fm_store_upsert(s, task("ns", "fresh", "6", "Pending", NULL, NULL), NULL);
    deleted d = {.n = 0};
    CHECK_INT(fm_store_finish_replace(s, on_delete, &d), 2);
    CHECK_INT(d.n, 2);
    CHECK(strcmp(d.keys[0], "ns/gone1") == 0 || strcmp(d.keys[1], "ns/gone1") == 0);
    CHECK(strcmp(d.keys[0], "ns/gone2") == 0 || strcmp(d.keys[1], "ns/gone2") == 0);
    CHECK_INT(fm_store_len(s), 2);
    CHECK_INT(fm_store_index_count(s, "phase", "Running"), 1);
    CHECK_INT(fm_store_index_count(s, "phase", "Pending"), 1);
    /* A second, empty relist removes everything. */
    fm_store_begin_replace(s);
    CHECK_INT(fm_store_finish_replace(s, NULL, NULL), 2);
    CHECK_INT(fm_store_len(s), 0);
    CHECK_INT(fm_store_index_count(s, "phase", "Pending"), 0);
    fm_store_free(s);
}

static int count_each(void *ud, const char *key, const void *obj)
{
    (void)key;
    (void)obj;
    (*(int *)ud)++;
    return 0;
}

static int stop_at_second(void *ud, const char *key, const void *obj)
{
    (void)key;
    (void)obj;
    return ++(*(int *)ud) == 2 ? 7 : 0;
}

/* The _locked walks see what the locking ones see, under a read lock the
 * caller holds (borrowed objects stay valid until it unlocks). */
TEST(test_locked_walks)
{
    fm_store *s = NULL;
    CHECK_FATAL(fm_store_new(&s, &fm_agentic_task_desc) == 0);
    fm_store_add_index(s, "phase", by_phase, NULL);
    fm_store_upsert(s, task("ns", "a", "1", "Pending", NULL, NULL), NULL);
    fm_store_upsert(s, task("ns", "b", "2", "Pending", NULL, NULL), NULL);
    fm_store_upsert(s, task("ns", "c", "3", "Running", "node-3", NULL), NULL);
    int all = 0, pending = 0, stopped = 0;
    fm_store_read_lock(s);
    CHECK_INT(fm_store_foreach_locked(s, count_each, &all), 0);
    CHECK_INT(fm_store_index_foreach_locked(s, "phase", "Pending", count_each, &pending), 0);
    CHECK_INT(fm_store_foreach_locked(s, stop_at_second, &stopped), 7);
    CHECK_INT(fm_store_index_foreach_locked(s, "nope", "x", count_each, &all), FM_EINVAL);
    const fm_agentic_task *c = fm_store_get(s, "ns/c");
    CHECK(c && c->status.assigned_node && strcmp(c->status.assigned_node, "node-3") == 0);
    fm_store_read_unlock(s);
    CHECK_INT(all, 3);
    CHECK_INT(pending, 2);
    CHECK_INT(stopped, 2);
    fm_store_free(s);
}

typedef struct rw {
    fm_store *s;
    atomic_int stop;
    atomic_int bad;
    atomic_long reads;
} rw;

static void *reader(void *arg)
{
    rw *r = arg;
    char key[32];
    int i = 0;
    while (!atomic_load(&r->stop)) {
        snprintf(key, sizeof(key), "ns/t%d", i++ % 50);
        void *copy = NULL;
        if (fm_store_get_copy(&copy, r->s, key) == 0) {
            const fm_agentic_task *t = copy;
            /* Every version written has rv == its assignedNode suffix. */
            if (!t->status.assigned_node || strcmp(t->status.assigned_node + 5, rv_of(t)) != 0)
                atomic_fetch_add(&r->bad, 1);
            fm_store_object_free(r->s, copy);
        }
        fm_list k;
        if (fm_store_index_keys(&k, r->s, "phase", "Scheduled") == 0) fm_store_keys_free(&k);
        atomic_fetch_add(&r->reads, 1);
    }
    return NULL;
}

TEST(test_concurrent_readers_see_whole_objects)
{
    static rw r;
    memset(&r, 0, sizeof(r));
    CHECK_FATAL(fm_store_new(&r.s, &fm_agentic_task_desc) == 0);
    fm_store_add_index(r.s, "phase", by_phase, NULL);
    pthread_t t[3];
    for (int i = 0; i < 3; i++) pthread_create(&t[i], NULL, reader, &r);
    for (int v = 1; v <= 4000; v++) {
        char name[16], rv[16], node[32];
        snprintf(name, sizeof(name), "t%d", v % 50);
        snprintf(rv, sizeof(rv), "%d", v);
        snprintf(node, sizeof(node), "node-%d", v);
        fm_store_upsert(r.s, task("ns", name, rv, v % 3 ? "Scheduled" : "Running", node, NULL), NULL);
        if (v % 97 == 0) fm_store_delete(r.s, "ns/t7", NULL);
    }
    atomic_store(&r.stop, 1);
    for (int i = 0; i < 3; i++) pthread_join(t[i], NULL);
    CHECK_INT(atomic_load(&r.bad), 0);
    CHECK(atomic_load(&r.reads) > 0);
    fm_store_free(r.s);
}

/* Not a pass/fail figure: prints what the cache costs per object for a
 * typical task (the object's own heap is measured by mallinfo2). */
#include <malloc.h>
TEST(test_bytes_per_object)
{
    fm_store *s = NULL;
    CHECK_FATAL(fm_store_new(&s, &fm_agentic_task_desc) == 0);
    fm_store_add_index(s, "node", by_node, NULL);
    fm_store_add_index(s, "phase", by_phase, NULL);
    fm_store_add_index(s, "dep", by_dependency, NULL);
    struct mallinfo2 before = mallinfo2();
    const int n = 10000;
    for (int i = 0; i < n; i++) {
        char name[32], node[32];
        snprintf(name, sizeof(name), "task-%05d", i);
        snprintf(node, sizeof(node), "gpu-%d", i % 20);
        fm_store_upsert(s, task("default", name, "123456", "Scheduled", node, "\"prep\""), NULL);
    }
    struct mallinfo2 after = mallinfo2();
    size_t total = after.uordblks - before.uordblks;
    size_t overhead = fm_store_overhead_bytes(s);
    printf("store: %d tasks, %zu bytes/object in all (%zu of them index and table overhead)\n", n,
           total / (size_t)n, overhead / (size_t)n);
    CHECK_INT(fm_store_len(s), n);
    CHECK(total / (size_t)n < 4096);
    fm_store_free(s);
}

int main(void)
{
    RUN(test_keys_and_copies);
    RUN(test_cluster_scoped_key);
    RUN(test_indexes_follow_updates);
    RUN(test_multi_value_index_and_late_index);
    RUN(test_multi_value_updates_and_duplicates);
    RUN(test_keep_same);
    RUN(test_replace_generation_reports_vanished);
    RUN(test_locked_walks);
    RUN(test_concurrent_readers_see_whole_objects);
    RUN(test_bytes_per_object);
    return test_summary();
}
