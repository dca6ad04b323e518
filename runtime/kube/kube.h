/*
 * kube.h - the Kubernetes REST client: HTTP transport, typed verbs driven by
 * the generated kind descriptors, watch streaming and the error class of an answer.
 *
 * Transport: libcurl with OpenSSL. One fm_kube_client shares TLS sessions and
 * the DNS cache across all its requests and threads (a CURLSH share with
 * pthread locks) and keeps a pool of easy handles that hold live
 * connections, so a request from any thread reuses a warm connection (the
 * connection cache itself is not put in the share: libcurl 7.88 does not
 * support sharing it between concurrent threads). HTTP/2 is used over TLS
 * when the server offers it. Certificates and keys are handed to libcurl
 * as in-memory blobs; nothing is written to disk.
 *
 * Thread safety: a fm_kube_client may be used from any number of threads at
 * once. fm_kube_client_free() must not race with requests in flight.
 *
 * Typed calls: objects are the generated structs described by
 * fm_kind_desc->object (lists by ->list). Returned objects are calloc'd with
 * the descriptor's size and decoded with fm_codec_decode(); the caller frees
 * them with fm_kube_object_free(kind->object, obj) (or the generated fm_X_free).
 *
 * Errors: every call returns 0 or a negative FM_E* code and sets the
 * thread's last error (error.h). A non-2xx answer returns its class as the
 * code (fm_kube_status_code(): FM_ENOTFOUND for 404, FM_ECONFLICT and
 * FM_EEXISTS for 409, FM_EINVALID for 422, FM_EFORBIDDEN, FM_EUNAUTHORIZED,
 * FM_EGONE, FM_EUNAVAILABLE, FM_ETIMEOUT; FM_EHTTP for any other status),
 * so callers compare the returned code (`if (rc == FM_ECONFLICT)`);
 * fm_error_last()->http_status and ->reason keep the exact status and the
 * server's Status reason for logs, and the message reads
 * "<plural>/<name>: <code> <reason>: <message>" (namespaced objects:
 * "<plural>/<ns>/<name>"). Transport failures give FM_ETRANSPORT and say
 * what failed (DNS, connection refused, TLS verification and why, timeout).
 * Messages never contain tokens, passwords, keys or Authorization headers.
 *
 * Retries (automatic, inside every call):
 *   - 429 Too Many Requests and 503 Service Unavailable: wait Retry-After
 *     (default 1 s, each wait capped at 10 s), at most 10 retries, every verb
 *     (the server did not act on the request);
 *   - connection failures (DNS, refused, reset before a response, TLS
 *     handshake): exponential backoff 100 ms doubling to 5 s with jitter, at
 *     most 5 retries, for GET, HEAD, PUT and DELETE only. PUT is safe to
 *     repeat because our updates carry metadata.resourceVersion (a replay
 *     after success fails with 409, never applies twice); POST and PATCH are
 *     never retried on connection failures.
 *   - 401 Unauthorized with an exec plugin: the plugin is run again and the
 *     request repeated once.
 */
#ifndef FOREMAN_KUBE_H
#define FOREMAN_KUBE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codec.h"
#include "kubeconfig.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fm_kube_client fm_kube_client;

typedef struct fm_kube_client_opts {
    const char *program;      /* "operator" -> User-Agent
                                 "foreman-operator/<FOREMAN_VERSION> (linux/amd64)";
                                 NULL -> "client" */
    const char *field_manager; /* default fieldManager for writes; NULL ->
                                  "foreman-<program>" */
    long connect_timeout_ms;  /* 0 -> 10000 */
    long request_timeout_ms;  /* whole request incl. retries' single attempts;
                                 0 -> 30000; watches are exempt */
    double qps;               /* token bucket shared by the client; 0 = unlimited */
    int burst;                /* bucket size; 0 -> max(1, qps) */
} fm_kube_client_opts;

/*
 * Creates a client for cfg (which is copied: cfg may be freed afterwards).
 * opts may be NULL. Returns 0 or FM_EINVAL/FM_ENOMEM/FM_ETRANSPORT.
 */
int fm_kube_client_new(fm_kube_client **out, const fm_kube_config *cfg, const fm_kube_client_opts *opts);

/*
 * Convenience for mains: fm_kube_config_load(kubeconfig, context) then
 * fm_kube_client_new. Any argument may be NULL.
 */
