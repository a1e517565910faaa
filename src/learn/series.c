/* SPDX-License-Identifier: MIT */
/*
 * Passes after decoding over the names of a list (see series.h).
 */
#include "series.h"

#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "classes.h"
#include "near.h"
#include "phrase.h"

/*
 * Does token k stand where the name before it ends its noun phrase: a
 * sentence's end, punctuation, a function word, an auxiliary or a verb
 * after it ("calls on Congress to", "Congress is", "Congress passed"),
 * rather than a word the name modifies ("Senate seat", "Congress members")
 * or one that goes on with it ("Senate Majority Leader")?  A verb is one
 * the evidence lists know, or a word in -ed.
 */
static bool phrase_ends(const lx_toklist *tl, size_t k)
{
    if (k >= tl->n || (tl->v[k].flags & LX_TF_SENT))
        return true;
    const lx_token *t = &tl->v[k];
    if (t->kind == LX_TOK_PUNCT)
        return !lx_tok_is(tl, k, "-") && !lx_tok_is(tl, k, "'");
    if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_LOWER))
        return false;
    const char *f = lx_tok_fold(tl, t);
    return (t->bits & (LX_EV_FUNCTION | LX_EV_AUXILIARY | LX_EV_PERSON_AUX | LX_EV_SPEECH |
                       LX_EV_PERSON_VERB | LX_EV_ACTION_VERB)) ||
           (t->fold_len > 3 && f[t->fold_len - 2] == 'e' && f[t->fold_len - 1] == 'd');
}

/* Do the bytes doc[a..b) join two items of a list: a comma, "and", "or"
   or ", and" between spaces or a line break?  *word says whether a word
   ("and", "or") does. */
static bool list_joint(const char *doc, size_t a, size_t b, bool *word)
{
    while (a < b && lx_phrase_blank(doc[a]))
        a++;
    bool comma = a < b && doc[a] == ',';
    a += comma;
    while (a < b && lx_phrase_blank(doc[a]))
        a++;
    while (b > a && lx_phrase_blank(doc[b - 1]))
        b--;
    size_t n = b - a;
    *word = (n == 3 && memcmp(doc + a, "and", 3) == 0) || (n == 2 && memcmp(doc + a, "or", 2) == 0);
    return *word || (n == 0 && comma);
}

/*
 * Does a capitalized word follow the name ending at byte e (relative to the
 * stretch) on its line, right after it or after a short lowercase word
 * other than "and" or "or" ("Ford" in "Ford Field", "Unite" in "Unite the
 * Left")?  The name is then the start of a longer one.
 */
static bool opens_longer_name(const lx_toklist *tl, size_t e)
{
    size_t lo = lx_tok_at(tl, e);
    for (size_t k = lo; k < tl->n && k <= lo + 1; k++) {
        const lx_token *t = &tl->v[k];
        if (t->flags & LX_TF_NEWLINE)
            return false;
        if (t->flags & (LX_TF_CAP | LX_TF_ALLCAPS))
            return t->kind == LX_TOK_WORD;
        if (t->kind != LX_TOK_WORD || t->fold_len > 3 || lx_tok_is(tl, k, "and") ||
            lx_tok_is(tl, k, "or"))
            return false;
    }
    return false;
}

/*
 * Is the list entry c under one of the first n learned spans?  *i moves on
 * to the first of them that ends after c's start: the entries of L->near
 * and the spans both go by start, and spans never overlap, so *i only moves
 * on as c does.
 */
static bool under_span(const lx_learn_lane *L, size_t n, size_t *i, const lx_cand *c)
{
    while (*i < n && L->spans.v[*i].end <= c->start)
        ++*i;
    return *i < n && L->spans.v[*i].start < c->end;
}

/* Puts L->spans back in order after entries were added past its first n. */
static int sort_added(lx_learn_lane *L, size_t n)
{
    return L->spans.n > n ? lx_cands_sort(&L->spans, &L->sort_scratch) : 0;
}

