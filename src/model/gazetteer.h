/* SPDX-License-Identifier: MIT */
/*
 * Gazetteer files: NAME<TAB>TYPE[<TAB>ID[<TAB>KEY=VALUE...]] per line, '#'
 * comments, blank lines ignored.  Entries go into the model's token trie;
 * entries of an evidence type (see lx_model_evidence_bit) only mark their token.
 *
 * Attributes read here: case=default|any|exact, ambiguous=0|1, prio=N, era=past
 * (other values of era, like other keys, are the entry's own).
 * Others are kept verbatim and reported with the entry.
 */
#ifndef LX_GAZETTEER_H
#define LX_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "tokenizer.h"

/* (node << 32 | entry) pairs collected while adding entries. */
typedef struct lx_pairvec {
    uint64_t *v;
    size_t n, cap;
} lx_pairvec;

/*
 * Parses gazetteer text and adds its entries to m.  `file` names the text in
 * errors; `source` is the source name reported with each entity
 * ("gazetteer:people").  tl is scratch.  Errors: LEXTAG_ERR_PARSE with
 * FILE:LINE:COL in err, LEXTAG_ERR_NOMEM.
 */
int lx_gazetteer_parse(struct lextag_model *m, lx_pairvec *pairs,
                       lx_toklist *tl, const char *file, const char *source,
                       const char *text, size_t len, lextag_error *err);

/* Do tokens [i, j) of tl name a country of the COUNTRY evidence list, all of them? */
bool lx_gazetteer_country(const struct lextag_model *m, const lx_toklist *tl, size_t i, size_t j);

#endif
