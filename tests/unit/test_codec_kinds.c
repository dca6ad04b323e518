/*
 * test_codec_kinds.c - the codec engine on the generated kinds
 * (generated/foreman_v1alpha1.h, generated/k8s_core.h) with fixtures in
 * tests/fixtures/ shaped like kube-apiserver responses: decode -> encode
 * gives the fixture back (compared after canonicalising key order and
 * string escapes), decode(encode(x)) equals x, copies are equal, unknown
 * members (managedFields, future fields, unknown enum values) survive, and
 * realistic merge patches and error messages come out as expected.
 */
#include "codec.h"
#include "codec_internal.h"
#include "error.h"
#include "foreman_v1alpha1.h"
#include "k8s_core.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- canonical JSON */

/* A tiny recursive JSON canonicaliser for trusted fixtures: compact, object
 * members sorted by decoded key, strings re-escaped the one way
 * fm_buf_put_json_string does it, numbers kept as written. */
typedef struct cmember {
    char *key;
    size_t klen;
    char *val;
} cmember;

static const char *ws(const char *p)
{
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') p++;
    return p;
}

static int hexv(char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* Decodes the string literal at *p into out (raw bytes). */
static int cstring(const char **p, fm_buf *out)
{
    const char *s = *p + 1;
    while (*s && *s != '"') {
        if (*s != '\\') {
            fm_buf_put(out, s++, 1);
            continue;
        }
        s++;
        char c = *s++;
        switch (c) {
        case 'n': fm_buf_put(out, "\n", 1); break;
        case 't': fm_buf_put(out, "\t", 1); break;
        case 'r': fm_buf_put(out, "\r", 1); break;
        case 'b': fm_buf_put(out, "\b", 1); break;
        case 'f': fm_buf_put(out, "\f", 1); break;
        case 'u': {
            unsigned long u = (unsigned long)(hexv(s[0]) << 12 | hexv(s[1]) << 8 | hexv(s[2]) << 4 | hexv(s[3]));
            s += 4;
            if (u >= 0xD800 && u <= 0xDBFF && s[0] == '\\' && s[1] == 'u') {
                unsigned long lo = (unsigned long)(hexv(s[2]) << 12 | hexv(s[3]) << 8 | hexv(s[4]) << 4 | hexv(s[5]));
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                s += 6;
            }
            unsigned char b[4];
            size_t n;
            if (u < 0x80) { b[0] = (unsigned char)u; n = 1; }
            else if (u < 0x800) { b[0] = (unsigned char)(0xC0 | u >> 6); b[1] = (unsigned char)(0x80 | (u & 63)); n = 2; }
            else if (u < 0x10000) { b[0] = (unsigned char)(0xE0 | u >> 12); b[1] = (unsigned char)(0x80 | (u >> 6 & 63)); b[2] = (unsigned char)(0x80 | (u & 63)); n = 3; }
            else { b[0] = (unsigned char)(0xF0 | u >> 18); b[1] = (unsigned char)(0x80 | (u >> 12 & 63)); b[2] = (unsigned char)(0x80 | (u >> 6 & 63)); b[3] = (unsigned char)(0x80 | (u & 63)); n = 4; }
            fm_buf_put(out, b, n);
            break;
        }
        default: fm_buf_put(out, &c, 1); break;
        }
    }
    if (*s != '"') return -1;
    *p = s + 1;
    return 0;
}

static int cmp_member(const void *a, const void *b)
{
    const cmember *x = a, *y = b;
    size_t n = x->klen < y->klen ? x->klen : y->klen;
    int c = memcmp(x->key, y->key, n);
    return c ? c : (x->klen > y->klen) - (x->klen < y->klen);
}

static int canon_value(const char **pp, fm_buf *out)
{
    const char *p = ws(*pp);
    if (*p == '{') {
        cmember *m = NULL;
        size_t n = 0;
        p = ws(p + 1);
        while (*p != '}') {
            fm_buf k = FM_BUF_INIT, v = FM_BUF_INIT;
            if (*p != '"' || cstring(&p, &k)) return -1;
            p = ws(p);
            if (*p != ':') return -1;
            p++;
            if (canon_value(&p, &v)) return -1;
            m = realloc(m, (n + 1) * sizeof(*m));
            m[n].klen = k.len;
            m[n].key = k.data ? fm_buf_detach(&k) : strdup("");
            m[n].val = fm_buf_detach(&v);
            n++;
            p = ws(p);
            if (*p == ',') p = ws(p + 1);
        }
        if (n) qsort(m, n, sizeof(*m), cmp_member);
        fm_buf_put(out, "{", 1);
        for (size_t i = 0; i < n; i++) {
            if (i) fm_buf_put(out, ",", 1);
            fm_buf_put_json_string(out, m[i].key, m[i].klen);
            fm_buf_put(out, ":", 1);
            fm_buf_puts(out, m[i].val);
            free(m[i].key);
            free(m[i].val);
        }
        free(m);
        fm_buf_put(out, "}", 1);
        *pp = p + 1;
        return 0;
    }
    if (*p == '[') {
        int first = 1;
        fm_buf_put(out, "[", 1);
        p = ws(p + 1);
        while (*p != ']') {
            if (!first) fm_buf_put(out, ",", 1);
            first = 0;
            if (canon_value(&p, out)) return -1;
            p = ws(p);
            if (*p == ',') p = ws(p + 1);
        }
        fm_buf_put(out, "]", 1);
        *pp = p + 1;
        return 0;
    }
    if (*p == '"') {
        fm_buf s = FM_BUF_INIT;
        if (cstring(&p, &s)) return -1;
        fm_buf_put_json_string(out, s.data ? s.data : "", s.len);
        fm_buf_free(&s);
        *pp = p;
        return 0;
    }
    const char *s = p;
    while (*p && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n') p++;
    if (p == s) return -1;
    fm_buf_put(out, s, (size_t)(p - s));
    *pp = p;
    return 0;
}

static char *canon(const char *json)
{
    fm_buf b = FM_BUF_INIT;
    const char *p = json;
    if (canon_value(&p, &b)) {
        fm_buf_free(&b);
        return NULL;
    }
    return fm_buf_detach(&b);
}

/* ------------------------------------------------------------- fixtures */

static char *fixture(const char *name, size_t *len)
{
    char path[512];
    const char *root = getenv("FOREMAN_SOURCE_DIR");
    snprintf(path, sizeof(path), "%s/tests/fixtures/%s", root ? root : ".", name);
    char *s = test_read_file(path, len);
    if (!s) fprintf(stderr, "cannot read %s\n", path);
    return s;
}

/*
 * The generic round trip of one fixture through descriptor d: the encoding
 * equals the fixture modulo key order and escapes; decoding the encoding
 * gives an equal object; a copy is equal and encodes identically.
 */
static void check_fixture(const char *name, const fm_struct_desc *d)
{
    size_t len;
    char *json = fixture(name, &len);
    void *a = calloc(1, d->size), *b = calloc(1, d->size), *c = calloc(1, d->size);
    fm_buf e1 = FM_BUF_INIT, e2 = FM_BUF_INIT;
    char *want = NULL, *got = NULL;

    CHECK_FATAL(json && a && b && c);
    int rc = fm_codec_decode(a, d, json, len);
    if (rc) fprintf(stderr, "%s: %s\n", name, fm_error_last()->message);
    CHECK_INT(rc, 0);
    CHECK(fm_codec_encode(&e1, a, d) == 0);
    want = canon(json);
    got = canon(e1.data);
    CHECK(want != NULL);
    if (!got || !want || strcmp(got, want) != 0)
        fprintf(stderr, "%s: round trip differs\n want %s\n  got %s\n", name, want ? want : "?", got ? got : "?");
    CHECK(got && want && strcmp(got, want) == 0);
    CHECK(fm_codec_decode(b, d, e1.data, e1.len) == 0);
    CHECK(fm_codec_equal(a, b, d));
    CHECK(fm_codec_copy(c, a, d) == 0);
    CHECK(fm_codec_equal(a, c, d));
    CHECK(fm_codec_encode(&e2, c, d) == 0);
    CHECK_STR(e2.data, e1.data);
    /* no change, no patch */
    fm_buf_reset(&e2);
    CHECK(fm_codec_merge_patch(&e2, a, c, d, NULL) == 0);
    CHECK_STR(e2.data, "{}");

    fm_codec_clear(a, d);
    fm_codec_clear(b, d);
    fm_codec_clear(c, d);
    free(a);
    free(b);
    free(c);
    free(json);
    free(want);
    free(got);
    fm_buf_free(&e1);
    fm_buf_free(&e2);
}

TEST(fixtures_round_trip)
{
    check_fixture("agentictask.json", &fm_agentic_task_desc);
    check_fixture("agentictask_list.json", &fm_agentic_task_list_desc);
    check_fixture("fleetnode.json", &fm_fleet_node_desc);
    check_fixture("fleetnode_list.json", &fm_fleet_node_list_desc);
    check_fixture("workload.json", &fm_workload_desc);
    check_fixture("workload_list.json", &fm_workload_list_desc);
    check_fixture("lease.json", &fm_k8s_lease_desc);
    check_fixture("status_409.json", &fm_k8s_status_desc);
    check_fixture("status_422.json", &fm_k8s_status_desc);
}

TEST(agentic_task_fields)
{
    size_t len;
    char *json = fixture("agentictask.json", &len);
    fm_agentic_task *t = NULL;
    CHECK_FATAL(json);
    CHECK_FATAL(fm_agentic_task_decode(&t, json, len) == 0);
    CHECK_STR(t->api_version, "foreman.llmkube.dev/v1alpha1");
    CHECK_STR(t->metadata.name, "fix-issue-7");
    CHECK_STR(t->metadata.namespace, "default");
    CHECK_STR(t->metadata.resource_version, "48220");
    CHECK(t->metadata.generation == 2);
    CHECK_INT(t->metadata.creation_timestamp.sec, 1714558020);
    CHECK_STR(fm_strmap_get(&t->metadata.labels, "foreman.llmkube.dev/step"), "step-7");
    CHECK_CONTAINS(fm_strmap_get(&t->metadata.annotations, "kubectl.kubernetes.io/last-applied-configuration"),
                   "\"issue\":107");
    CHECK_INT(t->metadata.owner_references.len, 1);
    CHECK(t->metadata.owner_references.items[0].controller);
    CHECK_CONTAINS(t->metadata._unknown, "\"managedFields\":[{\"manager\":\"kubectl-client-side-apply\"");
    CHECK_INT(t->spec.kind, FM_TASK_KIND_ISSUE_FIX);
    CHECK_INT(t->spec.payload.issue, 107);
    CHECK_CONTAINS(t->spec.payload.prompt, "caf\xc3\xa9 \xe2\x80\x94 \xc3\xbc" "ber \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x9a\x80");
    CHECK_CONTAINS(t->spec.payload.prompt, "\n\t1. reproduce");
    CHECK_INT(t->spec.required_capability.accelerator, FM_REQUIRED_ACCELERATOR_METAL);
    CHECK_INT(t->spec.required_capability.min_ram_gb, 64);
    CHECK_STR(fm_strmap_get(&t->spec.required_capability.node_selector, "foreman.llmkube.dev/pool"), "studio");
    CHECK_INT(t->spec.depends_on.len, 1);
    CHECK_INT(t->status.phase, FM_TASK_PHASE_SUCCEEDED);
    CHECK_INT(t->status.verdict, FM_VERDICT_GO);
    CHECK_INT(t->status.conditions.len, 3);
    CHECK_INT(t->status.conditions.items[2].status, 1); /* "True" */
    CHECK_STR(t->status.conditions.items[2].reason, "ExecutorSucceeded");
    CHECK_CONTAINS(t->status.result, "\"elapsedSec\":10.004");
    CHECK(t->_unknown == NULL && t->spec._unknown == NULL && t->status._unknown == NULL);
    fm_agentic_task_free(t);
    free(json);
}

TEST(unknown_values_survive_in_lists)
{
    size_t len;
    char *json = fixture("agentictask_list.json", &len);
    fm_agentic_task_list *l = NULL;
    fm_buf b = FM_BUF_INIT;
    CHECK_FATAL(json);
    CHECK_FATAL(fm_agentic_task_list_decode(&l, json, len) == 0);
    CHECK_STR(l->kind, "AgenticTaskList");
    CHECK_STR(l->metadata.resource_version, "48290");
    CHECK_STR(l->metadata.continue_, "");
    CHECK_INT(l->items.len, 3);
    CHECK_INT(l->items.items[2].status.phase, FM_ENUM_UNKNOWN);
    CHECK_INT(l->items.items[1].spec.required_capability.accelerator, FM_ENUM_UNKNOWN);
    CHECK_CONTAINS(l->items.items[1].status._unknown, "\"futureField\":{\"retries\":[1,2],\"note\":null}");
    CHECK(fm_agentic_task_list_encode(&b, l) == 0);
    CHECK_CONTAINS(b.data, "\"phase\":\"Paused\"");
    CHECK_CONTAINS(b.data, "\"accelerator\":\"rocm\"");
    /* a controller that sets a phase it knows replaces the unknown one */
    l->items.items[2].status.phase = FM_TASK_PHASE_FAILED;
    fm_buf_reset(&b);
    CHECK(fm_agentic_task_list_encode(&b, l) == 0);
    CHECK(strstr(b.data, "Paused") == NULL);
    CHECK_CONTAINS(b.data, "\"phase\":\"Failed\"");
    fm_agentic_task_list_free(l);
    fm_buf_free(&b);
    free(json);
}

TEST(claim_patch)
{
    /* the agent claims a scheduled task: phase, claimedAt, a condition, with
     * a resourceVersion precondition */
    size_t len;
    char *json = fixture("agentictask.json", &len);
    fm_agentic_task *old = NULL, *nw = NULL;
    fm_buf b = FM_BUF_INIT;
    CHECK_FATAL(json);
    CHECK_FATAL(fm_agentic_task_decode(&old, json, len) == 0);
    CHECK_FATAL(fm_agentic_task_copy(&nw, old) == 0);
    nw->status.phase = FM_TASK_PHASE_RUNNING;
    nw->status.verdict = 0;
    free(nw->status.result);
    nw->status.result = NULL;
    nw->status.conditions.len = 2; /* drop the third (freed below by hand) */
    fm_k8s_condition *third = &nw->status.conditions.items[2];
    fm_codec_clear(third, &fm_k8s_condition_desc);
    fm_strmap_set(&nw->metadata.labels, "foreman.llmkube.dev/node", "m5-max");
    CHECK(fm_agentic_task_merge_patch(&b, old, nw, old->metadata.resource_version) == 0);
    char *c = canon(b.data);
    CHECK_STR(c, "{\"metadata\":{\"labels\":{\"foreman.llmkube.dev/node\":\"m5-max\"},\"resourceVersion\":\"48220\"},"
                 "\"status\":{\"conditions\":[{\"lastTransitionTime\":\"2024-05-01T10:00:05Z\","
                 "\"message\":\"assigned to FleetNode m5-max\",\"observedGeneration\":2,\"reason\":\"FleetNodeAssigned\","
                 "\"status\":\"True\",\"type\":\"Scheduled\"},{\"lastTransitionTime\":\"2024-05-01T10:00:09Z\","
                 "\"message\":\"claimed by foreman-agent on m5-max\",\"observedGeneration\":2,\"reason\":\"Claimed\","
                 "\"status\":\"True\",\"type\":\"Running\"}],\"phase\":\"Running\",\"result\":null,\"verdict\":null}}");
    free(c);
    CHECK(!fm_agentic_task_equal(old, nw));
    fm_agentic_task_free(old);
    fm_agentic_task_free(nw);
    fm_buf_free(&b);
    free(json);
}

TEST(errors_name_the_path)
{
    fm_agentic_task *t = NULL;
    const char *j1 = "{\"spec\":{\"kind\":\"verify\",\"requiredCapability\":{\"minRAMGB\":\"64\"}}}";
    CHECK_INT(fm_agentic_task_decode(&t, j1, strlen(j1)), FM_EPARSE);
    CHECK(t == NULL);
    CHECK_CONTAINS(fm_error_last()->message, ".spec.requiredCapability.minRAMGB: expected integer, got string");
    const char *j2 = "{\"status\":{\"conditions\":[{\"type\":\"A\"},{\"type\":\"B\"},{\"type\":\"C\",\"status\":1}]}}";
    CHECK_INT(fm_agentic_task_decode(&t, j2, strlen(j2)), FM_EPARSE);
    CHECK_CONTAINS(fm_error_last()->message, ".status.conditions[2].status: expected string, got number");
    const char *j3 = "{\"spec\":{\"payload\":{\"issue\":3000000000}}}";
    CHECK_INT(fm_agentic_task_decode(&t, j3, strlen(j3)), FM_EPARSE);
    CHECK_CONTAINS(fm_error_last()->message, ".spec.payload.issue: integer 3000000000 out of range");
    fm_fleet_node_list *nl = NULL;
    const char *j4 = "{\"items\":[{},{\"status\":{\"capability\":{\"gpus\":[{\"memoryMiB\":1.5}]}}}]}";
    CHECK_INT(fm_fleet_node_list_decode(&nl, j4, strlen(j4)), FM_EPARSE);
    CHECK_CONTAINS(fm_error_last()->message, ".items[1].status.capability.gpus[0].memoryMiB: expected integer");
}

TEST(status_decodes)
{
    size_t len;
    char *json = fixture("status_409.json", &len);
    fm_k8s_status *s = NULL;
    CHECK_FATAL(json);
    CHECK_FATAL(fm_k8s_status_decode(&s, json, len) == 0);
    CHECK_INT(s->code, 409);
    CHECK_STR(s->reason, "Conflict");
    CHECK_STR(s->details.name, "fix-issue-7");
    CHECK_CONTAINS(s->message, "the object has been modified");
    fm_k8s_status_free(s);
    free(json);

    json = fixture("lease.json", &len);
    fm_k8s_lease *l = NULL;
    CHECK_FATAL(json);
    CHECK_FATAL(fm_k8s_lease_decode(&l, json, len) == 0);
    CHECK_INT(l->spec.lease_duration_seconds, 15);
    CHECK_INT(l->spec.renew_time.nsec, 123456000);
    CHECK_STR(l->spec.holder_identity, "foreman-operator-7d9f8b6c5-x2k4p_1b2c3d4e");
    fm_k8s_lease_free(l);
    free(json);
}

static void run_all(void)
{
    RUN(fixtures_round_trip);
    RUN(agentic_task_fields);
    RUN(unknown_values_survive_in_lists);
    RUN(claim_patch);
    RUN(errors_name_the_path);
    RUN(status_decodes);
}

/* A 3,000-item list (over the split threshold) decodes to the same object
 * whole and element by element, and errors deep in it name the element. */
TEST(big_list_split_matches_whole)
{
    size_t len;
    char *one = fixture("agentictask.json", &len);
    fm_buf in = FM_BUF_INIT, e1 = FM_BUF_INIT, e2 = FM_BUF_INIT;
    fm_agentic_task_list *a = NULL, *b = NULL;
    CHECK_FATAL(one);
    fm_buf_puts(&in, "{\"kind\":\"AgenticTaskList\",\"items\": [\n");
    for (int i = 0; i < 3000; i++) {
        if (i) fm_buf_puts(&in, " ,\n");
        fm_buf_puts(&in, one);
    }
    fm_buf_puts(&in, "\n] ,\"metadata\":{\"resourceVersion\":\"7\"}, \"extra\":[1]}");
    CHECK(in.len > 256 * 1024);
    fm_codec_set_split_threshold(256 * 1024);
    CHECK_FATAL(fm_agentic_task_list_decode(&a, in.data, in.len) == 0);
    fm_codec_set_split_threshold((size_t)-1);
    CHECK_FATAL(fm_agentic_task_list_decode(&b, in.data, in.len) == 0);
    CHECK_INT(a->items.len, 3000);
    CHECK(fm_agentic_task_list_equal(a, b));
    CHECK(fm_agentic_task_list_encode(&e1, a) == 0);
    CHECK(fm_agentic_task_list_encode(&e2, b) == 0);
    CHECK_STR(e1.data, e2.data);
    CHECK_STR(a->metadata.resource_version, "7");
    CHECK_STR(a->_unknown, "\"extra\":[1]");
    fm_agentic_task_list_free(a);
    fm_agentic_task_list_free(b);
    a = NULL;

    /* a type error in element 2999 and a syntax error after the last one */
    char *bad = strdup(in.data);
    char *last = strstr(bad + in.len - len - 200, "\"issue\": 107");
    CHECK_FATAL(last);
    memcpy(last, "\"issue\": \"7\"", 12);
    fm_codec_set_split_threshold(256 * 1024);
    CHECK_INT(fm_agentic_task_list_decode(&a, bad, in.len), FM_EPARSE);
    CHECK_CONTAINS(fm_error_last()->message, ".items[2999].spec.payload.issue: expected integer, got string");
    free(bad);
    fm_buf_reset(&e1);
    fm_buf_put(&e1, in.data, in.len);
    char *close = strstr(e1.data + e1.len - 80, "\n]");
    CHECK_FATAL(close);
    close[0] = ',';
    CHECK_INT(fm_agentic_task_list_decode(&a, e1.data, e1.len), FM_EPARSE);
    CHECK_CONTAINS(fm_error_last()->message, "invalid JSON at byte");
    /* a repeated "items" key after a big list: the last one wins */
    fm_buf_reset(&e1);
    fm_buf_put(&e1, in.data, in.len - 1);
    fm_buf_puts(&e1, ",\"items\":[{\"kind\":\"X\"}]}");
    CHECK(fm_agentic_task_list_decode(&a, e1.data, e1.len) == 0);
    CHECK(a && a->items.len == 1 && strcmp(a->items.items[0].kind, "X") == 0);
    fm_agentic_task_list_free(a);
    a = NULL;
    fm_codec_set_split_threshold(256 * 1024);
    fm_buf_free(&in);
    fm_buf_free(&e1);
    fm_buf_free(&e2);
    free(one);
}

int main(void)
{
    run_all();
    RUN(big_list_split_matches_whole);
    fprintf(stderr, "-- split decoding --\n");
    fm_codec_set_split_threshold(0);
    run_all();
    return test_summary();
}
