/* SPDX-License-Identifier: MIT */
/*
 * UTF-8 decoding (surrogateescape counting), character classes, folding and
 * the tokenizer.  Expected values are written out by hand.
 */
#include <check.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "dateline.h"
#include "firms.h"
#include "hash.h"
#include "party.h"
#include "run_suite.h"
#include "templates.h"
#include "tokenizer.h"
#include "utf8.h"
#include "vec.h"
#include "wordset.h"

START_TEST(decode_valid_and_invalid)
{
    size_t len;
    ck_assert_uint_eq(lx_utf8_decode((const unsigned char *) "A", 1, &len), 'A');
    ck_assert_uint_eq(len, 1);
    ck_assert_uint_eq(lx_utf8_decode((const unsigned char *) "\xc3\xab", 2, &len), 0xEB);
    ck_assert_uint_eq(len, 2);
    ck_assert_uint_eq(lx_utf8_decode((const unsigned char *) "\xf0\x9f\x98\x80", 4, &len),
                      0x1F600);
    ck_assert_uint_eq(len, 4);
    /* invalid: lone continuation, overlong, surrogate, truncated: one byte each */
    ck_assert_uint_eq(lx_utf8_decode((const unsigned char *) "\x80", 1, &len), LX_INVALID);
    ck_assert_uint_eq(len, 1);
    ck_assert_uint_eq(lx_utf8_decode((const unsigned char *) "\xc0\xaf", 2, &len), LX_INVALID);
    ck_assert_uint_eq(len, 1);
    ck_assert_uint_eq(lx_utf8_decode((const unsigned char *) "\xed\xa0\x80", 3, &len),
                      LX_INVALID);
    ck_assert_uint_eq(lx_utf8_decode((const unsigned char *) "\xe2\x82", 2, &len), LX_INVALID);
    ck_assert_uint_eq(len, 1);
    ck_assert_uint_eq(lx_utf16_units(0x1F600), 2);
    ck_assert_uint_eq(lx_utf16_units(LX_INVALID), 1);
}
END_TEST

START_TEST(classes_and_folding)
{
    ck_assert_int_eq(lx_char_class('\n'), LX_CC_SPACE);
    ck_assert_int_eq(lx_char_class(0xFEFF), LX_CC_SPACE);
    ck_assert_int_eq(lx_char_class(0xC9), LX_CC_UPPER);
    ck_assert_int_eq(lx_char_class(0x2019), LX_CC_APOS);
    ck_assert_int_eq(lx_char_class(0x2014), LX_CC_HYPHEN);
    ck_assert_int_eq(lx_char_class(0x1F600), LX_CC_OTHER);
    ck_assert_uint_eq(lx_fold(0xC9), 0xE9);
    ck_assert_uint_eq(lx_fold(0x2019), '\'');
    ck_assert_uint_eq(lx_fold(0x2013), '-');
    ck_assert_uint_eq(lx_fold(0x201C), '"');
    ck_assert_uint_eq(lx_fold(0x0416), 0x0436); /* Cyrillic Zhe */
}
END_TEST

static const char *fold_of(const lx_toklist *tl, size_t i)
{
    return lx_tok_fold(tl, &tl->v[i]);
}

START_TEST(tokens_words_abbreviations_possessives)
{
    lx_toklist tl = {0};
    const char *s = "H.R. 4760: O'Donnell's U.S.-based Inc. co-op, 1,000.5 x";
    ck_assert_int_eq(lx_tokenize(&tl, s, strlen(s)), 0);
    const char *want[] = {"h.r.", "4760", ":", "o'donnell", "'s", "u.s.", "-", "based",
                          "inc", ".", "co", "-", "op", ",", "1,000.5", "x"};
    ck_assert_uint_eq(tl.n, sizeof(want) / sizeof(want[0]));
    for (size_t i = 0; i < tl.n; i++)
        ck_assert_str_eq(fold_of(&tl, i), want[i]);
    ck_assert_int_eq(tl.v[0].kind, LX_TOK_ABBREV);
    ck_assert_int_eq(tl.v[1].kind, LX_TOK_NUMBER);
    ck_assert_int_eq(tl.v[4].kind, LX_TOK_POSS);
    ck_assert_uint_eq(tl.v[3].start, 11);
    ck_assert_uint_eq(tl.v[3].end, 20);
    ck_assert(tl.v[3].flags & LX_TF_CAP);
    ck_assert(tl.v[5].flags & LX_TF_ALLCAPS);
    lx_toklist_free(&tl);
}
END_TEST

