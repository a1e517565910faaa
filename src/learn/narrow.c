/* SPDX-License-Identifier: MIT */
/*
 * The tests lx_narrow_span() makes of a decoded span (see narrow.h).  They
 * are one file with it: asked of every span, most are inlined into it.
 * Those the compiler would leave out of line, weighing the function's
 * size, are marked always_inline: most say no at their first test, in
 * fewer instructions than a call and its return take.
 */
#include "narrow.h"

#include <string.h>

#include "dateline.h"
#include "phrase.h"
#include "templates.h"
#include "words.h"

/* Is token k a place's head word that also heads bodies ("Center",
   "Memorial", "Garden": "the Kennedy Center", "Sloan Kettering Memorial")? */
static bool place_word_heads_body(const lx_toklist *tl, size_t k)
{
    static const char *const bodies[] = {"center", "centre", "memorial", "garden", "gardens",
                                         "county", "palace", "cathedral", NULL};
    return lx_tok_in(tl, k, bodies);
}

/* Does the sentence holding token a end in a question mark? */
static bool question(const lx_fctx *c, size_t a)
{
    const lx_toklist *tl = c->tl;
    size_t k = a + 1;
    while (k < tl->n && !(tl->v[k].flags & LX_TF_SENT))
        k++;
    return c->text[tl->v[k - 1].start] == '?';
}

/*
 * Does the span ending before token b end in a short abbreviation written
 * against its period, with a number after it ("Sec. 2", "Rept. 116-101")?
 * Designators and name suffixes ("Corp. 2020", "Jr. 23") do not count.
 */
static bool numbered_part(const lx_fctx *c, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (b == 0 || b + 1 >= tl->n)
        return false;
    const lx_token *w = &tl->v[b - 1], *dot = &tl->v[b], *num = &tl->v[b + 1];
    size_t n = w->end - w->start;
    return w->kind == LX_TOK_WORD && n >= 2 && n <= 5 &&
           (w->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
           !(w->bits & (LX_EV_DESIGNATOR | LX_EV_SUFFIX | LX_EV_ORG_SUFFIX)) &&
           !(dot->flags & LX_TF_SPACE) && lx_tok_is(tl, b, ".") && (num->flags & LX_TF_SPACE) &&
           !(num->flags & LX_TF_NEWLINE) && c->text[num->start] >= '0' &&
           c->text[num->start] <= '9';
}

/*
 * Is the span [a, b) a title set off by commas after one work ("their
 * second album, Glass Harbour, in 1994")?  Not after a plural, where a
 * list goes on ("comic books, TV Guide, ..."), nor where the name opens a
 * clause of its own ("an entertaining movie, Variety said").
 */
static bool in_apposition_to_work(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    static const char *const ends[] = {",", "(", ".", ";", NULL};
    const lx_toklist *tl = c->tl;
    if (a < 2 || !(tl->v[a].flags & LX_TF_SPACE) || !lx_tok_is(tl, a - 1, ",") ||
        (tl->v[a - 1].flags & LX_TF_SPACE) || !lx_phrase_written_as(c, a - 2, &L->work_nouns))
        return false;
    if (lx_phrase_plural(tl, a - 2))
        return false;
    return b >= tl->n || lx_tok_in(tl, b, ends);
}

/*
 * Is the name ending before token b defined as a work: "X is the third
 * studio album by", "X was a 1962 novel by", "X is a song from"?  After
 * the copula and the article come at most five words (years, ordinals,
 * adjectives), then a noun naming a work, and then no noun that makes it
 * a kind of person or organization ("is a film director", "a book
 * publisher"): the phrase ends there, at punctuation, a function word or
 * a verb telling how the work was made.
 */
static inline __attribute__((always_inline)) bool defined_as_work(const lx_learn_lane *L,
                                                                  const lx_fctx *c, size_t b)
{
    static const char *const articles[] = {"a", "an", "the", NULL};
    static const char *const made[] = {"directed", "written", "released", "recorded",
                                       "produced", "published", "composed", "performed",
                                       "starring", NULL};
    const lx_toklist *tl = c->tl;
    if (b + 2 >= tl->n || (tl->v[b].flags & LX_TF_SENT) || !lx_phrase_copula(L, tl, b) ||
        !lx_tok_in(tl, b + 1, articles))
        return false;
    for (size_t k = b + 2; k < tl->n && k < b + 8; k++) {
        const lx_token *t = &tl->v[k];
        if ((t->flags & LX_TF_SENT) || (t->kind != LX_TOK_WORD && t->kind != LX_TOK_NUMBER &&
                                         !lx_tok_is(tl, k, "-")))
            return false;
        if (t->kind != LX_TOK_WORD || !lx_phrase_written_as(c, k, &L->work_nouns))
            continue;
        if (k + 1 >= tl->n || (tl->v[k + 1].flags & LX_TF_SENT))
            return true;
        const lx_token *next = &tl->v[k + 1];
        return next->kind == LX_TOK_PUNCT || (next->bits & LX_EV_FUNCTION) ||
               lx_tok_in(tl, k + 1, made);
    }
    return false;
}

/*
 * Is the span [a, b) part of an award's name: does it hold an award word
 * that no organization's head word follows among the capitalized words
 * right after it ("Lyric Guild Award for Best Debut", "Medal of Honor", but
 * "Prize Foundation"), does one follow the span within three capitalized
 * words on its line ("Harbor Times Book Prize"), or is the organization
 * cls names what one is for ("Award for First Fiction", "Prize in
 * Literature"; a person there is one: "Award for Arthur Miller's play"),
 * or the second thing one is for ("Prize in Physiology or Medicine")?
 */
static inline __attribute__((always_inline)) bool names_award(const lx_learn_lane *L,
                                                              const lx_fctx *c, int cls, size_t a,
                                                              size_t b)
{
    static const char *const subject[] = {"for", "in", "of", NULL};
    const lx_toklist *tl = c->tl;
    /* the award's word first: its set turns most words away at once */
    if (cls == LX_C_ORG && a >= 2 && lx_phrase_written_as(c, a - 2, &L->award_words) &&
        lx_tok_in(tl, a - 1, subject))
        return true;
    /* the second of two subjects: "the Nobel Prize in Physiology or Medicine" */
    if (a >= 4 && (lx_tok_is(tl, a - 1, "or") || lx_tok_is(tl, a - 1, "and")) &&
        (tl->v[a - 2].flags & LX_TF_CAP) && lx_tok_in(tl, a - 3, subject) &&
        lx_phrase_written_as(c, a - 4, &L->award_words))
        return true;
    for (size_t k = a; k < b; k++) {
        if (!lx_phrase_written_as(c, k, &L->award_words))
            continue;
        for (size_t j = k + 1; j < b && (tl->v[j].flags & LX_TF_CAP); j++)
            if (tl->v[j].bits & LX_EV_ORG_SUFFIX)
                return false;
        return true;
    }
    for (size_t k = b; k < b + 3 && k < tl->n; k++) {
        const lx_token *t = &tl->v[k];
        if (!(t->flags & LX_TF_SPACE) || (t->flags & (LX_TF_NEWLINE | LX_TF_SENT)) ||
            t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP))
            return false;
        if (lx_phrase_written_as(c, k, &L->award_words))
            return true;
    }
    return false;
}

