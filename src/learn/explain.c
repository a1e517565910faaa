/* SPDX-License-Identifier: MIT */
/*
 * Explanations of learned spans (see explain.h).  Runs only with --explain:
 * it formats feature names, which tagging never does.
 */
#include "learn/explain.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

typedef struct contrib {
    char name[LX_FEAT_NAME];
    double w;
} contrib;

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char ch = (unsigned char) *s;
        if (ch == '"' || ch == '\\')
            fprintf(f, "\\%c", ch);
        else if (ch < 0x20)
            fprintf(f, "\\u%04x", ch);
        else
            fputc(ch, f);
    }
    fputc('"', f);
}

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

static void write_sources(FILE *f, const lx_candvec *cands, size_t s, size_t e)
{
    const char *seen[16];
    size_t n = 0;
    fputs(", \"sources\": [", f);
    for (size_t k = 0; k < cands->n && n < 16; k++) {
        const lx_cand *c = &cands->v[k];
        bool dup = false;
        if (c->end <= s || c->start >= e)
            continue;
        for (size_t j = 0; j < n; j++)
            dup |= strcmp(seen[j], c->source) == 0;
        if (dup)
            continue;
        fputs(n ? ", " : "", f);
        json_str(f, c->source);
        seen[n++] = c->source;
    }
    fputc(']', f);
}

const char *lx_explain_span(const lx_fctx *c, const uint8_t *lab, const int32_t *em,
                            size_t a, size_t b, const lx_candvec *cands, size_t base,
                            lx_arena *arena)
{
    const lx_weights *w = &c->m->learn;
    size_t n = b - a, nc = 0;
    uint32_t ids[LX_FEAT_MAX];
    char (*names)[LX_FEAT_NAME] = malloc(sizeof(char[LX_FEAT_MAX][LX_FEAT_NAME]));
    contrib *v = malloc(n * LX_FEAT_MAX * sizeof(*v));
    char *buf = NULL;
    size_t len = 0;
    FILE *f = names && v ? open_memstream(&buf, &len) : NULL;
    double score = 0;
    if (!f) {
        free(names);
        free(v);
        return NULL;
    }
    for (size_t k = 0; k < n; k++) {
        lx_fsink s = {ids, 0, LX_FEAT_MAX, names};
        lx_feat_token(c, a + k, &s);
        score += em[k * LX_NLABELS + lab[k]] * (double) w->scale;
        /* weights are relative to O: an O token has none to show */
        for (size_t j = 0; lab[k] && j < s.n; j++)
            add(v, &nc, names[j],
                w->w[(size_t) (ids[j] & w->mask) * LX_WSTRIDE + lab[k] - 1] * (double) w->scale);
    }
    qsort(v, nc, sizeof(*v), by_weight);
    fprintf(f, "\"explain\": {\"score\": %.3f, \"features\": [", score);
    for (size_t k = 0; k < nc && k < LX_EXPLAIN_TOP; k++) {
        fputs(k ? ", {\"name\": " : "{\"name\": ", f);
        json_str(f, v[k].name);
        fprintf(f, ", \"weight\": %.3f}", v[k].w);
    }
    fputc(']', f);
    size_t s0 = base + c->tl->v[a].start, e0 = base + c->tl->v[b - 1].end;
    write_sources(f, cands, s0, e0);
    fputc('}', f);
    fclose(f);
    const char *out = buf ? lx_arena_strndup(arena, buf, len) : NULL;
    free(buf);
    free(names);
    free(v);
    return out;
}
