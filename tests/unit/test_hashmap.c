/*
 * test_hashmap.c - the runtime's string hash table against a trivially
 * correct reference (a flat array) under 200,000 random operations, so
 * backward-shift deletion and growth are exercised on crowded clusters;
 * plus the fake and real clocks the queue and informer wait on.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "clock.h"
#include "error.h"
#include "hashmap.h"
#include "test.h"

#define NKEYS 3000

TEST(test_random_ops_match_reference)
{
    static char keys[NKEYS][16];
    static void *ref[NKEYS]; /* value per key, NULL = absent */
    for (int i = 0; i < NKEYS; i++) snprintf(keys[i], sizeof(keys[i]), "k%d", i);
    fm_hashmap m = FM_HASHMAP_INIT;
    size_t live = 0;
    int mismatches = 0;
    srand(7);
    for (int op = 0; op < 200000; op++) {
        int i = rand() % NKEYS;
        int what = rand() % 3;
        if (what == 0) {
            void *v = (void *)(uintptr_t)(op + 1);
            void *old = NULL;
            CHECK_FATAL(fm_hashmap_put(&m, keys[i], v, &old) == 0);
            if (old != ref[i]) mismatches++;
            if (!ref[i]) live++;
            ref[i] = v;
        } else if (what == 1) {
            void *v = fm_hashmap_remove(&m, keys[i]);
            if (v != ref[i]) mismatches++;
            if (ref[i]) live--;
            ref[i] = NULL;
        } else {
            if (fm_hashmap_get(&m, keys[i]) != ref[i]) mismatches++;
        }
        if (m.len != live) mismatches++;
    }
    /* Full sweep: every key, and iteration visits exactly the live ones. */
    for (int i = 0; i < NKEYS; i++)
        if (fm_hashmap_get(&m, keys[i]) != ref[i]) mismatches++;
    size_t it = 0, seen = 0;
    const char *k;
    void *v;
    while (fm_hashmap_next(&m, &it, &k, &v)) {
        seen++;
        int i = atoi(k + 1);
        if (ref[i] != v) mismatches++;
    }
    CHECK_INT(seen, live);
    CHECK_INT(mismatches, 0);
    CHECK(fm_hashmap_bytes(&m) >= live * sizeof(fm_hashmap_slot));
    fm_hashmap_clear(&m);
    CHECK_INT(m.len, 0);
    CHECK(fm_hashmap_get(&m, "k1") == NULL);
    CHECK(fm_hashmap_remove(&m, "k1") == NULL);
}

TEST(test_reserve_and_replace_key_pointer)
{
    fm_hashmap m = FM_HASHMAP_INIT;
    CHECK_INT(fm_hashmap_reserve(&m, 1000), 0);
    size_t cap = m.cap;
    char a[] = "same", b[] = "same";
    int x, y;
    CHECK_INT(fm_hashmap_put(&m, a, &x, NULL), 0);
    void *old = NULL;
    CHECK_INT(fm_hashmap_put(&m, b, &y, &old), 0);
    CHECK(old == &x);
    CHECK_INT(m.len, 1);
    /* The stored key is now b: a may go away. */
    const char *k = NULL;
    size_t it = 0;
    CHECK(fm_hashmap_next(&m, &it, &k, NULL));
    CHECK(k == b);
    char key[16];
    for (int i = 0; i < 700; i++) {
        snprintf(key, sizeof(key), "%d", i);
        fm_hashmap_put(&m, fm_strdup(key), &x, NULL);
    }
    CHECK_INT(m.cap, cap); /* reserved room: no rehash */
    it = 0;
    while (fm_hashmap_next(&m, &it, &k, NULL))
        if (k != b) free((char *)k);
    fm_hashmap_clear(&m);
    /* Different seeds per map, same hash for the same seed. */
    CHECK(fm_hashmap_hash("abc", 3, 1) == fm_hashmap_hash("abc", 3, 1));
    CHECK(fm_hashmap_hash("abc", 3, 1) != fm_hashmap_hash("abc", 3, 2));
}

/* A full table doubles (never fourfold), and one that empties below 1/8
 * shrinks to about 1/4 full, every key still found. */
