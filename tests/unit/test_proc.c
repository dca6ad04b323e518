/*
 * test_proc.c - the process runner: exit status, capture and caps, stdin,
 * deadlines, cancel with and without grace, stragglers killed with the
 * group, and a program that does not exist.
 */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "proc.h"
#include "test.h"

static int sh(fm_proc_result *r, const char *script, void (*tweak)(fm_proc_spec *))
{
    char *argv[] = {(char *)"sh", (char *)"-c", (char *)script, NULL};
    fm_proc_spec s = FM_PROC_SPEC_INIT;
    s.path = "sh";
    s.argv = argv;
    s.deadline_ns = fm_clock_now(NULL) + 20 * FM_NSEC_PER_SEC;
    if (tweak) tweak(&s);
    return fm_proc_run(r, &s);
}

TEST(exit_and_capture)
{
    fm_proc_result r;
    CHECK_INT(sh(&r, "echo out; echo err >&2; exit 3", NULL), 0);
    CHECK(r.exited);
    CHECK_INT(r.exit_code, 3);
    CHECK_INT(r.out.len, 4);
    CHECK(r.out.data && memcmp(r.out.data, "out\n", 4) == 0);
    CHECK(r.err.data && memcmp(r.err.data, "err\n", 4) == 0);
    CHECK(!r.timed_out && !r.cancelled && !r.over_cap && !r.killed);
    fm_proc_result_free(&r);

    CHECK_INT(sh(&r, "kill -9 $$", NULL), 0);
    CHECK(!r.exited);
    CHECK_INT(r.term_signal, SIGKILL);
    fm_proc_result_free(&r);
}

static const char big_in[] = "hello from stdin\n";
static void with_stdin(fm_proc_spec *s)
{
    s->stdin_data = big_in;
    s->stdin_len = sizeof(big_in) - 1;
}

TEST(stdin_data)
{
    fm_proc_result r;
    CHECK_INT(sh(&r, "cat", with_stdin), 0);
    CHECK_INT(r.exit_code, 0);
    CHECK_INT(r.out.len, sizeof(big_in) - 1);
    fm_proc_result_free(&r);
    /* A child that never reads its stdin: no SIGPIPE for us, no hang. */
    CHECK_INT(sh(&r, "exec 0<&-; echo done", with_stdin), 0);
    CHECK_INT(r.exit_code, 0);
    fm_proc_result_free(&r);
}

static void small_cap(fm_proc_spec *s) { s->max_output = 1000; }

TEST(output_cap_kills)
{
    fm_proc_result r;
    int64_t t0 = fm_clock_now(NULL);
    CHECK_INT(sh(&r, "while :; do echo xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; done", small_cap), 0);
    CHECK(r.over_cap);
    CHECK(r.killed);
    CHECK(r.out.len <= 1000);
    CHECK(fm_clock_now(NULL) - t0 < 5 * FM_NSEC_PER_SEC);
    fm_proc_result_free(&r);
}

static void short_deadline(fm_proc_spec *s) { s->deadline_ns = fm_clock_now(NULL) + 200 * FM_NSEC_PER_MSEC; }

TEST(deadline)
{
    fm_proc_result r;
    CHECK_INT(sh(&r, "sleep 30", short_deadline), 0);
    CHECK(r.timed_out);
    CHECK_INT(r.term_signal, SIGKILL);
    CHECK(r.elapsed_ns < 5 * FM_NSEC_PER_SEC);
    fm_proc_result_free(&r);
}

static int cancel_pipe[2];
static void with_cancel(fm_proc_spec *s)
{
    s->cancel_fd = cancel_pipe[0];
    s->grace_ns = 300 * FM_NSEC_PER_MSEC;
}

/* Cancels 300 ms from now: time for the shell to set its traps. */
static void *cancel_later(void *ud)
{
    (void)ud;
    usleep(300000);
    if (write(cancel_pipe[1], "x", 1) != 1) abort();
    return NULL;
}

TEST(cancel_with_grace)
{
    CHECK_FATAL(pipe(cancel_pipe) == 0);
    pthread_t th;
    pthread_create(&th, NULL, cancel_later, NULL);
    fm_proc_result r;
    /* SIGTERM reaches the shell, which handles it and exits 7. */
    CHECK_INT(sh(&r, "trap 'exit 7' TERM; while :; do sleep 0.05; done", with_cancel), 0);
    pthread_join(th, NULL);
    CHECK(r.cancelled);
    CHECK(r.exited);
    CHECK_INT(r.exit_code, 7);
    CHECK(r.elapsed_ns < 4 * FM_NSEC_PER_SEC);
    fm_proc_result_free(&r);
    /* One that ignores SIGTERM is killed when the grace ends. */
    char x;
    CHECK_INT(read(cancel_pipe[0], &x, 1), 1);
    pthread_create(&th, NULL, cancel_later, NULL);
    CHECK_INT(sh(&r, "trap '' TERM; sleep 30 & wait", with_cancel), 0);
    pthread_join(th, NULL);
    CHECK_INT(r.term_signal, SIGKILL);
    CHECK(r.cancelled);
    CHECK(r.killed);
    close(cancel_pipe[0]);
    close(cancel_pipe[1]);
    fm_proc_result_free(&r);
}

