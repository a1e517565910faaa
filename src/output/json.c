/* SPDX-License-Identifier: MIT */
/*
 * JSON Lines, the default format: one object per document.  Field order
 * follows DESIGN.md: type, text, the three offset pairs, id, source, then
 * the typed attributes (bill, range, kind, ids) and ref.  Also the error
 * record that stands for an input record that could not be processed.
 */
#include "format.h"

#include <string.h>

#include "result.h"
#include "writer.h"

#define NUM(buf, o, key, v) lx_writer_json_num(buf, o, key, sizeof(key) - 1, v)

/* "explain": the learned score (null when a rule decided), features, sources. */
static void explanation(FILE *out, const lextag_explain *x)
{
    if (!x)
        return;
    out_s(out, ", \"explain\": {\"score\": ");
    if (x->learned)
        fprintf(out, "%.3f", x->score);
    else
        out_s(out, "null");
    out_s(out, ", \"features\": [");
    for (size_t i = 0; i < x->n_features; i++) {
        out_s(out, i ? ", {\"name\": " : "{\"name\": ");
        lx_writer_json_opt(out, x->features[i].name);
        fprintf(out, ", \"weight\": %.3f}", x->features[i].weight);
    }
    out_s(out, "], \"sources\": [");
    for (size_t i = 0; i < x->n_sources; i++) {
        if (i)
            out_s(out, ", ");
        lx_writer_json_opt(out, x->sources[i]);
    }
    out_s(out, "]}");
}

/* A federal bill's members after "number". */
static void federal_bill(FILE *out, const lextag_bill *b)
{
    out_s(out, ", \"congress\": ");
    if (b->congress)
        fprintf(out, "%d", b->congress);
    else
        out_s(out, "null");
    out_s(out, ", \"congress_source\": ");
    lx_writer_json_opt(out, b->congress_source);
    out_s(out, ", \"jurisdiction\": ");
    lx_writer_json_opt(out, b->jurisdiction);
}

/* A state bill's members after "number". */
static void state_bill(FILE *out, const lextag_bill *b)
{
    out_s(out, ", \"jurisdiction\": ");
    lx_writer_json_opt(out, b->jurisdiction);
    out_s(out, ", \"jurisdiction_source\": ");
    lx_writer_json_opt(out, b->jurisdiction_source);
    out_s(out, ", \"year\": ");
    if (b->year)
        fprintf(out, "%d", b->year);
    else
        out_s(out, "null");
    out_s(out, ", \"year_source\": ");
    lx_writer_json_opt(out, b->year_source);
}

/* The typed attributes: "bill" and "range", "kind" and "ids", a LAW's "bill",
   and with explain the "explain" member. */
static void attributes(FILE *out, const lextag_entity *e)
{
    const lextag_bill *b = lextag_entity_bill(e);
    if (b) {
        out_s(out, ", \"bill\": {\"type\": ");
        lx_writer_json_opt(out, b->type);
        fprintf(out, ", \"number\": %ld", b->number);
        if (b->year_source)
            state_bill(out, b);
        else
            federal_bill(out, b);
        out_c(out, '}');
        if (b->range_end)
            fprintf(out, ", \"range\": [%ld, %ld]", b->number, b->range_end);
    }
    const lextag_citation *c = lextag_entity_citation(e);
    if (c) {
        out_s(out, ", \"kind\": ");
        lx_writer_json_opt(out, c->kind);
        if (c->ids) {
            out_s(out, ", \"ids\": [");
            for (size_t i = 0; i < c->n_ids; i++) {
                if (i)
                    out_s(out, ", ");
                lx_writer_json_opt(out, c->ids[i]);
            }
            out_c(out, ']');
        }
    }
    const char *linked = lextag_entity_linked_bill(e);
    if (linked) {
        out_s(out, ", \"bill\": ");
        lx_writer_json_opt(out, linked);
    }
    explanation(out, lextag_entity_explain(e));
}

/* Does the entity have members after "source"? */
static bool has_attributes(const lextag_entity *e)
{
    return lextag_entity_bill(e) || lextag_entity_citation(e) || lextag_entity_linked_bill(e) ||
           lextag_entity_explain(e);
}

