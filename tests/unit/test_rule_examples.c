/* SPDX-License-Identifier: MIT */
/*
 * Runs the examples written under every shipped rule ("#> TEXT" must give an
 * entity of the rule's type, "#! TEXT" must give none from that rule) through
 * the whole default model, so that no rule can silently regress.
 *
 * An example may state more after a tab.  "#> TEXT<TAB>SPAN<TAB>ID..." (pairs)
 * wants, for every pair, an entity of the rule's type covering exactly SPAN
 * whose id (or one of its "ids") is ID; ID "-" checks the span alone.
 * "#! TEXT<TAB>*" wants no entity of the rule's type from any rule.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "model.h"

/* Does e carry id: as its id, or in its "ids" list? */
static bool has_id(const lextag_entity *e, const char *id, size_t n)
{
    if (e->id && strlen(e->id) == n && strncmp(e->id, id, n) == 0)
        return true;
    const lextag_citation *c = lextag_entity_citation(e);
    for (size_t k = 0; c && k < c->n_ids; k++)
        if (strlen(c->ids[k]) == n && strncmp(c->ids[k], id, n) == 0)
            return true;
    return false;
}

/* One SPAN<TAB>ID pair at p: an entity of `type` covers SPAN and has ID. */
static bool pair_found(const lextag_result *res, const char *text, const char *type,
                       const char **p)
{
    const char *span = *p, *tab = strchr(span, '\t');
    size_t sl = tab ? (size_t) (tab - span) : strlen(span);
    const char *id = tab ? tab + 1 : "-";
    size_t il = strcspn(id, "\t");
    *p = id[il] ? id + il + 1 : id + il;
    for (size_t i = 0; i < lextag_result_count(res); i++) {
        const lextag_entity *e = lextag_result_entity(res, i);
        if (strcmp(e->type, type) == 0 && e->byte_end - e->byte_start == sl &&
            memcmp(text + e->byte_start, span, sl) == 0 &&
            ((il == 1 && *id == '-') || has_id(e, id, il)))
            return true;
    }
    return false;
}

static int check_example(lextag_tagger *t, const lx_rule *r, const lx_rule_example *ex)
{
    lextag_error err;
    lextag_error_clear(&err);
    size_t len = strcspn(ex->text, "\t");
    const char *more = ex->text[len] ? ex->text + len + 1 : NULL;
    /* an example shows what its rule tags: the learned layer, which the
       defaults bring, would weigh the rule's span as one piece of evidence */
    lextag_options opt = {.rules_only = true};
    lextag_result *res = lextag_tagger_tag(t, ex->text, len, &opt, &err);
    if (!res) {
        printf("not ok - %s: tagging failed: %s\n", r->name, err.message);
        return 1;
    }
    int typed = 0, from_rule = 0;
    for (size_t i = 0; i < lextag_result_count(res); i++) {
        const lextag_entity *e = lextag_result_entity(res, i);
        if (strcmp(e->type, r->type) == 0) {
            typed++;
            from_rule += strcmp(e->source, r->source) == 0;
        }
    }
    bool ok = ex->positive ? typed > 0 : from_rule == 0;
    if (!ex->positive && more && *more == '*')
        ok = typed == 0;
    for (const char *p = more; ex->positive && p && *p && ok;)
        ok = pair_found(res, ex->text, r->type, &p);
    lextag_result_free(res);
    printf("%s - %s:%u %s %s \"%s\"\n", ok ? "ok" : "not ok", r->file, r->line, r->name,
           ex->positive ? "tags" : "does not tag", ex->text);
    return !ok;
}

int main(void)
{
    lextag_error err;
    lextag_error_clear(&err);
    /* built from the shipped sources, not the compiled image: images keep
       the rules but not their examples */
    lextag_builder *b = lextag_builder_new(&err);
    lextag_model *m = b && !lextag_builder_add_defaults(b, &err) ? lextag_builder_build(b, &err)
                                                                  : NULL;
    lextag_builder_free(b);
    lextag_tagger *t = m ? lextag_tagger_new(m, &err) : NULL;
    int failed = 0;
    size_t n = 0;
    if (!t) {
        printf("Bail out! default model: %s\n", err.message);
        return 1;
    }
    for (size_t i = 0; i < m->rules.n; i++)
        for (size_t k = 0; k < m->rules.v[i].n_examples; k++) {
            failed += check_example(t, &m->rules.v[i], &m->rules.v[i].examples[k]);
            n++;
        }
    printf("1..%zu\n", n);
    if (n == 0) {
        printf("Bail out! the shipped rules carry no examples\n");
        failed = 1;
    }
    lextag_tagger_free(t);
    lextag_model_free(m);
    return failed ? 1 : 0;
}
