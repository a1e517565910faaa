/* SPDX-License-Identifier: MIT */
/*
 * Context rules over runs of capitalized tokens.  A run is found once; then
 * the evidence on and around it decides: a title or role just before it, a
 * known first name at its head, a byline, a speech verb after it (or before
 * it: "said Smith"), an organization head word at its end or start
 * ("X University", "University of X"), a designator after it ("X Inc."), a
 * newspaper head word ("the X Times"), an organization cue before it
 * ("shares of X").  All words come from the evidence lists in the model.
 */
#include "context.h"

#include <stdbool.h>
#include <string.h>

#define MAX_RUN 8

typedef struct ctx {
    const struct lextag_model *m;
    const char *doc;
    size_t base;
    const lx_toklist *tl;
    lx_candvec *out;
} ctx;

static uint32_t bits(const ctx *c, size_t i)
{
    if (i >= c->tl->n)
        return 0;
    uint32_t v = c->tl->v[i].vocab;
    return v == LX_NONE ? 0 : c->m->trie.voc[v].bits;
}

static inline bool fold_is(const ctx *c, size_t i, const char *s)
{
    if (i >= c->tl->n)
        return false;
    size_t n = strlen(s);
    return c->tl->v[i].fold_len == n && memcmp(lx_tok_fold(c->tl, &c->tl->v[i]), s, n) == 0;
}