#define PUT(ob, lit) lx_obuf_put(ob, lit, sizeof(lit) - 1)

/* Appends a string literal at p. */
#define LIT(p, lit) (memcpy(p, lit, sizeof(lit) - 1), (p) += sizeof(lit) - 1)

/* A number's digits: d[k..20) (lx_writer_digits). */
typedef struct digits {
    char d[LX_DIGITS_BUF];
    size_t k;
} digits;

/* Appends the digits at p. */
#define DIGITS(p, x) (memcpy(p, (x)->d + (x)->k, 20), (p) += 20 - (x)->k)

/*
 * lx_writer_digits() for an offset: below 10^8 (every text but a huge
 * one), its eight digits are written two at a time from two halves, with
 * no loop to run per pair, and the leading zeros are skipped.
 */
static size_t offset_digits(char *d, size_t v)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    if (v >= 100000000)
        return lx_writer_digits(d, v);
    uint32_t hi = (uint32_t) v / 10000, lo = (uint32_t) v % 10000;
    memcpy(d + 12, pairs + 2 * (hi / 100), 2);
    memcpy(d + 14, pairs + 2 * (hi % 100), 2);
    memcpy(d + 16, pairs + 2 * (lo / 100), 2);
    memcpy(d + 18, pairs + 2 * (lo % 100), 2);
    size_t k = 12;
    while (k < 19 && d[k] == '0')
        k++;
    return k;
}

/*
 * A pair of offsets in another unit: the digits of the pair it equals, or
 * its own, formatted into own.  Off the first code point that is not
 * ASCII, bytes part from code points, but code points and UTF-16 units
 * stay equal until a character beyond the BMP: most values need not be
 * formatted again.
 */
static void pair_digits(size_t s, size_t e, const digits *ps, const digits *pe, size_t s0,
                        size_t e0, digits own[2], const digits **rs, const digits **re)
{
    if (s == s0 && e == e0) {
        *rs = ps;
        *re = pe;
        return;
    }
    own[0].k = offset_digits(own[0].d, s);
    own[1].k = offset_digits(own[1].d, e);
    *rs = &own[0];
    *re = &own[1];
}

/* The six offsets, from `, "start": ` on; room for 6 * 40 bytes at p. */
static char *offsets(char *p, const lextag_entity *e)
{
    digits cp[2], by[2], u16[2];
    const digits *bs, *be, *us, *ue;
    cp[0].k = offset_digits(cp[0].d, e->start);
    cp[1].k = offset_digits(cp[1].d, e->end);
    pair_digits(e->byte_start, e->byte_end, &cp[0], &cp[1], e->start, e->end, by, &bs, &be);
    if (e->utf16_start == e->byte_start && e->utf16_end == e->byte_end) {
        us = bs;
        ue = be;
    } else {
        pair_digits(e->utf16_start, e->utf16_end, &cp[0], &cp[1], e->start, e->end, u16, &us,
                    &ue);
    }
    LIT(p, ", \"start\": ");
    DIGITS(p, &cp[0]);
    LIT(p, ", \"end\": ");
    DIGITS(p, &cp[1]);
    LIT(p, ", \"byte_start\": ");
    DIGITS(p, bs);
    LIT(p, ", \"byte_end\": ");
    DIGITS(p, be);
    LIT(p, ", \"utf16_start\": ");
    DIGITS(p, us);
    LIT(p, ", \"utf16_end\": ");
    DIGITS(p, ue);
    return p;
}

