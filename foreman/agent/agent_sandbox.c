/*
 * agent_sandbox.c - the bash tool's sandbox. See agent_sandbox.h.
 *
 * Process tree of one command:
 *
 *   agent (run thread)          fm_proc_run: output pipe, pidfd, deadline,
 *     |                         wake fd (runtime/core/proc.c)
 *     `- child                  setsid, cgroup (child_setup hook); rlimits,
 *          |                    unshare(user, mount, PID, IPC, UTS, net),
 *          |                    uid/gid maps (child_exec hook); waits for
 *          |                    the grandchild and exits with its status
 *          `- grandchild        PID 1 of the new PID namespace: private
 *                               mounts (tmpfs /tmp, workspace bound back,
 *                               deny_read paths covered, fresh /proc),
 *                               no_new_privs, Landlock, seccomp, execve sh
 *
 * Killing the child's process group takes the grandchild, and with it the
 * whole PID namespace (a daemon that called setsid included). Where a pids
 * cgroup can be made (cgroup v1 pids or v2 with the controller delegated),
 * the command gets one with pids.max, which contains a fork bomb even for a
 * root agent (RLIMIT_NPROC does not bind uid 0); every process left in it is
 * killed at the end.
 *
 * The child's layers are reported on a pipe it keeps as fd 3
 * (fm_proc_spec.child_keep_fd), read once the run is over.
 *
 * Between fork and execve only async-signal-safe calls are made: every
 * string and the seccomp program are prepared before the fork.
 */
#include "agent_sandbox.h"

#include "clock.h"
#include "error.h"
#include "executor.h"
#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef __linux__
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/landlock.h>
#include <linux/seccomp.h>
#endif

#define OUTPUT_MAX_DEFAULT (64u * 1024u)

void fm_sandbox_result_clear(fm_sandbox_result *res)
{
    if (!res) return;
    fm_buf_free(&res->output);
    memset(res, 0, sizeof(*res));
}

/* ------------------------------------------------------------ seccomp */

#if defined(__linux__) && defined(__x86_64__)
#define SECCOMP_ARCH AUDIT_ARCH_X86_64
#elif defined(__linux__) && defined(__aarch64__)
#define SECCOMP_ARCH AUDIT_ARCH_AARCH64
#endif

#ifdef SECCOMP_ARCH
/* System calls the command has no business making. */
static const int denied_syscalls[] = {
    SYS_ptrace, SYS_mount, SYS_umount2, SYS_pivot_root, SYS_kexec_load,
#ifdef SYS_kexec_file_load
    SYS_kexec_file_load,
#endif
    SYS_init_module, SYS_finit_module, SYS_delete_module, SYS_bpf, SYS_keyctl, SYS_add_key,
    SYS_request_key, SYS_unshare, SYS_setns, SYS_perf_event_open, SYS_process_vm_readv,
    SYS_process_vm_writev, SYS_open_by_handle_at, SYS_swapon, SYS_swapoff, SYS_reboot,
#ifdef SYS_userfaultfd
    SYS_userfaultfd,
#endif
#ifdef SYS_fsopen
    SYS_fsopen, SYS_fsmount, SYS_move_mount, SYS_open_tree,
#endif
};
#define N_DENIED (sizeof(denied_syscalls) / sizeof(denied_syscalls[0]))

/* The filter: wrong arch -> kill; denied call -> EPERM; else allow. */
static struct sock_filter seccomp_prog[4 + 2 * N_DENIED + 1];

