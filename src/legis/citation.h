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
 * usc, uscchapter, cfr, publaw, privlaw, stat, fedreg, usconst, actsection)
 * over t[ms..me): appends one candidate per section of a list whose
 * container comes first, one for a range (with all readings in "ids"), and
 * one for a whole reference whose container comes last (every item's id in
 * "ids").  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_citation_emit(const lx_rule *r, const char *t, size_t ms, size_t me,
                     const PCRE2_SIZE *ov, lx_arena *a, lx_candvec *out);

/*
 * Appends a candidate of rule r over t[s..e) with citation attributes: kind,
 * id, and ids (NULL, or n_ids ids in the arena the span may name, id first).
 * Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_citation_push(const lx_rule *r, const char *kind, size_t s, size_t e, const char *id,
                     const char *const *ids, size_t n_ids, lx_arena *a, lx_candvec *out);

/*
 * After resolution (ents sorted by start): a section of "the Act" gets the
 * id of the act named last before it (its sections dropped), or no id when
 * none was.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_citation_link_acts(lx_cand *ents, size_t n, lx_arena *a);

#endif
