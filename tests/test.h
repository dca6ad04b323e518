/*
 * test.h - the tiny assertion harness every C test in tests/ uses.
 *
 * A test file defines functions with TEST(name), runs them from main with
 * RUN(name), and returns test_summary(), which prints "N passed, N failed"
 * and gives a non-zero exit status when any check failed. A check that fails
 * prints file:line and the expression, and the test goes on (so one run
 * reports every broken case); CHECK_FATAL stops the current test.
 */
#ifndef FOREMAN_TEST_H
#define FOREMAN_TEST_H

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_checks_failed_;
static int test_failed_in_current_;
static int tests_passed_;
static int tests_failed_;

#define CHECK(cond)                                                                 \
    do {                                                                            \
        if (!(cond)) {                                                              \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            test_checks_failed_++;                                                  \
            test_failed_in_current_ = 1;                                            \
        }                                                                           \
    } while (0)

#define CHECK_FATAL(cond)                                                           \
    do {                                                                            \
        if (!(cond)) {                                                              \
            fprintf(stderr, "%s:%d: CHECK failed (fatal): %s\n", __FILE__, __LINE__, \
                    #cond);                                                         \
            test_checks_failed_++;                                                  \
            test_failed_in_current_ = 1;                                            \
            return;                                                                 \
        }                                                                           \
    } while (0)

#define CHECK_INT(a, b)                                                             \
    do {                                                                            \
        long long a_ = (long long)(a), b_ = (long long)(b);                         \
        if (a_ != b_) {                                                             \
            fprintf(stderr, "%s:%d: %s == %s failed: %lld != %lld\n", __FILE__,      \
                    __LINE__, #a, #b, a_, b_);                                      \
            test_checks_failed_++;                                                  \
            test_failed_in_current_ = 1;                                            \
        }                                                                           \
    } while (0)

#define CHECK_STR(a, b)                                                             \
    do {                                                                            \
        const char *a_ = (a), *b_ = (b);                                            \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                    \
            fprintf(stderr, "%s:%d: %s == %s failed: \"%s\" != \"%s\"\n", __FILE__,  \
                    __LINE__, #a, #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)");      \
            test_checks_failed_++;                                                  \
            test_failed_in_current_ = 1;                                            \
        }                                                                           \
    } while (0)

/* CHECK_CONTAINS(haystack, needle): haystack is a non-NULL string holding needle. */
#define CHECK_CONTAINS(h, n)                                                        \
    do {                                                                            \
        const char *h_ = (h), *n_ = (n);                                            \
        if (!h_ || !strstr(h_, n_)) {                                               \
            fprintf(stderr, "%s:%d: \"%s\" does not contain \"%s\"\n", __FILE__,    \
                    __LINE__, h_ ? h_ : "(null)", n_);                              \
            test_checks_failed_++;                                                  \
            test_failed_in_current_ = 1;                                            \
        }                                                                           \
    } while (0)

#define TEST(name) static void name(void)

#define RUN(name)                                                                   \
    do {                                                                            \
        test_failed_in_current_ = 0;                                                \
        name();                                                                     \
        if (test_failed_in_current_) {                                              \
            tests_failed_++;                                                        \
            fprintf(stderr, "FAIL %s\n", #name);                                    \
        } else {                                                                    \
            tests_passed_++;                                                        \
            fprintf(stderr, "ok   %s\n", #name);                                    \
        }                                                                           \
    } while (0)

static inline int test_summary(void)
{
    printf("%d passed, %d failed\n", tests_passed_, tests_failed_);
    return tests_failed_ || test_checks_failed_ ? 1 : 0;
}

/* Reads a whole file into a malloc'd NUL-terminated buffer; NULL on error. */
static inline char *test_read_file(const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = 0;
        if (len_out) *len_out = (size_t)n;
    }
    return buf;
}

#endif
