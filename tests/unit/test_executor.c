/*
 * test_executor.c - the stub and exec executors (foreman/agent/executor.h) without
 * a cluster: verdicts, envelopes, stop requests, the exec environment, the
 * result file, transcript capping, failure messages and process-group
 * cleanup.
 */
#include "test.h"

#include "error.h"
#include "executor.h"
#include "kube_json.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MS (INT64_C(1000000))

static char workspace[256];

static fm_executor_task sample_task(void)
{
    static const char json[] = "{\"metadata\":{\"name\":\"t1\",\"namespace\":\"ns1\"},\"spec\":{\"kind\":\"verify\"}}";
    fm_executor_task t;
    memset(&t, 0, sizeof(t));
    t.name = "t1";
    t.namespace_ = "ns1";
    t.uid = "uid-1";
    t.kind = "verify";
    t.model_ref = "qwen3:8b";
    t.prompt = "check it";
    t.repo = "acme/app";
    t.branch = "main";
    t.has_issue = true;
    t.issue = 42;
    t.json = json;
    t.json_len = sizeof(json) - 1;
    return t;
}

static fm_executor_config exec_config(const char *cmd)
{
    fm_executor_config c;
    memset(&c, 0, sizeof(c));
    c.agent_name = "node-a";
    c.command = cmd;
    c.workspace_dir = workspace;
    return c;
}

/* Runs task t to the end with exec and returns its result (deadline 20 s). */
static int run_exec_task(fm_executor_result *res, fm_executor_config cfg, fm_executor_task t)
{
    fm_executor_run *run = NULL;
    int rc = fm_executor_start(&run, &fm_executor_exec_ops, &cfg, &t);
    if (rc != 0) return rc;
    if (fm_executor_wait(run, fm_clock_now(NULL) + 20000 * MS) != 1) {
        fm_executor_free(run);
        return FM_ERROR;
    }
    rc = fm_executor_result_get(res, run);
    fm_executor_free(run);
    return rc;
}

static int run_exec(fm_executor_result *res, fm_executor_config cfg)
{
    return run_exec_task(res, cfg, sample_task());
}

TEST(lookup_modes)
{
    const fm_executor_ops *ops = NULL;
    CHECK_INT(fm_executor_lookup(&ops, "stub"), 0);
    CHECK(ops == &fm_executor_stub_ops);
    CHECK_INT(fm_executor_lookup(&ops, "exec"), 0);
    CHECK(ops == &fm_executor_exec_ops);
    CHECK_INT(fm_executor_lookup(&ops, "llm"), FM_EINVAL);
    CHECK(ops == NULL);
    CHECK_CONTAINS(fm_error_last()->message, "llm");
}

TEST(stub_sleeps_then_go)
{
    fm_executor_config cfg;
    memset(&cfg, 0, sizeof(cfg));
    cfg.agent_name = "node-a";
    cfg.stub_sleep_ns = 150 * MS;
    fm_executor_task t = sample_task();
    fm_executor_run *run = NULL;
    int64_t t0 = fm_clock_now(NULL);
    CHECK_FATAL(fm_executor_start(&run, &fm_executor_stub_ops, &cfg, &t) == 0);
    CHECK_INT(fm_executor_wait(run, t0 + 20 * MS), 0); /* not yet */
    CHECK(!fm_executor_done(run));
    fm_executor_result res;
    CHECK_INT(fm_executor_result_get(&res, run), FM_EINVAL);
    CHECK_INT(fm_executor_wait(run, -1), 1);
    int64_t took = fm_clock_now(NULL) - t0;
    CHECK(took >= 150 * MS && took < 5000 * MS);
    CHECK_INT(fm_executor_result_get(&res, run), 0);
    CHECK(!res.failed);
    CHECK_INT(res.verdict, FM_VERDICT_GO);
    CHECK_STR(res.kind, "stub");
    CHECK_STR(res.extra, "{\"taskKind\":\"verify\",\"agentName\":\"node-a\",\"modelRef\":\"qwen3:8b\"}");
    CHECK(res.elapsed_sec >= 0.15);

    fm_buf env = FM_BUF_INIT;
    CHECK_INT(fm_executor_envelope(&env, &res), 0);
    CHECK_CONTAINS(env.data, "{\"schemaVersion\":\"foreman.v1\",\"kind\":\"stub\",\"verdict\":\"GO\",\"summary\":\"stub executor slept 150ms");
    CHECK_CONTAINS(env.data, "\"extra\":{\"taskKind\":\"verify\"");
    /* The envelope carries the measured time, however loaded the machine. */
    const char *el = env.data ? strstr(env.data, "\"elapsedSec\":") : NULL;
    CHECK(el != NULL);
    if (el) CHECK(strtod(el + strlen("\"elapsedSec\":"), NULL) >= 0.15);
    size_t pos = 0;
    CHECK_INT(fm_kube_json_skip(env.data, env.len, &pos), 0);
    CHECK_INT(pos, env.len);
    fm_buf_free(&env);
    fm_executor_result_clear(&res);
    fm_executor_free(run);
}

