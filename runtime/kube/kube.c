/*
 * kube.c - the REST verbs, watch and error predicates of the Kubernetes
 * client (see kube.h). Transport lives in kube_http.c, credentials in
 * kube_auth.c.
 *
 * Every verb builds a path from the kind descriptor, sends one request
 * through fm_kube_http_do() and decodes the answer with the generic codec into
 * freshly allocated memory of the descriptor's size.
 */
#include "kube.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "kube_internal.h"
#include "kube_json.h"
#include "watchframe.h"

/* A distinct address (its text is never used as a namespace name). */
const char fm_kube_all_namespaces[] = "\x01all-namespaces";

/* True for KUBE_ALL_NAMESPACES (by address or, across copies, by text). */
static bool all_ns(const char *ns)
{
    return ns == fm_kube_all_namespaces || (ns && strcmp(ns, fm_kube_all_namespaces) == 0);
}

#define WATCH_DEFAULT_TIMEOUT_S 290
#define WATCH_MAX_TIMEOUT_S 294

/* ------------------------------------------------------------ paths */

/* Appends s percent-encoded (RFC 3986 unreserved characters kept). */
static int put_escaped(fm_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char ch = *p;
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
            ch == '.' || ch == '_' || ch == '~') {
            if (fm_buf_put(b, p, 1) < 0) return FM_ENOMEM;
        } else {
            char e[3] = {'%', hex[ch >> 4], hex[ch & 15]};
            if (fm_buf_put(b, e, 3) < 0) return FM_ENOMEM;
        }
    }
    return 0;
}

int fm_kube_resource_path(fm_buf *out, const fm_kind_desc *k, const char *ns, const char *name,
                       const char *subresource)
{
    int rc;
    if (!k || !k->plural || !k->version) return fm_error_set(FM_EINVAL, "kube: kind descriptor without plural/version");
    if (k->group && k->group[0]) rc = fm_buf_printf(out, "/apis/%s/%s", k->group, k->version);
    else rc = fm_buf_printf(out, "/api/%s", k->version);
    if (rc < 0) goto oom;
    if (k->namespaced && ns && !all_ns(ns) && ns[0]) {
        if (fm_buf_puts(out, "/namespaces/") < 0 || put_escaped(out, ns) < 0) goto oom;
    }
    if (fm_buf_puts(out, "/") < 0 || fm_buf_puts(out, k->plural) < 0) goto oom;
    if (name) {
        if (!name[0]) return fm_error_set(FM_EINVAL, "%s: empty object name", k->plural);
        if (fm_buf_puts(out, "/") < 0 || put_escaped(out, name) < 0) goto oom;
        if (subresource && (fm_buf_puts(out, "/") < 0 || put_escaped(out, subresource) < 0)) goto oom;
    }
    return 0;
oom:
    return fm_error_set(FM_ENOMEM, "%s: out of memory", k->plural);
}

/* Appends "?key=value" or "&key=value" (value escaped); NULL/"" skipped. */
static int query(fm_buf *b, const char *key, const char *value)
{
    if (!value || !value[0]) return 0;
    if (fm_buf_puts(b, strchr(b->data ? b->data : "", '?') ? "&" : "?") < 0 || fm_buf_puts(b, key) < 0 ||
        fm_buf_puts(b, "=") < 0 || put_escaped(b, value) < 0)
        return FM_ENOMEM;
    return 0;
}

static int query_long(fm_buf *b, const char *key, long v)
{
    char tmp[32];
    snprintf(tmp, sizeof(tmp), "%ld", v);
    return query(b, key, tmp);
}

/* The namespace a namespaced call uses: explicit, else the client's. */
static const char *ns_or_default(fm_kube_client *c, const fm_kind_desc *k, const char *ns)
{
    if (!k->namespaced) return NULL;
    if (all_ns(ns)) return ns;
    return ns && ns[0] ? ns : fm_kube_client_namespace(c);
}

/* Names the target in error messages: "plural/name", "plural/ns/name", or
 * for collections "plural" / "plural in ns". */
