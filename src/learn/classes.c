/* SPDX-License-Identifier: MIT */
/*
 * The class a decoded name takes from its words (see classes.h).
 */
#include "classes.h"

#include <string.h>

#include "gazetteer.h"
#include "near.h"
#include "phrase.h"

int lx_classes_plural_subject(const lx_fctx *c, size_t a, size_t b)
{
    static const char *const verbs[] = {"were", "are", "have", NULL};
    const lx_toklist *tl = c->tl;
    /* asked of most one-word names: where a sentence opens before the
       list of verbs */
    if (b != a + 1 || b >= tl->n ||
        !((tl->v[a].flags & LX_TF_SENT) || (a > 0 && (tl->v[a - 1].flags & LX_TF_SENT))) ||
        !lx_tok_in(tl, b, verbs))
        return LX_C_PER;
    return c->text[tl->v[a].end - 1] == 's' ? LX_C_NONE : LX_C_ORG;
}

/* Is token k a king's or a pope's number, a Roman numeral ("I", "VIII",
   "XIV")? */
static bool regnal_numeral(const lx_fctx *c, size_t k)
{
    const lx_token *t = &c->tl->v[k];
    return t->kind == LX_TOK_WORD && t->end - t->start <= 5 &&
           !lx_phrase_letter_compound(c->tl, k) && lx_phrase_only_letters_of(c, t, "IVX");
}

bool lx_classes_regnal_numbered(const lx_fctx *c, size_t a, size_t *b, size_t e)
{
    const lx_toklist *tl = c->tl;
    if (*b - a >= 2 && regnal_numeral(c, *b - 1) && (tl->v[*b - 2].bits & LX_EV_FIRSTNAME))
        return true;
    size_t k = *b;
    if (k >= e || !(tl->v[k - 1].bits & LX_EV_FIRSTNAME) || !(tl->v[k].flags & LX_TF_SPACE) ||
        (tl->v[k].flags & (LX_TF_SENT | LX_TF_NEWLINE)) || !regnal_numeral(c, k))
        return false;
    /* after a monarch's or a pope's title, "I" is the numeral before a
       verb too ("Queen Elizabeth I closed the Steelyard") */
    static const char *const monarchs[] = {"king", "queen", "pope", "emperor", "empress",
                                           "tsar", "czar", "tsarina", "sultan", "shah",
                                           "pharaoh", "kaiser", NULL};
    if (tl->v[k].end - tl->v[k].start == 1 && c->text[tl->v[k].start] == 'I' && k + 1 < tl->n &&
        !lx_tok_is(tl, k + 1, "of") && !lx_tok_is(tl, k + 1, ",") &&
        !lx_tok_is(tl, k + 1, ".") && !lx_tok_is(tl, k + 1, "and") &&
        !((a > 0 && lx_tok_in(tl, a - 1, monarchs)) || lx_tok_in(tl, a, monarchs)))
        return false;
    *b = k + 1;
    return true;
}

/*
 * Does an appositive's noun phrase end before token k: at punctuation, at
 * the sentence's or the line's end, or before a word that says more of
 * what it names ("a startup founded by", "a band from"; not "of": "X, a
 * member of Y" lists what a person was)?
 */
static bool appositive_end(const lx_toklist *tl, size_t k)
{
    static const char *const more[] = {"founded", "formed", "based", "headquartered",
                                       "owned", "run", "led", "fronted", "known",
                                       "that", "which", "who", "whose", "with", "from",
                                       "in", "and", NULL};
    return k >= tl->n || (tl->v[k].flags & (LX_TF_SENT | LX_TF_NEWLINE)) ||
           tl->v[k].kind == LX_TOK_PUNCT || lx_tok_in(tl, k, more);
}

