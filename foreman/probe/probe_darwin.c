/*
 * probe_darwin.c - the macOS half of probe.h: RAM from sysctl and the Mach
 * VM statistics, the Metal accelerator on Apple silicon. CMake compiles this
 * file only on Apple platforms.
 */
#include "probe.h"

#include "error.h"

#include <mach/mach.h>
#include <string.h>
#include <sys/sysctl.h>
#include <sys/types.h>

/*
 * Total RAM is hw.memsize. "Available" counts the pages the kernel can hand
 * out without swapping: free, inactive (clean cache), speculative and
 * purgeable, which is what Activity Monitor's "memory available" is built on.
 * Returns 0, or FM_EIO naming the call that failed.
 */
int probe_darwin_memory(uint64_t *total_out, uint64_t *available_out)
{
    uint64_t total = 0;
    size_t len = sizeof(total);
    *total_out = *available_out = 0;
    if (sysctlbyname("hw.memsize", &total, &len, NULL, 0) != 0 || len != sizeof(total))
        return fm_error_set(FM_EIO, "sysctl hw.memsize: cannot read the RAM size");

    vm_statistics64_data_t vm;
    mach_msg_type_number_t count = HOST_VM_INFO64_COUNT;
    mach_port_t host = mach_host_self();
    kern_return_t kr = host_statistics64(host, HOST_VM_INFO64, (host_info64_t)&vm, &count);
    vm_size_t page = 0;
    kern_return_t kp = host_page_size(host, &page);
    mach_port_deallocate(mach_task_self(), host);
    if (kr != KERN_SUCCESS || kp != KERN_SUCCESS || page == 0)
        return fm_error_set(FM_EIO, "host_statistics64: cannot read the VM statistics");

    uint64_t pages = (uint64_t)vm.free_count + (uint64_t)vm.inactive_count +
                     (uint64_t)vm.speculative_count + (uint64_t)vm.purgeable_count;
    uint64_t avail = pages * (uint64_t)page;
    *total_out = total;
    *available_out = avail > total ? total : avail;
    return 0;
}

/* Apple silicon always has a Metal GPU; an Intel Mac reports none (the
 * reference's Metal path targets Apple silicon only). */
const char *probe_darwin_accelerator(void)
{
#if defined(__aarch64__) || defined(__arm64__)
    return "metal";
#else
    return "none";
#endif
}
