/* SPDX-License-Identifier: MIT */
/* Clocks for phase timing (see timing.h). */
#include "timing.h"

#include <stddef.h>
#include <time.h>

static double seconds(clockid_t id)
{
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0)
        return 0;
    return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

double lx_timing_now(void)
{
    return seconds(CLOCK_MONOTONIC);
}

double lx_timing_cpu(void)
{
    return seconds(CLOCK_THREAD_CPUTIME_ID);
}

double lx_timing_clock(const lextag_timing *tm)
{
    return tm->cpu ? lx_timing_cpu() : lx_timing_now();
}

void lx_timing_lap(const lextag_timing *tm, double *acc, double *t0)
{
    if (!tm)
        return;
    double t = lx_timing_clock(tm);
    *acc += t - *t0;
    *t0 = t;
}
