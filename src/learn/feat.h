/* SPDX-License-Identifier: MIT */
/*
 * Features of the learned layer, computed from what the first pass already
 * has for a stretch: the tokens (folded form and its hash, case flags,
 * evidence bits), the candidates every source proposed before resolution,
 * the kind of line each token stands on, word clusters, and a table of how
 * each word is written and proposed elsewhere in the stretch (the
 * document-level features).
 *
 * Only regions that can hold a name are decoded: runs of capitalized words
 * or candidate tokens, joined across gaps of up to two tokens ("Bank of
 * America").  Every other token is O without scoring.
 *
 * A feature is the 64-bit hash of a template id and a value, cut to 32
 * bits; the weights reduce it to a bucket.  Extracting allocates nothing:
 * the scratch grows with the largest stretch and is reused.
 */
#ifndef LX_LEARN_FEAT_H
#define LX_LEARN_FEAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "candidate.h"
#include "lines.h"
#include "model.h"
#include "tokenizer.h"

/* At most this many features per token. */
#define LX_FEAT_MAX 96
/* Candidate marks remembered per token. */
#define LX_FEAT_MARKS 4
/* Counters of the filter in front of the document table, at most (a
   power of two); a short stretch uses eight per slot of its table, and
   clears no more. */
#define LX_DOC_FILTER 32768
/* Bytes per entry of the index of tokens by byte offset: at 64 a lookup
   still stepped over several tokens, and the passes make many; at 8 the
   index costs more to fill than the steps it saves. */
#define LX_TOKIX_BLOCK 16
/* A stretch of at most this many tokens on one line is brief (see lx_feat_scratch). */
#define LX_BRIEF_TOKENS 160
/* Length of a readable feature name (explain only). */
#define LX_FEAT_NAME 64

/* Where each feature of few values starts in lx_feat_scratch's few: its
   values are all below the next one's start (a token's kind is below 8,
   so a kind with the flags above it is below 2048). */
enum {
    LX_FEW_FLAGS = 0,
    LX_FEW_CM = LX_FEW_FLAGS + 2048,
    LX_FEW_LINECASE = LX_FEW_CM + 256,
    LX_FEW_DOC = LX_FEW_LINECASE + 512,
    LX_FEW_CLM1 = LX_FEW_DOC + 64,
    LX_FEW_CLP1 = LX_FEW_CLM1 + 64,
    LX_FEW_END = LX_FEW_CLP1 + 64,
};

/* A region of tokens [s, e) to decode. */
typedef struct lx_region {
    uint32_t s, e;
} lx_region;

/* A word of the document table: 8 bytes, so the table stays in cache. */
typedef struct lx_dslot {
    uint32_t key;  /* 32 bits of the token hash, | 1; 0 = empty */
    uint8_t lower;              /* written in lowercase (a flag) */
    uint8_t capmid, per, org;   /* saturating counts */
} lx_dslot;

/* Cluster paths looked up lately, by word hash: names repeat, and the
   model's cluster table is larger than the cache (a power of two). */
#define LX_CLUSTER_CACHE 2048

typedef struct lx_cslot {
    uint64_t key; /* word hash | 1; 0 = empty */
    uint32_t path;
} lx_cslot;

