/*
 * git_workspace.c - a task's git checkout (git_workspace.h).
 */
#include "git_workspace.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "proc.h"

bool fm_gitws_cloneable(const char *repo)
{
    if (!repo || !repo[0] || repo[0] == '-') return false;
    if (repo[0] == '/' || !strncmp(repo, "file://", 7) || !strncmp(repo, "http://", 7) ||
        !strncmp(repo, "https://", 8) || !strncmp(repo, "ssh://", 6))
        return true;
    /* scp-like user@host:path (owner/name shorthands have no '@' or ':') */
    const char *at = strchr(repo, '@'), *colon = strchr(repo, ':');
    return at && colon && at < colon && !strchr(repo, ' ');
}

void fm_gitws_slug(char *buf, size_t n, const char *s)
{
    size_t k = 0;
    for (; s && *s && k + 1 < n; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        buf[k++] = ok ? c : '-';
    }
    if (n) buf[k] = '\0';
}

void fm_gitws_clear(fm_gitws *g)
{
    if (!g) return;
    free(g->taskdir);
    free(g->work);
    free(g->gitdir);
    free(g->askpass);
    free(g->branch);
    free(g->base_branch);
    free(g->base_sha);
    memset(g, 0, sizeof *g);
    g->log_fd = -1;
}

/* Builds the fixed environment into env (pointers into store). */
static void build_env(fm_gitws *g, char store[][PATH_MAX + 64], const char **env, bool in_repo)
{
    size_t k = 0;
    env[k++] = "PATH=/usr/local/bin:/usr/bin:/bin";
    env[k++] = "HOME=/nonexistent";
    env[k++] = "GIT_TERMINAL_PROMPT=0";
    env[k++] = "GIT_CONFIG_NOSYSTEM=1";
    env[k++] = "GIT_CONFIG_GLOBAL=/dev/null";
    env[k++] = "LC_ALL=C";
    env[k++] = "GIT_AUTHOR_NAME=Foreman agent";
    env[k++] = "GIT_AUTHOR_EMAIL=foreman-agent@localhost";
    env[k++] = "GIT_COMMITTER_NAME=Foreman agent";
    env[k++] = "GIT_COMMITTER_EMAIL=foreman-agent@localhost";
    size_t s = 0;
    if (in_repo) {
        snprintf(store[s], sizeof store[s], "GIT_DIR=%s", g->gitdir);
        env[k++] = store[s++];
        snprintf(store[s], sizeof store[s], "GIT_WORK_TREE=%s", g->work);
        env[k++] = store[s++];
    }
    if (g->creds.token_file && g->creds.token_file[0] && g->askpass) {
        snprintf(store[s], sizeof store[s], "GIT_ASKPASS=%s", g->askpass);
        env[k++] = store[s++];
        snprintf(store[s], sizeof store[s], "FOREMAN_GIT_TOKEN_FILE=%s", g->creds.token_file);
        env[k++] = store[s++];
        snprintf(store[s], sizeof store[s], "FOREMAN_GIT_USER=%s", g->creds.user && g->creds.user[0] ? g->creds.user : "x-access-token");
        env[k++] = store[s++];
    }
    if (g->creds.ssh_key_file && g->creds.ssh_key_file[0]) {
        snprintf(store[s], sizeof store[s],
                 "GIT_SSH_COMMAND=ssh -i '%s' -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=accept-new",
                 g->creds.ssh_key_file);
        env[k++] = store[s++];
    }
    env[k] = NULL;
}

/* Where git's output goes: stdout into out (when given) or the log, stderr
 * into the log; without a log fd, nowhere. */
typedef struct git_sink {
    fm_buf *out;
    int log_fd;
} git_sink;

static int git_output(void *ud, int stream, const char *data, size_t len)
{
    git_sink *k = ud;
    if (stream == 1 && k->out) {
        (void)fm_buf_put(k->out, data, len);
        return 0;
    }
    while (k->log_fd >= 0 && len > 0) {
        ssize_t w = write(k->log_fd, data, len);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) break;
        data += w;
        len -= (size_t)w;
    }
    return 0;
}

/* Runs git with argv (argv[0] = "git"), stdout into out (may be NULL),
 * through the process runner (its own process group, gone with it). */
static int run_git(fm_gitws *g, fm_buf *out, const char *const *argv, bool in_repo)
{
    char store[6][PATH_MAX + 64];
    const char *env[24];
    build_env(g, store, env, in_repo);
    git_sink k = {out, g->log_fd};
    fm_proc_spec ps = FM_PROC_SPEC_INIT;
    fm_proc_result pr;
    ps.path = "git";
    ps.argv = (char *const *)argv;
    ps.envp = (char *const *)env;
    ps.on_output = git_output;
    ps.output_ud = &k;
    if (fm_proc_run(&pr, &ps) < 0) {
        fm_proc_result_free(&pr);
        return -1;
    }
    int rc = pr.exited ? pr.exit_code : -1;
    fm_proc_result_free(&pr);
    return rc;
}

