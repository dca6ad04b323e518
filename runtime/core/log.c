/*
 * log.c - structured logging (see log.h).
 */
#include "log.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "base.h"
#include "error.h"

#define MAX_VALUE 8192

static atomic_int verbosity = 0;
static atomic_int format = FM_LOG_LOGFMT;
static atomic_int out_fd = 2;
static fm_clock *_Atomic log_clock;
static pthread_mutex_t write_mu = PTHREAD_MUTEX_INITIALIZER;

void fm_log_set_verbosity(int v)
{
    atomic_store(&verbosity, v);
}

int fm_log_verbosity(void)
{
    return atomic_load(&verbosity);
}

int fm_log_set_level_name(const char *name)
{
    static const struct { const char *name; int v; } levels[] = {
        {"error", FM_LOG_ERROR}, {"warn", FM_LOG_WARN}, {"warning", FM_LOG_WARN},
        {"info", FM_LOG_INFO},   {"debug", FM_LOG_DEBUG},
    };
    for (size_t i = 0; name && i < sizeof(levels) / sizeof(levels[0]); i++) {
        if (strcasecmp(name, levels[i].name) == 0) {
            fm_log_set_verbosity(levels[i].v);
            return 0;
        }
    }
    return fm_error_set(FM_EINVAL, "log level %s: expected error, warn, info or debug",
                        name ? name : "(null)");
}

void fm_log_set_format(fm_log_format f)
{
    atomic_store(&format, (int)f);
}

int fm_log_set_format_name(const char *name)
{
    if (name && (strcmp(name, "logfmt") == 0 || strcmp(name, "text") == 0)) {
        fm_log_set_format(FM_LOG_LOGFMT);
        return 0;
    }
    if (name && strcmp(name, "json") == 0) {
        fm_log_set_format(FM_LOG_JSON);
        return 0;
    }
    return fm_error_set(FM_EINVAL, "log format %s: expected logfmt or json", name ? name : "(null)");
}

void fm_log_set_fd(int fd)
{
    atomic_store(&out_fd, fd);
}

void fm_log_set_clock(fm_clock *c)
{
    atomic_store(&log_clock, c);
}

bool fm_log_enabled(int level)
{
    return level <= atomic_load(&verbosity);
}

const char *fm_log_int(char buf[24], long long v)
{
    snprintf(buf, 24, "%lld", v);
    return buf;
}

bool fm_log_key_is_secret(const char *key)
{
    static const char *const words[] = {"token",      "password", "passwd", "secret",
                                        "authorization", "credential", "cookie", "apikey"};
    if (!key) return false;
    char low[128];
    size_t n = 0;
    for (; key[n] && n + 1 < sizeof(low); n++) {
        char c = key[n];
        low[n] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    low[n] = 0;
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (strstr(low, words[i])) return true;
    return n >= 3 && strcmp(low + n - 3, "key") == 0;
}

static bool value_is_secret(const char *v)
{
    return v && (strncasecmp(v, "Bearer ", 7) == 0 || strncasecmp(v, "Basic ", 6) == 0);
}

/* Appends s with JSON (json=1) or logfmt-quoted (json=0) escaping, without
 * the surrounding quotes; cut at MAX_VALUE bytes with "..." appended.
 * Invalid UTF-8 bytes become U+FFFD. */
static void put_escaped(fm_buf *b, const char *s, bool json)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t done = 0;
    while (*p) {
        if (done >= MAX_VALUE) {
            fm_buf_puts(b, "...");
            return;
        }
        unsigned c = *p;
        if (c == '"') fm_buf_puts(b, "\\\"");
        else if (c == '\\') fm_buf_puts(b, "\\\\");
        else if (c == '\n') fm_buf_puts(b, "\\n");
        else if (c == '\r') fm_buf_puts(b, "\\r");
        else if (c == '\t') fm_buf_puts(b, "\\t");
        else if (c < 0x20 || c == 0x7f) fm_buf_printf(b, "\\u%04x", c);
        if (c < 0x80 && !(c == '"' || c == '\\' || c < 0x20 || c == 0x7f)) {
            fm_buf_put(b, p, 1);
        } else if (c >= 0x80) {
            size_t n = fm_utf8_len(p, strnlen((const char *)p, 4));
            if (n == 0) {
                fm_buf_puts(b, json ? "\\ufffd" : "\xef\xbf\xbd");
                n = 1;
            } else {
                fm_buf_put(b, p, n);
            }
            p += n;
            done += n;
            continue;
        }
        p++;
        done++;
    }
}

/* logfmt values are bare unless they are empty or hold a space, '=', '"',
 * a control character or non-ASCII bytes. */
static bool needs_quotes(const char *s)
{
    if (!*s) return true;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= ' ' || *p == '=' || *p == '"' || *p == '\\' || *p >= 0x7f) return true;
    return false;
}

