/*
 * codec_ops.c - the ONE deep free, deep copy, equality and merge-patch
 * differ; each walks the descriptor tables like the decoder and encoder do.
 *
 * Recursion follows the schema's struct nesting only (a fixed, small depth
 * known from the descriptors), never the shape of arbitrary JSON; raw JSON
 * values are compared and diffed with the iterative scanner in
 * codec_encode.c, with their own depth bound.
 */
#include "codec.h"
#include "codec_internal.h"
#include "error.h"
#include "objalloc.h"

#include <malloc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- clear */

/* Frees the elements of the list at p (of row f) and the list itself. */
static void clear_list(fm_list *l, const fm_field_desc *f)
{
    size_t k;
    switch (f->elem_type) {
    case FM_T_STRING:
    case FM_T_JSON:
    case FM_T_STRUCT:
    case FM_T_MAP:
    case FM_T_MAPV:
    case FM_T_LIST:
    case FM_T_INTORSTR:
        for (k = 0; k < l->len; k++) fm_codec_clear_value(f->elem_type, f, (char *)l->items + k * f->elem_size);
        break;
    default:
        break;
    }
    free(l->items);
    l->items = NULL;
    l->len = 0;
}

/* Frees the keys and values of the map<string,V> at m (of row f). */
static void clear_mapv(fm_map *m, const fm_field_desc *f)
{
    size_t k;
    for (k = 0; k < m->len; k++) {
        free(m->keys[k]);
        fm_codec_clear_value(f->elem_type, f, (char *)m->values + k * f->elem_size);
    }
    free(m->keys);
    free(m->values);
    m->keys = NULL;
    m->values = NULL;
    m->len = 0;
}

void fm_codec_clear_value(int type, const fm_field_desc *f, void *p)
{
    switch (type) {
    case FM_T_STRING:
    case FM_T_JSON:
        free(*(char **)p);
        *(char **)p = NULL;
        break;
    case FM_T_STRUCT:
        fm_codec_clear(p, f->sub);
        break;
    case FM_T_MAP:
        fm_strmap_clear(p);
        break;
    case FM_T_INTORSTR:
        free(((fm_int_or_string *)p)->str);
        memset(p, 0, sizeof(fm_int_or_string));
        break;
    case FM_T_LIST: /* an element that is a container: f->elem describes it */
        clear_list(p, f->elem);
        break;
    case FM_T_MAPV:
        clear_mapv(p, f->elem);
        break;
    default:
        break;
    }
}

void fm_codec_clear_field_value(const fm_field_desc *f, void *p)
{
    if (f->type == FM_T_LIST) clear_list(p, f);
    else if (f->type == FM_T_MAPV) clear_mapv(p, f);
    else fm_codec_clear_value(f->type, f, p);
}

void fm_codec_clear(void *obj, const fm_struct_desc *d)
{
    size_t i;
    if (!obj || !d) return;
    for (i = 0; i < d->n_fields; i++) fm_codec_clear_field_value(&d->fields[i], CODEC_FIELD(obj, &d->fields[i]));
    free(*codec_unknown_ptr(obj, d));
    memset(obj, 0, d->size);
}

/* ------------------------------------------------------------- copy */

/* Number of 32-bit presence words in front of structs described by d. */
static size_t presence_words(const fm_struct_desc *d)
{
    int32_t max = -1;
    size_t i;
    for (i = 0; i < d->n_fields; i++)
        if (d->fields[i].presence_bit > max) max = d->fields[i].presence_bit;
    return max < 0 ? 1 : (size_t)max / 32 + 1;
}

static size_t scalar_size(int type)
{
    switch (type) {
    case FM_T_BOOL: return sizeof(bool);
    case FM_T_INT32:
    case FM_T_ENUM: return sizeof(int32_t);
    case FM_T_INT64: return sizeof(int64_t);
    case FM_T_FLOAT64: return sizeof(double);
    case FM_T_TIME: return sizeof(fm_time);
    default: return 0;
    }
}

static int copy_struct(void *dst, const void *src, const fm_struct_desc *d);

static char *dup_or_fail(const char *s, int *rc)
{
    char *p;
    if (!s) return NULL;
    if (!(p = fm_strdup(s))) *rc = FM_ENOMEM;
    return p;
}

static int copy_map(fm_strmap *dst, const fm_strmap *src)
{
    size_t i;
    int rc = 0;
    if (!src->len) return 0;
    dst->items = calloc(src->len, sizeof(fm_strpair));
    if (!dst->items) return fm_error_set(FM_ENOMEM, "out of memory copying a map");
    for (i = 0; i < src->len && !rc; i++) {
        dst->items[i].key = dup_or_fail(src->items[i].key, &rc);
        dst->items[i].value = dup_or_fail(src->items[i].value, &rc);
        dst->len = i + 1;
    }
    return rc;
}

static int copy_list(fm_list *dl, const fm_list *sl, const fm_field_desc *f);
static int copy_mapv(fm_map *dm, const fm_map *sm, const fm_field_desc *f);