static void what_of(char *dst, size_t cap, const fm_kind_desc *k, const char *ns, const char *name)
{
    bool has_ns = k->namespaced && ns && !all_ns(ns) && ns[0];
    if (name && has_ns) snprintf(dst, cap, "%s/%s/%s", k->plural, ns, name);
    else if (name) snprintf(dst, cap, "%s/%s", k->plural, name);
    else if (has_ns) snprintf(dst, cap, "%s in %s", k->plural, ns);
    else snprintf(dst, cap, "%s", k->plural);
}

/* ------------------------------------------------------------ objects */

void fm_kube_object_free(const fm_struct_desc *d, void *obj)
{
    fm_codec_object_free(obj, d); /* a packed object (fm_codec_pack) too */
}

static const fm_field_desc *field_named(const fm_struct_desc *d, const char *name);

/* Decodes body into a new object of d; *out NULL on failure. */
static int decode_new(void **out, const fm_struct_desc *d, const char *body, size_t len, const char *what)
{
    *out = NULL;
    void *obj = calloc(1, d->size);
    if (!obj) return fm_error_set(FM_ENOMEM, "%s: out of memory", what);
    int rc = fm_codec_decode(obj, d, body ? body : "", body ? len : 0);
    if (rc < 0) {
        fm_error_prefix("%s: decoding the server's answer", what);
        fm_kube_object_free(d, obj);
        return rc;
    }
    *out = obj;
    return 0;
}

/* Sends one request and, when out is non-NULL, decodes the 2xx body. */
static int call(void **out, fm_kube_client *c, const fm_struct_desc *d, const char *method, const char *path,
                const char *ctype, const char *body, size_t len, const char *what)
{
    fm_kube_response resp = {0};
    fm_kube_http_req r = {0};
    r.method = method;
    r.path = path;
    r.content_type = ctype;
    r.body = body;
    r.len = len;
    r.what = what;
    if (out) *out = NULL;
    int rc = fm_kube_http_do(&resp, c, &r);
    if (rc == 0 && out) rc = decode_new(out, d, resp.body.data, resp.body.len, what);
    fm_kube_response_free(&resp);
    return rc;
}

int fm_kube_request(fm_kube_response *out, fm_kube_client *c, const char *method, const char *path_and_query,
                 const char *content_type, const char *body, size_t len)
{
    char what[300];
    fm_kube_http_req r = {0};
    snprintf(what, sizeof(what), "%s %.200s", method, path_and_query ? path_and_query : "");
    r.method = method;
    r.path = path_and_query;
    r.content_type = content_type;
    r.body = body;
    r.len = len;
    r.what = what;
    memset(out, 0, sizeof(*out));
    return fm_kube_http_do(out, c, &r);
}

int fm_kube_get(void **out, fm_kube_client *c, const fm_kind_desc *k, const char *ns, const char *name)
{
    fm_buf path = FM_BUF_INIT;
    char what[300];
    *out = NULL;
    ns = ns_or_default(c, k, ns);
    what_of(what, sizeof(what), k, ns, name);
    if (!name || !name[0]) return fm_error_set(FM_EINVAL, "%s: get needs a name", what);
    int rc = fm_kube_resource_path(&path, k, ns, name, NULL);
    if (rc == 0) rc = call(out, c, k->object, "GET", path.data, NULL, NULL, 0, what);
    fm_buf_free(&path);
    return rc;
}

/* ------------------------------------------------------------ per-item lists */

/*
 * The slow path of a list page that did not decode as a whole: the page
 * without its items (the list's metadata) is decoded as usual, then every
 * item alone; an item that fails is handed to o->on_bad_object and left
 * out. Fails only when the page itself (not one item) is broken. *out is
 * the k->list struct.
 */
