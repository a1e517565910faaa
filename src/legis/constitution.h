/* SPDX-License-Identifier: MIT */
/*
 * Citations of the Constitution: one match of a usconst rule to one
 * CITATION candidate with its usconst/... id.
 */
#ifndef LX_CONSTITUTION_H
#define LX_CONSTITUTION_H

#include <stddef.h>

#include "arena.h"
#include "candidate.h"
#include "rules.h"

/*
 * The match t[ms..me) of rule r ("U.S. Const. art. I, § 8"): appends one
 * candidate whose id names each part ("usconst/article-1/section-8"), none
 * when no part has a number.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_constitution_emit(const lx_rule *r, const char *t, size_t ms, size_t me, lx_arena *a,
                         lx_candvec *out);

#endif