/* text: the entity's own bytes; any string, escaped where it needs to be */
static void entity_escaped(lx_obuf *ob, const lextag_entity *e, const char *text)
{
    PUT(ob, "{\"type\": ");
    lx_obuf_json_string(ob, e->type, strlen(e->type));
    PUT(ob, ", \"text\": ");
    lx_obuf_json_string(ob, text, e->byte_end - e->byte_start);
    /* the six offsets and the key after them */
    char *buf = lx_obuf_room(ob, 6 * 40 + 16), *p = offsets(buf, e);
    LIT(p, ", \"id\": ");
    ob->n += (size_t) (p - buf);
    lx_obuf_json_opt(ob, e->id);
    PUT(ob, ", \"source\": ");
    lx_obuf_json_opt(ob, e->source);
    if (e->attrs && has_attributes(e)) {
        lx_obuf_flush(ob);
        attributes(ob->out, e);
    }
    if (e->ref >= 0) {
        size_t o = 0;
        buf = lx_obuf_room(ob, 40);
        NUM(buf, &o, ", \"ref\": ", (size_t) e->ref);
        ob->n += o;
    }
    PUT(ob, "}");
}

/*
 * A string's length and whether it is written as it is, remembered by
 * address: the entities of a list share a few type and source strings (the
 * model's), and each would otherwise be measured and scanned again.
 */
typedef struct known {
    const char *s;
    size_t n;
    bool plain;
} known;

typedef struct known_strings {
    known type, id, source;
} known_strings;

static const known *recall(known *k, const char *s)
{
    if (s != k->s) {
        k->s = s;
        k->n = strlen(s);
        k->plain = lx_json_plain(s, k->n);
    }
    return k;
}

/* Appends s as a JSON string that needs no escaping, or null. */
static char *plain_opt(char *p, const known *k)
{
    if (!k) {
        LIT(p, "null");
        return p;
    }
    *p++ = '"';
    lx_copy_short(p, k->s, k->n);
    p += k->n;
    *p++ = '"';
    return p;
}

/*
 * text: the entity's own bytes.  An entity whose strings all need no
 * escaping (nearly every one) is written in one piece of the buffer, its
 * members copied in moves of a fixed size; any other takes
 * entity_escaped().
 */
static void entity(lx_obuf *ob, const lextag_entity *e, const char *text, known_strings *ks)
{
    size_t tn = e->byte_end - e->byte_start;
    const known *ty = recall(&ks->type, e->type);
    const known *id = e->id ? recall(&ks->id, e->id) : NULL;
    const known *so = e->source ? recall(&ks->source, e->source) : NULL;
    /* the strings, and room for the keys, the offsets, "ref" and the
       moves' overrun */
    size_t need = ty->n + tn + (id ? id->n : 0) + (so ? so->n : 0) + 512;
    if (need > LX_OBUF_SIZE || !ty->plain || (id && !id->plain) || (so && !so->plain) ||
        !lx_json_plain(text, tn)) {
        entity_escaped(ob, e, text);
        return;
    }
    char *b = lx_obuf_room(ob, need), *p = b;
    LIT(p, "{\"type\": \"");
    lx_copy_short(p, ty->s, ty->n);
    p += ty->n;
    LIT(p, "\", \"text\": \"");
    lx_copy_short(p, text, tn);
    p += tn;
    *p++ = '"';
    p = offsets(p, e);
    LIT(p, ", \"id\": ");
    p = plain_opt(p, id);
    LIT(p, ", \"source\": ");
    p = plain_opt(p, so);
    if (e->attrs && has_attributes(e)) {
        ob->n += (size_t) (p - b);
        lx_obuf_flush(ob);
        attributes(ob->out, e);
        b = p = lx_obuf_room(ob, 64);
    }
    if (e->ref >= 0) {
        size_t o = 0;
        NUM(p, &o, ", \"ref\": ", (size_t) e->ref);
        p += o;
    }
    *p++ = '}';
    ob->n += (size_t) (p - b);
}

/*
 * Entities v[from..to) of a list whose first entity is number `first` of
 * the document (a stream's window goes on from the windows before it); an
 * entity's bytes are at text + (byte_start - text_start).
 */
typedef struct list {
    const lextag_entity *v;
    size_t first;
    const char *text;
    size_t text_start;
} list;

static void entity_range(FILE *out, size_t from, size_t to, void *ctx)
{
    const list *l = ctx;
    lx_obuf ob;
    known_strings ks = {{NULL, 0, false}, {NULL, 0, false}, {NULL, 0, false}};
    ob.out = out;
    ob.n = 0;
    for (size_t i = from; i < to; i++) {
        if (l->first + i)
            PUT(&ob, ", ");
        entity(&ob, &l->v[i], l->text + (l->v[i].byte_start - l->text_start), &ks);
    }
    lx_obuf_flush(&ob);
}

