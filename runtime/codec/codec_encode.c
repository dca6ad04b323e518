/*
 * codec_encode.c - the ONE JSON encoder, plus the descriptor look-ups and
 * raw-member scanning that the decoder and codec_ops.c share.
 *
 * Output is compact JSON: known fields in schema order (absent ones left
 * out), then the unknown members kept from decoding. Numbers are exact
 * (int64 in full, doubles in the shortest spelling that reads back to the
 * same value), times are RFC 3339 UTC, strings are escaped minimally.
 */
#include "codec.h"
#include "codec_internal.h"
#include "error.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- locale */

static locale_t c_locale_cached;

/* The "C" locale object, created once on first use; a lost creation race
 * frees the loser's copy. (0 when newlocale fails: callers then fall back
 * to the process locale.) */
static locale_t c_locale(void)
{
    locale_t l = __atomic_load_n(&c_locale_cached, __ATOMIC_ACQUIRE), expected = (locale_t)0;
    if (l) return l;
    l = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    if (!l) return l;
    if (!__atomic_compare_exchange_n(&c_locale_cached, &expected, l, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        freelocale(l);
        l = expected;
    }
    return l;
}

/* strtod with '.' as the decimal point whatever setlocale() chose. */
double fm_codec_strtod(const char *s, char **end)
{
    locale_t l = c_locale();
    return l ? strtod_l(s, end, l) : strtod(s, end);
}

/*
 * Formats v as Go's encoding/json writes a float64 (strconv's shortest
 * round-trip digits; 'f' layout when 1e-6 <= |v| < 1e21, else 'e' layout
 * with "e-07" cleaned to "e-7"), so numbers leave us spelled exactly as the
 * API server stores them. The digits are the fewest (1..17) that read back
 * as exactly v, in the C locale. Returns the length. Non-finite values have
 * no JSON spelling and come out as "null".
 */
size_t fm_codec_format_double(char out[32], double v)
{
    char e[40], digits[24];
    int prec, n = 0, exp10, nd = 0, k;
    locale_t old, loc;
    double a = fabs(v);
    size_t o = 0;

    if (!isfinite(v)) {
        memcpy(out, "null", 5);
        return 4;
    }
    if (v == floor(v) && a < 1e15) { /* integral: plain digits */
        n = snprintf(out, 32, "%.0f", v);
        return (size_t)n;
    }
    loc = c_locale();
    old = loc ? uselocale(loc) : (locale_t)0;
    for (prec = 0; prec <= 16; prec++) { /* %.Ne: N+1 significant digits */
        n = snprintf(e, sizeof(e), "%.*e", prec, v);
        if (fm_codec_strtod(e, NULL) == v) break;
    }
    if (loc) uselocale(old);
    /* e is [-]d[.ddd]e(+|-)XX: split into digits and a decimal exponent */
    {
        const char *p = e;
        if (*p == '-') p++;
        for (; *p && *p != 'e'; p++)
            if (*p >= '0' && *p <= '9') digits[nd++] = *p;
        exp10 = atoi(p + 1);
    }
    while (nd > 1 && digits[nd - 1] == '0') nd--; /* %e pads with zeros */
    if (v < 0) out[o++] = '-';
    if (a != 0 && (a < 1e-6 || a >= 1e21)) {
        out[o++] = digits[0];
        if (nd > 1) {
            out[o++] = '.';
            memcpy(out + o, digits + 1, (size_t)nd - 1);
            o += (size_t)nd - 1;
        }
        o += (size_t)snprintf(out + o, 32 - o, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
        if (o >= 4 && out[o - 4] == 'e' && out[o - 3] == '-' && out[o - 2] == '0') { /* e-07 -> e-7 */
            out[o - 2] = out[o - 1];
            o--;
        }
    } else if (exp10 < 0) { /* 0.000ddd */
        out[o++] = '0';
        out[o++] = '.';
        for (k = -1; k > exp10; k--) out[o++] = '0';
        memcpy(out + o, digits, (size_t)nd);
        o += (size_t)nd;
    } else { /* ddd[.ddd] or ddd000 */
        for (k = 0; k <= exp10 || k < nd; k++) {
            if (k == exp10 + 1) out[o++] = '.';
            out[o++] = k < nd ? digits[k] : '0';
        }
    }
    out[o] = 0;
    return o;
}

/* ------------------------------------------------------------- lookups */

const fm_field_desc *fm_codec_find_field(const fm_struct_desc *d, const char *name, size_t len)
{
    size_t lo = 0, hi = d->n_fields;
    if (!d->by_name) {
        for (lo = 0; lo < d->n_fields; lo++)
            if (d->fields[lo].json_name_len == len && memcmp(d->fields[lo].json_name, name, len) == 0)
                return &d->fields[lo];
        return NULL;
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const fm_field_desc *f = &d->fields[d->by_name[mid]];
        size_t fl = f->json_name_len, m = fl < len ? fl : len, k;
        const unsigned char *x = (const unsigned char *)f->json_name, *y = (const unsigned char *)name;
        int cmp = 0;
        /* names are short: an inline loop beats a memcmp call */
        for (k = 0; k < m; k++)
            if (x[k] != y[k]) {
                cmp = x[k] < y[k] ? -1 : 1;
                break;
            }
        if (cmp == 0) cmp = (fl > len) - (fl < len);
        if (cmp == 0) return f;
        if (cmp < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

const char *fm_codec_enum_name(const fm_enum_desc *e, int32_t value)
{
    if (!e || value < 1 || (size_t)value > e->n_values) return NULL;
    return e->values[value - 1];
}

int32_t fm_codec_enum_value(const fm_enum_desc *e, const char *s, size_t len)
{
    size_t i;
    if (!e || !s) return 0;
    for (i = 0; i < e->n_values; i++)
        if (strlen(e->values[i]) == len && memcmp(e->values[i], s, len) == 0) return (int32_t)(i + 1);
    return 0;
}

bool fm_codec_field_is_raw_enum(const void *obj, const fm_field_desc *f)
{
    const void *p = CODEC_CFIELD(obj, f);
    if (f->type == FM_T_ENUM) return *(const int32_t *)p == FM_ENUM_UNKNOWN;
    if (f->type == FM_T_LIST && f->elem_type == FM_T_ENUM && codec_field_present(obj, f)) {
        const fm_list *l = p;
        size_t i;
        for (i = 0; i < l->len; i++)
            if (((const int32_t *)l->items)[i] == FM_ENUM_UNKNOWN) return true;
    }
    return false;
}

/* ------------------------------------------------------------- raw scan */

static inline const char *skip_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) p++;
    return p;
}

/* End of the string literal whose opening quote is at p, or NULL. */
static const char *string_end(const char *p, const char *end)
{
    for (p++; p < end; p++) {
        if (*p == '\\') p++;
        else if (*p == '"') return p + 1;
    }
    return NULL;
}

const char *fm_codec_json_value_end(const char *p, const char *end)
{
    long depth = 0;
    p = skip_ws(p, end);
    if (p >= end) return NULL;
    if (*p == '"') return string_end(p, end);
    if (*p != '{' && *p != '[') {
        const char *s = p;
        while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' && *p != '\r' &&
               *p != '\t')
            p++;
        return p > s ? p : NULL;
    }
    while (p < end) {
        char ch = *p;
        if (ch == '"') {
            if (!(p = string_end(p, end))) return NULL;
            continue;
        }
        if (ch == '{' || ch == '[') depth++;
        else if (ch == '}' || ch == ']') {
            if (--depth == 0) return p + 1;
        }
        p++;
    }
    return NULL;
}

int fm_codec_member_next(const char **pp, const char *end, fm_codec_member *m)
{
    const char *p = skip_ws(*pp, end), *q;
    if (p < end && *p == ',') p = skip_ws(p + 1, end);
    if (p >= end) {
        *pp = p;
        return 0;
    }
    if (*p != '"' || !(q = string_end(p, end))) return -1;
    m->key = p + 1;
    m->klen = (size_t)(q - p - 2);
    p = skip_ws(q, end);
    if (p >= end || *p != ':') return -1;
    p = skip_ws(p + 1, end);
    if (!(q = fm_codec_json_value_end(p, end))) return -1;
    m->val = p;
    m->vlen = (size_t)(q - p);
    *pp = q;
    return 1;
}

int fm_codec_bag_find(const char *bag, const char *name, size_t len, fm_codec_member *out)
{
    const char *p = bag, *end;
    if (!bag) return 0;
    end = bag + strlen(bag);
    while (fm_codec_member_next(&p, end, out) == 1)
        if (out->klen == len && memcmp(out->key, name, len) == 0) return 1;
    return 0;
}

/* ------------------------------------------------------------- encoder */

static int enc_struct(fm_buf *b, const void *obj, const fm_struct_desc *d);

/* Writes v in decimal straight into the buffer. */
static int put_int(fm_buf *b, int64_t v)
{
    char tmp[24], *p = tmp + sizeof(tmp);
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) *--p = '-';
    return fm_buf_put(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

static inline int put_ch(fm_buf *b, char ch)
{
    if (b->len + 1 >= b->cap) {
        int rc = fm_buf_grow(b, 1);
        if (rc) return rc;
    }
    b->data[b->len++] = ch;
    b->data[b->len] = 0;
    return 0;
}

/* RFC 3339 with exactly six fraction digits (sub-microsecond digits are
 * dropped), the only spelling Kubernetes' MicroTime accepts. */
static void format_micro(char out[40], fm_time t)
{
    char *z;
    t.nsec = t.nsec >= 0 && t.nsec < 1000000000 ? t.nsec / 1000 * 1000 : 0;
    fm_codec_time_format(out, t);
    z = strchr(out, 'Z');
    if (z && !strchr(out, '.')) memcpy(z, ".000000Z", 9);
}

static int enc_list(fm_buf *b, const fm_list *l, const fm_field_desc *f);
static int enc_mapv(fm_buf *b, const fm_map *m, const fm_field_desc *f);

/* Writes one value of `type` at p (a field, a list element or a map value;
 * for the last two, f is the list's or map's row). */
static int enc_value(fm_buf *b, int type, const fm_field_desc *f, const void *p)
{
    switch (type) {
    case FM_T_STRING: {
        const char *s = *(char *const *)p;
        if (!s) return fm_buf_put(b, "null", 4);
        return fm_buf_put_json_string(b, s, strlen(s));
    }
    case FM_T_BOOL:
        return *(const bool *)p ? fm_buf_put(b, "true", 4) : fm_buf_put(b, "false", 5);
    case FM_T_INT32:
        return put_int(b, *(const int32_t *)p);
    case FM_T_INT64:
        return put_int(b, *(const int64_t *)p);
    case FM_T_FLOAT64: {
        char tmp[32];
        size_t n = fm_codec_format_double(tmp, *(const double *)p);
        return fm_buf_put(b, tmp, n);
    }
    case FM_T_ENUM: {
        const char *s = fm_codec_enum_name(f->enm, *(const int32_t *)p);
        if (!s) return fm_buf_put(b, "null", 4);
        return fm_buf_put_json_string(b, s, strlen(s));
    }
    case FM_T_TIME: {
        char tmp[40];
        int rc;
        if (f->flags & FM_F_MICROTIME) format_micro(tmp, *(const fm_time *)p);
        else fm_codec_time_format(tmp, *(const fm_time *)p);
        if ((rc = put_ch(b, '"'))) return rc;
        if ((rc = fm_buf_puts(b, tmp))) return rc;
        return put_ch(b, '"');
    }
    case FM_T_STRUCT:
        return enc_struct(b, p, f->sub);
    case FM_T_JSON: {
        const char *s = *(char *const *)p;
        return s ? fm_buf_puts(b, s) : fm_buf_put(b, "null", 4);
    }
    case FM_T_MAP: {
        const fm_strmap *m = p;
        size_t i, n = 0;
        int rc;
        if ((rc = put_ch(b, '{'))) return rc;
        for (i = 0; i < m->len; i++) {
            const char *k = m->items[i].key, *v = m->items[i].value;
            if (!k || !v) continue;
            if (n++ && (rc = put_ch(b, ','))) return rc;
            if ((rc = fm_buf_put_json_string(b, k, strlen(k)))) return rc;
            if ((rc = put_ch(b, ':'))) return rc;
            if ((rc = fm_buf_put_json_string(b, v, strlen(v)))) return rc;
        }
        return put_ch(b, '}');
    }
    case FM_T_INTORSTR: {
        const fm_int_or_string *v = p;
        if (!v->is_str) return put_int(b, v->num);
        return fm_buf_put_json_string(b, v->str ? v->str : "", v->str ? strlen(v->str) : 0);
    }
    case FM_T_LIST: /* an element that is a list: f->elem describes it */
        return enc_list(b, p, f->elem);
    case FM_T_MAPV:
        return enc_mapv(b, p, f->elem);
    default:
        return fm_error_set(FM_EINVAL, "descriptor has an unsupported field type %d", type);
    }
}

/* Writes list l of row f as a JSON array. */
static int enc_list(fm_buf *b, const fm_list *l, const fm_field_desc *f)
{
    size_t i, k = 0;
    int rc;
    if ((rc = put_ch(b, '['))) return rc;
    for (i = 0; i < l->len; i++) {
        const void *ep = (const char *)l->items + i * f->elem_size;
        /* an element that cannot be spelled (out-of-range enum) is left out */
        if (f->elem_type == FM_T_ENUM && !fm_codec_enum_name(f->enm, *(const int32_t *)ep)) continue;
        if (k++ && (rc = put_ch(b, ','))) return rc;
        if ((rc = enc_value(b, f->elem_type, f, ep))) return rc;
    }
    return put_ch(b, ']');
}

/* Writes map m of row f (FM_T_MAPV) as a JSON object; entries with no key
 * or a NULL string value (which decode as absent) are left out. */
static int enc_mapv(fm_buf *b, const fm_map *m, const fm_field_desc *f)
{
    size_t i, n = 0;
    int rc;
    if ((rc = put_ch(b, '{'))) return rc;
    for (i = 0; i < m->len; i++) {
        const void *vp = (const char *)m->values + i * f->elem_size;
        const char *k = m->keys[i];
        if (!k) continue;
        if ((f->elem_type == FM_T_STRING || f->elem_type == FM_T_JSON) && !*(char *const *)vp) continue;
        if (n++ && (rc = put_ch(b, ','))) return rc;
        if ((rc = fm_buf_put_json_string(b, k, strlen(k)))) return rc;
        if ((rc = put_ch(b, ':'))) return rc;
        if ((rc = enc_value(b, f->elem_type, f, vp))) return rc;
    }
    return put_ch(b, '}');
}

int fm_codec_encode_field_value(fm_buf *b, const void *obj, const fm_field_desc *f, const fm_struct_desc *d)
{
    const void *p = CODEC_CFIELD(obj, f);
    int rc;

    if (!codec_field_present(obj, f)) return 0;
    if (fm_codec_field_is_raw_enum(obj, f)) {
        fm_codec_member m;
        if (!fm_codec_bag_find(codec_unknown(obj, d), f->json_name, f->json_name_len, &m)) return 0;
        return (rc = fm_buf_put(b, m.val, m.vlen)) ? rc : 1;
    }
    if (f->type == FM_T_ENUM && !fm_codec_enum_name(f->enm, *(const int32_t *)p)) return 0;
    if (f->type == FM_T_LIST) return (rc = enc_list(b, p, f)) ? rc : 1;
    if (f->type == FM_T_MAPV) return (rc = enc_mapv(b, p, f)) ? rc : 1;
    return (rc = enc_value(b, f->type, f, p)) ? rc : 1;
}

/* True when struct d has an enum field (or list of enums), whose unknown
 * values live in the bag under a known name and must be filtered out of
 * the bag when the bag is re-emitted. */
static bool has_enum_fields(const fm_struct_desc *d)
{
    size_t i;
    for (i = 0; i < d->n_fields; i++)
        if (d->fields[i].type == FM_T_ENUM ||
            (d->fields[i].type == FM_T_LIST && d->fields[i].elem_type == FM_T_ENUM))
            return true;
    return false;
}

/*
 * Writes struct obj as a JSON object. A field's key is written first and
 * taken back when the field turns out to encode to nothing, so the common
 * case costs a single pass. Unknown members follow the known fields; members
 * named like a known field are skipped (they back FM_ENUM_UNKNOWN values,
 * which were written at the field's position).
 */
static int enc_struct(fm_buf *b, const void *obj, const fm_struct_desc *d)
{
    const char *bag = codec_unknown(obj, d);
    size_t i, mark;
    bool first = true;
    int rc;

    if ((rc = put_ch(b, '{'))) return rc;
    for (i = 0; i < d->n_fields; i++) {
        const fm_field_desc *f = &d->fields[i];
        if (!codec_field_present(obj, f)) continue;
        mark = b->len;
        if ((rc = fm_buf_grow(b, f->json_name_len + 4))) return rc;
        if (!first) b->data[b->len++] = ',';
        b->data[b->len++] = '"';
        memcpy(b->data + b->len, f->json_name, f->json_name_len);
        b->len += f->json_name_len;
        b->data[b->len++] = '"';
        b->data[b->len++] = ':';
        rc = fm_codec_encode_field_value(b, obj, f, d);
        if (rc < 0) return rc;
        if (rc == 0) {
            b->len = mark;
            b->data[b->len] = 0;
            continue;
        }
        first = false;
    }
    if (bag && *bag) {
        if (!has_enum_fields(d)) {
            if (!first && (rc = put_ch(b, ','))) return rc;
            if ((rc = fm_buf_puts(b, bag))) return rc;
        } else {
            const char *p = bag, *end = bag + strlen(bag);
            fm_codec_member m;
            while (fm_codec_member_next(&p, end, &m) == 1) {
                if (fm_codec_find_field(d, m.key, m.klen)) continue;
                if (!first && (rc = put_ch(b, ','))) return rc;
                first = false;
                if ((rc = fm_buf_put(b, m.key - 1, (size_t)(m.val + m.vlen - (m.key - 1))))) return rc;
            }
        }
    }
    return put_ch(b, '}');
}

/* See codec.h. On failure out keeps what it had before the call. */
int fm_codec_encode(fm_buf *out, const void *obj, const fm_struct_desc *d)
{
    size_t mark = out->len;
    int rc = enc_struct(out, obj, d);
    if (rc) {
        out->len = mark;
        if (out->data) out->data[mark] = 0;
    }
    return rc;
}
