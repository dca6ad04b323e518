/*
 * kube_internal.h - what kube.c (verbs, watch) needs from kube_http.c
 * (transport, authentication). Not for use outside the client.
 */
#ifndef FOREMAN_KUBE_INTERNAL_H
#define FOREMAN_KUBE_INTERNAL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "kube.h"

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
 * FM_EHTTP (Status decoded into the last error), FM_ETRANSPORT,
 * FM_ECANCELED, or r->sink_rc's value when the sink stopped the transfer.
 */
int fm_kube_http_do(fm_kube_response *out, fm_kube_client *c, fm_kube_http_req *r);

/*
 * Records the error for a non-2xx response: a Status body gives
 * "<what>: <code> <reason>: <message>", anything else an excerpt.
 * Returns FM_EHTTP (FM_EGONE is never returned here).
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

#endif
