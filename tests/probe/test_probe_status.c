/*
 * test_probe_status.c - probe result + capability flags -> the generated
 * FleetNode status, checked through its JSON encoding (what the heartbeat
 * sends and `foreman-agent probe` prints).
 */
#include "test.h"

#include "codec.h"
#include "error.h"
#include "flags.h"
#include "foreman_v1alpha1.h"
#include "probe.h"
#include "probe_status.h"

static char meminfo[4096];

/* Probes with fixture "normal" and the fake NVML in mode. */
static int probe_fake(fm_probe_result *r, const char *mode, const fm_probe_capability_flags *f)
{
    const char *src = getenv("FOREMAN_SOURCE_DIR");
    snprintf(meminfo, sizeof(meminfo), "%s/tests/fixtures/meminfo/normal", src ? src : ".");
    fm_probe_options o;
    fm_probe_options_from_flags(&o, f);
    o.meminfo_path = meminfo;
    o.nvml_library = getenv("FAKENVML_LIB");
    setenv("FAKENVML_MODE", mode, 1);
    return fm_probe_run(r, &o);
}

/* Parses a capability command line into f (owned by *fs afterwards). */
static int parse_caps(fm_probe_capability_flags *f, fm_flags_def defs[PROBE_CAPABILITY_FLAGS],
                      fm_flags_set *fs, int argc, char **argv)
{
    memset(f, 0, sizeof(*f));
    fm_probe_capability_flag_defs(defs, f);
    fs->program = "test";
    fs->defs = defs;
    fs->n_defs = PROBE_CAPABILITY_FLAGS;
    int rc = fm_flags_parse(fs, argc, argv, NULL);
    if (rc != 0) return rc;
    return fm_probe_capability_flags_collect(f, fs);
}

/* Encodes st to a malloc'd string. */
static char *encode(const fm_fleet_node_status *st)
{
    fm_buf b = FM_BUF_INIT;
    if (fm_codec_encode(&b, st, &fm_fleet_node_status_desc) != 0) return NULL;
    return fm_buf_detach(&b);
}

TEST(status_with_gpus_and_flags)
{
    fm_probe_capability_flags f;
    fm_flags_def defs[PROBE_CAPABILITY_FLAGS];
    fm_flags_set fs;
    char *argv[] = {"probe", "--installed-models", "llama-3.1-8b, qwen2.5:7b,",
                    "-max-context-tokens=131072", "--tokens-per-second", "45", NULL};
    CHECK_INT(parse_caps(&f, defs, &fs, 6, argv), 0);
    CHECK(f.max_context_tokens_set && f.tokens_per_second_set && !f.total_ram_gb_set);

    fm_probe_result r;
    CHECK_INT(probe_fake(&r, "two", &f), 0);
    fm_fleet_node_status st;
    memset(&st, 0, sizeof(st));
    CHECK_INT(fm_probe_fill_status(&st, &r, &f, "1.2.3"), 0);
    char *json = encode(&st);
    char want[2048];
    snprintf(want, sizeof(want),
             "{\"capability\":{\"accelerator\":\"cuda\",\"totalRAMGB\":125,"
             "\"availableRAMGB\":115,\"maxContextTokens\":131072,\"tokensPerSecond\":45,"
             "\"installedModels\":[\"llama-3.1-8b\",\"qwen2.5:7b\"],"
             "\"gpus\":[{\"index\":0,\"name\":\"NVIDIA H100 80GB HBM3\",\"memoryMiB\":81559,"
             "\"freeMemoryMiB\":81079},{\"index\":1,\"name\":\"NVIDIA L4\",\"memoryMiB\":23034,"
             "\"freeMemoryMiB\":22000}]},\"agentVersion\":\"1.2.3\",\"os\":\"%s\",\"arch\":\"%s\"}",
             fm_probe_os(), fm_probe_arch());
    CHECK_STR(json, want);
    free(json);

    /* Filling again (the next heartbeat) replaces, leaks nothing, and keeps
     * the fields it does not own. */
    st.current_task = strdup("task-a");
    fm_probe_result_clear(&r);
    CHECK_INT(probe_fake(&r, "zero", &f), 0);
    CHECK_INT(fm_probe_fill_status(&st, &r, &f, NULL), 0);
    CHECK_STR(st.current_task, "task-a");
    CHECK_STR(st.agent_version, "1.2.3");
    CHECK(!fm_capability_has_gpus(&st.capability));
    CHECK_INT(st.capability.accelerator, FM_ACCELERATOR_NONE);

    fm_codec_clear(&st, &fm_fleet_node_status_desc);
    fm_probe_result_clear(&r);
    fm_flags_free(&fs);
}

