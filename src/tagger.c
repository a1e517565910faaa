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
#include "pastids.h"
#include "resolve.h"
#include "result.h"
#include "stretch.h"
#include "tagger.h"
#include "timing.h"
#include "tokenizer.h"
#include "trie.h"
#include "vec.h"

#define MAX_LANES 1024

/*
 * A document, or a window of a stream: its stretches, what the first pass
 * made of each, and the result it goes into.  A stream's windows may have
 * their first passes run together (lx_tagger_tag_windows), each in a pass
 * of its own; everything after the first pass reads the pass being
 * finished, t->cur.
 */
typedef struct lx_pass {
    const char *text;
    size_t len;
    lx_stretch_out *outs;
    size_t outs_cap;
    size_t *bounds;     /* stretch starts, then the document length */
    size_t bounds_cap;
    size_t n_stretches;
    size_t item0;       /* its first stretch among the lanes' items */
    lx_legis_doc ld;    /* its legislation context (date, Congress) */
    lextag_result *res;
} lx_pass;

struct lextag_tagger {
    const struct lextag_model *m;
    lx_lane **lanes;    /* one per thread, set up when first needed */
    lx_lanes *pool;     /* the threads of lanes 1.., started when first needed */
    lextag_timing *timing; /* phase times go here, when set */
    unsigned n_lanes;   /* lanes set up so far */
    unsigned threads;   /* room in lanes */
    unsigned want;      /* lanes allowed for one document */
    lx_pass *passes;    /* the documents whose first passes run together */
    size_t passes_cap;
    lx_pass *cur;       /* the one being finished */
    lx_toklist scratch; /* tokens of single entities (document pass) */
    lx_candvec accepted, lost, extra;
    bool keep_lost;     /* --all-candidates: keep the resolver's losers */
    bool learn;         /* run the learned layer (not rules_only) */
    bool explain;       /* explain learned spans */
    lx_aliases aliases;
    lx_aliases *al;     /* the table in use: aliases, or a stream's */
    lx_aliasvec *props; /* per stretch: the aliases its entities define */
    size_t props_cap;
    lx_stateev *stateev; /* state evidence reader, made when first needed */
    lx_carry *carry;    /* a stream's window: what earlier windows left */
};

void lx_tagger_set_carry(lextag_tagger *t, lx_carry *c)
{
    t->carry = c;
}

lextag_tagger *lextag_tagger_new(const lextag_model *m, lextag_error *err)
{
    if (!m)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "no model"), NULL;
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
    if (!t)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "no tagger");
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
    for (size_t p = 0; p < t->passes_cap; p++) {
        for (size_t i = 0; i < t->passes[p].outs_cap; i++)
            lx_stretch_out_free(&t->passes[p].outs[i]);
        free(t->passes[p].outs);
        free(t->passes[p].bounds);
    }
    free(t->passes);
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

/* Cuts pass p's text into stretches; returns their number or 0 on NOMEM. */
static size_t cut_stretches(lx_pass *p)
{
    size_t n = 0;
    for (size_t a = 0;; a = lx_stretch_end(p->text, p->len, a)) {
        if (lx_vec_reserve(&p->bounds, &p->bounds_cap, n + 2, sizeof(*p->bounds), 16))
            return 0;
        p->bounds[n++] = a;
        if (a >= p->len)
            break;
    }
    if (lx_vec_reserve_zeroed(&p->outs, &p->outs_cap, n - 1, sizeof(*p->outs), 1))
        return 0;
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
    size_t n_passes;
} pass_arg;

/* Item i of the lanes: a stretch of one of the passes, in order.  The ids
   it makes go with its stretch, into its pass's result when it is finished. */
static int pass_stretch(void *arg, unsigned k, size_t i)
{
    const pass_arg *a = arg;
    lextag_tagger *t = a->t;
    lx_pass *p = t->passes;
    while (i >= p->item0 + p->n_stretches)
        p++;
    size_t s = i - p->item0;
    lx_lane *lane = t->lanes[k];
    lane->use_learn = t->learn;
    lane->explain = t->explain;
    int rc = lx_lane_stretch(lane, p->text, p->len, p->bounds[s], p->bounds[s + 1], &p->ld,
                             t->keep_lost, &p->outs[s]);
    lx_arena_adopt(&p->outs[s].arena, &lane->arena);
    return rc;
}

