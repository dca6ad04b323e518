/*
 * test_badserver.c - the Kubernetes client against a server that misbehaves.
 *
 * A loopback HTTP/1.1 server inside the test (127.0.0.1, an ephemeral port,
 * a thread per connection, "Connection: close" on every answer) writes fixed
 * bytes chosen by a case name found in the request line. Every case has a
 * defined outcome: a clear one-line error of the right code, a retry that
 * succeeds, or a preserved unknown value; never a crash or a hang. The
 * client's request timeout is 2 s so a stalled answer costs about that.
 *
 * The control plane is not used: the test has the `integration` label
 * (with the other transport tests; it takes seconds) but not the
 * control-plane fixture (tests/CMakeLists.txt FOREMAN_IT_STANDALONE); it
 * needs nothing but loopback TCP.
 */
#include "test.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "codec.h"
#include "error.h"
#include "foreman_v1alpha1.h"
#include "k8s_core.h"
#include "kube.h"
#include "kubeconfig.h"

#define REQUEST_TIMEOUT_MS 2000
#define BIG_BYTES (10u * 1024u * 1024u)

static struct {
    int fd;
    int port;
    atomic_int hits_429;      /* requests seen by the "throttled" case */
    atomic_int hits_nothing;  /* connections of the "nothing" case */
    pthread_mutex_t mu;
    char *last_body;          /* body of the last PUT/PATCH/POST */
    char *big_ok;             /* the 10 MB answers, built once */
    char *big_err;
} srv = {.fd = -1, .mu = PTHREAD_MUTEX_INITIALIZER};

/* ------------------------------------------------------------ the server */

static void send_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w <= 0) return; /* the client went away: fine */
        p += w;
        n -= (size_t)w;
    }
}

static void send_str(int fd, const char *s)
{
    send_all(fd, s, strlen(s));
}

/* Sends a complete answer with a Content-Length. */
static void answer(int fd, int code, const char *reason, const char *ctype, const char *extra, const char *body,
                   size_t len)
{
    char head[512];
    snprintf(head, sizeof(head),
             "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n%sConnection: close\r\n\r\n", code,
             reason, ctype, len, extra ? extra : "");
    send_str(fd, head);
    send_all(fd, body, len);
}

/* Waits until the client closes the connection or ms pass. */
static void wait_for_close(int fd, int ms)
{
    struct pollfd p = {fd, POLLIN, 0};
    char b[256];
    while (ms > 0) {
        int r = poll(&p, 1, 100);
        if (r > 0 && recv(fd, b, sizeof(b), 0) <= 0) return;
        ms -= 100;
    }
}

/* Reads one request (head and Content-Length body); returns it malloc'd. */
static char *read_request(int fd)
{
    fm_buf b = FM_BUF_INIT;
    char chunk[65536];
    size_t need = 0;
    for (;;) {
        ssize_t n = recv(fd, chunk, sizeof(chunk), 0);
        if (n <= 0) break;
        fm_buf_put(&b, chunk, (size_t)n);
        char *end = b.data ? memmem(b.data, b.len, "\r\n\r\n", 4) : NULL;
        if (!end) continue;
        size_t head = (size_t)(end - b.data) + 4;
        if (!need) {
            const char *cl = strcasestr(b.data, "\r\ncontent-length:");
            need = head + (cl && cl < end ? strtoul(cl + 17, NULL, 10) : 0);
        }
        if (b.len >= need) break;
    }
    if (!b.data) return NULL;
    fm_buf_put(&b, "", 1);
    return fm_buf_detach(&b);
}

static const char *fleetnode_json =
    "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"FleetNode\",\"metadata\":{\"name\":\"n1\","
    "\"resourceVersion\":\"5\"},\"spec\":{\"nodeName\":\"n1\",\"roles\":[\"worker\"]},\"status\":{\"phase\":\"Ready\"}}";

/* A FleetNode whose phase is a value a newer schema added. */
static const char *newer_enum_json =
    "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"FleetNode\",\"metadata\":{\"name\":\"newer\","
    "\"resourceVersion\":\"9\"},\"spec\":{\"nodeName\":\"newer\"},\"status\":{\"phase\":\"Hibernating\","
    "\"futureField\":{\"x\":1}}}";

