/* SPDX-License-Identifier: MIT */
/*
 * The document pass: after the first resolution, names seen in full make
 * their parts aliases for the rest of the document (a surname or first name
 * for a person, an acronym defined in parentheses, a company name without its
 * designator).  Aliases live in one hash table per document keyed by the
 * 64-bit hash of the folded word; the first pass records every capitalized
 * word with its hash, so this pass needs no second look at the text and is
 * linear in the number of capitalized words.
 */
#ifndef LX_DOCUMENT_H
#define LX_DOCUMENT_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "model.h"
#include "candidate.h"
#include "tokenizer.h"

/* A capitalized word seen by the first pass. */
typedef struct lx_capword {
    size_t start, end; /* byte offsets in the document */
    uint64_t hash;     /* lx_hash64 of its folded form */
    bool allcaps;      /* written in capitals */
    bool in_run;       /* next to another capitalized word: part of a longer name */
    bool sent;         /* opens a sentence */
    bool dateline;     /* the place of a dateline ("MILAN 1996-08-30"): no alias */
    uint8_t article;   /* bytes of an Arabic article written onto it ("al-") */
} lx_capword;

typedef struct lx_alias {
    uint64_t hash;     /* 0 = empty slot */
    const char *type;
    const char *id;
    bool allcaps;    /* defined by a word in capitals ("ICE"): matches only so */
    bool common;     /* also a common word ("Bush", "Young"): not at a sentence start */
    bool speaker;    /* a surname that is also a title's word ("King"): only
                        next to a speech verb */
    size_t ref;      /* start byte of the defining entity */
} lx_alias;

typedef struct lx_aliases {
    lx_alias *slots;
    uint32_t *used; /* the slots taken, in order: clearing visits only them */
    size_t cap, n;
} lx_aliases;

/* Aliases proposed by one part of a document, in order. */
typedef struct lx_aliasvec {
    lx_alias *v;
    size_t n, cap;
} lx_aliasvec;

/*
 * Collects aliases from the accepted entities (sorted by start) of doc.
 * Words the model knows as common words, places, titles or nationalities
 * never become aliases; a word that is an alias already keeps its first
 * definition.  tl is scratch.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_document_collect(lx_aliases *al, const struct lextag_model *m, const lx_cand *ents,
                        size_t n, const char *doc, size_t len, lx_toklist *tl);

/*
 * The same in two steps, so that a long document's parts are read side by
 * side: lx_document_propose appends to out, in order, every alias ents[0..n)
 * define (it reads no table: lanes may run it at once on different parts);
 * lx_document_adopt then adds each part's proposals, parts in document
 * order, with the same result as lx_document_collect over the whole list.
 */
int lx_document_propose(lx_aliasvec *out, const struct lextag_model *m, const lx_cand *ents,
                        size_t n, const char *doc, size_t len, lx_toklist *tl);
int lx_document_adopt(lx_aliases *al, const lx_aliasvec *props);

/*
 * Appends an alias candidate for every capitalized word of text[0..len)
 * that is a known alias.
 */
int lx_document_scan(const lx_aliases *al, const struct lextag_model *m, const lx_capword *words,
                     size_t n, const char *text, size_t len, lx_candvec *out);

/* Keeps only the aliases keep() accepts.  Returns 0 or LEXTAG_ERR_NOMEM. */
int lx_aliases_retain(lx_aliases *al, bool (*keep)(const lx_alias *a));

/* Empties the table, keeping its memory.  */
void lx_aliases_clear(lx_aliases *al);

/* Frees the table.  NULL-safe. */
void lx_aliases_free(lx_aliases *al);

#endif
