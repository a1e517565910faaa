/* SPDX-License-Identifier: MIT */
/*
 * One left-to-right scan: each code point is decoded once, classified with
 * lx_char_class() and, inside a token, folded straight into the fold buffer.
 * Abbreviations are recognized by shape (one- or two-letter groups each
 * followed by a dot, at least two groups) so that "U.S." and "H.R." are
 * single tokens both in entries and in text.
 */
#define _GNU_SOURCE /* memmem */
#include "tokenizer.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lextag/lextag.h"
#include "hash.h"
#include "utf8.h"
#include "vec.h"
#include "words.h"

typedef struct scan {
    const unsigned char *s;
    size_t n;
} scan;

static inline uint32_t peek(const scan *sc, size_t i, size_t *len,
                            enum lx_char_class *cls)
{
    uint32_t cp;
    if (i >= sc->n) {
        *len = 0;
        *cls = LX_CC_SPACE;
        return 0;
    }
    *cls = lx_next_class(sc->s + i, sc->n - i, len, &cp);
    return cp;
}

static bool is_letter(enum lx_char_class c)
{
    return c == LX_CC_UPPER || c == LX_CC_LOWER || c == LX_CC_LETTER;
}

static bool is_barrier(uint32_t cp)
{
    return cp == LX_INVALID || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
           cp == 0x200B || cp == 0x2060;
}

/* Length of an abbreviation starting at i ("U.S.", "e.g."), or 0. */
static size_t abbrev_len(const scan *sc, size_t i)
{
    size_t p = i, groups = 0, len;
    enum lx_char_class cls;

    for (;;) {
        size_t letters = 0, q = p;
        while (letters < 3) {
            peek(sc, q, &len, &cls);
            if (!len || !is_letter(cls))
                break;
            q += len;
            letters++;
        }
        if (letters == 0 || letters > 2 || q >= sc->n || sc->s[q] != '.')
            break;
        p = q + 1;
        groups++;
        /* the next group must follow the dot directly */
        peek(sc, p, &len, &cls);
        if (!len || !is_letter(cls))
            break;
    }
    return groups >= 2 ? p - i : 0;
}

/* End of a word or number starting at i. */
static size_t word_end(const scan *sc, size_t i, bool *has_digit, bool *all_digit)
{
    size_t p = i, len;
    enum lx_char_class cls;

    *has_digit = false;
    *all_digit = true;
    while (p < sc->n) {
        uint32_t cp = peek(sc, p, &len, &cls);
        if (lx_is_word_class(cls) || cp == 0x200D) {
            if (cls == LX_CC_DIGIT)
                *has_digit = true;
            else if (cls != LX_CC_MARK)
                *all_digit = false;
            p += len;
            continue;
        }
        size_t len2;
        enum lx_char_class cls2;
        peek(sc, p + len, &len2, &cls2);
        if (cls == LX_CC_APOS && p > i && is_letter(cls2)) {
            /* possessive 's ends the word; O'Donnell and don't go on */
            size_t len3;
            enum lx_char_class cls3;
            uint32_t c2 = peek(sc, p + len, &len2, &cls2);
            peek(sc, p + len + len2, &len3, &cls3);
            if ((c2 == 's' || c2 == 'S') && !lx_is_word_class(cls3))
                break;
            p += len;
            continue;
        }
        if ((cp == '.' || cp == ',') && *has_digit && *all_digit &&
            cls2 == LX_CC_DIGIT) {
            p += len;
            continue;
        }
        break;
    }
    return p;
}

static int grow(lx_toklist *tl, size_t fold_need)
{
    if (lx_vec_reserve(&tl->v, &tl->cap, tl->n + 1, sizeof(*tl->v), 1024) ||
        lx_vec_reserve(&tl->fold, &tl->fold_cap, tl->fold_len + fold_need, 1, 4096))
        return LEXTAG_ERR_NOMEM;
    return 0;
}

