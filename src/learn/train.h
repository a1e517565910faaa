/* SPDX-License-Identifier: MIT */
/*
 * The trainer's state, shared by train.c (documents in: features and gold
 * labels of every region) and perceptron.c (epochs, averaging,
 * quantization, dev scores).
 */
#ifndef LX_LEARN_TRAIN_H
#define LX_LEARN_TRAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "learned.h"
#include "stretch.h"

/* Buckets of the shipped weights: 2^17 x 8 labels x 2 bytes = 2 MiB. */
#define LX_TRAIN_BITS 17

/* One decoded region of a training or dev document. */
typedef struct lx_seq {
    uint32_t tok;   /* first token in the token arrays */
    uint32_t n;     /* tokens */
    bool dev;
} lx_seq;

struct lextag_trainer {
    const struct lextag_model *m;
    lx_lane lane;
    lx_learn_lane L;
    /* every region's tokens, back to back */
    uint32_t *feats;
    size_t n_feats, feats_cap;
    uint32_t *foff;      /* token k's features start at feats[foff[k]] */
    uint8_t *gold;       /* its gold label */
    size_t n_tok, tok_cap, foff_cap;
    lx_seq *seq;
    size_t n_seq, seq_cap;
    /* counts */
    size_t spans, skipped, outside;
    size_t dev_gold[2]; /* dev PER and ORG spans, all of them */
    unsigned runs;      /* runs on other shuffles, averaged (lextag_trainer_set_runs()) */
    /* the result: a sealed weights blob */
    void *blob;
    size_t blob_len;
};

/* Runs the epochs (perceptron.c). */
int lx_train_epochs(struct lextag_trainer *tr, unsigned epochs, unsigned runs,
                    lextag_epoch_fn fn, void *arg, lextag_error *err);

#endif
