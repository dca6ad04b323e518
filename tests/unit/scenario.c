/*
 * scenario.c - the scripted model server. See scenario.h.
 */
#include "scenario.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_REQ 512

struct scn_server {
    int lfd;
    int port;
    char url[64];
    int stop_pipe[2];
    pthread_t thread;
    scn_turn *turns;
    size_t n_turns;
    size_t next;
    pthread_mutex_t mu;
    char *reqs[MAX_REQ];
    size_t n_reqs;
    int active;              /* connection threads still running (mu) */
};

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
}

/* Reads one request (headers + Content-Length body). Returns the body or NULL. */
static char *read_request(int fd)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap + 1);
    long clen = -1;
    size_t hdr_end = 0;
    for (;;) {
        if (len == cap) {
            cap *= 2;
            buf = realloc(buf, cap + 1);
        }
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 5000) <= 0) break;
        ssize_t n = read(fd, buf + len, cap - len);
        if (n <= 0) break;
        len += (size_t)n;
        buf[len] = 0;
        if (!hdr_end) {
            char *e = strstr(buf, "\r\n\r\n");
            if (!e) continue;
            hdr_end = (size_t)(e - buf) + 4;
            char *cl = strcasestr(buf, "Content-Length:");
            clen = cl && cl < e ? strtol(cl + 15, NULL, 10) : 0;
        }
        if (hdr_end && len >= hdr_end + (size_t)clen) break;
    }
    if (!hdr_end) {
        free(buf);
        return NULL;
    }
    char *body = strndup(buf + hdr_end, len - hdr_end);
    free(buf);
    return body;
}

static void write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, s, n, MSG_NOSIGNAL);
        if (w <= 0) return;
        s += w;
        n -= (size_t)w;
    }
}

static void serve(scn_server *s, int fd)
{
    char *body = read_request(fd);
    pthread_mutex_lock(&s->mu);
    if (s->n_reqs < MAX_REQ) s->reqs[s->n_reqs++] = body;
    else free(body);
    scn_turn *t = s->next < s->n_turns ? &s->turns[s->next] : NULL;
    s->next++;
    pthread_mutex_unlock(&s->mu);
    if (!t) {
        const char *r = "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 12\r\nConnection: close\r\n\r\nout of turns";
        write_all(fd, r, strlen(r));
        close(fd);
        return;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (t->delay_ms) {
        struct pollfd p = {s->stop_pipe[0], POLLIN, 0};
        poll(&p, 1, t->delay_ms);
    }
    size_t total = t->cut_at && t->cut_at < t->len ? t->cut_at : t->len;
    size_t piece = t->piece ? t->piece : total;
    for (size_t at = 0; at < total; at += piece) {
        size_t n = total - at < piece ? total - at : piece;
        write_all(fd, t->response + at, n);
        if (t->gap_ms && at + n < total) sleep_ms(t->gap_ms);
    }
    if (t->reset) {
        struct linger lg = {1, 0};
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
    } else if (t->hang) {
        struct pollfd p = {s->stop_pipe[0], POLLIN, 0};
        poll(&p, 1, -1);
    }
    close(fd);
}

static void *conn_main(void *arg)
{
    void **a = arg;
    scn_server *s = a[0];
    serve(s, (int)(long)a[1]);
    free(a);
    pthread_mutex_lock(&s->mu);
    s->active--;
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

static void *accept_main(void *arg)
{
    scn_server *s = arg;
    for (;;) {
        struct pollfd p[2] = {{s->lfd, POLLIN, 0}, {s->stop_pipe[0], POLLIN, 0}};
        if (poll(p, 2, -1) < 0 && errno != EINTR) break;
        if (p[1].revents) break;
        if (!p[0].revents) continue;
        int fd = accept4(s->lfd, NULL, NULL, SOCK_CLOEXEC);
        if (fd < 0) continue;
        /* one thread per connection: a hanging turn must not block the next */
        void **a = malloc(2 * sizeof(void *));
        a[0] = s;
        a[1] = (void *)(long)fd;
        pthread_t t;
        pthread_mutex_lock(&s->mu);
        s->active++;
        pthread_mutex_unlock(&s->mu);
        if (pthread_create(&t, NULL, conn_main, a) == 0) pthread_detach(t);
        else {
            close(fd);
            free(a);
            pthread_mutex_lock(&s->mu);
            s->active--;
            pthread_mutex_unlock(&s->mu);
        }
    }
    return NULL;
}

scn_server *scn_start(scn_turn *turns, size_t n)
{
    scn_server *s = calloc(1, sizeof(*s));
    s->turns = calloc(n ? n : 1, sizeof(scn_turn));
    memcpy(s->turns, turns, n * sizeof(scn_turn));
    s->n_turns = n;
    pthread_mutex_init(&s->mu, NULL);
    s->lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(s->lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s->lfd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(s->lfd, 64) != 0) abort();
    socklen_t sl = sizeof(sa);
    getsockname(s->lfd, (struct sockaddr *)&sa, &sl);
    s->port = ntohs(sa.sin_port);
    snprintf(s->url, sizeof(s->url), "http://127.0.0.1:%d", s->port);
    if (pipe(s->stop_pipe) != 0) abort();
    pthread_create(&s->thread, NULL, accept_main, s);
    return s;
}

int scn_port(const scn_server *s) { return s->port; }
const char *scn_url(const scn_server *s) { return s->url; }

size_t scn_requests(scn_server *s)
{
    pthread_mutex_lock(&s->mu);
    size_t n = s->n_reqs;
    pthread_mutex_unlock(&s->mu);
    return n;
}

const char *scn_request(scn_server *s, size_t i)
{
    pthread_mutex_lock(&s->mu);
    const char *r = i < s->n_reqs ? s->reqs[i] : NULL;
    pthread_mutex_unlock(&s->mu);
    return r;
}

void scn_stop(scn_server *s)
{
    if (!s) return;
    if (write(s->stop_pipe[1], "x", 1) != 1) {}
    pthread_join(s->thread, NULL);
    /* hanging or delayed turns poll the stop pipe: wait for them all */
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&s->mu);
        int n = s->active;
        pthread_mutex_unlock(&s->mu);
        if (n == 0) break;
        sleep_ms(5);
    }
    close(s->lfd);
    close(s->stop_pipe[0]);
    close(s->stop_pipe[1]);
    for (size_t i = 0; i < s->n_turns; i++) free(s->turns[i].response);
    for (size_t i = 0; i < s->n_reqs; i++) free(s->reqs[i]);
    free(s->turns);
    pthread_mutex_destroy(&s->mu);
    free(s);
}

