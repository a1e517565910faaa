/* SPDX-License-Identifier: MIT */
/*
 * A persistent pool of lane threads for one tagger.  A large document's
 * first pass used to create and join its threads for every document; here
 * they are started when first needed and then wait on a condition variable
 * between documents, so a run costs one broadcast and one wait instead of
 * N thread creations.  Work is handed out by the caller's function itself
 * (an atomic counter), so a thread that could not be started only means
 * fewer hands, never lost work.
 */
#ifndef LX_LANES_H
#define LX_LANES_H

#include <stddef.h>

#include "lextag/lextag.h"

/* The work of one run: called once per lane, lane 0 on the calling thread. */
typedef void (*lx_lanes_fn)(void *ctx, unsigned lane);

typedef struct lx_lanes lx_lanes;

/* A pool with no thread yet; NULL when out of memory.  Free with lx_lanes_free. */
lx_lanes *lx_lanes_new(void);

/*
 * Runs fn(ctx, k) for lanes k in [0, n) side by side and returns when every
 * call has returned; lane 0 runs on the caller.  Threads that cannot be
 * started are left out: returns the number of lanes that ran (at least 1).
 */
unsigned lx_lanes_run(lx_lanes *p, unsigned n, lx_lanes_fn fn, void *ctx);

/* Work item `item` (a stretch), done on lane k; returns 0 or an error code. */
typedef int (*lx_lanes_item_fn)(void *ctx, unsigned lane, size_t item);

/*
 * Runs fn over items [0, n) on up to `want` lanes of p (NULL: the caller
 * alone), items handed out in turn; the first error stops the handing out
 * and is returned.  With a timing sink, the lanes' CPU time goes to
 * tm->lanes_cpu (for n > 1, or always with tm->cpu), and the section's time
 * (wall, or with tm->cpu the caller's CPU share) moves from *phase, when
 * given, to tm->lanes.
 */
int lx_lanes_each(lx_lanes *p, size_t n, unsigned want, lx_lanes_item_fn fn, void *ctx,
                  lextag_timing *tm, double *phase);

/* Stops and joins the threads, frees the pool.  NULL-safe. */
void lx_lanes_free(lx_lanes *p);

#endif
