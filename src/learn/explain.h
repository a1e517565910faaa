/* SPDX-License-Identifier: MIT */
/*
 * Why the learned layer tagged a span: the score, the features that
 * weighed most for the labels it chose, and the rule and list sources that
 * proposed candidates over the span.  Feature ids are hashes and cannot be
 * read back, so the templates run again over the span with names on.
 */
#ifndef LX_LEARN_EXPLAIN_H
#define LX_LEARN_EXPLAIN_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "lextag/lextag.h"
#include "candidate.h"
#include "feat.h"

/* Features listed per span. */
#define LX_EXPLAIN_TOP 6

/*
 * The explanation (in arena) of the span of tokens [a, b) labelled
 * lab[0..b-a) with emissions em (LX_NLABELS per token); cands are the
 * candidates of the stretch (absolute offsets, the stretch starts at base).
 * NULL when out of memory.
 */
const lextag_explain *lx_explain_span(const lx_fctx *c, const uint8_t *lab, const int32_t *em,
                            size_t a, size_t b, const lx_candvec *cands, size_t base,
                            lx_arena *arena);

#endif
