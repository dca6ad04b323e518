/*
 * test_every_construct.c - what the round-trip test of the fixture schema
 * (generated/fixtures/, from tests/codegen/good/every_construct.yaml)
 * cannot show by filling every field: int-or-string keeps which spelling
 * it had, numbers come out as Go writes them, maps of structs keep their
 * unknown members, map keys follow last-wins and null-skipping, nested
 * containers survive, merge patches of maps carry nulls for what was
 * removed, and type errors name the map member.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "error.h"
#include "every_construct.h"
#include "test.h"

/* Decodes js as a Gadget; NULL (and a message) when it fails. */
static ev_gadget *dec(const char *js)
{
    ev_gadget *g = NULL;
    if (ev_gadget_decode(&g, js, strlen(js)) != 0) {
        fprintf(stderr, "decode: %s\n", fm_error_last()->message);
        return NULL;
    }
    return g;
}

/* Decodes js, re-encodes it and compares with want (js itself when NULL). */
static void rt(const char *js, const char *want)
{
    ev_gadget *g = dec(js);
    fm_buf b = FM_BUF_INIT;
    CHECK_FATAL(g != NULL);
    CHECK_INT(ev_gadget_encode(&b, g), 0);
    CHECK_STR(b.data, want ? want : js);
    ev_gadget *c = NULL;
    CHECK_INT(ev_gadget_copy(&c, g), 0);
    CHECK(ev_gadget_equal(g, c));
    ev_gadget_free(c);
    ev_gadget_free(g);
    fm_buf_free(&b);
}

/* The merge patch from a to b. */
static void patch(const char *a, const char *b, const char *want)
{
    ev_gadget *x = dec(a), *y = dec(b);
    fm_buf p = FM_BUF_INIT;
    CHECK_FATAL(x && y);
    CHECK(!ev_gadget_equal(x, y));
    CHECK_INT(ev_gadget_merge_patch(&p, x, y, NULL), 0);
    CHECK_STR(p.data, want);
    ev_gadget_free(x);
    ev_gadget_free(y);
    fm_buf_free(&p);
}

static void dec_err(const char *js, const char *msg)
{
    ev_gadget *g = NULL;
    CHECK(ev_gadget_decode(&g, js, strlen(js)) == FM_EPARSE);
    CHECK(g == NULL);
    CHECK_STR(fm_error_last()->message, msg);
}

TEST(test_constants_are_string_literals)
{
    /* a macro, so it concatenates with other literals */
    CHECK(strcmp("{\"" EV_LABEL_OWNER "\":1}", "{\"every.example.dev/owner\":1}") == 0);
}

TEST(test_int_or_string_keeps_its_spelling)
{
    ev_gadget *g = dec("{\"spec\":{\"port\":\"80\",\"ports\":[80,\"80\",-1,\"\"]}}");
    CHECK_FATAL(g != NULL);
    CHECK(ev_gadget_spec_has_port(&g->spec));
    CHECK(g->spec.port.is_str && strcmp(g->spec.port.str, "80") == 0);
    CHECK_INT(g->spec.ports.len, 4);
    CHECK(!g->spec.ports.items[0].is_str && g->spec.ports.items[0].num == 80);
    CHECK(g->spec.ports.items[1].is_str);
    CHECK(!g->spec.ports.items[2].is_str && g->spec.ports.items[2].num == -1);
    ev_gadget_free(g);
    rt("{\"spec\":{\"port\":\"80\",\"ports\":[80,\"80\",-1,\"\"]}}", NULL);
    rt("{\"spec\":{\"port\":0}}", NULL);
    rt("{\"spec\":{\"port\":8.0}}", "{\"spec\":{\"port\":8}}");
    dec_err("{\"spec\":{\"port\":true}}", ".spec.port: expected integer or string, got boolean");
    dec_err("{\"spec\":{\"port\":1.5}}", ".spec.port: expected integer, got 1.5");
    dec_err("{\"spec\":{\"ports\":[{}]}}", ".spec.ports[0]: expected integer or string, got object");
}

TEST(test_numbers_as_go_writes_them)
{
    rt("{\"spec\":{\"temperature\":0.7,\"scores\":{\"a\":1e-07,\"b\":3e21,\"c\":0.5,\"d\":1E2,\"e\":-0.000001}}}",
       "{\"spec\":{\"temperature\":0.7,\"scores\":{\"a\":1e-7,\"b\":3e+21,\"c\":0.5,\"d\":100,\"e\":-0.000001}}}");
    rt("{\"spec\":{\"count\":9223372036854775807}}", NULL);
    dec_err("{\"spec\":{\"count\":1.5}}", ".spec.count: expected integer, got 1.5");
}

