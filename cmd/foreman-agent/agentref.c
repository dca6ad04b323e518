/*
 * agentref.c - a task's Agent: when spec.agentRef names one, the agent reads
 * it (same namespace as the task), its ModelProfile (cluster-scoped) and the
 * one Secret its providerConfig.apiKeySecretRef names, and resolves the
 * native loop's settings for this task from them (agentdef.h): the
 * Agent's endpoint, model and tuning override the --llm-* flags.
 *
 * The key is decoded into memory only: it never reaches the environment,
 * a file, a log line or a message (messages name the Secret, never a
 * value). RBAC: get on agents and modelprofiles, get on secrets.
 *
 * --git-token-secret works the same way for the git token of a task on a
 * repository: read per task, handed to git through GIT_ASKPASS only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"
#include "agentdef.h"
#include "error.h"
#include "git_workspace.h"
#include "kubeconfig.h"

/* Decodes key k of Secret ns/name into *out (wiped and freed by the
 * caller). Returns 0 (*out NULL when the key is optional and missing) or a
 * negative FM_E* with a message naming the Secret. */
static int read_key(char **out, fm_kube_client *kc, const char *ns, const fm_secret_key_selector *k)
{
    *out = NULL;
    fm_k8s_secret *sec = NULL;
    int rc = fm_kube_get((void **)&sec, kc, &fm_k8s_secret_kind, ns, k->name);
    if (rc) {
        if (rc == FM_ENOTFOUND && k->optional) return 0;
        return fm_error_set(FM_ENOTFOUND, "secrets/%s/%s: %s", ns, k->name, fm_error_last()->message);
    }
    const char *b64 = NULL;
    for (size_t i = 0; i < sec->data.len && !b64; i++)
        if (sec->data.items[i].key && k->key && !strcmp(sec->data.items[i].key, k->key))
            b64 = sec->data.items[i].value;
    if (!b64) {
        fm_k8s_secret_free(sec);
        if (k->optional) return 0;
        return fm_error_set(FM_ENOTFOUND, "secrets/%s/%s has no key %s", ns, k->name, k->key ? k->key : "");
    }
    char *plain = NULL;
    size_t n = 0;
    rc = fm_kube_base64_decode(&plain, &n, b64, strlen(b64));
    memset((char *)b64, 0, strlen(b64));
    fm_k8s_secret_free(sec);
    if (rc) return fm_error_set(FM_EPARSE, "secrets/%s/%s: key %s is not base64", ns, k->name, k->key);
    /* one line, trimmed, as --llm-api-key-file reads it */
    size_t l = strcspn(plain, "\r\n");
    while (l > 0 && (plain[l - 1] == ' ' || plain[l - 1] == '\t')) l--;
    memset(plain + l, 0, n - l);
    *out = plain;
    return 0;
}

int agent_task_git_token(fm_agentdef_resolved *out, bool *used, const char **reason, agent *a,
                         const fm_agentic_task *t)
{
    const char *spec = a->cfg.git_token_secret;
    if (!spec || !spec[0] || !fm_gitws_cloneable(t->spec.payload.repo)) return 0;
    char name[256], key[256] = "token";
    const char *slash = strchr(spec, '/');
    snprintf(name, sizeof name, "%.*s", (int)(slash ? (size_t)(slash - spec) : strlen(spec)), spec);
    if (slash && slash[1]) snprintf(key, sizeof key, "%s", slash + 1);
    fm_secret_key_selector sel;
    memset(&sel, 0, sizeof sel);
    sel.name = name;
    sel.key = key;
    char *tok = NULL;
    int rc = read_key(&tok, a->kc, t->metadata.namespace, &sel);
    if (rc) {
        *reason = "AuthUnavailable";
        return rc;
    }
    if (!*used) {
        out->native = a->cfg.native;
        *used = true;
    }
    out->git_token = tok;
    out->native.git_token = tok;
    return 0;
}

int agent_task_resolve(fm_agentdef_resolved *out, bool *used, const char **reason, agent *a,
                       const fm_agentic_task *t)
{
    memset(out, 0, sizeof *out);
    *used = false;
    *reason = NULL;
    const char *name = t->spec.agent_ref.name;
    if (!fm_agentic_task_spec_has_agent_ref(&t->spec) || !name || !name[0]) return 0;
    const char *ns = t->metadata.namespace;
    fm_agent *ag = NULL;
    fm_model_profile *mp = NULL;
    char *key = NULL;
    int rc = fm_kube_get((void **)&ag, a->kc, &fm_agent_kind, ns, name);
    if (rc) {
        *reason = "AgentNotFound";
        rc = fm_error_set(FM_ENOTFOUND, "agents/%s/%s: %s", ns, name, fm_error_last()->message);
        goto done;
    }
    char msg[512];
    const char *bad = fm_agentdef_check(ag, msg, sizeof msg);
    if (bad) {
        *reason = "AgentNotFound";
        rc = fm_error_set(FM_EINVAL, "agents/%s/%s is not valid (%s): %s", ns, name, bad, msg);
        goto done;
    }
    const char *prof = ag->spec.model_profile_ref;
    if (prof && prof[0] && fm_kube_get((void **)&mp, a->kc, &fm_model_profile_kind, NULL, prof) != 0) {
        *reason = "AgentNotFound";
        rc = fm_error_set(FM_ENOTFOUND, "agents/%s/%s: modelprofiles/%s: %s", ns, name, prof,
                          fm_error_last()->message);
        goto done;
    }
    const fm_secret_key_selector *k = fm_agentdef_key_ref(ag);
    if (k && (rc = read_key(&key, a->kc, ns, k)) != 0) {
        *reason = "AuthUnavailable";
        goto done;
    }
    rc = fm_agentdef_resolve(out, &a->cfg.native, ag, mp, key);
    if (rc == 0) *used = true;
done:
    if (key) {
        memset(key, 0, strlen(key));
        free(key);
    }
    fm_agent_free(ag);
    fm_model_profile_free(mp);
    return rc;
}
