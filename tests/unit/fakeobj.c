/*
 * fakeobj.c - the scripted object API of fakeobj.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "fakeobj.h"
#include "kube_json.h"

static size_t ws(const char *s, size_t len, size_t p)
{
    while (p < len && (s[p] == ' ' || s[p] == '\n' || s[p] == '\t' || s[p] == '\r')) p++;
    return p;
}

static bool is_object(const char *s, size_t len)
{
    size_t p = ws(s, len, 0);
    return p < len && s[p] == '{';
}

static bool is_null(const char *s, size_t len)
{
    size_t p = ws(s, len, 0);
    return len - p >= 4 && strncmp(s + p, "null", 4) == 0;
}

typedef struct member {
    const char *k, *v;
    size_t klen, vlen;
} member;

/* Splits a JSON object into members (at most cap). Returns the count. */
static size_t members(member *m, size_t cap, const char *s, size_t len)
{
    size_t n = 0, p = ws(s, len, 0);
    if (p >= len || s[p] != '{') return 0;
    p = ws(s, len, p + 1);
    while (p < len && s[p] != '}' && n < cap) {
        size_t k0 = p;
        if (fm_kube_json_skip(s, len, &p) != 0) return n;
        m[n].k = s + k0;
        m[n].klen = p - k0;
        p = ws(s, len, p);
        if (p < len && s[p] == ':') p++;
        p = ws(s, len, p);
        size_t v0 = p;
        if (fm_kube_json_skip(s, len, &p) != 0) return n;
        m[n].v = s + v0;
        m[n].vlen = p - v0;
        n++;
        p = ws(s, len, p);
        if (p < len && s[p] == ',') p = ws(s, len, p + 1);
    }
    return n;
}

/* RFC 7386: out = target merged with patch. */
static void merge(fm_buf *out, const char *t, size_t tlen, const char *pa, size_t plen)
{
    if (!is_object(pa, plen)) {
        fm_buf_put(out, pa, plen);
        return;
    }
    if (!t || !is_object(t, tlen)) {
        t = "{}";
        tlen = 2;
    }
    member tm[128], pm[128];
    size_t nt = members(tm, 128, t, tlen), np = members(pm, 128, pa, plen);
    bool first = true;
    fm_buf_put(out, "{", 1);
    for (size_t i = 0; i < nt; i++) {
        const member *hit = NULL;
        for (size_t j = 0; j < np; j++)
            if (pm[j].klen == tm[i].klen && memcmp(pm[j].k, tm[i].k, tm[i].klen) == 0) hit = &pm[j];
        if (hit && is_null(hit->v, hit->vlen)) continue;
        if (!first) fm_buf_put(out, ",", 1);
        first = false;
        fm_buf_put(out, tm[i].k, tm[i].klen);
        fm_buf_put(out, ":", 1);
        if (hit) merge(out, tm[i].v, tm[i].vlen, hit->v, hit->vlen);
        else fm_buf_put(out, tm[i].v, tm[i].vlen);
    }
    for (size_t j = 0; j < np; j++) {
        bool seen = false;
        for (size_t i = 0; i < nt; i++)
            if (pm[j].klen == tm[i].klen && memcmp(pm[j].k, tm[i].k, tm[i].klen) == 0) seen = true;
        if (seen || is_null(pm[j].v, pm[j].vlen)) continue;
        if (!first) fm_buf_put(out, ",", 1);
        first = false;
        fm_buf_put(out, pm[j].k, pm[j].klen);
        fm_buf_put(out, ":", 1);
        merge(out, NULL, 0, pm[j].v, pm[j].vlen);
    }
    fm_buf_put(out, "}", 1);
}

static int find(fake_api *f, const char *ns, const char *name)
{
    char key[256];
    snprintf(key, sizeof key, "%s/%s", ns ? ns : "", name ? name : "");
    for (size_t i = 0; i < f->n; i++)
        if (f->objs[i].json && strcmp(f->objs[i].key, key) == 0) return (int)i;
    return -1;
}

/* Stores json as the object's new version (resourceVersion rewritten). */
static void store(fake_api *f, int i, const char *json, size_t len)
{
    f->objs[i].rv = ++f->next_rv;
    char patch[128];
    snprintf(patch, sizeof patch, "{\"metadata\":{\"resourceVersion\":\"%ld\"}}", f->objs[i].rv);
    fm_buf b = FM_BUF_INIT;
    merge(&b, json, len, patch, strlen(patch));
    free(f->objs[i].json);
    f->objs[i].json = fm_strndup(b.data, b.len);
    fm_buf_free(&b);
}

static fake_action scripted(fake_api *f, bool is_get, int index)
{
    for (size_t i = 0; i < f->n_script; i++)
        if (f->script[i].is_get == is_get && f->script[i].index == index) return f->script[i].action;
    return FAKE_OK;
}

static int decode(fake_api *f, void **out, const fm_kind_desc *k, int i)
{
    if (!out) return 0;
    return fm_agentic_task_decode((fm_agentic_task **)out, f->objs[i].json, strlen(f->objs[i].json));
}

static int fake_get(void *ud, void **out, const fm_kind_desc *k, const char *ns, const char *name)
{
    fake_api *f = ud;
    fake_action a = scripted(f, true, ++f->gets);
    if (a == FAKE_TRANSPORT) return fm_error_set(FM_ETRANSPORT, "%s/%s: timed out (scripted)", ns, name);
    if (a == FAKE_GONE) fake_delete(f, ns, name);
    int i = find(f, ns, name);
    if (i < 0) return fm_error_set(FM_ENOTFOUND, "agentictasks/%s/%s: 404 Not Found", ns, name);
    return decode(f, out, k, i);
}