/* Is token b, on the same line, a noun of eponym-heads.txt ("filter",
   "algorithm"): one that makes the word before it part of a thing's name? */
static bool eponym_head_at(const lx_learn_lane *L, const lx_fctx *c, size_t b)
{
    const lx_toklist *tl = c->tl;
    return b < tl->n && (tl->v[b].flags & LX_TF_SPACE) && !(tl->v[b].flags & LX_TF_NEWLINE) &&
           lx_phrase_written_as(c, b, &L->eponym_heads);
}

/* Is token a "Moon" or "Sun" after a lowercase "the" ("landed on the
   Moon")?  Alone they are surnames ("Moon said"), and not in
   sky-objects.txt. */
static bool the_moon(const lx_fctx *c, size_t a)
{
    static const char *const bodies[] = {"moon", "sun", NULL};
    const lx_toklist *tl = c->tl;
    return (tl->v[a].flags & LX_TF_CAP) && lx_phrase_after_the(tl, a) && lx_tok_in(tl, a, bodies);
}

/*
 * Are two names of [a, b) joined by an en dash, no space around it, as
 * the people a law, a method or a comet is named for are ("Bose–Einstein
 * statistics", "Comet Shoemaker–Levy 9")?  A person's name of two
 * families takes a hyphen ("Levi-Montalcini").
 */
static bool dash_joined(const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    for (size_t k = a + 1; k + 1 < b; k++) {
        const lx_token *t = &tl->v[k];
        if (t->kind == LX_TOK_PUNCT && t->end - t->start == 3 &&
            memcmp(c->text + t->start, "\xe2\x80\x93", 3) == 0 &&
            !(t->flags & LX_TF_SPACE) && !(tl->v[k + 1].flags & LX_TF_SPACE))
            return true;
    }
    return false;
}

/*
 * Is token b a possessive and a law of science's noun after it ("Maxwell's
 * equations", "Kepler's laws", "Noether's theorem", "Halley's Comet",
 * "Dijkstra's algorithm")?
 * The name is the law's, not a person's.  Nouns that anyone's may own
 * ("Smith's model", "Obama's effect on") are left out, and so is a name a
 * list knows as a person's (eponym() asks).
 */
static bool eponym_law(const lx_fctx *c, size_t b)
{
    static const char *const laws[] = {"equation",   "equations", "theorem", "theorems",
                                       "law",        "laws",      "lemma",   "conjecture",
                                       "constant",   "paradox",   "principle", "inequality",
                                       "hypothesis", "comet",     "limit",   "algorithm",
                                       "postulate",  NULL};
    const lx_toklist *tl = c->tl;
    return b + 1 < tl->n && tl->v[b].kind == LX_TOK_POSS && (tl->v[b + 1].flags & LX_TF_SPACE) &&
           !(tl->v[b + 1].flags & LX_TF_NEWLINE) && lx_tok_in(tl, b + 1, laws);
}

/*
 * Is the person's name [a, b) one word (a surname, hyphens and all) that
 * a noun naming a thing after the person follows: "Kalman filter", "Huber
 * loss", "Cholesky decomposition", or a law's after a possessive?
 */
static bool eponym(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (tl->v[a].flags & LX_TF_ALLCAPS)
        return false;
    for (size_t k = a + 1; k < b; k++)
        if (tl->v[k].flags & LX_TF_SPACE)
            return false;
    /* a list's person is the law-maker ("Obama's law") */
    return eponym_head_at(L, c, b) || (!(c->sc->cmask[a] & LX_CM_GPER) && eponym_law(c, b));
}

/*
 * Is the organization [a, b) one word that no list knows, before a noun
 * naming a method, a device or a craft: "the EM algorithm", "a HOG
 * descriptor", "the Cassini spacecraft"?  The name of a thing, as an
 * eponym is a person's.
 */
