/* SPDX-License-Identifier: MIT */
/*
 * Where one decoded span holds two names (see joined.h).
 */
#include "joined.h"

#include "near.h"
#include "phrase.h"

/* Is [a, e) a name of the type the lists know, or, for an organization, one
   word that heads organizations ("House", "Army")? */
static bool known_part(const lx_learn_lane *L, const lx_fctx *c, size_t base, size_t a,
                       size_t e, const char *type, bool head)
{
    const lx_toklist *tl = c->tl;
    if (lx_near_entry(L, base + tl->v[a].start, base + tl->v[e - 1].end, type))
        return true;
    return head && e == a + 1 && type[0] == 'O' && tl->v[a].kind == LX_TOK_WORD &&
           (tl->v[a].bits & (LX_EV_ORG_PREFIX | LX_EV_ORG_SUFFIX));
}

/* Is [a, b) names the lists know joined by "and" ("Amazon and Microsoft
   Corp."), or one of them? */
static bool known_names(const lx_learn_lane *L, const lx_fctx *c, size_t base, size_t a,
                        size_t b, const char *type)
{
    if (known_part(L, c, base, a, b, type, false))
        return true;
    size_t k = lx_joined_entries(L, c, base, a, b, type);
    return k < b && known_part(L, c, base, a, k, type, false) &&
           known_names(L, c, base, k + 1, b, type);
}

/* Does an organization's head word end [a, e) ("Amal Movement") or, with
   "of" after it, name it ("Communist Party of Sri Lanka")? */
static bool headed_body(const lx_toklist *tl, size_t a, size_t e)
{
    for (size_t k = a + 1; k < e; k++)
        if ((tl->v[k].bits & LX_EV_ORG_SUFFIX) && (k + 1 == e || lx_tok_is(tl, k + 1, "of")))
            return true;
    return false;
}

/*
 * Is [a, e), capitalized words (and an "of" or "the"), a name on its own?
 * It takes words that only names are made of: an acronym, or a word no
 * list knows or a place ("Communist Party of Sri Lanka"); with a head word
 * ("Amal Movement", "Azerbaijani Popular Front Party") one such word or a
 * nationality will do, without one it takes two ("China Unicom").  A
 * single word must be an acronym ("LSSP"): a word no list knows may be an
 * English one all the same ("Bobsled and Skeleton Federation"), and
 * "Social Democratic", with one such word and no head, is no name of its
 * own.
 */
static bool body_name(const lx_toklist *tl, size_t a, size_t e, bool headed)
{
    const uint32_t place = LX_EV_PLACE | LX_EV_PLACE_HEAD | LX_EV_PLACE_TAIL |
                           (headed ? LX_EV_NATIONALITY : 0);
    size_t proper = 0;
    for (size_t k = a; k < e; k++) {
        const lx_token *t = &tl->v[k];
        uint32_t bits = t->bits & ~(uint32_t) LX_VOC_LOWER_START;
        if (k > a && (lx_tok_is(tl, k, "of") || lx_tok_is(tl, k, "the")))
            continue;
        if (t->kind != LX_TOK_WORD || !(t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)))
            return false;
        proper += lx_tok_capitals(t) || (e > a + 1 && (!bits || (bits & place)));
    }
    return proper >= (e == a + 1 || headed ? 1u : 2u);
}

/*
 * Is "and" at k the joint of two organizations the lists do not know, each
 * a name on its own and one of them headed ("Shia Hezbollah and Amal
 * Movement", "LSSP and Communist Party of Sri Lanka")?  A left one with a
 * lowercase word is the name's start: in "Department of Health and Human
 * Services" or "Society for Optics and Photonics Technology" the "and"
 * joins what the name is of; nor is a part of English words and heads a
 * name on its own ("Social Democratic and Labour Party", "Minnesota
 * Tuberculosis and Health Association").
 */
