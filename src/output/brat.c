/* SPDX-License-Identifier: MIT */
/*
 * brat standoff annotations: "T1<TAB>TYPE START END<TAB>TEXT" in code points,
 * and "#1<TAB>AnnotatorNotes T1<TAB>ID" for entities with an id.  brat
 * cannot show a line break inside an annotation's text, nor a tab (the line's
 * separator), so an entity broken across lines or by a tab becomes a
 * discontinuous span ("0 5;6 11") whose text joins the pieces with a space,
 * as brat itself writes them.  Written to a stream, each
 * document's lines follow a "# NAME" comment line.
 */
#include "format.h"

#include "result.h"
#include "writer.h"

/* Writes the fragments of e (split at line breaks and tabs, which its text
   line cannot hold either) as "s e;s e"; text is the entity's own bytes. */
static void fragments(FILE *out, const lextag_entity *e, const char *text)
{
    size_t cp = e->start, b = 0, n = e->byte_end - e->byte_start, frag = cp;
    bool first = true, in_break = false;
    while (b < n) {
        unsigned char c = (unsigned char) text[b];
        bool brk = c == '\n' || c == '\r' || c == '\t';
        if (brk && !in_break) {
            fprintf(out, "%s%zu %zu", first ? "" : ";", frag, cp);
            first = false;
        } else if (!brk && in_break) {
            frag = cp;
        }
        in_break = brk;
        /* count one code point per lead byte (entities hold no invalid bytes) */
        b++;
        while (b < n && ((unsigned char) text[b] & 0xC0) == 0x80)
            b++;
        cp++;
    }
    fprintf(out, "%s%zu %zu", first ? "" : ";", frag, e->end);
}

/* The "# NAME" line: one line of UTF-8 whatever the name holds (a file's
   name or a JSONL id may have line breaks, tabs or bytes that are not
   UTF-8): a control character is written as a space, a bad byte as U+FFFD. */
static void head(FILE *out, const lextag_doc_ref *doc)
{
    if (!doc->id)
        return;
    out_s(out, "# ");
    lx_writer_text(out, doc->id, strlen(doc->id), true);
    out_c(out, '\n');
}

/* Entity i, whose own bytes are text; *notes counts the notes written. */
static void entity(FILE *out, const lextag_entity *e, size_t i, const char *text,
                   size_t *notes)
{
    fprintf(out, "T%zu\t%s ", i + 1, e->type);
    fragments(out, e, text);
    out_c(out, '\t');
    bool space = false;
    for (size_t b = 0; b < e->byte_end - e->byte_start; b++) {
        char c = text[b];
        if (c == '\n' || c == '\r' || c == '\t') {
            space = true;
            continue;
        }
        if (space)
            out_c(out, ' ');
        space = false;
        out_c(out, c);
    }
    out_c(out, '\n');
    if (e->id)
        fprintf(out, "#%zu\tAnnotatorNotes T%zu\t%s\n", ++*notes, i + 1, e->id);
}

static int document(FILE *out, const lextag_result *r, const lextag_doc_ref *doc,
                    const char *text, size_t len)
{
    size_t notes = 0;
    (void) len;
    head(out, doc);
    for (size_t i = 0; i < r->n; i++)
        entity(out, &r->ents[i], i, text + r->ents[i].byte_start, &notes);
    return 0;
}

const lx_format lx_format_brat = {
    .name = "brat", .document = document, .head = head, .entity = entity};
