/*
 * text.c - small shared primitives: UTF-8 sequence length and a random
 * 64-bit number (see base.h). Each existed two or three times before; one
 * copy is one place to test.
 */
#include <stdlib.h>
#include <sys/random.h>

#include "base.h"

/* Strict RFC 3629: overlong forms, surrogates (U+D800..U+DFFF) and values
 * above U+10FFFF are refused; a sequence cut short by n is invalid. The
 * lead-byte ranges below already rule out C0, C1 and F5..FF. */
size_t fm_utf8_len(const unsigned char *s, size_t n)
{
    if (n == 0) return 0;
    unsigned char b0 = s[0];
    if (b0 < 0x80) return 1;
    if (b0 >= 0xC2 && b0 <= 0xDF) return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        if (b0 == 0xE0 && s[1] < 0xA0) return 0; /* overlong */
        if (b0 == 0xED && s[1] >= 0xA0) return 0; /* surrogate */
        return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
        if (b0 == 0xF0 && s[1] < 0x90) return 0; /* overlong */
        if (b0 == 0xF4 && s[1] >= 0x90) return 0; /* above U+10FFFF */
        return 4;
    }
    return 0;
}

/* getrandom() without blocking; before the kernel's pool is ready (early
 * boot) it falls back to rand(), which is fine for jitter and identities
 * that only need to differ between processes most of the time. */
uint64_t fm_rand64(void)
{
    uint64_t r = 0;
    if (getrandom(&r, sizeof(r), GRND_NONBLOCK) != (ssize_t)sizeof(r))
        r = ((uint64_t)rand() << 32) ^ (uint64_t)rand();
    return r;
}
