/* SPDX-License-Identifier: MIT */
/*
 * Passes after decoding that change what a learned span reads as (see
 * retype.h).
 */
#include "retype.h"

#include <string.h>

#include "bounds.h"
#include "near.h"
#include "phrase.h"
#include "templates.h"

void lx_retype_as_defined(lx_learn_lane *L, const char *doc)
{
    for (size_t d = 0; d < L->n_defined; d++) {
        const lx_cand *x = &L->spans.v[L->defined[d]];
        size_t len = x->end - x->start;
        for (size_t i = 0; i < L->spans.n; i++) {
            lx_cand *y = &L->spans.v[i];
            if (y->end - y->start == len && doc[y->start] == doc[x->start] && !y->id &&
                !lx_cand_type_is(y, x->type) && memcmp(doc + y->start, doc + x->start, len) == 0)
                y->type = x->type;
        }
    }
}

/*
 * The token before the "known as" (or "also known as", "known simply as",
 * "better known as") that ends right before token k, at a comma or a
 * parenthesis that follows a name; SIZE_MAX when there is none.
 */
static size_t known_as_before(const lx_toklist *tl, size_t k)
{
    static const char *const adverbs[] = {"also", "simply", "better", "professionally",
                                          "widely", "commonly", NULL};
    if (k < 4 || !lx_tok_is(tl, k - 1, "as"))
        return SIZE_MAX;
    size_t j = k - 2;
    if (lx_tok_in(tl, j, adverbs))
        j--;
    if (!lx_tok_is(tl, j, "known") || j < 2)
        return SIZE_MAX;
    j--;
    if (lx_tok_in(tl, j, adverbs) && j > 1)
        j--;
    if (!lx_tok_is(tl, j, ",") && !lx_tok_is(tl, j, "("))
        return SIZE_MAX;
    return j - 1;
}

/*
 * Can the word before byte b of text be "as"?  A test on the bytes, before
 * the token lookup that known_as_before() needs: most names come after
 * something else.  Past spaces and control bytes back, an "as" that ends
 * no longer word, or a byte of a character beyond ASCII (a space of
 * another script), may be it.
 */
static bool after_as(const char *text, size_t b)
{
    while (b > 0 && (unsigned char) text[b - 1] <= ' ')
        b--;
    if (b > 0 && (unsigned char) text[b - 1] >= 0x80)
        return true;
    /* "as" on its own, not the end of "was" or "has" */
    return b >= 2 && (text[b - 1] | 0x20) == 's' && (text[b - 2] | 0x20) == 'a' &&
           !(b >= 3 && ((text[b - 3] | 0x20) >= 'a' && (text[b - 3] | 0x20) <= 'z'));
}

void lx_retype_as_known(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *y = &L->spans.v[i];
        if (y->id || y->start < base || !after_as(c->text, y->start - base))
            continue;
        size_t k = known_as_before(tl, lx_feat_tok_at(c->sc, tl, y->start - base));
        if (k == SIZE_MAX)
            continue;
        /* rare enough to look through all the spans */
        for (size_t j = 0; j < L->spans.n; j++)
            if (L->spans.v[j].end == base + tl->v[k].end) {
                y->type = L->spans.v[j].type;
                break;
            }
    }
}

/*
 * Is learned span i of the stretch (which starts at byte base) one of type
 * `type` that no list gave an id?  Then its tokens are [*a, *b).
 */
static bool unlisted_span(const lx_learn_lane *L, const lx_fctx *c, size_t base, size_t i,
                          const char *type, size_t *a, size_t *b)
{
    const lx_cand *y = &L->spans.v[i];
    if (y->id || y->start < base || !lx_cand_type_is(y, type))
        return false;
    lx_phrase_tokens_of(c->sc, c->tl, base, y, a, b);
    return *a < *b && *b <= c->tl->n;
}

/* Is there a lowercase "the" before token a, one or two lowercase words
   between them at most ("the opposition", "the ruling leftist")? */
static bool the_before(const lx_toklist *tl, size_t a)
{
    for (size_t k = a; k > 0 && k + 3 >= a; k--) {
        const lx_token *t = &tl->v[k - 1];
        if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_LOWER))
            return false;
        if (lx_tok_is(tl, k - 1, "the"))
            return true;
    }
    return false;
}

