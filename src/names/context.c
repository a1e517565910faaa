/* SPDX-License-Identifier: MIT */
/*
 * Context rules: one pass over the name runs of a stretch.  Organization
 * evidence is asked first (orgs.c); otherwise the evidence on and around the
 * run decides whether it names a person: a title or role before it, a known
 * first name at its head, a byline, a speech or person's verb after it ("said
 * Smith", "Adams served"), an age or role in apposition, initials, a known
 * surname or a surname's ending.  All words come from the evidence lists in
 * the model; the code only combines them.
 */
#include "context.h"

#include <stdbool.h>
#include <string.h>

#include "evidence.h"
#include "orgs.h"
#include "party.h"

/* A name suffix after the run: "Jr.", ", Jr.", "III". */
static size_t with_suffix(const lx_evidence *c, size_t j)
{
    size_t k = j;
    if (lx_evidence_is(c, k, ","))
        k++;
    if (k < c->tl->n && (lx_evidence_bits(c, k) & LX_EV_SUFFIX) &&
        (c->tl->v[k].flags & (LX_TF_CAP | LX_TF_ALLCAPS))) {
        k++;
        if (lx_evidence_is(c, k, ".") && !(c->tl->v[k].flags & LX_TF_SPACE))
            k++;
        return k;
    }
    return j;
}

/* A compass word: "North", "Central" (not "West", a common surname). */
static bool compass_at(const lx_evidence *c, size_t k)
{
    return lx_evidence_grammar(c, k, LX_EV_COMPASS);
}

/* Index of the token before i, skipping the period of an abbreviated title ("Sen."). */
static size_t before(const lx_evidence *c, size_t i)
{
    if (i == 0)
        return SIZE_MAX;
    if (lx_evidence_is(c, i - 1, ".") && i >= 2 && !(c->tl->v[i - 1].flags & LX_TF_SPACE) &&
        (lx_evidence_bits(c, i - 2) & (LX_EV_TITLE | LX_EV_ROLE)))
        return i - 2;
    return i - 1;
}

/*
 * "Will Trump sign?": a sentence opening with an auxiliary verb that is
 * also a first name is a question, not a name.
 */
static bool auxiliary(const lx_evidence *c, size_t i)
{
    return lx_evidence_grammar(c, i, LX_EV_AUXILIARY);
}

static bool adverb_at(const lx_evidence *c, size_t k)
{
    if (k >= c->tl->n || c->tl->v[k].kind != LX_TOK_WORD || !(c->tl->v[k].flags & LX_TF_LOWER))
        return false;
    const lx_token *t = &c->tl->v[k];
    const char *f = lx_tok_fold(c->tl, t);
    return (t->fold_len > 4 && memcmp(f + t->fold_len - 2, "ly", 2) == 0) ||
           lx_evidence_is(c, k, "later") || lx_evidence_is(c, k, "also") || lx_evidence_is(c, k, "then") ||
           lx_evidence_is(c, k, "again") || lx_evidence_is(c, k, "never") || lx_evidence_is(c, k, "once") ||
           lx_evidence_is(c, k, "first") || lx_evidence_is(c, k, "himself") || lx_evidence_is(c, k, "herself");
}

/*
 * The evidence lx_evidence_bits (of mask) of the verb after k, past an adverb and an
 * auxiliary: "served", "later joined", "was first elected", "has served".
 */
static bool verb_of(const lx_evidence *c, size_t k, uint32_t mask)
{
    if (adverb_at(c, k))
        k++;
    if (k < c->tl->n && (c->tl->v[k].flags & LX_TF_LOWER) && (lx_evidence_bits(c, k) & mask))
        return true;
    if (lx_evidence_is(c, k, "was") || lx_evidence_is(c, k, "is") || lx_evidence_is(c, k, "has") ||
        lx_evidence_is(c, k, "had") || lx_evidence_is(c, k, "would") || lx_evidence_is(c, k, "will")) {
        k++;
        if (lx_evidence_is(c, k, "been") || lx_evidence_is(c, k, "be"))
            k++;
        if (adverb_at(c, k))
            k++;
    }
    /* "re-elected" */
    if (lx_evidence_is(c, k, "re") && lx_evidence_is(c, k + 1, "-") && lx_evidence_glued(c, k + 1))
        k += 2;
    return k < c->tl->n && (c->tl->v[k].flags & LX_TF_LOWER) && (lx_evidence_bits(c, k) & mask);
}