static bool named_thing(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    return b == a + 1 && (c->tl->v[a].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
           !(c->sc->cmask[a] & (LX_CM_GPER | LX_CM_GORG)) && eponym_head_at(L, c, b);
}

/*
 * The label a work came out on, read into its name ("Discovery on Virgin
 * Records", "Kind of Blue for Columbia Records"): the first token of the
 * capitalized words after "on", "for" or "through" that end in an
 * organization's head word; a when there are none.
 */
static size_t label_of_work(const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (b - a < 3 || !(tl->v[b - 1].bits & LX_EV_ORG_SUFFIX))
        return a;
    for (size_t k = b - 2; k > a; k--) {
        if (!(tl->v[k + 1].flags & LX_TF_CAP))
            return a;
        static const char *const on[] = {"on", "for", "through", NULL};
        if ((tl->v[k].flags & LX_TF_LOWER) && lx_tok_in(tl, k, on))
            return k + 1;
    }
    return a;
}

/*
 * Is [a, b) a work's title after its noun ("their album Mr. Tambourine
 * Man", "the film Jaws")?  Not after a plural, which a list may follow,
 * nor a first name and a surname ("the documentary Michael Moore made").
 */
static inline __attribute__((always_inline)) bool titled_by_work(const lx_learn_lane *L,
                                                                 const lx_fctx *c, size_t a,
                                                                 size_t b)
{
    const lx_toklist *tl = c->tl;
    if (lx_phrase_full_name(tl, a, b))
        return false;
    /* a title the layer left out belongs to the work ("Mr. Tambourine Man") */
    if (a > 1 && lx_tok_is(tl, a - 1, ".") && (tl->v[a - 2].bits & LX_EV_TITLE))
        a -= 2;
    else if (a > 0 && (tl->v[a - 1].bits & LX_EV_TITLE) && (tl->v[a - 1].flags & LX_TF_CAP))
        a--;
    if (a == 0 || !(tl->v[a - 1].flags & LX_TF_LOWER) || !(tl->v[a].flags & LX_TF_SPACE) ||
        (tl->v[a].flags & LX_TF_NEWLINE) || !lx_phrase_written_as(c, a - 1, &L->work_nouns))
        return false;
    return !lx_phrase_plural(tl, a - 1);
}

/*
 * Is [a, b) a scholarly journal's name, or that of a body a journal is
 * named for ("the Proceedings of the National Academy of Sciences"), in a
 * sentence standing alone?  Encyclopedic annotation makes a journal a work
 * of its own kind, not an organization; news names its papers and
 * journals as bodies, so the rule keeps out of running text.  A journal
 * opens with its head word and "of", "on" or "der" ("Journal of Applied
 * Physics", "Transactions on Robotics", "Annalen der Physik"), or ends in
 * "Letters" ("Physical Review Letters"; "Arts and Letters" ends an
 * academy's).
 */
static inline __attribute__((always_inline)) bool journal(const lx_fctx *c, size_t a, size_t b)
{
    static const char *const heads[] = {"journal",      "proceedings", "annals",   "annalen",
                                        "transactions", "zeitschrift", "bulletin", NULL};
    static const char *const links[] = {"of", "on", "der", "für", NULL};
    const lx_toklist *tl = c->tl;
    if (!c->sc->brief)
        return false;
    if ((tl->v[a].flags & LX_TF_CAP) && lx_tok_in(tl, a, heads) && lx_tok_in(tl, a + 1, links))
        return true;
    /* "Arts and Letters" ends the name of an academy */
    if (b - a >= 2 && (tl->v[b - 1].flags & LX_TF_CAP) && lx_tok_is(tl, b - 1, "letters") &&
        !lx_phrase_conjunction(tl, b - 2))
        return true;
    size_t k = a;
    if (k > 0 && lx_tok_is(tl, k - 1, "the"))
        k--;
    return k > 1 && lx_tok_is(tl, k - 1, "of") && (tl->v[k - 2].flags & LX_TF_CAP) &&
           lx_tok_in(tl, k - 2, heads);
}

/* The verbs of a work's making before its title (see made_work()). */
const char *const lx_narrow_made_verbs[] = {"wrote", "written", "published", "directed",
                                            "composed", "authored", "penned", "filmed",
                                            "painted", "recorded", "released", "sang",
                                            "performed", NULL};

/*
 * Is the organization [a, b), not a list's over every word, the title its
 * maker's verb takes ("Spinrad wrote The Iron Dream in 1972", "she
 * directed Broadcast Dreams", "the band recorded Harbour Lights")?  A work,
 * not a body.  A capitalized "The" the model left out may stand between; a
 * lowercase noun after the name ("directed Acme engineers") makes it a
 * modifier, which a body may be.
 */
static inline __attribute__((always_inline)) bool made_work(const lx_learn_lane *L,
                                                            const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    size_t listed = 0;
    for (size_t k = a; k < b; k++)
        listed += (c->sc->cmask[k] & LX_CM_GORG) != 0;
    if (listed == b - a)
        return false;
    if (b < tl->n && (tl->v[b].flags & LX_TF_LOWER) && !(tl->v[b].bits & LX_EV_GRAMMAR))
        return false;
    size_t v = a > 0 && lx_phrase_title_article(tl, a - 1) ? a - 1 : a;
    return v > 0 && lx_wordset_has_folded(&L->made_verbs, tl, v - 1);
}

/*
 * Is [a, b) the whole of a quotation, marks right against it ("the single
 * \"Tin Roof\"", "a film, \"Michael Collins,\" that")?  Running text
 * quotes a title, a nickname or a slogan far more often than a person's
 * or an organization's name: such a name is kept only where it says what
 * it names, an organization by a word of its own ("the \"Army of the
 * Nation\"") or a noun next to it ("the newspaper \"Janakantha\"", "the
 * \"Janakantha\" newspaper", "a group called \"...\""), a person by a title
 * or a role ("Commander \"Vicente\"").
 */
static inline __attribute__((always_inline)) bool quoted_title(const lx_fctx *c, int cls, size_t a,
                                                               size_t b)
{
    const lx_toklist *tl = c->tl;
    if (a == 0 || !lx_phrase_quote_mark(tl, a - 1, true) || tl->v[a - 1].end != tl->v[a].start)
        return false;
    size_t q = b;
    if (q < tl->n && (lx_tok_is(tl, q, ",") || lx_tok_is(tl, q, ".")) &&
        tl->v[q - 1].end == tl->v[q].start)
        q++;
    if (q >= tl->n || !lx_phrase_quote_mark(tl, q, false) || tl->v[q - 1].end != tl->v[q].start)
        return false;
    /* a nickname: "also known as \"Nino\"", "dubbed the \"Iron Lady\"" */
    static const char *const naming_person[] = {"dubbed", "nicknamed", NULL};
    size_t n = a >= 2 && lx_tok_is(tl, a - 2, "the") ? a - 1 : a;
    if (cls == LX_C_PER && n >= 2 &&
        (lx_tok_in(tl, n - 2, naming_person) ||
         (n >= 3 && lx_tok_is(tl, n - 2, "as") && lx_tok_is(tl, n - 3, "known"))))
        return false;
    uint32_t said = cls == LX_C_ORG ? LX_EV_ORG_NOUN : LX_EV_TITLE | LX_EV_ROLE;
    if ((a >= 2 && (tl->v[a - 2].bits & said)) ||
        (cls == LX_C_ORG && q + 1 < tl->n && (tl->v[q + 1].bits & LX_EV_ORG_NOUN)))
        return false;
    /* "a group called \"Swift Boat Veterans for Truth\"", "a group calling
       itself \"...\"" */
    static const char *const naming[] = {"called", "named", "calling", "itself", NULL};
    size_t w = a - 1;
    while (cls == LX_C_ORG && w > 0 && w + 3 > a - 1 && lx_tok_in(tl, w - 1, naming))
        w--;
    if (cls == LX_C_ORG && w < a - 1 && w > 0 && (tl->v[w - 1].bits & LX_EV_ORG_NOUN))
        return false;
    for (size_t k = a; k < b && cls == LX_C_ORG; k++)
        if (tl->v[k].bits & LX_ORG_OWN_WORDS)
            return false;
    /* a name the lists know, or that a source proposes as such elsewhere
       in the text, is that name, quoted or not ("the \"Osama bin Laden\" of
       Latin America") */
    const lx_dslot *d = lx_feat_doc(c->sc, tl->v[b - 1].hash);
    if (d && (cls == LX_C_ORG ? d->org : d->per) >= 2)
        return false;
    uint8_t listed = cls == LX_C_ORG ? LX_CM_GORG : LX_CM_GPER;
    for (size_t k = a; k < b; k++)
        if (!(c->sc->cmask[k] & listed))
            return true;
    return false;
}

/*
 * Is the organization [a, b) a title of the shape "X of Y" ("Twilight of
 * the Idols", "Songs of Innocence", "The Canon of Medicine")?  An
 * organization so named says what it is before its "of": a word that
 * heads organizations ("Bank of", "Party of", "University of", and the
 * plurals and heads the evidence lists lack: "Ministries of", "Embassy
 * of") or the members it gathers ("Sons of", "Friends of", "Knights of").
 * Nothing before the "of" says so here, no list knows the name, and it is
 * not a team on a score or table line, or before its score, or an item
 * inside a list of names.
 */
static inline __attribute__((always_inline)) bool titled_x_of_y(const lx_fctx *c, size_t a,
                                                                size_t b)
{
    static const char *const members[] = {
        "sons", "daughters", "friends", "knights", "veterans", "brothers", "sisters",
        "missionaries", "servants", "soldiers", "citizens", "workers", "writers", "women",
        "mothers", "fathers", "children", "people", "tigers", "allies", "dames", "forces",
        "movement", "front", "students", "nation", "community", "embassy", "embassies",
        "ministries", "committees", "departments", "councils", NULL};
    const lx_toklist *tl = c->tl;
    /* a team in a score or table line ("Queen of the South 2 Dumbarton 1") */
    if (b - a < 3 || (c->sc->line[a] & ~LX_LINE_JOINED) == LX_LINE_TABLE ||
        (b < tl->n && tl->v[b].kind == LX_TOK_NUMBER))
        return false;
    /* an item inside a list of names, whose type the list decides ("the
       Copper Saints, Lanterns of Orm and Gideon Marsh") */
    if (a > 0 && lx_tok_is(tl, a - 1, ",") && (lx_tok_is(tl, b, ",") || lx_tok_is(tl, b, "and")))
        return false;
    size_t of = a + 1;
    while (of + 1 < b && !lx_tok_is(tl, of, "of"))
        of++;
    if (of + 1 >= b || lx_tok_in(tl, of - 1, members))
        return false;
    for (size_t k = a; k < b; k++)
        if ((tl->v[k].bits & (LX_ORG_OWN_WORDS | LX_EV_ORG_NOUN)) || (c->sc->cmask[k] & LX_CM_GORG))
            return false;
    return true;
}

/*
 * Is the one-word person [a, b) the model of a product numbered before it,
 * "its 737 Max jets", "the Model 3 Performance"?  A number that is no year
 * ("in 2008 Obama won") and a space are all that stand between them, and
 * the word is no surname alone (a first name may be a model's: "Max") and
 * no person the lists know ("15,000 Putin supporters").
 */
static bool model_name(const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    /* not the last number of a figure ("10-0-59-1 Muralitharan") */
    if (a > 2 && !(tl->v[a - 1].flags & LX_TF_SPACE) && tl->v[a - 2].kind == LX_TOK_PUNCT &&
        tl->v[a - 3].kind == LX_TOK_NUMBER)
        return false;
    return b == a + 1 && a > 0 && tl->v[a - 1].kind == LX_TOK_NUMBER &&
           (tl->v[a].bits & (LX_EV_SURNAME | LX_EV_FIRSTNAME)) != LX_EV_SURNAME &&
           !(c->sc->cmask[a] & LX_CM_GPER) &&
           (tl->v[a].flags & LX_TF_SPACE) && !(tl->v[a].flags & (LX_TF_NEWLINE | LX_TF_SENT)) &&
           !(tl->v[a - 1].end - tl->v[a - 1].start == 4);
}

/* The kinds that close a law's or a document's name (see document_name()). */
const char *const lx_narrow_document_kinds[] = {"amendment", "amendments", "decree", "doctrine",
                                                "declaration", "manifesto", "protocol", "act",
                                                "directive", "ordinance", "statute", NULL};

/*
 * Is [a, b) the name of a law or a document, closed by its kind: "the
 * Fourteenth Amendment", "the Alhambra Decree", "the Monroe Doctrine", "the
 * Kyoto Protocol"?  (An accord, a treaty or a convention names a party or
 * a body too, in the annotated text.)
 */
static bool document_name(const lx_learn_lane *L, const lx_toklist *tl, size_t a, size_t b)
{
    /* asked of most names: the kinds by hash */
    return b - a >= 2 && (tl->v[b - 1].flags & LX_TF_CAP) &&
           !(tl->v[b - 1].flags & LX_TF_ALLCAPS) &&
           lx_wordset_has_folded(&L->document_kinds, tl, b - 1);
}

/*
 * Is the name [a, b) the first part of a web address ("ClinicalTrials.gov",
 * "Reddit.com"), written onto a top-level domain, with or without the
 * dot?  A site is no person.
 */
static bool web_address(const lx_toklist *tl, size_t a, size_t b)
{
    static const char *const domains[] = {"com", "org", "gov", "net", "edu", "io", NULL};
    if (b > a + 1 && lx_tok_is(tl, b - 1, "."))
        b--;
    return b + 1 < tl->n && lx_tok_is(tl, b, ".") &&
           !(tl->v[b].flags & LX_TF_SPACE) && !(tl->v[b + 1].flags & LX_TF_SPACE) &&
           (tl->v[b + 1].flags & LX_TF_LOWER) && lx_tok_in(tl, b + 1, domains);
}

/*
 * Is the name ending before token b the first part of a compound word
 * ("NATO-led", "EU-wide", "Co-author")?  A name the compound holds is the
 * whole compound's, never its first part's.
 */
static bool compound_head(const lx_toklist *tl, size_t b)
{
    return b + 1 < tl->n && lx_tok_is(tl, b, "-") && !(tl->v[b].flags & LX_TF_SPACE) &&
           !(tl->v[b + 1].flags & LX_TF_SPACE) && tl->v[b + 1].kind == LX_TOK_WORD &&
           (tl->v[b + 1].flags & LX_TF_LOWER);
}

/*
 * Is [a, b) a ship's name: a navy's or a line's prefix ("HMS Victory",
 * "USS Enterprise", "RMS Titanic") and a capitalized word?  A ship is a
 * thing, neither its owner nor a person.
 */
static bool ship_name(const lx_toklist *tl, size_t a, size_t b)
{
    static const char *const prefixes[] = {"hms", "uss", "rms", "hmas", "hmcs", "hmnzs",
                                           "ins", "sms", NULL};
    return b > a + 1 && (tl->v[a].flags & LX_TF_ALLCAPS) && lx_tok_in(tl, a, prefixes) &&
           (tl->v[a + 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
           !(tl->v[a + 1].flags & LX_TF_NEWLINE);
}

/* The words that close an event's name, a war's or a revolution's (see
   event_name()). */
const char *const lx_narrow_event_closers[] = {"war", "wars", "revolution", "rebellion",
                                               "uprising", "crusade", "crusades", NULL};

/*
 * Is [a, b) an event's name, or a part of one: "the Napoleonic Wars", "the
 * Glorious Revolution", "the Treaty of Westbrook", "the Battle of
 * Hastings" (read whole, or only its place)?  A war or a revolution
 * closes the name, unless the name holds "of", "for" or a word that heads
 * organizations ("Ministry of War", "Islamic Revolution Party"); a
 * treaty, a battle or a siege opens it, with "of" after it; an ordinal
 * opens a council's or a synod's ("the Second Vatican Council").
 */
static inline __attribute__((always_inline)) bool event_name(const lx_learn_lane *L,
                                                             const lx_toklist *tl, size_t a,
                                                             size_t b)
{
    static const char *const openers[] = {"treaty", "battle", "siege", "edict", "sack", NULL};
    const lx_token *last = &tl->v[b - 1];
    /* asked of every name: the closers by hash */
    if (b - a >= 2 && (last->flags & LX_TF_CAP) &&
        lx_wordset_has_folded(&L->event_closers, tl, b - 1)) {
        /* "Party of the Democratic Revolution", "Veterans of Foreign Wars":
           an organization's name with the war in it */
        bool named = false;
        for (size_t k = a; k + 1 < b; k++)
            named |= lx_tok_is(tl, k, "of") || lx_tok_is(tl, k, "for") ||
                     (tl->v[k].bits & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX));
        if (!named)
            return true;
    }
    /* a church's numbered council or synod ("the Second Vatican Council",
       "the First Council of Nicaea"): the meeting, not a standing body */
    if (b - a >= 2 && (tl->v[a].flags & LX_TF_CAP))
        for (size_t j = a + 1; j < b && j < a + 3; j++)
            if ((lx_tok_is(tl, j, "council") || lx_tok_is(tl, j, "synod")) &&
                lx_phrase_ordinal(tl, a))
                return true;
    /* the opener is the name's first word, or the word before its "of" */
    size_t k = SIZE_MAX;
    if (a + 1 < b && lx_tok_is(tl, a + 1, "of"))
        k = a;
    else if (a >= 2 && lx_tok_is(tl, a - 1, "of"))
        k = a - 2;
    return k != SIZE_MAX && (tl->v[k].flags & LX_TF_CAP) && lx_tok_in(tl, k, openers);
}

/*
 * Is the organization's name [a, b) a work's title, dated in parentheses
 * as encyclopedias date books, films and albums: "The Rebel Angels
 * (1981)", "House of Rue (1980; reprinted ...)"?  Not when a word of it
 * says organization ("Institute", "Press", "Inc."): "Gnome Press (1948)".
 */
static inline __attribute__((always_inline)) bool dated_work(const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (b + 2 >= tl->n || !lx_tok_is(tl, b, "(") || (tl->v[b + 1].flags & LX_TF_SPACE) ||
        !lx_phrase_year_at(tl, b + 1) ||
        (!lx_tok_is(tl, b + 2, ")") && !lx_tok_is(tl, b + 2, ";") && !lx_tok_is(tl, b + 2, ",")))
        return false;
    const uint32_t org_words = LX_EV_ORG_SUFFIX | LX_EV_DESIGNATOR;
    for (size_t k = a; k < b; k++)
        if (tl->v[k].bits & org_words)
            return false;
    return true;
}

/* Is token k a plural acronym, capitals and an "s" ("GPUs", "MPs")? */
static bool plural_acronym(const lx_fctx *c, size_t k)
{
    const lx_token *t = &c->tl->v[k];
    if (t->kind != LX_TOK_WORD || t->end - t->start < 3 || c->text[t->end - 1] != 's')
        return false;
    for (size_t p = t->start; p + 1 < t->end; p++)
        if (c->text[p] < 'A' || c->text[p] > 'Z')
            return false;
    return true;
}

/* Does the word at k end as a Latin species name does ("coli", "sapiens",
   "elegans", "thaliana", "musculus")? */
static bool latin_ending(const lx_fctx *c, size_t k)
{
    static const char *const endings[] = {"us", "um", "a", "ae", "is", "i", "ans", "ens",
                                          "ium", "ix", NULL};
    const lx_token *t = &c->tl->v[k];
    size_t n = t->end - t->start;
    for (size_t p = t->start; p < t->end; p++)
        if (c->text[p] < 'a' || c->text[p] > 'z')
            return false;
    for (int e = 0; endings[e]; e++) {
        size_t m = strlen(endings[e]);
        if (n > m + 2 && !memcmp(c->text + t->end - m, endings[e], m))
            return true;
    }
    return false;
}

/*
 * Is the one-word name [a, b) a genus before its species, a lowercase word
 * in Latin that no list knows ("Escherichia coli", "Homo sapiens")?  A
 * binomial names a living thing.
 */
static inline __attribute__((always_inline)) bool genus(const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    return b == a + 1 && b < tl->n && (tl->v[a].flags & LX_TF_CAP) &&
           !(tl->v[a].flags & LX_TF_ALLCAPS) && tl->v[b].kind == LX_TOK_WORD &&
           (tl->v[b].flags & LX_TF_LOWER) && (tl->v[b].flags & LX_TF_SPACE) &&
           !(tl->v[b].flags & (LX_TF_NEWLINE | LX_TF_SENT)) && tl->v[b].bits == 0 &&
           !(c->sc->cmask[a] & (LX_CM_GPER | LX_CM_GORG)) && latin_ending(c, b) &&
           /* "Springbok scrum-half" */
           !(b + 1 < tl->n && !(tl->v[b + 1].flags & LX_TF_SPACE) && lx_tok_is(tl, b + 1, "-"));
}

/* Do the bytes of text before `end` end with the word w, after a space or at base? */
static bool bytes_end_with(const lx_fctx *c, size_t end, const char *w)
{
    size_t n = strlen(w);
    if (end < n || memcmp(c->text + end - n, w, n) != 0)
        return false;
    return end == n || c->text[end - n - 1] == ' ' || c->text[end - n - 1] == '\n';
}

/* Is token k a list's joint: a comma, "and" or "or"? */
static inline bool list_joint(const lx_toklist *tl, size_t k)
{
    return lx_tok_is(tl, k, ",") || lx_tok_is(tl, k, "and") || lx_tok_is(tl, k, "or");
}

/* Does the list that runs back from its joint at token k start at a
   plural storm word?  (See storm_of_list().) */
static __attribute__((noinline)) bool storm_list_from(const lx_learn_lane *L, const lx_fctx *c,
                                                      size_t k)
{
    const lx_toklist *tl = c->tl;
    while (k > 0 && (list_joint(tl, k) || (tl->v[k].flags & LX_TF_CAP)) &&
           !lx_phrase_written_as(c, k, &L->storms))
        k--;
    return lx_phrase_written_as(c, k, &L->storms) && lx_phrase_plural(tl, k);
}

/*
 * Is the name at token a an item of a list of storms that a plural storm
 * word heads ("Hurricanes Katrina, Rita, and Wilma")?  The list runs back
 * over capitalized words, commas and "and" or "or" to that word.  Asked of
 * every name: the joint before it is looked at here, the list only behind
 * one.
 */
static inline bool storm_of_list(const lx_learn_lane *L, const lx_fctx *c, size_t a)
{
    return a >= 2 && list_joint(c->tl, a - 1) && storm_list_from(L, c, a - 1);
}

/*
 * "a PhD in Astronomy", "a bachelor's in Law", "Professor of Linguistics
 * at Yale": the capitalized words after a degree or a chair and "in" or
 * "of" are a field of study.  A name holding an organization's head word
 * is left alone ("a degree in Law from Harvard Law School" reads the
 * school from "Harvard" on; "master of the Royal Mint" has its "the").
 */
static inline __attribute__((always_inline)) bool field_of_study(const lx_learn_lane *L,
                                                                 const lx_fctx *c, size_t a,
                                                                 size_t b)
{
    const lx_toklist *tl = c->tl;
    if (a < 2 || !(tl->v[a - 1].flags & LX_TF_LOWER) ||
        !(lx_tok_is(tl, a - 1, "in") || lx_tok_is(tl, a - 1, "of")))
        return false;
    size_t k = a - 2;
    /* "master's": the tokenizer's possessive after the degree */
    if (k >= 1 && tl->v[k].kind == LX_TOK_POSS)
        k--;
    if (!lx_phrase_written_as(c, k, &L->degree_words) &&
        !(lx_tok_is(tl, k, ".") && (bytes_end_with(c, tl->v[k].end, "Ph.D.") ||
                                    bytes_end_with(c, tl->v[k].end, "D.Phil."))))
        return false;
    for (size_t i = a; i < b; i++)
        if (tl->v[i].bits & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_DESIGNATOR))
            return false;
    return true;
}

/* Is "St", "St." or "Saint" right before token a? */
static bool saint_before(const lx_toklist *tl, size_t a)
{
    size_t k = lx_phrase_word_before(tl, a);
    return k != SIZE_MAX && (lx_tok_is(tl, k, "st") || lx_tok_is(tl, k, "saint"));
}

/* Is token k a Roman numeral of two letters or more ("II", "XXVI")? */
static bool roman_numeral(const lx_fctx *c, size_t k)
{
    const lx_token *t = &c->tl->v[k];
    return t->kind == LX_TOK_WORD && t->end - t->start >= 2 && t->end - t->start <= 7 &&
           lx_phrase_only_letters_of(c, t, "IVXLC");
}

/* Are the two capitals of token k, in parentheses, the initials of the two
   capitalized words before them, an acronym's definition ("New Democracy
   (ND)", "the Palestinian Authority's (PA)") rather than a state's code? */
static bool initials_before(const lx_fctx *c, size_t k)
{
    const lx_toklist *tl = c->tl;
    size_t j = k - 1; /* the "(" */
    if (j >= 1 && tl->v[j - 1].kind == LX_TOK_POSS)
        j--;
    if (j < 2 || !(tl->v[j - 1].flags & LX_TF_CAP) || !(tl->v[j - 2].flags & LX_TF_CAP))
        return false;
    const char *w = c->text + tl->v[k].start;
    return c->text[tl->v[j - 2].start] == w[0] && c->text[tl->v[j - 1].start] == w[1];
}

/* Is token k a fiscal year written as one word ("FY2017", "FY17")? */
static bool fiscal_year(const lx_fctx *c, size_t k)
{
    const lx_token *t = &c->tl->v[k];
    size_t n = t->end - t->start;
    const char *w = c->text + t->start;
    if ((n != 4 && n != 6) || w[0] != 'F' || w[1] != 'Y')
        return false;
    for (size_t p = 2; p < n; p++)
        if (w[p] < '0' || w[p] > '9')
            return false;
    return true;
}

/* Is the name ending at token b cut at "Volume", "Issue" or "Number"
   before a number ("Congressional Record Volume 143")? */
static bool numbered_volume(const lx_fctx *c, size_t b)
{
    static const char *const parts[] = {"volume", "vol", "issue", "number", NULL};
    const lx_toklist *tl = c->tl;
    return b < tl->n && (tl->v[b - 1].flags & LX_TF_CAP) && tl->v[b].kind == LX_TOK_NUMBER &&
           (tl->v[b].flags & LX_TF_SPACE) && !(tl->v[b].flags & LX_TF_NEWLINE) &&
           lx_tok_in(tl, b - 1, parts);
}

/* Does token a follow a short parenthetical that opens its sentence, as
   the verb of a bill's summary follows its section ("(Sec. 422) Prohibits
   funds from ...")? */
static bool after_opening_parenthetical(const lx_toklist *tl, size_t a)
{
    if (a < 3 || !lx_tok_is(tl, a - 1, ")") || !(tl->v[a].flags & LX_TF_SPACE))
        return false;
    size_t lo = a > 6 ? a - 6 : 0;
    for (size_t k = a - 2; k-- > lo;)
        if (lx_tok_is(tl, k, "("))
            return (tl->v[k].flags & LX_TF_SENT) != 0;
    return false;
}

/*
 * Is the word at a a place's name (a list's place, and no list's
 * organization) after a preposition of place: "in Cambridge", "near Lyon"?
 */
static bool place_after_preposition(const lx_fctx *c, size_t a)
{
    static const char *const prepositions[] = {"in", "near", "outside", "across",
                                               "throughout", NULL};
    const lx_toklist *tl = c->tl;
    return a > 0 && (tl->v[a].bits & (LX_EV_PLACE | LX_EV_COUNTRY)) &&
           !(c->sc->cmask[a] & LX_CM_GORG) && (tl->v[a - 1].flags & LX_TF_LOWER) &&
           lx_tok_in(tl, a - 1, prepositions);
}

/* The prepositions of place before a town (see town_before_region()). */
const char *const lx_narrow_place_prepositions[] = {"in", "from", "near", "to", "at", "outside",
                                                    NULL};

/*
 * Is [a, b) a town written before its state, province or country after a
 * preposition of place: "near Turner, Arkansas", "from Fort Payne,
 * Alabama", "in Rosa Morada, Sinaloa"?  The region is a list's place; a
 * capitalized word after it would make it a list of names ("from Pol Pot,
 * Ta Mok"), and a possessive a title ("to John Hale, Ohio's governor").
 */
static bool town_before_region(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (a == 0 || !(tl->v[a - 1].flags & LX_TF_LOWER) ||
        !lx_wordset_has_folded(&L->place_prepositions, tl, a - 1) ||
        b + 1 >= tl->n || !lx_tok_is(tl, b, ",") || tl->v[b].start != tl->v[b - 1].end)
        return false;
    const lx_token *region = &tl->v[b + 1];
    return region->kind == LX_TOK_WORD && (region->flags & LX_TF_CAP) &&
           !(region->flags & (LX_TF_NEWLINE | LX_TF_SENT)) &&
           (region->bits & (LX_EV_PLACE | LX_EV_COUNTRY)) &&
           !(c->sc->cmask[b + 1] & (LX_CM_GPER | LX_CM_GORG)) &&
           (b + 2 == tl->n || (!(tl->v[b + 2].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
                               tl->v[b + 2].kind != LX_TOK_POSS));
}

/*
 * Is the word at a a term of science by its ending ("Insulin", "Kinases",
 * "Photosynthesis"; see term-endings.txt): no list's name, and no first
 * name, surname, place or people?
 */
static bool science_term(const lx_learn_lane *L, const lx_fctx *c, size_t a)
{
    const uint32_t names = LX_EV_FIRSTNAME | LX_EV_SURNAME | LX_EV_PLACE | LX_EV_PLACE_HEAD |
                           LX_EV_PLACE_TAIL | LX_EV_COUNTRY | LX_EV_NATIONALITY;
    const lx_token *t = &c->tl->v[a];
    if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP) || (t->flags & LX_TF_ALLCAPS) ||
        (t->bits & names) || t->fold_len < 6 || (c->sc->cmask[a] & (LX_CM_GPER | LX_CM_GORG)))
        return false;
    const char *f = lx_tok_fold(c->tl, t);
    return (L->term_ending_bits & lx_learn_ending_bit(f[t->fold_len - 1], f[t->fold_len - 2])) &&
           lx_phrase_ends_in(c->tl, t, lx_words_term_endings);
}

