/*
 * executor_exec.c - the `exec` executor: runs --task-command with /bin/sh -c
 * for one task.
 *
 * Per task it makes a fresh directory under the workspace
 * (<workspace>/<namespace>-<name>-XXXXXX; emptied but for the transcript
 * and result when the task ends, removed a week later) holding task.json
 * (the task object,
 * also the command's stdin), transcript.log (stdout and stderr together,
 * capped at cfg->transcript_max bytes) and, when the command writes one,
 * result.json (FOREMAN_RESULT_FILE). The command runs through fm_proc_run
 * (core/proc.h) in its own process group with a clean signal mask, so stopping it (SIGTERM to the group,
 * SIGKILL after the grace period) reaches everything it started.
 *
 * Outcome:
 *   exit 0, no result file       verdict GO
 *   exit 0, result file          its "verdict" (GO, NO-GO, ...), "summary"
 *                                and "extra"; a malformed file fails the
 *                                task with reason InvalidResult
 *   exit != 0 or killed          failed, reason CommandFailed, message with
 *                                the last cfg->tail_max bytes of output
 *   stopped                      failed, reason Timeout/Cancelled/AgentShutdown
 * When the shell exits while something it started still holds its output
 * open, the group is killed after cfg->exit_linger_ns; the group is always
 * killed once the task is over, so no stray process outlives its task.
 */
#include "executor.h"

#include "error.h"
#include "kube_json.h"
#include "proc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* Longest result.json read. */
#define RESULT_FILE_MAX (1024 * 1024)
#define TRUNC_MARKER "\n[foreman-agent: transcript truncated]\n"

/* printf into a new malloc'd string; NULL when out of memory. */
static char *fmt_alloc(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *fmt_alloc(const char *fmt, ...)
{
    va_list ap;
    char *s = NULL;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0) s = NULL;
    va_end(ap);
    return s;
}


/* Writes all of buf to fd. Returns 0 or -1. */
static int write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

/* The fixed allow-list of the agent's variables a task command sees: what
 * a shell, git and an HTTP client need to work, nothing that names or
 * reaches the cluster. Entries ending in '*' are prefixes. */
static const char *const env_base[] = {
    "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "LC_*", "TZ", "TMPDIR", "TERM",
    "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
    "SSL_CERT_FILE", "SSL_CERT_DIR", NULL,
};

/* Never passed, even when --task-env names them: the agent's own cluster
 * credentials and where to find them. */
static const char *const env_never[] = {
    "KUBECONFIG", "KUBERNETES_*", "CREDENTIALS_DIRECTORY", "FOREMAN_*", NULL,
};

/* Whether name (ending at '=' or NUL) matches pattern (a trailing '*' is a
 * prefix match). */
static bool env_match(const char *name, const char *pattern)
{
    size_t nl = strcspn(name, "=");
    size_t pl = strlen(pattern);
    if (pl > 0 && pattern[pl - 1] == '*') return nl >= pl - 1 && strncmp(name, pattern, pl - 1) == 0;
    return nl == pl && strncmp(name, pattern, nl) == 0;
}

bool fm_executor_env_allowed(const char *name, const char *const *allow)
{
    for (const char *const *p = env_never; *p; p++)
        if (env_match(name, *p)) return false;
    for (const char *const *p = env_base; *p; p++)
        if (env_match(name, *p)) return true;
    for (const char *const *p = allow; p && *p; p++)
        if (env_match(name, *p)) return true;
    return false;
}

/* Longest prompt passed in FOREMAN_TASK_PROMPT: execve refuses any one
 * variable over 128 KiB (MAX_ARG_STRLEN) with E2BIG, which used to show as
 * "exit 127". A longer prompt is only in FOREMAN_TASK_PROMPT_FILE. */
#define PROMPT_ENV_MAX (64 * 1024)

/* The child's environment: the allowed variables of ours (never the
 * agent's cluster credentials) plus the task's. Returns a malloc'd
 * NULL-terminated array of malloc'd strings. */
