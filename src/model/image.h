/* SPDX-License-Identifier: MIT */
/*
 * Compiled model images.  Layout (little-endian, 8-byte aligned sections):
 *
 *   header   magic "LEXTAGM\0", format version, payload checksum, total size,
 *            content hash of the inputs, counts, section table
 *   sections the trie's flat arrays, entries, the string table, type and
 *            source tables, the rule lines (recompiled at load: PCRE2
 *            code and JIT output are not portable between processes), the
 *            learned layer's weights and the word clusters (both optional,
 *            each checked by its own header; see learn/weights.h and
 *            learn/clusters.h)
 *
 * Because the trie and entry tables hold no pointers, loading is one mmap
 * plus pointer arithmetic; only the handful of rules is compiled again.
 */
#ifndef LX_IMAGE_H
#define LX_IMAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/*
 * Restores a model from image bytes (which must stay mapped while the model
 * lives).  `name` names the image in errors.  With verify, the checksum and
 * every index are checked, as an image read from a file must be; without,
 * only the header: that is for the built-in image, part of the library's
 * read-only data, which the test suite verifies (checking its 22 MB at
 * every start-up took half of lextag's start-up time).
 * Errors: LEXTAG_ERR_MODEL.
 */
int lx_image_attach(struct lextag_model *m, const void *data, size_t len,
                    const char *name, bool verify, lextag_error *err);

/*
 * The learned layer's sections of image bytes: the weights and the word
 * clusters, each NULL with length 0 when the image has none.  Reads the
 * header only (see lx_image_attach(), without verify).  Errors:
 * LEXTAG_ERR_MODEL.
 */
int lx_image_learned(const void *data, size_t len, const void **weights, size_t *weights_len,
                     const void **clusters, size_t *clusters_len, const char *name,
                     lextag_error *err);

/* The built-in image's bytes, embedded at build time (tools/embed.py). */
extern const unsigned char lx_default_image[];
extern const unsigned char lx_default_image_end[];

/*
 * Writes buf[0..n) to path through a temporary file renamed into place, with
 * the permissions of an ordinary new file.  Errors: LEXTAG_ERR_IO, NOMEM.
 */
int lx_image_write_file(const char *path, const void *buf, size_t n, lextag_error *err);

/*
 * Makes the header of image[0..len) describe it: its size and the checksum
 * of everything after the header, as lextag_model_save writes them.  For
 * fuzzing the loader past its checksum; nothing else needs it.
 */
void lx_image_seal(void *image, size_t len);

#endif
