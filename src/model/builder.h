/* SPDX-License-Identifier: MIT */
/*
 * The builder's parts that the public API composes (see
 * lextag_builder_add_defaults() in default_model.c): the build-time model
 * compiler, which makes the built-in image, has only these, since the image
 * it makes does not exist yet.
 */
#ifndef LX_BUILDER_H
#define LX_BUILDER_H

#include <stddef.h>

#include "lextag/lextag.h"

/* Adds the gazetteers and rules embedded in the library.  Returns 0 or an
   error code. */
int lx_builder_add_embedded(lextag_builder *b, lextag_error *err);

/*
 * Gives the model the learned layer of another: word clusters and weights
 * as they are stored in an image (either may be NULL), which must outlive
 * the built model.  `name` names them in errors.  Errors: LEXTAG_ERR_MODEL,
 * LEXTAG_ERR_NOMEM.
 */
int lx_builder_add_learned(lextag_builder *b, const void *weights, size_t weights_len,
                           const void *clusters, size_t clusters_len, const char *name,
                           lextag_error *err);

#endif
