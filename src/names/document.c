/* SPDX-License-Identifier: MIT */
/*
 * Document-level aliases in an open-addressing table keyed by the folded
 * token.  The first definition of a key wins, so "Smith" stays linked to the
 * first Smith named in full.
 */
#include "document.h"

#include <stdlib.h>
#include <string.h>

#include "lextag/lextag.h"
#include "trie.h"
#include "vec.h"

/*
 * Moves the aliases that keep() accepts (all, when it is NULL) into a new
 * table of cap slots, noting the slots they take.
 */
static int rebuild(lx_aliases *al, size_t cap, bool (*keep)(const lx_alias *a))
{
    size_t k = 0;
    lx_alias *s = calloc(cap, sizeof(*s));
    /* at most half the slots are taken (insert()) */
    uint32_t *used = malloc(cap / 2 * sizeof(*used));
    if (!s || !used) {
        free(s);
        free(used);
        return LEXTAG_ERR_NOMEM;
    }
    for (size_t i = 0; i < al->cap; i++) {
        if (!al->slots[i].hash || (keep && !keep(&al->slots[i])))
            continue;
        size_t h = al->slots[i].hash & (cap - 1);
        while (s[h].hash)
            h = (h + 1) & (cap - 1);
        s[h] = al->slots[i];
        used[k++] = (uint32_t) h;
    }
    free(al->slots);
    free(al->used);
    al->slots = s;
    al->used = used;
    al->cap = cap;
    al->n = k;
    return 0;
}

static int table_grow(lx_aliases *al)
{
    return rebuild(al, al->cap ? al->cap * 2 : 64, NULL);
}

int lx_aliases_retain(lx_aliases *al, bool (*keep)(const lx_alias *a))
{
    return al->cap ? rebuild(al, al->cap, keep) : 0;
}

static const lx_alias *find(const lx_aliases *al, uint64_t h)
{
    if (!al->cap)
        return NULL;
    for (size_t i = h & (al->cap - 1);; i = (i + 1) & (al->cap - 1)) {
        const lx_alias *a = &al->slots[i];
        if (!a->hash)
            return NULL;
        if (a->hash == h)
            return a;
    }
}

/* Adds alias a unless its word is an alias already (the first one stays). */
static int insert(lx_aliases *al, const lx_alias *a)
{
    if (find(al, a->hash))
        return 0;
    if ((al->n + 1) * 2 > al->cap && table_grow(al))
        return LEXTAG_ERR_NOMEM;
    size_t i = a->hash & (al->cap - 1);
    while (al->slots[i].hash)
        i = (i + 1) & (al->cap - 1);
    al->slots[i] = *a;
    al->used[al->n++] = (uint32_t) i;
    return 0;
}

/* Where aliases go: into the table, or proposed in order for it (lanes). */
typedef struct sink {
    lx_aliases *al;
    lx_aliasvec *props;
} sink;

/* What a word is of the name it refers back to. */
typedef enum alias_kind {
    ALIAS_WORD,    /* a word of the name ("Magna", "Karlsruhe") */
    ALIAS_SURNAME, /* a person's surname */
    ALIAS_ACRONYM, /* the acronym the text defines after the name ("(WHO)") */
} alias_kind;

/*
 * Makes token ti of a name an alias of the entity def.  A surname that is
 * also a common word ("Bush", "Young") is one, but only inside a sentence;
 * one that is also a title ("King") only next to a speech verb.
 * So is an acronym a listed body's name defines, in capitals ("World
 * Health Organization (WHO)"): written so, "WHO" is the body wherever it
 * stands.  An unlisted name's acronym that is a common word is none: it
 * is more often a term's ("Intelligent Network (IN)").
 */
