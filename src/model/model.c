/* SPDX-License-Identifier: MIT */
/*
 * Model tables shared by the builder, the image loader and the tagger: the
 * string table (ids, names, attributes), type and source names, and the
 * final step that turns rule anchors into per-token rule lists.  Also the
 * public lextag_model_free and lextag_model_info (a JSON summary, built
 * with jansson: a small object, made once).  lextag_model_save and
 * lextag_model_load are in image.c, which owns the image format, and
 * lextag_model_default in default_model.c, which the build-time model
 * compiler must link without.
 */
#include "model.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "error.h"
#include "tokenizer.h"
#include "vec.h"

/* The evidence types: a gazetteer line of one of them marks its word. */
#define EVIDENCE_TYPES(X) \
    X("FIRSTNAME", LX_EV_FIRSTNAME) \
    X("SURNAME", LX_EV_SURNAME) \
    X("PERSON_TITLE", LX_EV_TITLE) \
    X("PERSON_ROLE", LX_EV_ROLE) \
    X("SPEECH_VERB", LX_EV_SPEECH) \
    X("ORG_SUFFIX", LX_EV_ORG_SUFFIX) \
    X("ORG_PREFIX", LX_EV_ORG_PREFIX) \
    X("ORG_DESIGNATOR", LX_EV_DESIGNATOR) \
    X("NOT_NAME", LX_EV_NOT_NAME) \
    X("COMMON_WORD", LX_EV_COMMON) \
    X("NAME_PARTICLE", LX_EV_PARTICLE) \
    X("NAME_SUFFIX", LX_EV_SUFFIX) \
    X("ORG_CONTEXT", LX_EV_ORG_CONTEXT) \
    X("NATIONALITY", LX_EV_NATIONALITY) \
    X("MEDIA_HEAD", LX_EV_MEDIA_HEAD) \
    X("PLACE", LX_EV_PLACE) \
    X("PERSON_VERB", LX_EV_PERSON_VERB) \
    X("ACTION_VERB", LX_EV_ACTION_VERB) \
    X("ENGLISH_WORD", LX_EV_WORD) \
    X("ORG_NOUN", LX_EV_ORG_NOUN) \
    X("NAME_ENDING", LX_EV_NAME_ENDING) \
    X("FUNCTION_WORD", LX_EV_FUNCTION) \
    X("COMPASS_WORD", LX_EV_COMPASS) \
    X("AUXILIARY_VERB", LX_EV_AUXILIARY) \
    X("PERSON_AUXILIARY", LX_EV_PERSON_AUX) \
    X("COUNTRY", LX_EV_COUNTRY)

#define EV_ENTRY(name, bit) {name, sizeof(name) - 1, bit},
static const struct {
    const char *name;
    size_t len;
    uint32_t bit;
} evidence_types[] = {EVIDENCE_TYPES(EV_ENTRY)};

/* A bit per length of a type's name: a gazetteer asks for its TYPE on
   every line, and "PERSON" or "ORG" is turned away at once. */
#define EV_LENGTH(name, bit) | (1u << (sizeof(name) - 1))
static const uint32_t evidence_lengths = 0 EVIDENCE_TYPES(EV_LENGTH);

uint32_t lx_model_evidence_bit(const char *type)
{
    size_t n = strlen(type);
    if (n >= 32 || !(evidence_lengths >> n & 1))
        return 0;
    for (size_t i = 0; i < sizeof(evidence_types) / sizeof(evidence_types[0]); i++)
        if (evidence_types[i].len == n && memcmp(type, evidence_types[i].name, n) == 0)
            return evidence_types[i].bit;
    return 0;
}

const char *lx_model_evidence_name(uint32_t bit)
{
    for (size_t i = 0; i < sizeof(evidence_types) / sizeof(evidence_types[0]); i++)
        if (evidence_types[i].bit == bit)
            return evidence_types[i].name;
    return NULL;
}

int lx_model_init(struct lextag_model *m)
{
    memset(m, 0, sizeof(*m));
    m->hash_state = 1469598103934665603ull;
    if (lx_trie_init(&m->trie))
        return LEXTAG_ERR_NOMEM;
    /* offset 0 is the empty string */
    if (lx_model_intern(m, "", 0) == LX_NONE)
        return LEXTAG_ERR_NOMEM;
    return 0;
}

uint32_t lx_model_intern(struct lextag_model *m, const char *s, size_t n)
{
    if (lx_vec_reserve32(&m->strings, &m->strings_cap, (size_t) m->strings_len + n + 1, 1, 64))
        return LX_NONE;
    uint32_t off = m->strings_len;
    memcpy(m->strings + off, s, n);
    m->strings[off + n] = '\0';
    m->strings_len += (uint32_t) n + 1;
    return off;
}

