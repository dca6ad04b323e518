/*
 * test_informer_machine.c - the informer's list/watch/410 machine (watcher
 * + reflector) against a scripted in-process API server (fakeapi.h):
 * paginated lists, watch events and bookmarks, 410 Gone on a watch and the
 * relist's replace diff, an expired continue token, a stream the server
 * ends, undecodable objects set aside, a 500 and a dropped connection with
 * backoff (on a fake clock) and recovery, and a prompt stop.
 *
 * No control plane: tests/integration/test_informer*.c do the same against
 * a real kube-apiserver.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "error.h"
#include "fakeapi.h"
#include "informer.h"
#include "k8s_core.h"
#include "kube.h"
#include "kubeconfig.h"
#include "metrics.h"
#include "test.h"

#define PATH "/api/v1/namespaces/default/configmaps"
#define WAIT_MS 5000

/* ------------------------------------------------------------ objects */

static char *cm(const char *name, const char *rv)
{
    fm_buf b = FM_BUF_INIT;
    fm_buf_printf(&b,
                  "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"default\","
                  "\"resourceVersion\":\"%s\",\"managedFields\":[{\"manager\":\"kubectl\"}]},\"data\":{\"rv\":\"%s\"}}",
                  name, rv, rv);
    return fm_buf_detach(&b);
}

/* A ConfigMap the decoder refuses: JSON nested 600 deep in a member the
 * schema does not know (CODEC_MAX_DEPTH is 512). Its metadata decodes. */
static char *cm_bad(const char *name, const char *rv)
{
    fm_buf b = FM_BUF_INIT;
    fm_buf_printf(&b,
                  "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"default\","
                  "\"resourceVersion\":\"%s\"},\"deep\":",
                  name, rv);
    for (int i = 0; i < 600; i++) fm_buf_puts(&b, "[");
    for (int i = 0; i < 600; i++) fm_buf_puts(&b, "]");
    fm_buf_puts(&b, "}");
    return fm_buf_detach(&b);
}

/* A list page: "name:rv" items ("!name:rv" for an undecodable one),
 * NULL-terminated. */
static char *page(const char *rv, const char *cont, ...)
{
    fm_buf b = FM_BUF_INIT;
    fm_buf_printf(&b, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"%s\"", rv);
    if (cont) fm_buf_printf(&b, ",\"continue\":\"%s\"", cont);
    fm_buf_puts(&b, "},\"items\":[");
    va_list ap;
    va_start(ap, cont);
    int n = 0;
    for (const char *it; (it = va_arg(ap, const char *));) {
        char name[64];
        const char *colon = strchr(it, ':');
        bool bad = it[0] == '!';
        snprintf(name, sizeof(name), "%.*s", (int)(colon - it) - (bad ? 1 : 0), it + (bad ? 1 : 0));
        char *o = bad ? cm_bad(name, colon + 1) : cm(name, colon + 1);
        fm_buf_printf(&b, "%s%s", n++ ? "," : "", o);
        free(o);
    }
    va_end(ap);
    fm_buf_puts(&b, "]}");
    return fm_buf_detach(&b);
}

/* One watch event line; type "BOOKMARK" takes only the rv. */
static void ev(fm_buf *b, const char *type, const char *name, const char *rv)
{
    if (strcmp(type, "BOOKMARK") == 0) {
        fm_buf_printf(b, "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\","
                         "\"metadata\":{\"resourceVersion\":\"%s\"}}}\n", rv);
        return;
    }
    bool bad = name[0] == '!';
    char *o = bad ? cm_bad(name + 1, rv) : cm(name, rv);
    fm_buf_printf(b, "{\"type\":\"%s\",\"object\":%s}\n", type, o);
    free(o);
}

static void gone_event(fm_buf *b)
{
    fm_buf_printf(b, "{\"type\":\"ERROR\",\"object\":%s}\n",
                  fapi_status_json(410, "Expired", "too old resource version: 10 (50)"));
}

static void queue_list(fapi_server *s, char *body)
{
    fapi_list(s, 200, body);
    free(body);
}

static void queue_watch(fapi_server *s, fm_buf *b, fapi_end end)
{
    fapi_watch(s, 200, b->data ? b->data : "", end);
    fm_buf_free(b);
}

