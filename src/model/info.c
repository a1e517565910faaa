/* SPDX-License-Identifier: MIT */
/*
 * lextag_model_info(): a JSON summary of a model, built with jansson (a small
 * object, made once).
 */
#include <jansson.h>
#include <stdlib.h>

#include "model.h"

static int count_evidence(const struct lextag_model *m)
{
    int n = 0;
    for (uint32_t v = 0; v < m->trie.n_vocab; v++)
        n += (m->trie.voc[v].bits & ~LX_VOC_LOWER_START) != 0;
    return n;
}

char *lextag_model_info(const lextag_model *m)
{
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