/*
 * Is the person's or organization's name [a, b) a word or two that name no
 * one?  "a GPU", "DNA tests" (a common term's acronym); "the Nation's
 * economy" (a word government writing capitalizes); "Smith (TX)" (a
 * member's state); "FY2017"; "Subparagraph (A)", "rule XXVI", "TITLE
 * III" (parts of a text); "the Chairman Pro Tempore".  A list's name
 * stays one.  The byte and flag tests come first: asked of every span.
 */
static inline __attribute__((always_inline)) bool names_no_one(const lx_learn_lane *L,
                                                               const lx_fctx *c, int cls, size_t a,
                                                               size_t b)
{
    const lx_toklist *tl = c->tl;
    const lx_token *t = &tl->v[a];
    if ((cls != LX_C_PER && cls != LX_C_ORG) || b - a > 2)
        return false;
    if (b - a == 2)
        return (lx_wordset_has_folded(&L->part_words, tl, a) && roman_numeral(c, a + 1)) ||
               (cls == LX_C_PER && lx_tok_is(tl, a, "pro") && lx_tok_is(tl, a + 1, "tempore"));
    if (fiscal_year(c, a))
        return true;
    if (a > 0 && (tl->v[a - 1].flags & LX_TF_LOWER) && roman_numeral(c, a) &&
        (lx_tok_is(tl, a - 1, "rule") || lx_wordset_has_folded(&L->part_words, tl, a - 1)))
        return true;
    if (!(t->flags & LX_TF_LOWER) && lx_wordset_has_folded(&L->part_words, tl, a))
        return true;
    if (a > 0 && b < tl->n && t->end - t->start == 2 && lx_tok_is(tl, b, ")") &&
        (lx_tok_is(tl, a - 1, "(") || lx_tok_is(tl, a - 1, "-")) &&
        lx_phrase_written_as(c, a, &L->state_codes) && !initials_before(c, a))
        return true;
    return ((lx_phrase_written_as(c, a, &L->term_acronyms) ||
             lx_phrase_written_as(c, a, &L->civic_words)) &&
            !(c->sc->cmask[a] & (LX_CM_GPER | LX_CM_GORG))) ||
           science_term(L, c, a);
}

