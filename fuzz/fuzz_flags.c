/*
 * fuzz_flags.c - libFuzzer target for the command-line parsers: the
 * Go-compatible flag parser (flags.h), Go durations (goduration.h), Go
 * integer and boolean literals, comma lists and FleetNode name sanitizing
 * (agentutil.h).
 *
 * The input is split at NUL bytes into at most 64 words; they form an argv
 * (argv[0] is "fuzz") parsed against a table with one flag of every type,
 * and each word is also fed to every single-value parser. The target aborts
 * unless:
 *   - fm_flags_parse returns 0, FLAGS_HELP or FM_EINVAL (FM_EINVAL with a
 *     non-empty one-line message), and the first positional index is in
 *     [1, argc];
 *   - string lists hold only trimmed, non-empty entries without commas,
 *     and are absent (items NULL) exactly when empty;
 *   - a parsed duration formats to text that parses back to the same value;
 *     a parsed integer printed in decimal parses back to itself;
 *   - a sanitized name is a DNS-1123 label of 1..63 characters, sanitizing
 *     it again changes nothing, and for ASCII input it equals a small
 *     independent model of the reference rules;
 *   - a split list equals an independent model of the comma rules.
 */
#include "agentutil.h"
#include "codec.h"
#include "error.h"
#include "flags.h"
#include "goduration.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_WORDS 64

static void fail(const char *what, const char *input)
{
    fprintf(stderr, "fuzz_flags: %s (input \"%s\")\n", what, input ? input : "");
    abort();
}

static void check_message(const char *input)
{
    const char *m = fm_error_last()->message;
    if (!m[0] || strchr(m, '\n')) fail("error message empty or not one line", input);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Every entry trimmed, non-empty and comma-free; absent exactly when empty. */
static void check_list(const fm_list *l, const char *input)
{
    if ((l->len == 0) != (l->items == NULL)) fail("list absent/empty mismatch", input);
    for (size_t i = 0; i < l->len; i++) {
        const char *e = ((char **)l->items)[i];
        size_t n = strlen(e);
        if (n == 0 || strchr(e, ',') || is_space(e[0]) || is_space(e[n - 1]))
            fail("list entry empty, untrimmed or holding a comma", input);
    }
}

/* The comma-list rules written the plain way: compare entry by entry. */
static void model_list(const fm_list *l, const char *s)
{
    size_t n = 0;
    const char *p = s;
    for (;;) {
        const char *end = strchr(p, ',');
        if (!end) end = p + strlen(p);
        const char *b = p, *e = end;
        while (b < e && is_space(*b)) b++;
        while (e > b && is_space(e[-1])) e--;
        if (e > b) {
            if (n >= l->len) fail("split list lost an entry", s);
            const char *got = ((char **)l->items)[n];
            if (strlen(got) != (size_t)(e - b) || memcmp(got, b, (size_t)(e - b)) != 0)
                fail("split list entry differs from the model", s);
            n++;
        }
        if (!*end) break;
        p = end + 1;
    }
    if (n != l->len) fail("split list has extra entries", s);
}

/* The reference sanitizing rules for ASCII text, written the plain way. */
static void model_sanitize(char out[AGENTUTIL_NAME_MAX + 1], const char *in)
{
    char tmp[4096];
    size_t n = 0;
    bool run = false;
    for (const char *p = in; *p && n < sizeof(tmp) - 1; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
            tmp[n++] = c;
            run = false;
        } else if (!run) {
            tmp[n++] = '-';
            run = true;
        }
    }
    tmp[n] = 0;
    size_t b = 0, e = n;
    while (b < e && tmp[b] == '-') b++;
    while (e > b && tmp[e - 1] == '-') e--;
    if (e - b > AGENTUTIL_NAME_MAX) e = b + AGENTUTIL_NAME_MAX;
    while (e > b && tmp[e - 1] == '-') e--;
    if (e == b) {
        strcpy(out, AGENTUTIL_NAME_FALLBACK);
        return;
    }
    memcpy(out, tmp + b, e - b);
    out[e - b] = 0;
}

static void check_name(const char *w)
{
    char out[AGENTUTIL_NAME_MAX + 1], again[AGENTUTIL_NAME_MAX + 1];
    bool changed = false, changed2 = true;
    fm_agentutil_sanitize_name(out, &changed, w);
    size_t n = strlen(out);
    if (n == 0 || n > AGENTUTIL_NAME_MAX || out[0] == '-' || out[n - 1] == '-') fail("sanitized name malformed", w);
    for (size_t i = 0; i < n; i++)
        if (!((out[i] >= 'a' && out[i] <= 'z') || (out[i] >= '0' && out[i] <= '9') || out[i] == '-'))
            fail("sanitized name has a character outside [a-z0-9-]", w);
    if (changed != (strcmp(out, w) != 0)) fail("changed flag wrong", w);
    fm_agentutil_sanitize_name(again, &changed2, out);
    if (strcmp(again, out) != 0 || changed2) fail("sanitizing is not idempotent", w);
    bool ascii = true;
    for (const char *p = w; *p; p++)
        if ((unsigned char)*p >= 0x80) ascii = false;
    if (ascii && strlen(w) < 4000) {
        char want[AGENTUTIL_NAME_MAX + 1];
        model_sanitize(want, w);
        if (strcmp(want, out) != 0) fail("sanitized name differs from the model", w);
    }
}

