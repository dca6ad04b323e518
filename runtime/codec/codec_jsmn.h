/*
 * codec_jsmn.h - jsmn as the codec compiles it: private to the including
 * file (JSMN_STATIC), with parent links and in strict mode. The codec and
 * the test that holds third_party/jsmn against the system's jsmn include
 * this, so both copies are compiled the same way. Defining
 * CODEC_JSMN_SYSTEM first selects the system's jsmn.h instead of ours.
 */
#ifndef FOREMAN_CODEC_JSMN_H
#define FOREMAN_CODEC_JSMN_H

#define JSMN_STATIC
#define JSMN_PARENT_LINKS
#define JSMN_STRICT
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-function"
#ifdef CODEC_JSMN_SYSTEM
#include </usr/include/jsmn.h>
#else
#include "jsmn.h" /* third_party/jsmn: jsmn 1.1.0 with a faster string scan */
#endif
#pragma GCC diagnostic pop

#endif