int lx_series_items(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    const char *doc = fc->text - base; /* spans hold offsets in the document */
    size_t n = L->spans.n, i = 0;
    for (size_t k = 0; k < L->near.n; k++) {
        const lx_cand *c = &L->near.v[k];
        if (c->entry == LX_NONE || c->start < base || !lx_feat_learned_type(c) ||
            lx_learn_rule_kept(c) || under_span(L, n, &i, c))
            continue;
        /* the learned spans around it */
        const lx_cand *p = i > 0 ? &L->spans.v[i - 1] : NULL, *q = i < n ? &L->spans.v[i] : NULL;
        bool pw = false, qw = false;
        bool before = p && lx_cand_type_is(p, c->type) && list_joint(doc, p->end, c->start, &pw);
        bool after = q && lx_cand_type_is(q, c->type) && list_joint(doc, c->end, q->start, &qw);
        const lx_cand *last = L->spans.n > n ? &L->spans.v[L->spans.n - 1] : NULL;
        if (!((before && after) || (before && pw) || (after && qw)) ||
            (last && last->start == c->start) || /* an entry of two lists */
            opens_longer_name(fc->tl, c->end - base))
            continue;
        if (lx_candvec_push(&L->spans, c))
            return LEXTAG_ERR_NOMEM;
    }
    return sort_added(L, n);
}

/*
 * The joint of a list at token k: a comma, "and" or "or", or a comma and
 * one of them.  Returns the token after it (k when there is none); *word
 * says whether "and" or "or" is in it.
 */
static size_t joint_at(const lx_toklist *tl, size_t k, bool *word)
{
    size_t j = k;
    if (j < tl->n && lx_tok_is(tl, j, ","))
        j++;
    *word = j < tl->n && (tl->v[j].flags & LX_TF_LOWER) &&
            (lx_tok_is(tl, j, "and") || lx_tok_is(tl, j, "or"));
    if (*word)
        j++;
    if (j < tl->n && (tl->v[j].flags & (LX_TF_NEWLINE | LX_TF_SENT)))
        return k;
    return j;
}

/*
 * The end of the name of one to three capitalized words at token a that
 * may be an item of a list of names of type per (a person's) or not: no
 * word a list knows as a place, a people, a title, a month or an English
 * word, nor (for people) an organization's word; a when there is none.
 */
static size_t item_name_end(const lx_toklist *tl, size_t a, bool per)
{
    uint32_t other = LX_EV_PLACE | LX_EV_PLACE_HEAD | LX_EV_PLACE_TAIL | LX_EV_COUNTRY |
                     LX_EV_NATIONALITY | LX_EV_NOT_NAME | LX_EV_FUNCTION | LX_EV_TITLE |
                     LX_EV_ROLE | LX_EV_COMMON | LX_EV_WORD | LX_EV_MEDIA_HEAD;
    if (per)
        other |= LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_DESIGNATOR;
    size_t b = a;
    while (b < tl->n && b < a + 3 && tl->v[b].kind == LX_TOK_WORD &&
           (tl->v[b].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) && !(tl->v[b].bits & other) &&
           (b == a || !(tl->v[b].flags & (LX_TF_NEWLINE | LX_TF_SENT))))
        b++;
    /* a longer name goes on ("Bruckner Hall of Fame") */
    if (b < tl->n && b == a + 3 && tl->v[b].kind == LX_TOK_WORD && (tl->v[b].flags & LX_TF_CAP))
        return a;
    return b;
}

