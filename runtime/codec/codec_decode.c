/*
 * codec_decode.c - the ONE JSON decoder: walks a descriptor table and fills
 * the generated C struct from JSON text.
 *
 * Three passes over the input, none recursive on the input's shape:
 *   1. jsmn (strict mode, parent links) splits the text into tokens;
 *   2. validate() checks what jsmn does not: the separators between tokens
 *      (jsmn accepts `[1 2]`, `{"a" "b"}` and trailing commas), primitive
 *      spellings (`tru`, `01`, `1.`), string escapes, surrogate pairs, raw
 *      control characters and UTF-8, the nesting depth (CODEC_MAX_DEPTH) and
 *      data after the value. It keeps its own explicit stack;
 *   3. decode_struct() walks the tokens along the descriptors. It recurses
 *      once per nested *schema* struct, which validate() has already bounded
 *      by CODEC_MAX_DEPTH; values the schema does not know are skipped or
 *      copied using token end offsets, never by recursion.
 * Errors name the JSON path, rebuilt from the parent links only when an
 * error happens (so the happy path does no path bookkeeping).
 */
#include "codec.h"
#include "codec_internal.h"
#include "error.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "codec_jsmn.h"

typedef struct dctx {
    const char *js;
    size_t len;
    jsmntok_t *t;
    int n;
    size_t cap;             /* tokens allocated at t */
    bool has_ws;            /* whitespace seen between tokens: values need compacting */
    size_t off;             /* offset of js in the caller's input (split decoding) */
    size_t from;            /* validate() checks js[from..len) (split decoding: one window) */
    int max_depth;          /* nesting allowed inside js */
    const char *list_name;  /* split decoding: JSON name of the list js is part of, else NULL */
    size_t list_idx;        /* split decoding: index of the element being decoded */
    bool seq;               /* js is a comma-separated run of values (list elements) */
    char trail_sep;         /* what must follow the last value: 0, or ',' (more follow) */
} dctx;

/* ------------------------------------------------------------- errors */

static const char *tok_kind(const dctx *c, int i)
{
    switch (c->t[i].type) {
    case JSMN_OBJECT: return "object";
    case JSMN_ARRAY: return "array";
    case JSMN_STRING: return "string";
    case JSMN_PRIMITIVE:
        switch (c->js[c->t[i].start]) {
        case 't': case 'f': return "boolean";
        case 'n': return "null";
        default: return "number";
        }
    default: return "nothing";
    }
}

/* Index of the token after token i and everything nested in it: tokens are
 * in document order, so the subtree is the run that starts before i ends. */
static int skip(const dctx *c, int i)
{
    int end = c->t[i].end, j = i + 1;
    if (c->t[i].type != JSMN_OBJECT && c->t[i].type != JSMN_ARRAY) return j;
    while (j < c->n && c->t[j].start < end) j++;
    return j;
}

/*
 * Writes the JSON path of token i (".spec.conditions[2].status") into out,
 * following parent links to the root. Array indexes are counted by
 * skipping siblings, which is linear but only happens on the error path.
 * Truncated paths are marked with "..." at the front.
 */
static void path_of(const dctx *c, int i, char *out, size_t cap)
{
    int chain[CODEC_MAX_DEPTH * 2 + 8];
    int n = 0, cur = i, k;
    size_t len = 0;

    out[0] = 0;
    while (cur > 0 && n < (int)(sizeof(chain) / sizeof(chain[0]))) {
        chain[n++] = cur;
        cur = c->t[cur].parent;
    }
    if (cur > 0) len = (size_t)snprintf(out, cap, "...");
    for (k = n - 1; k >= 0 && len < cap; k--) {
        int tok = chain[k], par = c->t[tok].parent;
        if (c->t[tok].type == JSMN_STRING && par >= 0 && c->t[par].type == JSMN_OBJECT) {
            int kl = c->t[tok].end - c->t[tok].start;
            len += (size_t)snprintf(out + len, cap - len, ".%.*s", kl > 128 ? 128 : kl,
                                    c->js + c->t[tok].start);
        } else if (par >= 0 && c->t[par].type == JSMN_ARRAY) {
            int j = par + 1, idx = 0;
            while (j < tok) {
                j = skip(c, j);
                idx++;
            }
            len += (size_t)snprintf(out + len, cap - len, "[%d]", idx);
        }
        /* a value under a key adds nothing: the key already named it */
    }
    if (len >= cap) out[cap - 1] = 0;
}

/* Records "<path of token i>: <problem>" and returns code. The root object
 * is written as "." so the message never starts with a bare colon. */
