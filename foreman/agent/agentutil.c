/*
 * agentutil.c - name sanitizing, comma lists and integer narrowing of the
 * agent (see agentutil.h).
 */
#include "agentutil.h"

#include "error.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The writer of a sanitized name: keeps at most AGENTUTIL_NAME_MAX
 * characters, drops the '-' that would lead the name, and collapses each run
 * of characters outside the set into one '-'. */
typedef struct name_writer {
    char *out;
    size_t len;
    bool in_run;  /* the previous character was outside [a-z0-9-] */
} name_writer;

static void put_char(name_writer *w, char c)
{
    if (w->len == 0 && c == '-') return;  /* leading '-' are trimmed */
    if (w->len < AGENTUTIL_NAME_MAX) w->out[w->len++] = c;
}

/* One character inside [a-z0-9-]: ends any run. */
static void put_in_set(name_writer *w, char c)
{
    w->in_run = false;
    put_char(w, c);
}

/* One character outside the set: the first of a run becomes '-'. */
static void put_outside(name_writer *w)
{
    if (!w->in_run) put_char(w, '-');
    w->in_run = true;
}

/*
 * Sanitizes in into out (see agentutil.h). Streams the input once: output
 * is bounded by AGENTUTIL_NAME_MAX, and keeping the first 63 characters of
 * the left-trimmed text and then trimming the right gives the same result as
 * trimming both ends first and cutting afterwards.
 */
void fm_agentutil_sanitize_name(char out[AGENTUTIL_NAME_MAX + 1], bool *changed_out, const char *in)
{
    name_writer w = {out, 0, false};
    const unsigned char *p = (const unsigned char *)(in ? in : "");

    while (*p) {
        unsigned char c = *p;
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') c = (unsigned char)(c - 'A' + 'a');
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
                put_in_set(&w, (char)c);
            else
                put_outside(&w);
            p++;
            continue;
        }
        /* An invalid byte counts as one character outside the set; runs of
         * those collapse into one '-' anyway. strnlen keeps the look-ahead
         * from stepping over the NUL. */
        size_t n = fm_utf8_len(p, strnlen((const char *)p, 4));
        if (n == 0) n = 1;
        if (n == 3 && p[0] == 0xe2 && p[1] == 0x84 && p[2] == 0xaa) {
            put_in_set(&w, 'k');        /* U+212A KELVIN SIGN lowers to 'k' */
        } else if (n == 2 && p[0] == 0xc4 && p[1] == 0xb0) {
            put_in_set(&w, 'i');        /* U+0130 lowers to "i" U+0307 */
            put_outside(&w);
        } else {
            put_outside(&w);
        }
        p += n;
    }
    while (w.len > 0 && out[w.len - 1] == '-') w.len--;
    out[w.len] = 0;
    if (w.len == 0) memcpy(out, AGENTUTIL_NAME_FALLBACK, sizeof(AGENTUTIL_NAME_FALLBACK));
    if (changed_out) *changed_out = strcmp(out, in ? in : "") != 0;
}

int fm_agentutil_default_node_name(char out[AGENTUTIL_NAME_MAX + 1], char host_out[256],
                                bool *changed_out)
{
    char host[256];
    if (gethostname(host, sizeof(host)) != 0) {
        fm_agentutil_sanitize_name(out, changed_out, "");
        if (host_out) host_out[0] = 0;
        return fm_error_set(FM_EIO, "gethostname: cannot read the host name");
    }
    host[sizeof(host) - 1] = 0;  /* POSIX leaves truncation unterminated */
    if (host_out) memcpy(host_out, host, sizeof(host));
    fm_agentutil_sanitize_name(out, changed_out, host);
    return 0;
}

int32_t fm_agentutil_narrow_int32(int64_t v)
{
    if (v < 0) return 0;
    if (v > INT32_MAX) return INT32_MAX;
    return (int32_t)v;
}

int32_t fm_agentutil_bytes_to_gib(uint64_t bytes)
{
    uint64_t gib = bytes >> 30;
    return gib > (uint64_t)INT32_MAX ? INT32_MAX : (int32_t)gib;
}