static int decode_list_per_item(void **out, const fm_kind_desc *k, const char *body, size_t len,
                                 const char *what, const fm_kube_list_opts *o)
{
    const fm_field_desc *items = field_named(k->list, "items");
    const char *iv = NULL;
    size_t il = 0, vs, ve;
    char *skel = NULL;
    void *list = NULL;
    int rc;

    *out = NULL;
    /* ANY_DEPTH: the items array may hold the object nested too deep. */
    if (!items || items->type != FM_T_LIST ||
        fm_kube_json_member_depth(body, len, "items", FM_KUBE_JSON_ANY_DEPTH, &iv, &il) != 0 || iv[0] != '[')
        return fm_error_set(FM_EPARSE, "%s: the list has no items array", what);
    vs = (size_t)(iv - body);
    ve = vs + il;
    if (!(skel = malloc(len + 3))) return fm_error_set(FM_ENOMEM, "%s: out of memory", what);
    memcpy(skel, body, vs);
    memcpy(skel + vs, "[]", 2);
    memcpy(skel + vs + 2, body + ve, len - ve);
    skel[vs + 2 + len - ve] = 0;
    rc = decode_new(&list, k->list, skel, vs + 2 + len - ve, what);
    free(skel);
    if (rc < 0) return rc;

    fm_list *l = (fm_list *)((char *)list + items->offset);
    size_t pos = 0;
    const char *ev;
    size_t el;
    for (;;) {
        int nrc = fm_kube_json_array_next(iv, il, &pos, FM_KUBE_JSON_ANY_DEPTH, &ev, &el);
        if (nrc == 0) break;
        if (nrc == FM_ENOMEM) {
            rc = fm_error_set(FM_ENOMEM, "%s: out of memory", what);
            break;
        }
        if (nrc < 0) {
            rc = fm_error_set(FM_EPARSE, "%s: malformed item at byte %zu", what, vs + pos);
            break;
        }
        void *obj = NULL;
        int drc = decode_new(&obj, k->object, ev, el, what);
        if (drc == FM_ENOMEM) {
            rc = drc;
            break;
        }
        if (drc < 0) {
            o->on_bad_object(o->bad_object_ud, KUBE_WATCH_ADDED, ev, el, drc, fm_error_last()->message);
        } else {
            void *grown = realloc(l->items, (l->len + 1) * items->elem_size);
            if (!grown) {
                fm_kube_object_free(k->object, obj);
                rc = fm_error_set(FM_ENOMEM, "%s: out of memory", what);
                break;
            }
            l->items = grown;
            memcpy((char *)l->items + l->len * items->elem_size, obj, items->elem_size);
            l->len++;
            free(obj); /* its contents moved into the list */
        }
    }
    if (rc < 0) {
        fm_kube_object_free(k->list, list);
        return rc;
    }
    fm_codec_set_present(list, items->presence_bit, true);
    *out = list;
    return 0;
}

/* GETs one list page; a page that does not decode as a whole because of
 * some of its items is decoded item by item (decode_list_per_item). */
static int list_call(void **out, fm_kube_client *c, const fm_kind_desc *k, const char *path,
                     const char *what, const fm_kube_list_opts *o)
{
    fm_kube_response resp = {0};
    fm_kube_http_req r = {0};
    r.method = "GET";
    r.path = path;
    r.what = what;
    *out = NULL;
    int rc = fm_kube_http_do(&resp, c, &r);
    if (rc == 0) {
        const char *b = resp.body.data ? resp.body.data : "";
        rc = decode_new(out, k->list, b, resp.body.len, what);
        if (rc == FM_EPARSE || rc == FM_ELIMIT) rc = decode_list_per_item(out, k, b, resp.body.len, what, o);
    }
    fm_kube_response_free(&resp);
    return rc;
}

