/* SPDX-License-Identifier: MIT */
/*
 * The first pass over one stretch (see stretch.h).  Everything here reads
 * the model and writes only the lane and the stretch's output record, which
 * is what lets lanes run side by side.
 */
#include "stretch.h"

#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "dateline.h"
#include "gazetteer.h"
#include "lists.h"
#include "rulerun.h"
#include "trie.h"
#include "utf8.h"
#include "vec.h"
#include "words.h"

#define MATCH_LIMIT 2000000
#define DEPTH_LIMIT 20000

typedef lx_window window;

int lx_lane_init(lx_lane *t, const struct lextag_model *m)
{
    uint32_t max_groups = 1;
    memset(t, 0, sizeof(*t));
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
    t->rule_facts = calloc(m->rules.n + 1, sizeof(*t->rule_facts));
    /* a JSONL record is a stretch of its own: a list of the few rules with
       no anchor spares it a walk over all of them */
    t->unanchored = malloc((m->rules.n + 1) * sizeof(*t->unanchored));
    /* mark_runs() reads the learned layer's word sets in every mode */
    if (!t->md || !t->mctx || !t->rule_off || !t->rule_facts || !t->unanchored || lx_learn_wordsets(&t->learn)) {
        lx_lane_release(t);
        return LEXTAG_ERR_NOMEM;
    }
    for (size_t i = 0; i < m->rules.n; i++)
        if (!m->rules.v[i].n_anchors && m->rules.v[i].kind != LX_RULE_STATE)
            t->unanchored[t->n_unanchored++] = (uint32_t) i;
    pcre2_set_match_limit(t->mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(t->mctx, DEPTH_LIMIT);
    /* without a JIT stack of its own, JIT matching uses 32 KiB on the stack */
    if (t->jit)
        pcre2_jit_stack_assign(t->mctx, NULL, t->jit);
    return 0;
}

void lx_lane_release(lx_lane *t)
{
    if (!t)
        return;
    lx_toklist_free(&t->tl);
    lx_candvec_free(&t->cands);
    lx_candvec_free(&t->overruled);
    lx_resolver_free(&t->rv);
    free(t->win);
    free(t->work);
    free(t->cap_at);
    pcre2_match_data_free(t->md);
    pcre2_match_context_free(t->mctx);
    pcre2_jit_stack_free(t->jit);
    free(t->rule_off);
    free(t->rule_facts);
    free(t->unanchored);
    lx_arena_free(&t->arena);
    lx_learn_lane_free(&t->learn);
    memset(t, 0, sizeof(*t));
}

void lx_stretch_out_free(lx_stretch_out *out)
{
    if (!out)
        return;
    lx_candvec_free(&out->accepted);
    lx_candvec_free(&out->lost);
    free(out->caps);
    free(out->limits);
    lx_arena_free(&out->arena);
    memset(out, 0, sizeof(*out));
}

size_t lx_stretch_size = LX_STRETCH;

/* End of the stretch starting at a: a paragraph or sentence break. */
size_t lx_stretch_end(const char *s, size_t len, size_t a)
{
    size_t n = lx_stretch_size;
    if (len - a <= n + n / 4)
        return len;
    size_t target = a + n, lim = a + n + n / 8;
    /* text with no blank line (a sentence a line) is searched by memchr() */
    for (const char *p = s + target; p + 1 < s + lim;) {
        p = memchr(p, '\n', (size_t) (s + lim - 1 - p));
        if (!p)
            break;
        if (p[1] == '\n' || p[1] == '\r')
            return (size_t) (p - s) + 1;
        p++;
    }
    for (size_t i = target; i + 2 < lim; i++)
        if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ' &&
            s[i + 2] >= 'A' && s[i + 2] <= 'Z')
            return i + 1;
    for (size_t i = target; i < lim; i++)
        if (s[i] == ' ' || s[i] == '\n')
            return i;
    /* no space at all: cut at a character boundary, or anywhere in a run of
       continuation bytes (invalid UTF-8: each byte is a character of its own),
       so that a stretch never ends where it starts */
    size_t i = target;
    while (i > a && ((unsigned char) s[i] & 0xC0) == 0x80)
        i--;
    return i > a ? i : target;
}