static char **build_env(const fm_executor_task *t, const char *result_file, const char *workdir,
                        const char *agent_name, const char *prompt_file, const char *const *allow)
{
    const char *names[] = {"FOREMAN_TASK_NAME", "FOREMAN_TASK_NAMESPACE", "FOREMAN_TASK_KIND",
                           "FOREMAN_TASK_PROMPT", "FOREMAN_TASK_REPO", "FOREMAN_TASK_ISSUE",
                           "FOREMAN_TASK_BRANCH", "FOREMAN_TASK_MODEL", "FOREMAN_RESULT_FILE",
                           "FOREMAN_WORKDIR", "FOREMAN_AGENT_NAME", "FOREMAN_TASK_PROMPT_FILE"};
    char issue[16] = "";
    if (t->has_issue) snprintf(issue, sizeof(issue), "%d", (int)t->issue);
    const char *prompt = t->prompt && strlen(t->prompt) <= PROMPT_ENV_MAX ? t->prompt : NULL;
    const char *values[] = {t->name, t->namespace_, t->kind, prompt, t->repo, issue,
                            t->branch, t->model_ref, result_file, workdir, agent_name, prompt_file};
    const size_t n_ours = sizeof(names) / sizeof(names[0]);
    size_t n_env = 0;
    while (environ && environ[n_env]) n_env++;
    char **env = calloc(n_env + n_ours + 1, sizeof(char *));
    if (!env) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n_env; i++)
        if (fm_executor_env_allowed(environ[i], allow) && (env[k] = fm_strdup(environ[i])) != NULL) k++;
    for (size_t j = 0; j < n_ours; j++) {
        if (j == 3 && !prompt && t->prompt) continue; /* too long: the file only */
        const char *v = values[j] ? values[j] : "";
        size_t len = strlen(names[j]) + 1 + strlen(v) + 1;
        char *s = malloc(len);
        if (!s) continue;
        snprintf(s, len, "%s=%s", names[j], v);
        env[k++] = s;
    }
    env[k] = NULL;
    return env;
}

static void free_env(char **env)
{
    if (!env) return;
    for (char **p = env; *p; p++) free(*p);
    free(env);
}

/* Output bookkeeping: the capped transcript and the tail ring. */
typedef struct output {
    int fd;              /* transcript file, -1 when it could not be made */
    size_t written;      /* bytes of output written to the transcript */
    size_t cap;          /* transcript cap (marker included) */
    bool truncated;
    char *tail;          /* the last tail_max bytes of output */
    size_t tail_len;
    size_t tail_max;
    uint64_t total;      /* all output bytes seen */
} output;

/* Records a chunk of the command's output. */
static void output_add(output *o, const char *buf, size_t n)
{
    o->total += n;
    if (o->fd >= 0 && !o->truncated) {
        size_t room = o->cap - sizeof(TRUNC_MARKER) + 1 - o->written;
        size_t w = n < room ? n : room;
        if (w > 0 && write_all(o->fd, buf, w) == 0) o->written += w;
        if (w < n) {
            o->truncated = true;
            (void)write_all(o->fd, TRUNC_MARKER, sizeof(TRUNC_MARKER) - 1);
        }
    }
    if (o->tail) {
        if (n >= o->tail_max) {
            memcpy(o->tail, buf + n - o->tail_max, o->tail_max);
            o->tail_len = o->tail_max;
        } else {
            size_t keep = o->tail_len + n > o->tail_max ? o->tail_max - n : o->tail_len;
            memmove(o->tail, o->tail + o->tail_len - keep, keep);
            memcpy(o->tail + keep, buf, n);
            o->tail_len = keep + n;
        }
    }
}

/* The tail as a C string fit for a condition message: no NULs, and no
 * UTF-8 sequence cut in half at its start. Returns a malloc'd string. */
static char *output_tail_string(const output *o)
{
    size_t start = 0;
    while (start < o->tail_len && start < 3 && ((unsigned char)o->tail[start] & 0xC0) == 0x80)
        start++;
    char *s = fm_strndup(o->tail ? o->tail + start : "", o->tail ? o->tail_len - start : 0);
    if (!s) return NULL;
    for (size_t i = 0; i < o->tail_len - start; i++)
        if (s[i] == '\0') s[i] = ' ';
    return s;
}

