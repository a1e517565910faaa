/* SPDX-License-Identifier: MIT */
/*
 * Candidate spans: what every source (gazetteer trie, rule engine, context
 * rules, document pass) proposes and the resolver settles.  A candidate holds
 * byte offsets into the caller's text and borrowed strings (model-owned or
 * arena-owned), never copies of the text, so pushing one is a struct copy.
 */
#ifndef LX_CANDIDATE_H
#define LX_CANDIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vec.h"

#define LX_NOREF SIZE_MAX

/* No entity is longer than this, whatever proposes it. */
#define LX_MAX_ENTITY_BYTES 1024

/* Default priorities: higher wins an overlap before length is compared. */
enum {
    LX_PRIO_ALIAS = 20,     /* document pass: alias of an earlier mention */
    LX_PRIO_CONTEXT = 30,   /* context evidence (titles, speech verbs, ...) */
    LX_PRIO_GAZ_WEAK = 40,  /* ambiguous gazetteer entry */
    LX_PRIO_GAZETTEER = 50, /* gazetteer entry */
    LX_PRIO_RULE = 50,      /* rule without a prio= attribute */
};

enum lx_cand_flags {
    LX_CAND_LOST = 1u << 0,      /* lost in the resolver */
    LX_CAND_AMBIGUOUS = 1u << 1, /* needs supporting context to be kept */
    LX_CAND_ALIAS = 1u << 2,     /* made by the document pass */
    LX_CAND_SENT = 1u << 3,      /* starts a sentence */
    LX_CAND_DUAL = 1u << 4,      /* bill form written at both levels ("House Bill 5") */
    LX_CAND_STATE = 1u << 5,     /* state bill, its jurisdiction not yet settled */
    LX_CAND_NEED_STATE = 1u << 6, /* ... kept only where a state is named (need=state) */
    LX_CAND_NO_CONGRESS = 1u << 7, /* state only where no Congress is named ("S. 5678") */
};

typedef struct lx_cand {
    size_t start, end;  /* byte offsets in the document, end exclusive */
    const char *type;   /* borrowed: model or static */
    const char *source; /* borrowed: model or static */
    const char *id;     /* borrowed: model or arena; NULL when unknown */
    const struct lextag_attrs *attrs; /* arena: typed attributes (attrs.h) or NULL */
    int prio;
    uint32_t flags;
    uint32_t entry; /* gazetteer entry index or LX_NONE */
    size_t ref;     /* start byte of the mention this one refers to, or
                       LX_NOREF (indices change while resolving; starts don't) */
} lx_cand;

typedef struct lx_candvec {
    lx_cand *v;
    size_t n, cap;
} lx_candvec;

/*
 * Is the candidate of type t?  Asked of every candidate by the learned
 * layer: inlined, where strcmp is a call.
 */
static inline bool lx_cand_type_is(const lx_cand *c, const char *t)
{
    const char *s = c->type;
    while (*t && *s == *t)
        s++, t++;
    return *s == *t;
}

/* lx_candvec_push() when the array is full: grows it, then appends. */
int lx_candvec_grow_push(lx_candvec *cv, const lx_cand *c);

/* Appends a copy of *c.  Returns 0 or LEXTAG_ERR_NOMEM.  (Inline: every
   source pushes its candidates one by one; growing is the rare case.) */
static inline int lx_candvec_push(lx_candvec *cv, const lx_cand *c)
{
    if (cv->n < cv->cap) {
        cv->v[cv->n++] = *c;
        return 0;
    }
    return lx_candvec_grow_push(cv, c);
}

/*
 * Index of the first of v[0..n) (sorted by start, not overlapping) that ends
 * after byte pos; n when none does.
 */
size_t lx_cands_ending_after(const lx_cand *v, size_t n, size_t pos);

/* Index of the first of v[0..n) (sorted by start) that starts at or after
   byte pos; n when none does. */
size_t lx_cands_starting_from(const lx_cand *v, size_t n, size_t pos);

/*
 * Sorts cv by start, then end, keeping equal candidates in their order (a
 * stable sort, as glibc's qsort() is in practice).  Candidates come in a
 * few runs already in order (one per source, or a sorted list with a few
 * added at its end): the runs are merged, through scratch, which grows to
 * cv->n.  Returns 0 or LEXTAG_ERR_NOMEM (cv is then unchanged).
 */
int lx_cands_sort(lx_candvec *cv, lx_candvec *scratch);

/* Frees the array.  NULL-safe. */
void lx_candvec_free(lx_candvec *cv);

#endif
