/*
 * llm_sse.h - the streaming side of the OpenAI-compatible chat API: a
 * Server-Sent Events framer and the merger that turns the stream's
 * chat.completion.chunk objects into one assistant message.
 *
 *   fm_sse_parser     bytes in any cut -> one callback per event with its data
 *                  lines joined by '\n' (WHATWG EventSource rules: LF, CR or
 *                  CRLF line ends, ':' comments, one optional space after
 *                  the colon; fields other than data are ignored)
 *   fm_llm_message    the merged message: content, reasoning (reasoning_content
 *                  or reasoning), tool calls joined by their index,
 *                  finish_reason, usage, and whether [DONE] was seen
 *
 * Both are pure: no I/O, no clock, bounded memory (sse: max_event bytes per
 * event; message: LLM_MESSAGE_MAX bytes of text and LLM_MAX_TOOL_CALLS
 * calls), so they can be fuzzed and fed one byte at a time.
 */
#ifndef FOREMAN_LLM_SSE_H
#define FOREMAN_LLM_SSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codec.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SSE_MAX_EVENT_DEFAULT (16u * 1024u * 1024u)

/* Called once per event; data is NUL-terminated (data[len] == 0). A
 * non-zero return stops fm_sse_feed, which returns it. */
typedef int (*fm_sse_event_fn)(void *ctx, const char *data, size_t len);

typedef struct fm_sse_parser {
    fm_sse_event_fn fn;
    void *ctx;
    size_t max_event;    /* 0 -> SSE_MAX_EVENT_DEFAULT */
    fm_buf line;         /* a line cut by a feed boundary */
    fm_buf data;         /* data of the event being built, '\n' after each line */
    bool have_data;      /* a data field was seen in this event */
    bool skip_lf;        /* the last byte was CR: a following LF ends nothing */
    bool overflow;       /* the current line/event passed max_event: dropped */
} fm_sse_parser;

/* Initialises p to call fn(ctx, ...) per event. */
void fm_sse_init(fm_sse_parser *p, fm_sse_event_fn fn, void *ctx, size_t max_event);

/*
 * Feeds len bytes. Returns 0, the callback's non-zero value, or FM_ELIMIT
 * once an event grows past max_event (the event is dropped and parsing
 * resumes at the next blank line, so the caller may go on).
 */
int fm_sse_feed(fm_sse_parser *p, const char *buf, size_t len);

/* At end of stream: dispatches an event left without its blank line
 * (servers that close right after the last data line). Returns like
 * fm_sse_feed. */
int fm_sse_finish(fm_sse_parser *p);

/* Frees p's buffers (p may be reused after fm_sse_init). */
void fm_sse_free(fm_sse_parser *p);

/* ------------------------------------------------------------ message */

#define LLM_MAX_TOOL_CALLS 64
#define LLM_MESSAGE_MAX (8u * 1024u * 1024u)

typedef struct fm_llm_tool_call {
    int index;           /* the stream's index (fragments join on it) */
    char *id;            /* NULL until the server names it */
    fm_buf name;
    fm_buf args;         /* arguments text as sent (should be JSON) */
} fm_llm_tool_call;

typedef struct fm_llm_message {
    fm_buf content;
    fm_buf reasoning;
    fm_llm_tool_call calls[LLM_MAX_TOOL_CALLS];
    size_t n_calls;
    char finish_reason[32];  /* "" until a chunk sets it */
    bool done;               /* data: [DONE] seen */
    bool have_usage;
    int64_t prompt_tokens;
    int64_t completion_tokens;
    int64_t cached_tokens;
    size_t chunks;           /* chunk objects merged */
    bool truncated;          /* a part passed LLM_MESSAGE_MAX and was cut */
} fm_llm_message;

/*
 * Merges one event's data into m: a chat.completion.chunk (choices[0].delta),
 * a whole chat.completion (choices[0].message, the non-streaming answer), a
 * usage-only chunk, or "[DONE]". Returns 0; FM_EPARSE when the data is not
 * such an object (m is unchanged); FM_EHTTP when the server sent an error
 * object in the stream (the message names it).
 */
int fm_llm_message_merge(fm_llm_message *m, const char *data, size_t len);

/* True when m carries something usable: a finish_reason, or [DONE]. */
bool fm_llm_message_finished(const fm_llm_message *m);

/* Frees m's buffers and zeroes it (also a fresh init). */
void fm_llm_message_clear(fm_llm_message *m);

/* ------------------------------------------------------------ JSON walking */

/*
 * Steps through an array or object value s[0..len) (leading whitespace
 * allowed). Start with pos = 0. For an array, key is NULL; for an object,
 * key/klen is the raw member name (between the quotes, still escaped).
 * Returns 1 with the element's span in val/vlen, 0 at the end, FM_EPARSE
 * on malformed input.
 */
int fm_llm_json_next(const char *s, size_t len, size_t *pos, const char **key, size_t *klen,
                  const char **val, size_t *vlen);

#ifdef __cplusplus
}
#endif
#endif