/* Copies one value into zeroed memory at dst (a field, or an element of
 * the list or map of row f); owned pointers are set only to copies, so a
 * failed copy can always be cleared. */
static int copy_value(int type, const fm_field_desc *f, void *dst, const void *src)
{
    int rc = 0;
    switch (type) {
    case FM_T_STRING:
    case FM_T_JSON:
        *(char **)dst = dup_or_fail(*(char *const *)src, &rc);
        return rc;
    case FM_T_STRUCT:
        return copy_struct(dst, src, f->sub);
    case FM_T_MAP:
        return copy_map(dst, src);
    case FM_T_INTORSTR: {
        const fm_int_or_string *s = src;
        fm_int_or_string *d = dst;
        d->is_str = s->is_str;
        d->num = s->num;
        d->str = dup_or_fail(s->str, &rc);
        return rc;
    }
    case FM_T_LIST:
        return copy_list(dst, src, f->elem);
    case FM_T_MAPV:
        return copy_mapv(dst, src, f->elem);
    default:
        memcpy(dst, src, scalar_size(type));
        return 0;
    }
}

/* Copies list sl of row f into the zeroed list dl. */
static int copy_list(fm_list *dl, const fm_list *sl, const fm_field_desc *f)
{
    size_t k;
    int rc = 0;
    if (!sl->len) return 0;
    dl->items = calloc(sl->len, f->elem_size);
    if (!dl->items) return fm_error_set(FM_ENOMEM, "out of memory copying a %zu-item list", sl->len);
    if (scalar_size(f->elem_type)) {
        memcpy(dl->items, sl->items, sl->len * f->elem_size);
        dl->len = sl->len;
        return 0;
    }
    for (k = 0; k < sl->len && !rc; k++) {
        dl->len = k + 1;
        rc = copy_value(f->elem_type, f, (char *)dl->items + k * f->elem_size,
                        (const char *)sl->items + k * f->elem_size);
    }
    return rc;
}

/* Copies map<string,V> sm of row f into the zeroed map dm. */
static int copy_mapv(fm_map *dm, const fm_map *sm, const fm_field_desc *f)
{
    size_t k;
    int rc = 0;
    if (!sm->len) return 0;
    dm->keys = calloc(sm->len, sizeof(char *));
    dm->values = calloc(sm->len, f->elem_size);
    if (!dm->keys || !dm->values) return fm_error_set(FM_ENOMEM, "out of memory copying a %zu-entry map", sm->len);
    for (k = 0; k < sm->len && !rc; k++) {
        dm->len = k + 1;
        dm->keys[k] = dup_or_fail(sm->keys[k], &rc);
        if (!rc)
            rc = copy_value(f->elem_type, f, (char *)dm->values + k * f->elem_size,
                            (const char *)sm->values + k * f->elem_size);
    }
    return rc;
}

static int copy_struct(void *dst, const void *src, const fm_struct_desc *d)
{
    size_t i;
    int rc = 0;
    memcpy(dst, src, presence_words(d) * sizeof(uint32_t));
    for (i = 0; i < d->n_fields && !rc; i++) {
        const fm_field_desc *f = &d->fields[i];
        void *dp = CODEC_FIELD(dst, f);
        const void *sp = CODEC_CFIELD(src, f);
        if (f->type == FM_T_LIST) rc = copy_list(dp, sp, f);
        else if (f->type == FM_T_MAPV) rc = copy_mapv(dp, sp, f);
        else rc = copy_value(f->type, f, dp, sp);
    }
    if (!rc) *codec_unknown_ptr(dst, d) = dup_or_fail(codec_unknown(src, d), &rc);
    if (rc) fm_error_set(FM_ENOMEM, "out of memory copying a %s", d->name);
    return rc;
}

int fm_codec_copy(void *dst, const void *src, const fm_struct_desc *d)
{
    int rc;
    memset(dst, 0, d->size);
    rc = copy_struct(dst, src, d);
    if (rc) fm_codec_clear(dst, d);
    return rc;
}

/* ------------------------------------------------------------- pack */

/*
 * fm_codec_pack: one block holding the struct and everything it owns. Two
 * walks over the same descriptor path: the first (base NULL) only counts
 * bytes, the second copies. Strings are packed byte to byte, arrays at
 * 8-byte alignment. The destination already holds a bitwise copy of the
 * source (the top struct is copied whole, and each array is copied whole
 * before its elements are walked), so a walk only redirects the owned
 * pointers into the block. While counting, dst is src and nothing is
 * written.
 */
typedef struct pack_arena {
    char *base; /* NULL: counting */
    size_t off;
} pack_arena;

static void *pack_alloc(pack_arena *a, size_t n, size_t align)
{
    a->off = (a->off + align - 1) & ~(align - 1);
    void *r = a->base ? a->base + a->off : NULL;
    a->off += n;
    return r;
}

