/* SPDX-License-Identifier: MIT */
/*
 * The public trainer: each added document goes through the same first pass
 * as tagging (tokens, evidence, every source's candidates), its gold spans
 * become BIO labels on the tokens, and the regions the tagger would decode
 * are stored with their features, so the epochs (perceptron.c) never look
 * at text again.
 */
#include <stdlib.h>
#include <string.h>

#include "congress.h"
#include "error.h"
#include "image.h"
#include "templates.h"
#include "train.h"
#include "utf8.h"
#include "vec.h"

lextag_trainer *lextag_trainer_new(const lextag_model *m, lextag_error *err)
{
    if (!m)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "no model"), NULL;
    lextag_trainer *tr = calloc(1, sizeof(*tr));
    if (!tr || lx_lane_init(&tr->lane, m)) {
        free(tr);
        lx_error_set(err, LEXTAG_ERR_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    tr->m = m;
    tr->runs = 1;
    return tr;
}

void lextag_trainer_free(lextag_trainer *tr)
{
    if (!tr)
        return;
    lx_lane_release(&tr->lane);
    lx_learn_lane_free(&tr->L);
    free(tr->feats);
    free(tr->foff);
    free(tr->gold);
    free(tr->seq);
    free(tr->blob);
    free(tr);
}

void lextag_trainer_counts(const lextag_trainer *tr, size_t *spans, size_t *skipped,
                           size_t *outside)
{
    if (spans)
        *spans = tr ? tr->spans : 0;
    if (skipped)
        *skipped = tr ? tr->skipped : 0;
    if (outside)
        *outside = tr ? tr->outside : 0;
}

static int label_class(const char *l)
{
    if (strcmp(l, "PER") == 0 || strcmp(l, "PERSON") == 0)
        return LX_C_PER;
    if (strcmp(l, "ORG") == 0)
        return LX_C_ORG;
    return strcmp(l, "LOC") == 0 ? LX_C_LOC : LX_C_MISC;
}

/* A gold span in bytes. */
typedef struct bspan {
    size_t s, e;
    int cls;
} bspan;

static int cmp_bspan(const void *a, const void *b)
{
    const bspan *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    return x->e < y->e ? -1 : x->e > y->e;
}

/* Code point spans to byte spans, sorted; spans past the text are dropped. */
static bspan *to_bytes(const char *text, size_t len, const lextag_span *sp, size_t n,
                       size_t *out_n)
{
    bspan *v = malloc((n + 1) * sizeof(*v));
    size_t *cp = malloc((len + 2) * sizeof(*cp)), ncp = 0, k = 0;
    if (!v || !cp) {
        free(v);
        free(cp);
        return NULL;
    }
    for (size_t b = 0; b < len;) {
        size_t l;
        cp[ncp++] = b;
        lx_utf8_decode((const unsigned char *) text + b, len - b, &l);
        b += l ? l : 1;
    }
    cp[ncp] = len;
    for (size_t i = 0; i < n; i++)
        if (sp[i].start < sp[i].end && sp[i].end <= ncp)
            v[k++] = (bspan){cp[sp[i].start], cp[sp[i].end], label_class(sp[i].label)};
    free(cp);
    qsort(v, k, sizeof(*v), cmp_bspan);
    *out_n = k;
    return v;
}

/* Index of the token of tl starting (or, with end, ending) at byte b, or SIZE_MAX. */
static size_t tok_edge(const lx_toklist *tl, size_t b, bool end)
{
    size_t lo = 0, hi = tl->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((end ? tl->v[mid].end : tl->v[mid].start) < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < tl->n && (end ? tl->v[lo].end : tl->v[lo].start) == b ? lo : SIZE_MAX;
}

/* Stores region r of the current stretch with labels lab (per stretch token). */
static int store_region(lextag_trainer *tr, const lx_fctx *c, size_t r, const uint8_t *lab,
                        bool dev)
{
    const lx_region *g = &tr->L.sc.reg[r];
    size_t n = g->e - g->s;
    if (lx_learn_extract(&tr->L, c, r))
        return LEXTAG_ERR_NOMEM;
    size_t nf = tr->L.off[n];
    if (lx_vec_reserve(&tr->feats, &tr->feats_cap, tr->n_feats + nf, sizeof(uint32_t), 4096) ||
        lx_vec_reserve(&tr->foff, &tr->foff_cap, tr->n_tok + n + 1, sizeof(uint32_t), 1024) ||
        lx_vec_reserve(&tr->gold, &tr->tok_cap, tr->n_tok + n + 1, 1, 1024) ||
        lx_vec_reserve(&tr->seq, &tr->seq_cap, tr->n_seq + 1, sizeof(lx_seq), 256))
        return LEXTAG_ERR_NOMEM;
    if (tr->n_feats + nf > UINT32_MAX)
        return LEXTAG_ERR_NOMEM;
    memcpy(tr->feats + tr->n_feats, tr->L.feats, nf * sizeof(uint32_t));
    for (size_t k = 0; k <= n; k++)
        tr->foff[tr->n_tok + k] = (uint32_t) (tr->n_feats + tr->L.off[k]);
    memcpy(tr->gold + tr->n_tok, lab + g->s, n);
    /* a region that starts inside a gold span ("1974 [Canadian federal
       election]") starts the span for the decoder, which begins after an O */
    if (lx_label_inside(tr->gold[tr->n_tok]))
        tr->gold[tr->n_tok]--;
    tr->seq[tr->n_seq++] = (lx_seq){(uint32_t) tr->n_tok, (uint32_t) n, dev};
    tr->n_feats += nf;
    tr->n_tok += n;
    return 0;
}

/* Labels the stretch's tokens from the gold spans inside [a, b). */
static void label_tokens(lextag_trainer *tr, const lx_toklist *tl, size_t a, size_t b,
                         const bspan *v, size_t n, uint8_t *lab, uint32_t *reg)
{
    memset(lab, 0, tl->n);
    for (size_t i = 0; i < n; i++) {
        if (v[i].s < a || v[i].e > b)
            continue;
        size_t s = tok_edge(tl, v[i].s - a, false), e = tok_edge(tl, v[i].e - a, true);
        bool free_run = s != SIZE_MAX && e != SIZE_MAX && s <= e;
        for (size_t k = s; free_run && k <= e; k++)
            free_run = !lab[k];
        if (!free_run) {
            tr->skipped++;
            continue;
        }
        for (size_t k = s; k <= e; k++)
            lab[k] = (uint8_t) (k == s ? 2 * v[i].cls - 1 : 2 * v[i].cls);
        tr->outside += reg[s] == UINT32_MAX || reg[s] != reg[e];
    }
}

static int add_stretch(lextag_trainer *tr, const char *text, size_t len, size_t a, size_t b,
                       const lx_legis_doc *ld, const bspan *v, size_t n, bool dev)
{
    lx_stretch_out out;
    memset(&out, 0, sizeof(out));
    int rc = lx_lane_collect(&tr->lane, text, len, a, b, ld, &out);
    lx_stretch_out_free(&out);
    const lx_toklist *tl = &tr->lane.tl;
    if (!rc)
        rc = lx_feat_prepare(&tr->L.sc, tr->m, text + a, a, tl, &tr->lane.cands);
    uint8_t *lab = rc ? NULL : malloc(tl->n + 1);
    uint32_t *reg = lab ? malloc((tl->n + 1) * sizeof(*reg)) : NULL;
    if (!reg) {
        free(lab);
        return LEXTAG_ERR_NOMEM;
    }
    memset(reg, 0xFF, (tl->n + 1) * sizeof(*reg));
    for (size_t r = 0; r < tr->L.sc.n_reg; r++)
        for (size_t k = tr->L.sc.reg[r].s; k < tr->L.sc.reg[r].e; k++)
            reg[k] = (uint32_t) r;
    label_tokens(tr, tl, a, b, v, n, lab, reg);
    lx_fctx c = {tr->m, text + a, tl, &tr->L.sc};
    for (size_t r = 0; !rc && r < tr->L.sc.n_reg; r++)
        rc = store_region(tr, &c, r, lab, dev);
    free(lab);
    free(reg);
    return rc;
}

int lextag_trainer_add(lextag_trainer *tr, const char *text, size_t len,
                       const lextag_span *spans, size_t n, bool dev, lextag_error *err)
{
    size_t nb = 0;
    bspan *v = to_bytes(text, len, spans, n, &nb);
    lx_legis_doc ld;
    int rc = v ? 0 : LEXTAG_ERR_NOMEM;
    tr->skipped += v ? n - nb : 0;
    memset(&ld, 0, sizeof(ld));
    if (!rc && tr->m->has_legis)
        rc = lx_congress_prepare(&ld, text, len, NULL, &tr->lane.arena);
    tr->spans += n;
    for (size_t i = 0; !rc && dev && i < nb; i++)
        if (v[i].cls == LX_C_PER || v[i].cls == LX_C_ORG)
            tr->dev_gold[v[i].cls - 1]++;
    for (size_t a = 0; !rc && a < len;) {
        size_t b = lx_stretch_end(text, len, a);
        rc = add_stretch(tr, text, len, a, b, &ld, v, nb, dev);
        a = b;
    }
    free(v);
    lx_arena_free(&tr->lane.arena);
    return rc ? lx_error_set(err, rc, NULL, 0, 0, "out of memory while training") : 0;
}

int lextag_trainer_run(lextag_trainer *tr, unsigned epochs, lextag_epoch_fn fn, void *arg,
                       lextag_error *err)
{
    if (!epochs)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "epochs must be 1 or more");
    return lx_train_epochs(tr, epochs, tr->runs, fn, arg, err);
}

int lextag_trainer_set_runs(lextag_trainer *tr, unsigned runs, lextag_error *err)
{
    if (!runs)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "runs must be 1 or more");
    tr->runs = runs;
    return 0;
}

static int trained(const lextag_trainer *tr, const char *path, lextag_error *err)
{
    return tr->blob ? 0
                    : lx_error_set(err, LEXTAG_ERR_INVALID, path, 0, 0,
                                   "no weights: the trainer has not run");
}

int lextag_trainer_write_weights(const lextag_trainer *tr, const char *path, lextag_error *err)
{
    int rc = trained(tr, path, err);
    return rc ? rc : lx_image_write_file(path, tr->blob, tr->blob_len, err);
}

int lextag_trainer_write_image(const lextag_trainer *tr, const char *path, lextag_error *err)
{
    int rc = trained(tr, path, err);
    if (rc)
        return rc;
    /* the trainer's model with other weights: a shallow copy, only read;
       its content hash goes on from the model's with the new weights, as
       adding weights to a builder does (a loaded model keeps only the hash
       as text: its state is read back from it) */
    struct lextag_model copy = *tr->m;
    copy.learn_blob = tr->blob;
    copy.learn_len = tr->blob_len;
    copy.hash_state = strtoull(tr->m->hash, NULL, 16);
    lx_model_hash(&copy, tr->blob, tr->blob_len);
    return lextag_model_save(&copy, path, err);
}
