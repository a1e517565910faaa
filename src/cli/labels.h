/* SPDX-License-Identifier: MIT */
/*
 * Corpus labels to lextag's: the one mapping `lextag eval` and `lextag
 * train` share.  The default follows ../tools/nerscore: PER, person,
 * politician, researcher, writer, scientist, musicalartist are people; ORG,
 * organisation, university, politicalparty, band, magazine are
 * organizations; LOC, location, country are places.  --map GOLD=LABEL,...
 * adds to it (later pairs win).
 */
#ifndef LEXTAG_CLI_LABELS_H
#define LEXTAG_CLI_LABELS_H

#include <stdbool.h>

#define LABEL_MAP_MAX 64

typedef struct label_map {
    char *from[LABEL_MAP_MAX], *to[LABEL_MAP_MAX];
    int n;
} label_map;

/* Adds the pairs of "GOLD=LABEL,..." (NULL: none).  0, or 1 on a bad spec. */
int label_map_add(label_map *m, const char *spec);

/* Loads the default pairs, then spec.  0, or 1 on a bad spec. */
int label_map_init(label_map *m, const char *spec);

/*
 * The label for gold label t.  For scoring (classes false), people and
 * organizations become PERSON and ORG and other labels stay as they are;
 * for training (classes true) every label becomes PER, ORG, LOC or MISC.
 */
const char *label_map_get(const label_map *m, const char *t, bool classes);

void label_map_free(label_map *m);

#endif