/* ------------------------------------------------------------ the informer */

typedef struct rec {
    pthread_mutex_t mu;
    fm_buf log; /* "+a:1 ~a:1>2 -b:3 " */
    int adds, updates, deletes;
    atomic_int errors, recovered, decode_errors;
    char decode_names[256];
    fm_series *decode_metric;
    atomic_int managed_fields_seen;
} rec;

static const char *name_rv(const void *obj, char *buf, size_t cap)
{
    const fm_k8s_config_map *c = obj;
    snprintf(buf, cap, "%s:%s", c->metadata.name ? c->metadata.name : "?",
             c->metadata.resource_version ? c->metadata.resource_version : "?");
    return buf;
}

static void on_add(void *ud, const void *obj)
{
    rec *r = ud;
    char a[64];
    const fm_k8s_config_map *c = obj;
    if (c->metadata._unknown && strstr(c->metadata._unknown, "managedFields"))
        atomic_fetch_add(&r->managed_fields_seen, 1);
    pthread_mutex_lock(&r->mu);
    fm_buf_printf(&r->log, "+%s ", name_rv(obj, a, sizeof(a)));
    r->adds++;
    pthread_mutex_unlock(&r->mu);
}

static void on_update(void *ud, const void *old, const void *obj)
{
    rec *r = ud;
    char a[64], b[64];
    pthread_mutex_lock(&r->mu);
    fm_buf_printf(&r->log, "~%s>%s ", name_rv(old, a, sizeof(a)), strchr(name_rv(obj, b, sizeof(b)), ':') + 1);
    r->updates++;
    pthread_mutex_unlock(&r->mu);
}

static void on_delete(void *ud, const void *old)
{
    rec *r = ud;
    char a[64];
    pthread_mutex_lock(&r->mu);
    fm_buf_printf(&r->log, "-%s ", name_rv(old, a, sizeof(a)));
    r->deletes++;
    pthread_mutex_unlock(&r->mu);
}

static void on_error(void *ud, int code, const char *message)
{
    (void)code;
    (void)message;
    atomic_fetch_add(&((rec *)ud)->errors, 1);
}

static void on_recovered(void *ud)
{
    atomic_fetch_add(&((rec *)ud)->recovered, 1);
}

/* As the operator does: count in foreman_decode_errors_total{kind}. */
static void on_decode_error(void *ud, const fm_k8s_object_meta *meta, const char *message)
{
    rec *r = ud;
    (void)message;
    fm_metrics_inc(r->decode_metric);
    pthread_mutex_lock(&r->mu);
    size_t n = strlen(r->decode_names);
    snprintf(r->decode_names + n, sizeof(r->decode_names) - n, "%s ", meta && meta->name ? meta->name : "?");
    pthread_mutex_unlock(&r->mu);
    atomic_fetch_add(&r->decode_errors, 1);
}

/* Snapshot of the log, then cleared. */
static char *take_log(rec *r)
{
    pthread_mutex_lock(&r->mu);
    char *s = fm_buf_detach(&r->log);
    if (!s) s = fm_strdup("");
    pthread_mutex_unlock(&r->mu);
    return s;
}

typedef struct fixture {
    fapi_server *srv;
    fm_kube_client *client;
    fm_informer *inf;
    fm_clock *clock; /* fake, or NULL */
    fm_metrics *metrics;
    fm_metric *decode_counter;
    rec r;
} fixture;

