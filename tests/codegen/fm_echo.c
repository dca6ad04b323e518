/*
 * fm_echo.c - reads one object of a Foreman kind as JSON on stdin, decodes
 * it with the generated C types and writes the re-encoding to stdout.
 *
 *   fm_echo KIND [--strict] < object.json
 *
 * KIND is a kind name of schema/foreman.v1alpha1.yaml (Agent, Workload, ...).
 * With --strict it also fails when any struct of the object kept members the
 * schema does not model (its unknown bag), so a test can show that every
 * field a Go-written object carries is known to the C side.
 * Exit status: 0, 1 on a decode/encode failure or an unknown member, 2 usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "error.h"
#include "foreman_v1alpha1.h"

static int unknowns(const void *obj, const fm_struct_desc *d, const char *path);

/* Counts unknown bags in an element of the list or map of row f (of
 * type `type`; f->elem describes an element that is a list or map). */
static int elem_unknowns(int type, const fm_field_desc *f, const void *p, const char *path);

/* ... in the list or map<string,V> at p of row f. */
static int container_unknowns(const fm_field_desc *f, const void *p, const char *path)
{
    size_t i, len = f->type == FM_T_LIST ? ((const fm_list *)p)->len : ((const fm_map *)p)->len;
    const char *base = f->type == FM_T_LIST ? ((const fm_list *)p)->items : ((const fm_map *)p)->values;
    int n = 0;
    for (i = 0; i < len; i++) n += elem_unknowns(f->elem_type, f, base + i * f->elem_size, path);
    return n;
}

static int elem_unknowns(int type, const fm_field_desc *f, const void *p, const char *path)
{
    if (type == FM_T_STRUCT) return unknowns(p, f->sub, path);
    if (type == FM_T_LIST || type == FM_T_MAPV) return container_unknowns(f->elem, p, path);
    return 0;
}

/* ... in field f's value at p. */
static int field_unknowns(const fm_field_desc *f, const void *p, const char *path)
{
    if (f->type == FM_T_STRUCT) return unknowns(p, f->sub, path);
    if (f->type == FM_T_LIST || f->type == FM_T_MAPV) return container_unknowns(f, p, path);
    return 0;
}

/* Prints and counts the non-empty unknown bags of obj and below. */
static int unknowns(const void *obj, const fm_struct_desc *d, const char *path)
{
    const char *bag = *(char *const *)((const char *)obj + d->unknown_offset);
    size_t i;
    int n = 0;
    if (bag && *bag) {
        fprintf(stderr, "fm_echo: unmodelled members in %s (%s): %s\n", path, d->name, bag);
        n++;
    }
    for (i = 0; i < d->n_fields; i++) {
        const fm_field_desc *f = &d->fields[i];
        const void *p = (const char *)obj + f->offset;
        char sub[512];
        snprintf(sub, sizeof sub, "%s.%s", path, f->json_name);
        n += field_unknowns(f, p, sub);
    }
    return n;
}

int main(int argc, char **argv)
{
    const fm_kind_desc *k = NULL;
    fm_buf in = FM_BUF_INIT, out = FM_BUF_INIT;
    char chunk[65536];
    size_t n, i;
    void *obj;
    int rc = 1;

    if (argc < 2) {
        fprintf(stderr, "usage: fm_echo KIND [--strict] < object.json\n");
        return 2;
    }
    for (i = 0; i < fm_all_kinds_count; i++)
        if (strcmp(fm_all_kinds[i]->kind, argv[1]) == 0) k = fm_all_kinds[i];
    if (!k) {
        fprintf(stderr, "fm_echo: unknown kind %s\n", argv[1]);
        return 2;
    }
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
        if (fm_buf_put(&in, chunk, n) != 0) return 1;
    obj = calloc(1, k->object->size);
    if (!obj || !in.data) return 1;
    if (fm_codec_decode(obj, k->object, in.data, in.len) != 0 || fm_codec_encode(&out, obj, k->object) != 0) {
        fprintf(stderr, "fm_echo: %s\n", fm_error_last()->message);
        goto done;
    }
    if (argc > 2 && strcmp(argv[2], "--strict") == 0 && unknowns(obj, k->object, "") > 0) goto done;
    fputs(out.data, stdout);
    putchar('\n');
    rc = 0;
done:
    fm_codec_clear(obj, k->object);
    free(obj);
    fm_buf_free(&in);
    fm_buf_free(&out);
    return rc;
}
