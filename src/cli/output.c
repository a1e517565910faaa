/* SPDX-License-Identifier: MIT */
#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int output_open(output *o, const char *path)
{
    memset(o, 0, sizeof(*o));
    if (!path) {
        o->f = stdout;
        return 0;
    }
    o->path = path;
    size_t n = strlen(path);
    o->tmp = malloc(n + 16);
    if (!o->tmp) {
        fprintf(stderr, "lextag: out of memory\n");
        return -1;
    }
    memcpy(o->tmp, path, n);
    memcpy(o->tmp + n, ".tmp-XXXXXX", 12);
    int fd = mkstemp(o->tmp);
    if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
        fprintf(stderr, "lextag: %s: cannot create: %s\n", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(o->tmp);
        }
        free(o->tmp);
        o->tmp = NULL;
        return -1;
    }
    return 0;
}

int output_close(output *o, bool commit)
{
    int rc = 0;
    const char *name = o->path ? o->path : "standard output";
    if (fflush(o->f) != 0 || ferror(o->f)) {
        fprintf(stderr, "lextag: %s: write error: %s\n", name, strerror(errno));
        rc = -1;
    }
    if (!o->path)
        return rc;
    if (rc == 0 && commit && fsync(fileno(o->f)) != 0) {
        fprintf(stderr, "lextag: %s: %s\n", name, strerror(errno));
        rc = -1;
    }
    if (fclose(o->f) != 0 && rc == 0) {
        fprintf(stderr, "lextag: %s: write error: %s\n", name, strerror(errno));
        rc = -1;
    }
    if (rc == 0 && commit && rename(o->tmp, o->path) != 0) {
        fprintf(stderr, "lextag: %s: %s\n", name, strerror(errno));
        rc = -1;
    }
    if (rc != 0 || !commit)
        unlink(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
    return rc;
}