int fm_kube_client_new_default(fm_kube_client **out, const char *kubeconfig, const char *context,
                            const fm_kube_client_opts *opts);

void fm_kube_client_free(fm_kube_client *c);

/* Borrowed strings owned by the client. */
const char *fm_kube_client_namespace(const fm_kube_client *c); /* default namespace */
const char *fm_kube_client_server(const fm_kube_client *c);
const char *fm_kube_client_user_agent(const fm_kube_client *c);
/* A warning the main may log once (insecure-skip-tls-verify), or NULL. */
const char *fm_kube_client_warning(const fm_kube_client *c);

/* Counters, for tests and metrics (monotonic since fm_kube_client_new). */
typedef struct fm_kube_client_stats {
    uint64_t requests;        /* HTTP attempts sent (retries included) */
    uint64_t retries;         /* attempts that were retries */
    uint64_t exec_runs;       /* exec plugin invocations */
    uint64_t handles_created; /* curl easy handles created (pool misses) */
    uint64_t connections;     /* TCP/TLS connections opened (the rest reused one) */
    uint64_t http2;           /* responses that came over HTTP/2 */
} fm_kube_client_stats;
void fm_kube_client_get_stats(const fm_kube_client *c, fm_kube_client_stats *out);

/* ------------------------------------------------------------ raw requests */

typedef struct fm_kube_response {
    long status;          /* HTTP status; 0 when no response was received */
    fm_buf body;          /* response body (NUL-terminated when non-empty) */
    char *content_type;   /* malloc'd, or NULL */
} fm_kube_response;

/* Releases the response's memory and zeroes it; accepts NULL. */
void fm_kube_response_free(fm_kube_response *r);

/*
 * Sends one request (with the automatic retries above) to
 * path_and_query ("/api/v1/namespaces?limit=1"; must start with '/').
 * body may be NULL. *out (zeroed by the caller or previously freed) receives
 * the status and body whatever the status. Returns 0 on 2xx, the status's
 * class (fm_kube_status_code()) with the Status decoded into the last error
 * on any other status, or FM_ETRANSPORT/FM_ECANCELED. The caller frees out with fm_kube_response_free.
 */
int fm_kube_request(fm_kube_response *out, fm_kube_client *c, const char *method,
                 const char *path_and_query, const char *content_type,
                 const char *body, size_t len);

/*
 * Builds the REST path of a kind into out (appending):
 * "/apis/<group>/<version>[/namespaces/<ns>]/<plural>[/<name>[/<sub>]]"
 * ("/api/v1/..." for the core group). ns is ignored for cluster-scoped kinds
 * and may be NULL for "all namespaces"; name and sub may be NULL. Path
 * segments are percent-encoded. Returns 0 or FM_ENOMEM/FM_EINVAL.
 */
int fm_kube_resource_path(fm_buf *out, const fm_kind_desc *k, const char *ns,
                       const char *name, const char *subresource);

/* ------------------------------------------------------------ typed verbs */

typedef enum fm_kube_watch_event_type {
    KUBE_WATCH_ADDED = 1,
    KUBE_WATCH_MODIFIED,
    KUBE_WATCH_DELETED,
    KUBE_WATCH_BOOKMARK,
    KUBE_WATCH_ERROR,
} fm_kube_watch_event_type;

/* Frees a decoded object or list, or a packed one (fm_codec_object_free);
 * accepts NULL. */
void fm_kube_object_free(const fm_struct_desc *d, void *obj);

/*
 * GET one object. ns is ignored for cluster-scoped kinds; for namespaced
 * kinds NULL means the client's default namespace. *out is the caller's.
 */
int fm_kube_get(void **out, fm_kube_client *c, const fm_kind_desc *k, const char *ns, const char *name);

/*
 * Told about one object that the server sent in a list or a watch event but
 * that does not decode into the kind's struct (a value the schema does not
 * bound, such as an integer outside int32, or JSON nested deeper than
 * CODEC_MAX_DEPTH in a free-form field). type is the watch event's type,
 * KUBE_WATCH_ADDED for a list item; raw/raw_len the object's JSON text,
 * valid during the call only; code and message the decoder's error (one
 * line, naming the JSON path). The call goes on without the object.
 */
typedef void (*fm_kube_bad_object_fn)(void *ud, fm_kube_watch_event_type type, const char *raw,
                                   size_t raw_len, int code, const char *message);

