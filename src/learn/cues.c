/* SPDX-License-Identifier: MIT */
/*
 * Cues that capitalized words name a group (see cues.h).
 */
#include "cues.h"

#include <string.h>

#include "phrase.h"
#include "templates.h"

bool lx_cues_names_a_group(const lx_toklist *tl, size_t a, size_t b)
{
    static const char *const verbs[] = {"formed", "founded", "cofounded", NULL};
    static const char *const joins[] = {"joined", "join", "joining", NULL};
    static const char *const members[] = {"member", "members", NULL};
    size_t first = a;
    if (a > 1 && lx_tok_is(tl, a - 1, "the"))
        a--;
    if (a == 0 || !(tl->v[a - 1].flags & LX_TF_LOWER))
        return false;
    /* asked of most names read as a person's: the verbs' first letters
       before the lists */
    char initial = lx_tok_fold(tl, &tl->v[a - 1])[0];
    if ((initial == 'f' || initial == 'c') && lx_tok_in(tl, a - 1, verbs))
        return true;
    /* one joins a band or a firm, or a person whose name says so ("joined
       Mickey Rivers as the only players") */
    if (initial == 'j' && lx_tok_in(tl, a - 1, joins))
        return !lx_phrase_full_name(tl, first, b);
    if (a >= 2 && lx_tok_is(tl, a - 1, "of") && lx_tok_in(tl, a - 2, members))
        return true;
    /* "co-founded": the tokenizer cuts it at the hyphen */
    return a >= 3 && lx_tok_is(tl, a - 1, "founded") && lx_tok_is(tl, a - 2, "-") &&
           lx_tok_is(tl, a - 3, "co");
}

bool lx_cues_persons_group(const lx_toklist *tl, size_t b)
{
    static const char *const followings[] = {"government", "administration", "cabinet",
                                             "family", "campaign", "camp", "faction", "regime",
                                             "era", "dynasty", "clan", "household", NULL};
    return b < tl->n && (tl->v[b].kind == LX_TOK_POSS || lx_tok_in(tl, b, followings));
}

size_t lx_cues_member_named(const lx_learn_lane *L, const lx_fctx *c, size_t r, size_t a,
                            bool opener, size_t *b)
{
    static const char *const band_roles[] = {"guitarist", "bassist",  "drummer",  "keyboardist",
                                             "frontman",  "frontwoman", "vocalist", NULL};
    const lx_toklist *tl = c->tl;
    size_t s = c->sc->reg[r].s, e = c->sc->reg[r].e;
    /* the region ends before the lowercase noun: the person's name is the
       next region's, not decoded yet, and known by its first name (the
       tokens first: most regions end otherwise) */
    if (e + 1 >= tl->n || e > a + 5 || !(tl->v[e].flags & LX_TF_LOWER) ||
        (tl->v[e].flags & LX_TF_NEWLINE) || !(tl->v[e + 1].flags & LX_TF_CAP) ||
        !(tl->v[e + 1].bits & LX_EV_FIRSTNAME) ||
        (tl->v[e + 1].flags & (LX_TF_SENT | LX_TF_NEWLINE)) ||
        !lx_wordset_has_folded(&L->member_nouns, tl, e))
        return SIZE_MAX;
    if (opener && a + 1 < e && (tl->v[a].bits & (LX_EV_COMMON | LX_EV_FUNCTION)) &&
        !L->lab[a - s])
        a++;
    /* "the Christian Social Union in Bavaria chairman": a place after a
       preposition belongs to the name before it */
    static const char *const of_place[] = {"in", "of", "at", "from", NULL};
    if (a > 0 && (tl->v[a - 1].flags & LX_TF_LOWER) && lx_tok_in(tl, a - 1, of_place))
        return SIZE_MAX;
    size_t j = a;
    bool place = false;
    for (; j < e && j < a + 4; j++) {
        const lx_token *t = &tl->v[j];
        int cls = lx_label_class(L->lab[j - s]);
        if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP) || (t->flags & LX_TF_NEWLINE) ||
            cls == LX_C_PER || cls == LX_C_ORG || (j == a && (t->bits & LX_EV_FUNCTION)) ||
            (t->bits & (LX_EV_NATIONALITY | LX_EV_COUNTRY)))
            break;
        place = place || (t->bits & (LX_EV_PLACE | LX_EV_PLACE_TAIL));
    }
    /* a style of music is the player's, no group: "Jazz guitarist Joe
       Pass", "Punk bassist" */
    static const char *const styles[] = {"jazz",   "soul",   "pop",   "folk",    "rock",
                                         "punk",   "blues",  "country", "gospel", "funk",
                                         "reggae", "metal",  "opera", "disco",   "techno",
                                         "rap",    "grunge", "indie", "session", "bluegrass",
                                         NULL};
    if (j == a || j != e || (place && lx_tok_in(tl, j, band_roles)) ||
        (j == a + 1 && lx_tok_in(tl, a, styles)))
        return SIZE_MAX;
    *b = j;
    return a;
}

