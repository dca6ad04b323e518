/*
 * signals.c - shutdown flag and eventfd driven by SIGTERM/SIGINT (see
 * signals.h).
 */
#include "signals.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "error.h"

static atomic_int shutdown_flag;
static atomic_int received;
static int event_fd = -1;
static pthread_mutex_t setup_mu = PTHREAD_MUTEX_INITIALIZER;

/* Wakes pollers of fm_signals_fd(); async-signal-safe. The eventfd counter
 * only grows, so the descriptor stays readable for every poller. */
static void notify(void)
{
    int fd = event_fd;
    if (fd >= 0) {
        uint64_t one = 1;
        ssize_t n = write(fd, &one, sizeof(one));
        (void)n;
    }
}

static void on_signal(int sig)
{
    int saved = errno;
    if (atomic_exchange(&shutdown_flag, 1)) _exit(128 + sig); /* second signal */
    atomic_store(&received, sig);
    notify();
    errno = saved;
}

int fm_signals_setup(void)
{
    int rc = 0;
    pthread_mutex_lock(&setup_mu);
    if (event_fd < 0) {
        event_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (event_fd < 0) {
            rc = fm_error_set(FM_EIO, "signals: eventfd: %s", strerror(errno));
            goto done;
        }
        struct sigaction sa;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0) {
            rc = fm_error_set(FM_EIO, "signals: sigaction: %s", strerror(errno));
            goto done;
        }
        signal(SIGPIPE, SIG_IGN);
        /* A shutdown requested before setup still wakes pollers. */
        if (atomic_load(&shutdown_flag)) notify();
    }
done:
    pthread_mutex_unlock(&setup_mu);
    return rc;
}

bool fm_signals_shutdown_requested(void)
{
    return atomic_load(&shutdown_flag) != 0;
}

const atomic_int *fm_signals_flag(void)
{
    return &shutdown_flag;
}

int fm_signals_fd(void)
{
    return event_fd;
}

int fm_signals_received(void)
{
    return atomic_load(&received);
}

void fm_signals_request_shutdown(void)
{
    if (!atomic_exchange(&shutdown_flag, 1)) notify();
}

bool fm_signals_wait(int64_t timeout_ms)
{
    if (fm_signals_shutdown_requested()) return true;
    if (event_fd < 0) {
        /* No descriptor (setup not called): poll the flag. */
        for (int64_t waited = 0; timeout_ms < 0 || waited < timeout_ms; waited += 10) {
            if (fm_signals_shutdown_requested()) return true;
            usleep(10000);
        }
        return fm_signals_shutdown_requested();
    }
    struct pollfd p = {.fd = event_fd, .events = POLLIN};
    int t = timeout_ms < 0 ? -1 : (timeout_ms > INT32_MAX ? INT32_MAX : (int)timeout_ms);
    int n;
    do {
        n = poll(&p, 1, t);
    } while (n < 0 && errno == EINTR && !fm_signals_shutdown_requested());
    return fm_signals_shutdown_requested();
}
