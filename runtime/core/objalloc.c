/*
 * objalloc.c - size-classed slabs for cached objects, and interned strings
 * (see objalloc.h).
 *
 * A slab is 64 KiB, aligned to its size, so the slab of a block is the
 * block's address with the low 16 bits cleared. Its first 64 bytes are the
 * header; slots follow. Each class keeps a doubly-linked list of its slabs
 * with a free slot; a full slab is on no list. Freed slots form a list
 * through their first 8 bytes. An empty slab is released at once (its
 * pages dropped with MADV_DONTNEED) and kept on a stack for reuse.
 *
 * Disabled (every call answers NULL, so callers use malloc) when built
 * with AddressSanitizer, whose checks stop at a custom allocator, or when
 * FOREMAN_OBJALLOC=off is set (for valgrind).
 */
#include "objalloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "hashmap.h"

#define SLAB ((size_t)64 << 10)
#define HDR 64
#define RESERVE ((size_t)16 << 30) /* address space only */
#define N_CLASSES 128

#if defined(__SANITIZE_ADDRESS__)
#define OBJALLOC_DISABLED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OBJALLOC_DISABLED 1
#endif
#endif

typedef struct slab {
    struct slab *prev, *next; /* the class's list of slabs with a free slot */
    void *free;               /* freed slots */
    uint32_t size;            /* slot size */
    uint16_t cls;
    uint16_t n_slots, n_used, bump; /* bump: slots handed out at least once */
} slab;

_Static_assert(sizeof(slab) <= HDR, "slab header");

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static atomic_uintptr_t region_lo, region_hi;
static char *fresh;       /* first slab never used */
static slab **pool;       /* released slabs */
static size_t n_pool, cap_pool;
static slab *partial[N_CLASSES];
static fm_objalloc_stats st;

/* interned strings */
static fm_hashmap interned; /* string -> itself */
static char *intern_cur, *intern_end;

