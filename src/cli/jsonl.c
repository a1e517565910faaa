/* SPDX-License-Identifier: MIT */
/*
 * Fast JSONL record reading.  Building a jansson tree for every record,
 * then copying its strings out, cost as much as tagging a short record; this
 * reader validates the line in one pass (JSON grammar, strict UTF-8, escapes)
 * and decodes only the three strings it needs, in place.  An id that is a
 * number, true or false is kept as written (its JSON text).  It declines
 * escaped keys, ids that are arrays or objects and records in error, and
 * the caller falls back to jansson for those lines.
 *
 * An escaped surrogate without its pair ("\ud800", which JSON's grammar
 * allows and Python writes for bytes that are not UTF-8) is read as U+FFFD,
 * as Go's decoder reads it: one code point and one UTF-16 unit, as the
 * writer counted it, so offsets agree with the writer's string.  jansson
 * refuses such a line, which then lost its id to an error record.
 */
#include "jsonl.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define MAX_DEPTH 32

enum { F_ID, F_TEXT, F_DATE, N_FIELDS };
/* K_SCALAR: a number, true or false */
enum { K_STRING = 1, K_SCALAR, K_NULL, K_OTHER };

typedef struct field {
    size_t a, b; /* string contents, or the value's own bytes */
    int kind, esc;
} field;

typedef struct pst {
    const unsigned char *s;
    size_t n, i;
} pst;

static void skip_ws(pst *p)
{
    while (p->i < p->n &&
           (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' || p->s[p->i] == '\r'))
        p->i++;
}

/* Length of the valid multi-byte UTF-8 sequence at s, or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c < 0xC2 || c > 0xF4 || n < l)
        return 0;
    uint32_t cp = c & (0x7Fu >> l);
    for (size_t k = 1; k < l; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[k] & 0x3Fu);
    }
    if ((l == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (l == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return l;
}

static int hex4(const unsigned char *s, uint32_t *v)
{
    *v = 0;
    for (int k = 0; k < 4; k++) {
        unsigned c = s[k];
        unsigned d = c >= '0' && c <= '9'   ? c - '0'
                     : c >= 'a' && c <= 'f' ? c - 'a' + 10
                     : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                            : 16;
        if (d == 16)
            return -1;
        *v = *v << 4 | d;
    }
    return 0;
}

/* The escape after a backslash at s[i]; returns its length from s[i], or 0. */
static size_t escape_len(const unsigned char *s, size_t n, size_t i)
{
    uint32_t hi, lo;
    switch (s[i]) {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        return 1;
    case 'u':
        if (i + 5 > n || hex4(s + i + 1, &hi))
            return 0;
        if (hi < 0xD800 || hi > 0xDBFF)
            return 5; /* a lone low surrogate too: decode() makes it U+FFFD */
        if (i + 11 > n || s[i + 5] != '\\' || s[i + 6] != 'u' || hex4(s + i + 7, &lo) ||
            lo < 0xDC00 || lo > 0xDFFF)
            return 5; /* a high surrogate without its pair: U+FFFD */
        return 11;
    default:
        return 0;
    }
}

/* A string at p->i (the opening quote); its contents go to f->a..f->b. */
static int scan_string(pst *p, field *f)
{
    const unsigned char *s = p->s;
    size_t i = p->i + 1, l;
    f->a = i;
    f->esc = 0;
    while (i < p->n) {
#if defined(__SSE2__)
        /* plain ASCII, sixteen bytes at a time: a byte from 0x80 up is
           negative as a signed byte, below ' ' with the control bytes */
        const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
                      space = _mm_set1_epi8(' ');
        while (i + 16 <= p->n) {
            __m128i v = _mm_loadu_si128((const __m128i *) (s + i));
            __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                                    _mm_cmpeq_epi8(v, bslash)),
                                       _mm_cmplt_epi8(v, space));
            unsigned m = (unsigned) _mm_movemask_epi8(hit);
            if (m) {
                i += (size_t) __builtin_ctz(m);
                break;
            }
            i += 16;
        }
#endif
        /* plain ASCII, eight bytes at a time, up to the first byte that is
           not: a borrow flags only bytes after a byte flagged for its own
           sake, so the lowest flag is that byte */
        while (i + 8 <= p->n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t q = w ^ 0x2222222222222222ull, b = w ^ 0x5C5C5C5C5C5C5C5Cull;
            uint64_t hit = (((q - 0x0101010101010101ull) & ~q) | ((b - 0x0101010101010101ull) & ~b) |
                            (w - 0x2020202020202020ull) | w) &
                           0x8080808080808080ull;
            if (hit) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                i += (size_t) __builtin_ctzll(hit) / 8;
#endif
                break;
            }
            i += 8;
        }
        if (i >= p->n)
            break;
        unsigned c = s[i];
        if (c == '"') {
            f->b = i;
            f->kind = K_STRING;
            p->i = i + 1;
            return 0;
        }
        if (c < 0x20)
            return -1;
        if (c == '\\') {
            if (++i >= p->n || !(l = escape_len(s, p->n, i)))
                return -1;
            f->esc = 1;
            i += l;
        } else if (c < 0x80) {
            i++;
        } else if ((l = utf8_seq(s + i, p->n - i))) {
            i += l;
        } else {
            return -1;
        }
    }
    return -1;
}