/* Appends the token s[a..b) of the given kind, folding it. */
static int push(lx_toklist *tl, const scan *sc, size_t a, size_t b, int kind,
                unsigned flags)
{
    /* folding never lengthens UTF-8 (see lx_fold) */
    if (grow(tl, b - a + 1))
        return LEXTAG_ERR_NOMEM;
    lx_token *t = &tl->v[tl->n++];
    char *out = tl->fold + tl->fold_len;
    size_t o = 0, len;
    bool first = true, any_upper = false, any_lower = false;

    for (size_t p = a; p < b; p += len) {
        uint32_t cp;
        enum lx_char_class cls = lx_next_class(sc->s + p, sc->n - p, &len, &cp);
        if (cp < 0x80 && kind != LX_TOK_BARRIER) {
            /* ASCII: class and fold without decoding */
            if (cls == LX_CC_UPPER || cls == LX_CC_LOWER) {
                if (first)
                    flags |= cls == LX_CC_UPPER ? LX_TF_CAP : LX_TF_LOWER;
                first = false;
                any_upper |= cls == LX_CC_UPPER;
                any_lower |= cls == LX_CC_LOWER;
                out[o++] = (char) (cls == LX_CC_UPPER ? cp + 32 : cp);
                continue;
            }
            if (cls == LX_CC_DIGIT)
                flags |= LX_TF_HASDIGIT;
            out[o++] = (char) cp;
            continue;
        }
        if (cls == LX_CC_UPPER || cls == LX_CC_LOWER) {
            if (first)
                flags |= cls == LX_CC_UPPER ? LX_TF_CAP : LX_TF_LOWER;
            first = false;
            any_upper |= cls == LX_CC_UPPER;
            any_lower |= cls == LX_CC_LOWER;
        } else if (cls == LX_CC_LETTER) {
            first = false;
        } else if (cls == LX_CC_DIGIT) {
            flags |= LX_TF_HASDIGIT;
        }
        if (kind != LX_TOK_BARRIER)
            o += lx_utf8_encode(lx_fold(cp), out + o);
    }
    if (any_upper && !any_lower)
        flags |= LX_TF_ALLCAPS;
    t->start = (uint32_t) a;
    t->end = (uint32_t) b;
    t->fold = (uint32_t) tl->fold_len;
    t->fold_len = (uint16_t) (o > 0xFFFF ? 0xFFFF : o);
    t->kind = (uint8_t) kind;
    t->flags = (uint8_t) flags;
    t->vocab = LX_NONE;
    t->bits = 0;
    t->hash = lx_hash64(out, o);
    tl->fold_len += o;
    out[o] = '\0';
    tl->fold_len++; /* keep each folded form NUL-terminated */
    return 0;
}

/*
 * May the ASCII letters and digits s[i..j) go on past j, as a word with a
 * non-ASCII letter or an apostrophe, an abbreviation ("U.S.") or a decimal
 * ("3.5")?  Then the general path tokenizes them.
 */
static inline bool goes_on(const scan *sc, size_t i, size_t j, bool digit)
{
    if (j >= sc->n)
        return false;
    unsigned char c = sc->s[j];
    /* most words end at a space: one test, and the next byte left unread */
    if (c == ' ')
        return false;
    if (c >= 0x80 || c == '\'')
        return true;
    if (c != '.' && c != ',')
        return false;
    if (c == '.' && !digit)
        return j - i <= 2;
    unsigned char next = j + 1 < sc->n ? sc->s[j + 1] : ' ';
    return digit && next >= '0' && next <= '9';
}

/*
 * The common case, an ASCII word or number followed by something that
 * cannot continue it, tokenized in one tight loop: classify, fold and hash
 * each byte once.  Returns the token's end, or 0 when the general path must
 * decide (non-ASCII letters, apostrophes, abbreviations, decimals).
 */
