/*
 * tokenbucket.c - the token bucket (see tokenbucket.h).
 */
#include "tokenbucket.h"


void fm_token_bucket_init(fm_token_bucket *b, double rate, double burst, int64_t now_ns)
{
    b->rate = rate;
    b->burst = burst;
    b->tokens = burst;
    b->at_ns = now_ns;
}

double fm_token_bucket_level(fm_token_bucket *b, int64_t now_ns)
{
    if (now_ns > b->at_ns) {
        b->tokens += (double)(now_ns - b->at_ns) / 1e9 * b->rate;
        if (b->tokens > b->burst) b->tokens = b->burst;
        b->at_ns = now_ns;
    }
    return b->tokens;
}

int64_t fm_token_bucket_reserve(fm_token_bucket *b, int64_t now_ns, bool take)
{
    double tokens = fm_token_bucket_level(b, now_ns) - 1;
    if (take) b->tokens = tokens;
    if (tokens >= 0) return 0;
    /* Rounded up without libm's ceil(): the agent links no libm for this
     * alone (one shared library less to map, docs/performance.md, Agent). */
    double ns = -tokens / b->rate * 1e9;
    int64_t wait = (int64_t)ns;
    return (double)wait < ns ? wait + 1 : wait;
}

bool fm_token_bucket_allow(fm_token_bucket *b, int64_t now_ns)
{
    if (fm_token_bucket_level(b, now_ns) < 1) return false;
    b->tokens -= 1;
    return true;
}
