/* SPDX-License-Identifier: MIT */
/*
 * Organization rules.  Head words are found in one pass over the stretch
 * and each proposes the longest name around it (words before it, "of X"
 * after it); the resolver keeps the longest where proposals overlap, so no
 * rule needs to know what another found.
 */
#include "orgs.h"

/* A word in capitals (not an initial). */
static bool caps_at(const lx_evidence *c, size_t k)
{
    return k < c->tl->n && c->tl->v[k].kind == LX_TOK_WORD && lx_tok_capitals(&c->tl->v[k]);
}

/* Is the word at k written in ASCII letters only? */
static bool ascii_letters(const lx_evidence *c, size_t k)
{
    const lx_token *t = &c->tl->v[k];
    for (size_t p = t->start; p < t->end; p++) {
        unsigned char ch = (unsigned char) c->doc[c->base + p];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')))
            return false;
    }
    return true;
}

bool lx_orgs_cued(const lx_evidence *c, size_t i)
{
    return i >= 2 && (lx_evidence_is(c, i - 1, "of") || lx_evidence_is(c, i - 1, "for")) &&
           ((lx_evidence_bits(c, i - 2) & LX_EV_ORG_CONTEXT) ||
            lx_tok_in(c->tl, i - 2, lx_words_member_nouns));
}

static bool defines_term(const lx_evidence *c, size_t a);

/* Organization by structure: head word, "of" continuation, designator. */
int lx_orgs_evidence(const lx_evidence *c, size_t i, size_t j, bool *done)
{
    uint32_t last = lx_evidence_bits(c, j - 1), first = lx_evidence_bits(c, i);
    size_t end = j;
    *done = false;
    /* head words ("X Party", "University of X") are handled by lx_orgs_heads() */
    if ((first & LX_EV_ORG_PREFIX) || (last & (LX_EV_ORG_SUFFIX | LX_EV_MEDIA_HEAD))) {
        *done = true;
        return 0;
    }
    size_t k = lx_evidence_is(c, j, ",") ? j + 1 : j;
    /* partners joined by "&": "Douglas & Lomason Co", "Schroder Wertheim & Co" */
    if (lx_evidence_is(c, j, "&") && j + 1 < c->tl->n) {
        k = j + 1;
        if (lx_model_evidence_name_token(c, k) && !(lx_evidence_bits(c, k) & LX_EV_DESIGNATOR))
            k = lx_evidence_run_end(c, k);
        if (lx_evidence_is(c, k, ","))
            k++;
    }
    if (k < c->tl->n && (lx_evidence_bits(c, k) & LX_EV_DESIGNATOR) &&
        (c->tl->v[k].flags & (LX_TF_CAP | LX_TF_ALLCAPS))) {
        end = k + 1;
        if (lx_evidence_is(c, end, ".") && !(c->tl->v[end].flags & LX_TF_SPACE))
            end++;
        *done = true;
        return lx_evidence_emit(c, i, end, "ORG", "context:designator", LX_PRIO_GAZETTEER);
    }
    /* "the news agency Tanjug", "the Sun newspaper" */
    uint32_t b0 = lx_evidence_bits(c, i);
    bool person_like = j - i >= 2 && (b0 & LX_EV_FIRSTNAME) && !(b0 & (LX_EV_COMMON | LX_EV_WORD));
    if ((i > 0 && (lx_evidence_bits(c, i - 1) & LX_EV_ORG_NOUN) && (c->tl->v[i - 1].flags & LX_TF_LOWER)) ||
        /* "Ronna Romney radio talk show host" is a person */
        (j < c->tl->n && (lx_evidence_bits(c, j) & LX_EV_ORG_NOUN) && (c->tl->v[j].flags & LX_TF_LOWER) &&
         !person_like)) {
        *done = true;
        return lx_evidence_emit(c, i, j, "ORG", "context:org-noun", LX_PRIO_CONTEXT);
    }
    /* "X said in a statement": people speak, organizations issue statements */
    if ((lx_evidence_bits(c, j) & LX_EV_SPEECH) && lx_evidence_is(c, j + 1, "in") && lx_evidence_is(c, j + 2, "a") &&
        (lx_evidence_is(c, j + 3, "statement") || lx_evidence_is(c, j + 3, "filing") ||
         lx_evidence_is(c, j + 3, "release"))) {
        *done = true;
        return lx_evidence_emit(c, i, j, "ORG", "context:org-cue", LX_PRIO_CONTEXT);
    }
    /* (a country's possessive is the group's place: "singer of Britain's
       top rock group") */
    if (lx_orgs_cued(c, i) &&
        !(j < c->tl->n && c->tl->v[j].kind == LX_TOK_POSS &&
          (lx_evidence_bits(c, i) & (LX_EV_COUNTRY | LX_EV_PLACE)))) {
        *done = true;
        return lx_evidence_emit(c, i, j, "ORG", "context:org-cue", LX_PRIO_CONTEXT);
    }
    /* an acronym no list knows, in running text, is most often an organization */
    const lx_token *t = &c->tl->v[i];
    /* (not initials before a name: "RG Casey") */
    if (j == i + 1 && (t->flags & LX_TF_ALLCAPS) && t->end - t->start >= 2 &&
        t->end - t->start <= 5 && ascii_letters(c, i) && lx_evidence_bits(c, i) == 0 &&
        !defines_term(c, i) &&
        !(i > 0 && caps_at(c, i - 1)) && !caps_at(c, j) && !lx_evidence_is(c, j, "-") &&
        !(lx_evidence_cap_word(c, j) && (c->tl->v[j].flags & LX_TF_SPACE) &&
          !(c->tl->v[j].flags & (LX_TF_SENT | LX_TF_NEWLINE)))) {
        *done = true;
        return lx_evidence_emit(c, i, j, "ORG", "context:acronym", LX_PRIO_CONTEXT - 5);
    }
    return 0;
}