static bool two_bodies(const lx_toklist *tl, size_t a, size_t k, size_t b)
{
    if (k == a || k + 1 == b || !lx_tok_is(tl, k, "and"))
        return false;
    for (size_t i = a; i < k; i++)
        if (!(tl->v[i].flags & (LX_TF_CAP | LX_TF_ALLCAPS)))
            return false;
    bool left = headed_body(tl, a, k), right = headed_body(tl, k + 1, b);
    return (left || right) && body_name(tl, a, k, left) && body_name(tl, k + 1, b, right);
}

/*
 * Is "and" at k the joint of two names of two capitalized words or more
 * each, neither headed ("Depeche Mode and New Order")?  A name joined so
 * is one of one word a side ("Procter and Gamble", "Simon and Schuster");
 * a head word or an "of" makes the joint part of one name ("Health and
 * Human Services"), which two_bodies() weighs.
 */
static bool two_unheaded_names(const lx_toklist *tl, size_t a, size_t k, size_t b)
{
    if (k < a + 2 || b < k + 3 || !lx_tok_is(tl, k, "and"))
        return false;
    /* a people's or a nationality's word makes a place's or a game's name
       ("French Southern and Antarctic Lands") */
    const uint32_t head = LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_DESIGNATOR |
                          LX_EV_NATIONALITY;
    for (size_t i = a; i < b; i++) {
        const lx_token *t = &tl->v[i];
        if (i != k && (t->kind != LX_TOK_WORD || !(t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) ||
                       (t->bits & head)))
            return false;
    }
    return true;
}

size_t lx_joined_entries(const lx_learn_lane *L, const lx_fctx *c, size_t base, size_t a,
                         size_t b, const char *type)
{
    const lx_toklist *tl = c->tl;
    /* two names and their joint, or an owner, its "'s" and what it owns,
       are three tokens at least: most spans are shorter, and asked no more */
    if (b - a < 3)
        return b;
    if (lx_near_entry(L, base + tl->v[a].start, base + tl->v[b - 1].end, type))
        return b; /* "Marks and Spencer" */
    for (size_t k = a + 1; k + 1 < b; k++) {
        if (!lx_phrase_conjunction(tl, k))
            continue;
        /* "The Washington Post and The Copper Gazette": a title's own "The"
           opens a name of its own */
        if (lx_phrase_title_article(tl, k + 1))
            return k;
        /* the part after the joint may itself be names joined so ("Google
           and Amazon and Microsoft Corp.") */
        bool left = known_part(L, c, base, a, k, type, false),
             right = left ? known_names(L, c, base, k + 1, b, type)
                          : known_part(L, c, base, k + 1, b, type, false);
        if ((left && right) || (left && known_part(L, c, base, k + 1, b, type, true)) ||
            (right && known_part(L, c, base, a, k, type, true)))
            return k;
        if (type[0] == 'O' && (two_bodies(tl, a, k, b) || two_unheaded_names(tl, a, k, b)))
            return k;
    }
    /* "NASA's Jet Propulsion Laboratory", "AMR Corp's American Airlines",
       "the European Southern Observatory's Very Large Telescope": an
       organization the lists know, an acronym or a name with its head
       word, and the one it owns (more than a head word: "New People's
       Army" is one) */
    for (size_t k = a + 1; type[0] == 'O' && k + 1 < b; k++)
        if (tl->v[k].kind == LX_TOK_POSS && (tl->v[k + 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
            !(k + 2 == b && (tl->v[k + 1].bits & LX_ORG_OWN_WORDS)) &&
            (known_part(L, c, base, a, k, type, false) ||
             (k >= a + 2 && (tl->v[k - 1].bits & LX_EV_ORG_SUFFIX) &&
              (tl->v[k - 1].flags & LX_TF_CAP)) ||
             (k == a + 1 && (tl->v[a].flags & LX_TF_ALLCAPS) && tl->v[a].kind == LX_TOK_WORD &&
              tl->v[a].end - tl->v[a].start >= 2)))
            return k;
    return b;
}