/* FleetNodes the server stores but the decoder refuses: an int32 field
 * beyond int32, and JSON nested 600 deep in a member the schema does not
 * know (CODEC_MAX_DEPTH is 512; the API server accepts 10000). */
static char *hostile_int_json(const char *name)
{
    fm_buf b = FM_BUF_INIT;
    fm_buf_printf(&b, "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"FleetNode\",\"metadata\":"
                      "{\"name\":\"%s\",\"resourceVersion\":\"7\"},\"spec\":{\"nodeName\":\"%s\","
                      "\"maxConcurrentTasks\":3000000000}}", name, name);
    return fm_buf_detach(&b);
}

static char *hostile_deep_json(const char *name)
{
    fm_buf b = FM_BUF_INIT;
    fm_buf_printf(&b, "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"FleetNode\",\"metadata\":"
                      "{\"name\":\"%s\",\"resourceVersion\":\"8\"},\"spec\":{\"nodeName\":\"%s\"},\"status\":"
                      "{\"deep\":", name, name);
    for (int i = 0; i < 600; i++) fm_buf_puts(&b, "[");
    for (int i = 0; i < 600; i++) fm_buf_puts(&b, "]");
    fm_buf_puts(&b, "}}");
    return fm_buf_detach(&b);
}

static void watch_head(int fd)
{
    send_str(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
}

static void event_line(fm_buf *b, const char *type, const char *obj)
{
    fm_buf_printf(b, "{\"type\":\"%s\",\"object\":%s}\n", type, obj);
}

/* Serves one connection according to the case named in the request line. */
static void serve(int fd)
{
    char *req = read_request(fd);
    if (!req) return;
    char line[512];
    size_t ll = strcspn(req, "\r\n");
    snprintf(line, sizeof(line), "%.*s", (int)(ll < 500 ? ll : 500), req);
    const char *body = strstr(req, "\r\n\r\n");
    if (body && (strncmp(line, "PUT ", 4) == 0 || strncmp(line, "PATCH ", 6) == 0 || strncmp(line, "POST ", 5) == 0)) {
        pthread_mutex_lock(&srv.mu);
        free(srv.last_body);
        srv.last_body = fm_strdup(body + 4);
        pthread_mutex_unlock(&srv.mu);
    }
    fm_buf w = FM_BUF_INIT;

    if (strstr(line, "/truncated")) {
        /* A well-framed answer whose JSON stops half way. */
        answer(fd, 200, "OK", "application/json", NULL, fleetnode_json, 60);
    } else if (strstr(line, "/shortbody")) {
        /* Promises 5000 bytes, sends 100, hangs up. */
        send_str(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n");
        send_all(fd, fleetnode_json, 100);
    } else if (strstr(line, "/html500")) {
        const char *page = "<html><head><title>500 Internal Server Error</title></head>\r\n<body>\n"
                           "<h1>Internal   Server Error</h1><p>upstream connect error</p></body></html>\n";
        answer(fd, 500, "Internal Server Error", "text/html", NULL, page, strlen(page));
    } else if (strstr(line, "/bigok")) {
        answer(fd, 200, "OK", "application/json", NULL, srv.big_ok, strlen(srv.big_ok));
    } else if (strstr(line, "/bigerr")) {
        answer(fd, 502, "Bad Gateway", "text/plain", NULL, srv.big_err, strlen(srv.big_err));
    } else if (strstr(line, "/stallbody")) {
        send_str(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"kind\":");
        wait_for_close(fd, 15000);
    } else if (strstr(line, "/stallhead")) {
        wait_for_close(fd, 15000);
    } else if (strstr(line, "/teapot")) {
        const char *st = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                         "\"message\":\"short and stout\",\"reason\":\"TeapotOverflow\",\"code\":418}";
        answer(fd, 418, "I'm a teapot", "application/json", NULL, st, strlen(st));
    } else if (strstr(line, "/newer")) {
        if (body && strncmp(line, "PUT ", 4) == 0)
            answer(fd, 200, "OK", "application/json", NULL, body + 4, strlen(body + 4));
        else
            answer(fd, 200, "OK", "application/json", NULL, newer_enum_json, strlen(newer_enum_json));
    } else if (strstr(line, "/throttled")) {
        if (atomic_fetch_add(&srv.hits_429, 1) == 0) {
            const char *st = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                             "\"too many requests, please try again later\",\"reason\":\"TooManyRequests\",\"code\":429}";
            answer(fd, 429, "Too Many Requests", "application/json", "Retry-After: 1\r\n", st, strlen(st));
        } else {
            answer(fd, 200, "OK", "application/json", NULL, fleetnode_json, strlen(fleetnode_json));
        }
    } else if (strstr(line, "/nothing") || (body && strstr(body, "\"name\":\"nothing\""))) {
        atomic_fetch_add(&srv.hits_nothing, 1); /* close without a byte */
    } else if (strstr(line, "/nothttp")) {
        send_str(fd, "SSH-2.0-OpenSSH_9.2\r\nProtocol mismatch.\r\n\r\n");
    } else if (strstr(line, "case%3Dcut") || strstr(line, "case=cut")) {
        /* One whole event, then half of the next, then the connection ends. */
        watch_head(fd);
        event_line(&w, "ADDED", fleetnode_json);
        send_all(fd, w.data, w.len);
        send_all(fd, w.data, w.len / 2);
    } else if (strstr(line, "case%3Dchunkcut") || strstr(line, "case=chunkcut")) {
        /* Chunked framing broken off inside a chunk. */
        send_str(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        event_line(&w, "ADDED", fleetnode_json);
        char sz[32];
        snprintf(sz, sizeof(sz), "%zx\r\n", w.len);
        send_str(fd, sz);
        send_all(fd, w.data, w.len);
        send_str(fd, "\r\n400\r\n{\"type\":\"MODI");
    } else if (strstr(line, "case%3Dgarbage") || strstr(line, "case=garbage")) {
        watch_head(fd);
        event_line(&w, "ADDED", fleetnode_json);
        fm_buf_puts(&w, "\n\r\n   \n");                 /* blank lines are skipped */
        fm_buf_puts(&w, "this is not json at all\n"); /* ends the watch */
        event_line(&w, "MODIFIED", fleetnode_json);   /* never delivered */
        send_all(fd, w.data, w.len);
    } else if (strstr(line, "case%3Dbadtype") || strstr(line, "case=badtype")) {
        watch_head(fd);
        event_line(&w, "SURPRISE", fleetnode_json);
        send_all(fd, w.data, w.len);
    } else if (strstr(line, "case%3Dhostile") || strstr(line, "case=hostile")) {
        /* Two good objects around two the decoder refuses: a list page, or
         * a watch stream of four events. */
        char *bi = hostile_int_json("bad-int"), *bd = hostile_deep_json("bad-deep");
        if (strstr(line, "watch=1")) {
            watch_head(fd);
            event_line(&w, "ADDED", fleetnode_json);
            event_line(&w, "ADDED", bi);
            event_line(&w, "MODIFIED", bd);
            event_line(&w, "MODIFIED", newer_enum_json);
            send_all(fd, w.data, w.len);
        } else {
            fm_buf_printf(&w, "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"FleetNodeList\","
                              "\"metadata\":{\"resourceVersion\":\"11\"},\"items\":[%s, %s ,%s,%s]}",
                          fleetnode_json, bi, bd, newer_enum_json);
            answer(fd, 200, "OK", "application/json", NULL, w.data, w.len);
        }
        free(bi);
        free(bd);
    } else if (strstr(line, "case%3Dbadobject") || strstr(line, "case=badobject")) {
        watch_head(fd);
        event_line(&w, "ADDED", "{\"metadata\":{\"name\":7}}");
        send_all(fd, w.data, w.len);
    } else {
        answer(fd, 404, "Not Found", "text/plain", NULL, "no such case\n", 13);
    }
    fm_buf_free(&w);
    free(req);
}

static void *conn_main(void *arg)
{
    int fd = (int)(intptr_t)arg;
    serve(fd);
    shutdown(fd, SHUT_WR);
    close(fd);
    return NULL;
}

static void *accept_main(void *arg)
{
    (void)arg;
    for (;;) {
        int fd = accept(srv.fd, NULL, NULL);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            return NULL;
        }
        pthread_t t;
        if (pthread_create(&t, NULL, conn_main, (void *)(intptr_t)fd) != 0) {
            close(fd);
            continue;
        }
        pthread_detach(t);
    }
}

static int server_start(void)
{
    struct sockaddr_in a;
    socklen_t al = sizeof(a);
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    srv.fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (srv.fd < 0 || bind(srv.fd, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(srv.fd, 64) < 0 ||
        getsockname(srv.fd, (struct sockaddr *)&a, &al) < 0)
        return -1;
    srv.port = ntohs(a.sin_port);
    pthread_t t;
    if (pthread_create(&t, NULL, accept_main, NULL) != 0) return -1;
    pthread_detach(t);
    return 0;
}

/* The 10 MB answers: a ConfigMap with one huge value, and a plain-text
 * error page of the same size. */
static int build_big(void)
{
    fm_buf b = FM_BUF_INIT;
    fm_buf_puts(&b, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"bigok\",\"namespace\":\"default\"},"
                    "\"data\":{\"big\":\"");
    if (fm_buf_grow(&b, BIG_BYTES + 16) < 0) return -1;
    memset(b.data + b.len, 'x', BIG_BYTES);
    b.len += BIG_BYTES;
    fm_buf_puts(&b, "\"}}");
    srv.big_ok = fm_buf_detach(&b);
    srv.big_err = malloc(BIG_BYTES + 1);
    if (!srv.big_ok || !srv.big_err) return -1;
    for (size_t i = 0; i < BIG_BYTES; i++) srv.big_err[i] = (i % 64 == 63) ? '\n' : "upstream error "[i % 15];
    srv.big_err[BIG_BYTES] = 0;
    return 0;
}

/* ------------------------------------------------------------ helpers */

static fm_kube_client *client(void)
{
    char url[64];
    snprintf(url, sizeof(url), "http://127.0.0.1:%d", srv.port);
    fm_kube_config *cfg = calloc(1, sizeof(*cfg));
    cfg->server = fm_strdup(url);
    cfg->namespace_ = fm_strdup("default");
    cfg->context = fm_strdup("badserver");
    fm_kube_client *c = NULL;
    fm_kube_client_opts o = {"badserver-test", NULL, 1000, REQUEST_TIMEOUT_MS, 0, 0};
    if (fm_kube_client_new(&c, cfg, &o) < 0) c = NULL;
    fm_kube_config_free(cfg);
    return c;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The last error is a non-empty single line without control characters. */
static bool one_line_error(void)
{
    const char *m = fm_error_last()->message;
    if (!m[0]) return false;
    for (const char *p = m; *p; p++)
        if ((unsigned char)*p < 0x20) return false;
    return true;
}

static uint64_t requests(fm_kube_client *c)
{
    fm_kube_client_stats s;
    fm_kube_client_get_stats(c, &s);
    return s.requests;
}

/* ------------------------------------------------------------ plain requests */

TEST(truncated_json_body)
{
    fm_kube_client *c = client();
    CHECK_FATAL(c);
    void *obj = (void *)1;
    CHECK_INT(fm_kube_get(&obj, c, &fm_fleet_node_kind, NULL, "truncated"), FM_EPARSE);
    CHECK(obj == NULL);
    CHECK(one_line_error());
    CHECK_CONTAINS(fm_error_last()->message, "fleetnodes/truncated");
    CHECK_INT(requests(c), 1);
    fm_kube_client_free(c);
}

TEST(body_shorter_than_content_length)
{
    fm_kube_client *c = client();
    CHECK_FATAL(c);
    void *obj = NULL;
    CHECK_INT(fm_kube_get(&obj, c, &fm_fleet_node_kind, NULL, "shortbody"), FM_ETRANSPORT);
    CHECK(obj == NULL);
    CHECK(one_line_error());
    CHECK_CONTAINS(fm_error_last()->message, "fleetnodes/shortbody");
    fm_kube_client_free(c);
}

TEST(html_error_page_500)
{
    fm_kube_client *c = client();
    CHECK_FATAL(c);
    void *obj = NULL;
    CHECK_INT(fm_kube_get(&obj, c, &fm_fleet_node_kind, NULL, "html500"), FM_EUNAVAILABLE);
    CHECK(obj == NULL);
    CHECK_INT(fm_error_last()->http_status, 500);
    CHECK(one_line_error());
    CHECK_CONTAINS(fm_error_last()->message, "fleetnodes/html500: 500");
    CHECK_CONTAINS(fm_error_last()->message, "Internal Server Error");
    CHECK(strchr(fm_error_last()->message, '<') == NULL); /* markup dropped */
    CHECK_INT(requests(c), 1);                            /* 500 is not retried */
    fm_kube_client_free(c);
}

TEST(ten_megabyte_bodies)
{
    fm_kube_client *c = client();
    CHECK_FATAL(c);
    fm_k8s_config_map *cm = NULL;
    double t0 = now_s();
    CHECK_INT(fm_kube_get((void **)&cm, c, &fm_k8s_config_map_kind, NULL, "bigok"), 0);
    double t1 = now_s();
    CHECK_FATAL(cm);
    const char *v = fm_strmap_get(&cm->data, "big");
    CHECK(v && strlen(v) == BIG_BYTES);
    fm_kube_object_free(fm_k8s_config_map_kind.object, cm);
    fprintf(stderr, "  10 MB ConfigMap fetched and decoded in %.0f ms\n", (t1 - t0) * 1000);

    void *obj = NULL;
    CHECK_INT(fm_kube_get(&obj, c, &fm_k8s_config_map_kind, NULL, "bigerr"), FM_EUNAVAILABLE);
    CHECK_INT(fm_error_last()->http_status, 502);
    CHECK(one_line_error());
    CHECK(strlen(fm_error_last()->message) < 400); /* an excerpt, not the page */
    CHECK_CONTAINS(fm_error_last()->message, "upstream error");
    fm_kube_client_free(c);
}

TEST(stalled_body_times_out)
{
    fm_kube_client *c = client();
    CHECK_FATAL(c);
    void *obj = NULL;
    double t0 = now_s();
    CHECK_INT(fm_kube_get(&obj, c, &fm_fleet_node_kind, NULL, "stallbody"), FM_ETRANSPORT);
    double dt = now_s() - t0;
    CHECK(obj == NULL);
    CHECK(one_line_error());
    CHECK_CONTAINS(fm_error_last()->message, "timed out");
    fprintf(stderr, "  stalled body: gave up after %.2f s (%s)\n", dt, fm_error_last()->message);
    CHECK(dt >= REQUEST_TIMEOUT_MS / 1000.0 * 0.9);
    CHECK(dt < REQUEST_TIMEOUT_MS / 1000.0 + 1.5);

    t0 = now_s();
    CHECK_INT(fm_kube_get(&obj, c, &fm_fleet_node_kind, NULL, "stallhead"), FM_ETRANSPORT);
    dt = now_s() - t0;
    CHECK(one_line_error());
    CHECK_CONTAINS(fm_error_last()->message, "timed out");
    CHECK(dt < REQUEST_TIMEOUT_MS / 1000.0 + 1.5);
    fm_kube_client_free(c);
}

TEST(status_with_unknown_reason)
{
    fm_kube_client *c = client();
    CHECK_FATAL(c);
    void *obj = NULL;
    CHECK_INT(fm_kube_get(&obj, c, &fm_fleet_node_kind, NULL, "teapot"), FM_EHTTP);
    const fm_error *e = fm_error_last();
    CHECK_INT(e->http_status, 418);
    CHECK_STR(e->reason, "TeapotOverflow");
    CHECK_CONTAINS(e->message, "fleetnodes/teapot: 418 TeapotOverflow: short and stout");
    CHECK(one_line_error());
    CHECK_INT(e->code, FM_EHTTP); /* an unknown status has no class of its own */
    fm_kube_client_free(c);
}

TEST(enum_value_from_a_newer_schema)
{
    fm_kube_client *c = client();
    CHECK_FATAL(c);
    fm_fleet_node *n = NULL;
    CHECK_INT(fm_kube_get((void **)&n, c, &fm_fleet_node_kind, NULL, "newer"), 0);
    CHECK_FATAL(n);
    CHECK_INT(n->status.phase, FM_ENUM_UNKNOWN);
    CHECK(fm_node_phase_name(n->status.phase) == NULL);
    fm_buf e = FM_BUF_INIT;
    CHECK_INT(fm_codec_encode(&e, n, &fm_fleet_node_desc), 0);
    CHECK_CONTAINS(e.data, "\"phase\":\"Hibernating\"");
    CHECK_CONTAINS(e.data, "\"futureField\":{\"x\":1}");
    fm_buf_free(&e);
    /* A read-modify-write sends the value back unchanged. */
    fm_fleet_node *stored = NULL;
    CHECK_INT(fm_kube_update((void **)&stored, c, &fm_fleet_node_kind, n, true), 0);
    pthread_mutex_lock(&srv.mu);
    CHECK_CONTAINS(srv.last_body, "\"phase\":\"Hibernating\"");
    CHECK_CONTAINS(srv.last_body, "\"futureField\":{\"x\":1}");
    pthread_mutex_unlock(&srv.mu);
    CHECK(stored && stored->status.phase == FM_ENUM_UNKNOWN);
    fm_kube_object_free(fm_fleet_node_kind.object, stored);
    fm_kube_object_free(fm_fleet_node_kind.object, n);
    fm_kube_client_free(c);
}

TEST(too_many_requests_then_success)
{
    fm_kube_client *c = client();
    CHECK_FATAL(c);
    fm_fleet_node *n = NULL;
    fm_kube_client_stats before, after;
    fm_kube_client_get_stats(c, &before);
    double t0 = now_s();
    CHECK_INT(fm_kube_get((void **)&n, c, &fm_fleet_node_kind, NULL, "throttled"), 0);
    double dt = now_s() - t0;
    fm_kube_client_get_stats(c, &after);
    CHECK_FATAL(n);
    CHECK_STR(n->metadata.name, "n1");
    CHECK_INT(atomic_load(&srv.hits_429), 2);
    CHECK_INT(after.requests - before.requests, 2);
    CHECK_INT(after.retries - before.retries, 1);
    CHECK(dt >= 0.9); /* waited for Retry-After: 1 */
    CHECK(dt < 3.0);
    fm_kube_object_free(fm_fleet_node_kind.object, n);
    fm_kube_client_free(c);
}

TEST(connection_closed_without_answer)
{
    fm_kube_client *c = client();
    CHECK_FATAL(c);
    void *obj = NULL;
    double t0 = now_s();
    CHECK_INT(fm_kube_get(&obj, c, &fm_fleet_node_kind, NULL, "nothing"), FM_ETRANSPORT);
    double dt = now_s() - t0;
    CHECK(one_line_error());
    CHECK_CONTAINS(fm_error_last()->message, "fleetnodes/nothing");
    /* GET is retried on a connection that breaks before any answer
     * (5 retries, backoff 100 ms doubling): 6 attempts, a few seconds. */
    CHECK_INT(atomic_load(&srv.hits_nothing), 6);
    CHECK(dt < 8.0);

    /* A POST is never repeated after a broken connection. */
    atomic_store(&srv.hits_nothing, 0);
    fm_fleet_node n = {0};
    n.metadata.name = "nothing";
    fm_fleet_node_set_metadata_present(&n, true);
    int rc = fm_kube_create(NULL, c, &fm_fleet_node_kind, NULL, &n);
    if (rc != FM_ETRANSPORT) fprintf(stderr, "  create: rc=%d %s\n", rc, fm_error_last()->message);
    CHECK_INT(rc, FM_ETRANSPORT);
    CHECK_INT(atomic_load(&srv.hits_nothing), 1);
    fm_kube_client_free(c);
}

TEST(answer_that_is_not_http)
{
    fm_kube_client *c = client();
    CHECK_FATAL(c);
    void *obj = NULL;
    int rc = fm_kube_get(&obj, c, &fm_fleet_node_kind, NULL, "nothttp");
    CHECK(rc == FM_ETRANSPORT);
    CHECK(obj == NULL);
    CHECK(one_line_error());
    fm_kube_client_free(c);
}

/* ------------------------------------------------------------ watches */

typedef struct seen {
    int added, modified, other;
} seen;

static int on_event(void *ud, fm_kube_watch_event_type t, void *obj, const char *raw, size_t raw_len)
{
    seen *s = ud;
    (void)raw;
    (void)raw_len;
    if (t == KUBE_WATCH_ADDED) s->added++;
    else if (t == KUBE_WATCH_MODIFIED) s->modified++;
    else s->other++;
    if (obj) fm_kube_object_free(fm_fleet_node_kind.object, obj);
    return 0;
}

static int watch_case(seen *s, const char *sel, double *dt)
{
    fm_kube_client *c = client();
    if (!c) return -100;
    fm_kube_watch_opts o = {0};
    o.label_selector = sel;
    o.timeout_seconds = 5;
    memset(s, 0, sizeof(*s));
    double t0 = now_s();
    int rc = fm_kube_watch(c, &fm_fleet_node_kind, NULL, &o, on_event, s);
    *dt = now_s() - t0;
    fm_kube_client_free(c);
    return rc;
}

TEST(watch_cut_mid_event)
{
    seen s;
    double dt;
    int rc = watch_case(&s, "case=cut", &dt);
    CHECK_INT(s.added, 1);
    CHECK_INT(s.modified + s.other, 0);
    CHECK_INT(rc, FM_EPARSE); /* the half event is reported, not decoded */
    CHECK(one_line_error());
    CHECK_CONTAINS(fm_error_last()->message, "malformed event");
    CHECK(dt < 3.0);

    rc = watch_case(&s, "case=chunkcut", &dt);
    CHECK_INT(s.added, 1);
    CHECK_INT(s.modified + s.other, 0);
    CHECK(rc == FM_ETRANSPORT || rc == FM_EPARSE);
    CHECK(one_line_error());
    CHECK(dt < 3.0);
}

TEST(watch_garbage_lines)
{
    seen s;
    double dt;
    int rc = watch_case(&s, "case=garbage", &dt);
    CHECK_INT(s.added, 1);
    CHECK_INT(s.modified, 0);
    CHECK_INT(rc, FM_EPARSE);
    CHECK(one_line_error());
    CHECK_CONTAINS(fm_error_last()->message, "malformed event");

    rc = watch_case(&s, "case=badtype", &dt);
    CHECK_INT(s.added + s.modified + s.other, 0);
    CHECK_INT(rc, FM_EPARSE);
    CHECK_CONTAINS(fm_error_last()->message, "unknown event type");
    CHECK(one_line_error());

    rc = watch_case(&s, "case=badobject", &dt);
    CHECK_INT(s.added + s.modified + s.other, 0);
    CHECK_INT(rc, FM_EPARSE);
    CHECK_CONTAINS(fm_error_last()->message, "metadata.name");
    CHECK(one_line_error());
}

/* ------------------------------------------------------------ per-object decoding */

typedef struct bad_seen {
    int n;
    int types[8];
    char messages[8][FM_ERROR_MAX];
} bad_seen;

static void on_bad(void *ud, fm_kube_watch_event_type t, const char *raw, size_t raw_len, int code,
                   const char *message)
{
    bad_seen *b = ud;
    (void)raw;
    (void)raw_len;
    (void)code;
    if (b->n < 8) {
        b->types[b->n] = t;
        snprintf(b->messages[b->n], sizeof(b->messages[0]), "%s", message);
    }
    b->n++;
}

TEST(list_with_undecodable_items)
{
    fm_kube_client *c = client();
    CHECK(c != NULL);
    /* Without a handler the page fails as a whole, as before. */
    fm_kube_list_opts o = {0};
    o.label_selector = "case=hostile";
    void *list = NULL;
    int rc = fm_kube_list(&list, c, &fm_fleet_node_kind, NULL, &o);
    CHECK(rc == FM_EPARSE || rc == FM_ELIMIT);
    CHECK(list == NULL);
    /* With one, the two good items come through and each bad one is told. */
    bad_seen b;
    memset(&b, 0, sizeof(b));
    o.on_bad_object = on_bad;
    o.bad_object_ud = &b;
    CHECK_INT(fm_kube_list(&list, c, &fm_fleet_node_kind, NULL, &o), 0);
    fm_fleet_node_list *l = list;
    CHECK(l != NULL);
    if (l) {
        CHECK_INT((int)l->items.len, 2);
        CHECK_STR(l->metadata.resource_version, "11");
        if (l->items.len == 2) {
            CHECK_STR(l->items.items[0].metadata.name, "n1");
            CHECK_STR(l->items.items[1].metadata.name, "newer");
        }
    }
    CHECK_INT(b.n, 2);
    CHECK_INT(b.types[0], KUBE_WATCH_ADDED);
    CHECK_CONTAINS(b.messages[0], "maxConcurrentTasks");
    CHECK_CONTAINS(b.messages[0], "out of range");
    CHECK_CONTAINS(b.messages[1], "nesting");
    fm_kube_object_free(fm_fleet_node_kind.list, list);
    fm_kube_client_free(c);
}

TEST(watch_with_undecodable_objects)
{
    fm_kube_client *c = client();
    CHECK(c != NULL);
    seen s;
    memset(&s, 0, sizeof(s));
    bad_seen b;
    memset(&b, 0, sizeof(b));
    fm_kube_watch_opts o = {0};
    o.label_selector = "case=hostile";
    o.timeout_seconds = 5;
    o.on_bad_object = on_bad;
    o.bad_object_ud = &b;
    /* The stream ends normally after the four events: 0, not an error. */
    CHECK_INT(fm_kube_watch(c, &fm_fleet_node_kind, NULL, &o, on_event, &s), 0);
    CHECK_INT(s.added, 1);
    CHECK_INT(s.modified, 1);
    CHECK_INT(b.n, 2);
    CHECK_INT(b.types[0], KUBE_WATCH_ADDED);
    CHECK_INT(b.types[1], KUBE_WATCH_MODIFIED);
    CHECK_CONTAINS(b.messages[0], "out of range");
    CHECK_CONTAINS(b.messages[1], "nesting");
    /* Without a handler the first bad event ends the watch. */
    memset(&s, 0, sizeof(s));
    o.on_bad_object = NULL;
    CHECK_INT(fm_kube_watch(c, &fm_fleet_node_kind, NULL, &o, on_event, &s), FM_EPARSE);
    CHECK_INT(s.added, 1);
    fm_kube_client_free(c);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    alarm(120); /* a hang is a failure, not a CTest timeout ten minutes later */
    if (build_big() < 0 || server_start() < 0) {
        fprintf(stderr, "cannot start the loopback server\n");
        return 1;
    }
    RUN(truncated_json_body);
    RUN(body_shorter_than_content_length);
    RUN(html_error_page_500);
    RUN(ten_megabyte_bodies);
    RUN(stalled_body_times_out);
    RUN(status_with_unknown_reason);
    RUN(enum_value_from_a_newer_schema);
    RUN(too_many_requests_then_success);
    RUN(connection_closed_without_answer);
    RUN(answer_that_is_not_http);
    RUN(watch_cut_mid_event);
    RUN(watch_garbage_lines);
    RUN(list_with_undecodable_items);
    RUN(watch_with_undecodable_objects);
    free(srv.big_ok);
    free(srv.big_err);
    free(srv.last_body);
    return test_summary();
}