int fm_kube_list(void **out_list, fm_kube_client *c, const fm_kind_desc *k, const char *ns, const fm_kube_list_opts *o)
{
    fm_buf path = FM_BUF_INIT;
    char what[300];
    int rc;
    *out_list = NULL;
    ns = ns_or_default(c, k, ns);
    what_of(what, sizeof(what), k, ns, NULL);
    if (!k->list) return fm_error_set(FM_EINVAL, "%s: kind has no list descriptor", what);
    if ((rc = fm_kube_resource_path(&path, k, ns, NULL, NULL)) < 0) goto done;
    if (o && (query(&path, "labelSelector", o->label_selector) < 0 ||
              query(&path, "fieldSelector", o->field_selector) < 0 ||
              (o->limit > 0 && query_long(&path, "limit", o->limit) < 0) ||
              query(&path, "continue", o->continue_token) < 0 ||
              query(&path, "resourceVersion", o->resource_version) < 0 ||
              query(&path, "resourceVersionMatch", o->resource_version_match) < 0 ||
              (o->timeout_seconds > 0 && query_long(&path, "timeoutSeconds", o->timeout_seconds) < 0))) {
        rc = fm_error_set(FM_ENOMEM, "%s: out of memory", what);
        goto done;
    }
    if (o && o->on_bad_object) rc = list_call(out_list, c, k, path.data, what, o);
    else rc = call(out_list, c, k->list, "GET", path.data, NULL, NULL, 0, what);
done:
    fm_buf_free(&path);
    return rc;
}

int fm_kube_field_selector_supported(fm_kube_client *c, const fm_kind_desc *k, const char *ns,
                                  const char *field_selector)
{
    fm_kube_list_opts lo = {.field_selector = field_selector, .limit = 1};
    void *list = NULL;
    int rc = fm_kube_list(&list, c, k, ns, &lo);
    fm_kube_object_free(k->list, list);
    if (rc == 0) return 1;
    return rc == FM_EHTTP && fm_error_last()->http_status == 400 ? 0 : rc;
}

/* The field of d whose JSON name is name, or NULL. */
static const fm_field_desc *field_named(const fm_struct_desc *d, const char *name)
{
    for (size_t i = 0; d && i < d->n_fields; i++)
        if (strcmp(d->fields[i].json_name, name) == 0) return &d->fields[i];
    return NULL;
}

/*
 * Moves the items of page into acc (both k->list structs): the element
 * structs are moved bitwise, then the page forgets them, so nothing is
 * copied deeply. Returns 0 or FM_ENOMEM.
 */
static int move_items(void *acc, void *page, const fm_field_desc *items)
{
    fm_list *a = (fm_list *)((char *)acc + items->offset);
    fm_list *p = (fm_list *)((char *)page + items->offset);
    if (p->len == 0) return 0;
    void *grown = realloc(a->items, (a->len + p->len) * items->elem_size);
    if (!grown) return FM_ENOMEM;
    a->items = grown;
    memcpy((char *)a->items + a->len * items->elem_size, p->items, p->len * items->elem_size);
    a->len += p->len;
    free(p->items);
    p->items = NULL;
    p->len = 0;
    return 0;
}

int fm_kube_list_all(void **out_list, fm_kube_client *c, const fm_kind_desc *k, const char *ns, const fm_kube_list_opts *o)
{
    fm_kube_list_opts lo = {0};
    void *acc = NULL, *page = NULL;
    char *cont = NULL;
    int rc = 0;
    *out_list = NULL;
    if (o) lo = *o;
    if (lo.limit <= 0) lo.limit = 500;
    const fm_field_desc *items = field_named(k->list, "items");
    const fm_field_desc *meta = field_named(k->list, "metadata");
    const fm_field_desc *contf = meta ? field_named(meta->sub, "continue") : NULL;
    if (!items || items->type != FM_T_LIST || !meta || !contf || contf->type != FM_T_STRING)
        return fm_error_set(FM_EINVAL, "%s: list descriptor lacks items/metadata.continue", k->plural);
    for (int pages = 0;; pages++) {
        lo.continue_token = cont;
        if (pages > 0) {
            /* later pages are defined by the token alone */
            lo.resource_version = NULL;
            lo.resource_version_match = NULL;
        }
        if ((rc = fm_kube_list(&page, c, k, ns, &lo)) < 0) break;
        char **pc = (char **)((char *)page + meta->offset + contf->offset);
        free(cont);
        cont = *pc && (*pc)[0] ? fm_strdup(*pc) : NULL;
        if (!acc) {
            acc = page;
            page = NULL;
            free(*pc);
            *pc = NULL;
        } else {
            rc = move_items(acc, page, items);
            fm_kube_object_free(k->list, page);
            page = NULL;
            if (rc < 0) {
                rc = fm_error_set(FM_ENOMEM, "%s: out of memory joining pages", k->plural);
                break;
            }
        }
        if (!cont) break;
    }
    free(cont);
    if (rc < 0) {
        fm_kube_object_free(k->list, acc);
        return rc;
    }
    *out_list = acc;
    return 0;
}

