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
 * The id of the act titled t[s..e): "act:" + the title lowercased (ASCII),
 * apostrophes dropped, other runs of non-alphanumerics as one '-' ("act:"
 * alone when nothing is left).  From `a`; NULL when out of memory.
 */
const char *lx_legis_act_id(lx_arena *a, const char *t, size_t s, size_t e);

/*
 * After resolution: gives a LAW entity the "bill" member of the BILL written
 * next to it in apposition or parentheses, and a section of "the Act" the id
 * of the act named before it (lx_citation_link_acts).  `ents` are the accepted entities
 * sorted by start.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_legis_link(lx_cand *ents, size_t n, const char *text, lx_arena *a);

#endif