/* git with the safety options first: no hooks, no fsmonitor. */
int fm_gitws_git(fm_gitws *g, fm_buf *out, const char *const *args)
{
    const char *argv[40];
    size_t k = 0;
    argv[k++] = "git";
    argv[k++] = "-c";
    argv[k++] = "core.hooksPath=/dev/null";
    argv[k++] = "-c";
    argv[k++] = "core.fsmonitor=false";
    argv[k++] = "-c";
    argv[k++] = "protocol.ext.allow=never";
    for (size_t i = 0; args[i] && k < 39; i++) argv[k++] = args[i];
    argv[k] = NULL;
    return run_git(g, out, argv, true);
}

/* The first line of out, trimmed, as a new string. */
static char *first_line(const fm_buf *b)
{
    if (!b->data) return fm_strdup("");
    size_t n = strcspn(b->data, "\r\n");
    return fm_strndup(b->data, n);
}

static int write_askpass(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0700);
    if (fd < 0) return -1;
    static const char script[] = "#!/bin/sh\n"
                                 "# git's credential prompt: the user, or the token file's first line\n"
                                 "case \"$1\" in\n"
                                 "  Username*) printf '%s\\n' \"$FOREMAN_GIT_USER\" ;;\n"
                                 "  *) head -n 1 \"$FOREMAN_GIT_TOKEN_FILE\" ;;\n"
                                 "esac\n";
    ssize_t w = write(fd, script, sizeof script - 1);
    close(fd);
    return w == (ssize_t)(sizeof script - 1) ? 0 : -1;
}

int fm_gitws_open(fm_gitws *g, const char *taskdir, const char *repo, const char *branch, const char *base_branch,
               const fm_gitws_creds *creds, int log_fd)
{
    memset(g, 0, sizeof *g);
    g->log_fd = log_fd;
    if (creds) g->creds = *creds;
    if (!fm_gitws_cloneable(repo)) return fm_error_set(FM_EINVAL, "repository %s: not a clone URL or path", repo ? repo : "");
    if (!branch || !branch[0]) return fm_error_set(FM_EINVAL, "repository %s: no work branch", repo);
    if (asprintf(&g->work, "%s/work", taskdir) < 0 || asprintf(&g->gitdir, "%s/git", taskdir) < 0 ||
        asprintf(&g->askpass, "%s/askpass", taskdir) < 0 || !(g->taskdir = fm_strdup(taskdir)) ||
        !(g->branch = fm_strdup(branch)) || !(g->base_branch = fm_strdup(base_branch ? base_branch : "")))
        return fm_error_set(FM_ENOMEM, "git workspace: out of memory");
    if (g->creds.token_file && g->creds.token_file[0] && write_askpass(g->askpass) != 0)
        return fm_error_set(FM_ERROR, "git workspace: writing %s: %s", g->askpass, strerror(errno));
    /* the clone: git dir apart from the work tree */
    const char *argv[16];
    size_t k = 0;
    argv[k++] = "git";
    argv[k++] = "-c";
    argv[k++] = "protocol.ext.allow=never";
    argv[k++] = "clone";
    argv[k++] = "--quiet";
    argv[k++] = "--separate-git-dir";
    argv[k++] = g->gitdir;
    if (base_branch && base_branch[0]) {
        argv[k++] = "--branch";
        argv[k++] = base_branch;
    }
    argv[k++] = "--";
    argv[k++] = repo;
    argv[k++] = g->work;
    argv[k] = NULL;
    int st = run_git(g, NULL, argv, false);
    if (st != 0) return fm_error_set(FM_ERROR, "git clone %s failed (status %d)", repo, st);
    /* the base branch's name when none was given: the clone's HEAD */
    fm_buf out = FM_BUF_INIT;
    if (!g->base_branch[0] && fm_gitws_git(g, &out, (const char *const[]){"rev-parse", "--abbrev-ref", "HEAD", NULL}) == 0) {
        free(g->base_branch);
        g->base_branch = first_line(&out);
    }
    fm_buf_free(&out);
    /* resume the branch when the remote has it */
    char ref[PATH_MAX];
    snprintf(ref, sizeof ref, "refs/heads/%s", branch);
    st = fm_gitws_git(g, &out, (const char *const[]){"ls-remote", "--heads", "origin", ref, NULL});
    bool exists = st == 0 && out.len > 0;
    fm_buf_free(&out);
    if (st != 0) return fm_error_set(FM_ERROR, "git ls-remote %s failed (status %d)", repo, st);
    if (exists && strcmp(branch, g->base_branch) != 0) {
        char spec[PATH_MAX + 32];
        snprintf(spec, sizeof spec, "+refs/heads/%s:refs/remotes/origin/%s", branch, branch);
        char remote[PATH_MAX];
        snprintf(remote, sizeof remote, "origin/%s", branch);
        if ((st = fm_gitws_git(g, NULL, (const char *const[]){"fetch", "--quiet", "origin", spec, NULL})) != 0 ||
            (st = fm_gitws_git(g, NULL, (const char *const[]){"checkout", "--quiet", "-B", branch, remote, NULL})) != 0)
            return fm_error_set(FM_ERROR, "git: resuming branch %s failed (status %d)", branch, st);
        g->resumed = true;
    } else if (strcmp(branch, g->base_branch) != 0) {
        if ((st = fm_gitws_git(g, NULL, (const char *const[]){"checkout", "--quiet", "-b", branch, NULL})) != 0)
            return fm_error_set(FM_ERROR, "git: creating branch %s failed (status %d)", branch, st);
    } else {
        g->resumed = exists;
    }
    if (fm_gitws_git(g, &out, (const char *const[]){"rev-parse", "HEAD", NULL}) != 0) {
        fm_buf_free(&out);
        return fm_error_set(FM_ERROR, "git rev-parse HEAD failed in %s", g->work);
    }
    g->base_sha = first_line(&out);
    fm_buf_free(&out);
    return 0;
}