/*
 * case=exact: every letter of the entry's name in the text's span s[0..n)
 * in the same case ("GlowCo" matches neither "GLOWCO" nor "Glowco").  The
 * trie matched the folded forms, so the two run alike letter by letter once
 * whitespace, which may differ, is skipped.
 */
static bool exact_case(const char *name, const char *s, size_t n)
{
    const unsigned char *a = (const unsigned char *) name, *b = (const unsigned char *) s;
    size_t na = strlen(name), i = 0, k = 0;
    while (i < na && k < n) {
        size_t la, lb;
        uint32_t ca, cb;
        enum lx_char_class xa = lx_next_class(a + i, na - i, &la, &ca);
        enum lx_char_class xb = lx_next_class(b + k, n - k, &lb, &cb);
        if (xa == LX_CC_SPACE || xb == LX_CC_SPACE) {
            i += xa == LX_CC_SPACE ? la : 0;
            k += xb == LX_CC_SPACE ? lb : 0;
            continue;
        }
        if (ca != cb && lx_lower(ca) == lx_lower(cb))
            return false;
        i += la;
        k += lb;
    }
    return true;
}

/*
 * Does the entry's case policy accept its tokens tok[0..n), which end at
 * byte `end` of text?
 */
static bool case_ok(const struct lextag_model *m, const lx_entry *e, const lx_token *tok,
                    const char *text, size_t end)
{
    if (e->policy == LX_CASE_ANY)
        return true;
    if (e->policy == LX_CASE_EXACT)
        return exact_case(lx_model_str(m, e->name), text + tok[0].start, end - tok[0].start);
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
        default: /* a lowercase word of the entry matches any case */
            break;
        }
    }
    return true;
}

static int push_entry(lx_lane *t, const lx_entry *e, size_t start, size_t end,
                      bool sent_start)
{
    const struct lextag_model *m = t->m;
    lx_cand c = {
        .start = start,
        .end = end,
        .type = lx_model_type(m, e->type),
        .source = lx_model_source(m, e->source),
        .id = lx_model_str(m, e->id),
        .attrs = NULL,
        .prio = (e->flags & LX_ENTRY_AMBIGUOUS) ? LX_PRIO_GAZ_WEAK : e->prio,
        .flags = ((e->flags & LX_ENTRY_AMBIGUOUS) ? LX_CAND_AMBIGUOUS : 0) |
                 (sent_start ? LX_CAND_SENT : 0),
        .entry = (uint32_t) (e - m->entries),
        .ref = LX_NOREF,
    };
    return lx_candvec_push(&t->cands, &c);
}

static bool caps_word(const lx_token *t)
{
    return t->kind == LX_TOK_WORD && lx_tok_capitals(t);
}

/* Is token i a word in capitals between words in capitals (a headline)? */
static bool in_capitals(const lx_toklist *tl, size_t i)
{
    const lx_token *v = tl->v;
    if (!caps_word(&v[i]))
        return false;
    size_t p = i, n = i + 1;
    while (p > 0 && v[p - 1].kind != LX_TOK_WORD && !(v[p].flags & LX_TF_NEWLINE))
        p--;
    while (n < tl->n && v[n].kind != LX_TOK_WORD && !(v[n].flags & LX_TF_NEWLINE))
        n++;
    return (p > 0 && !(v[p].flags & LX_TF_NEWLINE) && caps_word(&v[p - 1])) ||
           (n < tl->n && !(v[n].flags & LX_TF_NEWLINE) && caps_word(&v[n]));
}

/* Does entry e open with a lowercase "the", matched at token i? */
static bool article_at(const struct lextag_model *m, const lx_entry *e, const lx_toklist *tl,
                       size_t i)
{
    const lx_token *t = &tl->v[i];
    return lx_model_str(m, e->shape)[0] == LX_SHAPE_LOWER && t->fold_len == 3 &&
           memcmp(lx_tok_fold(tl, t), "the", 3) == 0;
}

/*
 * A lowercase word not looked up yet (see scan_tokens()): most words of a
 * text, which a model of lists alone needs only inside a match.
 */
#define VOCAB_UNSEEN (LX_NONE - 1)

