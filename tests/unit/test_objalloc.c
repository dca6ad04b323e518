/*
 * test_objalloc.c - the slabs and the intern table behind cached objects
 * (objalloc.h), and fm_codec_pack/fm_codec_object_free on top of them.
 */
#include <pthread.h>
#include <stdint.h>

#include "codec.h"
#include "foreman_v1alpha1.h"
#include "objalloc.h"
#include "test.h"

/* Under ASan (or FOREMAN_OBJALLOC=off) objalloc is off: callers use malloc. */
static bool on(void)
{
    void *p = fm_objalloc_alloc(64);
    if (!p) return false;
    fm_objalloc_free(p);
    return true;
}

TEST(test_blocks_and_classes)
{
    if (!on()) return;
    fm_objalloc_stats s0, s1;
    fm_objalloc_get_stats(&s0);
    static const size_t sizes[] = {1, 31, 32, 33, 1000, 1024, 1025, 1150, 4096, 4097, 16384};
    void *p[sizeof sizes / sizeof sizes[0]];
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        p[i] = fm_objalloc_alloc(sizes[i]);
        CHECK_FATAL(p[i] != NULL);
        CHECK(fm_objalloc_owns(p[i]));
        CHECK(((uintptr_t)p[i] & 7) == 0);
        size_t bs = fm_objalloc_block_size(p[i]);
        CHECK(bs >= sizes[i]);
        CHECK(bs <= sizes[i] + (sizes[i] <= 1024 ? 31 : sizes[i] <= 4096 ? 63 : 255));
        memset(p[i], 0xab, sizes[i]);
    }
    CHECK(fm_objalloc_alloc(0) == NULL);
    CHECK(fm_objalloc_alloc(FM_OBJALLOC_MAX + 1) == NULL);
    int local = 0;
    void *heap = malloc(16);
    CHECK(!fm_objalloc_owns(&local));
    CHECK(!fm_objalloc_owns(heap));
    free(heap);
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) fm_objalloc_free(p[i]);
    fm_objalloc_get_stats(&s1);
    CHECK_INT(s1.blocks, s0.blocks);
    CHECK_INT(s1.slabs, s0.slabs); /* every slab emptied went back */
}

/* Versions that grow: the freed slots of one class are reused by that
 * class, and a class whose objects all went gives its slabs back. */
TEST(test_slabs_come_back)
{
    if (!on()) return;
    enum { N = 3000 };
    static void *v1[N], *v2[N];
    fm_objalloc_stats s0, s1, s2;
    fm_objalloc_get_stats(&s0);
    for (int i = 0; i < N; i++) {
        v1[i] = fm_objalloc_alloc(1020);
        CHECK_FATAL(v1[i] != NULL);
        memset(v1[i], i & 0xff, 1020);
    }
    for (int i = 0; i < N; i++) { /* each replaced by a bigger version */
        v2[i] = fm_objalloc_alloc(1150);
        CHECK_FATAL(v2[i] != NULL);
        memset(v2[i], 0x5a, 1150);
        fm_objalloc_free(v1[i]);
    }
    fm_objalloc_get_stats(&s1);
    /* only the 1150-byte class holds slabs now: ceil(3000 / 56) of them */
    size_t per = (64 * 1024 - 64) / fm_objalloc_block_size(v2[0]);
    CHECK_INT(s1.slabs - s0.slabs, (N + per - 1) / per);
    for (int i = 0; i < N; i++) {
        CHECK(((unsigned char *)v2[i])[1149] == 0x5a);
        fm_objalloc_free(v2[i]);
    }
    fm_objalloc_get_stats(&s2);
    CHECK_INT(s2.slabs, s0.slabs);
    CHECK_INT(s2.block_bytes, s0.block_bytes);
}

/* calloc_any: zeroed, from the slabs when objalloc is on, from calloc when
 * it is off or the size is past FM_OBJALLOC_MAX; free_any frees either. */
TEST(test_calloc_any)
{
    static const size_t sizes[] = {1, 40, 700, FM_OBJALLOC_MAX, FM_OBJALLOC_MAX + 1};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned char *p = fm_objalloc_calloc_any(sizes[i]);
        CHECK_FATAL(p != NULL);
        bool zero = true;
        for (size_t k = 0; k < sizes[i]; k++) zero = zero && p[k] == 0;
        CHECK(zero);
        CHECK(fm_objalloc_owns(p) == (on() && sizes[i] <= FM_OBJALLOC_MAX));
        memset(p, 0xcd, sizes[i]);
        fm_objalloc_free_any(p);
    }
    /* a reused slot comes back zeroed */
    if (on()) {
        unsigned char *a = fm_objalloc_calloc_any(100);
        memset(a, 0xff, 100);
        fm_objalloc_free_any(a);
        unsigned char *b = fm_objalloc_calloc_any(100);
        CHECK(b[0] == 0 && b[8] == 0 && b[99] == 0);
        fm_objalloc_free_any(b);
    }
    fm_objalloc_free_any(NULL);
}

