/*
 * test_opflags.c - the benchmark starts operator binaries whose flags differ
 * (opflags.h). Each case writes a small fake operator (a shell script) that
 * knows, lists or rejects flags in its own way, starts it through
 * opflags_start() and checks with which flags it ended up running.
 * Label `unit`; about 2 s.
 */
#include "test.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "opflags.h"

static char dir[256];

/* Writes an executable script dir/name with body (after the #! line); every
 * run appends its arguments to dir/name.args. */
static void fake(char *exe, size_t cap, const char *name, const char *body)
{
    snprintf(exe, cap, "%s/%s", dir, name);
    FILE *f = fopen(exe, "w");
    if (!f) return;
    fprintf(f, "#!/bin/sh\necho \"$*\" >> '%s.args'\n%s\n", exe, body);
    fclose(f);
    chmod(exe, 0755);
}

/* The arguments of the fake's last run. */
static void last_args(const char *exe, char *out, size_t cap)
{
    char path[420], line[1024];
    snprintf(path, sizeof path, "%s.args", exe);
    out[0] = 0;
    FILE *f = fopen(path, "r");
    if (!f) return;
    while (fgets(line, sizeof line, f)) snprintf(out, cap, "%s", line);
    fclose(f);
    out[strcspn(out, "\n")] = 0;
}

static void stop(pid_t pid)
{
    if (pid > 0) {
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
    }
}

static char *flags3[] = {"--kube-api-qps=0", "--metrics-bind-address=0", "--health-probe-bind-address=0"};

static pid_t start(const char *exe, char *const *flags, int n, int *passed, char *why, size_t wl)
{
    char log[420];
    snprintf(log, sizeof log, "%s.log", exe);
    opflags_start_opts o = {.help_timeout_ms = 1000, .grace_ms = 300, .report = stderr};
    double t = 0;
    char *used[8];
    int nu = -1;
    pid_t pid = opflags_start(exe, flags, n, log, &o, &t, used, &nu, why, wl);
    if (pid > 0) {
        /* passed[] holds what the fake got, in order */
        char joined[512] = "", got[1024];
        for (int i = 0; i < nu; i++)
            snprintf(joined + strlen(joined), sizeof joined - strlen(joined), "%s%s", i ? " " : "", used[i]);
        usleep(50000); /* the fake writes its arguments first thing */
        last_args(exe, got, sizeof got);
        CHECK_STR(joined, got);
        CHECK(t > 0);
    }
    if (passed) *passed = nu;
    return pid;
}

TEST(help_parsing)
{
    char exe[400];
    fake(exe, sizeof exe, "help", "echo 'Usage of op:'\n"
                                  "echo '  -kube-api-qps string'\n"
                                  "echo '    \tQPS (default \"0\")'\n"
                                  "echo '  -v, --verbose=LEVEL  more logs'\n"
                                  "echo '--record-events[=BOOL]'\n"
                                  "echo '- not a flag; --- neither'\n");
    opflags o;
    opflags_read_help(&o, exe, 1000);
    CHECK_INT(o.n_known, 4);
    CHECK(opflags_knows(&o, "--kube-api-qps=0"));
    CHECK(opflags_knows(&o, "-kube-api-qps"));
    CHECK(opflags_knows(&o, "-v=2"));
    CHECK(opflags_knows(&o, "--verbose"));
    CHECK(opflags_knows(&o, "--record-events=false"));
    CHECK(!opflags_knows(&o, "--kube-api"));
    CHECK(!opflags_knows(&o, "--qps"));
    CHECK(!opflags_knows(&o, "--metrics-bind-address=0"));
    opflags_free(&o);
}

/* The help lists two of the three flags: the third is never passed. */
TEST(dropped_by_help)
{
    char exe[400], args[1024];
    fake(exe, sizeof exe, "listed", "case \" $* \" in *' --help '*)\n"
                                    "  echo '  -kube-api-qps string'; echo '  -metrics-bind-address string'; exit 0;;\n"
                                    "esac\nexec sleep 30");
    int passed = -1;
    pid_t pid = start(exe, flags3, 3, &passed, NULL, 0);
    CHECK(pid > 0);
    CHECK_INT(passed, 2);
    last_args(exe, args, sizeof args);
    CHECK_STR(args, "--kube-api-qps=0 --metrics-bind-address=0");
    stop(pid);
}

