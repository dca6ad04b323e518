/*
 * test_codec.c - the generic codec engine against a small hand-written
 * descriptor set that uses every field type: strings, bool, int32, int64,
 * float64, enum, time, nested struct, raw JSON, lists of strings / ints /
 * enums / structs, string map, presence bits and the unknown bag.
 * (test_codec_kinds.c covers the generated Kubernetes kinds.)
 */
#include "codec.h"
#include "codec_internal.h"
#include "error.h"
#include "test.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- descriptors */

typedef struct t_meta {
    uint32_t _present[1];
    char *name;
    char *resource_version;
    fm_strmap labels; /* bit 0 */
    char *_unknown;
} t_meta;

typedef struct t_inner {
    uint32_t _present[1];
    char *name;
    int32_t count; /* bit 0 */
    char *_unknown;
} t_inner;

typedef struct t_obj {
    uint32_t _present[1];
    t_meta metadata;  /* bit 0 */
    char *str;
    bool flag;        /* bit 1 */
    int32_t i32;      /* bit 2 */
    int64_t i64;      /* bit 3 */
    double f64;       /* bit 4 */
    int32_t color;    /* enum */
    fm_time when;     /* bit 5 */
    t_inner inner;    /* bit 6 */
    char *raw;        /* json */
    fm_list tags;     /* bit 7, strings */
    fm_list items;    /* bit 8, t_inner */
    fm_list nums;     /* bit 9, int64 */
    fm_list colors;   /* bit 10, enum */
    fm_strmap labels; /* bit 11 */
    char *_unknown;
} t_obj;

enum { RED = 1, GREEN = 2, BLUE = 3 };
static const char *const color_values[] = {"red", "green", "blue"};
static const fm_enum_desc color_desc = {"t_color", 3, color_values};

#define FLD(st, jn, ty, et, member, bit, esz, sub, enm)                                      \
    {jn, (uint32_t)(sizeof(jn) - 1), ty, et, 0, (uint32_t)offsetof(st, member), bit, esz, sub, enm, \
     NULL, NULL, NULL}

static uint16_t meta_by_name[3], inner_by_name[2], obj_by_name[15];

static const fm_field_desc meta_fields[] = {
    FLD(t_meta, "name", FM_T_STRING, 0, name, -1, 0, NULL, NULL),
    FLD(t_meta, "resourceVersion", FM_T_STRING, 0, resource_version, -1, 0, NULL, NULL),
    FLD(t_meta, "labels", FM_T_MAP, 0, labels, 0, 0, NULL, NULL),
};
static const fm_struct_desc meta_desc = {"t_meta", sizeof(t_meta), offsetof(t_meta, _unknown), 3, meta_fields,
                                         meta_by_name};

static const fm_field_desc inner_fields[] = {
    FLD(t_inner, "name", FM_T_STRING, 0, name, -1, 0, NULL, NULL),
    FLD(t_inner, "count", FM_T_INT32, 0, count, 0, 0, NULL, NULL),
};
static const fm_struct_desc inner_desc = {"t_inner", sizeof(t_inner), offsetof(t_inner, _unknown), 2,
                                          inner_fields, inner_by_name};

static const fm_field_desc obj_fields[] = {
    FLD(t_obj, "metadata", FM_T_STRUCT, 0, metadata, 0, 0, &meta_desc, NULL),
    FLD(t_obj, "str", FM_T_STRING, 0, str, -1, 0, NULL, NULL),
    FLD(t_obj, "flag", FM_T_BOOL, 0, flag, 1, 0, NULL, NULL),
    FLD(t_obj, "i32", FM_T_INT32, 0, i32, 2, 0, NULL, NULL),
    FLD(t_obj, "i64", FM_T_INT64, 0, i64, 3, 0, NULL, NULL),
    FLD(t_obj, "f64", FM_T_FLOAT64, 0, f64, 4, 0, NULL, NULL),
    FLD(t_obj, "color", FM_T_ENUM, 0, color, -1, 0, NULL, &color_desc),
    FLD(t_obj, "when", FM_T_TIME, 0, when, 5, 0, NULL, NULL),
    FLD(t_obj, "inner", FM_T_STRUCT, 0, inner, 6, 0, &inner_desc, NULL),
    FLD(t_obj, "raw", FM_T_JSON, 0, raw, -1, 0, NULL, NULL),
    FLD(t_obj, "tags", FM_T_LIST, FM_T_STRING, tags, 7, sizeof(char *), NULL, NULL),
    FLD(t_obj, "items", FM_T_LIST, FM_T_STRUCT, items, 8, sizeof(t_inner), &inner_desc, NULL),
    FLD(t_obj, "nums", FM_T_LIST, FM_T_INT64, nums, 9, sizeof(int64_t), NULL, NULL),
    FLD(t_obj, "colors", FM_T_LIST, FM_T_ENUM, colors, 10, sizeof(int32_t), NULL, &color_desc),
    FLD(t_obj, "labels", FM_T_MAP, 0, labels, 11, 0, NULL, NULL),
};
typedef struct t_lease {
    uint32_t _present[1];
    fm_time renew; /* bit 0, MicroTime */
    char *_unknown;
} t_lease;
static const fm_field_desc lease_fields[] = {
    {"renew", 5, FM_T_TIME, 0, FM_F_MICROTIME, offsetof(t_lease, renew), 0, 0, NULL, NULL, NULL, NULL, NULL},
};
static const fm_struct_desc lease_desc = {"t_lease", sizeof(t_lease), offsetof(t_lease, _unknown), 1,
                                          lease_fields, NULL};

static const fm_struct_desc obj_desc = {"t_obj", sizeof(t_obj), offsetof(t_obj, _unknown), 15, obj_fields,
                                        obj_by_name};

/* by_name indexes are data the generator writes; here they are computed
 * once, in the documented order (memcmp, shorter first on a common prefix). */
static const fm_field_desc *sort_fields;
static int cmp_by_name(const void *a, const void *b)
{
    const fm_field_desc *x = &sort_fields[*(const uint16_t *)a], *y = &sort_fields[*(const uint16_t *)b];
    size_t n = x->json_name_len < y->json_name_len ? x->json_name_len : y->json_name_len;
    int c = memcmp(x->json_name, y->json_name, n);
    if (c) return c;
    return (int)x->json_name_len - (int)y->json_name_len;
}
static void build_index(const fm_struct_desc *d, uint16_t *idx)
{
    for (uint16_t i = 0; i < d->n_fields; i++) idx[i] = i;
    sort_fields = d->fields;
    qsort(idx, d->n_fields, sizeof(uint16_t), cmp_by_name);
}

/* ------------------------------------------------------------- helpers */

static int dec(t_obj *o, const char *json)
{
    memset(o, 0, sizeof(*o));
    return fm_codec_decode(o, &obj_desc, json, strlen(json));
}

/* Decodes json, encodes it and returns the encoding (malloc'd), or NULL
 * and prints the error. */
static char *roundtrip(const char *json)
{
    t_obj o;
    fm_buf b = FM_BUF_INIT;
    if (dec(&o, json)) {
        fprintf(stderr, "decode failed: %s\n", fm_error_last()->message);
        fm_codec_clear(&o, &obj_desc);
        return NULL;
    }
    if (fm_codec_encode(&b, &o, &obj_desc)) {
        fm_codec_clear(&o, &obj_desc);
        return NULL;
    }
    fm_codec_clear(&o, &obj_desc);
    return fm_buf_detach(&b);
}

