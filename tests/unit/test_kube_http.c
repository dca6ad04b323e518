/*
 * test_kube_http.c - the Kubernetes client against a scripted in-process
 * HTTP server (libmicrohttpd): typed verbs and paths, Status errors and
 * non-Status bodies, 429/503 retries with Retry-After, connection reuse,
 * the rate limiter, watch streaming with events split across chunks,
 * ERROR 410 -> FM_EGONE, cancellation, exec-plugin and token-file refresh
 * on 401, transport errors, and that no credential reaches an error message.
 *
 * No control plane is needed; tests/integration/test_client.c does the same
 * against a real kube-apiserver.
 */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <microhttpd.h>

#include "error.h"
#include "k8s_core.h"
#include "kube.h"
#include "kube_internal.h"
#include "signals.h"
#include "test.h"

#define TOKEN "sekrit-bearer-token-7f3a"

/* ------------------------------------------------------------ the server */

static struct {
    struct MHD_Daemon *d;
    int port;
    atomic_int connections;
    atomic_int requests;
    atomic_int throttled_hits;
    atomic_int auth_hits;
    atomic_int watch_mode;    /* 0 events, 1 ERROR 410, 2 silent, 3 HTTP 410 */
    atomic_int stop;
    char valid_token[128];
    pthread_mutex_t mu;
    char last_auth[256];
    char last_ua[256];
    char last_field_manager[128];
    char last_method[16];
    char last_body[4096];
    char last_query[512];
} srv;

typedef struct req_ctx {
    fm_buf body;
} req_ctx;

static const char *events_stream =
    "{\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"11\"}}}\n"
    "{\"type\":\"MODIFIED\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"12\"},\"data\":{\"k\":\"v\"}}}\n"
    "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"13\"}}}\n"
    "{\"type\":\"DELETED\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"14\"}}}\n";

static const char *gone_stream =
    "{\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"b\",\"resourceVersion\":\"5\"}}}\n"
    "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
    "\"message\":\"too old resource version: 5 (100)\",\"reason\":\"Expired\",\"code\":410}}\n";

typedef struct stream_state {
    const char *data;
    size_t len;
    bool silent;
} stream_state;

