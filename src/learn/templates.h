/* SPDX-License-Identifier: MIT */
/*
 * The feature templates of the learned layer and the codes they share with
 * feat.c (line kinds, candidate summary bits).  Changing what a
 * template computes changes the meaning of trained weights: bump
 * LX_FEATURE_VERSION (weights.h) with it.
 */
#ifndef LX_LEARN_TEMPLATES_H
#define LX_LEARN_TEMPLATES_H

#include <stdint.h>

#include "candidate.h"
#include "feat.h"

enum lx_line_kind {
    LX_LINE_TEXT = 0, /* running text */
    LX_LINE_CAPS,     /* a line in capitals (headline, dateline) */
    LX_LINE_TITLE,    /* a title-case line without closing punctuation */
    LX_LINE_TABLE,    /* a score or table line: mostly numbers */
    LX_LINE_SHORT,    /* up to four tokens, no lowercase word: a byline, a name */
    LX_LINE_BYLINE,   /* "By ..." */
    LX_LINE_WRAP,     /* continues the sentence of the line before */
};

/* Set on the line kind of a region's token that opens a wrapped
   continuation line: its line break is read as a space. */
#define LX_LINE_JOINED 0x80

/* Candidate summary bits of a token. */
enum {
    LX_CM_BPER = 1, LX_CM_IPER = 2, LX_CM_BORG = 4, LX_CM_IORG = 8,
    LX_CM_GPER = 16, LX_CM_GORG = 32, /* from a gazetteer entry */
};

/*
 * Hash of a candidate's type, source and priority, the value of its marks;
 * source_hash is lx_tmpl_source_hash(c->source), which callers keep per
 * source string.
 */
uint64_t lx_tmpl_cand_value(const lx_cand *c, uint64_t source_hash);
uint64_t lx_tmpl_source_hash(const char *source);

/* Characters of a shape, at most. */
#define LX_SHAPE_MAX 12

/*
 * The shape of token k ("Xxx", "X.X.", "d-d": case classes of its
 * characters, runs collapsed, at most LX_SHAPE_MAX) into buf (16 bytes);
 * its length.
 */
size_t lx_tmpl_shape(const char *text, const lx_toklist *tl, long k, char *buf);

/* lx_hash64() of token t's shape, without writing it out. */
uint64_t lx_tmpl_shape_hash(const char *text, const lx_token *t);

/* The document-table slot of a word, or NULL. */
static inline const lx_dslot *lx_feat_doc(const lx_feat_scratch *sc, uint64_t hash)
{
    size_t h = lx_feat_doc_probe(sc->doc, sc->doc_cap, hash);
    return sc->doc[h].key ? &sc->doc[h] : NULL;
}

#endif
