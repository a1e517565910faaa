/* SPDX-License-Identifier: MIT */
/*
 * The tagging pipeline for one document:
 *
 *   legislation context (date, dateline, Congress ordinals)
 *   first pass, stretch by stretch (stretch.c), in parallel lanes when the
 *       document is large and the caller allows threads
 *   merge the stretches in order; drop unsupported ambiguous entries
 *   document pass (aliases), link acts to bills
 *   filter types, convert byte offsets to code points and UTF-16 in one
 *   forward walk
 *
 * Working in stretches keeps the token arrays bounded for documents of any
 * size; the tagger keeps its scratch between documents so that steady-state
 * tagging allocates little beyond the result.
 */
#include <stdlib.h>
#include <string.h>

#include "candidate.h"
#include "carry.h"
#include "convert.h"
#include "document.h"
#include "lanes.h"
#include "error.h"
#include "legis.h"
#include "statebill.h"
#include "model.h"
#include "resolve.h"
#include "result.h"
#include "stretch.h"
#include "tagger.h"
#include "timing.h"
#include "tokenizer.h"
#include "trie.h"
#include "vec.h"

#define MAX_LANES 1024

struct lextag_tagger {
    const struct lextag_model *m;
    lx_lane **lanes;    /* one per thread, set up when first needed */
    lx_lanes *pool;     /* the threads of lanes 1.., started when first needed */
    lextag_timing *timing; /* phase times go here, when set */
    unsigned n_lanes;   /* lanes set up so far */
    unsigned threads;   /* room in lanes */
    unsigned want;      /* lanes allowed for one document */
    lx_stretch_out *outs;
    size_t outs_cap;
    size_t *bounds;     /* stretch starts, then the document length */
    size_t bounds_cap;
    lx_toklist scratch; /* tokens of single entities (document pass) */
    lx_candvec accepted, lost, extra;
    bool keep_lost;     /* --all-candidates: keep the resolver's losers */
    bool learn;         /* run the learned layer (not rules_only) */
    bool explain;       /* explain learned spans */
    lx_aliases aliases;
    lx_aliases *al;     /* the table in use: aliases, or a stream's */
    lx_aliasvec *props; /* per stretch: the aliases its entities define */
    size_t props_cap;
    size_t n_stretches; /* of the current document */
    lx_stateev *stateev; /* state evidence reader, made when first needed */
    lx_carry *carry;    /* a stream's window: what earlier windows left */
};

void lx_tagger_set_carry(lextag_tagger *t, lx_carry *c)
{
    t->carry = c;
}

