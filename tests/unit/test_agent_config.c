/*
 * test_agent_config.c - foreman-agent's command line (cmd/foreman-agent/
 * config.c, compiled into this test): defaults, Go flag syntax and
 * durations, validation that makes the agent exit 2, name sanitizing,
 * comma lists (--task-namespace without repeats) and --node-labels.
 */
#include "test.h"

#include "../../cmd/foreman-agent/config.c"

#include "log.h"

#include <fcntl.h>

/* Parses a NULL-terminated argument list (after the program name). */
static int parse(agent_config *cfg, agent_flags **fl, const char *const *args)
{
    char *argv[64];
    int argc = 0;
    argv[argc++] = (char *)"foreman-agent";
    for (; *args && argc < 63; args++) argv[argc++] = (char *)*args;
    argv[argc] = NULL;
    return config_parse(cfg, fl, argc, argv);
}

#define ARGS(...) ((const char *const[]){__VA_ARGS__, NULL})

TEST(defaults)
{
    agent_config c;
    agent_flags *fl = NULL;
    CHECK_FATAL(parse(&c, &fl, ARGS("--fleet-node-name", "node-a")) == 0);
    CHECK_STR(c.name, "node-a");
    CHECK_INT(c.heartbeat_ns, 30 * INT64_C(1000000000));
    CHECK_INT(c.stub_sleep_ns, 10 * INT64_C(1000000000));
    CHECK_INT(c.kill_grace_ns, 10 * INT64_C(1000000000));
    CHECK_INT(c.max_concurrent, 1);
    CHECK_INT(c.roles.len, 1);
    CHECK_STR(((char **)c.roles.items)[0], "worker");
    CHECK_INT(c.task_namespaces.len, 1);
    CHECK_STR(((char **)c.task_namespaces.items)[0], "default");
    CHECK(c.executor == &fm_executor_stub_ops);
    CHECK_STR(c.workspace_dir, EXECUTOR_WORKSPACE_DEFAULT);
    CHECK_STR(c.log_format, "logfmt");
    CHECK(c.metrics_bind == NULL || c.metrics_bind[0] == '\0'); /* metrics off */
    CHECK_INT(c.labels.len, 0);
    CHECK(c.host[0] != '\0');
    config_free(&c, fl);
}

TEST(go_syntax_and_durations)
{
    agent_config c;
    agent_flags *fl = NULL;
    CHECK_FATAL(parse(&c, &fl, ARGS("-fleet-node-name=n1", "--heartbeat-interval", "1m30s",
                                    "-stub-sleep=500ms", "--roles", " worker , planner ,,",
                                    "--task-namespace=", "--max-concurrent-tasks", "3",
                                    "--agent-mode=exec", "--task-command", "make test",
                                    "--max-context-tokens=99999999999", "--total-ram-gb=-5",
                                    "--node-labels", "zone=a, example.com/tier=gpu ,empty=",
                                    "-v", "2", "--log-format=json")) == 0);
    CHECK_INT(c.heartbeat_ns, 90 * INT64_C(1000000000));
    CHECK_INT(c.stub_sleep_ns, 500 * INT64_C(1000000));
    CHECK_INT(c.roles.len, 2);
    CHECK_STR(((char **)c.roles.items)[1], "planner");
    CHECK_INT(c.task_namespaces.len, 0); /* empty: all namespaces */
    CHECK(c.task_namespaces.items == NULL);
    CHECK_INT(c.max_concurrent, 3);
    CHECK(c.executor == &fm_executor_exec_ops);
    CHECK_STR(c.task_command, "make test");
    CHECK_INT(c.verbosity, 2);
    CHECK(c.cap.max_context_tokens_set);
    CHECK(c.cap.total_ram_gb_set);
    CHECK_INT(c.labels.len, 3);
    CHECK_STR(fm_strmap_get(&c.labels, "zone"), "a");
    CHECK_STR(fm_strmap_get(&c.labels, "example.com/tier"), "gpu");
    CHECK_STR(fm_strmap_get(&c.labels, "empty"), "");
    config_free(&c, fl);
}

/* --task-namespace becomes the FleetNode's spec.taskNamespaces, a set list
 * the API server rejects with duplicates: repeats are dropped, first
 * occurrence and order kept; blanks go too. */
TEST(task_namespaces_deduplicated)
{
    agent_config c;
    agent_flags *fl = NULL;
    CHECK_FATAL(parse(&c, &fl, ARGS("--fleet-node-name", "n",
                                    "--task-namespace", "team-b, team-a,,team-b ,team-a,default")) == 0);
    CHECK_INT(c.task_namespaces.len, 3);
    char **ns = c.task_namespaces.items;
    CHECK_STR(ns[0], "team-b");
    CHECK_STR(ns[1], "team-a");
    CHECK_STR(ns[2], "default");
    config_free(&c, fl);

    CHECK_FATAL(parse(&c, &fl, ARGS("--fleet-node-name", "n", "--task-namespace=x,x,x")) == 0);
    CHECK_INT(c.task_namespaces.len, 1);
    CHECK_STR(((char **)c.task_namespaces.items)[0], "x");
    config_free(&c, fl);
}

TEST(name_sanitized)
{
    agent_config c;
    agent_flags *fl = NULL;
    CHECK_FATAL(parse(&c, &fl, ARGS("--fleet-node-name", "My.Mac_Studio!!")) == 0);
    CHECK_STR(c.name, "my-mac-studio");
    config_free(&c, fl);
    CHECK_FATAL(parse(&c, &fl, ARGS("--fleet-node-name", "!!!")) == 0);
    CHECK_STR(c.name, "fleetnode");
    config_free(&c, fl);
}

