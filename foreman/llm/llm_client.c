/*
 * llm_client.c - the chat-completion client. See llm_client.h.
 *
 * One attempt is one libcurl easy handle driven by a multi handle, so the
 * wait can watch the caller's wake descriptor (cancel) and our own clocks
 * (first byte, idle gap, finish grace, deadline) to the nearest 50 ms
 * without threads or signals.
 */
#include "llm_client.h"

#include "error.h"
#include "executor.h"

#include <curl/curl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define ERR_BODY_MAX (16 * 1024)
#define RETRY_AFTER_MAX_NS (120 * INT64_C(1000000000))
#define NS_PER_MS INT64_C(1000000)

struct fm_llm_client {
    fm_llm_config cfg;          /* strings owned */
    char *url;
    unsigned dropped;        /* LLM_P_* learned from 400s */
    uint64_t rng;            /* backoff jitter */
};

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static void curl_init_once(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

int fm_llm_client_new(fm_llm_client **out, const fm_llm_config *cfg)
{
    *out = NULL;
    if (!cfg->base_url || !cfg->base_url[0])
        return fm_error_set(FM_EINVAL, "llm client: no base URL (--llm-base-url)");
    pthread_once(&curl_once, curl_init_once);
    fm_llm_client *c = calloc(1, sizeof(*c));
    if (!c) return fm_error_set(FM_ENOMEM, "llm client: out of memory");
    c->cfg = *cfg;
    c->cfg.base_url = fm_strdup(cfg->base_url);
    c->cfg.model = fm_strdup(cfg->model ? cfg->model : "");
    c->cfg.api_key = cfg->api_key && cfg->api_key[0] ? fm_strdup(cfg->api_key) : NULL;
    if (c->cfg.connect_timeout_ns <= 0) c->cfg.connect_timeout_ns = LLM_CONNECT_TIMEOUT_DEFAULT_NS;
    if (c->cfg.first_byte_timeout_ns <= 0) c->cfg.first_byte_timeout_ns = LLM_FIRST_BYTE_TIMEOUT_DEFAULT_NS;
    if (c->cfg.idle_timeout_ns <= 0) c->cfg.idle_timeout_ns = LLM_IDLE_TIMEOUT_DEFAULT_NS;
    if (c->cfg.finish_grace_ns <= 0) c->cfg.finish_grace_ns = LLM_FINISH_GRACE_DEFAULT_NS;
    if (c->cfg.max_retries == 0) c->cfg.max_retries = LLM_RETRIES_DEFAULT;
    if (c->cfg.max_retries < 0) c->cfg.max_retries = 0;
    if (c->cfg.backoff_ns <= 0) c->cfg.backoff_ns = LLM_BACKOFF_DEFAULT_NS;
    c->rng = (uint64_t)fm_clock_now(NULL) ^ (uint64_t)(uintptr_t)c;
    const char *b = c->cfg.base_url ? c->cfg.base_url : "";
    size_t bl = strlen(b);
    while (bl > 0 && b[bl - 1] == '/') bl--;
    bool has_v1 = bl >= 3 && memcmp(b + bl - 3, "/v1", 3) == 0;
    if (asprintf(&c->url, "%.*s%s/chat/completions", (int)bl, b, has_v1 ? "" : "/v1") < 0) c->url = NULL;
    if (!c->cfg.base_url || !c->cfg.model || !c->url || (cfg->api_key && cfg->api_key[0] && !c->cfg.api_key)) {
        fm_llm_client_free(c);
        return fm_error_set(FM_ENOMEM, "llm client: out of memory");
    }
    *out = c;
    return 0;
}

void fm_llm_client_free(fm_llm_client *c)
{
    if (!c) return;
    if (c->cfg.api_key) {
        /* do not leave the key in freed memory */
        volatile char *k = (volatile char *)c->cfg.api_key;
        while (*k) *k++ = 0;
    }
    free((char *)c->cfg.api_key);
    free((char *)c->cfg.base_url);
    free((char *)c->cfg.model);
    free(c->url);
    free(c);
}

unsigned fm_llm_client_dropped(const fm_llm_client *c)
{
    return c->dropped;
}

/* The request body for this client's settings and dropped parameters. */
static int build_body(fm_buf *b, const fm_llm_client *c, const fm_llm_request *req)
{
    int rc = fm_buf_puts(b, "{\"model\":");
    rc |= fm_buf_put_json_string(b, c->cfg.model, strlen(c->cfg.model));
    rc |= fm_buf_puts(b, ",\"messages\":");
    rc |= fm_buf_put(b, req->messages, req->messages_len);
    if (req->tools) {
        rc |= fm_buf_puts(b, ",\"tools\":");
        rc |= fm_buf_puts(b, req->tools);
        if (req->tool_choice && !(c->dropped & LLM_P_TOOL_CHOICE))
            rc |= fm_buf_printf(b, ",\"tool_choice\":\"%s\"", req->tool_choice);
        if (!(c->dropped & LLM_P_PARALLEL_TOOL_CALLS)) rc |= fm_buf_puts(b, ",\"parallel_tool_calls\":false");
    }
    rc |= fm_buf_puts(b, ",\"stream\":true");
    if (!(c->dropped & LLM_P_STREAM_OPTIONS)) rc |= fm_buf_puts(b, ",\"stream_options\":{\"include_usage\":true}");
    if (c->cfg.max_output_tokens > 0 && !(c->dropped & LLM_P_MAX_TOKENS))
        rc |= fm_buf_printf(b, ",\"max_tokens\":%lld", (long long)c->cfg.max_output_tokens);
    if (c->cfg.has_temperature && !(c->dropped & LLM_P_TEMPERATURE))
        rc |= fm_buf_printf(b, ",\"temperature\":%g", c->cfg.temperature);
    rc |= fm_buf_puts(b, "}");
    return rc ? fm_error_set(FM_ENOMEM, "llm client: out of memory") : 0;
}

/* One attempt's state, shared with the curl callbacks. */
typedef struct attempt {
    CURL *h;
    fm_llm_message *msg;
    const fm_llm_request *req;
    fm_sse_parser sse;
    long status;
    bool status_known;
    bool json_body;          /* Content-Type application/json: not SSE */
    fm_buf body;             /* non-2xx body, or a JSON answer */
    int64_t retry_after_ns;
    int64_t start_ns;
    int64_t first_byte_ns;   /* 0 until the first body byte */
    int64_t last_byte_ns;
    int64_t finish_ns;       /* when finish_reason was first seen */
    bool stop_ok;            /* we ended the transfer: the answer is complete */
    int merge_rc;            /* an error object in the stream */
} attempt;

static int on_sse_event(void *ctx, const char *data, size_t len)
{
    attempt *a = ctx;
    if (a->req->on_event) a->req->on_event(a->req->ctx, "event", data, len);
    int rc = fm_llm_message_merge(a->msg, data, len);
    if (rc == FM_EPARSE) return 0; /* one bad chunk: keep reading */
    if (rc != 0) {
        a->merge_rc = rc;
        return rc;
    }
    if (a->msg->done) return 1; /* stop: [DONE] */
    return 0;
}

static size_t on_header(char *buf, size_t size, size_t n, void *ud)
{
    attempt *a = ud;
    size_t len = size * n;
    if (len > 12 && strncasecmp(buf, "Retry-After:", 12) == 0) {
        long secs = strtol(buf + 12, NULL, 10);
        if (secs > 0) a->retry_after_ns = (int64_t)secs * 1000000000;
    } else if (len > 13 && strncasecmp(buf, "Content-Type:", 13) == 0) {
        const char *v = buf + 13;
        while (*v == ' ') v++;
        a->json_body = strncasecmp(v, "application/json", 16) == 0;
    } else if (len >= 5 && strncmp(buf, "HTTP/", 5) == 0) {
        a->json_body = false; /* a new response (after 100 Continue) */
    }
    return len;
}

static size_t on_body(char *buf, size_t size, size_t n, void *ud)
{
    attempt *a = ud;
    size_t len = size * n;
    int64_t now = fm_clock_now(NULL);
    if (!a->first_byte_ns) a->first_byte_ns = now;
    a->last_byte_ns = now;
    if (!a->status_known) {
        curl_easy_getinfo(a->h, CURLINFO_RESPONSE_CODE, &a->status);
        a->status_known = true;
    }
    if (a->status < 200 || a->status > 299 || a->json_body) {
        size_t cap = a->json_body && a->status == 200 ? LLM_MESSAGE_MAX : ERR_BODY_MAX;
        size_t room = a->body.len < cap ? cap - a->body.len : 0;
        if (fm_buf_put(&a->body, buf, len < room ? len : room) != 0) return 0;
        return len;
    }
    int rc = fm_sse_feed(&a->sse, buf, len);
    if (rc == 1) {
        a->stop_ok = true;
        return 0;
    }
    if (rc != 0 && rc != FM_ELIMIT) return 0;
    if (fm_llm_message_finished(a->msg) && !a->finish_ns) a->finish_ns = now;
    return len;
}

/* Outcome of one attempt. */
enum { A_OK, A_RETRY, A_FATAL, A_CANCEL, A_DROPPED };

static const struct {
    unsigned bit;
    const char *name;
} optional_params[] = {
    {LLM_P_STREAM_OPTIONS, "stream_options"},   {LLM_P_PARALLEL_TOOL_CALLS, "parallel_tool_calls"},
    {LLM_P_TOOL_CHOICE, "tool_choice"},         {LLM_P_TEMPERATURE, "temperature"},
    {LLM_P_MAX_TOKENS, "max_tokens"},
};

/* Runs one attempt. Returns an A_* outcome; on anything but A_OK the
 * thread's error names the cause. */
static int run_attempt(fm_llm_client *c, const fm_llm_request *req, fm_llm_message *out, const char *body,
                       size_t body_len, attempt *a)
{
    int outcome = A_FATAL;
    CURLM *m = curl_multi_init();
    CURL *h = curl_easy_init();
    struct curl_slist *hdrs = NULL;
    char *auth = NULL;
    memset(a, 0, sizeof(*a));
    a->h = h;
    a->msg = out;
    a->req = req;
    fm_sse_init(&a->sse, on_sse_event, a, 0);
    if (!m || !h) {
        fm_error_set(FM_ENOMEM, "llm client: out of memory");
        goto done;
    }
    hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
    hdrs = curl_slist_append(hdrs, "Accept: text/event-stream");
    hdrs = curl_slist_append(hdrs, "Expect:");
    if (c->cfg.api_key) {
        if (asprintf(&auth, "Authorization: Bearer %s", c->cfg.api_key) < 0) auth = NULL;
        if (auth) hdrs = curl_slist_append(hdrs, auth);
    }
    curl_easy_setopt(h, CURLOPT_URL, c->url);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, (long)(c->cfg.connect_timeout_ns / NS_PER_MS));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, a);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, a);
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_multi_add_handle(m, h);
    a->start_ns = fm_clock_now(NULL);
    const char *why = NULL;
    CURLcode cres = CURLE_OK;
    bool finished = false;
    for (;;) {
        int running = 0;
        curl_multi_perform(m, &running);
        CURLMsg *msg;
        int left;
        while ((msg = curl_multi_info_read(m, &left)) != NULL)
            if (msg->msg == CURLMSG_DONE) {
                cres = msg->data.result;
                finished = true;
            }
        if (finished || !running) break;
        int64_t now = fm_clock_now(NULL);
        if (req->deadline_ns > 0 && now >= req->deadline_ns) {
            fm_error_set(FM_ECANCELED, "model request: the task's time budget ran out");
            outcome = A_CANCEL;
            goto done;
        }
        if (a->finish_ns && now - a->finish_ns >= c->cfg.finish_grace_ns) {
            a->stop_ok = true; /* finish_reason without [DONE]: good enough */
            break;
        }
        if (!a->first_byte_ns && now - a->start_ns >= c->cfg.first_byte_timeout_ns) {
            why = "no answer within the first-byte timeout";
            break;
        }
        if (a->first_byte_ns && now - a->last_byte_ns >= c->cfg.idle_timeout_ns) {
            why = "stream idle longer than the idle timeout";
            break;
        }
        struct curl_waitfd wfd = {req->wake_fd, CURL_WAIT_POLLIN, 0};
        curl_multi_poll(m, req->wake_fd >= 0 ? &wfd : NULL, req->wake_fd >= 0 ? 1u : 0u, 50, NULL);
        if (req->wake_fd >= 0 && (wfd.revents & CURL_WAIT_POLLIN)) {
            fm_error_set(FM_ECANCELED, "model request cancelled");
            outcome = A_CANCEL;
            goto done;
        }
    }
    if (!a->status_known) curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &a->status);
    if (why) {
        fm_error_set(FM_ETRANSPORT, "%s: %s", c->url, why);
        outcome = A_RETRY;
        goto done;
    }
    if (a->merge_rc) {
        outcome = A_RETRY; /* the error is set by the merger */
        goto done;
    }
    if (a->status >= 200 && a->status <= 299 && a->json_body) {
        if (fm_llm_message_merge(out, a->body.data ? a->body.data : "", a->body.len) != 0 ||
            !fm_llm_message_finished(out)) {
            fm_error_set(FM_ETRANSPORT, "%s: answer is not a chat completion", c->url);
            outcome = A_RETRY;
            goto done;
        }
        outcome = A_OK;
        goto done;
    }
    if (a->status == 429 || a->status >= 500) {
        if (req->on_event) req->on_event(req->ctx, "http-error", a->body.data ? a->body.data : "", a->body.len);
        fm_error_set_http(FM_EHTTP, (int)a->status, NULL, "%s: HTTP %ld", c->url, a->status);
        outcome = A_RETRY;
        goto done;
    }
    if (a->status >= 300) {
        const char *b = a->body.data ? a->body.data : "";
        if (req->on_event) req->on_event(req->ctx, "http-error", b, a->body.len);
        if (a->status == 400 || a->status == 422) {
            for (size_t i = 0; i < sizeof(optional_params) / sizeof(optional_params[0]); i++)
                if (!(c->dropped & optional_params[i].bit) && strstr(b, optional_params[i].name)) {
                    c->dropped |= optional_params[i].bit;
                    fm_error_set_http(FM_EHTTP, (int)a->status, NULL, "%s: HTTP %ld names %s: sending it no more", c->url,
                                      a->status, optional_params[i].name);
                    outcome = A_DROPPED;
                    goto done;
                }
        }
        fm_error_set_http(FM_EHTTP, (int)a->status, NULL, "%s: HTTP %ld: %.300s", c->url, a->status, b);
        outcome = A_FATAL;
        goto done;
    }
    if (!a->stop_ok && cres != CURLE_OK) {
        fm_error_set(FM_ETRANSPORT, "%s: %s", c->url, curl_easy_strerror(cres));
        outcome = A_RETRY;
        goto done;
    }
    if (!a->stop_ok) (void)fm_sse_finish(&a->sse);
    if (a->merge_rc) {
        outcome = A_RETRY;
        goto done;
    }
    if (!fm_llm_message_finished(out)) {
        fm_error_set(FM_ETRANSPORT, "%s: stream ended before finish_reason", c->url);
        outcome = A_RETRY;
        goto done;
    }
    outcome = A_OK;