int fm_gitws_commit_push(fm_gitws *g, const char *message, bool force, char **out_sha, bool *changed)
{
    *out_sha = NULL;
    *changed = false;
    int st;
    if ((st = fm_gitws_git(g, NULL, (const char *const[]){"add", "-A", "--", ".", NULL})) != 0)
        return fm_error_set(FM_ERROR, "git add failed (status %d)", st);
    st = fm_gitws_git(g, NULL, (const char *const[]){"diff", "--cached", "--quiet", NULL});
    if (st == 1) {
        char msgp[PATH_MAX];
        snprintf(msgp, sizeof msgp, "%s/commit-message", g->taskdir);
        int fd = open(msgp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0) return fm_error_set(FM_ERROR, "git: %s: %s", msgp, strerror(errno));
        const char *m = message && message[0] ? message : "foreman: agent changes";
        ssize_t w = write(fd, m, strlen(m));
        close(fd);
        if (w < 0) return fm_error_set(FM_ERROR, "git: writing %s failed", msgp);
        if ((st = fm_gitws_git(g, NULL, (const char *const[]){"commit", "--quiet", "--no-verify", "--signoff", "-F", msgp, NULL})) != 0)
            return fm_error_set(FM_ERROR, "git commit failed (status %d)", st);
        *changed = true;
    } else if (st != 0) {
        return fm_error_set(FM_ERROR, "git diff --cached failed (status %d)", st);
    }
    char spec[PATH_MAX + 32];
    snprintf(spec, sizeof spec, "HEAD:refs/heads/%s", g->branch);
    const char *push[8] = {"push", "--quiet", "--no-verify", "origin", spec, NULL, NULL, NULL};
    if (force) {
        push[3] = "--force";
        push[4] = "origin";
        push[5] = spec;
    }
    if ((st = fm_gitws_git(g, NULL, push)) != 0)
        return fm_error_set(FM_ERROR, "git push of branch %s %s (status %d)", g->branch,
                            force ? "failed" : "rejected or failed; the remote may have moved", st);
    fm_buf out = FM_BUF_INIT;
    if (fm_gitws_git(g, &out, (const char *const[]){"rev-parse", "HEAD", NULL}) == 0) *out_sha = first_line(&out);
    fm_buf_free(&out);
    return *out_sha ? 0 : fm_error_set(FM_ERROR, "git rev-parse HEAD failed");
}

int fm_gitws_diff(fm_buf *out, fm_gitws *g, size_t max)
{
    fm_buf base = FM_BUF_INIT, d = FM_BUF_INIT;
    char remote[PATH_MAX];
    snprintf(remote, sizeof remote, "origin/%s", g->base_branch ? g->base_branch : "");
    char *from = NULL;
    if (g->base_branch && g->base_branch[0] && strcmp(g->base_branch, g->branch) != 0 &&
        fm_gitws_git(g, &base, (const char *const[]){"merge-base", remote, "HEAD", NULL}) == 0)
        from = first_line(&base);
    fm_buf_free(&base);
    if (!from) from = fm_strdup(g->base_sha ? g->base_sha : "HEAD");
    int st = fm_gitws_git(g, &d, (const char *const[]){"diff", "--no-color", "--no-ext-diff", "-U3", from, "HEAD", NULL});
    free(from);
    if (st != 0) {
        fm_buf_free(&d);
        return fm_error_set(FM_ERROR, "git diff failed (status %d)", st);
    }
    int rc = fm_buf_put(out, d.data ? d.data : "", d.len > max ? max : d.len);
    fm_buf_free(&d);
    return rc;
}
