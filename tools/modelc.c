/* SPDX-License-Identifier: MIT */
/*
 * Build-time tool: compiles the shipped gazetteers and rules (embedded as
 * sources) into the model image that default_model.c includes.
 * Usage: lextag-modelc OUTPUT
 */
#include <stdio.h>

#include "lextag/lextag.h"

int main(int argc, char **argv)
{
    lextag_error err;
    char buf[1200];
    lextag_error_clear(&err);
    if (argc != 2) {
        fprintf(stderr, "usage: lextag-modelc OUTPUT\n");
        return 1;
    }
    lextag_builder *b = lextag_builder_new(&err);
    lextag_model *m = NULL;
    if (b && lextag_builder_add_defaults(b, &err) == 0)
        m = lextag_builder_build(b, &err);
    if (!m || lextag_model_save(m, argv[1], &err) != 0) {
        fprintf(stderr, "%s\n", lextag_error_format(&err, buf, sizeof(buf)));
        lextag_builder_free(b);
        lextag_model_free(m);
        return 1;
    }
    lextag_builder_free(b);
    lextag_model_free(m);
    return 0;
}