done:
    if (m && h) curl_multi_remove_handle(m, h);
    if (h) curl_easy_cleanup(h);
    if (m) curl_multi_cleanup(m);
    curl_slist_free_all(hdrs);
    if (auth) {
        memset(auth, 0, strlen(auth));
        free(auth);
    }
    fm_sse_free(&a->sse);
    fm_buf_free(&a->body);
    return outcome;
}

/* Waits ns or until wake_fd fires. Returns 1 when cancelled. */
static int wait_ns(int fd, int64_t ns)
{
    int64_t end = fm_clock_now(NULL) + ns;
    for (;;) {
        int64_t left = end - fm_clock_now(NULL);
        if (left <= 0) return 0;
        struct pollfd p = {fd, POLLIN, 0};
        int r = poll(fd >= 0 ? &p : NULL, fd >= 0 ? 1 : 0, (int)(left / NS_PER_MS) + 1);
        if (r > 0) return 1;
    }
}

int fm_llm_client_complete(fm_llm_message *out, fm_llm_client *c, const fm_llm_request *req, fm_llm_stats *st)
{
    fm_llm_stats dummy;
    if (!st) st = &dummy;
    memset(st, 0, sizeof(*st));
    int64_t t0 = fm_clock_now(NULL);
    int rc = 0;
    int retries = 0;
    fm_buf body = FM_BUF_INIT;
    for (;;) {
        fm_llm_message_clear(out);
        fm_buf_reset(&body);
        if ((rc = build_body(&body, c, req)) != 0) break;
        if (req->on_event) req->on_event(req->ctx, "request", body.data, body.len);
        attempt a;
        st->attempts++;
        int o = run_attempt(c, req, out, body.data, body.len, &a);
        st->http_status = (int)a.status;
        if (o == A_OK) {
            st->first_byte_ns = a.first_byte_ns ? a.first_byte_ns - a.start_ns : 0;
            rc = 0;
            break;
        }
        if (o == A_CANCEL || o == A_FATAL) {
            rc = fm_error_last()->code ? fm_error_last()->code : FM_ERROR;
            break;
        }
        if (req->on_event) {
            const char *w = fm_error_last()->message;
            req->on_event(req->ctx, "retry", w, strlen(w));
        }
        if (o == A_DROPPED) continue; /* at once, and not counted */
        if (retries >= c->cfg.max_retries) {
            char last[FM_ERROR_MAX];
            snprintf(last, sizeof(last), "%s", fm_error_last()->message);
            rc = fm_error_set(FM_ETRANSPORT, "model request failed after %d attempts: %s", st->attempts, last);
            break;
        }
        /* doubling backoff with jitter in [50%, 100%]; Retry-After wins when longer */
        int64_t back = c->cfg.backoff_ns << (retries < 16 ? retries : 16);
        if (back > LLM_BACKOFF_MAX_NS || back <= 0) back = LLM_BACKOFF_MAX_NS;
        c->rng = c->rng * 6364136223846793005ULL + 1442695040888963407ULL;
        back = back / 2 + (int64_t)((c->rng >> 33) % (uint64_t)(back / 2 + 1));
        if (a.retry_after_ns > back) back = a.retry_after_ns < RETRY_AFTER_MAX_NS ? a.retry_after_ns : RETRY_AFTER_MAX_NS;
        retries++;
        if (req->deadline_ns > 0 && fm_clock_now(NULL) + back >= req->deadline_ns) {
            char last[FM_ERROR_MAX];
            snprintf(last, sizeof(last), "%s", fm_error_last()->message);
            rc = fm_error_set(FM_ECANCELED, "model request: the task's time budget ran out while retrying (%.900s)",
                              last);
            break;
        }
        int64_t w0 = fm_clock_now(NULL);
        if (wait_ns(req->wake_fd, back)) {
            rc = fm_error_set(FM_ECANCELED, "model request cancelled");
            break;
        }
        st->backoff_ns += fm_clock_now(NULL) - w0;
    }
    fm_buf_free(&body);
    st->total_ns = fm_clock_now(NULL) - t0;
    return rc;
}
