/* SPDX-License-Identifier: MIT */
/*
 * Small questions about the tokens around a span that the learned layer's
 * rules ask in several files: is a token a conjunction, a copula, an
 * article, a quotation mark, a year or a letter compound; does it open a
 * sentence; is a span a first name and a surname; is a word, as written, in
 * a word list.  The ones asked of most spans are inline here: a call would
 * cost more than their tests.
 */
#ifndef LX_LEARN_PHRASE_H
#define LX_LEARN_PHRASE_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "learned.h"

/*
 * The first token of tl at or after byte b (relative to the stretch), k or
 * one after it: what lx_feat_tok_at() finds, but found from a token known
 * to come no later.  A span's end is so found past its few tokens, from
 * its first, rather than over the index's block again.
 */
static inline size_t lx_phrase_tok_from(const lx_toklist *tl, size_t k, size_t b)
{
    while (k < tl->n && tl->v[k].start < b)
        k++;
    return k;
}

/* The tokens [*a, *b) of the prepared stretch tl that candidate c covers;
   tl starts at byte base. */
static inline void lx_phrase_tokens_of(const lx_feat_scratch *sc, const lx_toklist *tl,
                                       size_t base, const lx_cand *c, size_t *a, size_t *b)
{
    *a = lx_feat_tok_at(sc, tl, c->start - base);
    *b = lx_phrase_tok_from(tl, *a, c->end - base);
}

/* Is [a, b) a first name and a surname ("Mickey Rivers")? */
static inline bool lx_phrase_full_name(const lx_toklist *tl, size_t a, size_t b)
{
    return (tl->v[a].bits & LX_EV_FIRSTNAME) && (tl->v[b - 1].bits & LX_EV_SURNAME);
}

/* Is token k's word, as written, an entry of the word list of set s? */
static inline bool lx_phrase_written_as(const lx_fctx *c, size_t k, const lx_wordset *s)
{
    return lx_wordset_has(s, c->tl, c->text, k);
}

/* Does token k join two names, "and" or "&" ("Marks and Spencer")? */
bool lx_phrase_conjunction(const lx_toklist *tl, size_t k);

/* Is token k an ordinal word, "first" to "tenth" ("Fourth Symphony",
   "the Second Vatican Council")? */
bool lx_phrase_ordinal(const lx_toklist *tl, size_t k);

/* Is token k a lowercase noun of a body's kind that its name follows ("the
   band Wire", "the label Mute", "the magazine Wired")? */
bool lx_phrase_group_kind(const lx_toklist *tl, size_t k);

/* Those nouns ("band", "label", "magazine"), in lowercase. */
extern const char *const lx_phrase_group_kinds[];

/* lx_phrase_group_kind() by hash, with the lane's set of those nouns:
   asked before most names. */
static inline bool lx_phrase_group_kind_of(const lx_learn_lane *L, const lx_toklist *tl,
                                           size_t k)
{
    return k < tl->n && (tl->v[k].flags & LX_TF_LOWER) &&
           lx_wordset_has_folded(&L->group_kinds, tl, k);
}

/* Is token k of tl (if there is one), in any case, an entry of the word
   list of set s?  lx_tok_in() by hash: most words are turned away by one
   probe, where the list would be walked. */
static inline bool lx_phrase_in(const lx_toklist *tl, size_t k, const lx_wordset *s)
{
    return k < tl->n && lx_wordset_has_folded(s, tl, k);
}

/* The copulas, "is", "was", "are" and "were". */
extern const char *const lx_phrase_copulas[];

/* Is token k a copula?  Asked after most names: by hash, with the lane's
   set of them. */
static inline bool lx_phrase_copula(const lx_learn_lane *L, const lx_toklist *tl, size_t k)
{
    return k < tl->n && lx_wordset_has_folded(&L->copulas, tl, k);
}

/* Is token k a capitalized "The" inside a sentence, a title's first word? */
static inline bool lx_phrase_title_article(const lx_toklist *tl, size_t k)
{
    return (tl->v[k].flags & LX_TF_CAP) && !(tl->v[k].flags & LX_TF_SENT) &&
           lx_tok_is(tl, k, "the");
}

/* Is token k the indefinite article, "a" or "an"? */
bool lx_phrase_indefinite_article(const lx_toklist *tl, size_t k);

/*
 * Does token k open a sentence: so the tokenizer found, or it is a
 * capitalized "The" after a period the tokenizer took for an initial's
 * ("the Emperor Charles V. The Society of Jesus"), or a capitalized "A" or
 * "An" there before a lowercase word ("Meta, Google and X. A federal
 * judge")?  No name holds ". The" or ". A judge".  Asked of most tokens of
 * a name: inline up to the period, which few names have before a word.
 */
bool lx_phrase_opens_after_stop(const lx_toklist *tl, size_t k);

static inline bool lx_phrase_opens_sentence_at(const lx_toklist *tl, size_t k)
{
    if (tl->v[k].flags & LX_TF_SENT)
        return true;
    if (k == 0 || !(tl->v[k].flags & LX_TF_CAP) || !lx_tok_is(tl, k - 1, "."))
        return false;
    return lx_phrase_opens_after_stop(tl, k);
}

/* Evidence that a word is an organization's own: its head ("University"),
   its opener ("Department"), its designator ("Inc"), a paper's head
   ("Times"). */
#define LX_ORG_OWN_WORDS                                                                           \
    (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_DESIGNATOR | LX_EV_MEDIA_HEAD)

