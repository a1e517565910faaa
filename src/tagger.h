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

/* t's timing sink (lextag_tagger_set_timing()), or NULL. */
lextag_timing *lx_tagger_timing(const lextag_tagger *t);

#endif