void lx_retype_kind_named(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    static const char *const formerly[] = {"formerly", "previously", "late", NULL};
    static const char *const kinds_after[] = {"party", "coalition", "alliance", "movement",
                                              "bloc", "front", "militia", NULL};
    const lx_toklist *tl = c->tl;
    size_t a, b;
    for (size_t i = 0; i < L->spans.n; i++) {
        if (!unlisted_span(L, c, base, i, "PERSON", &a, &b))
            continue;
        bool headed = a > 0 && !(tl->v[a].flags & (LX_TF_NEWLINE | LX_TF_SENT)) &&
                      lx_phrase_group_kind(tl, a - 1) && !lx_phrase_full_name(tl, a, b);
        bool member = b + 1 < tl->n && tl->v[b].kind == LX_TOK_WORD &&
                      (tl->v[b].flags & LX_TF_LOWER) &&
                      !(tl->v[b].flags & LX_TF_NEWLINE) &&
                      lx_wordset_has_folded(&L->member_nouns, tl, b) &&
                      tl->v[b + 1].kind == LX_TOK_WORD && (tl->v[b + 1].flags & LX_TF_CAP) &&
                      !(tl->v[b + 1].flags & (LX_TF_NEWLINE | LX_TF_SENT));
        /* "Ben Gibbard of Death Cab", "Dana Vick, formerly of Rilo Kiley":
           no person is of a person */
        bool of_person = a >= 2 && lx_tok_is(tl, a - 1, "of") &&
                         (tl->v[a - 1].flags & LX_TF_LOWER) &&
                         (lx_tok_in(tl, a - 2, formerly) ||
                          (i > 0 && L->spans.v[i - 1].end == base + tl->v[a - 2].end &&
                           lx_cand_type_is(&L->spans.v[i - 1], "PERSON")));
        /* "the opposition Pakatan Harapan coalition": after "the" and up to
           two words, a body's kind ends the name of two words or more */
        bool kind_after = b > a + 1 && b < tl->n && (tl->v[b].flags & LX_TF_LOWER) &&
                          lx_tok_in(tl, b, kinds_after) && the_before(tl, a) &&
                          !lx_phrase_full_name(tl, a, b);
        if (headed || member || of_person || kind_after)
            L->spans.v[i].type = lx_learn_class_type(LX_C_ORG);
    }
}

void lx_retype_composers_of_works(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    const char *doc = c->text - base;
    size_t a, b, k;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *y = &L->spans.v[i];
        /* the bytes first: a name followed by an apostrophe */
        if (y->end >= base + tl->v[tl->n - 1].end ||
            (doc[y->end] != '\'' && (unsigned char) doc[y->end] != 0xE2) ||
            !unlisted_span(L, c, base, i, "ORG", &a, &b) || b != a + 1 ||
            b >= tl->n || tl->v[b].kind != LX_TOK_POSS)
            continue;
        size_t first = b + 1, last = SIZE_MAX;
        k = first;
        for (size_t n = 0; k < tl->n && n < 5 && (tl->v[k].flags & LX_TF_SPACE) &&
                           !(tl->v[k].flags & LX_TF_NEWLINE) && (tl->v[k].flags & LX_TF_CAP);
             k++, n++)
            last = k;
        if (last != SIZE_MAX && (lx_phrase_written_as(c, last, &L->music_works) ||
                                 (last == first && lx_phrase_ordinal(tl, last))))
            y->type = lx_learn_class_type(LX_C_PER);
    }
}

void lx_retype_particle_tails(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    const char *doc = c->text - base;
    size_t a, b;
    for (size_t i = 1; i < L->spans.n; i++) {
        lx_cand *x = &L->spans.v[i - 1], *y = &L->spans.v[i];
        /* the bytes first: one space, then a lowercase word */
        if (y->start != x->end + 1 || doc[x->end] != ' ' || doc[y->start] < 'a' ||
            doc[y->start] > 'z' || x->id || !lx_cand_type_is(x, "ORG") || x->start < base ||
            !unlisted_span(L, c, base, i, "PERSON", &a, &b) ||
            !(tl->v[a].bits & LX_EV_PARTICLE) || !(tl->v[a].flags & LX_TF_LOWER) ||
            a + 1 >= b || !(tl->v[a + 1].flags & LX_TF_SPACE)) /* "el-Erian" */
            continue;
        lx_bounds_absorb_next(L, i - 1);
        i--;
    }
}

/*
 * Does the word at a read as a plural no list knows, as the names of
 * groups and teams do ("Pixies", "Monkees", "Ramones"): no first
 * name, surname or English word, ending as English plurals of nouns do?
 * A person's name in -s is a surname the lists know ("Williams"), or
 * ends otherwise ("Socrates", "Copernicus", "Carlos").
 */
static bool unknown_plural(const lx_toklist *tl, size_t a)
{
    static const char *const endings[] = {"ies", "ees", "ones", NULL};
    const lx_token *t = &tl->v[a];
    if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP) || (t->flags & LX_TF_ALLCAPS) ||
        t->fold_len < 5 ||
        (t->bits & (LX_EV_FIRSTNAME | LX_EV_SURNAME | LX_EV_COMMON | LX_EV_WORD | LX_EV_PLACE |
                    LX_EV_NATIONALITY | LX_EV_COUNTRY)))
        return false;
    return lx_phrase_ends_in(tl, t, endings);
}

/*
 * Does a name of two words or more end in the plural of an English word
 * that no list knows as a name ("Cocteau Twins", "Oakland Athletics")?
 * Teams, bands and firms end so; people hardly ever, and then after a
 * first name or a particle ("Fred Couples", "Alison Des Forges").
 */