/*
 * Can the word at k open a name "k of ...": a generic noun ("Order of", "Bank
 * of", "Friends of"), not a person ("Lynn Reaser of Barnett Banks") nor a role
 * ("Member of Parliament")?
 */
static bool of_head(const lx_evidence *c, size_t k)
{
    uint32_t b = lx_evidence_bits(c, k);
    return !(b & (LX_EV_TITLE | LX_EV_ROLE)) &&
           (b & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_WORD | LX_EV_COMMON));
}

/* Is the word at k a capitalized title ("Foreign", "General")?  Titles
   stand in names too: "Foreign Ministry", "General Labour Confederation". */
static bool title_word(const lx_evidence *c, size_t k)
{
    return lx_evidence_cap_word(c, k) && (lx_evidence_bits(c, k) & LX_EV_TITLE);
}

/* First token of the name that ends with the head word at k. */
static size_t org_start(const lx_evidence *c, size_t k)
{
    size_t s = k;
    while (s > 0 && !(c->tl->v[s].flags & LX_TF_SENT) && k - s < LX_EV_MAX_RUN + 4) {
        if (lx_evidence_org_word(c, s - 1) || title_word(c, s - 1)) {
            s--;
        } else if (s >= 2 && lx_evidence_is(c, s - 1, "-") && lx_evidence_org_word(c, s - 2) &&
                   !(c->tl->v[s - 1].flags & LX_TF_SPACE) && !(c->tl->v[s].flags & LX_TF_SPACE)) {
            /* "Anti-Masonic Party", "Labor-Progressive Party" */
            s -= 2;
        } else if (s >= 2 && lx_evidence_connector(c, s - 1) && lx_evidence_org_word(c, s - 2) &&
                   !lx_evidence_is(c, s - 1, "the") && !(c->tl->v[s - 1].flags & LX_TF_SENT) &&
                   !(lx_evidence_is(c, s - 1, "of") && !of_head(c, s - 2)) &&
                   !((lx_evidence_is(c, s - 1, "and") || lx_evidence_is(c, s - 1, "&")) &&
                     (lx_evidence_bits(c, s - 2) & (LX_EV_ORG_SUFFIX | LX_EV_PLACE)))) {
            /* "X Party and Y Alliance" are two names, "Labour and Social Party" one */
            s -= 2;
        } else {
            break;
        }
    }
    /* "The", "In", "For" heading the name are not part of it; other common
       words are ("Progressive Conservative Party") unless they open a sentence */
    while (s < k && (lx_evidence_bits(c, s) & LX_EV_COMMON) && !(lx_evidence_bits(c, s) & LX_EV_ORG_SUFFIX) &&
           (lx_evidence_function_word(c, s) || (c->tl->v[s].flags & LX_TF_SENT)))
        s++;
    while (s < k && lx_evidence_connector(c, s))
        s++;
    return s;
}

