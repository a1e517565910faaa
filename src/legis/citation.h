/* SPDX-License-Identifier: MIT */
/*
 * Statute and regulation citations (U.S.C., CFR, public and private laws,
 * Statutes at Large, Federal Register, the Constitution) turned into ids of
 * the unitedstates/citation scheme: usc/42/1983, cfr/8/235.3,
 * us-law/public/115/141, stat/132/348, fedreg/83/28404.
 */
#ifndef LX_CITATION_H
#define LX_CITATION_H

#include <stddef.h>

#include "arena.h"
#include "candidate.h"
#include "rules.h"

/*
 * One citation match of rule r (its NAME starts with the citation kind:
 * usc, cfr, publaw, privlaw, stat, fedreg, usconst) over t[ms..me): appends
 * one CITATION candidate per section of a list, one for a range (with all
 * readings in "ids").  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_citation_emit(const lx_rule *r, const char *t, size_t ms, size_t me,
                     const PCRE2_SIZE *ov, lx_arena *a, lx_candvec *out);

#endif
