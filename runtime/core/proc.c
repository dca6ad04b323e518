/*
 * proc.c - the process runner (see proc.h).
 *
 * One poll(2) loop watches everything that can happen to a run: output on
 * the pipes, room on the stdin pipe, the child's exit (a pidfd), a cancel
 * (the caller's fd) and the timers (deadline, SIGTERM->SIGKILL grace,
 * exit linger, give-up after SIGKILL), whose nearest expiry is the poll
 * timeout. The loop ends when the child has been reaped and its output is
 * closed, or when the output was given up on.
 */
#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "error.h"

extern char **environ;

#define DEFAULT_MAX_OUTPUT (1024u * 1024u)
#define GIVE_UP_NS FM_NSEC_PER_SEC /* after a SIGKILL, wait this long for EOF */
#define NO_PIDFD_POLL_NS (50 * FM_NSEC_PER_MSEC)

/* Finds prog in PATH (the parent does this: the child may not allocate).
 * Returns a malloc'd path, or NULL with errno set. */
static char *resolve(const char *prog)
{
    if (strchr(prog, '/')) return fm_strdup(prog);
    const char *path = getenv("PATH");
    if (!path || !*path) path = "/usr/local/bin:/usr/bin:/bin";
    int err = ENOENT;
    while (*path) {
        const char *colon = strchr(path, ':');
        size_t n = colon ? (size_t)(colon - path) : strlen(path);
        char buf[PATH_MAX];
        if (snprintf(buf, sizeof(buf), "%.*s%s%s", (int)n, path, n ? "/" : "", prog) < (int)sizeof(buf)) {
            if (access(buf, X_OK) == 0) return fm_strdup(buf);
            if (errno == EACCES) err = EACCES;
        }
        path += n;
        if (*path == ':') path++;
    }
    errno = err;
    return NULL;
}

/* The child side of fork(): async-signal-safe calls only. */
static void child(const fm_proc_spec *s, const char *path, char *const envp[], int in_fd, int out_fd,
                  int err_fd)
{
    if (s->new_session) setsid();
    else setpgid(0, 0);
    if (s->child_setup) s->child_setup(s->child_ud);
    for (int sig = 1; sig < NSIG; sig++) {
        if (sig == SIGKILL || sig == SIGSTOP) continue;
        struct sigaction sa;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = SIG_DFL;
        (void)sigaction(sig, &sa, NULL);
    }
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    if (s->dir && chdir(s->dir) != 0) _exit(126);
    /* the kept fd first goes above the stdio fds, so no dup2 there hits it */
    int keep = s->child_keep_fd >= 0 ? fcntl(s->child_keep_fd, F_DUPFD, 3) : -1;
    if (s->child_keep_fd >= 0 && keep < 0) _exit(126);
    if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) _exit(126);
    if (keep > 3 && dup2(keep, 3) < 0) _exit(126);
    unsigned first = keep >= 0 ? 4u : 3u;
#ifdef SYS_close_range
    if (syscall(SYS_close_range, first, ~0u, 0u) != 0)
#endif
        for (int fd = (int)first; fd < 1024; fd++) close(fd);
    if (s->child_exec) s->child_exec(s->child_ud, path, s->argv, envp);
    execve(path, s->argv, envp);
    _exit(127);
}

/* Writes to the stdin pipe without taking SIGPIPE when the child closed
 * its end (the process may not ignore SIGPIPE, and a library must not
 * change that): SIGPIPE is blocked in this thread around the write and a
 * signal it raised is consumed. */
