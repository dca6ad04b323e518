/*
 * probe.c - host capability probing (see probe.h): meminfo and NVML on
 * Linux, the common result handling for every platform.
 */
#include "probe.h"

#include "agentutil.h"
#include "error.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- platform */

const char *fm_probe_os(void)
{
#if defined(__APPLE__)
    return "darwin";
#elif defined(__linux__)
    return "linux";
#elif defined(__FreeBSD__)
    return "freebsd";
#else
    return "unknown";
#endif
}

const char *fm_probe_arch(void)
{
#if defined(__x86_64__)
    return "amd64";
#elif defined(__aarch64__)
    return "arm64";
#elif defined(__i386__)
    return "386";
#elif defined(__arm__)
    return "arm";
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
    return "ppc64le";
#elif defined(__s390x__)
    return "s390x";
#elif defined(__riscv) && __riscv_xlen == 64
    return "riscv64";
#else
    return "unknown";
#endif
}

int fm_probe_check_accelerator(const char *name)
{
    if (name && (strcmp(name, "metal") == 0 || strcmp(name, "cuda") == 0 ||
                 strcmp(name, "none") == 0))
        return 0;
    return fm_error_set(FM_EINVAL, "invalid accelerator \"%s\": want metal, cuda or none",
                        name ? name : "");
}

/* Appends a formatted one-line warning to r. Returns 0 or FM_ENOMEM. */
__attribute__((format(printf, 2, 3))) static int add_warning(fm_probe_result *r, const char *fmt,
                                                             ...)
{
    char *text = NULL;
    va_list ap;
    va_start(ap, fmt);
    int n = vasprintf(&text, fmt, ap);
    va_end(ap);
    if (n < 0) return fm_error_set(FM_ENOMEM, "probe: out of memory");
    char **grown = realloc(r->warnings, (r->n_warnings + 1) * sizeof(char *));
    if (!grown) {
        free(text);
        return fm_error_set(FM_ENOMEM, "probe: out of memory");
    }
    r->warnings = grown;
    r->warnings[r->n_warnings++] = text;
    return 0;
}

void fm_probe_result_clear(fm_probe_result *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->n_warnings; i++) free(r->warnings[i]);
    free(r->warnings);
    free(r->gpus);
    memset(r, 0, sizeof(*r));
}

/* -------------------------------------------------------------- meminfo */

/*
 * Parses the value of a meminfo line after the colon: spaces, decimal
 * digits, then an optional "kB". Stores bytes. Returns false when the value
 * is malformed or would not fit in 64 bits.
 */
static bool parse_kb(uint64_t *out, const char *s)
{
    uint64_t kb = 0;
    while (*s == ' ' || *s == '\t') s++;
    if (*s < '0' || *s > '9') return false;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (kb > (UINT64_MAX / 1024 - 9) / 10) return false;
        kb = kb * 10 + (uint64_t)(*s - '0');
    }
    while (*s == ' ' || *s == '\t') s++;
    if (strncmp(s, "kB", 2) == 0) s += 2;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    if (*s) return false;
    *out = kb * 1024;
    return true;
}

int fm_probe_read_meminfo(uint64_t *total_out, uint64_t *available_out, const char *path)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    bool have_total = false, have_avail = false;
    int rc = 0;

    *total_out = 0;
    *available_out = 0;
    if (!f) return fm_error_set(FM_EIO, "%s: cannot open: %s", path, strerror(errno));
    errno = 0;
    while (getline(&line, &cap, f) >= 0) {
        uint64_t *dst = NULL;
        bool *have = NULL;
        const char *field = NULL;
        if (strncmp(line, "MemTotal:", 9) == 0) {
            dst = total_out, have = &have_total, field = "MemTotal";
        } else if (strncmp(line, "MemAvailable:", 13) == 0) {
            dst = available_out, have = &have_avail, field = "MemAvailable";
        } else {
            continue;
        }
        if (!parse_kb(dst, strchr(line, ':') + 1)) {
            rc = fm_error_set(FM_EPARSE, "%s: malformed %s value", path, field);
            goto done;
        }
        *have = true;
    }
    if (ferror(f)) {
        rc = fm_error_set(FM_EIO, "%s: cannot read: %s", path, strerror(errno ? errno : EIO));
        goto done;
    }
    if (!have_total) {
        rc = fm_error_set(FM_EPARSE, "%s: no MemTotal field", path);
        goto done;
    }
    if (!have_avail) rc = fm_error_set(FM_EPARSE, "%s: no MemAvailable field", path);
done:
    free(line);
    fclose(f);
    if (rc != 0) *total_out = *available_out = 0;
    return rc;
}