static bool cap_word(const ctx *c, size_t i)
{
    if (i >= c->tl->n)
        return false;
    const lx_token *t = &c->tl->v[i];
    return t->kind == LX_TOK_WORD && (t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
           !(t->flags & LX_TF_HASDIGIT);
}

/* Can token i be part of a name? */
static bool name_token(const ctx *c, size_t i)
{
    return cap_word(c, i) &&
           !(bits(c, i) & (LX_EV_NOT_NAME | LX_EV_TITLE | LX_EV_ROLE | LX_EV_SPEECH |
                           LX_EV_NATIONALITY | LX_EV_DESIGNATOR));
}

/* Is token k written without space before it and after it ("Obi-Uchendu")? */
static bool glued(const ctx *c, size_t k)
{
    return k + 1 < c->tl->n && !(c->tl->v[k].flags & LX_TF_SPACE) &&
           !(c->tl->v[k + 1].flags & LX_TF_SPACE);
}

/* An initial: one capital letter followed by a period ("E."). */
static bool initial_at(const ctx *c, size_t i)
{
    if (i + 1 >= c->tl->n)
        return false;
    const lx_token *t = &c->tl->v[i];
    return t->kind == LX_TOK_WORD && t->end - t->start == 1 &&
           (t->flags & LX_TF_CAP) && fold_is(c, i + 1, ".") &&
           !(c->tl->v[i + 1].flags & LX_TF_SPACE);
}

/*
 * Does the line before token j end early?  A name is wrapped onto the next
 * line only in running text; after a short line (a table row, a list item,
 * a heading) the next line starts something new.
 */
static bool short_line_before(const ctx *c, size_t j)
{
    if (j == 0)
        return true;
    size_t end = c->base + c->tl->v[j - 1].end, p = end;
    while (p > 0 && end - p < 50 && c->doc[p - 1] != '\n')
        p--;
    return end - p < 50;
}

/*
 * A short lowercase syllable after a hyphen that continues a name of two or
 * more words ("Kim Dae-jung", "Yen Chia-kan"), unlike "New York-based".
 */
static bool syllable_at(const ctx *c, size_t i, size_t k)
{
    if (k >= c->tl->n || k < i + 3)
        return false;
    const lx_token *t = &c->tl->v[k];
    return t->kind == LX_TOK_WORD && (t->flags & LX_TF_LOWER) && !(t->flags & LX_TF_HASDIGIT) &&
           t->end - t->start <= 4 && !(bits(c, k) & LX_EV_COMMON) && !fold_is(c, k + 1, "-");
}

/* End (exclusive token index) of the name run starting at i. */
static size_t run_end(const ctx *c, size_t i)
{
    size_t j = i + 1;
    /* a run may open with initials: "J. Adams", "T. S. Eliot" */
    while (initial_at(c, j - 1) && j + 1 < c->tl->n &&
           (initial_at(c, j + 1) || name_token(c, j + 1)))
        j += 2;
    while (j < c->tl->n && j - i < MAX_RUN) {
        const lx_token *t = &c->tl->v[j];
        /* a run never crosses a sentence start or a line starting with a function word */
        if (t->flags & LX_TF_SENT)
            break;
        if ((t->flags & LX_TF_NEWLINE) && ((bits(c, j) & LX_EV_COMMON) || short_line_before(c, j)))
            break;
        /* capitals do not mix: "Andy Colquhoun JOHANNESBURG" is a name and a dateline */
        bool caps = (t->flags & LX_TF_ALLCAPS) && t->end - t->start > 1;
        bool run_caps = (c->tl->v[i].flags & LX_TF_ALLCAPS) && c->tl->v[i].end - c->tl->v[i].start > 1;
        if (caps != run_caps && !initial_at(c, j))
            break;
        /* an organization's head word ends it: "Liberal Party Joe Dickson" */
        if (bits(c, j - 1) & LX_EV_ORG_SUFFIX)
            break;
        if (initial_at(c, j) && name_token(c, j + 2)) {
            j += 2;
        } else if (name_token(c, j) && (t->flags & LX_TF_SPACE)) {
            j++;
        } else if (fold_is(c, j, "-") && !(t->flags & LX_TF_SPACE) && j + 1 < c->tl->n &&
                   !(c->tl->v[j + 1].flags & LX_TF_SPACE) &&
                   (name_token(c, j + 1) || syllable_at(c, i, j + 1))) {
            /* "Jean-Pierre", and the second syllable of "Kim Dae-jung" */
            j += 2;
        } else if ((bits(c, j) & LX_EV_PARTICLE) && !(t->flags & LX_TF_CAP) &&
                   name_token(c, j + 1)) {
            j += 2;
        } else {
            break;
        }
    }
    return j;
}

static int emit(const ctx *c, size_t i, size_t j, const char *type,
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

/* A name suffix after the run: "Jr.", ", Jr.", "III". */
static size_t with_suffix(const ctx *c, size_t j)
{
    size_t k = j;
    if (fold_is(c, k, ","))
        k++;
    if (k < c->tl->n && (bits(c, k) & LX_EV_SUFFIX) &&
        (c->tl->v[k].flags & (LX_TF_CAP | LX_TF_ALLCAPS))) {
        k++;
        if (fold_is(c, k, ".") && !(c->tl->v[k].flags & LX_TF_SPACE))
            k++;
        return k;
    }
    return j;
}

/* A word in capitals (not an initial). */
static bool caps_at(const ctx *c, size_t k)
{
    return k < c->tl->n && c->tl->v[k].kind == LX_TOK_WORD &&
           (c->tl->v[k].flags & LX_TF_ALLCAPS) && c->tl->v[k].end - c->tl->v[k].start > 1;
}

/* Organization by structure: head word, "of" continuation, designator. */
static int org_evidence(const ctx *c, size_t i, size_t j, bool *done)
{
    uint32_t last = bits(c, j - 1), first = bits(c, i);
    size_t end = j;
    *done = false;
    /* head words ("X Party", "University of X") are handled by org_heads() */
    if ((first & LX_EV_ORG_PREFIX) || (last & (LX_EV_ORG_SUFFIX | LX_EV_MEDIA_HEAD))) {
        *done = true;
        return 0;
    }
    size_t k = fold_is(c, j, ",") ? j + 1 : j;
    /* partners joined by "&": "Douglas & Lomason Co", "Schroder Wertheim & Co" */
    if (fold_is(c, j, "&") && j + 1 < c->tl->n) {
        k = j + 1;
        if (name_token(c, k) && !(bits(c, k) & LX_EV_DESIGNATOR))
            k = run_end(c, k);
        if (fold_is(c, k, ","))
            k++;
    }
    if (k < c->tl->n && (bits(c, k) & LX_EV_DESIGNATOR) &&
        (c->tl->v[k].flags & (LX_TF_CAP | LX_TF_ALLCAPS))) {
        end = k + 1;
        if (fold_is(c, end, ".") && !(c->tl->v[end].flags & LX_TF_SPACE))
            end++;
        *done = true;
        return emit(c, i, end, "ORG", "context:designator", LX_PRIO_GAZETTEER);
    }
    /* "the news agency Tanjug", "the Sun newspaper" */
    if ((i > 0 && (bits(c, i - 1) & LX_EV_ORG_NOUN) && (c->tl->v[i - 1].flags & LX_TF_LOWER)) ||
        (j < c->tl->n && (bits(c, j) & LX_EV_ORG_NOUN) && (c->tl->v[j].flags & LX_TF_LOWER))) {
        *done = true;
        return emit(c, i, j, "ORG", "context:org-noun", LX_PRIO_CONTEXT);
    }
    /* "shares of X", "a spokesman for X" */
    if (i >= 2 && (fold_is(c, i - 1, "of") || fold_is(c, i - 1, "for")) &&
        (bits(c, i - 2) & LX_EV_ORG_CONTEXT)) {
        *done = true;
        return emit(c, i, j, "ORG", "context:org-cue", LX_PRIO_CONTEXT);
    }
    /* an acronym no list knows, in running text, is most often an organization */
    const lx_token *t = &c->tl->v[i];
    if (j == i + 1 && (t->flags & LX_TF_ALLCAPS) && t->end - t->start >= 2 &&
        t->end - t->start <= 5 && bits(c, i) == 0 && !(i > 0 && caps_at(c, i - 1)) &&
        !caps_at(c, j) && !fold_is(c, j, "-")) {
        *done = true;
        return emit(c, i, j, "ORG", "context:acronym", LX_PRIO_CONTEXT - 5);
    }
    return 0;
}

/* Does the run i..j end in a place ("Gaza", "Costa Rica", "North Korea")? */
static bool ends_in_place(const ctx *c, size_t i, size_t j)
{
    if (bits(c, j - 1) & LX_EV_PLACE)
        return true;
    if (!(bits(c, j - 1) & LX_EV_PLACE_TAIL))
        return false;
    for (size_t k = j - 1; k-- > i && j - k <= 4;)
        if (bits(c, k) & LX_EV_PLACE_HEAD)
            return true;
    return false;
}

/* An English word that is no first name ("Straight", "Colony", not "Rose"). */
static bool english_word(const ctx *c, size_t k)
{
    return (bits(c, k) & (LX_EV_WORD | LX_EV_FIRSTNAME)) == LX_EV_WORD;
}

/* Are the words of the run i..j all English words? */
static bool all_words(const ctx *c, size_t i, size_t j)
{
    for (size_t k = i; k < j; k++)
        if (c->tl->v[k].kind == LX_TOK_WORD && !english_word(c, k))
            return false;
    return true;
}

/*
 * Does the word at k end as surnames do ("Gorokhovsky", "Kovacevic",
 * "Papadopoulos")?  The endings are NAME_ENDING evidence: each one is a
 * vocabulary entry of its own, so the test is a few hash lookups of the
 * word's last bytes.
 */
static bool name_ending(const ctx *c, size_t k)
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

/* A compass word: "North", "West", "Central". */
static bool compass_at(const ctx *c, size_t k)
{
    static const char *const words[] = {"north", "south", "east", "west", "central",
                                        "northern", "southern", "eastern", "western", "mid"};
    for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++)
        if (fold_is(c, k, words[w]))
            return true;
    return false;
}

/* Index of the token before i, skipping a period after an abbreviation. */
static size_t before(const ctx *c, size_t i)
{
    if (i == 0)
        return SIZE_MAX;
    if (fold_is(c, i - 1, ".") && i >= 2 && !(c->tl->v[i - 1].flags & LX_TF_SPACE))
        return i - 2;
    return i - 1;
}

/*
 * "Will Trump sign?": a sentence opening with an auxiliary verb that is
 * also a first name is a question, not a name.
 */
static bool auxiliary(const ctx *c, size_t i)
{
    static const char *const aux[] = {"will", "may", "can", "shall", "must", "might",
                                      "could", "would", "should", "did", "does", "do",
                                      "has", "have", "had", "is", "was", "are", "were"};
    for (size_t k = 0; k < sizeof(aux) / sizeof(aux[0]); k++)
        if (fold_is(c, i, aux[k]))
            return true;
    return false;
}

static bool adverb_at(const ctx *c, size_t k)
{
    if (k >= c->tl->n || c->tl->v[k].kind != LX_TOK_WORD || !(c->tl->v[k].flags & LX_TF_LOWER))
        return false;
    const lx_token *t = &c->tl->v[k];
    const char *f = lx_tok_fold(c->tl, t);
    return (t->fold_len > 4 && memcmp(f + t->fold_len - 2, "ly", 2) == 0) ||
           fold_is(c, k, "later") || fold_is(c, k, "also") || fold_is(c, k, "then") ||
           fold_is(c, k, "again") || fold_is(c, k, "never") || fold_is(c, k, "once") ||
           fold_is(c, k, "first") || fold_is(c, k, "himself") || fold_is(c, k, "herself");
}

/*
 * The evidence bits (of mask) of the verb after k, past an adverb and an
 * auxiliary: "served", "later joined", "was first elected", "has served".
 */
static bool verb_of(const ctx *c, size_t k, uint32_t mask)
{
    if (adverb_at(c, k))
        k++;
    if (k < c->tl->n && (c->tl->v[k].flags & LX_TF_LOWER) && (bits(c, k) & mask))
        return true;
    if (fold_is(c, k, "was") || fold_is(c, k, "is") || fold_is(c, k, "has") ||
        fold_is(c, k, "had") || fold_is(c, k, "would") || fold_is(c, k, "will")) {
        k++;
        if (fold_is(c, k, "been") || fold_is(c, k, "be"))
            k++;
        if (adverb_at(c, k))
            k++;
    }
    return k < c->tl->n && (c->tl->v[k].flags & LX_TF_LOWER) && (bits(c, k) & mask);
}

/* A number that reads as a person's age: two digits. */
static bool age_at(const ctx *c, size_t k)
{
    if (k >= c->tl->n)
        return false;
    const lx_token *t = &c->tl->v[k];
    const char *s = lx_tok_fold(c->tl, t);
    return t->fold_len == 2 && s[0] >= '1' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9';
}

/* A lowercase word that reads as a person's verb: "has", "ordered", "will". */
static bool verb_after(const ctx *c, size_t k)
{
    if (k >= c->tl->n || c->tl->v[k].kind != LX_TOK_WORD || !(c->tl->v[k].flags & LX_TF_LOWER))
        return false;
    const lx_token *t = &c->tl->v[k];
    const char *f = lx_tok_fold(c->tl, t);
    static const char *const aux[] = {"has", "had", "was", "is", "will", "would", "could",
                                      "did", "does", "can", "may", "might", "must", "should"};
    for (size_t a = 0; a < sizeof(aux) / sizeof(aux[0]); a++)
        if (fold_is(c, k, aux[a]))
            return true;
    return t->fold_len > 4 && memcmp(f + t->fold_len - 2, "ed", 2) == 0;
}

static int person_evidence(const ctx *c, size_t i, size_t j, bool byline)
{
    size_t p = before(c, i);
    uint32_t pb = p == SIZE_MAX ? 0 : bits(c, p);
    size_t end = with_suffix(c, j);
    bool multi = j - i >= 2;
    /* a first name that is also a word or a place ("Will", "Great", "Israel")
       counts only before a known surname, and never heading a sentence */
    uint32_t b0 = bits(c, i), bl = bits(c, j - 1);
    /* a hyphenated surname is one word that no list knows: "Toussaint-White" */
    bool compound = j - i >= 3 && fold_is(c, j - 2, "-") && glued(c, j - 2);
    if (compound)
        bl = 0;
    bool sent = (c->tl->v[i].flags & LX_TF_SENT) != 0;
    uint32_t b1 = bits(c, i + 1);
    /* ... or, inside a sentence, before a word no list knows ("Mark McGwire");
       a surname that is also a word ("Peter Such", "Michael Green") follows
       only a first name that is no word */
    bool first_known = (b0 & LX_EV_FIRSTNAME) &&
                       !(b0 & (LX_EV_PLACE | LX_EV_NATIONALITY | LX_EV_NOT_NAME)) &&
                       (!(b0 & LX_EV_COMMON) ||
                        ((b1 & LX_EV_SURNAME) && !auxiliary(c, i)) ||
                        (!sent && (j - i == 2 || (compound && j - i == 4)) && b1 == 0)) &&
                       !(bl & LX_EV_NOT_NAME) &&
                       ((bl & (LX_EV_WORD | LX_EV_SURNAME | LX_EV_FIRSTNAME)) != LX_EV_WORD) &&
                       (!(bl & LX_EV_COMMON) ||
                        (j - i == 2 && (bl & LX_EV_SURNAME) &&
                         !(b0 & LX_EV_COMMON)));
    bool any_known = false;
    for (size_t k = i; k < j; k++)
        any_known |= (bits(c, k) & (LX_EV_SURNAME | LX_EV_FIRSTNAME)) != 0;
    bool ending = bits(c, j - 1) == 0 && name_ending(c, j - 1);
    any_known |= ending;
    /* a run ending in an organization word is no person ("Azure Government"),
       nor is a place ("Iran said", "Gaza Strip") */
    if ((bits(c, j - 1) & (LX_EV_ORG_SUFFIX | LX_EV_MEDIA_HEAD)) || ends_in_place(c, i, j))
        return 0;

    /* a title before common words is an adjective: "Crown Colony", "General Command" */
    if ((pb & (LX_EV_TITLE | LX_EV_ROLE)) && !all_words(c, i, j))
        return emit(c, i, end, "PERSON", "context:title", LX_PRIO_GAZETTEER);
    if (byline && multi)
        return emit(c, i, end, "PERSON", "context:byline", LX_PRIO_GAZETTEER);
    /* an all-caps line (headline, dateline) says little about who is named */
    if ((c->tl->v[i].flags & LX_TF_ALLCAPS) && c->tl->v[i].end - c->tl->v[i].start > 1)
        return 0;
    /* "Halton North", "East Londonderry": a place with a compass word, as
       constituencies and districts are named */
    if (multi && first_known && !compass_at(c, i) && !compass_at(c, j - 1))
        return emit(c, i, end, "PERSON", "context:first-name", LX_PRIO_GAZETTEER);
    /* "Smith wrote", "said Smith", "according to Smith" */
    bool speech_after = bits(c, end) & LX_EV_SPEECH;
    bool speech_before = (pb & LX_EV_SPEECH) ||
                         (i >= 2 && fold_is(c, i - 1, "to") && fold_is(c, i - 2, "according"));
    if ((speech_after || speech_before) && (multi || any_known))
        return emit(c, i, end, "PERSON", "context:speech", LX_PRIO_CONTEXT);
    /* a word no list knows, speaking: "Hoddle said", "said Hoddle." (a
       company or agency that speaks is usually in the lists, and wins; "said
       Moscow wants" is reported speech, not a speaker) */
    bool lone = !multi && !(c->tl->v[i].flags & LX_TF_ALLCAPS) && bits(c, i) == 0 &&
                c->tl->v[i].end - c->tl->v[i].start > 2;
    if (lone && (speech_after || (speech_before && (fold_is(c, end, ".") || fold_is(c, end, ",")))))
        return emit(c, i, end, "PERSON", "context:speech", LX_PRIO_CONTEXT - 5);
    /* an age in apposition: "Duran, 45, takes on" */
    if (fold_is(c, end, ",") && end + 2 < c->tl->n && fold_is(c, end + 2, ",") &&
        age_at(c, end + 1) && (multi || any_known || lone))
        return emit(c, i, end, "PERSON", "context:age", LX_PRIO_CONTEXT);
    /* apposition: "Brad Smith, Microsoft's president" */
    if (multi && fold_is(c, end, ",")) {
        for (size_t k = end + 1; k < end + 5 && k < c->tl->n; k++)
            if (bits(c, k) & LX_EV_ROLE)
                return emit(c, i, end, "PERSON", "context:apposition", LX_PRIO_CONTEXT);
    }
    /* initials before a surname: "P. Simmons", "J.R. Ewing" */
    uint32_t lb = bits(c, j - 1);
    if (initial_at(c, i) && multi &&
        !(lb & (LX_EV_PLACE | LX_EV_ORG_SUFFIX | LX_EV_NOT_NAME)) &&
        (!(lb & LX_EV_COMMON) || (lb & LX_EV_SURNAME)))
        return emit(c, i, end, "PERSON", "context:initials", LX_PRIO_CONTEXT);
    /* two or three plain capitalized words ending in a known surname, or
       followed by a country in parentheses: "Moin Khan", "Jan Ullrich (Germany)" */
    bool plain = multi && j - i <= 3;
    for (size_t k = i; plain && k < j; k++)
        plain = !(bits(c, k) & (LX_EV_COMMON | LX_EV_PLACE | LX_EV_ORG_SUFFIX | LX_EV_NOT_NAME |
                                LX_EV_NATIONALITY | LX_EV_ORG_PREFIX | LX_EV_MEDIA_HEAD)) &&
                !english_word(c, k);
    if (plain && ((bits(c, j - 1) & LX_EV_SURNAME) || ending ||
                  (fold_is(c, end, "(") && (bits(c, end + 1) & LX_EV_PLACE) && fold_is(c, end + 2, ")"))))
        return emit(c, i, end, "PERSON", "context:surname", LX_PRIO_CONTEXT);
    /* a lone word known only as a surname, acting: "Yeltsin ordered", "Dole has" */
    const uint32_t not_lone = LX_EV_COMMON | LX_EV_PLACE | LX_EV_ORG_SUFFIX | LX_EV_NOT_NAME |
                              LX_EV_NATIONALITY | LX_EV_ORG_PREFIX | LX_EV_MEDIA_HEAD;
    if (!multi && !(c->tl->v[i].flags & LX_TF_ALLCAPS) && verb_after(c, end) &&
        (bits(c, i) & LX_EV_SURNAME) && !(bits(c, i) & (LX_EV_FIRSTNAME | not_lone)))
        return emit(c, i, end, "PERSON", "context:surname", LX_PRIO_CONTEXT - 5);
    /* a name doing what people do: "Adams previously won", "Kshyk campaigned" */
    if (!multi && !(c->tl->v[i].flags & LX_TF_ALLCAPS) && !(bits(c, i) & not_lone) &&
        ((bits(c, i) & (LX_EV_SURNAME | LX_EV_FIRSTNAME)) || ending
             ? verb_of(c, end, LX_EV_PERSON_VERB | LX_EV_ACTION_VERB | LX_EV_SPEECH)
             : (lone && verb_of(c, end, LX_EV_PERSON_VERB))))
        return emit(c, i, end, "PERSON", "context:verb", LX_PRIO_CONTEXT - 5);
    /* a known first name further in: "Secretary of State Mike Pompeo" */
    for (size_t k = i + 1; k + 1 < j; k++)
        if ((bits(c, k) & LX_EV_FIRSTNAME) && !(bits(c, k) & LX_EV_COMMON) &&
            !(fold_is(c, k - 1, "-") && glued(c, k - 1))) {
            /* words before it that no list knows are the person's too ("Ebuka Obi-Uchendu") */
            bool unknown = true;
            for (size_t u = i; u < k && unknown; u++)
                unknown = bits(c, u) == 0 && !name_ending(c, u) && c->tl->v[u].kind == LX_TOK_WORD;
            return emit(c, unknown ? i : k, end, "PERSON", "context:first-name", LX_PRIO_CONTEXT);
        }
    return 0;
}

/* A capitalized word that may stand inside an organization's name. */
static bool org_word(const ctx *c, size_t i)
{
    return cap_word(c, i) && !(bits(c, i) & (LX_EV_NOT_NAME | LX_EV_TITLE | LX_EV_SPEECH));
}

/* Lowercase words that join the words of a name ("Bank of America"). */
static bool org_connector(const ctx *c, size_t i)
{
    if (i >= c->tl->n || (c->tl->v[i].flags & LX_TF_CAP))
        return false;
    return fold_is(c, i, "of") || fold_is(c, i, "and") || fold_is(c, i, "for") ||
           fold_is(c, i, "&") || fold_is(c, i, "in") || fold_is(c, i, "on") ||
           fold_is(c, i, "de") || fold_is(c, i, "du") || fold_is(c, i, "des") ||
           fold_is(c, i, "la") || fold_is(c, i, "del") || fold_is(c, i, "the");
}

static bool function_word(const ctx *c, size_t i)
{
    static const char *const words[] = {"the", "a", "an", "this", "that", "these", "in",
                                        "on", "at", "for", "by", "with", "from", "of", "and",
                                        "but", "or", "as", "to", "after", "before", "when",
                                        "while", "if", "since", "under", "his", "her", "its",
                                        "their", "our", "my", "your"};
    for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
        if (fold_is(c, i, words[k]))
            return true;
    return false;
}

/*
 * Can the word at k open a name "k of ...": a generic noun ("Order of", "Bank
 * of", "Friends of"), not a person ("Lynn Reaser of Barnett Banks") nor a role
 * ("Member of Parliament")?
 */
static bool of_head(const ctx *c, size_t k)
{
    uint32_t b = bits(c, k);
    return !(b & (LX_EV_TITLE | LX_EV_ROLE)) &&
           (b & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_WORD | LX_EV_COMMON));
}

