/* SPDX-License-Identifier: MIT */
/*
 * JSON strings and numbers for every format that writes JSON (JSON Lines,
 * doccano, Label Studio): one escaper, so that every format escapes quotes,
 * control characters and invalid UTF-8 the same way; and plain text made
 * valid UTF-8 the same way (brat's text files and comment lines).
 */
#include "writer.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include <jansson.h>

#include "error.h"
#include "timing.h"
#include "utf8.h"

void lx_writer_text(FILE *out, const char *s, size_t n, bool one_line)
{
    size_t run = 0; /* start of the bytes not written yet, written as they are */
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char) s[i];
        size_t len = 1;
        const char *instead = NULL;
        if (c >= 0x80 && lx_utf8_decode((const unsigned char *) s + i, n - i, &len) == LX_INVALID)
            instead = "\xEF\xBF\xBD";
        else if (one_line && (c < 0x20 || c == 0x7F))
            instead = " ";
        if (!instead) {
            i += len;
            continue;
        }
        out_n(out, s + run, i - run);
        out_s(out, instead);
        run = ++i;
    }
    out_n(out, s + run, n - run);
}

int lextag_write_text(const char *text, size_t len, FILE *out, lextag_error *err)
{
    if (!out || (!text && len))
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "no text or no stream");
    flockfile(out);
    lx_writer_text(out, text, len, false);
    funlockfile(out);
    if (ferror(out))
        return lx_error_set(err, LEXTAG_ERR_IO, NULL, 0, 0, "write error");
    return 0;
}

void lx_writer_json_string(FILE *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0, i = 0;
    out_c(out, '"');
    while (i < n) {
        unsigned char c = (unsigned char) s[i];
        const char *esc = NULL;
        char buf[8];
        size_t len = 1;
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\r')
            esc = "\\r";
        else if (c == '\t')
            esc = "\\t";
        else if (c < 0x20 || c == 0x7F) {
            memcpy(buf, "\\u00", 4);
            buf[4] = hex[c >> 4];
            buf[5] = hex[c & 15];
            buf[6] = '\0';
            esc = buf;
        } else if (c >= 0x80) {
            uint32_t cp = lx_utf8_decode((const unsigned char *) s + i, n - i, &len);
            if (cp == LX_INVALID)
                esc = "\\ufffd";
            else if (cp == 0x2028)
                esc = "\\u2028";
            else if (cp == 0x2029)
                esc = "\\u2029";
        }
        if (esc) {
            out_n(out, s + i - run, run);
            run = 0;
            out_s(out, esc);
            i += len;
            continue;
        }
        run += len;
        i += len;
    }
    out_n(out, s + n - run, run);
    out_c(out, '"');
}

void lx_writer_json_opt(FILE *out, const char *s)
{
    if (s)
        lx_writer_json_string(out, s, strlen(s));
    else
        out_s(out, "null");
}

static bool digits(const char **s)
{
    if (**s < '0' || **s > '9')
        return false;
    while (**s >= '0' && **s <= '9')
        ++*s;
    return true;
}

/* Is s one JSON number, true, false or string, and nothing else? */
static bool json_scalar(const char *s)
{
    if (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)
        return true;
    if (*s == '"') {
        json_t *v = json_loads(s, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
        bool str = json_is_string(v);
        json_decref(v);
        return str;
    }
    /* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
    if (*s == '-')
        s++;
    if (*s == '0')
        s++;
    else if (!digits(&s))
        return false;
    if (*s == '.') {
        s++;
        if (!digits(&s))
            return false;
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!digits(&s))
            return false;
    }
    return *s == '\0';
}

void lx_writer_json_id(FILE *out, const lextag_doc_ref *doc)
{
    if (doc->id && doc->id_json && json_scalar(doc->id))
        out_s(out, doc->id);
    else
        lx_writer_json_opt(out, doc->id);
}

void lx_obuf_json_string(lx_obuf *ob, const char *s, size_t n)
{
    /* most names are plain ASCII; anything else takes the escaper */
    if (n + 2 > LX_OBUF_SIZE || !lx_json_plain(s, n)) {
        lx_obuf_flush(ob);
        lx_writer_json_string(ob->out, s, n);
        return;
    }
    char *p = lx_obuf_room(ob, n + 2);
    p[0] = '"';
    memcpy(p + 1, s, n);
    p[n + 1] = '"';
    ob->n += n + 2;
}

void lx_obuf_json_opt(lx_obuf *ob, const char *s)
{
    if (s)
        lx_obuf_json_string(ob, s, strlen(s));
    else
        lx_obuf_put(ob, "null", 4);
}

#define CHUNK_ITEMS 8192

typedef struct chunk {
    lx_writer_range_fn fmt;
    void *ctx;
    size_t from, to;
    char *buf;
    size_t len;
    bool ok;
    bool cpu;   /* time the chunk on its thread's CPU clock */
    double secs;
} chunk;

static void *format_chunk(void *p)
{
    chunk *c = p;
    double t0 = c->cpu ? lx_timing_cpu() : 0;
    FILE *f = open_memstream(&c->buf, &c->len);
    if (!f)
        return NULL;
    c->fmt(f, c->from, c->to, c->ctx);
    c->ok = fclose(f) == 0;
    if (c->cpu)
        c->secs = lx_timing_cpu() - t0;
    return NULL;
}

/* A round's share of the timing: its wall time, or its chunks' CPU time
   (the caller's own chunk moves from the serial "format" to the parallel). */
static void time_round(lextag_timing *tm, double wall, const chunk *c, unsigned k)
{
    if (!tm->cpu) {
        tm->format_parallel += wall;
        tm->format -= wall;
        return;
    }
    for (unsigned i = 0; i < k; i++)
        tm->format_parallel += c[i].secs;
    tm->format -= c[0].secs;
}

void lx_writer_parallel(FILE *out, size_t n, unsigned threads, lx_writer_range_fn fmt,
                        void *ctx, lextag_timing *tm)
{
    chunk *c = threads > 1 && n >= 2 * CHUNK_ITEMS ? calloc(threads, sizeof(*c)) : NULL;
    pthread_t *th = c ? malloc(threads * sizeof(*th)) : NULL;
    if (!th) {
        free(c);
        fmt(out, 0, n, ctx);
        return;
    }
    for (size_t base = 0; base < n;) {
        unsigned k = 0, started = 0;
        for (; k < threads && base < n; k++, base = c[k - 1].to)
            c[k] = (chunk){fmt, ctx, base, base + (n - base < CHUNK_ITEMS ? n - base : CHUNK_ITEMS),
                           NULL, 0, false, tm && tm->cpu, 0};
        /* thread i formats chunk i; a thread that cannot be had leaves its
           chunk to be written directly below */
        double t0 = tm ? lx_timing_now() : 0;
        for (unsigned i = 1; i < k && started + 1 == i; i++)
            started += pthread_create(&th[i], NULL, format_chunk, &c[i]) == 0;
        format_chunk(&c[0]);
        for (unsigned i = 1; i <= started; i++)
            pthread_join(th[i], NULL);
        if (tm)
            time_round(tm, lx_timing_now() - t0, c, started + 1);
        for (unsigned i = 0; i < k; i++) {
            if (c[i].ok)
                out_n(out, c[i].buf, c[i].len);
            else
                fmt(out, c[i].from, c[i].to, ctx);
            free(c[i].buf);
        }
    }
    free(th);
    free(c);
}