/* Per-lane scratch, grown to the largest stretch and reused. */
typedef struct lx_feat_scratch {
    uint8_t *line;    /* line kind per token */
    uint8_t *cmask;   /* candidate summary per token */
    uint8_t *n_marks;
    uint16_t *marks;  /* LX_FEAT_MARKS per token: indexes into mark_val */
    /* The distinct mark values (a candidate's source, type and priority,
       and whether the token begins it), kept across stretches: a stretch
       holds few of them, and a token's marks take a quarter of the room. */
    uint64_t *mark_val;
    size_t n_mark_val, mark_val_cap;
    uint16_t *mark_slot; /* open addressing: index + 1 into mark_val, 0 = empty */
    size_t mark_slot_cap;
    uint64_t *shp;    /* shape hash per token (regions and their neighbours) */
    uint32_t *clu;    /* cluster path per token (same tokens) */
    uint64_t *lowh;   /* hashes of the lowercase words, in order */
    size_t n_lowh;
    uint32_t *tokix;  /* first token at or after each LX_TOKIX_BLOCK bytes */
    size_t n_tokix, tokix_cap;
    uint8_t *caps;    /* a token's flags (mark_seeds() reads its capitalization) */
    uint64_t *seeds;  /* bitmap: tokens a region may start at (next_seed()) */
    size_t cap;       /* tokens */
    bool brief;       /* the stretch is one short line: a sentence on its own */
    lx_region *reg;
    size_t n_reg, reg_cap;
    lx_dslot *doc;    /* document table, power of two */
    uint32_t *dix;    /* per region token: its slot of the document table */
    size_t doc_cap, doc_alloc, doc_used;
    bool doc_full;    /* more than half full: to be grown and filled again */
    /* per counter: the words of the table on it not yet seen in lowercase
       (255: so many, for good) */
    uint8_t filter[LX_DOC_FILTER];
    size_t filter_mask;                  /* counters in use - 1 */
    uint64_t line_tab[LX_LINE_CLASSES]; /* packed line counts by token class (lines.h) */
    bool line_tab_ready;
    /* the byte offsets of the weight rows of the features with few values
       (a token's case flags, its candidate summary, its line kind and
       case, its document counts, its neighbours' coarse clusters), by
       value, for weights of mask few_mask: scoring reads a row's place
       here rather than hashing the value */
    uint32_t few[LX_FEW_END];
    uint32_t few_mask;
    bool few_ready;
    const void *ccache_of;                 /* the clusters ccache holds */
    lx_cslot ccache[LX_CLUSTER_CACHE];
} lx_feat_scratch;

/* What extraction reads. */
typedef struct lx_fctx {
    const struct lextag_model *m;
    const char *text; /* the stretch (token offsets are relative to it) */
    const lx_toklist *tl;
    const lx_feat_scratch *sc;
} lx_fctx;

/*
 * Where extraction writes: ids, and names when names is not NULL.  Each
 * token's features may number up to LX_FEAT_MAX: the writer leaves that
 * much room past n before every token (templates.c checks at compile time
 * that no token gets more), so the templates write without a test.
 * Scoring (lx_feat_score_contexts()) has a sink of its own, with no ids:
 * each feature's weight row is summed where it is made (templates.c).
 */
typedef struct lx_fsink {
    uint32_t *ids;
    size_t n;
    char (*names)[LX_FEAT_NAME];
} lx_fsink;

/*
 * Prepares a stretch: line kinds, candidate marks (cands have absolute
 * offsets; the stretch starts at byte base of the document), the document
 * table and the regions.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_feat_prepare(lx_feat_scratch *sc, const struct lextag_model *m, const char *text,
                    size_t base, const lx_toklist *tl, const lx_candvec *cands);

/*
 * The first token of the prepared stretch starting at or after byte b
 * (relative; tl->n when none does): from the index of the first token of
 * each LX_TOKIX_BLOCK bytes, then on a few tokens.  A search, binary or
 * galloping from the last answer, touched a cache line of the token array,
 * far larger than the cache, at every step; the passes after decoding look
 * up each span's two ends.
 */
static inline size_t lx_feat_tok_at(const lx_feat_scratch *sc, const lx_toklist *tl, size_t b)
{
    size_t q = b / LX_TOKIX_BLOCK;
    if (q >= sc->n_tokix)
        return tl->n;
    size_t i = sc->tokix[q];
    while (i < tl->n && tl->v[i].start < b)
        i++;
    return i;
}

/* Is t a surname after an elided particle, one word: "d'Arrest",
   "l'Hôpital" (its apostrophe straight or curly, a capital after it)?  A
   region takes it in after a name. */
bool lx_feat_elided_particle(const char *text, const lx_token *t);