lextag_tagger *lextag_tagger_new(const lextag_model *m, lextag_error *err)
{
    lextag_tagger *t = calloc(1, sizeof(*t));
    if (t && (!(t->lanes = calloc(1, sizeof(*t->lanes))) ||
              !(t->lanes[0] = calloc(1, sizeof(lx_lane))) || lx_lane_init(t->lanes[0], m))) {
        if (t->lanes)
            free(t->lanes[0]);
        free(t->lanes);
        free(t);
        t = NULL;
    }
    if (!t) {
        lx_error_set(err, LEXTAG_ERR_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    t->m = m;
    t->n_lanes = 1;
    t->threads = t->want = 1;
    return t;
}

int lextag_tagger_set_threads(lextag_tagger *t, unsigned n, lextag_error *err)
{
    if (n == 0 || n > MAX_LANES)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0,
                            "threads must be from 1 to %d", MAX_LANES);
    lx_lane **v = n > t->threads ? realloc(t->lanes, n * sizeof(*v)) : t->lanes;
    if (!v)
        return lx_error_set(err, LEXTAG_ERR_NOMEM, NULL, 0, 0, "out of memory");
    t->lanes = v;
    t->threads = n > t->threads ? n : t->threads;
    t->want = n;
    return 0;
}

unsigned lx_tagger_threads(const lextag_tagger *t)
{
    return t->want;
}

void lextag_tagger_free(lextag_tagger *t)
{
    if (!t)
        return;
    lx_lanes_free(t->pool);
    for (unsigned i = 0; i < t->n_lanes; i++) {
        lx_lane_release(t->lanes[i]);
        free(t->lanes[i]);
    }
    free(t->lanes);
    for (size_t i = 0; i < t->outs_cap; i++)
        lx_stretch_out_free(&t->outs[i]);
    free(t->outs);
    free(t->bounds);
    lx_toklist_free(&t->scratch);
    lx_candvec_free(&t->accepted);
    lx_candvec_free(&t->lost);
    lx_candvec_free(&t->extra);
    lx_aliases_free(&t->aliases);
    for (size_t i = 0; i < t->props_cap; i++)
        free(t->props[i].v);
    free(t->props);
    lx_stateev_free(t->stateev);
    free(t);
}

/* Cuts the document into stretches; returns their number or 0 on NOMEM. */
static size_t cut_stretches(lextag_tagger *t, const char *text, size_t len)
{
    size_t n = 0;
    for (size_t a = 0;; a = lx_stretch_end(text, len, a)) {
        if (lx_vec_reserve(&t->bounds, &t->bounds_cap, n + 2, sizeof(*t->bounds), 16))
            return 0;
        t->bounds[n++] = a;
        if (a >= len)
            break;
    }
    if (n - 1 > t->outs_cap) {
        lx_stretch_out *o = realloc(t->outs, (n - 1) * sizeof(*o));
        if (!o)
            return 0;
        memset(o + t->outs_cap, 0, (n - 1 - t->outs_cap) * sizeof(*o));
        t->outs = o;
        t->outs_cap = n - 1;
    }
    return n - 1; /* bounds[n-1] == len */
}

/*
 * Runs fn over stretches [0, n) on up to `want` lanes of the tagger's pool
 * (started when first needed); see lx_lanes_each.
 */
static int each_stretch(lextag_tagger *t, size_t n, unsigned want, lx_lanes_item_fn fn,
                        void *ctx, double *phase)
{
    if (want > 1 && n > 1 && !t->pool)
        t->pool = lx_lanes_new(); /* without a pool, the caller does it all */
    return lx_lanes_each(t->pool, n, want, fn, ctx, t->timing, phase);
}

typedef struct pass_arg {
    lextag_tagger *t;
    const char *text;
    size_t len;
    const lx_legis_doc *ld;
} pass_arg;

static int pass_stretch(void *arg, unsigned k, size_t s)
{
    const pass_arg *a = arg;
    lextag_tagger *t = a->t;
    lx_lane *lane = t->lanes[k];
    lane->use_learn = t->learn;
    lane->explain = t->explain;
    return lx_lane_stretch(lane, a->text, a->len, t->bounds[s], t->bounds[s + 1], a->ld,
                           t->keep_lost, &t->outs[s]);
}

/* Runs the first pass over n stretches on up to t->want lanes. */
static int run_lanes(lextag_tagger *t, const char *text, size_t len, size_t n,
                     const lx_legis_doc *ld)
{
    pass_arg a = {t, text, len, ld};
    unsigned want = t->want < n ? t->want : (unsigned) n;
    while (t->n_lanes < want) {
        lx_lane *l = calloc(1, sizeof(*l));
        if (!l || lx_lane_init(l, t->m)) {
            free(l);
            break;
        }
        t->lanes[t->n_lanes++] = l;
    }
    return each_stretch(t, n, want < t->n_lanes ? want : t->n_lanes, pass_stretch, &a, NULL);
}

static int lose(lextag_tagger *t, lx_cand c)
{
    if (!t->keep_lost)
        return 0;
    c.flags |= LX_CAND_LOST;
    return lx_candvec_push(&t->lost, &c);
}

/*
 * Concatenates the stretches' results in order.  A span from a rule window
 * that reached across a stretch boundary may overlap a neighbour's entity:
 * the better ranked of the two stays.
 */
static int merge_stretches(lextag_tagger *t, size_t n, lextag_result *res)
{
    int rc = 0;
    for (size_t s = 0; s < n && !rc; s++) {
        lx_stretch_out *o = &t->outs[s];
        for (size_t i = 0; i < o->accepted.n && !rc; i++) {
            const lx_cand *c = &o->accepted.v[i];
            bool keep = true;
            while (keep && t->accepted.n && t->accepted.v[t->accepted.n - 1].end > c->start) {
                lx_cand *prev = &t->accepted.v[t->accepted.n - 1];
                if (lx_resolve_rank(c, prev) < 0) {
                    rc = lose(t, *prev);
                    t->accepted.n--;
                } else {
                    keep = false;
                }
            }
            if (!rc)
                rc = keep ? lx_candvec_push(&t->accepted, c) : lose(t, *c);
        }
        for (size_t i = 0; i < o->lost.n && !rc; i++)
            rc = lx_candvec_push(&t->lost, &o->lost.v[i]);
        for (size_t i = 0; i < o->n_limits && !rc; i++) {
            const char *name = t->m->rules.v[o->limits[i]].name;
            bool seen = false;
            for (size_t k = 0; k < res->n_limit; k++)
                seen |= res->limit_rules[k] == name;
            if (seen)
                continue;
            const char **v = realloc(res->limit_rules, (res->n_limit + 1) * sizeof(*v));
            if (!v)
                return LEXTAG_ERR_NOMEM;
            res->limit_rules = v;
            v[res->n_limit++] = name;
        }
        /* the capitalized words stay with their stretch for the document pass;
           a large stretch's entities are copied out now, so its array goes */
        o->accepted.n = o->lost.n = o->n_limits = 0;
        if (o->accepted.cap > 4096)
            lx_candvec_free(&o->accepted);
    }
    lx_resolve_sort(&t->accepted);
    lx_resolve_sort(&t->lost);
    return rc;
}

/* First pass over the whole document, then the merge. */
static int first_pass(lextag_tagger *t, const char *text, size_t len,
                      const lx_legis_doc *ld, lextag_result *res, double *t0)
{
    lextag_timing *tm = t->timing;
    size_t n = cut_stretches(t, text, len);
    if (!n && len)
        return LEXTAG_ERR_NOMEM;
    t->n_stretches = n;
    for (size_t s = 0; s < n; s++)
        t->outs[s].accepted.n = t->outs[s].lost.n = t->outs[s].n_caps =
            t->outs[s].n_limits = 0;
    lx_timing_lap(tm, tm ? &tm->cut : NULL, t0);
    int rc = run_lanes(t, text, len, n, ld);
    /* the ids the lanes made now belong to the result */
    for (unsigned k = 0; k < t->n_lanes; k++)
        lx_arena_adopt(&res->arena, &t->lanes[k]->arena);
    lx_timing_lap(tm, tm ? &tm->lanes : NULL, t0);
    return rc ? rc : merge_stretches(t, n, res);
}

/*
 * An ambiguous entry (a company that is also a common word, say) is kept
 * inside a sentence, where its capital letter marks a name ("shares of
 * Target"); at a sentence start the capital proves nothing, so there it
 * stays only when the document also names it unambiguously.  The ids
 * named unambiguously go into a small hash set first, so the check is linear.
 */
/* The slot of id in an open-addressing set of cap (a power of two) slots:
   where it is, or the empty slot where it goes. */
static size_t id_slot(const char **set, size_t cap, const char *id)
{
    size_t h = lx_trie_hash(id, strlen(id)) & (cap - 1);
    while (set[h] && strcmp(set[h], id) != 0)
        h = (h + 1) & (cap - 1);
    return h;
}

static int drop_unsupported(lextag_tagger *t)
{
    lx_candvec *acc = &t->accepted;
    size_t n_amb = 0, cap = 16, k = 0;
    if (lx_carry_ids(t->carry, acc->v, acc->n))
        return LEXTAG_ERR_NOMEM;
    for (size_t i = 0; i < acc->n; i++)
        n_amb += (acc->v[i].flags & LX_CAND_AMBIGUOUS) != 0;
    if (!n_amb)
        return 0;
    while (cap < acc->n * 2)
        cap *= 2;
    const char **set = calloc(cap, sizeof(*set));
    if (!set)
        return LEXTAG_ERR_NOMEM;
    for (size_t i = 0; i < acc->n; i++) {
        const lx_cand *c = &acc->v[i];
        if ((c->flags & LX_CAND_AMBIGUOUS) || !c->id)
            continue;
        set[id_slot(set, cap, c->id)] = c->id;
    }
    int rc = 0;
    for (size_t i = 0; i < acc->n; i++) {
        lx_cand *c = &acc->v[i];
        bool keep = !(c->flags & LX_CAND_AMBIGUOUS) || !(c->flags & LX_CAND_SENT);
        if (!keep && c->id)
            keep = set[id_slot(set, cap, c->id)] || lx_carry_named(t->carry, c->id);
        if (keep) {
            acc->v[k++] = *c;
        } else {
            c->flags |= LX_CAND_LOST;
            if (!rc && t->keep_lost)
                rc = lx_candvec_push(&t->lost, c);
        }
    }
    acc->n = k;
    free(set);
    return rc;
}

/*
 * An alias the learned layer tagged itself ("Vance" after "Teodora Vance")
 * still refers to the name seen in full: it takes the alias's ref and id.
 */
static void link_aliases(lextag_tagger *t)
{
    const lx_candvec *acc = &t->accepted;
    for (size_t i = 0; i < t->extra.n; i++) {
        const lx_cand *a = &t->extra.v[i];
        size_t k = lx_cands_ending_after(acc->v, acc->n, a->start);
        if (k == acc->n)
            continue;
        lx_cand *e = &acc->v[k];
        if (e->start == a->start && e->end == a->end && e->ref == LX_NOREF &&
            a->ref < e->start && strcmp(e->type, a->type) == 0 &&
            strncmp(e->source, "learned", 7) == 0) {
            e->ref = a->ref;
            if (!e->id)
                e->id = a->id;
        }
    }
}

static int scan_stretch(void *arg, unsigned k, size_t s)
{
    lextag_tagger *t = arg;
    lx_stretch_out *o = &t->outs[s];
    o->accepted.n = 0;
    return lx_document_scan(t->al, o->caps, o->n_caps, &o->accepted);
}

typedef struct collect_arg {
    lextag_tagger *t;
    const char *text;
    size_t len;
} collect_arg;

static int propose_stretch(void *arg, unsigned k, size_t s)
{
    const collect_arg *a = arg;
    lextag_tagger *t = a->t;
    const lx_candvec *acc = &t->accepted;
    size_t from = lx_cands_starting_from(acc->v, acc->n, t->bounds[s]);
    size_t to = lx_cands_starting_from(acc->v, acc->n, t->bounds[s + 1]);
    t->props[s].n = 0;
    return lx_document_propose(&t->props[s], t->m, acc->v + from, to - from, a->text, a->len,
                               &t->lanes[k]->tl);
}

/* The aliases the accepted entities define: a long document's stretch by
   stretch on the lanes (the lanes' token lists are free after the first pass). */
static int collect_aliases(lextag_tagger *t, const char *text, size_t len)
{
    size_t n = t->n_stretches;
    if (n < 2 || t->want < 2 || t->n_lanes < 2)
        return lx_document_collect(t->al, t->m, t->accepted.v, t->accepted.n, text, len,
                                   &t->scratch);
    if (n > t->props_cap) {
        lx_aliasvec *v = realloc(t->props, n * sizeof(*v));
        if (!v)
            return LEXTAG_ERR_NOMEM;
        memset(v + t->props_cap, 0, (n - t->props_cap) * sizeof(*v));
        t->props = v;
        t->props_cap = n;
    }
    collect_arg a = {t, text, len};
    unsigned want = t->want < t->n_lanes ? t->want : t->n_lanes;
    int rc = each_stretch(t, n, want, propose_stretch, &a,
                          t->timing ? &t->timing->document : NULL);
    for (size_t s = 0; s < n && !rc; s++)
        rc = lx_document_adopt(t->al, &t->props[s]);
    return rc;
}

/* Second pass: aliases of names seen in full. */
static int document_pass(lextag_tagger *t, const char *text, size_t len,
                         lextag_result *res)
{
    t->al = lx_carry_aliases(t->carry, &t->aliases);
    int rc = collect_aliases(t, text, len);
    if (rc || t->al->n == 0)
        return rc;
    t->extra.n = 0;
    /* each stretch's capitalized words are scanned into its own (emptied)
       accepted list, on the lanes, then gathered in order */
    rc = each_stretch(t, t->n_stretches, t->want, scan_stretch, t,
                      t->timing ? &t->timing->document : NULL);
    for (size_t s = 0; s < t->n_stretches && !rc; s++) {
        lx_candvec *o = &t->outs[s].accepted;
        for (size_t i = 0; i < o->n && !rc; i++)
            rc = lx_candvec_push(&t->extra, &o->v[i]);
        o->n = 0;
    }
    if (rc || (rc = lx_carry_cross(t->carry, &t->extra)))
        return rc;
    link_aliases(t);
    return lx_resolve_fill(&t->accepted, &t->extra, &t->lost);
}

static int convert_stretch(void *arg, unsigned k, size_t s)
{
    lx_convert_part(arg, s);
    return 0;
}

/* Candidates to entity records: a long document's stretch by stretch on the lanes. */
static int convert(lextag_tagger *t, const lx_candvec *cv, const char *text, size_t len,
                   const char *types, lextag_result *res, lextag_entity **out, size_t *n)
{
    lx_convert c;
    if (t->n_stretches > 1 && t->want > 1 && !(types && *types) && !t->explain) {
        int rc = lx_convert_begin(&c, cv, text, len, t->bounds, t->n_stretches, &res->arena);
        if (rc)
            return rc;
        each_stretch(t, t->n_stretches, t->want, convert_stretch, &c,
                     t->timing ? &t->timing->convert : NULL);
        if (lx_convert_end(&c, out, n))
            return 0;
    }
    return lx_convert_entities(cv, text, len, types, t->explain, res, out, n);
}

/* What failed, by error code: only LEXTAG_ERR_NOMEM is "out of memory". */
static int tag_failed(int rc, lextag_error *err)
{
    if (rc == LEXTAG_ERR_NOMEM)
        return lx_error_set(err, rc, NULL, 0, 0, "out of memory while tagging");
    if (rc == LEXTAG_ERR_INVALID)
        return lx_error_set(err, rc, NULL, 0, 0, "tagging failed: invalid argument");
    return lx_error_set(err, rc, NULL, 0, 0, "tagging failed (error code %d)", rc);
}

lextag_timing *lx_tagger_timing(const lextag_tagger *t)
{
    return t->timing;
}

void lextag_tagger_set_timing(lextag_tagger *t, lextag_timing *sink)
{
    if (t)
        t->timing = sink;
}

/* Adds the time since *t0 to the sink's member f; nothing without a sink. */
#define LAP(f) lx_timing_lap(tm, tm ? &tm->f : NULL, &t0)

lextag_result *lextag_tagger_tag(lextag_tagger *t, const char *text, size_t len,
                                 const lextag_options *opt, lextag_error *err)
{
    lextag_result *res = calloc(1, sizeof(*res));
    lextag_timing *tm = t ? t->timing : NULL;
    double t0 = tm ? lx_timing_clock(tm) : 0;
    lx_legis_doc ld;
    int rc = LEXTAG_ERR_NOMEM;
    if (!res)
        goto fail;
    if (!t || (!text && len)) {
        rc = LEXTAG_ERR_INVALID;
        goto fail;
    }
    res->threads = t->want;
    res->timing = tm;
    t->lost.n = t->accepted.n = t->n_stretches = 0;
    t->keep_lost = opt && opt->all_candidates;
    t->learn = !(opt && opt->rules_only);
    t->explain = opt && opt->explain;
    memset(&ld, 0, sizeof(ld));
    if (t->m->has_legis &&
        (rc = lx_carry_prepare(t->carry, &ld, text, len, opt ? opt->date : NULL, &res->arena)))
        goto fail;
    LAP(prescan);
    if ((rc = first_pass(t, text, len, &ld, res, &t0)) || (rc = drop_unsupported(t)))
        goto fail;
    LAP(merge);
    if ((rc = document_pass(t, text, len, res)) ||
        (t->m->has_legis && (rc = lx_statebill_settle(&t->stateev, &ld, &t->m->rules,
                                                      t->accepted.v, &t->accepted.n, text, len,
                                                      &res->arena))) ||
        (rc = lx_legis_link(t->accepted.v, t->accepted.n, text, &res->arena)))
        goto fail;
    LAP(document);
    const char *types = opt ? opt->types : NULL;
    if ((rc = convert(t, &t->accepted, text, len, types, res, &res->ents, &res->n)))
        goto fail;
    if (t->keep_lost) {
        lx_resolve_sort(&t->lost);
        for (size_t i = 0; i < t->lost.n; i++)
            t->lost.v[i].ref = LX_NOREF;
        if ((rc = convert(t, &t->lost, text, len, types, res, &res->lost, &res->n_lost)))
            goto fail;
    }
    LAP(convert);
    if (tm)
        tm->documents++;
    return res;
fail:
    lextag_result_free(res);
    tag_failed(rc, err);
    return NULL;
}

size_t lextag_result_count(const lextag_result *r)
{
    return r ? r->n : 0;
}

const lextag_entity *lextag_result_entity(const lextag_result *r, size_t i)
{
    return r && i < r->n ? &r->ents[i] : NULL;
}

size_t lextag_result_lost_count(const lextag_result *r)
{
    return r ? r->n_lost : 0;
}

const lextag_entity *lextag_result_lost(const lextag_result *r, size_t i)
{
    return r && i < r->n_lost ? &r->lost[i] : NULL;
}

size_t lextag_result_limit_hits(const lextag_result *r)
{
    return r ? r->n_limit : 0;
}

const char *lextag_result_limit_rule(const lextag_result *r, size_t i)
{
    return r && i < r->n_limit ? r->limit_rules[i] : NULL;
}

void lextag_result_free(lextag_result *r)
{
    if (!r)
        return;
    lx_arena_free(&r->arena);
    free(r->limit_rules);
    free(r);
}
