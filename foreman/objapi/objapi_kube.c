/*
 * objapi_kube.c - fm_objapi over fm_kube_client, and the typed helpers.
 *
 * The kube client returns the class of an answer as its code, so map_code()
 * passes it through (the codes are listed in objapi.h).
 */
#include <stdlib.h>

#include "objapi.h"

/* The kube client already returns the class of an answer as its code. */
static int map_code(int rc)
{
    return rc;
}

static int kube_get(void *ud, void **out, const fm_kind_desc *k, const char *ns, const char *name)
{
    return map_code(fm_kube_get(out, ud, k, ns, name));
}

static int kube_patch(void *ud, void **out, const fm_kind_desc *k, const char *ns, const char *name,
                      const char *body, size_t len, bool status)
{
    fm_kube_patch_opts po = {.subresource = status ? "status" : NULL};
    return map_code(fm_kube_patch(out, ud, k, ns, name, KUBE_PATCH_MERGE, body, len, &po));
}

static int kube_create(void *ud, void **out, const fm_kind_desc *k, const char *ns, const void *obj)
{
    return map_code(fm_kube_create(out, ud, k, ns, obj));
}

static int kube_del(void *ud, const fm_kind_desc *k, const char *ns, const char *name)
{
    return map_code(fm_kube_delete(ud, k, ns, name, NULL));
}

void fm_objapi_kube(fm_objapi *out, fm_kube_client *c)
{
    out->ud = c;
    out->get = kube_get;
    out->patch = kube_patch;
    out->create = kube_create;
    out->del = kube_del;
}

bool fm_objapi_unanswered(int code)
{
    return code == FM_ETRANSPORT || code == FM_ETIMEOUT ||
           (code == FM_EUNAVAILABLE && fm_error_last()->http_status != 429);
}

int fm_objapi_task_get(const fm_objapi *api, fm_agentic_task **out, const char *ns, const char *name)
{
    *out = NULL;
    return api->get(api->ud, (void **)out, &fm_agentic_task_kind, ns, name);
}

int fm_objapi_task_patch(const fm_objapi *api, fm_agentic_task **out, const fm_agentic_task *old_obj,
                         const fm_agentic_task *new_obj, bool status)
{
    if (out) *out = NULL;
    fm_buf b = FM_BUF_INIT;
    int rc = fm_agentic_task_merge_patch(&b, old_obj, new_obj, old_obj->metadata.resource_version);
    if (rc == 0)
        rc = api->patch(api->ud, (void **)out, &fm_agentic_task_kind, old_obj->metadata.namespace,
                        old_obj->metadata.name, b.data, b.len, status);
    fm_buf_free(&b);
    return rc;
}
