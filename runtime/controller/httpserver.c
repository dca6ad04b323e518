/*
 * httpserver.c - health and metrics endpoints on libmicrohttpd (see
 * httpserver.h).
 *
 * libmicrohttpd runs one internal polling thread per server; our access
 * handler looks the path up in a route table that is frozen at start, so
 * it needs no lock. Error logging of the library is left off (library code
 * does not log); failures come back through fm_error.
 */
#include "httpserver.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "error.h"

typedef struct route {
    char *path;
    fm_httpserver_handler fn;
    void *ud;
} route;

struct fm_httpserver {
    char bind[300];
    char host[256];
    int port;
    route *routes;
    size_t n_routes;
    struct MHD_Daemon *daemon;
    int bound_port;
    /* health state */
    fm_httpserver_ready_fn ready;
    void *ready_ud;
    fm_metrics *metrics;
};

int fm_httpserver_parse_bind(char host[256], int *port, const char *bind)
{
    host[0] = 0;
    *port = 0;
    if (!bind || !*bind || strcmp(bind, "0") == 0) return 1;
    const char *colon = strrchr(bind, ':');
    if (!colon) return fm_error_set(FM_EINVAL, "bind address %s: missing port (want host:port)", bind);
    size_t hl = (size_t)(colon - bind);
    const char *h = bind;
    if (hl >= 2 && bind[0] == '[' && bind[hl - 1] == ']') {
        h++;
        hl -= 2;
    } else if (memchr(bind, ':', hl)) {
        return fm_error_set(FM_EINVAL, "bind address %s: IPv6 hosts need brackets", bind);
    }
    if (hl >= 256) return fm_error_set(FM_EINVAL, "bind address %s: host too long", bind);
    memcpy(host, h, hl);
    host[hl] = 0;
    const char *p = colon + 1;
    if (!*p) return fm_error_set(FM_EINVAL, "bind address %s: missing port", bind);
    long v = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9' || v > 65535)
            return fm_error_set(FM_EINVAL, "bind address %s: invalid port", bind);
        v = v * 10 + (*p - '0');
    }
    if (v > 65535) return fm_error_set(FM_EINVAL, "bind address %s: port out of range", bind);
    *port = (int)v;
    return 0;
}

int fm_httpserver_new(fm_httpserver **out, const char *bind)
{
    *out = NULL;
    char host[256];
    int port;
    int rc = fm_httpserver_parse_bind(host, &port, bind);
    if (rc == 1) return 0;
    if (rc < 0) return rc;
    fm_httpserver *s = calloc(1, sizeof(*s));
    if (!s) return fm_error_set(FM_ENOMEM, "http server %s: out of memory", bind);
    snprintf(s->bind, sizeof(s->bind), "%s", bind);
    memcpy(s->host, host, sizeof(s->host));
    s->port = port;
    *out = s;
    return 0;
}

int fm_httpserver_route(fm_httpserver *s, const char *path, fm_httpserver_handler fn, void *ud)
{
    if (!s) return 0;
    if (s->daemon) return fm_error_set(FM_EINVAL, "http server %s: route %s added after start", s->bind, path);
    if (!path || path[0] != '/' || !fn)
        return fm_error_set(FM_EINVAL, "http server %s: invalid route", s->bind);
    route *r = realloc(s->routes, (s->n_routes + 1) * sizeof(*r));
    if (!r) return fm_error_set(FM_ENOMEM, "http server %s: out of memory", s->bind);
    s->routes = r;
    char *p = fm_strdup(path);
    if (!p) return fm_error_set(FM_ENOMEM, "http server %s: out of memory", s->bind);
    s->routes[s->n_routes].path = p;
    s->routes[s->n_routes].fn = fn;
    s->routes[s->n_routes].ud = ud;
    s->n_routes++;
    return 0;
}

static int healthz(fm_buf *body, const char **ct, void *ud)
{
    return fm_buf_puts(body, "ok") == 0 ? 200 : 500;
}

static int readyz(fm_buf *body, const char **ct, void *ud)
{
    fm_httpserver *s = ud;
    if (s->ready && !s->ready(s->ready_ud)) {
        fm_buf_puts(body, "not ready");
        return 503;
    }
    return fm_buf_puts(body, "ok") == 0 ? 200 : 500;
}

static int metrics_handler(fm_buf *body, const char **ct, void *ud)
{
    fm_httpserver *s = ud;
    *ct = METRICS_CONTENT_TYPE;
    return fm_metrics_render(body, s->metrics) == 0 ? 200 : 500;
}

int fm_httpserver_add_health(fm_httpserver *s, fm_httpserver_ready_fn ready, void *ud)
{
    if (!s) return 0;
    s->ready = ready;
    s->ready_ud = ud;
    int rc = fm_httpserver_route(s, "/healthz", healthz, s);
    if (!rc) rc = fm_httpserver_route(s, "/readyz", readyz, s);
    return rc;
}

int fm_httpserver_add_metrics(fm_httpserver *s, fm_metrics *r)
{
    if (!s) return 0;
    s->metrics = r ? r : fm_metrics_default();
    return fm_httpserver_route(s, "/metrics", metrics_handler, s);
}

