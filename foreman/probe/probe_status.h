/*
 * probe_status.h - turns a fm_probe_result and the agent's capability flags
 * into the generated FleetNode status (status.capability, agentVersion, os,
 * arch). The heartbeat and `foreman-agent probe` both go through here, so
 * what `probe` prints is exactly what the heartbeat reports.
 *
 * The capability flags (Go names, drop-in compatible):
 *   --accelerator         metal, cuda or none; default: detected
 *   --installed-models    comma list; absent when it has no entries
 *   --max-context-tokens  int, narrowed to int32; reported only when given
 *   --tokens-per-second   int, narrowed to int32; reported only when given
 *   --total-ram-gb        int, narrowed to int32; replaces the probed total
 */
#ifndef FOREMAN_PROBE_STATUS_H
#define FOREMAN_PROBE_STATUS_H

#include <stdbool.h>
#include <stdint.h>

#include "codec.h"
#include "flags.h"
#include "foreman_v1alpha1.h"
#include "probe.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Number of rows fm_probe_capability_flag_defs writes. */
#define PROBE_CAPABILITY_FLAGS 5

typedef struct fm_probe_capability_flags {
    const char *accelerator;    /* "" = detect */
    fm_list installed_models;   /* char * items; owned by the fm_flags_set */
    int64_t max_context_tokens;
    int64_t tokens_per_second;
    int64_t total_ram_gb;
    bool max_context_tokens_set;
    bool tokens_per_second_set;
    bool total_ram_gb_set;
} fm_probe_capability_flags;

/*
 * Writes the PROBE_CAPABILITY_FLAGS flag definitions that store into f to
 * out[0..5), for a program's flags table. After fm_flags_parse, call
 * fm_probe_capability_flags_collect to learn which were given.
 */
void fm_probe_capability_flag_defs(fm_flags_def out[PROBE_CAPABILITY_FLAGS], fm_probe_capability_flags *f);

/* Copies "given on the command line" for the integer flags from fs into f.
 * Returns 0, or FM_EINVAL when --accelerator names no accelerator. */
int fm_probe_capability_flags_collect(fm_probe_capability_flags *f, const fm_flags_set *fs);

/* The probe options the flags imply (accelerator and total RAM overrides);
 * paths are left NULL (environment or defaults). */
void fm_probe_options_from_flags(fm_probe_options *out, const fm_probe_capability_flags *f);

/*
 * Replaces out's capability with the probe result and the flags: accelerator,
 * totalRAMGB, availableRAMGB and, when there are any, gpus (index, name,
 * memoryMiB, freeMemoryMiB; memory fields only when NVML gave them);
 * installedModels when the list has entries; maxContextTokens and
 * tokensPerSecond when given. The old capability is freed first.
 * Returns 0 or FM_ENOMEM (out's capability is then cleared).
 */
int fm_probe_fill_capability(fm_capability *out, const fm_probe_result *r,
                          const fm_probe_capability_flags *f);

/*
 * fm_probe_fill_capability into out->capability (marked present), and sets
 * agentVersion (when agent_version is non-NULL), os and arch. Other status
 * fields (phase, heartbeat, conditions, currentTask) are left as they are.
 * Returns 0 or FM_ENOMEM.
 */
int fm_probe_fill_status(fm_fleet_node_status *out, const fm_probe_result *r,
                      const fm_probe_capability_flags *f, const char *agent_version);

#ifdef __cplusplus
}
#endif
#endif
