/* SPDX-License-Identifier: MIT */
/*
 * The learned layer in the first pass of a stretch.  After every source has
 * proposed its candidates and before the resolver settles them, the
 * perceptron decodes the regions that can hold a name and decides the
 * PERSON and ORG spans:
 *
 *   - every PERSON or ORG candidate is replaced by the learned spans, except
 *     bylines and acronym definitions ("context:byline", "context:acronym"),
 *     which stay rule-driven (a learned span overlapping one is dropped);
 *     an acronym definition that no learned span overlaps is dropped too
 *     (the learned layer read a measure or a product there, not a name);
 *   - a learned span over exactly the bytes of a gazetteer entry (or a
 *     candidate with an id) of its type keeps the id, and its source reads
 *     "learned+SOURCE";
 *     otherwise the source is "learned";
 *   - a list's entry the learned spans left out, between two learned names
 *     of its type joined by commas, "and" or "or", or joined to one by "and"
 *     or "or", is kept as the rules read it ("Google, Amazon and Oracle
 *     Corp.", "Microsoft and Google");
 *   - so is a list's entry with an id that the layer read as a name
 *     elsewhere in the stretch, where it ends its phrase (one reading per
 *     stretch: "Congress");
 *   - learned spans are narrowed, dropped or retyped where a rule knows
 *     better (a remit before a title of office, a storm's or a work's name,
 *     a part of a text, a formula's variable, a definition after the name:
 *     see narrow.c, spans.c and the passes after decoding, retype.c,
 *     bounds.c and series.c);
 *   - every other candidate (legislation, citations) is left alone.
 *
 * With explain, each learned span gets an "explain" member (explain.c).
 */
#ifndef LX_LEARN_LEARNED_H
#define LX_LEARN_LEARNED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "candidate.h"
#include "feat.h"
#include "model.h"
#include "tokenizer.h"
#include "wordset.h"

/* The source of a learned span that matches no gazetteer entry. */
#define LX_SOURCE_LEARNED "learned"

/* Entries of the cache of word scores (a power of two). */
#define LX_WORD_CACHE 16384

/* The summed weights of one word's own features (see lx_feat_word()). */
typedef struct lx_wcache {
    uint64_t key;
    int32_t sum[LX_WSTRIDE];
} lx_wcache;

/* Sources "learned+SOURCE" remembered per stretch. */
#define LX_LEARN_SOURCES 16

/* Regions of up to this many tokens have the weight rows of their
   neighbours' words asked for one region ahead, while the region before
   is scored. */
#define LX_AHEAD 8

/* Bytes per entry of the index of L->near by byte offset. */
#define LX_NEAR_BLOCK 256

/* Spans of a stretch whose type a definition gave ("X is a rock band")
   that are remembered, to type the stretch's other mentions alike. */
#define LX_DEFINED_MAX 16

/* Scratch of the learned layer, one per lane. */
typedef struct lx_byte_range {
    size_t start, end;
} lx_byte_range;

/* An organization among the spans (its index) whose first len bytes are
   the name of the person it is named for. */
typedef struct lx_eponym_prefix {
    uint32_t span, len;
} lx_eponym_prefix;

