/*
 * probe_status.c - probe result + capability flags -> FleetNode status
 * (see probe_status.h).
 */
#include "probe_status.h"

#include "agentutil.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

void fm_probe_capability_flag_defs(fm_flags_def out[PROBE_CAPABILITY_FLAGS], fm_probe_capability_flags *f)
{
    const fm_flags_def defs[PROBE_CAPABILITY_FLAGS] = {
        {"accelerator", FLAGS_STRING, &f->accelerator, NULL,
         "accelerator to report: metal, cuda or none (default: detected)", false},
        {"installed-models", FLAGS_STRLIST, &f->installed_models, NULL,
         "comma-separated models this host can serve without a download", false},
        {"max-context-tokens", FLAGS_INT, &f->max_context_tokens, NULL,
         "largest context window the local runtime supports", false},
        {"tokens-per-second", FLAGS_INT, &f->tokens_per_second, NULL,
         "measured or declared generation speed", false},
        {"total-ram-gb", FLAGS_INT, &f->total_ram_gb, NULL,
         "installed RAM in GiB to report instead of the probed value", false},
    };
    memcpy(out, defs, sizeof(defs));
}

int fm_probe_capability_flags_collect(fm_probe_capability_flags *f, const fm_flags_set *fs)
{
    f->max_context_tokens_set = fm_flags_is_set(fs, "max-context-tokens");
    f->tokens_per_second_set = fm_flags_is_set(fs, "tokens-per-second");
    f->total_ram_gb_set = fm_flags_is_set(fs, "total-ram-gb");
    if (f->accelerator && *f->accelerator && fm_probe_check_accelerator(f->accelerator) != 0)
        return fm_error_set(FM_EINVAL, "invalid value \"%s\" for flag -accelerator: want metal, "
                                       "cuda or none", f->accelerator);
    return 0;
}

void fm_probe_options_from_flags(fm_probe_options *out, const fm_probe_capability_flags *f)
{
    memset(out, 0, sizeof(*out));
    out->accelerator = f->accelerator && *f->accelerator ? f->accelerator : NULL;
    out->has_total_ram_gb = f->total_ram_gb_set;
    out->total_ram_gb = f->total_ram_gb;
}

/* Copies the probed GPUs into cap->gpus (left absent when there are none). */
static int fill_gpus(fm_capability *cap, const fm_probe_result *r)
{
    if (r->n_gpus == 0) return 0;
    fm_gpu_info *g = calloc(r->n_gpus, sizeof(*g));
    if (!g) return fm_error_set(FM_ENOMEM, "capability: out of memory");
    cap->gpus.items = g;
    cap->gpus.len = r->n_gpus;
    fm_capability_set_gpus_present(cap, true);
    for (size_t i = 0; i < r->n_gpus; i++) {
        const fm_probe_gpu *p = &r->gpus[i];
        fm_gpu_info_set_index(&g[i], p->index);
        if (p->name[0] && !(g[i].name = strdup(p->name)))
            return fm_error_set(FM_ENOMEM, "capability: out of memory");
        if (p->has_memory) {
            fm_gpu_info_set_memory_mib(&g[i], p->memory_mib);
            fm_gpu_info_set_free_memory_mib(&g[i], p->free_memory_mib);
        }
    }
    return 0;
}

/* Copies the installed models (present only with entries). */
static int fill_models(fm_capability *cap, const fm_list *models)
{
    if (!models || models->len == 0) return 0;
    char **src = models->items;
    char **dst = calloc(models->len, sizeof(char *));
    if (!dst) return fm_error_set(FM_ENOMEM, "capability: out of memory");
    cap->installed_models.items = dst;
    cap->installed_models.len = models->len;
    fm_capability_set_installed_models_present(cap, true);
    for (size_t i = 0; i < models->len; i++)
        if (!(dst[i] = strdup(src[i]))) return fm_error_set(FM_ENOMEM, "capability: out of memory");
    return 0;
}

int fm_probe_fill_capability(fm_capability *out, const fm_probe_result *r,
                          const fm_probe_capability_flags *f)
{
    static const fm_probe_capability_flags no_flags = {0};
    int rc;

    if (!f) f = &no_flags;
    fm_codec_clear(out, &fm_capability_desc);
    out->accelerator = fm_accelerator_parse(r->accelerator);
    fm_capability_set_total_ram_gb(out, r->total_ram_gb);
    fm_capability_set_available_ram_gb(out, r->available_ram_gb);
    if (f->max_context_tokens_set)
        fm_capability_set_max_context_tokens(out, fm_agentutil_narrow_int32(f->max_context_tokens));
    if (f->tokens_per_second_set)
        fm_capability_set_tokens_per_second(out, fm_agentutil_narrow_int32(f->tokens_per_second));
    if ((rc = fill_models(out, &f->installed_models)) != 0 || (rc = fill_gpus(out, r)) != 0) {
        fm_codec_clear(out, &fm_capability_desc);
        return rc;
    }
    return 0;
}

int fm_probe_fill_status(fm_fleet_node_status *out, const fm_probe_result *r,
                      const fm_probe_capability_flags *f, const char *agent_version)
{
    int rc = fm_probe_fill_capability(&out->capability, r, f);
    if (rc != 0) {
        fm_fleet_node_status_set_capability_present(out, false);
        return rc;
    }
    fm_fleet_node_status_set_capability_present(out, true);
    if ((agent_version && fm_strset(&out->agent_version, agent_version) != 0) ||
        fm_strset(&out->os, r->os) != 0 || fm_strset(&out->arch, r->arch) != 0)
        return fm_error_set(FM_ENOMEM, "status: out of memory");
    return 0;
}