/* Sends the stream 7 bytes at a time so events cross chunk boundaries. */
static ssize_t stream_reader(void *cls, uint64_t pos, char *buf, size_t max)
{
    stream_state *s = cls;
    if (s->silent) {
        while (!atomic_load(&srv.stop)) usleep(20000);
        return MHD_CONTENT_READER_END_OF_STREAM;
    }
    if (pos >= s->len) return MHD_CONTENT_READER_END_OF_STREAM;
    size_t n = s->len - (size_t)pos;
    if (n > 7) n = 7;
    if (n > max) n = max;
    memcpy(buf, s->data + pos, n);
    return (ssize_t)n;
}

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned code, const char *ctype, const char *body,
                             const char *retry_after)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(body), (void *)body, MHD_RESPMEM_MUST_COPY);
    MHD_add_response_header(r, "Content-Type", ctype);
    if (retry_after) MHD_add_response_header(r, "Retry-After", retry_after);
    enum MHD_Result ret = MHD_queue_response(conn, code, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result status_reply(struct MHD_Connection *conn, unsigned code, const char *reason, const char *msg)
{
    char body[1024];
    snprintf(body, sizeof(body),
             "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"%s\","
             "\"reason\":\"%s\",\"details\":{\"name\":\"x\",\"kind\":\"configmaps\"},\"code\":%u}",
             msg, reason, code);
    return reply(conn, code, "application/json", body, NULL);
}

static const char *cm_json =
    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm1\",\"namespace\":\"default\","
    "\"resourceVersion\":\"7\",\"labels\":{\"app\":\"x\"}},\"data\":{\"k\":\"v\"}}";

#define PREFIX "/api/v1/namespaces/default/configmaps"

static enum MHD_Result handler(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                               const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    req_ctx *rc = *con_cls;
    (void)cls;
    (void)version;
    if (!rc) {
        rc = calloc(1, sizeof(*rc));
        *con_cls = rc;
        return MHD_YES;
    }
    if (*upload_size) {
        fm_buf_put(&rc->body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    atomic_fetch_add(&srv.requests, 1);
    const char *auth = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Authorization");
    const char *ua = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "User-Agent");
    const char *fmgr = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "fieldManager");
    pthread_mutex_lock(&srv.mu);
    snprintf(srv.last_auth, sizeof(srv.last_auth), "%s", auth ? auth : "");
    snprintf(srv.last_ua, sizeof(srv.last_ua), "%s", ua ? ua : "");
    snprintf(srv.last_field_manager, sizeof(srv.last_field_manager), "%s", fmgr ? fmgr : "");
    snprintf(srv.last_method, sizeof(srv.last_method), "%s", method);
    snprintf(srv.last_body, sizeof(srv.last_body), "%s", rc->body.data ? rc->body.data : "");
    const char *ls = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "labelSelector");
    const char *lim = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "limit");
    snprintf(srv.last_query, sizeof(srv.last_query), "labelSelector=%s limit=%s", ls ? ls : "", lim ? lim : "");
    pthread_mutex_unlock(&srv.mu);

    if (strcmp(url, PREFIX) == 0 && strcmp(method, "GET") == 0) {
        const char *w = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "watch");
        const char *cont = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "continue");
        if (!w && cont && strcmp(cont, "tok2") == 0)
            return reply(conn, 200, "application/json",
                         "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"99\"},"
                         "\"items\":[{\"metadata\":{\"name\":\"c\"}}]}",
                         NULL);
        if (!w) {
            return reply(conn, 200, "application/json",
                         "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"99\","
                         "\"continue\":\"tok2\"},\"items\":[{\"metadata\":{\"name\":\"a\"}},{\"metadata\":{\"name\":\"b\"}}]}",
                         NULL);
        }
        int mode = atomic_load(&srv.watch_mode);
        if (mode == 3) return status_reply(conn, 410, "Expired", "too old resource version: 1 (50)");
        static stream_state normal, gone, silent;
        normal = (stream_state){events_stream, strlen(events_stream), false};
        gone = (stream_state){gone_stream, strlen(gone_stream), false};
        silent = (stream_state){"", 0, true};
        stream_state *s = mode == 1 ? &gone : mode == 2 ? &silent : &normal;
        struct MHD_Response *r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 64, stream_reader, s, NULL);
        MHD_add_response_header(r, "Content-Type", "application/json");
        enum MHD_Result ret = MHD_queue_response(conn, 200, r);
        MHD_destroy_response(r);
        return ret;
    }
    if (strcmp(url, PREFIX) == 0 && strcmp(method, "POST") == 0) {
        if (rc->body.data && strstr(rc->body.data, "\"name\":\"exists\""))
            return status_reply(conn, 409, "AlreadyExists", "configmaps \\\"exists\\\" already exists");
        return reply(conn, 201, "application/json", rc->body.data ? rc->body.data : "{}", NULL);
    }
    if (strcmp(url, PREFIX "/cm1") == 0) {
        if (strcmp(method, "DELETE") == 0)
            return reply(conn, 200, "application/json", "{\"kind\":\"Status\",\"status\":\"Success\"}", NULL);
        if (strcmp(method, "PATCH") == 0 || strcmp(method, "PUT") == 0)
            return reply(conn, 200, "application/json", cm_json, NULL);
        return reply(conn, 200, "application/json", cm_json, NULL);
    }
    if (strcmp(url, PREFIX "/missing") == 0)
        return status_reply(conn, 404, "NotFound", "configmaps \\\"missing\\\" not found");
    if (strcmp(url, PREFIX "/conflict") == 0)
        return status_reply(conn, 409, "Conflict",
                            "Operation cannot be fulfilled on configmaps \\\"conflict\\\": the object has been modified");
    if (strcmp(url, PREFIX "/invalid") == 0) {
        return reply(conn, 422, "application/json",
                     "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"ConfigMap is invalid\","
                     "\"reason\":\"Invalid\",\"details\":{\"causes\":[{\"reason\":\"FieldValueInvalid\",\"message\":"
                     "\"Invalid value: must be no more than 63 characters\",\"field\":\"metadata.labels\"}]},\"code\":422}",
                     NULL);
    }
    if (strcmp(url, PREFIX "/throttled") == 0) {
        int n = atomic_fetch_add(&srv.throttled_hits, 1);
        if (n == 0) return status_reply(conn, 429, "TooManyRequests", "slow down");
        if (n == 1) return reply(conn, 429, "application/json", "{\"kind\":\"Status\",\"code\":429}", "1");
        return reply(conn, 200, "application/json", cm_json, NULL);
    }
    if (strcmp(url, PREFIX "/slow") == 0) {
        usleep(1500 * 1000);
        return reply(conn, 200, "application/json", cm_json, NULL);
    }
    if (strncmp(url, PREFIX "/st-", strlen(PREFIX "/st-")) == 0) {
        /* scripted: /st-<code>-<reason> answers that Status; Retry-After: 0
         * makes the client's 429/503 retries quick */
        unsigned code = 0;
        char reason[64] = "";
        if (sscanf(url + strlen(PREFIX "/st-"), "%u-%63s", &code, reason) != 2) code = 400;
        char body[512];
        snprintf(body, sizeof(body),
                 "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"scripted %u\","
                 "\"reason\":\"%s\",\"code\":%u}",
                 code, reason, code);
        return reply(conn, code, "application/json", body, "0");
    }
    if (strcmp(url, PREFIX "/busy") == 0) return reply(conn, 503, "text/plain", "try later", "0");
    if (strcmp(url, PREFIX "/html") == 0)
        return reply(conn, 502, "text/html",
                     "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n"
                     "<hr><center>nginx</center>\n</body>\n</html>\n",
                     NULL);
    if (strcmp(url, PREFIX "/truncated") == 0) return reply(conn, 500, "application/json", "{\"kind\":\"Status\",\"mess", NULL);
    if (strcmp(url, PREFIX "/auth") == 0) {
        atomic_fetch_add(&srv.auth_hits, 1);
        char want[200];
        pthread_mutex_lock(&srv.mu);
        snprintf(want, sizeof(want), "Bearer %s", srv.valid_token);
        pthread_mutex_unlock(&srv.mu);
        if (!auth || strcmp(auth, want) != 0) return status_reply(conn, 401, "Unauthorized", "Unauthorized");
        return reply(conn, 200, "application/json", cm_json, NULL);
    }
    return status_reply(conn, 404, "NotFound", "the server could not find the requested resource");
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    req_ctx *rc = *con_cls;
    (void)cls;
    (void)conn;
    (void)toe;
    if (rc) {
        fm_buf_free(&rc->body);
        free(rc);
    }
    *con_cls = NULL;
}