typedef struct lx_learn_lane {
    lx_feat_scratch sc;
    uint32_t *feats, *off; /* features of one region's tokens */
    int32_t *em;           /* their emissions */
    int32_t *hist;         /* Viterbi's scratch */
    uint8_t *lab;
    size_t cap;            /* tokens */
    lx_candvec spans;      /* learned spans of the stretch */
    /* names a noun for a kind of thing introduced ("the protein TERT"),
       document bytes: dropped wherever the stretch writes them (lx_bounds_drop_terms()) */
    lx_byte_range *things;
    size_t n_things, things_cap;
    /* the items of lists a plural title heads ("Senators Roth, Chafee and
       Baucus"), tokens of the stretch, in order; and the first one not yet
       passed by the regions */
    lx_region *titled;
    size_t n_titled, titled_cap, titled_at;
    /* byte ranges of the stretch's regions read as a name and then found
       to be none (a title, an event, a place, a craft): no alias of a name
       goes there (quiet_caps() in stretch.c) */
    lx_byte_range *quiet;
    size_t n_quiet, quiet_cap;
    uint32_t *misc_words;  /* tokens it reads as a MISC name of one word, in order */
    size_t n_misc_words, misc_words_cap;
    /* document bytes of the names it reads as MISC (a title, an event), in
       order: the other items of a list of works (lx_series_works()) */
    lx_byte_range *miscs;
    size_t n_miscs, miscs_cap;
    lx_candvec near;       /* gazetteer entries and kept rule spans, by start */
    lx_candvec sort_scratch; /* for lx_cands_sort() */
    uint32_t *near_ix;     /* first of near at or after each LX_NEAR_BLOCK bytes */
    size_t near_blocks, near_ix_cap, near_base;
    lx_vtrans trans;
    const lx_weights *tw;  /* weights trans and wc were made with */
    lx_wcache *wc;         /* LX_WORD_CACHE entries, direct-mapped */
    const char *src[LX_LEARN_SOURCES][2]; /* gazetteer source, "learned+" it */
    size_t n_src;
    uint32_t defined[LX_DEFINED_MAX]; /* spans a definition typed, by index */
    size_t n_defined;
    /* the word lists the rules after decoding test (words.h), once filled */
    lx_wordset storms, work_nouns, portfolio_titles, org_kinds, person_kinds, award_words,
        eponym_heads, gatherings, place_heads, sky_objects, sky_kinds, degree_words,
        term_acronyms, music_works, thing_nouns, civic_words,
        state_codes, plural_titles, part_words, member_nouns, group_verbs, group_prepositions,
        group_deals, memberships, firm_ties, workers, plural_verbs, instruments, events,
        group_subject_verbs, kin_nouns, interjections, group_kinds, document_kinds,
        greetings, prepositions, media_kinds, media_prepositions, institution_heads,
        given_months, copulas, founding_verbs, made_verbs, event_closers, place_prepositions,
        contests, monarch_titles;
    uint64_t the_hash, their_hash, its_hash, on_hash; /* of "the", "their", "its", "on" */
    /* filters of the words of the group cues (cues.c), a bit per word by
       its hash's top six bits: most words turn away with no probe */
    uint64_t verb_bits, kind_bits, preposition_bits, closer_bits, kin_bits;
    /* the filter of the last two letters of term-endings.txt's endings
       (see lx_learn_ending_bit()) */
    uint64_t term_ending_bits;
    bool wordsets_ready;
    uint64_t *read;        /* a bit per list entry: read as a name in the stretch */
    size_t read_words;
    lx_eponym_prefix *eponym_prefix; /* see lx_retype_eponyms_of_bodies() */
    size_t n_eponym_prefix, eponym_prefix_cap;
} lx_learn_lane;

/*
 * Decodes the regions of one stretch, starting at byte base of doc (tokens
 * in tl with vocabulary and bits filled), and rewrites cands as described
 * above.  The candidates it overrules go to dropped, unless it is NULL
 * (--all-candidates lists them).  Strings it makes go into arena.  Returns
 * 0 or LEXTAG_ERR_NOMEM.
 */
int lx_learn_apply(lx_learn_lane *L, const struct lextag_model *m, const char *doc,
                   size_t base, const lx_toklist *tl, lx_candvec *cands, lx_candvec *dropped,
                   bool explain, lx_arena *arena);

/*
 * Labels of region r (tokens L->sc.reg[r]) into L->lab, emissions into
 * L->em, under weights w.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_learn_region(lx_learn_lane *L, const lx_fctx *c, const lx_weights *w, size_t r);

/*
 * Features of the tokens of region r into L->feats; token k's are
 * L->feats[L->off[k] .. L->off[k+1]).  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_learn_extract(lx_learn_lane *L, const lx_fctx *c, size_t r);

/*
 * Fills the lane's word sets, once (the lists are compiled in).  The lane
 * that holds the layer's scratch fills them when it starts: its document
 * pass reads eponym_heads too.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_learn_wordsets(lx_learn_lane *L);

/* Word lists that the files of the rules asking them keep, filled into
   the lane's sets of the same names (narrow.c: the kinds that close a
   law's or a document's name, "the Monroe Doctrine"). */
extern const char *const lx_narrow_document_kinds[];
/* narrow.c: also the verbs of a work's making ("directed"), the words that
   close an event's name ("War"), the prepositions of place before a town */
