/* SPDX-License-Identifier: MIT */
/*
 * JSON strings and numbers for every format that writes JSON (JSON Lines,
 * doccano, Label Studio): one escaper, so that every format escapes quotes,
 * control characters and invalid UTF-8 the same way.
 */
#include "writer.h"

#include <stdint.h>

#include "utf8.h"

void lx_writer_json_string(FILE *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0, i = 0;
    out_c(out, '"');
    while (i < n) {
        unsigned char c = (unsigned char) s[i];
        const char *esc = NULL;
        char buf[8];
        size_t len = 1;
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\r')
            esc = "\\r";
        else if (c == '\t')
            esc = "\\t";
        else if (c < 0x20 || c == 0x7F) {
            memcpy(buf, "\\u00", 4);
            buf[4] = hex[c >> 4];
            buf[5] = hex[c & 15];
            buf[6] = '\0';
            esc = buf;
        } else if (c >= 0x80) {
            uint32_t cp = lx_utf8_decode((const unsigned char *) s + i, n - i, &len);
            if (cp == LX_INVALID)
                esc = "\\ufffd";
            else if (cp == 0x2028)
                esc = "\\u2028";
            else if (cp == 0x2029)
                esc = "\\u2029";
        }
        if (esc) {
            out_n(out, s + i - run, run);
            run = 0;
            out_s(out, esc);
            i += len;
            continue;
        }
        run += len;
        i += len;
    }
    out_n(out, s + n - run, run);
    out_c(out, '"');
}

void lx_writer_json_opt(FILE *out, const char *s)
{
    if (s)
        lx_writer_json_string(out, s, strlen(s));
    else
        out_s(out, "null");
}

void lx_writer_json_num(char *buf, size_t *o, const char *key_part, size_t klen, size_t v)
{
    char digits[24];
    int n = 0;
    memcpy(buf + *o, key_part, klen);
    *o += klen;
    do {
        digits[n++] = (char) ('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        buf[(*o)++] = digits[--n];
}