static int derr(const dctx *c, int i, int code, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int derr(const dctx *c, int i, int code, const char *fmt, ...)
{
    char path[512], msg[512], pre[320] = "";
    va_list ap;
    /* the element's path is only formatted here, on the error path */
    if (c->list_name) snprintf(pre, sizeof(pre), ".%s[%zu]", c->list_name, c->list_idx);
    path_of(c, i, path, sizeof(path));
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (!pre[0] && !path[0]) return fm_error_set(code, ".: %s", msg);
    return fm_error_set(code, "%s%s: %s", pre, path, msg);
}

static int type_err(const dctx *c, int i, const char *want)
{
    return derr(c, i, FM_EPARSE, "expected %s, got %s", want, tok_kind(c, i));
}

/* Records "invalid JSON at byte N: <problem>" for a syntax error at pos
 * (relative to c->js; reported relative to the caller's whole input). */
static int jerr(const dctx *c, int code, size_t pos, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int jerr(const dctx *c, int code, size_t pos, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return fm_error_set(code, "invalid JSON at byte %zu: %s", pos + c->off, msg);
}

/* ------------------------------------------------------------- pass 1 */

/*
 * Runs jsmn over c->js with the token array at c->t (reused when it is big
 * enough, else sized from the input length) and doubled whenever jsmn runs
 * out (jsmn resumes where it stopped). Returns 0 or FM_EPARSE / FM_ELIMIT /
 * FM_ENOMEM; c->t stays owned by the caller either way.
 */
static int tokenize(dctx *c)
{
    jsmn_parser p;
    size_t want = c->len / 12 + 64; /* compact API JSON: ~12 bytes a token */
    int r;

    if (c->len > CODEC_MAX_INPUT)
        return fm_error_set(FM_ELIMIT, "JSON input of %zu bytes is over the %u-byte limit", c->len,
                            CODEC_MAX_INPUT);
    if (c->cap < want) {
        jsmntok_t *nt = realloc(c->t, want * sizeof(jsmntok_t));
        if (!nt) return fm_error_set(FM_ENOMEM, "out of memory for %zu JSON tokens", want);
        c->t = nt;
        c->cap = want;
    }
    jsmn_init(&p);
    for (;;) {
        r = jsmn_parse(&p, c->js, c->len, c->t, (unsigned)c->cap);
        if (r != JSMN_ERROR_NOMEM) break;
        jsmntok_t *nt = realloc(c->t, c->cap * 2 * sizeof(jsmntok_t));
        if (!nt) return fm_error_set(FM_ENOMEM, "out of memory for %zu JSON tokens", c->cap * 2);
        c->t = nt;
        c->cap *= 2;
    }
    if (r == JSMN_ERROR_PART || r == 0) {
        const char *nul = memchr(c->js, 0, c->len);
        if (nul) return jerr(c, FM_EPARSE, (size_t)(nul - c->js), "NUL byte");
        return fm_error_set(FM_EPARSE, "truncated JSON at byte %zu", c->len + c->off);
    }
    if (r < 0) return jerr(c, FM_EPARSE, p.pos, "unexpected character");
    c->n = r;
    return 0;
}

/* ------------------------------------------------------------- pass 2 */

static inline bool is_ws(char ch)
{
    return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
}

/* First byte of token i's text, quotes included for strings. */
static inline size_t ext_start(const jsmntok_t *t)
{
    return (size_t)(t->type == JSMN_STRING ? t->start - 1 : t->start);
}

/* One past the last byte of token i's text (closing quote included). */
static inline size_t ext_end(const jsmntok_t *t)
{
    return (size_t)(t->type == JSMN_STRING ? t->end + 1 : t->end);
}

/* Checks that js[from..to) is whitespace around exactly one `sep` (or only
 * whitespace when sep is 0). Returns 0 or FM_EPARSE naming the byte. */
static int check_gap_slow(dctx *c, size_t from, size_t to, char sep)
{
    size_t i = from;
    bool seen = false;
    for (; i < to; i++) {
        char ch = c->js[i];
        if (is_ws(ch)) continue;
        if (ch == sep && !seen) {
            seen = true;
            continue;
        }
        return jerr(c, FM_EPARSE, i, "unexpected '%c'", ch);
    }
    if (sep && !seen) return jerr(c, FM_EPARSE, to, "expected '%c'", sep);
    return 0;
}

/* check_gap_slow's fast path for compact JSON: the gap is exactly the
 * separator (or empty). Anything else may be whitespace, which is noted. */
static inline int check_gap(dctx *c, size_t from, size_t to, char sep)
{
    if (sep ? to - from == 1 && c->js[from] == sep : to == from) return 0;
    c->has_ws = true;
    return check_gap_slow(c, from, to, sep);
}

/* A string token's size is unused by jsmn except for keys (1: one value);
 * check_string sets this bit on strings that hold a backslash escape. */
#define ESCAPED 2

/* Byte classes for string validation: 0 plain, 1 control, 2 backslash,
 * 3 start of a multi-byte UTF-8 sequence (or an invalid byte). */
static const unsigned char str_class[256] = {
    [0x00 ... 0x1f] = 1,
    ['\\'] = 2,
    [0x80 ... 0xff] = 3,
};

/*
 * Validates the body of string token i: escapes are one of \" \\ \/ \b \f
 * \n \r \t \uXXXX, a \u high surrogate is followed by a \u low surrogate and
 * a low one never stands alone, no raw byte below 0x20, and the raw bytes
 * are UTF-8. Returns 0 or FM_EPARSE naming the byte.
 */
static int check_string_from(dctx *c, int i, size_t p)
{
    const unsigned char *s = (const unsigned char *)c->js;
    size_t end = (size_t)c->t[i].end;
    for (;;) {
        /* 8 plain bytes at a time: no byte < 0x20, none >= 0x80, no '\\' */
        while (end - p >= 8) {
            uint64_t x;
            memcpy(&x, s + p, 8);
            uint64_t bs = x ^ 0x5c5c5c5c5c5c5c5cull;
            /* exact "has a byte < 0x20" and "has a zero byte" tests (no
             * false negatives), plus the high bits */
            uint64_t special = (((x - 0x2020202020202020ull) & ~x) | ((bs - 0x0101010101010101ull) & ~bs) | x) &
                               0x8080808080808080ull;
            if (special) break;
            p += 8;
        }
        while (p < end && !str_class[s[p]]) p++;
        if (p >= end) return 0;
        switch (str_class[s[p]]) {
        case 1:
            return jerr(c, FM_EPARSE, p, "control character 0x%02x in string", s[p]);
        case 3: {
            size_t l = fm_utf8_len(s + p, end - p);
            if (!l) return jerr(c, FM_EPARSE, p, "invalid UTF-8 in string");
            p += l;
            break;
        }
        default: /* backslash */
            c->t[i].size |= ESCAPED; /* tells tok_strdup to unescape */
            if (p + 1 >= end) goto bad_escape;
            switch (s[p + 1]) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                p += 2;
                break;
            case 'u': {
                long u;
                if (p + 6 > end || (u = fm_json_hex4((const char *)s + p + 2)) < 0) goto bad_escape;
                if (u >= 0xDC00 && u <= 0xDFFF)
                    return jerr(c, FM_EPARSE, p, "lone low surrogate \\u%04lx", u);
                if (u >= 0xD800 && u <= 0xDBFF) {
                    long lo;
                    if (p + 12 > end || s[p + 6] != '\\' || s[p + 7] != 'u' ||
                        (lo = fm_json_hex4((const char *)s + p + 8)) < 0xDC00 || lo > 0xDFFF)
                        return jerr(c, FM_EPARSE, p, "high surrogate \\u%04lx without a low one", u);
                    p += 12;
                } else {
                    p += 6;
                }
                break;
            }
            default:
                goto bad_escape;
            }
        }
    }
    return 0;
bad_escape:
    return jerr(c, FM_EPARSE, p, "invalid escape in string");
}

/*
 * Position of the first byte at or after p (and before c->len) that a
 * string cannot hold as it is: a control character, a byte >= 0x80 or a
 * backslash; c->len when there is none. 16 bytes at a time with SSE2 (a
 * signed compare with 0x20 flags both controls and bytes >= 0x80), else 8
 * at a time (SWAR).
 */
static size_t next_special(const dctx *c, size_t p)
{
    const unsigned char *s = (const unsigned char *)c->js;
    size_t len = c->len;
#ifdef __SSE2__
    while (p + 16 <= len) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + p));
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));
        if (m) return p + (unsigned)__builtin_ctz(m);
        p += 16;
    }
#else
    while (len - p >= 8) {
        uint64_t x, bs;
        memcpy(&x, s + p, 8);
        bs = x ^ 0x5c5c5c5c5c5c5c5cull;
        if ((((x - 0x2020202020202020ull) & ~x) | ((bs - 0x0101010101010101ull) & ~bs) | x) & 0x8080808080808080ull)
            break;
        p += 8;
    }
#endif
    while (p < len && !str_class[s[p]]) p++;
    return p;
}

/*
 * check_string_from's fast path, inlined into validate(). *spec is a
 * cursor that validate() keeps over the text: the next special byte (see
 * next_special) at or after the last string's start. Most strings hold no
 * special byte, and the cursor, which only moves forward, settles them with
 * one compare; the text between specials is scanned once, not once per
 * string.
 */
static inline int check_string(dctx *c, int i, size_t *spec)
{
    size_t start = (size_t)c->t[i].start;
    if (*spec < start) *spec = next_special(c, start);
    if (*spec >= (size_t)c->t[i].end) return 0;
    return check_string_from(c, i, *spec);
}

/* Validates a primitive's spelling: exactly true, false, null, or a number
 * matching -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? . */
static int check_primitive(const dctx *c, int i)
{
    const char *s = c->js + c->t[i].start;
    size_t n = (size_t)(c->t[i].end - c->t[i].start), p = 0;
    switch (s[0]) {
    case 't':
        if (n == 4 && memcmp(s, "true", 4) == 0) return 0;
        goto bad;
    case 'f':
        if (n == 5 && memcmp(s, "false", 5) == 0) return 0;
        goto bad;
    case 'n':
        if (n == 4 && memcmp(s, "null", 4) == 0) return 0;
        goto bad;
    }
    if (s[p] == '-') p++;
    if (p >= n) goto bad;
    if (s[p] == '0') {
        p++;
    } else if (s[p] >= '1' && s[p] <= '9') {
        while (p < n && s[p] >= '0' && s[p] <= '9') p++;
    } else {
        goto bad;
    }
    if (p < n && s[p] == '.') {
        size_t d = ++p;
        while (p < n && s[p] >= '0' && s[p] <= '9') p++;
        if (p == d) goto bad;
    }
    if (p < n && (s[p] == 'e' || s[p] == 'E')) {
        size_t d;
        p++;
        if (p < n && (s[p] == '+' || s[p] == '-')) p++;
        d = p;
        while (p < n && s[p] >= '0' && s[p] <= '9') p++;
        if (p == d) goto bad;
    }
    if (p == n) return 0;
bad:
    return jerr(c, FM_EPARSE, (size_t)c->t[i].start, "invalid literal \"%.*s\"", (int)(n > 40 ? 40 : n), s);
}