static bool plural_word_last(const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (b < a + 2 || (tl->v[b - 2].bits & LX_EV_PARTICLE))
        return false;
    /* after "the", a last word in "s" that is no name itself, whatever the
       first: "the Jazz Messengers" (a surname's plural names a family only
       alone, "the Kennedys") */
    const lx_token *t = &tl->v[b - 1];
    if (lx_phrase_after_the(tl, a) && t->kind == LX_TOK_WORD && t->fold_len >= 4 &&
        lx_phrase_plural_ending(tl, t) && !(t->bits & (LX_EV_FIRSTNAME | LX_EV_SURNAME)) &&
        !(c->sc->cmask[b - 1] & LX_CM_GPER))
        return true;
    return !(tl->v[a].bits & LX_EV_FIRSTNAME) && lx_phrase_plural_word(c, b - 1);
}

void lx_retype_plural_names(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    const char *doc = c->text - base;
    size_t a, b;
    for (size_t i = 0; i < L->spans.n; i++) {
        const lx_cand *y = &L->spans.v[i];
        /* the bytes first: a name in "s" */
        if (y->start < base || doc[y->end - 1] != 's' ||
            !unlisted_span(L, c, base, i, "PERSON", &a, &b))
            continue;
        if ((b == a + 1 && unknown_plural(tl, a)) || plural_word_last(c, a, b))
            L->spans.v[i].type = lx_learn_class_type(LX_C_ORG);
    }
}

/* Does the span y hold exactly one space (two words, as written)? */
static bool two_words(const char *doc, const lx_cand *y)
{
    const char *sp = memchr(doc + y->start, ' ', y->end - y->start);
    return sp && !memchr(sp + 1, ' ', (size_t) (doc + y->end - sp - 1));
}

void lx_retype_titled_people(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const uint32_t not_surname = LX_EV_COMMON | LX_EV_WORD | LX_EV_ORG_SUFFIX |
                                 LX_EV_ORG_PREFIX | LX_EV_DESIGNATOR | LX_EV_PLACE |
                                 LX_EV_NATIONALITY | LX_EV_MEDIA_HEAD | LX_EV_TITLE;
    const lx_toklist *tl = c->tl;
    size_t a, b;
    const char *doc = c->text - base;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *y = &L->spans.v[i];
        /* the bytes first: two words */
        if (!two_words(doc, y) || !unlisted_span(L, c, base, i, "ORG", &a, &b) ||
            b != a + 2 ||
            !(tl->v[a].bits & LX_EV_TITLE) || !(tl->v[a + 1].bits & LX_EV_SURNAME) ||
            (tl->v[a + 1].bits & not_surname) || !(tl->v[a + 1].flags & LX_TF_CAP) ||
            (tl->v[a + 1].flags & LX_TF_ALLCAPS) || !(tl->v[a + 1].flags & LX_TF_SPACE) ||
            (tl->v[a + 1].flags & LX_TF_NEWLINE))
            continue;
        y->start = base + tl->v[a + 1].start;
        y->type = lx_learn_class_type(LX_C_PER);
    }
}

/* May the capitalized word at byte s of doc open a sentence, by the bytes
   before it: the stretch's start, a line's, or a space after a sentence's
   last mark?  (The tokens then tell.) */
static bool may_open_sentence(const char *doc, size_t base, size_t s)
{
    if (doc[s] < 'A' || doc[s] > 'Z')
        return false;
    if (s == base || doc[s - 1] == '\n')
        return true;
    if (doc[s - 1] != ' ' || s < base + 2)
        return false;
    char p = doc[s - 2];
    return p == '.' || p == '?' || p == '!' || p == '"' || p == '\'' || p == ')' ||
           (unsigned char) p >= 0x80;
}

void lx_retype_sentence_opener_names(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    const char *doc = c->text - base;
    size_t a, b;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *y = &L->spans.v[i];
        /* most names follow a lowercase word: the bytes say so first */
        size_t w0 = y->start - 1;
        if (y->start < base + 2 || doc[w0] != ' ')
            continue;
        while (w0 > base && ((doc[w0 - 1] >= 'a' && doc[w0 - 1] <= 'z') ||
                             (doc[w0 - 1] >= 'A' && doc[w0 - 1] <= 'Z')))
            w0--;
        if (w0 + 1 == y->start || !may_open_sentence(doc, base, w0) ||
            !unlisted_span(L, c, base, i, y->type, &a, &b) || a == 0)
            continue;
        const lx_token *w = &tl->v[a - 1];
        if (!(w->flags & LX_TF_SENT) || !(w->flags & LX_TF_CAP) || w->kind != LX_TOK_WORD ||
            !(w->bits & (LX_EV_COMMON | LX_EV_WORD)) || (w->bits & LX_EV_GRAMMAR) ||
            (tl->v[a].flags & (LX_TF_NEWLINE | LX_TF_SENT)) || !(tl->v[a].flags & LX_TF_SPACE) ||
            (i > 0 && L->spans.v[i - 1].end > base + w->start))
            continue;
        size_t start = base + w->start, len = y->end - start;
        for (size_t k = 0; k < i; k++) {
            const lx_cand *x = &L->spans.v[k];
            if (x->end - x->start == len && x->start >= base &&
                memcmp(doc + x->start, doc + start, len) == 0 && lx_cand_type_is(x, y->type)) {
                y->start = start;
                break;
            }
        }
    }
}

