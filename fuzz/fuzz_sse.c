/*
 * fuzz_sse.c - libFuzzer target for the SSE framer and the chat-completion
 * chunk merger (foreman/llm/llm_sse.c), the first code that sees a model
 * server's bytes.
 *
 * Input layout: bytes 0..3 seed the chunk splitter; the rest is the stream.
 * Every input is framed and merged twice: in one feed, and cut into chunks
 * of pseudo-random sizes (1 byte to a few hundred). The target aborts unless
 * both runs give the same message (content, reasoning, calls, finish_reason,
 * usage, [DONE]) and the same result codes, and every failure leaves a
 * one-line message.
 */
#include "error.h"
#include "llm_sse.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_event(void *ctx, const char *d, size_t n)
{
    int rc = fm_llm_message_merge(ctx, d, n);
    if (rc != 0 && (!fm_error_last()->message[0] || strchr(fm_error_last()->message, '\n'))) abort();
    return 0;
}

static int run(fm_llm_message *m, const uint8_t *s, size_t n, uint32_t seed)
{
    fm_sse_parser p;
    fm_sse_init(&p, on_event, m, 4096);
    int rc = 0;
    size_t at = 0;
    while (at < n) {
        size_t step = seed ? 1 + (seed % 300) : n - at;
        if (step > n - at) step = n - at;
        int r = fm_sse_feed(&p, (const char *)s + at, step);
        if (r && !rc) rc = r;
        at += step;
        seed = seed ? seed * 1103515245u + 12345u : 0;
    }
    int r = fm_sse_finish(&p);
    if (r && !rc) rc = r;
    fm_sse_free(&p);
    return rc;
}

static bool buf_eq(const fm_buf *a, const fm_buf *b)
{
    return a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4) return 0;
    uint32_t seed = (uint32_t)data[0] | (uint32_t)data[1] << 8 | (uint32_t)data[2] << 16 | (uint32_t)data[3] << 24;
    seed |= 1;
    fm_llm_message a, b;
    memset(&a, 0, sizeof(a));
    memset(&b, 0, sizeof(b));
    int ra = run(&a, data + 4, size - 4, 0);
    int rb = run(&b, data + 4, size - 4, seed);
    if ((ra == 0) != (rb == 0)) abort();
    if (!buf_eq(&a.content, &b.content) || !buf_eq(&a.reasoning, &b.reasoning) || a.n_calls != b.n_calls ||
        strcmp(a.finish_reason, b.finish_reason) || a.done != b.done || a.prompt_tokens != b.prompt_tokens)
        abort();
    for (size_t i = 0; i < a.n_calls; i++)
        if (!buf_eq(&a.calls[i].args, &b.calls[i].args) || !buf_eq(&a.calls[i].name, &b.calls[i].name)) abort();
    fm_llm_message_clear(&a);
    fm_llm_message_clear(&b);
    return 0;
}