/* Is token k a lowercase word? */
static bool lower_word(const lx_toklist *tl, size_t k)
{
    return k < tl->n && tl->v[k].kind == LX_TOK_WORD && (tl->v[k].flags & LX_TF_LOWER);
}

/* Is token k a lowercase word that reads as a verb's past ("released")? */
static bool past_verb(const lx_toklist *tl, size_t k)
{
    return lower_word(tl, k) && tl->v[k].fold_len > 3 &&
           memcmp(lx_tok_fold(tl, &tl->v[k]) + tl->v[k].fold_len - 2, "ed", 2) == 0;
}

/* The word before the name at token a, past a "the" ("left the Police",
   "a member of The Sugarcubes": capitalized inside a sentence, the
   group's own); SIZE_MAX when a opens the stretch.  (Inline: asked of
   every region, and most often the word is the token right before it.) */
static inline size_t word_before_group(const lx_learn_lane *L, const lx_toklist *tl, size_t a)
{
    if (a == 0)
        return SIZE_MAX;
    size_t p = a - 1;
    if (p > 0 && tl->v[p].hash == L->the_hash && !(tl->v[p].flags & LX_TF_SENT) &&
        ((tl->v[p].flags & LX_TF_LOWER) || lx_phrase_title_article(tl, p)))
        p--;
    return p;
}

/* The verbs of a group's founding, in a clause before its name ("Formed
   in Leeds, ..."), in an apposition after it ("..., founded in 1976") or
   after it as its subject ("was founded"). */
const char *const lx_cues_founding_verbs[] = {"formed", "founded", "established", NULL};

/* Is token b "was" or "were" and a group's founding or end after it ("was
   founded", "were disbanded")?  No person is so. */
static bool founded_passive(const lx_toklist *tl, size_t b)
{
    static const char *const ended[] = {"disbanded", "dissolved", "incorporated", NULL};
    return (lx_tok_is(tl, b, "was") || lx_tok_is(tl, b, "were")) && lower_word(tl, b + 1) &&
           (lx_tok_in(tl, b + 1, lx_cues_founding_verbs) || lx_tok_in(tl, b + 1, ended));
}

/*
 * Does what follows a name ending before token b say it names a group, as
 * the subject: "was founded", "were formed", "formed in 1991", "disbanded
 * in", "reunited.", "split up", "broke up"?  One forms a band too ("Smith
 * formed a trio"): formed, alone, must end its clause or take a time or a
 * place.
 */
static bool founded_after(const lx_learn_lane *L, const lx_fctx *c, size_t b)
{
    static const char *const ends[] = {"in", "at", "during", "when", "after", "while",
                                       "around", "and", ",", ".", ";", NULL};
    const lx_toklist *tl = c->tl;
    if (!lower_word(tl, b) || b + 1 >= tl->n ||
        !lx_phrase_written_as(c, b, &L->group_subject_verbs))
        return false;
    if (lx_tok_is(tl, b, "was") || lx_tok_is(tl, b, "were"))
        return founded_passive(tl, b);
    if (lx_tok_is(tl, b, "split") || lx_tok_is(tl, b, "broke"))
        return lx_tok_is(tl, b + 1, "up");
    return lx_tok_in(tl, b + 1, ends);
}

/* May [a, b) be a group's name after its kind's noun: no first name
   opens it, no event's word ends it ("the 16-team World Baseball
   Classic"), and each word has two letters or more and no digit? */
static bool named_by_kind(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    if ((tl->v[a].bits & LX_EV_FIRSTNAME) || lx_phrase_written_as(c, b - 1, &L->events))
        return false;
    for (size_t k = a; k < b; k++)
        if (tl->v[k].end - tl->v[k].start < 2 || (tl->v[k].flags & LX_TF_HASDIGIT))
            return false;
    return true;
}

/*
 * Is the name [a, b) the subject of the verb after it, alone and opening
 * its clause ("the Franciscans were banned"; not "Smith and Jones were",
 * "influenced by Schopenhauer were", "in Jhansi are")?
 */
static bool alone_as_subject(const lx_toklist *tl, size_t a, size_t b)
{
    static const char *const prepositions[] = {"of", "in", "at", "on", "by", "from", "with",
                                               "to", "for", "into", "than", NULL};
    bool listed = (a > 0 && (lx_phrase_conjunction(tl, a - 1) || lx_tok_is(tl, a - 1, "or") ||
                             lx_tok_is(tl, a - 1, ","))) ||
                  lx_tok_is(tl, b, "and") || lx_tok_is(tl, b, "or");
    return !listed && ((tl->v[a].flags & LX_TF_SENT) ||
                       (a > 0 && lx_tok_is(tl, a - 1, "the") &&
                        ((tl->v[a - 1].flags & LX_TF_SENT) ||
                         (a > 1 && !lx_tok_in(tl, a - 2, prepositions)))));
}

