/*
 * kube_http.c - the client's transport: the client object, libcurl handles,
 * TLS, rate limiting, retries, the rest_client metrics and the mapping of
 * failures to one-line errors. Credentials (static, token file, exec
 * plugin) come from kube_auth.c; kube.c builds the REST calls on top.
 *
 * Connection reuse. libcurl 7.88 documents that a connection cache shared
 * through CURLSH (CURL_LOCK_DATA_CONNECT) must not be used by concurrent
 * threads, so the share holds only the DNS cache and the TLS session cache
 * (both safe with lock callbacks). Connections are reused through a pool of
 * easy handles instead: each handle keeps its live connections, a request
 * borrows an idle handle (from any thread) and gives it back, so serial and
 * concurrent requests alike find warm connections, and a new connection
 * still resumes a shared TLS session.
 */
#include "kube_internal.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "error.h"
#include "kube_json.h"

#define RETRY_THROTTLE_MAX 10        /* 429/503 retries */
#define RETRY_THROTTLE_CAP_MS 10000  /* longest Retry-After sleep */
#define RETRY_CONN_MAX 5             /* connection-failure retries */
#define RETRY_CONN_BASE_MS 100
#define RETRY_CONN_CAP_MS 5000
#define WATCH_SILENCE_MARGIN_S 30

#if defined(__x86_64__)
#define GO_ARCH "amd64"
#elif defined(__aarch64__)
#define GO_ARCH "arm64"
#elif defined(__i386__)
#define GO_ARCH "386"
#elif defined(__arm__)
#define GO_ARCH "arm"
#elif defined(__powerpc64__)
#define GO_ARCH "ppc64le"
#elif defined(__s390x__)
#define GO_ARCH "s390x"
#else
#define GO_ARCH "unknown"
#endif
#if defined(__linux__)
#define GO_OS "linux"
#elif defined(__APPLE__)
#define GO_OS "darwin"
#else
#define GO_OS "unknown"
#endif

/* ------------------------------------------------------------ small helpers */

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* Sleeps ms, or until the caller's cancel flag is set through
 * fm_clock_stop_store() (which wakes the sleep); true if cancelled. */
static bool sleep_cancellable(long ms, const atomic_int *cancel)
{
    return fm_clock_sleep(NULL, (int64_t)ms * FM_NSEC_PER_MSEC, cancel) == FM_ECANCELED;
}

static double mono_s(void)
{
    return (double)fm_clock_now(NULL) / 1e9;
}

static long jitter_ms(long max)
{
    return max > 0 ? (long)(fm_rand64() % (uint64_t)max) : 0;
}

/* Deep copy of a resolved config (the client keeps its own). */
static fm_kube_config *config_dup(const fm_kube_config *s)
{
    fm_kube_config *d = calloc(1, sizeof(*d));
    if (!d) return NULL;
    d->in_cluster = s->in_cluster;
    d->insecure_skip_tls_verify = s->insecure_skip_tls_verify;
    bool ok = !fm_strset(&d->source, s->source) && !fm_strset(&d->context, s->context) &&
              !fm_strset(&d->cluster_name, s->cluster_name) && !fm_strset(&d->user_name, s->user_name) &&
              !fm_strset(&d->namespace_, s->namespace_ ? s->namespace_ : "default") &&
              !fm_strset(&d->server, s->server) && !fm_strset(&d->tls_server_name, s->tls_server_name) &&
              !fm_strset(&d->proxy_url, s->proxy_url) && !fm_kube_blob_dup(&d->ca, &s->ca) &&
              !fm_kube_blob_dup(&d->client_cert, &s->client_cert) && !fm_kube_blob_dup(&d->client_key, &s->client_key) &&
              !fm_strset(&d->token, s->token) && !fm_strset(&d->token_file, s->token_file) &&
              !fm_strset(&d->username, s->username) && !fm_strset(&d->password, s->password) &&
              !fm_strset(&d->warning, s->warning);
    if (ok && s->exec) {
        fm_kube_exec_config *e = calloc(1, sizeof(*e));
        d->exec = e;
        ok = e && !fm_strset(&e->api_version, s->exec->api_version) &&
             !fm_strset(&e->command, s->exec->command) &&
             !fm_strset(&e->interactive_mode, s->exec->interactive_mode);
        if (ok) {
            e->provide_cluster_info = s->exec->provide_cluster_info;
            e->args = calloc(s->exec->n_args + 1, sizeof(char *));
            e->env = calloc(s->exec->n_env + 1, sizeof(char *));
            ok = e->args && e->env;
            for (size_t i = 0; ok && i < s->exec->n_args; i++, e->n_args++)
                ok = (e->args[i] = fm_strdup(s->exec->args[i])) != NULL;
            for (size_t i = 0; ok && i < s->exec->n_env; i++, e->n_env++)
                ok = (e->env[i] = fm_strdup(s->exec->env[i])) != NULL;
        }
    }
    if (!ok) {
        fm_kube_config_free(d);
        return NULL;
    }
    return d;
}

