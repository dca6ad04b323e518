/*
 * httpserver.h - the small HTTP endpoints of the programs: health probes
 * and Prometheus metrics, served by libmicrohttpd (we never parse HTTP
 * ourselves).
 *
 * The operator runs two servers like controller-runtime does: the metrics
 * server (--metrics-bind-address, default ":8081") with /metrics, and the
 * probe server (--health-probe-bind-address, default ":8082") with
 * /healthz (always 200 "ok" while the process serves) and /readyz (200 "ok"
 * when the ready callback says so, 503 otherwise).
 *
 * Bind addresses use Go's host:port spelling: ":8081" (every interface,
 * IPv6 and IPv4 where the host has IPv6, else IPv4), "127.0.0.1:8082",
 * "[::1]:9000", "localhost:8080"; port 0 picks a free port (see
 * fm_httpserver_port()); the single value "0" (or "") disables the server:
 * fm_httpserver_new() then returns 0 with *out = NULL, and every other
 * function accepts that NULL and does nothing.
 *
 * Usage: fm_httpserver_new -> fm_httpserver_route / _add_health / _add_metrics
 * -> fm_httpserver_start -> ... -> fm_httpserver_free (stops and frees). Routes
 * are fixed once started. Handlers run on libmicrohttpd's thread and must
 * be thread-safe. Only GET and HEAD are served (405 otherwise); unknown
 * paths answer 404.
 */
#ifndef FOREMAN_HTTPSERVER_H
#define FOREMAN_HTTPSERVER_H

#include <stdbool.h>

#include "codec.h"
#include "metrics.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fm_httpserver fm_httpserver;

/*
 * A route handler: appends the response body to body, may set
 * *content_type (a static string; default "text/plain; charset=utf-8"),
 * and returns the HTTP status code (a value outside 100..599 gives 500).
 */
typedef int (*fm_httpserver_handler)(fm_buf *body, const char **content_type, void *ud);

/* Readiness callback for /readyz: true when ready. */
typedef bool (*fm_httpserver_ready_fn)(void *ud);

/* Parses a bind address into host ("" = any) and port. Returns 0, 1 when
 * the address disables the server ("0" or ""), or FM_EINVAL. */
int fm_httpserver_parse_bind(char host[256], int *port, const char *bind);

/* Creates a server for `bind` (not yet listening). Returns 0 (with
 * *out = NULL when bind disables it), FM_EINVAL or FM_ENOMEM. */
int fm_httpserver_new(fm_httpserver **out, const char *bind);

/* Adds a route for an exact path ("/healthz"). Returns 0, FM_EINVAL
 * (after start, or a path not starting with '/') or FM_ENOMEM. */
int fm_httpserver_route(fm_httpserver *s, const char *path, fm_httpserver_handler fn, void *ud);

/* Adds /healthz and /readyz; ready == NULL means always ready. */
int fm_httpserver_add_health(fm_httpserver *s, fm_httpserver_ready_fn ready, void *ud);

/* Adds /metrics rendering registry r (NULL = fm_metrics_default()). */
int fm_httpserver_add_metrics(fm_httpserver *s, fm_metrics *r);

/* Starts listening on a thread of libmicrohttpd. Returns 0, FM_EIO (bind
 * failed, e.g. the port is in use; the message names the address) or
 * FM_EINVAL (started twice). */
int fm_httpserver_start(fm_httpserver *s);

/* The port it listens on (useful with port 0); 0 when not started. */
int fm_httpserver_port(const fm_httpserver *s);

/* Stops serving (waits for running handlers) and frees. Accepts NULL. */
void fm_httpserver_free(fm_httpserver *s);

#ifdef __cplusplus
}
#endif
#endif
