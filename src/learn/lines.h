/* SPDX-License-Identifier: MIT */
/*
 * The kind of each line of a stretch, a feature of the learned layer:
 * running text, a headline in capitals, a title-case line, a score or table
 * line, a short byline-like line, "By ..." or a wrapped continuation (see
 * enum lx_line_kind in templates.h).  A line's kind comes from counts of its
 * tokens by class (numbers, words, capitalized, lowercase), summed with one
 * table lookup per token.
 */
#ifndef LX_LEARN_LINES_H
#define LX_LEARN_LINES_H

#include <stddef.h>
#include <stdint.h>

#include "tokenizer.h"

/* Token classes: entries of the table lx_line_kind_of() reads (9 bits). */
#define LX_LINE_CLASSES 512

/* Fills the table of packed counts by token class. */
void lx_line_tab_fill(uint64_t *tab);

/* Kind of the line of tokens [s, e) of tl (enum lx_line_kind), with tab filled. */
uint8_t lx_line_kind_of(const uint64_t *tab, const lx_toklist *tl, const char *text, size_t s,
                     size_t e);

#endif
