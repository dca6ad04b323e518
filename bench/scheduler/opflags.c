/*
 * opflags.c - start an operator binary with the flags it accepts (see
 * opflags.h).
 */
#include "opflags.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

/* ------------------------------------------------------------ --help */

static void add_known(opflags *o, size_t *cap, size_t *len, const char *name, size_t n)
{
    if (*len + n + 3 > *cap) {
        size_t nc = (*cap ? *cap * 2 : 1024) + n;
        char *k = realloc(o->known, nc);
        if (!k) return;
        o->known = k;
        *cap = nc;
    }
    if (*len == 0) o->known[(*len)++] = ' ';
    memcpy(o->known + *len, name, n);
    *len += n;
    o->known[(*len)++] = ' ';
    o->known[*len] = 0;
    o->n_known++;
}

/* Records the flag names at the start of each line of text: "-a",
 * "--name=VALUE", "-v, --verbose", "  -kube-api-qps string". */
static void parse_help(opflags *o, const char *text)
{
    size_t cap = 0, len = 0;
    for (const char *line = text; line && *line;) {
        const char *eol = strchr(line, '\n');
        const char *p = line, *end = eol ? eol : line + strlen(line);
        while (p < end && (*p == ' ' || *p == '\t')) p++;
        while (p < end && *p == '-') {
            while (p < end && *p == '-') p++;
            const char *name = p;
            if (p >= end || !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
                break;
            while (p < end && name_char(*p)) p++;
            add_known(o, &cap, &len, name, (size_t)(p - name));
            while (p < end && *p != ' ' && *p != '\t' && *p != ',') p++; /* =VALUE, [=x] */
            if (p < end && *p == ',') {
                p++;
                while (p < end && (*p == ' ' || *p == '\t')) p++;
                continue; /* another spelling of the same flag */
            }
            break;
        }
        line = eol ? eol + 1 : NULL;
    }
}

void opflags_read_help(opflags *o, const char *exe, int timeout_ms)
{
    memset(o, 0, sizeof *o);
    if (timeout_ms <= 0) timeout_ms = 5000;
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return;
    }
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0) dup2(devnull, 0);
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        close(fds[0]);
        close(fds[1]);
        setpgid(0, 0); /* so a timeout kills whatever it started too */
        execl(exe, exe, "--help", (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap + 1);
    double deadline = now_s() + timeout_ms / 1000.0;
    for (;;) {
        double left = deadline - now_s();
        if (left <= 0 || !buf) break;
        struct pollfd pf = {.fd = fds[0], .events = POLLIN};
        int r = poll(&pf, 1, (int)(left * 1000) + 1);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        if (len == cap) {
            char *nb = cap < (1 << 20) ? realloc(buf, cap * 2 + 1) : NULL;
            if (!nb) break;
            buf = nb;
            cap *= 2;
        }
        ssize_t n = read(fds[0], buf + len, cap - len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        len += (size_t)n;
    }
    close(fds[0]);
    if (waitpid(pid, NULL, WNOHANG) == 0) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
    }
    if (buf) {
        buf[len] = 0;
        parse_help(o, buf);
    }
    free(buf);
}

/* The name of flag arg: after the dashes, up to '=' (at most cap-1 bytes). */
static size_t flag_name(const char *arg, char *out, size_t cap)
{
    while (*arg == '-') arg++;
    size_t n = strcspn(arg, "=");
    if (n >= cap) n = cap - 1;
    memcpy(out, arg, n);
    out[n] = 0;
    return n;
}

bool opflags_knows(const opflags *o, const char *arg)
{
    if (!o->known || o->n_known == 0) return true;
    char name[256];
    size_t n = flag_name(arg, name + 1, sizeof name - 2);
    if (n == 0) return false;
    name[0] = ' ';
    name[n + 1] = ' ';
    name[n + 2] = 0;
    return strstr(o->known, name) != NULL;
}

void opflags_free(opflags *o)
{
    free(o->known);
    memset(o, 0, sizeof *o);
}

/* ------------------------------------------------------------ start */

/* The first 64 KiB of file path, NUL-terminated (empty when unreadable). */
static char *read_log(const char *path)
{
    char *buf = calloc(1, 65537);
    FILE *f = buf ? fopen(path, "r") : NULL;
    if (f) {
        size_t n = fread(buf, 1, 65536, f);
        buf[n] = 0;
        fclose(f);
    }
    return buf;
}

/* True when line [p, end) names flag `name` as "-name" or "--name". */
static bool line_names(const char *p, const char *end, const char *name)
{
    size_t n = strlen(name);
    for (const char *q = p; n && q + n <= end; q++) {
        if (memcmp(q, name, n) != 0) continue;
        if (q == p || q[-1] != '-') continue;
        if (q + n < end && name_char(q[n])) continue;
        return true;
    }
    return false;
}

