/*
 * test_informer_controller.c - informers feeding a controller against a
 * real kube-apiserver: events of the primary kind enqueue their own keys,
 * a mapped watch turns events of another kind into keys, and the reconcile
 * reads the informer's cache.
 */
#include <pthread.h>
#include <stdatomic.h>

#include "controller.h"
#include "informer.h"
#include "itutil.h"
#include "test.h"

typedef struct state {
    fm_store *tasks;
    pthread_mutex_t mu;
    it_snapshot reconciled; /* key -> prompt seen in the cache at reconcile time */
    atomic_int calls;
    atomic_int mapped;
} state;

static int reconcile(fm_reconcile_result *out, void *ud, const fm_reconcile_ctx *ctx)
{
    state *s = ud;
    atomic_fetch_add(&s->calls, 1);
    void *obj = NULL;
    const char *prompt = "(deleted)";
    if (fm_store_get_copy(&obj, s->tasks, ctx->key) == 0) {
        const fm_agentic_task *t = obj;
        if (t->spec.payload.prompt) prompt = t->spec.payload.prompt;
    }
    pthread_mutex_lock(&s->mu);
    it_snapshot_put(&s->reconciled, ctx->key, prompt);
    pthread_mutex_unlock(&s->mu);
    fm_store_object_free(s->tasks, obj);
    return 0;
}

/* A second informer on the same kind stands in for "another kind": each
 * event maps to the key named by the object's prompt ("ns/target"). */
static void map_prompt(fm_controller *c, const void *obj, void *ud)
{
    state *s = ud;
    const fm_agentic_task *t = obj;
    if (t->spec.payload.prompt && strncmp(t->spec.payload.prompt, "target:", 7) == 0) {
        atomic_fetch_add(&s->mapped, 1);
        fm_controller_enqueue(c, t->spec.payload.prompt + 7);
    }
}

static int reconciled_as(state *s, const char *key, const char *prompt)
{
    pthread_mutex_lock(&s->mu);
    const char *v = fm_hashmap_get(&s->reconciled.map, key);
    int ok = v && strcmp(v, prompt) == 0;
    pthread_mutex_unlock(&s->mu);
    return ok;
}

static int wait_reconciled(state *s, const char *key, const char *prompt)
{
    for (int i = 0; i < 300; i++) {
        if (reconciled_as(s, key, prompt)) return 1;
        usleep(50000);
    }
    return 0;
}

TEST(test_events_drive_reconciles)
{
    fm_kube_client *c = it_client();
    CHECK_FATAL(c);
    char run[17], other[17];
    it_run_id(run);
    it_run_id(other);
    char sel[128], sel2[128];
    snprintf(sel, sizeof(sel), IT_LABEL "=%s", run);
    snprintf(sel2, sizeof(sel2), IT_LABEL "=%s", other);

    static state s;
    memset(&s, 0, sizeof(s));
    pthread_mutex_init(&s.mu, NULL);
    fm_informer *primary = NULL, *secondary = NULL;
    fm_informer_options o1 = {.kind = &fm_agentic_task_kind, .ns = IT_NS, .label_selector = sel};
    fm_informer_options o2 = {.kind = &fm_agentic_task_kind, .ns = IT_NS, .label_selector = sel2};
    CHECK_FATAL(fm_informer_new(&primary, c, &o1) == 0);
    CHECK_FATAL(fm_informer_new(&secondary, c, &o2) == 0);
    s.tasks = fm_informer_store(primary);
    fm_controller *ctl = NULL;
    fm_controller_options co = {.name = "it", .reconcile = reconcile, .ud = &s, .workers = 2};
    CHECK_FATAL(fm_controller_new(&ctl, &co) == 0);
    CHECK_INT(fm_controller_watch_primary(ctl, primary), 0);
    CHECK_INT(fm_controller_watch(ctl, secondary, map_prompt, &s), 0);
    CHECK_INT(fm_controller_start(ctl), 0);
    CHECK_INT(fm_informer_start(primary), 0);
    CHECK_INT(fm_informer_start(secondary), 0);
    CHECK_INT(fm_informer_wait_synced(primary, 30000), 0);
    CHECK_INT(fm_informer_wait_synced(secondary, 30000), 0);

    char name[64], key[96];
    snprintf(name, sizeof(name), "ctl-%s", run);
    snprintf(key, sizeof(key), IT_NS "/%s", name);
    CHECK_INT(it_create_task(c, run, name, "one"), 0);
    CHECK(wait_reconciled(&s, key, "one"));
    CHECK_INT(it_update_task(c, name, "two"), 0);
    CHECK(wait_reconciled(&s, key, "two"));

    /* An event of the secondary informer enqueues the key it names. */
    int before = atomic_load(&s.calls);
    char mapper[64], prompt[128];
    snprintf(mapper, sizeof(mapper), "map-%s", other);
    snprintf(prompt, sizeof(prompt), "target:%s", key);
    CHECK_INT(it_create_task(c, other, mapper, prompt), 0);
    for (int i = 0; i < 200 && atomic_load(&s.calls) == before; i++) usleep(50000);
    CHECK(atomic_load(&s.mapped) >= 1);
    CHECK(atomic_load(&s.calls) > before);

    CHECK_INT(it_delete_task(c, name), 0);
    CHECK(wait_reconciled(&s, key, "(deleted)"));

    fm_controller_stop(ctl);
    fm_informer_stop(primary);
    fm_informer_stop(secondary);
    fm_controller_free(ctl);
    fm_informer_free(primary);
    fm_informer_free(secondary);
    it_cleanup(c, other);
    it_cleanup(c, run);
    it_snapshot_free(&s.reconciled);
    fm_kube_client_free(c);
}

int main(void)
{
    RUN(test_events_drive_reconciles);
    return test_summary();
}
