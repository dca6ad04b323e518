/*
 * fuzz_watchframe.c - libFuzzer target for the watch stream framer and the
 * per-event handling that follows it in the client.
 *
 * Input layout: byte 0 picks max_event (0 = the 64 MiB default, otherwise
 * byte0 * 8 bytes, so the size limit is actually reached); bytes 1..4 seed
 * the chunk splitter; the rest is the stream as the server would send it.
 *
 * Every input is framed twice: once in a single feed, once cut into chunks
 * of pseudo-random sizes (1 byte to a few KiB). The target aborts unless
 *   - both runs deliver the same events, byte for byte, and end with the
 *     same result code (framing must not depend on how reads cut the stream);
 *   - no delivered event holds a newline or is blank;
 *   - the framer's buffer never grows beyond what one event needs;
 *   - every failure leaves a non-empty one-line message.
 * Each event of the single-feed run then goes through what fm_kube_watch does
 * with it: find "type" and "object" and map the type
 * (fm_kube_watch_event_split, the very function fm_kube_watch calls), decode the object as a
 * FleetNode or AgenticTask (or, for ERROR, turn the Status into an error),
 * re-encode it and decode that again.
 */
#include "codec.h"
#include "error.h"
#include "foreman_v1alpha1.h"
#include "kube_internal.h"
#include "kube_json.h"
#include "watchframe.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Events seen by one run, stored as (length, bytes) records. */
typedef struct sink {
    fm_buf rec;
    size_t n;
    size_t max_event;
} sink;

static void fail(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz_watchframe: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    abort();
}

static void check_message(void)
{
    const char *m = fm_error_last()->message;
    if (!m[0] || strchr(m, '\n')) fail("error message empty or not one line", m);
}

static int collect(void *ud, const char *ev, size_t len)
{
    sink *s = ud;
    size_t i = 0;
    if (len > s->max_event) fail("event longer than max_event delivered", NULL);
    if (memchr(ev, '\n', len)) fail("event holds a newline", NULL);
    while (i < len && (ev[i] == ' ' || ev[i] == '\t' || ev[i] == '\r')) i++;
    if (i == len) fail("blank event delivered", NULL);
    if (fm_buf_put(&s->rec, &len, sizeof(len)) < 0 || fm_buf_put(&s->rec, ev, len) < 0) abort();
    s->n++;
    return 0;
}

/* xorshift32: a deterministic splitter driven by the input's seed bytes. */
static uint32_t next_rand(uint32_t *st)
{
    uint32_t x = *st ? *st : 0x9e3779b9u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *st = x;
    return x;
}

/* Frames buf with the given splitting; returns the final result code. */
static int frame(sink *s, const char *buf, size_t len, size_t max_event, uint32_t seed, int split)
{
    fm_watchframe f;
    int rc = 0;
    fm_watchframe_init(&f, max_event);
    s->max_event = f.max_event;
    if (!split) {
        rc = fm_watchframe_feed(&f, buf, len, collect, s);
    } else {
        size_t off = 0;
        while (off < len && rc == 0) {
            uint32_t r = next_rand(&seed);
            size_t n = (r & 7) == 0 ? 1 + (r >> 8) % 4096 : 1 + (r >> 8) % 24;
            if (n > len - off) n = len - off;
            rc = fm_watchframe_feed(&f, buf + off, n, collect, s);
            off += n;
        }
    }
    if (rc == 0) rc = fm_watchframe_finish(&f, collect, s);
    if (rc != 0) check_message();
    /* The buffer holds at most one event plus the allocator's slack. */
    if (f.peak > 2 * f.max_event + 64 && f.peak > 4096) fail("framer buffer grew past one event", NULL);
    if (f.events != s->n) fail("events counter differs from deliveries", NULL);
    /* After an error the framer must be reusable once reset. */
    size_t keep = s->rec.len;
    fm_watchframe_reset(&f);
    if (fm_watchframe_feed(&f, "{}\n", 3, collect, s) != 0 || s->rec.len == keep)
        fail("feed after reset failed", NULL);
    s->rec.len = keep;
    s->n--;
    fm_watchframe_free(&f);
    return rc;
}

