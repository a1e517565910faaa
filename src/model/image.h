/* SPDX-License-Identifier: MIT */
/*
 * Compiled model images.  Layout (little-endian, 8-byte aligned sections):
 *
 *   header   magic "LEXTAGM\0", format version, payload checksum, total size,
 *            content hash of the inputs, counts, section table
 *   sections the trie's flat arrays, entries, the string table, type and
 *            source tables, and the rule lines (recompiled at load: PCRE2
 *            code and JIT output are not portable between processes)
 *
 * Because the trie and entry tables hold no pointers, loading is one mmap
 * plus pointer arithmetic; only the handful of rules is compiled again.
 */
#ifndef LX_IMAGE_H
#define LX_IMAGE_H

#include <stddef.h>

#include "model.h"

/*
 * Restores a model from image bytes (which must stay mapped while the model
 * lives).  `name` names the image in errors.  Errors: LEXTAG_ERR_MODEL.
 */
int lx_image_attach(struct lextag_model *m, const void *data, size_t len,
                    const char *name, lextag_error *err);

#endif
