/*
 * config.c - the agent's command line: the flag table (Go flag syntax and Go
 * durations, drop-in compatible with the reference agent's names), its
 * validation, and the agent_config it produces.
 */
#include "agent.h"

#include "agentutil.h"
#include "error.h"
#include "log.h"
#include "probe.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define N_OWN_FLAGS 38

struct agent_flags {
    fm_flags_def defs[N_OWN_FLAGS + PROBE_CAPABILITY_FLAGS];
    fm_flags_set fs;
    const char *fleet_node_name;
    int64_t max_concurrent;
    const char *temperature;
    int64_t max_turns;
    char home_kube[512];
};

/* Checks a --llm-tool-choice policy: comma-separated auto/required/none. */
static bool tool_choice_ok(const char *p)
{
    if (!p || !p[0]) return false;
    while (*p) {
        size_t n = strcspn(p, ",");
        if (!((n == 4 && !strncmp(p, "auto", 4)) || (n == 8 && !strncmp(p, "required", 8)) ||
              (n == 4 && !strncmp(p, "none", 4))))
            return false;
        p += n;
        if (*p == ',') p++;
    }
    return true;
}

/* True for a valid label name segment: [A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?,
 * at most max bytes; empty allowed only when allow_empty. */
static bool label_segment_ok(const char *s, size_t n, size_t max, bool allow_empty)
{
    if (n == 0) return allow_empty;
    if (n > max) return false;
    if (!isalnum((unsigned char)s[0]) || !isalnum((unsigned char)s[n - 1])) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!isalnum(c) && c != '-' && c != '_' && c != '.') return false;
    }
    return true;
}

/* True for a label key: optional DNS-subdomain prefix and '/', then a name. */
static bool label_key_ok(const char *k)
{
    const char *slash = strchr(k, '/');
    const char *name = slash ? slash + 1 : k;
    if (slash) {
        size_t plen = (size_t)(slash - k);
        if (plen == 0 || plen > 253) return false;
        for (size_t i = 0; i < plen; i++) {
            unsigned char c = (unsigned char)k[i];
            if (!(islower(c) || isdigit(c) || c == '-' || c == '.')) return false;
        }
    }
    return label_segment_ok(name, strlen(name), 63, false);
}

int config_parse_labels(fm_strmap *out, const fm_list *entries)
{
    char **items = entries->items;
    for (size_t i = 0; i < entries->len; i++) {
        const char *e = items[i];
        const char *eq = strchr(e, '=');
        if (!eq)
            return fm_error_set(FM_EINVAL, "invalid value \"%s\" for flag -node-labels: want key=value", e);
        char *k = fm_strndup(e, (size_t)(eq - e));
        if (!k) return fm_error_set(FM_ENOMEM, "out of memory");
        const char *v = eq + 1;
        bool ok = label_key_ok(k) && label_segment_ok(v, strlen(v), 63, true);
        int rc = ok ? fm_strmap_set(out, k, v)
                    : fm_error_set(FM_EINVAL, "invalid value \"%s\" for flag -node-labels: not a valid Kubernetes label", e);
        free(k);
        if (rc != 0) return rc;
    }
    return 0;
}

/*
 * Drops repeated entries of a string list in place, keeping the first of
 * each in its position. The FleetNode's spec.taskNamespaces is a set list,
 * which the API server rejects with duplicates, and one informer per
 * namespace is enough. Quadratic in the length of the list, which comes
 * from one command-line flag.
 */
static void dedup_strlist(fm_list *l)
{
    char **items = l->items;
    size_t kept = 0;
    for (size_t i = 0; i < l->len; i++) {
        bool dup = false;
        for (size_t j = 0; j < kept && !dup; j++) dup = strcmp(items[j], items[i]) == 0;
        if (dup) free(items[i]);
        else items[kept++] = items[i];
    }
    l->len = kept;
}