TEST(test_intern)
{
    if (!on()) return;
    char a[] = "foreman.llmkube.dev/v1alpha1", b[sizeof a];
    memcpy(b, a, sizeof a);
    const char *x = fm_objalloc_intern(a), *y = fm_objalloc_intern(b);
    CHECK(x != NULL && x == y && x != a);
    CHECK_STR(x, a);
    CHECK(fm_objalloc_owns(x));
    char longer[300];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = 0;
    CHECK(fm_objalloc_intern(longer) == NULL);
    CHECK(fm_objalloc_intern(NULL) == NULL);
    CHECK(fm_objalloc_intern("") != NULL);
}

static void *churn(void *arg)
{
    unsigned seed = (unsigned)(uintptr_t)arg;
    void *live[64] = {0};
    for (int i = 0; i < 20000; i++) {
        seed = seed * 1103515245u + 12345u;
        int k = (int)((seed >> 8) % 64);
        if (live[k]) {
            if (*(unsigned *)live[k] != (unsigned)k) return (void *)1;
            fm_objalloc_free(live[k]);
            live[k] = NULL;
        } else {
            live[k] = fm_objalloc_alloc(32 + (seed >> 16) % 3000);
            if (!live[k]) return (void *)1;
            *(unsigned *)live[k] = (unsigned)k;
        }
    }
    for (int k = 0; k < 64; k++) fm_objalloc_free(live[k]);
    return NULL;
}

TEST(test_threads)
{
    if (!on()) return;
    fm_objalloc_stats s0, s1;
    fm_objalloc_get_stats(&s0);
    pthread_t th[4];
    for (int i = 0; i < 4; i++) pthread_create(&th[i], NULL, churn, (void *)(uintptr_t)(i + 1));
    for (int i = 0; i < 4; i++) {
        void *r = NULL;
        pthread_join(th[i], &r);
        CHECK(r == NULL);
    }
    fm_objalloc_get_stats(&s1);
    CHECK_INT(s1.blocks, s0.blocks);
    CHECK_INT(s1.slabs, s0.slabs);
}

/* A packed task: one block, interned strings shared between objects, a
 * copy of it entirely the caller's, and all of it freed. */
TEST(test_packed_objects)
{
    static const char *json =
        "{\"apiVersion\":\"foreman.llmkube.dev/v1alpha1\",\"kind\":\"AgenticTask\","
        "\"metadata\":{\"name\":\"t1\",\"namespace\":\"team-a\",\"labels\":{\"app\":\"x\",\"tier\":\"y\"},"
        "\"x-extra\":[1,2]},\"spec\":{\"kind\":\"freeform\",\"payload\":{\"prompt\":\"hello\"},"
        "\"dependsOn\":[\"a\",\"b\"]},\"status\":{\"phase\":\"Scheduled\",\"assignedNode\":\"n1\","
        "\"conditions\":[{\"type\":\"Scheduled\",\"status\":\"True\",\"reason\":\"FleetNodeAssigned\","
        "\"message\":\"assigned\",\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"}]}}";
    fm_agentic_task *t = NULL;
    CHECK_FATAL(fm_agentic_task_decode(&t, json, strlen(json)) == 0);
    fm_agentic_task *a = fm_codec_pack(t, &fm_agentic_task_desc), *b = fm_codec_pack(t, &fm_agentic_task_desc);
    CHECK_FATAL(a != NULL && b != NULL);
    CHECK(fm_agentic_task_equal(a, t) && fm_agentic_task_equal(b, t));
    if (on()) {
        CHECK(fm_objalloc_owns(a));
        CHECK(a->api_version == b->api_version);               /* interned */
        CHECK(a->metadata.namespace == b->metadata.namespace); /* interned */
        CHECK(a->status.conditions.items[0].reason == b->status.conditions.items[0].reason);
        CHECK(a->metadata.labels.items[0].key == b->metadata.labels.items[0].key);
        CHECK(a->metadata.name != b->metadata.name);           /* own copies */
        CHECK(a->metadata.labels.items[0].value != b->metadata.labels.items[0].value);
        CHECK(a->spec.depends_on.items[0] != b->spec.depends_on.items[0]);
        CHECK(fm_codec_packed_size(t, &fm_agentic_task_desc) <= fm_objalloc_block_size(a));
    }
    fm_agentic_task *c = NULL;
    CHECK_INT(fm_agentic_task_copy(&c, a), 0);
    CHECK(c != NULL && fm_agentic_task_equal(c, t));
    CHECK(c && !fm_objalloc_owns(c->api_version));
    fm_agentic_task_free(c);
    fm_codec_object_free(a, &fm_agentic_task_desc);
    fm_codec_object_free(b, &fm_agentic_task_desc);
    fm_agentic_task_free(t);
}

int main(void)
{
    RUN(test_blocks_and_classes);
    RUN(test_slabs_come_back);
    RUN(test_calloc_any);
    RUN(test_intern);
    RUN(test_threads);
    RUN(test_packed_objects);
    if (!on()) printf("objalloc is off in this build (sanitizer or FOREMAN_OBJALLOC=off): malloc paths only\n");
    return test_summary();
}