static void notify_conn(void *cls, struct MHD_Connection *conn, void **socket_ctx, enum MHD_ConnectionNotificationCode code)
{
    (void)cls;
    (void)conn;
    (void)socket_ctx;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) atomic_fetch_add(&srv.connections, 1);
}

static int server_start(void)
{
    pthread_mutex_init(&srv.mu, NULL);
    srv.d = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD, 0,
                             NULL, NULL, handler, NULL, MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
                             MHD_OPTION_NOTIFY_CONNECTION, notify_conn, NULL, MHD_OPTION_CONNECTION_TIMEOUT,
                             (unsigned)30, MHD_OPTION_END);
    if (!srv.d) return -1;
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(srv.d, MHD_DAEMON_INFO_BIND_PORT);
    srv.port = info ? info->port : 0;
    return srv.port > 0 ? 0 : -1;
}

/* ------------------------------------------------------------ helpers */

static fm_kube_config *make_config(const char *server, const char *token)
{
    fm_kube_config *cfg = calloc(1, sizeof(*cfg));
    cfg->server = fm_strdup(server);
    cfg->namespace_ = fm_strdup("default");
    cfg->context = fm_strdup("test");
    if (token) cfg->token = fm_strdup(token);
    return cfg;
}

static fm_kube_client *make_client(const char *token, const fm_kube_client_opts *o)
{
    char url[64];
    snprintf(url, sizeof(url), "http://127.0.0.1:%d", srv.port);
    fm_kube_config *cfg = make_config(url, token);
    fm_kube_client *c = NULL;
    fm_kube_client_opts def = {"test", NULL, 2000, 5000, 0, 0};
    if (fm_kube_client_new(&c, cfg, o ? o : &def) < 0) c = NULL;
    fm_kube_config_free(cfg);
    return c;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool no_token(void)
{
    return strstr(fm_error_last()->message, TOKEN) == NULL && strstr(fm_error_last()->message, "Bearer") == NULL;
}

/* ------------------------------------------------------------ tests */

TEST(get_decodes_and_sends_identity)
{
    fm_kube_client *c = make_client(TOKEN, NULL);
    CHECK_FATAL(c);
    fm_k8s_config_map *cm = NULL;
    CHECK_INT(fm_kube_get((void **)&cm, c, &fm_k8s_config_map_kind, NULL, "cm1"), 0);
    CHECK_FATAL(cm);
    CHECK_STR(cm->metadata.name, "cm1");
    CHECK_STR(cm->metadata.resource_version, "7");
    CHECK_STR(fm_strmap_get(&cm->data, "k"), "v");
    fm_kube_object_free(fm_k8s_config_map_kind.object, cm);
    CHECK_STR(srv.last_auth, "Bearer " TOKEN);
    CHECK_CONTAINS(srv.last_ua, "foreman-test/" FOREMAN_VERSION " (linux/");
    CHECK_STR(fm_kube_client_user_agent(c), srv.last_ua);
    CHECK_STR(fm_kube_client_namespace(c), "default");
    fm_kube_client_free(c);
}

TEST(status_errors)
{
    fm_kube_client *c = make_client(TOKEN, NULL);
    void *obj = NULL;
    CHECK_FATAL(c);
    CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, "default", "missing"), FM_ENOTFOUND);
    CHECK(obj == NULL);
    CHECK_INT(fm_error_last()->code, FM_ENOTFOUND);
    CHECK_INT(fm_error_last()->http_status, 404);
    CHECK_STR(fm_error_last()->reason, "NotFound");
    CHECK_STR(fm_error_last()->message, "configmaps/default/missing: 404 NotFound: configmaps \"missing\" not found");
    CHECK(no_token());

    fm_k8s_config_map cm = {0};
    cm.metadata.name = "conflict";
    cm.metadata.resource_version = "1";
    fm_k8s_config_map_set_metadata_present(&cm, true);
    CHECK_INT(fm_kube_update(NULL, c, &fm_k8s_config_map_kind, &cm, false), FM_ECONFLICT);
    CHECK_CONTAINS(fm_error_last()->message, "configmaps/default/conflict: 409 Conflict: Operation cannot be fulfilled");
    CHECK_STR(srv.last_method, "PUT");
    CHECK_CONTAINS(srv.last_body, "\"resourceVersion\":\"1\"");

    cm.metadata.name = "exists";
    CHECK_INT(fm_kube_create(NULL, c, &fm_k8s_config_map_kind, NULL, &cm), FM_EEXISTS);
    CHECK_INT(fm_error_last()->http_status, 409);
    CHECK_STR(srv.last_field_manager, "foreman-test");

    CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "invalid"), FM_EINVALID);
    CHECK_CONTAINS(fm_error_last()->message,
                   "422 Invalid: ConfigMap is invalid; metadata.labels: Invalid value: must be no more than 63 characters");

    /* non-Status bodies */
    CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "html"), FM_EUNAVAILABLE);
    CHECK_INT(fm_error_last()->http_status, 502);
    CHECK_CONTAINS(fm_error_last()->message, "configmaps/default/html: 502 InternalError: 502 Bad Gateway");
    CHECK(strchr(fm_error_last()->message, '<') == NULL);
    CHECK(strchr(fm_error_last()->message, '\n') == NULL);
    CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "truncated"), FM_EUNAVAILABLE);
    CHECK_CONTAINS(fm_error_last()->message, "500 InternalError: {\"kind\":\"Status\",\"mess");
    CHECK(no_token());
    fm_kube_client_free(c);
}

