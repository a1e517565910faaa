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
