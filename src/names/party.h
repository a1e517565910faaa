/* SPDX-License-Identifier: MIT */
/*
 * The party and state that news style writes after a member of Congress:
 * "Mark Green, R-Tenn., said", "Sen. Rand Paul (R-Ky.)", "I-Vt.", "D-CA".
 * Capitalized and hyphenated, it reads like a name; it is none.
 */
#ifndef LX_PARTY_H
#define LX_PARTY_H

#include <stdbool.h>
#include <stddef.h>

#include "tokenizer.h"

/*
 * Are tokens [a, b) of tl (text: the stretch they were cut from) such a
 * tag, or its state: D, R or I, a hyphen and a capital, right after a comma
 * or an opening parenthesis, sixteen bytes at most ("D-South Carolina")?
 */
bool lx_party_tag(const lx_toklist *tl, const char *text, size_t a, size_t b);

#endif