/* ----------------------------------------------------------------- NVML */

/* The few NVML types and entry points we use, declared here so no NVIDIA
 * header is needed to build. Return value 0 is NVML_SUCCESS. */
typedef int nvml_return;
typedef struct nvml_device_st *nvml_device;
typedef struct nvml_memory {
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
} nvml_memory;

typedef struct nvml_api {
    nvml_return (*init)(void);
    nvml_return (*shutdown)(void);
    nvml_return (*driver_version)(char *version, unsigned int length);
    nvml_return (*cuda_version)(int *version);
    nvml_return (*count)(unsigned int *count);
    nvml_return (*handle)(unsigned int index, nvml_device *device);
    nvml_return (*name)(nvml_device device, char *name, unsigned int length);
    nvml_return (*memory)(nvml_device device, nvml_memory *memory);
    const char *(*error_string)(nvml_return result); /* optional */
} nvml_api;

/* GPUs listed at most; NVML hosts have 16 at the very most today. */
#define MAX_GPUS 256

static const char *nvml_err(const nvml_api *api, nvml_return rc, char buf[32])
{
    if (api->error_string) {
        const char *s = api->error_string(rc);
        if (s) return s;
    }
    snprintf(buf, 32, "error %d", rc);
    return buf;
}

/* Resolves every symbol we need; false (and *missing names the first
 * absent one) when the library lacks one. */
static bool nvml_bind(nvml_api *api, void *h, const char **missing)
{
    static const struct {
        const char *sym;
        size_t off;
    } table[] = {
        {"nvmlInit_v2", offsetof(nvml_api, init)},
        {"nvmlShutdown", offsetof(nvml_api, shutdown)},
        {"nvmlSystemGetDriverVersion", offsetof(nvml_api, driver_version)},
        {"nvmlSystemGetCudaDriverVersion_v2", offsetof(nvml_api, cuda_version)},
        {"nvmlDeviceGetCount_v2", offsetof(nvml_api, count)},
        {"nvmlDeviceGetHandleByIndex_v2", offsetof(nvml_api, handle)},
        {"nvmlDeviceGetName", offsetof(nvml_api, name)},
        {"nvmlDeviceGetMemoryInfo", offsetof(nvml_api, memory)},
    };
    memset(api, 0, sizeof(*api));
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        void *fn = dlsym(h, table[i].sym);
        if (!fn) {
            *missing = table[i].sym;
            return false;
        }
        /* Function and data pointers share a representation on every
         * platform dlsym exists on; POSIX requires it. */
        memcpy((char *)api + table[i].off, &fn, sizeof(fn));
    }
    void *es = dlsym(h, "nvmlErrorString");
    if (es) memcpy(&api->error_string, &es, sizeof(es));
    return true;
}

/* Lists the devices of an initialised NVML into r. Returns 0 or FM_ENOMEM;
 * per-device failures become warnings. */
static int nvml_list(fm_probe_result *r, const nvml_api *api)
{
    char eb[32];
    unsigned int count = 0;
    nvml_return nr;
    int rc;

    nr = api->driver_version(r->driver_version, sizeof(r->driver_version));
    r->driver_version[sizeof(r->driver_version) - 1] = 0;
    if (nr != 0) {
        r->driver_version[0] = 0;
        if ((rc = add_warning(r, "nvml: driver version: %s", nvml_err(api, nr, eb))) != 0)
            return rc;
    }
    int cuda = 0;
    nr = api->cuda_version(&cuda);
    if (nr == 0 && cuda > 0) {
        snprintf(r->cuda_version, sizeof(r->cuda_version), "%d.%d", cuda / 1000,
                 (cuda % 1000) / 10);
    } else if (nr != 0 && (rc = add_warning(r, "nvml: CUDA driver version: %s",
                                            nvml_err(api, nr, eb))) != 0) {
        return rc;
    }

    nr = api->count(&count);
    if (nr != 0) return add_warning(r, "nvml: device count: %s", nvml_err(api, nr, eb));
    if (count > MAX_GPUS) {
        if ((rc = add_warning(r, "nvml: %u devices, listing the first %d", count, MAX_GPUS)) != 0)
            return rc;
        count = MAX_GPUS;
    }
    if (count == 0) return 0;
    r->gpus = calloc(count, sizeof(fm_probe_gpu));
    if (!r->gpus) return fm_error_set(FM_ENOMEM, "probe: out of memory");

    for (unsigned int i = 0; i < count; i++) {
        nvml_device dev = NULL;
        fm_probe_gpu *g = &r->gpus[r->n_gpus];
        nr = api->handle(i, &dev);
        if (nr != 0) {
            if ((rc = add_warning(r, "nvml: device %u: handle: %s", i, nvml_err(api, nr, eb))) != 0)
                return rc;
            continue;
        }
        g->index = (int32_t)i;
        nr = api->name(dev, g->name, sizeof(g->name));
        g->name[sizeof(g->name) - 1] = 0;
        if (nr != 0) {
            g->name[0] = 0;
            if ((rc = add_warning(r, "nvml: device %u: name: %s", i, nvml_err(api, nr, eb))) != 0)
                return rc;
        }
        nvml_memory mem = {0, 0, 0};
        nr = api->memory(dev, &mem);
        if (nr == 0) {
            g->has_memory = true;
            g->memory_mib = (int64_t)(mem.total / 1048576u);
            g->free_memory_mib = (int64_t)(mem.free / 1048576u);
        } else if ((rc = add_warning(r, "nvml: device %u: memory: %s", i,
                                     nvml_err(api, nr, eb))) != 0) {
            return rc;
        }
        r->n_gpus++;
    }
    return 0;
}