/* fm_proc_run's output sink: the transcript and the tail. */
static int on_output(void *ud, int stream, const char *data, size_t len)
{
    (void)stream;
    output_add(ud, data, len);
    return 0;
}

/* Builds "<what>; last output:\n<tail>" (or just what when there was no
 * output). Returns a malloc'd string or NULL. */
static char *message_with_tail(const char *what, const output *o)
{
    char *tail = output_tail_string(o);
    fm_buf b = FM_BUF_INIT;
    int rc = fm_buf_puts(&b, what);
    if (tail && tail[0]) {
        rc |= fm_buf_printf(&b, "; last %s of output:\n",
                            o->total > o->tail_len ? "bytes" : "lines");
        rc |= fm_buf_puts(&b, tail);
    }
    free(tail);
    if (rc) {
        fm_buf_free(&b);
        return NULL;
    }
    return fm_buf_detach(&b);
}

/* Reads the result file. Returns 0 when it is absent or valid (filling
 * res), or -1 with *why set to a malloc'd description of the problem. */
static int read_result_file(fm_executor_result *res, const char *path, char **why)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return 0;
        *why = fmt_alloc("result file %s: %s", path, strerror(errno));
        return -1;
    }
    fm_buf b = FM_BUF_INIT;
    char chunk[8192];
    ssize_t n;
    while ((n = read(fd, chunk, sizeof(chunk))) > 0 && b.len <= RESULT_FILE_MAX)
        if (fm_buf_put(&b, chunk, (size_t)n) != 0) break;
    close(fd);
    int rc = -1;
    const char *v;
    size_t vlen;
    size_t pos = 0;
    if (b.len > RESULT_FILE_MAX) {
        *why = fmt_alloc("result file %s: larger than %d bytes", path, RESULT_FILE_MAX);
        goto bad;
    }
    if (b.len == 0) { /* an empty file says nothing: treat as absent */
        rc = 0;
        goto done;
    }
    while (pos < b.len && strchr(" \t\r\n", b.data[pos])) pos++;
    if (pos >= b.len || b.data[pos] != '{' || fm_kube_json_skip(b.data, b.len, &pos) != 0) {
        *why = fmt_alloc("result file %s: not a JSON object", path);
        goto bad;
    }
    if (fm_kube_json_member(b.data, b.len, "verdict", &v, &vlen) == 0) {
        char *s = fm_kube_json_string(v, vlen);
        fm_verdict verdict = fm_verdict_parse(s);
        if (verdict == FM_VERDICT_UNSET) {
            *why = fmt_alloc("result file %s: unknown verdict %.*s", path,
                             (int)(vlen > 64 ? 64 : vlen), v);
            free(s);
            goto bad;
        }
        free(s);
        res->verdict = verdict;
    }
    if (fm_kube_json_member(b.data, b.len, "summary", &v, &vlen) == 0) {
        char *s = fm_kube_json_string(v, vlen);
        if (s) {
            free(res->summary);
            res->summary = s;
        }
    }
    if (fm_kube_json_member(b.data, b.len, "extra", &v, &vlen) == 0) {
        if (vlen == 0 || v[0] != '{') {
            *why = fmt_alloc("result file %s: extra is not an object", path);
            goto bad;
        }
        free(res->extra);
        res->extra = fm_strndup(v, vlen);
    }
    rc = 0;
    goto done;
bad:
    if (!*why) *why = fm_strdup("result file: out of memory");
done:
    fm_buf_free(&b);
    return rc;
}

/* Fills res for a run that could not start; msg is taken over. */
static void fail_setup(fm_executor_result *res, char *msg)
{
    res->failed = true;
    res->reason = "ExecutorError";
    res->message = msg;
}

/* Writes s to path (async-signal-safe). Returns 0 or -1. */
static int put_file(const char *path, const char *s)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    int rc = write_all(fd, s, strlen(s));
    close(fd);
    return rc;
}

/* What isolate() needs, prepared before fork (the child may not allocate). */
typedef struct isolation {
    char uid_map[32];
    char gid_map[32];
    const char *const *hide; /* NULL-terminated */
} isolation;

