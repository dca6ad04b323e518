/*
 * test_client.c - the Kubernetes client against a real kube-apiserver (the
 * `controlplane` fixture): every verb on FleetNode (cluster-scoped) and
 * AgenticTask (namespaced), the status subresource, optimistic concurrency
 * (409 on stale updates and stale merge patches), server-side apply,
 * pagination, label selectors, watch (ADDED/MODIFIED/DELETED in order,
 * bookmarks, 410 after compaction), and every way of authenticating:
 * client certificate, token, token file, exec plugin (with expiry refresh),
 * a user without RBAC (Forbidden), a wrong token (Unauthorized), a wrong CA
 * (TLS error), and in-cluster configuration from a fake service-account dir.
 *
 * Environment (set by tests/CMakeLists.txt): KUBECONFIG, TESTENV_DIR,
 * TESTENV (the testenv script), FOREMAN_SOURCE_DIR.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "foreman_v1alpha1.h"
#include "kube.h"
#include "kubeconfig.h"
#include "test.h"

static const char *testenv_dir, *testenv, *srcdir;
static char server[256];
static char admin_token[256];
static char tmpdir[256];
static char prefix[64];   /* unique per run: itc-<pid> */
static fm_kube_client *admin;

/* ------------------------------------------------------------ helpers */

__attribute__((format(printf, 2, 3))) static void write_file(const char *path, const char *fmt, ...)
{
    FILE *f = fopen(path, "w");
    va_list ap;
    if (!f) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(1);
    }
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fclose(f);
}

/* Runs a shell command and returns the first line of its output (static). */
__attribute__((format(printf, 1, 2))) static const char *sh(const char *fmt, ...)
{
    static char line[4096];
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof(cmd), fmt, ap);
    va_end(ap);
    line[0] = 0;
    FILE *p = popen(cmd, "r");
    if (!p) return line;
    if (fgets(line, sizeof(line), p)) line[strcspn(line, "\n")] = 0;
    while (fgetc(p) != EOF) {
    }
    pclose(p);
    return line;
}

/* A kubeconfig for the test cluster with the given user block. */
static void write_kubeconfig(const char *path, const char *ca_line, const char *user_block)
{
    write_file(path,
               "apiVersion: v1\nkind: Config\ncurrent-context: it\nclusters:\n- name: it\n  cluster:\n"
               "    server: %s\n    %s\ncontexts:\n- name: it\n  context:\n    cluster: it\n    user: u\n"
               "    namespace: default\nusers:\n- name: u\n  user:\n%s",
               server, ca_line, user_block);
}

static fm_kube_client *client_for(const char *kubeconfig)
{
    fm_kube_client *c = NULL;
    fm_kube_client_opts o = {"client-it", NULL, 5000, 20000, 0, 0};
    if (fm_kube_client_new_default(&c, kubeconfig, NULL, &o) < 0) {
        fprintf(stderr, "client for %s: %s\n", kubeconfig, fm_error_last()->message);
        return NULL;
    }
    return c;
}

static fm_fleet_node *fleet_node(const char *name, const char *labels_json)
{
    char json[1024];
    fm_fleet_node *n = NULL;
    snprintf(json, sizeof(json),
             "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"FleetNode\",\"metadata\":{\"name\":\"%s\"%s%s},"
             "\"spec\":{\"nodeName\":\"%s-host\",\"roles\":[\"worker\"]}}",
             name, labels_json ? ",\"labels\":" : "", labels_json ? labels_json : "", name);
    if (fm_fleet_node_decode(&n, json, strlen(json)) < 0) {
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
        return NULL;
    }
    return n;
}

