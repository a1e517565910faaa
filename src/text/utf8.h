/* SPDX-License-Identifier: MIT */
/*
 * UTF-8 decoding with the surrogateescape rule, character classes and case
 * folding for the tokenizer.
 *
 * The decoder never fails: a byte that does not start a well-formed sequence
 * decodes as one "invalid" unit of length 1, which is how Python's
 * surrogateescape counts it and how lextag reports offsets.  Classes and
 * folding cover Latin, Greek and Cyrillic through small tables: that is the
 * script range of the entity lists shipped with lextag; other letters are
 * still letters, they just fold to themselves.
 */
#ifndef LX_UTF8_H
#define LX_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Code point returned for an invalid byte. */
#define LX_INVALID 0xFFFFFFFFu

/*
 * Decodes one code point at s[0..n).  Stores the sequence length (1..4) in
 * *len.  Returns the code point, or LX_INVALID for a malformed byte (then
 * *len is 1).  n must be at least 1.
 */
uint32_t lx_utf8_decode(const unsigned char *s, size_t n, size_t *len);

/* Length of the longest valid UTF-8 prefix of s[0..n): the offset of its
   first malformed byte, or n. */
size_t lx_utf8_valid_prefix(const char *s, size_t n);

/* Encodes cp into out (at least 4 bytes); returns the byte count. */
size_t lx_utf8_encode(uint32_t cp, char *out);

/*
 * Copies s[0..n) into out (cap bytes, NUL-terminated) as valid UTF-8: each
 * malformed byte becomes U+FFFD.  What does not fit is cut at a character.
 * For names (a file's) that a model stores and must read back as UTF-8.
 */
void lx_utf8_clean(const char *s, size_t n, char *out, size_t cap);

/* Number of UTF-16 code units of a decoded code point (invalid byte: 1). */
static inline unsigned lx_utf16_units(uint32_t cp)
{
    return (cp != LX_INVALID && cp >= 0x10000) ? 2 : 1;
}

/*
 * Length of the ASCII bytes that open s[0..n), in whole blocks of eight
 * (a multiple of 8, read a word at a time): each is one code point and one
 * UTF-16 unit, and running text is mostly such bytes.
 */
static inline size_t lx_ascii_blocks(const char *s, size_t n)
{
    size_t b = 0;
#if defined(__SSE2__)
    /* 32 bytes a turn, their high bits gathered by one movemask; the word
       loop finds which block of eight ended the run, so the length is the
       same as without */
    while (b + 32 <= n) {
        __m128i x = _mm_or_si128(_mm_loadu_si128((const __m128i *) (s + b)),
                                 _mm_loadu_si128((const __m128i *) (s + b + 16)));
        if (_mm_movemask_epi8(x))
            break;
        b += 32;
    }
#endif
    while (b + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + b, 8);
        if (w & 0x8080808080808080ull)
            break;
        b += 8;
    }
    return b;
}

/*
 * The bytes of w (eight bytes of a text read as one word) that are no
 * printable ASCII, below 0x20 or above 0x7E, each marked by its high bit.
 * A borrow or carry into the next byte comes only from a byte that is
 * itself one of these, so whether the result is zero is exact.
 */
static inline uint64_t lx_unprintable8(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull;
    return (((w - ones * 0x20) & ~w) | (w + ones) | w) & (ones * 0x80);
}

enum lx_char_class {
    LX_CC_OTHER = 0, /* symbols, emoji, controls, NUL, invalid bytes */
    LX_CC_SPACE,     /* any Unicode space or line break, BOM */
    LX_CC_UPPER,
    LX_CC_LOWER,
    LX_CC_LETTER,    /* letter without case (CJK, Arabic, ...) */
    LX_CC_DIGIT,
    LX_CC_MARK,      /* combining mark: continues a word */
    LX_CC_APOS,      /* ' and U+2019 */
    LX_CC_HYPHEN,    /* - and the Unicode dashes */
    LX_CC_QUOTE,     /* " and curly/angle quotes other than U+2019 */
    LX_CC_PUNCT      /* other punctuation */
};

enum lx_char_class lx_char_class(uint32_t cp);

/* Classes of the ASCII range, for the tokenizer's fast path. */
extern const unsigned char lx_ascii_class[128];

/*
 * Decodes and classifies the code point at s[0..n) (n >= 1): ASCII costs one
 * table lookup.
 */
static inline enum lx_char_class lx_next_class(const unsigned char *s, size_t n,
                                               size_t *len, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *len = 1;
        *cp = s[0];
        return (enum lx_char_class) lx_ascii_class[s[0]];
    }
    *cp = lx_utf8_decode(s, n, len);
    return lx_char_class(*cp);
}

/* Simple lowercase mapping (one code point to one). */
uint32_t lx_lower(uint32_t cp);

/*
 * Folded form used for matching: lowercase, every apostrophe to ',
 * every dash to -, every quote to ".  Combining marks are kept.
 */
uint32_t lx_fold(uint32_t cp);

static inline bool lx_is_word_class(enum lx_char_class c)
{
    return c == LX_CC_UPPER || c == LX_CC_LOWER || c == LX_CC_LETTER ||
           c == LX_CC_DIGIT || c == LX_CC_MARK;
}

#endif
