/*
 * goduration.h - Go's duration syntax (time.ParseDuration and
 * Duration.String), so `--heartbeat-interval=1m30s` means what it meant to
 * the Go agent.
 *
 * Syntax: an optional sign, then one or more <number><unit> terms, where a
 * number is decimal digits with an optional fraction ("1", "1.5", ".5",
 * "1.") and a unit is one of ns, us, µs (U+00B5), μs (U+03BC), ms, s, m, h.
 * "0" alone (with an optional sign) needs no unit. Examples: 500ms, 30s,
 * 1m30s, 1.5h, -1.5h, 1h2m3.5s.
 */
#ifndef FOREMAN_GODURATION_H
#define FOREMAN_GODURATION_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GODURATION_NANOSECOND  INT64_C(1)
#define GODURATION_MICROSECOND INT64_C(1000)
#define GODURATION_MILLISECOND INT64_C(1000000)
#define GODURATION_SECOND      INT64_C(1000000000)
#define GODURATION_MINUTE      (60 * GODURATION_SECOND)
#define GODURATION_HOUR        (60 * GODURATION_MINUTE)

/* Longest text fm_goduration_format writes, NUL included
 * ("-2562047h47m16.854775808s" is 25 bytes). */
#define GODURATION_FORMAT_MAX 32

/*
 * Parses s into nanoseconds. Returns 0, or FM_EPARSE with a one-line message
 * quoting s and naming the problem (empty, missing unit, unknown unit "x",
 * bad number, out of range). The range is that of int64 nanoseconds (about
 * 292 years each way). Fractions finer than a nanosecond are cut, as Go does.
 */
int fm_goduration_parse(int64_t *out, const char *s);

/*
 * Writes d in Go's Duration.String() form into out (GODURATION_FORMAT_MAX
 * bytes): "0s", "500ms", "1.5µs", "30s", "1m30s", "1h0m0s", "-1h30m0s".
 * Returns out.
 */
char *fm_goduration_format(char out[GODURATION_FORMAT_MAX], int64_t d);

#ifdef __cplusplus
}
#endif
#endif
