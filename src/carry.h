/* SPDX-License-Identifier: MIT */
/*
 * What the document-level passes carry from one window of a stream to the
 * next (stream.c), so that a document tagged window by window keeps its
 * context with memory bounded by the number of distinct names rather than by
 * the number of entities:
 *
 *   - the document's date or dateline (from the first window) and the
 *     Congress ordinal still open at the end of the last window;
 *   - the alias table: names seen in full make their parts aliases for the
 *     rest of the document; once a window is tagged, each alias points at
 *     its defining entity by its index in the output (LX_XREF);
 *   - the ids named unambiguously so far, which keep an ambiguous entry at a
 *     sentence start;
 *   - whether the document spoke of Congress so far (pastids.h).
 *
 * Both tables stop growing at LX_CARRY_NAMES distinct names: a name first
 * seen after that works as an alias inside its own window only.  The tagger
 * calls these hooks with a NULL carry when it tags one whole document: they
 * then do what the whole-document path always did.
 */
#ifndef LX_CARRY_H
#define LX_CARRY_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "candidate.h"
#include "congress.h"
#include "document.h"
#include "lextag/lextag.h"

#define LX_CARRY_NAMES (1u << 18)
/* An alias ref sealed by an earlier window: this bit plus the output index. */
#define LX_XREF ((size_t) 1 << (sizeof(size_t) * 8 - 2))
#define LX_XREF_NONE (LX_XREF - 1)

/* An alias in this window of an entity written by an earlier one. */
typedef struct lx_xref {
    size_t start, end; /* bytes in the window */
    const char *type;
    size_t index;      /* the defining entity's index in the output */
} lx_xref;

typedef struct lx_carry {
    bool started;        /* the first window was prepared */
    size_t avail;        /* the window text is followed by text[len..avail) */
    lx_legis_doc first;  /* the first window's date and dateline (no marks) */
    int open;            /* Congress ordinal open at the end of the last window */
    lx_aliases aliases;  /* names seen in full so far */
    size_t n_sealed;     /* of them, those of windows already sealed */
    const char **ids;    /* open-addressing set of ids named unambiguously */
    size_t ids_cap, ids_n;
    lx_xref *xrefs;      /* of the current window */
    size_t n_xrefs, xrefs_cap;
    bool congress;       /* an earlier window spoke of Congress (pastids.h) */
    size_t limit;        /* distinct names kept: LX_CARRY_NAMES unless lowered */
    lx_arena arena;      /* copies of the ids kept */
} lx_carry;

/*
 * The limit of new carries: LX_CARRY_NAMES, except where tests lower it.
 * Set it before making a stream.
 */
extern size_t lx_carry_limit;

/* Sets up an empty carry. */
void lx_carry_init(lx_carry *c);

/* Frees a carry's tables.  NULL-safe. */
void lx_carry_free(lx_carry *c);

/*
 * The legislation context of a window (c NULL: of one whole document,
 * lx_congress_prepare).  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_carry_prepare(lx_carry *c, lx_legis_doc *ld, const char *text, size_t len,
                     const char *date, lx_arena *a);

/* The alias table to use: the carried one, or `own` emptied when c is NULL. */
lx_aliases *lx_carry_aliases(lx_carry *c, lx_aliases *own);

/* Records the ids of the unambiguous candidates v[0..n).  NULL-safe. */
int lx_carry_ids(lx_carry *c, const lx_cand *v, size_t n);

/* Whether an earlier window named id unambiguously.  NULL-safe. */
bool lx_carry_named(const lx_carry *c, const char *id);

/*
 * Takes the alias candidates of extra that refer to an earlier window into
 * c->xrefs and clears their ref (the whole-document resolution never sees a
 * sealed ref).  NULL-safe.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_carry_cross(lx_carry *c, lx_candvec *extra);

/*
 * Once a window is tagged, its result r (offsets in the window) to be
 * delivered with its first entity at output index base: seals the aliases this window defined
 * (their refs become output indices; ids are copied) and drops them again
 * when the table is over its limit.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_carry_seal(lx_carry *c, const lextag_entity *ents, size_t n, size_t base);

/* The output index an entity e of the window refers to across windows, or -1. */
long lx_carry_ref(const lx_carry *c, const lextag_entity *e);

#endif