static void build_seccomp(void)
{
    size_t k = 0;
    seccomp_prog[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
    seccomp_prog[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SECCOMP_ARCH, 1, 0);
    seccomp_prog[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
    seccomp_prog[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
    for (size_t i = 0; i < N_DENIED; i++) {
        seccomp_prog[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)denied_syscalls[i], 0, 1);
        seccomp_prog[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA));
    }
    seccomp_prog[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
}
#endif

/* ------------------------------------------------------------ landlock */

#ifdef LANDLOCK_ACCESS_FS_EXECUTE
#ifndef LANDLOCK_ACCESS_FS_REFER
#define LANDLOCK_ACCESS_FS_REFER (1ULL << 13)
#endif
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif
#ifndef LANDLOCK_ACCESS_FS_IOCTL_DEV
#define LANDLOCK_ACCESS_FS_IOCTL_DEV (1ULL << 15)
#endif

/* Adds a path_beneath rule; errors are ignored (a missing path is fine). */
static void ll_allow(int ruleset, const char *path, uint64_t access)
{
    int fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0) return;
    struct landlock_path_beneath_attr pb = {.allowed_access = access, .parent_fd = fd};
    (void)syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
    close(fd);
}

/* Applies Landlock: read/execute everywhere, write beneath workspace, /tmp
 * and /dev; no TCP when !net. Returns 1 applied, 0 not available. */
static int apply_landlock(const char *workspace, int abi, bool net)
{
    if (abi < 1) return 0;
    uint64_t fs = (1ULL << 13) - 1; /* ABI 1: EXECUTE .. MAKE_SYM */
    if (abi >= 2) fs |= LANDLOCK_ACCESS_FS_REFER;
    if (abi >= 3) fs |= LANDLOCK_ACCESS_FS_TRUNCATE;
    if (abi >= 5) fs |= LANDLOCK_ACCESS_FS_IOCTL_DEV;
    struct landlock_ruleset_attr attr;
    memset(&attr, 0, sizeof(attr));
    attr.handled_access_fs = fs;
    size_t attr_size = offsetof(struct landlock_ruleset_attr, handled_access_fs) + sizeof(attr.handled_access_fs);
#ifdef LANDLOCK_ACCESS_NET_CONNECT_TCP
    if (abi >= 4 && !net) {
        attr.handled_access_net = LANDLOCK_ACCESS_NET_BIND_TCP | LANDLOCK_ACCESS_NET_CONNECT_TCP;
        attr_size = offsetof(struct landlock_ruleset_attr, handled_access_net) + sizeof(attr.handled_access_net);
    }
#else
    (void)net;
#endif
    int rs = (int)syscall(SYS_landlock_create_ruleset, &attr, attr_size, 0);
    if (rs < 0) return 0;
    uint64_t ro = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;
    ll_allow(rs, "/", ro);
    ll_allow(rs, workspace, fs);
    ll_allow(rs, "/tmp", fs);
    ll_allow(rs, "/dev", ro | LANDLOCK_ACCESS_FS_WRITE_FILE | (abi >= 5 ? LANDLOCK_ACCESS_FS_IOCTL_DEV : 0));
    int rc = (int)syscall(SYS_landlock_restrict_self, rs, 0);
    close(rs);
    return rc == 0;
}
#endif

static int landlock_abi(void)
{
#ifdef LANDLOCK_CREATE_RULESET_VERSION
    long v = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
    return v < 0 ? 0 : (int)v;
#else
    return 0;
#endif
}

/* ------------------------------------------------------------ cgroup */

/* Tries to make a pids cgroup for one command: cgroup v1 pids hierarchy
 * (under our own cgroup there), else v2 under ours. Writes its directory
 * to dir. Returns 0 or -1. */
static int cgroup_make(char *dir, size_t cap, uint64_t pids_max)
{
    static unsigned seq;
    char own[400] = "";
    char line[600];
    FILE *f = fopen("/proc/self/cgroup", "re");
    bool v1 = false;
    if (!f) return -1;
    while (fgets(line, sizeof(line), f)) {
        char *p = strstr(line, ":pids:");
        if (p) {
            snprintf(own, sizeof(own), "%.380s", p + 6);
            v1 = true;
            break;
        }
        if (strncmp(line, "0::", 3) == 0) snprintf(own, sizeof(own), "%.380s", line + 3);
    }
    fclose(f);
    own[strcspn(own, "\n")] = '\0';
    if (strcmp(own, "/") == 0) own[0] = '\0';
    unsigned n = __atomic_add_fetch(&seq, 1, __ATOMIC_RELAXED);
    snprintf(dir, cap, "%s%s/foreman-sbx-%d-%u", v1 ? "/sys/fs/cgroup/pids" : "/sys/fs/cgroup", own, (int)getpid(), n);
    if (mkdir(dir, 0755) != 0) return -1;
    char path[700], val[32];
    snprintf(path, sizeof(path), "%s/pids.max", dir);
    snprintf(val, sizeof(val), "%llu", (unsigned long long)pids_max);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0 || write(fd, val, strlen(val)) < 0) {
        if (fd >= 0) close(fd);
        rmdir(dir);
        return -1;
    }
    close(fd);
    return 0;
}