/*
 * Checks the token stream against the JSON grammar with an explicit stack
 * of open containers (so a 10,000-deep input costs no C stack and ends in
 * FM_ELIMIT). `pos` is the end of the last lexical item; every gap between
 * items must hold exactly the separator the grammar expects. A key and its
 * value are handled together: jsmn emits the value right after its key,
 * with the key as its parent. In sequence mode (c->seq) the input is a
 * comma-separated run of values, followed by c->trail_sep.
 */
static int validate(dctx *c)
{
    int stk[CODEC_MAX_DEPTH + 4];
    int nchild[CODEC_MAX_DEPTH + 4];
    bool isobj[CODEC_MAX_DEPTH + 4]; /* stk[k] is an object (else an array) */
    int sp = -1, i, rc, n = c->n;
    int top = -2; /* stk[sp], or -2 (no token's parent) when no container is open */
    size_t pos = c->from, spec = c->from; /* spec: see check_string */
    const jsmntok_t *t = c->t;

    for (i = 0; i < n; i++) {
        int par = t[i].parent;
        /* Fast path: token i is a child of the innermost open container,
         * which is therefore an object or an array and closes nothing. */
        if (__builtin_expect(par != top, 0)) {
            if (par >= 0 && t[par].type != JSMN_OBJECT && t[par].type != JSMN_ARRAY)
                return jerr(c, FM_EPARSE, ext_start(&t[i]), "unexpected ':'");
            /* close the containers that ended before token i */
            while (sp >= 0 && stk[sp] != par) {
                int k = stk[sp--];
                if ((rc = check_gap(c, pos, (size_t)t[k].end - 1, 0))) return rc;
                pos = (size_t)t[k].end;
            }
            top = sp >= 0 ? stk[sp] : -2;
            if (sp < 0) {
                if (i > 0 && !c->seq)
                    return jerr(c, FM_EPARSE, ext_start(&t[i]), "data after the top-level value");
                if ((rc = check_gap(c, pos, ext_start(&t[i]), i ? ',' : 0))) return rc;
                goto value;
            }
        }
        if (isobj[sp]) {
            /* a key, then its value */
            if ((rc = check_gap(c, pos, ext_start(&t[i]), nchild[sp] ? ',' : 0))) return rc;
            nchild[sp]++;
            if (t[i].type != JSMN_STRING) return jerr(c, FM_EPARSE, ext_start(&t[i]), "expected a string key");
            if (t[i].size != 1 || i + 1 >= n || t[i + 1].parent != i)
                return jerr(c, FM_EPARSE, ext_end(&t[i]), "expected ':' and one value");
            if ((rc = check_string(c, i, &spec))) return rc;
            pos = (size_t)t[i].end + 1;
            i++;
            if ((rc = check_gap(c, pos, ext_start(&t[i]), ':'))) return rc;
        } else {
            if ((rc = check_gap(c, pos, ext_start(&t[i]), nchild[sp] ? ',' : 0))) return rc;
            nchild[sp]++;
        }
    value:
        /* token i is a value */
        switch (t[i].type) {
        case JSMN_STRING:
            if ((rc = check_string(c, i, &spec))) return rc;
            pos = (size_t)t[i].end + 1;
            break;
        case JSMN_PRIMITIVE:
            if ((rc = check_primitive(c, i))) return rc;
            pos = (size_t)t[i].end;
            break;
        case JSMN_OBJECT:
        case JSMN_ARRAY:
            if (sp + 1 >= c->max_depth)
                return fm_error_set(FM_ELIMIT, "JSON nesting deeper than %d levels at byte %zu", CODEC_MAX_DEPTH,
                                    (size_t)t[i].start + c->off);
            stk[++sp] = i;
            nchild[sp] = 0;
            isobj[sp] = t[i].type == JSMN_OBJECT;
            top = i;
            pos = (size_t)t[i].start + 1;
            break;
        default:
            return jerr(c, FM_EPARSE, (size_t)t[i].start, "unexpected token");
        }
    }
    while (sp >= 0) {
        int k = stk[sp--];
        if ((rc = check_gap(c, pos, (size_t)t[k].end - 1, 0))) return rc;
        pos = (size_t)t[k].end;
    }
    if ((rc = check_gap(c, pos, c->len, c->trail_sep))) {
        if (c->seq) return rc;
        return jerr(c, FM_EPARSE, pos, "data after the top-level value");
    }
    return 0;
}

/* ------------------------------------------------------------- values */

/* Decodes the escapes of a validated string body s[0..n) into w (room for
 * n bytes) and returns the decoded length; validation left no malformed
 * escape for fm_json_unescape() to refuse. */
static size_t unescape(char *w, const char *s, size_t n)
{
    size_t l = 0;
    (void)fm_json_unescape(w, &l, s, n, true);
    return l;
}

/* A malloc'd, decoded copy of string token i (NULL on ENOMEM); *outlen
 * gets its length when outlen is not NULL. */
static char *tok_strdup(const dctx *c, int i, size_t *outlen)
{
    const char *s = c->js + c->t[i].start;
    size_t n = (size_t)(c->t[i].end - c->t[i].start), l;
    char *p = malloc(n + 1);
    if (!p) {
        fm_error_set(FM_ENOMEM, "out of memory copying a %zu-byte string", n);
        return NULL;
    }
    if (c->t[i].size & ESCAPED) {
        l = unescape(p, s, n);
    } else {
        memcpy(p, s, n);
        l = n;
    }
    p[l] = 0;
    if (outlen) *outlen = l;
    return p;
}

/* Appends the text of the value at token i to w with the whitespace outside
 * strings removed; returns the new write position. Strings are copied with
 * their escapes as written. Iterative (a byte scan with an in-string flag). */
static char *compact_into(char *w, const dctx *c, int i)
{
    const jsmntok_t *t = &c->t[i];
    const char *s = c->js + ext_start(t), *e = c->js + ext_end(t);
    if (t->type == JSMN_STRING || t->type == JSMN_PRIMITIVE || !c->has_ws) {
        memcpy(w, s, (size_t)(e - s));
        return w + (e - s);
    }
    while (s < e) {
        char ch = *s++;
        if (ch == '"') {
            *w++ = ch;
            while (s < e) {
                ch = *s++;
                *w++ = ch;
                if (ch == '\\') {
                    *w++ = *s++;
                } else if (ch == '"') {
                    break;
                }
            }
        } else if (!is_ws(ch)) {
            *w++ = ch;
        }
    }
    return w;
}

/*
 * Parses the number at token i as an integer in [lo, hi]. Plain integer
 * spellings are read exactly (no double round trip). Fraction or exponent
 * spellings (1.0, 1e3) are accepted when their value is integral and at most
 * 2^53 in magnitude, where a double is still exact. Returns 0 or FM_EPARSE.
 */
static int tok_int(const dctx *c, int i, int64_t lo, int64_t hi, int64_t *out)
{
    const char *s = c->js + c->t[i].start;
    size_t n = (size_t)(c->t[i].end - c->t[i].start), p = 0;
    uint64_t v = 0, lim;
    bool neg = false;

    if (c->t[i].type != JSMN_PRIMITIVE || s[0] == 't' || s[0] == 'f' || s[0] == 'n')
        return type_err(c, i, "integer");
    if (s[0] == '-') {
        neg = true;
        p = 1;
    }
    lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    for (; p < n && s[p] >= '0' && s[p] <= '9'; p++) {
        unsigned d = (unsigned)(s[p] - '0');
        if (v > (lim - d) / 10) return derr(c, i, FM_EPARSE, "integer %.*s out of range", (int)n, s);
        v = v * 10 + d;
    }
    if (p < n) {
        char tmp[64];
        double dv;
        if (n >= sizeof(tmp)) return derr(c, i, FM_EPARSE, "expected integer, got a %zu-character number", n);
        memcpy(tmp, s, n);
        tmp[n] = 0;
        dv = fm_codec_strtod(tmp, NULL);
        if (dv != floor(dv)) return derr(c, i, FM_EPARSE, "expected integer, got %.*s", (int)n, s);
        if (fabs(dv) > 9007199254740992.0)
            return derr(c, i, FM_EPARSE, "integer %.*s out of range or inexact", (int)n, s);
        *out = (int64_t)dv;
    } else if (neg) {
        *out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
    } else {
        *out = (int64_t)v;
    }
    if (*out < lo || *out > hi) return derr(c, i, FM_EPARSE, "integer %.*s out of range", (int)n, s);
    return 0;
}

