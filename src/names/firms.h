/* SPDX-License-Identifier: MIT */
/*
 * Firm names: the surnames of partners joined by commas and an ampersand,
 * perhaps with a designator ("Paul, Weiss, Rifkind, Wharton & Garrison LLP",
 * "Goldman, Sachs & Co", "Wachtell, Lipton, Rosen & Katz").  The commas
 * that join them are the ones that join the items of a list, so a reader
 * that sees a list takes the first partners for people ("Maria Delgado of
 * Paul") and the last two for the firm.  The ampersand says otherwise:
 * prose joins a list's last item with "and".
 */
#ifndef LX_FIRMS_H
#define LX_FIRMS_H

#include <stdbool.h>
#include <stddef.h>

#include "tokenizer.h"

/*
 * Is the ampersand at token amp the last joint of a firm name?  Then tokens
 * [*a, *b) are the name: three capitalized words or more joined by commas
 * and the ampersand, one line, and the designator after it if there is
 * one (a token with the evidence bit LX_EV_DESIGNATOR, "LLP", perhaps after
 * a comma; its period is not taken).  A capitalized word right before the
 * first partner (in its sentence), or a comma or an ampersand there, makes
 * it no firm name of this shape: the commas may then join a list of names
 * ("Procter & Gamble, Johnson & Johnson").
 */
bool lx_firm_name(const lx_toklist *tl, size_t amp, size_t *a, size_t *b);

#endif