/* Encodes obj and reads metadata.name / metadata.namespace from the JSON
 * (the client does not know the generated struct layout). */
static int encode_obj(fm_buf *json, char **name, char **ns, const fm_kind_desc *k, const void *obj)
{
    *name = *ns = NULL;
    if (!obj) return fm_error_set(FM_EINVAL, "%s: no object given", k->plural);
    if (fm_codec_encode(json, obj, k->object) < 0) return fm_error_set(FM_ENOMEM, "%s: out of memory encoding", k->plural);
    *name = fm_kube_json_path_string(json->data, json->len, "metadata.name");
    *ns = fm_kube_json_path_string(json->data, json->len, "metadata.namespace");
    return 0;
}

int fm_kube_create(void **out, fm_kube_client *c, const fm_kind_desc *k, const char *ns, const void *obj)
{
    fm_buf json = FM_BUF_INIT, path = FM_BUF_INIT;
    char *oname = NULL, *ons = NULL;
    char what[300];
    int rc;
    if (out) *out = NULL;
    if ((rc = encode_obj(&json, &oname, &ons, k, obj)) < 0) goto done;
    ns = ns_or_default(c, k, ns && ns[0] ? ns : ons);
    what_of(what, sizeof(what), k, ns, oname ? oname : "(generated name)");
    if ((rc = fm_kube_resource_path(&path, k, ns, NULL, NULL)) < 0) goto done;
    if (query(&path, "fieldManager", fm_kube_http_field_manager(c)) < 0) {
        rc = fm_error_set(FM_ENOMEM, "%s: out of memory", what);
        goto done;
    }
    rc = call(out, c, k->object, "POST", path.data, "application/json", json.data, json.len, what);
done:
    free(oname);
    free(ons);
    fm_buf_free(&json);
    fm_buf_free(&path);
    return rc;
}

int fm_kube_update(void **out, fm_kube_client *c, const fm_kind_desc *k, const void *obj, bool status_subresource)
{
    fm_buf json = FM_BUF_INIT, path = FM_BUF_INIT;
    char *oname = NULL, *ons = NULL;
    char what[300];
    int rc;
    if (out) *out = NULL;
    if ((rc = encode_obj(&json, &oname, &ons, k, obj)) < 0) goto done;
    const char *ns = ns_or_default(c, k, ons);
    what_of(what, sizeof(what), k, ns, oname ? oname : "");
    if (!oname || !oname[0]) {
        rc = fm_error_set(FM_EINVAL, "%s: update needs metadata.name", k->plural);
        goto done;
    }
    if ((rc = fm_kube_resource_path(&path, k, ns, oname, status_subresource ? "status" : NULL)) < 0) goto done;
    if (query(&path, "fieldManager", fm_kube_http_field_manager(c)) < 0) {
        rc = fm_error_set(FM_ENOMEM, "%s: out of memory", what);
        goto done;
    }
    rc = call(out, c, k->object, "PUT", path.data, "application/json", json.data, json.len, what);
done:
    free(oname);
    free(ons);
    fm_buf_free(&json);
    fm_buf_free(&path);
    return rc;
}