/* Runs the first pass over the n stretches of passes [0, n_passes) on up to t->want lanes. */
static int run_lanes(lextag_tagger *t, size_t n_passes, size_t n)
{
    pass_arg a = {t, n_passes};
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

/* The rules stretch o's limits cut off, named once each in res.  Out of
   line: a rule reaches its limits on pathological text only. */
static __attribute__((cold, noinline)) int note_limits(lextag_tagger *t, const lx_stretch_out *o,
                                                       lextag_result *res)
{
    for (size_t i = 0; i < o->n_limits; i++)
        if (lx_vec_add_name(&res->limit_rules, &res->n_limit, t->m->rules.v[o->limits[i]].name))
            return LEXTAG_ERR_NOMEM;
    return 0;
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
        lx_stretch_out *o = &t->cur->outs[s];
        lx_arena_adopt(&res->arena, &o->arena);
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
        if (__builtin_expect(o->n_limits != 0, 0) && !rc && (rc = note_limits(t, o, res)))
            return rc;
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

/* Cuts pass p (whose first stretch is item item0 of the lanes) into stretches. */
static int cut_pass(lx_pass *p, size_t item0)
{
    size_t n = cut_stretches(p);
    if (!n && p->len)
        return LEXTAG_ERR_NOMEM;
    p->n_stretches = n;
    p->item0 = item0;
    for (size_t s = 0; s < n; s++) {
        lx_stretch_out *o = &p->outs[s];
        o->accepted.n = o->lost.n = o->n_caps = o->n_limits = 0;
        lx_arena_free(&o->arena); /* left by a call that failed */
    }
    return 0;
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

/* drop_unsupported() once there are ambiguous entries: out of line, as
   most short documents have none. */
static __attribute__((noinline)) int drop_ambiguous(lextag_tagger *t)
{
    lx_candvec *acc = &t->accepted;
    size_t cap = 16, k = 0;
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

static int drop_unsupported(lextag_tagger *t)
{
    lx_candvec *acc = &t->accepted;
    size_t n_amb = 0;
    if (lx_carry_ids(t->carry, acc->v, acc->n))
        return LEXTAG_ERR_NOMEM;
    for (size_t i = 0; i < acc->n; i++)
        n_amb += (acc->v[i].flags & LX_CAND_AMBIGUOUS) != 0;
    return n_amb ? drop_ambiguous(t) : 0;
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
    lx_stretch_out *o = &t->cur->outs[s];
    o->accepted.n = 0;
    return lx_document_scan(t->al, t->m, o->caps, o->n_caps, t->cur->text, t->cur->len,
                            &o->accepted);
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
    size_t from = lx_cands_starting_from(acc->v, acc->n, t->cur->bounds[s]);
    size_t to = lx_cands_starting_from(acc->v, acc->n, t->cur->bounds[s + 1]);
    t->props[s].n = 0;
    return lx_document_propose(&t->props[s], t->m, acc->v + from, to - from, a->text, a->len,
                               &t->lanes[k]->tl);
}

/* The aliases the accepted entities define: a long document's stretch by
   stretch on the lanes (the lanes' token lists are free after the first pass).
   Out of line: a short document has one stretch, and takes the other way. */
static __attribute__((noinline)) int propose_aliases(lextag_tagger *t, const char *text,
                                                     size_t len)
{
    size_t n = t->cur->n_stretches;
    if (lx_vec_reserve_zeroed(&t->props, &t->props_cap, n, sizeof(*t->props), 1))
        return LEXTAG_ERR_NOMEM;
    collect_arg a = {t, text, len};
    unsigned want = t->want < t->n_lanes ? t->want : t->n_lanes;
    int rc = each_stretch(t, n, want, propose_stretch, &a,
                          t->timing ? &t->timing->document : NULL);
    for (size_t s = 0; s < n && !rc; s++)
        rc = lx_document_adopt(t->al, &t->props[s]);
    return rc;
}

static int collect_aliases(lextag_tagger *t, const char *text, size_t len)
{
    if (t->cur->n_stretches < 2 || t->want < 2 || t->n_lanes < 2)
        return lx_document_collect(t->al, t->m, t->accepted.v, t->accepted.n, text, len,
                                   &t->scratch);
    return propose_aliases(t, text, len);
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
    rc = each_stretch(t, t->cur->n_stretches, t->want, scan_stretch, t,
                      t->timing ? &t->timing->document : NULL);
    for (size_t s = 0; s < t->cur->n_stretches && !rc; s++) {
        lx_candvec *o = &t->cur->outs[s].accepted;
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

/* A long document's candidates to entity records, stretch by stretch on
   the lanes; *done says whether they were, or are to be converted in one
   walk.  Out of line: a short document has one stretch. */
static __attribute__((noinline)) int convert_parts(lextag_tagger *t, const lx_candvec *cv,
                                                   const char *text, size_t len,
                                                   lextag_result *res, lextag_entity **out,
                                                   size_t *n, bool *done)
{
    lx_convert c;
    size_t parts = t->cur->n_stretches;
    int rc = lx_convert_begin(&c, cv, text, len, t->cur->bounds, parts, &res->arena);
    if (rc)
        return rc;
    each_stretch(t, parts, t->want, convert_stretch, &c, t->timing ? &t->timing->convert : NULL);
    *done = lx_convert_end(&c, out, n);
    return 0;
}

/* Candidates to entity records: a long document's stretch by stretch on the lanes. */
static int convert(lextag_tagger *t, const lx_candvec *cv, const char *text, size_t len,
                   const char *types, lextag_result *res, lextag_entity **out, size_t *n)
{
    if (t->cur->n_stretches > 1 && t->want > 1 && !(types && *types) && !t->explain) {
        bool done = false;
        int rc = convert_parts(t, cv, text, len, res, out, n, &done);
        if (rc || done)
            return rc;
    }
    return lx_convert_entities(cv, text, len, types, t->explain, res, out, n);
}

/* What failed, by error code: only LEXTAG_ERR_NOMEM is "out of memory". */
static __attribute__((cold, noinline)) int tag_failed(int rc, lextag_error *err)
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

/* The options of one call, for every pass it tags. */
static void take_options(lextag_tagger *t, const lextag_options *opt)
{
    t->keep_lost = opt && opt->all_candidates;
    t->learn = !(opt && opt->rules_only);
    t->explain = opt && opt->explain;
}

/*
 * Starts pass p on text[0..len): its result, its legislation context (read
 * from the text and, for a stream's window, the windows before it: passes
 * start in document order) and its stretches, the first of them item item0
 * of the lanes.
 */
static int begin_pass(lextag_tagger *t, lx_pass *p, const char *text, size_t len,
                      const lextag_options *opt, size_t item0, double *t0)
{
    lextag_timing *tm = t->timing;
    p->text = text;
    p->len = len;
    memset(&p->ld, 0, sizeof(p->ld));
    if (!(p->res = calloc(1, sizeof(*p->res))))
        return LEXTAG_ERR_NOMEM;
    p->res->threads = t->want;
    p->res->timing = tm;
    int rc = 0;
    if (t->m->has_legis &&
        (rc = lx_carry_prepare(t->carry, &p->ld, text, len, opt ? opt->date : NULL,
                               &p->res->arena)))
        return rc;
    lx_timing_lap(tm, tm ? &tm->prescan : NULL, t0);
    rc = cut_pass(p, item0);
    lx_timing_lap(tm, tm ? &tm->cut : NULL, t0);
    return rc;
}

/* Everything after the first pass, for pass p: merge, document pass, offsets. */
static int finish_pass(lextag_tagger *t, lx_pass *p, const lextag_options *opt, double *t0)
{
    lextag_timing *tm = t->timing;
    lextag_result *res = p->res;
    const char *text = p->text;
    size_t len = p->len;
    int rc;
    t->cur = p;
    t->lost.n = t->accepted.n = 0;
    if ((rc = merge_stretches(t, p->n_stretches, res)) || (rc = drop_unsupported(t)))
        return rc;
    /* before the document pass, so that aliases take the ids that stay */
    bool congress = false, *spoke = t->carry ? &t->carry->congress : &congress;
    lx_pastids_settle(t->m, t->accepted.v, t->accepted.n, t->lost.v, t->lost.n, text, len,
                      spoke);
    lx_timing_lap(tm, tm ? &tm->merge : NULL, t0);
    if ((rc = document_pass(t, text, len, res)) ||
        (t->m->has_legis && (rc = lx_statebill_settle(&t->stateev, &p->ld, &t->m->rules,
                                                      t->accepted.v, &t->accepted.n, text, len,
                                                      &res->arena))) ||
        (rc = lx_legis_link(t->accepted.v, t->accepted.n, text, &res->arena)))
        return rc;
    lx_timing_lap(tm, tm ? &tm->document : NULL, t0);
    const char *types = opt ? opt->types : NULL;
    if ((rc = convert(t, &t->accepted, text, len, types, res, &res->ents, &res->n)))
        return rc;
    if (t->keep_lost) {
        lx_resolve_sort(&t->lost);
        for (size_t i = 0; i < t->lost.n; i++)
            t->lost.v[i].ref = LX_NOREF;
        if ((rc = convert(t, &t->lost, text, len, types, res, &res->lost, &res->n_lost)))
            return rc;
    }
    lx_timing_lap(tm, tm ? &tm->convert : NULL, t0);
    if (tm)
        tm->documents++;
    return 0;
}

/* A document tagged on its own is a window of its own: its result is kept. */
static int keep_result(void *arg, size_t i, lextag_result *r)
{
    (void) i;
    *(lextag_result **) arg = r;
    return 0;
}

lextag_result *lextag_tagger_tag(lextag_tagger *t, const char *text, size_t len,
                                 const lextag_options *opt, lextag_error *err)
{
    if (!t || (!text && len)) {
        lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "tagging failed: %s",
                     !t ? "no tagger" : "NULL text with a length");
        return NULL;
    }
    /* a stream's window reads as far as the stream says (its carry's avail) */
    lx_window_text w = {text, len, t->carry ? t->carry->avail : len};
    lextag_result *res = NULL;
    return lx_tagger_tag_windows(t, &w, 1, opt, keep_result, &res, err) ? NULL : res;
}

int lx_tagger_tag_windows(lextag_tagger *t, const lx_window_text *w, size_t n,
                          const lextag_options *opt, lx_window_done_fn done, void *arg,
                          lextag_error *err)
{
    lextag_timing *tm = t->timing;
    double t0 = tm ? lx_timing_clock(tm) : 0;
    int rc = lx_vec_reserve_zeroed(&t->passes, &t->passes_cap, n, sizeof(*t->passes), 1);
    size_t items = 0, begun = 0;
    take_options(t, opt);
    /* in document order: each window's legislation context follows from the
       last; a pass that failed to begin is counted too, its result freed below */
    for (; !rc && begun < n; begun++) {
        if (t->carry)
            t->carry->avail = w[begun].avail;
        rc = begin_pass(t, &t->passes[begun], w[begun].text, w[begun].len, opt, items, &t0);
        items += t->passes[begun].n_stretches;
    }
    if (!rc) {
        rc = run_lanes(t, n, items);
        lx_timing_lap(tm, tm ? &tm->lanes : NULL, &t0);
    }
    bool said = false; /* done's own failure: it reports it itself */
    for (size_t i = 0; i < n && !rc; i++) {
        lx_pass *p = &t->passes[i];
        if (t->carry)
            t->carry->avail = w[i].avail;
        if ((rc = finish_pass(t, p, opt, &t0)))
            break;
        lextag_result *res = p->res;
        p->res = NULL;
        said = (rc = done(arg, i, res)) != 0;
    }
    for (size_t i = 0; i < begun; i++) {
        lextag_result_free(t->passes[i].res);
        t->passes[i].res = NULL;
    }
    return rc && !said ? tag_failed(rc, err) : rc;
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
