/* SPDX-License-Identifier: MIT */
/*
 * Build-time tool: compiles the shipped gazetteers and rules (embedded as
 * sources), and the learned layer's word clusters and weights when given,
 * into the model image that default_model.c includes.
 * Usage: lextag-modelc OUTPUT [--clusters FILE] [--weights FILE]
 * Weights made for other feature templates are left out with a warning.
 */
#include <stdio.h>
#include <string.h>

#include "builder.h"
#include "lextag/lextag.h"

int main(int argc, char **argv)
{
    lextag_error err;
    char buf[1200];
    lextag_error_clear(&err);
    if (argc < 2 || argc % 2) {
        fprintf(stderr, "usage: lextag-modelc OUTPUT [--clusters FILE] [--weights FILE]\n");
        return 1;
    }
    lextag_builder *b = lextag_builder_new(&err);
    lextag_model *m = NULL;
    /* the embedded lists and rules: the built-in image, which the library's
       lextag_builder_add_defaults() also takes the learned layer from, is
       what this makes */
    int rc = b ? lx_builder_add_embedded(b, &err) : 1;
    for (int i = 2; !rc && i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--clusters") == 0) {
            rc = lextag_builder_add_clusters(b, argv[i + 1], &err);
        } else if (strcmp(argv[i], "--weights") == 0) {
            rc = lextag_builder_add_weights(b, argv[i + 1], &err);
            if (rc == LEXTAG_ERR_MODEL) {
                /* weights of other features (the templates changed): build
                   the rules, so that tools/train-default can make new ones */
                fprintf(stderr, "lextag-modelc: warning: %s; the built-in model tags with "
                                "rules only until tools/train-default is run\n",
                        lextag_error_format(&err, buf, sizeof(buf)));
                lextag_error_clear(&err);
                rc = 0;
            }
        } else {
            fprintf(stderr, "lextag-modelc: unknown option %s\n", argv[i]);
            rc = 1;
        }
    }
    if (!rc)
        m = lextag_builder_build(b, &err);
    if (!m || lextag_model_save(m, argv[1], &err) != 0) {
        if (err.code)
            fprintf(stderr, "%s\n", lextag_error_format(&err, buf, sizeof(buf)));
        lextag_builder_free(b);
        lextag_model_free(m);
        return 1;
    }
    lextag_builder_free(b);
    lextag_model_free(m);
    return 0;
}