/* ------------------------------------------------------------ share locks */

static void share_lock(CURL *h, curl_lock_data data, curl_lock_access access, void *ud)
{
    fm_kube_client *c = ud;
    (void)h;
    (void)access;
    pthread_mutex_lock(&c->share_mu[data]);
}

static void share_unlock(CURL *h, curl_lock_data data, void *ud)
{
    fm_kube_client *c = ud;
    (void)h;
    pthread_mutex_unlock(&c->share_mu[data]);
}

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_rc;
static void curl_init_once(void)
{
    curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* ------------------------------------------------------------ client */

/*
 * Splits "https://host:port/prefix" for the tls-server-name case: the URL
 * names tls-server-name (so SNI and certificate checks use it) and
 * CURLOPT_CONNECT_TO sends the connection to the real host.
 */
static int setup_server_name(fm_kube_client *c)
{
    const char *srv = c->cfg->server;
    if (!c->cfg->tls_server_name) return fm_strset(&c->url_base, srv);
    const char *hp = strstr(srv, "://");
    hp = hp ? hp + 3 : srv;
    const char *end = strchr(hp, '/');
    size_t hplen = end ? (size_t)(end - hp) : strlen(hp);
    char host[512], port[16];
    const char *colon = NULL;
    if (hplen >= sizeof(host)) return fm_error_set(FM_EINVAL, "kube client: server URL too long");
    if (hp[0] == '[') {
        const char *rb = memchr(hp, ']', hplen);
        if (!rb) return fm_error_set(FM_EINVAL, "kube client: bad server URL %s", srv);
        colon = (rb + 1 < hp + hplen && rb[1] == ':') ? rb + 1 : NULL;
    } else {
        colon = memchr(hp, ':', hplen);
    }
    size_t hl = colon ? (size_t)(colon - hp) : hplen;
    memcpy(host, hp, hl);
    host[hl] = 0;
    if (colon) snprintf(port, sizeof(port), "%.*s", (int)(hp + hplen - colon - 1), colon + 1);
    else snprintf(port, sizeof(port), "%s", strncmp(srv, "http://", 7) == 0 ? "80" : "443");
    fm_buf b = FM_BUF_INIT;
    if (fm_buf_printf(&b, "%.*s%s:%s%s", (int)(hp - srv), srv, c->cfg->tls_server_name, port,
                      end ? end : "") < 0)
        return FM_ENOMEM;
    c->url_base = fm_buf_detach(&b);
    if (fm_buf_printf(&b, "%s:%s:%s:%s", c->cfg->tls_server_name, port, host, port) < 0) return FM_ENOMEM;
    c->connect_to = fm_buf_detach(&b);
    return 0;
}

static void setup_metrics(fm_kube_client *c);

int fm_kube_client_new(fm_kube_client **out, const fm_kube_config *cfg, const fm_kube_client_opts *opts)
{
    fm_kube_client_opts o = {0};
    int rc = FM_ENOMEM;
    *out = NULL;
    if (!cfg || !cfg->server) return fm_error_set(FM_EINVAL, "kube client: no configuration");
    if (opts) o = *opts;
    pthread_once(&curl_once, curl_init_once);
    if (curl_init_rc != CURLE_OK)
        return fm_error_set(FM_ETRANSPORT, "kube client: libcurl init failed: %s", curl_easy_strerror(curl_init_rc));

    fm_kube_client *c = calloc(1, sizeof(*c));
    if (!c) return fm_error_set(FM_ENOMEM, "kube client: out of memory");
    pthread_mutex_init(&c->pool_mu, NULL);
    pthread_mutex_init(&c->auth_mu, NULL);
    pthread_mutex_init(&c->rl_mu, NULL);
    for (int i = 0; i < CURL_LOCK_DATA_LAST; i++) pthread_mutex_init(&c->share_mu[i], NULL);

    if (!(c->cfg = config_dup(cfg))) goto fail;
    const char *prog = o.program && o.program[0] ? o.program : "client";
    fm_buf b = FM_BUF_INIT;
    if (fm_buf_printf(&b, "foreman-%s/%s (%s/%s)", prog, FOREMAN_VERSION, GO_OS, GO_ARCH) < 0) goto fail;
    c->user_agent = fm_buf_detach(&b);
    if (o.field_manager && o.field_manager[0]) {
        if (fm_strset(&c->field_manager, o.field_manager) < 0) goto fail;
    } else {
        if (fm_buf_printf(&b, "foreman-%s", prog) < 0) goto fail;
        c->field_manager = fm_buf_detach(&b);
    }
    if ((rc = setup_server_name(c)) < 0) goto fail;
    c->connect_timeout_ms = o.connect_timeout_ms > 0 ? o.connect_timeout_ms : 10000;
    c->request_timeout_ms = o.request_timeout_ms > 0 ? o.request_timeout_ms : 30000;
    c->qps = o.qps > 0 ? o.qps : 0;
    fm_token_bucket_init(&c->rl, c->qps, o.burst > 0 ? (double)o.burst : (c->qps > 1 ? c->qps : 1),
                         fm_clock_now(NULL));
    setup_metrics(c);

    c->share = curl_share_init();
    if (!c->share) goto fail;
    curl_share_setopt(c->share, CURLSHOPT_LOCKFUNC, share_lock);
    curl_share_setopt(c->share, CURLSHOPT_UNLOCKFUNC, share_unlock);
    curl_share_setopt(c->share, CURLSHOPT_USERDATA, c);
    curl_share_setopt(c->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(c->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    *out = c;
    return 0;
fail:
    fm_kube_client_free(c);
    if (rc == FM_ENOMEM) return fm_error_set(FM_ENOMEM, "kube client: out of memory");
    return rc;
}

int fm_kube_client_new_default(fm_kube_client **out, const char *kubeconfig, const char *context,
                            const fm_kube_client_opts *opts)
{
    fm_kube_config_opts co = {kubeconfig, context, NULL};
    fm_kube_config *cfg = NULL;
    *out = NULL;
    int rc = fm_kube_config_load(&cfg, &co);
    if (rc < 0) return rc;
    rc = fm_kube_client_new(out, cfg, opts);
    fm_kube_config_free(cfg);
    return rc;
}

void fm_kube_client_free(fm_kube_client *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->n_idle; i++) curl_easy_cleanup(c->idle[i]);
    if (c->share) curl_share_cleanup(c->share);
    fm_kube_config_free(c->cfg);
    free(c->user_agent);
    free(c->field_manager);
    free(c->url_base);
    free(c->metric_host);
    free(c->connect_to);
    fm_kube_auth_clear(c);
    pthread_mutex_destroy(&c->pool_mu);
    pthread_mutex_destroy(&c->auth_mu);
    pthread_mutex_destroy(&c->rl_mu);
    for (int i = 0; i < CURL_LOCK_DATA_LAST; i++) pthread_mutex_destroy(&c->share_mu[i]);
    free(c);
}

const char *fm_kube_client_namespace(const fm_kube_client *c)
{
    return c->cfg->namespace_;
}

const char *fm_kube_client_server(const fm_kube_client *c)
{
    return c->cfg->server;
}

const char *fm_kube_client_user_agent(const fm_kube_client *c)
{
    return c->user_agent;
}

const char *fm_kube_client_warning(const fm_kube_client *c)
{
    return c->cfg->warning;
}

const char *fm_kube_http_field_manager(const fm_kube_client *c)
{
    return c->field_manager;
}

void fm_kube_client_get_stats(const fm_kube_client *c, fm_kube_client_stats *out)
{
    out->requests = atomic_load(&((fm_kube_client *)c)->n_requests);
    out->retries = atomic_load(&((fm_kube_client *)c)->n_retries);
    out->exec_runs = atomic_load(&((fm_kube_client *)c)->n_exec);
    out->handles_created = atomic_load(&((fm_kube_client *)c)->n_handles);
    out->connections = atomic_load(&((fm_kube_client *)c)->n_connects);
    out->http2 = atomic_load(&((fm_kube_client *)c)->n_http2);
}

void fm_kube_response_free(fm_kube_response *r)
{
    if (!r) return;
    fm_buf_free(&r->body);
    free(r->content_type);
    memset(r, 0, sizeof(*r));
}

/* ------------------------------------------------------------ handle pool */

static CURL *pool_get(fm_kube_client *c)
{
    CURL *h = NULL;
    pthread_mutex_lock(&c->pool_mu);
    if (c->n_idle) h = c->idle[--c->n_idle];
    pthread_mutex_unlock(&c->pool_mu);
    if (!h) {
        h = curl_easy_init();
        if (h) atomic_fetch_add(&c->n_handles, 1);
    } else {
        /* Options go back to defaults; live connections and the TLS session
         * cache survive a reset, which is what makes reuse work. */
        curl_easy_reset(h);
    }
    return h;
}

static void pool_put(fm_kube_client *c, CURL *h, bool keep)
{
    if (!h) return;
    pthread_mutex_lock(&c->pool_mu);
    if (keep && c->n_idle < POOL_MAX_IDLE) {
        c->idle[c->n_idle++] = h;
        h = NULL;
    }
    pthread_mutex_unlock(&c->pool_mu);
    if (h) curl_easy_cleanup(h);
}

/* ------------------------------------------------------------ metrics */

/* client-go's bucket layout for rest_client_request_duration_seconds and
 * rest_client_rate_limiter_duration_seconds (k8s.io/component-base), so the
 * same dashboards and alert thresholds apply. */
static const double rest_client_buckets[] = {0.005, 0.025, 0.1, 0.25, 0.5, 1.0,
                                             2.0,   4.0,   8.0, 15.0, 30.0, 60.0};

/* Registers client-go's REST client families in the default registry and
 * works out the host label. Failure only leaves the families NULL: metrics
 * are an aid, never a reason to refuse to build a client. */
static void setup_metrics(fm_kube_client *c)
{
    fm_metrics *reg = fm_metrics_default();
    const char *srv = c->cfg->server, *hp = strstr(srv, "://");
    hp = hp ? hp + 3 : srv;
    size_t n = strcspn(hp, "/?#");
    c->metric_host = fm_strndup(hp, n);
    if (!reg || !c->metric_host) return;
    size_t nb = sizeof(rest_client_buckets) / sizeof(rest_client_buckets[0]);
    if (fm_metrics_counter(&c->m_requests, reg, "rest_client_requests_total",
                        "Number of HTTP requests, partitioned by status code, method, and host.",
                        "code", "method", "host", NULL) < 0)
        c->m_requests = NULL;
    if (fm_metrics_histogram(&c->m_duration, reg, "rest_client_request_duration_seconds",
                          "Request latency in seconds. Broken down by verb, and host.",
                          rest_client_buckets, nb, "verb", "host", NULL) < 0)
        c->m_duration = NULL;
    if (c->qps > 0 &&
        fm_metrics_histogram(&c->m_limiter, reg, "rest_client_rate_limiter_duration_seconds",
                          "Client side rate limiter latency in seconds. Broken down by verb, and host.",
                          rest_client_buckets, nb, "verb", "host", NULL) < 0)
        c->m_limiter = NULL;
    fm_error_clear();
}

/* Records one attempt as client-go does: its status code (or "<error>" when
 * no response came) and its latency up to the response headers (a watch's
 * whole stream is not latency). */
static void record_request(fm_kube_client *c, const char *method, long status, double seconds)
{
    fm_series *s;
    char code[24];
    if (status > 0) snprintf(code, sizeof(code), "%ld", status);
    else snprintf(code, sizeof(code), "<error>");
    if (c->m_requests && fm_metrics_series(&s, c->m_requests, code, method, c->metric_host, NULL) == 0)
        fm_metrics_inc(s);
    if (c->m_duration && fm_metrics_series(&s, c->m_duration, method, c->metric_host, NULL) == 0)
        fm_metrics_observe(s, seconds);
}

/* ------------------------------------------------------------ rate limit */

/* Takes one token from the bucket, sleeping for it when the bucket is empty
 * (the token is reserved first, so waiters are served in arrival order). */
static void rate_limit(fm_kube_client *c, const char *method)
{
    if (c->qps <= 0) return;
    pthread_mutex_lock(&c->rl_mu);
    double wait = (double)fm_token_bucket_reserve(&c->rl, fm_clock_now(NULL), true) / 1e9;
    pthread_mutex_unlock(&c->rl_mu);
    if (wait > 0) sleep_ms((long)(wait * 1000 + 0.5));
    fm_series *s;
    if (c->m_limiter && fm_metrics_series(&s, c->m_limiter, method, c->metric_host, NULL) == 0)
        fm_metrics_observe(s, wait > 0 ? wait : 0);
}

/* ------------------------------------------------------------ one attempt */

typedef struct xfer {
    fm_kube_response *resp;
    fm_kube_http_req *req;
    CURL *h;
    bool checked_status;
    bool stream;           /* 2xx with a sink: body goes to the sink */
    long retry_after_ms;   /* -1 when the answer had no Retry-After */
} xfer;

/*
 * Picks Retry-After out of the response headers. libcurl's
 * CURLINFO_RETRY_AFTER cannot tell "Retry-After: 0" from no header, and the
 * difference matters (0 means now, none means our 1 s default). The
 * HTTP-date form counts as "no usable value".
 */
static size_t on_header(char *data, size_t size, size_t nmemb, void *ud)
{
    xfer *x = ud;
    size_t n = size * nmemb;
    static const char name[] = "retry-after:";
    if (n > sizeof(name) - 1 && strncasecmp(data, name, sizeof(name) - 1) == 0) {
        size_t i = sizeof(name) - 1;
        while (i < n && (data[i] == ' ' || data[i] == '\t')) i++;
        long v = 0;
        bool digits = false;
        while (i < n && data[i] >= '0' && data[i] <= '9' && v < 1000000) {
            v = v * 10 + (data[i++] - '0');
            digits = true;
        }
        if (digits) x->retry_after_ms = v * 1000;
    }
    return n;
}

static size_t on_write(char *data, size_t size, size_t nmemb, void *ud)
{
    xfer *x = ud;
    size_t n = size * nmemb;
    if (!x->checked_status) {
        long st = 0;
        curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &st);
        x->stream = x->req->sink && st >= 200 && st < 300;
        x->checked_status = true;
    }
    if (x->stream) {
        int rc = x->req->sink(x->req->sink_ud, data, n);
        if (rc) {
            x->req->sink_rc = rc;
            return 0; /* aborts with CURLE_WRITE_ERROR */
        }
        return n;
    }
    if (x->resp->body.len + n > CODEC_MAX_INPUT) return 0;
    if (fm_buf_put(&x->resp->body, data, n) < 0) return 0;
    return n;
}

static int on_progress(void *ud, curl_off_t dlt, curl_off_t dln, curl_off_t ult, curl_off_t uln)
{
    const xfer *x = ud;
    (void)dlt;
    (void)dln;
    (void)ult;
    (void)uln;
    return x->req->cancel && atomic_load(x->req->cancel) ? 1 : 0;
}

/* Sets every option of one attempt on h. Returns 0 or FM_ENOMEM. */
static int setup(fm_kube_client *c, CURL *h, fm_kube_http_req *r, xfer *x, const fm_kube_cred *k,
                 struct curl_slist **hdrs, char *errbuf, const char *url)
{
    const fm_kube_config *cfg = c->cfg;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_SHARE, c->share);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
    curl_easy_setopt(h, CURLOPT_USERAGENT, c->user_agent);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, c->connect_timeout_ms);
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_TCP_KEEPIDLE, 30L);
    curl_easy_setopt(h, CURLOPT_TCP_KEEPINTVL, 10L);
    curl_easy_setopt(h, CURLOPT_MAXCONNECTS, 4L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_write);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, x);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, x);
    if (r->watch_timeout_s > 0) {
        /* No total timeout: a watch lasts as long as the server keeps it.
         * A connection silent for longer than the server-side timeout plus
         * a margin is dead (the server would have ended the watch). */
        curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, r->watch_timeout_s + WATCH_SILENCE_MARGIN_S);
    } else {
        curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, c->request_timeout_ms);
    }
    if (r->cancel) {
        curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
        curl_easy_setopt(h, CURLOPT_XFERINFODATA, x);
    }
    if (c->connect_to) {
        struct curl_slist *ct = curl_slist_append(NULL, c->connect_to);
        if (!ct) return FM_ENOMEM;
        /* kept alive by the caller through hdrs' sibling list below */
        curl_easy_setopt(h, CURLOPT_CONNECT_TO, ct);
        hdrs[1] = ct;
    }
    if (cfg->proxy_url) curl_easy_setopt(h, CURLOPT_PROXY, cfg->proxy_url);

    /* TLS */
    if (cfg->insecure_skip_tls_verify) {
        curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
    } else if (cfg->ca.data) {
        struct curl_blob b = {cfg->ca.data, cfg->ca.len, CURL_BLOB_COPY};
        curl_easy_setopt(h, CURLOPT_CAINFO_BLOB, &b);
    }
    fm_kube_auth_apply(h, cfg, k);

    /* Method and body */
    struct curl_slist *hl = curl_slist_append(NULL, "Accept: application/json");
    if (!hl) return FM_ENOMEM;
    if (r->content_type) {
        char ct[160];
        snprintf(ct, sizeof(ct), "Content-Type: %s", r->content_type);
        struct curl_slist *n2 = curl_slist_append(hl, ct);
        if (!n2) {
            curl_slist_free_all(hl);
            return FM_ENOMEM;
        }
        hl = n2;
    }
    /* Expect: 100-continue costs a round trip on big bodies; the API server
     * never needs it. */
    struct curl_slist *n3 = curl_slist_append(hl, "Expect:");
    if (!n3) {
        curl_slist_free_all(hl);
        return FM_ENOMEM;
    }
    hl = n3;
    hdrs[0] = hl;
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hl);
    if (strcmp(r->method, "GET") == 0) {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else if (strcmp(r->method, "HEAD") == 0) {
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    } else {
        if (strcmp(r->method, "POST") != 0) curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, r->method);
        if (r->body || strcmp(r->method, "POST") == 0 || strcmp(r->method, "PUT") == 0 ||
            strcmp(r->method, "PATCH") == 0) {
            curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(r->body ? r->len : 0));
            curl_easy_setopt(h, CURLOPT_POSTFIELDS, r->body ? r->body : "");
        }
    }
    return 0;
}