static void isolation_prepare(isolation *iso, const char *const *hide)
{
    snprintf(iso->uid_map, sizeof(iso->uid_map), "%u %u 1\n", (unsigned)getuid(), (unsigned)getuid());
    snprintf(iso->gid_map, sizeof(iso->gid_map), "%u %u 1\n", (unsigned)getgid(), (unsigned)getgid());
    iso->hide = hide;
}

/*
 * Enters a private user namespace (mapping our own uid and gid to
 * themselves, so files keep their owners), mount namespace and PID
 * namespace (for the children: see run_in_pid_namespace), and covers
 * each hidden path there: an empty read-only tmpfs over a directory,
 * /dev/null over a file. Nothing outside the process changes. Returns 0,
 * or -1 when the namespaces are refused (the command then runs without
 * them; the agent warned at start, see fm_executor_exec_isolation). Only
 * async-signal-safe calls: it runs between fork and exec.
 */
static int isolate(const isolation *iso)
{
    if (unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID) != 0) return -1;
    if (put_file("/proc/self/setgroups", "deny") != 0 || put_file("/proc/self/uid_map", iso->uid_map) != 0 ||
        put_file("/proc/self/gid_map", iso->gid_map) != 0)
        return -1;
    if (mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0) return -1;
    for (const char *const *p = iso->hide; p && *p; p++) {
        struct stat st;
        if (stat(*p, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            if (mount("none", *p, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=4k,mode=0555") != 0)
                return -1;
        } else if (mount("/dev/null", *p, "none", MS_BIND, NULL) != 0) {
            return -1;
        }
    }
    return 0;
}

int fm_executor_exec_isolation(void)
{
    static int answer = -1; /* -1: not asked yet */
    static char why[160];
    if (answer >= 0) {
        if (!answer) fm_error_set(FM_ERROR, "%s", why);
        return answer;
    }
    isolation iso;
    isolation_prepare(&iso, NULL);
    int pfd[2];
    if (pipe2(pfd, O_CLOEXEC) != 0) return 0;
    pid_t pid = fork();
    if (pid == 0) {
        int e = isolate(&iso) == 0 ? 0 : errno;
        (void)write_all(pfd[1], (const char *)&e, sizeof(e));
        _exit(0);
    }
    close(pfd[1]);
    int e = -1;
    if (pid < 0 || read(pfd[0], &e, sizeof(e)) != (ssize_t)sizeof(e)) e = pid < 0 ? errno : EIO;
    close(pfd[0]);
    if (pid > 0) waitpid(pid, NULL, 0);
    answer = e == 0;
    snprintf(why, sizeof(why), "cannot run task commands in a private user and mount namespace: %s",
             strerror(e));
    if (!answer) fm_error_set(FM_ERROR, "%s", why);
    return answer;
}

static void catch_only(int sig)
{
    (void)sig;
}

/* execve of the command; on failure says why in the transcript (stdout is
 * the output pipe), or the task fails with a bare "exit 127". */
static void exec_command(char *const argv[], char *const envp[])
{
    execve("/bin/sh", argv, envp);
    if (errno == E2BIG) {
        static const char m[] = "foreman-agent: cannot start /bin/sh: the task's environment is too large (E2BIG)\n";
        (void)write_all(1, m, sizeof(m) - 1);
    } else {
        static const char m[] = "foreman-agent: cannot start /bin/sh\n";
        (void)write_all(1, m, sizeof(m) - 1);
    }
    _exit(127);
}

/*
 * Runs the command inside the PID namespace isolate() made, so that no
 * process it starts can outlive it, not even one that left the process
 * group with setsid(): the namespace ends, and the kernel kills everything
 * in it, when its first process exits.
 *
 *   this process (the relay, outside) -> init (PID 1 inside) -> /bin/sh
 *
 * All three share the task's process group, so the agent's SIGTERM to the
 * group reaches the shell directly; init and the relay only catch it
 * (PID 1 would otherwise ignore it, and the relay must live to report the
 * status). init reaps orphans until the shell exits, hands the shell's
 * wait status to the relay through a pipe and exits; the relay ends the
 * same way the shell did (exit code or signal), so the executor sees the
 * command's own outcome. SIGKILL to the group ends all of it at once.
 * Never returns. Only async-signal-safe calls: it runs after fork.
 */
static void run_in_pid_namespace(char *const argv[], char *const envp[])
{
    static const int caught[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT};
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = catch_only;
    for (size_t i = 0; i < sizeof(caught) / sizeof(caught[0]); i++) sigaction(caught[i], &sa, NULL);
    int sp[2];
    if (pipe2(sp, O_CLOEXEC) != 0) _exit(126);
    pid_t init = fork();
    if (init < 0) _exit(126);
    if (init == 0) {
        close(sp[0]);
        pid_t cmd = fork();
        if (cmd < 0) _exit(126);
        if (cmd == 0) {
            struct sigaction dfl;
            memset(&dfl, 0, sizeof(dfl));
            dfl.sa_handler = SIG_DFL;
            for (size_t i = 0; i < sizeof(caught) / sizeof(caught[0]); i++) sigaction(caught[i], &dfl, NULL);
            close(sp[1]);
            exec_command(argv, envp);
        }
        int st = 0, any = 0;
        for (;;) {
            pid_t w = waitpid(-1, &any, 0);
            if (w == cmd) {
                st = any;
                break;
            }
            if (w < 0 && errno != EINTR) break;
        }
        (void)write_all(sp[1], (const char *)&st, sizeof(st));
        _exit(0); /* the namespace, and whatever is left in it, ends here */
    }
    close(sp[1]);
    int st = 0, ist = 0;
    while (waitpid(init, &ist, 0) < 0 && errno == EINTR) {
    }
    ssize_t n;
    while ((n = read(sp[0], &st, sizeof(st))) < 0 && errno == EINTR) {
    }
    if (n != (ssize_t)sizeof(st)) st = ist;
    if (WIFSIGNALED(st)) {
        struct sigaction dfl;
        memset(&dfl, 0, sizeof(dfl));
        dfl.sa_handler = SIG_DFL;
        sigaction(WTERMSIG(st), &dfl, NULL);
        kill(getpid(), WTERMSIG(st));
    }
    _exit(WIFEXITED(st) ? WEXITSTATUS(st) : 127);
}

/* What a stop request said (see on_stop). */
typedef struct stop_note {
    fm_executor_run *run;
    fm_executor_stop_reason why;
    int64_t grace;
} stop_note;

/* The child hooks (fm_proc_spec.child_setup/child_exec). fm_proc_run
 * makes the process group, resets signals and the mask, changes directory
 * and sets up fds 0-2 between the two; only async-signal-safe calls. */
typedef struct child_ctx {
    const isolation *iso;
    bool pidns; /* set in the child by child_setup */
} child_ctx;

static void child_setup(void *ud)
{
    child_ctx *c = ud;
    c->pidns = c->iso->hide && isolate(c->iso) == 0;
}

static void child_run(void *ud, const char *path, char *const argv[], char *const envp[])
{
    child_ctx *c = ud;
    (void)path; /* always /bin/sh, which exec_command names */
    if (c->pidns) run_in_pid_namespace(argv, envp);
    exec_command(argv, envp);
}

/* fm_proc_run's cancel hook: the wake fd is readable once a stop was
 * requested; the stop's grace comes with it. */
static bool on_stop(void *ud, int64_t *grace_ns)
{
    stop_note *n = ud;
    if (!fm_executor_run_stop_requested(n->run, &n->why, &n->grace)) return false;
    *grace_ns = n->grace > 0 ? n->grace : 1; /* SIGTERM first, always */
    return true;
}

/* nftw callback: removes everything but the transcript and the result. */
static int clean_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    if (ftw->level == 0) return 0; /* the task directory itself stays */
    const char *base = path + ftw->base;
    if (ftw->level == 1 && (strcmp(base, "transcript.log") == 0 || strcmp(base, "result.json") == 0))
        return 0;
    if (flag == FTW_DP) rmdir(path);
    else unlink(path);
    return 0;
}

/*
 * Empties a finished task's directory except transcript.log (status
 * transcriptRef points at it) and result.json: a coding task's clone and
 * build output would otherwise fill the workspace, task after task.
 * Symbolic links are removed, never followed.
 */
static void clean_workdir(const char *dir)
{
    (void)nftw(dir, clean_one, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

/* Task directories older than this are removed (transcripts included). */
#define WORKSPACE_KEEP_S (7 * 24 * 3600)

/* nftw callback removing everything (depth first, links not followed). */
static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    if (flag == FTW_DP) rmdir(path);
    else unlink(path);
    return 0;
}

/*
 * Removes the task directories in workspace ws (named <ns>-<name>-XXXXXX,
 * as exec_run makes them) not modified for WORKSPACE_KEEP_S: a finished
 * task keeps its transcript for a week, not forever. Runs at most once an
 * hour per process, from whichever task starts then.
 */
static void prune_workspace(const char *ws)
{
    static atomic_llong last;
    long long now = (long long)time(NULL);
    long long prev = atomic_load(&last);
    if (now - prev < 3600 || !atomic_compare_exchange_strong(&last, &prev, now)) return;
    DIR *d = opendir(ws);
    if (!d) return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t l = strlen(de->d_name);
        /* mkdtemp's suffix: "-" and six characters */
        if (de->d_name[0] == '.' || l < 8 || de->d_name[l - 7] != '-') continue;
        char path[PATH_MAX];
        if (snprintf(path, sizeof(path), "%s/%s", ws, de->d_name) >= (int)sizeof(path)) continue;
        struct stat st;
        if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode) || now - (long long)st.st_mtime < WORKSPACE_KEEP_S)
            continue;
        (void)nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
    }
    closedir(d);
}