static size_t ascii_word(lx_toklist *tl, const scan *sc, size_t i, unsigned flags)
{
    const unsigned char *s = sc->s;
    size_t j = i, n = sc->n;
    /* lx_tokenize made room for every folded form of the text: fold and
       hash while classifying, one pass over the bytes */
    char *out = tl->fold + tl->fold_len;
    uint64_t h = 1469598103934665603ull;
    /* the classes seen, as bits: no branch per letter to mispredict */
    const unsigned word = 1u << LX_CC_UPPER | 1u << LX_CC_LOWER | 1u << LX_CC_DIGIT;
    unsigned seen = 0;
#if defined(__SSE2__)
    /* sixteen bytes at a time: classify and fold with a few vector
       operations and store the whole block (the fold buffer's 2n + 1 bytes
       leave room past the word for it); only the hash goes byte by byte */
    const __m128i a1 = _mm_set1_epi8('a' - 1), z1 = _mm_set1_epi8('z' + 1);
    const __m128i A1 = _mm_set1_epi8('A' - 1), Z1 = _mm_set1_epi8('Z' + 1);
    const __m128i d1 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1);
    const __m128i case_bit = _mm_set1_epi8(0x20);
    while (j + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *) (s + j));
        /* bytes of 0x80 and up compare as negative: no letter, no digit */
        __m128i up = _mm_and_si128(_mm_cmpgt_epi8(v, A1), _mm_cmplt_epi8(v, Z1));
        __m128i low = _mm_and_si128(_mm_cmpgt_epi8(v, a1), _mm_cmplt_epi8(v, z1));
        __m128i num = _mm_and_si128(_mm_cmpgt_epi8(v, d1), _mm_cmplt_epi8(v, d9));
        _mm_storeu_si128((__m128i *) (out + (j - i)),
                         _mm_or_si128(v, _mm_and_si128(up, case_bit)));
        unsigned mu = (unsigned) _mm_movemask_epi8(up), ml = (unsigned) _mm_movemask_epi8(low),
                 md = (unsigned) _mm_movemask_epi8(num);
        unsigned in_word = mu | ml | md;
        unsigned len = in_word == 0xFFFF ? 16 : (unsigned) __builtin_ctz(~in_word);
        unsigned keep = (1u << len) - 1;
        seen |= (mu & keep ? 1u << LX_CC_UPPER : 0) | (ml & keep ? 1u << LX_CC_LOWER : 0) |
                (md & keep ? 1u << LX_CC_DIGIT : 0);
        const unsigned char *f = (const unsigned char *) out + (j - i);
        for (unsigned k = 0; k < len; k++)
            h = (h ^ f[k]) * 1099511628211ull;
        j += len;
        if (len < 16)
            goto ended;
    }
#endif
    while (j < n && s[j] < 0x80) {
        unsigned bit = (1u << lx_ascii_class[s[j]]) & word;
        if (!bit)
            break;
        seen |= bit;
        /* 'A'..'Z' | 0x20 is 'a'..'z' */
        unsigned char c = (unsigned char) (s[j] | ((bit >> LX_CC_UPPER) & 1u) << 5);
        out[j - i] = (char) c;
        h = (h ^ c) * 1099511628211ull;
        j++;
    }
#if defined(__SSE2__)
ended:
#endif
    bool upper = seen & 1u << LX_CC_UPPER, lower = seen & 1u << LX_CC_LOWER,
         digit = seen & 1u << LX_CC_DIGIT;
    if (goes_on(sc, i, j, digit))
        return 0;
    if (lx_vec_reserve(&tl->v, &tl->cap, tl->n + 1, sizeof(*tl->v), 1024))
        return SIZE_MAX;
    lx_token *t = &tl->v[tl->n++];
    unsigned first = lx_ascii_class[s[i]];
    if (first == LX_CC_UPPER)
        flags |= LX_TF_CAP;
    else if (first == LX_CC_LOWER)
        flags |= LX_TF_LOWER;
    else if (upper || lower) {
        /* "3M", "4x4": the case of the first letter decides */
        size_t k = i;
        while (lx_ascii_class[s[k]] == LX_CC_DIGIT)
            k++;
        flags |= lx_ascii_class[s[k]] == LX_CC_UPPER ? LX_TF_CAP : LX_TF_LOWER;
    }
    if (upper && !lower)
        flags |= LX_TF_ALLCAPS;
    if (digit)
        flags |= LX_TF_HASDIGIT;
    size_t o = j - i;
    t->start = (uint32_t) i;
    t->end = (uint32_t) j;
    t->fold = (uint32_t) tl->fold_len;
    t->fold_len = (uint16_t) (o > 0xFFFF ? 0xFFFF : o);
    t->kind = (uint8_t) (digit && !upper && !lower ? LX_TOK_NUMBER : LX_TOK_WORD);
    t->flags = (uint8_t) flags;
    t->vocab = LX_NONE;
    t->bits = 0;
    t->hash = h;
    out[o] = '\0';
    tl->fold_len += o + 1;
    return j;
}