/* A long list is formatted on the threads the tagger was given. */
static void entity_list(FILE *out, const lextag_entity *v, size_t n, const char *text,
                        const lextag_result *r)
{
    list l = {v, 0, text, 0};
    out_c(out, '[');
    lx_writer_parallel(out, n, r->threads, entity_range, &l, r->timing);
    out_c(out, ']');
}

/* The document's members before its entities. */
static void head(FILE *out, const lextag_doc_ref *doc)
{
    out_s(out, "{\"id\": ");
    lx_writer_json_id(out, doc);
    if (doc->date) {
        out_s(out, ", \"date\": ");
        lx_writer_json_string(out, doc->date, strlen(doc->date));
    }
    out_s(out, ", \"entities\": ");
}

/* The rules cut off and the end of the document. */
static void limits(FILE *out, const char *const *rules, size_t n)
{
    if (n) {
        fprintf(out, ", \"rule_limit_hits\": %zu, \"rules_cut_off\": [", n);
        for (size_t i = 0; i < n; i++) {
            if (i)
                out_s(out, ", ");
            lx_writer_json_opt(out, rules[i]);
        }
        out_c(out, ']');
    }
    out_s(out, "}\n");
}

static int document(FILE *out, const lextag_result *r, const lextag_doc_ref *doc,
                    const char *text, size_t len)
{
    head(out, doc);
    entity_list(out, r->ents, r->n, text, r);
    if (r->lost) {
        out_s(out, ", \"candidates_lost\": ");
        entity_list(out, r->lost, r->n_lost, text, r);
    }
    limits(out, r->limit_rules, r->n_limit);
    return 0;
}

/* Streamed: the list opens after the head and closes before the tail. */
static void stream_head(FILE *out, const lextag_doc_ref *doc)
{
    head(out, doc);
    out_c(out, '[');
}

static void stream_entity(FILE *out, const lextag_entity *e, size_t i, const char *text,
                          size_t *notes)
{
    lx_obuf ob;
    known_strings ks = {{NULL, 0, false}, {NULL, 0, false}, {NULL, 0, false}};
    ob.out = out;
    ob.n = 0;
    (void) notes;
    if (i)
        PUT(&ob, ", ");
    entity(&ob, e, text, &ks);
    lx_obuf_flush(&ob);
}

/* A window of a stream, formatted as a whole document's list is. */
static void stream_window(FILE *out, const lextag_entity *v, size_t n, size_t first,
                          const char *text, size_t text_start, unsigned threads,
                          lextag_timing *tm)
{
    list l = {v, first, text, text_start};
    lx_writer_parallel(out, n, threads, entity_range, &l, tm);
}

static void stream_tail(FILE *out, const char *const *rules, size_t n)
{
    out_c(out, ']');
    limits(out, rules, n);
}

/* {"id": ..., "error": ...}: also doccano's, whose records are JSON Lines too. */
void lx_json_error_record(FILE *out, const lextag_doc_ref *doc, const char *message)
{
    out_s(out, "{\"id\": ");
    lx_writer_json_id(out, doc);
    out_s(out, ", \"error\": ");
    lx_writer_json_opt(out, message);
    out_s(out, "}\n");
}

const lx_format lx_format_json = {.name = "json",
                                  .document = document,
                                  .error = lx_json_error_record,
                                  .head = stream_head,
                                  .entity = stream_entity,
                                  .tail = stream_tail,
                                  .window = stream_window};

int lextag_write_error_record(const char *doc_id, const char *message, FILE *out,
                              lextag_error *err)
{
    lextag_doc_ref doc = {.id = doc_id};
    return lextag_write_error_ref(&doc, message, out, err);
}

int lextag_write_error_ref(const lextag_doc_ref *doc, const char *message, FILE *out,
                           lextag_error *err)
{
    return lextag_write_error_doc(LEXTAG_FORMAT_JSON, doc, message, out, err);
}
