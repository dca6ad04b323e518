/*
 * jsmn_system.c - the system's jsmn (Debian libjsmn-dev), compiled on its
 * own so test_jsmn_fast.c can hold it against third_party/jsmn's copy. The
 * results cross as plain ints, so the two headers never meet in one unit.
 */
#define CODEC_JSMN_SYSTEM
#include "codec_jsmn.h"
#ifdef JSMN_FOREMAN_SIMD
#error "the system's jsmn.h was not the one included"
#endif

#include <stdlib.h>

#include "jsmn_system.h"

int sys_jsmn_run(const char *js, size_t len, int *out, int cap, int state[3])
{
    jsmn_parser p;
    /* zeroed: jsmn leaves the type of a token it allocates and then
     * abandons (strict mode: a container as an object key) unset */
    jsmntok_t *t = calloc((size_t)(cap > 0 ? cap : 1), sizeof(jsmntok_t));
    if (!t) return -100;
    jsmn_init(&p);
    int r = jsmn_parse(&p, js, len, cap > 0 ? t : NULL, (unsigned)cap);
    for (int i = 0; i < cap && i < (int)p.toknext; i++) {
        out[5 * i] = (int)t[i].type;
        out[5 * i + 1] = t[i].start;
        out[5 * i + 2] = t[i].end;
        out[5 * i + 3] = t[i].size;
        out[5 * i + 4] = t[i].parent;
    }
    state[0] = (int)p.pos;
    state[1] = (int)p.toknext;
    state[2] = p.toksuper;
    free(t);
    return r;
}
