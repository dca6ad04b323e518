/*
 * fakeapi.h - a scripted Kubernetes API server for one collection, in
 * process (libmicrohttpd on 127.0.0.1), for tests of the list/watch
 * machinery without a control plane.
 *
 * The test queues answers for lists and for watches separately; each GET
 * of the collection takes the next answer of its kind (a GET with
 * watch=true is a watch). A list answer is a status and a body sent whole;
 * a watch answer is a status and newline-delimited events sent as a chunked
 * stream, one event per chunk, and then:
 *   FAPI_END   the server ends the stream normally (its timeout);
 *   FAPI_HANG  the stream stays open, silent, until fapi_release() or
 *              fapi_stop();
 *   FAPI_DROP  the connection is cut without ending the stream.
 * With its queue empty, a list gets a 500 and a watch hangs. The query of
 * every request is kept for the test to read.
 */
#ifndef FOREMAN_TEST_FAKEAPI_H
#define FOREMAN_TEST_FAKEAPI_H

#include <stdbool.h>
#include <stddef.h>

typedef enum fapi_verb { FAPI_LIST, FAPI_WATCH } fapi_verb;
typedef enum fapi_end { FAPI_END, FAPI_HANG, FAPI_DROP } fapi_end;

typedef struct fapi_server fapi_server;

/* Serves `path` (e.g. "/api/v1/namespaces/default/configmaps"); anything
 * else gets a 404 Status. NULL when the server could not start. */
fapi_server *fapi_start(const char *path);
/* Ends hung streams, stops the server, frees it. Accepts NULL. */
void fapi_stop(fapi_server *s);
/* "http://127.0.0.1:PORT" */
const char *fapi_url(const fapi_server *s);

/* Queues an answer to the next list (body copied). */
void fapi_list(fapi_server *s, int status, const char *body);
/* Queues an answer to the next watch: events (copied; "" for none), then
 * `end`. A status other than 200 is sent with `events` as its whole body. */
void fapi_watch(fapi_server *s, int status, const char *events, fapi_end end);
/* Ends every stream hanging now, as if the server's timeout came. */
void fapi_release(fapi_server *s);

/* From now on every hanging stream, and every new one, is cut (as
 * FAPI_DROP): a client blocked in a watch returns at once, without waiting
 * for its own cancellation to be noticed. For fast teardowns. */
void fapi_close_streams(fapi_server *s);

/* Requests of that verb so far. */
size_t fapi_count(fapi_server *s, fapi_verb v);
/* Waits until fapi_count(s, v) >= n or timeout_ms passes; true if reached. */
bool fapi_wait_count(fapi_server *s, fapi_verb v, size_t n, int timeout_ms);
/* Query parameter `name` of request i of verb v, copied into buf; "" with
 * false when the request or the parameter is absent. */
bool fapi_query(fapi_server *s, fapi_verb v, size_t i, const char *name, char *buf, size_t cap);

/* A Status body (for lists or watch ERROR objects). Static buffer per
 * thread, overwritten by the next call. */
const char *fapi_status_json(int code, const char *reason, const char *message);

#endif