typedef struct fm_kube_list_opts {
    const char *label_selector;
    const char *field_selector;
    long limit;                  /* 0 = no limit */
    const char *continue_token;
    const char *resource_version;
    const char *resource_version_match; /* "NotOlderThan", "Exact" */
    long timeout_seconds;        /* 0 = unset */
    /* When set, one item that does not decode is handed to it and left
     * out of the list instead of failing the whole page (the rest of the
     * page is decoded item by item then). NULL: the page fails. */
    fm_kube_bad_object_fn on_bad_object;
    void *bad_object_ud;
} fm_kube_list_opts;

/*
 * GET one page of a collection; *out_list is a k->list struct (its
 * metadata carries resourceVersion and continue). ns: as fm_kube_get, except
 * that the special value KUBE_ALL_NAMESPACES lists across namespaces.
 * o may be NULL.
 */
extern const char fm_kube_all_namespaces[];
#define KUBE_ALL_NAMESPACES fm_kube_all_namespaces
int fm_kube_list(void **out_list, fm_kube_client *c, const fm_kind_desc *k, const char *ns,
              const fm_kube_list_opts *o);

/*
 * Asks whether the server can filter lists of kind k in ns (as fm_kube_list)
 * by field_selector, with one list of at most one item. Returns 1 (yes), 0
 * (no: the server answered 400, e.g. a field the kind does not declare
 * selectable) or a negative FM_E* when it gave no answer either way.
 */
int fm_kube_field_selector_supported(fm_kube_client *c, const fm_kind_desc *k, const char *ns,
                                  const char *field_selector);

/*
 * Lists the whole collection, following continue tokens page by page
 * (o->limit is the page size; 0 -> 500) and joining the items into one
 * k->list struct. Its metadata is the first page's (the resourceVersion
 * every page shares) without a continue token. If the token expires
 * mid-way (410) the call fails with FM_EGONE and the caller relists.
 */
int fm_kube_list_all(void **out_list, fm_kube_client *c, const fm_kind_desc *k, const char *ns,
                  const fm_kube_list_opts *o);

/*
 * POST obj (a k->object struct). ns: NULL = the object's metadata.namespace,
 * else the client's default namespace. *out (may be NULL) receives the
 * created object as the server returned it.
 */
int fm_kube_create(void **out, fm_kube_client *c, const fm_kind_desc *k, const char *ns, const void *obj);

/*
 * PUT obj to its own name (metadata.name, metadata.namespace; namespace
 * defaults to the client's). The object's metadata.resourceVersion is sent
 * as is, so a stale object fails with 409 Conflict. With status_subresource
 * the PUT goes to /status (only status changes are kept by the server).
 * *out (may be NULL) receives the stored object.
 */
int fm_kube_update(void **out, fm_kube_client *c, const fm_kind_desc *k, const void *obj,
                bool status_subresource);

typedef enum fm_kube_patch_type {
    KUBE_PATCH_MERGE = 1,   /* application/merge-patch+json (RFC 7386) */
    KUBE_PATCH_JSON,        /* application/json-patch+json (RFC 6902) */
    KUBE_PATCH_STRATEGIC,   /* application/strategic-merge-patch+json (built-in kinds only) */
    KUBE_PATCH_APPLY,       /* application/apply-patch+yaml (server-side apply; JSON is YAML) */
} fm_kube_patch_type;

typedef struct fm_kube_patch_opts {
    const char *subresource;   /* "status" or NULL */
    const char *field_manager; /* NULL = the client's default */
    bool force;                /* server-side apply: take conflicting fields */
    bool dry_run;
} fm_kube_patch_opts;

/*
 * PATCH ns/name with body. A merge patch may carry metadata.resourceVersion
 * as a precondition (fm_codec_merge_patch can add it): a stale one gives 409.
 * o may be NULL. *out (may be NULL) receives the patched object.
 */
int fm_kube_patch(void **out, fm_kube_client *c, const fm_kind_desc *k, const char *ns,
               const char *name, fm_kube_patch_type type, const char *body, size_t len,
               const fm_kube_patch_opts *o);

typedef struct fm_kube_delete_opts {
    const char *uid;              /* precondition: only delete this incarnation */
    const char *resource_version; /* precondition: only delete this version */
    const char *propagation_policy; /* "Foreground", "Background", "Orphan" */
    long grace_period_seconds;    /* < 0 = unset (use 0 for immediately) */
    bool dry_run;
} fm_kube_delete_opts;