START_TEST(tokens_folded_quotes_and_offsets)
{
    lx_toklist tl = {0};
    /* "Zoë" is 4 bytes; the curly apostrophe 3 bytes folds to one */
    const char *s = "Zo\xc3\xab O\xe2\x80\x99Neil";
    ck_assert_int_eq(lx_tokenize(&tl, s, strlen(s)), 0);
    ck_assert_uint_eq(tl.n, 2);
    ck_assert_str_eq(fold_of(&tl, 0), "zo\xc3\xab");
    ck_assert_str_eq(fold_of(&tl, 1), "o'neil");
    ck_assert_uint_eq(tl.v[1].start, 5);
    ck_assert_uint_eq(tl.v[1].end, 13);
    lx_toklist_free(&tl);
}
END_TEST

START_TEST(tokens_barriers_and_lines)
{
    lx_toklist tl = {0};
    const char s[] = "Anna\xffMaria\0Lopez\r\n\r\nNext. Then";
    ck_assert_int_eq(lx_tokenize(&tl, s, sizeof(s) - 1), 0);
    ck_assert_uint_eq(tl.n, 8);
    ck_assert_int_eq(tl.v[1].kind, LX_TOK_BARRIER);
    ck_assert_int_eq(tl.v[3].kind, LX_TOK_BARRIER);
    ck_assert(tl.v[5].flags & LX_TF_PARA);  /* "Next" after a blank line */
    ck_assert(tl.v[5].flags & LX_TF_SENT);
    ck_assert(tl.v[7].flags & LX_TF_SENT);  /* "Then" after a period */
    ck_assert(!(tl.v[4].flags & LX_TF_NEWLINE));
    lx_toklist_free(&tl);
}
END_TEST

START_TEST(tokens_initial_ends_no_sentence)
{
    lx_toklist tl = {0};
    const char *s = "James H. Rowe met Mr. Smith.";
    ck_assert_int_eq(lx_tokenize(&tl, s, strlen(s)), 0);
    ck_assert_str_eq(fold_of(&tl, 3), "rowe");
    ck_assert(!(tl.v[3].flags & LX_TF_SENT));
    ck_assert_str_eq(fold_of(&tl, 7), "smith");
    ck_assert(!(tl.v[7].flags & LX_TF_SENT));
    lx_toklist_free(&tl);
}
END_TEST

START_TEST(tokens_lowercase_goes_on_the_sentence)
{
    lx_toklist tl = {0};
    const char *s = "Acme Widgets Inc. backed it. Then, e.g. this.";
    ck_assert_int_eq(lx_tokenize(&tl, s, strlen(s)), 0);
    ck_assert_str_eq(fold_of(&tl, 4), "backed");
    ck_assert(!(tl.v[4].flags & LX_TF_SENT));
    ck_assert_str_eq(fold_of(&tl, 7), "then");
    ck_assert(tl.v[7].flags & LX_TF_SENT);
    ck_assert_str_eq(fold_of(&tl, 10), "this");
    ck_assert(!(tl.v[10].flags & LX_TF_SENT));
    lx_toklist_free(&tl);
}
END_TEST

START_TEST(tokens_letter_stop_before_pronoun_ends_sentence)
{
    lx_toklist tl = {0};
    /* 0 Elizabeth 1 I 2 . 3 Its 4 rival 5 J 6 . 7 Hale 8 wrote 9 . */
    const char *s = "Elizabeth I. Its rival J. Hale wrote.";
    ck_assert_int_eq(lx_tokenize(&tl, s, strlen(s)), 0);
    ck_assert_str_eq(fold_of(&tl, 3), "its");
    ck_assert(tl.v[3].flags & LX_TF_SENT);
    ck_assert_str_eq(fold_of(&tl, 7), "hale");
    ck_assert(!(tl.v[7].flags & LX_TF_SENT));
    lx_toklist_free(&tl);
}
END_TEST

