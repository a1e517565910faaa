/* SPDX-License-Identifier: MIT */
/*
 * Explanations of learned spans (see explain.h).  Runs only with --explain:
 * it formats feature names, which tagging never does.
 */
#include "explain.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

typedef struct contrib {
    char name[LX_FEAT_NAME];
    double w;
} contrib;

/* Adds w to the contribution named name (a span repeats some features). */
static void add(contrib *v, size_t *n, const char *name, double w)
{
    for (size_t k = 0; k < *n; k++)
        if (strcmp(v[k].name, name) == 0) {
            v[k].w += w;
            return;
        }
    snprintf(v[*n].name, LX_FEAT_NAME, "%s", name);
    v[(*n)++].w = w;
}

static int by_weight(const void *a, const void *b)
{
    double x = ((const contrib *) a)->w, y = ((const contrib *) b)->w;
    if (x != y)
        return x < y ? 1 : -1;
    return strcmp(((const contrib *) a)->name, ((const contrib *) b)->name);
}

/* The distinct sources of the candidates over bytes [s, e). */
static int sources(lextag_explain *x, const lx_candvec *cands, size_t s, size_t e,
                   lx_arena *arena)
{
    const char **v = lx_arena_alloc(arena, 16 * sizeof(*v));
    size_t n = 0;
    if (!v)
        return LEXTAG_ERR_NOMEM;
    for (size_t k = 0; k < cands->n && n < 16; k++) {
        const lx_cand *c = &cands->v[k];
        bool dup = false;
        if (c->end <= s || c->start >= e)
            continue;
        for (size_t j = 0; j < n; j++)
            dup |= strcmp(v[j], c->source) == 0;
        if (!dup)
            v[n++] = c->source;
    }
    x->sources = v;
    x->n_sources = n;
    return 0;
}

/* The top contributions into x. */
static int top(lextag_explain *x, contrib *v, size_t nc, lx_arena *arena)
{
    size_t n = nc < LX_EXPLAIN_TOP ? nc : LX_EXPLAIN_TOP;
    lextag_feature *f = lx_arena_alloc(arena, (n + 1) * sizeof(*f));
    if (!f)
        return LEXTAG_ERR_NOMEM;
    qsort(v, nc, sizeof(*v), by_weight);
    for (size_t k = 0; k < n; k++) {
        f[k].weight = v[k].w;
        if (!(f[k].name = lx_arena_strndup(arena, v[k].name, strlen(v[k].name))))
            return LEXTAG_ERR_NOMEM;
    }
    x->features = f;
    x->n_features = n;
    return 0;
}

const lextag_explain *lx_explain_span(const lx_fctx *c, const uint8_t *lab, const int32_t *em,
                                      size_t a, size_t b, const lx_candvec *cands, size_t base,
                                      lx_arena *arena)
{
    const lx_weights *w = &c->m->learn;
    size_t n = b - a, nc = 0;
    uint32_t ids[LX_FEAT_MAX];
    char (*names)[LX_FEAT_NAME] = malloc(sizeof(char[LX_FEAT_MAX][LX_FEAT_NAME]));
    contrib *v = malloc(n * LX_FEAT_MAX * sizeof(*v));
    lextag_explain *x = lx_arena_alloc(arena, sizeof(*x));
    bool ok = names && v && x;
    if (ok) {
        memset(x, 0, sizeof(*x));
        x->learned = true;
        for (size_t k = 0; k < n; k++) {
            lx_fsink s = {ids, 0, names};
            lx_feat_token(c, a + k, &s);
            x->score += em[k * LX_NLABELS + lab[k]] * (double) w->scale;
            /* weights are relative to O: an O token has none to show */
            for (size_t j = 0; lab[k] && j < s.n; j++)
                add(v, &nc, names[j],
                    w->w[(size_t) (ids[j] & w->mask) * LX_WSTRIDE + lab[k] - 1] *
                        (double) w->scale);
        }
        size_t s0 = base + c->tl->v[a].start, e0 = base + c->tl->v[b - 1].end;
        ok = !top(x, v, nc, arena) && !sources(x, cands, s0, e0, arena);
    }
    free(names);
    free(v);
    return ok ? x : NULL;
}
