/*
 * every_construct_echo.c - reads a Gadget (or, with --list, a GadgetList)
 * as JSON on stdin, decodes it with the generated fixture types
 * (generated/fixtures/every_construct.h) and writes the re-encoding to
 * stdout. tests/integration/test_schema_language.sh feeds it what the API
 * server returns to show that objects survive the C codec unchanged.
 * Exit status: 0, 1 when decoding or encoding failed (message on stderr).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "error.h"
#include "every_construct.h"

int main(int argc, char **argv)
{
    const fm_struct_desc *d = argc > 1 && strcmp(argv[1], "--list") == 0 ? &ev_gadget_list_desc : &ev_gadget_desc;
    fm_buf in = FM_BUF_INIT, out = FM_BUF_INIT;
    char chunk[65536];
    size_t n;
    void *obj;
    int rc = 1;

    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
        if (fm_buf_put(&in, chunk, n) != 0) return 1;
    obj = calloc(1, d->size);
    if (!obj || !in.data) return 1;
    if (fm_codec_decode(obj, d, in.data, in.len) != 0 || fm_codec_encode(&out, obj, d) != 0) {
        fprintf(stderr, "every_construct_echo: %s\n", fm_error_last()->message);
        goto done;
    }
    fputs(out.data, stdout);
    putchar('\n');
    rc = 0;
done:
    fm_codec_clear(obj, d);
    free(obj);
    fm_buf_free(&in);
    fm_buf_free(&out);
    return rc;
}
