/* SPDX-License-Identifier: MIT */
/*
 * Input documents: whole files (memory-mapped, so a 1 GB file is not copied),
 * standard input, and JSONL records read line by line (any line length).
 */
#ifndef LEXTAG_CLI_INPUT_H
#define LEXTAG_CLI_INPUT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct doc_text {
    const char *data;
    size_t len;
    void *map;      /* mmap to unmap, or NULL */
    size_t map_len;
    char *owned;    /* heap copy to free, or NULL */
} doc_text;

/*
 * Reads a whole file ("-" = standard input).  On failure prints
 * "lextag: PATH: reason" on stderr and returns -1.
 */
int input_read_file(const char *path, doc_text *d);

/* Releases what input_read_file made. */
void input_release(doc_text *d);

/* One JSONL record after parsing. */
typedef struct jsonl_record {
    char *id;      /* id as text (strings as they are, other values as JSON) */
    bool id_json;  /* id is a number, true or false: JSON text */
    char *text;    /* NULL when the record is an error */
    size_t len;
    char *date;    /* or NULL */
    char *error;   /* why the record cannot be processed, or NULL */
} jsonl_record;

/*
 * Parses one line (without its newline) into rec: with the fast reader
 * (jsonl.h), or with jansson when it declines the line.  lineno names a
 * record without an id.  Returns 0, or -1 when out of memory.
 */
int input_parse_jsonl(const char *line, size_t len, size_t lineno, jsonl_record *rec);

/* input_parse_jsonl() with jansson alone: for a line the fast reader declined. */
int input_parse_jsonl_slow(const char *line, size_t len, size_t lineno, jsonl_record *rec);

/* Is line[0..len) blank (spaces, tabs, CR and LF only)?  A blank JSONL line
   is no record: skipped by every reader (tagging, eval, train). */
bool input_blank_line(const char *line, size_t len);

/* Length of a UTF-8 byte order mark opening s[0..len): 3 or 0.  A JSONL
   file's first line may carry one, as any text file may. */
size_t input_bom(const char *s, size_t len);

/* An annotated JSONL file (what eval and train read), line by line. */
typedef struct json_lines {
    FILE *f;
    char *line;     /* the last line read (getline's buffer) */
    size_t cap;
    size_t lineno;  /* its number, from 1 */
} json_lines;

/*
 * Reads the next record of jl, past blank lines and a byte order mark
 * opening the file.  Returns 1 with *obj (the caller decrefs it), 0 at the
 * end, -1 when line jl->lineno is not JSON (jerr says why), or -2 on a
 * read error (errno says why: a folder opens, and fails at the first read).
 */
int input_next_json(json_lines *jl, json_t **obj, json_error_t *jerr);

/* The id of record number lineno when it has none: "line N", into buf. */
void input_line_id(char *buf, size_t cap, size_t lineno);

/* Frees the fields of rec. */
void input_record_free(jsonl_record *rec);

#endif
