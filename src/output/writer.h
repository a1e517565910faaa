/* SPDX-License-Identifier: MIT */
/*
 * The shared writer of the output formats: unlocked stream output and the
 * JSON string and number helpers.  Output is written straight to a buffered
 * stream with a small escaper instead of building a jansson tree per
 * document: a document with a million entities costs no more memory than its
 * entity records.
 */
#ifndef LX_WRITER_H
#define LX_WRITER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lextag/lextag.h"
#include "utf8.h"

/*
 * Output goes through the unlocked stdio calls: the public writers lock the
 * stream once per document (flockfile) instead of once per character.
 */
static inline void out_c(FILE *out, int c)
{
    putc_unlocked(c, out);
}

static inline void out_n(FILE *out, const char *s, size_t n)
{
    fwrite_unlocked(s, 1, n, out);
}

static inline void out_s(FILE *out, const char *s)
{
    out_n(out, s, strlen(s));
}

/*
 * Writes s[0..n) as UTF-8 text: a byte that starts no well-formed sequence
 * as U+FFFD (one code point, as lextag counts it), and, with one_line, a
 * control character as a space.  Writes unlocked, as the out_* helpers do.
 */
void lx_writer_text(FILE *out, const char *s, size_t n, bool one_line);

/*
 * Writes s[0..n) as a JSON string (with quotes).  Invalid UTF-8 bytes are
 * written as U+FFFD; control characters are escaped.
 */
void lx_writer_json_string(FILE *out, const char *s, size_t n);

/* Writes s as a JSON string, or null when s is NULL. */
void lx_writer_json_opt(FILE *out, const char *s);

/* Writes a document's id: its JSON text when doc->id_json says so (and it
   is a scalar), else a JSON string, or null. */
void lx_writer_json_id(FILE *out, const lextag_doc_ref *doc);

/*
 * The decimal digits of v, without printf: entities are written by the
 * million.  They end at d + 20 (a 64-bit value has at most 20) and start
 * at the returned offset; d has room for 20 more bytes after them, so a
 * caller may copy a fixed 20 bytes from the start, a constant-size move,
 * and take the 20 - offset it needs.  Two digits a step.
 */
#define LX_DIGITS_BUF 40

static inline size_t lx_writer_digits(char *d, size_t v)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    size_t n = 20;
    if (v <= UINT32_MAX) {
        /* offsets are below 2^32 but in huge inputs, and the 32-bit
           division by 100 is the shorter one */
        uint32_t w = (uint32_t) v;
        while (w >= 100) {
            n -= 2;
            memcpy(d + n, pairs + 2 * (w % 100), 2);
            w /= 100;
        }
        v = w;
    }
    while (v >= 100) {
        n -= 2;
        memcpy(d + n, pairs + 2 * (v % 100), 2);
        v /= 100;
    }
    if (v >= 10) {
        n -= 2;
        memcpy(d + n, pairs + 2 * v, 2);
    } else {
        d[--n] = (char) ('0' + v);
    }
    return n;
}

/*
 * Appends key_part (klen bytes, e.g. `, "start": `) and the decimal digits
 * of v to buf at *o.  The caller leaves room (klen + 20 bytes, and 20 more
 * past the digits).  Inline, so that copying the key is a constant-size
 * move.
 */
static inline void lx_writer_json_num(char *buf, size_t *o, const char *key_part, size_t klen,
                                      size_t v)
{
    char d[LX_DIGITS_BUF];
    size_t k = lx_writer_digits(d, v);
    memcpy(buf + *o, key_part, klen);
    *o += klen;
    memcpy(buf + *o, d + k, 20);
    *o += 20 - k;
}

/*
 * Copies s[0..n) to d with moves of a fixed size that may overlap, where a
 * library memcpy call costs more than the few bytes of a name.
 */