static int count_conflicts(void *ud)
{
    (*(int *)ud)++;
    return fm_error_set_http(FM_ECONFLICT, 409, "Conflict", "x: 409 Conflict: the object has been modified");
}

static int count_exists(void *ud)
{
    (*(int *)ud)++;
    return fm_error_set_http(FM_EEXISTS, 409, "AlreadyExists", "x: 409 AlreadyExists: already exists");
}

/* Each status class comes back as the code of the call, with the status,
 * the reason and a message naming the object in the last error. */
TEST(status_classes)
{
    static const struct {
        unsigned status;
        const char *reason;
        int code;
    } cases[] = {
        {401, "Unauthorized", FM_EUNAUTHORIZED},
        {403, "Forbidden", FM_EFORBIDDEN},
        {404, "NotFound", FM_ENOTFOUND},
        {409, "Conflict", FM_ECONFLICT},
        {409, "AlreadyExists", FM_EEXISTS},
        {410, "Expired", FM_EGONE},
        {422, "Invalid", FM_EINVALID},
        {429, "TooManyRequests", FM_EUNAVAILABLE},
        {500, "InternalError", FM_EUNAVAILABLE},
        {503, "ServiceUnavailable", FM_EUNAVAILABLE},
        {500, "ServerTimeout", FM_ETIMEOUT},
        {504, "Timeout", FM_ETIMEOUT},
        {400, "BadRequest", FM_EHTTP},
        {413, "RequestEntityTooLarge", FM_EHTTP},
        {418, "TeapotOverflow", FM_EHTTP},
    };
    fm_kube_client *c = make_client(TOKEN, NULL);
    CHECK_FATAL(c);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char name[100], want[200];
        snprintf(name, sizeof(name), "st-%u-%s", cases[i].status, cases[i].reason);
        void *obj = NULL;
        fm_error_clear();
        int rc = fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, name);
        if (rc != cases[i].code) fprintf(stderr, "  %s: got %s\n", name, fm_error_name(rc));
        CHECK_INT(rc, cases[i].code);
        CHECK(obj == NULL);
        CHECK_INT(fm_error_last()->code, cases[i].code);
        CHECK_INT(fm_error_last()->http_status, (int)cases[i].status);
        CHECK_STR(fm_error_last()->reason, cases[i].reason);
        snprintf(want, sizeof(want), "configmaps/default/%s: %u %s: scripted %u", name, cases[i].status,
                 cases[i].reason, cases[i].status);
        CHECK_STR(fm_error_last()->message, want);
        CHECK(strcmp(fm_error_name(rc), "EUNKNOWN") != 0);
        CHECK_INT(fm_kube_status_code(cases[i].status, cases[i].reason), cases[i].code);
        /* other verbs classify alike */
        fm_kube_delete_opts dopts = {.grace_period_seconds = -1};
        CHECK_INT(fm_kube_delete(c, &fm_k8s_config_map_kind, NULL, name, &dopts), cases[i].code);
        CHECK_CONTAINS(fm_error_last()->message, "scripted");
    }
    /* the mapping without a Status reason */
    CHECK_INT(fm_kube_status_code(200, NULL), 0);
    CHECK_INT(fm_kube_status_code(204, NULL), 0);
    CHECK_INT(fm_kube_status_code(409, NULL), FM_ECONFLICT);
    CHECK_INT(fm_kube_status_code(502, NULL), FM_EUNAVAILABLE);
    CHECK_INT(fm_kube_status_code(504, NULL), FM_ETIMEOUT);
    CHECK_INT(fm_kube_status_code(405, NULL), FM_EHTTP);
    /* fm_kube_retry_on_conflict retries FM_ECONFLICT only */
    int n = 0;
    CHECK_INT(fm_kube_retry_on_conflict(count_conflicts, &n), FM_ECONFLICT);
    CHECK_INT(n, 5);
    n = 0;
    CHECK_INT(fm_kube_retry_on_conflict(count_exists, &n), FM_EEXISTS);
    CHECK_INT(n, 1);
    fm_kube_client_free(c);
}

TEST(retry_after_429_and_503)
{
    fm_kube_client *c = make_client(NULL, NULL);
    fm_kube_client_stats st0, st1;
    void *obj = NULL;
    CHECK_FATAL(c);
    fm_kube_client_get_stats(c, &st0);
    double t0 = now_s();
    CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "throttled"), 0);
    double el = now_s() - t0;
    fm_kube_object_free(fm_k8s_config_map_kind.object, obj);
    fm_kube_client_get_stats(c, &st1);
    CHECK_INT(atomic_load(&srv.throttled_hits), 3);
    CHECK_INT(st1.retries - st0.retries, 2);
    CHECK(el >= 1.9); /* 1 s default (no header) + Retry-After: 1 */
    CHECK(el < 5);

    /* 503 forever: 10 retries, then the error */
    t0 = now_s();
    CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "busy"), FM_EUNAVAILABLE);
    CHECK_INT(fm_error_last()->http_status, 503);
    CHECK_CONTAINS(fm_error_last()->message, "503 ServiceUnavailable: try later");
    fm_kube_client_get_stats(c, &st0);
    CHECK_INT(st0.retries - st1.retries, 10);
    CHECK(now_s() - t0 < 5);
    fm_kube_client_free(c);
}

