/* SPDX-License-Identifier: MIT */
/*
 * The spans of one decoded region.  The labels are first joined where the
 * model split a name (a nickname in quotation marks, a middle initial, a
 * hyphen) and made an organization's where a cue names a group (cues.c);
 * then each run of PER or ORG labels is cut to its name (narrow.c), typed
 * by what follows it (classes.c), split where it holds two names (joined.c)
 * and emitted.  Words the layer did not read as a person's or an
 * organization's name are emitted as one where a definition, a king's
 * numeral, a list a plural title heads (titled.c) or a band member's noun
 * says they are.  The region also leaves what the passes after decoding
 * ask of the stretch: its MISC words and names, the names a noun for a kind
 * of thing introduces, and the names found to be none.
 */
#ifndef LX_LEARN_SPANS_H
#define LX_LEARN_SPANS_H

#include <stdbool.h>
#include <stddef.h>

#include "learned.h"

/* Spans of PER and ORG labels in region r. */
int lx_spans_of(lx_learn_lane *L, const lx_fctx *c, size_t base, const lx_candvec *cands,
                size_t r, bool explain, lx_arena *arena);

#endif