static char *pack_str(pack_arena *a, const char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s) + 1;
    char *d = pack_alloc(a, n, 1);
    if (d) memcpy(d, s, n);
    return d;
}

/*
 * Fields whose values repeat across objects and come from a small set: an
 * object points at one shared copy (fm_objalloc_intern) instead of holding
 * its own. Counting interns already, so the copying walk finds the string
 * in the table (nothing leaves it) and never needs more room than was
 * counted; when the table is full both copy it.
 */
static bool interned_field(const fm_field_desc *f)
{
    static const char *const names[] = {"apiVersion", "kind", "namespace", "assignedNode", "nodeName",
                                        "type", "reason"};
    if (f->type != FM_T_STRING) return false;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(f->json_name, names[i]) == 0) return true;
    return false;
}

static char *pack_str_interned(pack_arena *a, const char *s)
{
    if (!s) return NULL;
    const char *in = fm_objalloc_intern(s);
    return in ? (char *)in : pack_str(a, s);
}

static void pack_struct(pack_arena *a, void *dst, const void *src, const fm_struct_desc *d);
static void pack_list(pack_arena *a, fm_list *dl, const fm_list *sl, const fm_field_desc *f);
static void pack_mapv(pack_arena *a, fm_map *dm, const fm_map *sm, const fm_field_desc *f);

static void pack_value(pack_arena *a, int type, const fm_field_desc *f, void *dst, const void *src)
{
    switch (type) {
    case FM_T_STRING:
    case FM_T_JSON: {
        /* f is a list's or map's row for their elements: only a field of
         * its own is interned */
        const char *sv = *(char *const *)src;
        char *v = type == f->type && interned_field(f) ? pack_str_interned(a, sv) : pack_str(a, sv);
        if (a->base) *(char **)dst = v;
        break;
    }
    case FM_T_STRUCT:
        pack_struct(a, dst, src, f->sub);
        break;
    case FM_T_MAP: {
        /* label and annotation keys repeat; values seldom */
        const fm_strmap *sm = src;
        fm_strmap *dm = dst;
        fm_strpair *items = sm->len ? pack_alloc(a, sm->len * sizeof(fm_strpair), 8) : NULL;
        for (size_t i = 0; i < sm->len; i++) {
            char *k = pack_str_interned(a, sm->items[i].key), *v = pack_str(a, sm->items[i].value);
            if (items) {
                items[i].key = k;
                items[i].value = v;
            }
        }
        if (a->base) {
            dm->items = items;
            dm->len = items ? sm->len : 0;
        }
        break;
    }
    case FM_T_INTORSTR: {
        char *v = pack_str(a, ((const fm_int_or_string *)src)->str);
        if (a->base) ((fm_int_or_string *)dst)->str = v;
        break;
    }
    case FM_T_LIST:
        pack_list(a, dst, src, f->elem);
        break;
    case FM_T_MAPV:
        pack_mapv(a, dst, src, f->elem);
        break;
    default:
        break; /* scalars came with the bitwise copy */
    }
}

static void pack_list(pack_arena *a, fm_list *dl, const fm_list *sl, const fm_field_desc *f)
{
    char *items = sl->len ? pack_alloc(a, sl->len * f->elem_size, 8) : NULL;
    if (items) memcpy(items, sl->items, sl->len * f->elem_size);
    if (a->base) {
        dl->items = items;
        dl->len = items ? sl->len : 0;
    }
    if (!sl->len || scalar_size(f->elem_type)) return;
    for (size_t k = 0; k < sl->len; k++) {
        const char *sp = (const char *)sl->items + k * f->elem_size;
        pack_value(a, f->elem_type, f, items ? items + k * f->elem_size : (void *)sp, sp);
    }
}

static void pack_mapv(pack_arena *a, fm_map *dm, const fm_map *sm, const fm_field_desc *f)
{
    char **keys = sm->len ? pack_alloc(a, sm->len * sizeof(char *), 8) : NULL;
    char *values = sm->len ? pack_alloc(a, sm->len * f->elem_size, 8) : NULL;
    if (values) memcpy(values, sm->values, sm->len * f->elem_size);
    for (size_t k = 0; k < sm->len; k++) {
        char *key = pack_str(a, sm->keys[k]);
        if (keys) keys[k] = key;
        const char *sp = (const char *)sm->values + k * f->elem_size;
        pack_value(a, f->elem_type, f, values ? values + k * f->elem_size : (void *)sp, sp);
    }
    if (a->base) {
        dm->keys = keys;
        dm->values = values;
        dm->len = keys ? sm->len : 0;
    }
}

