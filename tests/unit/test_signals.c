/*
 * test_signals.c - SIGTERM/SIGINT set the shutdown flag and wake pollers;
 * a second signal exits at once. Each case runs in a child process so the
 * handlers and the flag start fresh.
 */
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "signals.h"
#include "test.h"

/* Runs fn in a child; returns its wait status. */
static int in_child(int (*fn)(void))
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) _exit(fn());
    int st = 0;
    waitpid(pid, &st, 0);
    return st;
}

static int first_signal_sets_flag(void)
{
    if (fm_signals_setup() != 0) return 10;
    if (fm_signals_setup() != 0) return 11; /* idempotent */
    if (fm_signals_shutdown_requested()) return 12;
    if (fm_signals_wait(20)) return 13; /* times out */
    kill(getpid(), SIGTERM);
    if (!fm_signals_shutdown_requested()) return 14;
    if (fm_signals_received() != SIGTERM) return 15;
    if (!*fm_signals_flag()) return 16;
    struct pollfd p = {.fd = fm_signals_fd(), .events = POLLIN};
    if (poll(&p, 1, 1000) != 1) return 17;
    if (!fm_signals_wait(-1)) return 18;
    return 0;
}

static void *waiter(void *arg)
{
    *(int *)arg = fm_signals_wait(5000) ? 1 : 2;
    return NULL;
}

static int sigint_wakes_waiting_thread(void)
{
    if (fm_signals_setup() != 0) return 10;
    int result = 0;
    pthread_t t;
    pthread_create(&t, NULL, waiter, &result);
    usleep(20000);
    kill(getpid(), SIGINT);
    pthread_join(t, NULL);
    if (result != 1) return 11;
    if (fm_signals_received() != SIGINT) return 12;
    return 0;
}

static int second_signal_exits_now(void)
{
    if (fm_signals_setup() != 0) return 10;
    kill(getpid(), SIGTERM);
    kill(getpid(), SIGTERM);
    return 20; /* not reached: the second signal _exits with 128+15 */
}

static int request_in_code(void)
{
    if (fm_signals_setup() != 0) return 10;
    fm_signals_request_shutdown();
    fm_signals_request_shutdown();
    if (!fm_signals_wait(0)) return 11;
    if (fm_signals_received() != 0) return 12;
    /* A signal after a requested shutdown is a "second" one. */
    kill(getpid(), SIGINT);
    return 20;
}

static int sigpipe_ignored(void)
{
    if (fm_signals_setup() != 0) return 10;
    int fds[2];
    if (pipe(fds) != 0) return 11;
    close(fds[0]);
    if (write(fds[1], "x", 1) != -1) return 12; /* EPIPE, not death */
    return 0;
}

TEST(test_signals)
{
    int st = in_child(first_signal_sets_flag);
    CHECK(WIFEXITED(st));
    CHECK_INT(WEXITSTATUS(st), 0);
    st = in_child(sigint_wakes_waiting_thread);
    CHECK(WIFEXITED(st));
    CHECK_INT(WEXITSTATUS(st), 0);
    st = in_child(second_signal_exits_now);
    CHECK(WIFEXITED(st));
    CHECK_INT(WEXITSTATUS(st), 128 + SIGTERM);
    st = in_child(request_in_code);
    CHECK(WIFEXITED(st));
    CHECK_INT(WEXITSTATUS(st), 128 + SIGINT);
    st = in_child(sigpipe_ignored);
    CHECK(WIFEXITED(st));
    CHECK_INT(WEXITSTATUS(st), 0);
}

int main(void)
{
    RUN(test_signals);
    return test_summary();
}