TEST(connection_reuse_and_verbs)
{
    fm_kube_client *c = make_client(NULL, NULL);
    CHECK_FATAL(c);
    int conns0 = atomic_load(&srv.connections);
    for (int i = 0; i < 10; i++) {
        void *obj = NULL;
        CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "cm1"), 0);
        fm_kube_object_free(fm_k8s_config_map_kind.object, obj);
    }
    const char *patch = "{\"data\":{\"k\":\"w\"}}";
    fm_k8s_config_map *cm = NULL;
    CHECK_INT(fm_kube_patch((void **)&cm, c, &fm_k8s_config_map_kind, NULL, "cm1", KUBE_PATCH_MERGE, patch, strlen(patch), NULL), 0);
    CHECK(cm != NULL);
    fm_kube_object_free(fm_k8s_config_map_kind.object, cm);
    CHECK_STR(srv.last_method, "PATCH");
    CHECK_STR(srv.last_body, patch);
    fm_kube_patch_opts po = {NULL, "my-manager", true, false};
    CHECK_INT(fm_kube_patch(NULL, c, &fm_k8s_config_map_kind, NULL, "cm1", KUBE_PATCH_APPLY, patch, strlen(patch), &po), 0);
    CHECK_STR(srv.last_field_manager, "my-manager");
    fm_kube_delete_opts dopt = {"uid-1", "7", "Foreground", -1, false};
    CHECK_INT(fm_kube_delete(c, &fm_k8s_config_map_kind, NULL, "cm1", &dopt), 0);
    CHECK_STR(srv.last_method, "DELETE");
    CHECK_CONTAINS(srv.last_body, "\"preconditions\":{\"uid\":\"uid-1\",\"resourceVersion\":\"7\"}");
    CHECK_CONTAINS(srv.last_body, "\"propagationPolicy\":\"Foreground\"");

    fm_k8s_config_map_list *l = NULL;
    fm_kube_list_opts lo = {"app=x,tier!=db", NULL, 2, NULL, NULL, NULL, 0, NULL, NULL};
    CHECK_INT(fm_kube_list((void **)&l, c, &fm_k8s_config_map_kind, NULL, &lo), 0);
    CHECK_FATAL(l);
    CHECK_INT(l->items.len, 2);
    CHECK_STR(l->metadata.continue_, "tok2");
    CHECK_STR(l->metadata.resource_version, "99");
    CHECK_STR(srv.last_query, "labelSelector=app=x,tier!=db limit=2");
    fm_kube_object_free(fm_k8s_config_map_kind.list, l);

    /* all pages joined */
    l = NULL;
    CHECK_INT(fm_kube_list_all((void **)&l, c, &fm_k8s_config_map_kind, NULL, &lo), 0);
    CHECK_FATAL(l);
    CHECK_INT(l->items.len, 3);
    CHECK_STR(l->items.items[0].metadata.name, "a");
    CHECK_STR(l->items.items[2].metadata.name, "c");
    CHECK(l->metadata.continue_ == NULL);
    CHECK_STR(l->metadata.resource_version, "99");
    fm_kube_object_free(fm_k8s_config_map_kind.list, l);

    fm_kube_client_stats st;
    fm_kube_client_get_stats(c, &st);
    CHECK_INT(st.handles_created, 1);
    CHECK_INT(st.connections, 1);
    CHECK_INT(st.http2, 0); /* plain HTTP here */
    CHECK_INT(atomic_load(&srv.connections) - conns0, 1); /* 16 requests, one TCP connection */
    fm_kube_client_free(c);

    /* raw requests keep the body whatever the status */
    c = make_client(NULL, NULL);
    fm_kube_response r;
    CHECK_INT(fm_kube_request(&r, c, "GET", PREFIX "/missing", NULL, NULL, 0), FM_ENOTFOUND);
    CHECK_INT(r.status, 404);
    CHECK_CONTAINS(r.body.data, "\"reason\":\"NotFound\"");
    CHECK_CONTAINS(r.content_type, "application/json");
    fm_kube_response_free(&r);
    fm_kube_response_free(NULL);
    fm_kube_client_free(c);
    fm_kube_client_free(NULL);
}

TEST(rate_limiter)
{
    fm_kube_client_opts o = {"test", NULL, 2000, 5000, 20, 1};
    fm_kube_client *c = make_client(NULL, &o);
    CHECK_FATAL(c);
    double t0 = now_s();
    for (int i = 0; i < 11; i++) {
        void *obj = NULL;
        CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "cm1"), 0);
        fm_kube_object_free(fm_k8s_config_map_kind.object, obj);
    }
    double el = now_s() - t0;
    CHECK(el >= 0.45); /* 10 waits of 50 ms after the burst of 1 */
    fm_kube_client_free(c);
}

typedef struct events {
    char log[1024];
    int n;
    int stop_at;
} events;

static int on_ev(void *ud, fm_kube_watch_event_type t, void *obj, const char *raw, size_t raw_len)
{
    events *e = ud;
    fm_k8s_config_map *cm = obj;
    char one[128];
    snprintf(one, sizeof(one), "%s%s:%s", e->n ? "," : "", fm_kube_watch_event_name(t),
             cm && cm->metadata.resource_version ? cm->metadata.resource_version : "-");
    strncat(e->log, one, sizeof(e->log) - strlen(e->log) - 1);
    (void)raw;
    (void)raw_len;
    fm_kube_object_free(fm_k8s_config_map_kind.object, obj);
    e->n++;
    return e->stop_at && e->n == e->stop_at ? 77 : 0;
}