/*
 * A lowercase ASCII word of a deferring token list (see defer_lower): its
 * end found sixteen bytes at a time, nothing folded or hashed.  Returns its
 * end, or 0 when the general path must decide, as ascii_word() does.
 */
static size_t ascii_lower_word(lx_toklist *tl, const scan *sc, size_t i, unsigned flags)
{
    const unsigned char *s = sc->s;
    size_t j = i, n = sc->n;
    bool digit = false;
    /* the first eight folded bytes, for keep_heads (every byte of the word
       folds by setting 0x20) */
    uint64_t head8 = 0;
    bool have_head = false;
#if defined(__SSE2__)
    const __m128i a1 = _mm_set1_epi8('a' - 1), z1 = _mm_set1_epi8('z' + 1);
    const __m128i d1 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1);
    const __m128i case_bit = _mm_set1_epi8(0x20);
    while (j + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *) (s + j));
        /* bytes of 0x80 and up compare as negative: no letter, no digit */
        __m128i low = _mm_or_si128(v, case_bit);
        if (j == i) {
            _mm_storel_epi64((__m128i *) &head8, low);
            have_head = true;
        }
        __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(low, a1), _mm_cmplt_epi8(low, z1));
        __m128i num = _mm_and_si128(_mm_cmpgt_epi8(v, d1), _mm_cmplt_epi8(v, d9));
        unsigned word = (unsigned) _mm_movemask_epi8(_mm_or_si128(letter, num));
        unsigned digits = (unsigned) _mm_movemask_epi8(num);
        if (word != 0xFFFF) {
            unsigned len = (unsigned) __builtin_ctz(~word);
            digit |= (digits & ((1u << len) - 1)) != 0;
            j += len;
            goto ended;
        }
        digit |= digits != 0;
        j += 16;
    }
#endif
    for (; j < n && s[j] < 0x80; j++) {
        unsigned c = lx_ascii_class[s[j]];
        if (c == LX_CC_DIGIT)
            digit = true;
        else if (c != LX_CC_UPPER && c != LX_CC_LOWER)
            break;
    }
#if defined(__SSE2__)
ended:
#endif
    if (goes_on(sc, i, j, digit))
        return 0;
    if (lx_vec_reserve(&tl->v, &tl->cap, tl->n + 1, sizeof(*tl->v), 1024))
        return SIZE_MAX;
    lx_token *t = &tl->v[tl->n++];
    size_t o = j - i;
    t->start = (uint32_t) i;
    t->end = (uint32_t) j;
    t->fold = (uint32_t) tl->fold_len;
    t->fold_len = (uint16_t) (o > 0xFFFF ? 0xFFFF : o);
    t->kind = LX_TOK_WORD;
    t->flags = (uint8_t) (flags | LX_TF_LOWER | (digit ? LX_TF_HASDIGIT : 0));
    t->vocab = LX_TOK_UNFOLDED;
    t->bits = 0;
    t->hash = 0;
    /* empty until settled: a test of its text (lx_tok_is(), "-") reads a
       written byte, and no word matches */
    tl->fold[tl->fold_len] = '\0';
    tl->fold[tl->fold_len + o] = '\0';
    tl->fold_len += o + 1;
    if (tl->keep_heads) {
        uint64_t head;
        if (have_head) {
            /* x86 (SSE2) is little-endian: byte k is bits 8k to 8k + 7 */
            head = o >= 8 ? head8 : head8 & ((1ull << (8 * o)) - 1);
        } else {
            char folded[8];
            for (size_t k = 0; k < o && k < 8; k++)
                folded[k] = (char) (s[i + k] | 0x20);
            head = lx_head64(folded, o);
        }
        if (lx_head_in(tl->keep_heads, head))
            lx_tok_settle(tl, (const char *) s, tl->n - 1);
    }
    return j;
}

void lx_tok_settle(lx_toklist *tl, const char *s, size_t k)
{
    lx_token *t = &tl->v[k];
    if (t->vocab != LX_TOK_UNFOLDED)
        return;
    /* only an ASCII word is deferred: its folded form is its bytes in
       lowercase, as long as the word */
    char *out = tl->fold + t->fold;
    size_t n = t->end - t->start;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char) s[t->start + i];
        out[i] = (char) (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    t->hash = lx_hash64(out, n);
    t->vocab = LX_NONE;
}