static uint32_t name_index(struct lextag_model *m, uint32_t **tab, uint32_t *n,
                           uint32_t *cap, const char *name)
{
    for (uint32_t i = 0; i < *n; i++)
        if (strcmp(m->strings + (*tab)[i], name) == 0)
            return i;
    if (lx_vec_reserve32(tab, cap, (size_t) *n + 1, sizeof(uint32_t), 64))
        return LX_NONE;
    uint32_t off = lx_model_intern(m, name, strlen(name));
    if (off == LX_NONE)
        return LX_NONE;
    (*tab)[*n] = off;
    return (*n)++;
}

uint32_t lx_model_type_index(struct lextag_model *m, const char *type)
{
    return name_index(m, &m->types, &m->n_types, &m->types_cap, type);
}

uint32_t lx_model_source_index(struct lextag_model *m, const char *source)
{
    return name_index(m, &m->sources, &m->n_sources, &m->sources_cap, source);
}

void lx_model_hash(struct lextag_model *m, const void *data, size_t n)
{
    const unsigned char *p = data;
    uint64_t h = m->hash_state;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    m->hash_state = h;
    snprintf(m->hash, sizeof(m->hash), "%016llx", (unsigned long long) h);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *) a, y = *(const uint64_t *) b;
    return x < y ? -1 : x > y;
}

/* Registers, per anchor token, the list of rules anchored on it. */
static int register_anchors(struct lextag_model *m)
{
    lx_trie *t = &m->trie;
    size_t n = 0, cap = 0;
    int rc = 0;
    uint64_t *pairs = NULL;
    uint32_t *list = malloc((m->rules.n + 1) * sizeof(uint32_t));

    for (size_t r = 0; r < m->rules.n; r++)
        cap += m->rules.v[r].n_anchors;
    pairs = malloc((cap + 1) * sizeof(*pairs));
    if (!list || !pairs) {
        rc = LEXTAG_ERR_NOMEM;
        goto out;
    }
    for (size_t r = 0; r < m->rules.n; r++)
        for (size_t a = 0; a < m->rules.v[r].n_anchors; a++) {
            const char *tok = m->rules.v[r].anchors[a];
            uint32_t v = lx_trie_vocab_add(t, tok, strlen(tok));
            if (v == LX_NONE) {
                rc = LEXTAG_ERR_NOMEM;
                goto out;
            }
            pairs[n++] = ((uint64_t) v << 32) | r;
        }
    qsort(pairs, n, sizeof(*pairs), cmp_u64);
    for (size_t i = 0; i < n;) {
        uint32_t v = (uint32_t) (pairs[i] >> 32), k = 0;
        for (; i < n && (uint32_t) (pairs[i] >> 32) == v; i++)
            if (!k || list[k - 1] != (uint32_t) pairs[i])
                list[k++] = (uint32_t) pairs[i];
        if ((rc = lx_trie_add_anchor(t, v, list, k)))
            goto out;
    }
out:
    free(pairs);
    free(list);
    return rc;
}

void lx_model_summarize(struct lextag_model *m)
{
    m->has_evidence = m->has_endings = m->lower_starts = false;
    memset(m->lower_heads, 0, sizeof(m->lower_heads));
    for (uint32_t v = 0; v < m->trie.n_vocab; v++) {
        const lx_vocab *voc = &m->trie.voc[v];
        m->has_evidence |= (voc->bits & ~LX_VOC_LOWER_START) != 0;
        m->has_endings |= (voc->bits & LX_EV_NAME_ENDING) != 0;
        if (voc->bits & LX_VOC_LOWER_START) {
            uint32_t b = lx_head_bucket(voc->head);
            m->lower_heads[b / 64] |= 1ull << (b % 64);
            m->lower_starts = true;
        }
    }
    m->has_legis = false;
    for (size_t i = 0; i < m->rules.n; i++)
        m->has_legis |= m->rules.v[i].kind != LX_RULE_PLAIN;
}

int lx_model_freeze(struct lextag_model *m, lextag_error *err)
{
    int rc = register_anchors(m);
    if (!rc)
        rc = lx_trie_build_bloom(&m->trie);
    if (rc)
        return lx_error_set(err, rc, NULL, 0, 0, "out of memory");
    lx_model_summarize(m);
    m->frozen = true;
    return 0;
}

