/*
 * agents.c - the Agent controller: checks every Agent definition and reports
 * the outcome as condition Validated (True reason Valid, or False with the
 * reason below), with status.observedGeneration.
 *
 * Checks (fm_agentdef_check for the spec, then the API):
 *   NoEndpoint, NoTools, UnknownTool, InvalidTemperature   the spec alone
 *   ModelProfileNotFound      spec.modelProfileRef names no ModelProfile
 *   SecretNotFound            providerConfig.apiKeySecretRef names no
 *                             Secret (unless optional)
 *   SecretKeyMissing          the Secret has no such key (unless optional)
 *   SecretUnreadable          the operator may not read it (403)
 *
 * A missing ModelProfile or Secret may appear later and neither kind is
 * watched, so such an Agent is checked again every 15 s until it is
 * valid. The status is written only when it changed. The Secret's values
 * are never logged or copied: only the presence of the key counts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#include "agentdef.h"
#include "conditions.h"
#include "error.h"
#include "log.h"
#include "operator.h"
#include "schedplan.h"

#define AGENT_RECHECK_MS 15000

/* Checks the Secret and ModelProfile ag refers to. Returns 0 with *reason
 * NULL (fine) or set (msg filled, *retry when it may heal by itself), or a
 * negative FM_E* for a failure worth a rate-limited retry. */
static int check_refs(fm_operator *op, const fm_agent *ag, const char **reason, bool *retry, char *msg, size_t n)
{
    *reason = NULL;
    const char *prof = ag->spec.model_profile_ref;
    if (prof && prof[0]) {
        fm_model_profile *mp = NULL;
        int rc = fm_kube_get((void **)&mp, op->client, &fm_model_profile_kind, NULL, prof);
        fm_model_profile_free(mp);
        if (rc == FM_ENOTFOUND) {
            snprintf(msg, n, "ModelProfile %.200s not found", prof);
            *reason = "ModelProfileNotFound";
            *retry = true;
            return 0;
        }
        if (rc) return rc;
    }
    const fm_secret_key_selector *k = fm_agentdef_key_ref(ag);
    if (!k) return 0;
    fm_k8s_secret *sec = NULL;
    int rc = fm_kube_get((void **)&sec, op->client, &fm_k8s_secret_kind, ag->metadata.namespace, k->name);
    if (rc == FM_ENOTFOUND) {
        if (!k->optional) {
            snprintf(msg, n, "Secret %.200s (providerConfig.apiKeySecretRef) not found", k->name);
            *reason = "SecretNotFound";
            *retry = true;
        }
        return 0;
    }
    if (rc == FM_EFORBIDDEN) {
        snprintf(msg, n, "the operator may not read Secret %.200s", k->name);
        *reason = "SecretUnreadable";
        *retry = true;
        return 0;
    }
    if (rc) return rc;
    bool found = false;
    for (size_t i = 0; i < sec->data.len && !found; i++)
        found = sec->data.items[i].key && !strcmp(sec->data.items[i].key, k->key ? k->key : "");
    fm_k8s_secret_free(sec);
    if (!found && !k->optional) {
        snprintf(msg, n, "Secret %.200s has no key %.100s", k->name, k->key ? k->key : "");
        *reason = "SecretKeyMissing";
        *retry = true;
    }
    return 0;
}

/* Marks dirty a waiting task that names Agent d->agent (ns/name). */
typedef struct dirty_ctx {
    fm_operator *op;
    const char *agent;
    bool work;
} dirty_ctx;