/* The host part of the server URL, for messages. */
static void server_host(char *dst, size_t cap, const char *server)
{
    const char *p = strstr(server, "://");
    p = p ? p + 3 : server;
    size_t n = strcspn(p, "/");
    snprintf(dst, cap, "%.*s", (int)n, p);
}

/* Turns a libcurl failure into FM_ETRANSPORT (or FM_ECANCELED) with a
 * message saying what failed. */
static int transport_error(fm_kube_client *c, const fm_kube_http_req *r, CURLcode cc, const char *errbuf, long elapsed_ms)
{
    char host[300];
    const char *detail = errbuf && errbuf[0] ? errbuf : curl_easy_strerror(cc);
    server_host(host, sizeof(host), c->cfg->server);
    switch (cc) {
    case CURLE_ABORTED_BY_CALLBACK:
        return fm_error_set(FM_ECANCELED, "%s: cancelled", r->what);
    case CURLE_COULDNT_RESOLVE_HOST:
        return fm_error_set(FM_ETRANSPORT, "%s: DNS lookup of %s failed: %s", r->what, host, detail);
    case CURLE_COULDNT_RESOLVE_PROXY:
        return fm_error_set(FM_ETRANSPORT, "%s: DNS lookup of the proxy failed: %s", r->what, detail);
    case CURLE_COULDNT_CONNECT:
        return fm_error_set(FM_ETRANSPORT, "%s: cannot connect to %s: %s", r->what, host, detail);
    case CURLE_OPERATION_TIMEDOUT:
        if (r->watch_timeout_s > 0)
            return fm_error_set(FM_ETRANSPORT, "%s: watch connection to %s silent for %ld s: %s", r->what, host,
                                r->watch_timeout_s + WATCH_SILENCE_MARGIN_S, detail);
        return fm_error_set(FM_ETRANSPORT, "%s: request to %s timed out after %ld ms: %s", r->what, host,
                            elapsed_ms, detail);
    case CURLE_PEER_FAILED_VERIFICATION:
        return fm_error_set(FM_ETRANSPORT, "%s: TLS verification of %s failed (check certificate-authority / tls-server-name): %s",
                            r->what, host, detail);
    case CURLE_SSL_CACERT_BADFILE:
        return fm_error_set(FM_ETRANSPORT, "%s: the certificate-authority data is not a usable PEM bundle: %s", r->what,
                            detail);
    case CURLE_SSL_CERTPROBLEM:
        return fm_error_set(FM_ETRANSPORT, "%s: the client certificate cannot be used: %s", r->what, detail);
    case CURLE_SSL_CONNECT_ERROR:
        return fm_error_set(FM_ETRANSPORT, "%s: TLS handshake with %s failed: %s", r->what, host, detail);
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_PARTIAL_FILE:
        return fm_error_set(FM_ETRANSPORT, "%s: connection to %s broken: %s", r->what, host, detail);
    case CURLE_WRITE_ERROR:
        return fm_error_set(FM_ELIMIT, "%s: response too large or out of memory", r->what);
    default:
        return fm_error_set(FM_ETRANSPORT, "%s: request to %s failed: %s", r->what, host, detail);
    }
}