static void pack_struct(pack_arena *a, void *dst, const void *src, const fm_struct_desc *d)
{
    for (size_t i = 0; i < d->n_fields; i++) {
        const fm_field_desc *f = &d->fields[i];
        void *dp = a->base ? CODEC_FIELD(dst, f) : (void *)CODEC_CFIELD(src, f);
        const void *sp = CODEC_CFIELD(src, f);
        if (f->type == FM_T_LIST) pack_list(a, dp, sp, f);
        else if (f->type == FM_T_MAPV) pack_mapv(a, dp, sp, f);
        else pack_value(a, f->type, f, dp, sp);
    }
    char *u = pack_str(a, codec_unknown(src, d));
    if (a->base) *codec_unknown_ptr(dst, d) = u;
}

size_t fm_codec_packed_size(const void *src, const fm_struct_desc *d)
{
    pack_arena a = {NULL, d->size};
    pack_struct(&a, (void *)src, src, d);
    return a.off;
}

void *fm_codec_pack(const void *src, const fm_struct_desc *d)
{
    size_t n = fm_codec_packed_size(src, d);
    void *block = fm_objalloc_alloc(n);
    pack_arena a = {block ? block : malloc(n), d->size};
    if (!a.base) return NULL;
    memcpy(a.base, src, d->size);
    pack_struct(&a, a.base, src, d);
    return a.base;
}

/*
 * fm_codec_object_free: fm_codec_clear's walk, freeing only what lies outside
 * [lo, hi), the object's own allocation. Everything a packed object owns
 * lies inside; nothing a decoded or copied object owns does (its parts are
 * separate allocations), so the one walk frees either kind.
 */
typedef struct free_range {
    const char *lo, *hi;
} free_range;

static void release(const free_range *r, void *p)
{
    if (p && !((const char *)p >= r->lo && (const char *)p < r->hi) && !fm_objalloc_owns(p)) free(p);
}

static void release_struct(const free_range *r, void *obj, const fm_struct_desc *d);
static void release_list(const free_range *r, fm_list *l, const fm_field_desc *f);
static void release_mapv(const free_range *r, fm_map *m, const fm_field_desc *f);

static void release_value(const free_range *r, int type, const fm_field_desc *f, void *p)
{
    switch (type) {
    case FM_T_STRING:
    case FM_T_JSON:
        release(r, *(char **)p);
        break;
    case FM_T_STRUCT:
        release_struct(r, p, f->sub);
        break;
    case FM_T_MAP: {
        fm_strmap *m = p;
        for (size_t i = 0; i < m->len; i++) {
            release(r, m->items[i].key);
            release(r, m->items[i].value);
        }
        release(r, m->items);
        break;
    }
    case FM_T_INTORSTR:
        release(r, ((fm_int_or_string *)p)->str);
        break;
    case FM_T_LIST:
        release_list(r, p, f->elem);
        break;
    case FM_T_MAPV:
        release_mapv(r, p, f->elem);
        break;
    default:
        break;
    }
}

static void release_list(const free_range *r, fm_list *l, const fm_field_desc *f)
{
    if (!scalar_size(f->elem_type))
        for (size_t k = 0; k < l->len; k++)
            release_value(r, f->elem_type, f, (char *)l->items + k * f->elem_size);
    release(r, l->items);
}

static void release_mapv(const free_range *r, fm_map *m, const fm_field_desc *f)
{
    for (size_t k = 0; k < m->len; k++) {
        release(r, m->keys[k]);
        release_value(r, f->elem_type, f, (char *)m->values + k * f->elem_size);
    }
    release(r, m->keys);
    release(r, m->values);
}

static void release_struct(const free_range *r, void *obj, const fm_struct_desc *d)
{
    for (size_t i = 0; i < d->n_fields; i++) {
        const fm_field_desc *f = &d->fields[i];
        void *p = CODEC_FIELD(obj, f);
        if (f->type == FM_T_LIST) release_list(r, p, f);
        else if (f->type == FM_T_MAPV) release_mapv(r, p, f);
        else release_value(r, f->type, f, p);
    }
    release(r, *codec_unknown_ptr(obj, d));
}

void fm_codec_object_free(void *obj, const fm_struct_desc *d)
{
    if (!obj) return;
    bool slab = fm_objalloc_owns(obj);
    if (d) {
        free_range r = {obj, (const char *)obj + (slab ? fm_objalloc_block_size(obj) : malloc_usable_size(obj))};
        release_struct(&r, obj, d);
    }
    if (slab) fm_objalloc_free(obj);
    else free(obj);
}

/* ------------------------------------------------------------- equal */

static bool eq_struct(const void *a, const void *b, const fm_struct_desc *d);

static bool str_eq(const char *a, const char *b)
{
    if (!a || !b) return a == b;
    return strcmp(a, b) == 0;
}

static bool eq_map(const fm_strmap *a, const fm_strmap *b)
{
    size_t i;
    if (a->len != b->len) return false;
    for (i = 0; i < a->len; i++)
        if (!str_eq(a->items[i].key, b->items[i].key) || !str_eq(a->items[i].value, b->items[i].value))
            return false;
    return true;
}

static bool eq_list(const fm_list *a, const fm_list *b, const fm_field_desc *f);
static bool eq_mapv(const fm_map *a, const fm_map *b, const fm_field_desc *f);

