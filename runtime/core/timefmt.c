/*
 * timefmt.c - RFC 3339 date-time parsing and formatting for fm_time, without
 * the C library's time-zone machinery (no TZ, no locale, thread-safe).
 *
 * Calendar arithmetic uses the proleptic Gregorian "days from civil"
 * algorithm, valid for years 0000..9999, the range RFC 3339 can spell.
 */
#include "base.h"
#include "error.h"

#include <string.h>
#include <time.h>

/* Days since 1970-01-01 of y-m-d (m 1..12, d 1..31). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    int64_t era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (int64_t)(m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Inverse of days_from_civil. */
static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
    int64_t era, doe, yoe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
    *m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* Reads exactly n decimal digits at s; -1 when one is not a digit. */
static int digits(const char *s, int n)
{
    int v = 0, i;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/*
 * Parses an RFC 3339 date-time: "YYYY-MM-DDThh:mm:ss", an optional fraction
 * (any number of digits; kept to the microsecond, the finest precision
 * Kubernetes stores, so that every parsed time formats back to the same
 * text and value), then "Z" or
 * "+hh:mm"/"-hh:mm". 't' and 'z' are accepted in lower case, as RFC 3339
 * allows. A leap second (:60) is refused. Returns 0 or FM_EPARSE.
 */
int fm_codec_time_parse(fm_time *out, const char *s, size_t len)
{
    int year, mon, day, hh, mm, ss, oh = 0, om = 0, sign = 0;
    int32_t nsec = 0;
    size_t i;
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    if (len < 20) goto bad;
    year = digits(s, 4);
    mon = digits(s + 5, 2);
    day = digits(s + 8, 2);
    hh = digits(s + 11, 2);
    mm = digits(s + 14, 2);
    ss = digits(s + 17, 2);
    if (year < 0 || mon < 1 || mon > 12 || day < 1 || hh < 0 || hh > 23 || mm < 0 || mm > 59 ||
        ss < 0 || ss > 59)
        goto bad;
    if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
        goto bad;
    if (day > mdays[mon - 1] + (mon == 2 && is_leap(year))) goto bad;
    i = 19;
    if (s[i] == '.') {
        size_t start = ++i, nd;
        while (i < len && s[i] >= '0' && s[i] <= '9') {
            if (i - start < 6) nsec = nsec * 10 + (s[i] - '0');
            i++;
        }
        nd = i - start;
        if (nd == 0) goto bad;
        for (nd = nd < 6 ? nd : 6; nd < 9; nd++) nsec *= 10;
    }
    if (i >= len) goto bad;
    if (s[i] == 'Z' || s[i] == 'z') {
        i++;
    } else if (s[i] == '+' || s[i] == '-') {
        sign = s[i] == '-' ? -1 : 1;
        if (len - i < 6 || s[i + 3] != ':') goto bad;
        oh = digits(s + i + 1, 2);
        om = digits(s + i + 4, 2);
        if (oh < 0 || oh > 23 || om < 0 || om > 59) goto bad;
        i += 6;
    } else {
        goto bad;
    }
    if (i != len) goto bad;
    {
        int64_t sec = days_from_civil(year, (unsigned)mon, (unsigned)day) * 86400 + hh * 3600 + mm * 60 + ss -
                      (int64_t)sign * (oh * 3600 + om * 60);
        /* an offset can move a 0000 or 9999 date out of what UTC RFC 3339
         * can spell; refuse it so every parsed time formats back exactly */
        if (sec < -62167219200LL || sec > 253402300799LL) goto bad;
        out->sec = sec;
    }
    out->nsec = nsec;
    return 0;
bad:
    return fm_error_set(FM_EPARSE, "invalid RFC 3339 date-time \"%.*s\"", (int)(len > 64 ? 64 : len), s);
}

static char *put2(char *p, unsigned v)
{
    p[0] = (char)('0' + v / 10);
    p[1] = (char)('0' + v % 10);
    return p + 2;
}

/*
 * Writes t as "YYYY-MM-DDThh:mm:ssZ" in UTC. When t has at least one whole
 * microsecond past the second, a six-digit fraction follows (nanoseconds
 * below the microsecond are dropped): the API server parses MicroTime
 * fields (Lease renewTime) with exactly six digits and Time fields with
 * any fraction, so six digits suit both. Years outside 0..9999 are clamped
 * to the range so the output always stays valid RFC 3339.
 */
void fm_codec_time_format(char out[40], fm_time t)
{
    int64_t days, secs, y;
    unsigned m, d;
    char *p = out;
    int32_t ns = t.nsec;

    /* normalise nsec into [0, 1e9) */
    if (ns < 0 || ns >= 1000000000) {
        t.sec += ns / 1000000000;
        ns %= 1000000000;
        if (ns < 0) {
            ns += 1000000000;
            t.sec--;
        }
    }
    if (t.sec < -62167219200LL) { /* 0000-01-01T00:00:00Z */
        t.sec = -62167219200LL;
        ns = 0;
    } else if (t.sec > 253402300799LL) { /* 9999-12-31T23:59:59Z */
        t.sec = 253402300799LL;
        ns = 0;
    }
    days = t.sec / 86400;
    secs = t.sec % 86400;
    if (secs < 0) {
        secs += 86400;
        days--;
    }
    civil_from_days(days, &y, &m, &d);
    p = put2(p, (unsigned)(y / 100));
    p = put2(p, (unsigned)(y % 100));
    *p++ = '-';
    p = put2(p, m);
    *p++ = '-';
    p = put2(p, d);
    *p++ = 'T';
    p = put2(p, (unsigned)(secs / 3600));
    *p++ = ':';
    p = put2(p, (unsigned)(secs / 60 % 60));
    *p++ = ':';
    p = put2(p, (unsigned)(secs % 60));
    if (ns >= 1000) {
        int32_t v = ns / 1000;
        int i;
        *p++ = '.';
        for (i = 5; i >= 0; i--) {
            p[i] = (char)('0' + v % 10);
            v /= 10;
        }
        p += 6;
    }
    *p++ = 'Z';
    *p = 0;
}

/*
 * The wall clock (CLOCK_REALTIME) to the microsecond. A time in the first
 * microsecond of a second is nudged to 1 us, so that a time taken here
 * always encodes with its fraction: a MicroTime field sent without one is
 * refused by the API server (see fm_codec_time_format).
 */
fm_time fm_codec_time_now(void)
{
    struct timespec ts;
    fm_time t;
    clock_gettime(CLOCK_REALTIME, &ts);
    t.sec = (int64_t)ts.tv_sec;
    t.nsec = (int32_t)(ts.tv_nsec / 1000 * 1000);
    if (t.nsec == 0) t.nsec = 1000;
    return t;
}