/* A number that reads as a person's age: two digits. */
static bool age_at(const lx_evidence *c, size_t k)
{
    if (k >= c->tl->n)
        return false;
    const lx_token *t = &c->tl->v[k];
    const char *s = lx_tok_fold(c->tl, t);
    return t->fold_len == 2 && s[0] >= '1' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9';
}

/* A lowercase word that reads as a person's verb: "has", "ordered", "will". */
static bool verb_after(const lx_evidence *c, size_t k)
{
    if (k >= c->tl->n || c->tl->v[k].kind != LX_TOK_WORD || !(c->tl->v[k].flags & LX_TF_LOWER))
        return false;
    const lx_token *t = &c->tl->v[k];
    const char *f = lx_tok_fold(c->tl, t);
    if (lx_evidence_grammar(c, k, LX_EV_PERSON_AUX))
        return true;
    return t->fold_len > 4 && memcmp(f + t->fold_len - 2, "ed", 2) == 0;
}

static int weaker_person_evidence(const lx_evidence *c, size_t i, size_t j, size_t end,
                                  uint32_t pb, uint32_t bl, bool any_known);

/*
 * A speaker of a legislature's record, whose surname the record prints in
 * capitals after "Mr." or "Ms." ("Mr. GRASSLEY. Mr. President, I ask",
 * "Ms. CORTEZ MASTO."): p is the title before the run i..j (see before()).
 * The title itself is written in lowercase after its capital, so a headline
 * in capitals ("MR. SMITH GOES") is no record.
 */
static bool speaker(const lx_evidence *c, size_t p, size_t i, size_t j)
{
    if (p == SIZE_MAX || p + 2 != i || !lx_courtesy_title(c->tl, p) ||
        (c->tl->v[p].flags & LX_TF_ALLCAPS))
        return false;
    for (size_t k = i; k < j; k++)
        if (!lx_tok_capitals(&c->tl->v[k]) && !lx_evidence_is(c, k, "-"))
            return false;
    return true;
}