TEST(status_minimal_and_edges)
{
    fm_probe_capability_flags f;
    fm_flags_def defs[PROBE_CAPABILITY_FLAGS];
    fm_flags_set fs;
    /* Given zero is reported; models with no entries are absent; a total
     * above int32 saturates; the accelerator override wins. */
    char *argv[] = {"probe", "--max-context-tokens=0", "--installed-models= , ",
                    "--total-ram-gb=99999999999", "--tokens-per-second=-3",
                    "--accelerator=metal", NULL};
    CHECK_INT(parse_caps(&f, defs, &fs, 6, argv), 0);
    fm_probe_result r;
    CHECK_INT(probe_fake(&r, "zero", &f), 0);
    fm_fleet_node_status st;
    memset(&st, 0, sizeof(st));
    CHECK_INT(fm_probe_fill_status(&st, &r, &f, "v"), 0);
    char *json = encode(&st);
    char want[1024];
    snprintf(want, sizeof(want),
             "{\"capability\":{\"accelerator\":\"metal\",\"totalRAMGB\":2147483647,"
             "\"availableRAMGB\":115,\"maxContextTokens\":0,\"tokensPerSecond\":0},"
             "\"agentVersion\":\"v\",\"os\":\"%s\",\"arch\":\"%s\"}",
             fm_probe_os(), fm_probe_arch());
    CHECK_STR(json, want);
    free(json);
    fm_codec_clear(&st, &fm_fleet_node_status_desc);
    fm_probe_result_clear(&r);
    fm_flags_free(&fs);

    /* No flags at all: only the probed facts. */
    char *bare[] = {"probe", NULL};
    CHECK_INT(parse_caps(&f, defs, &fs, 1, bare), 0);
    CHECK_INT(probe_fake(&r, "initfail", &f), 0);
    fm_capability cap;
    memset(&cap, 0, sizeof(cap));
    CHECK_INT(fm_probe_fill_capability(&cap, &r, &f), 0);
    fm_buf b = FM_BUF_INIT;
    CHECK_INT(fm_codec_encode(&b, &cap, &fm_capability_desc), 0);
    CHECK_STR(b.data, "{\"accelerator\":\"none\",\"totalRAMGB\":125,\"availableRAMGB\":115}");
    fm_buf_free(&b);
    fm_codec_clear(&cap, &fm_capability_desc);
    fm_probe_result_clear(&r);
    fm_flags_free(&fs);
}

TEST(bad_accelerator_flag)
{
    fm_probe_capability_flags f;
    fm_flags_def defs[PROBE_CAPABILITY_FLAGS];
    fm_flags_set fs;
    char *argv[] = {"probe", "--accelerator", "rocm", NULL};
    CHECK_INT(parse_caps(&f, defs, &fs, 3, argv), FM_EINVAL);
    CHECK_CONTAINS(fm_error_last()->message, "invalid value \"rocm\" for flag -accelerator");
    fm_flags_free(&fs);
}

int main(void)
{
    RUN(status_with_gpus_and_flags);
    RUN(status_minimal_and_edges);
    RUN(bad_accelerator_flag);
    return test_summary();
}