static inline void lx_copy_short(char *d, const char *s, size_t n)
{
    if (n >= 8) {
        size_t i = 0;
        for (; i + 16 < n; i += 16)
            memcpy(d + i, s + i, 16);
        if (n - i > 8) {
            memcpy(d + i, s + i, 8);
        }
        memcpy(d + n - 8, s + n - 8, 8);
    } else if (n >= 4) {
        memcpy(d, s, 4);
        memcpy(d + n - 4, s + n - 4, 4);
    } else if (n) {
        d[0] = s[0];
        d[n >> 1] = s[n >> 1];
        d[n - 1] = s[n - 1];
    }
}

/*
 * Does the word hold a byte that a JSON string cannot take as it is, or
 * that is not ASCII: below 0x20, above 0x7E, '"' or '\\'?  Each test sets
 * a byte's high bit; a borrow into the next byte comes only from a byte
 * that is itself one of these, so the answer is exact.
 */
static inline bool lx_json_special8(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
    return lx_unprintable8(w) | ((((q - ones) & ~q) | ((b - ones) & ~b)) & high);
}

/*
 * Is s[0..n) printable ASCII without quote or backslash, to be written as
 * it is?  Eight bytes a step; a short string is read as overlapping pieces
 * put together in one word, the bytes it lacks filled with a plain 'a'.
 */
static inline bool lx_json_plain(const char *s, size_t n)
{
    uint64_t w, x;
    if (n >= 8) {
        size_t i = 0;
        for (; i + 8 < n; i += 8) {
            memcpy(&w, s + i, 8);
            if (lx_json_special8(w))
                return false;
        }
        memcpy(&w, s + n - 8, 8);
        return !lx_json_special8(w);
    }
    if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        return !lx_json_special8((uint64_t) hi << 32 | lo);
    }
    if (!n)
        return true;
    w = 0x6161616161000000ull | (unsigned char) s[0];
    x = (uint64_t) (unsigned char) s[n >> 1] << 8 | (uint64_t) (unsigned char) s[n - 1] << 16;
    return !lx_json_special8(w | x);
}

/*
 * A record built in memory and written to the stream in large pieces: an
 * entity is a dozen short strings, and a stdio call for each cost more than
 * formatting them.  lx_obuf_flush() before writing to out directly.
 */
#define LX_OBUF_SIZE 16384

typedef struct lx_obuf {
    FILE *out;
    size_t n;
    char b[LX_OBUF_SIZE];
} lx_obuf;

static inline void lx_obuf_flush(lx_obuf *ob)
{
    out_n(ob->out, ob->b, ob->n);
    ob->n = 0;
}

/* Room for n more bytes (n <= LX_OBUF_SIZE), flushing when there is not. */
static inline char *lx_obuf_room(lx_obuf *ob, size_t n)
{
    if (n > LX_OBUF_SIZE - ob->n)
        lx_obuf_flush(ob);
    return ob->b + ob->n;
}

static inline void lx_obuf_put(lx_obuf *ob, const char *s, size_t n)
{
    if (n > LX_OBUF_SIZE) {
        lx_obuf_flush(ob);
        out_n(ob->out, s, n);
        return;
    }
    memcpy(lx_obuf_room(ob, n), s, n);
    ob->n += n;
}

/* lx_writer_json_string and lx_writer_json_opt through the buffer. */
void lx_obuf_json_string(lx_obuf *ob, const char *s, size_t n);
void lx_obuf_json_opt(lx_obuf *ob, const char *s);

/* Formats items [from, to) of a list to out. */
typedef void (*lx_writer_range_fn)(FILE *out, size_t from, size_t to, void *ctx);

/*
 * Writes items [0, n) with fmt, on up to `threads` threads for a long list:
 * chunks of items are formatted side by side into memory, a round of one
 * chunk per thread at a time, and written in order, so the output is the
 * one fmt writes alone and the memory held is one round's text.  Falls back
 * to the calling thread alone when threads or memory cannot be had.  With a
 * timing sink, the side-by-side formatting is counted as format_parallel.
 */
void lx_writer_parallel(FILE *out, size_t n, unsigned threads, lx_writer_range_fn fmt,
                        void *ctx, lextag_timing *tm);

#endif