TEST(watch_stream)
{
    fm_kube_client *c = make_client(NULL, NULL);
    events e = {{0}, 0, 0};
    CHECK_FATAL(c);
    atomic_store(&srv.watch_mode, 0);
    fm_kube_watch_opts o = {"10", NULL, NULL, 60, true, NULL, 0, NULL, NULL};
    CHECK_INT(fm_kube_watch(c, &fm_k8s_config_map_kind, NULL, &o, on_ev, &e), 0);
    CHECK_STR(e.log, "ADDED:11,MODIFIED:12,BOOKMARK:13,DELETED:14");

    /* the callback stops the watch */
    events e2 = {{0}, 0, 2};
    CHECK_INT(fm_kube_watch(c, &fm_k8s_config_map_kind, NULL, &o, on_ev, &e2), 77);
    CHECK_STR(e2.log, "ADDED:11,MODIFIED:12");

    /* ERROR 410 event */
    events e3 = {{0}, 0, 0};
    atomic_store(&srv.watch_mode, 1);
    CHECK_INT(fm_kube_watch(c, &fm_k8s_config_map_kind, NULL, &o, on_ev, &e3), FM_EGONE);
    CHECK_INT(fm_error_last()->http_status, 410);
    CHECK_STR(e3.log, "ADDED:5,ERROR:-");
    CHECK_CONTAINS(fm_error_last()->message, "410 Gone: too old resource version");

    /* HTTP 410 on the request itself */
    atomic_store(&srv.watch_mode, 3);
    CHECK_INT(fm_kube_watch(c, &fm_k8s_config_map_kind, NULL, &o, on_ev, &e3), FM_EGONE);
    CHECK_INT(fm_error_last()->code, FM_EGONE);
    CHECK_CONTAINS(fm_error_last()->message, "410 Expired: too old resource version");
    atomic_store(&srv.watch_mode, 0);
    fm_kube_client_free(c);
}

typedef struct canceller {
    atomic_int *flag;
    int ms;
} canceller;

static void *cancel_later(void *arg)
{
    canceller *k = arg;
    usleep((useconds_t)k->ms * 1000);
    atomic_store(k->flag, 1);
    return NULL;
}

TEST(watch_cancel)
{
    fm_kube_client *c = make_client(NULL, NULL);
    atomic_int cancel = 0;
    events e = {{0}, 0, 0};
    pthread_t th;
    canceller k = {&cancel, 300};
    CHECK_FATAL(c);
    atomic_store(&srv.watch_mode, 2);
    atomic_store(&srv.stop, 0);
    fm_kube_watch_opts o = {NULL, NULL, NULL, 60, true, &cancel, 0, NULL, NULL};
    pthread_create(&th, NULL, cancel_later, &k);
    double t0 = now_s();
    CHECK_INT(fm_kube_watch(c, &fm_k8s_config_map_kind, NULL, &o, on_ev, &e), FM_ECANCELED);
    double el = now_s() - t0;
    pthread_join(th, NULL);
    CHECK(el >= 0.25 && el < 2.5);
    fprintf(stderr, "  cancel honoured after %.2f s\n", el);
    atomic_store(&srv.stop, 1);
    atomic_store(&srv.watch_mode, 0);
    fm_kube_client_free(c);
}

/* Writes an exec plugin script that counts its runs and hands out
 * "exec-tok-<run>". */