/* Equality of two values of `type` (fields, or elements of the list or
 * map of row f). */
static bool eq_value(int type, const fm_field_desc *f, const void *a, const void *b)
{
    switch (type) {
    case FM_T_STRING:
    case FM_T_JSON:
        return str_eq(*(char *const *)a, *(char *const *)b);
    case FM_T_BOOL:
        return *(const bool *)a == *(const bool *)b;
    case FM_T_INT32:
    case FM_T_ENUM:
        return *(const int32_t *)a == *(const int32_t *)b;
    case FM_T_INT64:
        return *(const int64_t *)a == *(const int64_t *)b;
    case FM_T_FLOAT64: {
        double x = *(const double *)a, y = *(const double *)b;
        if (isnan(x) || isnan(y)) return isnan(x) && isnan(y);
        return x == y && signbit(x) == signbit(y);
    }
    case FM_T_TIME:
        return ((const fm_time *)a)->sec == ((const fm_time *)b)->sec &&
               ((const fm_time *)a)->nsec == ((const fm_time *)b)->nsec;
    case FM_T_STRUCT:
        return eq_struct(a, b, f->sub);
    case FM_T_MAP:
        return eq_map(a, b);
    case FM_T_INTORSTR: {
        const fm_int_or_string *x = a, *y = b;
        if (x->is_str != y->is_str) return false;
        if (!x->is_str) return x->num == y->num;
        return strcmp(x->str ? x->str : "", y->str ? y->str : "") == 0;
    }
    case FM_T_LIST:
        return eq_list(a, b, f->elem);
    case FM_T_MAPV:
        return eq_mapv(a, b, f->elem);
    default:
        return false;
    }
}

static bool eq_list(const fm_list *la, const fm_list *lb, const fm_field_desc *f)
{
    size_t k;
    if (la->len != lb->len) return false;
    for (k = 0; k < la->len; k++)
        if (!eq_value(f->elem_type, f, (const char *)la->items + k * f->elem_size,
                      (const char *)lb->items + k * f->elem_size))
            return false;
    return true;
}

/* Maps are equal when they encode the same: same keys in the same order
 * and equal values (entries that encode to nothing are skipped alike). */
static bool eq_mapv(const fm_map *a, const fm_map *b, const fm_field_desc *f)
{
    size_t i = 0, j = 0;
    bool strs = f->elem_type == FM_T_STRING || f->elem_type == FM_T_JSON;
    for (;;) {
        while (i < a->len && (!a->keys[i] || (strs && !*(char *const *)((const char *)a->values + i * f->elem_size))))
            i++;
        while (j < b->len && (!b->keys[j] || (strs && !*(char *const *)((const char *)b->values + j * f->elem_size))))
            j++;
        if (i == a->len || j == b->len) return i == a->len && j == b->len;
        if (strcmp(a->keys[i], b->keys[j]) != 0 ||
            !eq_value(f->elem_type, f, (const char *)a->values + i * f->elem_size,
                      (const char *)b->values + j * f->elem_size))
            return false;
        i++;
        j++;
    }
}

static bool eq_field(const void *a, const void *b, const fm_field_desc *f)
{
    const void *pa = CODEC_CFIELD(a, f), *pb = CODEC_CFIELD(b, f);
    if (f->type == FM_T_LIST) return eq_list(pa, pb, f);
    if (f->type == FM_T_MAPV) return eq_mapv(pa, pb, f);
    return eq_value(f->type, f, pa, pb);
}

/* Reads the next bag member not named like a known field of d. */
static int next_unknown(const char **p, const char *end, const fm_struct_desc *d, fm_codec_member *m)
{
    int r;
    while ((r = fm_codec_member_next(p, end, m)) == 1)
        if (!fm_codec_find_field(d, m->key, m->klen)) return 1;
    return r;
}

static bool member_eq(const fm_codec_member *x, const fm_codec_member *y)
{
    return x->klen == y->klen && x->vlen == y->vlen && memcmp(x->key, y->key, x->klen) == 0 &&
           memcmp(x->val, y->val, x->vlen) == 0;
}

/* Compares the unknown members that encoding would write, in order. */
static bool eq_bags(const char *a, const char *b, const fm_struct_desc *d)
{
    const char *pa = a ? a : "", *pb = b ? b : "";
    const char *ea = pa + strlen(pa), *eb = pb + strlen(pb);
    fm_codec_member ma, mb;
    for (;;) {
        int ra = next_unknown(&pa, ea, d, &ma), rb = next_unknown(&pb, eb, d, &mb);
        if (ra != rb) return false;
        if (ra != 1) return true;
        if (!member_eq(&ma, &mb)) return false;
    }
}

