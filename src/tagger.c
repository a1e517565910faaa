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
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "attrs.h"
#include "candidate.h"
#include "carry.h"
#include "document.h"
#include "error.h"
#include "legis.h"
#include "statebill.h"
#include "model.h"
#include "resolve.h"
#include "result.h"
#include "stretch.h"
#include "tagger.h"
#include "tokenizer.h"
#include "trie.h"
#include "utf8.h"
#include "vec.h"

#define MAX_LANES 1024

struct lextag_tagger {
    const struct lextag_model *m;
    lx_lane **lanes;    /* one per thread, set up when first needed */
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
    size_t n_stretches; /* of the current document */
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

void lextag_tagger_free(lextag_tagger *t)
{
    if (!t)
        return;
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

typedef struct pass_job {
    lextag_tagger *t;
    const char *text;
    size_t len, n;
    const lx_legis_doc *ld;
    atomic_size_t next;
    atomic_int rc;
} pass_job;

typedef struct lane_arg {
    pass_job *job;
    lx_lane *lane;
} lane_arg;

static void *lane_main(void *p)
{
    lane_arg *a = p;
    pass_job *j = a->job;
    a->lane->use_learn = j->t->learn;
    a->lane->explain = j->t->explain;
    for (;;) {
        size_t s = atomic_fetch_add(&j->next, 1);
        if (s >= j->n || atomic_load(&j->rc))
            break;
        lx_stretch_out *out = &j->t->outs[s];
        int rc = lx_lane_stretch(a->lane, j->text, j->len, j->t->bounds[s],
                                 j->t->bounds[s + 1], j->ld, j->t->keep_lost, out);
        if (rc) {
            int zero = 0;
            atomic_compare_exchange_strong(&j->rc, &zero, rc);
        }
    }
    return NULL;
}

/* Runs the first pass over n stretches on up to t->threads lanes. */
static int run_lanes(lextag_tagger *t, const char *text, size_t len, size_t n,
                     const lx_legis_doc *ld)
{
    pass_job job = {.t = t, .text = text, .len = len, .n = n, .ld = ld};
    unsigned want = t->want < n ? t->want : (unsigned) n;
    while (t->n_lanes < want) {
        lx_lane *l = calloc(1, sizeof(*l));
        if (!l || lx_lane_init(l, t->m)) {
            free(l);
            break;
        }
        t->lanes[t->n_lanes++] = l;
    }
    if (want > t->n_lanes)
        want = t->n_lanes;
    atomic_init(&job.next, 0);
    atomic_init(&job.rc, 0);
    /* a thread that cannot be had leaves its stretches to the others */
    pthread_t *th = want > 1 ? malloc(want * sizeof(*th)) : NULL;
    lane_arg *args = want > 1 ? malloc(want * sizeof(*args)) : NULL;
    lane_arg self = {&job, t->lanes[0]};
    unsigned started = 0;
    for (unsigned k = 1; th && args && k < want; k++) {
        args[k] = (lane_arg){&job, t->lanes[k]};
        if (pthread_create(&th[k], NULL, lane_main, &args[k]) != 0)
            break;
        started++;
    }
    lane_main(&self);
    for (unsigned k = 1; k <= started; k++)
        pthread_join(th[k], NULL);
    free(th);
    free(args);
    return atomic_load(&job.rc);
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
                      const lx_legis_doc *ld, lextag_result *res)
{
    size_t n = cut_stretches(t, text, len);
    if (!n && len)
        return LEXTAG_ERR_NOMEM;
    t->n_stretches = n;
    for (size_t s = 0; s < n; s++)
        t->outs[s].accepted.n = t->outs[s].lost.n = t->outs[s].n_caps =
            t->outs[s].n_limits = 0;
    int rc = run_lanes(t, text, len, n, ld);
    /* the ids the lanes made now belong to the result */
    for (unsigned k = 0; k < t->n_lanes; k++)
        lx_arena_adopt(&res->arena, &t->lanes[k]->arena);
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

/* Second pass: aliases of names seen in full. */
static int document_pass(lextag_tagger *t, const char *text, size_t len,
                         lextag_result *res)
{
    lx_aliases *al = lx_carry_aliases(t->carry, &t->aliases);
    int rc = lx_document_collect(al, t->m, t->accepted.v, t->accepted.n, text, len,
                                 &t->scratch, &res->arena);
    if (rc || al->n == 0)
        return rc;
    t->extra.n = 0;
    for (size_t s = 0; s < t->n_stretches; s++)
        if ((rc = lx_document_scan(al, t->outs[s].caps, t->outs[s].n_caps, &t->extra)))
            return rc;
    if ((rc = lx_carry_cross(t->carry, &t->extra)))
        return rc;
    link_aliases(t);
    return lx_resolve_fill(&t->accepted, &t->extra, &t->lost);
}

static bool type_kept(const char *types, const char *type)
{
    if (!types || !*types)
        return true;
    size_t n = strlen(type);
    for (const char *p = types; *p;) {
        const char *comma = strchr(p, ',');
        size_t l = comma ? (size_t) (comma - p) : strlen(p);
        if (l == n && memcmp(p, type, n) == 0)
            return true;
        p += l + (comma ? 1 : 0);
    }
    return false;
}

typedef struct cursor {
    size_t byte, cp, u16;
} cursor;

static void advance(cursor *c, const char *text, size_t len, size_t target)
{
    size_t l;
    /* ASCII, eight bytes at a time: one byte, one code point, one unit */
    while (c->byte + 8 <= target) {
        uint64_t w;
        memcpy(&w, text + c->byte, 8);
        if (w & 0x8080808080808080ull)
            break;
        c->byte += 8;
        c->cp += 8;
        c->u16 += 8;
    }
    while (c->byte < target) {
        uint32_t cp = lx_utf8_decode((const unsigned char *) text + c->byte,
                                     len - c->byte, &l);
        c->byte += l;
        c->cp++;
        c->u16 += lx_utf16_units(cp);
    }
}

/*
 * With --explain, a PERSON or ORG the rules decided (a byline, an alias,
 * a list item) says so: no learned score, its source.
 */
static bool needs_explain(const lx_cand *k)
{
    bool named = strcmp(k->type, "PERSON") == 0 || strcmp(k->type, "ORG") == 0;
    return named && !(k->attrs && k->attrs->explain);
}

static const struct lextag_attrs *rule_explain(const lx_cand *k, lx_arena *a)
{
    struct lextag_attrs *x = lx_attrs_new(a, k->attrs);
    lextag_explain *e = lx_arena_alloc(a, sizeof(*e));
    const char **src = lx_arena_alloc(a, sizeof(*src));
    if (!x || !e || !src)
        return NULL;
    src[0] = k->source;
    *e = (lextag_explain){false, 0, NULL, 0, src, 1};
    x->explain = e;
    return x;
}

/* Converts accepted (or lost) candidates into public entity records. */
static int fill_entities(const lx_candvec *cv, const char *text, size_t len,
                         const char *types, bool explain, lextag_result *res,
                         lextag_entity **out, size_t *n_out)
{
    lextag_entity *v = lx_arena_alloc(&res->arena, (cv->n + 1) * sizeof(*v));
    uint32_t *newix = lx_arena_alloc(&res->arena, (cv->n + 1) * sizeof(*newix));
    cursor c = {0, 0, 0};
    size_t n = 0;
    if (!v || !newix)
        return LEXTAG_ERR_NOMEM;
    for (size_t i = 0; i < cv->n; i++) {
        const lx_cand *k = &cv->v[i];
        newix[i] = LX_NONE;
        if (!type_kept(types, k->type))
            continue;
        newix[i] = (uint32_t) n;
        lextag_entity *e = &v[n++];
        advance(&c, text, len, k->start);
        e->byte_start = c.byte;
        e->start = c.cp;
        e->utf16_start = c.u16;
        cursor c2 = c;
        advance(&c2, text, len, k->end);
        e->byte_end = c2.byte;
        e->end = c2.cp;
        e->utf16_end = c2.u16;
        e->type = k->type;
        e->id = k->id;
        e->source = k->source;
        e->attrs = k->attrs;
        if (explain && needs_explain(k) && !(e->attrs = rule_explain(k, &res->arena)))
            return LEXTAG_ERR_NOMEM;
        e->ref = -1;
    }
    /* a ref is the start byte of the mention referred to: find its index */
    for (size_t i = 0; i < cv->n; i++) {
        if (cv->v[i].ref == LX_NOREF || newix[i] == LX_NONE)
            continue;
        size_t lo = 0, hi = cv->n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (cv->v[mid].start < cv->v[i].ref)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < cv->n && cv->v[lo].start == cv->v[i].ref && newix[lo] != LX_NONE)
            v[newix[i]].ref = (long) newix[lo];
    }
    *out = v;
    *n_out = n;
    return 0;
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

lextag_result *lextag_tagger_tag(lextag_tagger *t, const char *text, size_t len,
                                 const lextag_options *opt, lextag_error *err)
{
    lextag_result *res = calloc(1, sizeof(*res));
    if (res)
        res->threads = t->want;
    lx_legis_doc ld;
    int rc = LEXTAG_ERR_NOMEM;
    if (!res)
        goto fail;
    if (!t || (!text && len)) {
        rc = LEXTAG_ERR_INVALID;
        goto fail;
    }
    t->lost.n = t->accepted.n = t->n_stretches = 0;
    t->keep_lost = opt && opt->all_candidates;
    t->learn = !(opt && opt->rules_only);
    t->explain = opt && opt->explain;
    memset(&ld, 0, sizeof(ld));
    if ((t->m->has_legis && (rc = lx_carry_prepare(t->carry, &ld, text, len,
                                                   opt ? opt->date : NULL, &res->arena))) ||
        (rc = first_pass(t, text, len, &ld, res)))
        goto fail;
    if ((rc = drop_unsupported(t)) || (rc = document_pass(t, text, len, res)) ||
        (t->m->has_legis && (rc = lx_statebill_settle(&ld, &t->m->rules, t->accepted.v,
                                                      &t->accepted.n, text, len, &res->arena))) ||
        (rc = lx_legis_link(t->accepted.v, t->accepted.n, text, &res->arena)))
        goto fail;
    const char *types = opt ? opt->types : NULL;
    if ((rc = fill_entities(&t->accepted, text, len, types, t->explain, res, &res->ents,
                             &res->n)))
        goto fail;
    if (t->keep_lost) {
        lx_resolve_sort(&t->lost);
        for (size_t i = 0; i < t->lost.n; i++)
            t->lost.v[i].ref = LX_NOREF;
        if ((rc = fill_entities(&t->lost, text, len, types, t->explain, res, &res->lost,
                             &res->n_lost)))
            goto fail;
    }
    return res;
fail:
    lextag_result_free(res);
    tag_failed(rc, err);
    return NULL;
}