static int setup(fixture *f, bool fake_clock, long page_size)
{
    memset(f, 0, sizeof(*f));
    pthread_mutex_init(&f->r.mu, NULL);
    f->srv = fapi_start(PATH);
    if (!f->srv) return -1;
    fm_kube_config cfg;
    memset(&cfg, 0, sizeof(cfg));
    cfg.server = (char *)fapi_url(f->srv);
    cfg.namespace_ = "default";
    cfg.context = "test";
    fm_kube_client_opts co = {"test", NULL, 2000, 5000, 0, 0};
    if (fm_kube_client_new(&f->client, &cfg, &co) < 0) return -1;
    if (fake_clock && fm_clock_fake_new(&f->clock, 1000 * FM_NSEC_PER_SEC, (fm_time){0, 0}) < 0) return -1;
    if (fm_metrics_new(&f->metrics) < 0 ||
        fm_metrics_counter(&f->decode_counter, f->metrics, "foreman_decode_errors_total", "test", "kind", NULL) < 0 ||
        fm_metrics_series(&f->r.decode_metric, f->decode_counter, "ConfigMap", NULL) < 0)
        return -1;
    fm_informer_options o = {
        .kind = &fm_k8s_config_map_kind,
        .ns = "default",
        .page_size = page_size,
        .watch_timeout_s = 30,
        .clock = f->clock,
        .backoff_initial_ms = fake_clock ? 0 : 10,
        .backoff_max_ms = fake_clock ? 0 : 40,
        .on_error = on_error,
        .on_error_ud = &f->r,
        .on_recovered = on_recovered,
        .on_decode_error = on_decode_error,
    };
    if (fm_informer_new(&f->inf, f->client, &o) < 0) return -1;
    fm_informer_handlers h = {on_add, on_update, on_delete, &f->r};
    if (fm_informer_add_handlers(f->inf, &h) < 0) return -1;
    return 0;
}

static void teardown(fixture *f)
{
    /* End any open watch from the server's side: the informer then stops
     * at once, instead of when the client next polls its cancel flag. */
    if (f->srv) fapi_close_streams(f->srv);
    fm_informer_free(f->inf);
    fm_kube_client_free(f->client);
    fapi_stop(f->srv);
    fm_clock_free(f->clock);
    fm_metrics_free(f->metrics);
    fm_buf_free(&f->r.log);
    pthread_mutex_destroy(&f->r.mu);
}

