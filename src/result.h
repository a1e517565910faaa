/* SPDX-License-Identifier: MIT */
/*
 * A tagged document's result: public entity records plus the arena that owns
 * their strings.  Shared by the tagger (which fills it) and the output formats.
 */
#ifndef LX_RESULT_H
#define LX_RESULT_H

#include "arena.h"
#include "lextag/lextag.h"

struct lextag_result {
    lextag_entity *ents;
    size_t n;
    lextag_entity *lost;
    size_t n_lost;
    const char **limit_rules; /* borrowed from the model */
    size_t n_limit;
    lx_arena arena;
    unsigned threads;          /* the tagger's: the writers may use them too */
    lextag_timing *timing;     /* the tagger's sink, or NULL: the writers add to it */
};

#endif
