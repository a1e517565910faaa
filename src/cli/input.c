/* SPDX-License-Identifier: MIT */
/*
 * Reading documents.  Regular files are mapped read-only; pipes and other
 * streams are read into a growing buffer.  JSONL lines are parsed by the
 * fast reader (jsonl.c), or by jansson when it declines them; a line that is
 * not a JSON object with a string "text" becomes an error record instead of
 * being dropped.
 */
#include "input.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jsonl.h"

static int read_stream(int fd, const char *path, doc_text *d)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            fprintf(stderr, "lextag: %s: out of memory\n", path);
            return -1;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            fprintf(stderr, "lextag: %s: read error: %s\n", path, strerror(errno));
            free(buf);
            return -1;
        }
        if (got == 0)
            break;
        n += (size_t) got;
        if (n == cap) {
            char *p = realloc(buf, cap * 2);
            if (!p)
                free(buf);
            buf = p;
            cap *= 2;
        }
    }
    d->data = d->owned = buf;
    d->len = n;
    return 0;
}

int input_read_file(const char *path, doc_text *d)
{
    memset(d, 0, sizeof(*d));
    bool std_in = strcmp(path, "-") == 0;
    /* standard input redirected from a file is mapped like a named file */
    int fd = std_in ? dup(0) : open(path, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "lextag: %s: cannot open: %s\n", path, strerror(errno));
        return -1;
    }
    struct stat st;
    int rc = -1;
    if (fstat(fd, &st) != 0) {
        fprintf(stderr, "lextag: %s: %s\n", path, strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
        fprintf(stderr, "lextag: %s: is a folder\n", path);
    } else if (S_ISREG(st.st_mode) && std_in && lseek(fd, 0, SEEK_CUR) != 0) {
        rc = read_stream(fd, path, d); /* a partly read file: take the rest */
    } else if (S_ISREG(st.st_mode) && st.st_size == 0) {
        /* empty, or a file that tells no size (/proc/version): read to the end */
        rc = read_stream(fd, path, d);
    } else if (S_ISREG(st.st_mode)) {
        void *p = mmap(NULL, (size_t) st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            rc = read_stream(fd, path, d);
        } else {
            madvise(p, (size_t) st.st_size, MADV_SEQUENTIAL);
            d->data = p;
            d->len = d->map_len = (size_t) st.st_size;
            d->map = p;
            rc = 0;
        }
    } else {
        rc = read_stream(fd, path, d);
    }
    close(fd);
    return rc;
}

void input_release(doc_text *d)
{
    if (d->map)
        munmap(d->map, d->map_len);
    free(d->owned);
    memset(d, 0, sizeof(*d));
}

bool input_blank_line(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '\n')
            return false;
    return true;
}

