/* SPDX-License-Identifier: MIT */
/*
 * The averaged structured perceptron: each epoch visits the training
 * regions in an order shuffled with a fixed seed, decodes each with the
 * current weights and, where the best path differs from the gold one, adds
 * the gold path's features and subtracts the predicted path's.  Averaging
 * is lazy (w - u / c, with u the updates weighted by the step they were
 * made at).  After each epoch the averaged weights are quantized to int16
 * (the shipped form) and, with dev regions, scored: the best epoch's
 * weights are kept (without dev regions, the last epoch's).
 *
 * A perceptron's weights depend on the order it saw the data in: trained
 * on shuffles with other seeds, it reaches about the same dev figures but
 * makes other mistakes on other text.  With several runs, each on its own
 * shuffle, the kept weights of every run are averaged before they are
 * quantized: one linear model, as fast as one run's, that leans less on
 * the accidents of one order.  Everything is integer or done in one fixed
 * order, so the same data gives the same bytes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "image.h"
#include "train.h"

#define NB ((size_t) 1 << LX_TRAIN_BITS)
#define NT ((LX_NLABELS + 1) * LX_NLABELS)

typedef struct pstate {
    int32_t *w;  /* NB * LX_NLABELS, then NT transitions */
    int64_t *u;
    int64_t c;
    int32_t *em;
    int32_t *hist;
    uint8_t *pred;
} pstate;

static void score(const struct lextag_trainer *tr, const pstate *p, const lx_seq *s)
{
    for (uint32_t k = 0; k < s->n; k++) {
        int32_t acc[LX_NLABELS] = {0};
        size_t t = s->tok + k;
        for (uint32_t f = tr->foff[t]; f < tr->foff[t + 1]; f++) {
            const int32_t *row = p->w + (size_t) (tr->feats[f] & (NB - 1)) * LX_NLABELS;
            for (int l = 0; l < LX_NLABELS; l++)
                acc[l] += row[l];
        }
        memcpy(p->em + (size_t) k * LX_NLABELS, acc, sizeof(acc));
    }
}

static void bump(pstate *p, size_t i, int d)
{
    p->w[i] += d;
    p->u[i] += d * p->c;
}

static void update(const struct lextag_trainer *tr, pstate *p, const lx_seq *s)
{
    const uint8_t *gold = tr->gold + s->tok;
    size_t T = NB * LX_NLABELS;
    for (uint32_t k = 0; k <= s->n; k++) {
        int gp = k ? gold[k - 1] : LX_NLABELS, pp = k ? p->pred[k - 1] : LX_NLABELS;
        int g = k < s->n ? gold[k] : LX_L_O, q = k < s->n ? p->pred[k] : LX_L_O;
        if (g == q && gp == pp)
            continue;
        /* the end of a region is followed by an O, its start preceded by one */
        bump(p, T + (size_t) (gp == LX_NLABELS && k ? LX_L_O : gp) * LX_NLABELS + g, 1);
        bump(p, T + (size_t) (pp == LX_NLABELS && k ? LX_L_O : pp) * LX_NLABELS + q, -1);
        if (k == s->n || g == q)
            continue;
        size_t t = s->tok + k;
        for (uint32_t f = tr->foff[t]; f < tr->foff[t + 1]; f++) {
            size_t row = (size_t) (tr->feats[f] & (NB - 1)) * LX_NLABELS;
            bump(p, row + g, 1);
            bump(p, row + q, -1);
        }
    }
}

static double avg(const pstate *p, size_t i)
{
    return (double) p->w[i] - (double) p->u[i] / (double) p->c;
}

/*
 * Averaged weight i of the stored form: a feature's weights relative to
 * its O weight (see weights.h), the transitions as they are.
 */
static double stored(const pstate *p, size_t i)
{
    if (i >= NB * LX_WSTRIDE) {
        /* a transition into label b carries b's bias (relative to O's, so
           the transitions into O, which also end a region, carry none) */
        size_t t = i - NB * LX_WSTRIDE, b = t % LX_NLABELS;
        size_t bias = (size_t) (lx_feat_bias() & (NB - 1)) * LX_NLABELS;
        return avg(p, NB * LX_NLABELS + t) + avg(p, bias + b) - avg(p, bias);
    }
    size_t row = i / LX_WSTRIDE * LX_NLABELS;
    return avg(p, row + 1 + i % LX_WSTRIDE) - avg(p, row);
}