static void linger(fm_proc_spec *s) { s->linger_ns = 200 * FM_NSEC_PER_MSEC; }

TEST(stragglers_die_with_the_group)
{
    /* The shell exits at once; a daemonizing grandchild (double fork, no
     * setsid) keeps stdout open. It is killed with the group after the
     * linger, and its pid is gone afterwards. */
    fm_proc_result r;
    CHECK_INT(sh(&r, "( (sleep 30; echo late) & echo $! ) ; exit 0", linger), 0);
    CHECK(r.exited);
    CHECK_INT(r.exit_code, 0);
    CHECK(r.killed);
    CHECK(r.elapsed_ns < 5 * FM_NSEC_PER_SEC);
    CHECK(r.out.data != NULL);
    if (r.out.data) {
        fm_buf_put(&r.out, "", 1);
        pid_t bg = (pid_t)atoi(r.out.data);
        CHECK(bg > 0);
        /* killed: gone, or a zombie its new parent has not reaped yet */
        usleep(100000);
        char path[64], st[256] = "";
        snprintf(path, sizeof(path), "/proc/%d/stat", (int)bg);
        FILE *f = fopen(path, "r");
        if (f) {
            if (!fgets(st, sizeof(st), f)) st[0] = 0;
            fclose(f);
        }
        const char *rp = strrchr(st, ')');
        CHECK(!f || (rp && rp[1] == ' ' && rp[2] == 'Z'));
    }
    fm_proc_result_free(&r);
}

static int seen;
static int count_out(void *ud, int stream, const char *d, size_t n)
{
    (void)ud;
    (void)d;
    CHECK_INT(stream, 1);
    seen += (int)n;
    return 0;
}
static void merged(fm_proc_spec *s)
{
    s->merge_stderr = true;
    s->on_output = count_out;
}

TEST(merged_callback)
{
    fm_proc_result r;
    seen = 0;
    CHECK_INT(sh(&r, "echo a; echo b >&2", merged), 0);
    CHECK_INT(seen, 4);
    CHECK_INT(r.out.len, 0);
    fm_proc_result_free(&r);
}

TEST(missing_program)
{
    char *argv[] = {(char *)"no-such-program-xyz", NULL};
    fm_proc_spec s = FM_PROC_SPEC_INIT;
    s.path = "no-such-program-xyz";
    s.argv = argv;
    fm_proc_result r;
    CHECK_INT(fm_proc_run(&r, &s), FM_EIO);
    CHECK_CONTAINS(fm_error_last()->message, "cannot run");
    fm_proc_result_free(&r);
}

/* new_session: the child leads a session (field 6 of /proc/PID/stat is
 * the session id) and the group is still the one signalled; child_keep_fd
 * arrives as fd 3 while other fds are closed. */
static int keep_fd = -1;
static void session_and_keep(fm_proc_spec *s)
{
    s->new_session = true;
    s->child_keep_fd = keep_fd;
}

TEST(new_session_and_kept_fd)
{
    int p[2];
    CHECK_INT(pipe2(p, O_CLOEXEC), 0);
    keep_fd = p[1];
    fm_proc_result r;
    CHECK_INT(sh(&r, "set -- $(cat /proc/$$/stat); [ \"$6\" = \"$$\" ] && echo leader; echo kept >&3; "
                     "[ -e /proc/self/fd/4 ] || echo closed",
                 session_and_keep),
              0);
    close(p[1]);
    CHECK(r.out.data && strcmp(r.out.data, "leader\nclosed\n") == 0);
    fm_proc_result_free(&r);
    char buf[64] = "";
    ssize_t n = read(p[0], buf, sizeof(buf) - 1);
    CHECK(n == 5 && memcmp(buf, "kept\n", 5) == 0);
    close(p[0]);
}

int main(void)
{
    RUN(exit_and_capture);
    RUN(stdin_data);
    RUN(output_cap_kills);
    RUN(deadline);
    RUN(cancel_with_grace);
    RUN(stragglers_die_with_the_group);
    RUN(merged_callback);
    RUN(missing_program);
    RUN(new_session_and_kept_fd);
    return test_summary();
}