static int dirty_if_ours(void *ud, const char *key, const void *obj)
{
    dirty_ctx *d = ud;
    const fm_agentic_task *t = obj;
    const char *name = t->spec.agent_ref.name, *ns = t->metadata.namespace ? t->metadata.namespace : "";
    if (!fm_agentic_task_spec_has_agent_ref(&t->spec) || !name || !fm_sched_task_waiting(t)) return 0;
    size_t nl = strlen(ns);
    if (strncmp(d->agent, ns, nl) || d->agent[nl] != '/' || strcmp(d->agent + nl + 1, name)) return 0;
    pthread_mutex_lock(&d->op->core.mu);
    d->work |= fm_sched_plan_task_dirty(d->op->core.plan, key);
    pthread_mutex_unlock(&d->op->core.mu);
    return 0;
}

static int agent_reconcile(fm_reconcile_result *out, void *ud, const fm_reconcile_ctx *ctx)
{
    fm_operator *op = ud;
    fm_agent *ag = NULL, *next = NULL;
    /* the Agent's requiredCapability joins into its tasks' placement
     * (scheduler.c): any change of it, deletion included, decides its
     * waiting tasks again */
    dirty_ctx dc = {op, ctx->key, false};
    if (fm_store_foreach(op->tasks, dirty_if_ours, &dc) == 0 && dc.work) op_trigger_pass(op);
    int rc = fm_store_get_copy((void **)&ag, op->agents, ctx->key);
    if (rc == FM_ENOTFOUND) return 0;
    if (rc) return rc;
    if (fm_k8s_object_meta_has_deletion_timestamp(&ag->metadata)) goto done;
    char msg[512];
    bool retry = false;
    const char *reason = fm_agentdef_check(ag, msg, sizeof msg);
    if (!reason && (rc = check_refs(op, ag, &reason, &retry, msg, sizeof msg))) goto done;
    if ((rc = fm_agent_copy(&next, ag))) goto done;
    fm_agent_set_status_present(next, true);
    fm_agent_status_set_conditions_present(&next->status, true);
    fm_agent_status_set_observed_generation(&next->status, ag->metadata.generation);
    rc = fm_condition_set(&next->status.conditions, "Validated",
                          reason ? FM_K8S_CONDITION_STATUS_FALSE : FM_K8S_CONDITION_STATUS_TRUE,
                          reason ? reason : "Valid", msg, 0, fm_codec_time_now());
    if (rc == 0 && !fm_codec_equal(&ag->status, &next->status, &fm_agent_status_desc)) {
        fm_buf b = FM_BUF_INIT;
        rc = fm_agent_merge_patch(&b, ag, next, ag->metadata.resource_version);
        fm_kube_patch_opts po = {.subresource = "status"};
        if (rc == 0)
            rc = fm_kube_patch(NULL, op->client, &fm_agent_kind, ag->metadata.namespace, ag->metadata.name,
                            KUBE_PATCH_MERGE, b.data, b.len, &po);
        fm_buf_free(&b);
        if (rc == 0)
            fm_log_info("agent checked", "controller", "agent", "object", ctx->key, "validated",
                     reason ? "False" : "True", "reason", reason ? reason : "Valid", NULL);
        /* a newer version is on its way and brings its own reconcile */
        if (rc == FM_ECONFLICT || rc == FM_ENOTFOUND) rc = 0;
    }
    if (rc == 0 && retry) out->requeue_after_ms = AGENT_RECHECK_MS;
done:
    fm_agent_free(ag);
    fm_agent_free(next);
    return rc;
}

static void on_reconcile_error(void *ud, const fm_reconcile_ctx *ctx, int code, const char *message)
{
    (void)ud;
    (void)code;
    fm_log_ctx(FM_LOG_WARN, ctx->log_kv, ctx->n_log_kv, "reconcile failed", "error", message, NULL);
}

int op_agents_setup(fm_operator *op)
{
    fm_controller_options co = {
        .name = "agent",
        .reconcile = agent_reconcile,
        .ud = op,
        .workers = 1,
        .metrics = op->registry,
        .on_error = on_reconcile_error,
    };
    int rc = fm_controller_new(&op->agent_ctl, &co);
    if (rc) return rc;
    return fm_controller_watch_primary(op->agent_ctl, op->agent_inf);
}
