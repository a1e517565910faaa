/* SPDX-License-Identifier: MIT */
/*
 * Clocks for the phase timing of lextag_tagger_set_timing(): wall time, or
 * the calling thread's CPU time when the sink asks for it.  Called only when
 * a sink is set, so tagging without one reads no clock at all.
 */
#ifndef LX_TIMING_H
#define LX_TIMING_H

#include "lextag/lextag.h"

/* Seconds on CLOCK_MONOTONIC. */
double lx_timing_now(void);

/* Seconds of CPU time the calling thread has used. */
double lx_timing_cpu(void);

/* The sink's clock: lx_timing_cpu() when tm->cpu, else lx_timing_now(). */
double lx_timing_clock(const lextag_timing *tm);

/* Adds the time since *t0 on tm's clock to *acc and moves *t0 to now;
   nothing when tm is NULL. */
void lx_timing_lap(const lextag_timing *tm, double *acc, double *t0);

#endif