static void exec_run(fm_executor_run *r, const fm_executor_config *cfg, const fm_executor_task *t,
                     fm_executor_result *res)
{
    const char *ws = cfg->workspace_dir && cfg->workspace_dir[0] ? cfg->workspace_dir
                                                                  : EXECUTOR_WORKSPACE_DEFAULT;
    char dir[PATH_MAX];
    char *path = NULL, *result_file = NULL, *transcript = NULL, *prompt_file = NULL;
    char **env = NULL;
    isolation iso;
    isolation_prepare(&iso, cfg->hide_paths);
    int in_fd = -1;
    output o;
    memset(&o, 0, sizeof(o));
    o.fd = -1;

    res->kind = "exec";
    if (!cfg->command || !cfg->command[0]) {
        fail_setup(res, fm_strdup("exec executor: no task command configured (--task-command)"));
        return;
    }
    if (fm_executor_mkdir_p(ws) != 0) {
        fail_setup(res, fmt_alloc("exec executor: workspace %s: %s", ws, strerror(errno)));
        return;
    }
    prune_workspace(ws);
    /* A name can be 253 bytes and a namespace 63: cut them so the
     * directory's own name stays under NAME_MAX (255). */
    if (snprintf(dir, sizeof(dir), "%s/%.63s-%.160s-XXXXXX", ws, t->namespace_ ? t->namespace_ : "",
                 t->name ? t->name : "task") >= (int)sizeof(dir) ||
        mkdtemp(dir) == NULL) {
        fail_setup(res, fmt_alloc("exec executor: creating a task directory in %s: %s", ws, strerror(errno)));
        return;
    }
    res->workdir = fm_strdup(dir);
    path = fmt_alloc("%s/task.json", dir);
    result_file = fmt_alloc("%s/result.json", dir);
    transcript = fmt_alloc("%s/transcript.log", dir);
    if (!path || !result_file || !transcript) {
        fail_setup(res, fm_strdup("exec executor: out of memory"));
        goto done;
    }

    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || write_all(fd, t->json ? t->json : "{}", t->json ? t->json_len : 2) != 0 ||
        write_all(fd, "\n", 1) != 0) {
        if (fd >= 0) close(fd);
        fail_setup(res, fmt_alloc("exec executor: writing %s: %s", path, strerror(errno)));
        goto done;
    }
    close(fd);
    in_fd = open(path, O_RDONLY | O_CLOEXEC);
    o.fd = open(transcript, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (in_fd < 0 || o.fd < 0) {
        fail_setup(res, fmt_alloc("exec executor: opening files in %s: %s", dir, strerror(errno)));
        goto done;
    }
    res->transcript_ref = fm_strdup(transcript);
    if (t->prompt) {
        prompt_file = fmt_alloc("%s/prompt.txt", dir);
        int pf = prompt_file ? open(prompt_file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : -1;
        if (pf < 0 || write_all(pf, t->prompt, strlen(t->prompt)) != 0) {
            if (pf >= 0) close(pf);
            fail_setup(res, fmt_alloc("exec executor: writing the prompt file in %s: %s", dir, strerror(errno)));
            goto done;
        }
        close(pf);
    }
    o.cap = cfg->transcript_max;
    if (o.cap < sizeof(TRUNC_MARKER)) o.cap = sizeof(TRUNC_MARKER);
    o.tail_max = cfg->tail_max;
    o.tail = malloc(o.tail_max);
    env = build_env(t, result_file, dir, cfg->agent_name, prompt_file, cfg->env_allow);
    if (!env || !o.tail) {
        fail_setup(res, fmt_alloc("exec executor: preparing task %s: %s", t->name ? t->name : "",
                                  strerror(errno ? errno : ENOMEM)));
        goto done;
    }
    char *argv[] = {(char *)"sh", (char *)"-c", (char *)cfg->command, NULL};
    child_ctx cc = {&iso, false};
    stop_note note = {r, EXECUTOR_STOP_NONE, 0};
    fm_proc_spec ps = FM_PROC_SPEC_INIT;
    ps.path = "/bin/sh";
    ps.argv = argv;
    ps.envp = env;
    ps.dir = dir;
    ps.stdin_fd = in_fd;
    ps.merge_stderr = true;
    ps.on_output = on_output;
    ps.output_ud = &o;
    ps.cancel_fd = fm_executor_run_wake_fd(r);
    ps.on_cancel = on_stop;
    ps.cancel_ud = &note;
    ps.linger_ns = cfg->exit_linger_ns;
    ps.child_setup = child_setup;
    ps.child_exec = child_run;
    ps.child_ud = &cc;
    fm_proc_result pr;
    if (fm_proc_run(&pr, &ps) < 0) {
        fail_setup(res, fmt_alloc("exec executor: %s", fm_error_last()->message));
        fm_proc_result_free(&pr);
        goto done;
    }
    close(in_fd);
    in_fd = -1;
    res->elapsed_sec = (double)pr.elapsed_ns / 1e9;
    bool termed = pr.cancelled;
    fm_executor_stop_reason why = note.why;
    int status = pr.wait_status;
    fm_proc_result_free(&pr);

    char what[256];
    if (termed) {
        res->stopped = why;
        res->failed = true;
        res->reason = fm_executor_stop_reason_name(why);
        snprintf(what, sizeof(what), "command stopped (%s) after %.1fs", res->reason,
                 res->elapsed_sec);
        res->message = message_with_tail(what, &o);
        res->exit_code = WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        res->failed = true;
        res->reason = "CommandFailed";
        res->exit_code = -WTERMSIG(status);
        snprintf(what, sizeof(what), "command killed by signal %d (%s)", WTERMSIG(status),
                 strsignal(WTERMSIG(status)));
        res->message = message_with_tail(what, &o);
    } else if (WEXITSTATUS(status) != 0) {
        res->failed = true;
        res->reason = "CommandFailed";
        res->exit_code = WEXITSTATUS(status);
        snprintf(what, sizeof(what), "command exited with status %d", WEXITSTATUS(status));
        res->message = message_with_tail(what, &o);
    } else {
        char buf[64];
        res->verdict = FM_VERDICT_GO;
        res->summary = fm_strdup("command exited with status 0");
        snprintf(buf, sizeof(buf), "{\"exitCode\":0,\"outputBytes\":%llu}",
                 (unsigned long long)o.total);
        res->extra = fm_strdup(buf);
        char *why_bad = NULL;
        if (read_result_file(res, result_file, &why_bad) != 0) {
            res->failed = true;
            res->reason = "InvalidResult";
            res->message = why_bad;
        }
    }
done:
    if (in_fd >= 0) close(in_fd);
    if (o.fd >= 0) close(o.fd);
    free(o.tail);
    free_env(env);
    free(path);
    free(result_file);
    free(transcript);
    free(prompt_file);
    if (res->workdir) clean_workdir(res->workdir);
}

const fm_executor_ops fm_executor_exec_ops = {"exec", exec_run};