/*
 * Does the text after the name [a, b), which the layer read as no name's
 * and whose words are English ones, or as a name of a thing ("Massive
 * Attack", "The Stone Roses"), still say it names a group?  Only the cues that no phrase of common
 * words takes: it was founded or formed, or a name of two words or more
 * is the subject of a plural verb ("The Velvet Underground were managed").
 */
static bool unread_group_cue(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (b < a + 2 || b + 1 >= tl->n || (tl->v[b].flags & LX_TF_NEWLINE) ||
        !alone_as_subject(tl, a, b))
        return false;
    return founded_after(L, c, b) ||
           (lower_word(tl, b) && lx_phrase_written_as(c, b, &L->plural_verbs) &&
            lower_word(tl, b + 1) && !(tl->v[b + 1].bits & LX_EV_FUNCTION));
}

/* recorded_for() (below) once token p is "for". */
static __attribute__((noinline)) bool recorded_for_at(const lx_toklist *tl, size_t p)
{
    static const char *const recorded[] = {"recorded", "recording", NULL};
    static const char *const adverbs[] = {"ly", NULL};
    if (lx_tok_in(tl, p - 1, recorded))
        return true;
    return p >= 2 && lower_word(tl, p - 1) && lx_phrase_ends_in(tl, &tl->v[p - 1], adverbs) &&
           lx_tok_in(tl, p - 2, recorded);
}

/* Is token p "for" after "recorded" or "recording", an adverb between
   them or none ("recorded extensively for Deutsche Grammophon")?  One
   records for a label.  Asked of every preposition before a region:
   whether it is "for" is told inline. */
static inline bool recorded_for(const lx_toklist *tl, size_t p)
{
    return p >= 1 && lx_tok_is(tl, p, "for") && recorded_for_at(tl, p);
}

/* Is token k a comma? */
static bool comma_at(const lx_fctx *c, size_t k)
{
    const lx_token *t = &c->tl->v[k];
    return t->kind == LX_TOK_PUNCT && c->text[t->start] == ',';
}

/*
 * The first token of the sentence whose opening clause ends at a comma
 * right before token a, at most `reach` tokens back, on the same line, or
 * SIZE_MAX.  With `one_clause`, no other comma stands in the clause ("In
 * 1977, Wire"); without, the clause may hold a list ("Formed in
 * Manchester, England, in 1991, Oasis").
 */
static size_t clause_opener(const lx_fctx *c, size_t a, size_t reach, bool one_clause)
{
    const lx_toklist *tl = c->tl;
    if (a < 3 || !comma_at(c, a - 1))
        return SIZE_MAX;
    for (size_t k = a - 2; k + reach > a; k--) {
        if (tl->v[k].flags & LX_TF_SENT)
            return k;
        if (k == 0 || (tl->v[k].flags & LX_TF_NEWLINE) || (one_clause && comma_at(c, k)))
            return SIZE_MAX;
    }
    return SIZE_MAX;
}

/*
 * Does the clause before the name at token a, after a comma, open its
 * sentence with the group's founding: "Formed in Manchester in 1991,
 * Oasis signed", "Founded in 1976, Genentech made"?
 */
static bool founding_opener(const lx_fctx *c, size_t a)
{
    const lx_toklist *tl = c->tl;
    size_t k = clause_opener(c, a, 16, false);
    return k != SIZE_MAX && (tl->v[k].flags & LX_TF_CAP) &&
           lx_tok_in(tl, k, lx_cues_founding_verbs) &&
           (lx_tok_is(tl, k + 1, "in") || lx_tok_is(tl, k + 1, "by"));
}

/*
 * Does an apposition after the name, at the comma at token b, say what
 * kind of group it names: "Daft Punk, the French duo of", "Wu-Tang Clan, a
 * hip hop collective from", or that it was founded: "Genentech, founded
 * in 1976"?  The kind's noun ends its phrase: "Smith, the party leader",
 * "Jones, the company's chief" name people.
 */
static bool apposition_cue(const lx_learn_lane *L, const lx_fctx *c, size_t b)
{
    static const char *const made_how[] = {"in", "by", "on", "at", "as", NULL};
    const lx_toklist *tl = c->tl;
    if (b + 2 >= tl->n || !lx_tok_is(tl, b, ",") || !lower_word(tl, b + 1))
        return false;
    /* asked after most names before a comma: the founding verbs by hash,
       the articles inline */
    if (lx_wordset_has_folded(&L->founding_verbs, tl, b + 1))
        return lx_tok_in(tl, b + 2, made_how);
    if (!lx_tok_is(tl, b + 1, "the") && !lx_phrase_indefinite_article(tl, b + 1))
        return false;
    for (size_t k = b + 2; k < b + 7 && k < tl->n; k++) {
        const lx_token *t = &tl->v[k];
        if (lower_word(tl, k) && (L->kind_bits & lx_learn_hash_bit(t->hash)) &&
            lx_wordset_hashed(&L->org_kinds, t)) {
            /* "of" its members by name ("the duo of Thomas Bangalter"),
               not a group of anyone ("a group of boy scouts") */
            if (lx_tok_is(tl, k + 1, "of"))
                return k + 2 < tl->n && tl->v[k + 2].kind == LX_TOK_WORD &&
                       (tl->v[k + 2].flags & LX_TF_CAP) &&
                       !(tl->v[k + 2].bits & LX_EV_NATIONALITY);
            const lx_token *n = k + 1 < tl->n ? &tl->v[k + 1] : NULL;
            return !n || n->kind == LX_TOK_PUNCT || (n->bits & LX_EV_FUNCTION);
        }
        /* "the French duo", "a hip-hop collective", "a Seattle outfit":
           adjectives, a nationality, a place; not "a Labour party
           official", "a member of" */
        bool modifier = lower_word(tl, k) ? !(t->bits & LX_EV_FUNCTION)
                        : t->kind == LX_TOK_WORD
                            ? (t->bits & (LX_EV_NATIONALITY | LX_EV_PLACE)) != 0
                            : lx_tok_is(tl, k, "-");
        if (!modifier)
            return false;
    }
    return false;
}