/* What fm_kube_watch's on_event does with one event, minus the callback. */
static void handle_event(const char *ev, size_t len, int which)
{
    const fm_struct_desc *d = which ? &fm_agentic_task_desc : &fm_fleet_node_desc;
    const char *tv, *ov;
    size_t tl, ol;
    fm_kube_watch_event_type t;

    /* The scanner reports failure by its return value only (no message);
     * fm_kube_watch writes the message itself. */
    int src = fm_kube_watch_event_split(ev, len, &t, &tv, &tl, &ov, &ol);
    if (src < 0) {
        if (src != FM_EPARSE && src != FM_ENOMEM) fail("event split returned an unexpected code", NULL);
        return;
    }
    if (tv < ev || tv + tl > ev + len || ov < ev || ov + ol > ev + len) fail("member span outside event", NULL);
    if (!t) {
        char *s = fm_kube_json_string(tv, tl);
        free(s);
        return;
    }
    if (t == KUBE_WATCH_ERROR) {
        int64_t code = 0;
        const char *cv;
        size_t cl;
        if (fm_kube_json_member(ov, ol, "code", &cv, &cl) == 0) fm_kube_json_int(&code, cv, cl);
        char *msg = fm_kube_json_path_string(ov, ol, "message");
        free(msg);
        long st = code > 0 && code < 1000 ? (long)code : 500;
        int got = fm_kube_http_status_error(st, ov, ol, "fleetnodes");
        int want = fm_kube_status_code(st, fm_error_last()->reason);
        if (got >= 0 || got != (want ? want : FM_EHTTP))
            fail("status error did not give the status's class", NULL);
        check_message();
        return;
    }
    void *a = calloc(1, d->size), *b = calloc(1, d->size);
    fm_buf e = FM_BUF_INIT;
    if (!a || !b) abort();
    if (fm_codec_decode(a, d, ov, ol) == 0) {
        if (fm_codec_encode(&e, a, d) != 0) fail("encode failed", NULL);
        if (fm_codec_decode(b, d, e.data, e.len) != 0) fail("re-decode of encoding failed", e.data);
        if (!fm_codec_equal(a, b, d)) fail("decode(encode(x)) != x", e.data);
    } else {
        check_message();
    }
    fm_codec_clear(a, d);
    fm_codec_clear(b, d);
    free(a);
    free(b);
    fm_buf_free(&e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 5) return 0;
    size_t max_event = data[0] ? (size_t)data[0] * 8 : 0;
    uint32_t seed = (uint32_t)data[1] | (uint32_t)data[2] << 8 | (uint32_t)data[3] << 16 | (uint32_t)data[4] << 24;
    const char *buf = (const char *)data + 5;
    size_t len = size - 5;
    sink whole = {FM_BUF_INIT, 0, 0}, split = {FM_BUF_INIT, 0, 0};

    int rc1 = frame(&whole, buf, len, max_event, seed, 0);
    int rc2 = frame(&split, buf, len, max_event, seed, 1);
    if (rc1 != rc2) fail("result differs between single feed and chunked feed", NULL);
    if (whole.n != split.n || whole.rec.len != split.rec.len ||
        (whole.rec.len && memcmp(whole.rec.data, split.rec.data, whole.rec.len) != 0))
        fail("events differ between single feed and chunked feed", NULL);

    for (size_t off = 0, i = 0; off < whole.rec.len; i++) {
        size_t n;
        memcpy(&n, whole.rec.data + off, sizeof(n));
        off += sizeof(n);
        handle_event(whole.rec.data + off, n, (int)((seed >> 3) & 1));
        off += n;
    }
    fm_buf_free(&whole.rec);
    fm_buf_free(&split.rec);
    return 0;
}