static uint32_t vocab_of(lx_lane *t, size_t k, const char *text)
{
    lx_token *tok = &t->tl.v[k];
    if (tok->vocab == LX_TOK_UNFOLDED) {
        lx_tok_settle(&t->tl, text, k);
        tok->vocab = VOCAB_UNSEEN;
    }
    if (tok->vocab == VOCAB_UNSEEN)
        tok->vocab = lx_trie_vocab_h(&t->m->trie, lx_tok_fold(&t->tl, tok), tok->fold_len,
                                     lx_hash32(tok->hash));
    return tok->vocab;
}

/*
 * Longest trie match starting at token i, whose child of the root is node,
 * whose case policy holds.  A match
 * crosses a line break only into a wrapped line of running text.  text is
 * the stretch's text, tokenized from doc offset base.
 */
static int match_at(lx_lane *t, size_t i, uint32_t node, size_t base, const char *text)
{
    const struct lextag_model *m = t->m;
    lx_token *tok = t->tl.v;
    uint32_t ends[64], nodes[64];
    size_t depth = 0;
    for (size_t j = i; node != LX_NONE;) {
        if (m->trie.node_count[node] && depth < 64) {
            ends[depth] = (uint32_t) j;
            nodes[depth++] = node;
        }
        if (++j >= t->tl.n || vocab_of(t, j, text) == LX_NONE)
            break;
        node = lx_trie_child(&m->trie, node, tok[j].vocab);
        /* whether the line goes on is read only where an entry does: the
           test reads both lines whole */
        if (node != LX_NONE && (tok[j].flags & LX_TF_NEWLINE) &&
            !lx_tok_wrapped(&t->tl, text, j))
            break;
    }
    bool headline = in_capitals(&t->tl, i);
    while (depth--) {
        uint32_t cnt;
        const uint32_t *ix = lx_trie_entries(&m->trie, nodes[depth], &cnt);
        bool any = false;
        for (uint32_t k = 0; k < cnt; k++) {
            const lx_entry *e = &m->entries[ix[k]];
            if (!case_ok(m, e, tok + i, text, tok[ends[depth]].end))
                continue;
            /* one word in a line of capitals could be any word: "PCT", "LEAGUE" */
            if (headline && e->n_tokens == 1)
                continue;
            any = true;
            /* a one-word entry that is also a common word is as weak as one
               heading a sentence */
            bool weak = (tok[i].flags & LX_TF_SENT) ||
                        (ends[depth] == i && (m->trie.voc[tok[i].vocab].bits & LX_EV_COMMON));
            /* "the Pentagon": the article is needed to match, not part of the name */
            size_t first = i;
            if (ends[depth] > i && article_at(m, e, &t->tl, i))
                first = i + 1;
            if (push_entry(t, e, base + tok[first].start, base + tok[ends[depth]].end, weak))
                return LEXTAG_ERR_NOMEM;
        }
        if (any)
            break;
    }
    return 0;
}

static int add_window(lx_lane *t, uint32_t rule, size_t s, size_t e)
{
    if (lx_vec_reserve(&t->win, &t->win_cap, t->n_win + 1, sizeof(*t->win), 64))
        return LEXTAG_ERR_NOMEM;
    t->win[t->n_win++] = (window){rule, s, e};
    return 0;
}

/*
 * Can token j stand in one name with token i?  A capitalized word in the
 * same sentence that is no title, month or nationality ("Last Friday
 * Mitchell", "American Tyson"), nor an acronym ("Chicago NAPM").  A
 * common word stands in one before it ("Oslo City Hall", "New York",
 * "the White House": no alias of a Ms Hall or a Mr York there), unless it
 * opens the sentence or is a function word ("The Vatican").
 */
