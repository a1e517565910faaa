/* SPDX-License-Identifier: MIT */
/*
 * Large or piped text documents tagged as a stream: the input is read in
 * blocks with read(2) and fed to a lextag_stream, and each window's
 * entities are written as soon as it is tagged (json and brat), so memory
 * stays bounded by the window, not by the document or its entity count.
 */
#ifndef LEXTAG_CLI_STREAMDOC_H
#define LEXTAG_CLI_STREAMDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <lextag/lextag.h>

#include "input.h"
#include "pipeline.h"

/*
 * Documents up to this size keep the whole-document path (every document
 * that fits gives the same output as before streams existed, and the
 * batched path tags several files at once on the worker threads); larger
 * ones are streamed, one window at a time.  The environment variable
 * LEXTAG_STREAM_MIN_BYTES sets another size (a testing knob: 0 streams every
 * document of a format that streams).
 */
#define STREAMDOC_MIN_BYTES (16u << 20)

typedef enum streamdoc_way {
    STREAMDOC_READ = 0,  /* not streamed, nothing read: read it whole */
    STREAMDOC_STREAM,    /* stream it (streamdoc_tag) */
    STREAMDOC_WHOLE,     /* not streamed, already read whole into *pre */
    STREAMDOC_FAILED,    /* a read error, reported on stderr */
} streamdoc_way;

/*
 * How the document at path ("-": standard input) is tagged in c->format.  A
 * pipe is read up to STREAMDOC_MIN_BYTES to know.  On STREAMDOC_STREAM, *fd
 * is open on the rest and *pre holds what was read of it already (both go to
 * streamdoc_tag); on STREAMDOC_WHOLE, *pre is the whole document (release it
 * with input_release).
 */
streamdoc_way streamdoc_wanted(const pipe_cfg *c, const char *path, int *fd, doc_text *pre);

/*
 * Tags the document (pre, then what fd reads) with t, written to out as
 * document number index with id path; closes fd and releases pre.  A read or
 * tagging error is reported on stderr after the document is closed, and
 * sets *status to PIPELINE_EXIT_IO.  Returns -1 on a write error, else 0.
 */
int streamdoc_tag(const pipe_cfg *c, lextag_tagger *t, int fd, doc_text *pre, const char *path,
                  size_t index, FILE *out, int *status);

#endif
