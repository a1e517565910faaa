/* SPDX-License-Identifier: MIT */
/*
 * The tagging pipeline for one document:
 *
 *   legislation context (date, dateline, Congress ordinals)
 *   for each stretch of about 1 MiB (cut at a paragraph or sentence break):
 *       tokenize, look every token up once in the vocabulary, walk the trie,
 *       note rule anchors, run context rules, run anchored rules in merged
 *       windows and unanchored rules over the stretch
 *   resolve overlaps; drop unsupported ambiguous entries
 *   document pass (aliases), link acts to bills
 *   filter types, convert byte offsets to code points and UTF-16 in one
 *   forward walk
 *
 * Working in stretches keeps the token arrays bounded for documents of any
 * size; the tagger keeps its scratch between documents so that steady-state
 * tagging allocates only the result.
 */
#include <stdlib.h>
#include <string.h>

#include "candidate.h"
#include "context.h"
#include "document.h"
#include "legis.h"
#include "model.h"
#include "resolve.h"
#include "result.h"
#include "tokenizer.h"
#include "trie.h"
#include "utf8.h"

#define STRETCH (1u << 20)
#define RULE_SLACK 1024
#define MAX_ENTITY_BYTES 1024
#define MATCH_LIMIT 2000000
#define DEPTH_LIMIT 20000

typedef struct window {
    uint32_t rule;
    size_t start, end;
} window;

struct lextag_tagger {
    const struct lextag_model *m;
    lx_toklist tl;
    lx_toklist scratch; /* tokens of single entities (document pass) */
    lx_candvec cands, accepted, lost, extra;
    lx_resolver rv;
    bool keep_lost;     /* --all-candidates: keep the resolver's losers */
    lx_aliases aliases;
    lx_capword *caps;   /* capitalized words of the document, for aliases */
    size_t n_caps, caps_cap;
    window *win;
    size_t n_win, win_cap;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    unsigned char *rule_off; /* rules cut off on this document */
};

