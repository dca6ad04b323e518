/*
 * base.h - the value types and helpers every layer of the runtime uses:
 * points in time, the generic list and string-map layouts the generated
 * structs share, the growable buffer, and small string helpers.
 *
 * This header sits at the bottom of the include graph (runtime/core): it
 * includes nothing of the project's, and the codec, the Kubernetes client,
 * the controllers and Foreman's own code all build on it.
 */
#ifndef FOREMAN_BASE_H
#define FOREMAN_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A point in time: seconds since the Unix epoch (UTC) and nanoseconds. */
typedef struct fm_time {
    int64_t sec;
    int32_t nsec;
} fm_time;

/* Generic view of every generated list type: items is an array of len
 * elements of the element's C type (char * for strings). */
typedef struct fm_list {
    void *items;
    size_t len;
} fm_list;

typedef struct fm_strpair {
    char *key;
    char *value;
} fm_strpair;

typedef struct fm_strmap {
    fm_strpair *items;
    size_t len;
} fm_strmap;

/* ------------------------------------------------------------------ buffer */

/* A growable byte buffer; always NUL-terminated when data != NULL. */
typedef struct fm_buf {
    char *data;
    size_t len;
    size_t cap;
} fm_buf;

#define FM_BUF_INIT {NULL, 0, 0}

int fm_buf_grow(fm_buf *b, size_t extra);
int fm_buf_put(fm_buf *b, const void *data, size_t len);
int fm_buf_puts(fm_buf *b, const char *s);
int fm_buf_printf(fm_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s as a JSON string literal (quotes and escapes). */
int fm_buf_put_json_string(fm_buf *b, const char *s, size_t len);
void fm_buf_reset(fm_buf *b);   /* len = 0, keeps memory */
void fm_buf_free(fm_buf *b);    /* releases memory; accepts an empty buf */
/* Hands the data to the caller (caller frees) and empties the buffer. */
char *fm_buf_detach(fm_buf *b);

/* RFC 3339 helpers. Parse accepts "Z" and "+hh:mm" offsets and fractional
 * seconds; format writes "YYYY-MM-DDThh:mm:ssZ" (fraction only when nsec).
 * out must hold 40 bytes. Times are kept to the microsecond (Kubernetes'
 * finest): parse drops further digits, format writes six fraction digits
 * when nsec >= 1000, and now() returns whole microseconds, never 0 past
 * the second (so a MicroTime field always gets its fraction). */
int fm_codec_time_parse(fm_time *out, const char *s, size_t len);
void fm_codec_time_format(char out[40], fm_time t);
fm_time fm_codec_time_now(void);

/* Small string helpers every module needs. */
char *fm_strdup(const char *s);           /* NULL-safe; NULL on NULL */
char *fm_strndup(const char *s, size_t n);
/* Replaces *dst with a copy of s (NULL allowed); returns 0 or FM_ENOMEM. */
int fm_strset(char **dst, const char *s);

/* String-map helpers (maps keep insertion order). */
const char *fm_strmap_get(const fm_strmap *m, const char *key);
int fm_strmap_set(fm_strmap *m, const char *key, const char *value);
void fm_strmap_clear(fm_strmap *m);

/* Appends a copy of s to a string list (the char ** list layout). */
int fm_strlist_push(fm_list *l, const char *s);

/*
 * Splits a comma-separated list: entries are trimmed of white space and
 * empty entries dropped. A NULL input or one with no entries leaves out
 * absent (items NULL, len 0), never an empty allocated list. out must be
 * empty (zeroed); items are malloc'd char * the caller frees with
 * fm_strlist_free. Returns 0 or FM_ENOMEM (out left absent).
 */
int fm_strlist_split(fm_list *out, const char *s);

/* Frees a list of char * made by fm_strlist_split (or any fm_list of
 * malloc'd strings) and leaves it absent. Accepts NULL. */
void fm_strlist_free(fm_list *l);

/* ------------------------------------------------------------------ text */

/* Length (1..4) of the valid UTF-8 sequence at s, of which at most n bytes
 * may be read, or 0 when it is invalid (RFC 3629: overlong forms,
 * surrogates, code points above U+10FFFF and sequences cut short by n are
 * invalid). n == 0 returns 0. */
size_t fm_utf8_len(const unsigned char *s, size_t n);

/* A random 64-bit number from getrandom(), never blocking (rand() when the
 * kernel has no entropy yet). For jitter and identities, not for keys. */
uint64_t fm_rand64(void);

#ifdef __cplusplus
}
#endif
#endif
