/*
 * test_probe.c - host capability probing against fixtures: meminfo files in
 * tests/fixtures/meminfo and the fake NVML library (fakenvml.c) loaded
 * through the library-name override, as the real one would be.
 *
 * Environment (set by tests/probe/CMakeLists.txt): FAKENVML_LIB and
 * FAKENVML_NOMEM_LIB, the two builds of the fake; FOREMAN_SOURCE_DIR.
 */
#include "test.h"

#include "error.h"
#include "probe.h"

#include <unistd.h>

static char fixture_buf[4096];

/* Path of a meminfo fixture. */
static const char *fixture(const char *name)
{
    const char *src = getenv("FOREMAN_SOURCE_DIR");
    snprintf(fixture_buf, sizeof(fixture_buf), "%s/tests/fixtures/meminfo/%s", src ? src : ".",
             name);
    return fixture_buf;
}

static const char *fake_lib(void)
{
    const char *p = getenv("FAKENVML_LIB");
    return p ? p : "libfakenvml.so";
}

TEST(meminfo_normal)
{
    uint64_t total = 0, avail = 0;
    CHECK_INT(fm_probe_read_meminfo(&total, &avail, fixture("normal")), 0);
    CHECK(total == 131981020ULL * 1024);
    CHECK(avail == 120586240ULL * 1024);
    CHECK_INT(fm_probe_read_meminfo(&total, &avail, fixture("small")), 0);
    CHECK(total == 8039236ULL * 1024);
    CHECK(avail == 5311480ULL * 1024);
}