static int add(sink *to, const struct lextag_model *m, const lx_toklist *tl, size_t ti,
               const lx_cand *def, alias_kind kind)
{
    const char *key = lx_tok_fold(tl, &tl->v[ti]);
    size_t n = tl->v[ti].fold_len;
    bool allcaps = lx_tok_capitals(&tl->v[ti]);
    uint64_t h = lx_hash64(key, n) | 1; /* never 0: 0 marks an empty slot */
    uint32_t v = lx_trie_vocab_h(&m->trie, key, n, lx_hash32(lx_hash64(key, n)));
    /* a surname that is a title's word ("Billie Jean King") refers back
       where it speaks ("King said", "said King"), not where the title may
       be meant; a place's never does: "Washington says" is a government */
    const uint32_t speaker_bits = kind == ALIAS_SURNAME ? LX_EV_TITLE : 0;
    const uint32_t never = ((LX_EV_PLACE | LX_EV_TITLE) & ~speaker_bits) | LX_EV_NOT_NAME |
                           LX_EV_NATIONALITY | LX_EV_SUFFIX | LX_EV_ORG_SUFFIX |
                           (kind == ALIAS_WORD || (kind == ALIAS_ACRONYM && !def->id)
                                ? LX_EV_COMMON
                                : 0);
    uint32_t b = v != LX_NONE ? m->trie.voc[v].bits : 0;
    /* a word of a case=exact entry refers back only as it is written: in
       capitals, as an alias in capitals does; in another case, never */
    bool exact = def->entry != LX_NONE && m->entries[def->entry].policy == LX_CASE_EXACT;
    if (n < 2 || (b & never) || (exact && !allcaps))
        return 0;
    bool common = (b & LX_EV_COMMON) && kind != ALIAS_ACRONYM;
    lx_alias a = {h, def->type, def->id, allcaps, common, (b & speaker_bits) != 0,
                  def->ref != LX_NOREF ? def->ref : def->start};
    if (to->al)
        return insert(to->al, &a);
    lx_aliasvec *p = to->props;
    if (lx_vec_reserve(&p->v, &p->cap, p->n + 1, sizeof(*p->v), 16))
        return LEXTAG_ERR_NOMEM;
    p->v[p->n++] = a;
    return 0;
}

static uint32_t vocab_bits(const struct lextag_model *m, const lx_toklist *tl, size_t i)
{
    const lx_token *t = &tl->v[i];
    uint32_t v = lx_trie_vocab(&m->trie, lx_tok_fold(tl, t), t->fold_len);
    return v == LX_NONE ? 0 : m->trie.voc[v].bits & ~(uint32_t) LX_EV_GRAMMAR;
}

static bool is_word(const lx_toklist *tl, size_t i)
{
    return i < tl->n && tl->v[i].kind == LX_TOK_WORD &&
           (tl->v[i].flags & (LX_TF_CAP | LX_TF_ALLCAPS));
}

/* "Immigration and Customs Enforcement (ICE)": the acronym after an ORG. */
static int acronym_after(sink *al, const struct lextag_model *m, const lx_cand *e, const char *doc,
                         size_t len, lx_toklist *tl)
{
    size_t p = e->end;
    while (p < len && (doc[p] == ' ' || doc[p] == '\n' || doc[p] == '\r'))
        p++;
    if (p >= len || doc[p] != '(')
        return 0;
    const char *close = memchr(doc + p, ')', len - p < 16 ? len - p : 16);
    if (!close)
        return 0;
    if (lx_tokenize(tl, doc + p + 1, (size_t) (close - doc - p - 1)))
        return LEXTAG_ERR_NOMEM;
    if (tl->n != 1 || !(tl->v[0].flags & LX_TF_ALLCAPS) || tl->v[0].kind != LX_TOK_WORD)
        return 0;
    return add(al, m, tl, 0, e, ALIAS_ACRONYM);
}