void lx_retype_repeated_name_firms(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    const char *doc = c->text - base, *end_of = c->text + tl->v[tl->n - 1].end;
    size_t a, b;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *y = &L->spans.v[i];
        const char *after = doc + y->end;
        bool joined = (end_of - after > 5 && memcmp(after, " and ", 5) == 0) ||
                      (end_of - after > 3 && memcmp(after, " & ", 3) == 0);
        if (!joined || !unlisted_span(L, c, base, i, y->type, &a, &b) ||
            b != a + 1 || a + 2 >= tl->n || !lx_phrase_conjunction(tl, a + 1) ||
            tl->v[a + 2].hash != tl->v[a].hash || !(tl->v[a + 2].flags & LX_TF_CAP) ||
            (tl->v[a + 2].flags & LX_TF_NEWLINE) ||
            (tl->v[a].bits & (LX_EV_FIRSTNAME | LX_EV_SURNAME)) == LX_EV_FIRSTNAME)
            continue;
        size_t second = base + tl->v[a + 2].start, end = base + tl->v[a + 2].end;
        bool next = i + 1 < L->spans.n && L->spans.v[i + 1].start < end;
        if (next && (L->spans.v[i + 1].start != second || L->spans.v[i + 1].end != end ||
                     L->spans.v[i + 1].id))
            continue;
        y->end = end;
        y->type = lx_learn_class_type(LX_C_ORG);
        if (next) {
            memmove(y + 1, y + 2, (L->spans.n - i - 2) * sizeof(*y));
            L->spans.n--;
        }
    }
}

/* Short names a stretch may give a company, at most: articles name few. */
#define SHORT_NAMES 32

/* Does the span y hold no blank (one word, as written)? */
static bool one_word(const char *doc, const lx_cand *y)
{
    for (size_t p = y->start; p < y->end; p++)
        if (lx_phrase_blank(doc[p]))
            return false;
    return true;
}

/* Does a person's name of several words, in the spans, hold the word
   doc[w, w + len) ("Michael Dell")? */
static bool person_bears(const lx_learn_lane *L, const char *doc, size_t w, size_t len)
{
    for (size_t i = 0; i < L->spans.n; i++) {
        const lx_cand *y = &L->spans.v[i];
        if (y->end - y->start <= len || !lx_cand_type_is(y, "PERSON"))
            continue;
        for (size_t p = y->start; p + len <= y->end; p++)
            if ((p == y->start || doc[p - 1] == ' ' || doc[p - 1] == '\n') &&
                (p + len == y->end || doc[p + len] == ' ' || doc[p + len] == '\n') &&
                memcmp(doc + p, doc + w, len) == 0)
                return true;
    }
    return false;
}

void lx_retype_company_short_names(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    static const char *const trades[] = {
        "airlines", "airways", "biosciences", "brands", "capital", "chemicals",
        "communications", "dynamics", "electronics", "energy", "entertainment", "foods",
        "group", "holdings", "industries", "insurance", "investments", "labs", "logistics",
        "mining", "motor", "motors", "network", "networks", "partners", "petroleum",
        "pharma", "pharmaceuticals", "records", "robotics", "securities", "semiconductor",
        "semiconductors", "software", "steel", "studios", "systems", "technologies",
        "technology", "telecom", "therapeutics", NULL};
    const lx_toklist *tl = c->tl;
    const char *doc = c->text - base;
    size_t names[SHORT_NAMES], lens[SHORT_NAMES]; /* the first words, in doc */
    size_t n = 0, a, b;
    for (size_t i = 0; i < L->spans.n && n < SHORT_NAMES; i++) {
        const lx_cand *y = &L->spans.v[i];
        if (y->type[0] != 'O' || y->end - y->start > 64 || y->start < base ||
            !two_words(doc, y) || !lx_cand_type_is(y, "ORG"))
            continue;
        lx_phrase_tokens_of(c->sc, tl, base, y, &a, &b);
        if (b != a + 2 || b > tl->n || tl->v[a].kind != LX_TOK_WORD ||
            !(tl->v[a].flags & LX_TF_CAP) || lx_tok_capitals(&tl->v[a]) ||
            (tl->v[a].bits & (LX_EV_TITLE | LX_EV_PLACE | LX_EV_NATIONALITY)) ||
            !((tl->v[a + 1].bits & LX_EV_DESIGNATOR) || lx_tok_in(tl, a + 1, trades)))
            continue;
        names[n] = base + tl->v[a].start;
        lens[n++] = tl->v[a].end - tl->v[a].start;
    }
    for (size_t i = 0; n && i < L->spans.n; i++) {
        lx_cand *y = &L->spans.v[i];
        if (y->id || y->start < base || y->type[0] != 'P' || !lx_cand_type_is(y, "PERSON"))
            continue;
        for (size_t j = 0; j < n; j++)
            if (y->end - y->start == lens[j] &&
                memcmp(doc + y->start, doc + names[j], lens[j]) == 0 && one_word(doc, y) &&
                !person_bears(L, doc, names[j], lens[j])) {
                y->type = lx_learn_class_type(LX_C_ORG);
                break;
            }
    }
}

