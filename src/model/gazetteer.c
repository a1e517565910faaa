/* SPDX-License-Identifier: MIT */
/*
 * Gazetteer loader.  Each entry name is tokenized with the same tokenizer as
 * the text, so an entry matches exactly where its tokens occur, across any
 * whitespace.  The entry keeps one shape byte per token (lowercase,
 * capitalized, all caps) for the case policy checked at match time.
 */
#include "gazetteer.h"

#include <stdlib.h>
#include <string.h>

#include "candidate.h"
#include "error.h"
#include "utf8.h"
#include "vec.h"

typedef struct line_ctx {
    const char *file;
    unsigned lineno;
    const char *line; /* start of the line */
    size_t len;
} line_ctx;

static int fail(lextag_error *err, const line_ctx *lc, const char *at,
                const char *msg)
{
    unsigned col = (unsigned) (at - lc->line) + 1;
    int rc = lx_error_set(err, LEXTAG_ERR_PARSE, lc->file, lc->lineno, col,
                          "%s", msg);
    if (err && err->code == LEXTAG_ERR_PARSE && err->line == lc->lineno &&
        strcmp(err->file, lc->file) == 0) {
        size_t n = lc->len < sizeof(err->context) - 1 ? lc->len
                                                       : sizeof(err->context) - 1;
        memcpy(err->context, lc->line, n);
        err->context[n] = '\0';
    }
    return rc;
}

static int pairs_push(lx_pairvec *pv, uint32_t node, uint32_t entry)
{
    if (lx_vec_reserve(&pv->v, &pv->cap, pv->n + 1, sizeof(*pv->v), 1024))
        return LEXTAG_ERR_NOMEM;
    pv->v[pv->n++] = ((uint64_t) node << 32) | entry;
    return 0;
}

static bool valid_type(const char *s, size_t n)
{
    if (!n || !(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
              s[i] == '_'))
            return false;
    return true;
}

/* Checks UTF-8; returns the first invalid byte or NULL. */
static const char *invalid_utf8(const char *s, size_t n)
{
    size_t valid = lx_utf8_valid_prefix(s, n);
    return valid < n ? s + valid : NULL;
}

typedef struct fields {
    const char *f[4];
    size_t len[4];
    int n;             /* fields present (up to 4; the 4th holds the rest) */
} fields;

static void split(const char *line, size_t len, fields *fs)
{
    const char *p = line, *end = line + len;
    fs->n = 0;
    while (fs->n < 4) {
        const char *tab = fs->n < 3 ? memchr(p, '\t', (size_t) (end - p)) : NULL;
        const char *stop = tab ? tab : end;
        fs->f[fs->n] = p;
        fs->len[fs->n] = (size_t) (stop - p);
        fs->n++;
        if (!tab)
            break;
        p = tab + 1;
    }
}

typedef struct attrs {
    int policy;
    bool ambiguous;
    bool past; /* era=past */
    int prio;
} attrs;

static int parse_attrs(const fields *fs, const line_ctx *lc, attrs *at,
                       lextag_error *err)
{
    at->policy = LX_CASE_DEFAULT;
    at->ambiguous = false;
    at->past = false;
    at->prio = LX_PRIO_GAZETTEER;
    if (fs->n < 4)
        return 0;
    const char *p = fs->f[3], *end = p + fs->len[3];
    while (p < end) {
        const char *tab = memchr(p, '\t', (size_t) (end - p));
        const char *stop = tab ? tab : end;
        const char *eq = memchr(p, '=', (size_t) (stop - p));
        size_t kl = eq ? (size_t) (eq - p) : 0;
        if (!eq || kl == 0)
            return fail(err, lc, p, "attribute must be KEY=VALUE");
        const char *v = eq + 1;
        size_t vl = (size_t) (stop - v);
        if (kl == 4 && memcmp(p, "case", 4) == 0) {
            if (vl == 3 && memcmp(v, "any", 3) == 0)
                at->policy = LX_CASE_ANY;
            else if (vl == 5 && memcmp(v, "exact", 5) == 0)
                at->policy = LX_CASE_EXACT;
            else if (vl == 7 && memcmp(v, "default", 7) == 0)
                at->policy = LX_CASE_DEFAULT;
            else
                return fail(err, lc, v, "case must be default, any or exact");
        } else if (kl == 9 && memcmp(p, "ambiguous", 9) == 0) {
            if (vl != 1 || (v[0] != '0' && v[0] != '1'))
                return fail(err, lc, v, "ambiguous must be 0 or 1");
            at->ambiguous = v[0] == '1';
        } else if (kl == 4 && memcmp(p, "prio", 4) == 0) {
            char buf[16];
            char *e;
            if (vl == 0 || vl >= sizeof(buf))
                return fail(err, lc, v, "prio must be an integer");
            memcpy(buf, v, vl);
            buf[vl] = '\0';
            long x = strtol(buf, &e, 10);
            if (*e || x < -1000 || x > 1000)
                return fail(err, lc, v, "prio must be an integer from -1000 to 1000");
            at->prio = (int) x;
        } else if (kl == 3 && memcmp(p, "era", 3) == 0) {
            at->past = vl == 4 && memcmp(v, "past", 4) == 0;
        }
        p = tab ? tab + 1 : end;
    }
    return 0;
}