/* First token of the name that ends with the head word at k. */
static size_t org_start(const ctx *c, size_t k)
{
    size_t s = k;
    while (s > 0 && !(c->tl->v[s].flags & LX_TF_SENT) && k - s < MAX_RUN + 4) {
        /* title words stand in names too: "Foreign Ministry", "Finance Committee" */
        if (org_word(c, s - 1) || (cap_word(c, s - 1) && (bits(c, s - 1) & LX_EV_TITLE))) {
            s--;
        } else if (s >= 2 && fold_is(c, s - 1, "-") && org_word(c, s - 2) &&
                   !(c->tl->v[s - 1].flags & LX_TF_SPACE) && !(c->tl->v[s].flags & LX_TF_SPACE)) {
            /* "Anti-Masonic Party", "Labor-Progressive Party" */
            s -= 2;
        } else if (s >= 2 && org_connector(c, s - 1) && org_word(c, s - 2) &&
                   !fold_is(c, s - 1, "the") && !(c->tl->v[s - 1].flags & LX_TF_SENT) &&
                   !(fold_is(c, s - 1, "of") && !of_head(c, s - 2)) &&
                   !((fold_is(c, s - 1, "and") || fold_is(c, s - 1, "&")) &&
                     (bits(c, s - 2) & (LX_EV_ORG_SUFFIX | LX_EV_PLACE)))) {
            /* "X Party and Y Alliance" are two names, "Labour and Social Party" one */
            s -= 2;
        } else {
            break;
        }
    }
    /* "The", "In", "For" heading the name are not part of it; other common
       words are ("Progressive Conservative Party") unless they open a sentence */
    while (s < k && (bits(c, s) & LX_EV_COMMON) && !(bits(c, s) & LX_EV_ORG_SUFFIX) &&
           (function_word(c, s) || (c->tl->v[s].flags & LX_TF_SENT)))
        s++;
    while (s < k && org_connector(c, s))
        s++;
    return s;
}