extern const char *const lx_narrow_made_verbs[], *const lx_narrow_event_closers[],
    *const lx_narrow_place_prepositions[];
/* spans.c: a letter's greetings ("Dear"), the prepositions a name may be
   the object of, a paper's kinds ("daily") and the prepositions before
   one's name, the last words of an institution's name ("Gallery"), the
   months that are given names too ("June") */
extern const char *const lx_spans_greetings[], *const lx_spans_prepositions[],
    *const lx_spans_media_kinds[], *const lx_spans_media_prepositions[],
    *const lx_spans_institution_heads[], *const lx_spans_given_months[];
/* cues.c: the verbs of a group's founding ("formed", "founded") */
extern const char *const lx_cues_founding_verbs[];
/* classes.c: the contests a government body's name is read before */
extern const char *const lx_classes_contests[];

/* Frees the scratch.  NULL-safe. */
void lx_learn_lane_free(lx_learn_lane *L);

/* The rule of a source "context:RULE", or NULL for another source.
   Inline, "context:" compared byte by byte in line: asked of every
   candidate, several times, and a call to strncmp() cost more than the
   bytes it compared (the first byte that differs stops the test, so none
   past the source's end is read). */
static inline const char *lx_learn_context_rule(const char *s)
{
    if (s[0] != 'c' || s[1] != 'o' || s[2] != 'n' || s[3] != 't' || s[4] != 'e' ||
        s[5] != 'x' || s[6] != 't' || s[7] != ':')
        return NULL;
    return s + 8;
}

/* Is this candidate's decision left to the rules (a byline, an acronym's
   definition, a party a nationality names; not a lone acronym the rules
   guess at)? */
static inline bool lx_learn_rule_kept(const lx_cand *c)
{
    const char *rule = lx_learn_context_rule(c->source);
    if (!rule)
        return false;
    if (rule[0] == 'b' || rule[0] == 's' || rule[0] == 'p')
        return strcmp(rule, "byline") == 0 || strcmp(rule, "speaker") == 0 ||
               strcmp(rule, "party") == 0;
    /* an acronym's definition ("Long Name (LN)") is kept; a lone acronym
       the rules merely guess is an ORG ("AAAI", but also "SVM", "NLP") is
       a feature the learned layer weighs like any other */
    return rule[0] == 'a' && c->prio >= LX_PRIO_CONTEXT && strcmp(rule, "acronym") == 0;
}

/* The entity type of a learned class, LX_C_PER or LX_C_ORG. */
static inline const char *lx_learn_class_type(int cls)
{
    return cls == LX_C_PER ? "PERSON" : "ORG";
}

/*
 * Learned span x reads list entry g: it takes g's id, entry, attributes
 * and "learned+SOURCE" source, and keeps the explanation it has.  0 or
 * LEXTAG_ERR_NOMEM.
 */
int lx_learn_take_entry(lx_learn_lane *L, lx_cand *x, const lx_cand *g, lx_arena *arena);

/* The learned span x names something else than the list entry it took:
   it loses the entry's id and attributes, and keeps its explanation. */
int lx_learn_drop_entry(lx_cand *x, lx_arena *arena);

/* Adds the span [a, b) of class cls, decoded in region r, to L->spans. */
int lx_learn_emit(lx_learn_lane *L, const lx_fctx *c, size_t base, const lx_candvec *cands,
                  size_t r, int cls, size_t a, size_t b, bool explain, lx_arena *arena);

/* The bit of a word's last two letters, last and before, in a filter of 64
   (see term_ending_bits). */
static inline uint64_t lx_learn_ending_bit(char last, char before)
{
    return 1ull << (((unsigned char) last * 7u + (unsigned char) before) & 63u);
}

/* The bit of a word hash in a filter of 64 (see verb_bits). */
static inline uint64_t lx_learn_hash_bit(uint64_t h)
{
    return 1ull << (h >> 58);
}

/* Is token t a kin's noun in lowercase, one or several ("wife", "sons")?
   Asked before most regions: the filter turns most words away. */
static inline bool lx_learn_kin(const lx_learn_lane *L, const lx_token *t)
{
    return (t->flags & LX_TF_LOWER) && (L->kin_bits & lx_learn_hash_bit(t->hash)) &&
           lx_wordset_hashed(&L->kin_nouns, t);
}

#endif
