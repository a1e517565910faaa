/* SPDX-License-Identifier: MIT */
/*
 * The Congress of a bill number: Congress ordinals in the text ("the 115th
 * Congress"), the document's date or a dateline near its top.  One
 * lx_legis_doc per document holds what was found.
 */
#ifndef LX_CONGRESS_H
#define LX_CONGRESS_H

#include <stddef.h>

#include "arena.h"

/* A "115th Congress" style ordinal found in the text. */
typedef struct lx_congress_mark {
    size_t pos;   /* byte offset where it applies from */
    int congress;
} lx_congress_mark;

typedef struct lx_legis_doc {
    int date_congress;       /* Congress of the document date, 0 unknown */
    const char *date_source; /* "date" or "dateline" when date_congress set */
    int date_year;           /* year of that date, 0 unknown */
    lx_congress_mark *marks; /* arena, sorted by pos */
    size_t n_marks;
} lx_legis_doc;

/*
 * Congress in session on a date: ((year + 1) / 2) - 894, with 1-3 January of
 * an odd year counted in the previous Congress.  Returns 0 for year < 1789.
 */
int lx_congress_of_date(int year, int month, int day);

/*
 * Parses "YYYY-MM-DD".  Returns 0 and fills the fields, or -1 when malformed.
 */
int lx_congress_parse_date(const char *s, int *year, int *month, int *day);

/*
 * Prepares the per-document state: the Congress of `date` (YYYY-MM-DD, may be
 * NULL), else of a dateline near the top of the text; and every Congress
 * ordinal in the text.  Allocates from `a`.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_congress_prepare(lx_legis_doc *ld, const char *text, size_t len,
                        const char *date, lx_arena *a);

/*
 * The same for the first window of a stream: text[0..len) is the window and
 * text[len..avail) what follows it, read only where an ordinal or its
 * paragraph ends.
 */
int lx_congress_prepare_first(lx_legis_doc *ld, const char *text, size_t len, size_t avail,
                              const char *date, lx_arena *a);

/*
 * The same for a later window: the date and dateline come from prev (the
 * state of the first window), and `carried`, the ordinal open at the end of
 * the window before (lx_congress_open), still holds at this window's start:
 * to the end of its paragraph when the document has a date, as in one
 * whole document.
 */
int lx_congress_prepare_next(lx_legis_doc *ld, const char *text, size_t len, size_t avail,
                             const lx_legis_doc *prev, int carried, lx_arena *a);

/* The ordinal still in effect at the end of text[0..len) (0 when none). */
int lx_congress_open(const lx_legis_doc *ld, size_t len);

/*
 * The Congress in effect at byte pos of the prepared document, 0 when
 * unknown; *src says where it came from: "text", "date", "dateline" or
 * "none".
 */
int lx_congress_at(const lx_legis_doc *ld, size_t pos, const char **src);

#endif
