/* SPDX-License-Identifier: MIT */
/*
 * The spans of a decoded region (see spans.h).  The helpers lx_spans_of()
 * asks of every region and of most spans are here with it, inlined into its
 * loop: in a file of their own, a call each would cost more than their
 * tests.  Those the compiler would leave out of line all the same,
 * weighing the function's size, are marked always_inline.
 */
#include "spans.h"

#include "classes.h"
#include "cues.h"
#include "dateline.h"
#include "evidence.h"
#include "joined.h"
#include "narrow.h"
#include "near.h"
#include "party.h"
#include "phrase.h"
#include "templates.h"
#include "titled.h"

/*
 * An organization right before a title of office ("Information Minister",
 * "EU Trade Commissioner") loses the capitalized common words at its end,
 * and the "and" between them: they name the office's remit.  A name with
 * "of" or "for" in it ("Department of Health and Human Services") is the
 * organization's full name and stays whole, as does a word that heads
 * organizations ("Army Secretary").  A list's party named with a common
 * word ("Justice") goes too: before a title it is the remit.
 */
static void drop_portfolio(const lx_learn_lane *L, const lx_fctx *c, size_t base, size_t a,
                           size_t *b)
{
    const lx_toklist *tl = c->tl;
    if (*b >= tl->n || !(tl->v[*b].flags & LX_TF_SPACE) ||
        !lx_phrase_written_as(c, *b, &L->portfolio_titles))
        return;
    /* a list's name of two words or more is whole ("Amnesty International
       Secretary General") */
    if (*b - a >= 2 && lx_near_entry(L, base + tl->v[a].start, base + tl->v[*b - 1].end, "ORG"))
        return;
    for (size_t k = a; k < *b; k++)
        if (lx_tok_is(tl, k, "of") || lx_tok_is(tl, k, "for"))
            return;
    size_t e = *b;
    while (e > a) {
        const lx_token *t = &tl->v[e - 1];
        bool remit = t->kind == LX_TOK_WORD && (t->flags & LX_TF_CAP) &&
                     (t->bits & (LX_EV_WORD | LX_EV_COMMON)) &&
                     !(t->bits & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_MEDIA_HEAD));
        /* "Health and Human Services": the "and" goes with the words before it */
        bool joining = e - 1 > a && e < *b && lx_phrase_conjunction(tl, e - 1);
        if (!remit && !joining)
            break;
        e--;
    }
    /* a joining word is never left at the end */
    while (e > a && lx_phrase_conjunction(tl, e - 1))
        e--;
    *b = e;
}

/* Is token k an arithmetic operator: "+", "=", "<", ">", or a sign of
   Unicode's ("×", "÷", "−", "≤", "≥"); "/" and "*" only before a
   parenthesis ("AC/DC" is a name, "PAVN / VC" two)? */
static bool operator_at(const lx_fctx *c, size_t k)
{
    static const char *const signs[] = {"+", "=", "<", ">", "\xc3\x97", "\xc3\xb7",
                                        "\xe2\x88\x92", "\xe2\x89\xa4", "\xe2\x89\xa5", NULL};
    static const char *const dividing[] = {"/", "*", NULL};
    const lx_toklist *tl = c->tl;
    if (k >= tl->n || (tl->v[k].kind != LX_TOK_PUNCT && tl->v[k].kind != LX_TOK_SYMBOL))
        return false;
    return lx_tok_in(tl, k, signs) || (lx_tok_in(tl, k, dividing) && lx_tok_is(tl, k + 1, "("));
}

/*
 * Is the capitalized word [a, a + 1) a variable of a formula, with an
 * operator before or after it, across a parenthesis ("TP / (TP + FP)")?
 */
static bool in_formula(const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    const lx_token *t = &tl->v[a];
    if (b != a + 1 || !(t->flags & LX_TF_ALLCAPS) || t->end - t->start > 5)
        return false;
    size_t p = a, n = b;
    while (p > 0 && lx_tok_is(tl, p - 1, "("))
        p--;
    while (n < tl->n && lx_tok_is(tl, n, ")"))
        n++;
    return (p > 0 && operator_at(c, p - 1)) || operator_at(c, n);
}

/*
 * Is token k a lowercase word a name before it modifies ("the ABC News
 * poll"), rather than a verb or a function word ("The Daily Ledger
 * reports", "... said")?
 */
static bool modified_noun(const lx_toklist *tl, size_t k)
{
    if (k >= tl->n || tl->v[k].kind != LX_TOK_WORD || !(tl->v[k].flags & LX_TF_LOWER))
        return false;
    return !(tl->v[k].bits & (LX_EV_GRAMMAR | LX_EV_SPEECH | LX_EV_ACTION_VERB |
                              LX_EV_PERSON_VERB));
}

/*
 * lx_party_tag(), asked only where the token before the name opens with
 * the byte of one of the marks it looks for there (a comma, a
 * parenthesis, the hyphen of "(R-Ky.)"): most names have a word before
 * them, and the call is saved.
 */
static inline bool party_tag(const lx_toklist *tl, const char *text, size_t a, size_t b)
{
    if (a == 0 || a > tl->n)
        return false;
    char f = lx_tok_fold(tl, &tl->v[a - 1])[0];
    return (f == ',' || f == '(' || f == '-') && lx_party_tag(tl, text, a, b);
}

/*
 * Is [a, b) the place of a dateline, or its region ("MILAN 1996-08-30",
 * "CUPERTINO, Calif. -")?  Not when a list knows it as the name the layer
 * read ("UNITED NATIONS 1996-08-30").  A dateline's region follows its city
 * within a few tokens of the line's start.  A dateline is capitalized words
 * and commas: a lowercase word between the line's start and the name (in
 * running text, most often the word right before it) says it is none.
 */
static bool dateline_place(const lx_learn_lane *L, const lx_fctx *c, size_t base, int cls,
                           size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    size_t line = a;
    while (line > 0 && a - line < 8 && !(tl->v[line].flags & (LX_TF_NEWLINE | LX_TF_LOWER)))
        line--;
    if (line > 0 && !(tl->v[line].flags & LX_TF_NEWLINE))
        return false;
    return lx_dateline_place(tl, line) >= b &&
           !lx_near_entry(L, base + tl->v[a].start, base + tl->v[b - 1].end,
                          lx_learn_class_type(cls));
}

/*
 * Does the organization's name [a, b) hold a gathering "on" a subject, an
 * event ("Conference on Disarmament", "the annual Conference on Neural
 * Information Processing Systems", which the layer may cut short at
 * "Conference")?  Not when a list knows the name.
 */
static inline __attribute__((always_inline)) bool gathering_on(
    const lx_learn_lane *L, const lx_fctx *c, size_t base, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    for (size_t k = a; k < b; k++)
        if (lx_tok_is(tl, k + 1, "on") && lx_phrase_written_as(c, k, &L->gatherings))
            return !lx_near_entry(L, base + tl->v[a].start, base + tl->v[b - 1].end, "ORG");
    return false;
}

/*
 * The first token of a place's prefix ("Mount", "St.", "Fort") written
 * right before token a, on its line, or a when there is none.  An
 * organization named for a place keeps the place whole: "Mount Palomar
 * Observatory", "Saint Petersburg University", "St. Louis University".
 */
static size_t place_prefix_before(const lx_toklist *tl, size_t a)
{
    static const char *const prefixes[] = {"mount", "mt", "saint", "st", "fort", "ft", "port",
                                           "lake", "cape", "san", "santa", "los", "las", NULL};
    size_t k = lx_phrase_word_before(tl, a);
    if (k == SIZE_MAX || (tl->v[a].flags & LX_TF_NEWLINE) || !(tl->v[a].flags & LX_TF_SPACE))
        return a;
    const lx_token *t = &tl->v[k];
    if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP) || (t->flags & LX_TF_ALLCAPS) ||
        !lx_tok_in(tl, k, prefixes))
        return a;
    return k;
}

/* A letter's greetings (see after_title()). */
const char *const lx_spans_greetings[] = {"dear", "dearest", "hi", "hello", "hey", NULL};

/*
 * The start of the person's name [a, b) past a courtesy title that opens it
 * ("the Senator from South Dakota, Mr. Thune"): annotation leaves "Mr."
 * out.  (Encyclopedic annotation keeps "Dr." in: "Dr. John Dee".)  So it
 * does a bishop's, a cardinal's or a patriarch's title, in the train and
 * dev text every time ("Cardinal Humbert", "Archbishop Desmond Tutu"; a
 * pope's it keeps).  A letter's greeting before them is no part of the
 * name either ("Dear Ms. Okafor", "Hi Maria").
 */
static inline __attribute__((always_inline)) size_t after_title(
    const lx_learn_lane *L, const lx_toklist *tl, size_t a, size_t b)
{
    static const char *const clergy[] = {"bishop", "archbishop", "cardinal", "patriarch", NULL};
    /* most names open with two capitalized words: the greetings by hash */
    if (a + 1 < b && (tl->v[a].flags & LX_TF_CAP) && (tl->v[a + 1].flags & LX_TF_CAP) &&
        lx_wordset_has_folded(&L->greetings, tl, a))
        a++;
    if (a + 2 < b && lx_courtesy_title(tl, a) && lx_tok_is(tl, a + 1, ".") &&
        tl->v[a].end == tl->v[a + 1].start)
        return a + 2;
    if (a + 1 < b && (tl->v[a].flags & LX_TF_CAP) && (tl->v[a].bits & LX_EV_TITLE) &&
        (tl->v[a + 1].flags & LX_TF_CAP) && lx_tok_in(tl, a, clergy))
        return a + 1;
    return a;
}

/*
 * The end of the person's name [a, b) of region r, widened where the model
 * stopped short: over name particles the model left out and the
 * capitalized words after them, whatever it read them as ("Pedro Calderón
 * de la Barca", "Rogier van der Weyden").  (A suffix's period stays out:
 * news annotation leaves it out of "John Hinckley Jr.", encyclopedic
 * annotation keeps it in.)
 */
static size_t person_end(const lx_learn_lane *L, const lx_fctx *c, size_t r, size_t b)
{
    const lx_toklist *tl = c->tl;
    size_t s = c->sc->reg[r].s, e = c->sc->reg[r].e;
    size_t k = b;
    while (k < tl->n && k < b + 2 && tl->v[k].kind == LX_TOK_WORD &&
           (tl->v[k].flags & LX_TF_LOWER) && (tl->v[k].bits & LX_EV_PARTICLE) &&
           (tl->v[k].flags & LX_TF_SPACE) && !(tl->v[k].flags & LX_TF_NEWLINE))
        k++;
    size_t j = k;
    while (k > b && j < tl->n && tl->v[j].kind == LX_TOK_WORD && (tl->v[j].flags & LX_TF_CAP) &&
           !(tl->v[j].flags & (LX_TF_ALLCAPS | LX_TF_SENT | LX_TF_NEWLINE)) &&
           (tl->v[j].flags & LX_TF_SPACE))
        j++;
    if (k == b || j == k)
        return b;
    for (size_t i = b; i < k && i < e; i++)
        if (L->lab[i - s] != LX_L_O)
            return b;
    return j;
}

/*
 * "Anti-Masonic Party", "Austro-Hungarian Army": a capitalized word the
 * model left out, written onto an organization's first word by a hyphen,
 * opens the name.  (A word in capitals is a headline's topic: "FOOTBALL-RANDALL
 * CUNNINGHAM".)  Returns the span's new first token, in region r.
 */
static size_t hyphen_prefix(const lx_learn_lane *L, const lx_fctx *c, size_t r, size_t a)
{
    const lx_toklist *tl = c->tl;
    size_t s = c->sc->reg[r].s;
    while (a >= s + 2 && !(tl->v[a].flags & LX_TF_SPACE) && lx_tok_is(tl, a - 1, "-") &&
           !(tl->v[a - 1].flags & LX_TF_SPACE) && tl->v[a - 2].kind == LX_TOK_WORD &&
           (tl->v[a - 2].flags & LX_TF_CAP) && !(tl->v[a - 2].flags & LX_TF_ALLCAPS) &&
           L->lab[a - 1 - s] == LX_L_O &&
           L->lab[a - 2 - s] == LX_L_O)
        a -= 2;
    return a;
}