#define CHECK_RT(in, want)                  \
    do {                                    \
        char *got_ = roundtrip(in);         \
        CHECK_STR(got_, want);              \
        free(got_);                         \
    } while (0)

/* Expects decoding to fail with code and a message containing msg. */
#define CHECK_DEC_ERR(json, code, msg)                                  \
    do {                                                                \
        t_obj o_;                                                       \
        int rc_ = dec(&o_, json);                                       \
        CHECK_INT(rc_, code);                                           \
        if (msg) CHECK_CONTAINS(fm_error_last()->message, (const char *)(msg)); \
        fm_codec_clear(&o_, &obj_desc);                                    \
    } while (0)

/* ------------------------------------------------------------- tests */

TEST(all_types_roundtrip)
{
    const char *in =
        "{ \"metadata\": {\"name\":\"n1\",\"resourceVersion\":\"42\",\"labels\":{\"a\":\"1\",\"b\":\"2\"}},\n"
        "  \"str\": \"hello\", \"flag\": true, \"i32\": -7, \"i64\": 9007199254740993,\n"
        "  \"f64\": 0.1, \"color\": \"green\", \"when\": \"2024-02-29T12:34:56Z\",\n"
        "  \"inner\": {\"name\": \"in\", \"count\": 3},\n"
        "  \"raw\": { \"x\" : [1, 2.5, \"s p\", null, true] , \"y\": {} },\n"
        "  \"tags\": [\"a\", \"b\"], \"items\": [{\"name\":\"i0\"}, {\"count\":0}],\n"
        "  \"nums\": [1, -2, 9223372036854775807], \"colors\": [\"red\",\"blue\"],\n"
        "  \"labels\": {\"z\":\"last\",\"a\":\"first\"} }";
    t_obj o;
    CHECK_FATAL(dec(&o, in) == 0);
    CHECK_STR(o.metadata.name, "n1");
    CHECK_STR(o.metadata.resource_version, "42");
    CHECK_INT(o.metadata.labels.len, 2);
    CHECK_STR(o.str, "hello");
    CHECK(o.flag && fm_codec_has(&o, 1));
    CHECK_INT(o.i32, -7);
    CHECK(o.i64 == 9007199254740993LL);
    CHECK(o.f64 == 0.1);
    CHECK_INT(o.color, GREEN);
    CHECK_INT(o.when.sec, 1709210096);
    CHECK_INT(o.inner.count, 3);
    CHECK_STR(o.raw, "{\"x\":[1,2.5,\"s p\",null,true],\"y\":{}}");
    CHECK_INT(o.tags.len, 2);
    CHECK_STR(((char **)o.tags.items)[1], "b");
    CHECK_INT(o.items.len, 2);
    CHECK(fm_codec_has(&((t_inner *)o.items.items)[1], 0));
    CHECK(!fm_codec_has(&((t_inner *)o.items.items)[0], 0));
    CHECK_INT(o.nums.len, 3);
    CHECK(((int64_t *)o.nums.items)[2] == INT64_MAX);
    CHECK_INT(((int32_t *)o.colors.items)[1], BLUE);
    CHECK_STR(fm_strmap_get(&o.labels, "a"), "first");
    CHECK(o._unknown == NULL);
    fm_codec_clear(&o, &obj_desc);

    CHECK_RT(in, "{\"metadata\":{\"name\":\"n1\",\"resourceVersion\":\"42\",\"labels\":{\"a\":\"1\",\"b\":\"2\"}},"
                 "\"str\":\"hello\",\"flag\":true,\"i32\":-7,\"i64\":9007199254740993,\"f64\":0.1,"
                 "\"color\":\"green\",\"when\":\"2024-02-29T12:34:56Z\",\"inner\":{\"name\":\"in\",\"count\":3},"
                 "\"raw\":{\"x\":[1,2.5,\"s p\",null,true],\"y\":{}},\"tags\":[\"a\",\"b\"],"
                 "\"items\":[{\"name\":\"i0\"},{\"count\":0}],\"nums\":[1,-2,9223372036854775807],"
                 "\"colors\":[\"red\",\"blue\"],\"labels\":{\"z\":\"last\",\"a\":\"first\"}}");
}

TEST(presence_zero_values_survive)
{
    /* set-but-zero values come back; never-set ones are omitted */
    CHECK_RT("{\"str\":\"\",\"flag\":false,\"i32\":0,\"i64\":0,\"f64\":0,\"inner\":{},\"tags\":[],"
             "\"items\":[],\"labels\":{},\"metadata\":{\"labels\":{}}}",
             "{\"metadata\":{\"labels\":{}},\"str\":\"\",\"flag\":false,\"i32\":0,\"i64\":0,\"f64\":0,"
             "\"inner\":{},\"tags\":[],\"items\":[],\"labels\":{}}");
    CHECK_RT("{}", "{}");
    CHECK_RT("  {  }  \n", "{}");

    t_obj o;
    fm_buf b = FM_BUF_INIT;
    memset(&o, 0, sizeof(o));
    o.i32 = 5; /* value without its presence bit: not sent */
    CHECK(fm_codec_encode(&b, &o, &obj_desc) == 0);
    CHECK_STR(b.data, "{}");
    fm_codec_set_present(&o, 2, true);
    fm_buf_reset(&b);
    CHECK(fm_codec_encode(&b, &o, &obj_desc) == 0);
    CHECK_STR(b.data, "{\"i32\":5}");
    fm_buf_free(&b);
}

TEST(null_means_absent)
{
    CHECK_RT("{\"str\":null,\"flag\":null,\"i32\":null,\"color\":null,\"when\":null,\"inner\":null,"
             "\"raw\":null,\"tags\":null,\"labels\":{\"a\":null,\"b\":\"x\"}}",
             "{\"labels\":{\"b\":\"x\"}}");
    /* null after a value clears it (last key wins) */
    CHECK_RT("{\"str\":\"a\",\"str\":null,\"i32\":1,\"i32\":null,\"tags\":[\"x\"],\"tags\":null}", "{}");
    CHECK_DEC_ERR("{\"tags\":[\"a\",null]}", FM_EPARSE, ".tags[1]: null is not allowed");
}