/*
 * Does a word that only opens a sentence start at byte i: a pronoun, a
 * determiner or a conjunction, which no name's next word is?  After a
 * single capital's period ("from Elizabeth I. Its rival", "World War I.
 * The"), such a word tells the stop from an initial's.  "A" is none: a
 * reference list puts a title after an author's initial ("Stevenson,
 * Laura C. A Vogue for ...").
 */
static bool opener_at(const scan *sc, size_t i)
{
    static const char *const openers[] = {
        "The", "This", "That", "These", "Those", "It", "Its", "He", "His", "She", "Her",
        "They", "Their", "We", "Our", "In", "On", "At", "But", "And", "After", "When",
        "However", "There", "Then", "Yet", "As", NULL};
    size_t e = i;
    while (e < sc->n && e - i < 8 && ((sc->s[e] | 0x20) >= 'a' && (sc->s[e] | 0x20) <= 'z'))
        e++;
    if (e < sc->n && ((sc->s[e] | 0x20) >= 'a' && (sc->s[e] | 0x20) <= 'z'))
        return false;
    for (size_t k = 0; openers[k]; k++)
        if (strlen(openers[k]) == e - i && memcmp(openers[k], sc->s + i, e - i) == 0)
            return true;
    return false;
}

/*
 * The lengths of the abbreviations, as bits (bit 31: 31 bytes or more),
 * and bit 63 to tell the mask computed.  Every sentence's full stop asks
 * about the word before it; most such words are longer than any
 * abbreviation and are turned away without folding them or reading the
 * list.  Computed once: every thread computes the same value.
 */
static uint64_t abbreviation_lengths(void)
{
    static _Atomic uint64_t lengths;
    uint64_t m = atomic_load_explicit(&lengths, memory_order_relaxed);
    if (m)
        return m;
    m = 1ull << 63;
    for (size_t i = 0; lx_words_abbreviations[i]; i++) {
        size_t len = strlen(lx_words_abbreviations[i]);
        m |= 1ull << (len < 31 ? len : 31);
    }
    atomic_store_explicit(&lengths, m, memory_order_relaxed);
    return m;
}

/* A period right after an initial or a title ("H.", "Mr.") ends no
   sentence.  The token after it starts at byte next. */
static bool abbreviation_period(lx_toklist *tl, const scan *sc, size_t k, size_t next)
{
    if (k == 0 || (tl->v[k].flags & LX_TF_SPACE))
        return false;
    const lx_token *w = &tl->v[k - 1];
    if (w->kind != LX_TOK_WORD)
        return false;
    if (w->fold_len == 1 && (w->flags & LX_TF_CAP))
        return !opener_at(sc, next);
    size_t len = w->fold_len;
    if (!(abbreviation_lengths() >> (len < 31 ? len : 31) & 1))
        return false;
    lx_tok_settle(tl, (const char *) sc->s, k - 1);
    const char *f = tl->fold + w->fold;
    /* every sentence's full stop comes here: test the first letter first */
    for (size_t i = 0; lx_words_abbreviations[i]; i++)
        if (f[0] == lx_words_abbreviations[i][0] && strcmp(f, lx_words_abbreviations[i]) == 0)
            return true;
    return false;
}

static bool ends_sentence(lx_toklist *tl, const scan *sc, size_t k, size_t next)
{
    /* k is the index of the token before the current one */
    for (int back = 0; back < 3 && k != SIZE_MAX; back++, k--) {
        const lx_token *t = &tl->v[k];
        const char *f = tl->fold + t->fold;
        if (t->kind != LX_TOK_PUNCT)
            return false;
        if (f[0] == '.' && back == 0 && abbreviation_period(tl, sc, k, next))
            return false;
        if (f[0] == '.' || f[0] == '!' || f[0] == '?' ||
            (f[0] == '\xe2' && strcmp(f, "\xe2\x80\xa6") == 0))
            return true;
        if (f[0] != '"' && f[0] != '\'' && f[0] != ')')
            return false;
        if (k == 0)
            break;
    }
    return false;
}

/* Length of the line s[a..b) without the blanks that end it. */
static size_t line_len(const char *s, size_t a, size_t b)
{
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
        b--;
    return b - a;
}

/* Lines longer than this are no wrapped text's (a URL, a heading, a
   paragraph on one line). */