/*
 * The first word of a place of several words that the organization's name
 * [a, b) of the region starting at s ends inside, "West Yorkshire Police"
 * read from "Yorkshire", "New South Wales Police" from "South"; or a.
 */
static size_t place_opening_before(const lx_fctx *c, size_t s, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    for (size_t k = a; k-- > s && a - k <= 3;) {
        const lx_token *t = &tl->v[k];
        if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP) ||
            (tl->v[k + 1].flags & LX_TF_NEWLINE) || !(tl->v[k + 1].flags & LX_TF_SPACE))
            return a;
        for (size_t j = a + 1; j < b && j - k <= 6; j++)
            if (lx_evidence_place_words(c->m, tl, k, j))
                return k;
    }
    return a;
}

/* The prepositions a name may be the object of (see object_of_preposition()). */
const char *const lx_spans_prepositions[] = {"of", "for", "by", "with", "from", "in", "on",
                                             "at", "to", "under", "as", "near", NULL};

/*
 * Does a preposition come right before token a ("the party of X", "founded
 * by X")?  A definition after the name is then one of the phrase it ends.
 */
static bool object_of_preposition(const lx_learn_lane *L, const lx_toklist *tl, size_t a)
{
    return a > 0 && lx_wordset_has_folded(&L->prepositions, tl, a - 1);
}

/*
 * Emits the span [a, b) that a definition typed, and remembers it for
 * lx_retype_as_defined() if it was emitted (lx_learn_emit() leaves out one
 * too long).
 */
static int emit_defined(lx_learn_lane *L, const lx_fctx *c, size_t base,
                        const lx_candvec *cands, size_t r, int cls, size_t a, size_t b,
                        bool explain, lx_arena *arena)
{
    size_t before = L->spans.n;
    int rc = lx_learn_emit(L, c, base, cands, r, cls, a, b, explain, arena);
    if (!rc && L->spans.n > before && L->n_defined < LX_DEFINED_MAX)
        L->defined[L->n_defined++] = (uint32_t) (L->spans.n - 1);
    return rc;
}

/* Does token a open its sentence, alone or after a "The"?  (Flags first,
   and inline: asked of many tokens, most of them answered by a flag.) */
static inline bool opens_sentence(const lx_toklist *tl, size_t a)
{
    return a == 0 || (tl->v[a].flags & LX_TF_SENT) ||
           ((a == 1 || (tl->v[a - 1].flags & LX_TF_SENT)) && lx_tok_is(tl, a - 1, "the"));
}

/*
 * The kind (LX_C_ORG or LX_C_PER) an apposition right after the name [a, b)
 * gives it, read as a place's or a thing's: "Alabama, a country band", "The
 * Sonics, a garage rock band from Tacoma"; LX_C_NONE when there is none.
 * The name opens its sentence or follows a lowercase word that is no
 * preposition (after one, the apposition is the phrase's: "the League in
 * Palestine, an organization"), and no list knows it as a country
 * ("Georgia, a former Soviet republic").
 */
static int defined_in_apposition(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    size_t unused;
    if (b >= tl->n || !lx_tok_is(tl, b, ",") ||
        !(opens_sentence(tl, a) ||
          (a > 0 && (tl->v[a - 1].flags & LX_TF_LOWER) && !object_of_preposition(L, tl, a))))
        return LX_C_NONE;
    for (size_t k = a; k < b; k++)
        if (tl->v[k].bits & (LX_EV_COUNTRY | LX_EV_NATIONALITY))
            return LX_C_NONE;
    return lx_classes_defined(L, c, b, &unused);
}

/*
 * Is token k the stop that ends a sentence after a word ("for The Guardian.
 * Her novel", "the RAND Corporation." at the end)?  It is no part of the
 * name before it.  The stop of a suffix or a designator cut short that
 * ends a sentence ("Vance Jr.", "Acme Co.") is theirs ("Corporation." has
 * none), and an initial has none of its own.
 */
static bool sentence_stop(const lx_fctx *c, size_t k)
{
    const lx_toklist *tl = c->tl;
    if (k == 0 || !lx_tok_is(tl, k, ".") || (k + 1 < tl->n && !(tl->v[k + 1].flags & LX_TF_SENT)))
        return false;
    const lx_token *w = &tl->v[k - 1];
    if (w->end != tl->v[k].start)
        return false;
    /* a regnal numeral has no stop of its own ("for Pope Paul III.") */
    return (w->fold_len >= 3 &&
            (!(w->bits & (LX_EV_SUFFIX | LX_EV_DESIGNATOR)) || w->fold_len > 4)) ||
           lx_phrase_only_letters_of(c, w, "IVX");
}

/*
 * The end of the name of class cls that opens at token i of the region
 * [s, e): the tokens after it labelled inside that class, up to the next
 * sentence, which opens a name of its own.
 */
static inline size_t label_run_end(const lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e,
                            size_t i, int cls)
{
    size_t j = i + 1;
    while (j < e && lx_label_inside(L->lab[j - s]) && lx_label_class(L->lab[j - s]) == cls &&
           !lx_phrase_opens_sentence_at(c->tl, j))
        j++;
    return j;
}

/* The first token of the name of the region [s, ...) that token k is
   labelled in: back over the tokens labelled inside a name. */
static size_t label_run_start(const lx_learn_lane *L, size_t s, size_t k)
{
    while (k > s && lx_label_inside(L->lab[k - s]))
        k--;
    return k;
}

/* Labels the tokens [a, b) of the region [s, ...) one name of class cls. */
static void label_run(lx_learn_lane *L, size_t s, size_t a, size_t b, int cls)
{
    int begin = cls == LX_C_PER ? LX_L_BPER : LX_L_BORG;
    L->lab[a - s] = (uint8_t) begin;
    for (size_t j = a + 1; j < b; j++)
        L->lab[j - s] = (uint8_t) (begin + 1);
}

/* Is token k a quotation mark that opens a quotation: a space (or the
   text's start) before it and none after it? */
static bool opening_quote(const lx_toklist *tl, size_t k)
{
    return k + 1 < tl->n && lx_phrase_quote_mark(tl, k, true) &&
           (k == 0 || (tl->v[k].flags & LX_TF_SPACE)) && !(tl->v[k + 1].flags & LX_TF_SPACE);
}

/*
 * A nickname in quotation marks between a person's names, "Hector
 * \"Macho\" Camacho", "Roberto \"Hands of Stone\" Duran": the model reads
 * the names on either side as names of their own, or one of them with a
 * quotation mark.  When the word before the opening mark is read as a
 * person's (or is a first name, and the nickname or the word after is read
 * as a person's, or that word is a surname) and a capitalized word follows
 * the closing one, all of it is one person's name, marks and nickname
 * included (news annotation writes it so).
 */
static void join_nicknames(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    for (size_t i = s; i + 3 < e; i++) {
        if (!(tl->v[i].flags & LX_TF_CAP) || !opening_quote(tl, i + 1))
            continue;
        /* the name before is read as a person's, or is a first name with a
           nickname or a surname read as a person's after it */
        bool per = lx_label_class(L->lab[i - s]) == LX_C_PER;
        if (!per && !(tl->v[i].bits & LX_EV_FIRSTNAME))
            continue;
        size_t q = i + 2;
        while (q < e && q < i + 7 && !lx_phrase_quote_mark(tl, q, false) &&
               !(tl->v[q].flags & (LX_TF_NEWLINE | LX_TF_SENT)))
            q++;
        if (q + 1 >= e || !lx_phrase_quote_mark(tl, q, false) || (tl->v[q].flags & LX_TF_SPACE) ||
            !(tl->v[q + 1].flags & LX_TF_SPACE) || !(tl->v[q + 1].flags & LX_TF_CAP) ||
            !(tl->v[i + 2].flags & LX_TF_CAP))
            continue;
        if (!per && lx_label_class(L->lab[i + 2 - s]) != LX_C_PER &&
            lx_label_class(L->lab[q + 1 - s]) != LX_C_PER && !(tl->v[q + 1].bits & LX_EV_SURNAME))
            continue;
        if (!per)
            L->lab[i - s] = LX_L_BPER;
        size_t k = i + 1;
        for (; k <= q + 1; k++)
            L->lab[k - s] = LX_L_IPER;
        for (; k < e && lx_label_inside(L->lab[k - s]) && !(tl->v[k].flags & LX_TF_SENT); k++)
            L->lab[k - s] = LX_L_IPER;
        i = q;
    }
}

/* Is label l none, or a thing's name (MISC)? */
static bool none_or_misc(int l)
{
    return !l || lx_label_class(l) == LX_C_MISC;
}

/* Is token k an initial: one capital, its stop right after it ("S.")? */
static inline bool initial_at(const lx_toklist *tl, size_t k)
{
    const lx_token *t = &tl->v[k];
    return t->kind == LX_TOK_WORD && t->end - t->start == 1 && (t->flags & LX_TF_CAP) &&
           lx_tok_is(tl, k + 1, ".") && tl->v[k + 1].start == t->end;
}

/* Is token k an initial, and the word after it a surname a list knows,
   lowercase words or the region's end after it? */
static bool surname_after_initial(const lx_fctx *c, size_t k, size_t e)
{
    const lx_toklist *tl = c->tl;
    const lx_token *sur = &tl->v[k + 2];
    return initial_at(tl, k) && sur->kind == LX_TOK_WORD &&
           (sur->bits & LX_EV_SURNAME) && !(sur->bits & LX_EV_FUNCTION) &&
           !(sur->flags & LX_TF_ALLCAPS) &&
           (k + 3 >= e || !(tl->v[k + 3].flags & (LX_TF_CAP | LX_TF_ALLCAPS)));
}

/*
 * A name with a middle initial inside an organization's, "IBM Thomas J.
 * Watson Research Center", "Lyndon B. Johnson Space Center": the model
 * reads the words before the initial's period and those after it as two
 * names.  When the initial (one capital, its period right after it) ends a
 * person's or an organization's name and a capitalized word after it opens
 * one, they are one name, of the class of the part after the initial (its
 * head word decides).
 */
static void join_initials(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    for (size_t k = s; k + 2 < e; k++) {
        /* a person's given name, then an initial and a surname that is
           also a common word, read as none or as a thing's name ("John S.
           Hall has"): the initial vouches for the surname, unless a
           capitalized word after it goes on the name ("John W. Campbell
           Memorial Award") */
        if (k > s && lx_label_class(L->lab[k - 1 - s]) == LX_C_PER &&
            none_or_misc(L->lab[k - s]) && none_or_misc(L->lab[k + 2 - s]) &&
            surname_after_initial(c, k, e)) {
            label_run(L, s, label_run_start(L, s, k - 1), k + 3, LX_C_PER);
            continue;
        }
        int before = lx_label_class(L->lab[k - s]), after = lx_label_class(L->lab[k + 2 - s]);
        /* before an organization's head, the words before the initial
           need not have been read as a name ("the Thomas J. Watson
           Research Center") */
        if ((before != LX_C_PER && before != LX_C_ORG && after != LX_C_ORG) ||
            (after != LX_C_PER && after != LX_C_ORG) || lx_label_inside(L->lab[k + 2 - s]) ||
            !initial_at(tl, k) || !(tl->v[k + 2].flags & LX_TF_SPACE) || !(tl->v[k + 2].flags & LX_TF_CAP) ||
            (tl->v[k + 2].flags & (LX_TF_SENT | LX_TF_NEWLINE)))
            continue;
        size_t a = k;
        if (before == LX_C_PER || before == LX_C_ORG)
            a = label_run_start(L, s, k);
        else
            while (a > s && !(tl->v[a].flags & LX_TF_SENT) && tl->v[a - 1].kind == LX_TOK_WORD &&
                   (tl->v[a - 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS)))
                a--;
        label_run(L, s, a, k + 3, after);
    }
}

/*
 * A given name, a middle initial and a surname no list knows, "Edsger W.
 * Dijkstra", "Homi J. Bhabha": the model may read it, whole or from the
 * initial on, as a name of no person's kind (MISC), and the given name
 * alone as a place's, for want of a known first name.  The shape is a
 * person's.  It stays MISC where a word after the
 * surname goes on the name ("John W. Campbell Memorial Award"), and where a
 * word before the initial is a common or function word ("War I. This").
 */
