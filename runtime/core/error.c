/*
 * error.c - the thread-local last error (see error.h).
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local fm_error last_error;

/* Replaces control characters (newlines above all) by spaces so a message
 * always stays on one line, whatever text a server or a file put in it. */
static void one_line(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f) *s = ' ';
}

static int set_v(int code, int http_status, const char *reason, const char *fmt, va_list ap)
{
    last_error.code = code;
    last_error.http_status = http_status;
    last_error.reason[0] = 0;
    if (reason) {
        snprintf(last_error.reason, sizeof(last_error.reason), "%s", reason);
        one_line(last_error.reason);
    }
    vsnprintf(last_error.message, sizeof(last_error.message), fmt, ap);
    one_line(last_error.message);
    return code;
}

int fm_error_set(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_v(code, 0, NULL, fmt, ap);
    va_end(ap);
    return code;
}

int fm_error_set_http(int code, int http_status, const char *reason, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_v(code, http_status, reason, fmt, ap);
    va_end(ap);
    return code;
}

int fm_error_prefix(const char *fmt, ...)
{
    char prefix[FM_ERROR_MAX];
    char old[FM_ERROR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof(prefix), fmt, ap);
    va_end(ap);
    memcpy(old, last_error.message, sizeof(old));
    /* Both parts are bounded by FM_ERROR_MAX; the result is cut to fit. */
    size_t plen = strnlen(prefix, sizeof(last_error.message) - 1);
    memcpy(last_error.message, prefix, plen);
    size_t pos = plen;
    if (pos + 2 < sizeof(last_error.message)) {
        last_error.message[pos++] = ':';
        last_error.message[pos++] = ' ';
        size_t olen = strnlen(old, sizeof(last_error.message) - 1 - pos);
        memcpy(last_error.message + pos, old, olen);
        pos += olen;
    }
    last_error.message[pos] = 0;
    one_line(last_error.message);
    return last_error.code;
}

const fm_error *fm_error_last(void)
{
    return &last_error;
}

void fm_error_clear(void)
{
    memset(&last_error, 0, sizeof(last_error));
}

const char *fm_error_name(int code)
{
    switch (code) {
    case FM_OK: return "OK";
    case FM_ERROR: return "ERROR";
    case FM_ENOMEM: return "ENOMEM";
    case FM_EINVAL: return "EINVAL";
    case FM_EPARSE: return "EPARSE";
    case FM_ELIMIT: return "ELIMIT";
    case FM_EIO: return "EIO";
    case FM_ETRANSPORT: return "ETRANSPORT";
    case FM_EHTTP: return "EHTTP";
    case FM_ENOTFOUND: return "ENOTFOUND";
    case FM_ECANCELED: return "ECANCELED";
    case FM_EGONE: return "EGONE";
    case FM_ECONFLICT: return "ECONFLICT";
    case FM_EEXISTS: return "EEXISTS";
    case FM_EINVALID: return "EINVALID";
    case FM_EFORBIDDEN: return "EFORBIDDEN";
    case FM_EUNAUTHORIZED: return "EUNAUTHORIZED";
    case FM_EUNAVAILABLE: return "EUNAVAILABLE";
    case FM_ETIMEOUT: return "ETIMEOUT";
    default: return "EUNKNOWN";
    }
}
