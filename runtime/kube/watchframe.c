/*
 * watchframe.c - newline framing of watch streams (see watchframe.h).
 */
#include "watchframe.h"

#include <string.h>

#include "error.h"

#define WATCHFRAME_DEFAULT_MAX (64u * 1024u * 1024u)

void fm_watchframe_init(fm_watchframe *f, size_t max_event)
{
    memset(f, 0, sizeof(*f));
    f->max_event = max_event ? max_event : WATCHFRAME_DEFAULT_MAX;
}

/* Delivers one frame unless it is blank; strips a trailing '\r'. */
static int emit(fm_watchframe *f, const char *data, size_t len, fm_watchframe_fn fn, void *ud)
{
    if (len && data[len - 1] == '\r') len--;
    size_t i = 0;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r')) i++;
    if (i == len) return 0;
    f->events++;
    return fn(ud, data, len);
}

static int too_big(const fm_watchframe *f)
{
    return fm_error_set(FM_ELIMIT, "watch: event larger than %zu bytes", f->max_event);
}

/*
 * Two paths: while a partial event is buffered, bytes up to the next newline
 * are appended to it; otherwise complete events are delivered straight from
 * the chunk. Either way the work per byte is one memchr pass plus at most
 * one copy, and the buffer never holds more than one event.
 */
int fm_watchframe_feed(fm_watchframe *f, const char *data, size_t len, fm_watchframe_fn fn, void *ud)
{
    int rc;
    while (len > 0) {
        const char *nl = memchr(data, '\n', len);
        size_t n = nl ? (size_t)(nl - data) : len;
        if (f->partial.len > 0 || !nl) {
            if (f->partial.len + n > f->max_event) return too_big(f);
            if (n && fm_buf_put(&f->partial, data, n) < 0)
                return fm_error_set(FM_ENOMEM, "watch: out of memory buffering an event");
            if (f->partial.cap > f->peak) f->peak = f->partial.cap;
            if (!nl) return 0;
            rc = emit(f, f->partial.data, f->partial.len, fn, ud);
            fm_buf_reset(&f->partial);
        } else {
            if (n > f->max_event) return too_big(f);
            rc = emit(f, data, n, fn, ud);
        }
        if (rc) return rc;
        data += n + 1;
        len -= n + 1;
    }
    return 0;
}

int fm_watchframe_finish(fm_watchframe *f, fm_watchframe_fn fn, void *ud)
{
    if (f->partial.len == 0) return 0;
    int rc = emit(f, f->partial.data, f->partial.len, fn, ud);
    fm_buf_reset(&f->partial);
    return rc;
}

void fm_watchframe_reset(fm_watchframe *f)
{
    fm_buf_reset(&f->partial);
}

void fm_watchframe_free(fm_watchframe *f)
{
    if (!f) return;
    fm_buf_free(&f->partial);
}