TEST(stub_stop_is_prompt)
{
    fm_executor_config cfg;
    memset(&cfg, 0, sizeof(cfg));
    cfg.stub_sleep_ns = 60000 * MS;
    fm_executor_task t = sample_task();
    t.model_ref = NULL;
    fm_executor_run *run = NULL;
    CHECK_FATAL(fm_executor_start(&run, &fm_executor_stub_ops, &cfg, &t) == 0);
    int64_t t0 = fm_clock_now(NULL);
    fm_executor_stop(run, EXECUTOR_STOP_TIMEOUT, 0);
    fm_executor_stop(run, EXECUTOR_STOP_CANCEL, 0); /* the first request wins */
    CHECK_INT(fm_executor_wait(run, t0 + 2000 * MS), 1);
    CHECK(fm_clock_now(NULL) - t0 < 2000 * MS);
    fm_executor_result res;
    CHECK_INT(fm_executor_result_get(&res, run), 0);
    CHECK(res.failed);
    CHECK_INT(res.verdict, FM_VERDICT_INCOMPLETE);
    CHECK_STR(res.reason, "Timeout");
    CHECK_INT(res.stopped, EXECUTOR_STOP_TIMEOUT);
    fm_buf env = FM_BUF_INIT;
    CHECK_INT(fm_executor_envelope(&env, &res), 0);
    CHECK_CONTAINS(env.data, "\"verdict\":\"INCOMPLETE\"");
    CHECK_CONTAINS(env.data, "\"extra\":{}");
    fm_buf_free(&env);
    fm_executor_result_clear(&res);
    fm_executor_free(run);
}

TEST(free_stops_running_work)
{
    fm_executor_config cfg;
    memset(&cfg, 0, sizeof(cfg));
    cfg.stub_sleep_ns = 60000 * MS;
    fm_executor_task t = sample_task();
    fm_executor_run *run = NULL;
    CHECK_FATAL(fm_executor_start(&run, &fm_executor_stub_ops, &cfg, &t) == 0);
    int64_t t0 = fm_clock_now(NULL);
    fm_executor_free(run);
    CHECK(fm_clock_now(NULL) - t0 < 2000 * MS);
    fm_executor_free(NULL);
    fm_executor_result_clear(NULL);
}

TEST(exec_success_env_and_stdin)
{
    fm_executor_result res;
    fm_executor_config cfg = exec_config(
        "echo \"name=$FOREMAN_TASK_NAME ns=$FOREMAN_TASK_NAMESPACE kind=$FOREMAN_TASK_KIND\";"
        "echo \"prompt=$FOREMAN_TASK_PROMPT repo=$FOREMAN_TASK_REPO issue=$FOREMAN_TASK_ISSUE branch=$FOREMAN_TASK_BRANCH\";"
        "echo \"pwd=$(pwd)\"; echo \"rf=$FOREMAN_RESULT_FILE\"; cat; echo err >&2");
    CHECK_FATAL(run_exec(&res, cfg) == 0);
    CHECK(!res.failed);
    CHECK_INT(res.verdict, FM_VERDICT_GO);
    CHECK_STR(res.kind, "exec");
    CHECK_INT(res.exit_code, 0);
    CHECK_FATAL(res.transcript_ref != NULL && res.workdir != NULL);
    CHECK(strncmp(res.workdir, workspace, strlen(workspace)) == 0);
    CHECK_CONTAINS(res.workdir, "/ns1-t1-");
    char *tr = test_read_file(res.transcript_ref, NULL);
    CHECK_CONTAINS(tr, "name=t1 ns=ns1 kind=verify");
    CHECK_CONTAINS(tr, "prompt=check it repo=acme/app issue=42 branch=main");
    char want[600];
    snprintf(want, sizeof(want), "pwd=%s\n", res.workdir);
    CHECK_CONTAINS(tr, want);
    snprintf(want, sizeof(want), "rf=%s/result.json\n", res.workdir);
    CHECK_CONTAINS(tr, want);
    CHECK_CONTAINS(tr, "{\"metadata\":{\"name\":\"t1\"");
    CHECK_CONTAINS(tr, "err\n");
    free(tr);
    CHECK_CONTAINS(res.extra, "\"exitCode\":0");
    fm_executor_result_clear(&res);
}