/*
 * Is word k a month's short name before a day of the month: "FRANKFURT,
 * Jan 29 (Wire) -", "Dec. 8"?  "Jan", "Mar" and "Dec" are given names too,
 * but one alone before a day is a date.
 */
static bool month_before_day(const lx_toklist *tl, size_t k)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                         "sep", "sept", "oct", "nov", "dec", NULL};
    return (tl->v[k].flags & LX_TF_CAP) && lx_dateline_day_after(tl, k) &&
           lx_tok_in(tl, k, months);
}

/* Is word k a personal pronoun ("He taught", "She said")?  "He" is a
   surname too, but never a name alone. */
static bool personal_pronoun(const lx_toklist *tl, size_t k)
{
    static const char *const pronouns[] = {"he", "she", "it", "we", "they", "you", NULL};
    return tl->v[k].kind == LX_TOK_WORD && !(tl->v[k].flags & LX_TF_ALLCAPS) &&
           tl->v[k].fold_len <= 4 && lx_tok_in(tl, k, pronouns);
}

/* Is word k an interjection that opens a sentence, or a quotation
   ("Hello everyone.", "\"Alas,\" she said")? */
static bool opening_interjection(const lx_learn_lane *L, const lx_toklist *tl, size_t k)
{
    /* an acronym is no word of talk ("GOSH", a hospital's) */
    if (tl->v[k].kind != LX_TOK_WORD || !(tl->v[k].flags & LX_TF_CAP) ||
        (tl->v[k].flags & LX_TF_ALLCAPS))
        return false;
    /* the set first: it turns most words away at once */
    return lx_wordset_has_folded(&L->interjections, tl, k) &&
           (lx_phrase_opens_sentence_at(tl, k) || (k > 0 && lx_phrase_quote_mark(tl, k - 1, true)));
}

