/*
 * test_eventfilter.c - the per-object Event spam filter: burst, refill,
 * independence of keys, and bounded memory. Times are explicit, no sleeps.
 */
#include "error.h"
#include "eventfilter.h"
#include "test.h"

#define SEC 1000000000LL

TEST(burst_then_refill)
{
    fm_event_filter *f = NULL;
    CHECK_FATAL(fm_event_filter_new(&f, 3, 1.0 / 10, 100) == 0);
    int64_t t = 1000 * SEC;
    CHECK(fm_event_filter_allow(f, "uid-a", t));
    CHECK(fm_event_filter_allow(f, "uid-a", t));
    CHECK(fm_event_filter_allow(f, "uid-a", t));
    CHECK(!fm_event_filter_allow(f, "uid-a", t));          /* burst spent */
    CHECK(!fm_event_filter_allow(f, "uid-a", t + 9 * SEC)); /* not yet a token */
    CHECK(fm_event_filter_allow(f, "uid-a", t + 10 * SEC)); /* one refilled */
    CHECK(!fm_event_filter_allow(f, "uid-a", t + 11 * SEC));
    /* Long quiet: refills to the burst, never beyond it. */
    int64_t later = t + 3600 * SEC;
    CHECK(fm_event_filter_allow(f, "uid-a", later));
    CHECK(fm_event_filter_allow(f, "uid-a", later));
    CHECK(fm_event_filter_allow(f, "uid-a", later));
    CHECK(!fm_event_filter_allow(f, "uid-a", later));
    fm_event_filter_free(f);
}

TEST(keys_are_independent)
{
    fm_event_filter *f = NULL;
    CHECK_FATAL(fm_event_filter_new(&f, 1, 1.0 / 300, 100) == 0);
    CHECK(fm_event_filter_allow(f, "flapper", 0));
    for (int i = 0; i < 1000; i++) CHECK(!fm_event_filter_allow(f, "flapper", i * SEC / 10));
    CHECK(fm_event_filter_allow(f, "quiet", 50 * SEC));
    CHECK_INT(fm_event_filter_len(f), 2);
    fm_event_filter_free(f);
}

TEST(memory_is_bounded)
{
    fm_event_filter *f = NULL;
    CHECK_FATAL(fm_event_filter_new(&f, 2, 1.0, 64) == 0);
    char key[32];
    for (int i = 0; i < 10000; i++) {
        snprintf(key, sizeof key, "uid-%d", i);
        CHECK(fm_event_filter_allow(f, key, (int64_t)i * SEC / 1000));
        CHECK(fm_event_filter_len(f) <= 64);
    }
    fm_event_filter_free(f);
}

TEST(bad_arguments)
{
    fm_event_filter *f = NULL;
    CHECK_INT(fm_event_filter_new(&f, 0, 1, 10), FM_EINVAL);
    CHECK_INT(fm_event_filter_new(&f, 1, 0, 10), FM_EINVAL);
    CHECK_INT(fm_event_filter_new(&f, 1, 1, 0), FM_EINVAL);
    CHECK(f == NULL);
    fm_event_filter_free(NULL);
}

int main(void)
{
    RUN(burst_then_refill);
    RUN(keys_are_independent);
    RUN(memory_is_bounded);
    RUN(bad_arguments);
    return test_summary();
}
