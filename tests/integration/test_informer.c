/*
 * test_informer.c - an informer against a real kube-apiserver stays equal to
 * a fresh list through 1,000 rapid creates, updates and deletes, and its
 * handlers see a coherent event stream (replaying the events gives the
 * same state as the cache).
 */
#include <pthread.h>
#include <time.h>

#include "informer.h"
#include "itutil.h"
#include "test.h"

typedef struct mirror {
    pthread_mutex_t mu;
    it_snapshot snap;
    int adds, updates, deletes, bad;
} mirror;

static void key_of(char out[512], const void *obj)
{
    const fm_agentic_task *t = obj;
    snprintf(out, 512, "%s/%s", t->metadata.namespace, t->metadata.name);
}

static void m_add(void *ud, const void *obj)
{
    mirror *m = ud;
    char k[512];
    key_of(k, obj);
    pthread_mutex_lock(&m->mu);
    if (fm_hashmap_get(&m->snap.map, k)) m->bad++; /* add of a known key */
    it_snapshot_put(&m->snap, k, ((const fm_agentic_task *)obj)->metadata.resource_version);
    m->adds++;
    pthread_mutex_unlock(&m->mu);
}

static void m_update(void *ud, const void *old, const void *obj)
{
    mirror *m = ud;
    char k[512], ko[512];
    key_of(k, obj);
    key_of(ko, old);
    pthread_mutex_lock(&m->mu);
    if (strcmp(k, ko) != 0 || !fm_hashmap_get(&m->snap.map, k)) m->bad++;
    it_snapshot_put(&m->snap, k, ((const fm_agentic_task *)obj)->metadata.resource_version);
    m->updates++;
    pthread_mutex_unlock(&m->mu);
}

static void m_delete(void *ud, const void *obj)
{
    mirror *m = ud;
    char k[512];
    key_of(k, obj);
    pthread_mutex_lock(&m->mu);
    if (!fm_hashmap_get(&m->snap.map, k)) m->bad++;
    it_snapshot_del(&m->snap, k);
    m->deletes++;
    pthread_mutex_unlock(&m->mu);
}

static size_t by_prompt(const char **out, size_t cap, const void *obj, void *ud)
{
    const fm_agentic_task *t = obj;
    if (!t->spec.payload.prompt) return 0;
    if (cap) out[0] = t->spec.payload.prompt;
    return 1;
}

/* Polls until the informer's store equals a fresh list (or 60 s pass). */
static int converge(fm_kube_client *c, fm_informer *inf, const char *run, int *diffs)
{
    it_snapshot want, got;
    for (int i = 0; i < 600; i++) {
        if (it_list_snapshot(&want, c, run) != 0) return -1;
        it_store_snapshot(&got, fm_informer_store(inf));
        *diffs = it_snapshot_diff(&want, &got, i == 599);
        it_snapshot_free(&want);
        it_snapshot_free(&got);
        if (*diffs == 0) return i;
        usleep(100000);
    }
    return -1;
}