/* Kills every process left in the cgroup, then removes it. */
static void cgroup_destroy(const char *dir)
{
    char path[700];
    snprintf(path, sizeof(path), "%s/cgroup.procs", dir);
    for (int round = 0; round < 50; round++) {
        FILE *f = fopen(path, "re");
        if (!f) break;
        int pid, n = 0;
        while (fscanf(f, "%d", &pid) == 1) {
            kill(pid, SIGKILL);
            n++;
        }
        fclose(f);
        if (n == 0 && rmdir(dir) == 0) return;
        usleep(20000);
    }
    rmdir(dir);
}

/* ------------------------------------------------------------ child side */

/* Everything the child needs, prepared before fork. */
typedef struct plan {
    const fm_sandbox_config *cfg;
    const char *workdir;
    char procs_path[720];     /* cgroup.procs to join; "" = none */
    char uid_map[64], gid_map[64];
    int ll_abi;
    char ws_under_tmp;        /* the workspace lies under /tmp */
    int status_pipe;          /* write end (fd 3 in the child): layers
                                 report to the parent; -1 = none */
} plan;

static void put_str(int fd, const char *s)
{
    ssize_t n = write(fd, s, strlen(s));
    (void)n;
}

static int write_file_str(const char *path, const char *s)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n = write(fd, s, strlen(s));
    close(fd);
    return n < 0 ? -1 : 0;
}

/* mkdir -p for an absolute path, with a stack buffer. */
static void mkdirs(const char *path)
{
    char b[4096];
    size_t n = strlen(path);
    if (n >= sizeof(b)) return;
    memcpy(b, path, n + 1);
    for (size_t i = 1; i <= n; i++)
        if (b[i] == '/' || b[i] == '\0') {
            char c = b[i];
            b[i] = '\0';
            (void)mkdir(b, 0755);
            b[i] = c;
        }
}

/* The grandchild: PID 1 of the new namespace (or just the command's parent
 * when namespaces are off). Never returns. */
static void grandchild(const plan *p, bool have_ns, const char *path, char *const argv[], char *const envp[])
{
    char layers[128] = "";
    if (have_ns) {
        /* private mounts: nothing we do here leaks back to the host */
        if (mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) == 0) {
            /* a detached copy of the workspace mount, to put back over the
             * new /tmp when the workspace lies under it */
            int tree = -1;
#ifdef SYS_open_tree
            if (p->ws_under_tmp)
                tree = (int)syscall(SYS_open_tree, AT_FDCWD, p->workdir, 1 /* OPEN_TREE_CLONE */ | O_CLOEXEC | AT_RECURSIVE);
#endif
            if ((!p->ws_under_tmp || tree >= 0) &&
                mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=512m,mode=1777") == 0) {
                strcat(layers, "tmp,");
                if (tree >= 0) {
                    mkdirs(p->workdir);
#ifdef SYS_move_mount
                    (void)syscall(SYS_move_mount, tree, "", AT_FDCWD, p->workdir, 4 /* MOVE_MOUNT_F_EMPTY_PATH */);
#endif
                }
            }
            if (tree >= 0) close(tree);
            for (size_t i = 0; i < SANDBOX_MAX_DENY && p->cfg->deny_read[i]; i++) {
                struct stat st;
                const char *d = p->cfg->deny_read[i];
                if (stat(d, &st) != 0) continue;
                if (S_ISDIR(st.st_mode)) (void)mount("tmpfs", d, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, "size=4k,mode=000");
                else (void)mount("/dev/null", d, "none", MS_BIND, NULL);
            }
            if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) == 0) strcat(layers, "proc,");
        }
    }
    if (chdir(p->workdir) != 0) _exit(126);
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    if (!p->cfg->disabled) {
#ifdef LANDLOCK_ACCESS_FS_EXECUTE
        if (apply_landlock(p->workdir, p->ll_abi, p->cfg->allow_network)) strcat(layers, "landlock,");
#endif
#ifdef SECCOMP_ARCH
        struct sock_fprog prog = {(unsigned short)(sizeof(seccomp_prog) / sizeof(seccomp_prog[0])), seccomp_prog};
        if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) == 0) strcat(layers, "seccomp,");
#endif
    }
    if (p->status_pipe >= 0) {
        put_str(p->status_pipe, layers);
        close(p->status_pipe);
    }
    execve(path, argv, envp);
    _exit(127);
}

/* fm_proc_spec.child_setup: the child has made its session and group. */
static void child_setup(void *ud)
{
    const plan *p = ud;
    if (p->procs_path[0]) (void)write_file_str(p->procs_path, "0");
}