int lx_series_unread_items(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    const lx_toklist *tl = fc->tl;
    const char *doc = fc->text - base; /* spans hold offsets in the document */
    size_t n = L->spans.n, end = base + (tl->n ? tl->v[tl->n - 1].end : 0);
    for (size_t i = 0; i < n; i++) {
        const lx_cand *p = &L->spans.v[i];
        /* the bytes first: a comma, " and " or " or " after the name */
        size_t e = p->end;
        if (p->start < base ||
            !(e < end && (doc[e] == ',' ||
                          (e + 4 < end && doc[e] == ' ' &&
                           (memcmp(doc + e + 1, "and ", 4) == 0 ||
                            memcmp(doc + e + 1, "or ", 3) == 0)))))
            continue;
        bool per = lx_cand_type_is(p, "PERSON");
        if (!per && !lx_cand_type_is(p, "ORG"))
            continue;
        /* where the next span starts (the spans are in order of their
           starts): at 0 when one overlaps this one's end */
        size_t next = SIZE_MAX;
        bool next_alike = false;
        for (size_t q = i + 1; q < n; q++) {
            const lx_cand *y = &L->spans.v[q];
            if (y->start >= p->end) {
                next = y->start - base;
                next_alike = lx_cand_type_is(y, p->type);
                break;
            }
            if (y->end > p->end) {
                next = 0;
                break;
            }
        }
        size_t k = lx_feat_tok_at(fc->sc, tl, p->end - base);
        /* the items up to the list's "and", or up to the next learned name
           if "and" comes before it */
        size_t added = L->spans.n, names = 1;
        bool closed = false;
        for (int items = 0; items < 8 && !closed; items++) {
            bool word;
            size_t a = joint_at(tl, k, &word);
            if (a == k || a >= tl->n)
                break;
            if (tl->v[a].start >= next) {
                closed = word && tl->v[a].start == next && next_alike && items > 0;
                names += closed;
                break;
            }
            size_t b = item_name_end(tl, a, per);
            if (b == a || tl->v[b - 1].end > next)
                break;
            /* the last item ends its phrase ("and Kwang-Ting Cheng" goes on) */
            if (word && b < tl->n && !(tl->v[b].flags & LX_TF_SENT) &&
                (tl->v[b].kind == LX_TOK_WORD ? !(tl->v[b].flags & LX_TF_LOWER)
                                               : lx_tok_is(tl, b, "-")))
                break;
            lx_cand out = {base + tl->v[a].start, base + tl->v[b - 1].end, p->type,
                           "context:list", NULL, NULL, LX_PRIO_GAZETTEER, 0, LX_NONE,
                           LX_NOREF};
            if (lx_candvec_push(&L->spans, &out))
                return LEXTAG_ERR_NOMEM;
            p = &L->spans.v[i];
            closed = word;
            names++;
            k = b;
        }
        /* a list of three names or more: "A and B" may be a firm's name */
        if (!closed || names < 3)
            L->spans.n = added;
    }
    return sort_added(L, n);
}

/* Do doc[a..b) join two items of a list, the second perhaps opening with
   its "the" (", and the Pet Shop Boys")? */
static bool item_joint(const char *doc, size_t a, size_t b)
{
    bool word;
    while (b > a && lx_phrase_blank(doc[b - 1]))
        b--;
    if (b - a >= 4 && (doc[b - 3] == 't' || doc[b - 3] == 'T') &&
        memcmp(doc + b - 2, "he", 2) == 0 && lx_phrase_blank(doc[b - 4]))
        b -= 3;
    return list_joint(doc, a, b, &word);
}

/*
 * May the learned span x, an item of a list whose other items are mostly
 * of the other type, take theirs?  Not when a list knows it, nor when its
 * own words say what it is: an organization's head word ("Scottish
 * National Party" among politicians) or acronym ("HOK Sport" among firms
 * read as people), a person's first name and surname
 * ("Nike, Adidas and Serena Williams").
 */