void lx_retype_listed_firm_words(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    const char *doc = c->text - base;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *y = &L->spans.v[i];
        if (y->id || y->start < base || y->type[0] != 'P' || !lx_cand_type_is(y, "PERSON") ||
            !one_word(doc, y) || !lx_near_entry(L, y->start, y->end, "ORG") ||
            lx_near_entry(L, y->start, y->end, "PERSON"))
            continue;
        size_t a = lx_feat_tok_at(c->sc, tl, y->start - base);
        /* "BALL RESIGNS": a headline's capitals; "Derrick Cooper": a name
           the layer read in two */
        if (a >= tl->n || !(tl->v[a].bits & (LX_EV_WORD | LX_EV_COMMON)) ||
            lx_tok_capitals(&tl->v[a]) ||
            (a + 1 < tl->n && tl->v[a + 1].kind == LX_TOK_WORD &&
             (tl->v[a + 1].flags & LX_TF_CAP)) ||
            person_bears(L, doc, y->start, y->end - y->start))
            continue;
        y->type = lx_learn_class_type(LX_C_ORG);
    }
}

void lx_retype_affiliated_people(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    size_t a, b;
    for (size_t i = 0; i < L->spans.n; i++) {
        if (!unlisted_span(L, c, base, i, "ORG", &a, &b) || b != a + 2 ||
            b + 1 >= tl->n || !lx_phrase_full_name(tl, a, b) ||
            (tl->v[a].bits & (LX_EV_WORD | LX_EV_COMMON)) || !lx_tok_is(tl, b, "at") ||
            !(tl->v[b].flags & LX_TF_LOWER))
            continue;
        size_t k = b + 1;
        if (lx_tok_is(tl, k, "the") && k + 1 < tl->n)
            k++;
        if ((tl->v[k].flags & LX_TF_CAP) && !(tl->v[k].flags & (LX_TF_SENT | LX_TF_NEWLINE)))
            L->spans.v[i].type = lx_learn_class_type(LX_C_PER);
    }
}

/*
 * The organizations among the spans that go on with a head word of a
 * body named for a person ("the Iris Murdoch Society"): each as its index
 * and the length of the part before the head word's space, into
 * L->eponym_prefix.  A test on the bytes comes first (a word after a
 * space or a control byte, in any case): most stretches name no such
 * body, and few spans of those that do hold such a word.
 * Returns 0 or LEXTAG_ERR_NOMEM.
 */
static int memorial_prefixes(lx_learn_lane *L, const lx_fctx *c, const char *doc, size_t base,
                             const char *const *words)
{
    const lx_toklist *tl = c->tl;
    L->n_eponym_prefix = 0;
    for (size_t i = 0; i < L->spans.n; i++) {
        const lx_cand *x = &L->spans.v[i];
        if (x->start < base || !lx_cand_type_is(x, "ORG"))
            continue;
        for (size_t p = x->start + 2; p < x->end; p++) {
            if ((unsigned char) doc[p - 1] > ' ')
                continue;
            bool head = false;
            /* the word lies within the span: the text may end right after it */
            for (size_t w = 0; words[w] && !head; w++) {
                /* most words differ at the first byte: the length after it */
                if ((doc[p] | 0x20) != words[w][0])
                    continue;
                size_t n = strlen(words[w]);
                head = p + n <= x->end && strncasecmp(doc + p, words[w], n) == 0;
            }
            if (!head)
                continue;
            /* a word of its own, after a byte that is no token's */
            size_t h = lx_feat_tok_at(c->sc, tl, p - base);
            if (h == tl->n || tl->v[h].start != p - base || !lx_tok_in(tl, h, words) ||
                (h > 0 && tl->v[h - 1].start >= tl->v[h].start - 1))
                continue;
            if (lx_vec_reserve(&L->eponym_prefix, &L->eponym_prefix_cap,
                               L->n_eponym_prefix + 1, sizeof(*L->eponym_prefix), 16))
                return LEXTAG_ERR_NOMEM;
            L->eponym_prefix[L->n_eponym_prefix++] =
                (lx_eponym_prefix){(uint32_t) i, (uint32_t) (p - 1 - x->start)};
        }
    }
    return 0;
}