TEST(exec_failure_keeps_last_output)
{
    fm_executor_result res;
    /* 20000 numbered lines, then exit 3: the message holds the last 4 KiB. */
    fm_executor_config cfg = exec_config("i=0; while [ $i -lt 20000 ]; do echo line-$i; i=$((i+1)); done; exit 3");
    CHECK_FATAL(run_exec(&res, cfg) == 0);
    CHECK(res.failed);
    CHECK_STR(res.reason, "CommandFailed");
    CHECK_INT(res.exit_code, 3);
    CHECK_INT(res.verdict, FM_VERDICT_INCOMPLETE);
    CHECK_CONTAINS(res.message, "command exited with status 3");
    CHECK_CONTAINS(res.message, "line-19999\n");
    CHECK(strstr(res.message, "line-10000\n") == NULL);
    CHECK(strlen(res.message) <= 4096 + 100);
    fm_executor_result_clear(&res);
}

TEST(exec_huge_output_capped)
{
    fm_executor_result res;
    /* About 3 MiB of output. */
    fm_executor_config cfg = exec_config("head -c 3145728 /dev/zero | tr '\\0' 'x'; echo; echo done-marker");
    CHECK_FATAL(run_exec(&res, cfg) == 0);
    CHECK(!res.failed);
    struct stat st;
    CHECK_FATAL(stat(res.transcript_ref, &st) == 0);
    CHECK(st.st_size <= 1024 * 1024);
    CHECK(st.st_size > 1024 * 1024 - 100);
    char *tr = test_read_file(res.transcript_ref, NULL);
    CHECK_CONTAINS(tr, "transcript truncated");
    free(tr);
    CHECK_CONTAINS(res.extra, "\"outputBytes\":3145741");
    fm_executor_result_clear(&res);
}

TEST(exec_result_file_verdict)
{
    fm_executor_result res;
    fm_executor_config cfg = exec_config(
        "printf '{\"verdict\":\"NO-GO\",\"summary\":\"tests fail\",\"extra\":{\"failed\":2}}' > \"$FOREMAN_RESULT_FILE\"");
    CHECK_FATAL(run_exec(&res, cfg) == 0);
    CHECK(!res.failed);
    CHECK_INT(res.verdict, FM_VERDICT_NO_GO);
    CHECK_STR(res.summary, "tests fail");
    CHECK_STR(res.extra, "{\"failed\":2}");
    fm_buf env = FM_BUF_INIT;
    CHECK_INT(fm_executor_envelope(&env, &res), 0);
    CHECK_CONTAINS(env.data, "\"kind\":\"exec\",\"verdict\":\"NO-GO\",\"summary\":\"tests fail\",\"extra\":{\"failed\":2}");
    fm_buf_free(&env);
    fm_executor_result_clear(&res);

    cfg = exec_config("echo 'not json' > \"$FOREMAN_RESULT_FILE\"");
    CHECK_FATAL(run_exec(&res, cfg) == 0);
    CHECK(res.failed);
    CHECK_STR(res.reason, "InvalidResult");
    CHECK_CONTAINS(res.message, "not a JSON object");
    fm_executor_result_clear(&res);

    cfg = exec_config("echo '{\"verdict\":\"MAYBE\"}' > \"$FOREMAN_RESULT_FILE\"");
    CHECK_FATAL(run_exec(&res, cfg) == 0);
    CHECK(res.failed);
    CHECK_CONTAINS(res.message, "unknown verdict");
    fm_executor_result_clear(&res);
}

