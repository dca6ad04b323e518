/*
 * scenario.h - a scripted OpenAI-compatible model server for tests: a real
 * HTTP server on 127.0.0.1 that answers each connection with the next
 * scripted turn, byte for byte, the way llama.cpp, vLLM or OpenAI stream
 * (or fail to). Each turn can delay its first byte, dribble its bytes in
 * pieces with gaps, reset the connection after them, or hang forever.
 * Every request body is kept for the test to inspect.
 */
#ifndef FOREMAN_TEST_SCENARIO_H
#define FOREMAN_TEST_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>

typedef struct scn_turn {
    char *response;      /* the raw HTTP response (owned by the server) */
    size_t len;
    int delay_ms;        /* before the first byte */
    size_t piece;        /* bytes per write; 0 = all at once */
    int gap_ms;          /* between pieces */
    size_t cut_at;       /* send only this many bytes (0 = all) ... */
    bool reset;          /* ... then reset the connection (RST) */
    bool hang;           /* after sending, keep the connection open until stop */
} scn_turn;

typedef struct scn_server scn_server;

/* Starts the server; it takes the turns (their responses too). After the
 * last turn every connection gets a 500. */
scn_server *scn_start(scn_turn *turns, size_t n);
int scn_port(const scn_server *s);
/* "http://127.0.0.1:PORT" (static per server). */
const char *scn_url(const scn_server *s);
size_t scn_requests(scn_server *s);
/* Body of request i (borrowed), NULL when there is none. */
const char *scn_request(scn_server *s, size_t i);
void scn_stop(scn_server *s);

/* ---- building responses (all malloc'd, "HTTP/1.1 200" + SSE unless said) */

/* An SSE response of the given chunk JSON objects, then [DONE] when done. */
scn_turn scn_sse(const char *const *chunks, size_t n, bool done);
/* A streamed tool call with its arguments split into pieces of `frag`
 * bytes (llama.cpp style), finish_reason tool_calls, usage, [DONE]. */
scn_turn scn_tool_call(const char *name, const char *args, size_t frag);
/* A streamed content answer, finish_reason reason (e.g. "stop", "length"). */
scn_turn scn_text(const char *content, const char *reasoning, const char *reason);
/* A plain HTTP response with status and body (and extra header lines). */
scn_turn scn_status(int status, const char *extra_headers, const char *body);

#endif
