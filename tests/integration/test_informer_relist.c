/*
 * test_informer_relist.c - a forced 410 Gone: while the informer's watch is
 * disconnected (paused) an object is updated, one deleted and one created;
 * then etcd is compacted and the API server's watch cache is made to
 * forget the informer's resourceVersion. On reconnect the watch gets 410,
 * the informer relists, and every transition reaches the handlers.
 *
 * Forcing the 410 takes time: kube-apiserver serves watches from its watch
 * cache, which keeps every event younger than 75 s (growing as needed) and
 * ignores etcd compaction. So the test waits for the informer's version to
 * age past 75 s, then writes to a separate churn object until a probe watch
 * from that version answers 410 (typically a few hundred writes).
 */
#include <pthread.h>

#include "informer.h"
#include "itutil.h"
#include "test.h"

typedef struct seen {
    pthread_mutex_t mu;
    char added[8][128];
    int n_added;
    char updated[8][128];
    int n_updated;
    char deleted[8][128];
    int n_deleted;
} seen;

static void put(char list[8][128], int *n, const void *obj)
{
    const fm_agentic_task *t = obj;
    if (*n < 8) snprintf(list[(*n)++], 128, "%s=%s", t->metadata.name, t->spec.payload.prompt ? t->spec.payload.prompt : "");
}

static void s_add(void *ud, const void *obj)
{
    seen *s = ud;
    pthread_mutex_lock(&s->mu);
    put(s->added, &s->n_added, obj);
    pthread_mutex_unlock(&s->mu);
}

static void s_update(void *ud, const void *old, const void *obj)
{
    seen *s = ud;
    pthread_mutex_lock(&s->mu);
    put(s->updated, &s->n_updated, obj);
    pthread_mutex_unlock(&s->mu);
}

static void s_delete(void *ud, const void *obj)
{
    seen *s = ud;
    pthread_mutex_lock(&s->mu);
    put(s->deleted, &s->n_deleted, obj);
    pthread_mutex_unlock(&s->mu);
}

static int has(seen *s, char list[8][128], int n, const char *want)
{
    pthread_mutex_lock(&s->mu);
    int found = 0;
    for (int i = 0; i < n; i++) found |= strcmp(list[i], want) == 0;
    pthread_mutex_unlock(&s->mu);
    return found;
}

static int stop_at_first(void *ud, fm_kube_watch_event_type type, void *obj, const char *raw, size_t len)
{
    fm_kube_object_free(&fm_agentic_task_desc, obj);
    return type == KUBE_WATCH_ERROR ? 0 : 1;
}

/* 1 when a watch from rv is answered with 410 Gone now. */
static int rv_is_gone(fm_kube_client *c, const char *rv)
{
    fm_kube_watch_opts wo = {.resource_version = rv, .timeout_seconds = 1};
    int rc = fm_kube_watch(c, &fm_agentic_task_kind, IT_NS, &wo, stop_at_first, NULL);
    return rc == FM_EGONE;
}

static void compact(void)
{
    const char *t = getenv("TESTENV"), *d = getenv("TESTENV_DIR");
    if (!t || !d) return;
    char cmd[2048];
    snprintf(cmd, sizeof(cmd), "'%s' compact '%s' >/dev/null", t, d);
    if (system(cmd) != 0) fprintf(stderr, "compaction failed\n");
}

