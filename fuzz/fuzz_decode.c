/*
 * fuzz_decode.c - libFuzzer target for the codec engine.
 *
 * Each input is decoded as every top-level kind and list type, the
 * fixture kind that uses every construct of the schema language (maps of
 * any value, int-or-string, lists of lists, ...) included. Whatever
 * decodes must then satisfy the engine's invariants, or the target aborts:
 *   - encode succeeds, and decoding the encoding succeeds and gives an
 *     object fm_codec_equal() to the first;
 *   - encoding that second object gives the very same bytes (encode is a
 *     fixed point after one round);
 *   - a deep copy is equal, and the merge patch between equal objects is
 *     "{}";
 *   - the packed copy the informers cache (fm_codec_pack: one block) is
 *     equal, and fm_codec_object_free releases it whole;
 *   - decoding element by element (the split path of big list responses,
 *     forced here with threshold 0) accepts exactly the same inputs and
 *     gives an equal object.
 * Failed decodes must leave a clearable object and a one-line message.
 * Built only with -DFOREMAN_FUZZ=ON and clang; see fuzz/CMakeLists.txt.
 */
#include "codec.h"
#include "codec_internal.h"
#include "error.h"
#include "every_construct.h" /* generated/fixtures/: every construct of the schema language */
#include "foreman_v1alpha1.h"
#include "k8s_core.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const fm_struct_desc *const kinds[] = {
    &fm_agentic_task_desc, &fm_agentic_task_list_desc, &fm_fleet_node_desc, &fm_fleet_node_list_desc,
    &fm_workload_desc,     &fm_workload_list_desc,     &fm_k8s_lease_desc,     &fm_k8s_event_desc,
    &fm_k8s_config_map_desc,  &fm_k8s_status_desc,           &ev_gadget_desc,     &ev_gadget_list_desc,
    &fm_agent_desc,        &fm_model_profile_desc,     &fm_agent_release_desc,
};

static void fail(const char *what, const fm_struct_desc *d, const char *a, const char *b)
{
    fprintf(stderr, "fuzz_decode: %s (%s)\n first: %s\nsecond: %s\n", what, d->name, a ? a : "-", b ? b : "-");
    abort();
}

static void check_one(const fm_struct_desc *d, const char *buf, size_t len)
{
    void *a = calloc(1, d->size), *b = calloc(1, d->size), *c = calloc(1, d->size);
    fm_buf e1 = FM_BUF_INIT, e2 = FM_BUF_INIT, p = FM_BUF_INIT;

    if (!a || !b || !c) abort();
    fm_codec_set_split_threshold((size_t)-1);
    int ra = fm_codec_decode(a, d, buf, len);
    if (ra != 0) {
        const char *m = fm_error_last()->message;
        if (!m[0] || strchr(m, '\n')) fail("error message empty or not one line", d, m, NULL);
        goto done;
    }
    if (fm_codec_encode(&e1, a, d) != 0) fail("encode failed", d, NULL, NULL);
    if (fm_codec_decode(b, d, e1.data, e1.len) != 0) fail("re-decode failed", d, e1.data, fm_error_last()->message);
    if (!fm_codec_equal(a, b, d)) fail("decode(encode(x)) != x", d, e1.data, NULL);
    if (fm_codec_encode(&e2, b, d) != 0) fail("second encode failed", d, NULL, NULL);
    if (e1.len != e2.len || memcmp(e1.data, e2.data, e1.len) != 0) fail("encode not stable", d, e1.data, e2.data);
    if (fm_codec_copy(c, a, d) != 0 || !fm_codec_equal(a, c, d)) fail("copy differs", d, e1.data, NULL);
    if (fm_codec_merge_patch(&p, a, b, d, NULL) != 0 || strcmp(p.data, "{}") != 0)
        fail("patch between equal objects not empty", d, e1.data, p.data);
    {
        /* the informers' packed form (one block) is equal and frees whole */
        void *packed = fm_codec_pack(a, d);
        if (!packed || !fm_codec_equal(a, packed, d)) fail("packed copy differs", d, e1.data, NULL);
        fm_codec_object_free(packed, d);
    }
done:
    /* the split path must agree with the one-piece path */
    fm_codec_clear(c, d);
    fm_codec_set_split_threshold(0);
    int rs = fm_codec_decode(c, d, buf, len);
    fm_codec_set_split_threshold((size_t)-1);
    if ((rs == 0) != (ra == 0)) fail(rs == 0 ? "split path accepts what the whole path rejects"
                                              : "split path rejects what the whole path accepts",
                                     d, fm_error_last()->message, NULL);
    if (rs == 0 && !fm_codec_equal(a, c, d)) fail("split path decodes differently", d, NULL, NULL);
    fm_codec_clear(a, d);
    fm_codec_clear(b, d);
    fm_codec_clear(c, d);
    free(a);
    free(b);
    free(c);
    fm_buf_free(&e1);
    fm_buf_free(&e2);
    fm_buf_free(&p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t i;
    for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) check_one(kinds[i], (const char *)data, size);
    return 0;
}
