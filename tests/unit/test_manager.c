/*
 * test_manager.c - the controller manager's order (manager.h): runnables
 * start in the order added and stop in reverse; a start failure stops the
 * run; events reach the program's hook. No API server: no informers, no
 * election.
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "manager.h"
#include "signals.h"
#include "test.h"

static char trace[64];
static int events[16];

static void note(char c)
{
    size_t n = strlen(trace);
    if (n + 1 < sizeof trace) trace[n] = c;
}

static int start_a(void *ud) { note('A'); return 0; }
static int start_b(void *ud) { note('B'); return 0; }
static int start_last(void *ud)
{
    note('C');
    fm_signals_request_shutdown(); /* the run's wait ends at once */
    return 0;
}
static int start_fail(void *ud) { note('F'); return fm_error_set(FM_ERROR, "no"); }
static void stop_a(void *ud) { note('a'); }
static void stop_b(void *ud) { note('b'); }
static void stop_c(void *ud) { note('c'); }

static void on_event(void *ud, fm_manager_event ev, const char *detail)
{
    if (ev > 0 && ev < 16) events[ev]++;
}

TEST(order_start_forward_stop_reverse)
{
    memset(trace, 0, sizeof trace);
    memset(events, 0, sizeof events);
    fm_manager_options o = {.on_event = on_event};
    fm_manager *m = NULL;
    CHECK_FATAL(fm_manager_new(&m, &o) == 0);
    CHECK_INT(fm_manager_add_runnable(m, start_a, stop_a, NULL), 0);
    CHECK_INT(fm_manager_add_runnable(m, start_b, stop_b, NULL), 0);
    CHECK_INT(fm_manager_add_runnable(m, start_last, stop_c, NULL), 0);
    CHECK(fm_manager_client(m) == NULL);
    CHECK(fm_manager_synced(m));
    CHECK_INT(fm_manager_run(m), 0);
    CHECK_STR(trace, "ABC");
    CHECK_INT(events[FM_MANAGER_STARTED], 1);
    CHECK_INT(events[FM_MANAGER_STOPPING], 1);
    fm_manager_stop(m);
    CHECK_STR(trace, "ABCcba");
    fm_manager_stop(m); /* idempotent */
    CHECK_STR(trace, "ABCcba");
    fm_manager_free(m);
}

TEST(start_failure_stops_what_started)
{
    memset(trace, 0, sizeof trace);
    fm_manager_options o = {0};
    fm_manager *m = NULL;
    CHECK_FATAL(fm_manager_new(&m, &o) == 0);
    CHECK_INT(fm_manager_add_runnable(m, start_a, stop_a, NULL), 0);
    CHECK_INT(fm_manager_add_runnable(m, start_fail, stop_b, NULL), 0);
    CHECK_INT(fm_manager_run(m), FM_ERROR);
    fm_manager_free(m);
    CHECK_STR(trace, "AFa");
}

int main(void)
{
    RUN(order_start_forward_stop_reverse);
    RUN(start_failure_stops_what_started);
    return test_summary();
}