/* Appends the features of token i: those of its word, then its context. */
void lx_feat_token(const lx_fctx *c, size_t i, lx_fsink *s);

/*
 * The features that depend only on the token itself (folded word, shape,
 * evidence bits, cluster), equal for every token with the same
 * lx_feat_word_key(); and the others.
 */
void lx_feat_word(const lx_fctx *c, size_t i, lx_fsink *s);
void lx_feat_context(const lx_fctx *c, size_t i, lx_fsink *s);

/*
 * Adds the weights of the context features of tokens [s, s + n) to their
 * emissions em (LX_NLABELS per token, O first and left alone): the sums
 * lx_feat_context() and lx_weights_add() would give, without the ids
 * stored and read again.
 */
void lx_feat_score_contexts(const lx_fctx *c, const lx_weights *w, size_t s, size_t n,
                            int32_t *em);

/* Fills the rows of the features of few values of sc for weights w
   (lx_feat_score_contexts() reads them when their mask is w's). */
void lx_feat_few_rows(lx_feat_scratch *sc, const lx_weights *w);

/* Asks for the weight rows of the neighbours' words of tokens [s, s + n)
   (see LX_FEAT_NEIGHBOUR_WORDS). */
void lx_feat_prefetch_neighbours(const lx_fctx *c, const lx_weights *w, size_t s, size_t n);

/* Inline: the word cache asks for it several times per token. */
static inline uint64_t lx_feat_word_key(const lx_fctx *c, size_t i)
{
    return (c->tl->v[i].hash ^ c->sc->shp[i] * 0x9E3779B97F4A7C15ull) | 1;
}

/*
 * A token's context features open with its neighbours' words (four words
 * and two bigrams): the only ones with values by the hundred thousand,
 * whose weight rows lie scattered over the table.  The others take a few
 * hundred values at most, and their rows stay in cache.
 */
#define LX_FEAT_NEIGHBOUR_WORDS 6

/*
 * The bias feature, which lx_feat_token() (training, explaining) gives
 * every token and lx_feat_context() leaves out: stored weights carry it in
 * the transitions into each label.
 */
uint32_t lx_feat_bias(void);

/* Home slot of a word hash in a document table of cap slots (a power of two). */
static inline size_t lx_feat_doc_home(uint64_t hash, size_t cap)
{
    return (size_t) (hash ^ (hash >> 29)) & (cap - 1);
}

/* The slot of the document table d (cap slots) that holds a word hash,
   or the empty one where it would go.  Inline, as are its callers: the
   templates look up every region token. */
static inline size_t lx_feat_doc_probe(const lx_dslot *d, size_t cap, uint64_t hash)
{
    uint32_t key = (uint32_t) (hash >> 32) | 1;
    size_t h = lx_feat_doc_home(hash, cap);
    while (d[h].key && d[h].key != key)
        h = (h + 1) & (cap - 1);
    return h;
}

/* Asks for the document-table slot of a word hash (see templates.h). */
static inline void lx_feat_doc_prefetch(const lx_feat_scratch *sc, uint64_t hash)
{
    __builtin_prefetch(sc->doc + lx_feat_doc_home(hash, sc->doc_cap));
}

/* Frees the scratch.  NULL-safe. */
void lx_feat_scratch_free(lx_feat_scratch *sc);

/* Is this candidate a PERSON or ORG the learned layer decides over?
   (Inline: asked of every candidate, several times.  The type's first
   byte picks the one name to compare, byte by byte in line, where
   lx_cand_type_is() loops; no byte past the type's end is read.) */
static inline bool lx_feat_learned_type(const lx_cand *c)
{
    const char *t = c->type;
    if (t[0] == 'P')
        return t[1] == 'E' && t[2] == 'R' && t[3] == 'S' && t[4] == 'O' && t[5] == 'N' && !t[6];
    return t[0] == 'O' && t[1] == 'R' && t[2] == 'G' && !t[3];
}

#endif