TEST(duplicate_keys_last_wins)
{
    CHECK_RT("{\"str\":\"a\",\"str\":\"b\"}", "{\"str\":\"b\"}");
    CHECK_RT("{\"inner\":{\"name\":\"x\"},\"inner\":{\"count\":1}}", "{\"inner\":{\"count\":1}}");
    CHECK_RT("{\"tags\":[\"a\",\"b\"],\"tags\":[\"c\"]}", "{\"tags\":[\"c\"]}");
    CHECK_RT("{\"zz\":1,\"yy\":true,\"zz\":2}", "{\"yy\":true,\"zz\":2}");
    CHECK_RT("{\"labels\":{\"a\":\"1\",\"b\":\"2\",\"a\":\"3\"}}", "{\"labels\":{\"b\":\"2\",\"a\":\"3\"}}");
    /* an unknown enum value followed by a known one: the known one wins */
    CHECK_RT("{\"color\":\"purple\",\"color\":\"red\"}", "{\"color\":\"red\"}");
    CHECK_RT("{\"color\":\"red\",\"color\":\"purple\"}", "{\"color\":\"purple\"}");

    /* many duplicates (hash path of the duplicate check) */
    fm_buf in = FM_BUF_INIT;
    fm_buf_puts(&in, "{\"labels\":{");
    for (int i = 0; i < 200; i++) fm_buf_printf(&in, "%s\"k%d\":\"v%d\"", i ? "," : "", i % 50, i);
    fm_buf_puts(&in, "},");
    for (int i = 0; i < 100; i++) fm_buf_printf(&in, "%s\"u%d\":%d", i ? "," : "", i % 20, i);
    fm_buf_puts(&in, "}");
    t_obj o;
    CHECK_FATAL(dec(&o, in.data) == 0);
    CHECK_INT(o.labels.len, 50);
    CHECK_STR(fm_strmap_get(&o.labels, "k0"), "v150");
    CHECK_STR(fm_strmap_get(&o.labels, "k49"), "v199");
    CHECK_CONTAINS(o._unknown, "\"u0\":80");
    CHECK(strstr(o._unknown, "\"u0\":0,") == NULL);
    fm_codec_clear(&o, &obj_desc);
    fm_buf_free(&in);
}

TEST(unknown_members_preserved)
{
    CHECK_RT("{\"str\":\"x\",\"extra\":{\"a\":[1, 2, {\"b\" : null}], \"c\":\"\\u00e9\\n\"},"
             "\"inner\":{\"name\":\"n\",\"more\":true,\"deep\":{\"k\":[[]]}},\"n\":-1.5e+3}",
             "{\"str\":\"x\",\"inner\":{\"name\":\"n\",\"more\":true,\"deep\":{\"k\":[[]]}},"
             "\"extra\":{\"a\":[1,2,{\"b\":null}],\"c\":\"\\u00e9\\n\"},\"n\":-1.5e+3}");
    /* inside list elements and metadata too */
    CHECK_RT("{\"items\":[{\"x\":1},{\"name\":\"a\",\"y\":[true]}],\"metadata\":{\"uid\":\"u-1\"}}",
             "{\"metadata\":{\"uid\":\"u-1\"},\"items\":[{\"x\":1},{\"name\":\"a\",\"y\":[true]}]}");
}

TEST(unknown_enum_value_kept)
{
    t_obj o;
    fm_buf b = FM_BUF_INIT;
    CHECK_FATAL(dec(&o, "{\"color\":\"purple\",\"str\":\"s\"}") == 0);
    CHECK_INT(o.color, FM_ENUM_UNKNOWN);
    CHECK(fm_codec_encode(&b, &o, &obj_desc) == 0);
    CHECK_STR(b.data, "{\"str\":\"s\",\"color\":\"purple\"}");
    /* a program that sets a known value overrides the kept raw one */
    o.color = BLUE;
    fm_buf_reset(&b);
    CHECK(fm_codec_encode(&b, &o, &obj_desc) == 0);
    CHECK_STR(b.data, "{\"str\":\"s\",\"color\":\"blue\"}");
    o.color = 0;
    fm_buf_reset(&b);
    CHECK(fm_codec_encode(&b, &o, &obj_desc) == 0);
    CHECK_STR(b.data, "{\"str\":\"s\"}");
    fm_codec_clear(&o, &obj_desc);
    fm_buf_free(&b);

    /* a list of enums with one unknown value is re-emitted as received */
    CHECK_RT("{\"colors\":[\"red\", \"ultraviolet\"]}", "{\"colors\":[\"red\",\"ultraviolet\"]}");
    /* enum spelled with escapes still matches */
    CHECK_RT("{\"color\":\"r\\u0065d\"}", "{\"color\":\"red\"}");
    CHECK_DEC_ERR("{\"color\":3}", FM_EPARSE, ".color: expected string, got number");
}

TEST(string_escapes_and_unicode)
{
    t_obj o;
    CHECK_FATAL(dec(&o, "{\"str\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20ac\\ud83d\\ude00\\u0001\\u0000x\"}") == 0);
    const char want[] = "\"\\/\b\f\n\r\tA\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x01";
    CHECK(memcmp(o.str, want, sizeof(want) - 1) == 0);
    /* \u0000 decodes to a NUL, which truncates the C string there */
    CHECK_INT(strlen(o.str), sizeof(want) - 1);
    fm_codec_clear(&o, &obj_desc);

    CHECK_RT("{\"str\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u001f\\u007f\"}",
             "{\"str\":\"\\\"\\\\/\\b\\f\\n\\r\\t\\u001f\x7f\"}");
    /* raw UTF-8 passes through unchanged, both ways */
    CHECK_RT("{\"str\":\"gr\xc3\xbc\xc3\x9f \xe2\x82\xac \xf0\x9f\x98\x80\"}",
             "{\"str\":\"gr\xc3\xbc\xc3\x9f \xe2\x82\xac \xf0\x9f\x98\x80\"}");
    /* escaped keys are matched after unescaping */
    CHECK_RT("{\"\\u0073tr\":\"k\"}", "{\"str\":\"k\"}");
    /* map keys and values are unescaped and re-escaped */
    CHECK_RT("{\"labels\":{\"a\\\"b\":\"c\\nd\"}}", "{\"labels\":{\"a\\\"b\":\"c\\nd\"}}");

    CHECK_DEC_ERR("{\"str\":\"\\ud83d\"}", FM_EPARSE, "high surrogate");
    CHECK_DEC_ERR("{\"str\":\"\\ud83dx\"}", FM_EPARSE, "high surrogate");
    CHECK_DEC_ERR("{\"str\":\"\\ud83d\\u0041\"}", FM_EPARSE, "high surrogate");
    CHECK_DEC_ERR("{\"str\":\"\\ude00\"}", FM_EPARSE, "lone low surrogate");
    CHECK_DEC_ERR("{\"str\":\"\\x41\"}", FM_EPARSE, "invalid JSON");
    CHECK_DEC_ERR("{\"str\":\"\\u12g4\"}", FM_EPARSE, "invalid JSON");
    CHECK_DEC_ERR("{\"str\":\"a\tb\"}", FM_EPARSE, "control character");
    CHECK_DEC_ERR("{\"str\":\"a\nb\"}", FM_EPARSE, "control character");
    CHECK_DEC_ERR("{\"str\":\"\xff\"}", FM_EPARSE, "UTF-8");
    CHECK_DEC_ERR("{\"str\":\"\xc0\xaf\"}", FM_EPARSE, "UTF-8");       /* overlong */
    CHECK_DEC_ERR("{\"str\":\"\xed\xa0\x80\"}", FM_EPARSE, "UTF-8");   /* raw surrogate */
    CHECK_DEC_ERR("{\"str\":\"\xe2\x82\"}", FM_EPARSE, "UTF-8");       /* cut sequence */
    /* unknown members are validated too, not just copied */
    CHECK_DEC_ERR("{\"zz\":[\"\\q\"]}", FM_EPARSE, "invalid");
    CHECK_DEC_ERR("{\"zz\":\"\x01\"}", FM_EPARSE, "control character");
}

/* Decodes json from an exact-size heap copy, so ASan sees any read past
 * the input's end (the string scanner reads 16 bytes at a time). */
