/*
 * kube_json.c - the read-only JSON scanner of the client (see kube_json.h).
 */
#include "kube_json.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "codec_internal.h"
#include "error.h"

_Static_assert(FM_KUBE_JSON_MAX_DEPTH == CODEC_MAX_DEPTH, "the scanner's bound is the decoder's");

static void skip_ws(const char *s, size_t len, size_t *pos)
{
    while (*pos < len && (s[*pos] == ' ' || s[*pos] == '\t' || s[*pos] == '\n' || s[*pos] == '\r'))
        (*pos)++;
}

/* Skips a string literal starting at the opening quote. */
static int skip_string(const char *s, size_t len, size_t *pos)
{
    size_t i = *pos + 1;
    while (i < len) {
        char ch = s[i];
        if (ch == '"') {
            *pos = i + 1;
            return 0;
        }
        if (ch == '\\') {
            i += 2;
            continue;
        }
        if ((unsigned char)ch < 0x20) return FM_EPARSE;
        i++;
    }
    return FM_EPARSE;
}

/*
 * The closers expected by the open containers, one bit a level (set: '}',
 * clear: ']'). The first FM_KUBE_JSON_MAX_DEPTH levels live on the stack;
 * only FM_KUBE_JSON_ANY_DEPTH goes deeper, onto the heap, doubling: at
 * most one bit per input byte, so a hostile 64 MiB event costs 8 MiB.
 */
typedef struct closers {
    uint64_t inl[FM_KUBE_JSON_MAX_DEPTH / 64];
    uint64_t *bits;
    size_t cap;   /* levels bits can hold */
    size_t depth;
    bool any;
} closers;

static int closers_push(closers *c, char closer)
{
    if (c->depth == c->cap) {
        if (!c->any) return FM_ELIMIT;
        size_t ncap = c->cap * 2;
        uint64_t *grown = malloc(ncap / 8);
        if (!grown) return FM_ENOMEM;
        memcpy(grown, c->bits, c->cap / 8);
        if (c->bits != c->inl) free(c->bits);
        c->bits = grown;
        c->cap = ncap;
    }
    uint64_t bit = (uint64_t)1 << (c->depth % 64);
    if (closer == '}') c->bits[c->depth / 64] |= bit;
    else c->bits[c->depth / 64] &= ~bit;
    c->depth++;
    return 0;
}

static char closers_top(const closers *c)
{
    size_t d = c->depth - 1;
    return (c->bits[d / 64] >> (d % 64)) & 1 ? '}' : ']';
}

/*
 * Iterative skip of one value: containers are tracked with the closers
 * stack above, so hostile nesting cannot exhaust the C stack. Separators
 * are checked loosely (a comma or colon is accepted between any two tokens
 * of a container), which is enough to find spans in documents the API
 * server produced.
 */
static int skip_value(const char *s, size_t len, size_t *pos, fm_kube_json_depth mode)
{
    closers st;
    size_t i = *pos;
    int rc = FM_EPARSE;

    st.bits = st.inl;
    st.cap = FM_KUBE_JSON_MAX_DEPTH;
    st.depth = 0;
    st.any = mode == FM_KUBE_JSON_ANY_DEPTH;
    for (;;) {
        skip_ws(s, len, &i);
        if (i >= len) goto out;
        char ch = s[i];
        if (ch == '{' || ch == '[') {
            if ((rc = closers_push(&st, ch == '{' ? '}' : ']')) < 0) goto out;
            rc = FM_EPARSE;
            i++;
            skip_ws(s, len, &i);
            if (i < len && s[i] == closers_top(&st)) {
                st.depth--;
                i++;
                goto after_value;
            }
            continue;
        } else if (ch == '"') {
            if ((rc = skip_string(s, len, &i)) < 0) goto out;
            rc = FM_EPARSE; /* a document that ends after the string is cut short */
        } else if (ch == '-' || (ch >= '0' && ch <= '9')) {
            i++;
            while (i < len && s[i] && strchr("0123456789.eE+-", s[i]) != NULL) i++;
        } else if (len - i >= 4 && memcmp(s + i, "true", 4) == 0) {
            i += 4;
        } else if (len - i >= 5 && memcmp(s + i, "false", 5) == 0) {
            i += 5;
        } else if (len - i >= 4 && memcmp(s + i, "null", 4) == 0) {
            i += 4;
        } else {
            goto out;
        }
    after_value:
        for (;;) {
            if (st.depth == 0) {
                *pos = i;
                rc = 0;
                goto out;
            }
            skip_ws(s, len, &i);
            if (i >= len) goto out;
            if (s[i] == ',' || s[i] == ':') {
                i++;
                break;
            }
            if (s[i] == closers_top(&st)) {
                st.depth--;
                i++;
                continue;
            }
            goto out;
        }
    }
out:
    if (st.bits != st.inl) free(st.bits);
    return rc;
}

int fm_kube_json_skip(const char *s, size_t len, size_t *pos)
{
    return skip_value(s, len, pos, FM_KUBE_JSON_BOUNDED);
}

int fm_kube_json_skip_depth(const char *s, size_t len, size_t *pos, fm_kube_json_depth mode)
{
    return skip_value(s, len, pos, mode);
}