/* lx_tok_wrapped() at the first token of the second line of s. */
static bool second_line_wrapped(const char *s)
{
    lx_toklist tl = {0};
    ck_assert_int_eq(lx_tokenize(&tl, s, strlen(s)), 0);
    size_t j = 1;
    while (j < tl.n && !(tl.v[j].flags & LX_TF_NEWLINE))
        j++;
    ck_assert_uint_lt(j, tl.n);
    bool w = lx_tok_wrapped(&tl, s, j);
    lx_toklist_free(&tl);
    return w;
}

START_TEST(lines_wrapped_or_not)
{
    /* running text wrapped at the margin, however short the line */
    ck_assert(second_line_wrapped("The report was signed by Jorun\nDahl on Friday."));
    ck_assert(second_line_wrapped("and the fund paid by Halvorsen\r\nFisheries bought it"));
    /* a headline in title case or capitals, a score line */
    ck_assert(!second_line_wrapped("Harbour Board Names New Chair Of The Fund Jorun\nDahl Wins"));
    ck_assert(!second_line_wrapped("HARBOUR BOARD NAMES JORUN\nDAHL"));
    ck_assert(!second_line_wrapped("Ashby 2 Dunmore 1\nHartwell 0 Riverton 3"));
    /* a list item, a label, a table row (tab, bar, three spaces) */
    ck_assert(!second_line_wrapped("- tickets sold at the gate by Jorun\nDahl and friends"));
    ck_assert(!second_line_wrapped("2. tickets sold at the gate by Jorun\nDahl and friends"));
    ck_assert(!second_line_wrapped("Tickets were sold at the gate by:\nJorun Dahl"));
    ck_assert(!second_line_wrapped("the crew from the north shore\tcaptain Jorun\nDahl crew\tsecond"));
    ck_assert(!second_line_wrapped("the crew from the north shore | Jorun\nDahl crew | second"));
    ck_assert(!second_line_wrapped("the crew from the north shore   Jorun\nDahl crew   second"));
    ck_assert(!second_line_wrapped("the crew from the north shore, Jorun\n\nDahl then spoke"));
}
END_TEST

/* Three spaces make a table row wherever they fall, two never do: at every
   byte inside a line, across the blocks the search reads at a time.  (Spaces
   before a line's first word or after its last are no cell gap.) */
/* The valid prefix ends at the first malformed byte, past ASCII read a
   word at a time and past multi-byte sequences alike. */