/* Compares raw string token i with s[0..n); decodes escapes first when the
 * token has any (rare: keys and enum values are plain ASCII in practice). */
static bool tok_eq(const dctx *c, int i, const char *s, size_t n)
{
    const char *r = c->js + c->t[i].start;
    size_t rn = (size_t)(c->t[i].end - c->t[i].start);
    if (c->t[i].size & ESCAPED) { /* validate() marked it */
        char buf[256];
        if (rn > sizeof(buf)) return false;
        rn = unescape(buf, r, rn);
        return rn == n && memcmp(buf, s, n) == 0;
    }
    return rn == n && memcmp(r, s, n) == 0;
}

/* ------------------------------------------------------------- walker */

/* A JSON member that goes into the struct's unknown bag: the key token and,
 * for an unknown enum value, the field (whose canonical name is used). */
typedef struct pending {
    int key;
    const fm_field_desc *f;
} pending;

typedef struct pendings {
    pending *v;
    size_t n, cap;
    pending inl[8]; /* most structs need none or a few: no malloc */
} pendings;

static int pend_add(pendings *p, int key, const fm_field_desc *f)
{
    if (p->n == p->cap) {
        size_t cap = p->cap * 2;
        pending *nv = p->v == p->inl ? malloc(cap * sizeof(*nv)) : realloc(p->v, cap * sizeof(*nv));
        if (!nv) return fm_error_set(FM_ENOMEM, "out of memory for unknown JSON members");
        if (p->v == p->inl) memcpy(nv, p->inl, sizeof(p->inl));
        p->v = nv;
        p->cap = cap;
    }
    p->v[p->n].key = key;
    p->v[p->n].f = f;
    p->n++;
    return 0;
}

