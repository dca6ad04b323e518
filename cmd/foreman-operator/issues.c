/*
 * issues.c - Workloads of issues: spec.issues with a coder Agent (and
 * optionally a verifier and reviewers) become a pipeline of three steps per
 * issue, and the status rolls up per issue.
 *
 *   issue-<n>          issue-fix by coderAgentRef, the workload's gate
 *                      profile, branch foreman/<workload>/issue-<n>
 *   issue-<n>-verify   verify by verifierAgentRef on that branch (the gate
 *                      only), after issue-<n>; only with a verifier
 *   issue-<n>-review   review by reviewerAgentRefs[0] of that branch against
 *                      the base, after the verify (or the fix); only with
 *                      a reviewer
 *
 * The expansion is a pipeline like any other (workloads.c creates, owns and
 * rolls up its tasks); an explicit spec.pipeline wins over spec.issues.
 * Each step's task gets the step's agentRef and gateProfile, and the
 * requiredCapability of its Agent (as cached) is joined into the task's,
 * so the scheduler places it where the Agent can run.
 *
 * Rollup: condition `Issue<n>` per issue: True reason Done when its last
 * step succeeded (review GO, else gate GATE-PASS, else the fix's GO),
 * False with the failing step's reason (GateFailed, UnfoundedReview,
 * UpstreamFailed, ...) when one failed, Unknown reason InProgress else;
 * the message carries branch, commit, gate result and review verdict.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agentdef.h"
#include "conditions.h"
#include "error.h"
#include "operator.h"

#define WL_BRANCH_PREFIX "foreman/"

static bool has_ref(const fm_local_object_reference *r) { return r->name && r->name[0]; }

/* Appends a step; returns it (zeroed, named) or NULL. */
static fm_pipeline_step *add_step(fm_workload *x, const char *name)
{
    fm_pipeline_step *items = realloc(x->spec.pipeline.items, (x->spec.pipeline.len + 1) * sizeof *items);
    if (!items) return NULL;
    x->spec.pipeline.items = items;
    fm_pipeline_step *s = &items[x->spec.pipeline.len++];
    memset(s, 0, sizeof *s);
    if (fm_strset(&s->name, name)) return NULL;
    return s;
}

/* Fills the shared parts of an issue's step. */
static int fill_step(fm_pipeline_step *s, const fm_workload *w, fm_task_kind kind, int32_t issue,
                     const fm_local_object_reference *agent, const char *dep)
{
    char branch[300];
    snprintf(branch, sizeof branch, WL_BRANCH_PREFIX "%s/issue-%d", w->metadata.name, (int)issue);
    s->kind = kind;
    fm_pipeline_step_set_payload_present(s, true);
    fm_task_payload_set_issue(&s->payload, issue);
    if (fm_strset(&s->payload.branch, branch)) return FM_ENOMEM;
    if (w->spec.allow_overwrite) fm_task_payload_set_allow_overwrite(&s->payload, true);
    if (agent && has_ref(agent)) {
        if (fm_strset(&s->agent_ref.name, agent->name)) return FM_ENOMEM;
        fm_pipeline_step_set_agent_ref_present(s, true);
    }
    if (kind != FM_TASK_KIND_REVIEW && fm_workload_spec_has_gate_profile(&w->spec)) {
        if (fm_codec_copy(&s->gate_profile, &w->spec.gate_profile, &fm_gate_profile_desc)) return FM_ENOMEM;
        fm_pipeline_step_set_gate_profile_present(s, true);
    }
    if (dep) {
        if (fm_strlist_push((fm_list *)&s->depends_on, dep)) return FM_ENOMEM;
        fm_pipeline_step_set_depends_on_present(s, true);
    }
    return 0;
}

int op_issues_expand(fm_workload **out, const fm_workload *w)
{
    *out = NULL;
    const fm_workload_spec *sp = &w->spec;
    if ((fm_workload_spec_has_pipeline(sp) && sp->pipeline.len) || sp->issues.len == 0 ||
        !has_ref(&sp->coder_agent_ref))
        return 0;
    fm_workload *x = NULL;
    int rc = fm_workload_copy(&x, w);
    if (rc) return rc;
    fm_workload_spec_set_pipeline_present(&x->spec, true);
    const fm_local_object_reference *reviewer =
        sp->reviewer_agent_refs.len && has_ref(&sp->reviewer_agent_refs.items[0]) ? &sp->reviewer_agent_refs.items[0] : NULL;
    const fm_local_object_reference *verifier = has_ref(&sp->verifier_agent_ref) ? &sp->verifier_agent_ref : NULL;
    for (size_t i = 0; i < sp->issues.len && rc == 0; i++) {
        int32_t n = sp->issues.items[i];
        char code[64], verify[64], review[64];
        snprintf(code, sizeof code, "issue-%d", (int)n);
        snprintf(verify, sizeof verify, "issue-%d-verify", (int)n);
        snprintf(review, sizeof review, "issue-%d-review", (int)n);
        fm_pipeline_step *s = add_step(x, code);
        rc = s ? fill_step(s, w, FM_TASK_KIND_ISSUE_FIX, n, &sp->coder_agent_ref, NULL) : FM_ENOMEM;
        if (rc == 0 && verifier) {
            s = add_step(x, verify);
            rc = s ? fill_step(s, w, FM_TASK_KIND_VERIFY, n, verifier, code) : FM_ENOMEM;
        }
        if (rc == 0 && reviewer) {
            s = add_step(x, review);
            rc = s ? fill_step(s, w, FM_TASK_KIND_REVIEW, n, reviewer, verifier ? verify : code) : FM_ENOMEM;
        }
    }
    if (rc) {
        fm_workload_free(x);
        return fm_error_set(FM_ENOMEM, "workloads/%s: out of memory expanding issues", w->metadata.name);
    }
    *out = x;
    return 0;
}