int lx_classes_defined(const lx_learn_lane *L, const lx_fctx *c, size_t b, size_t *end_at)
{
    const lx_toklist *tl = c->tl;
    size_t k = b;
    *end_at = b;
    if (lx_tok_is(tl, k, "(")) { /* "(born 1945)", a pronunciation */
        while (++k < tl->n && k < b + 40 && !lx_tok_is(tl, k, ")") &&
               !(tl->v[k].flags & LX_TF_SENT))
            ;
        if (!lx_tok_is(tl, k, ")"))
            return LX_C_NONE;
        k++;
    }
    /* or the definition stands in apposition: "Quantix, a startup founded
       by", "Arbor Vale, the Welsh folk duo," (after a copula, "the" names a
       role, not a kind: "X is the party's candidate") */
    bool apposition = k == b && lx_tok_is(tl, k, ",");
    if (k + 2 >= tl->n || (!lx_phrase_copula(L, tl, k) && !apposition) ||
        !(lx_phrase_indefinite_article(tl, k + 1) || (apposition && lx_tok_is(tl, k + 1, "the"))))
        return LX_C_NONE;
    int cls = LX_C_NONE;
    size_t i = k + 2;
    /* "the" before a name is the name's: "Rene Arno, the United Nations and
       other parties" lists three; only words of nations and places are
       capitalized in a kind ("the French duo", "the Northern Ireland-born
       actor") */
    bool definite = lx_tok_is(tl, k + 1, "the");
    for (size_t end = k + 8; i < tl->n && i < end; i++) {
        const lx_token *t = &tl->v[i];
        if (t->flags & LX_TF_SENT)
            break;
        if (definite && (t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
            !(t->bits & (LX_EV_NATIONALITY | LX_EV_COUNTRY | LX_EV_PLACE | LX_EV_PLACE_TAIL |
                         LX_EV_COMPASS)))
            return LX_C_NONE;
        if (t->kind == LX_TOK_PUNCT && !(t->flags & LX_TF_SPACE) && lx_tok_is(tl, i, "-"))
            continue; /* "British-American", "singer-songwriter" */
        /* "a commercial and defensive confederation": modifiers joined
           before the head */
        if (!cls && lx_phrase_conjunction(tl, i) && i > k + 2)
            continue;
        if (t->kind != LX_TOK_WORD || (t->bits & LX_EV_FUNCTION))
            break;
        int kind = lx_phrase_written_as(c, i, &L->org_kinds)      ? LX_C_ORG
                   : lx_phrase_written_as(c, i, &L->person_kinds) ? LX_C_PER
                                                                  : LX_C_NONE;
        if (kind)
            cls = kind;
        else if (cls)
            break; /* the phrase ended at its head: "a rock band formed in" */
    }
    /* in apposition, the phrase must end at its head: "Ann Lee, a company
       spokeswoman" is no company */
    if (apposition && cls && !appositive_end(tl, i))
        return LX_C_NONE;
    *end_at = i;
    return cls;
}

int lx_classes_defined_opener(const lx_learn_lane *L, const lx_fctx *c, size_t r, size_t a,
                              bool opener, size_t *b)
{
    const lx_toklist *tl = c->tl;
    size_t s = c->sc->reg[r].s, e = c->sc->reg[r].e;
    int l = L->lab[a - s];
    size_t j = a + 1;
    bool body = false;
    if (l) {
        while (j < e && L->lab[j - s] == l + 1)
            j++;
    } else {
        /* the layer may read the run's later words alone as a name, a
           thing's or a body's ("Hollow Meridian is an English rock band":
           "Meridian"); the run is then a body's name only */
        for (j = a; j < e && j < a + 4; j++) {
            const lx_token *t = &tl->v[j];
            int read = lx_label_class(L->lab[j - s]);
            if (L->lab[j - s] && read == LX_C_ORG && j > a && opener)
                body = true;
            else if (L->lab[j - s] && read != LX_C_MISC)
                break;
            if (t->kind != LX_TOK_WORD ||
                !(t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) ||
                (t->bits & (LX_EV_FUNCTION | LX_EV_COMMON)))
                break;
        }
        if (j == a)
            return LX_C_NONE;
    }
    /* a copula ("is", "were") or a parenthesis ("(born 1945)") follows; an
       apposition only after a name the layer read ("Elsewhere, a ...") or
       within the sentence, where it is all that may follow ("produced by
       Kestrel, a German band") */
    if (j >= tl->n || tl->v[j].fold_len > 4 || tl->v[j].kind == LX_TOK_NUMBER ||
        (opener && !l && lx_tok_is(tl, j, ",")) || (!opener && !lx_tok_is(tl, j, ",")))
        return LX_C_NONE;
    size_t head_end;
    int cls = lx_classes_defined(L, c, j, &head_end);
    /* "a group of islands" names what it holds; "a confederation of
       merchant guilds" is one */
    static const char *const holders[] = {"group", "groups", "band", "bands", "party",
                                          "parties", "company", "companies", "team",
                                          "teams", "club", "clubs", NULL};
    if (!cls || (lx_tok_is(tl, head_end, "of") && lx_tok_in(tl, head_end - 1, holders)) ||
        (body && cls != LX_C_ORG))
        return LX_C_NONE;
    /* a place is no person ("Turkey is an official candidate"), and a
       place a list knows is what the layer read ("Nigeria is a major
       producer") */
    if (lx_label_class(l) == LX_C_LOC &&
        (cls != LX_C_ORG || lx_gazetteer_country(c->m, tl, a, j) ||
         (tl->v[j - 1].bits & (LX_EV_PLACE | LX_EV_PLACE_TAIL))))
        return LX_C_NONE;
    *b = j;
    return cls;
}

/* The contests a government body's name is read before (see
   lx_classes_agency()). */
const char *const lx_classes_contests[] = {"election", "elections", "race", "seat", "campaign",
                                           "primary", "by-election", NULL};

bool lx_classes_agency(const lx_learn_lane *L, const lx_fctx *c, size_t base, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (b - a < 3 || lx_phrase_in(tl, b, &L->contests) || lx_phrase_in(tl, b + 1, &L->contests) ||
        (a > 0 && lx_phrase_year_at(tl, a - 1)))
        return false;
    const lx_cand *g = lx_near_entry(L, base + tl->v[a].start, base + tl->v[b - 1].end, "ORG");
    return g && g->id && !(g->flags & LX_CAND_AMBIGUOUS) &&
           strcmp(g->source, "gazetteer:orgs-government") == 0;
}

bool lx_classes_institution(const lx_fctx *c, size_t a, size_t b)
{
    /* each a head word of bodies (ORG_SUFFIX), asked first */
    static const char *const heads[] = {"university",   "college",      "institute",
                                        "academy",      "conservatory", "conservatoire",
                                        "laboratory",   "laboratories", "observatory",
                                        "philharmonic", "orchestra",    "choir",
                                        "board",        "council",      "commission",
                                        "committee",    "department",   "authority",
                                        "police",       NULL};
    const lx_toklist *tl = c->tl;
    return b - a >= 2 && (tl->v[b - 1].flags & LX_TF_CAP) &&
           (tl->v[b - 1].bits & LX_EV_ORG_SUFFIX) && lx_tok_in(tl, b - 1, heads);
}