/* Each of these makes the agent exit 2 with a one-line message. */
TEST(bad_values)
{
    static const struct {
        const char *args[4];
        const char *want;
    } cases[] = {
        {{"--heartbeat-interval=abc"}, "heartbeat-interval"},
        {{"--heartbeat-interval=-1s"}, "must be positive"},
        {{"--heartbeat-interval=0"}, "must be positive"},
        {{"--stub-sleep=-2s"}, "stub-sleep"},
        {{"--accelerator", "tpu"}, "tpu"},
        {{"--max-concurrent-tasks=0"}, "max-concurrent-tasks"},
        {{"--max-concurrent-tasks=-1"}, "max-concurrent-tasks"},
        {{"--agent-mode=llm"}, "llm"},
        {{"--agent-mode=exec"}, "task-command"},
        {{"--log-format=xml"}, "log-format"},
        {{"--node-labels=novalue"}, "key=value"},
        {{"--node-labels=bad key=1"}, "not a valid Kubernetes label"},
        {{"--node-labels=k=bad value"}, "not a valid Kubernetes label"},
        {{"--nope"}, "not defined"},
        {{"--kubeconfig"}, "needs an argument"},
        {{"positional"}, "unexpected argument"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        agent_config c;
        agent_flags *fl = NULL;
        const char *const *a = cases[i].args;
        int rc = parse(&c, &fl, a);
        if (rc != FM_EINVAL) fprintf(stderr, "case %zu (%s): rc %d\n", i, a[0], rc);
        CHECK_INT(rc, FM_EINVAL);
        CHECK_CONTAINS(fm_error_last()->message, cases[i].want);
        CHECK(strchr(fm_error_last()->message, '\n') == NULL);
        config_free(&c, fl);
    }
}

TEST(help)
{
    agent_config c;
    agent_flags *fl = NULL;
    CHECK_INT(parse(&c, &fl, ARGS("--help")), FLAGS_HELP);
    char path[] = "/tmp/foreman-agent-help-XXXXXX";
    int fd = mkstemp(path);
    CHECK_FATAL(fd >= 0);
    FILE *f = fdopen(fd, "w");
    config_usage(f, fl);
    fclose(f);
    char *text = test_read_file(path, NULL);
    unlink(path);
    static const char *const flags[] = {
        "-fleet-node-name", "-tailscale-addr", "-roles", "-accelerator", "-installed-models",
        "-max-context-tokens", "-tokens-per-second", "-total-ram-gb", "-heartbeat-interval",
        "-kubeconfig", "-kube-context", "-workspace-dir", "-node-labels", "-task-namespace",
        "-agent-mode", "-stub-sleep", "-task-command", "-max-concurrent-tasks",
        "-metrics-bind-address", "-log-format", "-v "};
    for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) CHECK_CONTAINS(text, flags[i]);
    CHECK_CONTAINS(text, "(default 30s)");
    CHECK_CONTAINS(text, "(default 10s)");
    CHECK_CONTAINS(text, "(default \"worker\")");
    CHECK_CONTAINS(text, "(default \"default\")");
    CHECK_CONTAINS(text, "(default \"stub\")");
    CHECK_CONTAINS(text, "(default 1)");
    free(text);
    config_free(&c, fl);
}

TEST(native_flags)
{
    agent_config c;
    agent_flags *fl = NULL;
    CHECK_INT(parse(&c, &fl, ARGS("--fleet-node-name", "n", "--agent-mode", "native")), FM_EINVAL);
    CHECK_CONTAINS(fm_error_last()->message, "-llm-base-url is required");
    config_free(&c, fl);
    CHECK_FATAL(parse(&c, &fl, ARGS("--fleet-node-name", "n", "--agent-mode", "native", "--llm-base-url",
                                    "http://127.0.0.1:8080", "--llm-temperature", "0.2", "--llm-tool-choice",
                                    "required,auto", "--agent-max-turns", "7", "--kubeconfig", "/k/config",
                                    "--tool-network")) == 0);
    CHECK(c.executor == &fm_executor_native_ops);
    CHECK_STR(c.native.base_url, "http://127.0.0.1:8080");
    CHECK(c.native.has_temperature);
    CHECK(c.native.temperature > 0.19 && c.native.temperature < 0.21);
    CHECK_INT(c.native.max_turns, 7);
    CHECK_INT(c.native.max_output_tokens, 4096);
    CHECK_INT(c.native.first_byte_timeout_ns, 300 * INT64_C(1000000000));
    CHECK(c.native.tool_network);
    CHECK_STR(c.native.deny_read[0], "/k/config");
    CHECK_STR(c.native.deny_read[1], "/var/run/secrets/kubernetes.io");
    config_free(&c, fl);
    CHECK_INT(parse(&c, &fl, ARGS("--fleet-node-name", "n", "--llm-tool-choice", "sometimes")), FM_EINVAL);
    config_free(&c, fl);
    CHECK_INT(parse(&c, &fl, ARGS("--fleet-node-name", "n", "--llm-temperature", "hot")), FM_EINVAL);
    config_free(&c, fl);
    CHECK_INT(parse(&c, &fl, ARGS("--fleet-node-name", "n", "--agent-max-turns", "0")), FM_EINVAL);
    config_free(&c, fl);
}

int main(void)
{
    /* config_parse logs the sanitized name; keep the test output clean. */
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull >= 0) fm_log_set_fd(devnull);
    RUN(defaults);
    RUN(go_syntax_and_durations);
    RUN(task_namespaces_deduplicated);
    RUN(name_sanitized);
    RUN(bad_values);
    RUN(help);
    RUN(native_flags);
    return test_summary();
}