START_TEST(utf8_valid_prefix)
{
    static const struct {
        const char *s;
        size_t valid;
    } cases[] = {
        {"plain ascii", 11},
        {"ab\x80" "c", 2},
        {"sixteen bytes...\xc3\xa9t\xc3\xa9", 21},
        {"eleven byte\xff tail", 11},
        {"\xe2\x82", 0},
        {"caf\xc3\xa9 \xf0\x9f\x98\x80 \xed\xa0\x80", 11},
        {"", 0},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        ck_assert_msg(lx_utf8_valid_prefix(cases[i].s, strlen(cases[i].s)) == cases[i].valid,
                      "case %zu", i);
}
END_TEST

/* A word set answers for a token as written: the folded hash only narrows
   the search, and an entry the tokenizer splits is never a token. */
START_TEST(wordset_matches_as_written)
{
    static const char *const list[] = {"Hurricane", "album", "Under-Secretary", NULL};
    lx_wordset s;
    lx_toklist scratch = {0}, tl = {0};
    ck_assert_int_eq(lx_wordset_init(&s, list, &scratch), 0);
    const char *text = "The Hurricane album, HURRICANE, Album and Under-Secretary.";
    ck_assert_int_eq(lx_tokenize(&tl, text, strlen(text)), 0);
    const char *want[] = {"Hurricane", "album", NULL};
    for (size_t k = 0; k < tl.n; k++) {
        const lx_token *t = &tl.v[k];
        bool in = false;
        for (size_t i = 0; want[i]; i++)
            in |= t->end - t->start == strlen(want[i]) &&
                  memcmp(text + t->start, want[i], strlen(want[i])) == 0;
        ck_assert_msg(lx_wordset_has(&s, &tl, text, k) == in, "token %zu", k);
    }
    lx_toklist_free(&scratch);
    lx_toklist_free(&tl);
}
END_TEST

/* In any case, a word set answers for a token whose folded form is a
   (lowercase) entry, and for no other. */
START_TEST(wordset_matches_folded)
{
    static const char *const list[] = {"organization", "party", NULL};
    lx_wordset s;
    lx_toklist scratch = {0}, tl = {0};
    ck_assert_int_eq(lx_wordset_init(&s, list, &scratch), 0);
    const char *text = "Organization PARTY party Parties organizations Org";
    const bool want[] = {true, true, true, false, false, false};
    ck_assert_int_eq(lx_tokenize(&tl, text, strlen(text)), 0);
    ck_assert_uint_eq(tl.n, 6);
    for (size_t k = 0; k < tl.n; k++)
        ck_assert_msg(lx_wordset_has_folded(&s, &tl, k) == want[k], "token %zu", k);
    lx_toklist_free(&scratch);
    lx_toklist_free(&tl);
}
END_TEST

/* A dateline's place ends where its date starts; a line without a date
   right after capitalized words (and a region) is no dateline. */
START_TEST(dateline_places)
{
    static const struct {
        const char *line;
        size_t place; /* tokens of the place, 0 = no dateline */
    } cases[] = {
        {"MILAN 1996-08-30", 1},
        {"NICE, France 1996-08-30", 3},
        {"ROCHESTER, N.H., Aug. 30 (Wire) - A motel exploded.", 4},
        {"SAN JUAN, Sept 3 - Rain fell.", 3},
        {"LONDON, August 30\nText.", 2},
        {"MILAN 1996 was a good year.", 0},
        {"Paris is nice in May 3 ways.", 0},
        {"Milan Kundera wrote it on Aug. 30.", 0},
        {"the city 1996-08-30", 0},
    };
    lx_toklist tl = {0};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        ck_assert_int_eq(lx_tokenize(&tl, cases[i].line, strlen(cases[i].line)), 0);
        ck_assert_msg(lx_dateline_place(&tl, 0) == cases[i].place, "%s: %zu", cases[i].line,
                      lx_dateline_place(&tl, 0));
    }
    lx_toklist_free(&tl);
}
END_TEST

/* A firm named for its partners: three capitalized words or more joined by
   commas and an ampersand, and its designator; not a list of names, nor two
   partners alone. */
START_TEST(firm_names)
{
    static const struct {
        const char *text;
        const char *amp_before; /* the ampersand tested is the first after this */
        const char *name;       /* NULL: no firm name there */
    } cases[] = {
        {"counsel at Paul, Weiss, Rifkind, Wharton & Garrison LLP.", "", "Paul, Weiss, Rifkind, Wharton & Garrison LLP"},
        {"sold through Goldman, Sachs & Co. on Monday", "", "Goldman, Sachs & Co"},
        {"L.O.: Bodman, Longely & Dahling, Detroit", "", "Bodman, Longely & Dahling"},
        {"It ended. Crosby, Stills, Nash & Young toured", "", "Crosby, Stills, Nash & Young"},
        {"the firm of Ernst & Young", "", NULL},
        {"Procter & Gamble, Johnson & Johnson and Unilever", "Gamble", NULL},
        {"Acme Global, Brill & Sons", "", NULL},
        {"Brill, Hart &\nSons", "", NULL},
    };
    lx_toklist tl = {0};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const char *t = cases[i].text;
        ck_assert_int_eq(lx_tokenize(&tl, t, strlen(t)), 0);
        size_t from = strstr(t, cases[i].amp_before) - t + strlen(cases[i].amp_before), amp = 0;
        for (size_t k = 0; k < tl.n; k++) {
            if (tl.v[k].end - tl.v[k].start == 2 && (memcmp(t + tl.v[k].start, "Co", 2) == 0))
                tl.v[k].bits = LX_EV_DESIGNATOR; /* as the model marks them */
            if (tl.v[k].end - tl.v[k].start == 3 && memcmp(t + tl.v[k].start, "LLP", 3) == 0)
                tl.v[k].bits = LX_EV_DESIGNATOR;
        }
        while (amp < tl.n && !(tl.v[amp].start >= from && t[tl.v[amp].start] == '&'))
            amp++;
        ck_assert_uint_lt(amp, tl.n);
        size_t a, b;
        bool found = lx_firm_name(&tl, amp, &a, &b);
        if (!cases[i].name) {
            ck_assert_msg(!found, "%s: found one", t);
            continue;
        }
        ck_assert_msg(found, "%s: none found", t);
        size_t s = tl.v[a].start, e = tl.v[b - 1].end;
        ck_assert_msg(e - s == strlen(cases[i].name) && memcmp(t + s, cases[i].name, e - s) == 0,
                      "%s: %.*s", t, (int) (e - s), t + s);
    }
    lx_toklist_free(&tl);
}
END_TEST