static void write_plugin(const char *path, const char *count_file, const char *api)
{
    FILE *f = fopen(path, "w");
    fprintf(f,
            "#!/bin/sh\n"
            "n=$(cat %s 2>/dev/null || echo 0); n=$((n+1)); echo $n > %s\n"
            "case \"$KUBERNETES_EXEC_INFO\" in *'\"interactive\":false'*) ;; *) echo bad info >&2; exit 3;; esac\n"
            "[ \"$PLUGIN_ENV\" = yes ] || { echo missing env >&2; exit 4; }\n"
            "printf '{\"apiVersion\":\"%s\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"exec-tok-%%s\"}}' $n\n",
            count_file, count_file, api);
    fclose(f);
    chmod(path, 0755);
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

TEST(exec_plugin_refresh_on_401)
{
    char dir[] = "/tmp/kube-http-test-XXXXXX";
    char script[128], count[128], url[64];
    CHECK_FATAL(mkdtemp(dir) != NULL);
    snprintf(script, sizeof(script), "%s/plugin.sh", dir);
    snprintf(count, sizeof(count), "%s/count", dir);
    write_plugin(script, count, "client.authentication.k8s.io/v1beta1");
    snprintf(url, sizeof(url), "http://127.0.0.1:%d", srv.port);

    fm_kube_config *cfg = make_config(url, NULL);
    cfg->exec = calloc(1, sizeof(*cfg->exec));
    cfg->exec->api_version = fm_strdup("client.authentication.k8s.io/v1beta1");
    cfg->exec->command = fm_strdup(script);
    cfg->exec->env = calloc(2, sizeof(char *));
    cfg->exec->env[0] = fm_strdup("PLUGIN_ENV=yes");
    cfg->exec->n_env = 1;
    fm_kube_client *c = NULL;
    CHECK_INT(fm_kube_client_new(&c, cfg, NULL), 0);
    CHECK_FATAL(c);

    /* the server accepts only the second credential: 401, re-run, retry */
    pthread_mutex_lock(&srv.mu);
    snprintf(srv.valid_token, sizeof(srv.valid_token), "exec-tok-2");
    pthread_mutex_unlock(&srv.mu);
    void *obj = NULL;
    CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "auth"), 0);
    fm_kube_object_free(fm_k8s_config_map_kind.object, obj);
    CHECK_INT(read_count(count), 2);
    /* cached: no expiry given, so no new run */
    CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "auth"), 0);
    fm_kube_object_free(fm_k8s_config_map_kind.object, obj);
    CHECK_INT(read_count(count), 2);
    fm_kube_client_stats st;
    fm_kube_client_get_stats(c, &st);
    CHECK_INT(st.exec_runs, 2);

    /* a credential that stays wrong: one retry only, then Unauthorized */
    pthread_mutex_lock(&srv.mu);
    snprintf(srv.valid_token, sizeof(srv.valid_token), "never");
    pthread_mutex_unlock(&srv.mu);
    CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "auth"), FM_EUNAUTHORIZED);
    CHECK_INT(read_count(count), 3);
    CHECK(strstr(fm_error_last()->message, "exec-tok") == NULL);
    fm_kube_client_free(c);

    /* a failing plugin: its exit status, never its stderr (a plugin may
     * print the credential it could not use) nor its output */
    free(cfg->exec->env[0]);
    cfg->exec->env[0] = fm_strdup("PLUGIN_ENV=no");
    CHECK_INT(fm_kube_client_new(&c, cfg, NULL), 0);
    CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "auth"), FM_EIO);
    CHECK_CONTAINS(fm_error_last()->message, "exited with status 4");
    CHECK(strstr(fm_error_last()->message, "missing env") == NULL);
    fm_kube_client_free(c);
    fm_kube_config_free(cfg);
    unlink(script);
    unlink(count);
    rmdir(dir);
}


/* True when pid exists and is not a zombie waiting for its reaper. */
static bool process_alive(int pid)
{
    char p[64], buf[256];
    snprintf(p, sizeof(p), "/proc/%d/stat", pid);
    FILE *f = fopen(p, "r");
    if (!f) return false;
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = 0;
    const char *rp = strrchr(buf, ')');
    return !(rp && rp[1] == ' ' && (rp[2] == 'Z' || rp[2] == 'X'));
}

static void *request_shutdown_later(void *arg)
{
    (void)arg;
    struct timespec ts = {1, 0};
    nanosleep(&ts, NULL);
    fm_signals_request_shutdown();
    return NULL;
}

/* Runs last: it requests the process's shutdown. A plugin that hangs (and
 * started a helper) does not hold a shutdown up: the request returns
 * FM_ECANCELED at once, and the plugin's whole process group is gone. */
TEST(exec_plugin_hang_ends_on_shutdown)
{
    char dir[] = "/tmp/kube-http-test-XXXXXX";
    char script[128], pidf[128], url[64];
    CHECK_FATAL(mkdtemp(dir) != NULL);
    snprintf(script, sizeof(script), "%s/hang.sh", dir);
    snprintf(pidf, sizeof(pidf), "%s/helper.pid", dir);
    FILE *f = fopen(script, "w");
    fprintf(f, "#!/bin/sh\nsleep 300 &\necho $! > %s\nwait\n", pidf);
    fclose(f);
    chmod(script, 0755);
    snprintf(url, sizeof(url), "http://127.0.0.1:%d", srv.port);
    fm_kube_config *cfg = make_config(url, NULL);
    cfg->exec = calloc(1, sizeof(*cfg->exec));
    cfg->exec->api_version = fm_strdup("client.authentication.k8s.io/v1beta1");
    cfg->exec->command = fm_strdup(script);
    fm_kube_client *c = NULL;
    CHECK_INT(fm_kube_client_new(&c, cfg, NULL), 0);
    CHECK_FATAL(c);
    CHECK_INT(fm_signals_setup(), 0);
    pthread_t t;
    pthread_create(&t, NULL, request_shutdown_later, NULL);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    void *obj = NULL;
    int rc = fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "auth");
    clock_gettime(CLOCK_MONOTONIC, &t1);
    pthread_join(t, NULL);
    double dt = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    CHECK(rc != 0);
    CHECK(dt < 3.0);
    int hp = read_count(pidf);
    CHECK(hp > 0);
    struct timespec ts = {0, 200000000L};
    nanosleep(&ts, NULL);
    CHECK(hp > 0 && !process_alive(hp)); /* the helper died with its plugin */
    fm_kube_client_free(c);
    fm_kube_config_free(cfg);
    unlink(script);
    unlink(pidf);
    rmdir(dir);
}

