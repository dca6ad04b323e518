/*
 * test_agentutil.c - FleetNode name sanitizing, comma lists, int32 narrowing
 * and bytes to GiB, against the rules of the reference agent.
 */
#include "test.h"

#include "agentutil.h"
#include "error.h"

#include <unistd.h>

TEST(sanitize_table)
{
    static const struct {
        const char *in;
        const char *want;
    } cases[] = {
        {"mac.local", "mac-local"},
        {"m5-max", "m5-max"},
        {"M5-Max.Local", "m5-max-local"},
        {"A__B", "a-b"},
        {"a..b", "a-b"},
        {"a.-.b", "a---b"},   /* '-' is inside the set: kept, runs collapse */
        {"a--b", "a--b"},
        {"a-.-b", "a---b"},
        {"a_-_b", "a---b"},
        {"-abc-", "abc"},
        {"--abc--", "abc"},
        {"..abc..", "abc"},
        {"._-abc-_.", "abc"},
        {"", "fleetnode"},
        {"-", "fleetnode"},
        {"...", "fleetnode"},
        {"_-_", "fleetnode"},
        {"UPPER", "upper"},
        {"host name with spaces", "host-name-with-spaces"},
        {"gpu@box#1", "gpu-box-1"},
        {"caf\xc3\xa9.local", "caf-local"},             /* é: one run */
        {"\xc3\xa9\xc3\xa9x", "x"},                     /* leading non-ASCII trimmed */
        {"a\xe2\x84\xaa" "b", "akb"},                   /* KELVIN SIGN lowers to k */
        {"\xc4\xb0stanbul", "i-stanbul"},               /* İ lowers to i + U+0307 */
        {"a\xff\xfe" "b", "a-b"},                       /* invalid bytes: one run */
        {"123", "123"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char out[AGENTUTIL_NAME_MAX + 1];
        bool changed = false;
        fm_agentutil_sanitize_name(out, &changed, cases[i].in);
        CHECK_STR(out, cases[i].want);
        CHECK(changed == (strcmp(cases[i].in, cases[i].want) != 0));
    }
    char out[AGENTUTIL_NAME_MAX + 1];
    fm_agentutil_sanitize_name(out, NULL, NULL);
    CHECK_STR(out, "fleetnode");
}

TEST(sanitize_length)
{
    char in[300], want[64], out[AGENTUTIL_NAME_MAX + 1];
    bool changed = false;

    /* Exactly 63 stays. */
    memset(in, 'a', 63);
    in[63] = 0;
    fm_agentutil_sanitize_name(out, &changed, in);
    CHECK_STR(out, in);
    CHECK(!changed);

    /* 64 is cut to 63. */
    memset(in, 'b', 64);
    in[64] = 0;
    memset(want, 'b', 63);
    want[63] = 0;
    fm_agentutil_sanitize_name(out, &changed, in);
    CHECK_STR(out, want);
    CHECK(changed);

    /* A cut that ends on '-' trims it again: 62 'c', then ".d..." */
    memset(in, 'c', 62);
    strcpy(in + 62, ".ddddd");
    memset(want, 'c', 62);
    want[62] = 0;
    fm_agentutil_sanitize_name(out, &changed, in);
    CHECK_STR(out, want);
    CHECK_INT(strlen(out), 62);

    /* Leading junk does not count towards the 63. */
    strcpy(in, "....");
    memset(in + 4, 'e', 70);
    in[74] = 0;
    memset(want, 'e', 63);
    want[63] = 0;
    fm_agentutil_sanitize_name(out, &changed, in);
    CHECK_STR(out, want);

    /* Many '-' at the cut: 60 'f' then "----g" cut at 63 leaves 60 'f'. */
    memset(in, 'f', 60);
    strcpy(in + 60, "-----g");
    memset(want, 'f', 60);
    want[60] = 0;
    fm_agentutil_sanitize_name(out, &changed, in);
    CHECK_STR(out, want);

    /* A long host name (255 bytes) of separators only. */
    memset(in, '.', 255);
    in[255] = 0;
    fm_agentutil_sanitize_name(out, &changed, in);
    CHECK_STR(out, "fleetnode");
}

TEST(default_node_name)
{
    char out[AGENTUTIL_NAME_MAX + 1], host[256], again[AGENTUTIL_NAME_MAX + 1];
    bool changed = true;
    CHECK_INT(fm_agentutil_default_node_name(out, host, &changed), 0);
    CHECK(strlen(out) >= 1 && strlen(out) <= 63);
    fm_agentutil_sanitize_name(again, NULL, host);
    CHECK_STR(out, again);
    CHECK(changed == (strcmp(host, out) != 0));
    CHECK_INT(fm_agentutil_default_node_name(out, NULL, NULL), 0);
}

/* Checks that list l holds exactly the n strings of want. */
static int list_is(const fm_list *l, const char *const *want, size_t n)
{
    if (l->len != n) return 0;
    if (n == 0) return l->items == NULL;
    for (size_t i = 0; i < n; i++)
        if (strcmp(((char **)l->items)[i], want[i]) != 0) return 0;
    return 1;
}

TEST(comma_lists)
{
    static const struct {
        const char *in;
        size_t n;
        const char *want[4];
    } cases[] = {
        {"worker", 1, {"worker"}},
        {"worker,gpu", 2, {"worker", "gpu"}},
        {" worker , gpu ", 2, {"worker", "gpu"}},
        {"a,,b", 2, {"a", "b"}},
        {",a,", 1, {"a"}},
        {"\ta b\t,c", 2, {"a b", "c"}},  /* inner spaces are kept */
        {"llama-3.1-8b,qwen2.5:7b", 2, {"llama-3.1-8b", "qwen2.5:7b"}},
        {"", 0, {NULL}},
        {",", 0, {NULL}},
        {" , ,, ", 0, {NULL}},
        {"   ", 0, {NULL}},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        fm_list l = {(void *)1, 99};
        CHECK_INT(fm_strlist_split(&l, cases[i].in), 0);
        if (!list_is(&l, cases[i].want, cases[i].n))
            fprintf(stderr, "  case \"%s\": %zu entries\n", cases[i].in, l.len);
        CHECK(list_is(&l, cases[i].want, cases[i].n));
        fm_strlist_free(&l);
        CHECK(l.items == NULL && l.len == 0);
    }
    fm_list l = {NULL, 0};
    CHECK_INT(fm_strlist_split(&l, NULL), 0);
    CHECK(l.items == NULL && l.len == 0);
    fm_strlist_free(NULL);
}

TEST(narrowing)
{
    static const struct {
        int64_t in;
        int32_t want;
    } cases[] = {
        {0, 0},
        {1, 1},
        {-1, 0},
        {INT64_MIN, 0},
        {2147483647, 2147483647},
        {2147483648LL, 2147483647},
        {INT64_MAX, 2147483647},
        {131072, 131072},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        CHECK_INT(fm_agentutil_narrow_int32(cases[i].in), cases[i].want);
}

TEST(bytes_to_gib)
{
    static const struct {
        uint64_t in;
        int32_t want;
    } cases[] = {
        {0, 0},
        {1073741823, 0},
        {1073741824, 1},
        {2147483647, 1},
        {131981020ULL * 1024, 125},  /* the H100 host's MemTotal */
        {85520809984ULL, 79},        /* an H100's memory */
        {137438953472ULL, 128},
        {2147483647ULL << 30, 2147483647},
        {(2147483647ULL << 30) + (1ULL << 30), 2147483647},
        {UINT64_MAX, 2147483647},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        CHECK_INT(fm_agentutil_bytes_to_gib(cases[i].in), cases[i].want);
}

int main(void)
{
    RUN(sanitize_table);
    RUN(sanitize_length);
    RUN(default_node_name);
    RUN(comma_lists);
    RUN(narrowing);
    RUN(bytes_to_gib);
    return test_summary();
}
