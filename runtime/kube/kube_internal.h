/*
 * kube_internal.h - what the client's files share: the client struct,
 * what kube.c (verbs, watch) needs from kube_http.c (transport), and what
 * kube_http.c needs from kube_auth.c (credentials). Not for use outside
 * the client.
 */
#ifndef FOREMAN_KUBE_INTERNAL_H
#define FOREMAN_KUBE_INTERNAL_H

#include <curl/curl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "kube.h"
#include "metrics.h"
#include "tokenbucket.h"

#define POOL_MAX_IDLE 8

struct fm_kube_client {
    /* immutable after creation */
    fm_kube_config *cfg;
    char *user_agent;
    char *field_manager;
    char *url_base;            /* server, or https://tls-server-name:port when set */
    char *connect_to;          /* CURLOPT_CONNECT_TO entry for tls-server-name */
    long connect_timeout_ms;
    long request_timeout_ms;

    CURLSH *share;
    pthread_mutex_t share_mu[CURL_LOCK_DATA_LAST];

    pthread_mutex_t pool_mu;
    CURL *idle[POOL_MAX_IDLE];
    size_t n_idle;

    /* credentials that change over time */
    pthread_mutex_t auth_mu;
    char *file_token;          /* last token read from cfg->token_file */
    time_t file_token_at;
    char *exec_token;          /* cached ExecCredential */
    fm_kube_blob exec_cert, exec_key;
    time_t exec_expiry;        /* 0 = none given (valid until a 401) */
    bool exec_valid;

    /* token bucket */
    pthread_mutex_t rl_mu;
    double qps;                /* <= 0: no limit */
    fm_token_bucket rl;

    _Atomic uint64_t n_requests, n_retries, n_exec, n_handles, n_connects, n_http2;

    /* client-go's metric families in the default registry (NULL when they
     * could not be registered: then nothing is recorded) and the host label
     * they carry, the server's host[:port] as written in the kubeconfig. */
    fm_metric *m_requests, *m_duration, *m_limiter;
    char *metric_host;
};


/*
 * Receives streamed body bytes of a 2xx response (watch). Returns 0 to go
 * on; non-zero aborts the transfer and is kept in fm_kube_http_req.sink_rc.
 */
typedef int (*fm_kube_http_sink)(void *ud, const char *data, size_t len);

typedef struct fm_kube_http_req {
    const char *method;        /* GET, POST, PUT, PATCH, DELETE */
    const char *path;          /* path and query, starting with '/' */
    const char *content_type;  /* of body; NULL when no body */
    const char *body;
    size_t len;
    const char *what;          /* names the target in errors: "fleetnodes/m5" */
    /* Streaming (watch): a 2xx body goes to sink instead of the response;
     * non-2xx bodies are still buffered for the Status. */
    fm_kube_http_sink sink;
    void *sink_ud;
    int sink_rc;               /* out: the sink's non-zero result, if any */
    long watch_timeout_s;      /* > 0: a watch; silent-connection limit
                                  derives from it and the request timeout is off */
    const atomic_int *cancel;  /* may be NULL */
} fm_kube_http_req;

/*
 * Performs r with authentication, rate limiting and the retries described
 * in kube.h. out receives status, body and content type. Returns 0 on 2xx,
 * the status's class (fm_kube_status_code(); Status decoded into the last
 * error), FM_ETRANSPORT,
 * FM_ECANCELED, or r->sink_rc's value when the sink stopped the transfer.
 */
int fm_kube_http_do(fm_kube_response *out, fm_kube_client *c, fm_kube_http_req *r);

/*
 * Records the error for a non-2xx response: a Status body gives
 * "<what>: <code> <reason>: <message>", anything else an excerpt.
 * Returns the class of the answer, fm_kube_status_code(status, reason)
 * (FM_EHTTP for a 2xx status: an ERROR event may carry one),
 * with the status and reason kept in the last error.
 */
int fm_kube_http_status_error(long status, const char *body, size_t len, const char *what);

/*
 * Finds the "type" and "object" members of one watch event (the framed
 * line) with the client's JSON scanner, at any depth, and maps the type:
 * *type is 0 for a type this client does not know (*tv, *tl name it).
 * Returns 0, FM_EPARSE for an event without both members, or FM_ENOMEM.
 * What fm_kube_watch does with every event, and what fuzz_watchframe
 * feeds its events to.
 */
int fm_kube_watch_event_split(const char *ev, size_t len, fm_kube_watch_event_type *type, const char **tv,
                              size_t *tl, const char **ov, size_t *ol);

/* The client's default fieldManager ("foreman-<program>"). */
const char *fm_kube_http_field_manager(const fm_kube_client *c);

/* ------------------------------------------------------------ kube_auth.c */

/* The credentials of one attempt, a snapshot (wiped by fm_kube_cred_free). */
typedef struct fm_kube_cred {
    char *bearer;
    fm_kube_blob cert, key; /* exec-provided; static ones are used from cfg */
    bool from_exec;
    bool from_file;
} fm_kube_cred;

/*
 * Picks the credentials for the next attempt: the exec plugin's (run when
 * there is none, it expired, or refresh), the token file's (re-read every
 * TOKEN_FILE_REFRESH_S or on refresh), else the static token. refresh is
 * set after a 401. Returns 0 or a negative code with a message.
 */
int fm_kube_auth_get(fm_kube_cred *out, fm_kube_client *c, bool refresh);
void fm_kube_cred_free(fm_kube_cred *k);

/* Puts k (or cfg's static client certificate, or basic auth) on h. */
void fm_kube_auth_apply(CURL *h, const fm_kube_config *cfg, const fm_kube_cred *k);

/* Wipes and frees the client's cached credentials (fm_kube_client_free). */
void fm_kube_auth_clear(fm_kube_client *c);

/* Copies a blob (NUL-terminated); 0 or FM_ENOMEM. */
int fm_kube_blob_dup(fm_kube_blob *dst, const fm_kube_blob *src);

#endif