static void initialed_names(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    const uint32_t no_name = LX_EV_FUNCTION | LX_EV_COMMON | LX_EV_WORD;
    for (size_t k = s + 1; k + 2 < e; k++) {
        const lx_token *sur = &tl->v[k + 2];
        if (!initial_at(tl, k) || sur->kind != LX_TOK_WORD || !(sur->flags & LX_TF_SPACE) ||
            (sur->flags & (LX_TF_ALLCAPS | LX_TF_SENT | LX_TF_NEWLINE)) ||
            !(sur->flags & LX_TF_CAP) || ((sur->bits & no_name) && !(sur->bits & LX_EV_SURNAME)) ||
            (k + 3 < e && lx_label_inside(L->lab[k + 3 - s])))
            continue;
        size_t a = k;
        while (a > s && !(tl->v[a].flags & LX_TF_SENT) && tl->v[a - 1].kind == LX_TOK_WORD &&
               (tl->v[a - 1].flags & LX_TF_CAP) && !(tl->v[a - 1].flags & LX_TF_ALLCAPS) &&
               (!(tl->v[a - 1].bits & no_name) || (tl->v[a - 1].bits & LX_EV_FIRSTNAME)))
            a--;
        /* a given name read as a place no list knows ("Homi" LOC, "J.
           Bhabha" MISC) */
        bool misc = false, other = false;
        for (size_t j = a; j < k + 3; j++) {
            int cls = lx_label_class(L->lab[j - s]);
            misc = misc || cls == LX_C_MISC;
            other = other || (cls && cls != LX_C_MISC &&
                              !(cls == LX_C_LOC && j < k && !lx_label_inside(L->lab[j - s]) &&
                                !(tl->v[j].bits & (LX_EV_PLACE | LX_EV_COUNTRY))));
        }
        /* or the whole name read as a place's, where the given name is no
           place's ("Tobias S. Hall" after a headline): a place takes no
           middle initial */
        bool placed = a + 1 == k && (tl->v[a].bits & LX_EV_FIRSTNAME) &&
                      !(tl->v[a].bits & (LX_EV_PLACE | LX_EV_COUNTRY | LX_EV_NATIONALITY)) &&
                      L->lab[a - s] == LX_L_BLOC && L->lab[k - s] == LX_L_ILOC &&
                      L->lab[k + 2 - s] == LX_L_ILOC && surname_after_initial(c, k, e);
        if (a == k || (!misc && !placed) || (other && !placed) ||
            (a > s && lx_label_inside(L->lab[a - s])))
            continue;
        label_run(L, s, a, k + 3, LX_C_PER);
    }
}

/*
 * Is the name [a, b) of the region [s, e), which the model read as one of
 * no person's kind (MISC), a person's name in shape (see
 * lx_phrase_person_words()), joined by "and" or a comma to a name read as
 * a person's: "Gerd Binnig and Heinrich Rohrer", "Françoise Barré-Sinoussi
 * and Luc Montagnier"?  Names from languages the training text seldom
 * holds read so.  Without the person beside it the name may be a work's
 * ("Oliver Twist, Nicholas Nickleby").
 */
static bool person_shaped(const lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e,
                          size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    bool person_after = b + 1 < e && L->lab[b + 1 - s] == LX_L_BPER &&
                        (lx_tok_is(tl, b, "and") || lx_tok_is(tl, b, ","));
    bool person_before = a >= s + 2 && lx_label_class(L->lab[a - 2 - s]) == LX_C_PER &&
                         (lx_tok_is(tl, a - 1, "and") || lx_tok_is(tl, a - 1, ","));
    return (person_after || person_before) && lx_phrase_person_words(c, a, b);
}

/*
 * Is the name [a, b), read as of no person's kind (MISC), a nationality
 * and a person's name after it: "Ethiopian Tigist Alemu", "Kenyan Faith
 * Chepngetich" (short texts read the whole as one MISC name)?  The
 * person's name then starts one word on.
 */
static bool nationality_before_person(const lx_fctx *c, size_t a, size_t b)
{
    const lx_token *t = &c->tl->v[a];
    /* a body's head word ends no person's name here, though it be a
       surname too ("the Norwegian Computing Center") */
    return t->kind == LX_TOK_WORD && (t->bits & LX_EV_NATIONALITY) &&
           !(t->bits & LX_EV_FIRSTNAME) &&
           !(c->tl->v[b - 1].bits & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX)) &&
           lx_phrase_person_words(c, a + 1, b);
}

/*
 * Is the name [a, b) a given name the lists know as nothing else and a
 * surname, before a verb only people do: one the lists know as a speech
 * verb or a person's ("said", "resigned", "married") or a player's ("hit",
 * "scored")?  "Aaron Judge hit two home runs", read as a thing's.
 */
static bool person_acts(const lx_toklist *tl, size_t a, size_t b)
{
    static const char *const plays[] = {"hit", "hits", "scored", "scores", "pitched",
                                        "homered", NULL};
    const uint32_t other = LX_EV_PLACE | LX_EV_COUNTRY | LX_EV_NATIONALITY | LX_EV_TITLE |
                           LX_EV_COMMON | LX_EV_WORD | LX_EV_NOT_NAME;
    if (b != a + 2 || b >= tl->n || !(tl->v[b].flags & LX_TF_LOWER) ||
        !(tl->v[a].bits & LX_EV_FIRSTNAME) || (tl->v[a].bits & other) ||
        !(tl->v[a + 1].bits & LX_EV_SURNAME))
        return false;
    return (tl->v[b].bits & (LX_EV_SPEECH | LX_EV_PERSON_VERB)) || lx_tok_in(tl, b, plays);
}

/*
 * Does the name [a, b) stand where a work's author does: after a plural
 * noun of works and "of" ("the fairy tales of Hans Christian Andersen",
 * "the poems of Edward Lear"), or between "the" and a work's noun ("the
 * Johnny Cash classic Ring of Fire", "a Stephen King novel")?
 */
static bool author_of_works(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    static const char *const works[] = {"tales", "stories", "works", "writings", "plays",
                                        "poems", "novels", "songs", "essays", "letters", NULL};
    static const char *const pieces[] = {"classic", "classics", "hit", "hits", "novel", "song",
                                         "play", "poem", "story", "film", "album", NULL};
    const lx_toklist *tl = c->tl;
    if (a > 1 && lx_tok_is(tl, a - 1, "of") && (tl->v[a - 2].flags & LX_TF_LOWER) &&
        (lx_tok_in(tl, a - 2, works) ||
         (lx_phrase_plural(tl, a - 2) && lx_phrase_written_as(c, a - 2, &L->work_nouns))))
        return true;
    return a > 0 && b < tl->n && (tl->v[b].flags & LX_TF_LOWER) && lx_tok_in(tl, b, pieces) &&
           (lx_tok_is(tl, a - 1, "the") || lx_tok_is(tl, a - 1, "a"));
}

/*
 * Is the name [a, b), read as of no person's kind (MISC), a person's
 * name that a kind of person introduces: "the Danish thinker Søren
 * Kierkegaard", "spinner Nonkululeko Mthembu", or the maker of a firm or
 * a work: "founded by Kiichiro Toyoda"?
 */
static bool introduced_person(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    /* what a person does to a firm or a work ("founded by Kiichiro Toyoda") */
    static const char *const made[] = {"founded", "co-founded", "invented", "written",
                                       "directed", "composed", "painted", NULL};
    const lx_toklist *tl = c->tl;
    return ((a > 0 && (tl->v[a - 1].flags & LX_TF_LOWER) &&
             ((tl->v[a - 1].bits & LX_EV_ROLE) ||
              lx_phrase_written_as(c, a - 1, &L->person_kinds) ||
              (a > 1 && lx_tok_is(tl, a - 1, "by") && lx_tok_in(tl, a - 2, made)) ||
              author_of_works(L, c, a, b))) ||
            person_acts(tl, a, b)) &&
           lx_phrase_person_words(c, a, b);
}

/*
 * Where a person's name starts in the name [a, b) of the region [s, e)
 * that the model read as of no person's kind (MISC), or SIZE_MAX when it
 * holds none: at a, when it is shaped as a person's beside one read so or
 * a kind of person introduces it; one word on after a people's word
 * ("Ethiopian Tigist Alemu").  Kept out of lx_spans_of()'s loop: few
 * names are MISC.
 */
__attribute__((noinline)) static size_t misc_person_start(const lx_learn_lane *L,
                                                          const lx_fctx *c, size_t s, size_t e,
                                                          size_t a, size_t b)
{
    if (person_shaped(L, c, s, e, a, b) || introduced_person(L, c, a, b))
        return a;
    return nationality_before_person(c, a, b) ? a + 1 : SIZE_MAX;
}

/*
 * A given name no list knows, read as no name's, right before a person's
 * name the model read without it: "Terje Roed-Larsen said", "Bermet
 * Akayeva".
 * The word has no evidence at all (no English word, no place, no title)
 * nor an English word's ending, is capitalized and not in capitals, and no
 * source proposed it (a rule that did may have taken a role for a name:
 * "Specialist Charles Graner", "Comedian Eddie Griffin").
 */
static void unknown_given_names(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    /* an English word's endings: "Regrettably Jimmy", "Bumping Agassi" */
    static const char *const word_endings[] = {"ly", "ing", "ed", NULL};
    const lx_toklist *tl = c->tl;
    for (size_t k = s; k + 1 < e; k++) {
        const lx_token *t = &tl->v[k];
        if (L->lab[k - s] != LX_L_O || L->lab[k + 1 - s] != LX_L_BPER || t->bits ||
            t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP) || (t->flags & LX_TF_ALLCAPS) ||
            (t->flags & LX_TF_HASDIGIT) || c->sc->cmask[k] || t->end - t->start < 3 ||
            lx_phrase_ends_in(tl, t, word_endings) ||
            !(tl->v[k + 1].flags & LX_TF_SPACE) ||
            (tl->v[k + 1].flags & (LX_TF_SENT | LX_TF_NEWLINE)) ||
            (k > s && L->lab[k - 1 - s] != LX_L_O))
            continue;
        L->lab[k - s] = LX_L_BPER;
        L->lab[k + 1 - s] = LX_L_IPER;
    }
}

/*
 * A title the model read into a person's name, or alone as a body's,
 * right before a given name and a surname: "Chief Justice Earl Warren",
 * "Justice Samuel Alito" ("Justice" is a given name too), "King Philip II".
 * Annotation leaves titles out; the nobility's and the clergy's that it
 * keeps in more often than not ("Lord Atkin", "Pope Clement VII", "Sir Alex
 * Ferguson") stay.
 */
static void titles_before_names(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    static const char *const kept[] = {"sir",     "lord",    "lady",  "dame",   "prince",
                                       "princess", "pope",   "saint", "emperor", "empress",
                                       "tsar",    "sultan",  NULL};
    const lx_toklist *tl = c->tl;
    for (size_t k = s; k + 2 < e; k++) {
        const lx_token *t = &tl->v[k];
        int l = L->lab[k - s];
        if (!(t->bits & LX_EV_TITLE) || (l != LX_L_BPER && l != LX_L_BORG) ||
            !(tl->v[k + 1].bits & LX_EV_FIRSTNAME) || !(tl->v[k + 1].flags & LX_TF_CAP) ||
            (tl->v[k + 1].flags & LX_TF_NEWLINE) ||
            lx_tok_in(tl, k, kept))
            continue;
        /* "Justice Earl Warren" read as one name, or "Justice" alone as a
           body's before the person's name */
        bool inside = l == LX_L_BPER && L->lab[k + 1 - s] == LX_L_IPER &&
                      L->lab[k + 2 - s] == LX_L_IPER;
        bool alone = l == LX_L_BORG && L->lab[k + 1 - s] == LX_L_BPER &&
                     L->lab[k + 2 - s] == LX_L_IPER;
        if (!inside && !alone)
            continue;
        L->lab[k - s] = LX_L_O;
        L->lab[k + 1 - s] = LX_L_BPER;
    }
}

