/*
 * codec.h - the descriptor tables the generator emits, and the ONE engine that
 * walks them: decode, encode, deep copy, free, equality and merge-patch diff.
 *
 * The model is protobuf-c: codegen/ turns the schema/ YAML files into C structs plus a
 * table per struct (one row per field: JSON name, C offset, type, nested
 * descriptor, presence bit, validation). This file is the only code that
 * knows how to turn those structs into JSON and back. Generated per-kind
 * functions are one-line wrappers that pass their descriptor to these.
 *
 * C representation of each field type (what the generator emits):
 *
 *   FM_T_STRING   char *            NULL = absent; "" is a set empty string
 *   FM_T_BOOL     bool              + presence bit
 *   FM_T_INT32    int32_t           + presence bit
 *   FM_T_INT64    int64_t           + presence bit
 *   FM_T_FLOAT64  double            + presence bit
 *   FM_T_ENUM     int32_t           0 = absent, 1..n = the n schema values in
 *                                   order, FM_ENUM_UNKNOWN = a value this
 *                                   build does not know (its raw JSON is kept
 *                                   in the struct's unknown bag under the
 *                                   field's name and re-emitted on encode)
 *   FM_T_TIME     fm_time           + presence bit (RFC 3339 date-time)
 *   FM_T_STRUCT   the struct itself, embedded by value, + presence bit
 *   FM_T_JSON     char *            raw JSON text of an arbitrary value
 *                                   (compact), NULL = absent
 *   FM_T_LIST     fm_list layout    {T *items; size_t len;} + presence bit,
 *                                   so an absent list and [] differ
 *   FM_T_MAP      fm_strmap         string to string, insertion order kept,
 *                                   + presence bit
 *   FM_T_MAPV     fm_map layout     {char **keys; V *values; size_t len;}:
 *                                   map<string,V> for any other V, order
 *                                   kept, + presence bit; the value type is
 *                                   the row's elem_type (elem_size, sub)
 *   FM_T_INTORSTR fm_int_or_string  x-kubernetes-int-or-string: remembers
 *                                   which of the two it was, + presence bit
 *
 * Containers nest: a list's elements or a map's values may be lists or
 * maps themselves (elem_type FM_T_LIST / FM_T_MAPV). Such a row points at
 * `elem`, a row describing one element as a field at offset 0 of the
 * element's memory (flag FM_F_ELEM, no name, no presence bit), which may
 * point further in. Enums inside nested containers are plain strings in C
 * (the CRD keeps the enum): they have no unknown bag to keep a spelling
 * this build does not know.
 *
 * Every generated struct starts with `uint32_t _present[N]` (N >= 1; bit i of
 * the bitmap is word i/32, bit i%32) and ends with `char *_unknown`: the JSON
 * members this build does not know, kept verbatim as a comma-separated
 * member list (`"a":1,"b":{"c":true}`, no braces), NULL when none. Unknown
 * members are re-emitted after the known ones, so read-modify-write never
 * drops another controller's or a newer schema's fields.
 */
#ifndef FOREMAN_CODEC_H
#define FOREMAN_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum fm_type {
    FM_T_STRING = 1,
    FM_T_BOOL,
    FM_T_INT32,
    FM_T_INT64,
    FM_T_FLOAT64,
    FM_T_ENUM,
    FM_T_TIME,
    FM_T_STRUCT,
    FM_T_JSON,
    FM_T_LIST,
    FM_T_MAP,
    FM_T_MAPV,
    FM_T_INTORSTR,
} fm_type;

#define FM_ENUM_UNKNOWN (-1)

/* Generic view of every generated map<string,V> type (V not a string):
 * keys[i] maps to the i-th element of values (elem_size bytes each). */
typedef struct fm_map {
    char **keys;
    void *values;
    size_t len;
} fm_map;

/* An x-kubernetes-int-or-string value (Kubernetes' intstr.IntOrString):
 * is_str says which of the two it holds, so "80" and 80 re-encode as
 * they came. str NULL with is_str encodes as "". */
typedef struct fm_int_or_string {
    bool is_str;
    int64_t num;
    char *str;
} fm_int_or_string;

/* Field flags. */
#define FM_F_REQUIRED 0x1u   /* the schema requires it (checked on decode only
                                when the caller asks for validation) */
#define FM_F_MICROTIME 0x2u  /* FM_T_TIME (or list of) that Kubernetes types as
                                MicroTime (Lease acquireTime/renewTime, Event
                                eventTime): always encoded with exactly six
                                fraction digits, which the API server requires */