bool lx_narrow_span(const lx_learn_lane *L, const lx_fctx *c, int cls, size_t *a, size_t *b)
{
    const lx_toklist *tl = c->tl;
    /* no name opens with punctuation: "Ms. Rice" read from its period on
       is "Rice" */
    while (*a < *b && tl->v[*a].kind == LX_TOK_PUNCT)
        ++*a;
    /* nor with a lowercase article or conjunction: "and the Society for
       the Prevention of Cruelty to Animals" read from "the" on.  One word
       after "a" is one of a kind ("a Swede", "a Goose and a Swan"), and
       one after "of the" the end of a longer name ("the Great Hall of the
       People") */
    static const char *const openers[] = {"the", "a", "an", "and", "or", NULL};
    bool one_of_kind = false;
    while (*a + 1 < *b && (tl->v[*a].flags & LX_TF_LOWER) && lx_tok_in(tl, *a, openers)) {
        one_of_kind = lx_phrase_indefinite_article(tl, *a) ||
                      (lx_tok_is(tl, *a, "the") && *a > 0 && lx_tok_is(tl, *a - 1, "of"));
        ++*a;
    }
    /* "two Nvidia GPUs": a plural acronym after a name is a kind of thing
       and no part of the name */
    while (*b - *a >= 2 && plural_acronym(c, *b - 1))
        --*b;
    /* "... Charles V. The Society of Jesus": a sentence's "The" stays out */
    if (*a + 1 < *b && !(tl->v[*a].flags & LX_TF_SENT) && lx_phrase_opens_sentence_at(tl, *a))
        ++*a;
    if (*a == *b || (one_of_kind && *b == *a + 1))
        return false;
    /* "subpart B. See also": a part's letter is no initial, and the
       common word after it no name */
    if (*a > 0 && *a + 2 < *b && (tl->v[*a - 1].flags & LX_TF_LOWER) &&
        lx_wordset_has_folded(&L->part_words, tl, *a - 1) &&
        tl->v[*a].end - tl->v[*a].start == 1 && lx_tok_is(tl, *a + 1, ".")) {
        *a += 2;
        if (*b == *a + 1 && (tl->v[*a].bits & (LX_EV_COMMON | LX_EV_WORD)) &&
            !(tl->v[*a].bits & (LX_EV_FIRSTNAME | LX_EV_SURNAME)))
            return false;
    }
    /* one word after "a" that no noun follows is one of a kind too */
    if (*b == *a + 1 && *a > 0 && lx_phrase_indefinite_article(tl, *a - 1)) {
        /* "a Dane, a Swede and a Pole" ("an Arafat adviser" is a person) */
        if (cls == LX_C_PER && (*b == tl->n || tl->v[*b].kind == LX_TOK_PUNCT ||
                                lx_tok_is(tl, *b, "and") || lx_tok_is(tl, *b, "or")))
            return false;
        /* "recorded an EP with them", "works for an NGO.": an acronym
           ("a NATO summit" keeps NATO, and "an IMF-backed loan" IMF) */
        static const char *const stops[] = {",", ".", ";", ":", ")", NULL};
        if (cls == LX_C_ORG && (tl->v[*a].flags & LX_TF_ALLCAPS) &&
            (tl->v[*a - 1].flags & LX_TF_LOWER) &&
            (*b == tl->n || lx_tok_in(tl, *b, stops) || (tl->v[*b].bits & LX_EV_FUNCTION)) &&
            !(c->sc->cmask[*a] & LX_CM_GORG))
            return false;
    }
    if (*b == *a + 1 && (month_before_day(tl, *a) || personal_pronoun(tl, *a) ||
                         opening_interjection(L, tl, *a)))
        return false;
    const lx_token *first = &tl->v[*a], *last = &tl->v[*b - 1];
    if ((cls == LX_C_PER || cls == LX_C_ORG) &&
        ((*a > 0 && lx_phrase_written_as(c, *a - 1, &L->storms)) || storm_of_list(L, c, *a) ||
         (*b - *a >= 2 && !(first->bits & LX_EV_FIRSTNAME) &&
          lx_phrase_written_as(c, *a, &L->storms))))
        return false;
    if ((cls == LX_C_PER || cls == LX_C_ORG) && field_of_study(L, c, *a, *b))
        return false;
    /* "a red Ferrari F-430", "the Navy P-3 Orion": a name read into such a
       word ends before it; "the Chandra X-ray Observatory": a person's name
       before one names the thing ("a NASA X-ray telescope" keeps NASA) */
    if (*b - *a >= 2 && lx_phrase_letter_compound(tl, *b - 1)) {
        if (cls != LX_C_ORG)
            return false;
        --*b;
    }
    if (cls == LX_C_PER && *b < tl->n && lx_phrase_letter_compound(tl, *b))
        return false;
    if (names_no_one(L, c, cls, *a, *b))
        return false;
    /* "the laboratory in Cambridge", "a village near Lyon": a place's one
       word after a preposition of place is the place, though a town's
       name may be its team's */
    if (cls == LX_C_ORG && *b == *a + 1 && place_after_preposition(c, *a))
        return false;
    if (cls == LX_C_PER && town_before_region(L, c, *a, *b))
        return false;
    /* "15 degrees Celsius": a scale, though a list knows a firm by its name */
    if (*b == *a + 1 && *a > 0 && (tl->v[*a - 1].flags & LX_TF_LOWER) &&
        (lx_tok_is(tl, *a - 1, "degrees") || lx_tok_is(tl, *a - 1, "degree")))
        return false;
    /* "Congressional Record Volume 143": the part and its number follow the name */
    if (*b - *a >= 2 && numbered_volume(c, *b))
        --*b;
    /* "Brahms's Violin Concerto", "the St Matthew Passion": a piece of music
       ("Abdullah Sonata", a first name and a surname, is a person) */
    if (cls == LX_C_PER && *b - *a >= 2 && lx_phrase_written_as(c, *b - 1, &L->music_works) &&
        (!(first->bits & LX_EV_FIRSTNAME) || saint_before(tl, *a)))
        return false;
    /* "Comet Hale-Bopp": a body in the sky, named with its kind */
    if ((cls == LX_C_PER || cls == LX_C_ORG) && *b > *a + 1 &&
        lx_phrase_written_as(c, *a, &L->sky_kinds))
        return false;
    /* "Sec. 2", "H. Rept. 116-101", "No. 5": an abbreviation before a
       number is a reference to a part of a text, not a name */
    if (numbered_part(c, *b))
        return false;
    /* "the EP Harmattan", "their second LP Winter Harbour": a record's
       format in capitals before its title (alone, "EP" may be the European
       Parliament) */
    if (*b > *a + 1 && lx_tok_capitals(first) && first->end - first->start == 2 &&
        (lx_tok_is(tl, *a, "ep") || lx_tok_is(tl, *a, "lp")))
        return false;
    /* "Historians say": the plural of a common word opening a sentence */
    if ((cls == LX_C_PER || cls == LX_C_ORG) && *b == *a + 1 &&
        ((first->flags & LX_TF_SENT) || after_opening_parenthetical(tl, *a)) &&
        lx_phrase_common_plural(c, *a))
        return false;
    /* "Rivals British Airways and Lufthansa said": a sentence's plural
       common word before a name of two words or more is none of it; not
       before a common or function word ("Veterans Affairs", "Doctors
       Without Borders") */
    if ((cls == LX_C_PER || cls == LX_C_ORG) && *b - *a >= 3 && (first->flags & LX_TF_SENT) &&
        !(first->bits & (LX_EV_ORG_PREFIX | LX_EV_ORG_SUFFIX)) &&
        (tl->v[*a + 1].flags & LX_TF_CAP) && !(tl->v[*a + 1].bits & LX_EV_ORG_SUFFIX) &&
        (!(tl->v[*a + 1].bits & (LX_EV_WORD | LX_EV_COMMON | LX_EV_FUNCTION)) ||
         (tl->v[*a + 1].bits & (LX_EV_NATIONALITY | LX_EV_PLACE | LX_EV_FIRSTNAME))) &&
        lx_phrase_plural_word(c, *a))
        ++*a;
    /* "the album Northern Lights", "his novel Dune", "the film The House
       of Mirth" (its "The" left out): a work's title */
    if (*a > 0 && (first->flags & LX_TF_SPACE) &&
        (lx_phrase_written_as(c, *a - 1, &L->work_nouns) ||
         (*a > 1 && lx_phrase_title_article(tl, *a - 1) &&
          lx_phrase_written_as(c, *a - 2, &L->work_nouns))))
        return false;
    if (in_apposition_to_work(L, c, *a, *b) || defined_as_work(L, c, *b) ||
        names_award(L, c, cls, *a, *b))
        return false;
    if (cls == LX_C_PER && (eponym(L, c, *a, *b) || dash_joined(c, *a, *b)))
        return false;
    if ((cls == LX_C_PER || cls == LX_C_ORG) && event_name(L, tl, *a, *b))
        return false;
    if (cls == LX_C_PER && (model_name(c, *a, *b) || web_address(tl, *a, *b)))
        return false;
    if ((cls == LX_C_PER || cls == LX_C_ORG) && compound_head(tl, *b))
        return false;
    if ((cls == LX_C_PER || cls == LX_C_ORG) &&
        (ship_name(tl, *a, *b) || document_name(L, tl, *a, *b)))
        return false;
    if (cls == LX_C_ORG && titled_x_of_y(c, *a, *b))
        return false;
    if ((cls == LX_C_PER || cls == LX_C_ORG) && quoted_title(c, cls, *a, *b))
        return false;
    if ((cls == LX_C_PER || cls == LX_C_ORG) && genus(c, *a, *b))
        return false;
    /* "orbited Saturn", "the moons Io and Europa", "the Moon": a body in
       the sky, unless a list knows the name ("Mercury" the label) */
    if ((cls == LX_C_PER || cls == LX_C_ORG) && *b == *a + 1 &&
        (lx_phrase_written_as(c, *a, &L->sky_objects) || the_moon(c, *a)) &&
        !(c->sc->cmask[*a] & (LX_CM_GPER | LX_CM_GORG)))
        return false;
    /* "Madison Square Garden", "Wembley Stadium": a place's name; an
       organization's too where the word is never a body's head ("the
       Emirates Stadium"; "Kennedy Space Center" and "Memorial Sloan
       Kettering" are bodies), unless a list knows the name.  The place's
       head word first: its set turns most names away at once */
    if (*b - *a >= 2 && lx_phrase_written_as(c, *b - 1, &L->place_heads) &&
        (cls == LX_C_PER || (cls == LX_C_ORG && !place_word_heads_body(c->tl, *b - 1) &&
                             !(c->sc->cmask[*b - 1] & LX_CM_GORG))))
        return false;
    if ((cls == LX_C_PER || cls == LX_C_ORG) &&
        (titled_by_work(L, c, *a, *b) || journal(c, *a, *b)))
        return false;
    if (cls == LX_C_ORG && (dated_work(c, *a, *b) || named_thing(L, c, *a, *b)))
        return false;
    if (cls == LX_C_ORG && made_work(L, c, *a, *b)) {
        /* "released Discovery on Virgin Records": the work, then the label
           it came out on */
        size_t k = label_of_work(c, *a, *b);
        if (k == *a)
            return false;
        *a = k;
    }
    if (*b - *a >= 2 && (first->flags & LX_TF_SENT) && (first->bits & LX_EV_AUXILIARY) &&
        question(c, *a))
        ++*a;
    if (cls == LX_C_PER && *b - *a >= 3 && (first->flags & LX_TF_SENT) &&
        (first->bits & (LX_EV_WORD | LX_EV_COMMON)) && !(first->bits & LX_EV_FIRSTNAME) &&
        (tl->v[*a + 1].bits & LX_EV_FIRSTNAME))
        ++*a;
    return !(*b < tl->n && (last->bits & LX_EV_TITLE) && !(tl->v[*b].flags & LX_TF_SPACE) &&
             lx_tok_is(tl, *b, "."));
}
