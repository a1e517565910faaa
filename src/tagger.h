/* SPDX-License-Identifier: MIT */
/*
 * The tagger's internal entry for streams: a tagger that tags the windows of
 * one stream reads and updates the stream's carried document state.
 */
#ifndef LX_TAGGER_H
#define LX_TAGGER_H

#include "carry.h"
#include "lextag/lextag.h"

/*
 * Makes t's next lextag_tagger_tag() calls windows of the stream whose state
 * is c (borrowed), or whole documents again when c is NULL.
 */
void lx_tagger_set_carry(lextag_tagger *t, lx_carry *c);

/* The threads t may use for one document (lextag_tagger_set_threads()). */
unsigned lx_tagger_threads(const lextag_tagger *t);

/* A window of a stream: its text, and how much of the stream's text follows
   its start (rules may read past its end). */
typedef struct lx_window_text {
    const char *text;
    size_t len, avail;
} lx_window_text;

/* Receives window i's result (now the callee's) before window i + 1 is
   finished; returns 0, or an error code that stops the windows. */
typedef int (*lx_window_done_fn)(void *arg, size_t i, lextag_result *r);

/*
 * Tags windows w[0..n) of the stream whose carry t holds, as n calls of
 * lextag_tagger_tag() would, one after the other: their legislation context
 * in order, then the first passes of all their stretches side by side on
 * t's lanes (a window alone has too few stretches to keep many lanes
 * busy), then each window's merge, document pass and offsets in order, its
 * result handed to done before the next is finished (done seals the carry
 * with it).  Returns 0, or the error code of a failure (reported in err,
 * unless done returned it).
 */
int lx_tagger_tag_windows(lextag_tagger *t, const lx_window_text *w, size_t n,
                          const lextag_options *opt, lx_window_done_fn done, void *arg,
                          lextag_error *err);

/* t's timing sink (lextag_tagger_set_timing()), or NULL. */
lextag_timing *lx_tagger_timing(const lextag_tagger *t);

#endif