static ssize_t write_nosigpipe(int fd, const void *p, size_t n)
{
    sigset_t pipe_set, old, pending;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    sigpending(&pending);
    bool was_pending = sigismember(&pending, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
    ssize_t w = write(fd, p, n);
    int e = errno;
    if (w < 0 && e == EPIPE && !was_pending) {
        struct timespec zero = {0, 0};
        while (sigtimedwait(&pipe_set, NULL, &zero) < 0 && errno == EINTR) {
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    errno = e;
    return w;
}

typedef struct run {
    const fm_proc_spec *s;
    fm_proc_result *res;
    size_t cap;
    bool stop_reading;
} run;

/* Reads what fd has (non-blocking). Returns 1 on EOF or error, else 0. */
static int drain(run *r, int fd, int stream)
{
    char chunk[16384];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof(chunk));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : 1;
        if (n == 0) return 1;
        if (r->stop_reading) continue;
        if (r->s->on_output) {
            if (r->s->on_output(r->s->output_ud, stream, chunk, (size_t)n) != 0) {
                r->res->cancelled = true;
                r->stop_reading = true;
            }
            continue;
        }
        fm_buf *b = stream == 1 ? &r->res->out : &r->res->err;
        if (b->len + (size_t)n > r->cap) {
            r->res->over_cap = true;
            r->stop_reading = true;
            continue;
        }
        if (fm_buf_put(b, chunk, (size_t)n) < 0) {
            r->res->over_cap = true; /* out of memory: treated as too much output */
            r->stop_reading = true;
        }
    }
}

/* Signals the child's process group; while there is none yet (a new
 * session not yet made by the child, which does nothing else before), the
 * child alone. */
static void signal_group(pid_t pid, int sig)
{
    if (kill(-pid, sig) < 0 && errno == ESRCH) kill(pid, sig);
}

static void close_fd(int *fd)
{
    if (*fd >= 0) close(*fd);
    *fd = -1;
}

int fm_proc_run(fm_proc_result *res, const fm_proc_spec *s)
{
    memset(res, 0, sizeof(*res));
    res->out = (fm_buf)FM_BUF_INIT;
    res->err = (fm_buf)FM_BUF_INIT;
    int outp[2] = {-1, -1}, errp[2] = {-1, -1}, inp[2] = {-1, -1}, null_fd = -1, pidfd = -1;
    int rc = 0;
    char *path = resolve(s->path);
    if (!path) return fm_error_set(errno == ENOMEM ? FM_ENOMEM : FM_EIO, "%s: cannot run: %s", s->path, strerror(errno));
    if (pipe2(outp, O_CLOEXEC) < 0 || (!s->merge_stderr && pipe2(errp, O_CLOEXEC) < 0) ||
        (s->stdin_fd < 0 && s->stdin_data && pipe2(inp, O_CLOEXEC) < 0) ||
        (s->stdin_fd < 0 && !s->stdin_data && (null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC)) < 0)) {
        rc = fm_error_set(FM_EIO, "%s: pipe: %s", s->path, strerror(errno));
        goto done;
    }
    int in_fd = s->stdin_fd >= 0 ? s->stdin_fd : s->stdin_data ? inp[0] : null_fd;
    char *const *envp = s->envp ? s->envp : environ;
    fm_clock *clk = s->clock;
    int64_t start = fm_clock_now(clk);

    pid_t pid = fork();
    if (pid < 0) {
        rc = fm_error_set(FM_EIO, "%s: fork: %s", s->path, strerror(errno));
        goto done;
    }
    if (pid == 0) child(s, path, envp, in_fd, outp[1], s->merge_stderr ? outp[1] : errp[1]);
    /* also in the child: whoever runs first, no race. Not for a new
     * session: setsid() fails in a child that already leads a group. */
    if (!s->new_session) setpgid(pid, pid);
    close_fd(&outp[1]);
    close_fd(&errp[1]);
    close_fd(&inp[0]);
    close_fd(&null_fd);
#ifdef SYS_pidfd_open
    pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
#endif
    fcntl(outp[0], F_SETFL, O_NONBLOCK);
    if (errp[0] >= 0) fcntl(errp[0], F_SETFL, O_NONBLOCK);
    if (inp[1] >= 0) fcntl(inp[1], F_SETFL, O_NONBLOCK);

    run r = {s, res, s->max_output ? s->max_output : DEFAULT_MAX_OUTPUT, false};
    size_t in_off = 0;
    if (inp[1] >= 0 && s->stdin_len == 0) close_fd(&inp[1]);
    bool exited = false, cancel_live = s->cancel_fd >= 0, termed = false, killed = false;
    int64_t grace = s->grace_ns, term_at = 0, exit_at = 0, kill_at = 0;
    int status = 0;

#define KILL_GROUP()                                                                               \
    do {                                                                                           \
        signal_group(pid, SIGKILL);                                                                \
        if (!killed) kill_at = now;                                                                \
        killed = true;                                                                             \
    } while (0)
#define STOP()                                                                                     \
    do {                                                                                           \
        if (grace > 0 && !termed) {                                                                \
            signal_group(pid, SIGTERM);                                                            \
            termed = true;                                                                         \
            term_at = now;                                                                         \
        } else if (!killed) {                                                                      \
            KILL_GROUP();                                                                          \
        }                                                                                          \
    } while (0)

    for (;;) {
        int64_t now = fm_clock_now(clk);
        /* timers */
        if (s->deadline_ns > 0 && now >= s->deadline_ns && !killed && !(exited && outp[0] < 0 && errp[0] < 0)) {
            if (!res->timed_out) {
                res->timed_out = true;
                if (exited) KILL_GROUP();
                else STOP();
            }
        }
        if (termed && !killed && !exited && now - term_at >= grace) KILL_GROUP();
        if (r.stop_reading && !killed) KILL_GROUP(); /* over the cap, or the sink said stop */
        if (exited && !killed && s->linger_ns > 0 && now - exit_at >= s->linger_ns) KILL_GROUP();
        if (exited && outp[0] < 0 && errp[0] < 0) break;
        if (exited && killed && now - kill_at >= GIVE_UP_NS) break;

        /* the nearest timer */
        int64_t next = INT64_MAX;
        if (s->deadline_ns > 0 && !res->timed_out) next = s->deadline_ns;
        if (termed && !killed && !exited && term_at + grace < next) next = term_at + grace;
        if (exited && !killed && s->linger_ns > 0 && exit_at + s->linger_ns < next) next = exit_at + s->linger_ns;
        if (exited && killed && kill_at + GIVE_UP_NS < next) next = kill_at + GIVE_UP_NS;
        if (!exited && pidfd < 0 && now + NO_PIDFD_POLL_NS < next) next = now + NO_PIDFD_POLL_NS;
        int timeout = -1;
        if (next != INT64_MAX) {
            int64_t ms = (next - now + FM_NSEC_PER_MSEC - 1) / FM_NSEC_PER_MSEC;
            timeout = ms < 0 ? 0 : ms > INT_MAX ? INT_MAX : (int)ms;
        }

        struct pollfd pf[5] = {{outp[0], POLLIN, 0},
                               {errp[0], POLLIN, 0},
                               {exited ? -1 : pidfd, POLLIN, 0},
                               {cancel_live && !exited ? s->cancel_fd : -1, POLLIN, 0},
                               {inp[1], POLLOUT, 0}};
        int pr = poll(pf, 5, timeout);
        if (pr < 0 && errno != EINTR) {
            rc = fm_error_set(FM_EIO, "%s: poll: %s", s->path, strerror(errno));
            break;
        }
        now = fm_clock_now(clk);
        if (pr > 0) {
            if (pf[0].revents && drain(&r, outp[0], 1)) close_fd(&outp[0]);
            if (pf[1].revents && drain(&r, errp[0], 2)) close_fd(&errp[0]);
            if (pf[4].revents) {
                ssize_t w = write_nosigpipe(inp[1], s->stdin_data + in_off, s->stdin_len - in_off);
                if (w > 0) in_off += (size_t)w;
                if ((w < 0 && errno != EAGAIN && errno != EINTR) || in_off >= s->stdin_len) close_fd(&inp[1]);
            }
            if (pf[3].revents) {
                int64_t g = s->grace_ns;
                if (!s->on_cancel || s->on_cancel(s->cancel_ud, &g)) {
                    grace = g;
                    res->cancelled = true;
                    STOP();
                }
                cancel_live = false;
            }
        }
        if (!exited && (pidfd < 0 || (pr > 0 && pf[2].revents))) {
            pid_t w = waitpid(pid, &status, WNOHANG);
            if (w == pid) {
                exited = true;
                exit_at = now;
                close_fd(&inp[1]);
            }
        }
    }
#undef STOP
#undef KILL_GROUP

    signal_group(pid, SIGKILL); /* whatever the run left behind in its group */
    if (!exited) {
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    if (outp[0] >= 0) (void)drain(&r, outp[0], 1);
    if (errp[0] >= 0) (void)drain(&r, errp[0], 2);
    res->wait_status = status;
    res->exited = WIFEXITED(status);
    res->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
    res->term_signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    res->killed = killed;
    res->elapsed_ns = fm_clock_now(clk) - start;
done:
    close_fd(&outp[0]);
    close_fd(&outp[1]);
    close_fd(&errp[0]);
    close_fd(&errp[1]);
    close_fd(&inp[0]);
    close_fd(&inp[1]);
    close_fd(&null_fd);
    close_fd(&pidfd);
    free(path);
    return rc;
}

void fm_proc_result_free(fm_proc_result *res)
{
    if (!res) return;
    if (res->out.data) memset(res->out.data, 0, res->out.len);
    if (res->err.data) memset(res->err.data, 0, res->err.len);
    fm_buf_free(&res->out);
    fm_buf_free(&res->err);
}