/* Is token i a lowercase word of the list words? */
static bool lowercase_in(const lx_evidence *c, size_t i, const char *const *words)
{
    return i < c->tl->n && !(c->tl->v[i].flags & LX_TF_CAP) && lx_tok_in(c->tl, i, words);
}

/* Is token i the "of" of another language ("Banco de Portugal", "Istituto
   di Fisica", "Fondation du Patrimoine", "Museu do Ipiranga")? */
static bool foreign_of(const lx_evidence *c, size_t i)
{
    static const char *const words[] = {"de", "di", "du", "des", "del", "della", "do", "da",
                                        "dos", "das", NULL};
    return lowercase_in(c, i, words);
}

/* Is token i the "and" of another language ("et", "y", "e", "und")? */
static bool foreign_and(const lx_evidence *c, size_t i)
{
    static const char *const words[] = {"et", "y", "e", "und", NULL};
    return lowercase_in(c, i, words);
}

/* End (exclusive) of "of X", "for X", "in X" after a head word at k, or of
   another language's "de X" ("Orquesta Sinfónica de Tucumán"). */
static size_t org_tail(const lx_evidence *c, size_t k)
{
    size_t e = k + 1;
    /* a head's adjectives before its "de": "Orquesta Sinfónica de Tucumán" */
    size_t j = e;
    while (j < e + 2 && lx_evidence_org_word(c, j) && !(c->tl->v[j].flags & LX_TF_SENT))
        j++;
    if (j > e && foreign_of(c, j))
        e = j;
    bool foreign = foreign_of(c, e);
    if (!(lx_evidence_is(c, e, "of") || lx_evidence_is(c, e, "for") || lx_evidence_is(c, e, "in") ||
          foreign))
        return e;
    /* "Communist Party of the USA", "Universidad de la República", "Union
       for a Popular Movement" */
    size_t skip = (lx_evidence_is(c, e + 1, "the") || lx_evidence_is(c, e + 1, "la") ||
                   (lx_evidence_is(c, e, "for") && lx_evidence_is(c, e + 1, "a"))) &&
                          lx_evidence_org_word(c, e + 2)
                      ? 1
                      : 0;
    if (!lx_evidence_org_word(c, e + 1 + skip))
        return e;
    e += 2 + skip;
    /* a country ends the name: "Liberal Party of Canada Member of Parliament" */
    if (lx_evidence_bits(c, e - 1) & LX_EV_PLACE)
        return e;
    while (e < c->tl->n && e - k < LX_EV_MAX_RUN + 4) {
        if (lx_evidence_org_word(c, e) && !(c->tl->v[e].flags & LX_TF_SENT))
            e++;
        else if (lx_evidence_connector(c, e) && !lx_evidence_is(c, e, "the") && lx_evidence_org_word(c, e + 1))
            e += 2;
        /* another language's "and", with its article: "Parti des Réformes
           et des Libertés de Wallonie" */
        else if (foreign && foreign_and(c, e) && foreign_of(c, e + 1) && lx_evidence_org_word(c, e + 2))
            e += 3;
        else if (foreign && foreign_and(c, e) && lx_evidence_org_word(c, e + 1))
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
static bool known_head(const lx_evidence *c, size_t n0, size_t s, size_t e)
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
int lx_orgs_heads(const lx_evidence *c, size_t n0)
{
    for (size_t k = 0; k < c->tl->n; k++) {
        /* most tokens are lowercase: test the case before the vocabulary */
        if (!(c->tl->v[k].flags & LX_TF_CAP))
            continue;
        uint32_t b = lx_evidence_bits(c, k);
        /* in a headline in capitals every word looks like a name */
        if (!(b & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_MEDIA_HEAD)) || !lx_evidence_cap_word(c, k) ||
            (lx_tok_capitals(&c->tl->v[k]) && !(b & LX_EV_DESIGNATOR)))
            continue;
        /* words before a head word belong to the name ("Fraternal Order of ...") */
        size_t s = org_start(c, k);
        size_t e = (b & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX)) ? org_tail(c, k) : k + 1;
        /* a head word alone is no name; a newspaper needs its title word; a
           country is no organization ("Soviet Union") */
        if (e - s < 2 || (!(b & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX)) && s == k) ||
            /* "Jim Courier" is a person; "the Courier" a newspaper */
            (!(b & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX)) && e - s == 2 &&
             (lx_evidence_bits(c, s) & LX_EV_FIRSTNAME) && !(lx_evidence_bits(c, s) & (LX_EV_COMMON | LX_EV_PLACE)) &&
             !lx_evidence_is(c, s - 1, "the")) ||
            lx_evidence_place_at(c, s, e))
            continue;
        /* "Barnett Banks Inc." keeps the period of its designator */
        if (e == k + 1 && (b & LX_EV_DESIGNATOR) && lx_evidence_is(c, e, ".") &&
            !(c->tl->v[e].flags & LX_TF_SPACE))
            e++;
        /* a name joined by "and" may be two names ("House and Senate", "Amazon
           and Oracle Corp."): it yields to a known name it overlaps */
        bool joined = false;
        for (size_t i = s; i < e && !joined; i++)
            joined = lx_evidence_is(c, i, "and");
        int rc = lx_evidence_emit(c, s, e, "ORG", "context:org-head",
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
static size_t long_form(const lx_evidence *c, size_t a, size_t open)
{
    const lx_token *t = &c->tl->v[a];
    const char *letters = c->doc + c->base + t->start;
    size_t n = t->end - t->start, w = open, words = 0;
    while (n > 0 && w > 0) {
        w--;
        const lx_token *x = &c->tl->v[w];
        /* "People's Democratic Party (PDP)", but not "Organization's (WTO)" */
        if (x->kind == LX_TOK_POSS && w + 1 < open)
            continue;
        if (x->kind != LX_TOK_WORD) {
            /* "Farmers' Union", "Primorje-Gorski Kotar" */
            if (x->end - x->start == 1 && (lx_evidence_is(c, w, "'") || lx_evidence_is(c, w, "-")))
                continue;
            return SIZE_MAX;
        }
        char first = c->doc[c->base + x->start];
        if ((x->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) && first == letters[n - 1]) {
            n--;
            words++;
        } else if (!lx_evidence_connector(c, w)) {
            return SIZE_MAX;
        }
    }
    return n == 0 && words >= 2 ? w : SIZE_MAX;
}

/* Are words s..e a phrase ("Gross Domestic Product", "Positive Predictive
   Value"), without a head word at the end?  A "for" between them makes a
   body's name ("Campaign for Nuclear Disarmament"). */
static bool phrase(const lx_evidence *c, size_t s, size_t e)
{
    for (size_t k = s; k < e; k++)
        if (lx_evidence_is(c, k, "for"))
            return false;
    return lx_evidence_term_words(c, s, e) && !(lx_evidence_bits(c, e - 1) & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX));
}