/*
 * A title's place read into the name after it: "Archbishop of Canterbury
 * Justin Welby", "the Bishop of Durham Paul Butler".  The name starts at
 * the given name after the place, and is a person's.  (Inline, as the
 * month's pass below: asked of every region of several words, most of
 * which it finds no title in, a call cost about what its loop does.)
 */
static inline __attribute__((always_inline)) void place_of_title_before_names(
    lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    for (size_t k = s; k + 4 < e; k++) {
        const lx_token *place = &tl->v[k + 2], *given = &tl->v[k + 3];
        if (!(tl->v[k].bits & LX_EV_TITLE) || !lx_tok_is(tl, k + 1, "of") ||
            !(place->flags & LX_TF_CAP) || !(given->bits & LX_EV_FIRSTNAME) ||
            !(given->flags & LX_TF_CAP) || (given->flags & LX_TF_NEWLINE) ||
            !(tl->v[k + 4].flags & LX_TF_CAP))
            continue;
        int l = L->lab[k + 2 - s], cls = lx_label_class(l);
        if ((cls != LX_C_PER && cls != LX_C_ORG) || L->lab[k + 3 - s] != l + !lx_label_inside(l))
            continue;
        L->lab[k + 2 - s] = LX_L_O;
        L->lab[k + 3 - s] = LX_L_BPER;
        for (size_t j = k + 4; j < e && lx_label_inside(L->lab[j - s]) &&
                               lx_label_class(L->lab[j - s]) == cls;
             j++)
            L->lab[j - s] = LX_L_IPER;
    }
}

/*
 * Is the name [a, b), read as of no person's kind (MISC), a team's: a
 * place's name and a plural nickname, "the Dallas Mavericks", "Denver
 * Nuggets coach"?  Not an event's or an accord's ("the Beijing Olympics",
 * "the Oslo Accords"), nor a place's feature ("Cayman Islands").
 */
static bool team_named(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    static const char *const not_teams[] = {"olympics", "accords", "conventions", "talks",
                                            "trials", "protocols", "agreements", "riots",
                                            "wars", "elections", "games", "paralympics",
                                            NULL};
    static const char *const compass[] = {"north", "south", "east", "west", NULL};
    const lx_toklist *tl = c->tl;
    const uint32_t place = LX_EV_PLACE | LX_EV_PLACE_TAIL;
    const lx_token *last = &tl->v[b - 1];
    if (b < a + 2 || b > a + 4 || last->kind != LX_TOK_WORD || !(last->flags & LX_TF_CAP) ||
        (last->flags & (LX_TF_ALLCAPS | LX_TF_NEWLINE)) ||
        (last->bits & (place | LX_EV_COUNTRY | LX_EV_NATIONALITY)) ||
        !lx_phrase_plural_ending(tl, last) || lx_tok_in(tl, b - 1, not_teams) ||
        lx_phrase_written_as(c, b - 1, &L->events))
        return false;
    /* a people's plural ("South Africans"), a name ("Indiana Jones") */
    uint32_t v = lx_trie_vocab(&c->m->trie, lx_tok_fold(tl, last), last->fold_len - 1u);
    if ((last->bits & (LX_EV_SURNAME | LX_EV_FIRSTNAME)) ||
        (v != LX_NONE && (c->m->trie.voc[v].bits & (LX_EV_NATIONALITY | LX_EV_PLACE))) ||
        lx_tok_in(tl, a, compass))
        return false;
    for (size_t k = a; k + 1 < b; k++)
        if (tl->v[k].kind != LX_TOK_WORD || !(tl->v[k].bits & place) ||
            (tl->v[k].bits & LX_EV_NATIONALITY) ||
            (tl->v[k].flags & (LX_TF_ALLCAPS | LX_TF_NEWLINE)))
            return false;
    return true;
}

/*
 * A ruler's or an author's epithet after the name: "Suleiman the
 * Magnificent", "Frederick the Great of Prussia", "Pliny the Elder".  The
 * model read the name alone, or the whole as a thing's; the name, "the" and
 * the epithet are one person's name (a place after it is not).
 */
static void epithets(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    static const char *const epithet[] = {
        "great",   "elder",  "younger", "magnificent", "conqueror", "bald",     "pious",
        "wise",    "terrible", "confessor", "venerable", "bold",     "lionheart", "navigator",
        "apostate", "unready", "lawgiver", "fearless",  NULL};
    const lx_toklist *tl = c->tl;
    for (size_t k = s; k + 2 < e; k++) {
        const lx_token *t = &tl->v[k];
        int l = L->lab[k - s], cls = lx_label_class(l);
        if (tl->v[k + 1].hash != L->the_hash || lx_label_inside(l) ||
            t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP) || (t->flags & LX_TF_ALLCAPS) ||
            !(tl->v[k + 1].flags & LX_TF_LOWER) || !(tl->v[k + 2].flags & LX_TF_CAP) ||
            (tl->v[k + 2].flags & LX_TF_NEWLINE) || !lx_tok_in(tl, k + 2, epithet))
            continue;
        /* the name read as a person's, or a given name read as anything
           ("In the Great Plains": no word, and no name after the epithet) */
        const lx_token *after = k + 3 < tl->n ? &tl->v[k + 3] : NULL;
        if (!(cls == LX_C_PER ||
              ((t->bits & LX_EV_FIRSTNAME) && cls != LX_C_ORG &&
               !(t->bits & (LX_EV_FUNCTION | LX_EV_COMMON | LX_EV_WORD)))) ||
            (k > s && lx_label_class(L->lab[k - 1 - s]) == LX_C_PER) ||
            (after && after->kind == LX_TOK_WORD && (after->flags & LX_TF_CAP) &&
             !(after->flags & LX_TF_SENT)))
            continue;
        L->lab[k - s] = LX_L_BPER;
        L->lab[k + 1 - s] = LX_L_IPER;
        L->lab[k + 2 - s] = LX_L_IPER;
        for (size_t j = k + 3; j < e && lx_label_inside(L->lab[j - s]); j++)
            L->lab[j - s] = LX_L_O;
    }
}

/* Does a work's noun stand right before token k, or before a copula
   before it ("the song Ace of Spades", "its best-known song is Ace of
   Spades")? */
static bool work_named(const lx_learn_lane *L, const lx_fctx *c, size_t k)
{
    const lx_toklist *tl = c->tl;
    size_t p = k > 1 && lx_phrase_copula(L, tl, k - 1) ? k - 2 : k - 1;
    return k > 0 && (tl->v[p].flags & LX_TF_LOWER) &&
           lx_phrase_written_as(c, p, &L->work_nouns);
}

/*
 * A given name, "of" and a place, read as a place's or a thing's name: a
 * person named for where they came from or ruled, "Hildegard of Bingen",
 * "Catherine of Aragon".  The given name is a known one and no place's, and
 * no work's noun names the whole ("the song Ace of Spades").
 */
static void given_names_of_places(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    const uint32_t place = LX_EV_PLACE | LX_EV_COUNTRY | LX_EV_PLACE_TAIL | LX_EV_TITLE |
                           LX_EV_NATIONALITY | LX_EV_COMMON | LX_EV_WORD;
    for (size_t k = s; k + 2 < e; k++) {
        const lx_token *t = &tl->v[k], *p = &tl->v[k + 2];
        int cls = lx_label_class(L->lab[k - s]);
        if ((cls != LX_C_LOC && cls != LX_C_MISC) || lx_label_inside(L->lab[k - s]) ||
            !(t->bits & LX_EV_FIRSTNAME) || (t->bits & place) || (t->flags & LX_TF_ALLCAPS) ||
            !lx_tok_is(tl, k + 1, "of") || !(tl->v[k + 1].flags & LX_TF_LOWER) ||
            p->kind != LX_TOK_WORD || !(p->flags & LX_TF_CAP) || (p->flags & LX_TF_ALLCAPS) ||
            work_named(L, c, k) ||
            L->lab[k + 1 - s] != L->lab[k - s] + 1 || L->lab[k + 2 - s] != L->lab[k - s] + 1 ||
            (k + 3 < e && lx_label_inside(L->lab[k + 3 - s])))
            continue;
        L->lab[k - s] = LX_L_BPER;
        L->lab[k + 1 - s] = LX_L_IPER;
        L->lab[k + 2 - s] = LX_L_IPER;
    }
}

/*
 * A body's head word and "on" and its subject, the subject left out by the
 * model: "the National Institute on Aging", "the Council on Foreign
 * Relations", "the Commission on Presidential Debates".  The capitalized
 * words after "on" (two joined by "and" too) go on the organization's name.
 */
static void bodies_on_subjects(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    for (size_t k = s; k + 2 < e; k++) {
        int l = L->lab[k - s];
        if (lx_label_class(l) != LX_C_ORG || !(tl->v[k].bits & LX_EV_ORG_SUFFIX) ||
            lx_label_inside(L->lab[k + 1 - s]) || tl->v[k + 1].hash != L->on_hash ||
            !(tl->v[k + 1].flags & LX_TF_LOWER))
            continue;
        size_t j = k + 2;
        while (j < e && j < k + 8) {
            const lx_token *t = &tl->v[j];
            /* not a date ("on Wednesday", "on September 5") nor a place
               ("the Security Council on Iraq") */
            bool word = t->kind == LX_TOK_WORD && (t->flags & LX_TF_CAP) &&
                        !(t->flags & (LX_TF_ALLCAPS | LX_TF_SENT | LX_TF_NEWLINE)) &&
                        !(t->bits & (LX_EV_NOT_NAME | LX_EV_PLACE | LX_EV_COUNTRY |
                                     LX_EV_NATIONALITY)) &&
                        lx_label_class(L->lab[j - s]) != LX_C_PER;
            if (word)
                j++;
            else if (j > k + 2 && j + 1 < e && lx_tok_is(tl, j, "and") &&
                     (tl->v[j + 1].flags & LX_TF_CAP))
                j++;
            else
                break;
        }
        if (j == k + 2 || !(tl->v[j - 1].flags & LX_TF_CAP))
            continue;
        for (size_t m = k + 1; m < j; m++)
            L->lab[m - s] = LX_L_IORG;
        k = j - 1;
    }
}

/*
 * A given name a reporter put in parentheses before the surname: "he saw
 * (Walt) Brennan".  The model reads the given name alone, and the surname
 * as none or a name of its own (a thing's); the name runs on to the
 * surname (and takes the parentheses, see balance_parentheses()).  So does
 * a name with a nickname or initials in parentheses after its given names
 * ("James Leander (Leo) Nichols").
 */