static bool eq_struct(const void *a, const void *b, const fm_struct_desc *d)
{
    size_t i;
    for (i = 0; i < d->n_fields; i++) {
        const fm_field_desc *f = &d->fields[i];
        bool pa = codec_field_present(a, f), pb = codec_field_present(b, f);
        if (pa != pb) return false;
        if (!pa) continue;
        if (!eq_field(a, b, f)) return false;
        if (fm_codec_field_is_raw_enum(a, f)) {
            fm_codec_member ma, mb;
            int fa = fm_codec_bag_find(codec_unknown(a, d), f->json_name, f->json_name_len, &ma);
            int fb = fm_codec_bag_find(codec_unknown(b, d), f->json_name, f->json_name_len, &mb);
            if (fa != fb || (fa && !member_eq(&ma, &mb))) return false;
        }
    }
    return eq_bags(codec_unknown(a, d), codec_unknown(b, d), d);
}

bool fm_codec_equal(const void *a, const void *b, const fm_struct_desc *d)
{
    if (a == b) return true;
    if (!a || !b) return false;
    return eq_struct(a, b, d);
}

/* ------------------------------------------------------------- merge patch */

/* Writes `,"key":` (comma unless first); key is raw JSON string text. */
static int put_key(fm_buf *b, bool *first, const char *k, size_t kl)
{
    int rc = fm_buf_grow(b, kl + 4);
    if (rc) return rc;
    if (!*first) b->data[b->len++] = ',';
    *first = false;
    b->data[b->len++] = '"';
    memcpy(b->data + b->len, k, kl);
    b->len += kl;
    b->data[b->len++] = '"';
    b->data[b->len++] = ':';
    b->data[b->len] = 0;
    return 0;
}

static void rollback(fm_buf *b, size_t mark)
{
    b->len = mark;
    if (b->data) b->data[mark] = 0;
}

/* The member named key[0..kl) among the members of the object text
 * between p and end (braces excluded). */
static int obj_find(const char *p, const char *end, const char *key, size_t kl, fm_codec_member *out)
{
    while (fm_codec_member_next(&p, end, out) == 1)
        if (out->klen == kl && memcmp(out->key, key, kl) == 0) return 1;
    return 0;
}

static bool is_null(const fm_codec_member *m)
{
    return m->vlen == 4 && memcmp(m->val, "null", 4) == 0;
}

/* Strips whitespace around a raw value; true when it is an object, with
 * *in / *in_end set to the text inside its braces. */