static bool is_digit(pst *p)
{
    return p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9';
}

/* A number, of any length: an id is kept as written, never converted. */
static int scan_number(pst *p, field *f)
{
    size_t start = p->i;
    f->kind = K_SCALAR;
    if (p->i < p->n && p->s[p->i] == '-')
        p->i++;
    if (!is_digit(p))
        return -1;
    if (p->s[p->i++] != '0')
        while (is_digit(p))
            p->i++;
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        if (!is_digit(p))
            return -1;
        while (is_digit(p))
            p->i++;
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
            p->i++;
        if (!is_digit(p))
            return -1;
        while (is_digit(p))
            p->i++;
    }
    f->a = start;
    f->b = p->i;
    return 0;
}

static int scan_literal(pst *p, const char *word, int kind, field *f)
{
    size_t l = strlen(word);
    if (p->n - p->i < l || memcmp(p->s + p->i, word, l) != 0)
        return -1;
    f->a = p->i;
    p->i += l;
    f->b = p->i;
    f->kind = kind;
    return 0;
}

static int scan_object(pst *p, int depth, field *want);
static int scan_value(pst *p, int depth, field *f);

static int scan_array(pst *p, int depth)
{
    field f;
    p->i++;
    skip_ws(p);
    if (p->i < p->n && p->s[p->i] == ']') {
        p->i++;
        return 0;
    }
    for (;;) {
        skip_ws(p);
        if (scan_value(p, depth, &f))
            return -1;
        skip_ws(p);
        if (p->i >= p->n)
            return -1;
        if (p->s[p->i++] == ']')
            return 0;
        if (p->s[p->i - 1] != ',')
            return -1;
    }
}

static int scan_value(pst *p, int depth, field *f)
{
    if (p->i >= p->n || depth > MAX_DEPTH)
        return -1;
    switch (p->s[p->i]) {
    case '"':
        return scan_string(p, f);
    case '{':
        f->kind = K_OTHER;
        return scan_object(p, depth + 1, NULL);
    case '[':
        f->kind = K_OTHER;
        return scan_array(p, depth + 1);
    case 't':
        return scan_literal(p, "true", K_SCALAR, f);
    case 'f':
        return scan_literal(p, "false", K_SCALAR, f);
    case 'n':
        return scan_literal(p, "null", K_NULL, f);
    default:
        return scan_number(p, f);
    }
}

static int field_of(const unsigned char *s, const field *key)
{
    static const char *const names[N_FIELDS] = {"id", "text", "date"};
    size_t l = key->b - key->a;
    for (int k = 0; k < N_FIELDS; k++)
        if (strlen(names[k]) == l && memcmp(s + key->a, names[k], l) == 0)
            return k;
    return -1;
}