/* Is the acronym at token a, in parentheses, a term's that the words
   before spell ("Positive Predictive Value (PPV)")? */
static bool defines_term(const lx_evidence *c, size_t a)
{
    if (a == 0 || !lx_evidence_is(c, a - 1, "(") || !lx_evidence_is(c, a + 1, ")"))
        return false;
    size_t s = long_form(c, a, a - 1);
    return s != SIZE_MAX && phrase(c, s, a - 1);
}

/*
 * A name in another language and its acronym ("Solidary Democracy (DemoS)",
 * "Centrists for Europe (CpE)"): a run of capitalized words, no person's and
 * no place, before a parenthesized word with two capitals or more.  Both
 * are organizations, on weaker evidence than initials that spell out.
 */
static int loose_acronym(const lx_evidence *c, size_t open)
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
        if (lx_evidence_org_word(c, s - 1))
            words++;
        else if (!lx_evidence_connector(c, s - 1) || lx_evidence_is(c, s - 1, "the"))
            break;
        s--;
    }
    while (s < open && (lx_evidence_connector(c, s) || lx_evidence_function_word(c, s)))
        s++;
    uint32_t b0 = lx_evidence_bits(c, s);
    if (words < 2 || s == open || !lx_evidence_org_word(c, s) || lx_evidence_place_at(c, s, open) ||
        (b0 & (LX_EV_TITLE | LX_EV_ROLE)) ||
        ((b0 & LX_EV_FIRSTNAME) && !(b0 & (LX_EV_COMMON | LX_EV_WORD))) ||
        phrase(c, s, open))
        return 0;
    /* a title right before the words is one of them, and so are the name's
       words before it ("General Labour Confederation (CGT)", "United Self
       Defense Forces of Colombia (AUC)") */
    if (s > 0 && title_word(c, s - 1))
        while (s > 0 && !(c->tl->v[s].flags & LX_TF_SENT) &&
               (lx_evidence_org_word(c, s - 1) || title_word(c, s - 1)))
            s--;
    int rc = lx_evidence_emit(c, s, open, "ORG", "context:acronym", LX_PRIO_CONTEXT);
    return rc ? rc : lx_evidence_emit(c, open + 1, open + 2, "ORG", "context:acronym", LX_PRIO_CONTEXT);
}