static int dec_exact(t_obj *o, const char *json)
{
    size_t n = strlen(json);
    char *copy = malloc(n);
    memcpy(copy, json, n);
    memset(o, 0, sizeof(*o));
    int rc = fm_codec_decode(o, &obj_desc, copy, n);
    free(copy);
    return rc;
}

TEST(string_scanner_boundaries)
{
    /* a special byte at every offset around the 8- and 16-byte strides,
     * with the string ending right at the end of the input */
    for (int k = 0; k < 40; k++) {
        char json[256], want[64];
        t_obj o;
        memset(want, 'a', (size_t)k);
        want[k] = 0;
        snprintf(json, sizeof(json), "{\"str\":\"%s\\n%s\"}", want, want);
        CHECK(dec_exact(&o, json) == 0);
        CHECK(o.str && strlen(o.str) == 2u * (size_t)k + 1 && o.str[k] == '\n');
        fm_codec_clear(&o, &obj_desc);
        snprintf(json, sizeof(json), "{\"str\":\"%s\x01\"}", want);
        CHECK_INT(dec_exact(&o, json), FM_EPARSE);
        fm_codec_clear(&o, &obj_desc);
        snprintf(json, sizeof(json), "{\"str\":\"%s\xc3\xa9%s\"}", want, want);
        CHECK(dec_exact(&o, json) == 0);
        CHECK(o.str && strlen(o.str) == 2u * (size_t)k + 2);
        fm_codec_clear(&o, &obj_desc);
        snprintf(json, sizeof(json), "{\"str\":\"%s\xc3\"}", want);
        CHECK_INT(dec_exact(&o, json), FM_EPARSE);
        fm_codec_clear(&o, &obj_desc);
        snprintf(json, sizeof(json), "{\"%s\":\"%s\"}", want, want); /* unknown key, plain */
        CHECK(dec_exact(&o, json) == 0);
        fm_codec_clear(&o, &obj_desc);
    }
}

TEST(numbers)
{
    t_obj o;
    CHECK_RT("{\"i32\":2147483647,\"i64\":-9223372036854775808}", "{\"i32\":2147483647,\"i64\":-9223372036854775808}");
    CHECK_RT("{\"i32\":-2147483648}", "{\"i32\":-2147483648}");
    CHECK_DEC_ERR("{\"i32\":3000000000}", FM_EPARSE, ".i32: integer 3000000000 out of range");
    CHECK_DEC_ERR("{\"i32\":-2147483649}", FM_EPARSE, "out of range");
    CHECK_DEC_ERR("{\"i64\":9223372036854775808}", FM_EPARSE, "out of range");
    CHECK_DEC_ERR("{\"i64\":-9223372036854775809}", FM_EPARSE, "out of range");
    CHECK_DEC_ERR("{\"i64\":99999999999999999999999}", FM_EPARSE, "out of range");
    CHECK_DEC_ERR("{\"i32\":1.5}", FM_EPARSE, ".i32: expected integer, got 1.5");
    CHECK_DEC_ERR("{\"i32\":\"1\"}", FM_EPARSE, ".i32: expected integer, got string");
    CHECK_DEC_ERR("{\"i32\":true}", FM_EPARSE, ".i32: expected integer, got boolean");
    CHECK_DEC_ERR("{\"i32\":1e10}", FM_EPARSE, "out of range");
    CHECK_DEC_ERR("{\"nums\":[1,2,1e300]}", FM_EPARSE, ".nums[2]:");
    /* integral spellings with a fraction or exponent are accepted */
    CHECK_RT("{\"i32\":1e3,\"i64\":-2.0,\"nums\":[1.0E2]}", "{\"i32\":1000,\"i64\":-2,\"nums\":[100]}");

    CHECK_FATAL(dec(&o, "{\"f64\":1e308}") == 0);
    CHECK(o.f64 == 1e308);
    fm_codec_clear(&o, &obj_desc);
    CHECK_DEC_ERR("{\"f64\":1e999}", FM_EPARSE, ".f64: number 1e999 out of range");
    CHECK_DEC_ERR("{\"f64\":\"1\"}", FM_EPARSE, ".f64: expected number, got string");
    CHECK_RT("{\"f64\":0.1}", "{\"f64\":0.1}");
    CHECK_RT("{\"f64\":3}", "{\"f64\":3}");
    CHECK_RT("{\"f64\":-0.0}", "{\"f64\":-0}");
    CHECK_RT("{\"f64\":1.5e-7}", "{\"f64\":1.5e-7}"); /* Go: no exponent padding */
    CHECK_RT("{\"f64\":1.5e-07}", "{\"f64\":1.5e-7}");
    CHECK_RT("{\"f64\":0.000001}", "{\"f64\":0.000001}");
    CHECK_RT("{\"f64\":1e21}", "{\"f64\":1e+21}");
    CHECK_RT("{\"f64\":1e20}", "{\"f64\":100000000000000000000}");
    CHECK_RT("{\"f64\":-1.25e300}", "{\"f64\":-1.25e+300}");
    CHECK_RT("{\"f64\":5e-324}", "{\"f64\":5e-324}");
    CHECK_RT("{\"f64\":123.456}", "{\"f64\":123.456}");
    CHECK_RT("{\"f64\":123456789012345678}", "{\"f64\":123456789012345680}"); /* as Go writes it */
    CHECK_RT("{\"f64\":2.2250738585072014e-308}", "{\"f64\":2.2250738585072014e-308}");
    CHECK_RT("{\"f64\":0.30000000000000004}", "{\"f64\":0.30000000000000004}");

    /* every double survives encode -> decode exactly */
    double vals[] = {1.0 / 3, 2.0 / 3, 1e-300, 6.02214076e23, 0.1 + 0.2, 123.456, -9.87654321e-5, 4503599627370497.0};
    for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
        t_obj a, b2;
        fm_buf b = FM_BUF_INIT;
        memset(&a, 0, sizeof(a));
        a.f64 = vals[i];
        fm_codec_set_present(&a, 4, true);
        CHECK(fm_codec_encode(&b, &a, &obj_desc) == 0);
        CHECK(dec(&b2, b.data) == 0);
        CHECK(b2.f64 == vals[i]);
        fm_codec_clear(&b2, &obj_desc);
        fm_buf_free(&b);
    }
}

