/*
 * writes.c - the operator's writes to FleetNodes and Workloads, and the
 * AgenticTask patches of the task controller: each a JSON merge patch
 * (fm_codec_merge_patch from the cached object to the desired one)
 * carrying metadata.resourceVersion as an optimistic-concurrency
 * precondition. The writes that move a task (placement, release, failure)
 * and their 409 loops are the scheduling core's (foreman/operator).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "log.h"
#include "operator.h"

/* ------------------------------------------------------------ patches */

/* Sends a merge patch (body) to kind/ns/name. */
static int send_patch(fm_operator *op, void **out, const fm_kind_desc *k, const char *ns,
                      const char *name, const fm_buf *body, bool status_sub)
{
    fm_kube_patch_opts po = {.subresource = status_sub ? "status" : NULL};
    return fm_kube_patch(out, op->client, k, ns, name, KUBE_PATCH_MERGE, body->data, body->len, &po);
}

int op_task_patch(fm_operator *op, fm_agentic_task **out, const fm_agentic_task *old_obj,
                  const fm_agentic_task *new_obj, bool status_sub)
{
    if (out) *out = NULL;
    fm_buf b = FM_BUF_INIT;
    int rc = fm_agentic_task_merge_patch(&b, old_obj, new_obj, old_obj->metadata.resource_version);
    if (rc == 0)
        rc = send_patch(op, (void **)out, &fm_agentic_task_kind, old_obj->metadata.namespace,
                        old_obj->metadata.name, &b, status_sub);
    fm_buf_free(&b);
    return rc;
}

int op_node_patch(fm_operator *op, const fm_fleet_node *old_obj, const fm_fleet_node *new_obj,
                  bool status_sub)
{
    fm_buf b = FM_BUF_INIT;
    int rc = fm_fleet_node_merge_patch(&b, old_obj, new_obj, old_obj->metadata.resource_version);
    if (rc == 0)
        rc = send_patch(op, NULL, &fm_fleet_node_kind, NULL, old_obj->metadata.name, &b, status_sub);
    fm_buf_free(&b);
    return rc;
}

int op_workload_patch(fm_operator *op, const fm_workload *old_obj, const fm_workload *new_obj,
                      bool status_sub)
{
    fm_buf b = FM_BUF_INIT;
    int rc = fm_workload_merge_patch(&b, old_obj, new_obj, old_obj->metadata.resource_version);
    if (rc == 0)
        rc = send_patch(op, NULL, &fm_workload_kind, old_obj->metadata.namespace,
                        old_obj->metadata.name, &b, status_sub);
    fm_buf_free(&b);
    return rc;
}
