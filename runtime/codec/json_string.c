/*
 * json_string.c - the one JSON string unescaper, shared by the decoder
 * (over bodies it has validated) and the kube_json scanner (over bodies it
 * has not). See codec_internal.h.
 */
#include "codec_internal.h"

#include <string.h>

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

long fm_json_hex4(const char *s)
{
    int a = hexval(s[0]), b = hexval(s[1]), d = hexval(s[2]), e = hexval(s[3]);
    if ((a | b | d | e) < 0) return -1;
    return (a << 12) | (b << 8) | (d << 4) | e;
}

static void put_utf8(char **w, unsigned long u)
{
    unsigned char *p = (unsigned char *)*w;
    if (u < 0x80) {
        *p++ = (unsigned char)u;
    } else if (u < 0x800) {
        *p++ = (unsigned char)(0xC0 | (u >> 6));
        *p++ = (unsigned char)(0x80 | (u & 0x3F));
    } else if (u < 0x10000) {
        *p++ = (unsigned char)(0xE0 | (u >> 12));
        *p++ = (unsigned char)(0x80 | ((u >> 6) & 0x3F));
        *p++ = (unsigned char)(0x80 | (u & 0x3F));
    } else {
        *p++ = (unsigned char)(0xF0 | (u >> 18));
        *p++ = (unsigned char)(0x80 | ((u >> 12) & 0x3F));
        *p++ = (unsigned char)(0x80 | ((u >> 6) & 0x3F));
        *p++ = (unsigned char)(0x80 | (u & 0x3F));
    }
    *w = (char *)p;
}

/* Plain runs are copied with memchr/memcpy: most strings have few or no
 * escapes. No escape is shorter than its UTF-8 form, so w needs n bytes. */
int fm_json_unescape(char *w, size_t *outlen, const char *s, size_t n, bool keep_nul)
{
    char *w0 = w;
    size_t i = 0;
    while (i < n) {
        const char *bs = memchr(s + i, '\\', n - i);
        size_t run = bs ? (size_t)(bs - (s + i)) : n - i;
        memcpy(w, s + i, run);
        w += run;
        i += run;
        if (i >= n) break;
        if (i + 1 >= n) return -1;
        switch (s[i + 1]) {
        case '"': case '\\': case '/': *w++ = s[i + 1]; i += 2; break;
        case 'b': *w++ = '\b'; i += 2; break;
        case 'f': *w++ = '\f'; i += 2; break;
        case 'n': *w++ = '\n'; i += 2; break;
        case 'r': *w++ = '\r'; i += 2; break;
        case 't': *w++ = '\t'; i += 2; break;
        case 'u': {
            long u;
            if (i + 6 > n || (u = fm_json_hex4(s + i + 2)) < 0) return -1;
            i += 6;
            if (u >= 0xD800 && u <= 0xDBFF) {
                long lo;
                if (i + 6 <= n && s[i] == '\\' && s[i + 1] == 'u' && (lo = fm_json_hex4(s + i + 2)) >= 0xDC00 &&
                    lo <= 0xDFFF) {
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                } else {
                    u = 0xFFFD; /* a high surrogate alone */
                }
            } else if (u >= 0xDC00 && u <= 0xDFFF) {
                u = 0xFFFD; /* a low surrogate alone */
            }
            if (u == 0 && !keep_nul) u = 0xFFFD;
            put_utf8(&w, (unsigned long)u);
            break;
        }
        default:
            return -1;
        }
    }
    *outlen = (size_t)(w - w0);
    return 0;
}