TEST(exec_stop_term_then_kill)
{
    fm_executor_task t = sample_task();
    fm_executor_run *run = NULL;
    char pidfile[512];
    snprintf(pidfile, sizeof(pidfile), "%s/bg.pid", workspace);
    char cmd[2048];
    /* A background child in the same group, and a shell that ignores TERM:
     * SIGKILL after the grace period must take both. */
    char ready[512];
    snprintf(ready, sizeof(ready), "%s/ready", workspace);
    unlink(ready);
    snprintf(cmd, sizeof(cmd), "sleep 300 & echo $! > %s; trap '' TERM; echo started; touch %s; while :; do sleep 0.05; done",
             pidfile, ready);
    fm_executor_config cfg = exec_config(cmd);
    CHECK_FATAL(fm_executor_start(&run, &fm_executor_exec_ops, &cfg, &t) == 0);
    /* Stop only once the shell ignores TERM (a loaded machine is slow). */
    for (int i = 0; i < 1000 && access(ready, F_OK) != 0; i++) usleep(10000);
    CHECK(!fm_executor_done(run));
    int64_t t0 = fm_clock_now(NULL);
    fm_executor_stop(run, EXECUTOR_STOP_CANCEL, 300 * MS);
    CHECK_INT(fm_executor_wait(run, t0 + 15000 * MS), 1);
    int64_t took = fm_clock_now(NULL) - t0;
    CHECK(took >= 300 * MS && took < 10000 * MS);
    fm_executor_result res;
    CHECK_INT(fm_executor_result_get(&res, run), 0);
    CHECK(res.failed);
    CHECK_STR(res.reason, "Cancelled");
    CHECK_INT(res.exit_code, -SIGKILL);
    CHECK_CONTAINS(res.message, "started");
    fm_executor_result_clear(&res);
    fm_executor_free(run);
    char *pid = test_read_file(pidfile, NULL);
    CHECK_FATAL(pid != NULL);
    usleep(100000);
    CHECK(kill(atoi(pid), 0) != 0 && errno == ESRCH);
    free(pid);
}

TEST(exec_stop_term_is_enough)
{
    fm_executor_task t = sample_task();
    fm_executor_run *run = NULL;
    fm_executor_config cfg = exec_config("sleep 300");
    CHECK_FATAL(fm_executor_start(&run, &fm_executor_exec_ops, &cfg, &t) == 0);
    usleep(100000);
    int64_t t0 = fm_clock_now(NULL);
    fm_executor_stop(run, EXECUTOR_STOP_TIMEOUT, 10000 * MS);
    CHECK_INT(fm_executor_wait(run, t0 + 5000 * MS), 1);
    CHECK(fm_clock_now(NULL) - t0 < 4000 * MS);
    fm_executor_result res;
    CHECK_INT(fm_executor_result_get(&res, run), 0);
    CHECK_STR(res.reason, "Timeout");
    CHECK_INT(res.exit_code, -SIGTERM);
    fm_executor_result_clear(&res);
    fm_executor_free(run);
}

TEST(exec_straggler_killed_after_exit)
{
    fm_executor_result res;
    /* The shell exits at once but its background child keeps stdout open. */
    fm_executor_config cfg = exec_config("sleep 300 & echo bye");
    cfg.exit_linger_ns = 200 * MS;
    int64_t t0 = fm_clock_now(NULL);
    CHECK_FATAL(run_exec(&res, cfg) == 0);
    CHECK(fm_clock_now(NULL) - t0 < 8000 * MS);
    CHECK(!res.failed);
    CHECK_INT(res.verdict, FM_VERDICT_GO);
    fm_executor_result_clear(&res);
}

TEST(exec_without_command_fails)
{
    fm_executor_result res;
    fm_executor_config cfg = exec_config(NULL);
    CHECK_FATAL(run_exec(&res, cfg) == 0);
    CHECK(res.failed);
    CHECK_STR(res.reason, "ExecutorError");
    CHECK_CONTAINS(res.message, "--task-command");
    fm_executor_result_clear(&res);
}


