/* SPDX-License-Identifier: MIT */
/*
 * US legislation references: turns matches of kind=bill|citation|act rules
 * into BILL, CITATION and LAW candidates with canonical ids, infers the
 * Congress of a bill from the text, the document date or a dateline, and
 * links a named act to the bill written beside it.
 */
#ifndef LX_LEGIS_H
#define LX_LEGIS_H

#include <stddef.h>

#include "arena.h"
#include "candidate.h"
#include "rules.h"

/* A "115th Congress" style ordinal found in the text. */
typedef struct lx_congress_mark {
    size_t pos;   /* byte offset where it applies from */
    int congress;
} lx_congress_mark;

typedef struct lx_legis_doc {
    int date_congress;       /* Congress of the document date, 0 unknown */
    const char *date_source; /* "date" or "dateline" when date_congress set */
    lx_congress_mark *marks; /* arena, sorted by pos */
    size_t n_marks;
} lx_legis_doc;

/*
 * Congress in session on a date: ((year + 1) / 2) - 894, with 1-3 January of
 * an odd year counted in the previous Congress.  Returns 0 for year < 1789.
 */
int lx_legis_congress_of_date(int year, int month, int day);

/*
 * Parses "YYYY-MM-DD".  Returns 0 and fills the fields, or -1 when malformed.
 */
int lx_legis_parse_date(const char *s, int *year, int *month, int *day);

/*
 * Prepares the per-document state: the Congress of `date` (YYYY-MM-DD, may be
 * NULL), else of a dateline near the top of the text; and every Congress
 * ordinal in the text.  Allocates from `a`.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_legis_prepare(lx_legis_doc *ld, const char *text, size_t len,
                     const char *date, lx_arena *a);

/*
 * Turns one match of rule r (kind bill, citation or act) on `text` into zero
 * or more candidates appended to `out` (a list gives one per item).  ov is
 * the PCRE2 ovector of the match.  Strings are allocated from `a`; type and
 * source strings may be static or borrowed from r.
 * Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_legis_emit(const lx_legis_doc *ld, const lx_rule *r, const char *text,
                  size_t len, const PCRE2_SIZE *ov, lx_arena *a,
                  lx_candvec *out);

/*
 * After resolution: gives a LAW entity the "bill" member of the BILL written
 * next to it in apposition or parentheses.  `ents` are the accepted entities
 * sorted by start.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_legis_link(lx_cand *ents, size_t n, const char *text, lx_arena *a);

#endif