/*
 * Does an owner's kind of organization and a comma stand before token a:
 * "His company, Guinness, became", "her publisher, Suhrkamp, said"?  The
 * name after them is the organization's.
 */
static bool owned_kind_before(const lx_learn_lane *L, const lx_fctx *c, size_t a)
{
    static const char *const owners[] = {"his", "her", "its", "their", NULL};
    const lx_toklist *tl = c->tl;
    return a >= 3 && lx_tok_is(tl, a - 1, ",") && lower_word(tl, a - 2) &&
           (L->kind_bits & lx_learn_hash_bit(tl->v[a - 2].hash)) &&
           lx_wordset_hashed(&L->org_kinds, &tl->v[a - 2]) && lx_tok_in(tl, a - 3, owners);
}

/*
 * Does the text around [a, b) name a group: a band, a label, a team?  Cues
 * that no person's name takes: a verb of joining, forming or leaving
 * before it ("joined Kraftwerk", "after leaving Genesis"), a contract with
 * it ("signed to Motown", "signed with the Lakers"), a tour ("toured
 * with Radiohead"), records made for it ("recorded for Chess"), a member
 * of it ("the drummer of Nirvana", "members of the Sugarcubes") or one who
 * works at it ("researchers at Genentech"), a plural verb after it as the
 * subject ("Radiohead were formed"), its member's noun after it
 * ("Nirvana's drummer", "the Oasis guitarist"), a past verb and "their" or
 * "its" ("Kraftwerk released their fifth album"), or its founding before
 * it ("Formed in Leeds in 2011, Glasshouse signed").
 */