static void init(void)
{
#ifdef OBJALLOC_DISABLED
    return;
#else
    const char *e = getenv("FOREMAN_OBJALLOC");
    if (e && (strcmp(e, "off") == 0 || strcmp(e, "0") == 0)) return;
    void *p = mmap(NULL, RESERVE + SLAB, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return;
    uintptr_t lo = ((uintptr_t)p + SLAB - 1) & ~(uintptr_t)(SLAB - 1);
    fresh = (char *)lo;
    atomic_store(&region_hi, lo + RESERVE);
    atomic_store(&region_lo, lo);
#endif
}

static bool ready(void)
{
    pthread_once(&once, init);
    return atomic_load_explicit(&region_lo, memory_order_relaxed) != 0;
}

bool fm_objalloc_init(void)
{
    return ready();
}

bool fm_objalloc_owns(const void *p)
{
    uintptr_t lo = atomic_load_explicit(&region_lo, memory_order_relaxed);
    uintptr_t hi = atomic_load_explicit(&region_hi, memory_order_relaxed);
    return lo && (uintptr_t)p >= lo && (uintptr_t)p < hi;
}

/* ------------------------------------------------------------ classes */

static int class_of(size_t n)
{
    if (n <= 1024) return (int)((n + 31) / 32) - 1;                 /* 32 .. 1024 */
    if (n <= 4096) return 32 + (int)((n - 1024 + 63) / 64) - 1;     /* 1088 .. 4096 */
    return 80 + (int)((n - 4096 + 255) / 256) - 1;                  /* 4352 .. 16384 */
}

static size_t class_size(int c)
{
    if (c < 32) return (size_t)(c + 1) * 32;
    if (c < 80) return 1024 + (size_t)(c - 31) * 64;
    return 4096 + (size_t)(c - 79) * 256;
}

/* A raw slab (header not set): reused or fresh. Under mu. */
static void *take_slab(void)
{
    if (n_pool) return pool[--n_pool];
    uintptr_t hi = atomic_load_explicit(&region_hi, memory_order_relaxed);
    if ((uintptr_t)fresh + SLAB > hi) return NULL;
    if (mprotect(fresh, SLAB, PROT_READ | PROT_WRITE) != 0) return NULL;
    void *s = fresh;
    fresh += SLAB;
    return s;
}

/* Hands an unused slab's memory back and keeps it for reuse. Under mu. */
static void give_slab(void *s)
{
    madvise(s, SLAB, MADV_DONTNEED);
    if (n_pool == cap_pool) {
        size_t cap = cap_pool ? cap_pool * 2 : 64;
        slab **p = realloc(pool, cap * sizeof *p);
        if (!p) return; /* dropped from reuse; its pages are gone anyway */
        pool = p;
        cap_pool = cap;
    }
    pool[n_pool++] = s;
}

static void unlink_slab(slab *s)
{
    if (s->prev) s->prev->next = s->next;
    else partial[s->cls] = s->next;
    if (s->next) s->next->prev = s->prev;
    s->prev = s->next = NULL;
}

static void link_slab(slab *s)
{
    s->prev = NULL;
    s->next = partial[s->cls];
    if (s->next) s->next->prev = s;
    partial[s->cls] = s;
}

void *fm_objalloc_alloc(size_t n)
{
    if (n == 0 || n > FM_OBJALLOC_MAX || !ready()) return NULL;
    int c = class_of(n);
    size_t size = class_size(c);
    pthread_mutex_lock(&mu);
    slab *s = partial[c];
    if (!s) {
        s = take_slab();
        if (!s) {
            pthread_mutex_unlock(&mu);
            return NULL;
        }
        memset(s, 0, sizeof *s);
        s->size = (uint32_t)size;
        s->cls = (uint16_t)c;
        s->n_slots = (uint16_t)((SLAB - HDR) / size);
        link_slab(s);
        st.slabs++;
        st.slab_bytes += SLAB;
    }
    void *p;
    if (s->free) {
        p = s->free;
        s->free = *(void **)p;
    } else {
        p = (char *)s + HDR + (size_t)s->bump * size;
        s->bump++;
    }
    s->n_used++;
    if (s->n_used == s->n_slots) unlink_slab(s);
    st.blocks++;
    st.block_bytes += size;
    pthread_mutex_unlock(&mu);
    return p;
}

static slab *slab_of(const void *p)
{
    return (slab *)((uintptr_t)p & ~(uintptr_t)(SLAB - 1));
}

size_t fm_objalloc_block_size(const void *p)
{
    return slab_of(p)->size;
}

void fm_objalloc_free(void *p)
{
    if (!p) return;
    slab *s = slab_of(p);
    pthread_mutex_lock(&mu);
    *(void **)p = s->free;
    s->free = p;
    bool was_full = s->n_used == s->n_slots;
    s->n_used--;
    st.blocks--;
    st.block_bytes -= s->size;
    if (was_full) link_slab(s);
    if (s->n_used == 0) {
        unlink_slab(s);
        st.slabs--;
        st.slab_bytes -= SLAB;
        give_slab(s);
    }
    pthread_mutex_unlock(&mu);
}

void *fm_objalloc_calloc_any(size_t n)
{
    void *p = fm_objalloc_alloc(n);
    if (!p) return calloc(1, n ? n : 1);
    memset(p, 0, n);
    return p;
}

void fm_objalloc_free_any(void *p)
{
    if (!p) return;
    if (fm_objalloc_owns(p)) fm_objalloc_free(p);
    else free(p);
}

/* ------------------------------------------------------------ intern */

const char *fm_objalloc_intern(const char *s)
{
    if (!s || !ready()) return NULL;
    size_t n = strlen(s) + 1;
    if (n > 256) return NULL;
    pthread_mutex_lock(&mu);
    const char *got = fm_hashmap_get(&interned, s);
    if (!got && st.intern_bytes + n <= FM_OBJALLOC_INTERN_MAX) {
        if (!intern_cur || intern_cur + n > intern_end) {
            char *slab_mem = take_slab();
            if (slab_mem) {
                intern_cur = slab_mem;
                intern_end = slab_mem + SLAB;
            }
        }
        if (intern_cur && intern_cur + n <= intern_end) {
            char *d = intern_cur;
            memcpy(d, s, n);
            if (fm_hashmap_put(&interned, d, d, NULL) == 0) {
                intern_cur += n;
                st.intern_bytes += n;
                st.interned++;
                got = d;
            }
        }
    }
    pthread_mutex_unlock(&mu);
    return got;
}

void fm_objalloc_get_stats(fm_objalloc_stats *out)
{
    pthread_mutex_lock(&mu);
    *out = st;
    pthread_mutex_unlock(&mu);
}
