/* SPDX-License-Identifier: MIT */
/*
 * Context rules: people and organizations that no list knows, found from the
 * evidence around a run of capitalized words (titles, known first names,
 * bylines, speech verbs, appositions, organization head words, designators).
 * The words themselves come from the model's evidence lists (gazetteer files
 * with evidence types); the code only combines them.
 */
#ifndef LX_CONTEXT_H
#define LX_CONTEXT_H

#include <stddef.h>

#include "candidate.h"
#include "model.h"
#include "tokenizer.h"

/*
 * Scans the tokens of one stretch of the document (vocabulary ids filled)
 * starting at byte `base` of doc, appending PERSON and ORG candidates with
 * absolute offsets.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_context_scan(const struct lextag_model *m, const char *doc, size_t base,
                    const lx_toklist *tl, lx_candvec *out);

#endif