/* An object at p->i; with `want`, the last value of each field is noted. */
static int scan_object(pst *p, int depth, field *want)
{
    field key, val;
    p->i++;
    skip_ws(p);
    if (p->i < p->n && p->s[p->i] == '}') {
        p->i++;
        return 0;
    }
    for (;;) {
        skip_ws(p);
        if (p->i >= p->n || p->s[p->i] != '"' || scan_string(p, &key))
            return -1;
        if (want && key.esc)
            return -1;
        skip_ws(p);
        if (p->i >= p->n || p->s[p->i++] != ':')
            return -1;
        skip_ws(p);
        if (scan_value(p, depth, &val))
            return -1;
        int k = want ? field_of(p->s, &key) : -1;
        if (k >= 0)
            want[k] = val;
        skip_ws(p);
        if (p->i >= p->n)
            return -1;
        if (p->s[p->i++] == '}')
            return 0;
        if (p->s[p->i - 1] != ',')
            return -1;
    }
}

static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        o[0] = (char) cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char) (0xC0 | cp >> 6);
        o[1] = (char) (0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char) (0xE0 | cp >> 12);
        o[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char) (0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char) (0xF0 | cp >> 18);
    o[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char) (0x80 | (cp & 0x3F));
    return 4;
}

/* Does the validated string f hold the escape of a NUL, "\u0000"? */
static bool escapes_nul(const char *s, const field *f)
{
    for (size_t i = f->a; i < f->b; i++)
        if (s[i] == '\\') {
            if (s[i + 1] == 'u' && memcmp(s + i + 2, "0000", 4) == 0)
                return true;
            i++; /* the escaped character, a backslash included */
        }
    return false;
}

/* Decodes a validated string in place, NUL-terminates it, returns its length. */
static size_t decode(char *s, const field *f)
{
    size_t o = f->a;
    for (size_t i = f->a; i < f->b;) {
        if (s[i] != '\\') {
            s[o++] = s[i++];
            continue;
        }
        char c = s[i + 1];
        uint32_t cp, lo;
        i += 2;
        switch (c) {
        case 'b': s[o++] = '\b'; break;
        case 'f': s[o++] = '\f'; break;
        case 'n': s[o++] = '\n'; break;
        case 'r': s[o++] = '\r'; break;
        case 't': s[o++] = '\t'; break;
        case 'u':
            hex4((const unsigned char *) s + i, &cp);
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= f->b && s[i] == '\\' &&
                s[i + 1] == 'u' && !hex4((const unsigned char *) s + i + 2, &lo) &&
                lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 0xFFFD; /* a surrogate without its pair */
            }
            o += put_utf8(s + o, cp);
            break;
        default: s[o++] = c; /* " \ / */
        }
    }
    s[o] = '\0';
    return o - f->a;
}

int jsonl_parse_fast(char *line, size_t len, jsonl_view *v)
{
    field f[N_FIELDS] = {{0, 0, 0, 0}};
    pst p = {(const unsigned char *) line, len, 0};
    skip_ws(&p);
    if (p.i >= p.n || line[p.i] != '{' || scan_object(&p, 1, f))
        return -1;
    skip_ws(&p);
    if (p.i != p.n || f[F_TEXT].kind != K_STRING)
        return -1;
    int id = f[F_ID].kind;
    if (id == K_OTHER)
        return -1; /* an array or object: jansson writes it compact */
    /* an id holding "\u0000" is no C string: the caller's jansson reader
       keeps it whole (asked before anything is decoded in place) */
    if (id == K_STRING && f[F_ID].esc && escapes_nul(line, &f[F_ID]))
        return -1;
    memset(v, 0, sizeof(*v));
    /* the fields do not overlap, and each ends before the byte its NUL takes */
    v->len = f[F_TEXT].esc ? decode(line, &f[F_TEXT]) : f[F_TEXT].b - f[F_TEXT].a;
    line[f[F_TEXT].a + v->len] = '\0';
    v->text = line + f[F_TEXT].a;
    if (id == K_STRING || id == K_SCALAR) {
        if (id == K_STRING)
            decode(line, &f[F_ID]);
        else
            line[f[F_ID].b] = '\0';
        v->id = line + f[F_ID].a;
        v->id_json = id == K_SCALAR;
    }
    if (f[F_DATE].kind == K_STRING) {
        decode(line, &f[F_DATE]);
        v->date = line + f[F_DATE].a;
    }
    return 0;
}
