/* SPDX-License-Identifier: MIT */
/*
 * A standalone HTML page (no scripts, fonts or other files): each document
 * in a section, each entity a <mark> coloured by type with its type, id and
 * source in the tooltip.  Each section opens with a legend of the types
 * present in it (custom types too), so the legend never lists a type the
 * page does not show, and each document is written on its own, in any
 * thread.  All text is escaped; an invalid UTF-8 byte or a control character (other
 * than a tab or line break) is shown as U+FFFD.
 */
#include "format.h"

#include "result.h"
#include "utf8.h"
#include "writer.h"

static const struct {
    const char *type, *colour;
} colours[] = {
    {"PERSON", "#ffd6a5"}, {"ORG", "#a0c4ff"}, {"BILL", "#caffbf"},
    {"LAW", "#fdffb6"},    {"CITATION", "#bdb2ff"},
};

static const char *colour_of(const char *type)
{
    static const char *const spare[] = {"#ffadad", "#9bf6ff", "#ffc6ff", "#e9edc9"};
    for (size_t i = 0; i < sizeof(colours) / sizeof(colours[0]); i++)
        if (strcmp(colours[i].type, type) == 0)
            return colours[i].colour;
    size_t h = 0;
    for (const char *p = type; *p; p++)
        h = h * 31 + (unsigned char) *p;
    return spare[h % 4];
}

static void escaped(FILE *out, const char *s, size_t n)
{
    size_t len;
    for (size_t i = 0; i < n; i += len) {
        unsigned char c = (unsigned char) s[i];
        len = 1;
        if (c == '<')
            out_s(out, "&lt;");
        else if (c == '>')
            out_s(out, "&gt;");
        else if (c == '&')
            out_s(out, "&amp;");
        else if (c == '"')
            out_s(out, "&quot;");
        else if (c == '\'')
            out_s(out, "&#39;");
        else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
            out_s(out, "&#xfffd;"); /* a control character is no HTML text */
        else if (c < 0x80)
            out_c(out, c);
        else if (lx_utf8_decode((const unsigned char *) s + i, n - i, &len) == LX_INVALID)
            out_s(out, "&#xfffd;");
        else
            out_n(out, s + i, len);
    }
}

static void begin(FILE *out)
{
    out_s(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
               "<title>lextag</title>\n<style>\n"
               "body{font:16px/1.6 Georgia,serif;max-width:56em;margin:2em auto;padding:0 1em;"
               "color:#222}\n"
               "section{border-bottom:1px solid #eee;padding:1em 0}\n"
               "h2{font:600 14px sans-serif;color:#555;margin:0 0 .5em}\n"
               ".text{white-space:pre-wrap}\n"
               "mark{border-radius:3px;padding:0 2px}\n"
               "mark::after{content:attr(data-type);font:600 9px sans-serif;margin-left:3px;"
               "vertical-align:super;color:#444}\n"
               ".legend{margin:0 0 .5em}\n"
               ".legend span{font:12px sans-serif;border-radius:3px;padding:2px 6px;"
               "margin-right:6px}\n"
               "</style></head><body>\n");
}

/* The legend of a section: each type present, in order of first appearance. */
static void legend(FILE *out, const lextag_result *r)
{
    const char *seen[64];
    size_t n_seen = 0;
    if (!r->n)
        return;
    out_s(out, "<div class=\"legend\">");
    for (size_t i = 0; i < r->n; i++) {
        const char *type = r->ents[i].type;
        size_t k = 0;
        while (k < n_seen && strcmp(seen[k], type) != 0)
            k++;
        if (k < n_seen)
            continue;
        if (n_seen < sizeof(seen) / sizeof(seen[0])) {
            seen[n_seen++] = type;
        } else { /* more types than seen[] holds: look back over the entities */
            size_t j = 0;
            while (j < i && strcmp(r->ents[j].type, type) != 0)
                j++;
            if (j < i)
                continue;
        }
        out_s(out, "<span data-type=\"");
        escaped(out, type, strlen(type));
        fprintf(out, "\" style=\"background:%s\">", colour_of(type));
        escaped(out, type, strlen(type));
        out_s(out, "</span>");
    }
    out_s(out, "</div>");
}

static int document(FILE *out, const lextag_result *r, const lextag_doc_ref *doc,
                    const char *text, size_t len)
{
    size_t at = 0;
    out_s(out, "<section><h2>");
    if (doc->id)
        escaped(out, doc->id, strlen(doc->id));
    else
        out_s(out, "(no id)"); /* an id of null, as the JSON formats write it */
    fprintf(out, " &middot; %zu entities</h2>", r->n);
    legend(out, r);
    out_s(out, "<div class=\"text\">");
    for (size_t i = 0; i < r->n; i++) {
        const lextag_entity *e = &r->ents[i];
        escaped(out, text + at, e->byte_start - at);
        out_s(out, "<mark data-type=\"");
        escaped(out, e->type, strlen(e->type));
        fprintf(out, "\" style=\"background:%s\" title=\"", colour_of(e->type));
        escaped(out, e->type, strlen(e->type));
        if (e->id) {
            out_s(out, " ");
            escaped(out, e->id, strlen(e->id));
        }
        out_s(out, " (");
        escaped(out, e->source, strlen(e->source));
        out_s(out, ")\">");
        escaped(out, text + e->byte_start, e->byte_end - e->byte_start);
        out_s(out, "</mark>");
        at = e->byte_end;
    }
    escaped(out, text + at, len - at);
    out_s(out, "</div></section>\n");
    return 0;
}

static void end(FILE *out)
{
    out_s(out, "</body></html>\n");
}

const lx_format lx_format_html = {
    .name = "html", .begin = begin, .document = document, .end = end};
