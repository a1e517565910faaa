/* SPDX-License-Identifier: MIT */
/*
 * UTF-8 decoder (strict: no overlongs, no surrogates, nothing above U+10FFFF)
 * and the character tables the tokenizer needs.  Ranges are checked in a
 * fixed order of likelihood so that ASCII costs one comparison.
 */
#include "utf8.h"

#include <string.h>

uint32_t lx_utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
    unsigned char c = s[0];
    uint32_t cp;
    size_t need;

    *len = 1;
    if (c < 0x80)
        return c;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        cp = c & 0x07;
    } else {
        return LX_INVALID;
    }
    if (n < need)
        return LX_INVALID;
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return LX_INVALID;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((need == 3 && cp < 0x800) || (need == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return LX_INVALID;
    *len = need;
    return cp;
}

size_t lx_utf8_valid_prefix(const char *s, size_t n)
{
    size_t len;
    /* mostly ASCII: a word at a time, then a byte at a time */
    for (size_t i = lx_ascii_blocks(s, n); i < n; i += len)
        if ((unsigned char) s[i] < 0x80)
            len = 1;
        else if (lx_utf8_decode((const unsigned char *) s + i, n - i, &len) == LX_INVALID)
            return i;
    return n;
}

size_t lx_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *) out;

    if (cp < 0x80) {
        o[0] = (unsigned char) cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char) (0xC0 | (cp >> 6));
        o[1] = (unsigned char) (0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char) (0xE0 | (cp >> 12));
        o[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char) (0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char) (0xF0 | (cp >> 18));
    o[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char) (0x80 | (cp & 0x3F));
    return 4;
}

static enum lx_char_class ascii_class(uint32_t c)
{
    if (c >= 'a' && c <= 'z')
        return LX_CC_LOWER;
    if (c >= 'A' && c <= 'Z')
        return LX_CC_UPPER;
    if (c >= '0' && c <= '9')
        return LX_CC_DIGIT;
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return LX_CC_SPACE;
    if (c == '\'')
        return LX_CC_APOS;
    if (c == '-')
        return LX_CC_HYPHEN;
    if (c == '"')
        return LX_CC_QUOTE;
    if (c < 0x20 || c == 0x7F)
        return LX_CC_OTHER;
    return LX_CC_PUNCT;
}

#define O LX_CC_OTHER
#define S LX_CC_SPACE
#define U LX_CC_UPPER
#define L LX_CC_LOWER
#define D LX_CC_DIGIT
#define P LX_CC_PUNCT
const unsigned char lx_ascii_class[128] = {
    O, O, O, O, O, O, O, O, O, S, S, S, S, S, O, O, /* 0x00 */
    O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, /* 0x10 */
    S, P, LX_CC_QUOTE, P, P, P, P, LX_CC_APOS, P, P, P, P, P, LX_CC_HYPHEN, P, P,
    D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P, /* 0x30 */
    P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, /* 0x40 */
    U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P, /* 0x50 */
    P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* 0x60 */
    L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, O, /* 0x70 */
};
#undef O
#undef S
#undef U
#undef L
#undef D
#undef P

/* Latin-1 Supplement, Latin Extended-A/B: upper/lower by known layout. */
static enum lx_char_class latin_class(uint32_t c)
{
    if (c == 0xA0)
        return LX_CC_SPACE;
    if (c == 0xAB || c == 0xBB)
        return LX_CC_QUOTE;
    if (c < 0xC0)
        return c == 0xAA || c == 0xBA || c == 0xB5 ? LX_CC_LOWER : LX_CC_PUNCT;
    if (c == 0xD7 || c == 0xF7)
        return LX_CC_PUNCT;
    if (c < 0xDF)
        return LX_CC_UPPER;
    if (c < 0x100)
        return LX_CC_LOWER;
    if (c < 0x180) {
        /* Latin Extended-A alternates upper/lower with a few shifts. */
        if (c == 0x138 || c == 0x149 || c == 0x17F)
            return LX_CC_LOWER;
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            return (c & 1) ? LX_CC_UPPER : LX_CC_LOWER;
        return (c & 1) ? LX_CC_LOWER : LX_CC_UPPER;
    }
    return LX_CC_LETTER;
}