/* Name bytes of pending member m (canonical field name or raw key text). */
static void pend_name(const dctx *c, const pending *m, const char **s, size_t *n)
{
    if (m->f) {
        *s = m->f->json_name;
        *n = m->f->json_name_len;
    } else {
        *s = c->js + c->t[m->key].start;
        *n = (size_t)(c->t[m->key].end - c->t[m->key].start);
    }
}

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    size_t i;
    for (i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/*
 * Marks in dead[] every key that occurs again later in keys[] (duplicate
 * JSON keys: the last one wins). Pairwise for a few keys, an open-addressing
 * hash set for more, so hostile inputs with 100,000 keys stay linear.
 * Returns 0 or FM_ENOMEM.
 */
static int mark_dups(const char *const *ks, const size_t *kl, size_t n, unsigned char *dead)
{
    size_t i, j;
    if (n <= 12) {
        for (i = 0; i < n; i++)
            for (j = i + 1; j < n; j++)
                if (kl[i] == kl[j] && memcmp(ks[i], ks[j], kl[i]) == 0) {
                    dead[i] = 1;
                    break;
                }
        return 0;
    }
    size_t cap = 16;
    while (cap < n * 2) cap *= 2;
    size_t *slot = calloc(cap, sizeof(size_t)); /* index + 1, 0 = empty */
    if (!slot) return fm_error_set(FM_ENOMEM, "out of memory checking duplicate keys");
    for (i = n; i-- > 0;) {
        size_t h = hash_bytes(ks[i], kl[i]) & (cap - 1);
        for (;;) {
            if (!slot[h]) {
                slot[h] = i + 1;
                break;
            }
            j = slot[h] - 1;
            if (kl[i] == kl[j] && memcmp(ks[i], ks[j], kl[i]) == 0) {
                dead[i] = 1;
                break;
            }
            h = (h + 1) & (cap - 1);
        }
    }
    free(slot);
    return 0;
}

/* Scratch arrays for mark_dups over n names: on the stack for a few names
 * (a struct's unknown members, a map's labels), malloc'd for more. */
#define SCRATCH_INLINE 16
typedef struct dupscratch {
    const char **ks;
    size_t *kl;
    unsigned char *dead;
    const char *ks_inl[SCRATCH_INLINE];
    size_t kl_inl[SCRATCH_INLINE];
    unsigned char dead_inl[SCRATCH_INLINE];
} dupscratch;

/* Points s at room for n names with dead[] zeroed; 0 or FM_ENOMEM (then
 * scratch_free is still safe). */
static int scratch_init(dupscratch *s, size_t n, const char *what)
{
    if (n <= SCRATCH_INLINE) {
        s->ks = s->ks_inl;
        s->kl = s->kl_inl;
        s->dead = s->dead_inl;
        memset(s->dead_inl, 0, sizeof(s->dead_inl));
        return 0;
    }
    s->ks = malloc(n * sizeof(*s->ks));
    s->kl = malloc(n * sizeof(*s->kl));
    s->dead = calloc(n, 1);
    if (!s->ks || !s->kl || !s->dead) return fm_error_set(FM_ENOMEM, "out of memory %s", what);
    return 0;
}

static void scratch_free(dupscratch *s)
{
    if (s->ks == s->ks_inl) return;
    free(s->ks);
    free(s->kl);
    free(s->dead);
}

/*
 * Builds the unknown bag of a struct from its pending members: duplicates
 * dropped (last wins), each member written as "key":value with the value
 * compacted. Replaces whatever bag the struct had. Returns 0 or FM_ENOMEM.
 */
static int build_bag(const dctx *c, char **bag, pendings *p)
{
    size_t total = 0, i;
    dupscratch sc;
    const char **ks;
    size_t *kl;
    unsigned char *dead;
    char *out = NULL, *w;
    int rc;

    if ((rc = scratch_init(&sc, p->n, "keeping unknown JSON members"))) goto done;
    ks = sc.ks;
    kl = sc.kl;
    dead = sc.dead;
    for (i = 0; i < p->n; i++) pend_name(c, &p->v[i], &ks[i], &kl[i]);
    if ((rc = mark_dups(ks, kl, p->n, dead))) goto done;
    for (i = 0; i < p->n; i++) {
        const jsmntok_t *v = &c->t[p->v[i].key + 1];
        if (!dead[i]) total += kl[i] + 4 + (ext_end(v) - ext_start(v));
    }
    rc = FM_ENOMEM;
    out = malloc(total + 1);
    if (!out) {
        fm_error_set(FM_ENOMEM, "out of memory keeping %zu bytes of unknown JSON members", total);
        goto done;
    }
    w = out;
    for (i = 0; i < p->n; i++) {
        if (dead[i]) continue;
        if (w != out) *w++ = ',';
        *w++ = '"';
        memcpy(w, ks[i], kl[i]);
        w += kl[i];
        *w++ = '"';
        *w++ = ':';
        w = compact_into(w, c, p->v[i].key + 1);
    }
    *w = 0;
    free(*bag);
    *bag = out;
    out = NULL;
    rc = 0;
done:
    scratch_free(&sc);
    free(out);
    return rc;
}

/* Removes pending unknown-enum members named like f (a later duplicate key
 * with a known value replaced them). */
static void pend_forget(pendings *p, const fm_field_desc *f)
{
    size_t i, j = 0;
    for (i = 0; i < p->n; i++)
        if (p->v[i].f != f) p->v[j++] = p->v[i];
    p->n = j;
}

static int decode_struct(const dctx *c, void *obj, const fm_struct_desc *d, int ti, int *next);

/* Frees and zeroes field f of obj and drops its presence bit. */
static void clear_field(void *obj, const fm_field_desc *f)
{
    void *p = CODEC_FIELD(obj, f);
    if (f->type == FM_T_ENUM) *(int32_t *)p = 0;
    else fm_codec_clear_field_value(f, p);
    fm_codec_set_present(obj, f->presence_bit, false);
}

/* Decodes a JSON object of strings into a string map (null members are
 * skipped; a repeated key keeps its last value). */
static int decode_map(const dctx *c, fm_strmap *m, int ti, int *next)
{
    int n = c->t[ti].size, j = ti + 1, k, rc = 0;
    size_t i, out = 0;
    dupscratch sc;

    if (c->t[ti].type != JSMN_OBJECT) return type_err(c, ti, "object");
    if (n == 0) {
        *next = j;
        return 0;
    }
    m->items = calloc((size_t)n, sizeof(fm_strpair));
    if (!m->items) return fm_error_set(FM_ENOMEM, "out of memory for a %d-entry map", n);
    for (k = 0; k < n; k++, j += 2) {
        const jsmntok_t *v = &c->t[j + 1];
        size_t kn;
        if (v->type == JSMN_PRIMITIVE && c->js[v->start] == 'n') continue;
        if (v->type != JSMN_STRING) {
            *next = j + 1;
            return type_err(c, j + 1, "string");
        }
        fm_strpair *pr = &m->items[m->len];
        if (!(pr->key = tok_strdup(c, j, &kn))) return FM_ENOMEM;
        if (!(pr->value = tok_strdup(c, j + 1, NULL))) {
            free(pr->key); /* not counted in m->len yet */
            pr->key = NULL;
            return FM_ENOMEM;
        }
        m->len++;
        (void)kn;
    }
    *next = j;
    if (m->len < 2) return 0;
    if ((rc = scratch_init(&sc, m->len, "checking map keys"))) goto done;
    for (i = 0; i < m->len; i++) {
        sc.ks[i] = m->items[i].key;
        sc.kl[i] = strlen(sc.ks[i]);
    }
    if ((rc = mark_dups(sc.ks, sc.kl, m->len, sc.dead))) goto done;
    for (i = 0; i < m->len; i++) {
        if (sc.dead[i]) {
            free(m->items[i].key);
            free(m->items[i].value);
        } else {
            m->items[out++] = m->items[i];
        }
    }
    m->len = out;
done:
    scratch_free(&sc);
    return rc;
}

static int decode_field(const dctx *c, void *obj, const fm_field_desc *f, int ti, int *next, bool *raw_enum);
static int decode_value(const dctx *c, int type, const fm_field_desc *f, void *p, int ti, int *next,
                        bool *raw_enum);

/*
 * Decodes the JSON object at token ti into m, a map<string,V> of row f
 * (FM_T_MAPV): null members are skipped, a repeated key keeps its last
 * value, order is kept. On error m holds what was decoded so far.
 */
static int decode_mapv(const dctx *c, fm_map *m, const fm_field_desc *f, int ti, int *next)
{
    int n = c->t[ti].size, j = ti + 1, k, rc = 0;
    size_t i, out = 0;
    dupscratch sc;

    if (c->t[ti].type != JSMN_OBJECT) {
        *next = skip(c, ti);
        return type_err(c, ti, "object");
    }
    if (n == 0) {
        *next = j;
        return 0;
    }
    m->keys = calloc((size_t)n, sizeof(char *));
    m->values = calloc((size_t)n, f->elem_size);
    if (!m->keys || !m->values) return fm_error_set(FM_ENOMEM, "out of memory for a %d-entry map", n);
    for (k = 0; k < n; k++) {
        const jsmntok_t *v = &c->t[j + 1];
        bool raw = false;
        if (v->type == JSMN_PRIMITIVE && c->js[v->start] == 'n') {
            j += 2;
            continue;
        }
        if (!(m->keys[m->len] = tok_strdup(c, j, NULL))) return FM_ENOMEM;
        m->len++; /* the value is owned from here on, even on error */
        rc = decode_value(c, f->elem_type, f, (char *)m->values + (m->len - 1) * f->elem_size, j + 1, &j, &raw);
        if (rc) {
            *next = j;
            return rc;
        }
    }
    *next = j;
    if (m->len < 2) return 0;
    if ((rc = scratch_init(&sc, m->len, "checking map keys"))) goto done;
    for (i = 0; i < m->len; i++) {
        sc.ks[i] = m->keys[i];
        sc.kl[i] = strlen(sc.ks[i]);
    }
    if ((rc = mark_dups(sc.ks, sc.kl, m->len, sc.dead))) goto done;
    for (i = 0; i < m->len; i++) {
        char *vp = (char *)m->values + i * f->elem_size;
        if (sc.dead[i]) {
            free(m->keys[i]);
            fm_codec_clear_value(f->elem_type, f, vp);
            continue;
        }
        if (out != i) {
            m->keys[out] = m->keys[i];
            memcpy((char *)m->values + out * f->elem_size, vp, f->elem_size);
        }
        out++;
    }
    m->len = out;
done:
    scratch_free(&sc);
    return rc;
}

/*
 * Decodes the value at token ti as `type` into p (a field, a list element
 * or a map value; for the last two f is the list's or map's row). *next
 * gets the token after the value. *raw_enum is set when an enum spelling is
 * unknown (the value becomes FM_ENUM_UNKNOWN and the caller keeps the raw
 * member). null is refused here: fields handle it before.
 */
static int decode_value(const dctx *c, int type, const fm_field_desc *f, void *p, int ti, int *next,
                        bool *raw_enum)
{
    const jsmntok_t *t = &c->t[ti];
    int64_t iv;
    int rc;

    *next = ti + 1;
    switch (type) {
    case FM_T_STRING:
        if (t->type != JSMN_STRING) return type_err(c, ti, "string");
        return (*(char **)p = tok_strdup(c, ti, NULL)) ? 0 : FM_ENOMEM;
    case FM_T_BOOL:
        if (t->type != JSMN_PRIMITIVE || (c->js[t->start] != 't' && c->js[t->start] != 'f'))
            return type_err(c, ti, "boolean");
        *(bool *)p = c->js[t->start] == 't';
        return 0;
    case FM_T_INT32:
        if ((rc = tok_int(c, ti, INT32_MIN, INT32_MAX, &iv))) return rc;
        *(int32_t *)p = (int32_t)iv;
        return 0;
    case FM_T_INT64:
        if ((rc = tok_int(c, ti, INT64_MIN, INT64_MAX, &iv))) return rc;
        *(int64_t *)p = iv;
        return 0;
    case FM_T_FLOAT64: {
        char tmp[128];
        size_t n = (size_t)(t->end - t->start);
        double dv;
        if (t->type != JSMN_PRIMITIVE || c->js[t->start] == 't' || c->js[t->start] == 'f' ||
            c->js[t->start] == 'n')
            return type_err(c, ti, "number");
        if (n >= sizeof(tmp)) return derr(c, ti, FM_EPARSE, "number of %zu characters is too long", n);
        memcpy(tmp, c->js + t->start, n);
        tmp[n] = 0;
        dv = fm_codec_strtod(tmp, NULL);
        if (isinf(dv)) return derr(c, ti, FM_EPARSE, "number %s out of range", tmp);
        *(double *)p = dv;
        return 0;
    }
    case FM_T_ENUM: {
        const fm_enum_desc *e = f->enm;
        size_t k;
        if (t->type != JSMN_STRING) return type_err(c, ti, "string");
        for (k = 0; e && k < e->n_values; k++)
            if (tok_eq(c, ti, e->values[k], strlen(e->values[k]))) {
                *(int32_t *)p = (int32_t)(k + 1);
                return 0;
            }
        *(int32_t *)p = FM_ENUM_UNKNOWN;
        *raw_enum = true;
        return 0;
    }
    case FM_T_TIME: {
        char tmp[80];
        const char *ts = c->js + t->start;
        size_t n = (size_t)(t->end - t->start);
        if (t->type != JSMN_STRING) return type_err(c, ti, "date-time string");
        if (n >= sizeof(tmp)) return derr(c, ti, FM_EPARSE, "invalid RFC 3339 date-time");
        if (t->size & ESCAPED) { /* rare: parse the decoded text */
            n = unescape(tmp, ts, n);
            ts = tmp;
        }
        if (fm_codec_time_parse(p, ts, n))
            return derr(c, ti, FM_EPARSE, "invalid RFC 3339 date-time \"%.*s\"", (int)n, ts);
        return 0;
    }
    case FM_T_STRUCT:
        return decode_struct(c, p, f->sub, ti, next);
    case FM_T_JSON: {
        size_t n = ext_end(t) - ext_start(t);
        char *s = malloc(n + 1), *w;
        if (!s) return fm_error_set(FM_ENOMEM, "out of memory copying %zu bytes of JSON", n);
        w = compact_into(s, c, ti);
        *w = 0;
        *(char **)p = s;
        *next = skip(c, ti);
        return 0;
    }
    case FM_T_MAP:
        return decode_map(c, p, ti, next);
    case FM_T_INTORSTR: {
        fm_int_or_string *v = p;
        if (t->type == JSMN_STRING) {
            v->is_str = true;
            return (v->str = tok_strdup(c, ti, NULL)) ? 0 : FM_ENOMEM;
        }
        if (t->type != JSMN_PRIMITIVE || c->js[t->start] == 't' || c->js[t->start] == 'f')
            return type_err(c, ti, "integer or string");
        v->is_str = false;
        return tok_int(c, ti, INT64_MIN, INT64_MAX, &v->num);
    }
    case FM_T_LIST: /* an element that is a list or a map: f->elem describes it */
    case FM_T_MAPV:
        return decode_field(c, p, f->elem, ti, next, raw_enum);
    default:
        return derr(c, ti, FM_EINVAL, "descriptor has an unsupported field type %d", type);
    }
}

/* Decodes the value at token ti into field f of obj: null clears it, a list
 * is decoded element by element. *raw_enum as for decode_value. */
static int decode_field(const dctx *c, void *obj, const fm_field_desc *f, int ti, int *next, bool *raw_enum)
{
    const jsmntok_t *t = &c->t[ti];
    void *p = CODEC_FIELD(obj, f);
    int rc;

    if (codec_field_present(obj, f)) clear_field(obj, f); /* a repeated key: the last one wins */
    if (t->type == JSMN_PRIMITIVE && c->js[t->start] == 'n') {
        *next = ti + 1;
        return 0;
    }
    if (f->type == FM_T_LIST) {
        fm_list *l = p;
        int n = t->size, k, j = ti + 1;
        if (t->type != JSMN_ARRAY) return type_err(c, ti, "array");
        if (n > 0) {
            l->items = calloc((size_t)n, f->elem_size);
            if (!l->items) return fm_error_set(FM_ENOMEM, "out of memory for a %d-item list", n);
        }
        fm_codec_set_present(obj, f->presence_bit, true);
        for (k = 0; k < n; k++) {
            void *ep = (char *)l->items + (size_t)k * f->elem_size;
            const jsmntok_t *e = &c->t[j];
            if (e->type == JSMN_PRIMITIVE && c->js[e->start] == 'n') {
                *next = j + 1;
                return derr(c, j, FM_EPARSE, "null is not allowed in this list");
            }
            l->len = (size_t)k + 1; /* the element is owned from here on, even on error */
            if ((rc = decode_value(c, f->elem_type, f, ep, j, &j, raw_enum))) return rc;
        }
        *next = j;
        return 0;
    }
    if (f->type == FM_T_MAPV) {
        fm_codec_set_present(obj, f->presence_bit, true);
        return decode_mapv(c, p, f, ti, next);
    }
    rc = decode_value(c, f->type, f, p, ti, next, raw_enum);
    fm_codec_set_present(obj, f->presence_bit, true);
    return rc;
}

/* memcmp order of two names, shorter first on a common prefix. */
static inline int name_cmp(const char *a, size_t al, const char *b, size_t bl)
{
    size_t m = al < bl ? al : bl;
    int r;
    /* most probes of a binary search differ in the first byte */
    if (m && a[0] != b[0]) return (unsigned char)a[0] < (unsigned char)b[0] ? -1 : 1;
    if ((r = memcmp(a, b, m))) return r;
    return (al > bl) - (al < bl);
}

/*
 * fm_codec_find_field with a hint: the API server writes custom resources
 * with their keys sorted, which is by_name order, so the next key is
 * usually a few by_name slots after the previous one. *hint is the slot
 * after the last match; up to 4 slots from there are tried before the
 * binary search.
 */
static const fm_field_desc *find_field_hinted(const fm_struct_desc *d, const char *name, size_t len, size_t *hint)
{
    size_t k, lim;
    if (!d->by_name) return fm_codec_find_field(d, name, len);
    if (*hint < d->n_fields) { /* the usual case: exactly the next slot */
        const fm_field_desc *f = &d->fields[d->by_name[*hint]];
        if (f->json_name_len == len && memcmp(f->json_name, name, len) == 0) {
            ++*hint;
            return f;
        }
    }
    lim = *hint + 4 < d->n_fields ? *hint + 4 : d->n_fields;
    for (k = *hint; k < lim; k++) {
        const fm_field_desc *f = &d->fields[d->by_name[k]];
        int cmp = name_cmp(f->json_name, f->json_name_len, name, len);
        if (cmp == 0) {
            *hint = k + 1;
            return f;
        }
        if (cmp > 0) break; /* sorted: not further on */
    }
    size_t lo = 0, hi = d->n_fields;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const fm_field_desc *f = &d->fields[d->by_name[mid]];
        int cmp = name_cmp(f->json_name, f->json_name_len, name, len);
        if (cmp == 0) {
            *hint = mid + 1;
            return f;
        }
        if (cmp < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

/*
 * Decodes the object at token ti into obj along d. Known keys are found by
 * binary search; unknown members (and unknown enum spellings) are collected
 * and written to the unknown bag once at the end. *next gets the token
 * after the object. On error obj holds what was decoded so far.
 */
static int decode_struct(const dctx *c, void *obj, const fm_struct_desc *d, int ti, int *next)
{
    pendings p;
    int n, k, j, rc = 0;
    size_t hint = 0;
    char **bag = codec_unknown_ptr(obj, d);

    if (c->t[ti].type != JSMN_OBJECT) {
        *next = skip(c, ti);
        return type_err(c, ti, "object");
    }
    p.v = p.inl;
    p.n = 0;
    p.cap = sizeof(p.inl) / sizeof(p.inl[0]);
    n = c->t[ti].size;
    j = ti + 1;
    for (k = 0; k < n; k++) {
        const jsmntok_t *key = &c->t[j];
        const char *ks = c->js + key->start;
        size_t kl = (size_t)(key->end - key->start);
        const fm_field_desc *f = find_field_hinted(d, ks, kl, &hint);
        bool raw_enum = false;

        if (!f && (key->size & ESCAPED) && kl < 256) {
            char tmp[256];
            size_t ul = unescape(tmp, ks, kl);
            f = fm_codec_find_field(d, tmp, ul);
        }
        if (!f) {
            if ((rc = pend_add(&p, j, NULL))) goto done;
            j = skip(c, j + 1);
            continue;
        }
        int keytok = j;
        if (p.n) pend_forget(&p, f);
        if ((rc = decode_field(c, obj, f, keytok + 1, &j, &raw_enum))) goto done;
        if (raw_enum && (rc = pend_add(&p, keytok, f))) goto done;
    }
    *next = j;
done:
    if (!rc && p.n) rc = build_bag(c, bag, &p);
    if (p.v != p.inl) free(p.v);
    return rc;
}

/* ------------------------------------------------------------- split decode */

/*
 * Big list responses (the `items` of an AgenticTaskList with 10,000 tasks)
 * are decoded element by element instead of tokenizing the whole input at
 * once. jsmn runs over the elements with a window of a few thousand tokens
 * (jsmn accepts a run of top-level values, and stops with NOMEM when the
 * window is full); the complete elements in the window are validated and
 * decoded, the tokens of the incomplete one move to the front of the
 * window and the same jsmn run goes on. The token array therefore stays cache-sized instead of growing to tens of MB, and
 * throughput and memory no longer depend on the list length. jsmn reports
 * the array's closing ']' as an error with no container open, which is how
 * the end of the list is found without a separate scan. The rest of the
 * root object is then decoded from a small "skeleton" copy of the input in
 * which the list is replaced by []. Everything still goes through jsmn and
 * validate(), so the accepted language is the same as the one-piece path
 * (the fuzzer checks that).
 */
static size_t split_min = 256u * 1024u;
#define SPLIT_ARRAY_MIN 4096u
#ifndef SPLIT_WINDOW /* tests may build with a tiny window to exercise the carry-over */
#define SPLIT_WINDOW 8192u /* tokens per window: ~160 KB, some 40 AgenticTasks */
#endif

void fm_codec_set_split_threshold(size_t min_len)
{
    split_min = min_len;
}

static size_t ws_at(const char *js, size_t p, size_t len)
{
    while (p < len && is_ws(js[p])) p++;
    return p;
}

/* One past the closing quote of the string whose opening quote is at p,
 * or 0 when it is unterminated. A quote preceded by an odd run of
 * backslashes is escaped; each run is counted once, so this is linear. */
static size_t str_end(const char *js, size_t p, size_t len)
{
    size_t i = p + 1;
    while (i < len) {
        const char *q = memchr(js + i, '"', len - i);
        size_t k, bs = 0;
        if (!q) return 0;
        k = (size_t)(q - js);
        while (k - bs > p + 1 && js[k - bs - 1] == '\\') bs++;
        if (!(bs & 1)) return k + 1;
        i = k + 1;
    }
    return 0;
}

/* End of the value starting at p, found by bracket counting outside
 * strings (not validated: jsmn and validate() do that); 0 when the value
 * runs past len or is empty. Iterative. */
static size_t val_end(const char *js, size_t p, size_t len)
{
    size_t depth = 0, s = p;
    if (p >= len) return 0;
    if (js[p] == '"') return str_end(js, p, len);
    if (js[p] != '{' && js[p] != '[') {
        while (p < len && js[p] != ',' && js[p] != '}' && js[p] != ']' && !is_ws(js[p])) p++;
        return p > s ? p : 0;
    }
    while (p < len) {
        char ch = js[p];
        if (ch == '"') {
            if (!(p = str_end(js, p, len))) return 0;
            continue;
        }
        if (ch == '{' || ch == '[') {
            depth++;
        } else if (ch == '}' || ch == ']') {
            if (--depth == 0) return p + 1;
        }
        p++;
    }
    return 0;
}

/*
 * Scans the root object's members from p (just inside '{' or at a ',') and
 * returns 1 when one of them is the list of structs f (repeated key), or a
 * key has escapes; 0 otherwise. Used on the members after the split list:
 * last-key-wins and escaped spellings are left to the one-piece path.
 * Malformed text returns 0: the skeleton's validation reports it.
 */
static int root_has_key(const fm_struct_desc *d, const char *js, size_t len, size_t p, const fm_field_desc *f)
{
    for (;;) {
        size_t ke, ve;
        p = ws_at(js, p, len);
        if (p < len && js[p] == ',') p = ws_at(js, p + 1, len);
        if (p >= len || js[p] != '"' || !(ke = str_end(js, p, len))) return 0;
        if (memchr(js + p + 1, '\\', ke - 2 - p)) return 1;
        if (fm_codec_find_field(d, js + p + 1, ke - 2 - p) == f) return 1;
        p = ws_at(js, ke, len);
        if (p >= len || js[p] != ':') return 0;
        p = ws_at(js, p + 1, len);
        if (!(ve = val_end(js, p, len))) return 0;
        p = ve;
    }
}

/*
 * Finds the first root member that is a list of structs followed by at
 * least SPLIT_ARRAY_MIN bytes of input; *vs gets the position of its '['.
 * Returns the field, or NULL to decode in one piece (also whenever the
 * root does not look like a plain object or a key before it has escapes).
 */
static const fm_field_desc *find_split(const fm_struct_desc *d, const char *js, size_t len, size_t *vs)
{
    size_t p = ws_at(js, 0, len);
    size_t array_min = split_min < SPLIT_ARRAY_MIN ? split_min : SPLIT_ARRAY_MIN;

    if (p >= len || js[p] != '{') return NULL;
    p = ws_at(js, p + 1, len);
    for (;;) {
        size_t ks, ke, v, ve;
        const fm_field_desc *f;
        if (p >= len || js[p] != '"' || !(ke = str_end(js, p, len))) return NULL;
        ks = p + 1;
        if (memchr(js + ks, '\\', ke - 1 - ks)) return NULL;
        p = ws_at(js, ke, len);
        if (p >= len || js[p] != ':') return NULL;
        v = ws_at(js, p + 1, len);
        f = fm_codec_find_field(d, js + ks, ke - 1 - ks);
        if (f && f->type == FM_T_LIST && f->elem_type == FM_T_STRUCT && v < len && js[v] == '[' &&
            len - v >= array_min) {
            *vs = v;
            return f;
        }
        if (f && f->type == FM_T_LIST && f->elem_type == FM_T_STRUCT) return NULL; /* small: one piece */
        if (!(ve = val_end(js, v, len))) return NULL;
        p = ws_at(js, ve, len);
        if (p >= len || js[p] != ',') return NULL;
        p = ws_at(js, p + 1, len);
    }
}

/* The JSON kind of token i for "expected object" errors. */
static int element_err(const dctx *c, int i)
{
    if (c->t[i].type == JSMN_PRIMITIVE && c->js[c->t[i].start] == 'n')
        return derr(c, i, FM_EPARSE, "null is not allowed in this list");
    return type_err(c, i, "object");
}

/*
 * Decodes the elements of the array whose '[' is at buf[vs] into l (list
 * field f's layout), window by window with e's token array. *ve gets the
 * position after the closing ']'. On error l holds the elements decoded so
 * far (the caller frees them).
 */
static int decode_items(dctx *e, fm_list *l, const fm_field_desc *f, const char *buf, size_t len, size_t vs,
                        size_t *ve)
{
    size_t cap = 0, idx = 0, p = ws_at(buf, vs + 1, len), from = 0;
    jsmn_parser jp;
    int rc, i, next;

    if (p < len && buf[p] == ']') {
        *ve = p + 1;
        return 0;
    }
    if (e->cap < SPLIT_WINDOW) {
        jsmntok_t *nt = realloc(e->t, SPLIT_WINDOW * sizeof(jsmntok_t));
        if (!nt) return fm_error_set(FM_ENOMEM, "out of memory for %u JSON tokens", SPLIT_WINDOW);
        e->t = nt;
        e->cap = SPLIT_WINDOW;
    }
    e->seq = true;
    e->max_depth = CODEC_MAX_DEPTH - 2; /* below the root object and the array */
    /* one jsmn run over the whole list, window by window: js and token
     * offsets are relative to the first element throughout */
    e->js = buf + p;
    e->off = p;
    jsmn_init(&jp);
    for (;;) {
        size_t text_end;
        bool last;
        int r;

        e->len = len - p;
        e->has_ws = false;
        e->list_name = NULL;
        r = jsmn_parse(&jp, e->js, e->len, e->t, (unsigned)e->cap);
        if (r == JSMN_ERROR_NOMEM) {
            int top = (int)jp.toknext - 1;
            while (top >= 0 && e->t[top].parent != -1) top--; /* the last element, incomplete */
            if (top <= 0) { /* one element fills the window: widen it, jsmn goes on */
                jsmntok_t *nt = realloc(e->t, e->cap * 2 * sizeof(jsmntok_t));
                if (!nt) return fm_error_set(FM_ENOMEM, "out of memory for %zu JSON tokens", e->cap * 2);
                e->t = nt;
                e->cap *= 2;
                continue;
            }
            e->n = top;
            text_end = ext_start(&e->t[top]);
            e->trail_sep = ',';
            last = false;
        } else if (r == JSMN_ERROR_INVAL && jp.toksuper == -1 && e->js[jp.pos] == ']') {
            e->n = (int)jp.toknext; /* the list's own ']': its end */
            text_end = jp.pos;
            e->trail_sep = 0;
            last = true;
        } else if (r == JSMN_ERROR_INVAL) {
            return jerr(e, FM_EPARSE, jp.pos, "unexpected character");
        } else {
            const char *nul = memchr(e->js, 0, e->len);
            if (nul) return jerr(e, FM_EPARSE, (size_t)(nul - e->js), "NUL byte");
            return fm_error_set(FM_EPARSE, "truncated JSON at byte %zu", len);
        }
        if (e->n == 0) return jerr(e, FM_EPARSE, text_end, "expected a list element");
        e->from = from;
        e->len = text_end;
        if ((rc = validate(e))) return rc;
        for (i = 0; i < e->n; i = next) {
            void *ep;
            bool raw_enum = false;
            if (idx == cap) {
                size_t ncap = cap ? cap * 2 : 64;
                void *ni = realloc(l->items, ncap * f->elem_size);
                if (!ni) return fm_error_set(FM_ENOMEM, "out of memory for a %zu-item list", ncap);
                memset((char *)ni + cap * f->elem_size, 0, (ncap - cap) * f->elem_size);
                l->items = ni;
                cap = ncap;
            }
            ep = (char *)l->items + idx * f->elem_size;
            l->len = idx + 1;
            e->list_name = f->json_name;
            e->list_idx = idx;
            if (e->t[i].type != JSMN_OBJECT) return element_err(e, i);
            if ((rc = decode_value(e, FM_T_STRUCT, f, ep, i, &next, &raw_enum))) return rc;
            idx++;
        }
        if (last) {
            *ve = p + text_end + 1;
            break;
        }
        /* Move the incomplete element's tokens to the front of the window
         * (all of them lie inside it, so only indexes shift) and let jsmn
         * go on where it stopped: no byte is tokenized twice. */
        {
            int top = e->n, m = (int)jp.toknext - top, k;
            memmove(e->t, e->t + top, (size_t)m * sizeof(jsmntok_t));
            for (k = 0; k < m; k++)
                if (e->t[k].parent >= 0) e->t[k].parent -= top;
            jp.toknext = (unsigned)m;
            if (jp.toksuper >= 0) jp.toksuper -= top;
        }
        from = text_end;
    }
    if (idx < cap) { /* give back the spare room of the last doubling */
        void *ni = realloc(l->items, idx * f->elem_size);
        if (ni) l->items = ni;
    }
    return 0;
}

static int decode_whole(dctx *c, void *obj, const fm_struct_desc *d, const char *buf, size_t len);

/* Frees the elements of a list of structs f kept outside any struct. */
static void free_items(fm_list *l, const fm_field_desc *f)
{
    size_t k;
    for (k = 0; k < l->len; k++) fm_codec_clear((char *)l->items + k * f->elem_size, f->sub);
    free(l->items);
    l->items = NULL;
    l->len = 0;
}

/*
 * The split path of fm_codec_decode for list field f whose '[' is at vs:
 * elements first (into a list of our own), then the skeleton (the input
 * with the list replaced by []) through the one-piece path, then the list
 * is moved into obj. Syntax errors in the skeleton after the list report
 * skeleton offsets, which are smaller than the input's by the list's size.
 */
static int decode_split(void *obj, const fm_struct_desc *d, const char *buf, size_t len, const fm_field_desc *f,
                        size_t vs)
{
    dctx c;
    fm_list items = {NULL, 0};
    size_t ve = 0, sk_len;
    char *sk = NULL;
    int rc;

    memset(&c, 0, sizeof(c));
    rc = decode_items(&c, &items, f, buf, len, vs, &ve);
    if (!rc && root_has_key(d, buf, len, ve, f)) {
        /* a repeated or escaped key: let the one-piece path apply last-wins */
        free_items(&items, f);
        c.seq = false;
        c.trail_sep = 0;
        rc = decode_whole(&c, obj, d, buf, len);
        free(c.t);
        return rc;
    }
    if (!rc) {
        sk_len = vs + 2 + (len - ve);
        sk = malloc(sk_len + 1);
        if (!sk) {
            rc = fm_error_set(FM_ENOMEM, "out of memory decoding %zu bytes of JSON", len);
        } else {
            memcpy(sk, buf, vs);
            sk[vs] = '[';
            sk[vs + 1] = ']';
            memcpy(sk + vs + 2, buf + ve, len - ve);
            sk[sk_len] = 0;
            c.seq = false;
            c.trail_sep = 0;
            rc = decode_whole(&c, obj, d, sk, sk_len);
        }
    }
    /* the list goes into obj in every case, so a failed decode can still
     * be cleared by the caller */
    clear_field(obj, f);
    *(fm_list *)CODEC_FIELD(obj, f) = items;
    fm_codec_set_present(obj, f->presence_bit, true);
    free(c.t);
    free(sk);
    return rc;
}

/* ------------------------------------------------------------- entry */

/* The one-piece path: tokenize, validate, walk. c's token array is reused
 * and stays owned by the caller. */
static int decode_whole(dctx *c, void *obj, const fm_struct_desc *d, const char *buf, size_t len)
{
    int rc, next = 0;
    c->js = buf;
    c->len = len;
    c->off = 0;
    c->from = 0;
    c->has_ws = false;
    c->max_depth = CODEC_MAX_DEPTH;
    c->list_name = NULL;
    if ((rc = tokenize(c))) return rc;
    if ((rc = validate(c))) return rc;
    if (c->t[0].type != JSMN_OBJECT) return fm_error_set(FM_EPARSE, ".: expected object, got %s", tok_kind(c, 0));
    return decode_struct(c, obj, d, 0, &next);
}

/*
 * See codec.h. The whole input is tokenized and validated before anything
 * is decoded, so a malformed input never leaves a half-decoded object (a
 * schema error found by the walker does). Big inputs whose root holds a
 * big list of structs take the split path above.
 */
int fm_codec_decode(void *obj, const fm_struct_desc *d, const char *buf, size_t len)
{
    dctx c;
    const fm_field_desc *f;
    size_t vs = 0;
    int rc;

    if (!buf) return fm_error_set(FM_EINVAL, "fm_codec_decode: NULL input");
    if (len > CODEC_MAX_INPUT)
        return fm_error_set(FM_ELIMIT, "JSON input of %zu bytes is over the %u-byte limit", len, CODEC_MAX_INPUT);
    if (len >= split_min && (f = find_split(d, buf, len, &vs)) != NULL) return decode_split(obj, d, buf, len, f, vs);
    memset(&c, 0, sizeof(c));
    rc = decode_whole(&c, obj, d, buf, len);
    free(c.t);
    return rc;
}