#define NSTORED (NB * LX_WSTRIDE + NT)

/* Quantizes stored weights v[0..NSTORED) into tr->blob. */
static int seal(struct lextag_trainer *tr, const double *v)
{
    size_t len = lx_weights_size(LX_TRAIN_BITS);
    double mx = 1e-9;
    for (size_t i = 0; i < NSTORED; i++) {
        double a = fabs(v[i]);
        mx = a > mx ? a : mx;
    }
    double scale = mx / LX_WMAX;
    if (!tr->blob && !(tr->blob = calloc(1, len)))
        return LEXTAG_ERR_NOMEM;
    tr->blob_len = len;
    int16_t *w = lx_weights_w_mut(tr->blob), *t = lx_weights_trans_mut(tr->blob);
    for (size_t i = 0; i < NSTORED; i++) {
        double a = v[i] / scale;
        int16_t q = (int16_t) lrint(a > LX_WMAX ? LX_WMAX : a < -LX_WMAX ? -LX_WMAX : a);
        if (i < NB * LX_WSTRIDE)
            w[i] = q;
        else
            t[i - NB * LX_WSTRIDE] = q;
    }
    lx_weights_seal(tr->blob, LX_TRAIN_BITS, (float) scale);
    return 0;
}

/* Exact-span counts of PER (0) and ORG (1) on the dev regions. */
static void dev_counts(struct lextag_trainer *tr, const lx_weights *w, pstate *p,
                       size_t tp[2], size_t fp[2])
{
    int32_t trans[NT];
    lx_trans_prepare(NULL, w->trans, trans);
    for (size_t i = 0; i < tr->n_seq; i++) {
        const lx_seq *s = &tr->seq[i];
        if (!s->dev)
            continue;
        lx_weights_score(w, tr->feats, tr->foff + s->tok, s->n, p->em);
        lx_viterbi(p->em, trans, s->n, p->hist, p->pred);
        const uint8_t *g = tr->gold + s->tok;
        for (uint32_t k = 0; k < s->n; k++) {
            int l = p->pred[k], cls = lx_label_class(l);
            if (!l || lx_label_inside(l) || cls > LX_C_ORG)
                continue;
            uint32_t e = k + 1;
            while (e < s->n && p->pred[e] == l + 1)
                e++;
            bool ok = g[k] == l && (e == s->n || g[e] != l + 1);
            for (uint32_t j = k + 1; ok && j < e; j++)
                ok = g[j] == l + 1;
            (ok ? tp : fp)[cls - 1]++;
        }
    }
}

static double f1(size_t tp, size_t fp, size_t gold)
{
    return tp ? 2.0 * tp / (double) (2 * tp + fp + (gold - tp)) : 0.0;
}

