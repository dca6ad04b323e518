/*
 * buf.c - the growable byte buffer (fm_buf), JSON string escaping, and the
 * small string, string-map and string-list helpers declared in codec.h.
 *
 * Everything here is allocation plus bookkeeping; none of it logs. Functions
 * that can fail return 0 or FM_ENOMEM and record a one-line message.
 */
#include "base.h"
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Makes room for `extra` more bytes plus the terminating NUL. Capacity grows
 * geometrically (x1.5, at least 64 bytes) so a long run of appends costs
 * amortised O(1) per byte. Returns 0 or FM_ENOMEM (also on size overflow).
 */
int fm_buf_grow(fm_buf *b, size_t extra)
{
    size_t need, cap;
    char *p;

    if (extra > SIZE_MAX - b->len - 1)
        return fm_error_set(FM_ENOMEM, "buffer: size overflow");
    need = b->len + extra + 1;
    if (need <= b->cap) return 0;
    cap = b->cap < 64 ? 64 : b->cap;
    while (cap < need) {
        if (cap > SIZE_MAX / 3 * 2) {
            cap = need;
            break;
        }
        cap += cap / 2;
    }
    p = realloc(b->data, cap);
    if (!p) return fm_error_set(FM_ENOMEM, "buffer: out of memory growing to %zu bytes", cap);
    b->data = p;
    b->cap = cap;
    return 0;
}

int fm_buf_put(fm_buf *b, const void *data, size_t len)
{
    int rc = fm_buf_grow(b, len);
    if (rc) return rc;
    if (len) memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = 0;
    return 0;
}

int fm_buf_puts(fm_buf *b, const char *s)
{
    return fm_buf_put(b, s, strlen(s));
}

/* printf-style append; formats straight into the buffer's spare room and
 * retries once with the exact size when it did not fit. */