static bool group_cue(const lx_learn_lane *L, const lx_fctx *c, size_t s, size_t a, size_t b)
{
    static const char *const leaving[] = {"left", "leaving", "quit", NULL};
    const lx_toklist *tl = c->tl;
    int cls = lx_label_class(L->lab[a - s]);
    /* "members of the Maoist rebel group": a kind's modifier */
    if (b < tl->n && lower_word(tl, b) &&
        (lx_phrase_written_as(c, b, &L->org_kinds) ||
         (b + 1 < tl->n && lx_phrase_written_as(c, b + 1, &L->org_kinds))))
        return false;
    /* the name ends its phrase: "left the Georgian city" names a place */
    bool phrase_end = b == tl->n || tl->v[b].kind == LX_TOK_PUNCT ||
                      tl->v[b].kind == LX_TOK_POSS ||
                      (tl->v[b].bits & (LX_EV_FUNCTION | LX_EV_AUXILIARY | LX_EV_SPEECH |
                                        LX_EV_PERSON_VERB | LX_EV_ACTION_VERB));
    if (founding_opener(c, a) || owned_kind_before(L, c, a))
        return true;
    size_t p = word_before_group(L, tl, a);
    /* its kind as its noun: "the duo Daft Punk released", "the label Def
       Jam" (not a person the kind heads, "the party Vladimir Zhirinovsky",
       nor a letter or a number, "group C", "offered by company N / A") */
    if (p != SIZE_MAX && p + 1 == a && lower_word(tl, p) &&
        lx_phrase_written_as(c, p, &L->org_kinds) && named_by_kind(L, c, a, b))
        return true;
    /* a member's noun or an instrument played: "the drummer in Nirvana",
       "a guitarist for the Smiths", "played bass in Joy Division until" */
    if (p != SIZE_MAX && p > 1 && lower_word(tl, p) &&
        (lx_tok_is(tl, p, "in") || lx_tok_is(tl, p, "for")) && lower_word(tl, p - 1) &&
        (lx_phrase_written_as(c, p - 1, &L->member_nouns) ||
         (lx_tok_is(tl, p, "in") && lx_phrase_written_as(c, p - 1, &L->instruments) &&
          (lx_tok_is(tl, p - 2, "played") || lx_tok_is(tl, p - 2, "playing") ||
           lx_tok_is(tl, p - 2, "plays")))))
        return true;
    if (p != SIZE_MAX && phrase_end && lower_word(tl, p)) {
        /* one leaves a place too ("leaving Krajina vacant") */
        if (cls != LX_C_LOC ? lx_phrase_written_as(c, p, &L->group_verbs)
                            : lx_phrase_written_as(c, p, &L->group_verbs) &&
                                  !lx_tok_in(tl, p, leaving))
            return true;
        /* a contract, or a bill shared: "signed to Motown", "toured with the
           Cure", "opened for Pearl Jam" */
        if (p > 0 && (lx_tok_is(tl, p, "to") || lx_tok_is(tl, p, "with")) &&
            (lx_tok_is(tl, p - 1, "signed") || lx_tok_is(tl, p - 1, "signing")))
            return true;
        if (p > 0 && lx_tok_is(tl, p, "with") &&
            (lx_tok_is(tl, p - 1, "toured") || lx_tok_is(tl, p - 1, "touring")))
            return true;
        /* "signed a recording contract with Def Jam" */
        if (p > 2 && lx_tok_is(tl, p, "with") &&
            lx_wordset_has_folded(&L->group_deals, tl, p - 1))
            for (size_t k = p - 2; k > 0 && k + 5 > p; k--)
                if (lx_tok_is(tl, k, "signed") || lx_tok_is(tl, k, "signing"))
                    return true;
        if (p > 0 && lx_tok_is(tl, p, "for") &&
            (lx_tok_is(tl, p - 1, "opened") || lx_tok_is(tl, p - 1, "opening")))
            return true;
        if (recorded_for(tl, p))
            return true;
        /* a school, a laboratory or a firm one works at: "researchers at
           Genentech", "a professor at Caltech", "analysts at Barclays" */
        if (p > 0 && lx_tok_is(tl, p, "at") && lower_word(tl, p - 1) &&
            lx_phrase_written_as(c, p - 1, &L->workers))
            return true;
        if (p > 0 && lx_tok_is(tl, p, "of") && lower_word(tl, p - 1) &&
            (lx_phrase_written_as(c, p - 1, &L->memberships) ||
             lx_phrase_written_as(c, p - 1, &L->member_nouns)))
            return true;
        /* "a division of Lucasfilm", "merged with Schweppes" */
        if (p > 0 && (lx_tok_is(tl, p, "of") || lx_tok_is(tl, p, "with")) &&
            lower_word(tl, p - 1) && lx_phrase_written_as(c, p - 1, &L->firm_ties))
            return true;
    }
    if (b + 1 >= tl->n || (tl->v[b].flags & LX_TF_NEWLINE))
        return false;
    bool subject = alone_as_subject(tl, a, b);
    /* (a people is no group: "the Bedouins were moved", "Yazidis are";
       read as a person's name, a word that is no plural is) */
    const lx_token *last = &tl->v[b - 1];
    if (subject && cls == LX_C_PER && lower_word(tl, b) &&
        lx_phrase_written_as(c, b, &L->plural_verbs) && c->text[last->end - 1] != 's')
        return true;
    if (subject && cls != LX_C_LOC && cls != LX_C_MISC && founded_after(L, c, b))
        return true;
    size_t q = b + (tl->v[b].kind == LX_TOK_POSS);
    if (lower_word(tl, q) &&
        (lx_phrase_written_as(c, q, &L->member_nouns) ||
         (q > b && lx_phrase_written_as(c, q, &L->memberships))))
        return true;
    return subject && past_verb(tl, b) &&
           (lx_tok_is(tl, b + 1, "their") || lx_tok_is(tl, b + 1, "its"));
}

/*
 * May a cue of group_cue() stand before token a (after "the"), or after
 * token b - 1: a possessive, a plural verb, a member's noun or a word and
 * "their" or "its"?  By word hashes alone: it is asked of every region, of
 * which few have one.
 */
static bool cue_before(const lx_learn_lane *L, const lx_fctx *c, size_t a)
{
    const lx_toklist *tl = c->tl;
    size_t p = word_before_group(L, tl, a);
    if (p == SIZE_MAX)
        return false;
    /* both cues end in a comma right before the name: it is asked first */
    if (!(tl->v[p].flags & LX_TF_LOWER))
        return a >= 3 && comma_at(c, a - 1) &&
               (founding_opener(c, a) || owned_kind_before(L, c, a));
    uint64_t bit = lx_learn_hash_bit(tl->v[p].hash);
    if (((L->verb_bits & bit) && lx_wordset_hashed(&L->group_verbs, &tl->v[p])) ||
        ((L->kind_bits & bit) && lx_wordset_hashed(&L->org_kinds, &tl->v[p])))
        return true;
    /* "signed to", "members of", "researchers at", "bass in" */
    if (p == 0 || !(L->preposition_bits & bit) ||
        !lx_wordset_hashed(&L->group_prepositions, &tl->v[p]))
        return false;
    if (recorded_for(tl, p))
        return true;
    const lx_token *w = &tl->v[p - 1];
    return lx_wordset_hashed(&L->group_deals, w) || lx_wordset_hashed(&L->memberships, w) ||
           lx_wordset_hashed(&L->firm_ties, w) || lx_wordset_hashed(&L->workers, w) ||
           lx_wordset_hashed(&L->member_nouns, w) || lx_wordset_hashed(&L->instruments, w);
}