/*
 * DELETE ns/name. o may be NULL (then no preconditions and the server's
 * defaults). Returns 0 when the server accepted the deletion (200 or 202);
 * deleting a missing object is FM_ENOTFOUND (404), a failed uid or
 * resourceVersion precondition FM_ECONFLICT (409).
 */
int fm_kube_delete(fm_kube_client *c, const fm_kind_desc *k, const char *ns, const char *name,
                const fm_kube_delete_opts *o);

/* ------------------------------------------------------------ watch */


/* "ADDED", "MODIFIED", ...; "UNKNOWN" for anything else. */
const char *fm_kube_watch_event_name(fm_kube_watch_event_type t);

/*
 * Receives one event. obj is the decoded k->object (for BOOKMARK only its
 * metadata.resourceVersion is set), calloc'd: ownership passes to the
 * callback, which must free it with fm_kube_object_free(k->object, obj) or keep
 * it. For ERROR obj is NULL. raw/raw_len is the event's "object" JSON text
 * (the object, or the Status for ERROR), valid only during the call.
 * Return 0 to go on; any other value stops the watch and fm_kube_watch
 * returns it (use a negative FM_E* code or a positive value of your own).
 */
typedef int (*fm_kube_watch_fn)(void *ud, fm_kube_watch_event_type type, void *obj,
                             const char *raw, size_t raw_len);

typedef struct fm_kube_watch_opts {
    const char *resource_version;  /* start after this version; NULL/"" = "most recent" */
    const char *label_selector;
    const char *field_selector;
    long timeout_seconds;          /* server-side watch timeout; 0 -> 290; must be < 295 */
    bool allow_bookmarks;          /* ask for BOOKMARK events (recommended) */
    const atomic_int *cancel;      /* when it becomes non-zero the watch ends
                                      with FM_ECANCELED within about a second
                                      (libcurl polls it once a second on an idle
                                      stream; a retry sleep between attempts
                                      wakes at once when it is set with
                                      fm_clock_stop_store()); may be NULL */
    size_t max_event_bytes;        /* 0 -> 64 MiB; a bigger event fails with FM_ELIMIT */
    /* When set, an event whose object does not decode (FM_EPARSE or
     * FM_ELIMIT from the codec; the event itself is well formed) is handed
     * to it instead of ending the watch, and the stream goes on. NULL: the
     * watch ends with the decoder's error. */
    fm_kube_bad_object_fn on_bad_object;
    void *bad_object_ud;
} fm_kube_watch_opts;

/*
 * Watches a collection (ns as in fm_kube_list) and streams events to fn until:
 * the server ends the stream (returns 0: re-watch from the last seen
 * resourceVersion), an ERROR event or an HTTP 410 (returns FM_EGONE: the
 * version is too old, relist), another ERROR event (the class of its
 * Status code, as for any answer; fn still sees the ERROR event first),
 * another non-2xx answer to the watch request (its class), cancel (FM_ECANCELED), a
 * transport failure or a connection that stays silent longer than
 * timeout_seconds + 30 s (FM_ETRANSPORT), or fn returning non-zero (that
 * value). Memory stays bounded by the largest single event. Blocks the
 * calling thread; no automatic retry of the watch itself (the informer
 * decides). The request timeout of the client does not apply.
 */
int fm_kube_watch(fm_kube_client *c, const fm_kind_desc *k, const char *ns,
               const fm_kube_watch_opts *o, fm_kube_watch_fn fn, void *ud);

/* ------------------------------------------------------------ errors */

/*
 * The class of an HTTP answer: 0 for 2xx, else the FM_E* code every call
 * above returns for it (see error.h). reason is the Kubernetes Status
 * reason (may be NULL); it tells 409 AlreadyExists (FM_EEXISTS) from other
 * 409s (FM_ECONFLICT) and a timed-out 5xx (FM_ETIMEOUT) from the rest
 * (FM_EUNAVAILABLE). The one place this mapping is made.
 */
int fm_kube_status_code(long status, const char *reason);

/*
 * Calls fn(ud) up to 5 times while it returns FM_ECONFLICT (a 409 other
 * than AlreadyExists), sleeping 10 ms, 20 ms, 40 ms, 80 ms between
 * tries (with jitter); fn must re-read the object and re-apply its change
 * each time. Returns fn's last result.
 */
int fm_kube_retry_on_conflict(int (*fn)(void *ud), void *ud);

#ifdef __cplusplus
}
#endif
#endif