#define WRAP_MAX 200

/*
 * The margin text is wrapped at, or 0 when it is not: of the lines inside
 * its paragraphs (each followed by a line that is not blank), three or
 * more, nineteen in twenty end at or before one width of 30 to WRAP_MAX
 * bytes, and seven in ten within a third of it.  A text of one paragraph
 * a line, or of one sentence a line, ends its lines anywhere.  One pass
 * of memchr() over the text.
 */
static uint32_t wrap_width(const char *s, size_t n)
{
    uint32_t hist[WRAP_MAX + 2] = {0}; /* the last: longer lines */
    size_t inner = 0;
    for (size_t a = 0; a < n;) {
        const char *nl = memchr(s + a, '\n', n - a);
        if (!nl)
            break;
        size_t b = (size_t) (nl - s), len = line_len(s, a, b);
        /* the next line holds more than blanks */
        size_t c = b + 1;
        while (c < n && (s[c] == ' ' || s[c] == '\t' || s[c] == '\r'))
            c++;
        if (len && c < n && s[c] != '\n') {
            hist[len <= WRAP_MAX ? len : WRAP_MAX + 1]++;
            inner++;
        }
        a = b + 1;
    }
    if (inner < 3)
        return 0;
    size_t width = 0, seen = 0;
    while (width <= WRAP_MAX && (seen += hist[width]) * 20 < inner * 19)
        width++;
    if (width < 30 || width > WRAP_MAX)
        return 0;
    size_t near = 0;
    for (size_t len = width - width / 3; len <= width; len++)
        near += hist[len];
    return near * 10 >= inner * 7 ? (uint32_t) width : 0;
}

int lx_tokenize(lx_toklist *tl, const char *text, size_t n)
{
    scan sc = {(const unsigned char *) text, n};
    unsigned pending = LX_TF_PARA | LX_TF_SENT;
    unsigned newlines = 0;
    size_t i = 0, len;
    enum lx_char_class cls;

    tl->n = 0;
    tl->fold_len = 0;
    /* folding never lengthens a token and each adds one NUL: 2n + 1 bytes
       hold every folded form, so the word loop needs no check */
    if (n > (SIZE_MAX - 1) / 2 ||
        lx_vec_reserve(&tl->fold, &tl->fold_cap, 2 * n + 1, 1, 4096))
        return LEXTAG_ERR_NOMEM;
    while (i < n) {
        if (text[i] == ' ') { /* the one space between words */
            pending |= LX_TF_SPACE;
            i++;
            continue;
        }
        /* i < n: no bounds test as peek() makes */
        uint32_t cp;
        cls = lx_next_class(sc.s + i, n - i, &len, &cp);
        if (cls == LX_CC_SPACE) {
            if (cp == '\n' || (cp == '\r' && (i + 1 >= n || text[i + 1] != '\n')) ||
                cp == 0x2028 || cp == 0x2029 || cp == 0x85 || cp == '\v' ||
                cp == '\f') {
                newlines++;
                pending |= LX_TF_NEWLINE;
                /* a paragraph opens a sentence; the first token's
                   pending flags hold both from the start */
                if (newlines >= 2)
                    pending |= LX_TF_PARA | LX_TF_SENT;
            }
            pending |= LX_TF_SPACE;
            i += len;
            continue;
        }
        unsigned flags = pending;
        /* a lowercase word goes on the sentence: "Acme Widgets Inc. backed
           the bill", "e.g. the" */
        if (tl->n && cls != LX_CC_LOWER && ends_sentence(tl, &sc, tl->n - 1, i))
            flags |= LX_TF_SENT;
        size_t end;
        int kind;
        bool has_digit, all_digit;
        if (cp < 0x80 && (cls == LX_CC_UPPER || cls == LX_CC_LOWER || cls == LX_CC_DIGIT)) {
            end = cls == LX_CC_LOWER && tl->defer_lower ? ascii_lower_word(tl, &sc, i, flags)
                                                        : ascii_word(tl, &sc, i, flags);
            if (end == SIZE_MAX)
                return LEXTAG_ERR_NOMEM;
            if (end) {
                pending = 0;
                newlines = 0;
                i = end;
                /* the one space after the word, without another turn */
                if (i < n && text[i] == ' ') {
                    pending = LX_TF_SPACE;
                    i++;
                }
                continue;
            }
        }
        if (is_barrier(cp) || cls == LX_CC_OTHER) {
            kind = is_barrier(cp) ? LX_TOK_BARRIER : LX_TOK_SYMBOL;
            end = i + len;
            while (kind == LX_TOK_SYMBOL && end < n) {
                uint32_t c2 = peek(&sc, end, &len, &cls);
                if (cls != LX_CC_MARK && c2 != 0x200D)
                    break;
                end += len;
            }
        } else if (lx_is_word_class(cls)) {
            size_t ab = is_letter(cls) ? abbrev_len(&sc, i) : 0;
            if (ab) {
                kind = LX_TOK_ABBREV;
                end = i + ab;
            } else {
                end = word_end(&sc, i, &has_digit, &all_digit);
                kind = has_digit && all_digit ? LX_TOK_NUMBER : LX_TOK_WORD;
            }
        } else if (cls == LX_CC_APOS && tl->n && !(flags & LX_TF_SPACE) &&
                   tl->v[tl->n - 1].kind == LX_TOK_WORD && i + len < n &&
                   (text[i + len] == 's' || text[i + len] == 'S')) {
            kind = LX_TOK_POSS;
            end = i + len + 1;
        } else {
            kind = LX_TOK_PUNCT;
            end = i + len;
        }
        if (push(tl, &sc, i, end, kind, flags))
            return LEXTAG_ERR_NOMEM;
        pending = 0;
        newlines = 0;
        i = end;
    }
    /* most texts tokenized are a name or a line (the document pass's):
       answered here, without the call and its table on the stack */
    tl->wrap_width = n < 90 || !memchr(text, '\n', n) ? 0 : wrap_width(text, n);
    return 0;
}