/* Connection failures where the request surely or probably did not reach
 * the server's handlers. */
static bool conn_retryable(CURLcode cc)
{
    switch (cc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return true;
    default:
        return false;
    }
}

static bool idempotent(const char *m)
{
    return strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0 || strcmp(m, "PUT") == 0 || strcmp(m, "DELETE") == 0;
}

int fm_kube_http_do(fm_kube_response *out, fm_kube_client *c, fm_kube_http_req *r)
{
    char errbuf[CURL_ERROR_SIZE];
    int throttle_tries = 0, conn_tries = 0;
    bool auth_retried = false, refresh = false;
    fm_buf url = FM_BUF_INIT;
    int rc;

    fm_kube_response_free(out);
    if (!r->path || r->path[0] != '/') return fm_error_set(FM_EINVAL, "%s: path must start with '/'", r->what);
    if (fm_buf_printf(&url, "%s%s", c->url_base, r->path) < 0)
        return fm_error_set(FM_ENOMEM, "%s: out of memory", r->what);

    for (;;) {
        fm_kube_cred k;
        if ((rc = fm_kube_auth_get(&k, c, refresh)) < 0) {
            fm_error_prefix("%s", r->what);
            break;
        }
        refresh = false;
        rate_limit(c, r->method);
        CURL *h = pool_get(c);
        if (!h) {
            fm_kube_cred_free(&k);
            rc = fm_error_set(FM_ENOMEM, "%s: cannot create a curl handle", r->what);
            break;
        }
        xfer x = {out, r, h, false, false, -1};
        struct curl_slist *hdrs[2] = {NULL, NULL};
        errbuf[0] = 0;
        fm_kube_response_free(out);
        r->sink_rc = 0;
        rc = setup(c, h, r, &x, &k, hdrs, errbuf, url.data);
        fm_kube_cred_free(&k);
        if (rc < 0) {
            curl_slist_free_all(hdrs[0]);
            curl_slist_free_all(hdrs[1]);
            pool_put(c, h, false);
            rc = fm_error_set(FM_ENOMEM, "%s: out of memory", r->what);
            break;
        }
        atomic_fetch_add(&c->n_requests, 1);
        double t0 = mono_s();
        CURLcode cc = curl_easy_perform(h);
        long elapsed = (long)((mono_s() - t0) * 1000);
        long status = 0;
        char *ctype = NULL;
        long nconn = 0, httpv = 0;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &nconn);
        curl_easy_getinfo(h, CURLINFO_HTTP_VERSION, &httpv);
        if (nconn > 0) atomic_fetch_add(&c->n_connects, (uint64_t)nconn);
        if (httpv == CURL_HTTP_VERSION_2_0) atomic_fetch_add(&c->n_http2, 1);
        curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ctype);
        if (ctype) out->content_type = fm_strdup(ctype);
        {
            curl_off_t ttfb_us = 0;
            double secs = (double)elapsed / 1000.0;
            if (r->sink && curl_easy_getinfo(h, CURLINFO_STARTTRANSFER_TIME_T, &ttfb_us) == CURLE_OK &&
                ttfb_us > 0)
                secs = (double)ttfb_us / 1e6;
            record_request(c, r->method, cc == CURLE_OK || status > 0 ? status : 0, secs);
        }
        out->status = status;
        /* Detach the per-request lists before they are freed. */
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, NULL);
        curl_easy_setopt(h, CURLOPT_CONNECT_TO, NULL);
        curl_slist_free_all(hdrs[0]);
        curl_slist_free_all(hdrs[1]);
        pool_put(c, h, cc == CURLE_OK || cc == CURLE_WRITE_ERROR || cc == CURLE_ABORTED_BY_CALLBACK ||
                           cc == CURLE_OPERATION_TIMEDOUT);

        if (cc == CURLE_WRITE_ERROR && r->sink_rc) {
            rc = r->sink_rc;
            break;
        }
        if (cc != CURLE_OK) {
            if (conn_retryable(cc) && idempotent(r->method) && conn_tries < RETRY_CONN_MAX &&
                !(r->cancel && atomic_load(r->cancel))) {
                long d = RETRY_CONN_BASE_MS << conn_tries;
                if (d > RETRY_CONN_CAP_MS) d = RETRY_CONN_CAP_MS;
                conn_tries++;
                atomic_fetch_add(&c->n_retries, 1);
                if (sleep_cancellable(d / 2 + jitter_ms(d / 2 + 1), r->cancel)) {
                    rc = fm_error_set(FM_ECANCELED, "%s: cancelled", r->what);
                    break;
                }
                continue;
            }
            rc = transport_error(c, r, cc, errbuf, elapsed);
            break;
        }
        if (status >= 200 && status < 300) {
            rc = 0;
            break;
        }
        if ((status == 429 || status == 503) && throttle_tries < RETRY_THROTTLE_MAX) {
            long d = x.retry_after_ms >= 0 ? x.retry_after_ms : 1000;
            if (d > RETRY_THROTTLE_CAP_MS) d = RETRY_THROTTLE_CAP_MS;
            throttle_tries++;
            atomic_fetch_add(&c->n_retries, 1);
            if (sleep_cancellable(d, r->cancel)) {
                rc = fm_error_set(FM_ECANCELED, "%s: cancelled", r->what);
                break;
            }
            continue;
        }
        if (status == 401 && !auth_retried && (c->cfg->exec || c->cfg->token_file)) {
            /* The credential may have been rotated or revoked: get a fresh
             * one and try once more. */
            auth_retried = true;
            refresh = true;
            atomic_fetch_add(&c->n_retries, 1);
            continue;
        }
        rc = fm_kube_http_status_error(status, out->body.data, out->body.len, r->what);
        break;
    }
    fm_buf_free(&url);
    return rc;
}