TEST(meminfo_errors)
{
    static const struct {
        const char *file;
        int rc;
        const char *msg;
    } cases[] = {
        {"no_memavailable", FM_EPARSE, "no_memavailable: no MemAvailable field"},
        {"no_memtotal", FM_EPARSE, "no_memtotal: no MemTotal field"},
        {"empty", FM_EPARSE, "empty: no MemTotal field"},
        {"malformed", FM_EPARSE, "malformed: malformed MemTotal value"},
        {"does-not-exist", FM_EIO, "does-not-exist: cannot open: No such file or directory"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint64_t total = 1, avail = 1;
        fm_error_clear();
        CHECK_INT(fm_probe_read_meminfo(&total, &avail, fixture(cases[i].file)), cases[i].rc);
        CHECK_CONTAINS(fm_error_last()->message, cases[i].msg);
        CHECK_CONTAINS(fm_error_last()->message, fixture_buf); /* names the file */
        CHECK(total == 0 && avail == 0);
        CHECK(strchr(fm_error_last()->message, '\n') == NULL);
    }
    /* A directory opens but cannot be read. */
    uint64_t total = 1, avail = 1;
    CHECK_INT(fm_probe_read_meminfo(&total, &avail, "tests/fixtures/meminfo"), FM_EIO);
    CHECK_CONTAINS(fm_error_last()->message, "tests/fixtures/meminfo: cannot read");
}

TEST(run_ram_and_overrides)
{
    fm_probe_result r;
    fm_probe_options o = {0};
    o.meminfo_path = fixture("normal");
    o.skip_gpus = true;
    CHECK_INT(fm_probe_run(&r, &o), 0);
    CHECK_INT(r.total_ram_gb, 125);
    CHECK_INT(r.available_ram_gb, 115);
    CHECK_STR(r.accelerator, "none");
    CHECK_STR(r.os, fm_probe_os());
    CHECK_STR(r.arch, fm_probe_arch());
    CHECK_INT(r.n_gpus, 0);
    fm_probe_result_clear(&r);

    /* --total-ram-gb wins; available never exceeds it. */
    o.has_total_ram_gb = true;
    o.total_ram_gb = 64;
    CHECK_INT(fm_probe_run(&r, &o), 0);
    CHECK_INT(r.total_ram_gb, 64);
    CHECK_INT(r.available_ram_gb, 64);
    CHECK(r.total_ram_bytes == 131981020ULL * 1024);
    fm_probe_result_clear(&r);
    o.total_ram_gb = 512;
    CHECK_INT(fm_probe_run(&r, &o), 0);
    CHECK_INT(r.total_ram_gb, 512);
    CHECK_INT(r.available_ram_gb, 115);
    fm_probe_result_clear(&r);
    o.total_ram_gb = -5;
    CHECK_INT(fm_probe_run(&r, &o), 0);
    CHECK_INT(r.total_ram_gb, 0);
    CHECK_INT(r.available_ram_gb, 0);
    fm_probe_result_clear(&r);
    o.total_ram_gb = INT64_C(99999999999);
    CHECK_INT(fm_probe_run(&r, &o), 0);
    CHECK_INT(r.total_ram_gb, INT32_MAX);
    fm_probe_result_clear(&r);

    /* Accelerator override, valid and not. */
    o.has_total_ram_gb = false;
    o.accelerator = "metal";
    CHECK_INT(fm_probe_run(&r, &o), 0);
    CHECK_STR(r.accelerator, "metal");
    fm_probe_result_clear(&r);
    o.accelerator = "gpu";
    CHECK_INT(fm_probe_run(&r, &o), FM_EINVAL);
    CHECK_CONTAINS(fm_error_last()->message, "invalid accelerator \"gpu\"");
    fm_probe_result_clear(&r);
    fm_probe_result_clear(NULL);
}

TEST(run_meminfo_failure_is_an_error)
{
    fm_probe_result r;
    fm_probe_options o = {0};
    o.meminfo_path = fixture("no_memavailable");
    o.nvml_library = fake_lib();
    CHECK_INT(fm_probe_run(&r, &o), FM_EPARSE);
    CHECK_CONTAINS(fm_error_last()->message, "no MemAvailable field");
    /* Nothing is presented as a fact. */
    CHECK_INT(r.total_ram_gb, 0);
    CHECK_INT(r.n_gpus, 0);
    CHECK(r.gpus == NULL && r.warnings == NULL);
    fm_probe_result_clear(&r);
}

TEST(run_env_overrides)
{
    fm_probe_result r;
    setenv(PROBE_MEMINFO_ENV, fixture("small"), 1);
    setenv(PROBE_NVML_ENV, "/nonexistent/libnvidia-ml.so.1", 1);
    CHECK_INT(fm_probe_run(&r, NULL), 0);
    CHECK_INT(r.total_ram_gb, 7);
    CHECK_INT(r.available_ram_gb, 5);
    CHECK_STR(r.accelerator, "none");
    CHECK_INT(r.n_warnings, 0);  /* no NVIDIA library is not worth a word */
    fm_probe_result_clear(&r);

    /* An option beats the environment. */
    fm_probe_options o = {0};
    o.meminfo_path = fixture("normal");
    CHECK_INT(fm_probe_run(&r, &o), 0);
    CHECK_INT(r.total_ram_gb, 125);
    fm_probe_result_clear(&r);
    unsetenv(PROBE_MEMINFO_ENV);
    unsetenv(PROBE_NVML_ENV);
}

/* Probes with the fake in the given mode; the caller clears r. */
static int run_fake(fm_probe_result *r, const char *mode, const char *lib)
{
    fm_probe_options o = {0};
    o.meminfo_path = fixture("normal");
    o.nvml_library = lib ? lib : fake_lib();
    setenv("FAKENVML_MODE", mode, 1);
    return fm_probe_run(r, &o);
}

TEST(nvml_one_h100)
{
    fm_probe_result r;
    CHECK_INT(run_fake(&r, "one", NULL), 0);
    CHECK_FATAL(r.n_gpus == 1);
    CHECK_INT(r.gpus[0].index, 0);
    CHECK_STR(r.gpus[0].name, "NVIDIA H100 80GB HBM3");
    CHECK(r.gpus[0].has_memory);
    CHECK_INT(r.gpus[0].memory_mib, 81559);       /* 85520809984 bytes */
    CHECK_INT(r.gpus[0].free_memory_mib, 81079);  /* rounded down */
    CHECK_STR(r.accelerator, "cuda");
    CHECK_STR(r.driver_version, "580.159.04");
    CHECK_STR(r.cuda_version, "13.0");
    CHECK_INT(r.n_warnings, 0);
    fm_probe_result_clear(&r);
}

TEST(nvml_two_and_zero)
{
    fm_probe_result r;
    CHECK_INT(run_fake(&r, "two", NULL), 0);
    CHECK_FATAL(r.n_gpus == 2);
    CHECK_STR(r.gpus[1].name, "NVIDIA L4");
    CHECK_INT(r.gpus[1].index, 1);
    CHECK_INT(r.gpus[1].memory_mib, 23034);
    CHECK_INT(r.gpus[1].free_memory_mib, 22000);
    CHECK_STR(r.accelerator, "cuda");
    fm_probe_result_clear(&r);

    CHECK_INT(run_fake(&r, "zero", NULL), 0);
    CHECK_INT(r.n_gpus, 0);
    CHECK(r.gpus == NULL);
    CHECK_STR(r.accelerator, "none");
    CHECK_STR(r.driver_version, "580.159.04");  /* a driver without GPUs */
    CHECK_INT(r.n_warnings, 0);
    fm_probe_result_clear(&r);

    /* The override beats detection both ways. */
    fm_probe_options o = {0};
    o.meminfo_path = fixture("normal");
    o.nvml_library = fake_lib();
    o.accelerator = "none";
    setenv("FAKENVML_MODE", "two", 1);
    CHECK_INT(fm_probe_run(&r, &o), 0);
    CHECK_STR(r.accelerator, "none");
    CHECK_INT(r.n_gpus, 2);
    fm_probe_result_clear(&r);
}

TEST(nvml_failures)
{
    fm_probe_result r;
    CHECK_INT(run_fake(&r, "initfail", NULL), 0);
    CHECK_INT(r.n_gpus, 0);
    CHECK_STR(r.accelerator, "none");
    CHECK_FATAL(r.n_warnings == 1);
    CHECK_CONTAINS(r.warnings[0], "nvmlInit_v2 failed: Driver Not Loaded");
    CHECK_INT(r.total_ram_gb, 125);  /* RAM is still reported */
    fm_probe_result_clear(&r);

    CHECK_INT(run_fake(&r, "handlefail", NULL), 0);
    CHECK_FATAL(r.n_gpus == 1);
    CHECK_INT(r.gpus[0].index, 1);
    CHECK_STR(r.gpus[0].name, "NVIDIA L4");
    CHECK_FATAL(r.n_warnings == 1);
    CHECK_CONTAINS(r.warnings[0], "device 0: handle: Unknown Error");
    fm_probe_result_clear(&r);

    CHECK_INT(run_fake(&r, "memfail", NULL), 0);
    CHECK_FATAL(r.n_gpus == 2);
    CHECK(r.gpus[0].has_memory);
    CHECK(!r.gpus[1].has_memory);
    CHECK_INT(r.gpus[1].memory_mib, 0);
    CHECK_FATAL(r.n_warnings == 1);
    CHECK_CONTAINS(r.warnings[0], "device 1: memory");
    fm_probe_result_clear(&r);

    CHECK_INT(run_fake(&r, "nodriver", NULL), 0);
    CHECK_INT(r.n_gpus, 1);
    CHECK_STR(r.driver_version, "");
    CHECK_STR(r.cuda_version, "");
    CHECK_INT(r.n_warnings, 2);
    fm_probe_result_clear(&r);

    const char *nomem = getenv("FAKENVML_NOMEM_LIB");
    CHECK_FATAL(nomem != NULL);
    CHECK_INT(run_fake(&r, "two", nomem), 0);
    CHECK_INT(r.n_gpus, 0);
    CHECK_FATAL(r.n_warnings == 1);
    CHECK_CONTAINS(r.warnings[0], "lacks nvmlDeviceGetMemoryInfo");
    fm_probe_result_clear(&r);

    /* Not loadable at all: silence. */
    CHECK_INT(run_fake(&r, "two", "/nonexistent/libnvidia-ml.so.1"), 0);
    CHECK_INT(r.n_gpus, 0);
    CHECK_INT(r.n_warnings, 0);
    CHECK_STR(r.accelerator, "none");
    fm_probe_result_clear(&r);
}

/* Every successful nvmlInit_v2 is paired with one nvmlShutdown, also when
 * probing repeats as the heartbeat does. */
TEST(nvml_init_shutdown_pair)
{
    char path[] = "/tmp/fakenvml-trace-XXXXXX";
    int fd = mkstemp(path);
    CHECK_FATAL(fd >= 0);
    close(fd);
    setenv("FAKENVML_TRACE", path, 1);
    fm_probe_result r;
    for (int i = 0; i < 50; i++) {
        CHECK_INT(run_fake(&r, i % 2 ? "two" : "zero", NULL), 0);
        fm_probe_result_clear(&r);
    }
    CHECK_INT(run_fake(&r, "initfail", NULL), 0);
    fm_probe_result_clear(&r);
    unsetenv("FAKENVML_TRACE");

    size_t len = 0;
    char *text = test_read_file(path, &len);
    CHECK_FATAL(text != NULL);
    int inits = 0, shutdowns = 0;
    for (char *p = text; (p = strstr(p, "init")) != NULL; p += 4) inits++;
    for (char *p = text; (p = strstr(p, "shutdown")) != NULL; p += 8) shutdowns++;
    CHECK_INT(inits, 51);
    CHECK_INT(shutdowns, 50);  /* no shutdown after a failed init */
    free(text);
    unlink(path);
}

TEST(platform_names)
{
    CHECK(strcmp(fm_probe_os(), "unknown") != 0);
    CHECK(strcmp(fm_probe_arch(), "unknown") != 0);
#if defined(__linux__) && defined(__x86_64__)
    CHECK_STR(fm_probe_os(), "linux");
    CHECK_STR(fm_probe_arch(), "amd64");
#endif
    CHECK_INT(fm_probe_check_accelerator("cuda"), 0);
    CHECK_INT(fm_probe_check_accelerator("metal"), 0);
    CHECK_INT(fm_probe_check_accelerator("none"), 0);
    CHECK_INT(fm_probe_check_accelerator("CUDA"), FM_EINVAL);
    CHECK_INT(fm_probe_check_accelerator(NULL), FM_EINVAL);
}

int main(void)
{
    RUN(meminfo_normal);
    RUN(meminfo_errors);
    RUN(run_ram_and_overrides);
    RUN(run_meminfo_failure_is_an_error);
    RUN(run_env_overrides);
    RUN(nvml_one_h100);
    RUN(nvml_two_and_zero);
    RUN(nvml_failures);
    RUN(nvml_init_shutdown_pair);
    RUN(platform_names);
    return test_summary();
}
