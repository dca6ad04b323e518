/*
 * test_log.c - structured log lines: both formats, levels, escaping,
 * redaction of credentials, and whole lines under concurrent writers.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "clock.h"
#include "error.h"
#include "log.h"
#include "test.h"

static char tmp_path[] = "/tmp/test_log_XXXXXX";
static int tmp_fd = -1;
static fm_clock *clk;

/* Points the log at a fresh, empty temporary file. */
static void capture(void)
{
    if (tmp_fd >= 0) close(tmp_fd);
    strcpy(tmp_path, "/tmp/test_log_XXXXXX");
    tmp_fd = mkstemp(tmp_path);
    unlink(tmp_path);
    fm_log_set_fd(tmp_fd);
}

/* Everything written since capture(); caller frees. */
static char *captured(void)
{
    off_t n = lseek(tmp_fd, 0, SEEK_END);
    char *buf = calloc(1, (size_t)n + 1);
    if (pread(tmp_fd, buf, (size_t)n, 0) != n) buf[0] = 0;
    return buf;
}

static void reset(fm_log_format f, int v)
{
    fm_log_set_format(f);
    fm_log_set_verbosity(v);
    capture();
}

TEST(test_logfmt_line)
{
    reset(FM_LOG_LOGFMT, 0);
    fm_log_info("reconciled", "controller", "scheduler", "object", "default/t1", "reconcileID",
             "5f0c", NULL);
    char *s = captured();
    CHECK_STR(s, "ts=2024-01-01T00:00:00.123Z level=info msg=\"reconciled\" controller=scheduler "
                 "object=default/t1 reconcileID=5f0c\n");
    free(s);
}

TEST(test_json_line)
{
    reset(FM_LOG_JSON, 0);
    fm_log_warn("lease lost", "name", "foreman-operator.llmkube.dev", "detail", "a \"b\"\n\x01", NULL);
    char *s = captured();
    CHECK_STR(s, "{\"ts\":\"2024-01-01T00:00:00.123Z\",\"level\":\"warn\",\"msg\":\"lease lost\","
                 "\"name\":\"foreman-operator.llmkube.dev\",\"detail\":\"a \\\"b\\\"\\n\\u0001\"}\n");
    free(s);
}

TEST(test_logfmt_quoting)
{
    reset(FM_LOG_LOGFMT, 0);
    fm_log_error("bad \"thing\"\nhappened", "empty", "", "null", NULL, "spaced", "a b", "eq", "a=b",
              "odd key!", "x", "utf8", "caf\xc3\xa9", "invalid", "a\xff", NULL);
    char *s = captured();
    CHECK_STR(s, "ts=2024-01-01T00:00:00.123Z level=error msg=\"bad \\\"thing\\\"\\nhappened\" "
                 "empty=\"\" null=\"\" spaced=\"a b\" eq=\"a=b\" odd_key_=x utf8=\"caf\xc3\xa9\" "
                 "invalid=\"a\xef\xbf\xbd\"\n");
    free(s);
    reset(FM_LOG_JSON, 0);
    fm_log_info("m", "null", NULL, "invalid", "a\xff\xc3", NULL);
    s = captured();
    CHECK_CONTAINS(s, "\"null\":null,\"invalid\":\"a\\ufffd\\ufffd\"}\n");
    free(s);
}

TEST(test_redaction)
{
    CHECK(fm_log_key_is_secret("token"));
    CHECK(fm_log_key_is_secret("bearerToken"));
    CHECK(fm_log_key_is_secret("Authorization"));
    CHECK(fm_log_key_is_secret("password"));
    CHECK(fm_log_key_is_secret("client_secret"));
    CHECK(fm_log_key_is_secret("key"));
    CHECK(fm_log_key_is_secret("apiKey"));
    CHECK(fm_log_key_is_secret("ssh_KEY"));
    CHECK(fm_log_key_is_secret("X-Api-Key"));
    CHECK(!fm_log_key_is_secret("object"));
    CHECK(!fm_log_key_is_secret("controller"));
    CHECK(!fm_log_key_is_secret("keyFile"));
    reset(FM_LOG_LOGFMT, 0);
    fm_log_info("request", "token", "abc123", "Authorization", "Bearer xyz", "header", "Bearer leak",
             "basic", "basic dXNlcjpwYXNz", "privateKey", "-----BEGIN", "object", "ns/n", NULL);
    const char *ctx[] = {"password", "hunter2", "controller", "c"};
    fm_log_ctx(FM_LOG_INFO, ctx, 2, "bound", "x", "y", NULL);
    char *s = captured();
    CHECK(strstr(s, "abc123") == NULL);
    CHECK(strstr(s, "xyz") == NULL);
    CHECK(strstr(s, "leak") == NULL);
    CHECK(strstr(s, "dXNlcjpwYXNz") == NULL);
    CHECK(strstr(s, "BEGIN") == NULL);
    CHECK(strstr(s, "hunter2") == NULL);
    CHECK_CONTAINS(s, "token=[REDACTED] Authorization=[REDACTED] header=[REDACTED] "
                      "basic=[REDACTED] privateKey=[REDACTED] object=ns/n\n");
    CHECK_CONTAINS(s, "msg=\"bound\" password=[REDACTED] controller=c x=y\n");
    free(s);
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++) n += *s == '\n';
    return n;
}

