/*
 * fakeapi.c - the scripted Kubernetes API server of fakeapi.h.
 *
 * libmicrohttpd with a thread per connection: a hanging watch blocks only
 * its own thread, which polls for release or stop every few milliseconds.
 */
#include "fakeapi.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <microhttpd.h>

#define MAX_ANSWERS 64
#define MAX_REQUESTS 256

typedef struct answer {
    int status;
    char *body;
    fapi_end end;
} answer;

typedef struct queue {
    answer a[MAX_ANSWERS];
    size_t head, tail;
    char *queries[MAX_REQUESTS]; /* "&k=v&k=v&" of each request */
    size_t n_requests;
} queue;

struct fapi_server {
    struct MHD_Daemon *d;
    char path[256];
    char url[64];
    pthread_mutex_t mu;
    pthread_cond_t cond;
    queue q[2];
    atomic_int stop;
    atomic_int closing;
    atomic_int release_gen;
};

typedef struct stream {
    fapi_server *s;
    char *data;
    size_t len;
    fapi_end end;
    int gen; /* release_gen when the stream started */
} stream;

/* ------------------------------------------------------------ helpers */

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

static void push(fapi_server *s, fapi_verb v, int status, const char *body, fapi_end end)
{
    pthread_mutex_lock(&s->mu);
    queue *q = &s->q[v];
    if (q->tail < MAX_ANSWERS) q->a[q->tail++] = (answer){status, dup_str(body ? body : ""), end};
    pthread_mutex_unlock(&s->mu);
}

const char *fapi_status_json(int code, const char *reason, const char *message)
{
    static __thread char buf[1024];
    snprintf(buf, sizeof(buf),
             "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"%s\","
             "\"reason\":\"%s\",\"code\":%d}",
             message, reason, code);
    return buf;
}

/* ------------------------------------------------------------ serving */

static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    char *q = cls;
    size_t n = strlen(q);
    (void)kind;
    snprintf(q + n, 1024 - n, "%s=%s&", key, value ? value : "");
    return MHD_YES;
}

static ssize_t stream_reader(void *cls, uint64_t pos, char *buf, size_t max)
{
    stream *st = cls;
    if (pos < st->len) {
        /* One event (line) per call, so each goes out as its own chunk. */
        const char *p = st->data + pos;
        const char *nl = memchr(p, '\n', st->len - (size_t)pos);
        size_t n = nl ? (size_t)(nl - p) + 1 : st->len - (size_t)pos;
        if (n > max) n = max;
        memcpy(buf, p, n);
        return (ssize_t)n;
    }
    switch (st->end) {
    case FAPI_DROP: return MHD_CONTENT_READER_END_WITH_ERROR;
    case FAPI_HANG:
        while (!atomic_load(&st->s->stop) && !atomic_load(&st->s->closing) &&
               atomic_load(&st->s->release_gen) == st->gen)
            usleep(5000);
        return atomic_load(&st->s->closing) ? MHD_CONTENT_READER_END_WITH_ERROR : MHD_CONTENT_READER_END_OF_STREAM;
    default: return MHD_CONTENT_READER_END_OF_STREAM;
    }
}

static void stream_free(void *cls)
{
    stream *st = cls;
    free(st->data);
    free(st);
}

static enum MHD_Result send_body(struct MHD_Connection *conn, int status, const char *body)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(body), (void *)body, MHD_RESPMEM_MUST_COPY);
    MHD_add_response_header(r, "Content-Type", "application/json");
    enum MHD_Result ret = MHD_queue_response(conn, (unsigned)status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                               const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    fapi_server *s = cls;
    (void)version;
    (void)upload;
    if (!*con_cls) { /* first call: headers only */
        *con_cls = s;
        return MHD_YES;
    }
    *upload_size = 0;
    if (strcmp(url, s->path) != 0 || strcmp(method, "GET") != 0)
        return send_body(conn, 404, fapi_status_json(404, "NotFound", "the server could not find the requested resource"));
    const char *w = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "watch");
    fapi_verb v = w && (strcmp(w, "true") == 0 || strcmp(w, "1") == 0) ? FAPI_WATCH : FAPI_LIST;
    char *query = calloc(1, 1024);
    if (query) {
        query[0] = '&';
        MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, add_arg, query);
    }
    answer a = {0, NULL, FAPI_HANG};
    pthread_mutex_lock(&s->mu);
    queue *q = &s->q[v];
    if (q->n_requests < MAX_REQUESTS) q->queries[q->n_requests++] = query;
    else free(query);
    if (q->head < q->tail) a = q->a[q->head++];
    pthread_cond_broadcast(&s->cond);
    pthread_mutex_unlock(&s->mu);

    if (v == FAPI_LIST) {
        enum MHD_Result ret = a.body ? send_body(conn, a.status, a.body)
                                     : send_body(conn, 500, fapi_status_json(500, "InternalError", "no list scripted"));
        free(a.body);
        return ret;
    }
    if (a.body && a.status != 200) {
        enum MHD_Result ret = send_body(conn, a.status, a.body);
        free(a.body);
        return ret;
    }
    stream *st = calloc(1, sizeof(*st));
    st->s = s;
    st->data = a.body ? a.body : dup_str("");
    st->len = strlen(st->data);
    st->end = a.end;
    st->gen = atomic_load(&s->release_gen);
    struct MHD_Response *r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, stream_reader, st, stream_free);
    MHD_add_response_header(r, "Content-Type", "application/json");
    enum MHD_Result ret = MHD_queue_response(conn, 200, r);
    MHD_destroy_response(r);
    return ret;
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)conn;
    (void)toe;
    *con_cls = NULL;
}