TEST(invalid_json_rejected)
{
    static const char *const bad[] = {
        "", "   ", "{", "}", "[]", "\"s\"", "1", "null", "{} x", "{}{}", "{} []", "{\"str\":1,}",
        "{,}", "{\"a\"}", "{\"a\":}", "{:1}", "{\"a\" \"b\"}", "{\"a\":1 \"b\":2}", "{\"tags\":[\"a\" \"b\"]}",
        "{\"tags\":[,\"a\"]}", "{\"tags\":[\"a\",]}", "{\"zz\":[1 2]}", "{\"zz\":[\"a\":1]}", "{\"zz\":[1:2]}",
        "{\"zz\":tru}", "{\"zz\":nul}", "{\"zz\":True}", "{\"zz\":truex}", "{\"zz\":01}", "{\"zz\":1.}",
        "{\"zz\":-}", "{\"zz\":.5}", "{\"zz\":+1}", "{\"zz\":1e}", "{\"zz\":1e+}", "{\"zz\":0x10}",
        "{\"zz\":NaN}", "{\"zz\":'a'}", "{\"zz\":1}}", "{\"zz\":{\"a\":1]}", "{\"zz\":\"a\"\"b\"}",
        "{\"a\"::1}", "{\"a\":1,,\"b\":2}", "{1:2}", "{\"zz\":[1,2]]}", "{\"zz\":true\"x\"}", "\xef\xbb\xbf{}",
        "{\"zz\":\"a\":\"b\"}", "{\"zz\":{}:1}",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        t_obj o;
        int rc = dec(&o, bad[i]);
        if (rc != FM_EPARSE) fprintf(stderr, "  accepted or wrong code %d for: %s\n", rc, bad[i]);
        CHECK_INT(rc, FM_EPARSE);
        fm_codec_clear(&o, &obj_desc);
    }
    /* what is not an error */
    CHECK_RT("\t{\"zz\" :\r\n[ ] }\n", "{\"zz\":[]}");
    CHECK_RT("{\"zz\":-0.0e-0}", "{\"zz\":-0.0e-0}");
    CHECK_DEC_ERR("[1]", FM_EPARSE, ".: expected object, got array");
    CHECK_DEC_ERR("{\"str\":\"abc", FM_EPARSE, "truncated JSON at byte");
    CHECK_DEC_ERR("{\"tags\":[\"a\",", FM_EPARSE, "truncated JSON at byte 13");
    CHECK_DEC_ERR("{\"str\":1", FM_EPARSE, "truncated JSON");
    /* a NUL byte inside the given length is not the end of input */
    t_obj o;
    memset(&o, 0, sizeof(o));
    CHECK_INT(fm_codec_decode(&o, &obj_desc, "{}\0{}", 5), FM_EPARSE);
    CHECK_INT(fm_codec_decode(&o, &obj_desc, "{\"str\":\"a\0b\"}", 13), FM_EPARSE);
    CHECK_CONTAINS(fm_error_last()->message, "NUL");
    CHECK_INT(fm_codec_decode(&o, &obj_desc, NULL, 0), FM_EINVAL);
    fm_codec_clear(&o, &obj_desc);
}

TEST(wrong_types_name_the_path)
{
    CHECK_DEC_ERR("{\"str\":5}", FM_EPARSE, ".str: expected string, got number");
    CHECK_DEC_ERR("{\"flag\":\"true\"}", FM_EPARSE, ".flag: expected boolean, got string");
    CHECK_DEC_ERR("{\"inner\":{\"count\":\"3\"}}", FM_EPARSE, ".inner.count: expected integer, got string");
    CHECK_DEC_ERR("{\"inner\":[]}", FM_EPARSE, ".inner: expected object, got array");
    CHECK_DEC_ERR("{\"items\":[{},{},{\"count\":{}}]}", FM_EPARSE, ".items[2].count: expected integer, got object");
    CHECK_DEC_ERR("{\"items\":[{\"x\":[1,[2]]},5]}", FM_EPARSE, ".items[1]: expected object, got number");
    CHECK_DEC_ERR("{\"tags\":\"a\"}", FM_EPARSE, ".tags: expected array, got string");
    CHECK_DEC_ERR("{\"tags\":[\"a\",1]}", FM_EPARSE, ".tags[1]: expected string, got number");
    CHECK_DEC_ERR("{\"labels\":{\"a\":1}}", FM_EPARSE, ".labels.a: expected string, got number");
    CHECK_DEC_ERR("{\"labels\":[]}", FM_EPARSE, ".labels: expected object, got array");
    CHECK_DEC_ERR("{\"metadata\":{\"labels\":{\"k\":false}}}", FM_EPARSE, ".metadata.labels.k: expected string");
    CHECK_DEC_ERR("{\"when\":\"yesterday\"}", FM_EPARSE, ".when: invalid RFC 3339 date-time \"yesterday\"");
    CHECK_DEC_ERR("{\"when\":12}", FM_EPARSE, ".when: expected date-time string, got number");
    CHECK_DEC_ERR("{\"i32\":null,\"i32\":[]}", FM_EPARSE, ".i32: expected integer, got array");
    /* the message stays one line */
    CHECK(strchr(fm_error_last()->message, '\n') == NULL);
}

/* {"x": <depth-1 nested arrays>} */
static char *nested(int depth, char open, char close)
{
    size_t n = (size_t)depth * 2 + 16;
    char *s = malloc(n), *p = s;
    p += sprintf(p, "{\"x\":");
    for (int i = 0; i < depth - 1; i++) *p++ = open;
    for (int i = 0; i < depth - 1; i++) *p++ = close;
    *p++ = '}';
    *p = 0;
    return s;
}

TEST(depth_limit)
{
    t_obj o;
    char *s = nested(10000, '[', ']');
    CHECK_INT(dec(&o, s), FM_ELIMIT);
    CHECK_CONTAINS(fm_error_last()->message, "nesting deeper than 512");
    fm_codec_clear(&o, &obj_desc);
    free(s);
    s = nested(10000, '{', '}'); /* not valid JSON ({{ has no keys) but must not crash */
    CHECK(dec(&o, s) < 0);
    fm_codec_clear(&o, &obj_desc);
    free(s);
    /* objects 10,000 deep: {"x":{"x":...}} */
    fm_buf b = FM_BUF_INIT;
    for (int i = 0; i < 10000; i++) fm_buf_puts(&b, "{\"x\":");
    fm_buf_puts(&b, "1");
    for (int i = 0; i < 10000; i++) fm_buf_puts(&b, "}");
    CHECK_INT(dec(&o, b.data), FM_ELIMIT);
    fm_codec_clear(&o, &obj_desc);
    fm_buf_free(&b);
    /* exactly at the limit: accepted and kept */
    s = nested(CODEC_MAX_DEPTH, '[', ']');
    CHECK_INT(dec(&o, s), 0);
    CHECK(o._unknown && strlen(o._unknown) == (size_t)(CODEC_MAX_DEPTH - 1) * 2 + 4);
    fm_codec_clear(&o, &obj_desc);
    free(s);
    s = nested(CODEC_MAX_DEPTH + 1, '[', ']');
    CHECK_INT(dec(&o, s), FM_ELIMIT);
    fm_codec_clear(&o, &obj_desc);
    free(s);
    /* deep truncated input */
    s = nested(10000, '[', ']');
    s[10010] = 0;
    CHECK(dec(&o, s) < 0);
    fm_codec_clear(&o, &obj_desc);
    free(s);
}