/* Queues a response whose body is taken from b (freed by libmicrohttpd). */
static enum MHD_Result respond(struct MHD_Connection *c, int status, fm_buf *b, const char *ct)
{
    size_t len = b->len;
    char *data = fm_buf_detach(b);
    struct MHD_Response *r = MHD_create_response_from_buffer(len, data ? data : (char *)"",
                                                             data ? MHD_RESPMEM_MUST_FREE
                                                                  : MHD_RESPMEM_PERSISTENT);
    if (!r) {
        free(data);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, ct);
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    fm_httpserver *s = cls;
    fm_buf b = FM_BUF_INIT;
    const char *ct = "text/plain; charset=utf-8";
    bool head = strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
    if (!head && strcmp(method, MHD_HTTP_METHOD_GET) != 0) {
        fm_buf_puts(&b, "method not allowed\n");
        return respond(c, 405, &b, ct);
    }
    for (size_t i = 0; i < s->n_routes; i++) {
        if (strcmp(s->routes[i].path, url) != 0) continue;
        int status = s->routes[i].fn(&b, &ct, s->routes[i].ud);
        if (status < 100 || status > 599) status = 500;
        return respond(c, status, &b, ct);
    }
    fm_buf_puts(&b, "404 page not found\n");
    return respond(c, 404, &b, ct);
}

/*
 * Starts the daemon on one socket address.
 *
 * Hostile or broken clients must not starve the probes: a kubelet gives
 * /healthz one second, and a few dozen idle connections used to fill the
 * old limit of 64 for ten seconds each. Now a connection is closed after
 * HTTPSERVER_IDLE_S without a byte in either direction, HTTPSERVER_MAX_CONNS
 * connections are served at once (epoll, so the number costs nothing
 * while idle; it stays well under the default 1024 descriptors), and a
 * request head may use HTTPSERVER_CONN_MEMORY bytes. A client must
 * therefore hold hundreds of connections open and keep each one trickling
 * to block a probe; the NetworkPolicy (or a loopback bind on hosts) keeps
 * such clients out (docs/security.md).
 */
#define HTTPSERVER_IDLE_S 5u
#define HTTPSERVER_MAX_CONNS 512u
#define HTTPSERVER_CONN_MEMORY (32u * 1024u)

static struct MHD_Daemon *start_on(fm_httpserver *s, const struct sockaddr *sa, unsigned flags)
{
    return MHD_start_daemon(flags | MHD_USE_AUTO_INTERNAL_THREAD, (uint16_t)s->port, NULL, NULL,
                            on_request, s, MHD_OPTION_SOCK_ADDR, sa,
                            MHD_OPTION_CONNECTION_TIMEOUT, HTTPSERVER_IDLE_S,
                            MHD_OPTION_CONNECTION_LIMIT, HTTPSERVER_MAX_CONNS,
                            MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HTTPSERVER_CONN_MEMORY,
                            MHD_OPTION_END);
}

int fm_httpserver_start(fm_httpserver *s)
{
    if (!s) return 0;
    if (s->daemon) return fm_error_set(FM_EINVAL, "http server %s: already started", s->bind);
    if (!s->host[0]) {
        /* Every interface: dual-stack IPv6 where possible, else IPv4. */
        struct sockaddr_in6 a6 = {.sin6_family = AF_INET6, .sin6_port = htons((uint16_t)s->port),
                                  .sin6_addr = IN6ADDR_ANY_INIT};
        s->daemon = start_on(s, (const struct sockaddr *)&a6, MHD_USE_DUAL_STACK);
        if (!s->daemon) {
            struct sockaddr_in a4 = {.sin_family = AF_INET, .sin_port = htons((uint16_t)s->port),
                                     .sin_addr.s_addr = htonl(INADDR_ANY)};
            s->daemon = start_on(s, (const struct sockaddr *)&a4, 0);
        }
    } else {
        struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                                 .ai_flags = AI_PASSIVE};
        struct addrinfo *res = NULL;
        char port[8];
        snprintf(port, sizeof(port), "%d", s->port);
        int g = getaddrinfo(s->host, port, &hints, &res);
        if (g != 0)
            return fm_error_set(FM_EINVAL, "http server %s: cannot resolve %s: %s", s->bind, s->host,
                                gai_strerror(g));
        for (struct addrinfo *ai = res; ai && !s->daemon; ai = ai->ai_next)
            s->daemon = start_on(s, ai->ai_addr, ai->ai_family == AF_INET6 ? MHD_USE_IPv6 : 0);
        freeaddrinfo(res);
    }
    if (!s->daemon)
        return fm_error_set(FM_EIO, "http server %s: cannot listen (address in use or not available)",
                            s->bind);
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->bound_port = info ? info->port : s->port;
    return 0;
}

int fm_httpserver_port(const fm_httpserver *s)
{
    return s && s->daemon ? s->bound_port : 0;
}

void fm_httpserver_free(fm_httpserver *s)
{
    if (!s) return;
    if (s->daemon) MHD_stop_daemon(s->daemon);
    for (size_t i = 0; i < s->n_routes; i++) free(s->routes[i].path);
    free(s->routes);
    free(s);
}
