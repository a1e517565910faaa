/* SPDX-License-Identifier: MIT */
/*
 * The document-level state carried across the windows of a stream.  Two
 * open-addressing tables keyed by name (the alias table of document.c and a
 * set of ids) hold one slot per distinct name, so they stay small whatever
 * the number of entities; the cross-window alias refs of one window are a
 * short array in text order, searched by binary search when the window's
 * entities are written.
 */
#include "carry.h"

#include <stdlib.h>
#include <string.h>

#include "trie.h"
#include "vec.h"

size_t lx_carry_limit = LX_CARRY_NAMES;

void lx_carry_init(lx_carry *c)
{
    memset(c, 0, sizeof(*c));
    c->limit = lx_carry_limit;
}

void lx_carry_free(lx_carry *c)
{
    if (!c)
        return;
    lx_aliases_free(&c->aliases);
    free(c->ids);
    free(c->xrefs);
    lx_arena_free(&c->arena);
    memset(c, 0, sizeof(*c));
}

int lx_carry_prepare(lx_carry *c, lx_legis_doc *ld, const char *text, size_t len,
                     const char *date, lx_arena *a)
{
    if (!c)
        return lx_congress_prepare(ld, text, len, date, a);
    int rc = c->started
                 ? lx_congress_prepare_next(ld, text, len, c->avail, &c->first, c->open, a)
                 : lx_congress_prepare_first(ld, text, len, c->avail, date, a);
    if (rc)
        return rc;
    if (!c->started) {
        c->first = *ld;
        c->first.marks = NULL;
        c->first.n_marks = 0;
        c->started = true;
    }
    /* the marks live in the window's arena: what the next window needs is
       read now */
    c->open = lx_congress_open(ld, len);
    return 0;
}

lx_aliases *lx_carry_aliases(lx_carry *c, lx_aliases *own)
{
    if (c)
        return &c->aliases;
    lx_aliases_clear(own);
    return own;
}

static size_t id_slot(const char **set, size_t cap, const char *id)
{
    size_t h = lx_trie_hash(id, strlen(id)) & (cap - 1);
    while (set[h] && strcmp(set[h], id) != 0)
        h = (h + 1) & (cap - 1);
    return h;
}

static int ids_grow(lx_carry *c)
{
    size_t cap = c->ids_cap ? c->ids_cap * 2 : 256;
    const char **s = calloc(cap, sizeof(*s));
    if (!s)
        return LEXTAG_ERR_NOMEM;
    for (size_t i = 0; i < c->ids_cap; i++)
        if (c->ids[i])
            s[id_slot(s, cap, c->ids[i])] = c->ids[i];
    free(c->ids);
    c->ids = s;
    c->ids_cap = cap;
    return 0;
}

int lx_carry_ids(lx_carry *c, const lx_cand *v, size_t n)
{
    for (size_t i = 0; c && i < n && c->ids_n < c->limit; i++) {
        if ((v[i].flags & LX_CAND_AMBIGUOUS) || !v[i].id)
            continue;
        if ((c->ids_n + 1) * 2 > c->ids_cap && ids_grow(c))
            return LEXTAG_ERR_NOMEM;
        size_t k = id_slot(c->ids, c->ids_cap, v[i].id);
        if (c->ids[k])
            continue;
        if (!(c->ids[k] = lx_arena_strndup(&c->arena, v[i].id, strlen(v[i].id))))
            return LEXTAG_ERR_NOMEM;
        c->ids_n++;
    }
    return 0;
}

bool lx_carry_named(const lx_carry *c, const char *id)
{
    return c && c->ids_cap && c->ids[id_slot(c->ids, c->ids_cap, id)] != NULL;
}

int lx_carry_cross(lx_carry *c, lx_candvec *extra)
{
    for (size_t i = 0; c && i < extra->n; i++) {
        lx_cand *k = &extra->v[i];
        if (k->ref == LX_NOREF || !(k->ref & LX_XREF))
            continue;
        if (lx_vec_reserve(&c->xrefs, &c->xrefs_cap, c->n_xrefs + 1, sizeof(*c->xrefs), 64))
            return LEXTAG_ERR_NOMEM;
        c->xrefs[c->n_xrefs++] = (lx_xref){k->start, k->end, k->type, k->ref & ~LX_XREF};
        k->ref = LX_NOREF;
    }
    return 0;
}

/* Index of the entity starting at byte pos of the window, or LX_XREF_NONE. */
static size_t entity_at(const lextag_entity *ents, size_t n, size_t pos, size_t base)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ents[mid].byte_start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && ents[lo].byte_start == pos ? base + lo : LX_XREF_NONE;
}

/* Is the alias sealed: one of an earlier window's? */
static bool sealed(const lx_alias *a)
{
    return a->ref != LX_NOREF && (a->ref & LX_XREF);
}

int lx_carry_seal(lx_carry *c, const lextag_entity *ents, size_t n, size_t base)
{
    lx_aliases *al = &c->aliases;
    size_t kept = c->n_sealed;
    c->n_xrefs = 0;
    for (size_t i = 0; i < al->cap && kept < c->limit; i++) {
        lx_alias *a = &al->slots[i];
        if (!a->hash || sealed(a))
            continue;
        if (a->id && !(a->id = lx_arena_strndup(&c->arena, a->id, strlen(a->id))))
            return LEXTAG_ERR_NOMEM;
        a->ref = LX_XREF | entity_at(ents, n, a->ref, base);
        kept++;
    }
    c->n_sealed = kept;
    /* past the limit, the names this window defined and could not keep go */
    return kept < al->n ? lx_aliases_retain(al, sealed) : 0;
}

long lx_carry_ref(const lx_carry *c, const lextag_entity *e)
{
    size_t lo = 0, hi = c->n_xrefs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->xrefs[mid].start < e->byte_start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < c->n_xrefs && c->xrefs[lo].start == e->byte_start; lo++) {
        const lx_xref *x = &c->xrefs[lo];
        bool alias = strcmp(e->source, "document:alias") == 0 ||
                     strncmp(e->source, "learned", 7) == 0;
        if (x->end == e->byte_end && alias && strcmp(x->type, e->type) == 0)
            return x->index == LX_XREF_NONE ? -1 : (long) x->index;
    }
    return -1;
}