/*
 * Acronym definitions: "Confederation of British Industry (CBI)" names an
 * organization when its words are no mere phrase ("Gross Domestic Product
 * (GDP)") and no place.  The document pass then links every later "CBI".
 */
int lx_orgs_acronyms(const lx_evidence *c)
{
    for (size_t k = 1; k + 2 < c->tl->n; k++) {
        const lx_token *p = &c->tl->v[k], *a = &c->tl->v[k + 1];
        /* one byte compared per token before anything else */
        if (p->end - p->start != 1 || c->doc[c->base + p->start] != '(')
            continue;
        if (!lx_evidence_is(c, k + 2, ")") || a->kind != LX_TOK_WORD ||
            a->end - a->start < 2 || a->end - a->start > 8)
            continue;
        /* initials that spell the words before, else the looser reading */
        size_t s = (a->flags & LX_TF_ALLCAPS) ? long_form(c, k + 1, k) : SIZE_MAX;
        if (s == SIZE_MAX) {
            int rc = loose_acronym(c, k);
            if (rc)
                return rc;
            continue;
        }
        /* "Member of Parliament (MP)" is a role */
        if (lx_evidence_place_at(c, s, k) || (lx_evidence_bits(c, s) & (LX_EV_TITLE | LX_EV_ROLE)) ||
            phrase(c, s, k))
            continue;
        int rc = lx_evidence_emit(c, s, k, "ORG", "context:acronym", LX_PRIO_GAZETTEER);
        if (rc)
            return rc;
    }
    return 0;
}

int lx_orgs_national_party(const lx_evidence *c, size_t k)
{
    const lx_toklist *tl = c->tl;
    const lx_token *v = tl->v;
    if (k + 1 >= tl->n || (lx_evidence_bits(c, k) & LX_EV_FIRSTNAME) ||
        !lx_evidence_cap_word(c, k) || !lx_evidence_cap_word(c, k + 1) ||
        (v[k + 1].flags & (LX_TF_SENT | LX_TF_NEWLINE)) ||
        !lx_tok_in(tl, k + 1, lx_words_party_plurals))
        return 0;
    /* a longer name around the two words */
    bool opens = k == 0 || (v[k].flags & LX_TF_SENT);
    if ((!opens && ((lx_evidence_cap_word(c, k - 1) && !lx_evidence_is(c, k - 1, "the")) ||
                    lx_evidence_is(c, k - 1, "of"))) ||
        (lx_evidence_cap_word(c, k + 2) && !(v[k + 2].flags & LX_TF_SENT)))
        return 0;
    return lx_evidence_emit(c, k, k + 2, "ORG", "context:party", LX_PRIO_CONTEXT);
}