static void parenthesized_given_names(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    for (size_t k = s > 0 ? s : 1; k + 2 < e; k++) {
        const lx_token *sur = &tl->v[k + 2];
        if (L->lab[k - s] != LX_L_BPER || (tl->v[k].flags & LX_TF_SPACE) ||
            c->text[tl->v[k - 1].start] != '(' || !lx_tok_is(tl, k + 1, ")") ||
            (tl->v[k + 1].flags & LX_TF_SPACE) || sur->kind != LX_TOK_WORD ||
            !(sur->flags & LX_TF_CAP) || !(sur->flags & LX_TF_SPACE) ||
            (sur->flags & (LX_TF_ALLCAPS | LX_TF_SENT | LX_TF_NEWLINE)) ||
            (sur->bits & LX_EV_FUNCTION) ||
            lx_label_inside(L->lab[k + 2 - s]) || L->lab[k + 2 - s] == LX_L_BORG ||
            (k + 3 < e && lx_label_inside(L->lab[k + 3 - s])))
            continue;
        L->lab[k + 1 - s] = LX_L_IPER;
        L->lab[k + 2 - s] = LX_L_IPER;
        k += 2;
    }
    /* and a nickname or initials in parentheses inside the name, after
       its given names: "James Leander (Leo) Nichols", "Alan John
       Percivale (A.J.P.) Taylor" */
    for (size_t p = s + 1; p + 3 < e; p++) {
        if (c->text[tl->v[p].start] != '(' || tl->v[p].kind != LX_TOK_PUNCT ||
            lx_label_class(L->lab[p - 1 - s]) != LX_C_PER)
            continue;
        /* a given name no list knows as a place, or initials ("Leo",
           "A.J.P."; not a country: "Christine Wachtel (Germany) Berlin") */
        size_t q = p + 1;
        while (q < e && q < p + 8 && !lx_tok_is(tl, q, ")") &&
               ((tl->v[q].kind == LX_TOK_WORD && (tl->v[q].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
                 ((tl->v[q].bits & LX_EV_FIRSTNAME) || tl->v[q].end - tl->v[q].start == 1) &&
                 !(tl->v[q].bits & (LX_EV_PLACE | LX_EV_COUNTRY | LX_EV_NATIONALITY))) ||
                (tl->v[q].kind == LX_TOK_ABBREV && (tl->v[q].flags & LX_TF_ALLCAPS)) ||
                lx_tok_is(tl, q, ".")))
            q++;
        if (q == p + 1 || q + 1 >= e || !lx_tok_is(tl, q, ")"))
            continue;
        const lx_token *sur = &tl->v[q + 1];
        if (sur->kind != LX_TOK_WORD || !(sur->flags & LX_TF_CAP) || !(sur->flags & LX_TF_SPACE) ||
            (sur->flags & (LX_TF_ALLCAPS | LX_TF_SENT | LX_TF_NEWLINE)) ||
            (sur->bits & LX_EV_FUNCTION) || lx_label_inside(L->lab[q + 1 - s]) ||
            L->lab[q + 1 - s] == LX_L_BORG ||
            (q + 2 < e && lx_label_inside(L->lab[q + 2 - s])))
            continue;
        for (size_t k = p; k <= q + 1; k++)
            L->lab[k - s] = LX_L_IPER;
        p = q + 1;
    }
}

/* The months that are given names too (see month_given_names()). */
const char *const lx_spans_given_months[] = {"april", "may", "june", "august", NULL};

/*
 * A month that is also a given name ("August", "June") right before a
 * person's name the model read without it: "August Kekulé proposed",
 * "which August Leopold Crelle founded".  Only where a date is unlikely: at
 * a sentence's start, or after "which", "with", "of", "and" or a comma
 * ("in June Carter ..." and "by June Carter ..." keep their month).
 */
static inline __attribute__((always_inline)) void month_given_names(
    lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    static const char *const before[] = {"which", "with", "of", "and", ",", NULL};
    const lx_toklist *tl = c->tl;
    for (size_t k = s; k < e; k++) {
        const lx_token *m = &tl->v[k];
        /* the label first, then the set's filter: most words of a region
           of several are read inside a name, and the filter turns away
           nearly all the others; then the month's shape */
        if (L->lab[k - s] != LX_L_O || !lx_wordset_hashed(&L->given_months, m) ||
            !(m->flags & LX_TF_CAP) || (m->flags & LX_TF_ALLCAPS) || m->fold_len < 3 ||
            m->fold_len > 6 || !lx_wordset_has_folded(&L->given_months, tl, k))
            continue;
        const lx_token *next = k + 1 < e ? &tl->v[k + 1] : NULL;
        if (next && L->lab[k + 1 - s] == LX_L_BPER && (next->flags & LX_TF_SPACE) &&
            !(next->flags & (LX_TF_SENT | LX_TF_NEWLINE)) &&
            ((m->flags & LX_TF_SENT) || (k >= 1 && lx_tok_in(tl, k - 1, before)))) {
            L->lab[k - s] = LX_L_BPER;
            L->lab[k + 1 - s] = LX_L_IPER;
            continue;
        }
        /* and one that is also a surname, after a given name the model read
           as a person's and read without it: "Theresa May resigned", "Brian
           May played" (not before a day's number: "Friday May 5") */
        const lx_token *given = k > s ? &tl->v[k - 1] : NULL;
        if (given && lx_label_class(L->lab[k - 1 - s]) == LX_C_PER &&
            (given->bits & LX_EV_FIRSTNAME) && given->kind == LX_TOK_WORD &&
            (m->flags & LX_TF_SPACE) && !(m->flags & (LX_TF_SENT | LX_TF_NEWLINE)) &&
            !(k + 1 < tl->n && tl->v[k + 1].kind == LX_TOK_NUMBER))
            L->lab[k - s] = LX_L_IPER;
    }
}

/*
 * A title's word that is also a surname, after a given name the model read
 * as a person's and read without it: "Prime Minister John Major said",
 * "Joan Bishop".  Not before a capitalized word or "of", where it is a
 * title of the next name or a name's own ("Mary Queen of Scots").
 */
static void title_word_surnames(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    for (size_t k = s + 1; k < e; k++) {
        const lx_token *t = &tl->v[k], *given = &tl->v[k - 1];
        if (!(t->bits & LX_EV_TITLE) || L->lab[k - s] != LX_L_O ||
            lx_label_class(L->lab[k - 1 - s]) != LX_C_PER || t->kind != LX_TOK_WORD ||
            !(t->flags & LX_TF_CAP) || (t->flags & (LX_TF_ALLCAPS | LX_TF_SENT | LX_TF_NEWLINE)) ||
            !(t->flags & LX_TF_SPACE) || given->kind != LX_TOK_WORD ||
            !(given->bits & LX_EV_FIRSTNAME))
            continue;
        if (k + 1 < tl->n && ((tl->v[k + 1].kind == LX_TOK_WORD &&
                               (tl->v[k + 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS))) ||
                              lx_tok_is(tl, k + 1, "of")))
            continue;
        L->lab[k - s] = LX_L_IPER;
    }
}

/*
 * Given names after a kin's noun, as obituaries and family news list them:
 * "his wife Megan and daughters Sian and Rhian", "a son, Hiroshi".  The
 * model reads a lone given name there as anything, a place's or a body's
 * among them.  A capitalized word right after the noun (a comma between
 * allowed) that a list knows as a given name and as no place, or that no
 * list knows at all, opens a person's name, with the capitalized words it
 * read inside it; so does such a word joined to it by "and".  The caller
 * has found the noun before the region [s, e).
 */
static __attribute__((noinline)) void kin_given_names(lx_learn_lane *L, const lx_fctx *c,
                                                       size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    const uint32_t other = LX_EV_PLACE | LX_EV_PLACE_HEAD | LX_EV_COUNTRY |
                           LX_EV_NATIONALITY | LX_EV_TITLE | LX_EV_ORG_SUFFIX |
                           LX_EV_ORG_PREFIX | LX_EV_NOT_NAME;
    for (size_t i = s; i < e;) {
        const lx_token *t = &tl->v[i];
        if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP) ||
            (t->flags & (LX_TF_ALLCAPS | LX_TF_NEWLINE)) || (t->bits & other) ||
            (t->bits && !(t->bits & LX_EV_FIRSTNAME)) || lx_label_inside(L->lab[i - s]))
            return;
        size_t j = i + 1;
        while (j < e && lx_label_inside(L->lab[j - s]) && tl->v[j].kind == LX_TOK_WORD &&
               (tl->v[j].flags & LX_TF_CAP))
            j++;
        label_run(L, s, i, j, LX_C_PER);
        if (j + 1 >= e || !lx_tok_is(tl, j, "and"))
            return;
        i = j + 1;
    }
}

/*
 * A surname after an elided particle that the model left out of the name
 * before it: "Heinrich d'Arrest", "Valery Giscard d'Estaing".  Its shape is
 * rare in the training text; after a person's or an organization's name it
 * is the name's last word.
 */
static void elided_surnames(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    for (size_t k = s + 1; k < e; k++) {
        int before = lx_label_class(L->lab[k - 1 - s]);
        if (L->lab[k - s] != LX_L_O || (before != LX_C_PER && before != LX_C_ORG) ||
            !(tl->v[k].flags & LX_TF_SPACE) || (tl->v[k].flags & LX_TF_NEWLINE) ||
            !lx_feat_elided_particle(c->text, &tl->v[k]))
            continue;
        L->lab[k - s] = (uint8_t) (before == LX_C_PER ? LX_L_IPER : LX_L_IORG);
    }
}

/*
 * Is the place the model read at [a, a + 2) a given name and a surname that
 * is also a country's or a place's name: "director Neil Jordan", "Tom
 * Holland"?  A place has no given name before it; one that is a place's
 * name too ("Victoria Falls", "Charlotte Amalie") or a common word stays a
 * place, and so does one before a word that is no place's name ("Ellis
 * Park").
 */
static bool given_name_and_place(const lx_fctx *c, size_t a)
{
    const lx_toklist *tl = c->tl;
    const lx_token *g = &tl->v[a], *sur = &tl->v[a + 1];
    const uint32_t no_given = LX_EV_PLACE | LX_EV_COUNTRY | LX_EV_NATIONALITY | LX_EV_COMMON |
                              LX_EV_WORD | LX_EV_TITLE | LX_EV_PLACE_HEAD | LX_EV_PLACE_TAIL;
    return g->kind == LX_TOK_WORD && sur->kind == LX_TOK_WORD && (g->bits & LX_EV_FIRSTNAME) &&
           !(g->bits & no_given) && (sur->bits & LX_EV_SURNAME) &&
           (sur->bits & (LX_EV_PLACE | LX_EV_COUNTRY)) &&
           !((g->flags | sur->flags) & LX_TF_ALLCAPS) && !(sur->flags & LX_TF_NEWLINE);
}

/* body_after_place() (below) once the name opens with a place's word.
   Out of line: few names do. */
static __attribute__((noinline)) size_t body_after_place_at(const lx_learn_lane *L,
                                                            const lx_fctx *c, size_t base,
                                                            size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    size_t h = a;
    while (h < b && (tl->v[h].bits & LX_EV_PLACE))
        h++;
    if (h == a || h >= b || h + 2 >= tl->n || !(tl->v[h].bits & LX_EV_ORG_PREFIX) ||
        !(tl->v[h].flags & LX_TF_CAP) || !lx_tok_is(tl, h + 1, "of"))
        return SIZE_MAX;
    size_t at = base + tl->v[h].start;
    for (size_t k = lx_near_from(L, at); k < L->near.n && L->near.v[k].start == at; k++) {
        const lx_cand *g = &L->near.v[k];
        if (g->end >= base + tl->v[b - 1].end && g->end > base + tl->v[h + 1].end &&
            (g->entry != LX_NONE || g->id) && lx_cand_type_is(g, "ORG"))
            return lx_feat_tok_at(c->sc, tl, g->end - base);
    }
    return SIZE_MAX;
}

/*
 * The end of a listed body's name that opens inside the place's or thing's
 * name [a, b) the model read, after a place, and ends at b or after it:
 * "the Ohio House of Representatives", which the model reads as a place
 * ("Ohio House") and none, or as one thing's name.  The place and the body
 * are then one name, a state's own chamber (without the federal body's
 * id).  SIZE_MAX when there is none.  Asked of every place and thing:
 * most open with no place's word, told inline.
 */
static inline size_t body_after_place(const lx_learn_lane *L, const lx_fctx *c, size_t base,
                                      size_t a, size_t b)
{
    if (!(c->tl->v[a].bits & LX_EV_PLACE))
        return SIZE_MAX;
    return body_after_place_at(L, c, base, a, b);
}

/* The kinds of paper a name is given after it ("the Kompas daily"). */
const char *const lx_spans_media_kinds[] = {"newspaper", "daily",  "weekly",     "magazine",
                                            "tabloid",   "paper",  "broadsheet", NULL};

/* The kind of paper or agency at token b that the name before it is
   given, past it; 0 when none is (see media_named()). */
static __attribute__((noinline)) size_t media_kind_at(const lx_learn_lane *L,
                                                      const lx_toklist *tl, size_t b)
{
    static const char *const services[] = {"agency", "service", NULL};
    return lx_wordset_has_folded(&L->media_kinds, tl, b)                  ? b + 1
           : lx_tok_is(tl, b, "news") && lx_tok_in(tl, b + 1, services) ? b + 2
                                                                         : 0;
}

/* Is token b "newspaper" or "magazine", the kinds a place's possessive
   may stand before ("Britain's Sun newspaper"; not "Saturday's
   Democratic weekly radio address")? */
static __attribute__((noinline)) bool owned_paper(const lx_toklist *tl, size_t b)
{
    return lx_tok_is(tl, b, "newspaper") || lx_tok_is(tl, b, "magazine");
}