/*
 * The index of the flag among flags[0..n-1] that a line of the log names,
 * the longest name when several do; -1 for none. Indented lines and lines
 * that start with a dash are usage listings, not the error, and are
 * skipped. *line_out gets a copy of the line (for the report).
 */
static int rejected_flag(const char *log, char *const *flags, int n, char *line_out, size_t cap)
{
    for (const char *line = log; line && *line;) {
        const char *eol = strchr(line, '\n');
        const char *end = eol ? eol : line + strlen(line);
        if (*line != ' ' && *line != '\t' && *line != '-') {
            int best = -1;
            size_t best_len = 0;
            for (int i = 0; i < n; i++) {
                char name[256];
                size_t l = flag_name(flags[i], name, sizeof name);
                if (l > best_len && line_names(line, end, name)) {
                    best = i;
                    best_len = l;
                }
            }
            if (best >= 0) {
                snprintf(line_out, cap, "%.*s", (int)(end - line), line);
                return best;
            }
        }
        line = eol ? eol + 1 : NULL;
    }
    return -1;
}

static void first_line(const char *text, char *out, size_t cap)
{
    size_t n = strcspn(text, "\n");
    snprintf(out, cap, "%.*s", (int)n, text);
}

pid_t opflags_start(const char *exe, char *const *flags, int n, const char *log, const opflags_start_opts *o,
                    double *t_start, char **passed, int *n_passed, char *why, size_t why_len)
{
    opflags_start_opts dflt = {0};
    if (!o) o = &dflt;
    FILE *rep = o->report ? o->report : stderr;
    int grace = o->grace_ms > 0 ? o->grace_ms : 2000;
    char tmp[8];
    if (!why) {
        why = tmp;
        why_len = sizeof tmp;
    }
    why[0] = 0;
    opflags help;
    opflags_read_help(&help, exe, o->help_timeout_ms);
    char **active = calloc((size_t)n + 2, sizeof *active);
    if (!active) {
        opflags_free(&help);
        snprintf(why, why_len, "out of memory");
        return -1;
    }
    int na = 0;
    for (int i = 0; i < n; i++) {
        if (opflags_knows(&help, flags[i])) active[na++] = flags[i];
        else fprintf(rep, "bench: %s does not list %s in its --help; not passed\n", exe, flags[i]);
    }
    opflags_free(&help);
    pid_t result = -1;
    for (int attempt = 0; attempt <= n; attempt++) {
        char **argv = calloc((size_t)na + 2, sizeof *argv);
        if (!argv) {
            snprintf(why, why_len, "out of memory");
            break;
        }
        argv[0] = (char *)exe;
        for (int i = 0; i < na; i++) argv[i + 1] = active[i];
        fflush(NULL);
        double t0 = now_s();
        pid_t pid = fork();
        if (pid == 0) {
            int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
            int devnull = open("/dev/null", O_RDONLY);
            if (devnull >= 0) dup2(devnull, 0);
            if (fd >= 0) {
                dup2(fd, 1);
                dup2(fd, 2);
            }
            execv(exe, argv);
            _exit(127);
        }
        free(argv);
        if (pid < 0) {
            snprintf(why, why_len, "fork: %s", strerror(errno));
            break;
        }
        int status = 0;
        pid_t w = 0;
        double deadline = t0 + grace / 1000.0;
        while ((w = waitpid(pid, &status, WNOHANG)) == 0 && now_s() < deadline) usleep(20000);
        if (w == 0) { /* still running after the grace period: started */
            if (t_start) *t_start = t0;
            if (n_passed) *n_passed = na;
            for (int i = 0; passed && i < na; i++) passed[i] = active[i];
            result = pid;
            break;
        }
        char *text = read_log(log);
        char line[512];
        int k = text ? rejected_flag(text, active, na, line, sizeof line) : -1;
        if (k < 0) {
            char fl[400] = "";
            if (text) first_line(text, fl, sizeof fl);
            if (WIFEXITED(status))
                snprintf(why, why_len, "%s exited with status %d within %d ms: %s", exe, WEXITSTATUS(status),
                         grace, fl[0] ? fl : "(no output)");
            else
                snprintf(why, why_len, "%s was killed by signal %d within %d ms: %s", exe,
                         WIFSIGNALED(status) ? WTERMSIG(status) : 0, grace, fl[0] ? fl : "(no output)");
            free(text);
            break;
        }
        fprintf(rep, "bench: %s rejected %s (\"%s\"); starting it again without that flag\n", exe, active[k],
                line);
        free(text);
        for (int i = k; i + 1 < na; i++) active[i] = active[i + 1];
        na--;
    }
    free(active);
    return result;
}