static fm_informer_stats stats(fixture *f)
{
    fm_informer_stats s;
    fm_informer_get_stats(f->inf, &s);
    return s;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Polls cond (an expression over f) for up to WAIT_MS. */
#define WAIT_FOR(cond)                                                     \
    ({                                                                     \
        double dl_ = now_s() + WAIT_MS / 1000.0;                           \
        while (!(cond) && now_s() < dl_) usleep(2000);                     \
        (cond);                                                            \
    })

static char *rv_of(fixture *f)
{
    static char buf[64];
    fm_informer_resource_version(f->inf, buf, sizeof(buf));
    return buf;
}

static char *query(fixture *f, fapi_verb v, size_t i, const char *name)
{
    static char buf[4][128];
    static int k;
    char *b = buf[k++ & 3];
    fapi_query(f->srv, v, i, name, b, sizeof(buf[0]));
    return b;
}

static bool cached(fixture *f, const char *key, const char *rv)
{
    fm_k8s_config_map *c = NULL;
    if (fm_store_get_copy((void **)&c, fm_informer_store(f->inf), key) != 0 || !c) return false;
    bool ok = !rv || (c->metadata.resource_version && strcmp(c->metadata.resource_version, rv) == 0);
    fm_kube_object_free(fm_k8s_config_map_kind.object, c);
    return ok;
}

/* ------------------------------------------------------------ tests */

TEST(paginated_list_then_watch_events)
{
    fixture f;
    CHECK_FATAL(setup(&f, false, 2) == 0);
    queue_list(f.srv, page("5", "c1", "a:1", "b:2", NULL));
    queue_list(f.srv, page("10", NULL, "c:3", NULL));
    fm_buf w = FM_BUF_INIT;
    ev(&w, "ADDED", "d", "11");
    ev(&w, "MODIFIED", "a", "12");
    ev(&w, "DELETED", "b", "13");
    ev(&w, "BOOKMARK", NULL, "14");
    queue_watch(f.srv, &w, FAPI_HANG);

    CHECK_INT(fm_informer_start(f.inf), 0);
    CHECK_INT(fm_informer_wait_synced(f.inf, WAIT_MS), 0);
    CHECK_INT(fm_store_len(fm_informer_store(f.inf)), 3);
    CHECK_STR(query(&f, FAPI_LIST, 0, "limit"), "2");
    CHECK(!fapi_query(f.srv, FAPI_LIST, 0, "continue", NULL, 0));
    CHECK_STR(query(&f, FAPI_LIST, 1, "continue"), "c1");
    CHECK(WAIT_FOR(stats(&f).bookmarks == 1));
    char *log = take_log(&f.r);
    CHECK_STR(log, "+a:1 +b:2 +c:3 +d:11 ~a:1>12 -b:13 ");
    free(log);
    /* managedFields are dropped from the cache by default */
    CHECK_INT(atomic_load(&f.r.managed_fields_seen), 0);
    CHECK_STR(query(&f, FAPI_WATCH, 0, "resourceVersion"), "10");
    CHECK_STR(query(&f, FAPI_WATCH, 0, "allowWatchBookmarks"), "true");
    CHECK_STR(query(&f, FAPI_WATCH, 0, "timeoutSeconds"), "30");
    CHECK_STR(rv_of(&f), "14");
    CHECK(cached(&f, "default/a", "12"));
    CHECK(!cached(&f, "default/b", NULL));
    CHECK(cached(&f, "default/d", "11"));
    fm_informer_stats s = stats(&f);
    CHECK_INT(s.lists, 1);
    CHECK_INT(s.pages, 2);
    CHECK_INT(s.events, 3);
    CHECK_INT(s.watches, 1);
    CHECK_INT(s.errors, 0);
    teardown(&f);
}

TEST(gone_on_watch_relists_with_replace_diff)
{
    fixture f;
    CHECK_FATAL(setup(&f, false, 0) == 0);
    queue_list(f.srv, page("10", NULL, "a:1", "b:2", "c:3", NULL));
    fm_buf w = FM_BUF_INIT;
    gone_event(&w);
    queue_watch(f.srv, &w, FAPI_END);
    /* relist: a unchanged, b changed, c gone, d new */
    queue_list(f.srv, page("50", NULL, "a:1", "b:40", "d:41", NULL));
    /* and once more, as a 410 status answer to the watch itself */
    fapi_watch(f.srv, 410, fapi_status_json(410, "Expired", "too old resource version: 50 (60)"), FAPI_END);
    queue_list(f.srv, page("60", NULL, "a:1", "d:41", NULL));

    CHECK_INT(fm_informer_start(f.inf), 0);
    CHECK(WAIT_FOR(stats(&f).lists == 3));
    CHECK(fapi_wait_count(f.srv, FAPI_WATCH, 3, WAIT_MS));
    char *log = take_log(&f.r);
    CHECK_STR(log, "+a:1 +b:2 +c:3 ~b:2>40 +d:41 -c:3 -b:40 ");
    free(log);
    fm_informer_stats s = stats(&f);
    CHECK_INT(s.relists_gone, 2);
    CHECK_INT(atomic_load(&f.r.errors), 2);
    CHECK_STR(query(&f, FAPI_WATCH, 0, "resourceVersion"), "10");
    CHECK_STR(query(&f, FAPI_WATCH, 1, "resourceVersion"), "50");
    CHECK_STR(query(&f, FAPI_WATCH, 2, "resourceVersion"), "60");
    /* a relist starts from scratch: no continue token */
    CHECK(!fapi_query(f.srv, FAPI_LIST, 1, "continue", NULL, 0));
    CHECK_INT(fm_store_len(fm_informer_store(f.inf)), 2);
    CHECK(cached(&f, "default/d", "41"));
    teardown(&f);
}

TEST(expired_continue_restarts_the_list)
{
    fixture f;
    CHECK_FATAL(setup(&f, false, 2) == 0);
    queue_list(f.srv, page("5", "c1", "a:1", "b:2", NULL));
    fapi_list(f.srv, 410, fapi_status_json(410, "Expired", "The provided continue parameter is too old"));
    queue_list(f.srv, page("20", "c2", "a:1", "b:15", NULL));
    queue_list(f.srv, page("20", NULL, "c:16", NULL));

    CHECK_INT(fm_informer_start(f.inf), 0);
    CHECK_INT(fm_informer_wait_synced(f.inf, WAIT_MS), 0);
    CHECK(fapi_wait_count(f.srv, FAPI_WATCH, 1, WAIT_MS));
    CHECK_INT(fapi_count(f.srv, FAPI_LIST), 4);
    CHECK_STR(query(&f, FAPI_LIST, 1, "continue"), "c1");
    CHECK(!fapi_query(f.srv, FAPI_LIST, 2, "continue", NULL, 0));
    CHECK_STR(query(&f, FAPI_LIST, 3, "continue"), "c2");
    char *log = take_log(&f.r);
    /* the restarted list re-delivers a unchanged (quiet) and b changed */
    CHECK_STR(log, "+a:1 +b:2 ~b:2>15 +c:16 ");
    free(log);
    fm_informer_stats s = stats(&f);
    CHECK_INT(s.lists, 1);
    CHECK_INT(s.pages, 3);
    CHECK_INT(s.errors, 0);
    CHECK_INT(s.relists_gone, 0);
    CHECK_STR(query(&f, FAPI_WATCH, 0, "resourceVersion"), "20");
    teardown(&f);
}

TEST(server_ended_watch_resumes_from_last_version)
{
    fixture f;
    CHECK_FATAL(setup(&f, false, 0) == 0);
    queue_list(f.srv, page("10", NULL, "a:1", NULL));
    fm_buf w = FM_BUF_INIT;
    ev(&w, "ADDED", "b", "11");
    queue_watch(f.srv, &w, FAPI_END);
    ev(&w, "BOOKMARK", NULL, "12");
    queue_watch(f.srv, &w, FAPI_END);
    queue_watch(f.srv, &w, FAPI_HANG);

    CHECK_INT(fm_informer_start(f.inf), 0);
    CHECK(fapi_wait_count(f.srv, FAPI_WATCH, 3, WAIT_MS));
    CHECK_STR(query(&f, FAPI_WATCH, 0, "resourceVersion"), "10");
    CHECK_STR(query(&f, FAPI_WATCH, 1, "resourceVersion"), "11");
    CHECK_STR(query(&f, FAPI_WATCH, 2, "resourceVersion"), "12");
    fm_informer_stats s = stats(&f);
    CHECK_INT(s.lists, 1);
    CHECK_INT(s.watch_resumes, 2);
    CHECK_INT(s.errors, 0);
    CHECK_INT(fapi_count(f.srv, FAPI_LIST), 1);
    teardown(&f);
}

TEST(undecodable_objects_set_aside)
{
    fixture f;
    CHECK_FATAL(setup(&f, false, 0) == 0);
    queue_list(f.srv, page("10", NULL, "a:1", "!x:2", "b:3", NULL));
    fm_buf w = FM_BUF_INIT;
    ev(&w, "ADDED", "c", "11");
    ev(&w, "MODIFIED", "!a", "12"); /* a's new version does not decode */
    ev(&w, "ADDED", "d", "13");
    queue_watch(f.srv, &w, FAPI_END);
    ev(&w, "MODIFIED", "a", "14"); /* fixed: back in the cache */
    queue_watch(f.srv, &w, FAPI_HANG);

    CHECK_INT(fm_informer_start(f.inf), 0);
    CHECK_INT(fm_informer_wait_synced(f.inf, WAIT_MS), 0);
    CHECK(fapi_wait_count(f.srv, FAPI_WATCH, 2, WAIT_MS));
    /* the version advances only after the handlers ran */
    CHECK(WAIT_FOR(strcmp(rv_of(&f), "14") == 0));
    char *log = take_log(&f.r);
    CHECK_STR(log, "+a:1 +b:3 +c:11 -a:1 +d:13 +a:14 ");
    free(log);
    CHECK_STR(f.r.decode_names, "x a ");
    CHECK_INT(stats(&f).decode_errors, 2);
    CHECK(fm_metrics_value(f.r.decode_metric) == 2.0);
    fm_buf out = FM_BUF_INIT;
    CHECK_INT(fm_metrics_render(&out, f.metrics), 0);
    CHECK_CONTAINS(out.data, "foreman_decode_errors_total{kind=\"ConfigMap\"} 2");
    fm_buf_free(&out);
    /* the bad event still advanced the version: the resume skips it */
    CHECK_STR(query(&f, FAPI_WATCH, 1, "resourceVersion"), "13");
    CHECK_INT(stats(&f).errors, 0);
    CHECK(!cached(&f, "default/x", NULL));
    CHECK(cached(&f, "default/a", "14"));
    teardown(&f);
}

TEST(server_error_and_dropped_connection_back_off_then_recover)
{
    fixture f;
    CHECK_FATAL(setup(&f, true, 0) == 0);
    fapi_list(f.srv, 500, fapi_status_json(500, "InternalError", "etcd is down"));
    queue_list(f.srv, page("10", NULL, "a:1", NULL));
    fm_buf w = FM_BUF_INIT;
    ev(&w, "ADDED", "b", "11");
    queue_watch(f.srv, &w, FAPI_DROP);
    ev(&w, "ADDED", "c", "12");
    queue_watch(f.srv, &w, FAPI_HANG);

    CHECK_INT(fm_informer_start(f.inf), 0);
    CHECK(WAIT_FOR(atomic_load(&f.r.errors) == 1));
    /* backing off on the fake clock: no second list until it moves */
    usleep(100 * 1000);
    CHECK_INT(fapi_count(f.srv, FAPI_LIST), 1);
    CHECK(!fm_informer_has_synced(f.inf));
    fm_clock_fake_advance(f.clock, 2 * FM_NSEC_PER_SEC); /* 0.8 s with jitter: under 1.2 s */
    CHECK_INT(fm_informer_wait_synced(f.inf, WAIT_MS), 0);
    CHECK(WAIT_FOR(atomic_load(&f.r.recovered) == 1)); /* told just after the sync */

    /* the stream breaks after one event: an error, a backoff, then a
     * watch from the last version (no relist) */
    CHECK(WAIT_FOR(atomic_load(&f.r.errors) == 2));
    usleep(100 * 1000);
    CHECK_INT(fapi_count(f.srv, FAPI_WATCH), 1);
    fm_clock_fake_advance(f.clock, 3 * FM_NSEC_PER_SEC); /* 1.6 s with jitter: under 2.4 s */
    CHECK(WAIT_FOR(strcmp(rv_of(&f), "12") == 0));
    CHECK(cached(&f, "default/c", "12"));
    CHECK_STR(query(&f, FAPI_WATCH, 1, "resourceVersion"), "11");
    CHECK_INT(atomic_load(&f.r.recovered), 2);
    CHECK_INT(fapi_count(f.srv, FAPI_LIST), 2);
    char *log = take_log(&f.r);
    CHECK_STR(log, "+a:1 +b:11 +c:12 ");
    free(log);
    CHECK_INT(stats(&f).errors, 2);
    teardown(&f);
}

TEST(stop_during_blocked_watch_is_prompt)
{
    fixture f;
    CHECK_FATAL(setup(&f, false, 0) == 0);
    queue_list(f.srv, page("10", NULL, "a:1", NULL));
    CHECK_INT(fm_informer_start(f.inf), 0);
    CHECK(fapi_wait_count(f.srv, FAPI_WATCH, 1, WAIT_MS));
    usleep(50 * 1000);
    double t0 = now_s();
    fm_informer_stop(f.inf);
    double el = now_s() - t0;
    CHECK(el < 1.5);
    CHECK_INT(fm_store_len(fm_informer_store(f.inf)), 1);
    CHECK_INT(stats(&f).errors, 0);
    /* stopping again, and freeing, are fine */
    fm_informer_stop(f.inf);
    teardown(&f);
}

TEST(stop_during_backoff_is_prompt)
{
    fixture f;
    CHECK_FATAL(setup(&f, true, 0) == 0);
    CHECK_INT(fm_informer_start(f.inf), 0); /* no list scripted: 500s */
    CHECK(WAIT_FOR(atomic_load(&f.r.errors) == 1));
    double t0 = now_s();
    fm_informer_stop(f.inf);
    CHECK(now_s() - t0 < 1.0);
    CHECK_INT(fm_informer_wait_synced(f.inf, 10), FM_ECANCELED);
    teardown(&f);
}

int main(void)
{
    RUN(paginated_list_then_watch_events);
    RUN(gone_on_watch_relists_with_replace_diff);
    RUN(expired_continue_restarts_the_list);
    RUN(server_ended_watch_resumes_from_last_version);
    RUN(undecodable_objects_set_aside);
    RUN(server_error_and_dropped_connection_back_off_then_recover);
    RUN(stop_during_blocked_watch_is_prompt);
    RUN(stop_during_backoff_is_prompt);
    return test_summary();
}