static inline bool name_neighbour(const lx_lane *t, const char *text, size_t i, size_t j)
{
    const lx_toklist *tl = &t->tl;
    if (j >= tl->n)
        return false;
    const lx_token *b = &tl->v[j];
    size_t later_at = i < j ? j : i;
    const lx_token *later = &tl->v[later_at];
    const uint32_t stop = LX_EV_NOT_NAME | LX_EV_NATIONALITY | LX_EV_TITLE | LX_EV_COMMON;
    return b->kind == LX_TOK_WORD && (b->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
           !(later->flags & LX_TF_SENT) && !(b->flags & LX_TF_ALLCAPS) &&
           !(b->bits & (j < i && !(b->flags & LX_TF_SENT)
                            ? (stop & ~LX_EV_COMMON) | LX_EV_FUNCTION
                            : stop)) &&
           /* a line break inside a name is a space where the line wraps
              ("at Carnegie / Hall") */
           (!(later->flags & LX_TF_NEWLINE) || lx_tok_wrapped(tl, text, later_at));
}

/*
 * Is the line starting at token i a headline in title case ("Maddow Chokes
 * Up Reporting")?  Three capitalized words or more, and lowercase only for
 * short function words.  Called once per line.
 */
static bool title_line(const lx_toklist *tl, size_t i)
{
    size_t caps = 0;
    for (size_t k = i; k < tl->n && (k == i || !(tl->v[k].flags & LX_TF_NEWLINE)); k++) {
        const lx_token *w = &tl->v[k];
        if (w->kind != LX_TOK_WORD)
            continue;
        if (w->flags & LX_TF_LOWER) {
            if (w->end - w->start > 3)
                return false;
        } else if (w->flags & LX_TF_CAP) {
            caps++;
        }
    }
    return caps >= 3;
}

/*
 * Is token j a capitalized word joined to token i by a hyphen, no space
 * either side ("Kessler-Varga", "Six-Day", "Spider-Man")?  Acronyms
 * ("NATO-EU") and nationalities ("Israeli-Hizballah") join names that
 * stand on their own.
 */
static inline bool hyphen_neighbour(const lx_toklist *tl, size_t i, size_t j)
{
    size_t h = i < j ? i + 1 : i - 1, after = i < j ? j : i;
    return j < tl->n && lx_tok_is(tl, h, "-") && !(tl->v[h].flags & LX_TF_SPACE) &&
           !(tl->v[after].flags & (LX_TF_SPACE | LX_TF_NEWLINE)) &&
           tl->v[j].kind == LX_TOK_WORD && (tl->v[j].flags & LX_TF_CAP) &&
           !((tl->v[i].flags | tl->v[j].flags) & LX_TF_ALLCAPS) &&
           !(tl->v[j].bits & LX_EV_NATIONALITY);
}

/* Does a noun that names a thing after a person follow the word i on its
   line ("Kalman filter", "Doppler effect"; an acronym there, "the FOX
   series", names what it names)? */
static bool before_eponym_head(const lx_lane *t, const char *text, size_t i)
{
    const lx_toklist *tl = &t->tl;
    return i + 1 < tl->n && !(tl->v[i].flags & LX_TF_ALLCAPS) &&
           (tl->v[i + 1].flags & LX_TF_SPACE) &&
           !(tl->v[i + 1].flags & LX_TF_NEWLINE) && (tl->v[i + 1].flags & LX_TF_LOWER) &&
           lx_wordset_has(&t->learn.eponym_heads, tl, text, i + 1);
}

/*
 * Marks the capitalized words written next to another name word: part of a
 * longer name ("New York", "Bat Shalom", "Navier-Stokes"), or of the name
 * of a thing named after a person ("the Kalman filter"), never an alias of
 * a name of their own.
 */
static void mark_runs(const lx_lane *t, const char *text, lx_capword *caps)
{
    size_t place_end = 0, line = SIZE_MAX;
    bool title_case = false;
    /* only the capitalized words are visited, and only the lines that hold
       one are read */
    for (size_t k = 0; k < t->n_cap_at; k++) {
        size_t i = t->cap_at[k].tok;
        const lx_token *tok = &t->tl.v[i];
        if (t->cap_at[k].line != line) {
            line = t->cap_at[k].line;
            title_case = title_line(&t->tl, line);
            /* the capitalized words of a line are rare: the test is made for
               those that open one */
            place_end = t->tl.v[line].flags & (LX_TF_CAP | LX_TF_ALLCAPS)
                            ? lx_dateline_place(&t->tl, line)
                            : line;
        }
        caps[k].dateline = i < place_end;
        /* a headline runs every word together: no evidence there */
        caps[k].in_run =
            (!(tok->flags & LX_TF_ALLCAPS) && !title_case &&
             ((i > 0 && name_neighbour(t, text, i, i - 1)) || name_neighbour(t, text, i, i + 1))) ||
            (i > 1 && hyphen_neighbour(&t->tl, i, i - 2)) || hyphen_neighbour(&t->tl, i, i + 2) ||
            before_eponym_head(t, text, i);
    }
}

/*
 * "HB60", "LB1152": letters run into a number make one token, which anchors
 * the rules that name its shape, the letters and one "0" ("hb0"), as an
 * anchor.  (The letters alone would also fire on "a" and "h" as words.)
 * One letter after the number is a version ("A1234B" has the shape "a0").
 */
static uint32_t shape_of(const lx_lane *t, const lx_token *tok)
{
    const char *f = lx_tok_fold(&t->tl, tok);
    size_t n = tok->fold_len, p = 0;
    if (tok->kind == LX_TOK_WORD && n > 2 && f[n - 1] >= 'a' && f[n - 1] <= 'z' &&
        f[n - 2] >= '0' && f[n - 2] <= '9')
        n--;
    if (tok->kind != LX_TOK_WORD || n < 2 || f[n - 1] < '0' || f[n - 1] > '9')
        return LX_NONE;
    while (p < n && p < 8 && f[p] >= 'a' && f[p] <= 'z')
        p++;
    for (size_t k = p; k < n; k++)
        if (f[k] < '0' || f[k] > '9')
            return LX_NONE;
    char key[10];
    memcpy(key, f, p);
    key[p] = '0';
    return p ? lx_trie_vocab(&t->m->trie, key, p + 1) : LX_NONE;
}

/*
 * Looks token i up and notes the work it brings: the trie walk it may start
 * and the rules it anchors.  Done while the vocabulary entry is in cache,
 * so the second loop visits only the tokens with work.
 */
static int look_up(lx_lane *t, size_t i)
{
    const lx_trie *trie = &t->m->trie;
    lx_token *tok = &t->tl.v[i];
    uint32_t v = lx_trie_vocab_h(trie, lx_tok_fold(&t->tl, tok), tok->fold_len,
                                 lx_hash32(tok->hash));
    uint32_t root = LX_NONE, anchor = LX_NONE;
    tok->vocab = v;
    if (v != LX_NONE) {
        const lx_vocab *voc = &trie->voc[v];
        /* the context rules read the bits from the token, in order, not
           from the vocabulary at random */
        tok->bits = voc->bits;
        /* a lowercase word starts no match unless some entry allows it */
        if (!(tok->flags & LX_TF_LOWER) || (voc->bits & LX_VOC_LOWER_START))
            root = voc->root;
        anchor = voc->anchor;
    } else if ((v = shape_of(t, tok)) != LX_NONE) {
        anchor = trie->voc[v].anchor;
    }
    if (root == LX_NONE && anchor == LX_NONE)
        return 0;
    if (lx_vec_reserve(&t->work, &t->work_cap, t->n_work + 1, sizeof(*t->work), 1024))
        return LEXTAG_ERR_NOMEM;
    t->work[t->n_work++] = (lx_tokwork){(uint32_t) i, root, anchor};
    return 0;
}

/*
 * A model of lists alone: a lowercase word anchors nothing and starts a
 * match only if an entry starts with it in lowercase, which the model's
 * filter of such words' heads tells the tokenizer.  Any other is folded
 * and looked up only if a match reaches it.
 */
static bool lists_alone(const struct lextag_model *m)
{
    return !m->has_evidence && !m->rules.n && !m->learn.bits;
}

/* Vocabulary ids, trie matches and anchor windows for one stretch. */
static int scan_tokens(lx_lane *t, const char *doc, size_t base, size_t doc_len,
                       lx_stretch_out *out)
{
    const lx_trie *trie = &t->m->trie;
    const struct lextag_model *m = t->m;
    size_t caps0 = out->n_caps;
    bool lazy = lists_alone(m);
    size_t line = 0; /* the token the current line starts at */
    t->n_work = 0;
    t->n_cap_at = 0;
    for (size_t i = 0; i < t->tl.n; i++) {
        lx_token *tok = &t->tl.v[i];
        if (tok->flags & LX_TF_NEWLINE)
            line = i;
        if (lazy && tok->vocab == LX_TOK_UNFOLDED) {
            /* most words of a model of lists: the run of them passed over
               in a loop of its own */
            const lx_token *v = t->tl.v;
            size_t n = t->tl.n;
            while (i + 1 < n && v[i + 1].vocab == LX_TOK_UNFOLDED) {
                i++;
                if (v[i].flags & LX_TF_NEWLINE)
                    line = i;
            }
            continue;
        }
        if (tok->kind == LX_TOK_BARRIER)
            continue;
        if (lazy && (tok->flags & LX_TF_LOWER)) {
            if (!m->lower_starts) {
                tok->vocab = VOCAB_UNSEEN;
                continue;
            }
            /* a word some entry may start with in lowercase (kept by the
               tokenizer's filter), or one it did not defer: looked up now */
        }
        if (tok->kind == LX_TOK_WORD && (tok->flags & (LX_TF_CAP | LX_TF_ALLCAPS))) {
            if (lx_vec_reserve(&out->caps, &out->caps_cap, out->n_caps + 1, sizeof(*out->caps),
                               256))
                return LEXTAG_ERR_NOMEM;
            if (lx_vec_reserve(&t->cap_at, &t->cap_at_cap, t->n_cap_at + 1,
                               sizeof(*t->cap_at), 256))
                return LEXTAG_ERR_NOMEM;
            t->cap_at[t->n_cap_at++] = (lx_capat){(uint32_t) i, (uint32_t) line};
            lx_capword *w = &out->caps[out->n_caps++];
            w->start = base + tok->start;
            w->end = base + tok->end;
            w->hash = tok->hash;
            w->allcaps = lx_tok_capitals(tok);
            w->in_run = false;
            w->sent = (tok->flags & LX_TF_SENT) != 0;
            w->dateline = false;
            w->article = (uint8_t) lx_tok_article_before(&t->tl, i);
        }
        if (look_up(t, i))
            return LEXTAG_ERR_NOMEM;
    }
    if (out->n_caps > caps0) /* no capitalized word: caps may still be NULL */
        mark_runs(t, doc + base, out->caps + caps0);
    for (size_t w = 0; w < t->n_work; w++) {
        const lx_tokwork *wk = &t->work[w];
        if (wk->root != LX_NONE && match_at(t, wk->tok, wk->root, base, doc + base))
            return LEXTAG_ERR_NOMEM;
        if (wk->anchor == LX_NONE)
            continue;
        const uint32_t *list = trie->anchors + wk->anchor;
        const lx_token *tok = &t->tl.v[wk->tok];
        for (uint32_t k = 1; k <= list[0]; k++) {
            const lx_rule *r = &t->m->rules.v[list[k]];
            if (r->anchor_cap && !(tok->flags & (LX_TF_CAP | LX_TF_ALLCAPS)))
                continue; /* "A.1234" is anchored on "A", never on the word "a" */
            size_t s = base + tok->start, e = base + tok->end;
            s = s > r->window ? s - r->window : 0;
            e = e + r->window < doc_len ? e + r->window : doc_len;
            if (add_window(t, list[k], s, e))
                return LEXTAG_ERR_NOMEM;
        }
    }
    return 0;
}

/*
 * "Labor Day", "UEFA Cup", "PGA Tour": an organization's name followed by
 * one of the event words (gazetteers/evidence/events.txt) names an event,
 * not the organization.
 */
static bool event_follows(const char *doc, size_t len, size_t end)
{
    size_t p = end;
    if (p < len && doc[p] == '-')
        p++; /* "United Nations-sponsored" reads as a modifier too */
    else if (p < len && doc[p] == ' ')
        p++;
    else
        return false;
    for (size_t i = 0; p < len && lx_words_events[i]; i++) {
        if (lx_words_events[i][0] != doc[p])
            continue; /* nearly every word: no strlen() */
        size_t n = strlen(lx_words_events[i]);
        if (p + n <= len && memcmp(doc + p, lx_words_events[i], n) == 0 &&
            (p + n == len || !((doc[p + n] >= 'a' && doc[p + n] <= 'z') ||
                               (doc[p + n] >= 'A' && doc[p + n] <= 'Z'))))
            return true;
    }
    return doc[p - 1] == '-' && p < len && doc[p] >= 'a' && doc[p] <= 'z';
}

static void drop_event_orgs(lx_lane *t, const char *doc, size_t len)
{
    size_t k = 0;
    for (size_t i = 0; i < t->cands.n; i++) {
        const lx_cand *c = &t->cands.v[i];
        if (lx_cand_type_is(c, "ORG") && event_follows(doc, len, c->end))
            continue;
        t->cands.v[k++] = *c;
    }
    t->cands.n = k;
}

/*
 * No entity is longer than LX_MAX_ENTITY_BYTES, whatever found it: a gazetteer
 * entry matches across any run of whitespace and a context span across any
 * run of names, and neither may turn a pathological input into one huge span.
 */
static void drop_long(lx_lane *t)
{
    size_t k = 0;
    for (size_t i = 0; i < t->cands.n; i++)
        if (t->cands.v[i].end - t->cands.v[i].start <= LX_MAX_ENTITY_BYTES)
            t->cands.v[k++] = t->cands.v[i];
    t->cands.n = k;
}

int lx_lane_collect(lx_lane *t, const char *doc, size_t len, size_t a, size_t b,
                    const lx_legis_doc *ld, lx_stretch_out *out)
{
    /* the lane's token list is also the document pass's scratch: only the
       stretch itself is tokenized with its lowercase words deferred */
    t->tl.defer_lower = lists_alone(t->m);
    t->tl.keep_heads = t->m->lower_starts ? t->m->lower_heads : NULL;
    int rc = lx_tokenize(&t->tl, doc + a, b - a);
    t->tl.defer_lower = false;
    t->tl.keep_heads = NULL;
    t->cands.n = 0;
    t->n_win = 0;
    memset(t->rule_off, 0, t->m->rules.n + 1);
    if (!rc)
        rc = scan_tokens(t, doc, a, len, out);
    if (!rc && t->m->has_evidence)
        rc = lx_context_scan(t->m, doc, a, &t->tl, &t->cands);
    if (!rc)
        rc = lx_rulerun_stretch(t, doc, len, a, b, ld, out);
    if (!rc && t->m->has_evidence)
        drop_event_orgs(t, doc, len);
    if (!rc)
        drop_long(t);
    return rc;
}

/*
 * The capitalized words of caps [0, n) in the learned layer's quiet ranges
 * (a title, an event, a place it first read as a name) are part of a
 * longer name: no alias of a name goes there ("Hall" of "the Hall of
 * Fame").  Both lists are in text order.
 */
static void quiet_caps(const lx_learn_lane *L, lx_capword *caps, size_t n)
{
    size_t q = 0;
    for (size_t i = 0; i < n && q < L->n_quiet; i++) {
        while (q < L->n_quiet && L->quiet[q].end <= caps[i].start)
            q++;
        if (q < L->n_quiet && L->quiet[q].start <= caps[i].start)
            caps[i].in_run = true;
    }
}

int lx_lane_stretch(lx_lane *t, const char *doc, size_t len, size_t a, size_t b,
                    const lx_legis_doc *ld, bool keep_lost, lx_stretch_out *out)
{
    size_t caps0 = out->n_caps;
    int rc = lx_lane_collect(t, doc, len, a, b, ld, out);
    t->overruled.n = 0;
    if (!rc && t->use_learn && t->m->learn.bits) {
        rc = lx_learn_apply(&t->learn, t->m, doc, a, &t->tl, &t->cands,
                            keep_lost ? &t->overruled : NULL, t->explain, &t->arena);
        /* no capitalized word: caps may still be NULL */
        if (!rc && out->n_caps > caps0 && t->learn.n_quiet)
            quiet_caps(&t->learn, out->caps + caps0, out->n_caps - caps0);
    }
    if (!rc)
        rc = lx_resolve_add(&t->rv, &t->cands, len, &out->accepted,
                            keep_lost ? &out->lost : NULL);
    if (!rc)
        lx_resolve_done(&t->rv, &out->accepted, keep_lost ? &out->lost : NULL);
    if (!rc && t->overruled.n) {
        /* what the learned layer overruled lost too */
        for (size_t k = 0; k < t->overruled.n && !rc; k++)
            rc = lx_candvec_push(&out->lost, &t->overruled.v[k]);
        lx_resolve_sort(&out->lost);
    }
    if (!rc && t->m->has_evidence) {
        /* the candidates are settled: their vector is scratch for the lists */
        lx_evidence ev = {t->m, doc, a, &t->tl, &t->cands};
        t->cands.n = 0;
        rc = lx_lists_scan(&ev, &out->accepted);
    }
    return rc;
}