/* ------------------------------------------------------------ errors */

/* The Kubernetes StatusReason for a status code without a Status body. */
static const char *reason_for(long status)
{
    switch (status) {
    case 400: return "BadRequest";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "NotFound";
    case 405: return "MethodNotAllowed";
    case 406: return "NotAcceptable";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "RequestEntityTooLarge";
    case 415: return "UnsupportedMediaType";
    case 422: return "Invalid";
    case 429: return "TooManyRequests";
    case 500: return "InternalError";
    case 503: return "ServiceUnavailable";
    case 504: return "Timeout";
    default: return status >= 500 ? "InternalError" : "Unknown";
    }
}

/*
 * The one place an answer's HTTP status (and its Kubernetes Status reason,
 * which may be NULL) becomes an FM_E* class; see error.h for the classes.
 * The reason only refines a status, never overrides it: 409 is
 * FM_EEXISTS when the reason is AlreadyExists and FM_ECONFLICT otherwise,
 * and a 5xx is FM_ETIMEOUT when its reason is Timeout or ServerTimeout
 * (the apiserver answers a request it gave up on with 500 ServerTimeout
 * or 504 Timeout). 429 reaches a caller only once the automatic retries
 * ran out, so it is FM_EUNAVAILABLE like 503. Any other status (400, 405,
 * 413, 415, 418, ...) is FM_EHTTP. Returns 0 for 2xx.
 */