/* End (exclusive) of "of X", "for X", "in X" after a head word at k. */
static size_t org_tail(const ctx *c, size_t k)
{
    size_t e = k + 1;
    if (!(fold_is(c, e, "of") || fold_is(c, e, "for") || fold_is(c, e, "in")))
        return e;
    /* "Communist Party of the USA" */
    size_t skip = fold_is(c, e + 1, "the") && org_word(c, e + 2) ? 1 : 0;
    if (!org_word(c, e + 1 + skip))
        return e;
    e += 2 + skip;
    /* a country ends the name: "Liberal Party of Canada Member of Parliament" */
    if (bits(c, e - 1) & LX_EV_PLACE)
        return e;
    while (e < c->tl->n && e - k < MAX_RUN + 4) {
        if (org_word(c, e) && !(c->tl->v[e].flags & LX_TF_SENT))
            e++;
        else if (org_connector(c, e) && !fold_is(c, e, "the") && org_word(c, e + 1))
            e += 2;
        else
            break;
    }
    return e;
}

/*
 * Does a name found before the context rules (the first n0 candidates) start
 * at token s, or cross into the span s..e from before it?  "Amazon and Oracle
 * Corp." and "House and Senate" are two names; "Social Democratic and Labour
 * Party" holds a known name only at its end and is one.
 */