int fm_kube_patch(void **out, fm_kube_client *c, const fm_kind_desc *k, const char *ns, const char *name,
               fm_kube_patch_type type, const char *body, size_t len, const fm_kube_patch_opts *o)
{
    fm_buf path = FM_BUF_INIT;
    char what[300];
    const char *ctype;
    int rc;
    if (out) *out = NULL;
    ns = ns_or_default(c, k, ns);
    what_of(what, sizeof(what), k, ns, name);
    switch (type) {
    case KUBE_PATCH_MERGE: ctype = "application/merge-patch+json"; break;
    case KUBE_PATCH_JSON: ctype = "application/json-patch+json"; break;
    case KUBE_PATCH_STRATEGIC: ctype = "application/strategic-merge-patch+json"; break;
    case KUBE_PATCH_APPLY: ctype = "application/apply-patch+yaml"; break;
    default: return fm_error_set(FM_EINVAL, "%s: unknown patch type %d", what, (int)type);
    }
    if (!name || !name[0]) return fm_error_set(FM_EINVAL, "%s: patch needs a name", what);
    if ((rc = fm_kube_resource_path(&path, k, ns, name, o ? o->subresource : NULL)) < 0) goto done;
    const char *fmgr = o && o->field_manager && o->field_manager[0] ? o->field_manager : fm_kube_http_field_manager(c);
    if (query(&path, "fieldManager", fmgr) < 0 ||
        (type == KUBE_PATCH_APPLY && o && o->force && query(&path, "force", "true") < 0) ||
        (o && o->dry_run && query(&path, "dryRun", "All") < 0)) {
        rc = fm_error_set(FM_ENOMEM, "%s: out of memory", what);
        goto done;
    }
    rc = call(out, c, k->object, "PATCH", path.data, ctype, body, len, what);
done:
    fm_buf_free(&path);
    return rc;
}

int fm_kube_delete(fm_kube_client *c, const fm_kind_desc *k, const char *ns, const char *name, const fm_kube_delete_opts *o)
{
    fm_buf path = FM_BUF_INIT, body = FM_BUF_INIT;
    char what[300];
    int rc = 0;
    ns = ns_or_default(c, k, ns);
    what_of(what, sizeof(what), k, ns, name);
    if (!name || !name[0]) return fm_error_set(FM_EINVAL, "%s: delete needs a name", what);
    if ((rc = fm_kube_resource_path(&path, k, ns, name, NULL)) < 0) goto done;
    if (o) {
        int e = fm_buf_puts(&body, "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\"");
        if (o->uid || o->resource_version) {
            const char *sep = "";
            e |= fm_buf_puts(&body, ",\"preconditions\":{");
            if (o->uid) {
                e |= fm_buf_puts(&body, "\"uid\":");
                e |= fm_buf_put_json_string(&body, o->uid, strlen(o->uid));
                sep = ",";
            }
            if (o->resource_version) {
                e |= fm_buf_printf(&body, "%s\"resourceVersion\":", sep);
                e |= fm_buf_put_json_string(&body, o->resource_version, strlen(o->resource_version));
            }
            e |= fm_buf_puts(&body, "}");
        }
        if (o->propagation_policy) {
            e |= fm_buf_puts(&body, ",\"propagationPolicy\":");
            e |= fm_buf_put_json_string(&body, o->propagation_policy, strlen(o->propagation_policy));
        }
        if (o->grace_period_seconds >= 0) e |= fm_buf_printf(&body, ",\"gracePeriodSeconds\":%ld", o->grace_period_seconds);
        if (o->dry_run) e |= fm_buf_puts(&body, ",\"dryRun\":[\"All\"]");
        e |= fm_buf_puts(&body, "}");
        if (e < 0) {
            rc = fm_error_set(FM_ENOMEM, "%s: out of memory", what);
            goto done;
        }
    }
    rc = call(NULL, c, k->object, "DELETE", path.data, o ? "application/json" : NULL, body.data, body.len, what);
done:
    fm_buf_free(&path);
    fm_buf_free(&body);
    return rc;
}

/* ------------------------------------------------------------ watch */