int fm_kube_status_code(long status, const char *reason)
{
    if (status >= 200 && status < 300) return 0;
    if (!reason) reason = "";
    switch (status) {
    case 401: return FM_EUNAUTHORIZED;
    case 403: return FM_EFORBIDDEN;
    case 404: return FM_ENOTFOUND;
    case 409: return strcmp(reason, "AlreadyExists") == 0 ? FM_EEXISTS : FM_ECONFLICT;
    case 410: return FM_EGONE;
    case 422: return FM_EINVALID;
    case 429: return FM_EUNAVAILABLE;
    case 504: return FM_ETIMEOUT;
    default: break;
    }
    if (status >= 500 && status < 600)
        return strcmp(reason, "Timeout") == 0 || strcmp(reason, "ServerTimeout") == 0 ? FM_ETIMEOUT
                                                                                     : FM_EUNAVAILABLE;
    return FM_EHTTP;
}

/* The class of a status taken as an error: a watch ERROR event may carry
 * a 2xx code, which must still end the watch as a failure. */
static int error_class(long status, const char *reason)
{
    int code = fm_kube_status_code(status, reason);
    return code ? code : FM_EHTTP;
}

/* Appends up to 3 causes (field: message) that the message lacks. */
static void add_causes(fm_buf *m, const char *body, size_t len, const char *msg)
{
    const char *arr, *cv;
    size_t alen, cl, pos = 0;
    int added = 0;
    if (fm_kube_json_path(body, len, "details.causes", &arr, &alen) < 0) return;
    while (added < 3 && fm_kube_json_array_next(arr, alen, &pos, FM_KUBE_JSON_BOUNDED, &cv, &cl) == 1 &&
           cv[0] == '{') {
        char *cm = fm_kube_json_path_string(cv, cl, "message");
        char *cf = fm_kube_json_path_string(cv, cl, "field");
        if (cm && (!msg || !strstr(msg, cm))) {
            fm_buf_printf(m, "; %s%s%s", cf ? cf : "", cf ? ": " : "", cm);
            added++;
        }
        free(cm);
        free(cf);
    }
}

