/* SPDX-License-Identifier: MIT */
/*
 * Word lists matched byte for byte before any model is involved: the
 * tokenizer's abbreviations, the dateline reader's months, the words after
 * an organization that make it an event, the spellings of bill types, the
 * titles of office after a portfolio, the words before a storm's name and
 * before a work's title, the kinds of organization and person a definition
 * names, the nouns that name a thing after a person or a technique, the words that
 * end a place's name, the names of planets, moons and stars, the nouns
 * before a letter that names a part ("subpart B"), the members of bands and
 * teams ("the guitarist of").  They
 * are data (gazetteers/evidence/NAME.txt), compiled into the library at
 * build time by tools/wordlist.py.  Every other word list is model evidence.  Each
 * array ends with NULL.
 */
#ifndef LX_WORDS_H
#define LX_WORDS_H

#include <stddef.h>

/* abbreviations.txt: lowercase words whose period ends no sentence */
extern const char *const lx_words_abbreviations[];

/* bill-types.txt: "LETTERS TYPE", the letters of a bill prefix and its type */
extern const char *const lx_words_bill_types[];

/* civic-words.txt: words government writing capitalizes ("the Nation") */
extern const char *const lx_words_civic_words[];

/* congress-words.txt: words that show a document speaks of Congress ("Senate", "Rep.") */
extern const char *const lx_words_congress_words[];

/* degree-words.txt: degrees and chairs before the field they are in ("a PhD
   in Astronomy") */
extern const char *const lx_words_degree_words[];

/* eponym-heads.txt: nouns after a surname that name a thing after the
   person ("filter" in "Kalman filter"), and after an acronym a technique
   ("algorithm" in "EM algorithm") */
extern const char *const lx_words_eponym_heads[];

/* events.txt: words after an organization's name that make it an event */
extern const char *const lx_words_events[];

/* gatherings.txt: gatherings held "on" a subject, events ("Conference") */
extern const char *const lx_words_gatherings[];

/* interjections.txt: words of talk that open a sentence and are no name
   alone ("Hello everyone.", "Alas,") */
extern const char *const lx_words_interjections[];

/* member-nouns.txt: a band's members and a team's players ("guitarist",
   "midfielder"), before "of" or "for" and the group's name; lowercase */
extern const char *const lx_words_member_nouns[];

/* monarch-titles.txt: a monarch's titles ("queen", "emperor") */
extern const char *const lx_words_monarch_titles[];

/* months.txt: the twelve month names in lowercase, January first */
extern const char *const lx_words_months[];

/* award-words.txt: words that close an award's name ("Prize") */
extern const char *const lx_words_award_words[];

/* music-works.txt: nouns that end a piece of music's title ("Violin Concerto") */
extern const char *const lx_words_music_works[];

/* org-kinds.txt: kinds of organization a definition names ("a rock band") */
extern const char *const lx_words_org_kinds[];

/* part-words.txt: nouns before a letter naming a part ("subpart B"),
   lowercase */
extern const char *const lx_words_part_words[];

/* party-plurals.txt: members' plurals that name a party after a nationality ("Greens") */
extern const char *const lx_words_party_plurals[];

/* person-kinds.txt: kinds of person a definition names ("a singer") */
extern const char *const lx_words_person_kinds[];

/* place-heads.txt: words that end a place's name, never a person's
   ("Stadium" in "Wembley Stadium") */
extern const char *const lx_words_place_heads[];

/* plural-titles.txt: plural titles before a list of people ("Senators") */
extern const char *const lx_words_plural_titles[];

/* portfolio-titles.txt: titles after the name of a remit ("Trade Minister") */
extern const char *const lx_words_portfolio_titles[];

/* sky-kinds.txt: words that open a sky body's name ("Comet Hale-Bopp") */
extern const char *const lx_words_sky_kinds[];

/* sky-objects.txt: planets, moons and stars by name ("Saturn", "Titan") */
extern const char *const lx_words_sky_objects[];

/* state-codes.txt: the postal codes of US states and territories ("TX") */
extern const char *const lx_words_state_codes[];

/* storms.txt: words that name the storm after them ("Hurricane") */
extern const char *const lx_words_storms[];

/* term-acronyms.txt: acronyms of common terms ("GPU", "DNA") */
extern const char *const lx_words_term_acronyms[];

/* term-endings.txt: endings of the words of science ("-ase", "-osis") */
extern const char *const lx_words_term_endings[];

/* thing-nouns.txt: nouns for a kind of thing before its name ("the protein") */
extern const char *const lx_words_thing_nouns[];

/* word-endings.txt: endings of English words that are no name ("-ive", "-ology") */
extern const char *const lx_words_word_endings[];

/* work-nouns.txt: nouns before a work's title ("the album", "his novel") */
extern const char *const lx_words_work_nouns[];

#endif
