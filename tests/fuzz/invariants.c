/* SPDX-License-Identifier: MIT */
/*
 * Result invariants for the fuzz targets (see invariants.h).  One forward
 * walk over the text fills, for each byte offset, the code point and UTF-16
 * counts at that offset (or "not a boundary"); every reported offset is then
 * checked against that table in constant time.
 */
#include "invariants.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOT_BOUNDARY SIZE_MAX

static lextag_model *model;
static lextag_tagger *tagger;

static void free_tagger(void)
{
    lextag_tagger_free(tagger);
    lextag_model_free(model);
}

lextag_tagger *fuzz_tagger(void)
{
    if (!tagger) {
        model = lextag_model_default(NULL);
        tagger = model ? lextag_tagger_new(model, NULL) : NULL;
        FUZZ_CHECK(model && tagger);
        atexit(free_tagger);
    }
    return tagger;
}

void fuzz_fail(const char *file, int line, const char *what)
{
    fprintf(stderr, "%s:%d: invariant violated: %s\n", file, line, what);
    abort();
}

/* Length of the well-formed UTF-8 sequence at s[0..n), or 0 if there is none. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t need;
    uint32_t cp, min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 2, cp = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        need = 3, cp = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        need = 4, cp = c & 0x07, min = 0x10000;
    else
        return 0;
    if (n < need)
        return 0;
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return need;
}

struct fuzz_offsets {
    size_t *cp, *u16;       /* per byte offset 0..len; NOT_BOUNDARY inside a char */
    unsigned char *invalid; /* per byte: 1 when the byte is not part of valid UTF-8 */
};

static void offsets_build(fuzz_offsets *m, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *) text;
    m->cp = malloc((len + 1) * sizeof(size_t));
    m->u16 = malloc((len + 1) * sizeof(size_t));
    m->invalid = calloc(len + 1, 1);
    FUZZ_CHECK(m->cp && m->u16 && m->invalid);
    size_t cp = 0, u16 = 0;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_seq(s + i, len - i);
        m->cp[i] = cp;
        m->u16[i] = u16;
        if (n == 0) {
            m->invalid[i] = 1;
            n = 1;
            u16++;
        } else {
            for (size_t k = 1; k < n; k++)
                m->cp[i + k] = m->u16[i + k] = NOT_BOUNDARY;
            u16 += n == 4 ? 2 : 1;
        }
        cp++;
        i += n;
    }
    m->cp[len] = cp;
    m->u16[len] = u16;
}

static void offsets_release(fuzz_offsets *m)
{
    free(m->cp);
    free(m->u16);
    free(m->invalid);
}

fuzz_offsets *fuzz_offsets_new(const char *text, size_t len)
{
    fuzz_offsets *m = malloc(sizeof(*m));
    FUZZ_CHECK(m != NULL);
    offsets_build(m, text, len);
    return m;
}

void fuzz_offsets_free(fuzz_offsets *o)
{
    if (o)
        offsets_release(o);
    free(o);
}

void fuzz_check_entity(const fuzz_offsets *m, const lextag_entity *e, const char *text, size_t len)
{
    (void) text;
    FUZZ_CHECK(e->type && e->type[0]);
    FUZZ_CHECK(e->source && e->source[0]);
    FUZZ_CHECK(e->byte_start < e->byte_end);
    FUZZ_CHECK(e->byte_end <= len);
    FUZZ_CHECK(m->cp[e->byte_start] != NOT_BOUNDARY);
    FUZZ_CHECK(m->cp[e->byte_end] != NOT_BOUNDARY);
    FUZZ_CHECK(e->start == m->cp[e->byte_start]);
    FUZZ_CHECK(e->end == m->cp[e->byte_end]);
    FUZZ_CHECK(e->utf16_start == m->u16[e->byte_start]);
    FUZZ_CHECK(e->utf16_end == m->u16[e->byte_end]);
    FUZZ_CHECK(e->start < e->end && e->utf16_start < e->utf16_end);
    for (size_t i = e->byte_start; i < e->byte_end; i++)
        FUZZ_CHECK(!m->invalid[i]);
}

