/* SPDX-License-Identifier: MIT */
/*
 * One stretch of a document (about 1 MiB, cut at a paragraph or sentence
 * break) through the first pass: tokenize, look every token up once in the
 * vocabulary, walk the trie, note rule anchors, run the context rules, run
 * anchored rules in merged windows and unanchored rules over the stretch,
 * and settle the stretch's overlaps.
 *
 * A lane holds the scratch for this work (tokens, candidates, windows, PCRE2
 * match data and JIT stack, an arena for the ids it makes).  Stretches do
 * not depend on each other, so several lanes can tag the stretches of one
 * large document at the same time; each stretch writes its own output
 * record, and the tagger merges them in order, so the result does not
 * depend on the number of lanes.
 */
#ifndef LX_STRETCH_H
#define LX_STRETCH_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "candidate.h"
#include "document.h"
#include "learned.h"
#include "legis.h"
#include "model.h"
#include "resolve.h"
#include "tokenizer.h"

#define LX_STRETCH (1u << 20)

/*
 * Stretch length in bytes: LX_STRETCH, except where tests and fuzz targets
 * lower it to cut small documents into many stretches (set it before
 * tagging, never while a tagger runs).
 */
extern size_t lx_stretch_size;

typedef struct lx_window {
    uint32_t rule;
    size_t start, end;
} lx_window;

/* What one stretch produced. */
typedef struct lx_stretch_out {
    lx_candvec accepted, lost; /* sorted by start; lost only if kept */
    lx_capword *caps;          /* capitalized words, for the document pass */
    size_t n_caps, caps_cap;
    uint32_t *limits;          /* rules cut off by their limits */
    size_t n_limits;
    lx_arena arena;            /* the ids the stretch made, until its result takes them */
} lx_stretch_out;

/* A token that starts a trie walk (root) or anchors rules (anchor). */
typedef struct lx_tokwork {
    uint32_t tok, root, anchor;
} lx_tokwork;

/* A capitalized word of the stretch: its token, and the token its line
   starts at. */
typedef struct lx_capat {
    uint32_t tok, line;
} lx_capat;

/* What run_rule() asks of a rule's compiled code, once per lane. */
typedef struct lx_rule_facts {
    bool known;
    bool jit;            /* JIT compiled: matched with pcre2_jit_match() */
    unsigned char first; /* the byte every match starts with, or 0 */
} lx_rule_facts;

typedef struct lx_lane {
    const struct lextag_model *m;
    lx_toklist tl;
    lx_candvec cands;
    lx_candvec overruled; /* what the learned layer overruled, for --all-candidates */
    lx_resolver rv;
    lx_window *win;
    size_t n_win, win_cap;
    lx_tokwork *work; /* the stretch's tokens that have trie or rule work */
    size_t n_work, work_cap;
    lx_capat *cap_at; /* the stretch's capitalized words, in order */
    size_t n_cap_at, cap_at_cap;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    unsigned char *rule_off;
    lx_rule_facts *rule_facts; /* per rule, asked of its code when first run */
    uint32_t *unanchored; /* the rules run over every stretch: no anchor, no state rule */
    size_t n_unanchored;
    lx_arena arena; /* ids and attributes; handed to the result */
    lx_learn_lane learn; /* the learned layer's scratch */
    bool use_learn;      /* decode PERSON and ORG with the model's weights */
    bool explain;        /* and explain each learned span */
} lx_lane;

/* Sets up a lane for model m.  Returns 0 or LEXTAG_ERR_NOMEM. */
int lx_lane_init(lx_lane *l, const struct lextag_model *m);

/* Frees a lane's scratch.  NULL-safe. */
void lx_lane_release(lx_lane *l);

/* End of the stretch of doc[0..len) that starts at a. */
size_t lx_stretch_end(const char *doc, size_t len, size_t a);

/*
 * First pass over doc[a..b) (offsets are absolute in doc[0..len)).  Appends
 * to out (which the caller zeroes); keeps the losers when keep_lost.
 * Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_lane_stretch(lx_lane *l, const char *doc, size_t len, size_t a, size_t b,
                    const lx_legis_doc *ld, bool keep_lost, lx_stretch_out *out);

/*
 * The first pass up to the candidates, before the learned layer and the
 * resolver: tokens (with vocabulary ids and bits) in l->tl, candidates in
 * l->cands.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_lane_collect(lx_lane *l, const char *doc, size_t len, size_t a, size_t b,
                    const lx_legis_doc *ld, lx_stretch_out *out);

/* Frees an output record.  NULL-safe. */
void lx_stretch_out_free(lx_stretch_out *out);

#endif
