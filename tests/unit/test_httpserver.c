/*
 * test_httpserver.c - health, readiness and metrics endpoints over real
 * HTTP on loopback (libmicrohttpd serving, libcurl fetching).
 */
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "httpserver.h"
#include "metrics.h"
#include "test.h"

typedef struct reply {
    long status;
    char body[8192];
    size_t len;
    char content_type[128];
} reply;

static size_t on_data(char *p, size_t size, size_t n, void *ud)
{
    reply *r = ud;
    size_t len = size * n;
    size_t room = sizeof(r->body) - 1 - r->len;
    memcpy(r->body + r->len, p, len < room ? len : room);
    r->len += len < room ? len : room;
    r->body[r->len] = 0;
    return len;
}

static long fetch_timeout_s = 5;

/* Fetches http://127.0.0.1:port/path with method; 0 on transport success. */
static int fetch(reply *r, int port, const char *method, const char *path)
{
    memset(r, 0, sizeof(*r));
    char url[256];
    snprintf(url, sizeof(url), "http://127.0.0.1:%d%s", port, path);
    CURL *c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, r);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, fetch_timeout_s);
    if (strcmp(method, "HEAD") == 0) curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    else if (strcmp(method, "GET") != 0) curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    CURLcode rc = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
    char *ct = NULL;
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
    if (ct) snprintf(r->content_type, sizeof(r->content_type), "%s", ct);
    curl_easy_cleanup(c);
    return rc == CURLE_OK ? 0 : -1;
}

static atomic_bool is_ready;
static bool ready_cb(void *ud)
{
    return atomic_load(&is_ready);
}

static int teapot(fm_buf *body, const char **ct, void *ud)
{
    *ct = "application/json";
    fm_buf_puts(body, "{\"tea\":true}");
    return 418;
}

TEST(test_parse_bind)
{
    char host[256];
    int port;
    CHECK_INT(fm_httpserver_parse_bind(host, &port, ":8081"), 0);
    CHECK_STR(host, "");
    CHECK_INT(port, 8081);
    CHECK_INT(fm_httpserver_parse_bind(host, &port, "127.0.0.1:8082"), 0);
    CHECK_STR(host, "127.0.0.1");
    CHECK_INT(port, 8082);
    CHECK_INT(fm_httpserver_parse_bind(host, &port, "[::1]:9000"), 0);
    CHECK_STR(host, "::1");
    CHECK_INT(port, 9000);
    CHECK_INT(fm_httpserver_parse_bind(host, &port, "0"), 1);
    CHECK_INT(fm_httpserver_parse_bind(host, &port, ""), 1);
    CHECK_INT(fm_httpserver_parse_bind(host, &port, "8081"), FM_EINVAL);
    CHECK_INT(fm_httpserver_parse_bind(host, &port, "host:"), FM_EINVAL);
    CHECK_INT(fm_httpserver_parse_bind(host, &port, "host:99999"), FM_EINVAL);
    CHECK_INT(fm_httpserver_parse_bind(host, &port, "host:8x"), FM_EINVAL);
    CHECK_INT(fm_httpserver_parse_bind(host, &port, "::1:80"), FM_EINVAL);
    CHECK_CONTAINS(fm_error_last()->message, "::1:80");
}

TEST(test_disabled_server_is_null)
{
    fm_httpserver *s = (fm_httpserver *)1;
    CHECK_INT(fm_httpserver_new(&s, "0"), 0);
    CHECK(s == NULL);
    CHECK_INT(fm_httpserver_add_health(s, NULL, NULL), 0);
    CHECK_INT(fm_httpserver_add_metrics(s, NULL), 0);
    CHECK_INT(fm_httpserver_start(s), 0);
    CHECK_INT(fm_httpserver_port(s), 0);
    fm_httpserver_free(s);
}

TEST(test_endpoints)
{
    fm_metrics *reg = NULL;
    CHECK_FATAL(fm_metrics_new(&reg) == 0);
    fm_metric *m;
    fm_series *ser;
    fm_metrics_gauge(&m, reg, "leader_election_master_status", "Is master.", "name", NULL);
    fm_metrics_series(&ser, m, "foreman-operator.llmkube.dev", NULL);
    fm_metrics_set(ser, 1);

    fm_httpserver *s = NULL;
    CHECK_FATAL(fm_httpserver_new(&s, "127.0.0.1:0") == 0 && s);
    CHECK_INT(fm_httpserver_add_health(s, ready_cb, NULL), 0);
    CHECK_INT(fm_httpserver_add_metrics(s, reg), 0);
    CHECK_INT(fm_httpserver_route(s, "/tea", teapot, NULL), 0);
    CHECK_INT(fm_httpserver_route(s, "bad", teapot, NULL), FM_EINVAL);
    CHECK_INT(fm_httpserver_start(s), 0);
    CHECK_INT(fm_httpserver_route(s, "/late", teapot, NULL), FM_EINVAL);
    CHECK_INT(fm_httpserver_start(s), FM_EINVAL);
    int port = fm_httpserver_port(s);
    CHECK(port > 0);
    printf("listening on 127.0.0.1:%d\n", port);

    reply r;
    CHECK_INT(fetch(&r, port, "GET", "/healthz"), 0);
    CHECK_INT(r.status, 200);
    CHECK_STR(r.body, "ok");
    CHECK_INT(fetch(&r, port, "GET", "/readyz"), 0);
    CHECK_INT(r.status, 503);
    atomic_store(&is_ready, true);
    CHECK_INT(fetch(&r, port, "GET", "/readyz"), 0);
    CHECK_INT(r.status, 200);
    CHECK_STR(r.body, "ok");
    CHECK_INT(fetch(&r, port, "GET", "/readyz?verbose=1"), 0);
    CHECK_INT(r.status, 200);
    CHECK_INT(fetch(&r, port, "GET", "/metrics"), 0);
    CHECK_INT(r.status, 200);
    CHECK_STR(r.content_type, METRICS_CONTENT_TYPE);
    CHECK_CONTAINS(r.body, "# TYPE leader_election_master_status gauge\n");
    CHECK_CONTAINS(r.body, "leader_election_master_status{name=\"foreman-operator.llmkube.dev\"} 1\n");
    CHECK_INT(fetch(&r, port, "HEAD", "/healthz"), 0);
    CHECK_INT(r.status, 200);
    CHECK_INT(r.len, 0);
    CHECK_INT(fetch(&r, port, "GET", "/nope"), 0);
    CHECK_INT(r.status, 404);
    CHECK_INT(fetch(&r, port, "DELETE", "/healthz"), 0);
    CHECK_INT(r.status, 405);
    CHECK_INT(fetch(&r, port, "GET", "/tea"), 0);
    CHECK_INT(r.status, 418);
    CHECK_STR(r.content_type, "application/json");
    CHECK_STR(r.body, "{\"tea\":true}");

    /* The same port again: the bind fails with a message naming it. */
    char bind[64];
    snprintf(bind, sizeof(bind), "127.0.0.1:%d", port);
    fm_httpserver *s2 = NULL;
    CHECK_INT(fm_httpserver_new(&s2, bind), 0);
    CHECK_INT(fm_httpserver_start(s2), FM_EIO);
    CHECK_CONTAINS(fm_error_last()->message, bind);
    fm_httpserver_free(s2);

    fm_httpserver_free(s);
    /* Stopped: nothing listens any more. */
    CHECK(fetch(&r, port, "GET", "/healthz") != 0);
    fm_metrics_free(reg);
}


