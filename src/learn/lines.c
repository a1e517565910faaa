/* SPDX-License-Identifier: MIT */
/*
 * Line kinds (see lines.h).
 */
#include "lines.h"

#include <stdbool.h>
#include <string.h>

#include "templates.h"

_Static_assert(6 * LX_LINE_BITS < 63, "the counts run into LX_LINE_LOWER_WORD");
_Static_assert(LX_TOK_BARRIER < 8, "lx_line_class() keeps three bits of a token's kind");

/*
 * The counts lx_line_kind() reads, packed in one word, LX_LINE_BITS each:
 * nums, words, allcaps, caps, lower, longlower.  A token adds the table
 * entry of its class (kind, case flags, whether it has a digit, and length
 * over 1 and over 3): no branch, where a branch on each token's case, as
 * good as random, was mispredicted once in three tokens.
 */
void lx_line_tab_fill(uint64_t *tab)
{
    for (size_t x = 0; x < LX_LINE_CLASSES; x++) {
        unsigned kind = (unsigned) (x >> 3) & 7, f = (unsigned) x & 7;
        bool digit = x & LX_TF_HASDIGIT, over1 = x >> 8 >= 2, over3 = x >> 8 == 4;
        int field = -1, extra = -1;
        if (kind == LX_TOK_NUMBER || digit) {
            field = 0;
        } else if (kind == LX_TOK_WORD || kind == LX_TOK_ABBREV) {
            extra = 1;
            if ((f & LX_TF_ALLCAPS) && over1)
                field = 2;
            else if (f & LX_TF_CAP)
                field = 3;
            else if (f & LX_TF_LOWER)
                field = over3 ? 5 : 4;
        }
        uint64_t v = 0;
        if (field >= 0)
            v += 1ull << (field * LX_LINE_BITS);
        if (extra >= 0)
            v += 1ull << (extra * LX_LINE_BITS);
        if (field == 5)
            v += 1ull << (4 * LX_LINE_BITS); /* a long lowercase word is a lowercase word */
        if (kind == LX_TOK_WORD && (f & LX_TF_LOWER))
            v |= LX_LINE_LOWER_WORD;
        tab[x] = v;
    }
}

static size_t line_count(uint64_t packed, int field)
{
    return (size_t) (packed >> (field * LX_LINE_BITS)) & LX_LINE_CHUNK;
}

void lx_line_spill(lx_line_counts *lc, uint64_t packed)
{
    for (int f = 0; f < 6; f++)
        lc->cnt[f] += line_count(packed, f);
}

/* Does the line starting at token s continue the sentence of the line
   before, wrapped at the margin? */
static bool continues(const lx_toklist *tl, const char *text, size_t s)
{
    return s > 0 && !(tl->v[s].flags & LX_TF_PARA) && lx_tok_wrapped(tl, text, s);
}

uint8_t lx_line_kind(lx_line_counts *lc, uint64_t packed, const lx_toklist *tl,
                     const char *text, size_t s, size_t e)
{
    /* the spill and the copy in one unrolled loop: asked at every line's
       end, a call to the spill's loop, a copy and a clear cost twice its
       instructions */
    size_t cnt[6];
#pragma GCC unroll 6
    for (int f = 0; f < 6; f++) {
        cnt[f] = lc->cnt[f] + line_count(packed, f);
        lc->cnt[f] = 0;
    }
    size_t nums = cnt[0], words = cnt[1], allcaps = cnt[2], caps = cnt[3], lower = cnt[4],
           longlower = cnt[5];
    const lx_token *first = &tl->v[s], *last = &tl->v[e - 1];
    char end_ch = text[last->end - 1];
    bool closed = end_ch == '.' || end_ch == '?' || end_ch == '!' || end_ch == '"' ||
                  end_ch == ':';
    if (nums >= 2 && nums * 2 >= words)
        return LX_LINE_TABLE;
    if (allcaps >= 2 && allcaps > caps + lower)
        return LX_LINE_CAPS;
    /* a line of names the margin cut out of a sentence ("1648. The Dutch
       East India Company and the Dutch West") is no title nor byline:
       it goes on the sentence of the line before (asked only of such
       lines, and once: the test reads both) */
    bool short_line = e - s <= 4 && !closed && !lower;
    bool title = caps + allcaps >= 3 && !longlower && !closed;
    if ((short_line || title) && !continues(tl, text, s))
        return short_line ? LX_LINE_SHORT : LX_LINE_TITLE;
    if (s > 0 && !(first->flags & LX_TF_PARA) && (first->flags & LX_TF_LOWER))
        return LX_LINE_WRAP;
    bool word = first->kind == LX_TOK_WORD || first->kind == LX_TOK_ABBREV;
    if (e - s <= 6 && word && first->fold_len == 2 && memcmp(lx_tok_fold(tl, first), "by", 2) == 0)
        return LX_LINE_BYLINE;
    return LX_LINE_TEXT;
}