#define FM_F_ELEM 0x4u       /* an element row (fm_field_desc.elem): always
                                present unless a NULL string or JSON */

/* Validation rules of one field; absent rules are flagged off in `has`. */
#define FM_V_MIN 0x01u
#define FM_V_MAX 0x02u
#define FM_V_MINLEN 0x04u
#define FM_V_MAXLEN 0x08u
#define FM_V_PATTERN 0x10u
#define FM_V_EXCL_MIN 0x20u  /* minimum itself is not allowed */
#define FM_V_EXCL_MAX 0x40u
#define FM_V_MINITEMS 0x80u  /* minItems (lists) or minProperties (maps) */
#define FM_V_MAXITEMS 0x100u

typedef struct fm_validation {
    uint32_t has;        /* FM_V_* bits */
    int64_t minimum;     /* integer fields */
    int64_t maximum;
    int64_t min_length;
    int64_t max_length;
    const char *pattern; /* ECMA-262 as in the CRD; informative in C */
    double fminimum;     /* number fields: bounds need not be integers */
    double fmaximum;
    int64_t min_items;   /* minItems / minProperties */
    int64_t max_items;
} fm_validation;

typedef struct fm_enum_desc {
    const char *name;          /* C type name, e.g. "fm_task_phase" */
    size_t n_values;
    const char *const *values; /* JSON spellings; C value i+1 is values[i] */
} fm_enum_desc;

struct fm_struct_desc;

typedef struct fm_field_desc {
    const char *json_name;
    uint32_t json_name_len;
    uint8_t type;            /* fm_type */
    uint8_t elem_type;       /* FM_T_LIST: element type (no nested lists) */
    uint16_t flags;          /* FM_F_* */
    uint32_t offset;         /* offsetof(struct, field) */
    int32_t presence_bit;    /* bit index in _present, -1 when the type
                                carries its own absence (string, json, enum) */
    uint32_t elem_size;      /* FM_T_LIST: sizeof(element) */
    const struct fm_struct_desc *sub; /* FM_T_STRUCT, or list of struct */
    const fm_enum_desc *enm;          /* FM_T_ENUM, or list of enum */
    const fm_validation *v;           /* NULL when none */
    /* listType map: the JSON names of the key fields of the items, for the
     * merge-patch differ and for validation; NULL-terminated, or NULL. */
    const char *const *list_map_keys;
    /* elem_type FM_T_LIST or FM_T_MAPV: the row of one element (see the
     * top of this file); NULL otherwise. */
    const struct fm_field_desc *elem;
} fm_field_desc;

typedef struct fm_struct_desc {
    const char *name;          /* C type name */
    size_t size;               /* sizeof(struct) */
    uint32_t unknown_offset;   /* offsetof(struct, _unknown) */
    size_t n_fields;
    const fm_field_desc *fields;  /* schema order (encode order) */
    /* Indexes into `fields` sorted by json_name (memcmp order, shorter
     * first on a common prefix) for binary search while decoding. */
    const uint16_t *by_name;
} fm_struct_desc;

/* One printer column (kubectl's additionalPrinterColumns). */
typedef struct fm_printer_column {
    const char *name;
    const char *type;      /* string, integer, date, ... */
    const char *json_path; /* ".status.phase", or with a filter:
                              .status.conditions[?(@.type=="Ready")].status */
    int32_t priority;
    const char *format;    /* int32, double, date-time, ...; NULL when none */
} fm_printer_column;

/* A top-level API kind. */
typedef struct fm_kind_desc {
    const char *group;       /* "foreman.llmkube.dev", "" for core */
    const char *version;     /* "v1alpha1" */
    const char *api_version; /* "foreman.llmkube.dev/v1alpha1" or "v1" */
    const char *kind;        /* "AgenticTask" */
    const char *list_kind;   /* "AgenticTaskList" */
    const char *plural;      /* "agentictasks" */
    const char *singular;
    bool namespaced;
    bool has_status;         /* has a status subresource */
    const struct fm_struct_desc *object; /* the kind's struct */
    const struct fm_struct_desc *list;   /* its List struct */
    size_t n_columns;
    const fm_printer_column *columns;
} fm_kind_desc;

/* ------------------------------------------------------------------ engine */

/* Limits that bound work on hostile input. */
#define CODEC_MAX_DEPTH 512
#define CODEC_MAX_INPUT (256u * 1024u * 1024u)