TEST(test_grow_doubles_and_shrinks)
{
    enum { N = 20000, KEEP = 100 };
    static char keys[N][16];
    fm_hashmap m = FM_HASHMAP_INIT;
    size_t prev = 0;
    for (int i = 0; i < N; i++) {
        snprintf(keys[i], sizeof keys[i], "k%d", i);
        CHECK_INT(fm_hashmap_put(&m, keys[i], keys[i], NULL), 0);
        if (m.cap != prev) {
            if (prev) CHECK_INT(m.cap, prev * 2);
            prev = m.cap;
        }
        CHECK(m.len <= m.cap - m.cap / 4);
    }
    CHECK(m.cap < (size_t)N * 8 / 3 + 1); /* more than 3/8 full after the last growth */
    for (int i = KEEP; i < N; i++) CHECK(fm_hashmap_remove(&m, keys[i]) == keys[i]);
    CHECK_INT(m.len, KEEP);
    CHECK(m.cap <= 512); /* 100 keys: at most about 1/4 full, never under 1/8 */
    CHECK(m.len >= m.cap / 8);
    for (int i = 0; i < N; i++) CHECK(fm_hashmap_get(&m, keys[i]) == (i < KEEP ? keys[i] : NULL));
    for (int i = 0; i < KEEP; i++) CHECK(fm_hashmap_remove(&m, keys[i]) == keys[i]);
    CHECK_INT(m.len, 0);
    CHECK(m.cap <= 64);
    fm_hashmap_clear(&m);
}

TEST(test_fake_clock)
{
    fm_clock *c = NULL;
    CHECK_FATAL(fm_clock_fake_new(&c, 5, (fm_time){0, 0}) == 0);
    CHECK(fm_clock_is_fake(c));
    CHECK(!fm_clock_is_fake(fm_clock_real()));
    CHECK_INT(fm_clock_now(c), 5);
    fm_time w = fm_clock_wall(c);
    CHECK_INT(w.sec, 1704067200);
    fm_clock_fake_advance(c, 1500 * FM_NSEC_PER_MSEC);
    fm_clock_fake_advance(c, -7); /* never backwards */
    CHECK_INT(fm_clock_now(c), 5 + 1500 * FM_NSEC_PER_MSEC);
    w = fm_clock_wall(c);
    CHECK_INT(w.sec, 1704067201);
    CHECK_INT(w.nsec, 500000000);
    fm_clock_fake_advance(c, 600 * FM_NSEC_PER_MSEC);
    w = fm_clock_wall(c);
    CHECK_INT(w.sec, 1704067202);
    CHECK_INT(w.nsec, 100000000);
    fm_clock_free(c);
    fm_clock_free(fm_clock_real()); /* ignored */
    fm_clock_free(NULL);
}

typedef struct sleeper {
    fm_clock *c;
    atomic_int stop;
    atomic_int done;
    int rc;
} sleeper;

static void *sleep_main(void *arg)
{
    sleeper *s = arg;
    s->rc = fm_clock_sleep(s->c, 10 * FM_NSEC_PER_SEC, &s->stop);
    atomic_store(&s->done, 1);
    return NULL;
}

TEST(test_sleep_on_fake_clock_and_cancel)
{
    fm_clock *c = NULL;
    fm_clock_fake_new(&c, 0, (fm_time){0, 0});
    static sleeper s;
    memset(&s, 0, sizeof(s));
    s.c = c;
    pthread_t t;
    pthread_create(&t, NULL, sleep_main, &s);
    usleep(20000);
    fm_clock_fake_advance(c, 9 * FM_NSEC_PER_SEC);
    usleep(20000);
    CHECK_INT(atomic_load(&s.done), 0);
    fm_clock_fake_advance(c, 1 * FM_NSEC_PER_SEC);
    for (int i = 0; i < 200 && !atomic_load(&s.done); i++) usleep(5000);
    pthread_join(t, NULL);
    CHECK_INT(s.rc, 0);

    /* A stop flag ends a sleep early, fake or real clock. */
    memset(&s, 0, sizeof(s));
    s.c = fm_clock_real();
    pthread_create(&t, NULL, sleep_main, &s);
    usleep(20000);
    fm_clock_stop_store(&s.stop, 1);
    for (int i = 0; i < 200 && !atomic_load(&s.done); i++) usleep(5000);
    CHECK_INT(atomic_load(&s.done), 1); /* woken, not the 10 s run out */
    pthread_join(t, NULL);
    CHECK_INT(s.rc, FM_ECANCELED);

    /* The same on the fake clock, which never moves here. */
    memset(&s, 0, sizeof(s));
    s.c = c;
    pthread_create(&t, NULL, sleep_main, &s);
    usleep(20000);
    fm_clock_stop_store(&s.stop, 1);
    for (int i = 0; i < 200 && !atomic_load(&s.done); i++) usleep(5000);
    CHECK_INT(atomic_load(&s.done), 1);
    pthread_join(t, NULL);
    CHECK_INT(s.rc, FM_ECANCELED);
    fm_clock_free(c);
}

int main(void)
{
    RUN(test_random_ops_match_reference);
    RUN(test_reserve_and_replace_key_pointer);
    RUN(test_grow_doubles_and_shrinks);
    RUN(test_fake_clock);
    RUN(test_sleep_on_fake_clock_and_cancel);
    return test_summary();
}
