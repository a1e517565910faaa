/* SPDX-License-Identifier: MIT */
/*
 * The model: gazetteer entries in a token trie, evidence bits for the context
 * rules, and the compiled rules.  A builder grows it; once built it is
 * read-only and shared by every tagger.
 */
#ifndef LX_MODEL_H
#define LX_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "clusters.h"
#include "weights.h"
#include "rules.h"
#include "trie.h"

/* Case classes of an entry's tokens (one byte per token). */
enum lx_shape { LX_SHAPE_LOWER = 0, LX_SHAPE_CAP = 1, LX_SHAPE_ALLCAPS = 2 };

enum lx_case_policy {
    LX_CASE_DEFAULT = 0, /* caps where the entry has caps */
    LX_CASE_ANY = 1,
    LX_CASE_EXACT = 2,   /* the entry's case, letter for letter (stretch.c) */
};

enum lx_entry_flags {
    LX_ENTRY_AMBIGUOUS = 1u << 0,
    LX_ENTRY_PAST = 1u << 1, /* era=past: its id needs a document about Congress */
};

/*
 * Evidence types: gazetteer entries of these types are not entities; they
 * set bits on their (last) token for the context rules.
 */
enum lx_evidence_bits {
    LX_EV_FIRSTNAME = 1u << 0,  /* FIRSTNAME */
    LX_EV_SURNAME = 1u << 1,    /* SURNAME */
    LX_EV_TITLE = 1u << 2,      /* PERSON_TITLE: Mr., Sen., President */
    LX_EV_ROLE = 1u << 3,       /* PERSON_ROLE: spokeswoman, chief executive */
    LX_EV_SPEECH = 1u << 4,     /* SPEECH_VERB: said, wrote, told */
    LX_EV_ORG_SUFFIX = 1u << 5, /* ORG_SUFFIX: University, Party, Committee */
    LX_EV_ORG_PREFIX = 1u << 6, /* ORG_PREFIX: University (of), Department */
    LX_EV_DESIGNATOR = 1u << 7, /* ORG_DESIGNATOR: Inc, Corp, LLC */
    LX_EV_NOT_NAME = 1u << 8,   /* NOT_NAME: months, weekdays, places */
    LX_EV_COMMON = 1u << 9,     /* COMMON_WORD: frequent English words */
    LX_EV_PARTICLE = 1u << 10,  /* NAME_PARTICLE: van, von, de, bin */
    LX_EV_SUFFIX = 1u << 11,    /* NAME_SUFFIX: Jr, Sr, III */
    LX_EV_ORG_CONTEXT = 1u << 12, /* ORG_CONTEXT: shares, spokesman (for) */
    LX_EV_NATIONALITY = 1u << 13, /* NATIONALITY: American, French */
    LX_EV_MEDIA_HEAD = 1u << 14,  /* MEDIA_HEAD: Times, Post, Journal */
    LX_EV_PLACE = 1u << 15,       /* PLACE: countries, capitals, states */
    /* A place of several words marks its first and last word instead of
       PLACE: "Saint Martin" must not make every Martin a place. */
    LX_EV_PLACE_HEAD = 1u << 16,
    LX_EV_PLACE_TAIL = 1u << 17,
    LX_EV_PERSON_VERB = 1u << 18, /* PERSON_VERB: served, resigned, campaigned */
    LX_EV_ACTION_VERB = 1u << 19, /* ACTION_VERB: won, joined, defeated */
    LX_EV_WORD = 1u << 20,        /* ENGLISH_WORD: news writes it in lowercase */
    LX_EV_ORG_NOUN = 1u << 21,    /* ORG_NOUN: agency, newspaper (next to a name) */
    LX_EV_NAME_ENDING = 1u << 22, /* NAME_ENDING: -ski, -escu (ends of surnames) */
    /* Grammar words: what a word is, not evidence for or against a name.
       A token with only these bits still counts as unknown to the rules
       that look for words no list knows (see LX_EV_GRAMMAR). */
    LX_EV_FUNCTION = 1u << 23,   /* FUNCTION_WORD: the, after, their */
    LX_EV_COMPASS = 1u << 24,    /* COMPASS_WORD: north, central */
    LX_EV_AUXILIARY = 1u << 25,  /* AUXILIARY_VERB: will, do, were */
    LX_EV_PERSON_AUX = 1u << 26, /* PERSON_AUXILIARY: has, will (after one person) */
    /* COUNTRY: set on a key of its own, never on a word (lx_gazetteer_country) */
    LX_EV_COUNTRY = 1u << 27,
    /* not evidence: some entry starting with this token may match it in
       lowercase, so a lowercase occurrence is worth a trie walk */
    LX_VOC_LOWER_START = 1u << 30,
};