static bool cue_after(const lx_learn_lane *L, const lx_toklist *tl, size_t b)
{
    if (b + 1 >= tl->n)
        return false;
    const lx_token *t = &tl->v[b];
    return t->kind == LX_TOK_POSS || tl->v[b + 1].hash == L->their_hash ||
           tl->v[b + 1].hash == L->its_hash ||
           ((L->closer_bits & lx_learn_hash_bit(t->hash)) && (t->flags & LX_TF_LOWER) &&
            (lx_wordset_hashed(&L->plural_verbs, t) || lx_wordset_hashed(&L->member_nouns, t) ||
             lx_wordset_hashed(&L->group_subject_verbs, t)));
}

/* Has the region [s, e) a possessive inside ("Motorhead's Lemmy")? */
static bool possessive_inside(const lx_toklist *tl, size_t s, size_t e)
{
    for (size_t k = s + 1; k + 1 < e; k++)
        if (tl->v[k].kind == LX_TOK_POSS)
            return true;
    return false;
}

/*
 * Is the name ending before token b, inside region [s, e), the owner of a
 * person's name the layer read after its possessive: "Motorhead's Lemmy
 * Kilmister", "Ferrari's Michael Schumacher"?  One person's name seldom
 * owns another's (the kin and the staff come with their noun, "Obama's
 * wife Michelle"), so the owner is a group, or a place, which the caller
 * leaves out.
 */
static bool owns_person(const lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e, size_t b)
{
    const lx_toklist *tl = c->tl;
    return b + 2 < e && tl->v[b].kind == LX_TOK_POSS && L->lab[b + 1 - s] == LX_L_BPER &&
           L->lab[b + 2 - s] == LX_L_IPER && (tl->v[b + 1].bits & LX_EV_FIRSTNAME) &&
           !(tl->v[b + 1].flags & LX_TF_NEWLINE) &&
           lx_label_class(L->lab[b - 1 - s]) == LX_C_PER;
}

/*
 * Does the name at token a open its sentence, or follow a short phrase of
 * time or place that does ("In 1977, Wire released")?
 */
static bool subject_opening(const lx_fctx *c, size_t a)
{
    const lx_toklist *tl = c->tl;
    if (tl->v[a].flags & LX_TF_SENT)
        return true;
    size_t k = clause_opener(c, a, 6, true);
    return k != SIZE_MAX && (tl->v[k].bits & LX_EV_FUNCTION);
}

/*
 * Does the sentence go on after the name ending before token b to "their"
 * or "its" and a work or a tour of theirs: "Coldplay met while studying in
 * London and released their debut album", "Led Zeppelin recorded much of
 * their fourth album", "Fugazi issued its albums itself"?  A person's is
 * "his" or "her": one of them before "their" leaves it to someone else.
 * The subject's "their" is found by its hash, within twenty tokens.
 */
static bool their_work_after(const lx_learn_lane *L, const lx_fctx *c, size_t b)
{
    /* not "record": "their record high" */
    static const char *const works[] = {"album", "albums", "single", "singles",    "ep",
                                        "lp",    "tour",   "debut",  "studio",     "songs",
                                        "recordings", "lineup", NULL};
    return lx_phrase_owner_of(c->tl, b, 20, L->their_hash, L->its_hash, works, 3);
}

/* The comma inside the region [s, e), or right after it, that an
   apposition naming a group follows (see apposition_cue()), or SIZE_MAX.
   It is asked of every region: a comma is found by its byte, and inside
   only where the region holds a token that is no capitalized word. */
static size_t apposition_in(const lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e,
                            bool inner)
{
    const lx_toklist *tl = c->tl;
    for (size_t k = inner ? s + 1 : e; k <= e && k + 1 < tl->n; k++)
        if (comma_at(c, k) && apposition_cue(L, c, k))
            return k;
    return SIZE_MAX;
}

/* Might the region [s, e) be one name of capitalized words, or one after
   a "The": five tokens at most, each word after the first capitalized? */
static bool one_run(const lx_toklist *tl, size_t s, size_t e)
{
    if (e - s > 5)
        return false;
    for (size_t k = s + 1; k < e; k++)
        if (tl->v[k].kind != LX_TOK_WORD || !(tl->v[k].flags & (LX_TF_CAP | LX_TF_ALLCAPS)))
            return false;
    return true;
}

/* Does the name opening a sentence at token a end at token b, before its
   apposition? */
static bool opener_before(const lx_toklist *tl, size_t a, size_t b)
{
    size_t k = a + 1;
    while (k < b && k < a + 4 && tl->v[k].kind == LX_TOK_WORD && (tl->v[k].flags & LX_TF_CAP))
        k++;
    return k == b;
}