/* ------------------------------------------------------------ hostile clients */

#define SLOW_CLIENTS 300

typedef struct slow_ctx {
    int port;
    int fds[SLOW_CLIENTS];
    int n;
    atomic_bool stop;
} slow_ctx;

static int connect_loopback(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof(a)) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Half the clients never send a byte; the other half trickle a request
 * head that never ends, one byte per client every 700 ms. */
static void *trickle(void *arg)
{
    slow_ctx *c = arg;
    while (!atomic_load(&c->stop)) {
        for (int i = 1; i < c->n; i += 2)
            if (c->fds[i] >= 0) (void)send(c->fds[i], "x", 1, MSG_NOSIGNAL);
        struct timespec ts = {0, 700 * 1000000L};
        nanosleep(&ts, NULL);
    }
    return NULL;
}

static double mono_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

TEST(test_probes_survive_slow_clients)
{
    fm_httpserver *s = NULL;
    CHECK_FATAL(fm_httpserver_new(&s, "127.0.0.1:0") == 0 && s);
    CHECK_INT(fm_httpserver_add_health(s, ready_cb, NULL), 0);
    CHECK_INT(fm_httpserver_start(s), 0);
    atomic_store(&is_ready, true);
    static slow_ctx c;
    memset(&c, 0, sizeof(c));
    c.port = fm_httpserver_port(s);
    for (c.n = 0; c.n < SLOW_CLIENTS; c.n++) {
        c.fds[c.n] = connect_loopback(c.port);
        if (c.fds[c.n] >= 0 && c.n % 2 == 1)
            (void)send(c.fds[c.n], "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ", 40, MSG_NOSIGNAL);
    }
    pthread_t t;
    CHECK_FATAL(pthread_create(&t, NULL, trickle, &c) == 0);
    /* Probes with the kubelet's one-second timeout, for 6 s (past the
     * server's 5 s idle timeout): every one answers although 300
     * connections are open and busy doing nothing. */
    fetch_timeout_s = 1;
    int ok = 0, tries = 0;
    double end = mono_s() + 6;
    while (mono_s() < end) {
        reply r;
        tries++;
        if (fetch(&r, c.port, "GET", tries % 2 ? "/healthz" : "/readyz") == 0 && r.status == 200) ok++;
        struct timespec ts = {0, 250 * 1000000L};
        nanosleep(&ts, NULL);
    }
    printf("probes answered: %d of %d with %d slow clients\n", ok, tries, SLOW_CLIENTS);
    CHECK_INT(ok, tries);
    /* The silent half is closed after the idle timeout: reading gives EOF. */
    char b[16];
    struct timeval tv = {1, 0};
    setsockopt(c.fds[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    CHECK(recv(c.fds[0], b, sizeof(b), 0) == 0);
    atomic_store(&c.stop, true);
    pthread_join(t, NULL);
    for (int i = 0; i < c.n; i++)
        if (c.fds[i] >= 0) close(c.fds[i]);
    fetch_timeout_s = 5;
    fm_httpserver_free(s);
}

TEST(test_any_address)
{
    fm_httpserver *s = NULL;
    CHECK_FATAL(fm_httpserver_new(&s, ":0") == 0 && s);
    CHECK_INT(fm_httpserver_add_health(s, NULL, NULL), 0);
    CHECK_INT(fm_httpserver_start(s), 0);
    int port = fm_httpserver_port(s);
    CHECK(port > 0);
    reply r;
    CHECK_INT(fetch(&r, port, "GET", "/readyz"), 0);
    CHECK_INT(r.status, 200);
    fm_httpserver_free(s);
}

int main(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    RUN(test_parse_bind);
    RUN(test_disabled_server_is_null);
    RUN(test_endpoints);
    RUN(test_any_address);
    RUN(test_probes_survive_slow_clients);
    curl_global_cleanup();
    return test_summary();
}