size_t lx_tok_join(const lx_toklist *tl, size_t i, size_t j, char *buf, size_t cap)
{
    size_t n = 0;
    for (size_t k = i; k < j; k++) {
        const lx_token *t = &tl->v[k];
        if (n + t->fold_len + 1 > cap)
            return 0;
        if (k > i)
            buf[n++] = ' ';
        memcpy(buf + n, lx_tok_fold(tl, t), t->fold_len);
        n += t->fold_len;
    }
    return n;
}

/* First token of the line holding token j. */
static size_t line_start(const lx_toklist *tl, size_t j)
{
    while (j > 0 && !(tl->v[j].flags & LX_TF_NEWLINE))
        j--;
    return j;
}

/*
 * Does s[a..b) hold a tab, a run of three spaces or a bar: cells of a table?
 * Asked at every line break, about whole paragraphs of running text, so it
 * reads sixteen bytes at a time, and once: the library's memmem() spent
 * six instructions a byte on the three spaces alone.
 */
static bool table_bytes(const char *s, size_t a, size_t b)
{
    size_t i = a;
    unsigned run = 0; /* spaces just before byte i, up to 2 */
#if defined(__SSE2__)
    const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'), bar = _mm_set1_epi8('|');
    for (; i + 16 <= b; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *) (s + i));
        unsigned cells = (unsigned) _mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, bar)));
        /* bit k + 2: byte i + k is a space; bits 1 and 0 are bytes i - 1
           and i - 2, the spaces that ended the last block */
        unsigned m = (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(v, sp)) << 2 |
                     (run == 2 ? 3u : run << 1);
        if (cells || (m & m >> 1 & m >> 2))
            return true;
        run = (m >> 16 & 3) == 3 ? 2 : (m >> 17 & 1);
    }
#endif
    for (; i < b; i++) {
        char c = s[i];
        if (c == '\t' || c == '|')
            return true;
        run = c == ' ' ? run + 1 : 0;
        if (run == 3)
            return true;
    }
    return false;
}

/*
 * A list item opens with a bullet or a number and "." or ")": "- ", "2. ",
 * "(b)".  Not a year: "1648." opening a line ends a sentence the margin
 * wrapped ("... in January / 1648. The Dutch ...").
 */