__attribute__((noinline)) void lx_cues_group_by(lx_learn_lane *L, const lx_fctx *c,
                                                size_t s, size_t e, bool inner)
{
    const lx_toklist *tl = c->tl;
    /* the words of a cue are none of a region's (they are lowercase, and
       no connector), so they stand before its first name or after its
       last (a possessive inside, "Nirvana's Nevermind", has a name after
       it, no member's noun) */
    bool before = cue_before(L, c, s), after = cue_after(L, tl, e);
    /* "his company, Guinness,": no person's name is so introduced */
    bool owned = before && owned_kind_before(L, c, s);
    size_t appos_at = apposition_in(L, c, s, e, inner);
    /* a sentence's subject and "their" work after it, where the layer
       read no organization or place (most sentences open on one) */
    int first = lx_label_class(L->lab[0]);
    /* with no other cue, "their" work can make a group only of the whole
       region, or of all of it after a "The" (see `strong` below): the
       scan after it is made for such a region alone */
    bool other = before || after || (inner && possessive_inside(tl, s, e)) ||
                 appos_at != SIZE_MAX;
    bool theirs = first != LX_C_ORG && first != LX_C_LOC && (other || one_run(tl, s, e)) &&
                  subject_opening(c, s) && their_work_after(L, c, e);
    /* a sentence's subject that was formed or founded ("U2 formed in
       Dublin", "Led Zeppelin was formed by"), where the layer read none */
    bool founded = after && (tl->v[s].flags & LX_TF_SENT) && !L->lab[0] &&
                   founded_after(L, c, e);
    /* one "was founded" ("Hermes was founded in 1837 by Thierry Hermes"),
       whatever the layer read and whoever the document names so */
    bool founded_as = after && (tl->v[s].flags & LX_TF_SENT) && e + 1 < tl->n &&
                      founded_passive(tl, e);
    if (!other && !theirs)
        return;
    const uint32_t no_group = LX_EV_TITLE | LX_EV_PLACE | LX_EV_PLACE_TAIL | LX_EV_COUNTRY |
                              LX_EV_NATIONALITY | LX_EV_NOT_NAME | LX_EV_FUNCTION;
    for (size_t a = s; a < e; a++) {
        const lx_token *t = &tl->v[a];
        /* a sentence's first word only where the layer read a name; a
           sentence's "The" read as none goes before the name ("The Stone
           Roses were formed") */
        bool after_the = a > s && tl->v[a - 1].hash == L->the_hash &&
                         (tl->v[a - 1].flags & LX_TF_SENT) && !L->lab[a - 1 - s];
        if (t->kind != LX_TOK_WORD || !(t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) ||
            ((t->flags & LX_TF_SENT) && !L->lab[a - s] &&
             !(appos_at != SIZE_MAX && opener_before(tl, a, appos_at)) &&
             !((theirs || founded) && opener_before(tl, a, e))) ||
            (a > 0 && tl->v[a - 1].kind == LX_TOK_WORD && (tl->v[a - 1].flags & LX_TF_CAP) &&
             !after_the) ||
            lx_label_inside(L->lab[a - s]))
            continue;
        /* "The Smiths were": the article is no part of the band's name */
        size_t the = after_the ? a - 1 : SIZE_MAX;
        if (t->hash == L->the_hash && a + 1 < e && tl->v[a + 1].kind == LX_TOK_WORD &&
            (tl->v[a + 1].flags & LX_TF_CAP) && !(tl->v[a + 1].flags & LX_TF_NEWLINE) &&
            (!lx_label_inside(L->lab[a + 1 - s]) || L->lab[a + 1 - s] == L->lab[a - s] + 1))
            the = a++;
        size_t b = a;
        bool known = false;
        while (b < e && b < a + 4 && tl->v[b].kind == LX_TOK_WORD &&
               (tl->v[b].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
               (b == a || !(tl->v[b].flags & (LX_TF_SENT | LX_TF_NEWLINE)))) {
            known = known || (tl->v[b].bits & no_group) ||
                    (c->sc->cmask[b] & (LX_CM_GPER | LX_CM_GORG));
            b++;
        }
        /* a person's name in its usual shape: a first name, then a surname
           or another name ("Bob Dylan"; "Pearl Jam" is none: that Pearl is
           a surname too says nothing), unless an apposition names the
           group's kind */
        bool person_shaped = b > a + 1 && (tl->v[a].bits & LX_EV_FIRSTNAME) &&
                             (tl->v[b - 1].bits & (LX_EV_SURNAME | LX_EV_FIRSTNAME));
        bool surname = tl->v[a].bits & LX_EV_SURNAME;
        /* only the region's first name has the cue before it, its last the
           one after */
        bool owns = owns_person(L, c, s, e, b);
        /* "The Natural Law Party, a minor party": read whole already */
        bool appos = b == appos_at && !(the != SIZE_MAX && L->lab[the - s] == LX_L_BORG);
        /* the cues no person's name takes, wherever the layer read it; but a
           sentence's one first word the layer read as none is a common one
           ("World oil prices ... their") if a list knows it as such */
        bool unread_word = !L->lab[a - s] && b == a + 1 &&
                           (tl->v[a].bits & (LX_EV_COMMON | LX_EV_WORD));
        bool strong = appos || (owned && a == s) ||
                      (founded_as && (a == s || the == s) && b == e) ||
                      (theirs && (a == s || the == s) && b == e && !unread_word &&
                                !lx_tok_is(tl, b, "and") && !lx_tok_is(tl, b, "or"));
        if (!(before && (the == SIZE_MAX ? a : the) == s) && !(after && b == e) && !owns &&
            !strong)
            continue;
        /* where the layer read no name and a word is an English one ("We
           have"), only the cues no common phrase takes */
        bool english = false;
        if (!L->lab[a - s])
            for (size_t k = a; k < b; k++)
                english = english || (tl->v[k].bits & (LX_EV_COMMON | LX_EV_WORD));
        if (known || (person_shaped && !appos) || (surname && b == a + 1 && !strong) ||
            (b < e && lx_label_inside(L->lab[b - s])) ||
            (L->lab[a - s] == LX_L_BORG && (b == a + 1 || L->lab[b - 1 - s] == LX_L_IORG)))
            continue;
        const lx_dslot *d = lx_feat_doc(c->sc, tl->v[a].hash);
        if (d && d->per > ((c->sc->cmask[a] & (LX_CM_BPER | LX_CM_IPER)) != 0) &&
            !(owned && a == s) && !(founded_as && b == e))
            continue;
        bool misc = lx_label_class(L->lab[a - s]) == LX_C_MISC;
        if (!owns && !strong && !(english ? unread_group_cue(L, c, a, b)
                               : group_cue(L, c, s, a, b) ||
                                     (misc && unread_group_cue(L, c, a, b))))
            continue;
        /* "The Smiths were formed": the article opening a sentence is no
           part of the name; "a member of The Sugarcubes": capitalized
           inside one, it is */
        if (the != SIZE_MAX && !(tl->v[the].flags & LX_TF_SENT)) {
            L->lab[the - s] = LX_L_BORG;
            L->lab[a - s] = LX_L_IORG;
        } else {
            if (the != SIZE_MAX)
                L->lab[the - s] = LX_L_O;
            L->lab[a - s] = LX_L_BORG;
        }
        for (size_t k = a + 1; k < b; k++)
            L->lab[k - s] = LX_L_IORG;
        a = b - 1;
    }
}

/*
 * Does a plural kind of organization introduce the list that opens at token
 * a: "bands such as", "companies including", "labels like"?
 */
static bool kinds_such_as(const lx_learn_lane *L, const lx_fctx *c, size_t a)
{
    const lx_toklist *tl = c->tl;
    size_t k = a;
    if (k > 2 && lx_tok_is(tl, k - 1, "as") && lx_tok_is(tl, k - 2, "such"))
        k -= 2;
    else if (k > 1 && (lx_tok_is(tl, k - 1, "including") || lx_tok_is(tl, k - 1, "like")))
        k--;
    else
        return false;
    if (k > 1 && lx_tok_is(tl, k - 1, ","))
        k--;
    return (tl->v[k - 1].flags & LX_TF_LOWER) && lx_phrase_plural(tl, k - 1) &&
           lx_phrase_written_as(c, k - 1, &L->org_kinds);
}

void lx_cues_listed_after(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    if (!kinds_such_as(L, c, s))
        return;
    const uint32_t no_group = LX_EV_TITLE | LX_EV_PLACE | LX_EV_COUNTRY | LX_EV_NATIONALITY;
    size_t a = s;
    while (a < e) {
        size_t b = a;
        bool known = false, first = false, surname = false;
        while (b < e && b < a + 4 && tl->v[b].kind == LX_TOK_WORD &&
               (tl->v[b].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
               !(tl->v[b].flags & (LX_TF_SENT | LX_TF_NEWLINE))) {
            known = known || (tl->v[b].bits & no_group) || (c->sc->cmask[b] & LX_CM_GPER);
            first = first || (tl->v[b].bits & LX_EV_FIRSTNAME);
            surname = surname || (tl->v[b].bits & LX_EV_SURNAME);
            b++;
        }
        if (b == a)
            return;
        /* "film organizations such as ... Cannes Film Festival" */
        known = known || lx_phrase_written_as(c, b - 1, &L->events) ||
                lx_phrase_written_as(c, b - 1, &L->gatherings);
        if (!known && !(first && surname)) {
            L->lab[a - s] = LX_L_BORG;
            for (size_t k = a + 1; k < b; k++)
                L->lab[k - s] = LX_L_IORG;
        }
        /* on past ",", "and", "or", ", and" */
        size_t n = b;
        while (n < e &&
               (lx_tok_is(tl, n, ",") || lx_tok_is(tl, n, "and") || lx_tok_is(tl, n, "or")))
            L->lab[n++ - s] = LX_L_O;
        if (n == b)
            return;
        a = n;
    }
}

