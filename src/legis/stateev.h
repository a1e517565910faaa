/* SPDX-License-Identifier: MIT */
/*
 * State evidence reader: finds the matches of every kind=state rule
 * (gazetteers/legis/states.rules) in one pass over the text instead of one
 * pass per rule.  The rules are joined into one alternation, each rule
 * atomic and followed by a callout that records its match and fails, so
 * the matcher goes on to the next rule at the same start and then to the
 * next start: every rule's matches come out exactly as if the rule had run
 * alone, in one left-to-right pass.
 *
 * The joined pattern is built by a tagger when it first meets a document
 * with a state bill (a text without one never pays for it), and is
 * compiled to machine code once the tagger has read enough evidence for
 * that to pay.  One reader per tagger: it holds match data and is not
 * shared between threads.
 */
#ifndef LX_STATEEV_H
#define LX_STATEEV_H

#include <stdbool.h>
#include <stddef.h>

#include "candidate.h"
#include "congress.h"
#include "marks.h"
#include "rules.h"
#include "sentence.h"

typedef struct lx_stateev lx_stateev;

/*
 * The pseudo-form of the states whose Senate bills are written as
 * Congress writes its own ("S. 5678", New York): forms=s. in states.rules.
 */
#define LX_STATEEV_FED_SENATE "s."

/* Bills whose level is open until the document's evidence is read. */
#define LX_STATEEV_OPEN (LX_CAND_STATE | LX_CAND_DUAL | LX_CAND_NO_CONGRESS)

/*
 * The evidence for the open bills of ents[0..n) (flags LX_CAND_STATE,
 * LX_CAND_DUAL, LX_CAND_NO_CONGRESS) into mv, indexed: the matches of the
 * kind=state rules of rs over the top of the text (its dateline) and 8 KB
 * around each open bill, and the Congress ordinals of ld; the same
 * stretches are added to sent (whose t and len are set).  *ev is the
 * tagger's reader, made on first use (caller frees with lx_stateev_free).
 * Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_stateev_collect(lx_stateev **ev, const lx_ruleset *rs, const lx_legis_doc *ld,
                       const lx_cand *ents, size_t n, const char *t, size_t len, lx_marks *mv,
                       lx_sentences *sent);

/*
 * The one state whose chambers number bills of `type` ("lb": ne) into
 * code (NUL-terminated); false when no state or more than one does.
 */
bool lx_stateev_only_state(const lx_stateev *ev, const char *type, char code[LX_MARK_CODE]);

/* Frees a reader; NULL is fine. */
void lx_stateev_free(lx_stateev *ev);

#endif
