/* SPDX-License-Identifier: MIT */
/*
 * A word list (words.h) as a set of its entries' folded hashes: the
 * learned layer tests a word next to almost every span against several
 * lists, and most words are in none.  The set turns them away with one
 * probe; only a word whose folded form is an entry's is compared with the
 * list as written.
 */
#ifndef LX_WORDSET_H
#define LX_WORDSET_H

#include <stdbool.h>
#include <stdint.h>

#include "tokenizer.h"

/* Slots of a set: a power of two, at least twice the longest list. */
#define LX_WORDSET_SLOTS 256

/* Bits of a set's filter, one picked by the top bits of a folded hash: with
   a few dozen entries, most words find theirs clear. */
#define LX_WORDSET_FILTER 512

typedef struct lx_wordset {
    const char *const *list;
    uint64_t filter[LX_WORDSET_FILTER / 64];
    uint64_t slot[LX_WORDSET_SLOTS]; /* folded hash | 1; 0 = empty */
} lx_wordset;

/*
 * Fills s from list (NULL-terminated).  An entry the tokenizer reads as
 * more than one word ("Under-Secretary") can never be a single token and
 * is left out.  scratch is a token list to reuse.  Returns 0 or
 * LEXTAG_ERR_NOMEM.
 */
int lx_wordset_init(lx_wordset *s, const char *const *list, lx_toklist *scratch);

/* The slot a key's probe starts at. */
static inline size_t lx_wordset_home(uint64_t key)
{
    return (size_t) (key ^ (key >> 29)) & (LX_WORDSET_SLOTS - 1);
}

/* Is hash | 1 a slot's key?  (The probe behind lx_wordset_hashed(), inline:
   asked of every word the filter lets through, most of them an entry.) */
static inline bool lx_wordset_probe(const lx_wordset *s, uint64_t hash)
{
    uint64_t key = hash | 1;
    size_t h = lx_wordset_home(key);
    while (s->slot[h] != key) {
        if (!s->slot[h])
            return false;
        h = (h + 1) & (LX_WORDSET_SLOTS - 1);
    }
    return true;
}

/* Is w[0..n) one of the set's list's entries, byte for byte? */
bool lx_wordset_listed(const lx_wordset *s, const char *w, size_t n);

/* Might token t be an entry?  Its folded form's hash is an entry's (one
   probe, no comparison): a filter in front of the two tests below.  Inline,
   as most words are turned away by the filter's bit alone. */
static inline bool lx_wordset_hashed(const lx_wordset *s, const lx_token *t)
{
    size_t b = (size_t) (t->hash >> 55);
    return t->kind == LX_TOK_WORD && ((s->filter[b / 64] >> (b % 64)) & 1) &&
           lx_wordset_probe(s, t->hash);
}

/* Is token k of tl, as written, an entry of the set's list? */
static inline bool lx_wordset_has(const lx_wordset *s, const lx_toklist *tl, const char *text,
                                  size_t k)
{
    const lx_token *t = &tl->v[k];
    /* the folded form is an entry's: the list is matched as written */
    return lx_wordset_hashed(s, t) && lx_wordset_listed(s, text + t->start, t->end - t->start);
}

/* Is token k of tl, in any case ("Organization"), an entry of the set's
   list?  The lists are written in lowercase. */
static inline bool lx_wordset_has_folded(const lx_wordset *s, const lx_toklist *tl, size_t k)
{
    const lx_token *t = &tl->v[k];
    return lx_wordset_hashed(s, t) && lx_wordset_listed(s, lx_tok_fold(tl, t), t->fold_len);
}

#endif