int lx_retype_eponyms_of_bodies(lx_learn_lane *L, const lx_fctx *c, const char *doc, size_t base)
{
    /* heads of bodies named for a person; not a firm's ("Piper Jaffray
       Companies" is the firm "Piper Jaffray") */
    static const char *const memorials[] = {"society", "foundation", "institute", "center",
                                            "centre", "school", "college", "university",
                                            "museum", "library", "memorial", NULL};
    const lx_toklist *tl = c->tl;
    int rc = memorial_prefixes(L, c, doc, base, memorials);
    if (rc || !L->n_eponym_prefix)
        return rc;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *y = &L->spans.v[i];
        if (y->id || y->start < base || !lx_cand_type_is(y, "ORG"))
            continue;
        size_t len = y->end - y->start;
        const lx_eponym_prefix *body = NULL;
        for (size_t j = 0; j < L->n_eponym_prefix && !body; j++) {
            const lx_eponym_prefix *e = &L->eponym_prefix[j];
            if (e->len == len && e->span != i &&
                memcmp(doc + L->spans.v[e->span].start, doc + y->start, len) == 0)
                body = e;
        }
        if (!body)
            continue;
        size_t a, b;
        lx_phrase_tokens_of(c->sc, tl, base, y, &a, &b);
        if (b == a + 2 && lx_phrase_full_name(tl, a, b) && !(tl->v[a].bits & LX_ORG_OWN_WORDS) &&
            !(tl->v[a + 1].bits & LX_ORG_OWN_WORDS))
            y->type = lx_learn_class_type(LX_C_PER);
    }
    return 0;
}

/* Is token a, the first of a name, after a possessive and a kin's noun
   ("his daughter", "whose son")? */
static bool kin_before(const lx_learn_lane *L, const lx_toklist *tl, size_t a)
{
    static const char *const owners[] = {"his", "her", "their", "whose", NULL};
    return a >= 2 && lx_learn_kin(L, &tl->v[a - 1]) && lx_tok_in(tl, a - 2, owners);
}

int lx_retype_kin_names(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    size_t n = L->spans.n;
    const char *doc = c->text - base;
    for (size_t m = 0; m < L->n_miscs; m++) {
        /* the bytes first: a lowercase word and a space before the name */
        size_t start = L->miscs[m].start;
        if (start < base + 2 || doc[start - 1] != ' ' || doc[start - 2] < 'a' ||
            doc[start - 2] > 'z')
            continue;
        size_t a = lx_feat_tok_at(c->sc, tl, start - base);
        if (a >= tl->n || tl->v[a].start + base != start || !kin_before(L, tl, a))
            continue;
        size_t b = lx_feat_tok_at(c->sc, tl, L->miscs[m].end - base);
        if (b <= a || b > tl->n || !lx_phrase_person_words(c, a, b))
            continue;
        lx_cand out = {L->miscs[m].start, L->miscs[m].end, "PERSON", LX_SOURCE_LEARNED,
                       NULL, NULL, LX_PRIO_GAZETTEER, 0, LX_NONE, LX_NOREF};
        if (lx_candvec_push(&L->spans, &out))
            return LEXTAG_ERR_NOMEM;
    }
    return L->spans.n > n ? lx_cands_sort(&L->spans, &L->sort_scratch) : 0;
}

/* Is token k a sum in pence or cents: "3p", "14c", or a number, in digits
   or in words, and "pence", "cents" or "cent"? */
static bool pence_at(const lx_fctx *c, size_t k)
{
    static const char *const units[] = {"pence", "cents", "cent", "p", NULL};
    static const char *const numbers[] = {"one", "two",   "three", "four", "five", "six",
                                          "seven", "eight", "nine", "ten", "a",    NULL};
    const lx_toklist *tl = c->tl;
    if (k >= tl->n)
        return false;
    const lx_token *t = &tl->v[k];
    char last = c->text[t->end - 1];
    if (t->kind == LX_TOK_WORD && (t->flags & LX_TF_HASDIGIT))
        return c->text[t->start] >= '0' && c->text[t->start] <= '9' &&
               (last == 'p' || last == 'c');
    /* the unit first: few words have one after them */
    return (t->kind == LX_TOK_NUMBER || (t->flags & LX_TF_LOWER)) && k + 1 < tl->n &&
           lx_tok_in(tl, k + 1, units) &&
           (t->kind == LX_TOK_NUMBER || lx_tok_in(tl, k, numbers));
}

/* Do the name's shares trade after it, ending before token b: "Fiat shares
   closed 2.1 percent lower", "Hanson stock fell"? */
static bool shares_traded(const lx_fctx *c, size_t b)
{
    static const char *const shares[] = {"shares", "stock", "stocks", NULL};
    static const char *const traded[] = {"closed", "ended", "finished", "traded",
                                         "were",   "have",  "had",      NULL};
    const lx_toklist *tl = c->tl;
    return b + 1 < tl->n && c->text[tl->v[b].start] == 's' &&
           (tl->v[b + 1].flags & LX_TF_LOWER) && lx_tok_in(tl, b, shares) &&
           (lx_tok_in(tl, b + 1, lx_phrase_market_moves) || lx_tok_in(tl, b + 1, traded));
}

/* Does a share price move after the name ending before token b: a verb of
   the market, perhaps "up" or "down", then a sum in pence or cents? */