static bool known_head(const ctx *c, size_t n0, size_t s, size_t e)
{
    size_t a = c->base + c->tl->v[s].start, b = c->base + c->tl->v[e - 1].end;
    /* the trie proposes in token order: candidates are sorted by start */
    size_t lo = 0, hi = n0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->out->v[mid].start <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k-- > 0 && c->out->v[k].start + LX_MAX_ENTITY_BYTES >= a;) {
        const lx_cand *g = &c->out->v[k];
        if (g->end > a && g->end < b)
            return true;
    }
    return false;
}

/*
 * Organizations around head words: "Social Democratic and Labour Party",
 * "Progressive Conservative Party of Canada", "University of Texas",
 * "the Washington Post".  One candidate per head word; the resolver keeps
 * the longest where they overlap.
 */
static int org_heads(const ctx *c, size_t n0)
{
    for (size_t k = 0; k < c->tl->n; k++) {
        uint32_t b = bits(c, k);
        /* in a headline in capitals every word looks like a name */
        if (!(b & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_MEDIA_HEAD)) || !cap_word(c, k) ||
            ((c->tl->v[k].flags & LX_TF_ALLCAPS) && c->tl->v[k].end - c->tl->v[k].start > 1 &&
             !(b & LX_EV_DESIGNATOR)))
            continue;
        /* words before a head word belong to the name ("Fraternal Order of ...") */
        size_t s = org_start(c, k);
        size_t e = (b & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX)) ? org_tail(c, k) : k + 1;
        /* a head word alone is no name; a newspaper needs its title word; a
           country is no organization ("Soviet Union") */
        if (e - s < 2 || (!(b & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX)) && s == k) ||
            /* "Jim Courier" is a person; "the Courier" a newspaper */
            (!(b & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX)) && e - s == 2 &&
             (bits(c, s) & LX_EV_FIRSTNAME) && !(bits(c, s) & (LX_EV_COMMON | LX_EV_PLACE)) &&
             !fold_is(c, s - 1, "the")) ||
            ((bits(c, s) & LX_EV_PLACE_HEAD) && ends_in_place(c, s, e)))
            continue;
        /* "Barnett Banks Inc." keeps the period of its designator */
        if (e == k + 1 && (b & LX_EV_DESIGNATOR) && fold_is(c, e, ".") &&
            !(c->tl->v[e].flags & LX_TF_SPACE))
            e++;
        /* a name joined by "and" may be two names ("House and Senate", "Amazon
           and Oracle Corp."): it yields to a known name it overlaps */
        bool joined = false;
        for (size_t i = s; i < e && !joined; i++)
            joined = fold_is(c, i, "and");
        int rc = emit(c, s, e, "ORG", "context:org-head",
                      joined && known_head(c, n0, s, e) ? LX_PRIO_GAZETTEER - 5
                                                        : LX_PRIO_GAZETTEER);
        if (rc)
            return rc;
    }
    return 0;
}

