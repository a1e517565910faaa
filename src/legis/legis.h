/* SPDX-License-Identifier: MIT */
/*
 * US legislation references: turns matches of kind=bill|citation|act rules
 * into BILL, CITATION and LAW candidates with canonical ids (the Congress
 * of a bill from congress.h), and links a named act to the bill written
 * beside it.
 */
#ifndef LX_LEGIS_H
#define LX_LEGIS_H

#include <stddef.h>

#include "arena.h"
#include "candidate.h"
#include "congress.h"
#include "rules.h"

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
