/*
 * flags.c - the Go-compatible command-line parser (see flags.h).
 */
#include "flags.h"

#include "base.h"
#include "error.h"
#include "goduration.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ value syntax */

int fm_flags_parse_bool(bool *out, const char *s)
{
    static const char *const yes[] = {"1", "t", "T", "TRUE", "true", "True"};
    static const char *const no[] = {"0", "f", "F", "FALSE", "false", "False"};
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
        if (strcmp(s, yes[i]) == 0) {
            *out = true;
            return 0;
        }
        if (strcmp(s, no[i]) == 0) {
            *out = false;
            return 0;
        }
    }
    return fm_error_set(FM_EPARSE, "invalid boolean \"%s\"", s);
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* Go's rule for '_' in a literal (s without its sign): each '_' must follow
 * a digit or the base prefix and be followed by a digit. */
static bool underscores_ok(const char *s)
{
    char saw = '^';  /* '^' start, '0' digit or prefix, '_' underscore, '!' other */
    size_t i = 0;
    bool hex = false;
    if (s[0] == '0' && s[1] && strchr("bBoOxX", s[1])) {
        i = 2;
        saw = '0';
        hex = s[1] == 'x' || s[1] == 'X';
    }
    for (; s[i]; i++) {
        char c = s[i];
        if ((c >= '0' && c <= '9') || (hex && digit_value(c) < 16)) {
            saw = '0';
        } else if (c == '_') {
            if (saw != '0') return false;
            saw = '_';
        } else {
            if (saw == '_') return false;
            saw = '!';
        }
    }
    return saw != '_';
}

/*
 * Parses a Go integer literal (see flags.h). Digits accumulate as an
 * unsigned magnitude with an overflow check before every step; the sign is
 * applied at the end so INT64_MIN is reachable. A bare "0" is octal with no
 * digits after the prefix, which Go accepts as zero.
 */
int fm_flags_parse_int64(int64_t *out, const char *s)
{
    const char *p = s;
    bool neg = false;
    unsigned base = 10;
    bool underscores = false;

    *out = 0;
    if (*p == '+' || *p == '-') {
        neg = *p == '-';
        p++;
    }
    const char *body = p;
    if (*p == 0) return fm_error_set(FM_EPARSE, "invalid integer \"%s\"", s);
    if (p[0] == '0') {
        bool three = p[1] != 0 && p[2] != 0;
        if (three && (p[1] == 'b' || p[1] == 'B')) base = 2, p += 2;
        else if (three && (p[1] == 'o' || p[1] == 'O')) base = 8, p += 2;
        else if (three && (p[1] == 'x' || p[1] == 'X')) base = 16, p += 2;
        else base = 8, p += 1;
    }

    uint64_t limit = neg ? (UINT64_C(1) << 63) : (uint64_t)INT64_MAX;
    uint64_t v = 0;
    bool range = false;
    for (; *p; p++) {
        if (*p == '_') {
            underscores = true;
            continue;
        }
        int d = digit_value(*p);
        if (d >= (int)base) return fm_error_set(FM_EPARSE, "invalid integer \"%s\"", s);
        if (range || v > (limit - (uint64_t)d) / base) range = true;  /* keep checking syntax */
        else v = v * base + (uint64_t)d;
    }
    if (underscores && !underscores_ok(body))
        return fm_error_set(FM_EPARSE, "invalid integer \"%s\"", s);
    if (range) return fm_error_set(FM_ELIMIT, "integer \"%s\" out of range", s);
    *out = neg ? (v == (UINT64_C(1) << 63) ? INT64_MIN : -(int64_t)v) : (int64_t)v;
    return 0;
}

/* ---------------------------------------------------------------- parsing */

static fm_flags_def *lookup(fm_flags_set *fs, const char *name, size_t len)
{
    for (size_t i = 0; i < fs->n_defs; i++)
        if (strlen(fs->defs[i].name) == len && memcmp(fs->defs[i].name, name, len) == 0)
            return &fs->defs[i];
    return NULL;
}

/*
 * Stores text (a default or a command-line value) into def's storage.
 * Returns 0 or a negative code with the flag's message in Go's words.
 */