/* No usable --help; the binary exits on flags it does not know, Go style
 * (with a usage listing that names flags it does know) and pflag style. */
TEST(dropped_after_exit)
{
    char exe[400], args[1024];
    fake(exe, sizeof exe, "rejects",
         "for a in \"$@\"; do case \"$a\" in\n"
         "  --help) echo 'flag provided but not defined: -help' >&2; exit 2;;\n"
         "  --kube-api-qps*) echo 'flag provided but not defined: -kube-api-qps' >&2;\n"
         "    echo 'Usage of op:' >&2; echo '  -metrics-bind-address string' >&2;\n"
         "    echo '  -health-probe-bind-address string' >&2; exit 2;;\n"
         "  --health-probe-bind-address*) echo 'Error: unknown flag: --health-probe-bind-address' >&2; exit 1;;\n"
         "esac; done\nexec sleep 30");
    int passed = -1;
    pid_t pid = start(exe, flags3, 3, &passed, NULL, 0);
    CHECK(pid > 0);
    CHECK_INT(passed, 1);
    last_args(exe, args, sizeof args);
    CHECK_STR(args, "--metrics-bind-address=0");
    /* still running with what it accepted */
    CHECK(pid > 0 && kill(pid, 0) == 0);
    stop(pid);
}

/* GNU getopt's "unrecognized option '--x=0'" and a flag whose value the
 * binary refuses, named in the error line. */
TEST(other_error_styles)
{
    char exe[400], args[1024];
    fake(exe, sizeof exe, "gnu",
         "for a in \"$@\"; do case \"$a\" in\n"
         "  --help) exit 0;;\n"
         "  --metrics-bind-address=0) echo \"op: unrecognized option '--metrics-bind-address=0'\" >&2; exit 1;;\n"
         "  --kube-api-qps=0) echo 'invalid value \"0\" for flag -kube-api-qps: want > 0' >&2; exit 2;;\n"
         "esac; done\nexec sleep 30");
    int passed = -1;
    pid_t pid = start(exe, flags3, 3, &passed, NULL, 0);
    CHECK(pid > 0);
    CHECK_INT(passed, 1);
    last_args(exe, args, sizeof args);
    CHECK_STR(args, "--health-probe-bind-address=0");
    stop(pid);
}

/* A binary that ignores --help and starts running is stopped after the
 * help timeout; the start goes on with every flag. */
TEST(help_that_hangs)
{
    char exe[400], args[1024];
    fake(exe, sizeof exe, "hangs", "exec sleep 30");
    int passed = -1;
    pid_t pid = start(exe, flags3, 3, &passed, NULL, 0);
    CHECK(pid > 0);
    CHECK_INT(passed, 3);
    last_args(exe, args, sizeof args);
    CHECK_STR(args, "--kube-api-qps=0 --metrics-bind-address=0 --health-probe-bind-address=0");
    stop(pid);
}

/* An early exit that names none of the flags fails the start, with the
 * reason, after one try. */
TEST(fails_for_another_reason)
{
    char exe[400], why[512], path[420];
    fake(exe, sizeof exe, "broken", "case \" $* \" in *' --help '*) exit 0;; esac\n"
                                    "echo 'cannot reach the API server: connection refused' >&2; exit 1");
    pid_t pid = start(exe, flags3, 3, NULL, why, sizeof why);
    CHECK(pid < 0);
    CHECK_CONTAINS(why, "status 1");
    CHECK_CONTAINS(why, "connection refused");
    /* one run besides --help */
    snprintf(path, sizeof path, "%s.args", exe);
    FILE *f = fopen(path, "r");
    int lines = 0;
    char line[1024];
    while (f && fgets(line, sizeof line, f)) lines++;
    if (f) fclose(f);
    CHECK_INT(lines, 2);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/test-opflags-XXXXXX");
    if (!mkdtemp(dir)) return 1;
    RUN(help_parsing);
    RUN(dropped_by_help);
    RUN(dropped_after_exit);
    RUN(other_error_styles);
    RUN(help_that_hangs);
    RUN(fails_for_another_reason);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    return test_summary();
}
