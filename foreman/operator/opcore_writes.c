/*
 * opcore_writes.c - every write the operator makes to an AgenticTask, each a JSON merge patch (fm_codec_merge_patch from the cached
 * object to the desired one) carrying metadata.resourceVersion as an
 * optimistic-concurrency precondition, plus Events.
 *
 * Placement writes two objects-worth of fields, because labels live on the
 * main resource and a /status patch cannot change them:
 *
 *   1. PATCH /status: phase Scheduled, assignedNode, condition
 *      Scheduled=True/FleetNodeAssigned, guarded by the cached
 *      resourceVersion. This is the placement: from here the slot is
 *      taken and the task shows Scheduled.
 *   2. PATCH the task (main resource): label
 *      foreman.llmkube.dev/assigned-node=<node>, guarded by the version
 *      step 1 produced.
 *
 * Why this order is race-free: the label is only a routing hint for the
 * agent's label-selected watch; the agent claims a task only when
 * status.phase is Scheduled and status.assignedNode is its own name, and
 * its claim carries the resourceVersion it read. Until step 2 lands no
 * agent sees the task; when it lands the status already names the node.
 * If step 2 fails, or the operator dies between the steps, the task
 * controller finds a Scheduled task without its label and adds it. Doing
 * the status first puts one write, not two, between a task's creation and
 * its placement.
 *
 * Release after a claim expiry goes the other way round: status first
 * (phase Pending, assignedNode cleared: from then on no agent may claim
 * it), then the label removal and the expiry counter. If the task was
 * placed again in between, the label (now the new node's) is kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "conditions.h"
#include "log.h"
#include "opcore.h"

/* ------------------------------------------------------------ conditions */

/* Removes key from a string map (insertion order of the rest kept). */
static void strmap_del(fm_strmap *m, const char *key)
{
    for (size_t i = 0; i < m->len; i++) {
        if (strcmp(m->items[i].key, key) != 0) continue;
        free(m->items[i].key);
        free(m->items[i].value);
        memmove(&m->items[i], &m->items[i + 1], (m->len - i - 1) * sizeof m->items[0]);
        m->len--;
        return;
    }
}

/* ------------------------------------------------------------ patches */

static int task_patch(fm_opcore *op, fm_agentic_task **out, const fm_agentic_task *old_obj,
                      const fm_agentic_task *new_obj, bool status_sub)
{
    return fm_objapi_task_patch(&op->api, out, old_obj, new_obj, status_sub);
}

static void task_event(fm_opcore *op, const fm_agentic_task *t, const char *type, const char *reason,
                       const char *message)
{
    if (op->hooks.task_event) op->hooks.task_event(op->hooks.ud, t, type, reason, message);
}

/* ------------------------------------------------------------ placement */

static bool placeable(const fm_agentic_task *t)
{
    if (fm_k8s_object_meta_has_deletion_timestamp(&t->metadata)) return false;
    return t->status.phase == FM_TASK_PHASE_PENDING || t->status.phase == FM_TASK_PHASE_UNSET;
}

/* Replaces *cur with the server's current version. Returns 0,
 * FM_ENOTFOUND (gone) or another FM_E*. */
static int refetch(fm_opcore *op, fm_agentic_task **cur)
{
    fm_agentic_task *fresh = NULL;
    int rc = fm_objapi_task_get(&op->api, &fresh, (*cur)->metadata.namespace, (*cur)->metadata.name);
    if (rc) return rc;
    fm_agentic_task_free(*cur);
    *cur = fresh;
    return 0;
}

/* After a re-read: the node must still be healthy, serve the task's
 * namespace and satisfy the task's (possibly edited) requirements. Its slot is already held by the
 * caller's assumption, so capacity is not checked again. */
static bool still_fits(fm_opcore *op, const fm_agentic_task *t, const char *node)
{
    bool ok = false;
    fm_store_read_lock(op->nodes);
    const fm_fleet_node *n = fm_store_get(op->nodes, node);
    if (n && fm_sched_node_health(n, fm_codec_time_now(), op->cfg.node_stale_after_ns) == SCHED_FIT_OK &&
        fm_sched_node_serves_namespace(n, t->metadata.namespace))
        ok = !fm_agentic_task_spec_has_required_capability(&t->spec) ||
             fm_sched_capability_fits(n, &t->spec.required_capability) == SCHED_FIT_OK;
    fm_store_read_unlock(op->nodes);
    return ok;
}