/* The party and state after a member's name is no name, read whole or as
   its state alone; a hyphenated name elsewhere is left to the rules. */
START_TEST(party_tags)
{
    static const struct {
        const char *text, *span;
        bool tag;
    } cases[] = {
        {"Mark Green, R-Tenn., said", "R-Tenn", true},
        {"Sen. Rand Paul (R-Ky.) objected", "Ky", true},
        {"Rep. Jo Doe, D-South Carolina, agreed", "D-South Carolina", true},
        {"Rep. Ann Doe (D-CA) agreed", "D-CA", true},
        {"the I-95 corridor", "I-95", false},
        {"as Rita Davis-Moore said", "Davis-Moore", false},
        {"He met R-Tenn officials", "R-Tenn", false},
    };
    lx_toklist tl = {0};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const char *t = cases[i].text;
        ck_assert_int_eq(lx_tokenize(&tl, t, strlen(t)), 0);
        size_t s = strstr(t, cases[i].span) - t, e = s + strlen(cases[i].span), a = 0, b;
        while (a < tl.n && tl.v[a].start < s)
            a++;
        for (b = a; b < tl.n && tl.v[b].end <= e; b++)
            ;
        ck_assert_msg(lx_party_tag(&tl, t, a, b) == cases[i].tag, "%s", t);
    }
    lx_toklist_free(&tl);
}
END_TEST

/* The hash of a shape, computed as the bytes are read, is lx_hash64() of the
   shape written out, for every kind of token: case, digits, punctuation,
   UTF-8 letters (first in a capitalized word or not), invalid bytes and
   shapes longer than their limit. */
START_TEST(shape_hash_is_hash_of_shape)
{
    const char *text = "Ana McDonald-Ruiz, U.S. 4x4 H.R.2210 ÉCOLE Émile naïve Ωmega x\xC3 \xA9t\xFF "
                       "aB1cD2eF3gH4iJ5kL6mN7 -- ... \"Quote\" 3.14 ΑΒΓ ŽIŽEK 1999 A";
    lx_toklist tl = {0};
    ck_assert_int_eq(lx_tokenize(&tl, text, strlen(text)), 0);
    ck_assert_uint_gt(tl.n, 20);
    for (size_t k = 0; k < tl.n; k++) {
        char buf[16];
        size_t n = lx_tmpl_shape(text, &tl, (long) k, buf);
        ck_assert_msg(lx_tmpl_shape_hash(text, &tl.v[k]) == lx_hash64(buf, n), "token %zu (%.*s)",
                      k, (int) (tl.v[k].end - tl.v[k].start), text + tl.v[k].start);
    }
    lx_toklist_free(&tl);
}
END_TEST

START_TEST(table_spaces_at_every_offset)
{
    static const char line[] = "the crew sailed from the north shore of the bay with Jorun";
    for (size_t k = 1; k + 1 < sizeof(line) - 1; k++)
        for (int spaces = 2; spaces <= 3 && line[k - 1] != ' ' && line[k] != ' '; spaces++) {
            char s[160];
            int n = snprintf(s, sizeof(s), "%.*s%.*s%s\nDahl and the crew", (int) k, line,
                             spaces, "   ", line + k);
            ck_assert_int_lt(n, (int) sizeof(s));
            ck_assert_msg(second_line_wrapped(s) == (spaces == 2), "%d spaces at %zu", spaces, k);
        }
}
END_TEST

