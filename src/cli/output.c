/* SPDX-License-Identifier: MIT */
/* The output stream (see output.h). */
#include "output.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The mode the file at path gets: its own when it exists, else 0666 & ~umask. */
static mode_t file_mode(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        return st.st_mode & 07777;
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

/*
 * Is path written in place rather than replaced?  Anything but a regular
 * file or a new name: a device (/dev/full), a FIFO, a symbolic link (the
 * link stays, and its target gets the output), as a shell redirect would.
 */
static bool written_in_place(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

int output_open(output *o, const char *path)
{
    memset(o, 0, sizeof(*o));
    if (!path) {
        o->f = stdout;
        return 0;
    }
    o->path = path;
    if (written_in_place(path)) {
        if (!(o->f = fopen(path, "w"))) {
            fprintf(stderr, "lextag: %s: cannot open: %s\n", path, strerror(errno));
            return -1;
        }
        return 0;
    }
    size_t n = strlen(path);
    o->tmp = malloc(n + 16);
    if (!o->tmp) {
        fprintf(stderr, "lextag: out of memory\n");
        return -1;
    }
    memcpy(o->tmp, path, n);
    memcpy(o->tmp + n, ".tmp-XXXXXX", 12);
    int fd = mkstemp(o->tmp);
    if (fd < 0 || fchmod(fd, file_mode(path)) != 0 || !(o->f = fdopen(fd, "w"))) {
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

bool output_reader_gone(FILE *f)
{
    struct stat st;
    int fd = fileno(f);
    if (fd < 0 || fstat(fd, &st) != 0 || !(S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)))
        return false;
    /* the write end of a pipe polls as POLLERR once no reader is left */
    struct pollfd p = {fd, POLLOUT, 0};
    return poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP));
}

int output_close(output *o, bool commit)
{
    int rc = 0;
    const char *name = o->path ? o->path : "standard output";
    if (fflush(o->f) != 0 || ferror(o->f)) {
        rc = -1;
        if (!o->path && output_reader_gone(o->f))
            o->reader_gone = true;
        else
            fprintf(stderr, "lextag: %s: write error: %s\n", name, strerror(errno));
    }
    if (!o->path)
        return rc;
    if (!o->tmp) { /* written in place: nothing to rename or remove */
        if (fclose(o->f) != 0 && rc == 0) {
            fprintf(stderr, "lextag: %s: write error: %s\n", name, strerror(errno));
            rc = -1;
        }
        return rc;
    }
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