enum lx_char_class lx_char_class(uint32_t c)
{
    if (c < 0x80)
        return ascii_class(c);
    if (c == LX_INVALID)
        return LX_CC_OTHER;
    if (c < 0x250)
        return latin_class(c);
    if (c >= 0x300 && c <= 0x36F)
        return LX_CC_MARK;
    if (c >= 0x370 && c <= 0x3FF) {
        if (c >= 0x391 && c <= 0x3AB)
            return LX_CC_UPPER;
        if (c >= 0x3AC && c <= 0x3CE)
            return LX_CC_LOWER;
        return c == 0x37E || c == 0x387 ? LX_CC_PUNCT : LX_CC_LETTER;
    }
    if (c >= 0x400 && c <= 0x4FF) {
        if (c <= 0x42F)
            return LX_CC_UPPER;
        if (c <= 0x45F)
            return LX_CC_LOWER;
        if (c >= 0x460 && c <= 0x481)
            return (c & 1) ? LX_CC_LOWER : LX_CC_UPPER;
        if (c >= 0x483 && c <= 0x489)
            return LX_CC_MARK;
        return LX_CC_LETTER;
    }
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
        c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
        c == 0xFEFF || c == 0x85)
        return LX_CC_SPACE;
    if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060)
        return LX_CC_OTHER;
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
        return LX_CC_APOS;
    if (c >= 0x2010 && c <= 0x2015)
        return LX_CC_HYPHEN;
    if (c == 0x2212 || c == 0xFE63 || c == 0xFF0D)
        return LX_CC_HYPHEN;
    if ((c >= 0x201A && c <= 0x201F) || c == 0x2039 || c == 0x203A ||
        (c >= 0x300C && c <= 0x300F))
        return LX_CC_QUOTE;
    if ((c >= 0x2016 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
        (c >= 0x3001 && c <= 0x3003) || (c >= 0xFF01 && c <= 0xFF0F))
        return LX_CC_PUNCT;
    if (c >= 0x1E00 && c <= 0x1EFF)
        return (c & 1) ? LX_CC_LOWER : LX_CC_UPPER;
    if (c >= 0x20A0 && c <= 0x2BFF)
        return LX_CC_OTHER; /* currency, arrows, math, technical, boxes */
    if (c >= 0x1F000 && c <= 0x1FAFF)
        return LX_CC_OTHER; /* emoji and pictographs */
    if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
        (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF))
        return LX_CC_MARK;
    if (c >= 0xE000 && c <= 0xF8FF)
        return LX_CC_OTHER;
    if (c >= 0xFF10 && c <= 0xFF19)
        return LX_CC_DIGIT;
    return LX_CC_LETTER;
}

uint32_t lx_lower(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c == LX_INVALID)
        return c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c >= 0x100 && c < 0x180 && lx_char_class(c) == LX_CC_UPPER)
        return c + 1;
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
        return c + 32;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    if (c >= 0x460 && c <= 0x481 && !(c & 1))
        return c + 1;
    if (c >= 0x1E00 && c <= 0x1EFF && !(c & 1))
        return c + 1;
    return c;
}

uint32_t lx_fold(uint32_t c)
{
    switch (lx_char_class(c)) {
    case LX_CC_APOS:
        return '\'';
    case LX_CC_HYPHEN:
        return '-';
    case LX_CC_QUOTE:
        return '"';
    case LX_CC_UPPER:
        return lx_lower(c);
    default:
        return c;
    }
}

void lx_utf8_clean(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, len;
    for (size_t i = 0; i < n && cap > 0; i += len) {
        uint32_t cp = lx_utf8_decode((const unsigned char *) s + i, n - i, &len);
        char buf[4];
        size_t k = cp == LX_INVALID ? lx_utf8_encode(0xFFFD, buf) : len;
        if (o + k + 1 > cap)
            break;
        memcpy(out + o, cp == LX_INVALID ? buf : s + i, k);
        o += k;
    }
    if (cap > 0)
        out[o] = '\0';
}
