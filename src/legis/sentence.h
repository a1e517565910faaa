/* SPDX-License-Identifier: MIT */
/*
 * Sentences, datelines and session years in raw text, for the state bill
 * module (which reads its evidence after resolution, from the bytes).
 */
#ifndef LX_SENTENCE_H
#define LX_SENTENCE_H

#include <stddef.h>

/* The sentence around t[s..e) (looked for within 2000 bytes): [*ss, *se). */
void lx_sentence_of(const char *t, size_t len, size_t s, size_t e, size_t *ss, size_t *se);

/* End of a dateline ("AUSTIN, Texas (AP) -"): its dash near the top; 0 when none. */
size_t lx_dateline_end(const char *t, size_t len);

/*
 * The session year written with the span t[s..e) in its sentence
 * t[ss..se): right before it ("2019 HB 5"), after it in brackets
 * ("HB 5 (2019)"), or before the word "session"; 0 when none.
 */
int lx_sentence_year(const char *t, size_t ss, size_t se, size_t s, size_t e);

/*
 * Sentence ends and years standing alone in stretches of one text, found
 * once so that the sentence and year of each of many bills is a binary
 * search.  Answers as lx_sentence_of and lx_sentence_year do; outside the
 * stretches added, it calls them.
 */
typedef struct lx_sentences {
    const char *t;
    size_t len;
    size_t *brk, n_brk, brk_cap; /* i: a sentence ends right after t[i] */
    size_t *yr, n_yr, yr_cap;    /* i: a year 1900-2099 stands alone at t[i] */
    size_t *span, n_span, span_cap; /* the stretches added: lo, hi, lo, hi, ... */
} lx_sentences;

/* Adds the stretch [lo, hi), after (and apart from) those added before.
   Returns 0 or LEXTAG_ERR_NOMEM. */
int lx_sentences_add(lx_sentences *x, size_t lo, size_t hi);

/* lx_sentence_of(x->t, x->len, s, e, ss, se). */
void lx_sentences_of(const lx_sentences *x, size_t s, size_t e, size_t *ss, size_t *se);

/* lx_sentence_year(x->t, ss, se, s, e). */
int lx_sentences_year(const lx_sentences *x, size_t ss, size_t se, size_t s, size_t e);

/* Frees the lists; x may then be reused for the same text. */
void lx_sentences_free(lx_sentences *x);

#endif