/* fm_proc_spec.child_exec: signals are reset, stdin is /dev/null, stdout
 * and stderr the output pipe, fd 3 the status pipe. Never returns. */
static void child_exec(void *ud, const char *path, char *const argv[], char *const envp[])
{
    const plan *p = ud;
    const fm_sandbox_config *c = p->cfg;
    struct rlimit rl;
    rl.rlim_cur = rl.rlim_max = c->cpu_seconds ? c->cpu_seconds : 600;
    setrlimit(RLIMIT_CPU, &rl);
    rl.rlim_cur = rl.rlim_max = c->as_bytes ? c->as_bytes : (4ULL << 30);
    setrlimit(RLIMIT_AS, &rl);
    rl.rlim_cur = rl.rlim_max = c->fsize_bytes ? c->fsize_bytes : (1ULL << 30);
    setrlimit(RLIMIT_FSIZE, &rl);
    rl.rlim_cur = rl.rlim_max = 0;
    setrlimit(RLIMIT_CORE, &rl);
    bool have_ns = false;
    char layers[96] = "rlimits,";
    if (!c->disabled) {
        int flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS | (c->allow_network ? 0 : CLONE_NEWNET);
        if (unshare(CLONE_NEWUSER | flags) == 0) {
            (void)write_file_str("/proc/self/setgroups", "deny");
            (void)write_file_str("/proc/self/uid_map", p->uid_map);
            (void)write_file_str("/proc/self/gid_map", p->gid_map);
            have_ns = true;
            strcat(layers, "userns,");
        } else if (unshare(flags) == 0) {
            have_ns = true; /* root without user namespaces */
        }
        if (have_ns) strcat(layers, c->allow_network ? "mountns,pidns,ipcns,utsns," : "mountns,pidns,ipcns,utsns,netns,");
    }
    /* RLIMIT_NPROC after the user namespace: it then counts this sandbox only */
    rl.rlim_cur = rl.rlim_max = c->nproc ? c->nproc : 256;
    setrlimit(RLIMIT_NPROC, &rl);
    if (have_ns) sethostname("sandbox", 7);
    if (p->status_pipe >= 0) put_str(p->status_pipe, layers);
    pid_t g = fork();
    if (g < 0) _exit(126);
    if (g == 0) grandchild(p, have_ns, path, argv, envp);
    if (p->status_pipe >= 0) close(p->status_pipe);
    int st = 0;
    while (waitpid(g, &st, 0) < 0 && errno == EINTR) {}
    _exit(WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
}

/* ------------------------------------------------------------ parent side */

static char **build_env(const char *workdir)
{
    static const char *const keep[] = {"LANG", "LC_ALL", "TZ"};
    char **env = calloc(16, sizeof(char *));
    if (!env) return NULL;
    size_t k = 0;
    env[k++] = fm_strdup("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    if (asprintf(&env[k], "HOME=%s", workdir) >= 0) k++;
    if (asprintf(&env[k], "FOREMAN_WORKDIR=%s", workdir) >= 0) k++;
    env[k++] = fm_strdup("TMPDIR=/tmp");
    env[k++] = fm_strdup("TERM=dumb");
    env[k++] = fm_strdup("USER=agent");
    env[k++] = fm_strdup("GIT_TERMINAL_PROMPT=0");
    for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++) {
        const char *v = getenv(keep[i]);
        if (v && asprintf(&env[k], "%s=%s", keep[i], v) >= 0) k++;
    }
    env[k] = NULL;
    return env;
}

static void free_env(char **env)
{
    if (!env) return;
    for (char **e = env; *e; e++) free(*e);
    free(env);
}

/* fm_proc_spec.on_output: keeps the first out_max bytes, counts all. */
typedef struct collect {
    fm_sandbox_result *res;
    size_t out_max;
} collect;

static int on_output(void *ud, int stream, const char *data, size_t len)
{
    collect *c = ud;
    (void)stream;
    c->res->output_total += (uint64_t)len;
    size_t room = c->res->output.len < c->out_max ? c->out_max - c->res->output.len : 0;
    if (room) (void)fm_buf_put(&c->res->output, data, len < room ? len : room);
    return 0;
}

int fm_sandbox_run(fm_sandbox_result *res, const fm_sandbox_config *cfg, const char *workdir, const char *command,
                int64_t timeout_ns, int wake_fd)
{
    memset(res, 0, sizeof(*res));
    collect col = {res, cfg->output_max ? cfg->output_max : OUTPUT_MAX_DEFAULT};
    plan p;
    memset(&p, 0, sizeof(p));
    p.cfg = cfg;
    p.workdir = workdir;
    p.status_pipe = -1;
    int stp[2] = {-1, -1};
    char cg[600] = "";
    bool have_cg = false;
    char **env = build_env(workdir);
    int ws_fd = open(workdir, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (!env || ws_fd < 0 || pipe2(stp, O_CLOEXEC) != 0) {
        int e = errno;
        free_env(env);
        if (ws_fd >= 0) close(ws_fd);
        return fm_error_set(FM_EIO, "sandbox: preparing to run in %s: %s", workdir, strerror(e));
    }
    close(ws_fd);
    p.status_pipe = 3; /* where fm_proc_run puts child_keep_fd */
    const char *shell = access("/bin/bash", X_OK) == 0 ? "/bin/bash" : "/bin/sh";
    p.ws_under_tmp = strncmp(workdir, "/tmp/", 5) == 0 || strcmp(workdir, "/tmp") == 0;
    snprintf(p.uid_map, sizeof(p.uid_map), "0 %d 1", (int)getuid());
    snprintf(p.gid_map, sizeof(p.gid_map), "0 %d 1", (int)getgid());
    if (!cfg->disabled) {
        p.ll_abi = landlock_abi();
#ifdef SECCOMP_ARCH
        build_seccomp();
#endif
        if (cgroup_make(cg, sizeof(cg), cfg->nproc ? cfg->nproc : 256) == 0) {
            have_cg = true;
            snprintf(p.procs_path, sizeof(p.procs_path), "%s/cgroup.procs", cg);
        }
    }

    /* Timeout and wake fd end the run with SIGKILL to the whole group at
     * once; once the shell is gone, stragglers holding the output pipe go
     * with its group right away (linger 1 ns). */
    char *argv[] = {(char *)shell, (char *)"-c", (char *)command, NULL};
    fm_proc_spec ps = FM_PROC_SPEC_INIT;
    fm_proc_result pr;
    int64_t now = fm_clock_now(NULL);
    ps.path = shell;
    ps.argv = argv;
    ps.envp = env; /* bash's whole environment: the allow-list, nothing inherited */
    ps.merge_stderr = true;
    ps.on_output = on_output;
    ps.output_ud = &col;
    if (timeout_ns <= 0) ps.deadline_ns = now; /* already due */
    else if (timeout_ns <= INT64_MAX - now) ps.deadline_ns = now + timeout_ns;
    ps.cancel_fd = wake_fd;
    ps.grace_ns = 0;
    ps.linger_ns = 1;
    ps.new_session = true;
    ps.child_setup = child_setup;
    ps.child_exec = child_exec;
    ps.child_ud = &p;
    ps.child_keep_fd = stp[1];
    int rc = fm_proc_run(&pr, &ps);
    close(stp[1]);
    free_env(env);
    if (rc < 0) {
        char why[FM_ERROR_MAX];
        snprintf(why, sizeof(why), "%s", fm_error_last()->message);
        close(stp[0]);
        if (have_cg) cgroup_destroy(cg);
        fm_proc_result_free(&pr);
        return fm_error_set(FM_EIO, "sandbox: %s", why);
    }
    if (have_cg) cgroup_destroy(cg);

    /* Every writer of the status pipe is gone: read what they left. */
    char layers[256] = "";
    size_t ll = 0;
    fcntl(stp[0], F_SETFL, O_NONBLOCK);
    for (;;) {
        ssize_t n = read(stp[0], layers + ll, sizeof(layers) - 1 - ll);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        ll += (size_t)n;
        if (ll >= sizeof(layers) - 1) break;
    }
    close(stp[0]);
    layers[ll] = '\0';
    if (have_cg) strncat(layers, "cgroup-pids,", sizeof(layers) - strlen(layers) - 1);
    size_t L = strlen(layers);
    if (L > 0 && layers[L - 1] == ',') layers[L - 1] = '\0';
    snprintf(res->layers, sizeof(res->layers), "%s", layers);
    res->timed_out = pr.timed_out;
    res->cancelled = pr.cancelled;
    res->exit_code = pr.exited ? pr.exit_code : 128 + pr.term_signal;
    fm_proc_result_free(&pr);
    if (!res->output.data) (void)fm_buf_put(&res->output, "", 0);
    return 0;
}