static int store(fm_flags_def *def, const char *text)
{
    int rc;
    switch (def->type) {
    case FLAGS_STRING:
        *(const char **)def->value = text;
        return 0;
    case FLAGS_BOOL:
        if (fm_flags_parse_bool((bool *)def->value, text) != 0)
            return fm_error_set(FM_EINVAL, "invalid boolean value \"%s\" for -%s: parse error",
                                text, def->name);
        return 0;
    case FLAGS_INT:
        rc = fm_flags_parse_int64((int64_t *)def->value, text);
        if (rc != 0)
            return fm_error_set(FM_EINVAL, "invalid value \"%s\" for flag -%s: %s", text,
                                def->name, rc == FM_ELIMIT ? "value out of range" : "parse error");
        return 0;
    case FLAGS_DURATION:
        if (fm_goduration_parse((int64_t *)def->value, text) != 0)
            return fm_error_set(FM_EINVAL, "invalid value \"%s\" for flag -%s: parse error", text,
                                def->name);
        return 0;
    case FLAGS_STRLIST: {
        fm_list fresh = {NULL, 0};
        if (fm_strlist_split(&fresh, text) != 0)
            return fm_error_prefix("flag -%s", def->name);
        fm_strlist_free((fm_list *)def->value);
        *(fm_list *)def->value = fresh;
        return 0;
    }
    }
    return fm_error_set(FM_EINVAL, "flag -%s: unknown flag type %d", def->name, (int)def->type);
}

/* Sets every flag to its default (the zero value when def_text is NULL). */
static int store_defaults(fm_flags_set *fs)
{
    for (size_t i = 0; i < fs->n_defs; i++) {
        fm_flags_def *def = &fs->defs[i];
        def->set = false;
        if (def->def_text) {
            int rc = store(def, def->def_text);
            if (rc != 0) return fm_error_prefix("default of flag -%s", def->name);
            continue;
        }
        switch (def->type) {
        case FLAGS_STRING: *(const char **)def->value = ""; break;
        case FLAGS_BOOL: *(bool *)def->value = false; break;
        case FLAGS_INT:
        case FLAGS_DURATION: *(int64_t *)def->value = 0; break;
        case FLAGS_STRLIST: fm_strlist_free((fm_list *)def->value); break;
        }
    }
    return 0;
}

static bool is_help(const char *name, size_t len)
{
    return (len == 1 && name[0] == 'h') || (len == 4 && memcmp(name, "help", 4) == 0);
}

/*
 * Parses the command line (see flags.h). One argument (two for `-name value`)
 * per turn, so the loop is bounded by argc.
 */
int fm_flags_parse(fm_flags_set *fs, int argc, char **argv, int *first_arg_out)
{
    int i = 1;
    int rc = store_defaults(fs);
    if (first_arg_out) *first_arg_out = argc;
    if (rc != 0) return rc;

    for (; i < argc; i++) {
        const char *arg = argv[i];
        if (arg[0] != '-' || arg[1] == 0) break;  /* a positional argument */
        const char *name = arg + 1;
        if (name[0] == '-') {
            name++;
            if (name[0] == 0) {  /* "--" ends the flags */
                i++;
                break;
            }
        }
        if (name[0] == '-' || name[0] == '=')
            return fm_error_set(FM_EINVAL, "bad flag syntax: %s", arg);

        const char *eq = strchr(name, '=');
        size_t name_len = eq ? (size_t)(eq - name) : strlen(name);
        fm_flags_def *def = lookup(fs, name, name_len);
        if (!def) {
            if (is_help(name, name_len)) {
                if (first_arg_out) *first_arg_out = i + 1;
                return FLAGS_HELP;
            }
            return fm_error_set(FM_EINVAL, "flag provided but not defined: -%.*s", (int)name_len,
                                name);
        }

        const char *value;
        if (eq) {
            value = eq + 1;
        } else if (def->type == FLAGS_BOOL) {
            value = "true";
        } else if (i + 1 < argc) {
            value = argv[++i];  /* Go takes the next word whatever it looks like */
        } else {
            return fm_error_set(FM_EINVAL, "flag needs an argument: -%s", def->name);
        }
        rc = store(def, value);
        if (rc != 0) return rc;
        def->set = true;
    }
    if (first_arg_out) *first_arg_out = i;
    return 0;
}

