/* SPDX-License-Identifier: MIT */
/*
 * Putting a stretch's learned spans in place of the rules' PERSON and ORG
 * candidates (see learned.h).  The candidates the layer overrules go, except
 * the rule-driven ones and the list entries it cannot read (a camel-case
 * name, a listed body whose acronym the text defines, a firm's name it read
 * as a product); an acronym's definition stays rule-driven only where the
 * layer reads a name over it too.
 */
#ifndef LX_LEARN_REWRITE_H
#define LX_LEARN_REWRITE_H

#include <stddef.h>

#include "learned.h"

/*
 * Drops the rules' PERSON and ORG candidates and adds the learned spans.
 * A candidate the learned layer overrules (no learned span reads it so),
 * and a learned span a kept rule span overlaps, go to dropped unless it is
 * NULL.  tl holds the stretch's tokens, which start at byte base of doc.
 */
int lx_rewrite_cands(lx_learn_lane *L, lx_candvec *cands, lx_candvec *dropped, const char *doc,
                     const lx_toklist *tl, size_t base);

#endif