int fm_kube_http_status_error(long status, const char *body, size_t len, const char *what)
{
    char *kind = NULL, *reason = NULL, *msg = NULL;
    fm_buf m = FM_BUF_INIT;
    if (!body) {
        body = "";
        len = 0;
    }
    size_t end = 0;
    /* Only a complete JSON document is trusted as a Status. */
    if (fm_kube_json_skip(body, len, &end) == 0) kind = fm_kube_json_path_string(body, len, "kind");
    if (kind && strcmp(kind, "Status") == 0) {
        int64_t code = status;
        const char *cv;
        size_t cl;
        if (fm_kube_json_member(body, len, "code", &cv, &cl) == 0) fm_kube_json_int(&code, cv, cl);
        reason = fm_kube_json_path_string(body, len, "reason");
        msg = fm_kube_json_path_string(body, len, "message");
        const char *rs = reason && reason[0] ? reason : reason_for(status);
        fm_buf_printf(&m, "%s: %ld %s: %s", what, status, rs, msg && msg[0] ? msg : "(no message)");
        add_causes(&m, body, len, msg);
        int rc = fm_error_set_http(error_class(status, rs), (int)status, rs, "%s", m.data ? m.data : what);
        fm_buf_free(&m);
        free(kind);
        free(reason);
        free(msg);
        return rc;
    }
    free(kind);
    /* Not a Status: a proxy's HTML page, a truncated body. Keep a short,
     * printable excerpt with whitespace runs folded and markup dropped. */
    char ex[121];
    size_t o = 0;
    bool in_tag = false, space = false;
    for (size_t i = 0; i < len && o < sizeof(ex) - 1; i++) {
        unsigned char ch = (unsigned char)body[i];
        if (ch == '<') {
            in_tag = true;
            continue;
        }
        if (ch == '>' && in_tag) {
            in_tag = false;
            space = o > 0;
            continue;
        }
        if (in_tag) continue;
        if (ch <= 0x20 || ch >= 0x7f) {
            space = o > 0;
            continue;
        }
        if (space && o < sizeof(ex) - 2) ex[o++] = ' ';
        space = false;
        ex[o++] = (char)ch;
    }
    ex[o] = 0;
    const char *rs = reason_for(status);
    return fm_error_set_http(error_class(status, rs), (int)status, rs, "%s: %ld %s%s%s", what, status, rs,
                             o ? ": " : "", ex);
}
