/* SPDX-License-Identifier: MIT */
/*
 * State bills: turns matches of kind=statebill rules into BILL candidates
 * whose jurisdiction is open, then, once the document is resolved, settles
 * the level and state of those and of the "House Bill 5" forms written at
 * both levels, from the evidence of kind=state rules: the span, then its
 * sentence, then the document.
 */
#ifndef LX_STATEBILL_H
#define LX_STATEBILL_H

#include <stddef.h>

#include "arena.h"
#include "candidate.h"
#include "legis.h"
#include "rules.h"
#include "stateev.h"

/*
 * Appends one candidate per number of the list matched in text[s..e) by the
 * kind=statebill rule r (flag LX_CAND_STATE; id and "bill" set later by
 * lx_statebill_settle).  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_statebill_emit(const lx_rule *r, const char *text, size_t s, size_t e, lx_arena *a,
                      lx_candvec *out);

/*
 * After resolution: gives every state bill in ents[0..*n) (sorted by start)
 * its jurisdiction, year and id, decides the level of the forms written at
 * both levels, adds a state name written just before a bill to its span, and
 * drops the need=state forms no state supports (*n shrinks).  Reads the
 * kind=state rules of rs over the text (with the tagger's reader *ev, made
 * on first use) only when such a bill is there.  Returns 0 or
 * LEXTAG_ERR_NOMEM.
 */
int lx_statebill_settle(lx_stateev **ev, const lx_legis_doc *ld, const lx_ruleset *rs,
                        lx_cand *ents, size_t *n, const char *text, size_t len, lx_arena *a);

#endif
