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

/* Token classes: entries of the table of packed counts (see lx_line_class()). */
#define LX_LINE_CLASSES (5 * 256)

/* Set in the table entries of lowercase words, above the counts: the
   caller adds an entry to its packed counts and reads this bit of it in
   the same step (a sum carries the bit out of the word, and no count
   reads it). */
#define LX_LINE_LOWER_WORD (1ull << 63)

/* Bits per packed count, and the tokens a packed sum takes without overflow. */
#define LX_LINE_BITS 10
#define LX_LINE_CHUNK ((1u << LX_LINE_BITS) - 1)

/* Fills the table of packed counts by token class. */
void lx_line_tab_fill(uint64_t *tab);

/*
 * The counts of a line's tokens so far.  The caller sums the table entries
 * of its tokens into a packed word of its own (a local, which stays in a
 * register: see lines.c), in the same loop that reads each token for other
 * ends; it spills the word into the counts before it can overflow, every
 * LX_LINE_CHUNK tokens, and asks for the kind at the line's end.
 */
typedef struct lx_line_counts {
    size_t cnt[6];
} lx_line_counts;

/*
 * The class index of a token: its case and digit flags where the flags
 * keep them (bits 0-2 and 7), its kind (bits 3-5: kinds are below eight)
 * and its length up to four (bits 8-10; the table reads a length of four
 * as any longer one).  Asked of every token of a stretch, it takes few
 * operations: the flags are not moved, and the length is cut to four with
 * one conditional move where comparing it with 1 and with 3 took six.
 */
static inline size_t lx_line_class(const lx_token *t)
{
    uint32_t len = t->end - t->start;
    size_t lc = len < 4 ? len : 4;
    return (size_t) (t->flags & (LX_TF_CAP | LX_TF_ALLCAPS | LX_TF_LOWER | LX_TF_HASDIGIT)) |
           (size_t) t->kind << 3 | lc << 8;
}

/* Adds a packed sum of table entries to lc. */
void lx_line_spill(lx_line_counts *lc, uint64_t packed);

/*
 * Kind of the line of tokens [s, e) of tl (enum lx_line_kind), each of them
 * counted into lc or into packed; lc is then empty for the next line.
 */
uint8_t lx_line_kind(lx_line_counts *lc, uint64_t packed, const lx_toklist *tl,
                     const char *text, size_t s, size_t e);

#endif
