/*
 * fakenvml.c - a stand-in for libnvidia-ml.so.1 with the same entry points
 * and calling conventions, so the probe's dlopen path, MiB arithmetic and
 * failure handling can be tested on hosts without an NVIDIA GPU.
 *
 * Behaviour is chosen by FAKENVML_MODE when nvmlInit_v2 runs:
 *   zero        initialises, no devices
 *   one         one "NVIDIA H100 80GB HBM3", 85520809984 bytes (81559 MiB),
 *               free 81079 MiB plus 1048575 bytes (still 81079 MiB)
 *   two         (default) the H100 and an "NVIDIA L4", 23034 MiB, free
 *               22000 MiB
 *   initfail    nvmlInit_v2 returns 9 (driver not loaded)
 *   handlefail  two devices, the handle of device 0 cannot be had
 *   memfail     two devices, memory info of device 1 fails
 *   nodriver    driver and CUDA version calls fail, one device
 * When FAKENVML_TRACE names a file, every nvmlInit_v2 and nvmlShutdown
 * appends a line "init" or "shutdown" to it, so tests can check they pair.
 * Built with FAKENVML_NO_MEMORY the library lacks nvmlDeviceGetMemoryInfo.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int nvmlReturn_t;
typedef struct fake_device {
    const char *name;
    unsigned long long total, free;
    int handle_fails, memory_fails;
} fake_device;
typedef fake_device *nvmlDevice_t;
typedef struct nvmlMemory_t {
    unsigned long long total, free, used;
} nvmlMemory_t;

#define MIB 1048576ULL
enum { OK = 0, E_INVALID_ARGUMENT = 2, E_INSUFFICIENT_SIZE = 7, E_DRIVER_NOT_LOADED = 9,
       E_UNKNOWN = 999, E_UNINITIALIZED = 1, E_NOT_SUPPORTED = 3 };

nvmlReturn_t nvmlInit_v2(void);
nvmlReturn_t nvmlShutdown(void);
nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length);
nvmlReturn_t nvmlSystemGetCudaDriverVersion_v2(int *version);
nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count);
nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device);
nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length);
nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t *memory);
const char *nvmlErrorString(nvmlReturn_t result);

static fake_device devices[2];
static unsigned int n_devices;
static int initialised;
static int no_driver;

static void trace(const char *what)
{
    const char *path = getenv("FAKENVML_TRACE");
    if (!path || !*path) return;
    FILE *f = fopen(path, "a");
    if (!f) return;
    fprintf(f, "%s\n", what);
    fclose(f);
}

nvmlReturn_t nvmlInit_v2(void)
{
    const char *mode = getenv("FAKENVML_MODE");
    if (!mode || !*mode) mode = "two";
    trace("init");
    if (strcmp(mode, "initfail") == 0) return E_DRIVER_NOT_LOADED;

    fake_device h100 = {"NVIDIA H100 80GB HBM3", 85520809984ULL, 81079 * MIB + MIB - 1, 0, 0};
    fake_device l4 = {"NVIDIA L4", 23034 * MIB, 22000 * MIB, 0, 0};
    memset(devices, 0, sizeof(devices));
    no_driver = 0;
    devices[0] = h100;
    devices[1] = l4;
    n_devices = 2;
    if (strcmp(mode, "zero") == 0) n_devices = 0;
    else if (strcmp(mode, "one") == 0) n_devices = 1;
    else if (strcmp(mode, "handlefail") == 0) devices[0].handle_fails = 1;
    else if (strcmp(mode, "memfail") == 0) devices[1].memory_fails = 1;
    else if (strcmp(mode, "nodriver") == 0) n_devices = 1, no_driver = 1;
    initialised++;
    return OK;
}

nvmlReturn_t nvmlShutdown(void)
{
    trace("shutdown");
    if (!initialised) return E_UNINITIALIZED;
    initialised--;
    return OK;
}

nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length)
{
    static const char v[] = "580.159.04";
    if (!initialised) return E_UNINITIALIZED;
    if (no_driver) return E_NOT_SUPPORTED;
    if (length < sizeof(v)) return E_INSUFFICIENT_SIZE;
    memcpy(version, v, sizeof(v));
    return OK;
}

nvmlReturn_t nvmlSystemGetCudaDriverVersion_v2(int *version)
{
    if (!initialised) return E_UNINITIALIZED;
    if (no_driver) return E_NOT_SUPPORTED;
    *version = 13000;
    return OK;
}

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count)
{
    if (!initialised) return E_UNINITIALIZED;
    *count = n_devices;
    return OK;
}

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device)
{
    if (!initialised) return E_UNINITIALIZED;
    if (index >= n_devices) return E_INVALID_ARGUMENT;
    if (devices[index].handle_fails) return E_UNKNOWN;
    *device = &devices[index];
    return OK;
}

nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length)
{
    if (!initialised) return E_UNINITIALIZED;
    if (!device) return E_INVALID_ARGUMENT;
    if (length < strlen(device->name) + 1) return E_INSUFFICIENT_SIZE;
    strcpy(name, device->name);
    return OK;
}

#ifndef FAKENVML_NO_MEMORY
nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t *memory)
{
    if (!initialised) return E_UNINITIALIZED;
    if (!device) return E_INVALID_ARGUMENT;
    if (device->memory_fails) return E_UNKNOWN;
    memory->total = device->total;
    memory->free = device->free;
    memory->used = device->total - device->free;
    return OK;
}
#endif

const char *nvmlErrorString(nvmlReturn_t result)
{
    switch (result) {
    case OK: return "Success";
    case E_UNINITIALIZED: return "Uninitialized";
    case E_INVALID_ARGUMENT: return "Invalid Argument";
    case E_NOT_SUPPORTED: return "Not Supported";
    case E_INSUFFICIENT_SIZE: return "Insufficient Size";
    case E_DRIVER_NOT_LOADED: return "Driver Not Loaded";
    default: return "Unknown Error";
    }
}