TEST(exec_env_is_allow_listed)
{
    /* The agent's cluster credentials and anything not allowed stay out;
     * --task-env adds names, never credentials. */
    setenv("KUBECONFIG", "/secret/kubeconfig", 1);
    setenv("KUBERNETES_SERVICE_HOST", "10.0.0.1", 1);
    setenv("AGENT_SECRET_TOKEN", "s3cr3t", 1);
    setenv("OLLAMA_HOST", "127.0.0.1:11434", 1);
    setenv("LC_ALL", "C", 1);
    static const char *const allow[] = {"OLLAMA_HOST", "KUBECONFIG", NULL};
    fm_executor_result res;
    fm_executor_config cfg = exec_config("env");
    cfg.env_allow = allow;
    CHECK_FATAL(run_exec(&res, cfg) == 0);
    CHECK(!res.failed);
    char *tr = test_read_file(res.transcript_ref, NULL);
    CHECK(tr && !strstr(tr, "KUBECONFIG"));
    CHECK(tr && !strstr(tr, "KUBERNETES_SERVICE_HOST"));
    CHECK(tr && !strstr(tr, "s3cr3t"));
    CHECK_CONTAINS(tr, "OLLAMA_HOST=127.0.0.1:11434");
    CHECK_CONTAINS(tr, "LC_ALL=C");
    CHECK_CONTAINS(tr, "PATH=");
    CHECK_CONTAINS(tr, "FOREMAN_TASK_NAME=t1");
    free(tr);
    fm_executor_result_clear(&res);
    CHECK(!fm_executor_env_allowed("KUBECONFIG=/x", allow));
    CHECK(!fm_executor_env_allowed("FOREMAN_TOKEN", NULL));
    CHECK(fm_executor_env_allowed("HOME", NULL));
    CHECK(!fm_executor_env_allowed("HOMEX", NULL));
    unsetenv("KUBECONFIG");
    unsetenv("KUBERNETES_SERVICE_HOST");
    unsetenv("AGENT_SECRET_TOKEN");
}

TEST(exec_hides_credential_files)
{
    /* A kubeconfig file and a token directory the agent can read; the task
     * command sees neither (when namespaces are allowed here). */
    char kc[300], tokdir[300], tok[320];
    snprintf(kc, sizeof(kc), "%s/agent-kubeconfig", workspace);
    snprintf(tokdir, sizeof(tokdir), "%s/sa", workspace);
    snprintf(tok, sizeof(tok), "%s/token", tokdir);
    mkdir(tokdir, 0700);
    FILE *f = fopen(kc, "w");
    CHECK_FATAL(f != NULL);
    fputs("token: kubeconfig-secret\n", f);
    fclose(f);
    f = fopen(tok, "w");
    CHECK_FATAL(f != NULL);
    fputs("sa-token-secret\n", f);
    fclose(f);
    if (!fm_executor_exec_isolation()) {
        printf("skip exec_hides_credential_files: %s\n", fm_error_last()->message);
        return;
    }
    static const char *hide[3];
    hide[0] = kc;
    hide[1] = tokdir;
    hide[2] = NULL;
    char cmd[1400];
    snprintf(cmd, sizeof(cmd), "cat %s; cat %s; ls %s; echo uid=$(id -u); touch $FOREMAN_WORKDIR/w && echo wrote",
             kc, tok, tokdir);
    fm_executor_result res;
    fm_executor_config cfg = exec_config(cmd);
    cfg.hide_paths = hide;
    CHECK_FATAL(run_exec(&res, cfg) == 0);
    char *tr = test_read_file(res.transcript_ref, NULL);
    CHECK(tr && !strstr(tr, "kubeconfig-secret"));
    CHECK(tr && !strstr(tr, "sa-token-secret"));
    char want[64];
    snprintf(want, sizeof(want), "uid=%u\n", (unsigned)getuid());
    CHECK_CONTAINS(tr, want);        /* files keep their owner */
    CHECK_CONTAINS(tr, "wrote");     /* the workspace is writable */
    free(tr);
    fm_executor_result_clear(&res);
    /* The agent itself still reads them. */
    char *still = test_read_file(tok, NULL);
    CHECK_CONTAINS(still, "sa-token-secret");
    free(still);
}