static int person_evidence(const lx_evidence *c, size_t i, size_t j, bool byline)
{
    size_t p = before(c, i);
    uint32_t pb = p == SIZE_MAX ? 0 : lx_evidence_bits(c, p);
    size_t end = with_suffix(c, j);
    bool multi = j - i >= 2;
    /* a first name that is also a word or a place ("Will", "Great", "Israel")
       counts only before a known surname, and never heading a sentence */
    uint32_t b0 = lx_evidence_bits(c, i), bl = lx_evidence_bits(c, j - 1);
    /* a hyphenated surname is one word that no list knows: "Toussaint-White" */
    bool compound = j - i >= 3 && lx_evidence_is(c, j - 2, "-") && lx_evidence_glued(c, j - 2);
    if (compound)
        bl = 0;
    bool sent = (c->tl->v[i].flags & LX_TF_SENT) != 0;
    uint32_t b1 = lx_evidence_bits(c, i + 1);
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
        any_known |= (lx_evidence_bits(c, k) & (LX_EV_SURNAME | LX_EV_FIRSTNAME)) != 0;
    /* a run ending in an organization word is no person ("Azure Government"),
       nor is a place ("Iran said", "Gaza Strip") */
    if ((lx_evidence_bits(c, j - 1) & (LX_EV_ORG_SUFFIX | LX_EV_MEDIA_HEAD)) || lx_evidence_ends_in_place(c, i, j))
        return 0;
    if (lx_party_tag(c->tl, c->doc + c->base, i, j)) /* "Mark Green, R-Tenn., said" */
        return 0;
    /* a name suffix alone after a title word is the end of a longer name
       ("Martin Luther King Sr."), no one's name of its own */
    if (j - i == 1 && (b0 & LX_EV_SUFFIX))
        return 0;

    if (speaker(c, p, i, j))
        return lx_evidence_emit(c, i, end, "PERSON", "context:speaker", LX_PRIO_GAZETTEER);
    /* a title before common words is an adjective: "Crown Colony", "General Command" */
    if ((pb & (LX_EV_TITLE | LX_EV_ROLE)) && !lx_evidence_all_words(c, i, j))
        return lx_evidence_emit(c, i, end, "PERSON", "context:title", LX_PRIO_GAZETTEER);
    if (byline && multi)
        return lx_evidence_emit(c, i, end, "PERSON", "context:byline", LX_PRIO_GAZETTEER);
    /* an all-caps line (headline, dateline) says little about who is named */
    if (lx_tok_capitals(&c->tl->v[i]))
        return 0;
    /* "Halton North", "East Londonderry": a place with a compass word, as
       constituencies and districts are named */
    if (multi && first_known && !compass_at(c, i) && !compass_at(c, j - 1) &&
        !lx_evidence_is(c, i, "west") && !lx_evidence_function_word(c, j - 1) &&
        /* two English words are a phrase, not a person: "Blue Tory", "Life First" */
        !((b0 & (LX_EV_WORD | LX_EV_COMMON)) && (bl & LX_EV_WORD)) &&
        /* "Bristol City", "Marlow Town": the last word of places */
        (bl & (LX_EV_PLACE_TAIL | LX_EV_WORD)) != (LX_EV_PLACE_TAIL | LX_EV_WORD))
        return lx_evidence_emit(c, i, end, "PERSON", "context:first-name", LX_PRIO_GAZETTEER);
    return weaker_person_evidence(c, i, j, end, pb, bl, any_known);
}

/*
 * The weaker person rules, tried when the title, byline and first-name
 * rules found nothing in the run i..j (end: past its suffix): speech, age,
 * apposition, initials, surnames, verbs.  pb: evidence bits of the word
 * before; bl: of the last word (0 for a hyphenated surname); any_known:
 * some word of the run is a known first name or surname.
 */
