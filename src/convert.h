/* SPDX-License-Identifier: MIT */
/*
 * Candidates to public entity records (see convert.c).
 */
#ifndef LX_CONVERT_H
#define LX_CONVERT_H

#include <stdbool.h>

#include "candidate.h"
#include "result.h"

/*
 * Converts the candidates of cv (sorted by start) whose type is in the
 * comma-separated list `types` (NULL: every type) into entity records in
 * res's arena, offsets in bytes, code points and UTF-16 units, refs as
 * indexes; with explain, a PERSON or ORG the rules decided says so.
 * Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_convert_entities(const lx_candvec *cv, const char *text, size_t len, const char *types,
                        bool explain, lextag_result *res, lextag_entity **out, size_t *n_out);

/*
 * The same conversion, part by part side by side, for the common case: no
 * type filter and no explain.  Part p holds the candidates starting in text
 * [bounds[p], bounds[p + 1]) (bounds[0] = 0, bounds[n_parts] = len, each a
 * character boundary).  lx_convert_begin allocates in a (NOMEM or 0);
 * lx_convert_part may run on several threads at once for different parts;
 * lx_convert_end adds the parts' counts and gives the records, or returns
 * false when a part's walk overran its bound (convert in one walk instead).
 */
typedef struct lx_convert {
    const lx_candvec *cv;
    const char *text;
    size_t len;
    const size_t *bounds;
    size_t n_parts;
    lextag_entity *v;
    size_t *first; /* per part, its first candidate; first[n_parts] = cv->n */
    size_t *sums;  /* per part: code points, UTF-16 units, where its walk ended */
} lx_convert;

int lx_convert_begin(lx_convert *c, const lx_candvec *cv, const char *text, size_t len,
                     const size_t *bounds, size_t n_parts, lx_arena *a);
void lx_convert_part(lx_convert *c, size_t p);
bool lx_convert_end(lx_convert *c, lextag_entity **out, size_t *n_out);

#endif