/*
 * Loads NVML, lists the GPUs and unloads it (see probe.h). nvmlShutdown is
 * called exactly once for every successful nvmlInit_v2, and the library is
 * closed on every path, so repeated heartbeats do not leak handles.
 */
int fm_probe_nvml(fm_probe_result *r, const char *lib)
{
    nvml_api api;
    const char *missing = NULL;
    char eb[32];
    int rc = 0;

    void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
    if (!h) return 0;  /* no driver: no NVIDIA GPU, and nothing to say */
    if (!nvml_bind(&api, h, &missing)) {
        rc = add_warning(r, "nvml: %s lacks %s; no GPUs listed", lib, missing);
        goto done;
    }
    nvml_return nr = api.init();
    if (nr != 0) {
        rc = add_warning(r, "nvml: nvmlInit_v2 failed: %s; no GPUs listed",
                         nvml_err(&api, nr, eb));
        goto done;
    }
    rc = nvml_list(r, &api);
    api.shutdown();
done:
    dlclose(h);
    return rc;
}

/* ------------------------------------------------------------ the probe */

static const char *choose(const char *opt, const char *env, const char *dflt)
{
    if (opt && *opt) return opt;
    const char *e = getenv(env);
    if (e && *e) return e;
    return dflt;
}

/*
 * Runs every probe and applies the overrides (see probe.h). RAM first: when
 * it fails, nothing else is worth reporting.
 */
int fm_probe_run(fm_probe_result *out, const fm_probe_options *opts)
{
    static const fm_probe_options none = {0};
    int rc;

    if (!opts) opts = &none;
    memset(out, 0, sizeof(*out));
    out->os = fm_probe_os();
    out->arch = fm_probe_arch();
    if (opts->accelerator && *opts->accelerator &&
        (rc = fm_probe_check_accelerator(opts->accelerator)) != 0)
        return rc;

#ifdef __APPLE__
    rc = probe_darwin_memory(&out->total_ram_bytes, &out->available_ram_bytes);
#else
    rc = fm_probe_read_meminfo(&out->total_ram_bytes, &out->available_ram_bytes,
                            choose(opts->meminfo_path, PROBE_MEMINFO_ENV, PROBE_MEMINFO_DEFAULT));
#endif
    if (rc != 0) goto fail;
    out->total_ram_gb = fm_agentutil_bytes_to_gib(out->total_ram_bytes);
    out->available_ram_gb = fm_agentutil_bytes_to_gib(out->available_ram_bytes);
    if (opts->has_total_ram_gb) out->total_ram_gb = fm_agentutil_narrow_int32(opts->total_ram_gb);
    /* A host cannot have more free RAM than it has: keep the report coherent
     * when the operator states a smaller total than the kernel sees. */
    if (out->available_ram_gb > out->total_ram_gb) out->available_ram_gb = out->total_ram_gb;

    if (!opts->skip_gpus) {
        rc = fm_probe_nvml(out, choose(opts->nvml_library, PROBE_NVML_ENV, PROBE_NVML_DEFAULT));
        if (rc != 0) goto fail;
    }

    const char *acc = out->n_gpus > 0 ? "cuda" : "none";
#ifdef __APPLE__
    if (out->n_gpus == 0) acc = probe_darwin_accelerator();
#endif
    if (opts->accelerator && *opts->accelerator) acc = opts->accelerator;
    snprintf(out->accelerator, sizeof(out->accelerator), "%s", acc);
    return 0;
fail:
    fm_probe_result_clear(out);
    out->os = fm_probe_os();
    out->arch = fm_probe_arch();
    return rc;
}
