/* SPDX-License-Identifier: MIT */
/*
 * Narrowing a decoded span where the rules know better, and dropping the
 * spans that name no person and no organization however the layer read
 * them: a storm, a work's or an award's name, an event, a field of study, a
 * thing named after a person, a product's model, a body in the sky, a
 * genus, a part of a text, a common term's acronym (see lx_narrow_span()).
 */
#ifndef LX_LEARN_NARROW_H
#define LX_LEARN_NARROW_H

#include <stdbool.h>
#include <stddef.h>

#include "learned.h"

/*
 * Narrows the decoded span [*a, *b) of class cls where the rules know
 * better; false when it is no name.  Leading punctuation and a leading
 * lowercase article or conjunction go.  A
 * person's or an organization's name right after a storm word, or opening
 * with one, is the storm's ("Hurricane Katrina"; "Storm" is also a first
 * name); one right after a noun naming a work is the work's title, and
 * one in an award's name the award's; a surname before a noun naming a
 * thing after the person is part of that thing's name ("Kalman filter");
 * an organization's name dated in parentheses is a work's ("The Rebel
 * Angels (1981)"); one ending in an abbreviation before a number is a
 * part of a text ("Sec. 2").  An auxiliary opening a question is no first
 * name ("Will Trump sign?"), nor is a word opening a sentence before a
 * first name ("Starring Harrison Ford"); an abbreviated title ("Rep.",
 * "Sen.") opens a name and never ends one ("H.R. Rep. No. 1" is a report).
 * A field of study, a word cut at a letter compound ("X-ray"), a piece of
 * music, a body in the sky and the words names_no_one() knows are no
 * names either.
 */
bool lx_narrow_span(const lx_learn_lane *L, const lx_fctx *c, int cls, size_t *a, size_t *b);

#endif