static uint64_t next_rand(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static size_t one_epoch(struct lextag_trainer *tr, pstate *p, uint32_t *order, size_t n,
                        uint64_t *seed, const int32_t *raw_trans)
{
    size_t mistakes = 0;
    int32_t tr_trans[NT];
    for (size_t i = n; i > 1; i--) {
        size_t j = next_rand(seed) % i;
        uint32_t x = order[i - 1];
        order[i - 1] = order[j];
        order[j] = x;
    }
    for (size_t i = 0; i < n; i++) {
        const lx_seq *s = &tr->seq[order[i]];
        score(tr, p, s);
        lx_trans_prepare(raw_trans, NULL, tr_trans);
        lx_viterbi(p->em, tr_trans, s->n, p->hist, p->pred);
        if (memcmp(p->pred, tr->gold + s->tok, s->n) != 0) {
            update(tr, p, s);
            mistakes++;
        }
        p->c++;
    }
    return mistakes;
}

/*
 * One run: the epochs over a shuffle seeded by the run's number.  cur and
 * kept are scratch for the stored weights of an epoch and of the kept one;
 * the kept one's are added to sum.
 */
static int run(struct lextag_trainer *tr, pstate *p, uint32_t *order, size_t n_train,
               unsigned run_no, unsigned runs, unsigned epochs, double *sum, double *cur,
               double *kept, lextag_epoch_fn fn, void *arg)
{
    /* run 0 keeps the seed a single run always had: its weights are the same */
    uint64_t seed = 0x9E3779B97F4A7C15ull + run_no * 0xD1B54A32D192ED03ull;
    bool dev = tr->dev_gold[0] + tr->dev_gold[1] > 0;
    double best = -1;
    int rc = 0;
    for (unsigned e = 1; e <= epochs && !rc; e++) {
        lextag_epoch ep = {e, epochs, 0, 0, 0, 0, false, run_no + 1, runs};
        ep.mistakes = one_epoch(tr, p, order, n_train, &seed, p->w + NB * LX_NLABELS);
        for (size_t i = 0; i < NSTORED; i++)
            cur[i] = stored(p, i);
        lx_weights w;
        if ((rc = seal(tr, cur)) ||
            (rc = lx_weights_attach(&w, tr->blob, tr->blob_len, "", true, NULL)))
            break;
        size_t tp[2] = {0, 0}, fp[2] = {0, 0};
        dev_counts(tr, &w, p, tp, fp);
        ep.dev_per = f1(tp[0], fp[0], tr->dev_gold[0]);
        ep.dev_org = f1(tp[1], fp[1], tr->dev_gold[1]);
        ep.dev_f1 = f1(tp[0] + tp[1], fp[0] + fp[1], tr->dev_gold[0] + tr->dev_gold[1]);
        /* without dev documents every epoch is the best so far: the last is kept */
        ep.best = !dev || ep.dev_f1 > best;
        if (ep.best) {
            /* the first epoch is always the best so far: kept is never read unset */
            best = ep.dev_f1;
            double *x = kept;
            kept = cur;
            cur = x;
        }
        if (fn)
            fn(arg, &ep);
    }
    for (size_t i = 0; !rc && i < NSTORED; i++)
        sum[i] += kept[i];
    return rc;
}

/* Back to no updates at all, and the training regions in their first order. */
static void reset(const struct lextag_trainer *tr, pstate *p, uint32_t *order)
{
    memset(p->w, 0, (NB * LX_NLABELS + NT) * sizeof(*p->w));
    memset(p->u, 0, (NB * LX_NLABELS + NT) * sizeof(*p->u));
    p->c = 1;
    for (size_t i = 0, k = 0; i < tr->n_seq; i++)
        if (!tr->seq[i].dev)
            order[k++] = (uint32_t) i;
}

int lx_train_epochs(struct lextag_trainer *tr, unsigned epochs, unsigned runs,
                    lextag_epoch_fn fn, void *arg, lextag_error *err)
{
    pstate p = {0};
    size_t maxn = 1, n_train = 0;
    for (size_t i = 0; i < tr->n_seq; i++) {
        maxn = tr->seq[i].n > maxn ? tr->seq[i].n : maxn;
        n_train += !tr->seq[i].dev;
    }
    p.w = calloc(NB * LX_NLABELS + NT, sizeof(*p.w));
    p.u = calloc(NB * LX_NLABELS + NT, sizeof(*p.u));
    p.em = malloc(maxn * LX_NLABELS * sizeof(*p.em));
    p.hist = malloc(maxn * LX_NLABELS * sizeof(*p.hist));
    p.pred = malloc(maxn);
    uint32_t *order = malloc((n_train + 1) * sizeof(*order));
    double *sum = calloc(NSTORED, sizeof(*sum)), *cur = malloc(NSTORED * sizeof(*cur)),
           *kept = malloc(NSTORED * sizeof(*kept));
    int rc = p.w && p.u && p.em && p.hist && p.pred && order && sum && cur && kept
                 ? 0
                 : LEXTAG_ERR_NOMEM;
    for (unsigned k = 0; !rc && k < runs; k++) {
        reset(tr, &p, order);
        rc = run(tr, &p, order, n_train, k, runs, epochs, sum, cur, kept, fn, arg);
    }
    if (!rc) {
        /* one run's sum is its kept weights, divided by one: the same bytes */
        for (size_t i = 0; i < NSTORED; i++)
            sum[i] /= runs;
        rc = seal(tr, sum);
    }
    free(p.w);
    free(p.u);
    free(p.em);
    free(p.hist);
    free(p.pred);
    free(order);
    free(sum);
    free(cur);
    free(kept);
    return rc ? lx_error_set(err, rc, NULL, 0, 0, "out of memory while training") : 0;
}