TEST(test_informer_tracks_1000_changes)
{
    fm_kube_client *c = it_client();
    CHECK_FATAL(c);
    char run[17];
    it_run_id(run);
    char sel[128];
    snprintf(sel, sizeof(sel), IT_LABEL "=%s", run);

    /* Objects that exist before the informer starts: the first list takes
     * three pages of 50. */
    char name[64], prompt[64];
    int next = 0;
    char live[1200][32];
    int n_live = 0;
    for (int i = 0; i < 120; i++, next++) {
        snprintf(name, sizeof(name), "inf-%s-%d", run, next);
        CHECK_FATAL(it_create_task(c, run, name, "p0") == 0);
        snprintf(live[n_live++], 32, "%d", next);
    }

    static mirror m;
    memset(&m, 0, sizeof(m));
    pthread_mutex_init(&m.mu, NULL);
    fm_informer *inf = NULL;
    fm_informer_options o = {.kind = &fm_agentic_task_kind, .ns = IT_NS, .label_selector = sel,
                          .page_size = 50};
    CHECK_FATAL(fm_informer_new(&inf, c, &o) == 0);
    fm_informer_handlers h = {.on_add = m_add, .on_update = m_update, .on_delete = m_delete, .ud = &m};
    CHECK_INT(fm_informer_add_handlers(inf, &h), 0);
    CHECK_INT(fm_informer_add_index(inf, "prompt", by_prompt, NULL), 0);
    CHECK(!fm_informer_has_synced(inf));
    CHECK_INT(fm_informer_start(inf), 0);
    CHECK_INT(fm_informer_wait_synced(inf, 30000), 0);
    CHECK_INT(fm_store_len(fm_informer_store(inf)), 120);
    CHECK_INT(fm_store_index_count(fm_informer_store(inf), "prompt", "p0"), 120);
    fm_informer_stats st;
    fm_informer_get_stats(inf, &st);
    CHECK(st.pages >= 3);
    CHECK_INT(st.lists, 1);

    /* 1,000 rapid changes: creates, updates and deletes mixed. */
    srand(12345);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int creates = 0, updates = 0, deletes = 0, failures = 0;
    for (int op = 0; op < 1000; op++) {
        int r = rand() % 100;
        if (n_live < 60 || r < 40) {
            snprintf(name, sizeof(name), "inf-%s-%d", run, next);
            snprintf(live[n_live++], 32, "%d", next++);
            failures += it_create_task(c, run, name, "p0") != 0;
            creates++;
        } else if (r < 75) {
            int i = rand() % n_live;
            snprintf(name, sizeof(name), "inf-%s-%s", run, live[i]);
            snprintf(prompt, sizeof(prompt), "p%d", op);
            failures += it_update_task(c, name, prompt) != 0;
            updates++;
        } else {
            int i = rand() % n_live;
            snprintf(name, sizeof(name), "inf-%s-%s", run, live[i]);
            failures += it_delete_task(c, name) != 0;
            memcpy(live[i], live[--n_live], 32);
            deletes++;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("1000 changes (%d creates, %d updates, %d deletes) in %.1f s\n", creates, updates, deletes, secs);
    CHECK_INT(failures, 0);

    int diffs = -1;
    int polls = converge(c, inf, run, &diffs);
    printf("informer equal to a fresh list after %d polls; %d live objects\n", polls, n_live);
    CHECK(polls >= 0);
    CHECK_INT(diffs, 0);
    CHECK_INT(fm_store_len(fm_informer_store(inf)), n_live);

    /* The handlers' view, rebuilt from events alone, equals the cache. */
    it_snapshot got;
    it_store_snapshot(&got, fm_informer_store(inf));
    pthread_mutex_lock(&m.mu);
    CHECK_INT(it_snapshot_diff(&m.snap, &got, 1), 0);
    CHECK_INT(m.bad, 0);
    CHECK_INT(m.adds, 120 + creates);
    CHECK_INT(m.deletes, deletes);
    CHECK(m.updates >= updates);
    pthread_mutex_unlock(&m.mu);
    it_snapshot_free(&got);
    fm_informer_get_stats(inf, &st);
    printf("stats: lists=%llu pages=%llu watches=%llu resumes=%llu events=%llu bookmarks=%llu errors=%llu\n",
           (unsigned long long)st.lists, (unsigned long long)st.pages, (unsigned long long)st.watches,
           (unsigned long long)st.watch_resumes, (unsigned long long)st.events,
           (unsigned long long)st.bookmarks, (unsigned long long)st.errors);
    CHECK_INT(st.lists, 1); /* no relist was needed */
    CHECK(st.events >= 1000);

    fm_informer_stop(inf);
    it_cleanup(c, run);
    fm_informer_free(inf);
    it_snapshot_free(&m.snap);
    fm_kube_client_free(c);
}

/* A short server-side watch timeout: the stream ends normally every 2 s and
 * the informer resumes from its resourceVersion without relisting. */
TEST(test_watch_resumes_without_relist)
{
    fm_kube_client *c = it_client();
    CHECK_FATAL(c);
    char run[17];
    it_run_id(run);
    char sel[128];
    snprintf(sel, sizeof(sel), IT_LABEL "=%s", run);
    fm_informer *inf = NULL;
    fm_informer_options o = {.kind = &fm_agentic_task_kind, .ns = IT_NS, .label_selector = sel,
                          .watch_timeout_s = 2};
    CHECK_FATAL(fm_informer_new(&inf, c, &o) == 0);
    CHECK_INT(fm_informer_start(inf), 0);
    CHECK_INT(fm_informer_wait_synced(inf, 30000), 0);
    char name[64];
    for (int i = 0; i < 6; i++) {
        snprintf(name, sizeof(name), "res-%s-%d", run, i);
        CHECK_INT(it_create_task(c, run, name, "x"), 0);
        usleep(1000000);
    }
    int diffs = -1;
    CHECK(converge(c, inf, run, &diffs) >= 0);
    fm_informer_stats st;
    fm_informer_get_stats(inf, &st);
    CHECK(st.watch_resumes >= 2);
    CHECK_INT(st.lists, 1);
    CHECK_INT(fm_store_len(fm_informer_store(inf)), 6);
    fm_informer_stop(inf);
    it_cleanup(c, run);
    fm_informer_free(inf);
    fm_kube_client_free(c);
}

int main(void)
{
    RUN(test_informer_tracks_1000_changes);
    RUN(test_watch_resumes_without_relist);
    return test_summary();
}