lextag_tagger *lextag_tagger_new(const lextag_model *m, lextag_error *err)
{
    lextag_tagger *t = calloc(1, sizeof(*t));
    uint32_t max_groups = 1;
    if (!t)
        goto nomem;
    t->m = m;
    for (size_t i = 0; i < m->rules.n; i++) {
        uint32_t c = 0;
        pcre2_pattern_info(m->rules.v[i].code, PCRE2_INFO_CAPTURECOUNT, &c);
        if (c + 1 > max_groups)
            max_groups = c + 1;
    }
    t->md = pcre2_match_data_create(max_groups, NULL);
    t->mctx = pcre2_match_context_create(NULL);
    t->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    t->rule_off = calloc(m->rules.n + 1, 1);
    if (!t->md || !t->mctx || !t->rule_off)
        goto nomem;
    pcre2_set_match_limit(t->mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(t->mctx, DEPTH_LIMIT);
    if (t->jit)
        pcre2_jit_stack_assign(t->mctx, NULL, t->jit);
    return t;
nomem:
    lextag_tagger_free(t);
    lx_error_set(err, LEXTAG_ERR_NOMEM, NULL, 0, 0, "out of memory");
    return NULL;
}

void lextag_tagger_free(lextag_tagger *t)
{
    if (!t)
        return;
    lx_toklist_free(&t->tl);
    lx_toklist_free(&t->scratch);
    lx_candvec_free(&t->cands);
    lx_candvec_free(&t->accepted);
    lx_candvec_free(&t->lost);
    lx_candvec_free(&t->extra);
    lx_resolver_free(&t->rv);
    lx_aliases_free(&t->aliases);
    free(t->caps);
    free(t->win);
    pcre2_match_data_free(t->md);
    pcre2_match_context_free(t->mctx);
    pcre2_jit_stack_free(t->jit);
    free(t->rule_off);
    free(t);
}

/* End of the stretch starting at a: a paragraph or sentence break. */
static size_t stretch_end(const char *s, size_t len, size_t a)
{
    if (len - a <= STRETCH + STRETCH / 4)
        return len;
    size_t target = a + STRETCH, lim = a + STRETCH + STRETCH / 8;
    for (size_t i = target; i + 1 < lim; i++)
        if (s[i] == '\n' && (s[i + 1] == '\n' || s[i + 1] == '\r'))
            return i + 1;
    for (size_t i = target; i + 2 < lim; i++)
        if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ' &&
            s[i + 2] >= 'A' && s[i + 2] <= 'Z')
            return i + 1;
    for (size_t i = target; i < lim; i++)
        if (s[i] == ' ' || s[i] == '\n')
            return i;
    /* no space at all: cut at a character boundary */
    size_t i = target;
    while (i > a && ((unsigned char) s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Does the entry's case policy accept tokens tok[0..n)? */
static bool case_ok(const struct lextag_model *m, const lx_entry *e,
                    const lx_token *tok)
{
    if (e->policy == LX_CASE_ANY)
        return true;
    const unsigned char *shape = (const unsigned char *) m->strings + e->shape;
    for (uint16_t i = 0; i < e->n_tokens; i++) {
        unsigned f = tok[i].flags;
        switch (shape[i]) {
        case LX_SHAPE_ALLCAPS:
            if (!(f & LX_TF_ALLCAPS))
                return false;
            break;
        case LX_SHAPE_CAP:
            if (!(f & (LX_TF_CAP | LX_TF_ALLCAPS)))
                return false;
            break;
        default:
            if (e->policy == LX_CASE_EXACT && (f & (LX_TF_CAP | LX_TF_ALLCAPS)))
                return false;
        }
    }
    return true;
}

static int push_entry(lextag_tagger *t, const lx_entry *e, size_t start, size_t end,
                      bool sent_start)
{
    const struct lextag_model *m = t->m;
    lx_cand c = {
        .start = start,
        .end = end,
        .type = lx_model_type(m, e->type),
        .source = lx_model_source(m, e->source),
        .id = lx_model_str(m, e->id),
        .extra = NULL,
        .prio = (e->flags & LX_ENTRY_AMBIGUOUS) ? LX_PRIO_GAZ_WEAK : e->prio,
        .flags = ((e->flags & LX_ENTRY_AMBIGUOUS) ? LX_CAND_AMBIGUOUS : 0) |
                 (sent_start ? LX_CAND_SENT : 0),
        .entry = (uint32_t) (e - m->entries),
        .ref = LX_NOREF,
    };
    return lx_candvec_push(&t->cands, &c);
}

/* Longest trie match starting at token i whose case policy holds. */
static int match_at(lextag_tagger *t, size_t i, size_t base)
{
    const struct lextag_model *m = t->m;
    const lx_token *tok = t->tl.v;
    uint32_t node = m->trie.voc[tok[i].vocab].root;
    uint32_t ends[64], nodes[64];
    size_t depth = 0;
    for (size_t j = i; node != LX_NONE;) {
        if (m->trie.node_count[node] && depth < 64) {
            ends[depth] = (uint32_t) j;
            nodes[depth++] = node;
        }
        if (++j >= t->tl.n || tok[j].vocab == LX_NONE)
            break;
        node = lx_trie_child(&m->trie, node, tok[j].vocab);
    }
    while (depth--) {
        uint32_t cnt;
        const uint32_t *ix = lx_trie_entries(&m->trie, nodes[depth], &cnt);
        bool any = false;
        for (uint32_t k = 0; k < cnt; k++) {
            const lx_entry *e = &m->entries[ix[k]];
            if (!case_ok(m, e, tok + i))
                continue;
            any = true;
            /* a one-word entry that is also a common word is as weak as one
               heading a sentence */
            bool weak = (tok[i].flags & LX_TF_SENT) ||
                        (ends[depth] == i && (m->trie.voc[tok[i].vocab].bits & LX_EV_COMMON));
            if (push_entry(t, e, base + tok[i].start, base + tok[ends[depth]].end, weak))
                return LEXTAG_ERR_NOMEM;
        }
        if (any)
            break;
    }
    return 0;
}

static int add_window(lextag_tagger *t, uint32_t rule, size_t s, size_t e)
{
    if (t->n_win == t->win_cap) {
        size_t cap = t->win_cap ? t->win_cap * 2 : 64;
        window *w = realloc(t->win, cap * sizeof(*w));
        if (!w)
            return LEXTAG_ERR_NOMEM;
        t->win = w;
        t->win_cap = cap;
    }
    t->win[t->n_win++] = (window){rule, s, e};
    return 0;
}

/* Vocabulary ids, trie matches and anchor windows for one stretch. */
static int scan_tokens(lextag_tagger *t, size_t base, size_t stretch_len,
                       size_t doc_len)
{
    const lx_trie *trie = &t->m->trie;
    for (size_t i = 0; i < t->tl.n; i++) {
        lx_token *tok = &t->tl.v[i];
        if (tok->kind == LX_TOK_BARRIER)
            continue;
        if (tok->kind == LX_TOK_WORD && (tok->flags & (LX_TF_CAP | LX_TF_ALLCAPS))) {
            if (t->n_caps == t->caps_cap) {
                size_t cap = t->caps_cap ? t->caps_cap * 2 : 256;
                lx_capword *v = realloc(t->caps, cap * sizeof(*v));
                if (!v)
                    return LEXTAG_ERR_NOMEM;
                t->caps = v;
                t->caps_cap = cap;
            }
            t->caps[t->n_caps++] = (lx_capword){base + tok->start, base + tok->end, tok->hash};
        }
        tok->vocab = lx_trie_vocab_h(trie, lx_tok_fold(&t->tl, tok), tok->fold_len,
                                     lx_hash32(tok->hash));
    }
    for (size_t i = 0; i < t->tl.n; i++) {
        uint32_t v = t->tl.v[i].vocab;
        if (v == LX_NONE)
            continue;
        const lx_vocab *voc = &trie->voc[v];
        /* a lowercase word starts no match unless some entry allows it */
        bool may_start = !(t->tl.v[i].flags & LX_TF_LOWER) || (voc->bits & LX_VOC_LOWER_START);
        if (voc->root != LX_NONE && may_start && match_at(t, i, base))
            return LEXTAG_ERR_NOMEM;
        if (trie->voc[v].anchor == LX_NONE)
            continue;
        const uint32_t *list = trie->anchors + trie->voc[v].anchor;
        for (uint32_t k = 1; k <= list[0]; k++) {
            const lx_rule *r = &t->m->rules.v[list[k]];
            size_t s = base + t->tl.v[i].start, e = base + t->tl.v[i].end;
            s = s > r->window ? s - r->window : 0;
            e = e + r->window < doc_len ? e + r->window : doc_len;
            if (add_window(t, list[k], s, e))
                return LEXTAG_ERR_NOMEM;
        }
    }
    (void) stretch_len;
    return 0;
}

static int emit_plain(lextag_tagger *t, const lx_rule *r, const char *doc,
                      const PCRE2_SIZE *ov, lextag_result *res)
{
    size_t s = ov[0], e = ov[1];
    lx_rule_group(r, "e", ov, &s, &e);
    while (s < e && (doc[s] == ' ' || doc[s] == '\t' || doc[s] == '\n' || doc[s] == '\r'))
        s++;
    while (e > s && (doc[e - 1] == ' ' || doc[e - 1] == '\t' || doc[e - 1] == '\n' ||
                     doc[e - 1] == '\r'))
        e--;
    if (s >= e || e - s > MAX_ENTITY_BYTES || !r->emit)
        return 0;
    const char *id = NULL;
    if (r->id_template) {
        char buf[256];
        if (lx_rule_expand_id(r, doc, ov, buf, sizeof(buf)) &&
            !(id = lx_arena_strndup(&res->arena, buf, strlen(buf))))
            return LEXTAG_ERR_NOMEM;
    }
    lx_cand c = {s, e, r->type, r->source, id, NULL, r->prio, 0, LX_NONE, LX_NOREF};
    return lx_candvec_push(&t->cands, &c);
}

static int note_limit(lextag_tagger *t, uint32_t rule, lextag_result *res)
{
    if (t->rule_off[rule])
        return 0;
    t->rule_off[rule] = 1;
    const char **v = realloc(res->limit_rules, (res->n_limit + 1) * sizeof(*v));
    if (!v)
        return LEXTAG_ERR_NOMEM;
    res->limit_rules = v;
    v[res->n_limit++] = t->m->rules.v[rule].name;
    return 0;
}

/* Runs rule r over doc[s..e) (matches may run up to `lim`). */
static int run_rule(lextag_tagger *t, uint32_t ri, const char *doc, size_t s,
                    size_t e, size_t lim, const lx_legis_doc *ld,
                    lextag_result *res, size_t *last_end)
{
    const lx_rule *r = &t->m->rules.v[ri];
    size_t pos = s > *last_end ? s : *last_end;
    while (pos < e && !t->rule_off[ri]) {
        int rc = pcre2_match(r->code, (PCRE2_SPTR) doc, lim, pos, 0, t->md, t->mctx);
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
            rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
            return note_limit(t, ri, res);
        if (rc < 0)
            break;
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(t->md);
        if (ov[0] >= e)
            break;
        int err = r->kind == LX_RULE_PLAIN
                      ? emit_plain(t, r, doc, ov, res)
                      : lx_legis_emit(ld, r, doc, lim, ov, &res->arena, &t->cands);
        if (err)
            return err;
        *last_end = ov[1];
        size_t next = ov[1];
        if (next <= ov[0]) {
            size_t l;
            lx_utf8_decode((const unsigned char *) doc + ov[0], lim - ov[0], &l);
            next = ov[0] + l;
        }
        pos = next;
    }
    return 0;
}

static int cmp_win(const void *a, const void *b)
{
    const window *x = a, *y = b;
    if (x->rule != y->rule)
        return x->rule < y->rule ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

static int run_rules(lextag_tagger *t, const char *doc, size_t len, size_t a,
                     size_t b, const lx_legis_doc *ld, lextag_result *res)
{
    const lx_ruleset *rs = &t->m->rules;
    size_t last_end = 0;
    for (uint32_t r = 0; r < rs->n; r++)
        if (!rs->v[r].n_anchors) {
            last_end = 0;
            int rc = run_rule(t, r, doc, a, b, b, ld, res, &last_end);
            if (rc)
                return rc;
        }
    qsort(t->win, t->n_win, sizeof(window), cmp_win);
    uint32_t prev_rule = LX_NONE;
    for (size_t i = 0; i < t->n_win;) {
        window w = t->win[i++];
        if (w.rule != prev_rule)
            last_end = 0;
        prev_rule = w.rule;
        while (i < t->n_win && t->win[i].rule == w.rule && t->win[i].start <= w.end) {
            if (t->win[i].end > w.end)
                w.end = t->win[i].end;
            i++;
        }
        size_t lim = w.end + RULE_SLACK < len ? w.end + RULE_SLACK : len;
        int rc = run_rule(t, w.rule, doc, w.start, w.end, lim, ld, res, &last_end);
        if (rc)
            return rc;
    }
    t->n_win = 0;
    return 0;
}

/*
 * An ambiguous entry (a company that is also a common word, say) is kept
 * inside a sentence, where its capital letter marks a name ("shares of
 * Target"); at a sentence start the capital proves nothing, so there it
 * stays only when the document also names it unambiguously.  The ids
 * named unambiguously go into a small hash set first, so the check is linear.
 */
static int drop_unsupported(lextag_tagger *t)
{
    lx_candvec *acc = &t->accepted;
    size_t n_amb = 0, cap = 16, k = 0;
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
        size_t h = lx_trie_hash(c->id, strlen(c->id)) & (cap - 1);
        while (set[h] && strcmp(set[h], c->id) != 0)
            h = (h + 1) & (cap - 1);
        set[h] = c->id;
    }
    int rc = 0;
    for (size_t i = 0; i < acc->n; i++) {
        lx_cand *c = &acc->v[i];
        bool keep = !(c->flags & LX_CAND_AMBIGUOUS) || !(c->flags & LX_CAND_SENT);
        if (!keep && c->id) {
            size_t h = lx_trie_hash(c->id, strlen(c->id)) & (cap - 1);
            while (set[h] && strcmp(set[h], c->id) != 0)
                h = (h + 1) & (cap - 1);
            keep = set[h] != NULL;
        }
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

/* Stretch-by-stretch first pass: every candidate source. */
static int first_pass(lextag_tagger *t, const char *text, size_t len,
                      const lx_legis_doc *ld, lextag_result *res)
{
    for (size_t a = 0; a < len;) {
        size_t b = stretch_end(text, len, a);
        int rc = lx_tokenize(&t->tl, text + a, b - a);
        if (!rc)
            rc = scan_tokens(t, a, b - a, len);
        if (!rc)
            rc = t->m->has_evidence ? lx_context_scan(t->m, text, a, &t->tl, &t->cands) : 0;
        if (!rc)
            rc = run_rules(t, text, len, a, b, ld, res);
        /* settle the stretch now: candidates never pile up for a whole document */
        if (!rc)
            rc = lx_resolve_add(&t->rv, &t->cands, len, &t->accepted,
                                t->keep_lost ? &t->lost : NULL);
        if (rc)
            return rc;
        t->cands.n = 0;
        a = b;
    }
    lx_resolve_done(&t->rv, &t->accepted, t->keep_lost ? &t->lost : NULL);
    return 0;
}

/* Second pass: aliases of names seen in full. */
static int document_pass(lextag_tagger *t, const char *text, size_t len,
                         lextag_result *res)
{
    lx_aliases_clear(&t->aliases);
    int rc = lx_document_collect(&t->aliases, t->m, t->accepted.v, t->accepted.n,
                                 text, len, &t->scratch, &res->arena);
    if (rc || t->aliases.n == 0)
        return rc;
    t->extra.n = 0;
    if ((rc = lx_document_scan(&t->aliases, t->caps, t->n_caps, &t->extra)))
        return rc;
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

/* Converts accepted (or lost) candidates into public entity records. */
static int fill_entities(const lx_candvec *cv, const char *text, size_t len,
                         const char *types, lextag_result *res,
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
        e->extra = k->extra;
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

lextag_result *lextag_tagger_tag(lextag_tagger *t, const char *text, size_t len,
                                 const lextag_options *opt, lextag_error *err)
{
    lextag_result *res = calloc(1, sizeof(*res));
    lx_legis_doc ld;
    int rc = LEXTAG_ERR_NOMEM;
    if (!res)
        goto fail;
    t->cands.n = t->lost.n = t->accepted.n = 0;
    t->keep_lost = opt && opt->all_candidates;
    t->n_win = 0;
    t->n_caps = 0;
    memset(t->rule_off, 0, t->m->rules.n + 1);
    memset(&ld, 0, sizeof(ld));
    if ((t->m->has_legis &&
         (rc = lx_legis_prepare(&ld, text, len, opt ? opt->date : NULL, &res->arena))) ||
        (rc = first_pass(t, text, len, &ld, res)))
        goto fail;
    if ((rc = drop_unsupported(t)) || (rc = document_pass(t, text, len, res)) ||
        (rc = lx_legis_link(t->accepted.v, t->accepted.n, text, &res->arena)))
        goto fail;
    const char *types = opt ? opt->types : NULL;
    if ((rc = fill_entities(&t->accepted, text, len, types, res, &res->ents, &res->n)))
        goto fail;
    if (opt && opt->all_candidates) {
        lx_cands_sort(&t->lost);
        for (size_t i = 0; i < t->lost.n; i++)
            t->lost.v[i].ref = LX_NOREF;
        if ((rc = fill_entities(&t->lost, text, len, types, res, &res->lost, &res->n_lost)))
            goto fail;
    }
    return res;
fail:
    lextag_result_free(res);
    lx_error_set(err, rc, NULL, 0, 0, "out of memory while tagging");
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