TEST(copy_is_deep_and_equal)
{
    const char *in = "{\"metadata\":{\"name\":\"m\",\"labels\":{\"a\":\"b\"},\"uid\":\"1\"},\"str\":\"s\","
                     "\"i32\":0,\"color\":\"mauve\",\"inner\":{\"name\":\"n\",\"x\":1},\"raw\":[1],"
                     "\"tags\":[\"t\"],\"items\":[{\"name\":\"i\",\"u\":2}],\"nums\":[5],\"colors\":[\"red\"],"
                     "\"labels\":{\"k\":\"v\"},\"unk\":{\"a\":1}}";
    t_obj a, c;
    fm_buf ea = FM_BUF_INIT, ec = FM_BUF_INIT;
    CHECK_FATAL(dec(&a, in) == 0);
    CHECK(fm_codec_copy(&c, &a, &obj_desc) == 0);
    CHECK(fm_codec_equal(&a, &c, &obj_desc));
    CHECK(fm_codec_encode(&ea, &a, &obj_desc) == 0);
    CHECK(fm_codec_encode(&ec, &c, &obj_desc) == 0);
    CHECK_STR(ea.data, ec.data);
    /* no pointer is shared */
    CHECK(a.str != c.str && a.metadata.name != c.metadata.name && a.inner.name != c.inner.name);
    CHECK(a.tags.items != c.tags.items && ((char **)a.tags.items)[0] != ((char **)c.tags.items)[0]);
    CHECK(((t_inner *)a.items.items)[0].name != ((t_inner *)c.items.items)[0].name);
    CHECK(a.labels.items != c.labels.items && a._unknown != c._unknown && a.raw != c.raw);
    /* changing the copy leaves the original alone */
    ((char **)c.tags.items)[0][0] = 'X';
    ((t_inner *)c.items.items)[0].name[0] = 'Y';
    fm_strmap_set(&c.metadata.labels, "a", "changed");
    CHECK(!fm_codec_equal(&a, &c, &obj_desc));
    fm_codec_clear(&c, &obj_desc);
    fm_buf_reset(&ea);
    CHECK(fm_codec_encode(&ea, &a, &obj_desc) == 0);
    CHECK_STR(ea.data, ec.data);
    fm_codec_clear(&a, &obj_desc);
    fm_buf_free(&ea);
    fm_buf_free(&ec);
}

TEST(equality)
{
    t_obj a, b;
    CHECK_FATAL(dec(&a, "{\"tags\":[]}") == 0);
    CHECK_FATAL(dec(&b, "{}") == 0);
    CHECK(!fm_codec_equal(&a, &b, &obj_desc)); /* [] vs absent */
    fm_codec_clear(&a, &obj_desc);
    fm_codec_clear(&b, &obj_desc);

    CHECK_FATAL(dec(&a, "{\"str\":\"\"}") == 0);
    CHECK_FATAL(dec(&b, "{}") == 0);
    CHECK(!fm_codec_equal(&a, &b, &obj_desc));
    fm_codec_clear(&a, &obj_desc);
    fm_codec_clear(&b, &obj_desc);

    CHECK_FATAL(dec(&a, "{\"i32\":0}") == 0);
    CHECK_FATAL(dec(&b, "{}") == 0);
    CHECK(!fm_codec_equal(&a, &b, &obj_desc));
    fm_codec_clear(&a, &obj_desc);
    fm_codec_clear(&b, &obj_desc);

    CHECK_FATAL(dec(&a, "{\"z\":1}") == 0);
    CHECK_FATAL(dec(&b, "{\"z\":2}") == 0);
    CHECK(!fm_codec_equal(&a, &b, &obj_desc)); /* unknown members count */
    fm_codec_clear(&b, &obj_desc);
    CHECK_FATAL(dec(&b, "{ \"z\" : 1 }") == 0);
    CHECK(fm_codec_equal(&a, &b, &obj_desc));
    fm_codec_clear(&a, &obj_desc);
    fm_codec_clear(&b, &obj_desc);

    CHECK_FATAL(dec(&a, "{\"color\":\"mauve\"}") == 0);
    CHECK_FATAL(dec(&b, "{\"color\":\"teal\"}") == 0);
    CHECK(!fm_codec_equal(&a, &b, &obj_desc)); /* two different unknown enum values */
    fm_codec_clear(&a, &obj_desc);
    fm_codec_clear(&b, &obj_desc);

    CHECK_FATAL(dec(&a, "{\"f64\":0}") == 0);
    CHECK_FATAL(dec(&b, "{\"f64\":-0}") == 0);
    CHECK(!fm_codec_equal(&a, &b, &obj_desc)); /* they encode differently */
    fm_codec_clear(&a, &obj_desc);
    fm_codec_clear(&b, &obj_desc);

    CHECK_FATAL(dec(&a, "{\"labels\":{\"a\":\"1\",\"b\":\"2\"},\"items\":[{\"count\":1}]}") == 0);
    CHECK_FATAL(dec(&b, "{\"labels\":{\"a\":\"1\",\"b\":\"2\"},\"items\":[{\"count\":1}]}") == 0);
    CHECK(fm_codec_equal(&a, &b, &obj_desc));
    ((t_inner *)b.items.items)[0].count = 2;
    CHECK(!fm_codec_equal(&a, &b, &obj_desc));
    fm_codec_clear(&a, &obj_desc);
    fm_codec_clear(&b, &obj_desc);
    CHECK(fm_codec_equal(&a, &a, &obj_desc));
}

/* The merge patch from old to new (both JSON texts) with optional rv. */
static char *patch(const char *old_json, const char *new_json, const char *rv)
{
    t_obj a, b;
    fm_buf out = FM_BUF_INIT;
    char *r = NULL;
    if (dec(&a, old_json) || dec(&b, new_json)) {
        fprintf(stderr, "patch input: %s\n", fm_error_last()->message);
    } else if (fm_codec_merge_patch(&out, &a, &b, &obj_desc, rv) == 0) {
        r = fm_buf_detach(&out);
    }
    fm_codec_clear(&a, &obj_desc);
    fm_codec_clear(&b, &obj_desc);
    fm_buf_free(&out);
    return r;
}

#define CHECK_PATCH(o, n, rv, want)         \
    do {                                    \
        char *got_ = patch(o, n, rv);       \
        CHECK_STR(got_, want);              \
        free(got_);                         \
    } while (0)

