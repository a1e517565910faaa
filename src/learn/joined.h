/* SPDX-License-Identifier: MIT */
/*
 * Where one decoded span holds two names: two names the lists know joined
 * by "and" ("Microsoft and Google"), a known one and a word that heads
 * organizations ("the House and Senate"), two bodies each a name on its
 * own, a second name with its own "The", or an organization's possessive
 * before the one it owns ("NASA's Jet Propulsion Laboratory").
 */
#ifndef LX_LEARN_JOINED_H
#define LX_LEARN_JOINED_H

#include <stddef.h>

#include "learned.h"

/*
 * The token joining two names that make up the decoded span [a, b): both
 * known to the lists as names of the span's type ("Microsoft and Google"),
 * or one known and the other a word that heads organizations ("the House
 * and Senate"), or the second opening with its own "The": the span is two
 * names.  So is an organization's possessive before another name ("NASA's
 * Jet Propulsion Laboratory").  b when there is none, and when the lists
 * know the whole span ("Marks and Spencer").  (A name with "and" inside,
 * "Procter and Gamble", is neither.)
 */
size_t lx_joined_entries(const lx_learn_lane *L, const lx_fctx *c, size_t base, size_t a,
                         size_t b, const char *type);

#endif