static int weaker_person_evidence(const lx_evidence *c, size_t i, size_t j, size_t end,
                                  uint32_t pb, uint32_t bl, bool any_known)
{
    bool multi = j - i >= 2;
    /* the weaker rules below may rest on a surname's ending: looked up only now */
    bool ending = lx_evidence_bits(c, j - 1) == 0 && lx_model_evidence_name_ending(c, j - 1);
    any_known |= ending;
    /* "Smith wrote", "said Smith", "according to Smith" */
    bool speech_after = lx_evidence_bits(c, end) & LX_EV_SPEECH;
    bool speech_before = (pb & LX_EV_SPEECH) ||
                         (i >= 2 && lx_evidence_is(c, i - 1, "to") && lx_evidence_is(c, i - 2, "according"));
    if ((speech_after || speech_before) && (multi || any_known))
        return lx_evidence_emit(c, i, end, "PERSON", "context:speech", LX_PRIO_CONTEXT);
    /* a first name and a surname that are also common words, doing what people
       do: "Bill Lee signed it" (and never a bill); not an English word last
       ("the Green Zone has killed") */
    uint32_t b0 = lx_evidence_bits(c, i);
    if (j - i == 2 && (b0 & LX_EV_FIRSTNAME) && (bl & LX_EV_SURNAME) && !(bl & LX_EV_WORD) &&
        !(b0 & (LX_EV_PLACE | LX_EV_NATIONALITY | LX_EV_NOT_NAME)) &&
        verb_of(c, end, LX_EV_PERSON_VERB | LX_EV_ACTION_VERB))
        return lx_evidence_emit(c, i, end, "PERSON", "context:verb", LX_PRIO_CONTEXT - 5);
    /* a word no list knows, speaking: "Hoddle said", "said Hoddle." (a
       company or agency that speaks is usually in the lists, and wins; "said
       Moscow wants" is reported speech, not a speaker) */
    bool lone = !multi && !(c->tl->v[i].flags & LX_TF_ALLCAPS) && lx_evidence_bits(c, i) == 0 &&
                c->tl->v[i].end - c->tl->v[i].start > 2;
    if (lone && (speech_after || (speech_before && (lx_evidence_is(c, end, ".") || lx_evidence_is(c, end, ",")))))
        return lx_evidence_emit(c, i, end, "PERSON", "context:speech", LX_PRIO_CONTEXT - 5);
    /* an age in apposition: "Duran, 45, takes on" */
    if (lx_evidence_is(c, end, ",") && end + 2 < c->tl->n && lx_evidence_is(c, end + 2, ",") &&
        age_at(c, end + 1) && (multi || any_known || lone))
        return lx_evidence_emit(c, i, end, "PERSON", "context:age", LX_PRIO_CONTEXT);
    /* apposition: "Brad Smith, Microsoft's president" */
    if (multi && lx_evidence_is(c, end, ",") && !(bl & LX_EV_WORD)) {
        for (size_t k = end + 1; k < end + 5 && k < c->tl->n; k++)
            if (lx_evidence_bits(c, k) & LX_EV_ROLE)
                return lx_evidence_emit(c, i, end, "PERSON", "context:apposition", LX_PRIO_CONTEXT);
    }
    /* initials before a surname: "P. Simmons", "J.R. Ewing" */
    uint32_t lb = lx_evidence_bits(c, j - 1);
    if (lx_evidence_initial(c, i) && multi &&
        !(lb & (LX_EV_PLACE | LX_EV_ORG_SUFFIX | LX_EV_NOT_NAME)) &&
        (!(lb & LX_EV_COMMON) || (lb & LX_EV_SURNAME)))
        return lx_evidence_emit(c, i, end, "PERSON", "context:initials", LX_PRIO_CONTEXT);
    /* two or three plain capitalized words ending in a known surname, or
       followed by a country in parentheses: "Moin Khan", "Jan Ullrich (Germany)" */
    bool plain = multi && j - i <= 3;
    for (size_t k = i; plain && k < j; k++)
        plain = !(lx_evidence_bits(c, k) & (LX_EV_COMMON | LX_EV_PLACE | LX_EV_ORG_SUFFIX | LX_EV_NOT_NAME |
                                LX_EV_NATIONALITY | LX_EV_ORG_PREFIX | LX_EV_MEDIA_HEAD)) &&
                !(lx_evidence_bits(c, k) & LX_EV_WORD);
    if (plain && ((lx_evidence_bits(c, j - 1) & LX_EV_SURNAME) || ending ||
                  (lx_evidence_is(c, end, "(") && (lx_evidence_bits(c, end + 1) & LX_EV_PLACE) && lx_evidence_is(c, end + 2, ")"))))
        return lx_evidence_emit(c, i, end, "PERSON", "context:surname", LX_PRIO_CONTEXT);
    /* a lone word known only as a surname, acting: "Yeltsin ordered", "Dole has" */
    const uint32_t not_lone = LX_EV_COMMON | LX_EV_PLACE | LX_EV_ORG_SUFFIX | LX_EV_NOT_NAME |
                              LX_EV_NATIONALITY | LX_EV_ORG_PREFIX | LX_EV_MEDIA_HEAD;
    if (!multi && !(c->tl->v[i].flags & LX_TF_ALLCAPS) && verb_after(c, end) &&
        (lx_evidence_bits(c, i) & LX_EV_SURNAME) && !(lx_evidence_bits(c, i) & (LX_EV_FIRSTNAME | not_lone)))
        return lx_evidence_emit(c, i, end, "PERSON", "context:surname", LX_PRIO_CONTEXT - 5);
    /* a name doing what people do: "Adams previously won", "Kshyk campaigned" */
    if (!multi && !(c->tl->v[i].flags & LX_TF_ALLCAPS) && !(lx_evidence_bits(c, i) & not_lone) &&
        ((lx_evidence_bits(c, i) & (LX_EV_SURNAME | LX_EV_FIRSTNAME)) || ending
             ? verb_of(c, end, LX_EV_PERSON_VERB | LX_EV_ACTION_VERB | LX_EV_SPEECH)
             : (lone && verb_of(c, end, LX_EV_PERSON_VERB))))
        return lx_evidence_emit(c, i, end, "PERSON", "context:verb", LX_PRIO_CONTEXT - 5);
    /* a known first name further in: "Secretary of State Mike Pompeo" */
    for (size_t k = i + 1; k + 1 < j; k++)
        if ((lx_evidence_bits(c, k) & LX_EV_FIRSTNAME) && !(lx_evidence_bits(c, k) & LX_EV_COMMON) &&
            !(lx_evidence_is(c, k - 1, "-") && lx_evidence_glued(c, k - 1))) {
            /* words before it that no list knows are the person's too ("Ebuka Obi-Uchendu") */
            bool unknown = true;
            for (size_t u = i; u < k && unknown; u++)
                unknown = lx_evidence_bits(c, u) == 0 && !lx_model_evidence_name_ending(c, u) && c->tl->v[u].kind == LX_TOK_WORD;
            return lx_evidence_emit(c, unknown ? i : k, end, "PERSON", "context:first-name", LX_PRIO_CONTEXT);
        }
    return 0;
}