/* The prepositions a paper's name may follow without its "the". */
const char *const lx_spans_media_prepositions[] = {"in", "for", "with", "to", "by", "from",
                                                   "told", NULL};

/* Is token k a lowercase preposition a paper's name may follow without
   its "the": "ran in Wired magazine", "told Billboard magazine"? */
static __attribute__((noinline)) bool media_preposition(const lx_learn_lane *L,
                                                        const lx_toklist *tl, size_t k)
{
    return (tl->v[k].flags & LX_TF_LOWER) &&
           lx_wordset_has_folded(&L->media_prepositions, tl, k);
}

/* The tests of media_named() (below) past those of the word after the
   name: the word before it and the kind's words.  Out of line: few names
   get this far. */
static __attribute__((noinline)) bool media_named_after(const lx_learn_lane *L,
                                                         const lx_toklist *tl, size_t a, size_t b)
{
    if (!(lx_tok_is(tl, a - 1, "the") || media_preposition(L, tl, a - 1) ||
          (tl->v[a - 1].kind == LX_TOK_POSS && owned_paper(tl, b))))
        return false;
    size_t k = media_kind_at(L, tl, b);
    /* a name after the kind is the paper's, and the words before it a
       modifier: "the Yugoslav news agency Tanjug" */
    return k && (k >= tl->n || !(tl->v[k].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) ||
                 (tl->v[k].flags & LX_TF_SENT));
}

/*
 * Is [a, b), after "the", a preposition or a possessive, the name of a
 * paper or an agency its kind follows: "the Guardian newspaper", "the
 * Antara news agency", "the Kompas daily", "in Wired magazine",
 * "Britain's Sun newspaper" (see owned_paper())?  Not a place's ("the
 * Moscow daily"), nor a modifier of the name after the kind ("the
 * Yugoslav news agency Tanjug").  Asked of most places and things: the
 * tests of the word after the name are inline.
 */
static inline bool media_named(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    return a > 0 && b < tl->n && (tl->v[b].flags & LX_TF_LOWER) &&
           !(tl->v[b].flags & LX_TF_NEWLINE) &&
           !(tl->v[b - 1].bits & (LX_EV_PLACE | LX_EV_COUNTRY | LX_EV_NATIONALITY)) &&
           media_named_after(L, tl, a, b);
}

/*
 * A hyphenated name the model split in two, "Yo-Yo Ma" read as an
 * organization "Yo" and a person "Yo Ma": when the words either side of a
 * hyphen, no space around it, are both read as names, they are one, of
 * the class of the longer part ("Hewlett-Packard", "Rolls-Royce": one
 * class, one name).  Two one-word people are two ("the Trump-Putin
 * summit"), as are two names the lists know apart; two parts of two
 * classes and one length are left apart.  A first name ("Guy-Manuel de
 * Homem-Christo"), or a word no list knows but as a surname ("Chien-Shiung
 * Wu"), before the hyphen that the model read as no name joins the person
 * of two words or more after it ("Fei-Fei Li").
 */
static void join_hyphenated(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    for (size_t k = s + 1; k + 1 < e; k++) {
        /* a hyphen with no space on either side (a line break sets the
           space flag too) */
        if (tl->v[k].kind != LX_TOK_PUNCT || !lx_tok_is(tl, k, "-") ||
            (tl->v[k].flags & LX_TF_SPACE) || (tl->v[k + 1].flags & LX_TF_SPACE))
            continue;
        int before = lx_label_class(L->lab[k - 1 - s]), after = lx_label_class(L->lab[k + 1 - s]);
        /* "Fei-Fei Li" read as "Fei Li": a first name's first part, glued to
           it, left out of a person's name of two words or more */
        if (before != LX_C_PER && before != LX_C_ORG && !lx_label_inside(L->lab[k - 1 - s]) &&
            after == LX_C_PER && !lx_label_inside(L->lab[k + 1 - s]) &&
            tl->v[k - 1].kind == LX_TOK_WORD &&
            (tl->v[k - 1].flags & LX_TF_CAP) && !(tl->v[k - 1].flags & LX_TF_ALLCAPS) &&
            ((tl->v[k - 1].bits & LX_EV_FIRSTNAME) || !(tl->v[k - 1].bits & ~LX_EV_SURNAME)) &&
            !((tl->v[k - 1].bits & LX_EV_COMMON) && !(tl->v[k - 1].bits & LX_EV_FIRSTNAME)) &&
            k + 2 < e && L->lab[k + 2 - s] == LX_L_IPER) {
            size_t b = k + 2;
            while (b < e && L->lab[b - s] == LX_L_IPER)
                b++;
            label_run(L, s, k - 1, b, LX_C_PER);
            k = b - 1;
            continue;
        }
        if ((before != LX_C_PER && before != LX_C_ORG) ||
            (after != LX_C_PER && after != LX_C_ORG) || lx_label_inside(L->lab[k - s]) ||
            !(tl->v[k + 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS)))
            continue;
        size_t a = label_run_start(L, s, k - 1), b = k + 2;
        while (b < e && lx_label_inside(L->lab[b - s]) && !(tl->v[b].flags & LX_TF_SENT))
            b++;
        size_t n_before = k - a, n_after = b - k - 1;
        /* "the Trump-Putin summit", "the Clinton-Gore ticket": two people;
           two one-word names of two classes ("Boxing-Bruno"): no telling;
           two names the lists know, no entry over the hyphen ("a
           U.N.-African Union force"): two */
        const uint8_t listed = LX_CM_GPER | LX_CM_GORG;
        const uint8_t *cm = c->sc->cmask;
        if ((before == LX_C_PER && after == LX_C_PER && n_before == 1 && n_after == 1) ||
            (before != after && n_before == n_after) ||
            ((cm[a] & listed) && (cm[k + 1] & listed) && !(cm[k] & listed))) {
            k = b - 1;
            continue;
        }
        label_run(L, s, a, b, n_before > n_after ? before : after);
        k = b - 1;
    }
}

/*
 * A person's name [a, b) with a lone quotation mark in it ("Mike\" Tyson"
 * of "\"Iron Mike\" Tyson"): the name is the part after the last mark, or
 * else the part before the first.  False when neither holds a word.
 */
static bool balance_quotes(const lx_toklist *tl, size_t *a, size_t *b)
{
    size_t first = SIZE_MAX, last = 0, n = 0;
    for (size_t k = *a; k < *b; k++)
        if (lx_phrase_quote_mark(tl, k, true) || lx_phrase_quote_mark(tl, k, false)) {
            first = first == SIZE_MAX ? k : first;
            last = k;
            n++;
        }
    if (n % 2 == 0)
        return true;
    if (last + 1 < *b)
        *a = last + 1;
    else
        *b = first;
    return *a < *b;
}

/*
 * A person's name [a, b) with a closing parenthesis in it and no opening
 * one: a reporter's insertion.  Where the parenthesis opens right before
 * the name, the given name inside it is part of it ("(Tom) Seaver", as
 * such names are written), with the capitalized words right before it;
 * else the name is the part after it ("(Olympic champion Lindsay)
 * Davenport").  False when that part holds no word.
 */
static inline __attribute__((always_inline)) bool balance_parentheses(const lx_toklist *tl,
                                                                     size_t *a, size_t *b)
{
    size_t close = SIZE_MAX;
    for (size_t k = *a; k < *b && close == SIZE_MAX; k++) {
        if (lx_tok_is(tl, k, "("))
            return true;
        if (lx_tok_is(tl, k, ")"))
            close = k;
    }
    if (close == SIZE_MAX)
        return true;
    if (*a > 0 && close > *a && lx_tok_is(tl, *a - 1, "(") && !(tl->v[*a].flags & LX_TF_SPACE)) {
        /* with the given name before it: "Francois-Rene (Vicomte de)
           Chateaubriand" */
        size_t k = --*a;
        while (k > 0 && k + 3 > *a && !(tl->v[k].flags & LX_TF_SENT) &&
               ((tl->v[k - 1].kind == LX_TOK_WORD && (tl->v[k - 1].flags & LX_TF_CAP)) ||
                (lx_tok_is(tl, k - 1, "-") && !(tl->v[k].flags & LX_TF_SPACE))))
            k--;
        if (k < *a && tl->v[k].kind == LX_TOK_WORD)
            *a = k;
    } else {
        *a = close + 1;
    }
    return *a < *b;
}

/*
 * Is token k the "'s" of a firm named for its founder ("Ben & Jerry's,
 * and", "Sotheby's sold")?  It is, glued to the name, where the phrase ends
 * after it: a sentence's end, a comma, a colon, "and", "or", or a verb the
 * lists know (not one in -ed: "Gencor's increased stake").  Before a noun,
 * a parenthesis or anything else it is a possessive ("the EU's (European
 * Union) budget"), and after an acronym always.
 */
static bool firm_possessive(const lx_toklist *tl, size_t k)
{
    /* an acronym's "'s" is an elided noun ("a cut in OPEC's, the ...") */
    if (k == 0 || k >= tl->n || tl->v[k].kind != LX_TOK_POSS || (tl->v[k].flags & LX_TF_SPACE) ||
        (tl->v[k - 1].flags & LX_TF_ALLCAPS))
        return false;
    if (k + 1 == tl->n || (tl->v[k + 1].flags & LX_TF_SENT))
        return true;
    const lx_token *t = &tl->v[k + 1];
    if (t->kind == LX_TOK_PUNCT)
        return lx_tok_is(tl, k + 1, ",") || lx_tok_is(tl, k + 1, ".") ||
               lx_tok_is(tl, k + 1, ";") || lx_tok_is(tl, k + 1, ":");
    return t->kind == LX_TOK_WORD && (t->flags & LX_TF_LOWER) &&
           (lx_tok_is(tl, k + 1, "and") || lx_tok_is(tl, k + 1, "or") ||
            (t->bits & (LX_EV_AUXILIARY | LX_EV_SPEECH | LX_EV_ACTION_VERB)));
}

/*
 * "the protein TERT", "the asteroid Vesta": a name right after a noun for a
 * kind of thing (thing-nouns.txt) is that thing's, unless a list knows it.
 */
static bool thing_named(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (a == 0 || !(tl->v[a].flags & LX_TF_SPACE) || (tl->v[a].flags & LX_TF_NEWLINE) ||
        !(tl->v[a - 1].flags & LX_TF_LOWER) || !lx_phrase_written_as(c, a - 1, &L->thing_nouns))
        return false;
    return !lx_phrase_listed_in(c, tl->v[a].start, tl->v[b - 1].end, 1);
}

/* The last words of an institution's name that its evidence misses:
   museums and libraries are body heads by their evidence; a gallery is a
   surname too (see institution_named()). */
const char *const lx_spans_institution_heads[] = {"gallery", "theatre", "theater", "architects",
                                                  NULL};

/*
 * Is the name [a, b), read as a person's, an institution's named for one
 * or for a place: "the Uffizi Gallery", "Zaha Hadid Architects", "Carver
 * Community College"?  Its last word heads bodies: a body's head word no
 * surname shares ("Church", "Power" and "Bank" are surnames too), or a
 * gallery's, a museum's, a theatre's, a library's or a practice's.  Of
 * the person's names in the annotated train and dev text, three end in a
 * body's head word, two of them in "Power".
 */
static bool institution_named(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    const lx_token *last = &c->tl->v[b - 1];
    if (b < a + 2 || last->kind != LX_TOK_WORD || !(last->flags & LX_TF_CAP))
        return false;
    return ((last->bits & LX_EV_ORG_SUFFIX) && !(last->bits & LX_EV_SURNAME)) ||
           lx_wordset_has_folded(&L->institution_heads, c->tl, b - 1);
}

/* Appends the document bytes [start, end) to the array *v of *n ranges. */
static int add_range(lx_byte_range **v, size_t *n, size_t *cap, size_t start, size_t end)
{
    if (lx_vec_reserve(v, cap, *n + 1, sizeof(**v), 16))
        return LEXTAG_ERR_NOMEM;
    (*v)[(*n)++] = (lx_byte_range){start, end};
    return 0;
}

