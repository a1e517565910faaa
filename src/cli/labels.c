/* SPDX-License-Identifier: MIT */
/*
 * The shared label mapping (see labels.h).  The default is a map spec like
 * the one users pass, parsed by the same code.
 */
#include "labels.h"

#include <stdlib.h>
#include <string.h>

static const char default_spec[] =
    "PER=PER,person=PER,politician=PER,researcher=PER,writer=PER,scientist=PER,"
    "musicalartist=PER,ORG=ORG,ORGANIZATION=ORG,organisation=ORG,university=ORG,"
    "politicalparty=ORG,band=ORG,magazine=ORG,LOC=LOC,location=LOC,country=LOC";

int label_map_add(label_map *m, const char *spec)
{
    char *copy = strdup(spec ? spec : ""), *save = NULL;
    int rc = copy ? 0 : 1;
    for (char *kv = rc ? NULL : strtok_r(copy, ",", &save); kv; kv = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(kv, '=');
        if (!eq || m->n == LABEL_MAP_MAX) {
            rc = 1;
            break;
        }
        *eq = '\0';
        m->from[m->n] = strdup(kv);
        m->to[m->n++] = strdup(eq + 1);
    }
    free(copy);
    return rc;
}

int label_map_init(label_map *m, const char *spec)
{
    memset(m, 0, sizeof(*m));
    return label_map_add(m, default_spec) || label_map_add(m, spec);
}

const char *label_map_get(const label_map *m, const char *t, bool classes)
{
    const char *to = NULL;
    for (int i = m->n - 1; i >= 0 && !to; i--)
        if (strcmp(m->from[i], t) == 0)
            to = m->to[i];
    if (classes) {
        if (!to)
            return "MISC";
        return strcmp(to, "PERSON") == 0 ? "PER" : to;
    }
    if (!to)
        return t;
    return strcmp(to, "PER") == 0 ? "PERSON" : to;
}

void label_map_free(label_map *m)
{
    for (int i = 0; i < m->n; i++) {
        free(m->from[i]);
        free(m->to[i]);
    }
    m->n = 0;
}