static void put_key(fm_buf *b, const char *key, bool json)
{
    if (json) {
        fm_buf_puts(b, "\"");
        put_escaped(b, key, true);
        fm_buf_puts(b, "\":");
        return;
    }
    /* logfmt keys: anything outside [A-Za-z0-9_.-/] becomes '_'. */
    if (!*key) fm_buf_puts(b, "_");
    for (const char *p = key; *p; p++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '.' || c == '-' || c == '/';
        fm_buf_put(b, ok ? p : "_", 1);
    }
    fm_buf_puts(b, "=");
}

static void put_field(fm_buf *b, const char *key, const char *value, bool json)
{
    if (fm_log_key_is_secret(key) || value_is_secret(value)) value = "[REDACTED]";
    fm_buf_puts(b, json ? "," : " ");
    put_key(b, key, json);
    if (!value) {
        fm_buf_puts(b, json ? "null" : "\"\"");
        return;
    }
    if (json || needs_quotes(value)) {
        fm_buf_puts(b, "\"");
        put_escaped(b, value, json);
        fm_buf_puts(b, "\"");
    } else {
        put_escaped(b, value, false);
    }
}

static const char *level_name(int level)
{
    if (level <= FM_LOG_ERROR) return "error";
    if (level == FM_LOG_WARN) return "warn";
    if (level == FM_LOG_INFO) return "info";
    return "debug";
}

static void write_line(const fm_buf *b)
{
    int fd = atomic_load(&out_fd);
    const char *p = b->data;
    size_t left = b->len;
    pthread_mutex_lock(&write_mu);
    while (left > 0) {
        ssize_t n = write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        p += n;
        left -= (size_t)n;
    }
    pthread_mutex_unlock(&write_mu);
}

/* Builds and writes one line; the common body of every public call. */
static void emit(int level, const char *const *ctx, size_t n_ctx, const char *msg, va_list ap)
{
    if (!fm_log_enabled(level)) return;
    int saved_errno = errno;
    bool json = atomic_load(&format) == FM_LOG_JSON;
    fm_time now = fm_clock_wall(atomic_load(&log_clock));
    struct tm tm;
    time_t secs = (time_t)now.sec;
    gmtime_r(&secs, &tm);
    char ts[96];
    snprintf(ts, sizeof(ts), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
             (int)(now.nsec / 1000000));

    fm_buf b = FM_BUF_INIT;
    if (json) {
        fm_buf_printf(&b, "{\"ts\":\"%s\",\"level\":\"%s\"", ts, level_name(level));
        if (level > FM_LOG_DEBUG) fm_buf_printf(&b, ",\"v\":%d", level);
        fm_buf_puts(&b, ",\"msg\":\"");
        put_escaped(&b, msg ? msg : "", true);
        fm_buf_puts(&b, "\"");
    } else {
        fm_buf_printf(&b, "ts=%s level=%s", ts, level_name(level));
        if (level > FM_LOG_DEBUG) fm_buf_printf(&b, " v=%d", level);
        fm_buf_puts(&b, " msg=\"");
        put_escaped(&b, msg ? msg : "", false);
        fm_buf_puts(&b, "\"");
    }
    for (size_t i = 0; i < n_ctx; i++) put_field(&b, ctx[2 * i], ctx[2 * i + 1], json);
    for (;;) {
        const char *key = va_arg(ap, const char *);
        if (!key) break;
        const char *value = va_arg(ap, const char *);
        put_field(&b, key, value, json);
    }
    fm_buf_puts(&b, json ? "}\n" : "\n");
    /* On allocation failure the buffer may be partial or empty; a partial
     * line still ends in '\n' only when the last put succeeded, so drop it. */
    if (b.data && b.len > 0 && b.data[b.len - 1] == '\n') write_line(&b);
    fm_buf_free(&b);
    errno = saved_errno;
}

#define DEFINE_LEVEL_FN(fn, level)                                                        \
    void fn(const char *msg, ...)                                                         \
    {                                                                                     \
        va_list ap;                                                                       \
        va_start(ap, msg);                                                                \
        emit(level, NULL, 0, msg, ap);                                                    \
        va_end(ap);                                                                       \
    }

DEFINE_LEVEL_FN(fm_log_error, FM_LOG_ERROR)
DEFINE_LEVEL_FN(fm_log_warn, FM_LOG_WARN)
DEFINE_LEVEL_FN(fm_log_info, FM_LOG_INFO)
DEFINE_LEVEL_FN(fm_log_debug, FM_LOG_DEBUG)

void fm_log_v(int v, const char *msg, ...)
{
    va_list ap;
    va_start(ap, msg);
    emit(v < FM_LOG_DEBUG ? FM_LOG_DEBUG : v, NULL, 0, msg, ap);
    va_end(ap);
}

void fm_log_ctx(int level, const char *const *ctx, size_t n_ctx, const char *msg, ...)
{
    va_list ap;
    va_start(ap, msg);
    emit(level, ctx, n_ctx, msg, ap);
    va_end(ap);
}
