/*
 * agentutil.h - small pure helpers of foreman-agent that carry the reference
 * behaviour exactly: FleetNode name sanitizing, comma lists, narrowing of
 * integer flags to int32 and bytes to GiB.
 */
#ifndef FOREMAN_AGENTUTIL_H
#define FOREMAN_AGENTUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codec.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Longest DNS-1123 label, without the NUL. */
#define AGENTUTIL_NAME_MAX 63
/* The name used when sanitizing leaves nothing. */
#define AGENTUTIL_NAME_FALLBACK "fleetnode"

/*
 * Turns any text (a host name) into a DNS-1123 label, in this order:
 * lower-case; every run of characters outside [a-z0-9-] becomes one '-'
 * (existing '-' are kept as they are, so "a-.-b" gives "a---b"); leading and
 * trailing '-' trimmed; an empty result becomes "fleetnode"; a result longer
 * than 63 is cut to 63 and trailing '-' trimmed again. Non-ASCII characters
 * (whole UTF-8 sequences, or stray bytes) count as outside the set, except
 * the two whose lower case is ASCII: KELVIN SIGN -> "k", and CAPITAL I WITH
 * DOT ABOVE -> "i" followed by a combining dot (so "i-").
 * out receives the result; *changed_out (may be NULL) is true when the
 * result differs from the input. in == NULL is treated as "".
 */
void fm_agentutil_sanitize_name(char out[AGENTUTIL_NAME_MAX + 1], bool *changed_out, const char *in);

/*
 * The default FleetNode name: this host's name (gethostname), sanitized.
 * host_out (may be NULL, 256 bytes) receives the raw host name so the caller
 * can log "host name X sanitized to Y" once when *changed_out is true.
 * Returns 0, or FM_EIO when the host name cannot be read.
 */
int fm_agentutil_default_node_name(char out[AGENTUTIL_NAME_MAX + 1], char host_out[256],
                                bool *changed_out);


/* Narrows an integer flag to int32: negative -> 0, above INT32_MAX ->
 * INT32_MAX. */
int32_t fm_agentutil_narrow_int32(int64_t v);

/* Bytes to GiB by whole division (rounded down), saturating at INT32_MAX. */
int32_t fm_agentutil_bytes_to_gib(uint64_t bytes);

#ifdef __cplusplus
}
#endif
#endif