/* Is token k a double quotation mark that opens (open) or closes a
   quotation: straight, or curly the right way round?  (Inline: asked of
   most tokens of a name, which are no punctuation.) */
static inline bool lx_phrase_quote_mark(const lx_toklist *tl, size_t k, bool open)
{
    return k < tl->n && tl->v[k].kind == LX_TOK_PUNCT &&
           (lx_tok_is(tl, k, "\"") || lx_tok_is(tl, k, open ? "\u201c" : "\u201d"));
}

/* Is token k a year, four digits? */
static inline bool lx_phrase_year_at(const lx_toklist *tl, size_t k)
{
    const lx_token *t = &tl->v[k];
    return t->kind == LX_TOK_NUMBER && t->end - t->start == 4;
}

/* Is token k a capital letter joined by a hyphen to a lowercase word or a
   number, the first part of a word ("X-ray", "X-1", "A-list")?  (An
   initial is followed by a period or a space.) */
bool lx_phrase_letter_compound(const lx_toklist *tl, size_t k);

/* The word right before token a, past an abbreviation's period written
   onto it ("St.", "Mt.": the period is a token of its own); SIZE_MAX when
   a opens the text. */
static inline size_t lx_phrase_word_before(const lx_toklist *tl, size_t a)
{
    if (a > 1 && lx_tok_is(tl, a - 1, ".") && !(tl->v[a - 1].flags & LX_TF_SPACE))
        a--;
    return a > 0 ? a - 1 : SIZE_MAX;
}

/* Is every byte of token t one of the letters of `set` ("IVX")?  (memchr()
   over the set's length: a NUL in the text matches none.) */
static inline bool lx_phrase_only_letters_of(const lx_fctx *c, const lx_token *t, const char *set)
{
    size_t n = strlen(set);
    for (size_t p = t->start; p < t->end; p++)
        if (!memchr(set, c->text[p], n))
            return false;
    return true;
}

/* Does token k's folded word end in "s", as a plural noun's does
   ("albums", "bands")?  Asked of words a list gave as nouns. */
static inline bool lx_phrase_plural(const lx_toklist *tl, size_t k)
{
    const lx_token *t = &tl->v[k];
    return t->fold_len && lx_tok_fold(tl, t)[t->fold_len - 1] == 's';
}

/* Does token t's folded word end in "s" but not in "ss", as an English
   plural does ("twins", not "congress")? */
static inline bool lx_phrase_plural_ending(const lx_toklist *tl, const lx_token *t)
{
    const char *f = lx_tok_fold(tl, t);
    return t->fold_len >= 2 && f[t->fold_len - 1] == 's' && f[t->fold_len - 2] != 's';
}

/* Is token k after a lowercase "the" ("landed on the Moon", "led the Jazz
   Messengers")? */
static inline bool lx_phrase_after_the(const lx_toklist *tl, size_t k)
{
    return k > 0 && lx_tok_is(tl, k - 1, "the") && (tl->v[k - 1].flags & LX_TF_LOWER);
}

/* Is token k "Records" or "Recordings", the head word of a record
   label's name ("Harvest Records")? */
static inline bool lx_phrase_label_head(const lx_toklist *tl, size_t k)
{
    return lx_tok_is(tl, k, "records") || lx_tok_is(tl, k, "recordings");
}

/* Does token t's folded word end in one of `endings`, with three letters
   or more before it ("kinases" in "-ases", "pixies" in "-ies")? */
bool lx_phrase_ends_in(const lx_toklist *tl, const lx_token *t, const char *const *endings);

/* Does a list know a name over `words` tokens of text[s..e) or more (a
   name over one of them, for 1)? */
bool lx_phrase_listed_in(const lx_fctx *c, size_t s, size_t e, size_t words);

/*
 * Does the sentence go on from token b, within `reach` tokens, to a
 * lowercase word of hash h1 or h2 ("their", "its") with a noun of `nouns`
 * at most `within` words after it, and no person's pronoun ("he", "his")
 * before it?  Only the first such word counts.
 */
bool lx_phrase_owner_of(const lx_toklist *tl, size_t b, size_t reach, uint64_t h1, uint64_t h2,
                        const char *const *nouns, size_t within);

/*
 * Are the words [a, b) a person's name in shape: a first name (known, or a
 * word no list knows), then one to three more capitalized words, hyphenated ones
 * counted once ("Barré-Sinoussi"), none of them all capitals, a list's
 * organization, or a word of a place, a people, an office or a body, or a
 * common word ("Victoria Cross") unless a list knows it as a name too?
 */
bool lx_phrase_person_words(const lx_fctx *c, size_t a, size_t b);

/*
 * Is token k, capitalized, the plural of a common English word that no
 * list knows as a name: "Historians", "Witnesses" (news may write the
 * plural too seldom for the list of words to hold it)?  A surname or a
 * first name in "s" ("Williams", "Banks") is no plural, nor a list's
 * entry; a rule's guess ("Historians say": a speech verb) is overruled.
 */
bool lx_phrase_common_plural(const lx_fctx *c, size_t k);

/* Is token k, capitalized, an English word in "s" that no list knows as a
   name ("Rivals", "Athletics"), or the plural of one (as above)? */
bool lx_phrase_plural_word(const lx_fctx *c, size_t k);

/* The verbs of a share's price moving, as market reports write them
   ("rose", "fell", "slipped"). */
extern const char *const lx_phrase_market_moves[];

/* Is c a space, a tab or a line break? */
static inline bool lx_phrase_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

#endif