static bool price_moved(const lx_fctx *c, size_t b)
{
    /* "shed 3p", "put on 5p", "gave up 2p" */
    static const char *const moved[] = {"shed", "put", "gave", NULL};
    static const char *const ways[] = {"up", "down", "on", "back", NULL};
    const lx_toklist *tl = c->tl;
    /* the sum first: few names have one two words on */
    if (b + 1 >= tl->n || !(tl->v[b].flags & LX_TF_LOWER) ||
        !(pence_at(c, b + 1) || (pence_at(c, b + 2) && lx_tok_in(tl, b + 1, ways))))
        return false;
    return lx_tok_in(tl, b, lx_phrase_market_moves) || lx_tok_in(tl, b, moved);
}

/* Does the sentence go on from token b to "its" and a business's noun, a
   few words on, with no person's pronoun before it? */
static bool its_business_after(const lx_learn_lane *L, const lx_fctx *c, size_t b)
{
    static const char *const business[] = {
        "profit", "profits", "earnings", "shares", "sales", "revenue", "revenues",
        "stake", "subsidiary", "subsidiaries", "dividend", "workforce", "plant", "plants",
        "factory", "factories", "stores", "output", "turnover", "losses", "loss", NULL};
    return lx_phrase_owner_of(c->tl, b, 16, L->its_hash, L->its_hash, business, 4);
}

void lx_retype_firms_in_reports(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    const char *doc = c->text - base;
    size_t a, b, end = base + (tl->n ? tl->v[tl->n - 1].end : 0);
    for (size_t i = 0; i < L->spans.n; i++) {
        /* the bytes first: a space and a lowercase letter after the name */
        size_t e = L->spans.v[i].end;
        if (e + 2 >= end || doc[e] != ' ' || doc[e + 1] < 'a' || doc[e + 1] > 'z' ||
            !unlisted_span(L, c, base, i, "PERSON", &a, &b) || b + 1 >= tl->n ||
            !(tl->v[b].flags & LX_TF_LOWER))
            continue;
        bool named = (tl->v[a].bits & LX_EV_FIRSTNAME) ||
                     (b == a + 1 && (tl->v[a].bits & LX_EV_SURNAME));
        if (price_moved(c, b) || shares_traded(c, b) ||
            (!named && (tl->v[a].flags & LX_TF_SENT) && its_business_after(L, c, b)))
            L->spans.v[i].type = lx_learn_class_type(LX_C_ORG);
    }
}

/* Names a stretch may mark as a company's by one of their mentions, at most. */
#define FIRM_WORDS 16

/*
 * Does the one-word name at token a stand where only a business does:
 * before its possessive and a business's own noun ("Petofi's board of
 * directors", "Comelf's half-year profit"), before a manager's noun
 * ("Petofi general manager Laszlo Sebesvari"), after an officer's "of"
 * ("chief executive officer of Petofi"), or as the subject of a verb and
 * "its" output or sales ("Comelf exported 59 percent of its output")?
 * (Not the nouns a person has too: "Buffett's shares", "Picasso's output".)
 */
static bool firm_mention(const lx_learn_lane *L, const lx_fctx *c, size_t a)
{
    static const char *const owned[] = {
        "board",    "profit",       "profits",   "revenue",  "revenues",  "turnover",
        "dividend", "subsidiary",   "subsidiaries", "unit",  "units",     "plant",
        "plants",   "factory",      "factories", "workforce", "headquarters",
        "shareholders", "directors", NULL};
    static const char *const officers[] = {"officer", "manager", "directors", "shareholders",
                                           "subsidiary", "unit", "division", NULL};
    const lx_toklist *tl = c->tl;
    size_t b = a + 1;
    /* the words around the name first: most have none of these shapes */
    if (a >= 2 && (tl->v[a - 1].flags & LX_TF_LOWER) && tl->v[a - 1].fold_len == 2 &&
        lx_tok_is(tl, a - 1, "of") && lx_tok_in(tl, a - 2, officers))
        return true;
    if (b + 1 >= tl->n)
        return false;
    const lx_token *v = &tl->v[b];
    if (v->kind == LX_TOK_POSS)
        return lx_tok_in(tl, b + 1, owned) ||
               (b + 2 < tl->n && (tl->v[b + 1].flags & LX_TF_LOWER) && lx_tok_in(tl, b + 2, owned));
    if (v->kind != LX_TOK_WORD || !(v->flags & LX_TF_LOWER))
        return false;
    if (v->fold_len == 7 && lx_tok_is(tl, b, "general") && lx_tok_is(tl, b + 1, "manager"))
        return true;
    return !(v->bits & LX_EV_SPEECH) && v->fold_len > 3 &&
           memcmp(lx_tok_fold(tl, v) + v->fold_len - 2, "ed", 2) == 0 &&
           its_business_after(L, c, b);
}

/*
 * Does the one-word name at token a stand where only a team does: before
 * its possessive and a home or away game ("Nice's home defeat") or
 * a player's noun no person has ("Nice's goalkeeper"), before a player's
 * noun of member-nouns.txt ("Deportivo 'keeper", "Torino striker"), or
 * after "side" ("first division side Nice")?
 */