/*
 * Start of the long form whose initials spell the acronym at token a
 * ("Confederation of British Industry (CBI)"), or SIZE_MAX.  Small words
 * between the initials ("of", "the", "and") may be skipped.
 */
static size_t long_form(const ctx *c, size_t a, size_t open)
{
    const lx_token *t = &c->tl->v[a];
    const char *letters = c->doc + c->base + t->start;
    size_t n = t->end - t->start, w = open, words = 0;
    while (n > 0 && w > 0) {
        w--;
        const lx_token *x = &c->tl->v[w];
        if (x->kind != LX_TOK_WORD) {
            /* "Farmers' Union", "Primorje-Gorski Kotar" */
            if (x->end - x->start == 1 && (fold_is(c, w, "'") || fold_is(c, w, "-")))
                continue;
            return SIZE_MAX;
        }
        char first = c->doc[c->base + x->start];
        if ((x->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) && first == letters[n - 1]) {
            n--;
            words++;
        } else if (!org_connector(c, w)) {
            return SIZE_MAX;
        }
    }
    return n == 0 && words >= 2 ? w : SIZE_MAX;
}

/*
 * A name in another language and its acronym ("Solidary Democracy (DemoS)",
 * "Centrists for Europe (CpE)"): a run of capitalized words, no person's and
 * no place, before a parenthesized word with two capitals or more.  Both
 * are organizations, on weaker evidence than initials that spell out.
 */
