/*
 * log.h - structured logging for the programs (never called by library code
 * that returns errors; mains, controllers' reconcile loops and the agent's
 * loops log, as STYLE.md asks).
 *
 * A log line has a timestamp (RFC 3339, UTC, milliseconds), a level, a
 * message and key-value fields, written either as logfmt
 *
 *   ts=2024-05-01T12:00:00.123Z level=info msg="reconciled" controller=scheduler object=default/t1
 *
 * or as one JSON object per line (--log-format=json)
 *
 *   {"ts":"2024-05-01T12:00:00.123Z","level":"info","msg":"reconciled","controller":"scheduler"}
 *
 * Calls take the message and then key, value, key, value, ..., NULL; keys
 * and values are strings (a NULL value is written as an empty string, or
 * null in JSON). Example:
 *
 *   fm_log_info("reconciled", "controller", "scheduler", "object", key,
 *            "reconcileID", id, NULL);
 *
 * Levels: error, warn, info (default), debug; "-v N" opens fm_log_v(N, ...)
 * lines, where debug is V(1). A line is written when its level is at or
 * below the configured verbosity: error -2, warn -1, info 0, debug/V(1) 1,
 * V(n) n.
 *
 * Secrets: the value of any field whose key looks like a credential is
 * replaced by "[REDACTED]", whatever the caller passes. A key is a
 * credential when, ignoring case, it contains token, password, passwd,
 * secret, authorization, credential, cookie or apikey, or is "key" or ends
 * with "key" (privateKey, ssh_key). Values that start with "Bearer " or
 * "Basic " are redacted under any key. So log object keys as "object", not
 * "key".
 *
 * Thread-safe; each line is built in memory and written with one write(2)
 * (values longer than 8 KiB are cut and marked with "..."). errno is kept.
 */
#ifndef FOREMAN_LOG_H
#define FOREMAN_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clock.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
    FM_LOG_ERROR = -2,
    FM_LOG_WARN = -1,
    FM_LOG_INFO = 0,
    FM_LOG_DEBUG = 1,
};

typedef enum fm_log_format {
    FM_LOG_LOGFMT = 0,
    FM_LOG_JSON = 1,
} fm_log_format;

/* Sets the verbosity: lines with level <= v are written (default 0). */
void fm_log_set_verbosity(int v);
int fm_log_verbosity(void);

/* Sets the verbosity by level name: "error", "warn", "info", "debug".
 * Returns 0 or FM_EINVAL. */
int fm_log_set_level_name(const char *name);

/* Output format; fm_log_set_format_name accepts "logfmt" (also "text") and
 * "json". Returns 0 or FM_EINVAL. */
void fm_log_set_format(fm_log_format f);
int fm_log_set_format_name(const char *name);

/* Destination file descriptor (default 2, stderr). */
void fm_log_set_fd(int fd);

/* Time source for the timestamps (NULL = real clock); for tests. */
void fm_log_set_clock(fm_clock *c);

/* True when a line of this level would be written (skip costly work). */
bool fm_log_enabled(int level);

void fm_log_error(const char *msg, ...) __attribute__((sentinel));
void fm_log_warn(const char *msg, ...) __attribute__((sentinel));
void fm_log_info(const char *msg, ...) __attribute__((sentinel));
void fm_log_debug(const char *msg, ...) __attribute__((sentinel));
/* A line at verbosity v (v >= 1 are debug lines, written with "v"=v). */
void fm_log_v(int v, const char *msg, ...) __attribute__((sentinel));

/*
 * The general form: a line at `level` with first the n_ctx bound pairs of
 * ctx (ctx[2i] key, ctx[2i+1] value; e.g. controller and reconcileID kept
 * by a worker), then the variadic pairs ended by NULL.
 */
void fm_log_ctx(int level, const char *const *ctx, size_t n_ctx, const char *msg, ...)
    __attribute__((sentinel));

/* True when a field with this key is redacted (see above). */
bool fm_log_key_is_secret(const char *key);

/* Formats an integer for use as a field value; returns buf. */
const char *fm_log_int(char buf[24], long long v);

#ifdef __cplusplus
}
#endif
#endif