TEST(test_levels)
{
    reset(FM_LOG_LOGFMT, 0);
    fm_log_debug("hidden", NULL);
    fm_log_v(2, "hidden", NULL);
    fm_log_info("shown", NULL);
    fm_log_warn("shown", NULL);
    fm_log_error("shown", NULL);
    char *s = captured();
    CHECK_INT(count_lines(s), 3);
    CHECK(strstr(s, "hidden") == NULL);
    free(s);

    CHECK_INT(fm_log_set_level_name("debug"), 0);
    CHECK(fm_log_enabled(FM_LOG_DEBUG));
    CHECK(!fm_log_enabled(2));
    capture();
    fm_log_debug("d", NULL);
    fm_log_v(2, "v2", NULL);
    fm_log_set_verbosity(2);
    fm_log_v(2, "v2", NULL);
    s = captured();
    CHECK_INT(count_lines(s), 2);
    CHECK_CONTAINS(s, "level=debug msg=\"d\"\n");
    CHECK_CONTAINS(s, "level=debug v=2 msg=\"v2\"\n");
    free(s);

    CHECK_INT(fm_log_set_level_name("error"), 0);
    capture();
    fm_log_warn("w", NULL);
    fm_log_info("i", NULL);
    fm_log_error("e", NULL);
    s = captured();
    CHECK_INT(count_lines(s), 1);
    CHECK_CONTAINS(s, "level=error msg=\"e\"");
    free(s);

    CHECK_INT(fm_log_set_level_name("loud"), FM_EINVAL);
    CHECK_CONTAINS(fm_error_last()->message, "loud");
    CHECK_INT(fm_log_set_format_name("xml"), FM_EINVAL);
    CHECK_INT(fm_log_set_format_name("json"), 0);
    CHECK_INT(fm_log_set_format_name("text"), 0);
    fm_log_set_verbosity(0);
}

TEST(test_long_values_are_cut_and_errno_kept)
{
    reset(FM_LOG_LOGFMT, 0);
    size_t n = 20000;
    char *big = malloc(n + 1);
    memset(big, 'x', n);
    big[n] = 0;
    errno = ENOENT;
    fm_log_info("big", "v", big, NULL);
    CHECK_INT(errno, ENOENT);
    char *s = captured();
    CHECK(strlen(s) < 8300);
    CHECK_CONTAINS(s, "xxx...\n");
    free(s);
    free(big);
}

static void *writer(void *arg)
{
    const char *id = arg;
    char i_buf[24];
    for (int i = 0; i < 2000; i++)
        fm_log_info("concurrent line with some padding to make it longer", "writer", id, "i",
                 fm_log_int(i_buf, i), "pad", "0123456789012345678901234567890123456789", NULL);
    return NULL;
}

TEST(test_concurrent_lines_stay_whole)
{
    reset(FM_LOG_LOGFMT, 0);
    pthread_t t[4];
    const char *ids[] = {"a", "b", "c", "d"};
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, writer, (void *)ids[i]);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    char *s = captured();
    CHECK_INT(count_lines(s), 8000);
    int bad = 0;
    for (char *line = s; *line;) {
        char *nl = strchr(line, '\n');
        *nl = 0;
        if (strncmp(line, "ts=2024-01-01T00:00:00.123Z level=info msg=\"concurrent", 54) != 0 ||
            strstr(line, "pad=0123456789012345678901234567890123456789") == NULL ||
            strstr(line + 1, "ts=") != NULL)
            bad++;
        line = nl + 1;
    }
    CHECK_INT(bad, 0);
    free(s);
}

int main(void)
{
    fm_time w = {0, 0};
    fm_clock_fake_new(&clk, 0, w);
    fm_clock_fake_advance(clk, 123 * FM_NSEC_PER_MSEC);
    fm_log_set_clock(clk);
    RUN(test_logfmt_line);
    RUN(test_json_line);
    RUN(test_logfmt_quoting);
    RUN(test_redaction);
    RUN(test_levels);
    RUN(test_long_values_are_cut_and_errno_kept);
    RUN(test_concurrent_lines_stay_whole);
    fm_log_set_fd(2);
    fm_log_set_clock(NULL);
    fm_clock_free(clk);
    if (tmp_fd >= 0) close(tmp_fd);
    return test_summary();
}