static int loose_acronym(const ctx *c, size_t open)
{
    const lx_token *a = &c->tl->v[open + 1];
    size_t caps = 0;
    for (size_t p = a->start; p < a->end; p++) {
        char ch = c->doc[c->base + p];
        if (ch >= 'A' && ch <= 'Z')
            caps++;
        else if (!(ch >= 'a' && ch <= 'z'))
            return 0;
    }
    if (caps < 2 || !(a->flags & LX_TF_CAP))
        return 0;
    size_t s = open, words = 0;
    while (s > 0 && !(c->tl->v[s].flags & LX_TF_SENT)) {
        if (org_word(c, s - 1))
            words++;
        else if (!org_connector(c, s - 1) || fold_is(c, s - 1, "the"))
            break;
        s--;
    }
    while (s < open && (org_connector(c, s) || function_word(c, s)))
        s++;
    uint32_t b0 = bits(c, s);
    if (words < 2 || s == open || !org_word(c, s) || ends_in_place(c, s, open) ||
        (b0 & (LX_EV_TITLE | LX_EV_ROLE)) ||
        ((b0 & LX_EV_FIRSTNAME) && !(b0 & (LX_EV_COMMON | LX_EV_WORD))) ||
        (all_words(c, s, open) && !(bits(c, open - 1) & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX))))
        return 0;
    int rc = emit(c, s, open, "ORG", "context:acronym", LX_PRIO_CONTEXT);
    return rc ? rc : emit(c, open + 1, open + 2, "ORG", "context:acronym", LX_PRIO_CONTEXT);
}

