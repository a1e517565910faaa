/* SPDX-License-Identifier: MIT */
/*
 * Byte-level scanning helpers shared by the legislation modules, which read
 * matched references character by character (ASCII digits and letters,
 * spaces including no-break spaces, the dashes that separate ranges).
 */
#ifndef LX_SCAN_H
#define LX_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
static inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static inline bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
static inline bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
static inline char lower(char c) { return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c; }

/* Length of a dash at t[i] ('-', en dash, em dash, minus sign), or 0. */
static inline size_t dash_len(const char *t, size_t i, size_t e)
{
    const unsigned char *u = (const unsigned char *) t + i;
    if (i < e && t[i] == '-')
        return 1;
    if (i + 3 <= e && u[0] == 0xE2 &&
        ((u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94)) || (u[1] == 0x88 && u[2] == 0x92)))
        return 3;
    return 0;
}

/* Skips spaces and no-break spaces. */
static inline size_t skip_ws(const char *t, size_t i, size_t e)
{
    for (;;) {
        if (i < e && is_space(t[i]))
            i++;
        else if (i + 1 < e && (unsigned char) t[i] == 0xC2 && (unsigned char) t[i + 1] == 0xA0)
            i += 2;
        else
            return i;
    }
}

/* Case-insensitive ASCII comparison of t[i..] with word w. */
static inline bool word_at(const char *t, size_t i, size_t e, const char *w)
{
    size_t n = strlen(w);
    if (i + n > e)
        return false;
    for (size_t k = 0; k < n; k++)
        if (lower(t[i + k]) != w[k])
            return false;
    return true;
}

/* Reads 1..maxd digits at t[*i] (not followed by a digit); -1 when none or more. */
static inline int read_num(const char *t, size_t *i, size_t e, int maxd)
{
    int v = 0, n = 0;
    while (*i < e && is_digit(t[*i]) && n <= maxd) {
        v = v * 10 + (t[*i] - '0');
        (*i)++;
        n++;
    }
    return n == 0 || n > maxd ? -1 : v;
}

#endif