/*
 * The first token of a record label's name after "on" in the name [a, b)
 * the layer read ("Pink Flag on Harvest Records": an album's title, "on"
 * and the label it came out on), or SIZE_MAX.  The label's name is two
 * capitalized words or more, the last of them "Records" or "Recordings".
 */
static inline __attribute__((always_inline)) size_t label_after_on(const lx_toklist *tl,
                                                                   size_t a, size_t b)
{
    if (b < a + 4 || !lx_phrase_label_head(tl, b - 1))
        return SIZE_MAX;
    for (size_t k = b - 3; k > a; k--)
        if (lx_tok_is(tl, k, "on") && (tl->v[k].flags & LX_TF_LOWER))
            return (tl->v[k + 1].flags & LX_TF_CAP) ? k + 1 : SIZE_MAX;
    return SIZE_MAX;
}

/*
 * Is the name [a, b) of region s, read as of no person's kind (MISC), the
 * body a person the layer read just before it belongs to: "Nick Gold of
 * World Circuit", "George Harrison of the Beatles"?  A place would be read
 * as one ("Pete Sampras of the United States").
 */
static bool body_of_person(const lx_learn_lane *L, const lx_fctx *c, size_t s, size_t a,
                           size_t b)
{
    const lx_toklist *tl = c->tl;
    size_t k = a > s && lx_phrase_after_the(tl, a) ? a - 1 : a;
    if (k < s + 2 || !lx_tok_is(tl, k - 1, "of") || lx_label_class(L->lab[k - 2 - s]) != LX_C_PER)
        return false;
    for (size_t i = a; i < b; i++)
        if (tl->v[i].bits & (LX_EV_PLACE | LX_EV_COUNTRY | LX_EV_NATIONALITY | LX_EV_NOT_NAME))
            return false;
    return true;
}

/*
 * The first token of a body's name that a noun of its kind introduces in
 * the name [a, b) read as of no person's kind (MISC), or SIZE_MAX: the
 * noun before it ("the post-punk band Wire", "his band the Super Etoile")
 * or, read into the name, inside it ("French duo Daft Punk").
 */
static size_t named_by_kind(const lx_learn_lane *L, const lx_toklist *tl, size_t a, size_t b)
{
    size_t k = lx_phrase_after_the(tl, a) ? a - 1 : a;
    if (k > 0 && lx_phrase_group_kind_of(L, tl, k - 1))
        return a;
    for (k = a + 1; k + 1 < b; k++)
        if (lx_phrase_group_kind_of(L, tl, k) && (tl->v[k + 1].flags & LX_TF_CAP) &&
            !(tl->v[k + 1].flags & LX_TF_NEWLINE))
            return k + 1;
    return SIZE_MAX;
}

/*
 * A person's or a body's name never runs across a semicolon or a colon
 * ("the bill passed the Senate; Apple said"): the mark is no part of it,
 * and the word after it opens a name of its own.
 */
static void split_at_clause_marks(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    for (size_t i = s + 1; i + 1 < e; i++) {
        int l = L->lab[i - s], cls = lx_label_class(l);
        if (!lx_label_inside(l) || (cls != LX_C_PER && cls != LX_C_ORG) ||
            c->tl->v[i].kind != LX_TOK_PUNCT ||
            (!lx_tok_is(c->tl, i, ";") && !lx_tok_is(c->tl, i, ":")))
            continue;
        L->lab[i - s] = LX_L_O;
        if (L->lab[i + 1 - s] == l)
            L->lab[i + 1 - s] = l - 1;
    }
}

/*
 * The items of a list a plural title heads are each a person's name,
 * whatever the layer read over them: a firm's name in "Judges Okafor and
 * Lindqvist", the title inside a name in "Justices Pell and Oduya".  The
 * title and the words between the items are no part of a name.
 */
static void label_titled_items(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    size_t from = s; /* the first token no item before has taken */
    for (size_t t = L->titled_at; t < L->n_titled && L->titled[t].s < e; t++) {
        size_t a = L->titled[t].s, b = L->titled[t].e;
        if (a < s || b > e || (c->tl->v[b - 1].bits & LX_EV_ORG_SUFFIX))
            continue;
        /* after an item of this region the words between are the joint;
           the first item follows its title ("Sens." with its stop) */
        bool follows = t > L->titled_at && L->titled[t - 1].e >= from;
        size_t lo = follows ? L->titled[t - 1].e : a > from ? a - 1 : a;
        if (!follows && lo > from && lx_tok_is(c->tl, lo, "."))
            lo--;
        /* a title inside a body's name: "the Republican Governors Association" */
        if (!follows && lo > s && (c->tl->v[lo - 1].flags & LX_TF_CAP) &&
            !(c->tl->v[lo].flags & LX_TF_SENT))
            continue;
        for (size_t k = lo; k < a; k++)
            L->lab[k - s] = LX_L_O;
        for (size_t k = a; k < b; k++)
            L->lab[k - s] = k == a ? LX_L_BPER : LX_L_IPER;
        if (b < e && lx_label_inside(L->lab[b - s]))
            L->lab[b - s]--;
        from = b;
    }
}

/*
 * The marks and lowercase words a region holds, each a bit, that the
 * passes inside a region look for: a name of capitalized words alone
 * ("Barack Obama") holds none, and most other regions only one or two of
 * them ("the", a comma).  Read off a token's first folded byte: a
 * capitalized word (its first byte a lowercase letter once folded) sets
 * none, so that "of", "the" and "d'" are the lowercase words.
 */
enum {
    MARK_INNER = 1u << 0,  /* a token that is no word, or a lowercase word */
    MARK_STOP = 1u << 1,   /* "." (an initial's period) */
    MARK_CLAUSE = 1u << 2, /* ";" or ":" */
    MARK_QUOTE = 1u << 3,  /* a quotation mark */
    MARK_PAREN = 1u << 4,  /* "(" or ")" */
    MARK_HYPHEN = 1u << 5, /* "-" */
    MARK_T = 1u << 6,      /* a lowercase word in t ("the") */
    MARK_O = 1u << 7,      /* a lowercase word in o ("of", "on") */
    MARK_ELIDED = 1u << 8, /* a lowercase word in d or l ("d'Arrest") */
};

static const uint16_t mark_of_byte[256] = {
    ['.'] = MARK_STOP,   [';'] = MARK_CLAUSE, [':'] = MARK_CLAUSE,  ['"'] = MARK_QUOTE,
    [0xE2] = MARK_QUOTE, ['('] = MARK_PAREN,  [')'] = MARK_PAREN,   ['-'] = MARK_HYPHEN,
    ['t'] = MARK_T,      ['o'] = MARK_O,      ['d'] = MARK_ELIDED,  ['l'] = MARK_ELIDED,
};

/* The marks of region [s, e) (see above); MARK_INNER unless every token
   is a word, none of them lowercase.  And in *bits the evidence bits of
   its tokens, all of them together, and BITS_NONE if one has none (a bit
   of no evidence's):
   a pass that asks a token for a bit (a title's) has nothing to do in a
   region where none has it, most of them. */
#define BITS_NONE (1u << 31)
_Static_assert(!(LX_EV_TITLE & BITS_NONE) && !(LX_EV_FIRSTNAME & BITS_NONE),
               "a bit no token has");
static unsigned region_marks(const lx_toklist *tl, size_t s, size_t e, uint32_t *bits)
{
    unsigned marks = 0;
    uint32_t all = 0;
    for (size_t k = s; k < e; k++) {
        const lx_token *t = &tl->v[k];
        all |= t->bits ? t->bits : BITS_NONE;
        if (t->kind == LX_TOK_WORD && !(t->flags & LX_TF_LOWER))
            continue;
        marks |= MARK_INNER;
        if (!(t->flags & LX_TF_CAP))
            marks |= mark_of_byte[(unsigned char) tl->fold[t->fold]];
    }
    *bits = all;
    return marks;
}