const char *fm_kube_watch_event_name(fm_kube_watch_event_type t)
{
    switch (t) {
    case KUBE_WATCH_ADDED: return "ADDED";
    case KUBE_WATCH_MODIFIED: return "MODIFIED";
    case KUBE_WATCH_DELETED: return "DELETED";
    case KUBE_WATCH_BOOKMARK: return "BOOKMARK";
    case KUBE_WATCH_ERROR: return "ERROR";
    default: return "UNKNOWN";
    }
}

typedef struct watch_state {
    fm_kube_client *c;
    const fm_kind_desc *k;
    fm_kube_watch_fn fn;
    void *ud;
    fm_watchframe frame;
    const char *what;
    const char *rv;
    fm_kube_bad_object_fn on_bad;
    void *bad_ud;
} watch_state;

static fm_kube_watch_event_type event_type(const char *v, size_t n)
{
    static const struct {
        const char *s;
        fm_kube_watch_event_type t;
    } map[] = {{"\"ADDED\"", KUBE_WATCH_ADDED},       {"\"MODIFIED\"", KUBE_WATCH_MODIFIED},
               {"\"DELETED\"", KUBE_WATCH_DELETED},   {"\"BOOKMARK\"", KUBE_WATCH_BOOKMARK},
               {"\"ERROR\"", KUBE_WATCH_ERROR}};
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (strlen(map[i].s) == n && memcmp(map[i].s, v, n) == 0) return map[i].t;
    return 0;
}

int fm_kube_watch_event_split(const char *ev, size_t len, fm_kube_watch_event_type *type, const char **tv,
                              size_t *tl, const char **ov, size_t *ol)
{
    /* ANY_DEPTH: an object nested deeper than the decoder's limit must
     * reach the decoder, which reports it as one bad object instead of a
     * broken stream; and "type" may come after it. */
    int rc = fm_kube_json_member_depth(ev, len, "type", FM_KUBE_JSON_ANY_DEPTH, tv, tl);
    if (rc == 0) rc = fm_kube_json_member_depth(ev, len, "object", FM_KUBE_JSON_ANY_DEPTH, ov, ol);
    if (rc < 0) return rc == FM_ENOMEM ? rc : FM_EPARSE;
    *type = event_type(*tv, *tl);
    return 0;
}

/*
 * One framed event: {"type":"...","object":{...}}. Decodes the object and
 * hands it to the user's callback; an ERROR event ends the watch with
 * the class of its Status code (FM_EGONE for 410, fm_kube_status_code()).
 */
static int on_event(void *ud, const char *data, size_t len)
{
    watch_state *w = ud;
    const char *tv, *ov;
    size_t tl, ol;
    fm_kube_watch_event_type t;
    int src = fm_kube_watch_event_split(data, len, &t, &tv, &tl, &ov, &ol);
    if (src == FM_ENOMEM) return fm_error_set(FM_ENOMEM, "%s: watch: out of memory", w->what);
    if (src < 0) return fm_error_set(FM_EPARSE, "%s: watch: malformed event (%zu bytes)", w->what, len);
    if (!t) {
        char tn[40];
        snprintf(tn, sizeof(tn), "%.*s", (int)(tl < 32 ? tl : 32), tv);
        return fm_error_set(FM_EPARSE, "%s: watch: unknown event type %s", w->what, tn);
    }
    if (t == KUBE_WATCH_ERROR) {
        int64_t code = 0;
        const char *cv;
        size_t cl;
        if (fm_kube_json_member(ov, ol, "code", &cv, &cl) == 0) fm_kube_json_int(&code, cv, cl);
        int urc = w->fn(w->ud, t, NULL, ov, ol);
        if (code == 410) {
            char *msg = fm_kube_json_path_string(ov, ol, "message");
            fm_error_set_http(FM_EGONE, 410, "Gone", "%s: watch from resourceVersion %s: 410 Gone: %s", w->what,
                              w->rv && w->rv[0] ? w->rv : "(latest)", msg ? msg : "resource version too old");
            free(msg);
            return FM_EGONE;
        }
        int rc = fm_kube_http_status_error(code > 0 ? (long)code : 500, ov, ol, w->what);
        return urc ? urc : rc;
    }
    void *obj = NULL;
    int rc = decode_new(&obj, w->k->object, ov, ol, w->what);
    if ((rc == FM_EPARSE || rc == FM_ELIMIT) && w->on_bad && t != KUBE_WATCH_BOOKMARK) {
        /* One object the decoder refuses must not end every watcher's
         * stream: report it and go on with the next event. */
        w->on_bad(w->bad_ud, t, ov, ol, rc, fm_error_last()->message);
        return 0;
    }
    if (rc < 0) return rc;
    return w->fn(w->ud, t, obj, ov, ol);
}