/* Sets bit on the vocabulary key key[0..n); n == 0 (a key too long) adds nothing. */
static int mark_key(struct lextag_model *m, const char *key, size_t n, uint32_t bit)
{
    if (n == 0)
        return 0;
    uint32_t v = lx_trie_vocab_add(&m->trie, key, n);
    if (v == LX_NONE)
        return LEXTAG_ERR_NOMEM;
    m->trie.voc[v].bits |= bit;
    return 0;
}

/*
 * A place of several words is also one vocabulary key, its folded words
 * joined by spaces ("costa rica"): lx_evidence_place_at() asks for it after the
 * first and last word's bits said it might be there.  Keys longer than that
 * lookup's buffer are not added.
 */
static int place_key(struct lextag_model *m, const lx_toklist *tl)
{
    char key[LX_PLACE_KEY_MAX];
    return mark_key(m, key, lx_tok_join(tl, 0, tl->n, key, sizeof(key)), LX_EV_PLACE);
}

/*
 * A country is one vocabulary key, a mark byte no token holds and its folded
 * words joined by spaces ("\1south korea"): its words keep their own bits, so
 * "Jordan" stays a name and "Chad" a first name everywhere else.
 */
static size_t country_key(const lx_toklist *tl, size_t i, size_t j, char *key, size_t cap)
{
    key[0] = '\1';
    size_t n = lx_tok_join(tl, i, j, key + 1, cap - 1);
    return n ? n + 1 : 0;
}

bool lx_gazetteer_country(const struct lextag_model *m, const lx_toklist *tl, size_t i, size_t j)
{
    char key[LX_PLACE_KEY_MAX];
    size_t n = j > i ? country_key(tl, i, j, key, sizeof(key)) : 0;
    uint32_t v = n ? lx_trie_vocab(&m->trie, key, n) : LX_NONE;
    return v != LX_NONE && (m->trie.voc[v].bits & LX_EV_COUNTRY);
}

static int add_country(struct lextag_model *m, const lx_toklist *tl)
{
    char key[LX_PLACE_KEY_MAX];
    return mark_key(m, key, country_key(tl, 0, tl->n, key, sizeof(key)), LX_EV_COUNTRY);
}

/* Checks the entry's TYPE and NAME, leaving the NAME's tokens in tl. */
static int check_entry(lx_toklist *tl, const fields *fs, const line_ctx *lc, lextag_error *err)
{
    if (fs->len[1] >= 64)
        return fail(err, lc, fs->f[1], "TYPE is too long");
    if (lx_tokenize(tl, fs->f[0], fs->len[0]))
        return LEXTAG_ERR_NOMEM;
    if (tl->n == 0)
        return fail(err, lc, fs->f[0], "NAME is empty");
    if (tl->n > 64)
        return fail(err, lc, fs->f[0], "NAME has more than 64 tokens");
    for (size_t i = 0; i < tl->n; i++)
        if (tl->v[i].kind == LX_TOK_BARRIER)
            return fail(err, lc, fs->f[0] + tl->v[i].start,
                        "control character in NAME");
    return 0;
}

/*
 * A NAME of at most 64 printable ASCII bytes, not all spaces, passes
 * check_entry() whatever its tokens: it has one at least, no more than its
 * bytes, and no control character.  The first pass over a file, which only
 * checks, then need not tokenize it.
 */