static bool team_mention(const lx_learn_lane *L, const lx_fctx *c, size_t a)
{
    static const char *const sides[] = {"home", "away", NULL};
    static const char *const games[] = {"defeat", "defeats", "win",   "wins",   "victory",
                                        "loss",   "draw",    "game",  "games",  "match",
                                        "ground", "leg",     "tie",   "record", "form",
                                        NULL};
    static const char *const players[] = {"goalkeeper", "keeper", "striker", "midfielder",
                                          "defender",   "squad",  NULL};
    const lx_toklist *tl = c->tl;
    if (a > 0 && (tl->v[a - 1].flags & LX_TF_LOWER) && tl->v[a - 1].fold_len == 4 &&
        lx_tok_is(tl, a - 1, "side"))
        return true;
    size_t b = a + 1;
    if (b + 1 >= tl->n)
        return false;
    const lx_token *v = &tl->v[b];
    if (v->kind == LX_TOK_POSS)
        return (b + 2 < tl->n && lx_tok_in(tl, b + 1, sides) && lx_tok_in(tl, b + 2, games)) ||
               lx_tok_in(tl, b + 1, players);
    /* "Deportivo 'keeper": the clipped word's apostrophe a token of its own */
    size_t k = v->kind == LX_TOK_PUNCT && c->text[v->start] == '\'' &&
                       tl->v[b + 1].start == v->end
                   ? b + 1
                   : b;
    return (tl->v[k].flags & LX_TF_LOWER) &&
           (lx_tok_in(tl, k, players) || lx_wordset_has_folded(&L->member_nouns, tl, k)) &&
           !lx_tok_is(tl, k, "chairman") && !lx_tok_is(tl, k, "chairwoman");
}

void lx_retype_firm_mentions(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    uint64_t firms[FIRM_WORDS];
    size_t n_firms = 0, a, b;
    const char *doc = c->text - base;
    for (size_t i = 0; i < L->spans.n && n_firms < FIRM_WORDS; i++) {
        const lx_cand *y = &L->spans.v[i];
        /* one word, as written: most names are longer */
        if (y->id || y->start < base || memchr(doc + y->start, ' ', y->end - y->start))
            continue;
        if ((unlisted_span(L, c, base, i, "PERSON", &a, &b) ||
             unlisted_span(L, c, base, i, "ORG", &a, &b)) &&
            b == a + 1 &&
            !(c->tl->v[a].bits & (LX_EV_FIRSTNAME | LX_EV_PLACE | LX_EV_COUNTRY)) &&
            (firm_mention(L, c, a) || team_mention(L, c, a)))
            firms[n_firms++] = c->tl->v[a].hash;
    }
    for (size_t i = 0; n_firms && i < L->spans.n; i++) {
        const lx_cand *y = &L->spans.v[i];
        if (y->id || y->start < base || memchr(doc + y->start, ' ', y->end - y->start) ||
            !unlisted_span(L, c, base, i, "PERSON", &a, &b) || b != a + 1)
            continue;
        for (size_t k = 0; k < n_firms; k++)
            if (c->tl->v[a].hash == firms[k] && !(c->tl->v[a].bits & LX_EV_FIRSTNAME)) {
                L->spans.v[i].type = lx_learn_class_type(LX_C_ORG);
                break;
            }
    }
}

int lx_retype_titled_monarchs(lx_learn_lane *L, const lx_fctx *c, const lx_candvec *cands,
                              size_t base)
{
    const lx_toklist *tl = c->tl;
    size_t n = L->spans.n;
    for (size_t i = 0; i < cands->n; i++) {
        const lx_cand *x = &cands->v[i];
        if (x->start < base || !lx_cand_type_is(x, "PERSON") ||
            strcmp(x->source, "context:title") != 0)
            continue;
        size_t a, b;
        lx_phrase_tokens_of(c->sc, tl, base, x, &a, &b);
        if (b != a + 1 || a == 0 || !lx_wordset_has_folded(&L->monarch_titles, tl, a - 1))
            continue;
        /* a town named for one: "in Prince Rupert", "Prince George,
           British Columbia" */
        if ((a >= 2 && lx_wordset_has_folded(&L->place_prepositions, tl, a - 2)) ||
            (b + 1 < tl->n && lx_tok_is(tl, b, ",") &&
             (tl->v[b + 1].bits & (LX_EV_PLACE | LX_EV_COUNTRY | LX_EV_NATIONALITY))))
            continue;
        /* the rules' candidates come in no one order: the first learned
           span ending after the candidate's start, looked up each time */
        size_t j = lx_cands_ending_after(L->spans.v, n, x->start);
        if (j < n && L->spans.v[j].start < x->end) {
            /* the title and the name read as a body's ("son of Emperor
               Akihito"): the person's */
            lx_cand *y = &L->spans.v[j];
            if (!y->id && lx_cand_type_is(y, "ORG") && y->start == base + tl->v[a - 1].start &&
                y->end == x->end)
                *y = *x;
            continue;
        }
        if (lx_candvec_push(&L->spans, x))
            return LEXTAG_ERR_NOMEM;
    }
    return L->spans.n > n ? lx_cands_sort(&L->spans, &L->sort_scratch) : 0;
}
