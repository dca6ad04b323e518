/*
 * test_watchframe.c - the watch stream framer (chunks split anywhere, many
 * events per chunk, multi-megabyte events, bounded memory) and the small
 * JSON scanner the client uses on events and Status bodies.
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "kube_internal.h"
#include "kube_json.h"
#include "watchframe.h"
#include "test.h"

/* Collects delivered events, joined with '|' for easy comparison. */
typedef struct sink {
    fm_buf all;
    size_t n;
    size_t stop_after; /* 0 = never */
    size_t biggest;
} sink;

static int collect(void *ud, const char *data, size_t len)
{
    sink *s = ud;
    if (s->n) fm_buf_put(&s->all, "|", 1);
    fm_buf_put(&s->all, data, len);
    s->n++;
    if (len > s->biggest) s->biggest = len;
    if (s->stop_after && s->n == s->stop_after) return 42;
    return 0;
}

static const char *stream3 =
    "{\"type\":\"ADDED\",\"object\":{\"a\":1}}\n"
    "{\"type\":\"MODIFIED\",\"object\":{\"s\":\"x\\ny\"}}\n"
    "{\"type\":\"DELETED\",\"object\":{}}\n";
static const char *joined3 =
    "{\"type\":\"ADDED\",\"object\":{\"a\":1}}|"
    "{\"type\":\"MODIFIED\",\"object\":{\"s\":\"x\\ny\"}}|"
    "{\"type\":\"DELETED\",\"object\":{}}";

TEST(many_events_one_chunk)
{
    fm_watchframe f;
    sink s = {FM_BUF_INIT, 0, 0, 0};
    fm_watchframe_init(&f, 0);
    CHECK_INT(fm_watchframe_feed(&f, stream3, strlen(stream3), collect, &s), 0);
    CHECK_INT(fm_watchframe_finish(&f, collect, &s), 0);
    CHECK_INT(s.n, 3);
    CHECK_STR(s.all.data, joined3);
    CHECK_INT(f.peak, 0); /* nothing was buffered: events came straight from the chunk */
    fm_watchframe_free(&f);
    fm_buf_free(&s.all);
}

/* Every split of the stream into two chunks, and byte-at-a-time. */
TEST(split_anywhere)
{
    size_t len = strlen(stream3);
    for (size_t cut = 0; cut <= len; cut++) {
        fm_watchframe f;
        sink s = {FM_BUF_INIT, 0, 0, 0};
        fm_watchframe_init(&f, 0);
        CHECK_INT(fm_watchframe_feed(&f, stream3, cut, collect, &s), 0);
        CHECK_INT(fm_watchframe_feed(&f, stream3 + cut, len - cut, collect, &s), 0);
        CHECK_INT(fm_watchframe_finish(&f, collect, &s), 0);
        CHECK_INT(s.n, 3);
        CHECK_STR(s.all.data, joined3);
        fm_watchframe_free(&f);
        fm_buf_free(&s.all);
    }
    fm_watchframe f;
    sink s = {FM_BUF_INIT, 0, 0, 0};
    fm_watchframe_init(&f, 0);
    for (size_t i = 0; i < len; i++) CHECK_INT(fm_watchframe_feed(&f, stream3 + i, 1, collect, &s), 0);
    CHECK_INT(s.n, 3);
    CHECK_STR(s.all.data, joined3);
    fm_watchframe_free(&f);
    fm_buf_free(&s.all);
}