static bool plain_name(const char *s, size_t n)
{
    /* eight bytes a step: `bad` marks a byte that is no printable ASCII,
       `other` is not zero when a byte is not a space */
    const uint64_t ones = 0x0101010101010101ull, spaces = ones * ' ';
    uint64_t bad = 0, other = 0, w;
    if (n == 0 || n > 64)
        return false;
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8) {
            memcpy(&w, s + i, 8);
            bad |= lx_unprintable8(w);
            other |= w ^ spaces;
        }
        memcpy(&w, s + n - 8, 8);
    } else if (n >= 4) {
        /* two overlapping loads */
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        w = (uint64_t) hi << 32 | lo;
    } else {
        /* the bytes there are, the rest spaces */
        w = (spaces << 24) | (unsigned char) s[0] | (uint64_t) (unsigned char) s[n >> 1] << 8 |
            (uint64_t) (unsigned char) s[n - 1] << 16;
    }
    bad |= lx_unprintable8(w);
    other |= w ^ spaces;
    return !bad && other;
}

/*
 * The TYPE of the last entry added, and what it is: the lines of a file
 * mostly share one, and asking for its evidence bit and its index in the
 * model's types cost more than comparing it.
 */
typedef struct last_type {
    size_t len; /* 0: none yet */
    char name[64];
    uint32_t ev;
    uint32_t index; /* lx_model_type_index(), LX_NONE until asked */
} last_type;

/* Adds the checked entry whose NAME's tokens are in tl. */
static int add_entry(struct lextag_model *m, lx_pairvec *pairs, lx_toklist *tl,
                     const fields *fs, const attrs *at, uint32_t source, last_type *lt)
{
    if (fs->len[1] != lt->len || memcmp(fs->f[1], lt->name, lt->len) != 0) {
        memcpy(lt->name, fs->f[1], fs->len[1]);
        lt->name[fs->len[1]] = '\0';
        lt->len = fs->len[1];
        lt->ev = lx_model_evidence_bit(lt->name);
        lt->index = LX_NONE;
    }
    uint32_t ev = lt->ev;
    if (ev == LX_EV_COUNTRY)
        return add_country(m, tl);
    if (ev) {
        const lx_token *last = &tl->v[tl->n - 1];
        if (ev == LX_EV_PLACE && tl->n > 1) {
            uint32_t h = lx_trie_vocab_add(&m->trie, lx_tok_fold(tl, &tl->v[0]), tl->v[0].fold_len);
            if (h == LX_NONE)
                return LEXTAG_ERR_NOMEM;
            m->trie.voc[h].bits |= LX_EV_PLACE_HEAD;
            if (place_key(m, tl))
                return LEXTAG_ERR_NOMEM;
            ev = LX_EV_PLACE_TAIL;
        }
        uint32_t v = lx_trie_vocab_add(&m->trie, lx_tok_fold(tl, last), last->fold_len);
        if (v == LX_NONE)
            return LEXTAG_ERR_NOMEM;
        m->trie.voc[v].bits |= ev;
        return 0;
    }
    uint32_t node = 0;
    char shape[64];
    for (size_t i = 0; i < tl->n; i++) {
        const lx_token *t = &tl->v[i];
        uint32_t v = lx_trie_vocab_add(&m->trie, lx_tok_fold(tl, t), t->fold_len);
        if (v == LX_NONE || (node = lx_trie_child_add(&m->trie, node, v)) == LX_NONE)
            return LEXTAG_ERR_NOMEM;
        shape[i] = (t->flags & LX_TF_ALLCAPS) && (t->end - t->start) > 1
                       ? LX_SHAPE_ALLCAPS
                   : (t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) ? LX_SHAPE_CAP
                                                               : LX_SHAPE_LOWER;
    }
    if (shape[0] == LX_SHAPE_LOWER || at->policy == LX_CASE_ANY)
        m->trie.voc[lx_trie_vocab(&m->trie, lx_tok_fold(tl, &tl->v[0]), tl->v[0].fold_len)].bits |=
            LX_VOC_LOWER_START;
    if (lx_vec_reserve32(&m->entries, &m->entries_cap, (size_t) m->n_entries + 1,
                         sizeof(*m->entries), 1024))
        return LEXTAG_ERR_NOMEM;
    lx_entry *e = &m->entries[m->n_entries];
    e->name = lx_model_intern(m, fs->f[0], fs->len[0]);
    /* asked here, after the name is interned, as it always was: a new
       type's name takes the next place in the string table */
    if (lt->index == LX_NONE)
        lt->index = lx_model_type_index(m, lt->name);
    e->type = lt->index;
    e->id = fs->n >= 3 && fs->len[2] ? lx_model_intern(m, fs->f[2], fs->len[2]) : LX_NONE;
    e->attrs = fs->n >= 4 ? lx_model_intern(m, fs->f[3], fs->len[3]) : LX_NONE;
    e->shape = lx_model_intern(m, shape, tl->n);
    if (e->name == LX_NONE || e->type == LX_NONE || e->shape == LX_NONE ||
        (fs->n >= 3 && fs->len[2] && e->id == LX_NONE) ||
        (fs->n >= 4 && e->attrs == LX_NONE))
        return LEXTAG_ERR_NOMEM;
    e->source = source;
    e->n_tokens = (uint16_t) tl->n;
    e->policy = (uint8_t) at->policy;
    e->flags = (at->ambiguous ? LX_ENTRY_AMBIGUOUS : 0) | (at->past ? LX_ENTRY_PAST : 0);
    e->prio = at->prio;
    return pairs_push(pairs, node, m->n_entries++);
}

