/* SPDX-License-Identifier: MIT */
/*
 * Tokenizer: splits a stretch of text into word, number, abbreviation,
 * punctuation and symbol tokens, and writes each token's folded form
 * (lowercase, one apostrophe, one dash, one quote) into a buffer for matching.
 *
 * Tokens are small fixed-size records in one array that the caller reuses
 * from document to document: tokenizing allocates nothing per token.
 * Whitespace (including line breaks) is never a token; an invalid UTF-8
 * byte, NUL and other control characters become BARRIER tokens, which no
 * gazetteer entry contains, so no entity spans them.
 */
#ifndef LX_TOKENIZER_H
#define LX_TOKENIZER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum lx_tok_kind {
    LX_TOK_WORD = 0, /* letters (and digits), internal apostrophes */
    LX_TOK_NUMBER,   /* digits, with internal , or . between digits */
    LX_TOK_ABBREV,   /* U.S., H.R., e.g. (dots included) */
    LX_TOK_POSS,     /* possessive 's after a word */
    LX_TOK_PUNCT,    /* one punctuation character */
    LX_TOK_SYMBOL,   /* one symbol or emoji (with its combining marks) */
    LX_TOK_BARRIER,  /* invalid byte, NUL, control character */
};

enum lx_tok_flags {
    LX_TF_CAP = 1u << 0,       /* first letter uppercase */
    LX_TF_ALLCAPS = 1u << 1,   /* has letters, all uppercase */
    LX_TF_LOWER = 1u << 2,     /* first letter lowercase */
    LX_TF_SPACE = 1u << 3,     /* whitespace before the token */
    LX_TF_NEWLINE = 1u << 4,   /* a line break before the token */
    LX_TF_PARA = 1u << 5,      /* a blank line (or start of text) before */
    LX_TF_SENT = 1u << 6,      /* first token of a sentence */
    LX_TF_HASDIGIT = 1u << 7,  /* contains a digit */
};

typedef struct lx_token {
    uint32_t start, end;   /* byte offsets relative to the tokenized stretch */
    uint32_t fold;         /* offset of the folded form in the fold buffer */
    uint16_t fold_len;     /* its length (tokens longer than 65535 are cut) */
    uint8_t kind;          /* enum lx_tok_kind */
    uint8_t flags;         /* enum lx_tok_flags */
    uint32_t vocab;        /* model vocabulary id, LX_NONE when unknown */
    uint32_t bits;         /* its evidence bits, copied by the matcher (0 until then) */
    uint64_t hash;         /* lx_hash64 of the folded form */
} lx_token;

typedef struct lx_toklist {
    lx_token *v;
    size_t n, cap;
    char *fold;            /* folded forms, back to back */
    size_t fold_len, fold_cap;
    /* Set by the caller: leave the folded form and the hash of a lowercase
       ASCII word unwritten (its vocab LX_TOK_UNFOLDED) until lx_tok_settle()
       asks for them, unless its head is in the filter keep_heads (NULL:
       none; see lx_head_in()).  A model of lists reads such a word only
       when a match reaches it or an entry starts with it: most words of a
       text, never looked at. */
    bool defer_lower;
    const uint64_t *keep_heads;
    /* Set by lx_tokenize(): the margin the text is wrapped at, 0 when it
       is not (see lx_tok_wrapped()). */
    uint32_t wrap_width;
} lx_toklist;

/*
 * Tokenizes s[0..n) into tl (previous contents are discarded; memory is
 * reused).  Offsets are relative to s.  Returns 0 or LEXTAG_ERR_NOMEM.
 * Vocabulary ids are left LX_NONE; the matcher fills them.
 */
int lx_tokenize(lx_toklist *tl, const char *s, size_t n);

/* The vocab of a token whose folded form and hash are still to be written. */
#define LX_TOK_UNFOLDED (UINT32_MAX - 2)

/*
 * Writes the folded form and the hash of token k if tokenizing deferred
 * them (see defer_lower), and leaves its vocab LX_NONE; s is the tokenized
 * text.  Any other token is left as it is.
 */
void lx_tok_settle(lx_toklist *tl, const char *s, size_t k);

/* Folded text of token t. */
static inline const char *lx_tok_fold(const lx_toklist *tl, const lx_token *t)
{
    return tl->fold + t->fold;
}

/* Is token i of tl (if there is one) the folded word s?  Folded text is
   NUL-terminated; most tokens differ at the first byte. */
static inline bool lx_tok_is(const lx_toklist *tl, size_t i, const char *s)
{
    if (i >= tl->n)
        return false;
    const char *f = lx_tok_fold(tl, &tl->v[i]);
    return f[0] == s[0] && strcmp(f, s) == 0;
}

/* Is token i of tl one of the folded words of the NULL-terminated list? */
bool lx_tok_in(const lx_toklist *tl, size_t i, const char *const *words);

/*
 * Bytes of an Arabic article written onto word i, before it ("al-Jazeera",
 * "el-Sisi": the lowercase "al" or "el" after a space, and a hyphen), or
 * 0.  The article is the name's, but a name's words start capitalized.
 */
static inline size_t lx_tok_article_before(const lx_toklist *tl, size_t i)
{
    if (i < 2 || (tl->v[i].flags & LX_TF_SPACE) || (tl->v[i - 1].flags & LX_TF_SPACE) ||
        !lx_tok_is(tl, i - 1, "-") || !(tl->v[i - 2].flags & LX_TF_LOWER) ||
        !(tl->v[i - 2].flags & LX_TF_SPACE) ||
        !(lx_tok_is(tl, i - 2, "al") || lx_tok_is(tl, i - 2, "el")))
        return 0;
    return tl->v[i].start - tl->v[i - 2].start;
}

/* Written in capitals, and longer than an initial ("ICE", not "J"). */
static inline bool lx_tok_capitals(const lx_token *t)
{
    return (t->flags & LX_TF_ALLCAPS) && t->end - t->start > 1;
}

/*
 * Writes the folded forms of tokens i..j (exclusive) into buf, joined by
 * single spaces ("costa rica"), and returns the length; 0 when they do not
 * fit in cap bytes.  No token holds a space, so a joined key never equals a
 * token's own.
 */
size_t lx_tok_join(const lx_toklist *tl, size_t i, size_t j, char *buf, size_t cap);

/* Index of the first token of tl starting at or after byte b (tl->n when
   none does), by binary search. */
size_t lx_tok_at(const lx_toklist *tl, size_t b);

/*
 * lx_tok_at() searched from token *near, which then holds the answer: for
 * lookups in text order, each a few tokens past the last, where a binary
 * search over the whole stretch would miss the cache at every step.
 */
size_t lx_tok_at_near(const lx_toklist *tl, size_t b, size_t *near);

/*
 * Does token j, the first of its line, continue the sentence of the line
 * before it, as a line of running text wrapped at the margin does?  Not
 * after a blank line, a headline or a score line (no lowercase word longer
 * than a function word), a list item, a line ending in a colon, nor next to
 * a table row (a tab, a bar or three spaces).  s is the tokenized text.
 */
bool lx_tok_wrapped(const lx_toklist *tl, const char *s, size_t j);

/* Frees the arrays.  NULL-safe. */
void lx_toklist_free(lx_toklist *tl);

#endif