int fm_buf_printf(fm_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    int rc = fm_buf_grow(b, 64);
    if (rc) return rc;
    va_start(ap, fmt);
    n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    if (n < 0) return fm_error_set(FM_EINVAL, "buffer: bad format string");
    if ((size_t)n >= b->cap - b->len) {
        rc = fm_buf_grow(b, (size_t)n);
        if (rc) return rc;
        va_start(ap, fmt);
        vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
    return 0;
}

/* 1 for the bytes a JSON string literal cannot carry raw: controls, '"'
 * and '\\'. Everything else, UTF-8 sequences included, is copied as is. */
static const unsigned char needs_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

/*
 * Appends s[0..len) as a quoted JSON string: '"' and '\\' backslashed,
 * \b \f \n \r \t by name, other bytes below 0x20 as \u00XX. Bytes >= 0x80
 * are copied unchanged (the caller is responsible for them being UTF-8).
 * Runs of plain bytes are copied with one memcpy. Returns 0 or FM_ENOMEM.
 */
int fm_buf_put_json_string(fm_buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run;
    char *w;
    int rc = fm_buf_grow(b, len + 2);
    if (rc) return rc;
    b->data[b->len++] = '"';
    while (i < len) {
        run = i;
        while (run < len && !needs_escape[p[run]]) run++;
        if (run > i) {
            /* room for the run was reserved up front or by the last escape */
            memcpy(b->data + b->len, p + i, run - i);
            b->len += run - i;
            i = run;
            if (i == len) break;
        }
        /* an escape takes at most 6 bytes; keep room for the rest too */
        rc = fm_buf_grow(b, 6 + (len - i) + 1);
        if (rc) return rc;
        w = b->data + b->len;
        switch (p[i]) {
        case '"': w[0] = '\\'; w[1] = '"'; b->len += 2; break;
        case '\\': w[0] = '\\'; w[1] = '\\'; b->len += 2; break;
        case '\b': w[0] = '\\'; w[1] = 'b'; b->len += 2; break;
        case '\f': w[0] = '\\'; w[1] = 'f'; b->len += 2; break;
        case '\n': w[0] = '\\'; w[1] = 'n'; b->len += 2; break;
        case '\r': w[0] = '\\'; w[1] = 'r'; b->len += 2; break;
        case '\t': w[0] = '\\'; w[1] = 't'; b->len += 2; break;
        default:
            w[0] = '\\'; w[1] = 'u'; w[2] = '0'; w[3] = '0';
            w[4] = hex[p[i] >> 4]; w[5] = hex[p[i] & 15];
            b->len += 6;
            break;
        }
        i++;
    }
    b->data[b->len++] = '"';
    b->data[b->len] = 0;
    return 0;
}

void fm_buf_reset(fm_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = 0;
}

void fm_buf_free(fm_buf *b)
{
    if (!b) return;
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* Returns the data (NUL-terminated; an empty string rather than NULL when
 * nothing was ever appended, or NULL when even that allocation fails). */
char *fm_buf_detach(fm_buf *b)
{
    char *p;
    if (!b->data && fm_buf_grow(b, 0)) return NULL;
    if (!b->len) b->data[0] = 0;
    p = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

/* ------------------------------------------------------------- strings */

char *fm_strdup(const char *s)
{
    if (!s) return NULL;
    return fm_strndup(s, strlen(s));
}

/* Copies exactly n bytes (which may include no NUL) and terminates them. */
char *fm_strndup(const char *s, size_t n)
{
    char *p;
    if (!s) return NULL;
    p = malloc(n + 1);
    if (!p) {
        fm_error_set(FM_ENOMEM, "out of memory copying a %zu-byte string", n);
        return NULL;
    }
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

int fm_strset(char **dst, const char *s)
{
    char *p = NULL;
    if (s && !(p = fm_strdup(s))) return fm_error_set(FM_ENOMEM, "out of memory copying a string (%zu bytes)", strlen(s) + 1);
    free(*dst);
    *dst = p;
    return 0;
}

/* ------------------------------------------------------------- string map */

/* Linear lookup: maps here are labels and annotations, a handful of keys. */
const char *fm_strmap_get(const fm_strmap *m, const char *key)
{
    size_t i;
    if (!m || !key) return NULL;
    for (i = 0; i < m->len; i++)
        if (strcmp(m->items[i].key, key) == 0) return m->items[i].value;
    return NULL;
}

/*
 * Sets key to a copy of value, replacing an existing value in place (the
 * key keeps its position) or appending a new pair. value NULL removes the
 * key. Returns 0 or FM_ENOMEM (the map is unchanged then).
 */
int fm_strmap_set(fm_strmap *m, const char *key, const char *value)
{
    size_t i;
    char *k, *v;
    fm_strpair *items;

    if (!key) return fm_error_set(FM_EINVAL, "fm_strmap_set: NULL key");
    for (i = 0; i < m->len; i++) {
        if (strcmp(m->items[i].key, key) != 0) continue;
        if (!value) {
            free(m->items[i].key);
            free(m->items[i].value);
            memmove(&m->items[i], &m->items[i + 1], (m->len - i - 1) * sizeof(*m->items));
            m->len--;
            return 0;
        }
        return fm_strset(&m->items[i].value, value);
    }
    if (!value) return 0;
    k = fm_strdup(key);
    v = fm_strdup(value);
    items = k && v ? realloc(m->items, (m->len + 1) * sizeof(*m->items)) : NULL;
    if (!items) {
        free(k);
        free(v);
        return fm_error_set(FM_ENOMEM, "out of memory setting map key %s", key);
    }
    items[m->len].key = k;
    items[m->len].value = v;
    m->items = items;
    m->len++;
    return 0;
}

void fm_strmap_clear(fm_strmap *m)
{
    size_t i;
    if (!m) return;
    for (i = 0; i < m->len; i++) {
        free(m->items[i].key);
        free(m->items[i].value);
    }
    free(m->items);
    m->items = NULL;
    m->len = 0;
}

/* Appends a copy of s (NULL not allowed) to a char * list. */
int fm_strlist_push(fm_list *l, const char *s)
{
    char **items;
    char *c;
    if (!s) return fm_error_set(FM_EINVAL, "fm_strlist_push: NULL string");
    c = fm_strdup(s);
    if (!c) return fm_error_set(FM_ENOMEM, "out of memory copying a string (%zu bytes) into a string list", strlen(s) + 1);
    items = realloc(l->items, (l->len + 1) * sizeof(char *));
    if (!items) {
        free(c);
        return fm_error_set(FM_ENOMEM, "out of memory growing a string list");
    }
    items[l->len++] = c;
    l->items = items;
    return 0;
}

static bool strlist_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/*
 * Splits s at commas (see agentutil.h). Two passes: count the non-empty
 * entries, then copy them, so the array is allocated once and exactly.
 */
int fm_strlist_split(fm_list *out, const char *s)
{
    out->items = NULL;
    out->len = 0;
    if (!s) return 0;

    size_t count = 0;
    for (int pass = 0; pass < 2; pass++) {
        char **items = out->items;
        size_t n = 0;
        const char *p = s;
        for (;;) {
            const char *end = strchr(p, ',');
            if (!end) end = p + strlen(p);
            const char *b = p, *e = end;
            while (b < e && strlist_space(*b)) b++;
            while (e > b && strlist_space(e[-1])) e--;
            if (e > b) {
                if (pass == 1) {
                    items[n] = malloc((size_t)(e - b) + 1);
                    if (!items[n]) {
                        out->len = n;
                        fm_strlist_free(out);
                        return fm_error_set(FM_ENOMEM, "comma list: out of memory");
                    }
                    memcpy(items[n], b, (size_t)(e - b));
                    items[n][e - b] = 0;
                }
                n++;
            }
            if (*end == 0) break;
            p = end + 1;
        }
        if (pass == 0) {
            count = n;
            if (count == 0) return 0;  /* no entries: absent */
            out->items = calloc(count, sizeof(char *));
            if (!out->items) return fm_error_set(FM_ENOMEM, "comma list: out of memory");
        }
    }
    out->len = count;
    return 0;
}

void fm_strlist_free(fm_list *l)
{
    if (!l) return;
    char **items = l->items;
    for (size_t i = 0; i < l->len; i++) free(items[i]);
    free(items);
    l->items = NULL;
    l->len = 0;
}
