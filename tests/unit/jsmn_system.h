/* jsmn_system.h - see jsmn_system.c. */
#ifndef FOREMAN_TEST_JSMN_SYSTEM_H
#define FOREMAN_TEST_JSMN_SYSTEM_H
#include <stddef.h>

/* Parses js with the system's jsmn (strict, parent links) into at most cap
 * tokens (cap 0: counting mode, no token array), each written to out as
 * five ints: type, start, end, size, parent. state gets the parser's pos,
 * toknext and toksuper afterwards. Returns jsmn_parse's result. */
int sys_jsmn_run(const char *js, size_t len, int *out, int cap, int state[3]);

#endif
