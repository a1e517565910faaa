/* SPDX-License-Identifier: MIT */
/*
 * CoNLL-style columns: "TOKEN<TAB>IOB2-TAG", a blank line between sentences
 * and "-DOCSTART-" before each document.  Tokens are lextag's own, so every
 * entity is made of whole tokens; should a span ever end inside a token, the
 * token is split there, so that the tags always cover each span exactly.
 */
#include "format.h"

#include <stdlib.h>

#include "result.h"
#include "tokenizer.h"
#include "writer.h"

/* Writes bytes a..b of a token with its tag, and remembers the entity. */
static void piece(FILE *out, const char *text, size_t a, size_t b, const lextag_entity *e,
                  const lextag_entity **open)
{
    out_n(out, text + a, b - a);
    if (!e) {
        out_s(out, "\tO\n");
        *open = NULL;
        return;
    }
    fprintf(out, "\t%s-%s\n", *open == e ? "I" : "B", e->type);
    *open = e;
}

static int document(FILE *out, const lextag_result *r, const lextag_doc_ref *doc,
                    const char *text, size_t len)
{
    lx_toklist tl = {0};
    if (lx_tokenize(&tl, text, len))
        return LEXTAG_ERR_NOMEM;
    const lextag_entity *open = NULL;
    size_t k = 0; /* first entity not yet passed */
    /* one blank line ends each sentence: none for a sentence without a
       token line (an empty text, a NUL or blank lines before the first word) */
    bool in_sentence = false;
    out_s(out, "-DOCSTART-\tO\n\n");
    for (size_t i = 0; i < tl.n; i++) {
        const lx_token *t = &tl.v[i];
        if (t->kind == LX_TOK_BARRIER)
            continue;
        if (in_sentence && (t->flags & LX_TF_SENT) && !open)
            out_c(out, '\n');
        in_sentence = true;
        size_t a = t->start;
        while (a < t->end) {
            while (k < r->n && r->ents[k].byte_end <= a)
                k++;
            const lextag_entity *e = k < r->n && r->ents[k].byte_start <= a ? &r->ents[k] : NULL;
            /* the piece ends at the token's end or at the next span boundary */
            size_t b = t->end;
            if (e && e->byte_end < b)
                b = e->byte_end;
            if (!e && k < r->n && r->ents[k].byte_start > a && r->ents[k].byte_start < b)
                b = r->ents[k].byte_start;
            piece(out, text, a, b, e, &open);
            a = b;
        }
        if (open && open->byte_end <= t->end)
            open = NULL;
    }
    if (in_sentence)
        out_c(out, '\n');
    lx_toklist_free(&tl);
    return 0;
}

const lx_format lx_format_conll = {.name = "conll", .document = document};