/* Puts the routing label on a task the status already places on node.
 * On 409 it re-reads and tries again while the task is still Scheduled
 * there without the label. *cur is replaced by the server's newest version
 * seen. Returns 0 (label on, or no longer wanted) or an FM_E*. */
static int put_label(fm_opcore *op, fm_agentic_task **cur, const char *node)
{
    int rc = 0;
    for (int attempt = 0; attempt < 4; attempt++) {
        const fm_agentic_task *c = *cur;
        const char *lbl = fm_strmap_get(&c->metadata.labels, SCHED_LABEL_ASSIGNED_NODE);
        if (c->status.phase != FM_TASK_PHASE_SCHEDULED || !c->status.assigned_node ||
            strcmp(c->status.assigned_node, node) != 0 || (lbl && strcmp(lbl, node) == 0))
            return 0;
        fm_agentic_task *next = NULL, *resp = NULL;
        if ((rc = fm_agentic_task_copy(&next, c)) != 0) return rc;
        rc = fm_strmap_set(&next->metadata.labels, SCHED_LABEL_ASSIGNED_NODE, node);
        fm_k8s_object_meta_set_labels_present(&next->metadata, true);
        if (rc == 0) rc = task_patch(op, &resp, c, next, false);
        fm_agentic_task_free(next);
        if (rc == 0) {
            fm_agentic_task_free(*cur);
            *cur = resp;
            return 0;
        }
        if (rc != FM_ECONFLICT) return rc;
        if ((rc = refetch(op, cur)) != 0) return rc;
    }
    return fm_error_set(FM_ERROR, "agentictasks/%s/%s: label still conflicting after 4 tries",
                        (*cur)->metadata.namespace, (*cur)->metadata.name);
}

/*
 * The placement's merge patch from cur: phase Scheduled, assignedNode and
 * the Scheduled condition. The new version is a shallow copy of cur that
 * shares every field but the condition list, which is the only one the
 * patch changes in place (the list is replaced as a whole by a merge
 * patch, so it is sent in full). Saves a deep copy of the task per
 * placement. Returns 0 or FM_E*.
 */
static int placement_patch(fm_opcore *op, fm_agentic_task **resp, const fm_agentic_task *cur,
                           const char *node)
{
    fm_agentic_task next = *cur;
    const fm_k8s_condition_list *src = &cur->status.conditions;
    fm_k8s_condition_list conds = {calloc(src->len + 1, sizeof(fm_k8s_condition)), 0};
    int rc = conds.items ? 0 : fm_error_set(FM_ENOMEM, "placement: out of memory");
    for (size_t i = 0; rc == 0 && i < src->len; i++) {
        if (fm_codec_copy(&conds.items[i], &src->items[i], &fm_k8s_condition_desc) != 0)
            rc = fm_error_set(FM_ENOMEM, "placement: out of memory");
        else
            conds.len++;
    }
    char msg[320];
    snprintf(msg, sizeof msg, "assigned to fleet node %s", node);
    if (rc == 0)
        rc = fm_condition_set(&conds, "Scheduled", FM_K8S_CONDITION_STATUS_TRUE, "FleetNodeAssigned", msg, 0,
                              fm_codec_time_now());
    if (rc == 0) {
        fm_agentic_task_set_status_present(&next, true);
        next.status.phase = FM_TASK_PHASE_SCHEDULED;
        next.status.assigned_node = (char *)node; /* borrowed, never freed through next */
        next.status.conditions = conds;
        fm_agentic_task_status_set_conditions_present(&next.status, true);
        rc = task_patch(op, resp, cur, &next, true);
    }
    for (size_t i = 0; i < conds.len; i++) fm_codec_clear(&conds.items[i], &fm_k8s_condition_desc);
    free(conds.items);
    return rc;
}