/*
 * A token list that defers its lowercase ASCII words (see defer_lower)
 * holds the same tokens; settled, each has the folded form and hash the
 * tokenizer writes at once.  A word whose head is in keep_heads is folded
 * at once.  The words sit at every distance from the end of the buffer,
 * some longer than the sixteen bytes read at a time.
 */
START_TEST(deferred_words_settle_as_folded)
{
    static const char words[] =
        "the tide reached eighteenthcenturyharbourwalls at 3.5 knots, e.g. near "
        "Dunmore; iShares a1b2 zeta. x. ab. don't caf\xc3\xa9 over\nthe ridge";
    lx_toklist full = {0}, lazy = {0};
    uint64_t keep[LX_HEAD_FILTER_BITS / 64] = {0};
    uint32_t b = lx_head_bucket(lx_head64("ridge", 5));
    keep[b / 64] |= 1ull << (b % 64);
    lazy.defer_lower = true;
    lazy.keep_heads = keep;
    for (size_t n = 1; n <= sizeof(words) - 1; n++) {
        ck_assert_int_eq(lx_tokenize(&full, words, n), 0);
        ck_assert_int_eq(lx_tokenize(&lazy, words, n), 0);
        ck_assert_uint_eq(full.n, lazy.n);
        for (size_t k = 0; k < full.n; k++) {
            const lx_token *f = &full.v[k], *l = &lazy.v[k];
            ck_assert_uint_eq(f->start, l->start);
            ck_assert_uint_eq(f->end, l->end);
            ck_assert_uint_eq(f->kind, l->kind);
            ck_assert_uint_eq(f->flags, l->flags);
            ck_assert_uint_eq(f->fold_len, l->fold_len);
            bool kept = l->end - l->start == 5 && memcmp(words + l->start, "ridge", 5) == 0;
            if (kept)
                ck_assert_uint_ne(l->vocab, LX_TOK_UNFOLDED);
            lx_tok_settle(&lazy, words, k);
            ck_assert_uint_eq(l->vocab, LX_NONE);
            ck_assert_uint_eq(f->hash, l->hash);
            ck_assert_str_eq(lx_tok_fold(&full, f), lx_tok_fold(&lazy, l));
        }
    }
    /* most lowercase words were deferred */
    ck_assert_int_eq(lx_tokenize(&lazy, words, sizeof(words) - 1), 0);
    ck_assert_uint_eq(lazy.v[0].vocab, LX_TOK_UNFOLDED);
    ck_assert_uint_eq(lazy.v[2].vocab, LX_TOK_UNFOLDED);
    lx_toklist_free(&full);
    lx_toklist_free(&lazy);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, decode_valid_and_invalid);
    tcase_add_test(tc, classes_and_folding);
    tcase_add_test(tc, tokens_words_abbreviations_possessives);
    tcase_add_test(tc, tokens_folded_quotes_and_offsets);
    tcase_add_test(tc, tokens_barriers_and_lines);
    tcase_add_test(tc, tokens_initial_ends_no_sentence);
    tcase_add_test(tc, tokens_lowercase_goes_on_the_sentence);
    tcase_add_test(tc, tokens_letter_stop_before_pronoun_ends_sentence);
    tcase_add_test(tc, lines_wrapped_or_not);
    tcase_add_test(tc, table_spaces_at_every_offset);
    tcase_add_test(tc, utf8_valid_prefix);
    tcase_add_test(tc, wordset_matches_as_written);
    tcase_add_test(tc, wordset_matches_folded);
    tcase_add_test(tc, dateline_places);
    tcase_add_test(tc, firm_names);
    tcase_add_test(tc, party_tags);
    tcase_add_test(tc, shape_hash_is_hash_of_shape);
    tcase_add_test(tc, deferred_words_settle_as_folded);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return lx_run_suite(suite(), true);
}
