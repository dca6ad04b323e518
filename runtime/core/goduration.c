/*
 * goduration.c - Go duration syntax: parse and format (see goduration.h).
 *
 * The arithmetic follows Go's own rules so that every string the Go agent
 * accepted gives the same nanosecond count here: magnitudes are summed in
 * uint64 and may reach 2^63 (which only a negative duration can use), and a
 * fraction is scaled through a double exactly as Go does.
 */
#include "goduration.h"

#include "error.h"

#include <stdbool.h>
#include <string.h>

#define LIMIT (UINT64_C(1) << 63) /* |INT64_MIN| */

typedef struct unit_row {
    const char *name;
    size_t len;
    uint64_t ns;
} unit_row;

static const unit_row units[] = {
    {"ns", 2, 1},
    {"us", 2, 1000},
    {"\xc2\xb5s", 3, 1000},  /* U+00B5 MICRO SIGN */
    {"\xce\xbcs", 3, 1000},  /* U+03BC GREEK SMALL LETTER MU */
    {"ms", 2, 1000000},
    {"s", 1, 1000000000},
    {"m", 1, UINT64_C(60) * 1000000000},
    {"h", 1, UINT64_C(3600) * 1000000000},
};

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads the leading digits of *p as an integer; fails (false) when the value
 * would exceed 2^63. Advances *p past the digits. */
static bool leading_int(uint64_t *out, const char **p)
{
    uint64_t x = 0;
    const char *s = *p;
    for (; is_digit(*s); s++) {
        if (x > LIMIT / 10) return false;
        x = x * 10 + (uint64_t)(*s - '0');
        if (x > LIMIT) return false;
    }
    *out = x;
    *p = s;
    return true;
}

/* Reads the digits after a '.', keeping as many as fit in an int64 and
 * dropping the rest (they are below a nanosecond's weight anyway); *scale is
 * 10^(digits kept). Advances *p past every digit. */
static uint64_t leading_fraction(const char **p, double *scale)
{
    uint64_t x = 0;
    bool overflow = false;
    const char *s = *p;
    *scale = 1;
    for (; is_digit(*s); s++) {
        if (overflow) continue;
        if (x > (LIMIT - 1) / 10) {
            overflow = true;
            continue;
        }
        uint64_t y = x * 10 + (uint64_t)(*s - '0');
        if (y > LIMIT) {
            overflow = true;
            continue;
        }
        x = y;
        *scale *= 10;
    }
    *p = s;
    return x;
}

/*
 * Parses one duration string (see goduration.h). The loop consumes one
 * <number><unit> term per turn, so it is bounded by the length of s.
 */
int fm_goduration_parse(int64_t *out, const char *s)
{
    const char *orig = s;
    const char *p = s;
    uint64_t total = 0;
    bool neg = false;

    *out = 0;
    if (!s) return fm_error_set(FM_EPARSE, "invalid duration: no value");
    if (*p == '-' || *p == '+') {
        neg = *p == '-';
        p++;
    }
    if (strcmp(p, "0") == 0) return 0;
    if (*p == 0) return fm_error_set(FM_EPARSE, "invalid duration \"%s\"", orig);

    while (*p) {
        uint64_t v = 0, f = 0;
        double scale = 1;
        if (!(*p == '.' || is_digit(*p)))
            return fm_error_set(FM_EPARSE, "invalid duration \"%s\"", orig);
        const char *start = p;
        if (!leading_int(&v, &p))
            return fm_error_set(FM_EPARSE, "invalid duration \"%s\": out of range", orig);
        bool pre = p != start;
        bool post = false;
        if (*p == '.') {
            p++;
            const char *fstart = p;
            f = leading_fraction(&p, &scale);
            post = p != fstart;
        }
        if (!pre && !post)
            return fm_error_set(FM_EPARSE, "invalid duration \"%s\"", orig);

        /* The unit is everything up to the next digit or '.'. */
        const char *u = p;
        while (*p && *p != '.' && !is_digit(*p)) p++;
        size_t ulen = (size_t)(p - u);
        if (ulen == 0)
            return fm_error_set(FM_EPARSE, "invalid duration \"%s\": missing unit", orig);
        const unit_row *unit = NULL;
        for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
            if (units[i].len == ulen && memcmp(units[i].name, u, ulen) == 0) unit = &units[i];
        if (!unit)
            return fm_error_set(FM_EPARSE, "invalid duration \"%s\": unknown unit \"%.*s\"", orig,
                                (int)ulen, u);

        if (v > LIMIT / unit->ns)
            return fm_error_set(FM_EPARSE, "invalid duration \"%s\": out of range", orig);
        v *= unit->ns;
        if (f > 0) {
            /* Go scales the fraction through float64; do the same so values
             * agree to the nanosecond. */
            v += (uint64_t)((double)f * ((double)unit->ns / scale));
            if (v > LIMIT)
                return fm_error_set(FM_EPARSE, "invalid duration \"%s\": out of range", orig);
        }
        total += v;
        if (total > LIMIT)
            return fm_error_set(FM_EPARSE, "invalid duration \"%s\": out of range", orig);
    }
    if (neg) {
        *out = total == LIMIT ? INT64_MIN : -(int64_t)total;
        return 0;
    }
    if (total > LIMIT - 1)
        return fm_error_set(FM_EPARSE, "invalid duration \"%s\": out of range", orig);
    *out = (int64_t)total;
    return 0;
}

