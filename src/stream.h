/* SPDX-License-Identifier: MIT */
/*
 * Streams (lextag_stream_*): a document tagged window by window.
 */
#ifndef LX_STREAM_H
#define LX_STREAM_H

#include <stddef.h>

#define LX_STREAM_STRETCHES 4

/*
 * A tagged window with more entities than this is delivered at once rather
 * than held while the next one is tagged (see stream.c): news holds about
 * 25,000 in a window, a text dense with names ten times as many.
 */
#define LX_STREAM_OVERLAP_ENTITIES 65536

/*
 * Stretches per window: LX_STREAM_STRETCHES, except where tests lower it
 * (with lx_stretch_size) to cut small documents into many windows.  Set it
 * before making a stream.
 */
extern size_t lx_stream_stretches;

/* LX_STREAM_OVERLAP_ENTITIES, except where tests lower it.  Set it before making a stream. */
extern size_t lx_stream_overlap_entities;

/* Windows of s tagged while another was delivered (for tests). */
struct lextag_stream;
size_t lx_stream_overlaps(const struct lextag_stream *s);

/* Windows of s tagged in groups of more than one (for tests). */
size_t lx_stream_grouped(const struct lextag_stream *s);

#endif