TEST(exec_long_prompt_and_name)
{
    /* A 200 KiB prompt (over execve's 128 KiB per variable) reaches the
     * command through FOREMAN_TASK_PROMPT_FILE; a 253-byte name works. */
    size_t n = 200 * 1024;
    char *prompt = malloc(n + 1);
    CHECK_FATAL(prompt != NULL);
    memset(prompt, 'p', n);
    prompt[n] = 0;
    char name[254];
    memset(name, 'n', 253);
    name[253] = 0;
    fm_executor_task t = sample_task();
    t.prompt = prompt;
    t.name = name;
    fm_executor_result res;
    fm_executor_config cfg = exec_config("echo set=${FOREMAN_TASK_PROMPT+yes}; wc -c < \"$FOREMAN_TASK_PROMPT_FILE\"; mkdir -p $FOREMAN_WORKDIR/clone/a && echo big > $FOREMAN_WORKDIR/clone/a/f");
    CHECK_FATAL(run_exec_task(&res, cfg, t) == 0);
    CHECK(!res.failed);
    CHECK_FATAL(res.transcript_ref != NULL);
    char *tr = test_read_file(res.transcript_ref, NULL);
    CHECK_CONTAINS(tr, "set=\n");
    CHECK_CONTAINS(tr, "204800");
    free(tr);
    /* The finished task's directory keeps only the transcript (and result). */
    char p[700];
    snprintf(p, sizeof(p), "%s/clone", res.workdir);
    struct stat st;
    CHECK(stat(p, &st) != 0);
    snprintf(p, sizeof(p), "%s/task.json", res.workdir);
    CHECK(stat(p, &st) != 0);
    CHECK(stat(res.transcript_ref, &st) == 0);
    fm_executor_result_clear(&res);
    free(prompt);
}

/* True when a live (not zombie) process has exactly this command line. */
static bool cmdline_alive(const char *a0, const char *a1)
{
    bool found = false;
    DIR *d = opendir("/proc");
    struct dirent *de;
    while (d && !found && (de = readdir(d)) != NULL) {
        int pid = atoi(de->d_name);
        if (pid <= 1) continue;
        char p[64], buf[256];
        snprintf(p, sizeof(p), "/proc/%d/cmdline", pid);
        FILE *f = fopen(p, "r");
        if (!f) continue;
        size_t n = fread(buf, 1, sizeof(buf) - 1, f);
        fclose(f);
        buf[n] = 0;
        if (strcmp(buf, a0) != 0 || n <= strlen(a0) + 1 || strcmp(buf + strlen(a0) + 1, a1) != 0) continue;
        snprintf(p, sizeof(p), "/proc/%d/stat", pid);
        f = fopen(p, "r");
        if (!f) continue;
        n = fread(buf, 1, sizeof(buf) - 1, f);
        fclose(f);
        buf[n] = 0;
        const char *rp = strrchr(buf, ')');
        found = !(rp && rp[1] == ' ' && (rp[2] == 'Z' || rp[2] == 'X'));
    }
    if (d) closedir(d);
    return found;
}

TEST(exec_setsid_child_does_not_outlive_task)
{
    if (!fm_executor_exec_isolation()) {
        printf("skip exec_setsid_child_does_not_outlive_task: %s\n", fm_error_last()->message);
        return;
    }
    /* A child that leaves the process group (setsid) used to survive the
     * group kill; in the task's PID namespace it ends with the task. */
    static const char *const none[] = {NULL};
    fm_executor_result res;
    fm_executor_config cfg = exec_config("setsid sleep 31337 </dev/null >/dev/null 2>&1 & sleep 0.3; exit 3");
    cfg.hide_paths = none;
    CHECK_FATAL(run_exec(&res, cfg) == 0);
    CHECK(res.failed);
    CHECK_INT(res.exit_code, 3); /* the command's own status comes through */
    struct timespec ts = {0, 300 * 1000000L};
    nanosleep(&ts, NULL);
    CHECK(!cmdline_alive("sleep", "31337"));
    fm_executor_result_clear(&res);

    /* A stop still reaches the command (SIGTERM, not ignored as by a PID 1). */
    fm_executor_task tk = sample_task();
    fm_executor_run *run = NULL;
    fm_executor_config c2 = exec_config("trap 'echo got-term; exit 0' TERM; sleep 30 & wait");
    c2.hide_paths = none;
    CHECK_FATAL(fm_executor_start(&run, &fm_executor_exec_ops, &c2, &tk) == 0);
    nanosleep(&ts, NULL);
    fm_executor_stop(run, EXECUTOR_STOP_CANCEL, 5000 * MS);
    CHECK_INT(fm_executor_wait(run, fm_clock_now(NULL) + 4000 * MS), 1);
    CHECK_INT(fm_executor_result_get(&res, run), 0);
    CHECK_INT(res.stopped, EXECUTOR_STOP_CANCEL);
    char *tr = test_read_file(res.transcript_ref, NULL);
    CHECK_CONTAINS(tr, "got-term");
    free(tr);
    fm_executor_result_clear(&res);
    fm_executor_free(run);
}

