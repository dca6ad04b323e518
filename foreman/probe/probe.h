/*
 * probe.h - what this host can do: RAM, NVIDIA GPUs (through NVML, loaded at
 * run time), OS and architecture. The agent reports it in its FleetNode's
 * status.capability on every heartbeat, and `foreman-agent probe` prints it.
 *
 * Linux: total and available RAM from /proc/meminfo (MemTotal and
 * MemAvailable); GPUs from libnvidia-ml.so.1 when it can be loaded. A host
 * without the NVIDIA driver simply has no GPUs; that is not an error.
 * macOS (probe_darwin.c): RAM from sysctl hw.memsize and the Mach VM
 * statistics; accelerator metal on Apple silicon.
 *
 * Probing never invents facts: a meminfo that cannot be read or lacks a
 * field is an error naming the file and the field, never a zero.
 */
#ifndef FOREMAN_PROBE_H
#define FOREMAN_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PROBE_MEMINFO_DEFAULT "/proc/meminfo"
#define PROBE_NVML_DEFAULT "libnvidia-ml.so.1"
/* Environment overrides, used by the tests (options take precedence). */
#define PROBE_MEMINFO_ENV "FOREMAN_MEMINFO_PATH"
#define PROBE_NVML_ENV "FOREMAN_NVML_LIBRARY"

/* Longest GPU name and driver version NVML writes, NUL included. */
#define PROBE_GPU_NAME_MAX 96
#define PROBE_VERSION_MAX 81

typedef struct fm_probe_gpu {
    int32_t index;                  /* NVML device index */
    char name[PROBE_GPU_NAME_MAX];  /* "NVIDIA H100 80GB HBM3" */
    bool has_memory;                /* false when NVML could not tell */
    int64_t memory_mib;             /* total bytes / 1048576, rounded down */
    int64_t free_memory_mib;        /* free bytes / 1048576, rounded down */
} fm_probe_gpu;

typedef struct fm_probe_options {
    const char *meminfo_path;   /* NULL: $FOREMAN_MEMINFO_PATH, else /proc/meminfo */
    const char *nvml_library;   /* NULL: $FOREMAN_NVML_LIBRARY, else libnvidia-ml.so.1 */
    bool skip_gpus;             /* do not load NVML at all */
    const char *accelerator;    /* override: "metal", "cuda" or "none"; NULL or "" = detect */
    bool has_total_ram_gb;      /* override the probed total (--total-ram-gb) */
    int64_t total_ram_gb;       /* narrowed to int32 as every integer flag */
} fm_probe_options;

typedef struct fm_probe_result {
    uint64_t total_ram_bytes;   /* as probed, whatever the override says */
    uint64_t available_ram_bytes;
    int32_t total_ram_gb;       /* GiB, whole division; the override when given */
    int32_t available_ram_gb;   /* GiB; never above total_ram_gb */
    char accelerator[8];        /* "cuda", "metal" or "none" */
    fm_probe_gpu *gpus;            /* n_gpus entries, owned */
    size_t n_gpus;
    char driver_version[PROBE_VERSION_MAX]; /* "580.159.04"; "" when unknown */
    char cuda_version[16];      /* CUDA driver API version "13.0"; "" when unknown */
    const char *os;             /* Go's GOOS spelling: "linux", "darwin" */
    const char *arch;           /* Go's GOARCH spelling: "amd64", "arm64" */
    char **warnings;            /* n_warnings one-line notes (NVML trouble), owned */
    size_t n_warnings;
} fm_probe_result;

/*
 * Probes the host into out (which is overwritten; clear it with
 * fm_probe_result_clear). opts may be NULL for the defaults.
 * Returns 0, or FM_EIO / FM_EPARSE when RAM cannot be read (message names
 * the file and the missing field), FM_EINVAL for a bad accelerator
 * override, FM_ENOMEM. GPU trouble is never an error: it leaves no GPUs
 * and a warning.
 */
int fm_probe_run(fm_probe_result *out, const fm_probe_options *opts);

/* Frees what r owns and zeroes it. Accepts NULL. */
void fm_probe_result_clear(fm_probe_result *r);

/*
 * Reads MemTotal and MemAvailable (kB) from a meminfo-format file and gives
 * them in bytes. Returns 0, FM_EIO when the file cannot be opened or read,
 * FM_EPARSE when a field is missing or malformed, e.g.
 * "/proc/meminfo: no MemAvailable field".
 */
int fm_probe_read_meminfo(uint64_t *total_out, uint64_t *available_out, const char *path);

/*
 * Asks NVML (library lib, loaded with dlopen and unloaded before returning)
 * for the GPUs, the driver and the CUDA version, and stores them in r.
 * A library that cannot be loaded leaves r without GPUs and adds nothing;
 * missing symbols, a failed nvmlInit_v2 or a failed device call add a
 * warning. Returns 0 or FM_ENOMEM.
 */
int fm_probe_nvml(fm_probe_result *r, const char *lib);

/* Go's GOOS and GOARCH names of the platform this binary was built for. */
const char *fm_probe_os(void);
const char *fm_probe_arch(void);

/* Validates an accelerator name: 0 for metal, cuda or none, else FM_EINVAL
 * naming the value. */
int fm_probe_check_accelerator(const char *name);

#ifdef __APPLE__
/* probe_darwin.c: total (hw.memsize) and available (free + inactive +
 * speculative + purgeable pages of the Mach VM statistics) in bytes.
 * Returns 0 or FM_EIO naming the failed call. */
int probe_darwin_memory(uint64_t *total_out, uint64_t *available_out);
/* "metal" on Apple silicon, "none" elsewhere. */
const char *probe_darwin_accelerator(void);
#endif

#ifdef __cplusplus
}
#endif
#endif