static bool may_retype(const lx_fctx *fc, size_t base, const lx_cand *x)
{
    const lx_toklist *tl = fc->tl;
    if (x->id || x->entry != LX_NONE)
        return false;
    size_t a, b;
    lx_phrase_tokens_of(fc->sc, tl, base, x, &a, &b);
    if (a >= b)
        return false;
    if (lx_cand_type_is(x, "ORG")) {
        for (size_t k = a; k < b; k++) /* an acronym: "HOK Sport" */
            if (lx_tok_capitals(&tl->v[k]))
                return false;
        return !(tl->v[b - 1].bits & (LX_EV_ORG_NOUN | LX_EV_ORG_SUFFIX | LX_EV_DESIGNATOR |
                                      LX_EV_MEDIA_HEAD));
    }
    /* a title before a person says who it is: "General Michel Aoun", "Gen. Aoun" */
    size_t t = a > 1 && lx_tok_is(tl, a - 1, ".") ? a - 2 : a - 1;
    if (a > 0 && (tl->v[t].bits & LX_EV_TITLE))
        return false;
    return b == a + 1 || !lx_phrase_full_name(tl, a, b);
}

int lx_series_types(lx_learn_lane *L, const lx_fctx *fc, size_t base, lx_arena *arena)
{
    const char *doc = fc->text - base; /* spans hold offsets in the document */
    lx_cand *v = L->spans.v;
    size_t n = L->spans.n;
    for (size_t i = 0, j; i < n; i = j) {
        size_t per = lx_cand_type_is(&v[i], "PERSON");
        /* ", and the " is the longest joint */
        for (j = i + 1; j < n && v[j].start - v[j - 1].end <= 12 &&
                        item_joint(doc, v[j - 1].end, v[j].start);
             j++)
            per += lx_cand_type_is(&v[j], "PERSON");
        size_t len = j - i, org = len - per;
        if (len < 3 || !per || !org || (per * 3 < len * 2 && org * 3 < len * 2))
            continue;
        const char *type = per > org ? "PERSON" : "ORG";
        for (size_t k = i; k < j; k++) {
            if (lx_cand_type_is(&v[k], type) || !may_retype(fc, base, &v[k]))
                continue;
            v[k].type = type;
            const lx_cand *g = lx_near_entry(L, v[k].start, v[k].end, type);
            if (g && lx_learn_take_entry(L, &v[k], g, arena))
                return LEXTAG_ERR_NOMEM;
        }
    }
    return 0;
}

/* Do doc[a..b) join two items of a list of works, perhaps after the first
   one's year ("Elidor (1965), The Owl Service")? */
static bool work_joint(const char *doc, size_t a, size_t b)
{
    while (a < b && lx_phrase_blank(doc[a]))
        a++;
    if (a + 6 <= b && doc[a] == '(' && doc[a + 1] >= '0' && doc[a + 1] <= '9') {
        size_t k = a + 1;
        while (k < b && k < a + 12 && doc[k] != ')')
            k++;
        if (k < b && doc[k] == ')')
            a = k + 1;
    }
    return item_joint(doc, a, b);
}

/*
 * May the learned span x, an item of a list of works, be one?  Not when
 * may_retype() says no, nor when any of its words heads organizations
 * ("the League of Women Voters, Rock the Vote and Vote.org"), nor when it
 * owns what follows ("Desiré, Graelent, and Guingamor, and Chrétien de
 * Troyes's romance": an author).
 */
static bool may_be_work(const lx_fctx *fc, size_t base, const lx_cand *x)
{
    const lx_toklist *tl = fc->tl;
    if (!may_retype(fc, base, x))
        return false;
    size_t a, b;
    lx_phrase_tokens_of(fc->sc, tl, base, x, &a, &b);
    for (size_t k = a; k < b; k++)
        if (tl->v[k].bits & (LX_EV_ORG_NOUN | LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX |
                             LX_EV_DESIGNATOR | LX_EV_MEDIA_HEAD))
            return false;
    return !(b < tl->n && tl->v[b].kind == LX_TOK_POSS);
}