static bool list_item(const lx_toklist *tl, const char *s, size_t i, size_t end)
{
    const lx_token *t = &tl->v[i];
    if (t->kind == LX_TOK_PUNCT || t->kind == LX_TOK_SYMBOL)
        return s[t->start] != '"' && s[t->start] != '\'' && s[t->start] != '(';
    return i + 1 < end && t->kind == LX_TOK_NUMBER && t->end - t->start <= 3 &&
           !(tl->v[i + 1].flags & LX_TF_SPACE) &&
           (s[tl->v[i + 1].start] == '.' || s[tl->v[i + 1].start] == ')');
}

/* Lowercase words in tokens [a, b): 0 none, 1 only short ones, 2 a longer one. */
static int lower_words(const lx_toklist *tl, size_t a, size_t b)
{
    int seen = 0;
    for (size_t k = a; k < b; k++)
        if (tl->v[k].kind == LX_TOK_WORD && (tl->v[k].flags & LX_TF_LOWER)) {
            if (tl->v[k].end - tl->v[k].start > 3)
                return 2;
            seen = 1;
        }
    return seen;
}

bool lx_tok_in(const lx_toklist *tl, size_t i, const char *const *words)
{
    if (i >= tl->n)
        return false;
    /* the folded form read once, and most words of the list turned away
       at their first byte */
    const char *f = lx_tok_fold(tl, &tl->v[i]);
    for (size_t k = 0; words[k]; k++)
        if (f[0] == words[k][0] && strcmp(f, words[k]) == 0)
            return true;
    return false;
}

bool lx_tok_wrapped(const lx_toklist *tl, const char *s, size_t j)
{
    if (j == 0 || j >= tl->n || (tl->v[j].flags & LX_TF_PARA))
        return false;
    size_t p = line_start(tl, j - 1), next = j + 1;
    while (next < tl->n && !(tl->v[next].flags & LX_TF_NEWLINE))
        next++;
    const lx_token *last = &tl->v[j - 1];
    /* a heading or label line ends in a colon; a table row has cells */
    if (s[last->start] == ':' || list_item(tl, s, p, j) ||
        table_bytes(s, tl->v[p].start, last->end) || table_bytes(s, tl->v[j].start, tl->v[next - 1].end))
        return false;
    /* in text wrapped at a margin, a line whose next word would not have
       fit on it was cut there ("Prime Minister Narendra / Modi's party") */
    if (tl->wrap_width) {
        size_t a = tl->v[p].start;
        while (a > 0 && s[a - 1] != '\n')
            a--;
        if (line_len(s, a, last->end) + 1 + (tl->v[j].end - tl->v[j].start) > tl->wrap_width)
            return true;
    }
    /* running text has lowercase words; a headline, a score line or a row
       of names and figures has none longer than a function word.  A line of
       names joined by "and" or "of" is text when the sentence goes on, in
       lowercase words or to its full stop, on the next line. */
    int before = lower_words(tl, p, j);
    if (before == 2)
        return true;
    const char *stop = s + tl->v[next - 1].start;
    return before == 1 && (lower_words(tl, j, next) == 2 || *stop == '.' || *stop == '!' || *stop == '?');
}

void lx_toklist_free(lx_toklist *tl)
{
    if (!tl)
        return;
    free(tl->v);
    free(tl->fold);
    memset(tl, 0, sizeof(*tl));
}

/* The first token of [lo, hi) starting at or after byte b (hi when none does). */
static size_t tok_search(const lx_toklist *tl, size_t b, size_t lo, size_t hi)
{
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (tl->v[mid].start < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t lx_tok_at(const lx_toklist *tl, size_t b)
{
    return tok_search(tl, b, 0, tl->n);
}

size_t lx_tok_at_near(const lx_toklist *tl, size_t b, size_t *near)
{
    /* gallop from *near, forward or back, to bracket the answer: steps of
       1, 2, 4... read the tokens next to it, and in order */
    size_t n = tl->n, k = *near < n ? *near : n, lo = 0, hi = n;
    if (k < n && tl->v[k].start < b) {
        lo = k + 1;
        for (size_t step = 1; k + step < n; step *= 2) {
            if (tl->v[k + step].start >= b) {
                hi = k + step;
                break;
            }
            lo = k + step + 1;
        }
    } else {
        hi = k;
        for (size_t step = 1; step <= hi; step *= 2) {
            if (tl->v[hi - step].start < b) {
                lo = hi - step + 1;
                break;
            }
            hi -= step;
        }
    }
    *near = tok_search(tl, b, lo, hi);
    return *near;
}