static int collect(sink *al, const struct lextag_model *m, const lx_cand *ents, size_t n,
                   const char *doc, size_t len, lx_toklist *tl)
{
    for (size_t i = 0; i < n; i++) {
        const lx_cand *e = &ents[i];
        int rc = 0;
        if (e->flags & LX_CAND_ALIAS)
            continue;
        if (lx_cand_type_is(e, "ORG")) {
            if ((rc = acronym_after(al, m, e, doc, len, tl)))
                return rc;
            /* a one-word organization keeps its type through the document
               ("Karlsruhe" in a results table and in the match report), and
               a company named with its designator is known without it
               ("Lomason Corp." ... "Lomason") */
            if (lx_tokenize(tl, doc + e->start, e->end - e->start))
                return LEXTAG_ERR_NOMEM;
            size_t n_words = tl->n;
            if (n_words >= 2 && lx_tok_is(tl, n_words - 1, "."))
                n_words--;
            if (n_words == 2 && is_word(tl, 0) && vocab_bits(m, tl, 1) & LX_EV_DESIGNATOR)
                n_words = 1;
            /* "Magna International Inc" ... "Magna": a company's first word, when
               no list knows it as anything else */
            if (n_words >= 3 && is_word(tl, 0) && !(tl->v[0].flags & LX_TF_ALLCAPS) &&
                (vocab_bits(m, tl, n_words - 1) & LX_EV_DESIGNATOR) && vocab_bits(m, tl, 0) == 0 &&
                (rc = add(al, m, tl, 0, e, ALIAS_WORD)))
                return rc;
            /* but a common word no list knows ("Trade", "Information"),
               or a list's entry that may name something else ("Amazon"), is
               an organization where it was read as one, not everywhere */
            if (n_words == 1 && is_word(tl, 0) && !(e->flags & LX_CAND_AMBIGUOUS) &&
                !(!e->id && (vocab_bits(m, tl, 0) & LX_EV_WORD)) &&
                (rc = add(al, m, tl, 0, e, ALIAS_WORD)))
                return rc;
            continue;
        }
        /* only names with evidence for the whole name define aliases: a speech
           verb vouches for the words next to it, not for a surname; a title
           ("coach Ann Brill", "Mr Tom Vale") for the name it heads, whose
           surname then names the person alone, but not for a first name; the
           learned layer decides on the whole name */
        bool titled = strcmp(e->source, "context:title") == 0;
        bool learned = strncmp(e->source, "learned", 7) == 0;
        if (!lx_cand_type_is(e, "PERSON") ||
            (strncmp(e->source, "gazetteer:", 10) != 0 && !titled && !learned &&
             strcmp(e->source, "context:first-name") != 0 &&
             strcmp(e->source, "context:byline") != 0))
            continue;
        if (lx_tokenize(tl, doc + e->start, e->end - e->start))
            return LEXTAG_ERR_NOMEM;
        size_t words = 0, first = SIZE_MAX, last = SIZE_MAX;
        for (size_t k = 0; k < tl->n; k++)
            /* "Jr", "III" are not surnames */
            if (is_word(tl, k) && tl->v[k].end - tl->v[k].start > 1 &&
                !(vocab_bits(m, tl, k) & LX_EV_SUFFIX)) {
                words++;
                if (first == SIZE_MAX)
                    first = k;
                last = k;
            }
        if (words < 2 || (tl->v[last].flags & LX_TF_ALLCAPS))
            continue;
        /* an epithet or a place ends the name, no surname: "Peter the
           Great", "Catherine of Aragon" (and "the Great Hall" is no one) */
        bool epithet = last >= 2 && (tl->v[last - 1].flags & LX_TF_LOWER) &&
                       (lx_tok_is(tl, last - 1, "the") || lx_tok_is(tl, last - 1, "of"));
        if (!epithet && (rc = add(al, m, tl, last, e, ALIAS_SURNAME)))
            return rc;
        /* a first name alone refers back too, unless it is also a word ("Will") */
        if (!titled && !(vocab_bits(m, tl, first) & LX_EV_COMMON) &&
            (rc = add(al, m, tl, first, e, ALIAS_WORD)))
            return rc;
    }
    return 0;
}