/*
 * Checks one entry line, and adds it unless m is NULL.  Lines are added
 * only after every line of the same text was checked: adding skips the
 * checks that cannot fail then (UTF-8, the TYPE's letters).
 */
static int parse_line(struct lextag_model *m, lx_pairvec *pairs, lx_toklist *tl,
                      uint32_t source, last_type *lt, const line_ctx *lc, lextag_error *err)
{
    fields fs;
    attrs at;
    const char *bad = m ? NULL : invalid_utf8(lc->line, lc->len);
    if (bad)
        return fail(err, lc, bad, "invalid UTF-8");
    split(lc->line, lc->len, &fs);
    if (fs.n < 2)
        return fail(err, lc, lc->line + lc->len,
                    "missing TYPE column (expected NAME<TAB>TYPE)");
    if (fs.len[0] == 0)
        return fail(err, lc, fs.f[0], "NAME is empty");
    if (!m && !valid_type(fs.f[1], fs.len[1]))
        return fail(err, lc, fs.f[1],
                    "TYPE must be a label in capitals (A-Z, 0-9, _)");
    int rc = parse_attrs(&fs, lc, &at, err);
    if (!rc && !m && plain_name(fs.f[0], fs.len[0]))
        return 0;
    if (!rc)
        rc = check_entry(tl, &fs, lc, err);
    if (rc || !m)
        return rc;
    return add_entry(m, pairs, tl, &fs, &at, source, lt);
}

/*
 * Reads the entry lines of text: checks them, or (m not NULL) adds them.
 */
static int read_lines(struct lextag_model *m, lx_pairvec *pairs, lx_toklist *tl,
                      const char *file, uint32_t source, const char *text, size_t len,
                      lextag_error *err)
{
    line_ctx lc = {file, 0, text, 0};
    last_type lt = {0, "", 0, LX_NONE};
    const char *p = text, *end = text + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t) (end - p));
        const char *stop = nl ? nl : end;
        lc.lineno++;
        lc.line = p;
        lc.len = (size_t) (stop - p);
        if (lc.len && p[lc.len - 1] == '\r')
            lc.len--;
        size_t k = 0;
        while (k < lc.len && (p[k] == ' ' || p[k] == '\t'))
            k++;
        if (k < lc.len && p[k] != '#') {
            int rc = parse_line(m, pairs, tl, source, &lt, &lc, err);
            if (rc == LEXTAG_ERR_NOMEM)
                return lx_error_set(err, rc, file, lc.lineno, 0, "out of memory");
            if (rc)
                return rc;
        }
        p = nl ? nl + 1 : end;
    }
    return 0;
}

int lx_gazetteer_parse(struct lextag_model *m, lx_pairvec *pairs,
                       lx_toklist *tl, const char *file, const char *source,
                       const char *text, size_t len, lextag_error *err)
{
    /* every line is checked before any is added: a file is added whole or
       not at all, so a caller may skip a bad one */
    int rc = read_lines(NULL, pairs, tl, file, 0, text, len, err);
    if (rc)
        return rc;
    uint32_t src = lx_model_source_index(m, source);
    if (src == LX_NONE)
        return lx_error_set(err, LEXTAG_ERR_NOMEM, NULL, 0, 0, "out of memory");
    lx_model_hash(m, text, len);
    return read_lines(m, pairs, tl, file, src, text, len, err);
}
