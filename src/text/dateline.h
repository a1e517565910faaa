/* SPDX-License-Identifier: MIT */
/*
 * The place that opens a dateline: "MILAN 1996-08-30", "NICE, France
 * 1996-08-30", "ROCHESTER, N.H., Aug. 30 (Reuters) -", and with no date, a
 * city in capitals, its region or agency, and a dash ("CUPERTINO, Calif.
 * -", "LONDON (AP) -").  Capitalized words at a line's start before a
 * date are a city, whatever club or company bears its name: the learned
 * layer makes no name of them and the document pass no alias.
 */
#ifndef LX_DATELINE_H
#define LX_DATELINE_H

#include <stddef.h>

#include "tokenizer.h"

/*
 * The token where the date starts when the line opening at token a (the
 * first of its line) is a dateline: tokens [a, result) are its place, with
 * the region and commas.  a when the line is none.
 */
size_t lx_dateline_place(const lx_toklist *tl, size_t a);

/*
 * Past the day of the month after token k, a month's name ("Aug. 30", "Jan
 * 29": one or two digits, a period between allowed); 0 when none follows.
 */
size_t lx_dateline_day_after(const lx_toklist *tl, size_t k);

/*
 * The month (1-12) that the lowercase word w[0..n) names: in full, cut to
 * its first three letters ("aug") or "sept"; 0 for any other word.  The
 * Congress dateline reader (congress.c) spells months the same way.
 */
int lx_month_number(const char *w, size_t n);

#endif