/*
 * Acronym definitions: "Confederation of British Industry (CBI)" names an
 * organization when its words are no mere phrase ("Gross Domestic Product
 * (GDP)") and no place.  The document pass then links every later "CBI".
 */
static int acronym_defs(const ctx *c)
{
    for (size_t k = 1; k + 2 < c->tl->n; k++) {
        const lx_token *a = &c->tl->v[k + 1];
        if (!fold_is(c, k, "(") || !fold_is(c, k + 2, ")") || a->kind != LX_TOK_WORD ||
            a->end - a->start < 2 || a->end - a->start > 8)
            continue;
        if (!(a->flags & LX_TF_ALLCAPS)) {
            int rc = loose_acronym(c, k);
            if (rc)
                return rc;
            continue;
        }
        size_t s = long_form(c, k + 1, k);
        if (s == SIZE_MAX) {
            int rc = loose_acronym(c, k);
            if (rc)
                return rc;
            continue;
        }
        /* "Member of Parliament (MP)" is a role */
        if (ends_in_place(c, s, k) || (bits(c, s) & (LX_EV_TITLE | LX_EV_ROLE)) ||
            (all_words(c, s, k) && !(bits(c, k - 1) & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX))))
            continue;
        int rc = emit(c, s, k, "ORG", "context:acronym", LX_PRIO_GAZETTEER);
        if (rc)
            return rc;
    }
    return 0;
}

int lx_context_scan(const struct lextag_model *m, const char *doc, size_t base,
                    const lx_toklist *tl, lx_candvec *out)
{
    ctx c = {m, doc, base, tl, out};
    int rc0 = org_heads(&c, out->n);
    if (!rc0)
        rc0 = acronym_defs(&c);
    if (rc0)
        return rc0;
    for (size_t i = 0; i < tl->n;) {
        if (!name_token(&c, i)) {
            i++;
            continue;
        }
        size_t j = run_end(&c, i);
        /* a place heading the run is no part of a name: "New York City
           Comptroller Bill Thompson", "San Luis Obispo" */
        size_t h = i > 0 && !(tl->v[i].flags & LX_TF_SENT) && cap_word(&c, i - 1) ? i - 1 : i;
        if (bits(&c, h) & LX_EV_PLACE_HEAD) {
            for (size_t k = h + 3 < j ? h + 3 : j - 1; k >= i && k > h; k--)
                if (bits(&c, k) & LX_EV_PLACE_TAIL) {
                    i = k + 1;
                    break;
                }
            if (i >= j) {
                i = j;
                continue;
            }
        }
        bool byline = false;
        /* sentence-initial or function words heading the run are not names */
        while (i < j && (bits(&c, i) & LX_EV_COMMON) && !initial_at(&c, i) &&
               (!(bits(&c, i) & LX_EV_FIRSTNAME) ||
                ((tl->v[i].flags & LX_TF_SENT) &&
                 (auxiliary(&c, i) || !(bits(&c, i + 1) & LX_EV_SURNAME))))) {
            byline |= fold_is(&c, i, "by");
            i++;
        }
        if (i == j || !name_token(&c, i)) {
            i = j;
            continue;
        }
        bool done;
        int rc = org_evidence(&c, i, j, &done);
        if (!rc && !done)
            rc = person_evidence(&c, i, j, byline);
        if (rc)
            return rc;
        i = j;
    }
    return 0;
}