TEST(merge_patch)
{
    const char *base = "{\"metadata\":{\"name\":\"m\",\"resourceVersion\":\"5\",\"labels\":{\"a\":\"1\",\"b\":\"2\"}},"
                       "\"str\":\"s\",\"i32\":1,\"inner\":{\"name\":\"n\",\"count\":1},\"tags\":[\"x\",\"y\"],"
                       "\"labels\":{\"k\":\"v\"},\"raw\":{\"a\":1,\"b\":{\"c\":2,\"d\":3}},\"u1\":1,\"u2\":{\"p\":1,\"q\":2}}";
    CHECK_PATCH(base, base, NULL, "{}");
    /* add, change, remove */
    CHECK_PATCH("{}", "{\"str\":\"new\",\"flag\":false}", NULL, "{\"str\":\"new\",\"flag\":false}");
    CHECK_PATCH("{\"str\":\"a\",\"i32\":0}", "{\"str\":\"b\",\"i32\":0}", NULL, "{\"str\":\"b\"}");
    CHECK_PATCH("{\"str\":\"a\",\"i32\":0,\"inner\":{\"count\":1}}", "{}", NULL,
                "{\"str\":null,\"i32\":null,\"inner\":null}");
    /* nested structs patched member-wise; unchanged nested structs left out */
    CHECK_PATCH("{\"inner\":{\"name\":\"n\",\"count\":1},\"str\":\"s\"}",
                "{\"inner\":{\"name\":\"n\",\"count\":2},\"str\":\"t\"}", NULL, "{\"str\":\"t\",\"inner\":{\"count\":2}}");
    CHECK_PATCH("{\"inner\":{\"name\":\"n\"}}", "{\"inner\":{}}", NULL, "{\"inner\":{\"name\":null}}");
    CHECK_PATCH("{}", "{\"inner\":{}}", NULL, "{\"inner\":{}}");
    /* lists replaced whole */
    CHECK_PATCH("{\"tags\":[\"x\",\"y\"]}", "{\"tags\":[\"x\"]}", NULL, "{\"tags\":[\"x\"]}");
    CHECK_PATCH("{\"tags\":[\"x\"]}", "{\"tags\":[]}", NULL, "{\"tags\":[]}");
    CHECK_PATCH("{\"items\":[{\"name\":\"a\",\"count\":1}]}", "{\"items\":[{\"name\":\"a\",\"count\":2}]}", NULL,
                "{\"items\":[{\"name\":\"a\",\"count\":2}]}");
    /* maps merged key by key */
    CHECK_PATCH("{\"labels\":{\"a\":\"1\",\"b\":\"2\"}}", "{\"labels\":{\"b\":\"3\",\"c\":\"4\"}}", NULL,
                "{\"labels\":{\"a\":null,\"b\":\"3\",\"c\":\"4\"}}");
    CHECK_PATCH("{\"labels\":{\"a\":\"1\"}}", "{}", NULL, "{\"labels\":null}");
    CHECK_PATCH("{\"labels\":{\"a\":\"1\",\"b\":\"2\"}}", "{\"labels\":{\"b\":\"2\",\"a\":\"1\"}}", NULL, "{}");
    /* raw JSON objects are diffed member-wise (a merge patch merges objects) */
    CHECK_PATCH("{\"raw\":{\"a\":1,\"b\":{\"c\":2,\"d\":3}}}", "{\"raw\":{\"b\":{\"c\":2},\"e\":[1]}}", NULL,
                "{\"raw\":{\"a\":null,\"b\":{\"d\":null},\"e\":[1]}}");
    CHECK_PATCH("{\"raw\":[1,2]}", "{\"raw\":[1]}", NULL, "{\"raw\":[1]}");
    CHECK_PATCH("{\"raw\":{\"a\":1}}", "{\"raw\":\"s\"}", NULL, "{\"raw\":\"s\"}");
    /* unknown members compared by key */
    CHECK_PATCH("{\"u1\":1,\"u2\":{\"p\":1,\"q\":2},\"u3\":true}", "{\"u2\":{\"p\":1,\"q\":3},\"u1\":1,\"u4\":null}",
                NULL, "{\"u3\":null,\"u2\":{\"q\":3}}");
    CHECK_PATCH("{\"inner\":{\"zz\":1}}", "{\"inner\":{\"zz\":2}}", NULL, "{\"inner\":{\"zz\":2}}");
    /* unknown enum values */
    CHECK_PATCH("{\"color\":\"mauve\"}", "{\"color\":\"teal\"}", NULL, "{\"color\":\"teal\"}");
    CHECK_PATCH("{\"color\":\"mauve\"}", "{\"color\":\"mauve\"}", NULL, "{}");
    CHECK_PATCH("{\"color\":\"mauve\"}", "{}", NULL, "{\"color\":null}");
    /* the resourceVersion precondition */
    CHECK_PATCH(base, base, "77", "{\"metadata\":{\"resourceVersion\":\"77\"}}");
    CHECK_PATCH("{\"metadata\":{\"labels\":{\"a\":\"1\"}},\"str\":\"x\"}",
                "{\"metadata\":{\"labels\":{\"a\":\"2\"}},\"str\":\"y\"}", "9",
                "{\"metadata\":{\"labels\":{\"a\":\"2\"},\"resourceVersion\":\"9\"},\"str\":\"y\"}");
    CHECK_PATCH("{\"metadata\":{\"resourceVersion\":\"1\"}}", "{\"metadata\":{\"resourceVersion\":\"2\"}}", "3",
                "{\"metadata\":{\"resourceVersion\":\"3\"}}");
    CHECK_PATCH("{}", "{}", "1", "{\"metadata\":{\"resourceVersion\":\"1\"}}");
    CHECK_PATCH("{}", "{}", "a\"b", "{\"metadata\":{\"resourceVersion\":\"a\\\"b\"}}");

    /* applying the patch by hand: removing i32 from base */
    CHECK_PATCH(base, "{\"metadata\":{\"name\":\"m\",\"resourceVersion\":\"5\",\"labels\":{\"a\":\"1\",\"b\":\"2\"}},"
                      "\"str\":\"s\",\"inner\":{\"name\":\"n\",\"count\":1},\"tags\":[\"x\",\"y\"],"
                      "\"labels\":{\"k\":\"v\"},\"raw\":{\"a\":1,\"b\":{\"c\":2,\"d\":3}},\"u1\":1,\"u2\":{\"p\":1,\"q\":2}}",
                NULL, "{\"i32\":null}");
}

TEST(time_parse_format)
{
    fm_time t;
    char out[40];
    CHECK(fm_codec_time_parse(&t, "1970-01-01T00:00:00Z", 20) == 0);
    CHECK_INT(t.sec, 0);
    CHECK(fm_codec_time_parse(&t, "2024-01-15T10:20:30.123456Z", 27) == 0);
    CHECK_INT(t.sec, 1705314030);
    CHECK_INT(t.nsec, 123456000);
    fm_codec_time_format(out, t);
    CHECK_STR(out, "2024-01-15T10:20:30.123456Z");
    CHECK(fm_codec_time_parse(&t, "2024-01-15T12:20:30+02:00", 25) == 0);
    CHECK_INT(t.sec, 1705314030);
    CHECK(fm_codec_time_parse(&t, "2024-01-15T05:20:30.5-05:00", 27) == 0);
    CHECK_INT(t.sec, 1705314030);
    CHECK_INT(t.nsec, 500000000);
    fm_codec_time_format(out, t);
    CHECK_STR(out, "2024-01-15T10:20:30.500000Z");
    CHECK(fm_codec_time_parse(&t, "2024-01-15t10:20:30.123456789123z", 33) == 0);
    CHECK_INT(t.nsec, 123456000); /* kept to the microsecond */
    fm_codec_time_format(out, t);
    CHECK_STR(out, "2024-01-15T10:20:30.123456Z");
    t.nsec = 999; /* below a microsecond: no fraction */
    fm_codec_time_format(out, t);
    CHECK_STR(out, "2024-01-15T10:20:30Z");
    t.nsec = 1000999;
    fm_codec_time_format(out, t);
    CHECK_STR(out, "2024-01-15T10:20:30.001000Z");
    CHECK(fm_codec_time_parse(&t, "1969-12-31T23:59:59Z", 20) == 0);
    CHECK_INT(t.sec, -1);
    fm_codec_time_format(out, t);
    CHECK_STR(out, "1969-12-31T23:59:59Z");
    CHECK(fm_codec_time_parse(&t, "2000-02-29T00:00:00Z", 20) == 0);
    fm_codec_time_format(out, t);
    CHECK_STR(out, "2000-02-29T00:00:00Z");
    CHECK(fm_codec_time_parse(&t, "9999-12-31T23:59:59Z", 20) == 0);
    fm_codec_time_format(out, t);
    CHECK_STR(out, "9999-12-31T23:59:59Z");

    static const char *const bad[] = {
        "", "2024-01-15", "2024-01-15T10:20:30", "2024-01-15 10:20:30Z", "2024-13-01T00:00:00Z",
        "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-01-15T24:00:00Z",
        "2024-01-15T10:60:00Z", "2024-01-15T10:20:60Z", "2024-01-15T10:20:30.Z", "2024-01-15T10:20:30+0200",
        "2024-01-15T10:20:30Zjunk", "2024-1-15T10:20:30Z", "2024-01-15T10:20:30+24:00", "abcd-01-15T10:20:30Z", "0000-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-00:01",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        int rc = fm_codec_time_parse(&t, bad[i], strlen(bad[i]));
        if (rc != FM_EPARSE) fprintf(stderr, "  accepted: %s\n", bad[i]);
        CHECK_INT(rc, FM_EPARSE);
    }
    /* round trip of many instants, normalised nsec */
    for (int64_t s = -5000000000LL; s < 250000000000LL; s += 987654321LL) {
        fm_time a = {s, (int32_t)(s % 1000) * 1000}, b;
        if (a.nsec < 0) a.nsec = -a.nsec;
        fm_codec_time_format(out, a);
        CHECK(fm_codec_time_parse(&b, out, strlen(out)) == 0);
        CHECK(b.sec == a.sec && b.nsec == a.nsec);
    }
    /* MicroTime fields always carry exactly six fraction digits */
    static const char *const micro[][2] = {
        {"{\"renew\":\"2024-01-15T10:20:30Z\"}", "{\"renew\":\"2024-01-15T10:20:30.000000Z\"}"},
        {"{\"renew\":\"2024-01-15T10:20:30.5Z\"}", "{\"renew\":\"2024-01-15T10:20:30.500000Z\"}"},
        {"{\"renew\":\"2024-01-15T10:20:30.123456789Z\"}", "{\"renew\":\"2024-01-15T10:20:30.123456Z\"}"},
    };
    for (size_t i = 0; i < 3; i++) {
        t_lease l;
        fm_buf b = FM_BUF_INIT;
        memset(&l, 0, sizeof(l));
        CHECK(fm_codec_decode(&l, &lease_desc, micro[i][0], strlen(micro[i][0])) == 0);
        CHECK(fm_codec_encode(&b, &l, &lease_desc) == 0);
        CHECK_STR(b.data, micro[i][1]);
        fm_codec_clear(&l, &lease_desc);
        fm_buf_free(&b);
    }

    fm_time now = fm_codec_time_now();
    CHECK(now.sec > 1700000000 && now.nsec >= 1000 && now.nsec < 1000000000 && now.nsec % 1000 == 0);
    fm_codec_time_format(out, now);
    CHECK(strlen(out) == 27 && out[19] == '.');
}

