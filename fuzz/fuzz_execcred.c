/*
 * fuzz_execcred.c - libFuzzer target for what the client reads from outside
 * without the object codec: an exec plugin's ExecCredential (stdout of a
 * program named in the kubeconfig), a server's Status error bodies, and the
 * small JSON scanner (kube_json.h) both are read with.
 *
 * The ExecCredential is parsed inside kube_auth.c's exec_run(), which is not
 * callable alone (it spawns the plugin), so this target repeats its reading
 * steps call for call: kind, apiVersion, status.token,
 * status.clientCertificateData, status.clientKeyData and
 * status.expirationTimestamp through fm_kube_json_path_string(), the timestamp
 * through fm_codec_time_parse(). Byte 0 of the input picks the HTTP status
 * given to fm_kube_http_status_error() (400 + byte0); the rest is the JSON.
 *
 * The target aborts unless:
 *   - fm_kube_json_skip() is deterministic and stays inside the input;
 *   - a member found by fm_kube_json_member()/fm_kube_json_path() lies inside the
 *     input, and skipping that span consumes exactly the span;
 *   - fm_kube_json_string() never returns more bytes than its literal had;
 *   - a parsed timestamp formats to text that parses back to the same time;
 *   - fm_kube_http_status_error() returns the status's class
 *     (fm_kube_status_code() of it and the recorded reason) with the given status and a
 *     non-empty message free of control characters.
 */
#include "codec.h"
#include "error.h"
#include "kube_internal.h"
#include "kube_json.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz_execcred: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    abort();
}

static void check_span(const char *doc, size_t len, const char *v, size_t vl, const char *path)
{
    size_t p = 0;
    if (v < doc || v + vl > doc + len || vl == 0) fail("member span outside the document", path);
    if (fm_kube_json_skip(v, vl, &p) != 0 || p != vl) fail("member span is not exactly one value", path);
    if (v[0] == '"') {
        /* The scanner checks escapes loosely ("\\uZZZZ" skips), so a
         * string that skips may still fail to unescape: NULL is allowed. */
        char *s = fm_kube_json_string(v, vl);
        if (s && strlen(s) > vl) fail("unescaped string longer than its literal", path);
        free(s);
    } else if ((v[0] >= '0' && v[0] <= '9') || v[0] == '-') {
        int64_t n;
        fm_kube_json_int(&n, v, vl);
    }
}

/* fm_kube_json_path_string plus the span checks for the same path. */
static char *path_string(const char *doc, size_t len, const char *path)
{
    const char *v;
    size_t vl;
    if (fm_kube_json_path(doc, len, path, &v, &vl) == 0) check_span(doc, len, v, vl, path);
    return fm_kube_json_path_string(doc, len, path);
}

static void check_time(const char *s)
{
    fm_time t, t2;
    char txt[40];
    if (fm_codec_time_parse(&t, s, strlen(s)) != 0) return;
    fm_codec_time_format(txt, t);
    if (fm_codec_time_parse(&t2, txt, strlen(txt)) != 0) fail("formatted time does not parse", txt);
    if (t2.sec != t.sec || t2.nsec != t.nsec) fail("time does not survive format+parse", txt);
}

/* The reading steps of exec_run(), minus the process handling. */
static void exec_credential(const char *js, size_t jl)
{
    char *kind = path_string(js, jl, "kind");
    char *api = path_string(js, jl, "apiVersion");
    char *tok = path_string(js, jl, "status.token");
    char *cert = path_string(js, jl, "status.clientCertificateData");
    char *key = path_string(js, jl, "status.clientKeyData");
    char *exp = path_string(js, jl, "status.expirationTimestamp");
    if (exp) check_time(exp);
    free(kind);
    free(api);
    free(tok);
    free(cert);
    free(key);
    free(exp);
}

static void status_body(long status, const char *body, size_t len)
{
    int rc = fm_kube_http_status_error(status, body, len, "fleetnodes/fuzz");
    const fm_error *e = fm_error_last();
    int want = fm_kube_status_code(status, e->reason);
    if (rc >= 0 || e->code != rc || rc != (want ? want : FM_EHTTP) || e->http_status != status)
        fail("status error did not record the status's class and the status", NULL);
    if (!e->message[0]) fail("status error message empty", NULL);
    for (const char *p = e->message; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f) fail("control character in the message", e->message);
    char *r = path_string(body, len, "reason");
    char *m = path_string(body, len, "message");
    const char *cv;
    size_t cl;
    if (fm_kube_json_member(body, len, "code", &cv, &cl) == 0) check_span(body, len, cv, cl, "code");
    const char *arr;
    size_t al;
    if (fm_kube_json_path(body, len, "details.causes", &arr, &al) == 0) check_span(body, len, arr, al, "details.causes");
    free(r);
    free(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    long status = 400 + data[0];
    const char *js = (const char *)data + 1;
    size_t len = size - 1;

    size_t p1 = 0, p2 = 0;
    int r1 = fm_kube_json_skip(js, len, &p1);
    int r2 = fm_kube_json_skip(js, len, &p2);
    if (r1 != r2 || (r1 == 0 && (p1 != p2 || p1 > len))) fail("fm_kube_json_skip not deterministic or overran", NULL);
    if (r1 != 0 && r1 != FM_EPARSE && r1 != FM_ELIMIT) fail("fm_kube_json_skip returned an unexpected code", NULL);
    if (r1 == 0) {
        /* Skipping again from where the value ended must see only
         * whitespace or another value, never read past len. */
        size_t p3 = p1;
        fm_kube_json_skip(js, len, &p3);
        if (p3 > len) fail("second skip overran", NULL);
    }

    exec_credential(js, len);
    status_body(status, js, len);
    return 0;
}
