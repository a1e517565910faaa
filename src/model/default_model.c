/* SPDX-License-Identifier: MIT */
/*
 * The built-in model as a compiled image inside the library.  The image is
 * made at build time by lextag-modelc from the shipped gazetteers and rules,
 * and included byte for byte with the assembler's .incbin (in the generated
 * default-image.c, see tools/embed.py), so loading
 * the default model is the same pointer arithmetic as mapping an image file:
 * no parsing, no trie building at start-up.
 */
#include <stdlib.h>

#include "builder.h"
#include "error.h"
#include "image.h"

lextag_model *lextag_model_default(lextag_error *err)
{
    struct lextag_model *m = calloc(1, sizeof(*m));
    if (!m) {
        lx_error_set(err, LEXTAG_ERR_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    size_t len = (size_t) (lx_default_image_end - lx_default_image);
    /* verified by the test suite (test_model), not at every start-up */
    if (lx_image_attach(m, lx_default_image, len, "built-in model", false, err)) {
        lx_ruleset_free(&m->rules);
        free(m);
        return NULL;
    }
    m->image_static = true;
    return m;
}

/*
 * The built-in model's parts: its gazetteers and rules, and its learned
 * layer, the weights and clusters straight from the built-in image (part of
 * the library's read-only data).  A model built from them and a user's own
 * lists keeps the learned layer the built-in model tags with.
 */
int lextag_builder_add_defaults(lextag_builder *b, lextag_error *err)
{
    if (!b)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "no builder");
    const void *weights, *clusters;
    size_t weights_len, clusters_len;
    size_t len = (size_t) (lx_default_image_end - lx_default_image);
    int rc = lx_image_learned(lx_default_image, len, &weights, &weights_len, &clusters,
                              &clusters_len, "built-in model", err);
    if (!rc)
        rc = lx_builder_add_embedded(b, err);
    if (!rc)
        rc = lx_builder_add_learned(b, weights, weights_len, clusters, clusters_len,
                                    "built-in model", err);
    return rc;
}