static void check_list(const fuzz_offsets *m, const lextag_result *r, bool lost,
                       const char *text, size_t len)
{
    size_t n = lost ? lextag_result_lost_count(r) : lextag_result_count(r);
    const lextag_entity *prev = NULL;
    for (size_t i = 0; i < n; i++) {
        const lextag_entity *e = lost ? lextag_result_lost(r, i) : lextag_result_entity(r, i);
        FUZZ_CHECK(e != NULL);
        fuzz_check_entity(m, e, text, len);
        if (prev) {
            FUZZ_CHECK(prev->byte_start <= e->byte_start);
            /* the resolver settles overlaps: accepted spans never overlap */
            FUZZ_CHECK(lost || prev->byte_end <= e->byte_start);
        }
        FUZZ_CHECK(e->ref < (long) n);
        prev = e;
    }
    FUZZ_CHECK((lost ? lextag_result_lost(r, n) : lextag_result_entity(r, n)) == NULL);
}

/* Parses the JSON line written for r and compares it with the entities. */
static void check_json(const lextag_result *r, const char *text, size_t len)
{
    char *buf = NULL;
    size_t blen = 0;
    FILE *f = open_memstream(&buf, &blen);
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(lextag_result_write(r, LEXTAG_FORMAT_JSON, "doc", NULL, text, len, f,
                                   NULL) == 0);
    FUZZ_CHECK(fclose(f) == 0);
    /* exactly one line: the record, then a newline */
    FUZZ_CHECK(blen > 0 && buf[blen - 1] == '\n');
    FUZZ_CHECK(memchr(buf, '\n', blen - 1) == NULL);
    json_error_t jerr;
    json_t *root = json_loadb(buf, blen, JSON_ALLOW_NUL, &jerr);
    if (!root)
        fprintf(stderr, "bad JSON (%s): %.*s\n", jerr.text, (int) blen, buf);
    FUZZ_CHECK(root != NULL);
    json_t *ents = json_object_get(root, "entities");
    FUZZ_CHECK(json_is_array(ents));
    FUZZ_CHECK(json_array_size(ents) == lextag_result_count(r));
    for (size_t i = 0; i < json_array_size(ents); i++) {
        const lextag_entity *e = lextag_result_entity(r, i);
        json_t *t = json_object_get(json_array_get(ents, i), "text");
        FUZZ_CHECK(json_is_string(t));
        FUZZ_CHECK(json_string_length(t) == e->byte_end - e->byte_start);
        FUZZ_CHECK(memcmp(json_string_value(t), text + e->byte_start,
                          e->byte_end - e->byte_start) == 0);
        json_t *bs = json_object_get(json_array_get(ents, i), "byte_start");
        FUZZ_CHECK(json_is_integer(bs) && (size_t) json_integer_value(bs) == e->byte_start);
    }
    size_t hits = lextag_result_limit_hits(r);
    json_t *h = json_object_get(root, "rule_limit_hits");
    FUZZ_CHECK(hits ? json_is_integer(h) && (size_t) json_integer_value(h) == hits : !h);
    json_decref(root);
    free(buf);
}

void fuzz_check_result(const lextag_result *r, const char *text, size_t len)
{
    fuzz_offsets m;
    FUZZ_CHECK(r != NULL);
    offsets_build(&m, text, len);
    check_list(&m, r, false, text, len);
    check_list(&m, r, true, text, len);
    for (size_t i = 0; i < lextag_result_limit_hits(r); i++)
        FUZZ_CHECK(lextag_result_limit_rule(r, i) != NULL);
    offsets_release(&m);
    check_json(r, text, len);
}

void fuzz_check_error(int code, const lextag_error *err)
{
    char buf[1200];
    FUZZ_CHECK(code != 0);
    FUZZ_CHECK(err->code == code);
    FUZZ_CHECK(err->message[0] != '\0');
    FUZZ_CHECK(memchr(err->message, '\0', sizeof(err->message)) != NULL);
    FUZZ_CHECK(memchr(err->context, '\0', sizeof(err->context)) != NULL);
    if (code == LEXTAG_ERR_PARSE)
        FUZZ_CHECK(err->line > 0 && err->column > 0);
    lextag_error_format(err, buf, sizeof(buf));
    FUZZ_CHECK(strstr(buf, "error: ") != NULL);
}