TEST(buffer_and_string_helpers)
{
    fm_buf b = FM_BUF_INIT;
    char *s;
    CHECK(fm_buf_put(&b, "ab", 2) == 0);
    CHECK(fm_buf_printf(&b, "-%d-%s", 42, "x") == 0);
    CHECK_STR(b.data, "ab-42-x");
    for (int i = 0; i < 1000; i++) fm_buf_printf(&b, "%0100d", i);
    CHECK_INT(b.len, 7 + 100000);
    fm_buf_reset(&b);
    CHECK_INT(b.len, 0);
    CHECK(fm_buf_put_json_string(&b, "a\"\\\x01\x1f\xc3\xa9", 7) == 0);
    CHECK_STR(b.data, "\"a\\\"\\\\\\u0001\\u001f\xc3\xa9\"");
    s = fm_buf_detach(&b);
    CHECK(b.data == NULL && b.len == 0);
    free(s);
    s = fm_buf_detach(&b);
    CHECK_STR(s, "");
    free(s);
    fm_buf_free(&b);
    fm_buf_free(NULL);

    CHECK(fm_strdup(NULL) == NULL);
    s = fm_strndup("abcdef", 3);
    CHECK_STR(s, "abc");
    CHECK(fm_strset(&s, "zz") == 0);
    CHECK_STR(s, "zz");
    CHECK(fm_strset(&s, NULL) == 0);
    CHECK(s == NULL);

    fm_strmap m = {0};
    CHECK(fm_strmap_set(&m, "a", "1") == 0);
    CHECK(fm_strmap_set(&m, "b", "2") == 0);
    CHECK(fm_strmap_set(&m, "a", "3") == 0);
    CHECK_INT(m.len, 2);
    CHECK_STR(m.items[0].key, "a");
    CHECK_STR(fm_strmap_get(&m, "a"), "3");
    CHECK(fm_strmap_set(&m, "a", NULL) == 0);
    CHECK_INT(m.len, 1);
    CHECK(fm_strmap_get(&m, "a") == NULL);
    fm_strmap_clear(&m);
    fm_strmap_clear(NULL);

    fm_list l = {0};
    CHECK(fm_strlist_push(&l, "x") == 0);
    CHECK(fm_strlist_push(&l, "y") == 0);
    CHECK_INT(l.len, 2);
    CHECK_STR(((char **)l.items)[1], "y");
    free(((char **)l.items)[0]);
    free(((char **)l.items)[1]);
    free(l.items);

    CHECK_STR(fm_codec_enum_name(&color_desc, GREEN), "green");
    CHECK(fm_codec_enum_name(&color_desc, 0) == NULL);
    CHECK(fm_codec_enum_name(&color_desc, 4) == NULL);
    CHECK(fm_codec_enum_name(&color_desc, FM_ENUM_UNKNOWN) == NULL);
    CHECK_INT(fm_codec_enum_value(&color_desc, "blue", 4), BLUE);
    CHECK_INT(fm_codec_enum_value(&color_desc, "blu", 3), 0);
}

TEST(clear_accepts_partial_decode)
{
    /* an error halfway leaves a clearable object (checked under ASan/valgrind) */
    t_obj o;
    CHECK(dec(&o, "{\"str\":\"a\",\"items\":[{\"name\":\"x\"},{\"name\":7}],\"tags\":[\"t\"]}") == FM_EPARSE);
    CHECK_INT(o.items.len, 2); /* the element that failed is owned too */
    fm_codec_clear(&o, &obj_desc);
    CHECK(o.str == NULL && o.items.len == 0);
    fm_codec_clear(&o, &obj_desc);
}

static void run_all(void)
{
    RUN(all_types_roundtrip);
    RUN(presence_zero_values_survive);
    RUN(null_means_absent);
    RUN(duplicate_keys_last_wins);
    RUN(unknown_members_preserved);
    RUN(unknown_enum_value_kept);
    RUN(string_escapes_and_unicode);
    RUN(string_scanner_boundaries);
    RUN(numbers);
    RUN(invalid_json_rejected);
    RUN(wrong_types_name_the_path);
    RUN(depth_limit);
    RUN(copy_is_deep_and_equal);
    RUN(equality);
    RUN(merge_patch);
    RUN(time_parse_format);
    RUN(buffer_and_string_helpers);
    RUN(clear_accepts_partial_decode);
}

int main(void)
{
    build_index(&meta_desc, meta_by_name);
    build_index(&inner_desc, inner_by_name);
    build_index(&obj_desc, obj_by_name);
    run_all();
    /* again with every list of structs at the root decoded element by
     * element (the path big list responses take) */
    fprintf(stderr, "-- split decoding --\n");
    fm_codec_set_split_threshold(0);
    run_all();
    return test_summary();
}