/* ------------------------------------------------------------ control */

fapi_server *fapi_start(const char *path)
{
    fapi_server *s = calloc(1, sizeof(*s));
    if (!s) return NULL;
    snprintf(s->path, sizeof(s->path), "%s", path);
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cond, NULL);
    s->d = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL, NULL,
                            handler, s, MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
                            MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_END);
    const union MHD_DaemonInfo *info = s->d ? MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT) : NULL;
    if (!info || !info->port) {
        fapi_stop(s);
        return NULL;
    }
    snprintf(s->url, sizeof(s->url), "http://127.0.0.1:%u", (unsigned)info->port);
    return s;
}

void fapi_stop(fapi_server *s)
{
    if (!s) return;
    atomic_store(&s->stop, 1);
    if (s->d) MHD_stop_daemon(s->d);
    for (int v = 0; v < 2; v++) {
        queue *q = &s->q[v];
        for (size_t i = q->head; i < q->tail; i++) free(q->a[i].body);
        for (size_t i = 0; i < q->n_requests; i++) free(q->queries[i]);
    }
    pthread_cond_destroy(&s->cond);
    pthread_mutex_destroy(&s->mu);
    free(s);
}

const char *fapi_url(const fapi_server *s)
{
    return s->url;
}

void fapi_list(fapi_server *s, int status, const char *body)
{
    push(s, FAPI_LIST, status, body, FAPI_END);
}

void fapi_watch(fapi_server *s, int status, const char *events, fapi_end end)
{
    push(s, FAPI_WATCH, status, events, end);
}

void fapi_close_streams(fapi_server *s)
{
    atomic_store(&s->closing, 1);
}

void fapi_release(fapi_server *s)
{
    atomic_fetch_add(&s->release_gen, 1);
}

size_t fapi_count(fapi_server *s, fapi_verb v)
{
    pthread_mutex_lock(&s->mu);
    size_t n = s->q[v].n_requests;
    pthread_mutex_unlock(&s->mu);
    return n;
}

bool fapi_wait_count(fapi_server *s, fapi_verb v, size_t n, int timeout_ms)
{
    struct timespec dl;
    clock_gettime(CLOCK_REALTIME, &dl);
    dl.tv_sec += timeout_ms / 1000;
    dl.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (dl.tv_nsec >= 1000000000L) {
        dl.tv_sec++;
        dl.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&s->mu);
    while (s->q[v].n_requests < n)
        if (pthread_cond_timedwait(&s->cond, &s->mu, &dl) != 0) break;
    bool ok = s->q[v].n_requests >= n;
    pthread_mutex_unlock(&s->mu);
    return ok;
}

bool fapi_query(fapi_server *s, fapi_verb v, size_t i, const char *name, char *buf, size_t cap)
{
    bool found = false;
    if (cap) buf[0] = 0;
    pthread_mutex_lock(&s->mu);
    const char *q = i < s->q[v].n_requests ? s->q[v].queries[i] : NULL;
    if (q) {
        char pat[128];
        snprintf(pat, sizeof(pat), "&%s=", name);
        const char *p = strstr(q, pat);
        if (p) {
            p += strlen(pat);
            const char *e = strchr(p, '&');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            if (n >= cap) n = cap ? cap - 1 : 0;
            if (cap) {
                memcpy(buf, p, n);
                buf[n] = 0;
            }
            found = true;
        }
    }
    pthread_mutex_unlock(&s->mu);
    return found;
}