int fm_opcore_place_task(fm_opcore *op, char **out_rv, bool *labelled, const fm_agentic_task *t,
                         const char *node)
{
    *out_rv = NULL;
    *labelled = false;
    /* cur is t (borrowed) until a conflict makes us re-read the task. */
    fm_agentic_task *owned = NULL, *resp = NULL;
    const fm_agentic_task *cur = t;
    int rc = 0;
    for (int attempt = 0; rc == 0 && attempt < 4; attempt++) {
        /* On a retry cur is the re-read version: decide again. */
        if (!placeable(cur) || (attempt > 0 && !still_fits(op, cur, node))) {
            rc = FM_ENOTFOUND;
            break;
        }
        rc = placement_patch(op, &resp, cur, node);
        if (rc == FM_ECONFLICT) {
            fm_agentic_task *fresh = NULL;
            rc = fm_objapi_task_get(&op->api, &fresh, t->metadata.namespace, t->metadata.name);
            if (rc) break;
            fm_agentic_task_free(owned);
            cur = owned = fresh;
            continue;
        }
        if (rc == 0) {
            fm_agentic_task_free(owned);
            cur = owned = resp;
            resp = NULL;
            if (!(*out_rv = fm_strdup(cur->metadata.resource_version)) && cur->metadata.resource_version)
                rc = fm_error_set(FM_ENOMEM, "placement: out of memory");
        }
        break;
    }
    if (rc == 0 && !*out_rv)
        rc = fm_error_set(FM_ERROR, "agentictasks/%s/%s: still conflicting after 4 tries",
                          t->metadata.namespace, t->metadata.name);
    if (rc == 0) {
        /* Placed. The label is the agent's routing hint; if it cannot be
         * written now the task controller adds it later. */
        if (!op->cfg.node_label) {
            *labelled = true; /* not wanted: agents select on status.assignedNode */
        } else if (put_label(op, &owned, node) == 0) {
            *labelled = true;
            char *rv = fm_strdup(owned->metadata.resource_version);
            if (rv) {
                free(*out_rv);
                *out_rv = rv;
            }
        } else {
            fm_log_warn("routing label not written; will retry", "object", t->metadata.name, "namespace",
                     t->metadata.namespace, "node", node, "error", fm_error_last()->message, NULL);
        }
    }
    fm_agentic_task_free(resp);
    fm_agentic_task_free(owned);
    return rc;
}

int fm_opcore_mark_pending(fm_opcore *op, char **out_rv, const fm_agentic_task *t, const char *unschedulable)
{
    *out_rv = NULL;
    if (!placeable(t)) return FM_ENOTFOUND;
    fm_agentic_task *next = NULL, *resp = NULL;
    int rc = fm_agentic_task_copy(&next, t);
    if (rc == 0) {
        fm_agentic_task_set_status_present(next, true);
        next->status.phase = FM_TASK_PHASE_PENDING;
        if (unschedulable) {
            fm_agentic_task_status_set_conditions_present(&next->status, true);
            rc = fm_condition_set(&next->status.conditions, "Scheduled", FM_K8S_CONDITION_STATUS_FALSE,
                                  "Unschedulable", unschedulable, 0, fm_codec_time_now());
        }
    }
    if (rc == 0) rc = task_patch(op, &resp, t, next, true);
    if (rc == 0 && !(*out_rv = fm_strdup(resp->metadata.resource_version)) && resp->metadata.resource_version)
        rc = fm_error_set(FM_ENOMEM, "marking Pending: out of memory");
    if (rc == FM_ECONFLICT || rc == FM_ENOTFOUND) rc = FM_ENOTFOUND;
    fm_agentic_task_free(next);
    fm_agentic_task_free(resp);
    return rc;
}

/* ------------------------------------------------------------ failure, release */

/* Turns t's status into a failure with reason and message. */
static int make_failed(fm_agentic_task *t, const char *reason, const char *message, fm_time now)
{
    now.nsec = 0;
    fm_agentic_task_set_status_present(t, true);
    t->status.phase = FM_TASK_PHASE_FAILED;
    t->status.verdict = FM_VERDICT_INCOMPLETE;
    fm_agentic_task_status_set_finished_at(&t->status, now);
    fm_agentic_task_status_set_conditions_present(&t->status, true);
    return fm_condition_set(&t->status.conditions, "Completed", FM_K8S_CONDITION_STATUS_FALSE, reason,
                            message, 0, now);
}

