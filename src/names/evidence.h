/* SPDX-License-Identifier: MIT */
/*
 * Evidence over the tokens of one stretch: what the context rules ask of a
 * token (its evidence bits, its case, whether it can stand in a name) and
 * the runs of capitalized words they reason about.  Shared by the person
 * rules (context.c) and the organization rules (orgs.c); the words behind
 * every bit come from the model's evidence lists, never from code.
 */
#ifndef LX_EVIDENCE_H
#define LX_EVIDENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "candidate.h"
#include "model.h"
#include "tokenizer.h"
#include "words.h"

/* A name run has at most this many tokens. */
#define LX_EV_MAX_RUN 8

/* The tokens of one stretch and where its candidates go. */
typedef struct lx_evidence {
    const struct lextag_model *m;
    const char *doc;
    size_t base; /* byte offset of the stretch in doc */
    const lx_toklist *tl;
    lx_candvec *out;
} lx_evidence;

/* Evidence bits of token i (0 past the end or for an unknown word);
   grammar words (LX_EV_GRAMMAR) are read with lx_evidence_grammar. */
static inline uint32_t lx_evidence_bits(const lx_evidence *c, size_t i)
{
    return i < c->tl->n ? c->tl->v[i].bits & ~(uint32_t) LX_EV_GRAMMAR : 0;
}

/* Does token i carry grammar bit `bit` (LX_EV_FUNCTION, ...)? */
static inline bool lx_evidence_grammar(const lx_evidence *c, size_t i, uint32_t bit)
{
    return i < c->tl->n && (c->tl->v[i].bits & bit);
}

/* Is token i, folded, the string s? */
static inline bool lx_evidence_is(const lx_evidence *c, size_t i, const char *s)
{
    return lx_tok_is(c->tl, i, s);
}

/* A capitalized word without digits. */
static inline bool lx_evidence_cap_word(const lx_evidence *c, size_t i)
{
    if (i >= c->tl->n)
        return false;
    const lx_token *t = &c->tl->v[i];
    return t->kind == LX_TOK_WORD && (t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
           !(t->flags & LX_TF_HASDIGIT);
}

/* Can token i be part of a name? */
static inline bool lx_model_evidence_name_token(const lx_evidence *c, size_t i)
{
    return lx_evidence_cap_word(c, i) &&
           !(lx_evidence_bits(c, i) & (LX_EV_NOT_NAME | LX_EV_TITLE | LX_EV_ROLE | LX_EV_SPEECH |
                           LX_EV_NATIONALITY | LX_EV_DESIGNATOR));
}

/* Is token k written without space before it and after it ("Obi-Uchendu")? */
static inline bool lx_evidence_glued(const lx_evidence *c, size_t k)
{
    return k + 1 < c->tl->n && !(c->tl->v[k].flags & LX_TF_SPACE) &&
           !(c->tl->v[k + 1].flags & LX_TF_SPACE);
}

/* An initial: one capital letter followed by a period ("E."). */
static inline bool lx_evidence_initial(const lx_evidence *c, size_t i)
{
    if (i + 1 >= c->tl->n)
        return false;
    const lx_token *t = &c->tl->v[i];
    return t->kind == LX_TOK_WORD && t->end - t->start == 1 &&
           (t->flags & LX_TF_CAP) && lx_evidence_is(c, i + 1, ".") &&
           !(c->tl->v[i + 1].flags & LX_TF_SPACE) &&
           /* "subpart B. See also": a part's letter */
           !(i > 0 && (c->tl->v[i - 1].flags & LX_TF_LOWER) &&
             lx_tok_in(c->tl, i - 1, lx_words_part_words));
}

/* An English word that is no first name ("Straight", "Colony", not "Rose"). */
static inline bool lx_evidence_english_word(const lx_evidence *c, size_t k)
{
    return (lx_evidence_bits(c, k) & (LX_EV_WORD | LX_EV_FIRSTNAME)) == LX_EV_WORD;
}

/*
 * Is the capitalized word s[0..n), with evidence bits, shaped as an
 * English word that is no name: six letters or more, lowercase after its
 * capital, ending as an adjective or an abstract noun does (word-endings.txt:
 * "Predictive", "Ontology"), and no first name, surname, title or listed
 * common word ("National")?  The list
 * of English words, drawn from news, lacks most words of technical writing.
 */
bool lx_evidence_word_shaped(const char *s, size_t n, uint32_t bits);

/* Are the words of the run i..j all English words, listed or shaped as one
   (lx_evidence_word_shaped)?  The words of a term ("Positive Predictive
   Value"). */
bool lx_evidence_term_words(const lx_evidence *c, size_t i, size_t j);

/*
 * Is token k a courtesy title ("Mr", "Mrs", "Ms", in any case)?  Annotation
 * leaves it out of a name, and a legislature's record prints a speaker's
 * surname in capitals after it.
 */
static inline bool lx_courtesy_title(const lx_toklist *tl, size_t k)
{
    static const char *const titles[] = {"mr", "mrs", "ms", NULL};
    return lx_tok_in(tl, k, titles);
}

/* End (exclusive token index) of the name run starting at token i. */
size_t lx_evidence_run_end(const lx_evidence *c, size_t i);

/* Appends a candidate over tokens i..j (exclusive).  0 or LEXTAG_ERR_NOMEM. */
int lx_evidence_emit(const lx_evidence *c, size_t i, size_t j, const char *type, const char *source,
               int prio);

/* Are tokens i..j (exclusive) one place ("Gaza", "Costa Rica")? */
bool lx_evidence_place_at(const lx_evidence *c, size_t i, size_t j);

/* Are tokens [i, j) of tl a place of two to six words that model m's
   lists know ("North Korea", "West Yorkshire")? */
bool lx_evidence_place_words(const struct lextag_model *m, const lx_toklist *tl, size_t i,
                             size_t j);

/* Does the run i..j end in a place ("Gaza", "North Korea")? */
bool lx_evidence_ends_in_place(const lx_evidence *c, size_t i, size_t j);

/* Are the words of the run i..j all English words? */
bool lx_evidence_all_words(const lx_evidence *c, size_t i, size_t j);

/* Does the word at k end as surnames do ("Gorokhovsky", "Popescu")? */
bool lx_model_evidence_name_ending(const lx_evidence *c, size_t k);

/* A function word ("the", "in", "his"). */
bool lx_evidence_function_word(const lx_evidence *c, size_t i);

/* A lowercase word that joins the words of a name ("Bank of America"). */
bool lx_evidence_connector(const lx_evidence *c, size_t i);

/* A capitalized word that may stand inside an organization's name. */
bool lx_evidence_org_word(const lx_evidence *c, size_t i);

#endif