void lx_series_works(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    if (L->n_miscs < 2)
        return;
    const char *doc = fc->text - base; /* spans hold offsets in the document */
    lx_cand *v = L->spans.v;
    size_t n = L->spans.n;
    bool dropped = false;
    /* the items in text order, merged from the two ordered arrays: the
       spans (v[i]) and the MISC names (L->miscs[k]) */
    size_t i = 0, k = 0;
    while (i < n || k < L->n_miscs) {
        size_t first_i = i, len = 0, works = 0, prev_end = 0;
        for (;;) {
            bool span = i < n && (k >= L->n_miscs || v[i].start < L->miscs[k].start);
            if (!span && k >= L->n_miscs)
                break;
            size_t s = span ? v[i].start : L->miscs[k].start;
            if (len && (s < prev_end || s - prev_end > 20 || !work_joint(doc, prev_end, s)))
                break;
            prev_end = span ? v[i].end : L->miscs[k].end;
            works += !span;
            len++;
            span ? i++ : k++;
        }
        if (len >= 3 && works * 3 >= len * 2)
            for (size_t j = first_i; j < i; j++)
                if (may_be_work(fc, base, &v[j])) {
                    v[j].end = v[j].start;
                    dropped = true;
                }
        /* the item that broke the chain opens the next */
    }
    if (dropped)
        lx_bounds_drop_emptied(L);
}

/* Is the learned span x one unlisted acronym ("SVM", "RDF")? */
static bool lone_acronym(const lx_learn_lane *L, const lx_fctx *fc, size_t base,
                         const lx_cand *x)
{
    const lx_toklist *tl = fc->tl;
    size_t a = lx_feat_tok_at(fc->sc, tl, x->start - base);
    return a < tl->n && tl->v[a].end + base == x->end && lx_tok_capitals(&tl->v[a]) &&
           x->entry == LX_NONE && !x->id && !lx_near_entry(L, x->start, x->end, "ORG");
}

/*
 * Does the text say the acronym at token a is a body: "the" before it
 * ("the ACL"), a preposition a body follows ("a member of ASEAN", "at
 * UCSD", "held by KAIST"), its own possessive ("CMU's new program"), or
 * the parentheses of a definition ("Liberty Korea Party (GNP)", "(SDI; a
 * party led by")?
 */
static bool acronym_as_body(const lx_toklist *tl, size_t a)
{
    static const char *const before[] = {"the", "at", "by", "for", "of", "from", "with", "(",
                                         NULL};
    if (a > 0 && lx_tok_in(tl, a - 1, before))
        return true;
    return a + 1 < tl->n && (tl->v[a + 1].kind == LX_TOK_POSS || lx_tok_is(tl, a + 1, ")") ||
                             lx_tok_is(tl, a + 1, ";"));
}

enum list_neighbour { NO_ORG, ACRONYM_ORG, OTHER_ORG };

/* What learned span j, next to span i, is as an item of i's list: an
   organization that is a lone acronym, another one, or neither. */
static enum list_neighbour list_neighbour(const lx_learn_lane *L, const lx_fctx *fc,
                                          size_t base, size_t i, size_t j)
{
    const lx_cand *v = L->spans.v;
    const char *doc = fc->text - base;
    if (j >= L->spans.n || !lx_cand_type_is(&v[j], "ORG")) /* i - 1 wraps for i == 0 */
        return NO_ORG;
    size_t from = j < i ? v[j].end : v[i].end, to = j < i ? v[i].start : v[j].start;
    if (!item_joint(doc, from, to))
        return NO_ORG;
    return lone_acronym(L, fc, base, &v[j]) ? ACRONYM_ORG : OTHER_ORG;
}