bool fm_flags_is_set(const fm_flags_set *fs, const char *name)
{
    for (size_t i = 0; i < fs->n_defs; i++)
        if (strcmp(fs->defs[i].name, name) == 0) return fs->defs[i].set;
    return false;
}

void fm_flags_free(fm_flags_set *fs)
{
    if (!fs) return;
    for (size_t i = 0; i < fs->n_defs; i++)
        if (fs->defs[i].type == FLAGS_STRLIST) fm_strlist_free((fm_list *)fs->defs[i].value);
}

/* ------------------------------------------------------------------ usage */

static int by_name(const void *a, const void *b)
{
    const fm_flags_def *x = *(const fm_flags_def *const *)a;
    const fm_flags_def *y = *(const fm_flags_def *const *)b;
    return strcmp(x->name, y->name);
}

/* The value's name in help: a `back-quoted` word of the usage, else the
 * type's name (none for bools), as Go's UnquoteUsage does. */
static void value_name(const fm_flags_def *def, const char **name, int *len)
{
    const char *u = def->usage ? def->usage : "";
    const char *a = strchr(u, '`');
    const char *b = a ? strchr(a + 1, '`') : NULL;
    if (a && b) {
        *name = a + 1;
        *len = (int)(b - a - 1);
        return;
    }
    switch (def->type) {
    case FLAGS_BOOL: *name = ""; break;
    case FLAGS_INT: *name = "int"; break;
    case FLAGS_DURATION: *name = "duration"; break;
    case FLAGS_STRING:
    case FLAGS_STRLIST:
    default: *name = "string"; break;
    }
    *len = (int)strlen(*name);
}

/* True when def's default text means the type's zero value (not shown). */
static bool default_is_zero(const fm_flags_def *def)
{
    const char *t = def->def_text;
    if (!t || !*t) return true;
    switch (def->type) {
    case FLAGS_BOOL: {
        bool v = true;
        return fm_flags_parse_bool(&v, t) == 0 && !v;
    }
    case FLAGS_INT: {
        int64_t v = 1;
        return fm_flags_parse_int64(&v, t) == 0 && v == 0;
    }
    case FLAGS_DURATION: {
        int64_t v = 1;
        return fm_goduration_parse(&v, t) == 0 && v == 0;
    }
    default: return false;
    }
}

/*
 * Prints the help text (see flags.h). Works on a sorted array of pointers so
 * the caller's table keeps its order.
 */
void fm_flags_usage(FILE *out, const fm_flags_set *fs)
{
    const fm_flags_def **sorted = malloc((fs->n_defs ? fs->n_defs : 1) * sizeof(*sorted));
    size_t n = fs->n_defs;
    if (sorted) {
        for (size_t i = 0; i < n; i++) sorted[i] = &fs->defs[i];
        qsort(sorted, n, sizeof(*sorted), by_name);
    }
    fprintf(out, "Usage of %s:\n", fs->program ? fs->program : "program");
    for (size_t i = 0; i < n; i++) {
        const fm_flags_def *def = sorted ? sorted[i] : &fs->defs[i];
        const char *vname;
        int vlen;
        value_name(def, &vname, &vlen);
        int width = fprintf(out, "  -%s", def->name);
        if (vlen > 0) width += fprintf(out, " %.*s", vlen, vname);
        /* Go puts the usage on the same line only after a one-letter bool. */
        fputs(width <= 4 ? "\t" : "\n    \t", out);
        for (const char *u = def->usage ? def->usage : ""; *u; u++) {
            if (*u == '`') continue;
            if (*u == '\n') fputs("\n    \t", out);
            else fputc(*u, out);
        }
        if (!default_is_zero(def)) {
            if (def->type == FLAGS_STRING || def->type == FLAGS_STRLIST) {
                fprintf(out, " (default \"%s\")", def->def_text);
            } else if (def->type == FLAGS_DURATION) {
                char buf[GODURATION_FORMAT_MAX];
                int64_t v = 0;
                fm_goduration_parse(&v, def->def_text);
                fprintf(out, " (default %s)", fm_goduration_format(buf, v));
            } else {
                fprintf(out, " (default %s)", def->def_text);
            }
        }
        fputc('\n', out);
    }
    free(sorted);
}