int lx_document_collect(lx_aliases *al, const struct lextag_model *m, const lx_cand *ents,
                        size_t n, const char *doc, size_t len, lx_toklist *tl)
{
    sink to = {al, NULL};
    return collect(&to, m, ents, n, doc, len, tl);
}

int lx_document_propose(lx_aliasvec *out, const struct lextag_model *m, const lx_cand *ents,
                        size_t n, const char *doc, size_t len, lx_toklist *tl)
{
    sink to = {NULL, out};
    return collect(&to, m, ents, n, doc, len, tl);
}

int lx_document_adopt(lx_aliases *al, const lx_aliasvec *props)
{
    for (size_t i = 0; i < props->n; i++)
        if (insert(al, &props->v[i]))
            return LEXTAG_ERR_NOMEM;
    return 0;
}

/* Is the lowercase ASCII word of text[s, e) a speech verb the lists know
   ("said", "told")?  spoken_of() finds the word by those letters. */
static bool speech_verb(const struct lextag_model *m, const char *text, size_t s, size_t e)
{
    if (e <= s || e - s > 12)
        return false;
    uint32_t v = lx_trie_vocab(&m->trie, text + s, e - s);
    return v != LX_NONE && (m->trie.voc[v].bits & LX_EV_SPEECH);
}

/* Does a speech verb come right after the word w ("King said", a comma
   between allowed) or right before it ("said King")? */
static bool spoken_of(const struct lextag_model *m, const char *text, size_t len,
                      const lx_capword *w)
{
    size_t p = w->end;
    if (p < len && text[p] == ',')
        p++;
    if (p < len && text[p] == ' ') {
        size_t q = ++p;
        while (q < len && text[q] >= 'a' && text[q] <= 'z')
            q++;
        if (speech_verb(m, text, p, q))
            return true;
    }
    size_t s = w->start;
    if (s < 2 || text[s - 1] != ' ')
        return false;
    size_t r = s - 1;
    while (r > 0 && text[r - 1] >= 'a' && text[r - 1] <= 'z')
        r--;
    return speech_verb(m, text, r, s - 1);
}

int lx_document_scan(const lx_aliases *al, const struct lextag_model *m, const lx_capword *words,
                     size_t n, const char *text, size_t len, lx_candvec *out)
{
    for (size_t i = 0; i < n; i++) {
        const lx_alias *a = find(al, words[i].hash | 1);
        if (!a || (a->allcaps && !words[i].allcaps) || words[i].in_run || words[i].dateline ||
            (a->common && words[i].sent) || (a->speaker && !spoken_of(m, text, len, &words[i])))
            continue;
        lx_cand c = {
            .start = words[i].start - words[i].article,
            .end = words[i].end,
            .type = a->type,
            .source = "document:alias",
            .id = a->id,
            .prio = LX_PRIO_ALIAS,
            .flags = LX_CAND_ALIAS,
            .entry = LX_NONE,
            .ref = a->ref,
        };
        if (lx_candvec_push(out, &c))
            return LEXTAG_ERR_NOMEM;
    }
    return 0;
}

void lx_aliases_clear(lx_aliases *al)
{
    /* proportional to what the last document used: a table grown by a long
       document is dropped rather than wiped for every short one after it */
    if (al->cap > 256 && al->n * 16 < al->cap) {
        free(al->slots);
        free(al->used);
        al->slots = NULL;
        al->used = NULL;
        al->cap = 0;
    } else {
        /* a JSONL record defines a few aliases in a table of hundreds of
           slots: only theirs are emptied (a slot is empty when its hash is) */
        for (size_t k = 0; k < al->n; k++)
            al->slots[al->used[k]].hash = 0;
    }
    al->n = 0;
}

void lx_aliases_free(lx_aliases *al)
{
    if (!al)
        return;
    free(al->slots);
    free(al->used);
    memset(al, 0, sizeof(*al));
}