/* Writes the fraction of v (the prec lowest decimal digits) right-aligned
 * ending before buf[w], without trailing zeros and with a '.' when anything
 * was written; returns the new write position and leaves v / 10^prec in *v. */
static int put_frac(char *buf, int w, uint64_t *v, int prec)
{
    bool print = false;
    for (int i = 0; i < prec; i++) {
        uint64_t digit = *v % 10;
        print = print || digit != 0;
        if (print) buf[--w] = (char)('0' + digit);
        *v /= 10;
    }
    if (print) buf[--w] = '.';
    return w;
}

/* Writes v in decimal right-aligned ending before buf[w]; returns the new
 * write position. */
static int put_int(char *buf, int w, uint64_t v)
{
    if (v == 0) {
        buf[--w] = '0';
        return w;
    }
    while (v > 0) {
        buf[--w] = (char)('0' + v % 10);
        v /= 10;
    }
    return w;
}

/*
 * Formats d like Go's Duration.String(): below one second a single unit
 * (ns, µs, ms) with a fraction; otherwise h, m and s with the seconds'
 * fraction, leading zero units left out ("1m30s", "1h0m0s"). The text is
 * built right to left in a scratch buffer, then moved to out.
 */
char *fm_goduration_format(char out[GODURATION_FORMAT_MAX], int64_t d)
{
    char buf[GODURATION_FORMAT_MAX];
    int w = (int)sizeof(buf);
    bool neg = d < 0;
    uint64_t u = neg ? (uint64_t)0 - (uint64_t)d : (uint64_t)d;

    buf[--w] = 0;
    if (u < 1000000000u) {
        int prec;
        buf[--w] = 's';
        if (u == 0) {
            memcpy(out, "0s", 3);
            return out;
        } else if (u < 1000u) {
            prec = 0;
            buf[--w] = 'n';
        } else if (u < 1000000u) {
            prec = 3;
            buf[--w] = '\xb5'; /* U+00B5 in UTF-8, written backwards */
            buf[--w] = '\xc2';
        } else {
            prec = 6;
            buf[--w] = 'm';
        }
        w = put_frac(buf, w, &u, prec);
        w = put_int(buf, w, u);
    } else {
        buf[--w] = 's';
        w = put_frac(buf, w, &u, 9);
        w = put_int(buf, w, u % 60);
        u /= 60;
        if (u > 0) {
            buf[--w] = 'm';
            w = put_int(buf, w, u % 60);
            u /= 60;
            if (u > 0) {
                buf[--w] = 'h';
                w = put_int(buf, w, u);
            }
        }
    }
    if (neg) buf[--w] = '-';
    memcpy(out, buf + w, sizeof(buf) - (size_t)w);
    return out;
}