TEST(exec_prunes_week_old_task_directories)
{
    /* A task directory untouched for eight days goes when the next task
     * starts; a fresh one and other files stay. (First run of the process,
     * so the once-an-hour guard lets it through.) */
    char old_dir[400], new_dir[400], other[400];
    snprintf(old_dir, sizeof(old_dir), "%s/ns-old-task-AbC123", workspace);
    snprintf(new_dir, sizeof(new_dir), "%s/ns-new-task-XyZ789", workspace);
    snprintf(other, sizeof(other), "%s/keep-me", workspace);
    mkdir(workspace, 0700);
    CHECK_FATAL(mkdir(old_dir, 0700) == 0 && mkdir(new_dir, 0700) == 0 && mkdir(other, 0700) == 0);
    char f[500];
    snprintf(f, sizeof(f), "%s/transcript.log", old_dir);
    FILE *fp = fopen(f, "w");
    CHECK_FATAL(fp != NULL);
    fputs("old\n", fp);
    fclose(fp);
    struct timespec times[2];
    clock_gettime(CLOCK_REALTIME, &times[0]);
    times[0].tv_sec -= 8 * 24 * 3600;
    times[1] = times[0];
    CHECK(utimensat(AT_FDCWD, old_dir, times, 0) == 0);
    CHECK(utimensat(AT_FDCWD, other, times, 0) == 0);
    fm_executor_result res;
    CHECK_FATAL(run_exec(&res, exec_config("true")) == 0);
    fm_executor_result_clear(&res);
    struct stat st;
    CHECK(stat(old_dir, &st) != 0);
    CHECK(stat(new_dir, &st) == 0);
    CHECK(stat(other, &st) == 0);
}

TEST(envelope_summary_one_line)
{
    fm_executor_result res;
    memset(&res, 0, sizeof(res));
    res.kind = "exec";
    res.verdict = FM_VERDICT_GO;
    res.summary = strdup("first line\nsecond \"line\"");
    res.extra = strdup("{\"a\":1}");
    res.elapsed_sec = 1.5;
    fm_buf env = FM_BUF_INIT;
    CHECK_INT(fm_executor_envelope(&env, &res), 0);
    CHECK_STR(env.data, "{\"schemaVersion\":\"foreman.v1\",\"kind\":\"exec\",\"verdict\":\"GO\","
                        "\"summary\":\"first line\",\"extra\":{\"a\":1},\"elapsedSec\":1.500}");
    fm_buf_free(&env);
    fm_executor_result_clear(&res);
}

int main(void)
{
    snprintf(workspace, sizeof(workspace), "/tmp/foreman-test-executor-%d", (int)getpid());
    RUN(lookup_modes);
    RUN(exec_prunes_week_old_task_directories);
    RUN(stub_sleeps_then_go);
    RUN(stub_stop_is_prompt);
    RUN(free_stops_running_work);
    RUN(exec_success_env_and_stdin);
    RUN(exec_failure_keeps_last_output);
    RUN(exec_huge_output_capped);
    RUN(exec_result_file_verdict);
    RUN(exec_stop_term_then_kill);
    RUN(exec_stop_term_is_enough);
    RUN(exec_straggler_killed_after_exit);
    RUN(exec_without_command_fails);
    RUN(envelope_summary_one_line);
    RUN(exec_env_is_allow_listed);
    RUN(exec_hides_credential_files);
    RUN(exec_long_prompt_and_name);
    RUN(exec_setsid_child_does_not_outlive_task);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", workspace);
    if (system(cmd) != 0) fprintf(stderr, "warning: could not remove %s\n", workspace);
    return test_summary();
}