void lx_model_release(struct lextag_model *m)
{
    if (!m)
        return;
    lx_ruleset_free(&m->rules);
    if (m->learn_owned)
        free((void *) m->learn_blob);
    if (m->clusters_owned)
        free((void *) m->clusters_blob);
    if (m->image || m->image_static) {
        if (m->image)
            munmap(m->image, m->image_len);
    } else {
        lx_trie_free(&m->trie);
        free(m->entries);
        free(m->strings);
        free(m->types);
        free(m->sources);
    }
    memset(m, 0, sizeof(*m));
}

void lextag_model_free(lextag_model *m)
{
    if (!m)
        return;
    lx_model_release(m);
    free(m);
}

static int count_evidence(const struct lextag_model *m)
{
    int n = 0;
    for (uint32_t v = 0; v < m->trie.n_vocab; v++)
        n += (m->trie.voc[v].bits & ~LX_VOC_LOWER_START) != 0;
    return n;
}

bool lextag_model_has_type(const lextag_model *m, const char *type)
{
    if (!m || !type)
        return false;
    for (uint32_t i = 0; i < m->n_types; i++)
        if (strcmp(m->strings + m->types[i], type) == 0)
            return true;
    /* a state's rules are evidence, never entities */
    for (size_t i = 0; i < m->rules.n; i++) {
        const lx_rule *r = &m->rules.v[i];
        if (r->emit && r->kind != LX_RULE_STATE && r->type && strcmp(r->type, type) == 0)
            return true;
    }
    bool names = strcmp(type, "PERSON") == 0 || strcmp(type, "ORG") == 0;
    return names && (m->has_evidence || m->learn.bits);
}

/* Words with a cluster path. */
static size_t cluster_words(const lx_clusters *c)
{
    size_t n = 0;
    for (uint64_t i = 0; c->slots && i <= c->mask; i++)
        n += c->slots[i].key != 0;
    return n;
}

/*
 * The learned layer, or null for a model without one: the size of its
 * weight table, the feature templates it was trained for, and the word
 * clusters it reads.
 */
static json_t *learned_info(const lextag_model *m)
{
    _Static_assert(LX_NLABELS == 9, "the labels below are enum lx_label's");
    if (!m->learn.bits)
        return json_null();
    return json_pack("{s:I, s:I, s:I, s:[s,s,s,s,s,s,s,s,s]}", "buckets",
                     (json_int_t) 1 << m->learn.bits, "feature_version",
                     (json_int_t) LX_FEATURE_VERSION, "cluster_words",
                     (json_int_t) cluster_words(&m->clusters), "labels", "O", "B-PER", "I-PER",
                     "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC");
}

char *lextag_model_info(const lextag_model *m)
{
    if (!m)
        return NULL;
    json_t *root = json_object(), *entries = json_object(), *sources = json_object();
    json_t *rules = json_array();
    char *s = NULL;
    int bad = 0; /* a member that could not be added: out of memory */
    if (!root || !entries || !sources || !rules)
        goto out;
    for (uint32_t i = 0; i < m->n_entries; i++) {
        const lx_entry *e = &m->entries[i];
        const char *type = lx_model_type(m, e->type);
        const char *src = lx_model_source(m, e->source);
        json_t *c = json_object_get(entries, type);
        bad |= json_object_set_new(entries, type, json_integer(c ? json_integer_value(c) + 1 : 1));
        c = json_object_get(sources, src);
        bad |= json_object_set_new(sources, src, json_integer(c ? json_integer_value(c) + 1 : 1));
    }
    for (size_t i = 0; i < m->rules.n; i++) {
        const lx_rule *r = &m->rules.v[i];
        bad |= json_array_append_new(rules, json_pack("{s:s, s:s, s:s, s:i}", "name", r->name,
                                                      "type", r->type, "file", r->file,
                                                      "anchors", (int) r->n_anchors));
    }
    bad |= json_object_set_new(root, "version", json_string(LEXTAG_VERSION));
    bad |= json_object_set_new(root, "hash", json_string(m->hash));
    bad |= json_object_set_new(root, "entries", entries);
    bad |= json_object_set_new(root, "total_entries", json_integer(m->n_entries));
    bad |= json_object_set_new(root, "evidence_tokens", json_integer(count_evidence(m)));
    bad |= json_object_set_new(root, "vocabulary", json_integer(m->trie.n_vocab));
    bad |= json_object_set_new(root, "trie_nodes", json_integer(m->trie.n_nodes));
    bad |= json_object_set_new(root, "sources", sources);
    bad |= json_object_set_new(root, "rules", rules);
    bad |= json_object_set_new(root, "learned", learned_info(m));
    entries = sources = rules = NULL;
    if (!bad)
        s = json_dumps(root, JSON_INDENT(2) | JSON_SORT_KEYS);
out:
    json_decref(root);
    json_decref(entries);
    json_decref(sources);
    json_decref(rules);
    return s;
}