int config_parse(agent_config *cfg, agent_flags **fs_out, int argc, char **argv)
{
    memset(cfg, 0, sizeof(*cfg));
    agent_flags *f = calloc(1, sizeof(*f));
    *fs_out = f;
    if (!f) return fm_error_set(FM_ENOMEM, "out of memory");
    fm_flags_def own[N_OWN_FLAGS] = {
        {"fleet-node-name", FLAGS_STRING, &f->fleet_node_name, NULL,
         "FleetNode `name` (default: this host's name, sanitized to a DNS label)", false},
        {"tailscale-addr", FLAGS_STRING, &cfg->tailscale_addr, NULL,
         "`address` at which this host is reachable over the tailnet", false},
        {"roles", FLAGS_STRLIST, &cfg->roles, "worker", "comma-separated `roles` of this node", false},
        {"heartbeat-interval", FLAGS_DURATION, &cfg->heartbeat_ns, "30s",
         "how often to report status to the API server", false},
        {"kubeconfig", FLAGS_STRING, &cfg->kubeconfig, NULL,
         "`path` to a kubeconfig (default: $KUBECONFIG, in-cluster, ~/.kube/config)", false},
        {"kube-context", FLAGS_STRING, &cfg->kube_context, NULL, "kubeconfig `context` to use", false},
        {"workspace-dir", FLAGS_STRING, &cfg->workspace_dir, EXECUTOR_WORKSPACE_DEFAULT,
         "`directory` under which exec tasks get their working directories", false},
        {"node-labels", FLAGS_STRLIST, &cfg->node_labels, NULL,
         "comma-separated key=value `labels` to put on the FleetNode", false},
        {"task-namespace", FLAGS_STRLIST, &cfg->task_namespaces, "default",
         "comma-separated `namespaces` to take tasks from; empty means all", false},
        {"agent-mode", FLAGS_STRING, &cfg->agent_mode, "stub", "task executor: stub, exec or native", false},
        {"stub-sleep", FLAGS_DURATION, &cfg->stub_sleep_ns, "10s",
         "how long the stub executor works on a task", false},
        {"task-command", FLAGS_STRING, &cfg->task_command, NULL,
         "shell `command` the exec executor runs for each task", false},
        {"max-concurrent-tasks", FLAGS_INT, &f->max_concurrent, "1",
         "how many tasks this node runs at once", false},
        {"metrics-bind-address", FLAGS_STRING, &cfg->metrics_bind, NULL,
         "`address` to serve /metrics on, e.g. :9090 (default: off)", false},
        {"log-format", FLAGS_STRING, &cfg->log_format, "logfmt", "log `format`: logfmt or json", false},
        {"v", FLAGS_INT, &cfg->verbosity, "0", "log `verbosity` (1 = debug)", false},
        {"kill-grace", FLAGS_DURATION, &cfg->kill_grace_ns, "10s",
         "time between SIGTERM and SIGKILL when a task is stopped", false},
        {"task-env", FLAGS_STRLIST, &cfg->task_env, NULL,
         "comma-separated `names` of this agent's environment variables exec task commands may "
         "see besides PATH, HOME, LANG and the like (never KUBECONFIG or other cluster credentials)",
         false},
        {"task-selector", FLAGS_STRING, &cfg->task_selector, "auto",
         "how to find the tasks placed here: field (status.assignedNode, Kubernetes 1.31+), "
         "label (foreman.llmkube.dev/assigned-node), or auto (field when the server supports it)",
         false},
        {"llm-base-url", FLAGS_STRING, &cfg->native.base_url, NULL,
         "native: `URL` of the OpenAI-compatible model server (POST {url}/v1/chat/completions)", false},
        {"llm-model", FLAGS_STRING, &cfg->native.model, NULL,
         "native: model `name` to request (default: the task's spec.modelRef)", false},
        {"llm-api-key-file", FLAGS_STRING, &cfg->native.api_key_file, NULL,
         "native: `file` holding the model server's API key (sent as a bearer token; never logged)", false},
        {"llm-max-output-tokens", FLAGS_INT, &cfg->native.max_output_tokens, "4096",
         "native: max_tokens of each model request (0: not sent)", false},
        {"llm-temperature", FLAGS_STRING, &f->temperature, NULL,
         "native: sampling `temperature` (default: the server's)", false},
        {"llm-tool-choice", FLAGS_STRING, &cfg->native.tool_choice, "auto",
         "native: tool_choice `policy`: auto, required, or per turn, e.g. required,auto", false},
        {"llm-connect-timeout", FLAGS_DURATION, &cfg->native.connect_timeout_ns, "10s",
         "native: time to connect to the model server", false},
        {"llm-first-byte-timeout", FLAGS_DURATION, &cfg->native.first_byte_timeout_ns, "5m",
         "native: time to the first byte of an answer (long prompts on slow hosts take minutes)", false},
        {"llm-idle-timeout", FLAGS_DURATION, &cfg->native.idle_timeout_ns, "2m",
         "native: longest gap between two chunks of a streamed answer", false},
        {"agent-max-turns", FLAGS_INT, &f->max_turns, "50", "native: most model turns of one task", false},
        {"agent-max-output-tokens", FLAGS_INT, &cfg->native.run_output_tokens, "0",
         "native: most output tokens of one task (0: no limit)", false},
        {"agent-system-prompt-file", FLAGS_STRING, &cfg->native.system_prompt_file, NULL,
         "native: `file` replacing the built-in system prompt", false},
        {"tool-network", FLAGS_BOOL, &cfg->native.tool_network, "false",
         "native: let the bash tool use the network", false},
        {"git-token-file", FLAGS_STRING, &cfg->native.git_token_file, NULL,
         "native: `file` whose first line is the HTTPS token for clone and push (via GIT_ASKPASS; never logged)", false},
        {"git-user", FLAGS_STRING, &cfg->native.git_user, "x-access-token",
         "native: HTTPS user `name` sent with --git-token-file", false},
        {"git-ssh-key-file", FLAGS_STRING, &cfg->native.git_ssh_key_file, NULL,
         "native: ssh private key `file` for ssh clone and push", false},
        {"git-token-secret", FLAGS_STRING, &cfg->git_token_secret, NULL,
         "native: Secret `name[/key]` (key default token) in the task's namespace holding the HTTPS token "
         "for clone and push (via GIT_ASKPASS; never logged)", false},
        {"workspace-keep", FLAGS_BOOL, &cfg->native.workspace_keep, "false",
         "native: keep a finished task's work tree and repository (the transcript is always kept)", false},
        {"workspace-max-mib", FLAGS_INT, &cfg->native.workspace_max_mib, "0",
         "native: cap of the workspace directory in MiB; the oldest finished tasks are removed (0: no cap)", false},
    };
    memcpy(f->defs, own, sizeof(own));
    fm_probe_capability_flag_defs(f->defs + N_OWN_FLAGS, &cfg->cap);
    f->fs.program = "foreman-agent";
    f->fs.defs = f->defs;
    f->fs.n_defs = N_OWN_FLAGS + PROBE_CAPABILITY_FLAGS;

    int first = 0;
    int rc = fm_flags_parse(&f->fs, argc, argv, &first);
    if (rc != 0) return rc;
    if (first < argc) return fm_error_set(FM_EINVAL, "unexpected argument \"%s\"", argv[first]);
    if ((rc = fm_probe_capability_flags_collect(&cfg->cap, &f->fs)) != 0) return rc;
    if (cfg->heartbeat_ns <= 0)
        return fm_error_set(FM_EINVAL, "invalid value for flag -heartbeat-interval: must be positive");
    if (cfg->stub_sleep_ns < 0)
        return fm_error_set(FM_EINVAL, "invalid value for flag -stub-sleep: must not be negative");
    if (cfg->kill_grace_ns < 0)
        return fm_error_set(FM_EINVAL, "invalid value for flag -kill-grace: must not be negative");
    if (f->max_concurrent < 1)
        return fm_error_set(FM_EINVAL, "invalid value \"%lld\" for flag -max-concurrent-tasks: must be at least 1",
                            (long long)f->max_concurrent);
    cfg->max_concurrent = fm_agentutil_narrow_int32(f->max_concurrent);
    if ((rc = fm_executor_lookup(&cfg->executor, cfg->agent_mode)) != 0)
        return fm_error_set(FM_EINVAL, "invalid value \"%s\" for flag -agent-mode: want stub, exec or native",
                            cfg->agent_mode);
    if (cfg->executor == &fm_executor_exec_ops && (!cfg->task_command || !cfg->task_command[0]))
        return fm_error_set(FM_EINVAL, "flag -task-command is required with -agent-mode=exec");
    if (cfg->executor == &fm_executor_native_ops && (!cfg->native.base_url || !cfg->native.base_url[0]))
        return fm_error_set(FM_EINVAL, "flag -llm-base-url is required with -agent-mode=native");
    if (!tool_choice_ok(cfg->native.tool_choice))
        return fm_error_set(FM_EINVAL, "invalid value \"%s\" for flag -llm-tool-choice: want auto, required, "
                                       "none, or a comma-separated list of them", cfg->native.tool_choice);
    if (f->temperature && f->temperature[0]) {
        char *end;
        cfg->native.temperature = strtod(f->temperature, &end);
        if (*end || cfg->native.temperature < 0 || cfg->native.temperature > 2)
            return fm_error_set(FM_EINVAL, "invalid value \"%s\" for flag -llm-temperature: want a number in [0, 2]",
                                f->temperature);
        cfg->native.has_temperature = true;
    }
    if (f->max_turns < 1 || f->max_turns > 100000)
        return fm_error_set(FM_EINVAL, "invalid value \"%lld\" for flag -agent-max-turns: want 1 or more",
                            (long long)f->max_turns);
    cfg->native.max_turns = (int)f->max_turns;
    if (cfg->native.max_output_tokens < 0 || cfg->native.run_output_tokens < 0)
        return fm_error_set(FM_EINVAL, "flags -llm-max-output-tokens and -agent-max-output-tokens must not be negative");
    /* what the bash tool must never read: the agent's own credentials */
    {
        size_t k = 0;
        const char *kc = cfg->kubeconfig && cfg->kubeconfig[0] ? cfg->kubeconfig : getenv("KUBECONFIG");
        if (kc && kc[0] && !strchr(kc, ':')) cfg->native.deny_read[k++] = kc;
        cfg->native.deny_read[k++] = "/var/run/secrets/kubernetes.io";
        const char *home = getenv("HOME");
        if (home && home[0]) {
            snprintf(f->home_kube, sizeof(f->home_kube), "%s/.kube", home);
            cfg->native.deny_read[k++] = f->home_kube;
        }
        /* the git credentials (one slot left for the API key file) */
        if (cfg->native.git_token_file && cfg->native.git_token_file[0]) cfg->native.deny_read[k++] = cfg->native.git_token_file;
        if (cfg->native.git_ssh_key_file && cfg->native.git_ssh_key_file[0]) cfg->native.deny_read[k++] = cfg->native.git_ssh_key_file;
    }
    if (strcmp(cfg->log_format, "logfmt") != 0 && strcmp(cfg->log_format, "text") != 0 &&
        strcmp(cfg->log_format, "json") != 0)
        return fm_error_set(FM_EINVAL, "invalid value \"%s\" for flag -log-format: want logfmt or json",
                            cfg->log_format);
    if (strcmp(cfg->task_selector, "auto") != 0 && strcmp(cfg->task_selector, "field") != 0 &&
        strcmp(cfg->task_selector, "label") != 0)
        return fm_error_set(FM_EINVAL, "invalid value \"%s\" for flag -task-selector: want auto, field or label",
                            cfg->task_selector);
    dedup_strlist(&cfg->task_namespaces);
    if (cfg->task_namespaces.len > AGENT_MAX_NAMESPACES)
        return fm_error_set(FM_EINVAL, "flag -task-namespace: at most %d namespaces", AGENT_MAX_NAMESPACES);
    if ((rc = config_parse_labels(&cfg->labels, &cfg->node_labels)) != 0) return rc;

    /* The name: the flag, else the host name; sanitized either way. */
    if (gethostname(cfg->host, sizeof(cfg->host) - 1) != 0) cfg->host[0] = '\0';
    const char *input = f->fleet_node_name && f->fleet_node_name[0] ? f->fleet_node_name : cfg->host;
    bool changed = false;
    fm_agentutil_sanitize_name(cfg->name, &changed, input);
    if (!cfg->host[0]) snprintf(cfg->host, sizeof(cfg->host), "%s", cfg->name);
    if (changed) {
        /* Logged once at start-up; the log format is set by now. */
        fm_log_set_format_name(cfg->log_format);
        fm_log_info("fleet node name sanitized", "input", input, "name", cfg->name, NULL);
    }
    return 0;
}

void config_free(agent_config *cfg, agent_flags *f)
{
    if (cfg) fm_strmap_clear(&cfg->labels);
    if (!f) return;
    fm_flags_free(&f->fs);
    free(f);
}

void config_usage(FILE *out, const agent_flags *f)
{
    fputs("foreman-agent registers this host as a FleetNode, reports its health and\n"
          "capability, and runs the AgenticTasks the operator places on it.\n\n"
          "Commands:\n"
          "  foreman-agent [flags]          run the agent\n"
          "  foreman-agent probe [flags]    print what this host would report, then exit\n"
          "  foreman-agent version          print the version\n\n",
          out);
    fm_flags_usage(out, &f->fs);
}