TEST(test_maps_of_any_value)
{
    rt("{\"spec\":{\"chatTemplateKwargs\":{\"enable_thinking\":false,\"x\":{\"a\":[1,\"b\"]},\"n\":1}}}", NULL);
    rt("{\"spec\":{\"weights\":{\"a\":1,\"b\":-2},\"aliases\":{\"a\":[\"x\",\"y\"],\"b\":[]},"
       "\"nestedMaps\":{\"a\":{\"b\":1},\"c\":{}},\"modes\":{\"x\":\"fast\",\"y\":\"medium\"}}}",
       NULL);
    /* a repeated key keeps its last value; null members are absent */
    rt("{\"spec\":{\"weights\":{\"a\":1,\"b\":null,\"a\":2,\"c\":3}}}", "{\"spec\":{\"weights\":{\"a\":2,\"c\":3}}}");
    rt("{\"spec\":{\"weights\":{}}}", NULL);
    dec_err("{\"spec\":{\"weights\":{\"a\":\"x\"}}}", ".spec.weights.a: expected integer, got string");
    dec_err("{\"spec\":{\"weights\":[1]}}", ".spec.weights: expected object, got array");
    dec_err("{\"spec\":{\"nestedMaps\":{\"a\":{\"b\":[]}}}}", ".spec.nestedMaps.a.b: expected integer, got array");
}

TEST(test_map_of_structs_keeps_presence_and_unknown_members)
{
    const char *js = "{\"spec\":{\"limitsByName\":{\"small\":{\"cpu\":\"500m\",\"gpu\":0,\"future\":{\"q\":[1]}},"
                     "\"big\":{}}}}";
    ev_gadget *g = dec(js);
    CHECK_FATAL(g != NULL);
    CHECK_INT(g->spec.limits_by_name.len, 2);
    CHECK_STR(g->spec.limits_by_name.keys[0], "small");
    ev_limits *l = &g->spec.limits_by_name.values[0];
    CHECK(ev_limits_has_gpu(l) && l->gpu == 0);
    CHECK(l->cpu.is_str && strcmp(l->cpu.str, "500m") == 0);
    CHECK(l->_unknown != NULL && strstr(l->_unknown, "\"future\":{\"q\":[1]}") != NULL);
    CHECK(!ev_limits_has_gpu(&g->spec.limits_by_name.values[1]));
    ev_gadget_free(g);
    rt(js, NULL);
}

TEST(test_nested_lists)
{
    rt("{\"spec\":{\"matrix\":[[1,2],[],[3]],\"modeGrid\":[[\"fast\",\"medium\"]],"
       "\"labelSets\":[{\"a\":\"b\"},{}]}}",
       NULL);
    dec_err("{\"spec\":{\"matrix\":[[1,null]]}}", ".spec.matrix[0][1]: null is not allowed in this list");
    dec_err("{\"spec\":{\"matrix\":[1]}}", ".spec.matrix[0]: expected array, got number");
}

TEST(test_merge_patch_of_maps)
{
    patch("{\"spec\":{\"nestedMaps\":{\"a\":{\"b\":1,\"c\":2},\"d\":{}}}}",
          "{\"spec\":{\"nestedMaps\":{\"a\":{\"b\":1}}}}", "{\"spec\":{\"nestedMaps\":{\"d\":null,\"a\":{\"c\":null}}}}"); /* removals first */
    patch("{\"spec\":{\"limitsByName\":{\"s\":{\"cpu\":1,\"memory\":\"1Gi\"}}}}",
          "{\"spec\":{\"limitsByName\":{\"s\":{\"cpu\":2},\"t\":{\"gpu\":1}}}}",
          "{\"spec\":{\"limitsByName\":{\"s\":{\"memory\":null,\"cpu\":2},\"t\":{\"gpu\":1}}}}");
    patch("{\"spec\":{\"port\":80}}", "{\"spec\":{\"port\":\"80\"}}", "{\"spec\":{\"port\":\"80\"}}");
    patch("{\"spec\":{\"weights\":{\"a\":1}}}", "{\"spec\":{}}", "{\"spec\":{\"weights\":null}}");
    patch("{\"spec\":{\"matrix\":[[1]]}}", "{\"spec\":{\"matrix\":[[1],[2]]}}", "{\"spec\":{\"matrix\":[[1],[2]]}}");
}

TEST(test_embedded_and_preserved)
{
    rt("{\"spec\":{\"template\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"data\":{\"a\":\"b\"}},"
       "\"extra\":{\"note\":\"n\",\"other\":1}}}",
       NULL);
}

int main(void)
{
    RUN(test_constants_are_string_literals);
    RUN(test_int_or_string_keeps_its_spelling);
    RUN(test_numbers_as_go_writes_them);
    RUN(test_maps_of_any_value);
    RUN(test_map_of_structs_keeps_presence_and_unknown_members);
    RUN(test_nested_lists);
    RUN(test_merge_patch_of_maps);
    RUN(test_embedded_and_preserved);
    return test_summary();
}