static void check_word(const char *w)
{
    int64_t d = 0, d2 = 0, v = 0, v2 = 0;
    bool b = false;
    char txt[GODURATION_FORMAT_MAX];

    fm_error_clear();
    if (fm_goduration_parse(&d, w) == 0) {
        fm_goduration_format(txt, d);
        if (strlen(txt) >= GODURATION_FORMAT_MAX) fail("formatted duration too long", w);
        if (fm_goduration_parse(&d2, txt) != 0 || d2 != d) fail("duration does not survive format+parse", w);
    } else {
        check_message(w);
    }
    int rc = fm_flags_parse_int64(&v, w);
    if (rc == 0) {
        char num[32];
        snprintf(num, sizeof(num), "%" PRId64, v);
        if (fm_flags_parse_int64(&v2, num) != 0 || v2 != v) fail("integer does not survive print+parse", w);
        int32_t n32 = fm_agentutil_narrow_int32(v);
        if (n32 < 0 || (v >= 0 && v <= INT32_MAX && n32 != v)) fail("narrowing wrong", w);
    } else if (rc != FM_EPARSE && rc != FM_ELIMIT) {
        fail("integer parse returned an unexpected code", w);
    }
    if (fm_flags_parse_bool(&b, w) == 0 && strlen(w) > 5) fail("bool accepted a long word", w);

    fm_list l = {0};
    if (fm_strlist_split(&l, w) != 0) fail("split_list failed", w);
    check_list(&l, w);
    model_list(&l, w);
    fm_strlist_free(&l);
    if (l.items || l.len) fail("list_free left items", w);

    check_name(w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    char *argv[MAX_WORDS + 2];
    int argc = 1;
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = 0;
    argv[0] = "fuzz";
    for (size_t off = 0; off <= size && argc <= MAX_WORDS; argc++) {
        argv[argc] = text + off;
        off += strlen(text + off) + 1;
    }
    argv[argc] = NULL;

    for (int i = 1; i < argc; i++) check_word(argv[i]);

    const char *str = NULL;
    bool flag = false;
    int64_t num = 0, dur = 0;
    fm_list roles = {0}, models = {0};
    fm_flags_def defs[] = {
        {"fleet-node-name", FLAGS_STRING, &str, NULL, "FleetNode `name`", false},
        {"v", FLAGS_BOOL, &flag, NULL, "verbose", false},
        {"leader-elect", FLAGS_BOOL, &flag, "true", "take the lease", false},
        {"total-ram-gb", FLAGS_INT, &num, "0x10", "RAM in `GiB`", false},
        {"heartbeat-interval", FLAGS_DURATION, &dur, "30s", "how often to report", false},
        {"roles", FLAGS_STRLIST, &roles, "worker", "comma-separated `roles`", false},
        {"installed-models", FLAGS_STRLIST, &models, NULL, "models", false},
    };
    fm_flags_set fs = {"fuzz", defs, sizeof(defs) / sizeof(defs[0])};
    int first = -1;
    fm_error_clear();
    int rc = fm_flags_parse(&fs, argc, argv, &first);
    if (rc == FM_EINVAL) {
        check_message(argv[1]);
    } else if (rc == 0 || rc == FLAGS_HELP) {
        if (rc == 0 && (first < 1 || first > argc)) fail("first positional index out of range", argv[1]);
        check_list(&roles, argv[1]);
        check_list(&models, argv[1]);
        if (rc == 0 && !fm_flags_is_set(&fs, "roles") && (roles.len != 1 || strcmp(((char **)roles.items)[0], "worker")))
            fail("roles default lost", argv[1]);
        if (fm_flags_is_set(&fs, "no-such-flag")) fail("unknown flag reported as set", argv[1]);
    } else {
        fail("fm_flags_parse returned an unexpected code", argv[1]);
    }
    FILE *null = fopen("/dev/null", "w");
    if (null) {
        fm_flags_usage(null, &fs);
        fclose(null);
    }
    fm_flags_free(&fs);
    if (roles.items || models.items) fail("fm_flags_free left a list", argv[1]);
    fm_flags_free(NULL);
    free(text);
    return 0;
}
