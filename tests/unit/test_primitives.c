/*
 * test_primitives.c - the small shared primitives that used to exist in two
 * or three copies: UTF-8 sequence length, fm_rand64, the token bucket, the
 * JSON string unescaper and the status condition setter.
 */
#include <string.h>

#include "base.h"
#include "codec_internal.h"
#include "conditions.h"
#include "error.h"
#include "kube_json.h"
#include "test.h"
#include "tokenbucket.h"

#define SEC 1000000000LL

static size_t u8(const char *s) { return fm_utf8_len((const unsigned char *)s, strlen(s)); }

TEST(utf8_len)
{
    CHECK_INT(u8("a"), 1);
    CHECK_INT(u8("\xc3\xa9"), 2);          /* é */
    CHECK_INT(u8("\xe2\x82\xac"), 3);      /* € */
    CHECK_INT(u8("\xf0\x9f\x98\x80"), 4);  /* 😀 */
    CHECK_INT(u8("\xf4\x8f\xbf\xbf"), 4);  /* U+10FFFF */
    CHECK_INT(u8("\xc0\x80"), 0);          /* overlong NUL */
    CHECK_INT(u8("\xc1\xbf"), 0);          /* overlong */
    CHECK_INT(u8("\xe0\x9f\xbf"), 0);      /* overlong 3-byte */
    CHECK_INT(u8("\xf0\x8f\xbf\xbf"), 0);  /* overlong 4-byte */
    CHECK_INT(u8("\xed\xa0\x80"), 0);      /* surrogate U+D800 */
    CHECK_INT(u8("\xf4\x90\x80\x80"), 0);  /* above U+10FFFF */
    CHECK_INT(u8("\xf5\x80\x80\x80"), 0);
    CHECK_INT(u8("\x80"), 0);              /* stray continuation */
    CHECK_INT(u8("\xc3"), 0);              /* cut short */
    CHECK_INT(fm_utf8_len((const unsigned char *)"\xe2\x82\xac", 2), 0); /* cut by n */
    CHECK_INT(fm_utf8_len((const unsigned char *)"a", 0), 0);
}

TEST(rand64_varies)
{
    uint64_t a = fm_rand64(), b = fm_rand64(), c = fm_rand64();
    CHECK(a != b || b != c);
}

TEST(bucket_reserve)
{
    fm_token_bucket b;
    fm_token_bucket_init(&b, 10, 2, 0); /* 10/s, burst 2 */
    CHECK_INT(fm_token_bucket_reserve(&b, 0, true), 0);
    CHECK_INT(fm_token_bucket_reserve(&b, 0, true), 0);
    CHECK_INT(fm_token_bucket_reserve(&b, 0, false), SEC / 10); /* peek: 100 ms */
    CHECK_INT(fm_token_bucket_reserve(&b, 0, true), SEC / 10);  /* reserved anyway */
    CHECK_INT(fm_token_bucket_reserve(&b, 0, true), 2 * SEC / 10); /* in arrival order */
    CHECK_INT(fm_token_bucket_reserve(&b, 2 * SEC / 10, true), SEC / 10);
    /* A long quiet spell refills to the burst, never beyond it. */
    CHECK(fm_token_bucket_level(&b, 3600 * SEC) == 2);
    /* Time that goes backwards changes nothing. */
    CHECK(fm_token_bucket_level(&b, SEC) == 2);
}

TEST(bucket_allow)
{
    fm_token_bucket b;
    fm_token_bucket_init(&b, 0.1, 3, 1000 * SEC);
    int64_t t = 1000 * SEC;
    CHECK(fm_token_bucket_allow(&b, t));
    CHECK(fm_token_bucket_allow(&b, t));
    CHECK(fm_token_bucket_allow(&b, t));
    CHECK(!fm_token_bucket_allow(&b, t));
    CHECK(fm_token_bucket_level(&b, t) >= 0); /* allow never goes negative */
    CHECK(!fm_token_bucket_allow(&b, t + 9 * SEC));
    CHECK(fm_token_bucket_allow(&b, t + 10 * SEC));
}