int lx_spans_of(lx_learn_lane *L, const lx_fctx *c, size_t base, const lx_candvec *cands,
                size_t r, bool explain, lx_arena *arena)
{
    size_t s = c->sc->reg[r].s, e = c->sc->reg[r].e;
    /* the passes that join or relabel two tokens or more have nothing to
       do in a region of one word (about half of them): they are not
       called there, kin_given_names() aside */
    bool several = e - s >= 2;
    /* nor do those that look inside the region for a mark (a clause's, a
       quotation mark, an initial's period, a hyphen) or a lowercase word
       ("the", "of", "on", an elided particle) in one of capitalized words
       alone, most regions of several */
    uint32_t bits = 0;
    unsigned marks = several ? region_marks(c->tl, s, e, &bits) : 0;
    bool inner = marks & MARK_INNER;
    /* a title and a given name among the region's words */
    bool titled = (bits & (LX_EV_TITLE | LX_EV_FIRSTNAME)) == (LX_EV_TITLE | LX_EV_FIRSTNAME);
    if (several) {
        if (L->n_titled)
            label_titled_items(L, c, s, e);
        /* and each of those only where the mark it looks for is */
        if (inner) {
            if (marks & MARK_CLAUSE)
                split_at_clause_marks(L, c, s, e);
            if (marks & MARK_QUOTE)
                join_nicknames(L, c, s, e);
            if (marks & MARK_STOP) {
                join_initials(L, c, s, e);
                initialed_names(L, c, s, e);
            }
            if (marks & MARK_PAREN)
                parenthesized_given_names(L, c, s, e);
        }
        month_given_names(L, c, s, e);
        if (titled)
            title_word_surnames(L, c, s, e);
    }
    /* the kin's noun before the region (a comma between allowed), inline:
       it is asked of nearly every region */
    if (s >= 2 && (c->tl->v[s - 1].flags & LX_TF_LOWER || c->tl->v[s - 1].kind == LX_TOK_PUNCT)) {
        size_t k = s - 1;
        if (!(lx_tok_is(c->tl, k, ",") && --k == 0) && lx_learn_kin(L, &c->tl->v[k]))
            kin_given_names(L, c, s, e);
    }
    if (several) {
        /* each where the bits it asks of the region's tokens are (a title,
           a given name; a word with none at all) */
        if (bits & BITS_NONE)
            unknown_given_names(L, c, s, e);
        if (titled) {
            titles_before_names(L, c, s, e);
            place_of_title_before_names(L, c, s, e);
        }
        if (inner) {
            if (marks & MARK_T)
                epithets(L, c, s, e);
            if (marks & MARK_O) {
                given_names_of_places(L, c, s, e);
                bodies_on_subjects(L, c, s, e);
            }
            if (marks & MARK_ELIDED)
                elided_surnames(L, c, s, e);
            if (marks & MARK_HYPHEN)
                join_hyphenated(L, c, s, e);
        }
    }
    lx_cues_group_by(L, c, s, e, inner);
    lx_cues_listed_by_kind(L, c, s, e);
    for (size_t i = s; i < e;) {
        int l = L->lab[i - s], cls = lx_label_class(l);
        /* a name never runs on into the next sentence ("signed by Merkel.
           Sarkozy agreed"): a sentence's first word opens a name of its own */
        if (lx_label_inside(l) && lx_phrase_opens_sentence_at(c->tl, i))
            l--;
        if (l == LX_L_BMISC && (i + 1 == e || L->lab[i + 1 - s] != LX_L_IMISC)) {
            if (lx_vec_reserve(&L->misc_words, &L->misc_words_cap, L->n_misc_words + 1,
                               sizeof(*L->misc_words), 64))
                return LEXTAG_ERR_NOMEM;
            L->misc_words[L->n_misc_words++] = (uint32_t) i;
        }
        if (cls == LX_C_MISC && !lx_label_inside(l)) {
            size_t j = label_run_end(L, c, s, e, i, cls);
            size_t from = misc_person_start(L, c, s, e, i, j);
            if (from != SIZE_MAX) {
                int rc = lx_learn_emit(L, c, base, cands, r, LX_C_PER, from, j, explain, arena);
                if (rc)
                    return rc;
                i = j;
                continue;
            }
            if (add_range(&L->miscs, &L->n_miscs, &L->miscs_cap, base + c->tl->v[i].start,
                          base + c->tl->v[j - 1].end))
                return LEXTAG_ERR_NOMEM;
            size_t label = label_after_on(c->tl, i, j);
            if (label == SIZE_MAX)
                label = named_by_kind(L, c->tl, i, j);
            size_t body = body_after_place(L, c, base, i, j);
            if (body <= e) {
                int rc = lx_learn_emit(L, c, base, cands, r, LX_C_ORG, i, body, explain, arena);
                if (rc)
                    return rc;
                i = body;
                continue;
            }
            /* a company's designator closes a company's name: "Apple Inc
               introduced Face ID", read as a product's (not a title's: "The
               Darjeeling Limited") */
            bool designated = j > i + 1 && (c->tl->v[j - 1].bits & LX_EV_DESIGNATOR) &&
                              (c->tl->v[j - 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
                              !lx_tok_is(c->tl, i, "the");
            if (label != SIZE_MAX || designated || lx_classes_agency(L, c, base, i, j) ||
                lx_classes_institution(c, i, j) || media_named(L, c, i, j) ||
                team_named(L, c, i, j) || body_of_person(L, c, s, i, j)) {
                int rc = lx_learn_emit(L, c, base, cands, r, LX_C_ORG,
                                       label != SIZE_MAX ? label : i, j, explain, arena);
                if (rc)
                    return rc;
                i = j;
                continue;
            }
        }
        /* a place of two words or more, or one a paper or an agency is
           named for */
        if (cls == LX_C_LOC && !lx_label_inside(l)) {
            size_t j = i + 1 < e && L->lab[i + 1 - s] == l + 1
                           ? label_run_end(L, c, s, e, i, cls)
                           : i + 1;
            if ((j > i + 1 && lx_classes_institution(c, i, j)) || media_named(L, c, i, j)) {
                int rc = lx_learn_emit(L, c, base, cands, r, LX_C_ORG, i, j, explain, arena);
                if (rc)
                    return rc;
                i = j;
                continue;
            }
            size_t body = body_after_place(L, c, base, i, j);
            if (body <= e) {
                int rc = lx_learn_emit(L, c, base, cands, r, LX_C_ORG, i, body, explain, arena);
                if (rc)
                    return rc;
                i = body;
                continue;
            }
            if (j == i + 2 && given_name_and_place(c, i)) {
                int rc = lx_learn_emit(L, c, base, cands, r, LX_C_PER, i, j, explain, arena);
                if (rc)
                    return rc;
                i = j;
                continue;
            }
        }
        /* a place's or a thing's name an apposition defines: "Alabama, a
           country band from Fort Payne" */
        if ((cls == LX_C_LOC || cls == LX_C_MISC) && !lx_label_inside(l)) {
            size_t j = label_run_end(L, c, s, e, i, cls);
            int kind = defined_in_apposition(L, c, i, j);
            if (kind) {
                int rc = emit_defined(L, c, base, cands, r, kind, i, j, explain, arena);
                if (rc)
                    return rc;
                i = j;
                continue;
            }
        }
        if (!l || lx_label_inside(l) || (cls != LX_C_PER && cls != LX_C_ORG)) {
            /* most such tokens are neither capitalized nor at a sentence's
               start: the call is made for the few that are */
            bool may = !lx_label_inside(l) &&
                       (l || (c->tl->v[i].flags & (LX_TF_CAP | LX_TF_ALLCAPS)));
            bool opener = may && opens_sentence(c->tl, i);
            /* within a sentence, the first capitalized word of a run */
            may = may && (opener || (c->tl->v[i - 1].flags & LX_TF_LOWER));
            size_t b;
            int defined = may ? lx_classes_defined_opener(L, c, r, i, opener, &b) : LX_C_NONE;
            /* a paper's name read as none: "ran in Wired magazine" */
            if (!defined && may && !l && !opener) {
                b = i;
                while (b < e && b < i + 3 && c->tl->v[b].kind == LX_TOK_WORD &&
                       (c->tl->v[b].flags & LX_TF_CAP) && !L->lab[b - s])
                    b++;
                if (b > i && b == e && media_named(L, c, i, b))
                    defined = LX_C_ORG;
            }
            /* "Henry VIII broke with Rome", read as no name or a place's;
               "the Holy Roman Emperor Ferdinand III", read inside an event's
               or a place's name after the title; but after a lowercase "the"
               the numeral is a model's ("the Mark I", "the Saturn V") */
            /* (a name of one word and its numeral: lx_classes_regnal_name()
               asks for a given name first, and so does this) */
            if (!defined && i + 1 < e && (c->tl->v[i].bits & LX_EV_FIRSTNAME) &&
                (c->tl->v[i].flags & LX_TF_CAP) &&
                !(c->tl->v[i].flags & LX_TF_ALLCAPS) && /* "ENGLAND V PAKISTAN" */
                (!lx_label_inside(l) || (i > s && (c->tl->v[i - 1].bits & LX_EV_TITLE))) &&
                !lx_phrase_after_the(c->tl, i)) {
                b = i + 1;
                if (lx_classes_regnal_name(c, i, &b, e) && b == i + 2)
                    defined = LX_C_PER;
            }
            /* a first name after the region's end: rare, asked first */
            if (!defined && may && !lx_label_inside(l) && e + 1 < c->tl->n &&
                (c->tl->v[e + 1].bits & LX_EV_FIRSTNAME)) {
                size_t m = lx_cues_member_named(L, c, r, i, opener, &b);
                if (m != SIZE_MAX) {
                    i = m;
                    defined = LX_C_ORG;
                }
            }
            /* "Senators Roth, Chafee and Baucus": an item of a list a plural
               title heads */
            if (!defined && L->n_titled && !lx_label_inside(l) && lx_titled_item_at(L, i, &b) &&
                b <= e)
                defined = LX_C_PER;
            if (!defined) {
                i++;
                continue;
            }
            int rc = emit_defined(L, c, base, cands, r, defined, i, b, explain, arena);
            if (rc)
                return rc;
            i = b;
            continue;
        }
        size_t j = label_run_end(L, c, s, e, i, cls);
        if (j < e && j > i + 1 && lx_phrase_opens_sentence_at(c->tl, j) &&
            lx_label_inside(L->lab[j - s]) && c->tl->v[j - 1].kind == LX_TOK_PUNCT)
            j--; /* the sentence's last stop */
        /* "Harold Vance, Jr.": a name suffix after a comma ("Jr", its period
           a token of its own), which the model reads as a person of its own,
           ends the name before it (but "V." is an initial in "N. Mongia,
           V. Prasad") */
        if (cls == LX_C_PER && j + 1 < e && c->text[c->tl->v[j].start] == ',' &&
            (c->tl->v[j + 1].bits & LX_EV_SUFFIX) && L->lab[j + 1 - s] == LX_L_BPER) {
            size_t k = j + 2;
            if (k < e && L->lab[k - s] == LX_L_IPER && lx_tok_is(c->tl, k, "."))
                k++;
            if (k == e || L->lab[k - s] != LX_L_IPER)
                j = k;
        }
        if (j > i + 1 && sentence_stop(c, j - 1))
            j--;
        size_t a = i, b = j;
        int rc = 0;
        size_t label = label_after_on(c->tl, a, b);
        if (label != SIZE_MAX) {
            a = label;
            cls = LX_C_ORG;
        }
        if (cls == LX_C_ORG) {
            a = place_opening_before(c, c->sc->reg[r].s, hyphen_prefix(L, c, r, a), b);
        } else {
            b = person_end(L, c, r, b);
            a = after_title(L, c->tl, a, b);
        }
        size_t a0 = a, b0 = b;
        bool thing = a < b && (cls == LX_C_PER || cls == LX_C_ORG) && thing_named(L, c, a, b);
        if (thing) {
            if (add_range(&L->things, &L->n_things, &L->things_cap, base + c->tl->v[a].start,
                          base + c->tl->v[b - 1].end))
                return LEXTAG_ERR_NOMEM;
        }
        bool named = !thing && (cls != LX_C_PER || balance_quotes(c->tl, &a, &b)) &&
                     lx_narrow_span(L, c, cls, &a, &b) &&
                     (cls != LX_C_PER || balance_parentheses(c->tl, &a, &b));
        if (!named && a0 < b0) {
            if (add_range(&L->quiet, &L->n_quiet, &L->quiet_cap, base + c->tl->v[a0].start,
                          base + c->tl->v[b0 - 1].end))
                return LEXTAG_ERR_NOMEM;
        }
        bool keep = named && !dateline_place(L, c, base, cls, a, b) &&
                    !party_tag(c->tl, c->text, a, b);
        /* "TP / (TP + FP)": the variables of a formula, unless a list knows
           the word ("IBM + Red Hat") */
        if (keep && in_formula(c, a, b) &&
            !lx_near_entry(L, base + c->tl->v[a].start, base + c->tl->v[a].end,
                           lx_learn_class_type(cls)))
            keep = false;
        if (keep && cls == LX_C_ORG) {
            drop_portfolio(L, c, base, a, &b);
            keep = a < b && !gathering_on(L, c, base, a, b);
            /* "Ben & Jerry's, and", "Sotheby's sold": a firm named for its
               founder keeps the "'s" that ends its phrase (before a noun it
               is a possessive: "Microsoft's phone") */
            if (keep && firm_possessive(c->tl, b))
                b++;
        }
        /* "The Copper Gazette": a paper's or a magazine's "The" is its name's,
           unless it goes with a noun the name modifies ("The ABC News poll") */
        if (keep && cls == LX_C_ORG && a > s && (c->tl->v[a - 1].flags & LX_TF_CAP) &&
            lx_tok_is(c->tl, a - 1, "the") && (c->tl->v[b - 1].bits & LX_EV_MEDIA_HEAD) &&
            !modified_noun(c->tl, b))
            a--;
        if (keep && cls == LX_C_ORG && a > s && (c->tl->v[b - 1].bits & LX_EV_ORG_SUFFIX)) {
            size_t prefix = place_prefix_before(c->tl, a);
            if (prefix >= s)
                a = prefix;
        }
        if (keep && cls == LX_C_PER && institution_named(L, c, a, b))
            cls = LX_C_ORG;
        if (keep && (cls == LX_C_PER || cls == LX_C_ORG) && lx_classes_regnal_name(c, a, &b, e))
            cls = LX_C_PER;
        else if (keep && cls == LX_C_PER) {
            cls = lx_classes_plural_subject(c, a, b);
            keep = cls != LX_C_NONE;
        }
        if (keep) {
            /* "Nirvana was an American rock band" */
            size_t unused;
            int defined = lx_classes_defined(L, c, b, &unused);
            /* an apposition names the preposition's object, but "the
               leader of X, a singer" names the leader */
            if (defined && object_of_preposition(L, c->tl, a) &&
                !(lx_tok_is(c->tl, b, ",") && !lx_tok_is(c->tl, a - 1, "of")))
                defined = LX_C_NONE;
            /* a list that knows the name as what the layer read outweighs
               an apposition's kind of two readings ("Chevron, the largest
               producer"; "Dupont was a member of" is a person) */
            if (defined && defined != cls && lx_tok_is(c->tl, b + 1, "the") &&
                lx_near_entry(L, base + c->tl->v[a].start, base + c->tl->v[b - 1].end,
                              lx_learn_class_type(cls)))
                defined = LX_C_NONE;
            if (defined)
                cls = defined;
            else if (cls == LX_C_PER && lx_cues_names_a_group(c->tl, a, b) &&
                     !lx_cues_persons_group(c->tl, b))
                cls = LX_C_ORG;
            /* names joined by "and" are each a span of their own (two names
               and their joint are three tokens at least: most spans are
               shorter, and lx_joined_entries() is not asked of them) */
            size_t from = a, k;
            while (!rc && b - from >= 3 &&
                   (k = lx_joined_entries(L, c, base, from, b, lx_learn_class_type(cls))) < b) {
                rc = lx_learn_emit(L, c, base, cands, r, cls, from, k, explain, arena);
                from = k + 1;
            }
            if (!rc)
                rc = defined ? emit_defined(L, c, base, cands, r, cls, from, b, explain, arena)
                             : lx_learn_emit(L, c, base, cands, r, cls, from, b, explain, arena);
            if (b > j)
                j = b; /* the words it took in are no name of their own */
        }
        if (rc)
            return rc;
        i = j;
    }
    return 0;
}