/* Random chunk sizes over a long stream of small events. */
TEST(random_chunks)
{
    fm_buf stream = FM_BUF_INIT, want = FM_BUF_INIT;
    for (int i = 0; i < 2000; i++) {
        fm_buf_printf(&stream, "{\"type\":\"MODIFIED\",\"object\":{\"n\":%d,\"pad\":\"%.*s\"}}\n", i, i % 50,
                      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        if (i) fm_buf_put(&want, "|", 1);
        fm_buf_printf(&want, "{\"type\":\"MODIFIED\",\"object\":{\"n\":%d,\"pad\":\"%.*s\"}}", i, i % 50,
                      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    }
    unsigned seed = 12345;
    fm_watchframe f;
    sink s = {FM_BUF_INIT, 0, 0, 0};
    fm_watchframe_init(&f, 0);
    size_t pos = 0;
    while (pos < stream.len) {
        seed = seed * 1103515245u + 12345u;
        size_t n = 1 + (seed >> 16) % 300;
        if (n > stream.len - pos) n = stream.len - pos;
        CHECK_INT(fm_watchframe_feed(&f, stream.data + pos, n, collect, &s), 0);
        pos += n;
    }
    CHECK_INT(s.n, 2000);
    CHECK(s.all.len == want.len && memcmp(s.all.data, want.data, want.len) == 0);
    CHECK(f.peak < 1024); /* the buffer never held more than about one event */
    fm_watchframe_free(&f);
    fm_buf_free(&s.all);
    fm_buf_free(&stream);
    fm_buf_free(&want);
}

/* A 6 MiB event in 16 KiB chunks between two small ones: delivered whole,
 * memory bounded by about the event's size. */
TEST(multi_megabyte_event)
{
    const size_t big = 6u * 1024u * 1024u;
    fm_buf stream = FM_BUF_INIT;
    fm_buf_puts(&stream, "{\"type\":\"ADDED\",\"object\":{}}\n{\"type\":\"ADDED\",\"object\":{\"blob\":\"");
    size_t start = stream.len - strlen("{\"type\":\"ADDED\",\"object\":{\"blob\":\"");
    fm_buf_grow(&stream, big + 128);
    memset(stream.data + stream.len, 'z', big);
    stream.len += big;
    stream.data[stream.len] = 0;
    fm_buf_puts(&stream, "\"}}\n{\"type\":\"DELETED\",\"object\":{}}\n");
    size_t big_len = stream.len - start - strlen("\n{\"type\":\"DELETED\",\"object\":{}}\n");

    fm_watchframe f;
    sink s = {FM_BUF_INIT, 0, 0, 0};
    fm_watchframe_init(&f, 0);
    for (size_t pos = 0; pos < stream.len; pos += 16384) {
        size_t n = stream.len - pos < 16384 ? stream.len - pos : 16384;
        CHECK_INT(fm_watchframe_feed(&f, stream.data + pos, n, collect, &s), 0);
    }
    CHECK_INT(fm_watchframe_finish(&f, collect, &s), 0);
    CHECK_INT(s.n, 3);
    CHECK_INT(s.biggest, big_len);
    CHECK(f.peak >= big_len);
    CHECK(f.peak <= 2 * big_len + 65536); /* growth by doubling at most */
    fprintf(stderr, "  6 MiB event: peak buffer %zu bytes for an event of %zu\n", f.peak, big_len);
    fm_watchframe_free(&f);
    fm_buf_free(&s.all);
    fm_buf_free(&stream);
}

TEST(event_over_limit)
{
    fm_watchframe f;
    sink s = {FM_BUF_INIT, 0, 0, 0};
    char chunk[100];
    memset(chunk, 'a', sizeof(chunk));
    fm_watchframe_init(&f, 250);
    CHECK_INT(fm_watchframe_feed(&f, chunk, 100, collect, &s), 0);
    CHECK_INT(fm_watchframe_feed(&f, chunk, 100, collect, &s), 0);
    CHECK_INT(fm_watchframe_feed(&f, chunk, 100, collect, &s), FM_ELIMIT);
    CHECK_CONTAINS(fm_error_last()->message, "larger than 250 bytes");
    fm_watchframe_free(&f);
    /* the same when the whole oversized event is inside one chunk */
    char line[400];
    memset(line, 'b', sizeof(line));
    line[399] = '\n';
    fm_watchframe_init(&f, 250);
    CHECK_INT(fm_watchframe_feed(&f, line, sizeof(line), collect, &s), FM_ELIMIT);
    fm_watchframe_free(&f);
    CHECK_INT(s.n, 0);
    fm_buf_free(&s.all);
}

TEST(blank_lines_crlf_and_tail)
{
    const char *in = "\n  \n{\"a\":1}\r\n\r\n{\"b\":2}";
    fm_watchframe f;
    sink s = {FM_BUF_INIT, 0, 0, 0};
    fm_watchframe_init(&f, 0);
    CHECK_INT(fm_watchframe_feed(&f, in, strlen(in), collect, &s), 0);
    CHECK_INT(s.n, 1);
    CHECK_INT(fm_watchframe_finish(&f, collect, &s), 0); /* tail without newline */
    CHECK_INT(s.n, 2);
    CHECK_STR(s.all.data, "{\"a\":1}|{\"b\":2}");
    CHECK_INT(f.events, 2);
    fm_watchframe_free(&f);
    fm_buf_free(&s.all);
}

TEST(callback_stops)
{
    fm_watchframe f;
    sink s = {FM_BUF_INIT, 0, 2, 0};
    fm_watchframe_init(&f, 0);
    CHECK_INT(fm_watchframe_feed(&f, stream3, strlen(stream3), collect, &s), 42);
    CHECK_INT(s.n, 2);
    fm_watchframe_free(&f);
    fm_watchframe_free(NULL);
    fm_buf_free(&s.all);
}

/* ------------------------------------------------------------ JSON scanner */

TEST(json_member_and_path)
{
    const char *j = " {\"type\" : \"ADDED\", \"object\": {\"metadata\":{\"name\":\"n1\",\"resourceVersion\":\"42\","
                    "\"labels\":{\"a\":\"b\"}},\"spec\":[1,2,{\"x\":null}]}, \"esc\\\"key\": true, \"n\": -1.5e3}";
    const char *v;
    size_t n;
    CHECK_INT(fm_kube_json_member(j, strlen(j), "type", &v, &n), 0);
    CHECK(n == 7 && memcmp(v, "\"ADDED\"", 7) == 0);
    CHECK_INT(fm_kube_json_member(j, strlen(j), "n", &v, &n), 0);
    CHECK(n == 6 && memcmp(v, "-1.5e3", 6) == 0);
    CHECK_INT(fm_kube_json_member(j, strlen(j), "esc\"key", &v, &n), 0);
    CHECK(n == 4 && memcmp(v, "true", 4) == 0);
    CHECK_INT(fm_kube_json_member(j, strlen(j), "missing", &v, &n), FM_ENOTFOUND);
    char *s = fm_kube_json_path_string(j, strlen(j), "object.metadata.resourceVersion");
    CHECK_STR(s, "42");
    free(s);
    CHECK(fm_kube_json_path_string(j, strlen(j), "object.spec") == NULL); /* not a string */
    CHECK_INT(fm_kube_json_member("[1]", 3, "a", &v, &n), FM_EPARSE);
    CHECK_INT(fm_kube_json_member("{\"a\":", 5, "b", &v, &n), FM_EPARSE);
    CHECK_INT(fm_kube_json_member("{}", 2, "b", &v, &n), FM_ENOTFOUND);
}

TEST(json_strings)
{
    const char *in = "\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\\u0000\"";
    char *s = fm_kube_json_string(in, strlen(in));
    CHECK_STR(s, "a\"b\\c\n\xc3\xa9\xf0\x9f\x98\x80\xef\xbf\xbd");
    free(s);
    CHECK(fm_kube_json_string("\"abc", 4) == NULL);
    CHECK(fm_kube_json_string("\"\\x\"", 4) == NULL);
    CHECK(fm_kube_json_string("\"\\u12\"", 6) == NULL);
    int64_t v = 0;
    CHECK_INT(fm_kube_json_int(&v, "410", 3), 0);
    CHECK_INT(v, 410);
    CHECK_INT(fm_kube_json_int(&v, "4x", 2), FM_EPARSE);
}

TEST(json_skip_limits)
{
    size_t pos = 0;
    fm_buf deep = FM_BUF_INIT;
    for (int i = 0; i < 600; i++) fm_buf_put(&deep, "[", 1);
    CHECK_INT(fm_kube_json_skip(deep.data, deep.len, &pos), FM_ELIMIT);
    fm_buf_free(&deep);
    pos = 0;
    CHECK_INT(fm_kube_json_skip("[1,[2,{\"a\":[]}],\"x\"] tail", 24, &pos), 0);
    CHECK_INT(pos, 20);
    pos = 0;
    CHECK_INT(fm_kube_json_skip("[1,2", 4, &pos), FM_EPARSE);
    pos = 0;
    CHECK_INT(fm_kube_json_skip("nul", 3, &pos), FM_EPARSE);
    /* cut short right after a string inside a container (found by
     * fuzz_execcred: the string's success leaked out as the result) */
    pos = 6;
    CHECK_INT(fm_kube_json_skip("{\"m\": {\"a\":\"b\"", 14, &pos), FM_EPARSE);
    CHECK_INT(pos, 6);
    const char *v = NULL;
    size_t vl = 0;
    CHECK(fm_kube_json_member("{\"m\": {\"a\":\"b\"", 14, "m", &v, &vl) != 0);
}

/* ANY_DEPTH steps over nesting past the bound (onto the heap), still
 * matching closers; BOUNDED stops there. */
TEST(json_any_depth)
{
    fm_buf deep = FM_BUF_INIT;
    size_t pos = 0;
    const char *v;
    size_t vl;
    fm_buf_puts(&deep, "{\"object\":");
    for (int i = 0; i < 5000; i++) fm_buf_put(&deep, i % 2 ? "[" : "{\"a\":", i % 2 ? 1 : 5);
    fm_buf_puts(&deep, "1");
    for (int i = 4999; i >= 0; i--) fm_buf_put(&deep, i % 2 ? "]" : "}", 1);
    fm_buf_puts(&deep, ",\"type\":\"ADDED\"}");
    CHECK_INT(fm_kube_json_skip(deep.data, deep.len, &pos), FM_ELIMIT);
    pos = 0;
    CHECK_INT(fm_kube_json_skip_depth(deep.data, deep.len, &pos, FM_KUBE_JSON_ANY_DEPTH), 0);
    CHECK_INT(pos, deep.len);
    CHECK_INT(fm_kube_json_member(deep.data, deep.len, "type", &v, &vl), FM_ELIMIT);
    CHECK_INT(fm_kube_json_member_depth(deep.data, deep.len, "type", FM_KUBE_JSON_ANY_DEPTH, &v, &vl), 0);
    CHECK(vl == 7 && memcmp(v, "\"ADDED\"", 7) == 0);

    fm_kube_watch_event_type t = 0;
    const char *tv, *ov;
    size_t tl, ol;
    CHECK_INT(fm_kube_watch_event_split(deep.data, deep.len, &t, &tv, &tl, &ov, &ol), 0);
    CHECK_INT(t, KUBE_WATCH_ADDED);
    CHECK(ov[0] == '{' && ov[ol - 1] == '}');
    /* a mismatched closer deep down is still malformed */
    deep.data[deep.len - 20] = deep.data[deep.len - 20] == ']' ? '}' : ']';
    pos = 0;
    CHECK_INT(fm_kube_json_skip_depth(deep.data, deep.len, &pos, FM_KUBE_JSON_ANY_DEPTH), FM_EPARSE);
    fm_buf_free(&deep);

    CHECK_INT(fm_kube_watch_event_split("{\"type\":\"NEW\",\"object\":{}}", 26, &t, &tv, &tl, &ov, &ol), 0);
    CHECK_INT(t, 0);
    CHECK(tl == 5 && memcmp(tv, "\"NEW\"", 5) == 0);
    CHECK_INT(fm_kube_watch_event_split("{\"type\":\"ADDED\"}", 16, &t, &tv, &tl, &ov, &ol), FM_EPARSE);
    CHECK_INT(fm_kube_watch_event_split("{\"type\":\"ADDED\",\"object\":{", 26, &t, &tv, &tl, &ov, &ol),
              FM_EPARSE);
}

TEST(json_array_next)
{
    const char *arr = " [ {\"a\":1} , \"x\",[2] ,3 ] ";
    size_t len = strlen(arr), pos = 0, vl;
    const char *v;
    CHECK_INT(fm_kube_json_array_next(arr, len, &pos, FM_KUBE_JSON_BOUNDED, &v, &vl), 1);
    CHECK(vl == 7 && memcmp(v, "{\"a\":1}", 7) == 0);
    CHECK_INT(fm_kube_json_array_next(arr, len, &pos, FM_KUBE_JSON_BOUNDED, &v, &vl), 1);
    CHECK(vl == 3 && memcmp(v, "\"x\"", 3) == 0);
    CHECK_INT(fm_kube_json_array_next(arr, len, &pos, FM_KUBE_JSON_BOUNDED, &v, &vl), 1);
    CHECK(vl == 3 && memcmp(v, "[2]", 3) == 0);
    CHECK_INT(fm_kube_json_array_next(arr, len, &pos, FM_KUBE_JSON_BOUNDED, &v, &vl), 1);
    CHECK(vl == 1 && v[0] == '3');
    CHECK_INT(fm_kube_json_array_next(arr, len, &pos, FM_KUBE_JSON_BOUNDED, &v, &vl), 0);
    CHECK_INT(fm_kube_json_array_next(arr, len, &pos, FM_KUBE_JSON_BOUNDED, &v, &vl), 0);
    pos = 0;
    CHECK_INT(fm_kube_json_array_next("[]", 2, &pos, FM_KUBE_JSON_BOUNDED, &v, &vl), 0);
    pos = 0;
    CHECK_INT(fm_kube_json_array_next("{}", 2, &pos, FM_KUBE_JSON_BOUNDED, &v, &vl), FM_EPARSE);
    pos = 0;
    CHECK_INT(fm_kube_json_array_next("[1 2]", 5, &pos, FM_KUBE_JSON_BOUNDED, &v, &vl), 1);
    CHECK_INT(fm_kube_json_array_next("[1 2]", 5, &pos, FM_KUBE_JSON_BOUNDED, &v, &vl), FM_EPARSE);
    pos = 0;
    CHECK_INT(fm_kube_json_array_next("[1,", 3, &pos, FM_KUBE_JSON_BOUNDED, &v, &vl), 1);
    CHECK_INT(fm_kube_json_array_next("[1,", 3, &pos, FM_KUBE_JSON_BOUNDED, &v, &vl), FM_EPARSE);
}

int main(void)
{
    RUN(many_events_one_chunk);
    RUN(json_any_depth);
    RUN(json_array_next);
    RUN(split_anywhere);
    RUN(random_chunks);
    RUN(multi_megabyte_event);
    RUN(event_over_limit);
    RUN(blank_lines_crlf_and_tail);
    RUN(callback_stops);
    RUN(json_member_and_path);
    RUN(json_strings);
    RUN(json_skip_limits);
    return test_summary();
}