TEST(test_forced_410_relists_without_losing_transitions)
{
    fm_kube_client *c = it_client();
    CHECK_FATAL(c);
    char run[17], churn_run[17];
    it_run_id(run);
    it_run_id(churn_run);
    char sel[128];
    snprintf(sel, sizeof(sel), IT_LABEL "=%s", run);
    char a[64], b[64], cc[64], keep[64], churn[64];
    snprintf(a, sizeof(a), "gone-%s-a", run);
    snprintf(b, sizeof(b), "gone-%s-b", run);
    snprintf(cc, sizeof(cc), "gone-%s-c", run);
    snprintf(keep, sizeof(keep), "gone-%s-keep", run);
    snprintf(churn, sizeof(churn), "churn-%s", churn_run);
    CHECK_FATAL(it_create_task(c, run, a, "a1") == 0);
    CHECK_FATAL(it_create_task(c, run, b, "b1") == 0);
    CHECK_FATAL(it_create_task(c, run, keep, "k1") == 0);
    CHECK_FATAL(it_create_task(c, churn_run, churn, "0") == 0);

    static seen s;
    memset(&s, 0, sizeof(s));
    pthread_mutex_init(&s.mu, NULL);
    fm_informer *inf = NULL;
    fm_informer_options o = {.kind = &fm_agentic_task_kind, .ns = IT_NS, .label_selector = sel};
    CHECK_FATAL(fm_informer_new(&inf, c, &o) == 0);
    fm_informer_handlers h = {.on_add = s_add, .on_update = s_update, .on_delete = s_delete, .ud = &s};
    fm_informer_add_handlers(inf, &h);
    CHECK_INT(fm_informer_start(inf), 0);
    CHECK_INT(fm_informer_wait_synced(inf, 30000), 0);
    CHECK_INT(fm_store_len(fm_informer_store(inf)), 3);

    /* Disconnect, and change things the informer must not miss. */
    fm_informer_pause(inf, true);
    usleep(1500000); /* the open watch ends within ~0.5 s */
    char rv[64];
    fm_informer_resource_version(inf, rv, sizeof(rv));
    CHECK_INT(it_update_task(c, a, "a2"), 0);
    CHECK_INT(it_delete_task(c, b), 0);
    CHECK_INT(it_create_task(c, run, cc, "c1"), 0);
    compact();

    /* Age the informer's version past the watch cache's 75 s, then churn
     * until the cache has dropped it. */
    printf("waiting 80 s for the watch cache to consider rv %s stale\n", rv);
    fflush(stdout);
    sleep(80);
    int writes = 0, gone = 0;
    char p[32];
    while (writes < 6000 && !(gone = rv_is_gone(c, rv))) {
        for (int i = 0; i < 50; i++) {
            snprintf(p, sizeof(p), "%d", ++writes);
            if (it_update_task(c, churn, p) != 0) break;
        }
    }
    compact();
    printf("rv %s gone after %d churn writes: %s\n", rv, writes, gone ? "yes" : "no");
    CHECK_FATAL(gone);

    /* Reconnect: the watch from rv gets 410, the informer relists. */
    fm_informer_pause(inf, false);
    int ok = 0;
    for (int i = 0; i < 300 && !ok; i++) {
        fm_informer_stats st;
        fm_informer_get_stats(inf, &st);
        ok = st.relists_gone >= 1 && st.lists >= 2;
        if (!ok) usleep(100000);
    }
    CHECK(ok);
    char want[160];
    snprintf(want, sizeof(want), "%s=a2", a);
    CHECK(has(&s, s.updated, s.n_updated, want));
    snprintf(want, sizeof(want), "%s=b1", b);
    CHECK(has(&s, s.deleted, s.n_deleted, want));
    snprintf(want, sizeof(want), "%s=c1", cc);
    CHECK(has(&s, s.added, s.n_added, want));
    /* The untouched object produced no event on the relist. */
    snprintf(want, sizeof(want), "%s=k1", keep);
    CHECK(!has(&s, s.updated, s.n_updated, want));
    CHECK(!has(&s, s.deleted, s.n_deleted, want));

    it_snapshot fresh, cached;
    CHECK_INT(it_list_snapshot(&fresh, c, run), 0);
    it_store_snapshot(&cached, fm_informer_store(inf));
    CHECK_INT(it_snapshot_diff(&fresh, &cached, 1), 0);
    it_snapshot_free(&fresh);
    it_snapshot_free(&cached);

    /* And it keeps watching after the relist. */
    CHECK_INT(it_update_task(c, keep, "k2"), 0);
    snprintf(want, sizeof(want), "%s=k2", keep);
    for (int i = 0; i < 100 && !has(&s, s.updated, s.n_updated, want); i++) usleep(100000);
    CHECK(has(&s, s.updated, s.n_updated, want));

    fm_informer_stop(inf);
    fm_informer_free(inf);
    it_cleanup(c, run);
    it_cleanup(c, churn_run);
    fm_kube_client_free(c);
}

int main(void)
{
    RUN(test_forced_410_relists_without_losing_transitions);
    return test_summary();
}
