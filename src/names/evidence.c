/* SPDX-License-Identifier: MIT */
/*
 * Name runs and the evidence tests the context rules share.  A run is the
 * longest stretch of tokens that can form one name: capitalized words,
 * initials, hyphenated parts and particles ("van", "de"), never crossing a
 * sentence start; the rules then look at its words and around it.
 */
#include "evidence.h"

#include "trie.h"

/*
 * A short lowercase syllable after a hyphen that continues a name of two or
 * more words ("Kim Dae-jung", "Yen Chia-kan"), unlike "New York-based".
 */
static bool syllable_at(const lx_evidence *c, size_t i, size_t k)
{
    if (k >= c->tl->n || k < i + 3)
        return false;
    const lx_token *t = &c->tl->v[k];
    return t->kind == LX_TOK_WORD && (t->flags & LX_TF_LOWER) && !(t->flags & LX_TF_HASDIGIT) &&
           t->end - t->start <= 4 && !(lx_evidence_bits(c, k) & LX_EV_COMMON) && !lx_evidence_is(c, k + 1, "-");
}

/*
 * Does a sentence open at token k, after a letter's period: one the
 * tokenizer found ("World War I. This"), or an article before a lowercase
 * word, which it took for an initial's ("Google and X. A federal judge",
 * "Charles V. The treaty")?  No name goes on so.
 */
static bool opens_after_initial(const lx_evidence *c, size_t k)
{
    const lx_token *t = &c->tl->v[k];
    if (t->flags & LX_TF_SENT)
        return true;
    return (t->flags & LX_TF_CAP) && k + 1 < c->tl->n &&
           (lx_evidence_is(c, k, "a") || lx_evidence_is(c, k, "an") ||
            lx_evidence_is(c, k, "the")) &&
           c->tl->v[k + 1].kind == LX_TOK_WORD && (c->tl->v[k + 1].flags & LX_TF_LOWER);
}

/* End (exclusive token index) of the name run starting at i. */
size_t lx_evidence_run_end(const lx_evidence *c, size_t i)
{
    size_t j = i + 1;
    /* a run may open with initials: "J. Adams", "T. S. Eliot" */
    while (lx_evidence_initial(c, j - 1) && j + 1 < c->tl->n &&
           (lx_evidence_initial(c, j + 1) || lx_model_evidence_name_token(c, j + 1)) &&
           !opens_after_initial(c, j + 1))
        j += 2;
    while (j < c->tl->n && j - i < LX_EV_MAX_RUN) {
        const lx_token *t = &c->tl->v[j];
        /* a run never crosses a sentence start, a line starting with a
           function word, nor a line break other than a wrapped line's */
        if (t->flags & LX_TF_SENT)
            break;
        if ((t->flags & LX_TF_NEWLINE) &&
            ((lx_evidence_bits(c, j) & LX_EV_COMMON) || !lx_tok_wrapped(c->tl, c->doc + c->base, j)))
            break;
        /* capitals do not mix: "Andy Colquhoun JOHANNESBURG" is a name and a
           dateline (a hyphen has no case: "OKAFOR-DANE") */
        if (lx_tok_capitals(t) != lx_tok_capitals(&c->tl->v[i]) && !lx_evidence_initial(c, j) &&
            !lx_evidence_is(c, j, "-"))
            break;
        /* an organization's head word ends it: "Liberal Party Joe Dickson" */
        if (lx_evidence_bits(c, j - 1) & LX_EV_ORG_SUFFIX)
            break;
        if (lx_evidence_initial(c, j) && lx_model_evidence_name_token(c, j + 2) &&
            !opens_after_initial(c, j + 2)) {
            j += 2;
        } else if (lx_model_evidence_name_token(c, j) && (t->flags & LX_TF_SPACE)) {
            j++;
        } else if (lx_evidence_is(c, j, "-") && !(t->flags & LX_TF_SPACE) && j + 1 < c->tl->n &&
                   !(c->tl->v[j + 1].flags & LX_TF_SPACE) &&
                   (lx_model_evidence_name_token(c, j + 1) || syllable_at(c, i, j + 1))) {
            /* "Jean-Pierre", and the second syllable of "Kim Dae-jung" */
            j += 2;
        } else if ((lx_evidence_bits(c, j) & LX_EV_PARTICLE) && !(t->flags & LX_TF_CAP) &&
                   lx_model_evidence_name_token(c, j + 1)) {
            j += 2;
        } else {
            break;
        }
    }
    return j;
}

int lx_evidence_emit(const lx_evidence *c, size_t i, size_t j, const char *type,
                const char *source, int prio)
{
    if (j <= i)
        return 0;
    const lx_token *a = &c->tl->v[i], *b = &c->tl->v[j - 1];
    lx_cand k = {
        .start = c->base + a->start,
        .end = c->base + b->end,
        .type = type,
        .source = source,
        .prio = prio,
        .entry = LX_NONE,
        .ref = LX_NOREF,
    };
    return lx_candvec_push(c->out, &k);
}

