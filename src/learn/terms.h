/* SPDX-License-Identifier: MIT */
/*
 * Acronyms of terms: an acronym whose definition in the stretch is a
 * phrase spelling its letters ("support vector machine (SVM)", "true
 * positives (TPs)", "Positive Predictive Value (PPV)") names a thing, not
 * a person or an organization, wherever it stands in the stretch; so does
 * the phrase.  A capitalized phrase counts only when no word of it is a
 * sign of a body, a place or a people and every word is English: a
 * name's long form ("Federal Trade Commission (FTC)") is the rules'
 * (names/orgs.c).
 */
#ifndef LX_LEARN_TERMS_H
#define LX_LEARN_TERMS_H

#include <stddef.h>
#include <stdint.h>

#include "tokenizer.h"

/* At most this many term acronyms are remembered per stretch. */
#define LX_TERMS_MAX 64

/* A term acronym as written in its parentheses, text[start..end), and the
   phrase that spells it, text[long_start..long_end). */
typedef struct lx_term {
    uint32_t start, end;
    uint32_t long_start, long_end;
} lx_term;

/*
 * Finds the term acronyms defined in text[0..len) (tokens tl): writes them
 * into out, at most LX_TERMS_MAX, and returns their number.
 */
size_t lx_terms_find(const char *text, size_t len, const lx_toklist *tl, lx_term *out);

#endif