/* ------------------------------------------------------------ builders */

typedef struct sb {
    char *d;
    size_t len, cap;
} sb;

static void sb_put(sb *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->d = realloc(b->d, b->cap);
    }
    memcpy(b->d + b->len, s, n);
    b->len += n;
    b->d[b->len] = 0;
}

static void sb_printf(sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sb *b, const char *fmt, ...)
{
    va_list ap;
    char *s;
    va_start(ap, fmt);
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (n >= 0) {
        sb_put(b, s, (size_t)n);
        free(s);
    }
}

/* s as a JSON string literal body (no quotes). */
static void sb_json(sb *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            sb_put(b, e, 2);
        } else if (c == '\n') sb_put(b, "\\n", 2);
        else if (c < 0x20) sb_printf(b, "\\u%04x", c);
        else sb_put(b, (const char *)&c, 1);
    }
}

static const char SSE_HEAD[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n";

scn_turn scn_sse(const char *const *chunks, size_t n, bool done)
{
    sb b = {0};
    sb_put(&b, SSE_HEAD, sizeof(SSE_HEAD) - 1);
    for (size_t i = 0; i < n; i++) sb_printf(&b, "data: %s\n\n", chunks[i]);
    if (done) sb_put(&b, "data: [DONE]\n\n", 14);
    scn_turn t;
    memset(&t, 0, sizeof(t));
    t.response = b.d;
    t.len = b.len;
    return t;
}

#define CHUNK_HEAD "{\"id\":\"chatcmpl-x\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,"

scn_turn scn_tool_call(const char *name, const char *args, size_t frag)
{
    static unsigned seq;
    sb b = {0};
    sb_put(&b, SSE_HEAD, sizeof(SSE_HEAD) - 1);
    sb_printf(&b, "data: " CHUNK_HEAD "\"delta\":{\"role\":\"assistant\",\"content\":null},\"finish_reason\":null}]}\n\n");
    size_t al = strlen(args);
    if (frag == 0) frag = al ? al : 1;
    sb_printf(&b, "data: " CHUNK_HEAD "\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call%08u\",\"type\":\"function\","
                  "\"function\":{\"name\":\"%s\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n",
              ++seq, name);
    for (size_t at = 0; at < al; at += frag) {
        sb_printf(&b, "data: " CHUNK_HEAD "\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"");
        sb_json(&b, args + at, al - at < frag ? al - at : frag);
        sb_printf(&b, "\"}}]},\"finish_reason\":null}]}\n\n");
    }
    sb_printf(&b, "data: " CHUNK_HEAD "\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n");
    sb_printf(&b, "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":20,\"total_tokens\":120}}\n\n");
    sb_put(&b, "data: [DONE]\n\n", 14);
    scn_turn t;
    memset(&t, 0, sizeof(t));
    t.response = b.d;
    t.len = b.len;
    return t;
}

scn_turn scn_text(const char *content, const char *reasoning, const char *reason)
{
    sb b = {0};
    sb_put(&b, SSE_HEAD, sizeof(SSE_HEAD) - 1);
    if (reasoning) {
        sb_printf(&b, "data: " CHUNK_HEAD "\"delta\":{\"reasoning_content\":\"");
        sb_json(&b, reasoning, strlen(reasoning));
        sb_printf(&b, "\"},\"finish_reason\":null}]}\n\n");
    }
    if (content) {
        sb_printf(&b, "data: " CHUNK_HEAD "\"delta\":{\"content\":\"");
        sb_json(&b, content, strlen(content));
        sb_printf(&b, "\"},\"finish_reason\":null}]}\n\n");
    }
    sb_printf(&b, "data: " CHUNK_HEAD "\"delta\":{},\"finish_reason\":\"%s\"}]}\n\n", reason ? reason : "stop");
    sb_put(&b, "data: [DONE]\n\n", 14);
    scn_turn t;
    memset(&t, 0, sizeof(t));
    t.response = b.d;
    t.len = b.len;
    return t;
}

scn_turn scn_status(int status, const char *extra_headers, const char *body)
{
    sb b = {0};
    sb_printf(&b, "HTTP/1.1 %d X\r\nContent-Type: application/json\r\nContent-Length: %zu\r\nConnection: close\r\n%s\r\n%s",
              status, strlen(body), extra_headers ? extra_headers : "", body);
    scn_turn t;
    memset(&t, 0, sizeof(t));
    t.response = b.d;
    t.len = b.len;
    return t;
}