static int fake_patch(void *ud, void **out, const fm_kind_desc *k, const char *ns, const char *name,
                      const char *body, size_t len, bool status)
{
    fake_api *f = ud;
    fake_action a = scripted(f, false, ++f->patches);
    if (a == FAKE_TRANSPORT) return fm_error_set(FM_ETRANSPORT, "%s/%s: timed out (scripted)", ns, name);
    if (a == FAKE_GONE) fake_delete(f, ns, name);
    int i = find(f, ns, name);
    if (i < 0) return fm_error_set(FM_ENOTFOUND, "agentictasks/%s/%s: 404 Not Found", ns, name);
    if (a == FAKE_CONFLICT)
        return fm_error_set(FM_ECONFLICT, "agentictasks/%s/%s: 409 Conflict (scripted)", ns, name);
    if (a == FAKE_BUMP) {
        const char *bump = "{\"metadata\":{\"labels\":{\"bumped\":\"yes\"}}}";
        fm_buf b = FM_BUF_INIT;
        merge(&b, f->objs[i].json, strlen(f->objs[i].json), bump, strlen(bump));
        store(f, i, b.data, b.len);
        fm_buf_free(&b);
    }
    /* The precondition. */
    char *want = fm_kube_json_path_string(body, len, "metadata.resourceVersion");
    char have[32];
    snprintf(have, sizeof have, "%ld", f->objs[i].rv);
    bool stale = want && strcmp(want, have) != 0;
    free(want);
    if (stale) return fm_error_set(FM_ECONFLICT, "agentictasks/%s/%s: 409 Conflict: the object has been modified", ns, name);
    /* A status patch changes only status; a main-resource one everything else. */
    fm_buf b = FM_BUF_INIT;
    const char *v;
    size_t vlen;
    if (status) {
        fm_buf p = FM_BUF_INIT;
        fm_buf_put(&p, "{\"status\":", 10);
        if (fm_kube_json_member(body, len, "status", &v, &vlen) == 0) fm_buf_put(&p, v, vlen);
        else fm_buf_put(&p, "{}", 2);
        fm_buf_put(&p, "}", 1);
        merge(&b, f->objs[i].json, strlen(f->objs[i].json), p.data, p.len);
        fm_buf_free(&p);
    } else {
        fm_buf p = FM_BUF_INIT;
        fm_buf_put(&p, "{\"metadata\":", 12);
        if (fm_kube_json_member(body, len, "metadata", &v, &vlen) == 0) fm_buf_put(&p, v, vlen);
        else fm_buf_put(&p, "{}", 2);
        fm_buf_put(&p, "}", 1);
        merge(&b, f->objs[i].json, strlen(f->objs[i].json), p.data, p.len);
        fm_buf_free(&p);
    }
    store(f, i, b.data, b.len);
    fm_buf_free(&b);
    f->applied++;
    if (a == FAKE_LOST) return fm_error_set(FM_ETRANSPORT, "agentictasks/%s/%s: timed out (answer lost, scripted)", ns, name);
    return decode(f, out, k, i);
}

static int fake_create(void *ud, void **out, const fm_kind_desc *k, const char *ns, const void *obj)
{
    return fm_error_set(FM_EINVAL, "fake: create not scripted");
}

static int fake_del(void *ud, const fm_kind_desc *k, const char *ns, const char *name)
{
    fake_api *f = ud;
    if (find(f, ns, name) < 0) return fm_error_set(FM_ENOTFOUND, "404");
    fake_delete(f, ns, name);
    return 0;
}

void fake_init(fake_api *f, fm_objapi *api)
{
    memset(f, 0, sizeof *f);
    f->next_rv = 100;
    api->ud = f;
    api->get = fake_get;
    api->patch = fake_patch;
    api->create = fake_create;
    api->del = fake_del;
}

void fake_free(fake_api *f)
{
    for (size_t i = 0; i < f->n; i++) free(f->objs[i].json);
    f->n = 0;
}

void fake_put_task(fake_api *f, const fm_agentic_task *t)
{
    int i = find(f, t->metadata.namespace, t->metadata.name);
    if (i < 0) {
        i = (int)f->n++;
        snprintf(f->objs[i].key, sizeof f->objs[i].key, "%s/%s", t->metadata.namespace ? t->metadata.namespace : "",
                 t->metadata.name);
    }
    fm_buf b = FM_BUF_INIT;
    fm_agentic_task_encode(&b, t);
    store(f, i, b.data, b.len);
    fm_buf_free(&b);
}

fm_agentic_task *fake_task(fake_api *f, const char *ns, const char *name)
{
    int i = find(f, ns, name);
    if (i < 0) return NULL;
    fm_agentic_task *t = NULL;
    fm_agentic_task_decode(&t, f->objs[i].json, strlen(f->objs[i].json));
    return t;
}

void fake_delete(fake_api *f, const char *ns, const char *name)
{
    int i = find(f, ns, name);
    if (i < 0) return;
    free(f->objs[i].json);
    f->objs[i].json = NULL;
}

void fake_on_patch(fake_api *f, int n, fake_action action)
{
    f->script[f->n_script].is_get = false;
    f->script[f->n_script].index = n;
    f->script[f->n_script++].action = action;
}

void fake_on_get(fake_api *f, int n, fake_action action)
{
    f->script[f->n_script].is_get = true;
    f->script[f->n_script].index = n;
    f->script[f->n_script++].action = action;
}
