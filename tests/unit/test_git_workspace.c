/*
 * test_git_workspace.c - the task's git workspace (foreman/agent/git_workspace.c)
 * against a real bare repository: clone with the git dir apart, a new
 * branch named by the caller, commit (signed off) and push, a second
 * attempt resuming the pushed branch, a push that would need force refused
 * without it, the diff against the base, the askpass helper; the gates
 * (foreman/agent/gates.c: presets, detection, a failing and a passing run) and
 * the review's findings check, the reclaim of a finished task's workspace
 * and the host's cap (foreman/agent/agent_work.c).
 */
#include "test.h"

#include "agent_work.h"
#include "error.h"
#include "gates.h"
#include "git_workspace.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[256];

/* Runs the shell command text with %R replaced by the test's root. */
static int sh(const char *text)
{
    char cmd[2048];
    size_t k = 0;
    for (const char *p = text; *p && k + 300 < sizeof cmd; p++) {
        if (p[0] == '%' && p[1] == 'R') {
            k += (size_t)snprintf(cmd + k, sizeof cmd - k, "%s", root);
            p++;
        } else {
            cmd[k++] = *p;
        }
    }
    cmd[k] = '\0';
    return system(cmd);
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

/* A bare repository <root>/remote.git with main: add.sh and test.sh. */
static void make_remote(void)
{
    sh("set -e; cd %R && git init -q -b main seed && cd seed && printf 'echo $((1+1))\\n' >add.sh && "
       "printf 'test \"$(sh add.sh)\" = 3\\n' >test.sh && git add . && "
       "git -c user.email=t@e -c user.name=t commit -qm init && cd .. && git clone -q --bare seed remote.git");
}

TEST(clone_branch_commit_push_resume)
{
    char task[300], remote[300], path[400];
    snprintf(task, sizeof task, "%s/t1", root);
    snprintf(remote, sizeof remote, "%s/remote.git", root);
    mkdir(task, 0700);
    fm_gitws g;
    CHECK_FATAL(fm_gitws_open(&g, task, remote, "foreman/wl/issue-1", NULL, NULL, -1) == 0);
    CHECK_STR(g.base_branch, "main");
    CHECK(!g.resumed);
    CHECK(strlen(g.base_sha) == 40);
    /* the git dir lies outside the work tree */
    snprintf(path, sizeof path, "%s/git/HEAD", task);
    CHECK(access(path, F_OK) == 0);
    snprintf(path, sizeof path, "%s/work/add.sh", task);
    put(path, "echo $((1+2))\n");
    char *sha = NULL;
    bool changed = false;
    CHECK_FATAL(fm_gitws_commit_push(&g, "fix add.sh\n\nthe sum was wrong", false, &sha, &changed) == 0);
    CHECK(changed);
    CHECK(sha && strlen(sha) == 40);
    char cmd[900];
    snprintf(cmd, sizeof cmd, "test \"$(git --git-dir=%s rev-parse foreman/wl/issue-1)\" = %s", remote, sha);
    CHECK(system(cmd) == 0);
    snprintf(cmd, sizeof cmd, "git --git-dir=%s log -1 --format=%%B foreman/wl/issue-1 | grep -q '^Signed-off-by: Foreman agent'", remote);
    CHECK(system(cmd) == 0);
    fm_buf d = FM_BUF_INIT;
    CHECK(fm_gitws_diff(&d, &g, 1 << 20) == 0);
    CHECK(d.data && strstr(d.data, "+echo $((1+2))") != NULL);
    fm_buf_free(&d);
    fm_gitws_clear(&g);

    /* a second attempt resumes the branch from the remote */
    snprintf(task, sizeof task, "%s/t2", root);
    mkdir(task, 0700);
    CHECK_FATAL(fm_gitws_open(&g, task, remote, "foreman/wl/issue-1", NULL, NULL, -1) == 0);
    CHECK(g.resumed);
    CHECK_STR(g.base_sha, sha);
    snprintf(path, sizeof path, "%s/work/add.sh", task);
    FILE *f = fopen(path, "r");
    char line[64] = "";
    if (f) {
        if (!fgets(line, sizeof line, f)) line[0] = '\0';
        fclose(f);
    }
    CHECK_STR(line, "echo $((1+2))\n");
    /* the diff of a resumed branch is still against main */
    CHECK(fm_gitws_diff(&d, &g, 1 << 20) == 0);
    CHECK(d.data && strstr(d.data, "+echo $((1+2))") != NULL);
    fm_buf_free(&d);
    fm_gitws_clear(&g);

    /* someone else moves the branch; a stale attempt may not push over it */
    snprintf(task, sizeof task, "%s/t3", root);
    mkdir(task, 0700);
    fm_gitws stale;
    CHECK_FATAL(fm_gitws_open(&stale, task, remote, "foreman/wl/issue-1", NULL, NULL, -1) == 0);
    snprintf(task, sizeof task, "%s/t4", root);
    mkdir(task, 0700);
    CHECK_FATAL(fm_gitws_open(&g, task, remote, "foreman/wl/issue-1", NULL, NULL, -1) == 0);
    snprintf(path, sizeof path, "%s/t4/work/new.txt", root);
    put(path, "x\n");
    char *sha2 = NULL;
    CHECK(fm_gitws_commit_push(&g, "another", false, &sha2, &changed) == 0);
    snprintf(path, sizeof path, "%s/t3/work/other.txt", root);
    put(path, "y\n");
    char *sha3 = NULL;
    CHECK(fm_gitws_commit_push(&stale, "stale", false, &sha3, &changed) != 0);
    CHECK(strstr(fm_error_last()->message, "rejected") != NULL);
    free(sha3);
    sha3 = NULL;
    CHECK(fm_gitws_commit_push(&stale, "stale", true, &sha3, &changed) == 0); /* allowOverwrite */
    free(sha);
    free(sha2);
    free(sha3);
    fm_gitws_clear(&g);
    fm_gitws_clear(&stale);
}

TEST(askpass_and_names)
{
    char task[300], remote[300], tok[300];
    snprintf(task, sizeof task, "%s/t5", root);
    snprintf(remote, sizeof remote, "%s/remote.git", root);
    snprintf(tok, sizeof tok, "%s/token", root);
    put(tok, "s3cret-token\nsecond line\n");
    mkdir(task, 0700);
    fm_gitws g;
    fm_gitws_creds c = {tok, NULL, NULL};
    CHECK_FATAL(fm_gitws_open(&g, task, remote, "b", NULL, &c, -1) == 0);
    char cmd[900];
    snprintf(cmd, sizeof cmd,
             "test \"$(FOREMAN_GIT_TOKEN_FILE=%s FOREMAN_GIT_USER=bot %s 'Password for https://x: ')\" = s3cret-token && "
             "test \"$(FOREMAN_GIT_USER=bot %s 'Username for https://x: ')\" = bot",
             tok, g.askpass, g.askpass);
    CHECK(system(cmd) == 0);
    fm_gitws_clear(&g);
    CHECK(fm_gitws_cloneable("/srv/repo.git"));
    CHECK(fm_gitws_cloneable("https://example.com/a/b.git"));
    CHECK(fm_gitws_cloneable("ssh://git@example.com/a/b.git"));
    CHECK(fm_gitws_cloneable("git@example.com:a/b.git"));
    CHECK(!fm_gitws_cloneable("acme/widgets"));
    CHECK(!fm_gitws_cloneable("-uhelper"));
    CHECK(!fm_gitws_cloneable(NULL));
    char s[32];
    fm_gitws_slug(s, sizeof s, "Fix Issues/#1");
    CHECK_STR(s, "fix-issues--1");
    /* a missing repository fails the clone */
    snprintf(task, sizeof task, "%s/t6", root);
    mkdir(task, 0700);
    snprintf(remote, sizeof remote, "%s/nope.git", root);
    CHECK(fm_gitws_open(&g, task, remote, "b", NULL, NULL, -1) != 0);
    fm_gitws_clear(&g);
}

TEST(gates)
{
    fm_gate g;
    CHECK(fm_gate_preset(&g, "go"));
    CHECK_STR(g.cmd[3], "go test ./...");
    CHECK(fm_gate_preset(&g, "c-cmake"));
    CHECK(!fm_gate_preset(&g, "cobol"));
    CHECK_STR(g.language, "generic");
    char dir[300];
    snprintf(dir, sizeof dir, "%s/gate", root);
    mkdir(dir, 0700);
    CHECK_STR(fm_gate_detect(dir), "generic");
    char path[400];
    snprintf(path, sizeof path, "%s/x.py", dir);
    put(path, "print(1)\n");
    CHECK_STR(fm_gate_detect(dir), "python");
    snprintf(path, sizeof path, "%s/CMakeLists.txt", dir);
    put(path, "project(x C)\n");
    CHECK_STR(fm_gate_detect(dir), "c-cmake");

    /* a profile's commands over the preset */
    const char *pj = "{\"language\":\"python\",\"commands\":{\"test\":\"sh t.sh\",\"lint\":\"true\"}}";
    fm_gate_profile *gp = calloc(1, sizeof *gp);
    CHECK_FATAL(gp && fm_codec_decode(gp, &fm_gate_profile_desc, pj, strlen(pj)) == 0);
    fm_gate_from_profile(&g, gp, dir);
    CHECK_STR(g.language, "python");
    CHECK_STR(g.cmd[1], "true");
    CHECK_STR(g.cmd[3], "sh t.sh");

    /* every GateLanguage of the schema names a preset; c-cmake is chosen
     * by the profile, not only by detection (no workspace to detect here) */
    for (size_t i = 0; i < fm_gate_language_desc.n_values; i++) {
        CHECK(fm_gate_preset(&g, fm_gate_language_desc.values[i]));
        CHECK_STR(g.language, fm_gate_language_desc.values[i]);
    }
    fm_codec_clear(gp, &fm_gate_profile_desc);
    const char *cj = "{\"language\":\"c-cmake\",\"commands\":{\"lint\":\"cppcheck .\"}}";
    CHECK_FATAL(fm_codec_decode(gp, &fm_gate_profile_desc, cj, strlen(cj)) == 0);
    CHECK_INT(gp->language, FM_GATE_LANGUAGE_C_CMAKE);
    fm_gate_from_profile(&g, gp, NULL);
    CHECK_STR(g.language, "c-cmake");
    CHECK_STR(g.cmd[1], "cppcheck .");
    CHECK(strstr(g.cmd[2], "cmake -S . -B .gate-build") != NULL);
    CHECK(strstr(g.cmd[3], "ctest --test-dir .gate-build") != NULL);

    fm_sandbox_config sc;
    memset(&sc, 0, sizeof sc);
    sc.disabled = true;
    fm_gate_report r;
    fm_gate only = {"generic", {NULL, "true", "echo building", "echo FAILING-TEST; exit 3"}};
    CHECK_FATAL(fm_gate_run(&r, &only, &sc, dir, 120 * INT64_C(1000000000), -1) == 0);
    CHECK(!r.passed);
    CHECK_INT(r.failed_step, 3);
    CHECK_INT(r.exit_code, 3);
    CHECK_INT(r.steps_run, 3);
    CHECK(r.feedback.data && strstr(r.feedback.data, "FAILING-TEST") && strstr(r.feedback.data, "step test"));
    fm_gate_report_clear(&r);
    fm_gate ok = {"generic", {"true", NULL, "", "true"}};
    CHECK_FATAL(fm_gate_run(&r, &ok, &sc, dir, 120 * INT64_C(1000000000), -1) == 0);
    CHECK(r.passed);
    if (!r.passed) fprintf(stderr, "gate feedback: %s\n", r.feedback.data ? r.feedback.data : "");
    CHECK_INT(r.failed_step, -1);
    CHECK_INT(r.steps_run, 2);
    fm_gate_report_clear(&r);
    fm_codec_clear(gp, &fm_gate_profile_desc);
    free(gp);
}

TEST(findings)
{
    const char *diff = "diff --git a/src/add.c b/src/add.c\n"
                       "--- a/src/add.c\n"
                       "+++ b/src/add.c\n"
                       "@@ -10,3 +10,4 @@ int f(void)\n"
                       " int a = 1;\n"
                       "-int b = 2;\n"
                       "+int b = 3;\n"
                       "+int c = 4;\n"
                       " return a;\n";
    int n, on;
    fm_agent_work_findings(diff, "src/add.c:11: b should stay 2\nsrc/add.c:12: c is unused", &n, &on);
    CHECK_INT(n, 2);
    CHECK_INT(on, 2);
    fm_agent_work_findings(diff, "src/add.c:10: unchanged line\nREADME.md:1: typo", &n, &on);
    CHECK_INT(n, 2);
    CHECK_INT(on, 0);
    fm_agent_work_findings(diff, "./src/add.c:12: c is unused", &n, &on);
    CHECK_INT(on, 1);
    fm_agent_work_findings(diff, "looks wrong to me", &n, &on);
    CHECK_INT(n, 0);
    CHECK_INT(on, 0);
}

TEST(reclaim_and_cap)
{
    char ws[300], d[400], f[500];
    snprintf(ws, sizeof ws, "%s/ws", root);
    mkdir(ws, 0700);
    const char *names[3] = {"a-old", "b-held", "c-new"};
    for (int i = 0; i < 3; i++) {
        snprintf(d, sizeof d, "%s/%s", ws, names[i]);
        mkdir(d, 0700);
        snprintf(f, sizeof f, "%s/work", d);
        mkdir(f, 0700);
        snprintf(f, sizeof f, "%s/work/blob", d);
        int fd = open(f, O_WRONLY | O_CREAT, 0600);
        char buf[4096];
        memset(buf, 'x', sizeof buf);
        for (int k = 0; k < 256; k++) CHECK(write(fd, buf, sizeof buf) == (ssize_t)sizeof buf); /* 1 MiB */
        close(fd);
        snprintf(f, sizeof f, "%s/transcript.jsonl", d);
        put(f, "{}\n");
        char cmd[600];
        snprintf(cmd, sizeof cmd, "touch -d '-%d minutes' %s", 30 - 10 * i, d);
        CHECK(system(cmd) == 0);
    }
    /* reclaim: work/ goes, the transcript stays */
    snprintf(d, sizeof d, "%s/c-new", ws);
    fm_agent_work_reclaim(d);
    snprintf(f, sizeof f, "%s/work", d);
    CHECK(access(f, F_OK) != 0);
    snprintf(f, sizeof f, "%s/transcript.jsonl", d);
    CHECK(access(f, F_OK) == 0);
    /* cap: the oldest go first, a held one never */
    snprintf(d, sizeof d, "%s/b-held", ws);
    int held = fm_agent_work_lock(d);
    CHECK(held >= 0);
    CHECK(fm_agent_work_lock(d) < 0);
    CHECK_INT(fm_agent_work_cap(ws, 512 * 1024), 2); /* a-old, then c-new: still over */
    snprintf(f, sizeof f, "%s/a-old", ws);
    CHECK(access(f, F_OK) != 0);
    snprintf(f, sizeof f, "%s/c-new", ws);
    CHECK(access(f, F_OK) != 0);
    CHECK(access(d, F_OK) == 0);
    close(held);
    CHECK_INT(fm_agent_work_cap(ws, 512 * 1024), 1);
    CHECK(access(d, F_OK) != 0);
    CHECK_INT(fm_agent_work_cap(ws, 0), 0);
}

TEST(work_token_from_secret)
{
    char dir[300], remote[300], json[700], path[4300];
    snprintf(dir, sizeof dir, "%s/t7", root);
    snprintf(remote, sizeof remote, "%s/remote.git", root);
    mkdir(dir, 0700);
    snprintf(json, sizeof json,
             "{\"metadata\":{\"name\":\"x\",\"namespace\":\"ns\",\"labels\":{\"foreman.llmkube.dev/workload\":\"wl\"}},"
             "\"spec\":{\"kind\":\"issue-fix\",\"payload\":{\"repo\":\"%s\",\"issue\":7}}}",
             remote);
    fm_executor_task t = {.name = "x", .namespace_ = "ns", .kind = "issue-fix", .repo = remote, .has_issue = true,
                       .issue = 7, .json = json, .json_len = strlen(json)};
    fm_executor_native_config nc;
    memset(&nc, 0, sizeof nc);
    nc.git_token = "tok-from-secret";
    fm_agent_work w;
    const char *reason = NULL;
    CHECK_FATAL(fm_agent_work_prepare(&w, dir, &nc, &t, &reason) == 0);
    CHECK_STR(w.git.branch, "foreman/wl/issue-7");
    snprintf(path, sizeof path, "%s/git-token", dir);
    struct stat st;
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
    CHECK_STR(w.git.creds.token_file, path);
    fm_tools_ctx tools;
    memset(&tools, 0, sizeof tools);
    tools.root = w.git.work;
    fm_agent_loop_config lc;
    memset(&lc, 0, sizeof lc);
    fm_agent_work_attach(&w, &tools, -1, &lc);
    bool denied = false;
    for (int i = 0; i < SANDBOX_MAX_DENY; i++) denied |= tools.sandbox.deny_read[i] && !strcmp(tools.sandbox.deny_read[i], path);
    CHECK(denied);
    CHECK(lc.on_go == NULL); /* no gateProfile: no fm_gate */
    fm_agent_work_clear(&w);
    CHECK(access(path, F_OK) != 0);
}

int main(void)
{
    snprintf(root, sizeof root, "/tmp/foreman-gitws-%d", (int)getpid());
    mkdir(root, 0700);
    make_remote();
    RUN(clone_branch_commit_push_resume);
    RUN(askpass_and_names);
    RUN(gates);
    RUN(findings);
    RUN(reclaim_and_cap);
    RUN(work_token_from_secret);
    sh("rm -rf %R");
    return test_summary();
}