/*
 * Decodes the JSON object in buf[0..len) into obj, which must be zeroed (or
 * freshly cleared) memory of d->size bytes. Returns 0, or a negative FM_E*
 * code with a message naming the JSON path and the problem, e.g.
 * ".spec.requiredCapability.minRAMGB: expected integer, got string". On
 * failure obj holds whatever was decoded so far and must still be cleared.
 * `null` values decode as absent; duplicate keys: the last one wins.
 */
int fm_codec_decode(void *obj, const fm_struct_desc *d, const char *buf, size_t len);

/*
 * Appends the compact JSON encoding of obj to out: known fields in schema
 * order (absent ones omitted), then the unknown members. Returns 0 or FM_ENOMEM.
 */
int fm_codec_encode(fm_buf *out, const void *obj, const fm_struct_desc *d);

/* Frees everything obj owns and zeroes it (obj itself is not freed). */
void fm_codec_clear(void *obj, const fm_struct_desc *d);

/*
 * A deep copy of the object src in ONE block: the struct first, then
 * every string, list, map and unknown-member bag it owns (strings byte to
 * byte, arrays 8-byte aligned). For caches: an object of 30 separate
 * allocations costs about 16 bytes of malloc header and rounding for
 * each, and its parts end up scattered over the heap. The block comes
 * from objalloc's size-classed slabs (objalloc.h; malloc when it cannot),
 * and strings of a few fields whose values repeat (apiVersion, kind,
 * namespace, assignedNode, nodeName, type, reason, map keys) point at one
 * interned copy. The result is read-only (changing a field in place would
 * free or realloc a pointer into the block); take a fm_codec_copy() to
 * modify it. Free it with fm_codec_object_free(). NULL when out of memory.
 */
void *fm_codec_pack(const void *src, const fm_struct_desc *d);

/* The size of the block fm_codec_pack(src, d) allocates. */
size_t fm_codec_packed_size(const void *src, const fm_struct_desc *d);

/*
 * Frees a heap object of type d: one made by fm_codec_pack(), or a struct
 * from malloc/calloc filled by fm_codec_decode() or fm_codec_copy(). Parts
 * that lie inside the object's own allocation, or are objalloc's
 * (interned), are not freed one by one. NULL is accepted.
 */
void fm_codec_object_free(void *obj, const fm_struct_desc *d);

/* Deep copy of src into dst (dst is overwritten, not cleared first). */
int fm_codec_copy(void *dst, const void *src, const fm_struct_desc *d);

/* True when a and b encode to the same JSON (unknown members included). */
bool fm_codec_equal(const void *a, const void *b, const fm_struct_desc *d);

/*
 * Appends to out the minimal RFC 7386 JSON merge patch that turns old into
 * new: changed fields with their new value, removed fields as null, nested
 * structs and maps (of any value, recursively) patched member-wise, lists
 * replaced whole. When
 * resource_version is non-NULL it is added as metadata.resourceVersion (an
 * optimistic-concurrency precondition). Writes "{}" when nothing changed
 * (and no precondition was asked for). Returns 0 or FM_ENOMEM.
 */
int fm_codec_merge_patch(fm_buf *out, const void *old_obj, const void *new_obj,
                      const fm_struct_desc *d, const char *resource_version);

/*
 * Removes the member `key` (a plain JSON name, no escapes) from obj's unknown
 * bag (the members this build does not model), keeping the others in order.
 * Returns 1 when it was there and is gone, 0 when it was not there, or
 * FM_ENOMEM. Used to drop bulky server-side bookkeeping such as
 * metadata.managedFields from cached objects.
 */
int fm_codec_unknown_remove(void *obj, const fm_struct_desc *d, const char *key);

/* Presence bits, by number: for the codec and generated code. Hand-written
 * code uses the generated accessors (<type>_has_<field>, _set_<field>,
 * _set_<field>_present), which survive a schema edit that renumbers them. */
static inline bool fm_codec_has(const void *obj, int32_t bit)
{
    const uint32_t *p = (const uint32_t *)obj;
    return bit >= 0 && ((p[bit / 32] >> (bit % 32)) & 1u);
}
static inline void fm_codec_set_present(void *obj, int32_t bit, bool on)
{
    uint32_t *p = (uint32_t *)obj;
    if (bit < 0) return;
    if (on) p[bit / 32] |= (1u << (bit % 32));
    else p[bit / 32] &= ~(1u << (bit % 32));
}

/* Enum helpers: JSON spelling of value (NULL when 0/unknown/out of range),
 * and the value for a spelling (0 when not found). */
const char *fm_codec_enum_name(const fm_enum_desc *e, int32_t value);
int32_t fm_codec_enum_value(const fm_enum_desc *e, const char *s, size_t len);

#ifdef __cplusplus
}
#endif
#endif
