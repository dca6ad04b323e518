/*
 * llm_client.h - a client for OpenAI-compatible chat completion servers
 * (llama.cpp llama-server, vLLM, OpenAI): one call sends the conversation
 * and streams the answer back merged into one fm_llm_message.
 *
 * POST {base}/v1/chat/completions with stream:true and
 * stream_options.include_usage; the SSE stream is merged as it arrives
 * (llm_sse.h). The answer is complete at finish_reason: the client waits
 * finish_grace for the usage chunk and [DONE], and ends the transfer itself
 * when they do not come. A server that ignores stream and answers with one
 * JSON object is understood too.
 *
 * Timeouts: connect; time to first byte of the body (long: a big prompt on
 * a slow host takes minutes); idle gap between chunks; and the request's
 * deadline (the task's budget), which no retry or backoff passes.
 *
 * Retries, with doubling jittered backoff: connection refused or reset, EOF
 * mid-stream, timeouts, 5xx, 429 (Retry-After honoured), an error object in
 * the stream. A 400 whose body names one of the optional parameters we send
 * (stream_options, parallel_tool_calls, tool_choice, temperature,
 * max_tokens) is retried once without it, and the client remembers to leave
 * it out from then on. Other 4xx end the call.
 *
 * The API key is sent as a bearer token and appears in no error message and
 * no transcript event.
 */
#ifndef FOREMAN_LLM_CLIENT_H
#define FOREMAN_LLM_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "llm_sse.h"

#ifdef __cplusplus
extern "C" {
#endif

#define LLM_CONNECT_TIMEOUT_DEFAULT_NS (10 * INT64_C(1000000000))
#define LLM_FIRST_BYTE_TIMEOUT_DEFAULT_NS (300 * INT64_C(1000000000))
#define LLM_IDLE_TIMEOUT_DEFAULT_NS (120 * INT64_C(1000000000))
#define LLM_FINISH_GRACE_DEFAULT_NS (1 * INT64_C(1000000000))
#define LLM_BACKOFF_DEFAULT_NS (500 * INT64_C(1000000))
#define LLM_BACKOFF_MAX_NS (30 * INT64_C(1000000000))
#define LLM_RETRIES_DEFAULT 4

/* Optional request parameters a server may reject (bits of dropped). */
enum {
    LLM_P_STREAM_OPTIONS = 1 << 0,
    LLM_P_PARALLEL_TOOL_CALLS = 1 << 1,
    LLM_P_TOOL_CHOICE = 1 << 2,
    LLM_P_TEMPERATURE = 1 << 3,
    LLM_P_MAX_TOKENS = 1 << 4,
};

typedef struct fm_llm_config {
    const char *base_url;        /* "http://host:port" or ".../v1" */
    const char *model;
    const char *api_key;         /* the key itself; NULL or "" = none */
    int64_t connect_timeout_ns;  /* 0 -> default */
    int64_t first_byte_timeout_ns;
    int64_t idle_timeout_ns;
    int64_t finish_grace_ns;
    int max_retries;             /* 0 -> default; < 0 -> none */
    int64_t backoff_ns;          /* first backoff; 0 -> default */
    int64_t max_output_tokens;   /* per request; 0 -> not sent */
    bool has_temperature;
    double temperature;
} fm_llm_config;

typedef struct fm_llm_client fm_llm_client;

/* What a completion call sends. */
typedef struct fm_llm_request {
    const char *messages;        /* JSON array text */
    size_t messages_len;
    const char *tools;           /* JSON array text, or NULL */
    const char *tool_choice;     /* "auto", "required", "none", or NULL */
    int64_t deadline_ns;         /* monotonic (fm_clock_now(NULL)); <= 0: none */
    int wake_fd;                 /* readable = cancel; -1: none */
    /* Transcript hook (may be NULL): kind is "request" (the body sent),
     * "event" (one SSE data payload), "http-error" (a non-2xx body) or
     * "retry" (why, as text). */
    void (*on_event)(void *ctx, const char *kind, const char *data, size_t len);
    void *ctx;
} fm_llm_request;

typedef struct fm_llm_stats {
    int attempts;
    int http_status;             /* of the last attempt (0 = none) */
    int64_t first_byte_ns;       /* of the successful attempt */
    int64_t total_ns;
    int64_t backoff_ns;          /* time spent waiting between attempts */
} fm_llm_stats;

/* Makes a client. cfg strings are copied. Returns 0 or FM_ENOMEM/FM_EINVAL. */
int fm_llm_client_new(fm_llm_client **out, const fm_llm_config *cfg);

void fm_llm_client_free(fm_llm_client *c);

/* The LLM_P_* parameters this client has learned to leave out. */
unsigned fm_llm_client_dropped(const fm_llm_client *c);

/*
 * Sends req and merges the streamed answer into out (cleared first; the
 * caller clears it after use). Returns 0 when a finished answer arrived;
 * FM_ECANCELED when wake_fd fired or the deadline passed (the message says
 * which); FM_EHTTP for a status that retrying cannot fix; FM_ETRANSPORT when
 * the retries ran out (the message names the last cause). st may be NULL.
 */
int fm_llm_client_complete(fm_llm_message *out, fm_llm_client *c, const fm_llm_request *req, fm_llm_stats *st);

#ifdef __cplusplus
}
#endif
#endif
