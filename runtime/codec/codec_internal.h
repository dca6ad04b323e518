/*
 * codec_internal.h - helpers shared by the codec's source files
 * (codec_decode.c, codec_encode.c, codec_ops.c). Not part of the public API:
 * other modules use codec.h only.
 */
#ifndef FOREMAN_CODEC_INTERNAL_H
#define FOREMAN_CODEC_INTERNAL_H

#include "codec.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Address of field f inside the struct at obj. */
#define CODEC_FIELD(obj, f) ((void *)((char *)(obj) + (f)->offset))
#define CODEC_CFIELD(obj, f) ((const void *)((const char *)(obj) + (f)->offset))

static inline char **codec_unknown_ptr(void *obj, const fm_struct_desc *d)
{
    return (char **)((char *)obj + d->unknown_offset);
}

static inline const char *codec_unknown(const void *obj, const fm_struct_desc *d)
{
    return *(char *const *)((const char *)obj + d->unknown_offset);
}

/* One member of a raw member list ("k":v,"k2":v2) or of an object's text:
 * key is the raw text between the quotes (escapes not decoded). */
typedef struct fm_codec_member {
    const char *key;
    size_t klen;
    const char *val;
    size_t vlen;
} fm_codec_member;

/*
 * Reads the member at *p (whitespace and one leading ',' skipped) and moves
 * *p past it. Returns 1 when a member was read, 0 at the end of the text,
 * -1 when the text is not a well-formed member list. Iterative, so nesting
 * depth costs no stack.
 */
int fm_codec_member_next(const char **p, const char *end, fm_codec_member *m);

/* The end of the JSON value starting at p (leading whitespace skipped), or
 * NULL when it is malformed or runs past end. */
const char *fm_codec_json_value_end(const char *p, const char *end);

/* The field named name[0..len) (raw bytes) in d, or NULL. Binary search of
 * d->by_name; a linear scan when the descriptor has no by_name index. */
const fm_field_desc *fm_codec_find_field(const fm_struct_desc *d, const char *name, size_t len);

/*
 * True when field f of obj holds a value: strings and raw JSON by a
 * non-NULL pointer, enums by a non-zero value, everything else by its
 * presence bit. A descriptor with no presence bit (-1) for a type that needs
 * one falls back to "non-zero / non-empty", so a hand-written table without
 * bits still encodes sensibly. Inline: the decoder asks for every field.
 */
static inline bool codec_field_present(const void *obj, const fm_field_desc *f)
{
    const void *p = CODEC_CFIELD(obj, f);
    switch (f->type) {
    case FM_T_STRING:
    case FM_T_JSON:
        return *(char *const *)p != NULL;
    case FM_T_ENUM:
        return *(const int32_t *)p != 0;
    default:
        break;
    }
    if (f->presence_bit >= 0) return fm_codec_has(obj, f->presence_bit);
    if (f->flags & FM_F_ELEM) return true;
    switch (f->type) {
    case FM_T_BOOL: return *(const bool *)p;
    case FM_T_INT32: return *(const int32_t *)p != 0;
    case FM_T_INT64: return *(const int64_t *)p != 0;
    case FM_T_FLOAT64: return *(const double *)p != 0;
    case FM_T_TIME: return ((const fm_time *)p)->sec || ((const fm_time *)p)->nsec;
    case FM_T_LIST: return ((const fm_list *)p)->len != 0;
    case FM_T_MAP: return ((const fm_strmap *)p)->len != 0;
    case FM_T_MAPV: return ((const fm_map *)p)->len != 0;
    case FM_T_INTORSTR: return ((const fm_int_or_string *)p)->is_str || ((const fm_int_or_string *)p)->num != 0;
    case FM_T_STRUCT: return true;
    default: return false;
    }
}

/* True when field f is an enum (or a list of enums) holding FM_ENUM_UNKNOWN,
 * so its encoding is the raw member kept in the unknown bag. */
bool fm_codec_field_is_raw_enum(const void *obj, const fm_field_desc *f);

/* Finds the member named name in the member list bag; 1 found, 0 not. */
int fm_codec_bag_find(const char *bag, const char *name, size_t len, fm_codec_member *out);

/*
 * Appends the JSON value of field f of obj (no key) to b. Returns 1 when a
 * value was written, 0 when the field encodes to nothing (absent), or a
 * negative FM_E* code.
 */
int fm_codec_encode_field_value(fm_buf *b, const void *obj, const fm_field_desc *f, const fm_struct_desc *d);

/*
 * Frees what the value of `type` at p owns and zeroes it. The value is an
 * element of the list or map whose row is f (f->sub, and f->elem for an
 * element that is itself a list or map), or a field of row f when it is
 * not a list or map (fm_codec_clear_field_value covers every field).
 */
void fm_codec_clear_value(int type, const fm_field_desc *f, void *p);

/* Frees and zeroes the value of field f at p (its presence bit stays). */
void fm_codec_clear_field_value(const fm_field_desc *f, void *p);

/* Shortest text that strtod reads back as v (at most 32 bytes with NUL),
 * spelled as Go's encoding/json writes a float64 (the API server's own
 * spelling): plain digits for 1e-6 <= |v| < 1e21, else d.ddde+XX with no
 * leading exponent zero. NaN and infinities, which JSON cannot carry, are
 * written as "null". */
size_t fm_codec_format_double(char out[32], double v);

/* strtod in the C locale whatever the process locale is. */
double fm_codec_strtod(const char *s, char **end);

/* Inputs of at least min_len bytes whose root holds a big list of structs
 * are decoded element by element (see codec_decode.c); the default is
 * 256 KiB. Tests and the fuzzer lower it to 0 to exercise that path on
 * small inputs. Not thread-safe: set it before decoding starts. */
void fm_codec_set_split_threshold(size_t min_len);

/* ------------------------------------------------------------ strings */

/* The value of 4 hex digits at s, or -1 when one is not a hex digit. */
long fm_json_hex4(const char *s);

/*
 * Decodes the escapes of the JSON string body s[0..n) (no quotes) into w,
 * which has room for n bytes (no escape is shorter than what it decodes
 * to), and stores the decoded length in *outlen. Surrogate pairs are joined;
 * a lone surrogate becomes U+FFFD; \u0000 is kept as a NUL byte when
 * keep_nul, else it becomes U+FFFD so C strings stay whole. Raw bytes are
 * copied as they are (validating them is the caller's business). Returns 0,
 * or -1 on a malformed escape (unknown letter, short \u, trailing '\').
 */
int fm_json_unescape(char *w, size_t *outlen, const char *s, size_t n, bool keep_nul);

#endif