static bool as_object(const char *v, size_t n, const char **in, const char **in_end)
{
    const char *e = v + n;
    while (v < e && (*v == ' ' || *v == '\n' || *v == '\r' || *v == '\t')) v++;
    while (e > v && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\r' || e[-1] == '\t')) e--;
    if (e - v < 2 || *v != '{' || e[-1] != '}') return false;
    *in = v + 1;
    *in_end = e - 1;
    return true;
}

/*
 * Writes the merge patch value that turns raw JSON value o into n: for two
 * objects, a member-wise patch (removed members null, changed ones patched
 * recursively to `depth` levels); otherwise n itself. An RFC 7386 patch
 * merges objects, so replacing an object by a smaller one needs the nulls.
 */
static int json_diff(fm_buf *b, const char *o, size_t ol, const char *n, size_t nl, int depth)
{
    const char *oi, *oe, *ni, *ne, *p;
    fm_codec_member m, x;
    bool first = true;
    int rc;

    if (depth > 64 || !as_object(o, ol, &oi, &oe) || !as_object(n, nl, &ni, &ne)) return fm_buf_put(b, n, nl);
    if ((rc = fm_buf_put(b, "{", 1))) return rc;
    for (p = oi; fm_codec_member_next(&p, oe, &m) == 1;)
        if (!obj_find(ni, ne, m.key, m.klen, &x)) {
            if ((rc = put_key(b, &first, m.key, m.klen)) || (rc = fm_buf_put(b, "null", 4))) return rc;
        }
    for (p = ni; fm_codec_member_next(&p, ne, &m) == 1;) {
        if (!obj_find(oi, oe, m.key, m.klen, &x)) {
            if (is_null(&m)) continue; /* adding a null member changes nothing */
            if ((rc = put_key(b, &first, m.key, m.klen)) || (rc = fm_buf_put(b, m.val, m.vlen))) return rc;
        } else if (x.vlen != m.vlen || memcmp(x.val, m.val, m.vlen) != 0) {
            if ((rc = put_key(b, &first, m.key, m.klen))) return rc;
            if ((rc = json_diff(b, x.val, x.vlen, m.val, m.vlen, depth + 1))) return rc;
        }
    }
    return fm_buf_put(b, "}", 1);
}

/* Member-wise patch of two string maps (removed keys null). */
static int diff_map(fm_buf *b, bool *first, const fm_strmap *o, const fm_strmap *n)
{
    size_t i;
    int rc;
    for (i = 0; i < o->len; i++) {
        const char *k = o->items[i].key;
        if (!k || fm_strmap_get(n, k)) continue;
        if (!*first && (rc = fm_buf_put(b, ",", 1))) return rc;
        *first = false;
        if ((rc = fm_buf_put_json_string(b, k, strlen(k))) || (rc = fm_buf_put(b, ":null", 5))) return rc;
    }
    for (i = 0; i < n->len; i++) {
        const char *k = n->items[i].key, *v = n->items[i].value, *ov;
        if (!k || !v) continue;
        ov = fm_strmap_get(o, k);
        if (ov && strcmp(ov, v) == 0) continue;
        if (!*first && (rc = fm_buf_put(b, ",", 1))) return rc;
        *first = false;
        if ((rc = fm_buf_put_json_string(b, k, strlen(k))) || (rc = fm_buf_put(b, ":", 1)) ||
            (rc = fm_buf_put_json_string(b, v, strlen(v))))
            return rc;
    }
    return 0;
}

/* Patch of the unknown members: compared by key, removed ones null,
 * changed ones diffed as raw JSON. */
static int diff_bags(fm_buf *b, bool *first, const char *ob, const char *nb, const fm_struct_desc *d)
{
    const char *o = ob ? ob : "", *n = nb ? nb : "", *p;
    const char *oe = o + strlen(o), *ne = n + strlen(n);
    fm_codec_member m, x;
    int rc;

    for (p = o; next_unknown(&p, oe, d, &m) == 1;)
        if (!obj_find(n, ne, m.key, m.klen, &x)) {
            if ((rc = put_key(b, first, m.key, m.klen)) || (rc = fm_buf_put(b, "null", 4))) return rc;
        }
    for (p = n; next_unknown(&p, ne, d, &m) == 1;) {
        if (!obj_find(o, oe, m.key, m.klen, &x)) {
            if (is_null(&m)) continue;
            if ((rc = put_key(b, first, m.key, m.klen)) || (rc = fm_buf_put(b, m.val, m.vlen))) return rc;
        } else if (x.vlen != m.vlen || memcmp(x.val, m.val, m.vlen) != 0) {
            if ((rc = put_key(b, first, m.key, m.klen))) return rc;
            if ((rc = json_diff(b, x.val, x.vlen, m.val, m.vlen, 0))) return rc;
        }
    }
    return 0;
}

static int diff_struct(fm_buf *b, bool *first, const void *o, const void *n, const fm_struct_desc *d,
                       const char *rv, bool top);

/* Writes `"metadata":{...,"resourceVersion":rv}` for field f (the object's
 * metadata; either side may be absent). */
static int diff_metadata(fm_buf *b, bool *first, const void *o, const void *n, const fm_field_desc *f,
                         const char *rv)
{
    void *zero = calloc(1, f->sub->size);
    bool inner = true;
    int rc;
    if (!zero) return fm_error_set(FM_ENOMEM, "out of memory building a merge patch");
    const void *om = codec_field_present(o, f) ? CODEC_CFIELD(o, f) : zero;
    const void *nm = codec_field_present(n, f) ? CODEC_CFIELD(n, f) : zero;
    if (!(rc = put_key(b, first, f->json_name, f->json_name_len)) && !(rc = fm_buf_put(b, "{", 1)) &&
        !(rc = diff_struct(b, &inner, om, nm, f->sub, rv, false)) && !(rc = put_key(b, &inner, "resourceVersion", 15)) &&
        !(rc = fm_buf_put_json_string(b, rv, strlen(rv))))
        rc = fm_buf_put(b, "}", 1);
    free(zero);
    return rc;
}

/*
 * Writes the members of the patch from o to n (no braces). At the top level
 * a non-NULL rv is added as metadata.resourceVersion; inside that metadata
 * (rv set, top false) the resourceVersion field itself is skipped because
 * the precondition supersedes it. Nested structs and maps are written only
 * when something inside changed: their key is written speculatively and
 * rolled back when the inner patch came out empty.
 */
static int diff_struct(fm_buf *b, bool *first, const void *o, const void *n, const fm_struct_desc *d,
                       const char *rv, bool top)
{
    fm_buf to = FM_BUF_INIT, tn = FM_BUF_INIT;
    bool meta_done = false;
    size_t i;
    int rc = 0;

    for (i = 0; i < d->n_fields && !rc; i++) {
        const fm_field_desc *f = &d->fields[i];
        bool po = codec_field_present(o, f), pn = codec_field_present(n, f);
        size_t mark = b->len;
        bool first_save = *first;

        if (rv && top && f->type == FM_T_STRUCT && strcmp(f->json_name, "metadata") == 0) {
            rc = diff_metadata(b, first, o, n, f, rv);
            meta_done = true;
            continue;
        }
        if (rv && !top && strcmp(f->json_name, "resourceVersion") == 0) continue;
        if (!po && !pn) continue;
        if (po && pn && (f->type == FM_T_STRUCT || f->type == FM_T_MAP)) {
            bool inner = true;
            if ((rc = put_key(b, first, f->json_name, f->json_name_len)) || (rc = fm_buf_put(b, "{", 1))) break;
            if (f->type == FM_T_STRUCT)
                rc = diff_struct(b, &inner, CODEC_CFIELD(o, f), CODEC_CFIELD(n, f), f->sub, NULL, false);
            else
                rc = diff_map(b, &inner, CODEC_CFIELD(o, f), CODEC_CFIELD(n, f));
            if (rc) break;
            if (inner) {
                rollback(b, mark);
                *first = first_save;
            } else {
                rc = fm_buf_put(b, "}", 1);
            }
            continue;
        }
        if (po && pn && f->type == FM_T_MAPV) {
            /* member-wise: values that are objects (structs, maps) must be
             * patched with nulls for what they lost, which json_diff does
             * on the two encodings */
            fm_buf_reset(&to);
            fm_buf_reset(&tn);
            if ((rc = fm_codec_encode_field_value(&to, o, f, d)) < 0 || (rc = fm_codec_encode_field_value(&tn, n, f, d)) < 0)
                break;
            rc = 0;
            if (to.len == tn.len && memcmp(to.data, tn.data, to.len) == 0) continue;
            if (!(rc = put_key(b, first, f->json_name, f->json_name_len)))
                rc = json_diff(b, to.data, to.len, tn.data, tn.len, 0);
            continue;
        }
        if (po && pn && f->type == FM_T_JSON) {
            const char *ov = *(char *const *)CODEC_CFIELD(o, f), *nv = *(char *const *)CODEC_CFIELD(n, f);
            if (strcmp(ov, nv) == 0) continue;
            if (!(rc = put_key(b, first, f->json_name, f->json_name_len)))
                rc = json_diff(b, ov, strlen(ov), nv, strlen(nv), 0);
            continue;
        }
        /* scalars, lists and one-sided structs/maps: compare encodings */
        fm_buf_reset(&to);
        fm_buf_reset(&tn);
        int eo = fm_codec_encode_field_value(&to, o, f, d);
        int en = fm_codec_encode_field_value(&tn, n, f, d);
        if (eo < 0 || en < 0) {
            rc = eo < 0 ? eo : en;
            break;
        }
        if (eo == en && to.len == tn.len && (to.len == 0 || memcmp(to.data, tn.data, to.len) == 0)) continue;
        if ((rc = put_key(b, first, f->json_name, f->json_name_len))) break;
        rc = en ? fm_buf_put(b, tn.data, tn.len) : fm_buf_put(b, "null", 4);
    }
    if (!rc) rc = diff_bags(b, first, codec_unknown(o, d), codec_unknown(n, d), d);
    if (!rc && rv && top && !meta_done) {
        bool inner = true;
        if (!(rc = put_key(b, first, "metadata", 8)) && !(rc = fm_buf_put(b, "{", 1)) &&
            !(rc = put_key(b, &inner, "resourceVersion", 15)) && !(rc = fm_buf_put_json_string(b, rv, strlen(rv))))
            rc = fm_buf_put(b, "}", 1);
    }
    fm_buf_free(&to);
    fm_buf_free(&tn);
    return rc;
}

int fm_codec_merge_patch(fm_buf *out, const void *old_obj, const void *new_obj, const fm_struct_desc *d,
                      const char *resource_version)
{
    size_t mark = out->len;
    bool first = true;
    int rc = fm_buf_put(out, "{", 1);
    if (!rc) rc = diff_struct(out, &first, old_obj, new_obj, d, resource_version, true);
    if (!rc) rc = fm_buf_put(out, "}", 1);
    if (rc) rollback(out, mark);
    return rc;
}

int fm_codec_unknown_remove(void *obj, const fm_struct_desc *d, const char *key)
{
    char **bag = codec_unknown_ptr(obj, d);
    if (!*bag) return 0;
    const char *p = *bag, *end = *bag + strlen(*bag);
    size_t klen = strlen(key);
    fm_buf out = FM_BUF_INIT;
    fm_codec_member m;
    int found = 0, r;
    while ((r = fm_codec_member_next(&p, end, &m)) == 1) {
        if (m.klen == klen && memcmp(m.key, key, klen) == 0) {
            found = 1;
            continue;
        }
        /* Re-emit the member as it was: "key":value. */
        if ((out.len && fm_buf_put(&out, ",", 1)) || fm_buf_put(&out, "\"", 1) ||
            fm_buf_put(&out, m.key, m.klen) || fm_buf_put(&out, "\":", 2) ||
            fm_buf_put(&out, m.val, m.vlen)) {
            fm_buf_free(&out);
            return fm_error_set(FM_ENOMEM, "%s: out of memory", d->name);
        }
    }
    if (r < 0 || !found) {
        /* A malformed bag cannot come from the decoder; leave it untouched. */
        fm_buf_free(&out);
        return 0;
    }
    free(*bag);
    *bag = out.len ? fm_buf_detach(&out) : NULL;
    fm_buf_free(&out);
    return 1;
}