static fm_agentic_task *agentic_task(const char *name)
{
    char json[1024];
    fm_agentic_task *t = NULL;
    snprintf(json, sizeof(json),
             "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"AgenticTask\",\"metadata\":{\"name\":\"%s\","
             "\"namespace\":\"default\"},\"spec\":{\"kind\":\"freeform\",\"payload\":{\"prompt\":\"say hi\"},\"priority\":1}}",
             name);
    if (fm_agentic_task_decode(&t, json, strlen(json)) < 0) {
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
        return NULL;
    }
    return t;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------ verbs */

TEST(fleetnode_every_verb)
{
    char name[128];
    snprintf(name, sizeof(name), "%s-fn", prefix);
    fm_fleet_node *n = fleet_node(name, NULL), *created = NULL, *got = NULL, *upd = NULL, *st = NULL;
    CHECK_FATAL(n);

    CHECK_INT(fm_kube_create((void **)&created, admin, &fm_fleet_node_kind, NULL, n), 0);
    CHECK_FATAL(created);
    CHECK_STR(created->metadata.name, name);
    CHECK(created->metadata.resource_version && created->metadata.uid);
    char *rv1 = fm_strdup(created->metadata.resource_version);

    /* creating it again: AlreadyExists */
    CHECK_INT(fm_kube_create(NULL, admin, &fm_fleet_node_kind, NULL, n), FM_EEXISTS);
    CHECK_CONTAINS(fm_error_last()->message, "409 AlreadyExists");

    CHECK_INT(fm_kube_get((void **)&got, admin, &fm_fleet_node_kind, NULL, name), 0);
    CHECK_FATAL(got);
    CHECK_STR(got->spec.node_name, created->spec.node_name);

    /* update with the current resourceVersion */
    fm_strset(&got->spec.tailscale_addr, "100.64.0.7");
    CHECK_INT(fm_kube_update((void **)&upd, admin, &fm_fleet_node_kind, got, false), 0);
    CHECK_FATAL(upd);
    CHECK_STR(upd->spec.tailscale_addr, "100.64.0.7");
    CHECK(strcmp(upd->metadata.resource_version, rv1) != 0);

    /* the same update again carries a stale resourceVersion: 409 */
    CHECK_INT(fm_kube_update(NULL, admin, &fm_fleet_node_kind, got, false), FM_ECONFLICT);
    CHECK_CONTAINS(fm_error_last()->message, "fleetnodes/");
    CHECK_CONTAINS(fm_error_last()->message, ": 409 Conflict: ");

    /* status subresource: status changes land, spec changes do not */
    upd->status.phase = FM_NODE_PHASE_READY;
    fm_fleet_node_status_set_last_heartbeat_time(&upd->status, fm_codec_time_now());
    fm_fleet_node_set_status_present(upd, true);
    fm_strset(&upd->spec.tailscale_addr, "ignored-by-status-put");
    CHECK_INT(fm_kube_update((void **)&st, admin, &fm_fleet_node_kind, upd, true), 0);
    CHECK_FATAL(st);
    CHECK_INT(st->status.phase, FM_NODE_PHASE_READY);
    CHECK_STR(st->spec.tailscale_addr, "100.64.0.7");

    /* merge patch with an old resourceVersion: 409; without: applied */
    char patch[256];
    snprintf(patch, sizeof(patch), "{\"metadata\":{\"resourceVersion\":\"%s\"},\"spec\":{\"tailscaleAddr\":\"x\"}}", rv1);
    CHECK_INT(fm_kube_patch(NULL, admin, &fm_fleet_node_kind, NULL, name, KUBE_PATCH_MERGE, patch, strlen(patch), NULL),
              FM_ECONFLICT);
    fm_fleet_node *pt = NULL;
    const char *p2 = "{\"spec\":{\"tailscaleAddr\":\"100.64.0.8\"}}";
    CHECK_INT(fm_kube_patch((void **)&pt, admin, &fm_fleet_node_kind, NULL, name, KUBE_PATCH_MERGE, p2, strlen(p2), NULL), 0);
    CHECK(pt && strcmp(pt->spec.tailscale_addr, "100.64.0.8") == 0);

    /* status patch through the subresource */
    fm_kube_patch_opts so = {"status", NULL, false, false};
    const char *p3 = "{\"status\":{\"phase\":\"Draining\"}}";
    fm_fleet_node *ps = NULL;
    CHECK_INT(fm_kube_patch((void **)&ps, admin, &fm_fleet_node_kind, NULL, name, KUBE_PATCH_MERGE, p3, strlen(p3), &so), 0);
    CHECK(ps && ps->status.phase == FM_NODE_PHASE_DRAINING);

    /* delete with a wrong uid precondition: 409; then for real */
    fm_kube_delete_opts bad = {"00000000-0000-0000-0000-000000000000", NULL, NULL, -1, false};
    CHECK_INT(fm_kube_delete(admin, &fm_fleet_node_kind, NULL, name, &bad), FM_ECONFLICT);
    fm_kube_delete_opts good = {created->metadata.uid, NULL, "Background", -1, false};
    CHECK_INT(fm_kube_delete(admin, &fm_fleet_node_kind, NULL, name, &good), 0);
    void *gone = NULL;
    CHECK_INT(fm_kube_get(&gone, admin, &fm_fleet_node_kind, NULL, name), FM_ENOTFOUND);
    CHECK_CONTAINS(fm_error_last()->message, "404 NotFound");
    CHECK_INT(fm_kube_delete(admin, &fm_fleet_node_kind, NULL, name, NULL), FM_ENOTFOUND);

    free(rv1);
    fm_fleet_node_free(n);
    fm_fleet_node_free(created);
    fm_fleet_node_free(got);
    fm_fleet_node_free(upd);
    fm_fleet_node_free(st);
    fm_fleet_node_free(pt);
    fm_fleet_node_free(ps);
}

TEST(agentictask_every_verb)
{
    char name[128];
    snprintf(name, sizeof(name), "%s-task", prefix);
    fm_agentic_task *t = agentic_task(name), *created = NULL, *got = NULL, *upd = NULL;
    CHECK_FATAL(t);
    CHECK_INT(fm_kube_create((void **)&created, admin, &fm_agentic_task_kind, NULL, t), 0);
    CHECK_FATAL(created);
    CHECK_STR(created->metadata.namespace, "default");
    CHECK_INT(fm_kube_get((void **)&got, admin, &fm_agentic_task_kind, "default", name), 0);
    CHECK_FATAL(got);
    CHECK_INT(got->spec.kind, FM_TASK_KIND_FREEFORM);

    /* a wrong namespace is a 404 naming the namespace */
    void *none = NULL;
    CHECK_INT(fm_kube_get(&none, admin, &fm_agentic_task_kind, "kube-public", name), FM_ENOTFOUND);
    CHECK_CONTAINS(fm_error_last()->message, "agentictasks/kube-public/");

    /* status: Pending via PUT /status with the resourceVersion */
    got->status.phase = FM_TASK_PHASE_PENDING;
    fm_agentic_task_set_status_present(got, true);
    CHECK_INT(fm_kube_update((void **)&upd, admin, &fm_agentic_task_kind, got, true), 0);
    CHECK(upd && upd->status.phase == FM_TASK_PHASE_PENDING);
    /* stale status write: 409 */
    got->status.phase = FM_TASK_PHASE_SCHEDULED;
    CHECK_INT(fm_kube_update(NULL, admin, &fm_agentic_task_kind, got, true), FM_ECONFLICT);

    /* JSON patch */
    const char *jp = "[{\"op\":\"replace\",\"path\":\"/spec/priority\",\"value\":5}]";
    fm_agentic_task *pj = NULL;
    CHECK_INT(fm_kube_patch((void **)&pj, admin, &fm_agentic_task_kind, NULL, name, KUBE_PATCH_JSON, jp, strlen(jp), NULL), 0);
    CHECK(pj && pj->spec.priority == 5);

    /* invalid object: 422 with the field named */
    const char *bad = "{\"spec\":{\"kind\":\"not-a-kind\"}}";
    CHECK_INT(fm_kube_patch(NULL, admin, &fm_agentic_task_kind, NULL, name, KUBE_PATCH_MERGE, bad, strlen(bad), NULL), FM_EINVALID);
    CHECK_CONTAINS(fm_error_last()->message, "spec.kind");

    /* list in the namespace sees it */
    fm_agentic_task_list *l = NULL;
    CHECK_INT(fm_kube_list((void **)&l, admin, &fm_agentic_task_kind, "default", NULL), 0);
    bool seen = false;
    for (size_t i = 0; l && i < l->items.len; i++)
        if (strcmp(l->items.items[i].metadata.name, name) == 0) seen = true;
    CHECK(seen);
    fm_agentic_task_list_free(l);
    l = NULL;
    CHECK_INT(fm_kube_list((void **)&l, admin, &fm_agentic_task_kind, KUBE_ALL_NAMESPACES, NULL), 0);
    CHECK(l && l->items.len >= 1);
    fm_agentic_task_list_free(l);

    CHECK_INT(fm_kube_delete(admin, &fm_agentic_task_kind, NULL, name, NULL), 0);
    fm_agentic_task_free(t);
    fm_agentic_task_free(created);
    fm_agentic_task_free(got);
    fm_agentic_task_free(upd);
    fm_agentic_task_free(pj);
}

TEST(server_side_apply)
{
    char name[128], body[1024];
    snprintf(name, sizeof(name), "%s-ssa", prefix);
    snprintf(body, sizeof(body),
             "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"AgenticTask\",\"metadata\":{\"name\":\"%s\"},"
             "\"spec\":{\"kind\":\"verify\",\"payload\":{\"repo\":\"a/b\"},\"priority\":3}}",
             name);
    fm_kube_patch_opts a = {NULL, "it-manager-a", false, false};
    fm_agentic_task *t = NULL;
    CHECK_INT(fm_kube_patch((void **)&t, admin, &fm_agentic_task_kind, NULL, name, KUBE_PATCH_APPLY, body, strlen(body), &a), 0);
    CHECK(t && t->spec.priority == 3 && t->spec.kind == FM_TASK_KIND_VERIFY);
    fm_agentic_task_free(t);
    t = NULL;

    /* another manager takes priority: conflict without force, ok with it */
    snprintf(body, sizeof(body),
             "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"AgenticTask\",\"metadata\":{\"name\":\"%s\"},"
             "\"spec\":{\"kind\":\"verify\",\"payload\":{\"repo\":\"a/b\"},\"priority\":9}}",
             name);
    fm_kube_patch_opts b = {NULL, "it-manager-b", false, false};
    CHECK_INT(fm_kube_patch(NULL, admin, &fm_agentic_task_kind, NULL, name, KUBE_PATCH_APPLY, body, strlen(body), &b), FM_ECONFLICT);
    CHECK_CONTAINS(fm_error_last()->message, "it-manager-a");
    b.force = true;
    CHECK_INT(fm_kube_patch((void **)&t, admin, &fm_agentic_task_kind, NULL, name, KUBE_PATCH_APPLY, body, strlen(body), &b), 0);
    CHECK(t && t->spec.priority == 9);
    fm_agentic_task_free(t);
    CHECK_INT(fm_kube_delete(admin, &fm_agentic_task_kind, NULL, name, NULL), 0);
}

TEST(pagination_and_selectors)
{
    char name[128], labels[256], sel[128];
    for (int i = 0; i < 5; i++) {
        snprintf(name, sizeof(name), "%s-page-%d", prefix, i);
        snprintf(labels, sizeof(labels), "{\"itc-page\":\"%s\",\"color\":\"%s\"}", prefix, i % 2 ? "red" : "blue");
        fm_fleet_node *n = fleet_node(name, labels);
        CHECK_INT(fm_kube_create(NULL, admin, &fm_fleet_node_kind, NULL, n), 0);
        fm_fleet_node_free(n);
    }
    snprintf(sel, sizeof(sel), "itc-page=%s", prefix);
    fm_kube_list_opts o = {sel, NULL, 2, NULL, NULL, NULL, 0, NULL, NULL};
    char *cont = NULL;
    int pages = 0, total = 0;
    do {
        fm_fleet_node_list *l = NULL;
        o.continue_token = cont;
        CHECK_INT(fm_kube_list((void **)&l, admin, &fm_fleet_node_kind, NULL, &o), 0);
        if (!l) break;
        pages++;
        total += (int)l->items.len;
        CHECK(l->items.len <= 2);
        free(cont);
        cont = l->metadata.continue_ && l->metadata.continue_[0] ? fm_strdup(l->metadata.continue_) : NULL;
        fm_fleet_node_list_free(l);
    } while (cont && pages < 10);
    free(cont);
    CHECK_INT(pages, 3);
    CHECK_INT(total, 5);

    /* the same through fm_kube_list_all with pages of 2 */
    o.continue_token = NULL;
    fm_fleet_node_list *all = NULL;
    CHECK_INT(fm_kube_list_all((void **)&all, admin, &fm_fleet_node_kind, NULL, &o), 0);
    CHECK(all && all->items.len == 5);
    CHECK(all && all->metadata.resource_version && !all->metadata.continue_);
    for (size_t i = 0; all && i < all->items.len; i++) CHECK(strstr(all->items.items[i].metadata.name, "-page-") != NULL);
    fm_fleet_node_list_free(all);

    /* label selectors: equality, set-based, and none */
    char sel2[160];
    snprintf(sel2, sizeof(sel2), "itc-page=%s,color=red", prefix);
    fm_kube_list_opts o2 = {sel2, NULL, 0, NULL, NULL, NULL, 0, NULL, NULL};
    fm_fleet_node_list *l = NULL;
    CHECK_INT(fm_kube_list((void **)&l, admin, &fm_fleet_node_kind, NULL, &o2), 0);
    CHECK(l && l->items.len == 2);
    fm_fleet_node_list_free(l);
    snprintf(sel2, sizeof(sel2), "itc-page=%s,color in (blue,green)", prefix);
    l = NULL;
    CHECK_INT(fm_kube_list((void **)&l, admin, &fm_fleet_node_kind, NULL, &o2), 0);
    CHECK(l && l->items.len == 3);
    fm_fleet_node_list_free(l);
    /* field selector on metadata.name */
    char fsel[160];
    snprintf(fsel, sizeof(fsel), "metadata.name=%s-page-4", prefix);
    fm_kube_list_opts o3 = {sel, fsel, 0, NULL, NULL, NULL, 0, NULL, NULL};
    l = NULL;
    CHECK_INT(fm_kube_list((void **)&l, admin, &fm_fleet_node_kind, NULL, &o3), 0);
    CHECK(l && l->items.len == 1);
    fm_fleet_node_list_free(l);

    for (int i = 0; i < 5; i++) {
        snprintf(name, sizeof(name), "%s-page-%d", prefix, i);
        CHECK_INT(fm_kube_delete(admin, &fm_fleet_node_kind, NULL, name, NULL), 0);
    }
}

/* ------------------------------------------------------------ watch */

typedef struct watch_log {
    char events[512];
    int bookmarks;
    const char *name;
    char last_rv[64];
} watch_log;

static int record(void *ud, fm_kube_watch_event_type t, void *obj, const char *raw, size_t raw_len)
{
    watch_log *w = ud;
    fm_fleet_node *n = obj;
    (void)raw;
    (void)raw_len;
    if (n && n->metadata.resource_version)
        snprintf(w->last_rv, sizeof(w->last_rv), "%s", n->metadata.resource_version);
    if (t == KUBE_WATCH_BOOKMARK) {
        w->bookmarks++;
    } else if (n && n->metadata.name && strcmp(n->metadata.name, w->name) == 0) {
        if (w->events[0]) strncat(w->events, ",", sizeof(w->events) - strlen(w->events) - 1);
        strncat(w->events, fm_kube_watch_event_name(t), sizeof(w->events) - strlen(w->events) - 1);
    }
    fm_fleet_node_free(n);
    return t == KUBE_WATCH_DELETED && strstr(w->events, "DELETED") ? 1 : 0;
}

typedef struct watch_thread {
    fm_kube_watch_opts opts;
    watch_log log;
    int rc;
    char err[FM_ERROR_MAX];
} watch_thread;

static void *watch_main(void *arg)
{
    watch_thread *w = arg;
    w->rc = fm_kube_watch(admin, &fm_fleet_node_kind, NULL, &w->opts, record, &w->log);
    snprintf(w->err, sizeof(w->err), "%s", fm_error_last()->message);
    return NULL;
}

TEST(watch_sees_events_in_order)
{
    char name[128], sel[128];
    snprintf(name, sizeof(name), "%s-watch", prefix);
    snprintf(sel, sizeof(sel), "itc-watch=%s", prefix);
    fm_fleet_node_list *l = NULL;
    CHECK_INT(fm_kube_list((void **)&l, admin, &fm_fleet_node_kind, NULL, NULL), 0);
    CHECK_FATAL(l && l->metadata.resource_version);

    watch_thread w;
    memset(&w, 0, sizeof(w));
    w.opts.resource_version = l->metadata.resource_version;
    w.opts.label_selector = sel;
    w.opts.timeout_seconds = 60;
    w.opts.allow_bookmarks = true;
    w.log.name = name;
    pthread_t th;
    pthread_create(&th, NULL, watch_main, &w);

    char labels[128];
    snprintf(labels, sizeof(labels), "{\"itc-watch\":\"%s\"}", prefix);
    fm_fleet_node *n = fleet_node(name, labels), *c = NULL;
    CHECK_INT(fm_kube_create((void **)&c, admin, &fm_fleet_node_kind, NULL, n), 0);
    const char *p = "{\"spec\":{\"tailscaleAddr\":\"100.64.1.1\"}}";
    CHECK_INT(fm_kube_patch(NULL, admin, &fm_fleet_node_kind, NULL, name, KUBE_PATCH_MERGE, p, strlen(p), NULL), 0);
    CHECK_INT(fm_kube_delete(admin, &fm_fleet_node_kind, NULL, name, NULL), 0);
    pthread_join(th, NULL);
    CHECK_INT(w.rc, 1); /* our callback stopped it at DELETED */
    CHECK_STR(w.log.events, "ADDED,MODIFIED,DELETED");
    fm_fleet_node_free(n);
    fm_fleet_node_free(c);
    fm_fleet_node_list_free(l);
}

/* Creates and deletes a FleetNode after a second (runs beside a watch). */
static void *write_later(void *arg)
{
    const char *name = arg;
    sleep(1);
    fm_fleet_node *n = fleet_node(name, NULL);
    fm_kube_create(NULL, admin, &fm_fleet_node_kind, NULL, n);
    fm_kube_delete(admin, &fm_fleet_node_kind, NULL, name, NULL);
    fm_fleet_node_free(n);
    return NULL;
}

/*
 * The API server sends a bookmark 2 s before a watch's deadline, but only
 * when its watch cache moved on while the watch was open, so a write that
 * the selector filters out happens during the watch.
 */
TEST(watch_bookmarks_and_normal_end)
{
    char name[128];
    pthread_t th;
    snprintf(name, sizeof(name), "%s-bm", prefix);
    fm_fleet_node_list *l = NULL;
    CHECK_INT(fm_kube_list((void **)&l, admin, &fm_fleet_node_kind, NULL, NULL), 0);
    CHECK_FATAL(l);

    watch_log log;
    memset(&log, 0, sizeof(log));
    log.name = name;
    fm_kube_watch_opts o = {l->metadata.resource_version, "itc-no-such-label=x", NULL, 5, true, NULL, 0, NULL, NULL};
    pthread_create(&th, NULL, write_later, name);
    double t0 = now_s();
    int rc = fm_kube_watch(admin, &fm_fleet_node_kind, NULL, &o, record, &log);
    double el = now_s() - t0;
    pthread_join(th, NULL);
    CHECK_INT(rc, 0); /* the server ended the stream at timeoutSeconds */
    CHECK(el >= 3 && el < 20);
    CHECK(log.bookmarks >= 1);
    CHECK_STR(log.events, ""); /* the selector filtered the object out */
    CHECK(log.last_rv[0] && strcmp(log.last_rv, l->metadata.resource_version) != 0);
    fprintf(stderr, "  watch of %.1f s: %d bookmark(s), from rv %s to %s\n", el, log.bookmarks,
            l->metadata.resource_version, log.last_rv);
    fm_fleet_node_list_free(l);
}

TEST(watch_after_compaction_is_gone)
{
    char name[128];
    snprintf(name, sizeof(name), "%s-compact", prefix);
    fm_fleet_node_list *l = NULL;
    CHECK_INT(fm_kube_list((void **)&l, admin, &fm_fleet_node_kind, NULL, NULL), 0);
    CHECK_FATAL(l && l->metadata.resource_version);
    char *old_rv = fm_strdup(l->metadata.resource_version);
    fm_fleet_node_list_free(l);

    /* move the revision on, then compact etcd past the old version */
    fm_fleet_node *n = fleet_node(name, NULL);
    CHECK_INT(fm_kube_create(NULL, admin, &fm_fleet_node_kind, NULL, n), 0);
    for (int i = 0; i < 5; i++) {
        char p[128];
        snprintf(p, sizeof(p), "{\"spec\":{\"tailscaleAddr\":\"100.64.2.%d\"}}", i);
        CHECK_INT(fm_kube_patch(NULL, admin, &fm_fleet_node_kind, NULL, name, KUBE_PATCH_MERGE, p, strlen(p), NULL), 0);
    }
    const char *rev = sh("%s compact %s 2>&1", testenv, testenv_dir);
    CHECK(rev[0] >= '0' && rev[0] <= '9');

    /* a watch from before the watch cache's window: FM_EGONE. The watch
     * cache can still serve versions newer than its start, so "1" is the
     * version that is surely too old, compaction or not; with the cache the
     * server answers an ERROR event, without it an HTTP 410. */
    watch_log log;
    memset(&log, 0, sizeof(log));
    log.name = name;
    fm_kube_watch_opts o = {"1", NULL, NULL, 10, true, NULL, 0, NULL, NULL};
    int rc = fm_kube_watch(admin, &fm_fleet_node_kind, NULL, &o, record, &log);
    CHECK_INT(rc, FM_EGONE);
    CHECK_INT(fm_error_last()->code, FM_EGONE);
    fprintf(stderr, "  compacted at %s; watch from 1: %s\n", rev, fm_error_last()->message);

    /* and from the compacted old version: the API server's watch cache may
     * still replay it (its window, not etcd's, decides), else FM_EGONE;
     * never another error */
    memset(&log, 0, sizeof(log));
    log.name = name;
    o.resource_version = old_rv;
    o.timeout_seconds = 2;
    rc = fm_kube_watch(admin, &fm_fleet_node_kind, NULL, &o, record, &log);
    CHECK(rc == 0 || rc == FM_EGONE);
    fprintf(stderr, "  watch from compacted rv %s: rc %d (%s)\n", old_rv, rc, rc ? fm_error_last()->message : "replayed");

    CHECK_INT(fm_kube_delete(admin, &fm_fleet_node_kind, NULL, name, NULL), 0);
    fm_fleet_node_free(n);
    free(old_rv);
}

typedef struct bump {
    const char *name;
    int attempts;
    fm_kube_client *other;
} bump;

/* Read-modify-write with a competing writer on the first attempt. */
static int bump_priority(void *ud)
{
    bump *b = ud;
    fm_agentic_task *t = NULL;
    int rc = fm_kube_get((void **)&t, admin, &fm_agentic_task_kind, NULL, b->name);
    if (rc < 0) return rc;
    if (b->attempts++ == 0) {
        const char *p = "{\"spec\":{\"priority\":100}}";
        fm_kube_patch(NULL, b->other, &fm_agentic_task_kind, NULL, b->name, KUBE_PATCH_MERGE, p, strlen(p), NULL);
    }
    t->spec.priority += 1;
    rc = fm_kube_update(NULL, admin, &fm_agentic_task_kind, t, false);
    fm_agentic_task_free(t);
    return rc;
}

TEST(retry_on_conflict)
{
    char name[128];
    snprintf(name, sizeof(name), "%s-retry", prefix);
    fm_agentic_task *t = agentic_task(name);
    CHECK_INT(fm_kube_create(NULL, admin, &fm_agentic_task_kind, NULL, t), 0);
    bump b = {name, 0, admin};
    CHECK_INT(fm_kube_retry_on_conflict(bump_priority, &b), 0);
    CHECK_INT(b.attempts, 2);
    fm_agentic_task *got = NULL;
    CHECK_INT(fm_kube_get((void **)&got, admin, &fm_agentic_task_kind, NULL, name), 0);
    CHECK(got && got->spec.priority == 101);
    fm_agentic_task_free(got);
    fm_agentic_task_free(t);
    fm_kube_delete(admin, &fm_agentic_task_kind, NULL, name, NULL);
}

/* ------------------------------------------------------------ auth */

/* Lists FleetNodes with a client made from kubeconfig; returns the code. */
static int list_with(const char *kubeconfig, fm_kube_client **keep)
{
    fm_kube_client *c = client_for(kubeconfig);
    if (!c) return fm_error_last()->code;
    void *l = NULL;
    int rc = fm_kube_list(&l, c, &fm_fleet_node_kind, NULL, NULL);
    fm_kube_object_free(fm_fleet_node_kind.list, l);
    if (keep) *keep = c;
    else fm_kube_client_free(c);
    return rc;
}

TEST(auth_client_cert)
{
    CHECK_INT(list_with(getenv("KUBECONFIG"), NULL), 0);
}

TEST(auth_token_and_token_file)
{
    char kc[512], ca[400], user[600];
    snprintf(ca, sizeof(ca), "certificate-authority: %s/pki/ca.crt", testenv_dir);
    snprintf(kc, sizeof(kc), "%s/token.kubeconfig", tmpdir);
    snprintf(user, sizeof(user), "    token: %s\n", admin_token);
    write_kubeconfig(kc, ca, user);
    CHECK_INT(list_with(kc, NULL), 0);

    snprintf(kc, sizeof(kc), "%s/tokenfile.kubeconfig", tmpdir);
    snprintf(user, sizeof(user), "    tokenFile: %s/pki/admin.token\n", testenv_dir);
    write_kubeconfig(kc, ca, user);
    CHECK_INT(list_with(kc, NULL), 0);

    /* a token config hitting an error never shows the token */
    snprintf(kc, sizeof(kc), "%s/token.kubeconfig", tmpdir);
    fm_kube_client *c = client_for(kc);
    CHECK_FATAL(c);
    void *obj = NULL;
    CHECK_INT(fm_kube_get(&obj, c, &fm_fleet_node_kind, NULL, "no-such-node-xyz"), FM_ENOTFOUND);
    CHECK(strstr(fm_error_last()->message, admin_token) == NULL);
    CHECK(strstr(fm_error_last()->message, "Bearer") == NULL);
    fm_kube_client_free(c);
}

TEST(auth_wrong_token_unauthorized)
{
    char kc[512], ca[400];
    const char *bad = "wrong-token-0123456789abcdef";
    snprintf(ca, sizeof(ca), "certificate-authority: %s/pki/ca.crt", testenv_dir);
    snprintf(kc, sizeof(kc), "%s/wrong.kubeconfig", tmpdir);
    write_kubeconfig(kc, ca, "    token: wrong-token-0123456789abcdef\n");
    CHECK_INT(list_with(kc, NULL), FM_EUNAUTHORIZED);
    CHECK_CONTAINS(fm_error_last()->message, "401 Unauthorized");
    CHECK(strstr(fm_error_last()->message, bad) == NULL);
    fprintf(stderr, "  wrong token: %s\n", fm_error_last()->message);
}

TEST(auth_restricted_user_forbidden)
{
    char user[128];
    snprintf(user, sizeof(user), "%s-nobody", prefix);
    const char *kc = sh("%s mint-cert %s %s 2>&1", testenv, testenv_dir, user);
    CHECK_FATAL(kc[0] == '/');
    char path[1024];
    snprintf(path, sizeof(path), "%s", kc);
    CHECK_INT(list_with(path, NULL), FM_EFORBIDDEN);
    CHECK_CONTAINS(fm_error_last()->message, "403 Forbidden");
    CHECK_CONTAINS(fm_error_last()->message, user);
    fprintf(stderr, "  restricted: %s\n", fm_error_last()->message);
}

TEST(auth_wrong_ca_tls_error)
{
    char kc[512], ca[400], user[600];
    const char *out = sh("openssl req -x509 -newkey rsa:2048 -nodes -keyout %s/other-ca.key -days 1 "
                         "-subj /CN=not-the-testenv-ca -out %s/other-ca.crt >/dev/null 2>&1; echo $?",
                         tmpdir, tmpdir);
    CHECK_STR(out, "0");
    snprintf(ca, sizeof(ca), "certificate-authority: %s/other-ca.crt", tmpdir);
    snprintf(kc, sizeof(kc), "%s/wrongca.kubeconfig", tmpdir);
    snprintf(user, sizeof(user), "    token: %s\n", admin_token);
    write_kubeconfig(kc, ca, user);
    CHECK_INT(list_with(kc, NULL), FM_ETRANSPORT);
    CHECK_CONTAINS(fm_error_last()->message, "TLS verification of 127.0.0.1");
    CHECK_CONTAINS(fm_error_last()->message, "certificate");
    CHECK(strstr(fm_error_last()->message, admin_token) == NULL);
    fprintf(stderr, "  wrong CA: %s\n", fm_error_last()->message);

    /* insecure-skip-tls-verify works and leaves a warning */
    snprintf(kc, sizeof(kc), "%s/insecure.kubeconfig", tmpdir);
    write_kubeconfig(kc, "insecure-skip-tls-verify: true", user);
    fm_kube_client *c = NULL;
    CHECK_INT(list_with(kc, &c), 0);
    CHECK(c && fm_kube_client_warning(c) && strstr(fm_kube_client_warning(c), "insecure-skip-tls-verify"));
    fm_kube_client_free(c);

    /* tls-server-name: the server certificate names localhost too */
    snprintf(kc, sizeof(kc), "%s/sni.kubeconfig", tmpdir);
    snprintf(ca, sizeof(ca), "certificate-authority: %s/pki/ca.crt\n    tls-server-name: localhost", testenv_dir);
    write_kubeconfig(kc, ca, user);
    CHECK_INT(list_with(kc, NULL), 0);
    snprintf(ca, sizeof(ca), "certificate-authority: %s/pki/ca.crt\n    tls-server-name: wrong.example", testenv_dir);
    write_kubeconfig(kc, ca, user);
    CHECK_INT(list_with(kc, NULL), FM_ETRANSPORT);
    CHECK_CONTAINS(fm_error_last()->message, "TLS verification");
}

static int read_count(const char *p)
{
    FILE *f = fopen(p, "r");
    int n = 0;
    if (f) {
        if (fscanf(f, "%d", &n) != 1) n = -1;
        fclose(f);
    }
    return n;
}

TEST(auth_exec_plugin_with_expiry)
{
    char kc[512], ca[400], user[2048], count[512];
    snprintf(ca, sizeof(ca), "certificate-authority: %s/pki/ca.crt", testenv_dir);
    snprintf(count, sizeof(count), "%s/exec.count", tmpdir);
    unlink(count);
    snprintf(user, sizeof(user),
             "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
             "      command: %s/tests/integration/client/exec-plugin.sh\n      interactiveMode: Never\n"
             "      provideClusterInfo: true\n"
             "      env:\n      - name: PLUGIN_TOKEN_FILE\n        value: %s/pki/admin.token\n"
             "      - name: PLUGIN_COUNT_FILE\n        value: %s\n"
             "      - name: PLUGIN_EXPIRY_SECONDS\n        value: \"3\"\n",
             srcdir, testenv_dir, count);
    snprintf(kc, sizeof(kc), "%s/exec.kubeconfig", tmpdir);
    write_kubeconfig(kc, ca, user);
    fm_kube_client *c = client_for(kc);
    CHECK_FATAL(c);
    void *l = NULL;
    CHECK_INT(fm_kube_list(&l, c, &fm_fleet_node_kind, NULL, NULL), 0);
    fm_kube_object_free(fm_fleet_node_kind.list, l);
    l = NULL;
    CHECK_INT(read_count(count), 1);
    /* within the expiry: the cached credential */
    CHECK_INT(fm_kube_list(&l, c, &fm_fleet_node_kind, NULL, NULL), 0);
    fm_kube_object_free(fm_fleet_node_kind.list, l);
    l = NULL;
    CHECK_INT(read_count(count), 1);
    /* after it: the plugin runs again */
    sleep(4);
    CHECK_INT(fm_kube_list(&l, c, &fm_fleet_node_kind, NULL, NULL), 0);
    fm_kube_object_free(fm_fleet_node_kind.list, l);
    CHECK_INT(read_count(count), 2);
    fm_kube_client_free(c);

    /* a plugin that hands out a revoked token: 401, one re-run, then the error */
    char badtok[512];
    snprintf(badtok, sizeof(badtok), "%s/bad.token", tmpdir);
    write_file(badtok, "revoked-token-abc\n");
    unlink(count);
    snprintf(user, sizeof(user),
             "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
             "      command: %s/tests/integration/client/exec-plugin.sh\n"
             "      env:\n      - name: PLUGIN_TOKEN_FILE\n        value: %s\n"
             "      - name: PLUGIN_COUNT_FILE\n        value: %s\n"
             "      - name: PLUGIN_API_VERSION\n        value: client.authentication.k8s.io/v1beta1\n",
             srcdir, badtok, count);
    write_kubeconfig(kc, ca, user);
    CHECK_INT(list_with(kc, NULL), FM_EUNAUTHORIZED);
    CHECK_INT(read_count(count), 2);
    CHECK(strstr(fm_error_last()->message, "revoked-token") == NULL);
}

/* An exec plugin may hand out a client certificate instead of a token. */
TEST(auth_exec_plugin_client_cert)
{
    char kc[512], ca[400], user[2048], count[512];
    snprintf(ca, sizeof(ca), "certificate-authority: %s/pki/ca.crt", testenv_dir);
    snprintf(count, sizeof(count), "%s/exec-cert.count", tmpdir);
    snprintf(user, sizeof(user),
             "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
             "      command: %s/tests/integration/client/exec-plugin.sh\n      interactiveMode: Never\n"
             "      env:\n      - name: PLUGIN_CERT_FILE\n        value: %s/pki/admin.crt\n"
             "      - name: PLUGIN_KEY_FILE\n        value: %s/pki/admin.key\n"
             "      - name: PLUGIN_COUNT_FILE\n        value: %s\n",
             srcdir, testenv_dir, testenv_dir, count);
    snprintf(kc, sizeof(kc), "%s/exec-cert.kubeconfig", tmpdir);
    write_kubeconfig(kc, ca, user);
    CHECK_INT(list_with(kc, NULL), 0);
    CHECK_INT(read_count(count), 1);
}

TEST(auth_incluster)
{
    char dir[512], path[600];
    snprintf(dir, sizeof(dir), "%s/serviceaccount", tmpdir);
    mkdir(dir, 0700);
    snprintf(path, sizeof(path), "%s/token", dir);
    write_file(path, "%s\n", admin_token);
    snprintf(path, sizeof(path), "%s/namespace", dir);
    write_file(path, "kube-public\n");
    sh("cp %s/pki/ca.crt %s/ca.crt", testenv_dir, dir);
    const char *port = strrchr(server, ':') + 1;

    char *saved = fm_strdup(getenv("KUBECONFIG"));
    unsetenv("KUBECONFIG");
    setenv("KUBERNETES_SERVICE_HOST", "127.0.0.1", 1);
    setenv("KUBERNETES_SERVICE_PORT", port, 1);
    setenv("FOREMAN_INCLUSTER_DIR", dir, 1);
    fm_kube_client *c = NULL;
    CHECK_INT(fm_kube_client_new_default(&c, NULL, NULL, NULL), 0);
    setenv("KUBECONFIG", saved, 1);
    unsetenv("KUBERNETES_SERVICE_HOST");
    unsetenv("KUBERNETES_SERVICE_PORT");
    unsetenv("FOREMAN_INCLUSTER_DIR");
    free(saved);
    CHECK_FATAL(c);
    CHECK_STR(fm_kube_client_namespace(c), "kube-public");
    void *l = NULL;
    CHECK_INT(fm_kube_list(&l, c, &fm_agentic_task_kind, NULL, NULL), 0); /* lists in kube-public */
    fm_kube_object_free(fm_agentic_task_kind.list, l);
    fm_kube_client_free(c);
}

/* ------------------------------------------------------------ main */

int main(void)
{
    const char *kc = getenv("KUBECONFIG");
    testenv_dir = getenv("TESTENV_DIR");
    testenv = getenv("TESTENV");
    srcdir = getenv("FOREMAN_SOURCE_DIR");
    if (!kc || !testenv_dir) {
        fprintf(stderr, "KUBECONFIG and TESTENV_DIR must be set (run through ctest)\n");
        return 1;
    }
    if (!testenv) testenv = "tests/testenv/testenv";
    if (!srcdir) srcdir = ".";
    snprintf(prefix, sizeof(prefix), "itc-%d", (int)getpid());
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/client-it-XXXXXX");
    if (!mkdtemp(tmpdir)) return 1;

    fm_kube_config *cfg = NULL;
    fm_kube_config_opts co = {kc, NULL, NULL};
    if (fm_kube_config_load(&cfg, &co) < 0) {
        fprintf(stderr, "%s\n", fm_error_last()->message);
        return 1;
    }
    snprintf(server, sizeof(server), "%s", cfg->server);
    fm_kube_config_free(cfg);
    char tokpath[600];
    snprintf(tokpath, sizeof(tokpath), "%s/pki/admin.token", testenv_dir);
    FILE *f = fopen(tokpath, "r");
    if (!f || !fgets(admin_token, sizeof(admin_token), f)) {
        fprintf(stderr, "cannot read %s\n", tokpath);
        return 1;
    }
    fclose(f);
    admin_token[strcspn(admin_token, "\n")] = 0;

    admin = client_for(kc);
    if (!admin) return 1;

    RUN(auth_client_cert);
    RUN(fleetnode_every_verb);
    RUN(agentictask_every_verb);
    RUN(server_side_apply);
    RUN(pagination_and_selectors);
    RUN(watch_sees_events_in_order);
    RUN(watch_bookmarks_and_normal_end);
    RUN(watch_after_compaction_is_gone);
    RUN(retry_on_conflict);
    RUN(auth_token_and_token_file);
    RUN(auth_wrong_token_unauthorized);
    RUN(auth_restricted_user_forbidden);
    RUN(auth_wrong_ca_tls_error);
    RUN(auth_exec_plugin_with_expiry);
    RUN(auth_exec_plugin_client_cert);
    RUN(auth_incluster);

    fm_kube_client_stats st;
    fm_kube_client_get_stats(admin, &st);
    fprintf(stderr, "admin client: %llu requests, %llu connections, %llu over HTTP/2, %llu retries, %llu curl handles\n",
            (unsigned long long)st.requests, (unsigned long long)st.connections, (unsigned long long)st.http2,
            (unsigned long long)st.retries, (unsigned long long)st.handles_created);
    CHECK(st.http2 > 0);                      /* the API server speaks h2 over TLS */
    CHECK(st.connections * 4 < st.requests);  /* connections are reused */
    fm_kube_client_free(admin);
    sh("rm -rf %s", tmpdir);
    return test_summary();
}