size_t input_bom(const char *s, size_t len)
{
    return len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

/*
 * The record line[0..len) whose id is an integer wider than jansson's (64
 * bits), with that id read as the string of its digits; NULL when the too
 * big integer jansson stopped at (its end at byte end) is no id's.
 * Tagging writes such an id back as it came, so a gold or a tagged file
 * may hold one; its digits key it as a narrower number's do.
 */
static json_t *wide_id_record(const char *line, size_t len, size_t end)
{
    size_t at = end, k;
    while (at > 0 && ((line[at - 1] >= '0' && line[at - 1] <= '9') || line[at - 1] == '-'))
        at--;
    for (k = at; k > 0 && (line[k - 1] == ' ' || line[k - 1] == '\t'); k--)
        ;
    if (k == 0 || line[k - 1] != ':')
        return NULL;
    for (k--; k > 0 && (line[k - 1] == ' ' || line[k - 1] == '\t'); k--)
        ;
    if (k < 4 || memcmp(line + k - 4, "\"id\"", 4) != 0)
        return NULL;
    char *wide = malloc(len + 2);
    if (!wide)
        return NULL;
    memcpy(wide, line, at);
    wide[at] = '"';
    memcpy(wide + at + 1, line + at, end - at);
    wide[end + 1] = '"';
    memcpy(wide + end + 2, line + end, len - end);
    json_t *obj = json_loadb(wide, len + 2, 0, NULL);
    free(wide);
    return obj;
}

int input_next_json(json_lines *jl, json_t **obj, json_error_t *jerr)
{
    ssize_t got;
    *obj = NULL;
    while ((got = getline(&jl->line, &jl->cap, jl->f)) >= 0) {
        jl->lineno++;
        size_t bom = jl->lineno == 1 ? input_bom(jl->line, (size_t) got) : 0;
        const char *line = jl->line + bom;
        size_t len = (size_t) got - bom;
        if (input_blank_line(line, len))
            continue;
        *obj = json_loadb(line, len, 0, jerr);
        if (!*obj && json_error_code(jerr) == json_error_numeric_overflow &&
            (size_t) jerr->position <= len)
            *obj = wide_id_record(line, len, (size_t) jerr->position);
        return *obj ? 1 : -1;
    }
    return ferror(jl->f) ? -2 : 0;
}

void input_line_id(char *buf, size_t cap, size_t lineno)
{
    snprintf(buf, cap, "line %zu", lineno);
}

static char *id_text(json_t *id, size_t lineno, bool *json)
{
    char buf[64];
    *json = json_is_number(id) || json_is_boolean(id);
    /* a string holding "\u0000" goes on as its JSON text, which the JSON
       formats write back as it came */
    if (json_is_string(id) && !memchr(json_string_value(id), '\0', json_string_length(id)))
        return strndup(json_string_value(id), json_string_length(id));
    *json |= json_is_string(id);
    if (id && !json_is_null(id)) {
        char *s = json_dumps(id, JSON_ENCODE_ANY | JSON_COMPACT);
        if (s) {
            char *r = strdup(s);
            free(s);
            return r;
        }
    }
    input_line_id(buf, sizeof(buf), lineno);
    return strdup(buf);
}

/* The record read by the fast reader (which keeps a number's text), in copies. */
static int parse_fast(const char *line, size_t len, size_t lineno, jsonl_record *rec)
{
    char *copy = malloc(len + 1);
    jsonl_view v;
    if (!copy)
        return -1;
    memcpy(copy, line, len);
    copy[len] = '\0';
    if (jsonl_parse_fast(copy, len, &v) != 0) {
        free(copy);
        return 1;
    }
    char name[40];
    input_line_id(name, sizeof(name), lineno);
    rec->id = strdup(v.id ? v.id : name);
    rec->id_json = v.id_json;
    /* the text goes on to its own buffer: it may hold NULs */
    if ((rec->text = malloc(v.len + 1))) {
        memcpy(rec->text, v.text, v.len);
        rec->text[v.len] = '\0';
    }
    rec->len = v.len;
    rec->date = v.date ? strdup(v.date) : NULL;
    free(copy);
    return rec->id && rec->text && (!v.date || rec->date) ? 0 : -1;
}

int input_parse_jsonl(const char *line, size_t len, size_t lineno, jsonl_record *rec)
{
    memset(rec, 0, sizeof(*rec));
    int fast = parse_fast(line, len, lineno, rec);
    return fast <= 0 ? fast : input_parse_jsonl_slow(line, len, lineno, rec);
}

int input_parse_jsonl_slow(const char *line, size_t len, size_t lineno, jsonl_record *rec)
{
    json_error_t jerr;
    memset(rec, 0, sizeof(*rec));
    json_t *root = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
    const char *why = NULL;
    char msg[256];
    json_t *text = NULL, *date = NULL;
    if (!root) {
        snprintf(msg, sizeof(msg), "not JSON: %s (column %d)", jerr.text, jerr.column);
        why = msg;
    } else if (!json_is_object(root)) {
        why = "not a JSON object";
    } else {
        text = json_object_get(root, "text");
        date = json_object_get(root, "date");
        if (!text)
            why = "no \"text\" field";
        else if (!json_is_string(text))
            why = "\"text\" is not a string";
    }
    rec->id = id_text(root && json_is_object(root) ? json_object_get(root, "id") : NULL,
                      lineno, &rec->id_json);
    if (why) {
        rec->error = strdup(why);
    } else {
        rec->len = json_string_length(text);
        /* a copy of every byte: the text may hold NULs (JSON_ALLOW_NUL) */
        if ((rec->text = malloc(rec->len + 1))) {
            memcpy(rec->text, json_string_value(text), rec->len);
            rec->text[rec->len] = '\0';
        }
        if (json_is_string(date))
            rec->date = strndup(json_string_value(date), json_string_length(date));
    }
    json_decref(root);
    if (!rec->id || (why && !rec->error) || (!why && !rec->text))
        return -1;
    return 0;
}

void input_record_free(jsonl_record *rec)
{
    free(rec->id);
    free(rec->text);
    free(rec->date);
    free(rec->error);
    memset(rec, 0, sizeof(*rec));
}