TEST(token_file_reread_on_401)
{
    char dir[] = "/tmp/kube-http-test-XXXXXX";
    char tokf[128], url[64];
    CHECK_FATAL(mkdtemp(dir) != NULL);
    snprintf(tokf, sizeof(tokf), "%s/token", dir);
    FILE *f = fopen(tokf, "w");
    fputs("old-token\n", f);
    fclose(f);
    snprintf(url, sizeof(url), "http://127.0.0.1:%d", srv.port);
    fm_kube_config *cfg = make_config(url, NULL);
    cfg->token_file = fm_strdup(tokf);
    fm_kube_client *c = NULL;
    CHECK_INT(fm_kube_client_new(&c, cfg, NULL), 0);
    pthread_mutex_lock(&srv.mu);
    snprintf(srv.valid_token, sizeof(srv.valid_token), "old-token");
    pthread_mutex_unlock(&srv.mu);
    void *obj = NULL;
    CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "auth"), 0);
    fm_kube_object_free(fm_k8s_config_map_kind.object, obj);
    /* rotate: the file and the server change together */
    f = fopen(tokf, "w");
    fputs("new-token\n", f);
    fclose(f);
    pthread_mutex_lock(&srv.mu);
    snprintf(srv.valid_token, sizeof(srv.valid_token), "new-token");
    pthread_mutex_unlock(&srv.mu);
    CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "auth"), 0);
    fm_kube_object_free(fm_k8s_config_map_kind.object, obj);
    CHECK_STR(srv.last_auth, "Bearer new-token");
    fm_kube_client_free(c);
    fm_kube_config_free(cfg);
    unlink(tokf);
    rmdir(dir);
}

TEST(transport_errors)
{
    /* nothing listens on port 1 */
    fm_kube_config *cfg = make_config("http://127.0.0.1:1", TOKEN);
    fm_kube_client *c = NULL;
    void *obj = NULL;
    CHECK_INT(fm_kube_client_new(&c, cfg, NULL), 0);
    fm_k8s_config_map cm = {0};
    cm.metadata.name = "x";
    fm_k8s_config_map_set_metadata_present(&cm, true);
    CHECK_INT(fm_kube_create(NULL, c, &fm_k8s_config_map_kind, NULL, &cm), FM_ETRANSPORT);
    CHECK_INT(fm_error_last()->code, FM_ETRANSPORT);
    CHECK_INT(fm_error_last()->http_status, 0);
    CHECK_CONTAINS(fm_error_last()->message, "configmaps/default/x: cannot connect to 127.0.0.1:1");
    CHECK(no_token());
    fm_kube_client_stats st;
    fm_kube_client_get_stats(c, &st);
    CHECK_INT(st.retries, 0); /* POST is never retried on connection failures */
    double t0 = now_s();
    CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "x"), FM_ETRANSPORT);
    fm_kube_client_get_stats(c, &st);
    CHECK_INT(st.retries, 5); /* GET is */
    CHECK(now_s() - t0 < 8);
    CHECK(no_token());
    fm_kube_client_free(c);
    fm_kube_config_free(cfg);

    /* request timeout (not retried: the server may be working on it) */
    fm_kube_client_opts fast = {"test", NULL, 2000, 300, 0, 0};
    c = make_client(TOKEN, &fast);
    CHECK_FATAL(c);
    t0 = now_s();
    CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "slow"), FM_ETRANSPORT);
    CHECK(now_s() - t0 < 1.2);
    CHECK_CONTAINS(fm_error_last()->message, "configmaps/default/slow: request to 127.0.0.1:");
    CHECK_CONTAINS(fm_error_last()->message, "timed out after");
    CHECK(no_token());
    fm_kube_client_free(c);

    /* DNS */
    cfg = make_config("https://no-such-host.invalid:6443", TOKEN);
    CHECK_INT(fm_kube_client_new(&c, cfg, NULL), 0);
    CHECK_INT(fm_kube_create(NULL, c, &fm_k8s_config_map_kind, NULL, &cm), FM_ETRANSPORT);
    CHECK_CONTAINS(fm_error_last()->message, "DNS lookup of no-such-host.invalid:6443 failed");
    CHECK(no_token());
    fm_kube_client_free(c);
    fm_kube_config_free(cfg);
}

TEST(paths)
{
    fm_buf b = FM_BUF_INIT;
    CHECK_INT(fm_kube_resource_path(&b, &fm_k8s_lease_kind, "kube-system", "foreman-operator.llmkube.dev", NULL), 0);
    CHECK_STR(b.data, "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/foreman-operator.llmkube.dev");
    fm_buf_reset(&b);
    CHECK_INT(fm_kube_resource_path(&b, &fm_k8s_config_map_kind, "a b", "x/y", "status"), 0);
    CHECK_STR(b.data, "/api/v1/namespaces/a%20b/configmaps/x%2Fy/status");
    fm_buf_reset(&b);
    CHECK_INT(fm_kube_resource_path(&b, &fm_k8s_config_map_kind, KUBE_ALL_NAMESPACES, NULL, NULL), 0);
    CHECK_STR(b.data, "/api/v1/configmaps");
    fm_buf_free(&b);
}

int main(void)
{
    if (server_start() < 0) {
        fprintf(stderr, "cannot start the test HTTP server\n");
        return 1;
    }
    RUN(paths);
    RUN(get_decodes_and_sends_identity);
    RUN(status_errors);
    RUN(status_classes);
    RUN(retry_after_429_and_503);
    RUN(connection_reuse_and_verbs);
    RUN(rate_limiter);
    RUN(watch_stream);
    RUN(watch_cancel);
    RUN(exec_plugin_refresh_on_401);
    RUN(token_file_reread_on_401);
    RUN(transport_errors);
    RUN(exec_plugin_hang_ends_on_shutdown);
    atomic_store(&srv.stop, 1);
    MHD_stop_daemon(srv.d);
    return test_summary();
}
