/* SPDX-License-Identifier: MIT */
/*
 * brat with -o DIR/: one NAME.txt (the text, byte for byte) and NAME.ann per
 * document, NAME being the stem of its id (a file's name without folder and
 * extension, or a JSONL record's id).  Two documents of a run never share a
 * name: "2019/story.txt" and "2020/story.txt", or two records with the id
 * "story", are written as story and story-2, in input order, with a note on
 * standard error, so that no document overwrites another.
 */
#ifndef LEXTAG_CLI_BRATDIR_H
#define LEXTAG_CLI_BRATDIR_H

#include <stdbool.h>
#include <stddef.h>

typedef struct bratdir bratdir;

/*
 * Writes into the folder dir (which exists) the documents of files, or of
 * JSONL records when records is set; NULL when out of memory.
 */
bratdir *bratdir_new(const char *dir, bool records);

/*
 * Writes the document with id `id` (for files, "-" is standard input,
 * named "stdin"; a record's id "-" is a name of its own):
 * its text[0..len) and its annotations ann[0..ann_len).  Called in input
 * order.  Returns 0, or -1 after printing why on standard error.
 */
int bratdir_write(bratdir *b, const char *id, const char *text, size_t len, const char *ann,
                  size_t ann_len);

/* Frees b.  NULL-safe. */
void bratdir_free(bratdir *b);

#endif