void lx_series_technical_acronyms(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    if (!fc->sc->brief)
        return;
    lx_cand *v = L->spans.v;
    size_t n = L->spans.n, k = 0;
    for (size_t i = 0; i < n; i++) {
        bool drop = lx_cand_type_is(&v[i], "ORG") && lone_acronym(L, fc, base, &v[i]);
        if (drop) {
            size_t a = lx_feat_tok_at(fc->sc, fc->tl, v[i].start - base), head_end;
            bool thing =
                lx_classes_defined(L, fc, a + 1, &head_end) == LX_C_NONE && head_end > a + 3;
            enum list_neighbour left = list_neighbour(L, fc, base, i, i - 1),
                                right = list_neighbour(L, fc, base, i, i + 1);
            bool listed = left == ACRONYM_ORG || right == ACRONYM_ORG;
            drop = (thing || listed) && !acronym_as_body(fc->tl, a) && left != OTHER_ORG &&
                   right != OTHER_ORG;
        }
        if (!drop)
            v[k++] = v[i];
    }
    L->spans.n = k;
}

/*
 * Does a capitalized word come right before token a, or one and a word
 * that joins the parts of a name ("Indian National Congress", "Movement
 * for Justice"; but "Democrats in Congress")?  The name at a is then the
 * end of a longer one.
 */
static bool ends_longer_name(const lx_toklist *tl, size_t a)
{
    static const char *const joining[] = {"of", "for", "the", NULL};
    if (a == 0 || (tl->v[a].flags & LX_TF_SENT))
        return false;
    const lx_token *p = &tl->v[a - 1];
    if (p->flags & (LX_TF_CAP | LX_TF_ALLCAPS))
        return true;
    bool joins = lx_tok_in(tl, a - 1, joining) || lx_phrase_conjunction(tl, a - 1) ||
                 (p->kind == LX_TOK_WORD && (p->bits & LX_EV_PARTICLE));
    return joins && a >= 2 && !(p->flags & LX_TF_SENT) &&
           (tl->v[a - 2].flags & (LX_TF_CAP | LX_TF_ALLCAPS));
}

int lx_series_one_reading(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    const lx_toklist *tl = fc->tl;
    size_t n = L->spans.n, words = ((size_t) fc->m->n_entries + 63) / 64;
    if (words > L->read_words) {
        uint64_t *r = calloc(words, sizeof(*r));
        if (!r)
            return LEXTAG_ERR_NOMEM;
        free(L->read);
        L->read = r;
        L->read_words = words;
    }
    uint64_t *read = L->read; /* all zero between calls */
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t e = L->spans.v[i].entry;
        if (e != LX_NONE && L->spans.v[i].id && e < fc->m->n_entries) {
            read[e / 64] |= 1ull << (e % 64);
            any = true;
        }
    }
    if (!any)
        return 0;
    int rc = 0;
    size_t i = 0;
    for (size_t k = 0; k < L->near.n; k++) {
        const lx_cand *c = &L->near.v[k];
        if (c->entry == LX_NONE || !c->id || c->start < base || (c->flags & LX_CAND_AMBIGUOUS))
            continue;
        /* most entries lie under the spans that read them: that test first */
        if (under_span(L, n, &i, c) || c->entry >= fc->m->n_entries ||
            !(read[c->entry / 64] >> (c->entry % 64) & 1) || !lx_feat_learned_type(c) ||
            lx_learn_rule_kept(c))
            continue;
        size_t a, b;
        lx_phrase_tokens_of(fc->sc, tl, base, c, &a, &b);
        if (a >= tl->n || !phrase_ends(tl, b) || ends_longer_name(tl, a))
            continue;
        const lx_cand *last = L->spans.n > n ? &L->spans.v[L->spans.n - 1] : NULL;
        if (last && last->end > c->start)
            continue; /* an entry of two lists */
        if ((rc = lx_candvec_push(&L->spans, c)))
            break;
    }
    for (size_t k = 0; k < n; k++) /* the bits go as they came */
        if (L->spans.v[k].entry < fc->m->n_entries)
            read[L->spans.v[k].entry / 64] = 0;
    return rc ? rc : sort_added(L, n);
}