/* Compares the JSON string literal at s[a..b) (quotes included) with name,
 * handling the common unescaped case fast and escaped keys via unescaping. */
static bool key_equals(const char *s, size_t a, size_t b, const char *name)
{
    size_t n = strlen(name);
    if (b - a == n + 2 && memcmp(s + a + 1, name, n) == 0) return true;
    if (!memchr(s + a, '\\', b - a)) return false;
    char *k = fm_kube_json_string(s + a, b - a);
    bool eq = k && strcmp(k, name) == 0;
    free(k);
    return eq;
}

static int member(const char *obj, size_t len, const char *name, fm_kube_json_depth mode, const char **val,
                  size_t *val_len)
{
    size_t i = 0;
    int rc;
    skip_ws(obj, len, &i);
    if (i >= len || obj[i] != '{') return FM_EPARSE;
    i++;
    skip_ws(obj, len, &i);
    if (i < len && obj[i] == '}') return FM_ENOTFOUND;
    for (;;) {
        skip_ws(obj, len, &i);
        if (i >= len || obj[i] != '"') return FM_EPARSE;
        size_t ka = i;
        if ((rc = skip_string(obj, len, &i)) < 0) return rc;
        size_t kb = i;
        skip_ws(obj, len, &i);
        if (i >= len || obj[i] != ':') return FM_EPARSE;
        i++;
        skip_ws(obj, len, &i);
        size_t va = i;
        if ((rc = skip_value(obj, len, &i, mode)) < 0) return rc;
        if (key_equals(obj, ka, kb, name)) {
            *val = obj + va;
            *val_len = i - va;
            return 0;
        }
        skip_ws(obj, len, &i);
        if (i >= len) return FM_EPARSE;
        if (obj[i] == ',') {
            i++;
            continue;
        }
        if (obj[i] == '}') return FM_ENOTFOUND;
        return FM_EPARSE;
    }
}

int fm_kube_json_member(const char *obj, size_t len, const char *name,
                     const char **val, size_t *val_len)
{
    return member(obj, len, name, FM_KUBE_JSON_BOUNDED, val, val_len);
}

int fm_kube_json_member_depth(const char *obj, size_t len, const char *name, fm_kube_json_depth mode,
                              const char **val, size_t *val_len)
{
    return member(obj, len, name, mode, val, val_len);
}

/*
 * *pos is 0 before the first call; afterwards it is just past the element
 * last returned, or on the closing bracket once the end was reported, so
 * a further call reports the end again.
 */
int fm_kube_json_array_next(const char *arr, size_t len, size_t *pos, fm_kube_json_depth mode,
                            const char **val, size_t *val_len)
{
    size_t i = *pos;
    int rc;
    skip_ws(arr, len, &i);
    if (*pos == 0) {
        if (i >= len || arr[i] != '[') return FM_EPARSE;
        i++;
        skip_ws(arr, len, &i);
    } else {
        if (i < len && arr[i] == ',') {
            i++;
            skip_ws(arr, len, &i);
        } else if (i >= len || arr[i] != ']') {
            return FM_EPARSE;
        }
    }
    if (i >= len) return FM_EPARSE;
    if (arr[i] == ']') {
        /* "[1,]" ends here too: as loose as the skip's separators */
        *pos = i;
        return 0;
    }
    size_t start = i;
    if ((rc = skip_value(arr, len, &i, mode)) < 0) return rc;
    *val = arr + start;
    *val_len = i - start;
    *pos = i;
    return 1;
}

int fm_kube_json_path(const char *obj, size_t len, const char *path,
                   const char **val, size_t *val_len)
{
    char seg[256];
    const char *cur = obj;
    size_t cur_len = len;
    const char *p = path;
    for (;;) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        if (n >= sizeof(seg)) return FM_EINVAL;
        memcpy(seg, p, n);
        seg[n] = 0;
        int rc = fm_kube_json_member(cur, cur_len, seg, &cur, &cur_len);
        if (rc < 0) return rc;
        if (!dot) break;
        p = dot + 1;
    }
    *val = cur;
    *val_len = cur_len;
    return 0;
}

/* The body goes through the decoder's unescaper (fm_json_unescape); the
 * output is never longer than the input, so one allocation suffices. */
char *fm_kube_json_string(const char *val, size_t len)
{
    if (len < 2 || val[0] != '"' || val[len - 1] != '"') return NULL;
    char *out = malloc(len);
    if (!out) return NULL;
    size_t o = 0;
    if (fm_json_unescape(out, &o, val + 1, len - 2, false) < 0) {
        free(out);
        return NULL;
    }
    out[o] = 0;
    return out;
}

int fm_kube_json_int(int64_t *out, const char *val, size_t len)
{
    char tmp[32];
    if (len == 0 || len >= sizeof(tmp)) return FM_EPARSE;
    memcpy(tmp, val, len);
    tmp[len] = 0;
    char *end;
    errno = 0;
    long long v = strtoll(tmp, &end, 10);
    if (errno || *end) return FM_EPARSE;
    *out = v;
    return 0;
}

char *fm_kube_json_path_string(const char *obj, size_t len, const char *path)
{
    const char *v;
    size_t vl;
    if (fm_kube_json_path(obj, len, path, &v, &vl) < 0) return NULL;
    return fm_kube_json_string(v, vl);
}