#define LX_EV_GRAMMAR (LX_EV_FUNCTION | LX_EV_COMPASS | LX_EV_AUXILIARY | LX_EV_PERSON_AUX)

/* Longest key of a place of several words (its folded words joined by spaces). */
#define LX_PLACE_KEY_MAX 128

/* Evidence bit of a type name, 0 when the type is an entity type. */
uint32_t lx_model_evidence_bit(const char *type);

/* Name of an evidence bit ("FIRSTNAME"), NULL for a bit without one. */
const char *lx_model_evidence_name(uint32_t bit);

typedef struct lx_entry {
    uint32_t name;   /* offset of the surface form in strings */
    uint32_t type;   /* index into types */
    uint32_t id;     /* offset of the id in strings, LX_NONE if none */
    uint32_t source; /* index into sources */
    uint32_t attrs;  /* offset of "k=v\tk=v" in strings, LX_NONE if none */
    uint32_t shape;  /* offset of n_tokens shape bytes in strings */
    uint16_t n_tokens;
    uint8_t policy;
    uint8_t flags;
    int32_t prio;
} lx_entry;

struct lextag_model {
    lx_trie trie;
    lx_entry *entries;
    uint32_t n_entries, entries_cap;
    char *strings; /* ids, names, attributes, type and source names */
    uint32_t strings_len, strings_cap;
    uint32_t *types; /* offsets in strings */
    uint32_t n_types, types_cap;
    uint32_t *sources;
    uint32_t n_sources, sources_cap;
    lx_ruleset rules;
    /* the learned layer: weights and word clusters, each one blob (in the
       image, or owned when learn_owned / clusters_owned is set) */
    lx_weights learn;       /* learn.bits == 0: no learned layer */
    const void *learn_blob;
    size_t learn_len;
    lx_clusters clusters;
    const void *clusters_blob;
    size_t clusters_len;
    bool learn_owned, clusters_owned;
    char hash[17];   /* content hash of the inputs, hex */
    uint64_t hash_state;
    void *image;     /* mmap of a loaded image, or NULL */
    size_t image_len;
    bool image_static; /* image is the built-in one: never unmapped */
    bool frozen;
    bool has_evidence; /* some token carries evidence bits: run context rules */
    bool has_endings;  /* some entry is a NAME_ENDING: look words' endings up */
    bool lower_starts; /* some entry may start with a lowercase word */
    bool has_legis;    /* some rule is kind=bill|citation|act */
    /* the heads of the words an entry may start with in lowercase, as a
       filter (see lx_head_in()) */
    uint64_t lower_heads[LX_HEAD_FILTER_BITS / 64];
};

static inline const char *lx_model_str(const struct lextag_model *m, uint32_t off)
{
    return off == LX_NONE ? NULL : m->strings + off;
}

static inline const char *lx_model_type(const struct lextag_model *m, uint32_t i)
{
    return m->strings + m->types[i];
}

static inline const char *lx_model_source(const struct lextag_model *m, uint32_t i)
{
    return m->strings + m->sources[i];
}

/* Initializes an empty model for building.  0 or LEXTAG_ERR_NOMEM. */
int lx_model_init(struct lextag_model *m);

/* Copies s into the string table; returns its offset or LX_NONE (NOMEM). */
uint32_t lx_model_intern(struct lextag_model *m, const char *s, size_t n);

/* Index of a type name (added when new), LX_NONE on NOMEM. */
uint32_t lx_model_type_index(struct lextag_model *m, const char *type);

/* Index of a source name (added when new), LX_NONE on NOMEM. */
uint32_t lx_model_source_index(struct lextag_model *m, const char *source);

/* Mixes bytes into the content hash. */
void lx_model_hash(struct lextag_model *m, const void *data, size_t n);

/*
 * Finishes a model after all inputs are added: attaches entries to trie
 * nodes and registers rule anchors.  0 or an error code.
 */
int lx_model_freeze(struct lextag_model *m, lextag_error *err);

/* Sets has_evidence, has_endings, lower_starts, lower_heads and has_legis
   from the tables (after building or loading). */
void lx_model_summarize(struct lextag_model *m);

/* Frees what the model owns (not the struct).  NULL-safe. */
void lx_model_release(struct lextag_model *m);

#endif
