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

#endif