static char *unesc(const char *lit) { return fm_kube_json_string(lit, strlen(lit)); }

TEST(json_unescape)
{
    char *s;
    CHECK_STR((s = unesc("\"plain\"")), "plain"); free(s);
    CHECK_STR((s = unesc("\"a\\\"b\\\\c\\/d\\n\\t\\r\\b\\f\"")), "a\"b\\c/d\n\t\r\b\f"); free(s);
    CHECK_STR((s = unesc("\"\\u00e9\\u20AC\"")), "\xc3\xa9\xe2\x82\xac"); free(s);
    CHECK_STR((s = unesc("\"\\ud83d\\ude00\"")), "\xf0\x9f\x98\x80"); free(s); /* pair joined */
    CHECK_STR((s = unesc("\"\\ud83dx\"")), "\xef\xbf\xbdx"); free(s);          /* lone high */
    CHECK_STR((s = unesc("\"\\ude00\"")), "\xef\xbf\xbd"); free(s);            /* lone low */
    CHECK_STR((s = unesc("\"a\\u0000b\"")), "a\xef\xbf\xbd" "b"); free(s);     /* NUL kept out */
    CHECK(unesc("\"\\x\"") == NULL);
    CHECK(unesc("\"\\u12\"") == NULL);
    CHECK(unesc("\"\\\"") == NULL);
    CHECK(unesc("nope") == NULL);
    /* The decoder's flavour keeps \u0000 as a byte. */
    char w[16];
    size_t n = 0;
    CHECK_INT(fm_json_unescape(w, &n, "a\\u0000b", 8, true), 0);
    CHECK_INT(n, 3);
    CHECK(memcmp(w, "a\0b", 3) == 0);
}

TEST(condition_set)
{
    fm_k8s_condition_list l = {0};
    fm_time t1 = {1700000000, 123}, t2 = {1700000100, 0};
    CHECK_INT(fm_condition_set(&l, "Ready", FM_K8S_CONDITION_STATUS_TRUE, "Up", NULL, 0, t1), 0);
    CHECK_INT(l.len, 1);
    const fm_k8s_condition *c = fm_condition_get(&l, "Ready");
    CHECK_FATAL(c != NULL);
    CHECK_STR(c->message, "");
    CHECK_INT(c->last_transition_time.sec, 1700000000);
    CHECK_INT(c->last_transition_time.nsec, 0); /* whole seconds */
    CHECK(!fm_k8s_condition_has_observed_generation(c));
    /* Same status: the transition time stays; generation recorded. */
    CHECK_INT(fm_condition_set(&l, "Ready", FM_K8S_CONDITION_STATUS_TRUE, "Still", "m", 7, t2), 0);
    CHECK_INT(l.len, 1);
    CHECK_INT(c->last_transition_time.sec, 1700000000);
    CHECK_INT(c->observed_generation, 7);
    CHECK_STR(c->reason, "Still");
    /* New status: it moves. */
    CHECK_INT(fm_condition_set(&l, "Ready", FM_K8S_CONDITION_STATUS_FALSE, "Down", "m", 0, t2), 0);
    CHECK_INT(c->last_transition_time.sec, 1700000100);
    CHECK_INT(c->observed_generation, 7);
    /* Long messages are cut to fit the CRD. */
    char *big = malloc(40000);
    memset(big, 'x', 39999);
    big[39999] = 0;
    CHECK_INT(fm_condition_set(&l, "Other", FM_K8S_CONDITION_STATUS_TRUE, "R", big, 0, t1), 0);
    CHECK_INT(strlen(fm_condition_get(&l, "Other")->message), FM_CONDITION_MESSAGE_MAX);
    CHECK(fm_condition_get(&l, "Missing") == NULL);
    free(big);
    for (size_t i = 0; i < l.len; i++) fm_codec_clear(&l.items[i], &fm_k8s_condition_desc);
    free(l.items);
}

int main(void)
{
    RUN(utf8_len);
    RUN(rand64_varies);
    RUN(bucket_reserve);
    RUN(bucket_allow);
    RUN(json_unescape);
    RUN(condition_set);
    return test_summary();
}