int fm_opcore_fail_task(fm_opcore *op, const fm_agentic_task *t, const char *reason, const char *message)
{
    fm_agentic_task *next = NULL;
    int rc = fm_agentic_task_copy(&next, t);
    if (rc == 0) rc = make_failed(next, reason, message, fm_codec_time_now());
    if (rc == 0) rc = task_patch(op, NULL, t, next, true);
    fm_agentic_task_free(next);
    if (rc == 0) task_event(op, t, "Warning", reason, message);
    return rc;
}

int fm_opcore_release_task(fm_opcore *op, const fm_agentic_task *t, bool fail, const char *why)
{
    fm_time now = fm_codec_time_now();
    int count = fm_sched_claim_expiries(t) + 1;
    const char *node = t->status.assigned_node ? t->status.assigned_node : "";
    char msg[512];
    fm_agentic_task *next = NULL, *cur = NULL;
    int rc = fm_agentic_task_copy(&next, t);
    if (rc) goto done;
    if (fail) {
        snprintf(msg, sizeof msg, "claim on fleet node %s expired (%s) %d times; giving up", node,
                 why, count);
        rc = make_failed(next, "ClaimExpiryLimitReached", msg, now);
    } else {
        snprintf(msg, sizeof msg, "claim on fleet node %s expired (%s); back to Pending (expiry %d of %d)",
                 node, why, count, SCHED_MAX_CLAIM_EXPIRIES);
        next->status.phase = FM_TASK_PHASE_PENDING;
        free(next->status.assigned_node);
        next->status.assigned_node = NULL;
        fm_agentic_task_status_clear_claimed_at(&next->status);
        fm_agentic_task_status_clear_started_at(&next->status);
        fm_agentic_task_status_set_conditions_present(&next->status, true);
        rc = fm_condition_set(&next->status.conditions, "ClaimExpired", FM_K8S_CONDITION_STATUS_TRUE,
                              why, msg, 0, now);
        if (rc == 0)
            rc = fm_condition_set(&next->status.conditions, "Scheduled", FM_K8S_CONDITION_STATUS_FALSE,
                                  "ClaimExpired", msg, 0, now);
        if (rc == 0 && fm_condition_get(&next->status.conditions, "Running"))
            rc = fm_condition_set(&next->status.conditions, "Running", FM_K8S_CONDITION_STATUS_FALSE,
                                  "ClaimExpired", msg, 0, now);
    }
    if (rc == 0) rc = task_patch(op, &cur, t, next, true);
    fm_agentic_task_free(next);
    next = NULL;
    if (rc) goto done;
    task_event(op, t, "Warning", fail ? "ClaimExpiryLimitReached" : "ClaimExpired", msg);

    /* Metadata: the counter, and the routing label unless the task was
     * placed again meanwhile. A few tries: other writers may interleave. */
    char cnt[16];
    snprintf(cnt, sizeof cnt, "%d", count);
    for (int attempt = 0; attempt < 4; attempt++) {
        if ((rc = fm_agentic_task_copy(&next, cur)) != 0) break;
        if ((rc = fm_strmap_set(&next->metadata.annotations, SCHED_ANNOTATION_CLAIM_EXPIRIES, cnt)))
            break;
        fm_k8s_object_meta_set_annotations_present(&next->metadata, true);
        if (next->status.phase == FM_TASK_PHASE_PENDING || fm_sched_phase_terminal(next->status.phase))
            strmap_del(&next->metadata.labels, SCHED_LABEL_ASSIGNED_NODE);
        rc = task_patch(op, NULL, cur, next, false);
        fm_agentic_task_free(next);
        next = NULL;
        if (rc == FM_ECONFLICT) {
            if ((rc = refetch(op, &cur)) != 0) break;
            continue;
        }
        break;
    }
done:
    fm_agentic_task_free(next);
    fm_agentic_task_free(cur);
    return rc;
}