int op_issues_step_extras(fm_operator *op, fm_agentic_task *t, const fm_pipeline_step *s)
{
    fm_agentic_task_spec *sp = &t->spec;
    if (fm_pipeline_step_has_agent_ref(s) && has_ref(&s->agent_ref)) {
        if (fm_codec_copy(&sp->agent_ref, &s->agent_ref, &fm_local_object_reference_desc)) return FM_ENOMEM;
        fm_agentic_task_spec_set_agent_ref_present(sp, true);
        /* the Agent's capability joins the task's */
        char key[600];
        snprintf(key, sizeof key, "%s/%s", t->metadata.namespace, s->agent_ref.name);
        fm_agent *ag = NULL;
        if (op->agents && fm_store_get_copy((void **)&ag, op->agents, key) == 0) {
            int rc = 0;
            if (fm_agent_spec_has_required_capability(&ag->spec)) {
                rc = fm_agentdef_join_capability(&sp->required_capability, &ag->spec.required_capability);
                fm_agentic_task_spec_set_required_capability_present(sp, true);
            }
            fm_agent_free(ag);
            if (rc) return rc;
        }
    }
    if (fm_pipeline_step_has_gate_profile(s)) {
        if (fm_codec_copy(&sp->gate_profile, &s->gate_profile, &fm_gate_profile_desc)) return FM_ENOMEM;
        fm_agentic_task_spec_set_gate_profile_present(sp, true);
    }
    return 0;
}

/* The cached task <workload>-<step>, or NULL (under the store's read lock). */
static const fm_agentic_task *task_of(fm_operator *op, const fm_workload *w, const char *step)
{
    char key[600];
    snprintf(key, sizeof key, "%s/%s-%s", w->metadata.namespace, w->metadata.name, step);
    return fm_store_get(op->tasks, key);
}

/* The reason of t's Completed condition, or NULL. */
static const char *failure_reason(const fm_agentic_task *t)
{
    const fm_k8s_condition *c = fm_condition_get(&t->status.conditions, "Completed");
    return c && c->reason && c->reason[0] ? c->reason : "TaskFailed";
}

/* True when t ran and has a verdict of its own (not UpstreamFailed). */
static bool ran(const fm_agentic_task *t)
{
    if (!t || !t->status.verdict) return false;
    if (t->status.phase != FM_TASK_PHASE_FAILED) return true;
    return strcmp(failure_reason(t), "UpstreamFailed") != 0;
}

int op_issues_rollup(fm_operator *op, const fm_workload *w, fm_k8s_condition_list *conds, fm_time now)
{
    int rc = 0;
    fm_store_read_lock(op->tasks);
    for (size_t i = 0; i < w->spec.issues.len && rc == 0; i++) {
        int n = (int)w->spec.issues.items[i];
        char step[3][64];
        snprintf(step[0], sizeof step[0], "issue-%d", n);
        snprintf(step[1], sizeof step[1], "issue-%d-verify", n);
        snprintf(step[2], sizeof step[2], "issue-%d-review", n);
        const fm_agentic_task *t[3] = {task_of(op, w, step[0]), task_of(op, w, step[1]), task_of(op, w, step[2])};
        bool want[3] = {true, has_ref(&w->spec.verifier_agent_ref),
                        w->spec.reviewer_agent_refs.len && has_ref(&w->spec.reviewer_agent_refs.items[0])};
        const char *branch = t[0] && t[0]->status.branch ? t[0]->status.branch : "-";
        const char *commit = t[0] && t[0]->status.commit_sha ? t[0]->status.commit_sha : "-";
        const char *gate = ran(t[1]) ? fm_verdict_name(t[1]->status.verdict) : "-";
        const char *review = ran(t[2]) ? fm_verdict_name(t[2]->status.verdict) : "-";
        /* the fix's own gate, when no verify step ran */
        if (!want[1] && t[0] && t[0]->status.phase == FM_TASK_PHASE_SUCCEEDED && fm_agentic_task_spec_has_gate_profile(&t[0]->spec))
            gate = "passed";
        fm_k8s_condition_status status = FM_K8S_CONDITION_STATUS_UNKNOWN;
        const char *reason = "InProgress";
        bool all = true;
        for (int k = 0; k < 3; k++) {
            if (!want[k]) continue;
            if (t[k] && t[k]->status.phase == FM_TASK_PHASE_FAILED) {
                status = FM_K8S_CONDITION_STATUS_FALSE;
                reason = failure_reason(t[k]);
                /* the fix's failure explains its dependents' UpstreamFailed */
                break;
            }
            if (!t[k] || t[k]->status.phase != FM_TASK_PHASE_SUCCEEDED) all = false;
        }
        if (status != FM_K8S_CONDITION_STATUS_FALSE && all) {
            status = FM_K8S_CONDITION_STATUS_TRUE;
            reason = "Done";
        }
        char type[32], msg[600];
        snprintf(type, sizeof type, "Issue%d", n);
        snprintf(msg, sizeof msg, "branch %s commit %.12s gate %s review %s", branch, commit, gate, review);
        rc = fm_condition_set(conds, type, status, reason, msg, 0, now);
    }
    fm_store_read_unlock(op->tasks);
    return rc;
}