int lx_context_scan(const struct lextag_model *m, const char *doc, size_t base,
                    const lx_toklist *tl, lx_candvec *out)
{
    lx_evidence c = {m, doc, base, tl, out};
    int rc0 = lx_orgs_heads(&c, out->n);
    if (!rc0)
        rc0 = lx_orgs_acronyms(&c);
    if (rc0)
        return rc0;
    for (size_t i = 0; i < tl->n;) {
        if (!lx_model_evidence_name_token(&c, i)) {
            /* a nationality is no name's word, but it may name a party */
            int rc = (tl->v[i].bits & LX_EV_NATIONALITY) ? lx_orgs_national_party(&c, i) : 0;
            if (rc)
                return rc;
            i++;
            continue;
        }
        size_t j = lx_evidence_run_end(&c, i);
        /* a place heading the run is no part of a name: "New York City
           Comptroller Bill Thompson", "San Luis Obispo" */
        size_t h = i > 0 && !(tl->v[i].flags & LX_TF_SENT) && lx_evidence_cap_word(&c, i - 1) ? i - 1 : i;
        if (lx_evidence_bits(&c, h) & LX_EV_PLACE_HEAD) {
            for (size_t k = h + 5 < j ? h + 5 : j - 1; k >= i && k > h; k--)
                if (lx_evidence_place_at(&c, h, k + 1)) {
                    i = k + 1;
                    break;
                }
            if (i >= j) {
                i = j;
                continue;
            }
        }
        bool byline = false;
        /* sentence-initial or function words heading the run are not names
           (unless a cue says the run is an organization's name: "the
           guitarist of Oasis") */
        while (i < j && !lx_orgs_cued(&c, i) && (lx_evidence_bits(&c, i) & LX_EV_COMMON) && !lx_evidence_initial(&c, i) &&
               (!(lx_evidence_bits(&c, i) & LX_EV_FIRSTNAME) ||
                ((tl->v[i].flags & LX_TF_SENT) &&
                 (auxiliary(&c, i) || !(lx_evidence_bits(&c, i + 1) & LX_EV_SURNAME))))) {
            byline |= lx_evidence_is(&c, i, "by");
            i++;
        }
        if (i == j || !lx_model_evidence_name_token(&c, i)) {
            i = j;
            continue;
        }
        bool done;
        int rc = lx_orgs_evidence(&c, i, j, &done);
        if (!rc && !done)
            rc = person_evidence(&c, i, j, byline);
        if (rc)
            return rc;
        i = j;
    }
    return 0;
}