static int watch_sink(void *ud, const char *data, size_t len)
{
    watch_state *w = ud;
    return fm_watchframe_feed(&w->frame, data, len, on_event, w);
}

int fm_kube_watch(fm_kube_client *c, const fm_kind_desc *k, const char *ns, const fm_kube_watch_opts *o, fm_kube_watch_fn fn,
               void *ud)
{
    fm_buf path = FM_BUF_INIT;
    fm_kube_response resp = {0};
    fm_kube_http_req r = {0};
    watch_state w;
    char what[300];
    int rc;
    fm_kube_watch_opts opts = {0};
    if (o) opts = *o;
    long tmo = opts.timeout_seconds > 0 ? opts.timeout_seconds : WATCH_DEFAULT_TIMEOUT_S;
    if (tmo > WATCH_MAX_TIMEOUT_S) tmo = WATCH_MAX_TIMEOUT_S;

    ns = ns_or_default(c, k, ns);
    what_of(what, sizeof(what), k, ns, NULL);
    memset(&w, 0, sizeof(w));
    w.c = c;
    w.k = k;
    w.fn = fn;
    w.ud = ud;
    w.what = what;
    w.rv = opts.resource_version;
    w.on_bad = opts.on_bad_object;
    w.bad_ud = opts.bad_object_ud;
    fm_watchframe_init(&w.frame, opts.max_event_bytes);

    if ((rc = fm_kube_resource_path(&path, k, ns, NULL, NULL)) < 0) goto done;
    if (fm_buf_puts(&path, "?watch=1") < 0 || query(&path, "resourceVersion", opts.resource_version) < 0 ||
        query(&path, "labelSelector", opts.label_selector) < 0 ||
        query(&path, "fieldSelector", opts.field_selector) < 0 ||
        (opts.allow_bookmarks && query(&path, "allowWatchBookmarks", "true") < 0) ||
        query_long(&path, "timeoutSeconds", tmo) < 0) {
        rc = fm_error_set(FM_ENOMEM, "%s: out of memory", what);
        goto done;
    }
    r.method = "GET";
    r.path = path.data;
    r.what = what;
    r.sink = watch_sink;
    r.sink_ud = &w;
    r.watch_timeout_s = tmo;
    r.cancel = opts.cancel;
    rc = fm_kube_http_do(&resp, c, &r);
    if (rc == 0) {
        rc = fm_watchframe_finish(&w.frame, on_event, &w);
    } else if (rc == FM_EGONE) {
        fm_error_prefix("watch from resourceVersion %s", opts.resource_version ? opts.resource_version : "");
    }
done:
    fm_watchframe_free(&w.frame);
    fm_kube_response_free(&resp);
    fm_buf_free(&path);
    return rc;
}

/* ------------------------------------------------------------ errors */

int fm_kube_retry_on_conflict(int (*fn)(void *ud), void *ud)
{
    int rc = 0;
    long delay_ms = 10;
    for (int attempt = 0; attempt < 5; attempt++) {
        rc = fn(ud);
        if (rc != FM_ECONFLICT || attempt == 4) break;
        long j = delay_ms / 2 + (long)((unsigned long)rand() % (unsigned long)(delay_ms / 2 + 1));
        struct timespec ts = {0, j * 1000000L};
        nanosleep(&ts, NULL);
        delay_ms *= 2;
    }
    return rc;
}
