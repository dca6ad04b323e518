/*
 * probe_cmd.c - the `foreman-agent probe` subcommand (see probe_cmd.h).
 * It goes through fm_probe_fill_status, the same code the heartbeat uses.
 */
#include "probe_cmd.h"

#include "codec.h"
#include "error.h"
#include "flags.h"
#include "foreman_v1alpha1.h"
#include "probe.h"
#include "probe_status.h"

#include <stdio.h>
#include <string.h>

#ifndef FOREMAN_VERSION
#define FOREMAN_VERSION "0.0.0-dev"
#endif

/* Prints the status as a short human table. */
static void print_text(FILE *out, const fm_fleet_node_status *st, const fm_probe_result *r)
{
    const fm_capability *c = &st->capability;
    const char *acc = fm_accelerator_name(c->accelerator);
    fprintf(out, "%-16s%s\n", "accelerator", acc ? acc : "none");
    fprintf(out, "%-16s%d GiB\n", "total RAM", (int)c->total_ram_gb);
    fprintf(out, "%-16s%d GiB\n", "available RAM", (int)c->available_ram_gb);
    if (fm_capability_has_max_context_tokens(c))
        fprintf(out, "%-16s%d\n", "max context", (int)c->max_context_tokens);
    if (fm_capability_has_tokens_per_second(c))
        fprintf(out, "%-16s%d\n", "tokens/s", (int)c->tokens_per_second);
    for (size_t i = 0; i < c->installed_models.len; i++)
        fprintf(out, "%-16s%s\n", i == 0 ? "models" : "", c->installed_models.items[i]);
    for (size_t i = 0; i < c->gpus.len; i++) {
        const fm_gpu_info *g = &c->gpus.items[i];
        char label[32];
        snprintf(label, sizeof(label), "GPU %d", (int)g->index);
        fprintf(out, "%-16s%s", label, g->name ? g->name : "(unnamed)");
        if (fm_gpu_info_has_memory_mib(g))
            fprintf(out, ", %lld MiB (%lld MiB free)", (long long)g->memory_mib,
                    (long long)g->free_memory_mib);
        fputc('\n', out);
    }
    if (r->driver_version[0])
        fprintf(out, "%-16s%s%s%s%s\n", "NVIDIA driver", r->driver_version,
                r->cuda_version[0] ? " (CUDA " : "", r->cuda_version,
                r->cuda_version[0] ? ")" : "");
    fprintf(out, "%-16s%s/%s\n", "platform", st->os, st->arch);
    fprintf(out, "%-16s%s\n", "agent version", st->agent_version);
}

int agent_probe_main(int argc, char **argv)
{
    fm_probe_capability_flags cap;
    const char *format = NULL;
    bool verbose = false;
    fm_flags_def defs[2 + PROBE_CAPABILITY_FLAGS] = {
        {"o", FLAGS_STRING, &format, "json", "output `format`: json or text", false},
        {"v", FLAGS_BOOL, &verbose, NULL, "print probe warnings on stderr", false},
    };
    fm_flags_set fs = {"foreman-agent probe", defs, 2 + PROBE_CAPABILITY_FLAGS};
    fm_probe_result r;
    fm_fleet_node_status st;
    fm_buf json = FM_BUF_INIT;
    int first = 0;
    int status = 1;

    memset(&cap, 0, sizeof(cap));
    memset(&r, 0, sizeof(r));
    memset(&st, 0, sizeof(st));
    fm_probe_capability_flag_defs(defs + 2, &cap);

    int rc = fm_flags_parse(&fs, argc, argv, &first);
    if (rc == FLAGS_HELP) {
        fm_flags_usage(stdout, &fs);
        status = 0;
        goto done;
    }
    if (rc == 0) rc = fm_probe_capability_flags_collect(&cap, &fs);
    if (rc == 0 && strcmp(format, "json") != 0 && strcmp(format, "text") != 0)
        rc = fm_error_set(FM_EINVAL, "invalid value \"%s\" for flag -o: want json or text", format);
    if (rc == 0 && first < argc)
        rc = fm_error_set(FM_EINVAL, "unexpected argument \"%s\"", argv[first]);
    if (rc != 0) {
        fprintf(stderr, "foreman-agent probe: %s\n", fm_error_last()->message);
        fm_flags_usage(stderr, &fs);
        status = 2;
        goto done;
    }

    fm_probe_options opts;
    fm_probe_options_from_flags(&opts, &cap);
    if (fm_probe_run(&r, &opts) != 0 || fm_probe_fill_status(&st, &r, &cap, FOREMAN_VERSION) != 0) {
        fprintf(stderr, "foreman-agent probe: %s\n", fm_error_last()->message);
        goto done;
    }
    if (verbose)
        for (size_t i = 0; i < r.n_warnings; i++)
            fprintf(stderr, "foreman-agent probe: warning: %s\n", r.warnings[i]);

    if (strcmp(format, "text") == 0) {
        print_text(stdout, &st, &r);
    } else {
        if (fm_codec_encode(&json, &st, &fm_fleet_node_status_desc) != 0) {
            fprintf(stderr, "foreman-agent probe: %s\n", fm_error_last()->message);
            goto done;
        }
        fwrite(json.data, 1, json.len, stdout);
        fputc('\n', stdout);
    }
    status = fflush(stdout) == 0 ? 0 : 1;
done:
    fm_buf_free(&json);
    fm_codec_clear(&st, &fm_fleet_node_status_desc);
    fm_probe_result_clear(&r);
    fm_flags_free(&fs);
    return status;
}
