/*
 * test_jsmn_fast.c - third_party/jsmn/jsmn.h (jsmn with a 16-bytes-at-a-
 * time string scan) against the system's jsmn.h: the same result, the same
 * tokens and the same parser state on the fixtures, on the inputs jsmn is
 * known to be lenient with, on mutations of the fixtures and on random
 * inputs made of the bytes the string scan treats specially (quotes,
 * backslashes, NUL, bytes >= 0x80) and long plain runs around them; with
 * room for every token, with too few (JSMN_ERROR_NOMEM part-way) and in
 * counting mode (no token array).
 */
#include "codec_jsmn.h" /* third_party/jsmn's copy */

#include "jsmn_system.h"
#include "test.h"

#ifndef JSMN_FOREMAN_SIMD
#error "third_party/jsmn/jsmn.h was not the jsmn.h included (or SSE2 is off)"
#endif

static long compared;

/* Parses js with both and reports the first difference; 0 when equal. */
static int same(const char *js, size_t len, int cap)
{
    int *a = malloc(sizeof(int) * 5 * (size_t)(cap > 0 ? cap : 1));
    /* zeroed: jsmn leaves the type of a token it allocates and then
     * abandons (strict mode: a container as an object key) unset */
    jsmntok_t *t = calloc((size_t)(cap > 0 ? cap : 1), sizeof(jsmntok_t));
    int sa[3], bad = 0;
    if (!a || !t) {
        free(a);
        free(t);
        return -1;
    }
    int ra = sys_jsmn_run(js, len, a, cap, sa);
    jsmn_parser p;
    jsmn_init(&p);
    int rb = jsmn_parse(&p, js, len, cap > 0 ? t : NULL, (unsigned)cap);
    if (ra != rb || sa[0] != (int)p.pos || sa[1] != (int)p.toknext || sa[2] != p.toksuper) {
        fprintf(stderr, "  differ (len %zu, cap %d): system r=%d pos=%d next=%d super=%d, ours r=%d pos=%u next=%u super=%d\n",
                len, cap, ra, sa[0], sa[1], sa[2], rb, p.pos, p.toknext, p.toksuper);
        bad = 1;
    }
    for (int i = 0; !bad && i < cap && i < (int)p.toknext; i++) {
        if (a[5 * i] != (int)t[i].type || a[5 * i + 1] != t[i].start || a[5 * i + 2] != t[i].end ||
            a[5 * i + 3] != t[i].size || a[5 * i + 4] != t[i].parent) {
            fprintf(stderr, "  token %d differs (len %zu, cap %d): system %d %d %d %d %d, ours %d %d %d %d %d\n", i, len, cap,
                    a[5 * i], a[5 * i + 1], a[5 * i + 2], a[5 * i + 3], a[5 * i + 4], (int)t[i].type, t[i].start, t[i].end,
                    t[i].size, t[i].parent);
            bad = 1;
        }
    }
    free(a);
    free(t);
    compared++;
    return bad;
}

static void check_all_caps(const char *js, size_t len)
{
    int caps[] = {0, 1, 3, 17, 256, 8192};
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) CHECK(same(js, len, caps[i]) == 0);
}

TEST(fixtures)
{
    const char *files[] = {"tests/fixtures/agentictask.json", "tests/fixtures/agentictask_list.json",
                           "tests/fixtures/fleetnode.json", "tests/fixtures/fleetnode_list.json",
                           "tests/fixtures/workload.json", "tests/fixtures/lease.json",
                           "tests/fixtures/status_409.json", "tests/fixtures/status_422.json"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        size_t n = 0;
        char *js = test_read_file(files[i], &n);
        CHECK_FATAL(js != NULL);
        check_all_caps(js, n);
        /* every prefix ends a string somewhere (JSMN_ERROR_PART) */
        for (size_t k = 0; k < n; k += 7) CHECK(same(js, k, 8192) == 0);
        free(js);
    }
}

TEST(lenient_and_broken_inputs)
{
    const char *cases[] = {
        "{}{}", "{\"a\":1,}", "{,}", "{\"a\"}", "{\"a\":}", "{\"a\" \"b\"}", "[1 2]", "[,1]",
        "[\"a\":1]", "{\"a\"::1}", "tru", "nul", "01", "1.", "-", "\"\\u12\"", "\"\\uZZZZ\"",
        "\"\\x\"", "\"abc", "\"abc\\", "\"abc\\\"", "\"0123456789abcdef0123456789abcdef\\q\"",
        "\"0123456789abcdef0123456789abcde\\", "{\"0123456789abcdef0123456789\":\"\\u00e9\\n\\t\"}",
        "[\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 plain text that is longer than sixteen bytes\"]",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) check_all_caps(cases[i], strlen(cases[i]));
    /* NUL inside and right after a string, with long runs before it */
    const char nul[] = "[\"0123456789abcdef0123456789abcdef\0tail\", 1]";
    check_all_caps(nul, sizeof nul - 1);
    for (size_t k = 1; k < sizeof nul; k++) CHECK(same(nul, k, 64) == 0);
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static unsigned next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng >> 11);
}

TEST(random_inputs)
{
    /* A small alphabet heavy in the bytes the fast scan stops at. */
    static const char alpha[] = "\"\"\"\\\\\\u0a9fF{}[]:, x\x80\xff";
    char buf[512];
    for (int iter = 0; iter < 20000; iter++) {
        size_t len = 0, want = next_rand() % sizeof buf;
        while (len < want) {
            unsigned r = next_rand() % 10;
            if (r < 3) { /* a plain run, often longer than 16 bytes */
                size_t run = next_rand() % 40;
                for (size_t k = 0; k < run && len < want; k++) buf[len++] = (char)('a' + next_rand() % 26);
            } else if (r == 3) {
                buf[len++] = '\0';
            } else {
                buf[len++] = alpha[next_rand() % (sizeof alpha - 1)];
            }
        }
        CHECK(same(buf, len, 64) == 0);
        CHECK(same(buf, len, 0) == 0);
        if (test_failed_in_current_) return;
    }
}

TEST(mutated_fixture)
{
    size_t n = 0;
    char *js = test_read_file("tests/fixtures/agentictask_list.json", &n);
    CHECK_FATAL(js != NULL);
    static const char flips[] = "\"\\\0{}[],:u \x80";
    for (int iter = 0; iter < 3000; iter++) {
        char *m = malloc(n);
        CHECK_FATAL(m != NULL);
        memcpy(m, js, n);
        int k = 1 + (int)(next_rand() % 4);
        for (int j = 0; j < k; j++) m[next_rand() % n] = flips[next_rand() % (sizeof flips - 1)];
        CHECK(same(m, n, 4096) == 0);
        free(m);
        if (test_failed_in_current_) break;
    }
    free(js);
}

int main(void)
{
    RUN(fixtures);
    RUN(lenient_and_broken_inputs);
    RUN(random_inputs);
    RUN(mutated_fixture);
    printf("%ld parses compared\n", compared);
    return test_summary();
}
