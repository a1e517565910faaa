/* SPDX-License-Identifier: MIT */
/*
 * Organization rules over name runs: head words ("X Party", "University of
 * X"), designators ("X Inc."), organization nouns ("the news agency X"),
 * cues ("shares of X") and acronym definitions ("... (CBI)").
 */
#ifndef LX_ORGS_H
#define LX_ORGS_H

#include <stdbool.h>
#include <stddef.h>

#include "evidence.h"

/*
 * Organization evidence for the name run i..j: appends a candidate when
 * there is some.  *done is set when the run is settled as an organization
 * (or left to the head-word rules) and needs no person rules.  Returns 0 or
 * LEXTAG_ERR_NOMEM.
 */
int lx_orgs_evidence(const lx_evidence *c, size_t i, size_t j, bool *done);

/*
 * Does a cue before token i say that the name opening there is an
 * organization's ("shares of X", "a spokesman for X", "the guitarist of
 * X")?  Such a name may be made of common words ("Apple", "Oasis").
 */
bool lx_orgs_cued(const lx_evidence *c, size_t i);

/*
 * Names around every organization head word of the stretch.  The first n0
 * candidates of c->out are the gazetteer's, which a name joined by "and"
 * yields to.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_orgs_heads(const lx_evidence *c, size_t n0);

/* Acronym definitions of the stretch.  Returns 0 or LEXTAG_ERR_NOMEM. */
int lx_orgs_acronyms(const lx_evidence *c);

/*
 * A party named by a nationality at token k and its members' plural after
 * it ("the Australian Greens", "the Italian Radicals"; party-plurals.txt),
 * not as part of a longer name ("the Party of Italian Communists", "the
 * United Christian Democrats"; a nationality that is a first name,
 * "Christian", is none).  The caller asks it of the tokens with the
 * nationality bit.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_orgs_national_party(const lx_evidence *c, size_t k);

#endif