bool lx_evidence_place_words(const struct lextag_model *m, const lx_toklist *tl, size_t i,
                             size_t j)
{
    if (j <= i + 1 || j - i > 6 || j > tl->n || !(tl->v[i].bits & LX_EV_PLACE_HEAD) ||
        !(tl->v[j - 1].bits & LX_EV_PLACE_TAIL))
        return false;
    /* the whole place is a vocabulary key of its own (see place_key() in gazetteer.c) */
    char key[LX_PLACE_KEY_MAX];
    size_t n = lx_tok_join(tl, i, j, key, sizeof(key));
    uint32_t v = n ? lx_trie_vocab(&m->trie, key, n) : LX_NONE;
    return v != LX_NONE && (m->trie.voc[v].bits & LX_EV_PLACE);
}

bool lx_evidence_place_at(const lx_evidence *c, size_t i, size_t j)
{
    if (j == i + 1)
        return (lx_evidence_bits(c, i) & LX_EV_PLACE) != 0;
    return lx_evidence_place_words(c->m, c->tl, i, j);
}

bool lx_evidence_ends_in_place(const lx_evidence *c, size_t i, size_t j)
{
    if (lx_evidence_bits(c, j - 1) & LX_EV_PLACE)
        return true;
    if (!(lx_evidence_bits(c, j - 1) & LX_EV_PLACE_TAIL))
        return false;
    for (size_t k = j - 1; k-- > i && j - k <= 6;)
        if (lx_evidence_place_at(c, k, j))
            return true;
    return false;
}

/* Are the words of the run i..j all English words? */
bool lx_evidence_all_words(const lx_evidence *c, size_t i, size_t j)
{
    for (size_t k = i; k < j; k++)
        if (c->tl->v[k].kind == LX_TOK_WORD && !lx_evidence_english_word(c, k))
            return false;
    return true;
}

bool lx_evidence_word_shaped(const char *s, size_t n, uint32_t bits)
{
    /* a common word the lists know but do not call English ("National")
       is a name's word as often */
    const uint32_t named = LX_EV_FIRSTNAME | LX_EV_SURNAME | LX_EV_NAME_ENDING | LX_EV_TITLE |
                           LX_EV_COMMON;
    if (n < 6 || (bits & named))
        return false;
    for (size_t i = 1; i < n; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return false;
    for (const char *const *e = lx_words_word_endings; *e; e++) {
        size_t k = strlen(*e);
        if (k < n && memcmp(s + n - k, *e, k) == 0)
            return true;
    }
    return false;
}

bool lx_evidence_term_words(const lx_evidence *c, size_t i, size_t j)
{
    for (size_t k = i; k < j; k++) {
        const lx_token *t = &c->tl->v[k];
        if (t->kind == LX_TOK_WORD && !lx_evidence_english_word(c, k) &&
            !lx_evidence_word_shaped(c->doc + c->base + t->start, t->end - t->start, t->bits))
            return false;
    }
    return true;
}

/*
 * Does the word at k end as surnames do ("Gorokhovsky", "Kovacevic",
 * "Papadopoulos")?  The endings are NAME_ENDING evidence: each one is a
 * vocabulary entry of its own, so the test is a few hash lookups of the
 * word's last bytes.
 */
bool lx_model_evidence_name_ending(const lx_evidence *c, size_t k)
{
    if (k >= c->tl->n || c->tl->v[k].kind != LX_TOK_WORD || !c->m->has_endings)
        return false;
    const lx_token *t = &c->tl->v[k];
    const char *f = lx_tok_fold(c->tl, t);
    for (size_t n = 3; n <= 7 && n + 2 <= t->fold_len; n++) {
        uint32_t v = lx_trie_vocab(&c->m->trie, f + t->fold_len - n, n);
        if (v != LX_NONE && (c->m->trie.voc[v].bits & LX_EV_NAME_ENDING))
            return true;
    }
    return false;
}

bool lx_evidence_function_word(const lx_evidence *c, size_t i)
{
    return lx_evidence_grammar(c, i, LX_EV_FUNCTION);
}

/* Lowercase words that join the words of a name ("Bank of America"). */
bool lx_evidence_connector(const lx_evidence *c, size_t i)
{
    if (i >= c->tl->n || (c->tl->v[i].flags & LX_TF_CAP))
        return false;
    return lx_evidence_is(c, i, "of") || lx_evidence_is(c, i, "and") || lx_evidence_is(c, i, "for") ||
           lx_evidence_is(c, i, "&") || lx_evidence_is(c, i, "in") || lx_evidence_is(c, i, "on") ||
           lx_evidence_is(c, i, "de") || lx_evidence_is(c, i, "du") || lx_evidence_is(c, i, "des") ||
           lx_evidence_is(c, i, "la") || lx_evidence_is(c, i, "del") || lx_evidence_is(c, i, "the");
}

/* A capitalized word that may stand inside an organization's name. */
bool lx_evidence_org_word(const lx_evidence *c, size_t i)
{
    return lx_evidence_cap_word(c, i) && !(lx_evidence_bits(c, i) & (LX_EV_NOT_NAME | LX_EV_TITLE | LX_EV_SPEECH));
}
