/* SPDX-License-Identifier: MIT */
/*
 * lextag: tags people, organizations and US legislation references in text
 * and reports entity spans with exact offsets.
 *
 * Life cycle:
 *   1. Build a model: lextag_builder_new(), add the built-in model and/or
 *      gazetteer and rule files, lextag_builder_build().  Or load a compiled
 *      image with lextag_model_load().  A model is read-only once built and
 *      may be shared by any number of threads.
 *   2. Make one lextag_tagger per thread (it owns the scratch memory) and call
 *      lextag_tagger_tag() per document.
 *   3. Read the lextag_result, write it with lextag_result_write(), free it.
 *
 * Errors: every fallible call takes `lextag_error *err` last.  It may be
 * NULL; otherwise the first error is recorded there and later ones are
 * ignored until lextag_error_clear().  Calls return 0 or a LEXTAG_ERR_* code
 * (functions returning pointers return NULL on error).
 *
 * Overlaps: all candidates meet in one resolver.  Among overlapping
 * candidates the one with the higher priority wins; on equal priority the
 * longer one; on equal length the leftmost; on a full tie the one from the
 * source loaded first.  Losers are kept in the result as "lost" candidates
 * (see lextag_result_lost_count()).
 */
#ifndef LEXTAG_LEXTAG_H
#define LEXTAG_LEXTAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LEXTAG_VERSION "0.1.0"

/*
 * Marks the public API.  The library is built with hidden visibility, so
 * only what carries this mark leaves liblextag.so (a test checks it).
 */
#if defined(__GNUC__)
#define LEXTAG_EXPORT __attribute__((visibility("default")))
#else
#define LEXTAG_EXPORT
#endif

typedef enum lextag_status {
    LEXTAG_OK = 0,
    LEXTAG_ERR_NOMEM = 1,   /* out of memory */
    LEXTAG_ERR_IO = 2,      /* a file could not be read or written */
    LEXTAG_ERR_PARSE = 3,   /* bad gazetteer or rule file */
    LEXTAG_ERR_MODEL = 4,   /* bad or incompatible model image */
    LEXTAG_ERR_INVALID = 5, /* invalid argument */
    LEXTAG_ERR_INPUT = 6,   /* input record that cannot be processed */
} lextag_status;

/* Where and why a call failed.  Plain struct: the caller owns it. */
typedef struct lextag_error {
    int code;          /* lextag_status; 0 when no error was recorded */
    char file[512];    /* file (or buffer name) the error is in, or "" */
    unsigned line;     /* 1-based; 0 when not about a file position */
    unsigned column;   /* 1-based, in bytes; 0 when unknown */
    char message[512]; /* human-readable, without location */
    char context[256]; /* the offending source line, when known */
} lextag_error;

/* Resets *err to "no error".  NULL-safe. */
LEXTAG_EXPORT void lextag_error_clear(lextag_error *err);

/*
 * Formats err as "FILE:LINE:COL: error: MESSAGE" (location parts omitted
 * when unknown) into buf of size cap.  Returns buf.
 */
LEXTAG_EXPORT char *lextag_error_format(const lextag_error *err, char *buf, size_t cap);

/* ---- models --------------------------------------------------------- */

typedef struct lextag_builder lextag_builder;
typedef struct lextag_model lextag_model;

/* New empty builder.  Caller frees with lextag_builder_free(). */
LEXTAG_EXPORT lextag_builder *lextag_builder_new(lextag_error *err);

/* Frees a builder.  NULL-safe. */
LEXTAG_EXPORT void lextag_builder_free(lextag_builder *b);

/*
 * Adds the built-in model: its gazetteers and rules, and its learned layer
 * (weights and word clusters), so that a model built from them and a user's
 * own files tags as the built-in model does, with those files' entries and
 * rules besides.  Returns 0 or an error code.
 */
LEXTAG_EXPORT int lextag_builder_add_defaults(lextag_builder *b, lextag_error *err);

/*
 * Adds a gazetteer file, or every *.tsv file (sorted by name) of a folder.
 * Errors: LEXTAG_ERR_IO, LEXTAG_ERR_PARSE (err has FILE:LINE:COL).  A file
 * with an error adds nothing (for gazetteer and rule files, from a path or
 * from memory): a caller may skip it and build from the others.
 */
LEXTAG_EXPORT int lextag_builder_add_gazetteer(lextag_builder *b, const char *path,
                                               lextag_error *err);

/*
 * Adds gazetteer text held in memory; `name` is used as the source name and
 * in error messages.  The data is copied.
 */
LEXTAG_EXPORT int lextag_builder_add_gazetteer_data(lextag_builder *b, const char *name,
                                                    const char *data, size_t len,
                                                    lextag_error *err);

/* Adds a rules file, or every *.rules file of a folder. */
LEXTAG_EXPORT int lextag_builder_add_rules(lextag_builder *b, const char *path,
                                           lextag_error *err);

/* Adds rule text held in memory (copied); `name` names it in errors. */
LEXTAG_EXPORT int lextag_builder_add_rules_data(lextag_builder *b, const char *name,
                                                const char *data, size_t len,
                                                lextag_error *err);

/*
 * Adds the learned layer's weights (a file `lextag train --weights` writes,
 * e.g. gazetteers/model/ner.weights).  The data is copied into the model.
 * Without weights the model tags with its rules only.
 * Errors: LEXTAG_ERR_IO, LEXTAG_ERR_MODEL (wrong format or feature set).
 */
LEXTAG_EXPORT int lextag_builder_add_weights(lextag_builder *b, const char *path,
                               lextag_error *err);

/*
 * Adds word clusters for the learned layer's features: a file in Liang's
 * wcluster format (BITSTRING<TAB>WORD<TAB>COUNT per line, '#' comments).
 * Weights must be trained with the same clusters.
 * Errors: LEXTAG_ERR_IO, LEXTAG_ERR_PARSE.
 */
LEXTAG_EXPORT int lextag_builder_add_clusters(lextag_builder *b, const char *path,
                                lextag_error *err);

/*
 * Builds the model.  The builder stays valid and may be freed afterwards.
 * Caller frees the model with lextag_model_free().
 */
LEXTAG_EXPORT lextag_model *lextag_builder_build(lextag_builder *b, lextag_error *err);

/*
 * Writes the model as a compiled image (magic, format version, content hash,
 * trie, strings, rules).  Written to a temporary file then renamed.
 */
LEXTAG_EXPORT int lextag_model_save(const lextag_model *m, const char *path,
                                    lextag_error *err);

/*
 * Loads a compiled image with one mmap and validates it.  Errors:
 * LEXTAG_ERR_IO, LEXTAG_ERR_MODEL (truncated, corrupted, wrong version).
 * Caller frees with lextag_model_free().
 */
LEXTAG_EXPORT lextag_model *lextag_model_load(const char *path, lextag_error *err);

/* The built-in model (compiled into the library).  Caller frees it. */
LEXTAG_EXPORT lextag_model *lextag_model_default(lextag_error *err);

/* Frees a model.  NULL-safe.  No tagger may still use it. */
LEXTAG_EXPORT void lextag_model_free(lextag_model *m);

/*
 * JSON description of the model: entries per type, rules, sources, version,
 * image hash.  Caller frees with free().  NULL when out of memory (or m is
 * NULL).
 */
LEXTAG_EXPORT char *lextag_model_info(const lextag_model *m);

/*
 * Can the model tag an entity of this type: does a list entry or a rule
 * give it, or, for PERSON and ORG, the context rules or the learned layer?
 */
LEXTAG_EXPORT bool lextag_model_has_type(const lextag_model *m, const char *type);

/* ---- tagging -------------------------------------------------------- */

typedef struct lextag_tagger lextag_tagger;
typedef struct lextag_result lextag_result;

typedef struct lextag_options {
    const char *date;    /* "YYYY-MM-DD" document date, or NULL; one that is
                            not a valid date (lextag_date_valid) is ignored */
    const char *types;   /* comma-separated types to keep, or NULL (all) */
    bool all_candidates; /* keep the resolver's losers in the result */
    bool rules_only;     /* skip the learned layer: the rules decide every span */
    bool explain;        /* each learned entity gets an "explain" member */
} lextag_options;

/*
 * Is s a document date lextag reads: YYYY-MM-DD naming a day of the calendar
 * (2018-02-29 and 2018-04-31 are not), optionally followed by a time after
 * 'T' or a space ("2018-06-20T14:30:00Z")?
 */
LEXTAG_EXPORT bool lextag_date_valid(const char *s);

/*
 * New tagger using model m (borrowed: it must outlive the tagger).  One
 * tagger per thread.  Caller frees with lextag_tagger_free().
 */
LEXTAG_EXPORT lextag_tagger *lextag_tagger_new(const lextag_model *m, lextag_error *err);

/*
 * Lets the tagger use up to n threads (1..1024) for one large document: its
 * stretches of about 1 MiB are tagged side by side.  The result is the same
 * for every n.  Small documents always use the calling thread only.
 * Errors: LEXTAG_ERR_INVALID.
 */
LEXTAG_EXPORT int lextag_tagger_set_threads(lextag_tagger *t, unsigned n, lextag_error *err);

/* Frees a tagger.  NULL-safe. */
LEXTAG_EXPORT void lextag_tagger_free(lextag_tagger *t);

/*
 * Where tagging time goes, for diagnosis and benchmarks: seconds per phase
 * of lextag_tagger_tag(), summed over the documents tagged.  Each phase
 * counts only its part on the calling thread alone; the sections run stretch
 * by stretch on the lanes (the first pass, and for a long document the alias
 * scan and the offset conversion) count as lanes.  The phases are wall time
 * (CLOCK_MONOTONIC), or with `cpu` set by the caller the calling thread's
 * CPU time (CLOCK_THREAD_CPUTIME_ID: a system call per phase, but figures
 * that hold on a busy machine).  Members may be added at the end in later
 * versions.
 */
typedef struct lextag_timing {
    bool cpu;              /* set by the caller: measure CPU time, not wall time */
    size_t documents;      /* documents tagged */
    double prescan;        /* legislation context: date, dateline, Congress ordinals */
    double cut;            /* stretch bounds */
    double lanes;          /* the sections on the lanes (with cpu: the calling
                              thread's share) */
    double lanes_cpu;      /* the same, CPU time summed over the lanes, for
                              documents cut into several stretches (for every
                              document with cpu) */
    double merge;          /* stretches merged in order, unsupported entries dropped */
    double document;       /* aliases and refs, state bills, acts linked to bills */
    double convert;        /* byte offsets to code points and UTF-16 */
    double format;         /* lextag_result_write_doc() of this tagger's results,
                              but for format_parallel */
    double format_parallel; /* chunks of a long entity list formatted side by side
                               (with cpu: CPU time summed over the threads) */
    double stream;         /* a stream's own work on the feeding thread: the text
                              buffered and dropped, windows cut, refs settled,
                              offsets counted (lextag_stream_*) */
} lextag_timing;

/*
 * Adds the phase times of every document t tags from now on to *sink, and
 * the formatting time of its results to the same sink; NULL stops.  The sink
 * is borrowed: it must outlive the tagger and its results, and only the
 * thread using t (and writing its results) writes to it.  Off by default:
 * timing then costs nothing.
 */
LEXTAG_EXPORT void lextag_tagger_set_timing(lextag_tagger *t, lextag_timing *sink);

/*
 * Tags text[0..len): any bytes (invalid UTF-8, NUL, CRLF, BOM).  The text
 * is borrowed and must stay valid while the result is used: entity text is
 * reported as offsets into it.  opt may be NULL.
 * Caller frees the result with lextag_result_free().
 * Errors: LEXTAG_ERR_NOMEM, LEXTAG_ERR_INVALID (no tagger, or NULL text with
 * len > 0); the message says which.
 */
LEXTAG_EXPORT lextag_result *lextag_tagger_tag(lextag_tagger *t, const char *text,
                                               size_t len, const lextag_options *opt,
                                               lextag_error *err);

/* Typed attributes of an entity; read them with lextag_entity_bill(),
 * lextag_entity_citation() and lextag_entity_linked_bill(). */
typedef struct lextag_attrs lextag_attrs;

/* One entity.  Offsets are end-exclusive.  Strings are borrowed from the
 * result (valid until lextag_result_free()). */
typedef struct lextag_entity {
    const char *type;
    size_t start, end;             /* Unicode code points */
    size_t byte_start, byte_end;   /* UTF-8 bytes */
    size_t utf16_start, utf16_end; /* UTF-16 code units */
    const char *id;                /* canonical id or NULL */
    const char *source;            /* "gazetteer:NAME", "rule:NAME", ... */
    const lextag_attrs *attrs;     /* typed attributes or NULL (see below) */
    long ref;                      /* index of the first mention, or -1 */
} lextag_entity;

/*
 * What a bill number says: a BILL entity's attributes.  Allocated by the
 * library; members may be added at the end in later versions, so never
 * copy or allocate one yourself.
 */
typedef struct lextag_bill {
    const char *type;            /* "hr", "s", "hjres", "samdt", ... */
    long number;                 /* 4760 */
    long range_end;              /* 227 for "S. 204-227"; 0 when not a range */
    int congress;                /* 115; 0 when unknown */
    const char *congress_source; /* federal bills: "text", "date", "dateline" or
                                    "none"; NULL for a state bill (it has year
                                    instead), as the JSON leaves it out */
    const char *jurisdiction;    /* "us" (federal), a state's two-letter code ("tx"),
                                    "state" (some state, not named), or NULL when
                                    the form is written at both levels and nothing
                                    tells which ("House Bill 5") */
    int year;                    /* state bills: session year; 0 when unknown */
    const char *year_source;     /* state bills: "text", "date" or "none"; NULL for
                                    federal bills (they have congress instead) */
    const char *jurisdiction_source; /* state bills: "span", "sentence", "dateline",
                                        "document", "form" or "none"; else NULL */
} lextag_bill;

/*
 * A CITATION entity's attributes.  Allocated by the library; members may
 * be added at the end in later versions.
 */
typedef struct lextag_citation {
    const char *kind;       /* "usc", "usc_chapter", "cfr", "public_law",
                               "private_law", "stat", "fedreg", "usconst", or
                               "act_section" (a LAW entity: "section 7 of the
                               Clean Air Act") */
    const char *const *ids; /* when the span may name several sections (a range,
                               an ambiguous dash): every id, the entity's id first;
                               else NULL */
    size_t n_ids;           /* entries in ids; 0 when ids is NULL */
} lextag_citation;

/* One feature of an explanation: its readable name and its weight. */
typedef struct lextag_feature {
    const char *name;  /* "word=smith", "prev=coach", "bit=FIRSTNAME", ... */
    double weight;     /* its weight for the labels chosen, summed over the span */
} lextag_feature;

/*
 * Why a PERSON or ORG was tagged (lextag_options.explain).  Allocated by
 * the library; members may be added at the end in later versions.
 */
typedef struct lextag_explain {
    bool learned;       /* the learned layer decided (else a rule: a byline, an
                           acronym, an alias, a list) */
    double score;       /* learned: the span's score over O; 0 otherwise */
    const lextag_feature *features; /* learned: the top contributions, largest first */
    size_t n_features;
    const char *const *sources;     /* the rules and lists that proposed a
                                       candidate over the span */
    size_t n_sources;
} lextag_explain;

/*
 * The explanation of e, or NULL when the document was tagged without
 * explain or e is no PERSON or ORG.  Borrowed from the result.
 */
LEXTAG_EXPORT const lextag_explain *lextag_entity_explain(const lextag_entity *e);

/*
 * The bill attributes of e, or NULL when e has none (e is not a BILL).
 * Borrowed from the result: valid until lextag_result_free().
 */
LEXTAG_EXPORT const lextag_bill *lextag_entity_bill(const lextag_entity *e);

/*
 * The citation attributes of e, or NULL when e has none (e is not a
 * CITATION, nor a LAW that names sections of an act).  Borrowed from the result: valid until lextag_result_free().
 */
LEXTAG_EXPORT const lextag_citation *lextag_entity_citation(const lextag_entity *e);

/*
 * For a LAW entity (a named act) written next to a bill number: the id of
 * that bill ("hr4760-115"); NULL otherwise.  Borrowed from the result: valid
 * until lextag_result_free().
 */
LEXTAG_EXPORT const char *lextag_entity_linked_bill(const lextag_entity *e);

/* Number of entities (after the type filter). */
LEXTAG_EXPORT size_t lextag_result_count(const lextag_result *r);

/* Entity i (0 <= i < count), sorted by byte_start.  Borrowed. */
LEXTAG_EXPORT const lextag_entity *lextag_result_entity(const lextag_result *r, size_t i);

/* Number of candidates that lost in the resolver (all_candidates only). */
LEXTAG_EXPORT size_t lextag_result_lost_count(const lextag_result *r);

/* Lost candidate i, sorted by byte_start.  Borrowed. */
LEXTAG_EXPORT const lextag_entity *lextag_result_lost(const lextag_result *r, size_t i);

/* Rules cut off by their match limits on this document. */
LEXTAG_EXPORT size_t lextag_result_limit_hits(const lextag_result *r);

/* Name of the i-th rule cut off (i < limit_hits).  Borrowed. */
LEXTAG_EXPORT const char *lextag_result_limit_rule(const lextag_result *r, size_t i);

/* Frees a result.  NULL-safe. */
LEXTAG_EXPORT void lextag_result_free(lextag_result *r);

/* ---- streaming ------------------------------------------------------ */

/*
 * A document tagged as it arrives: text is fed in pieces of any size, and
 * the entities of each window are handed to a callback, on the thread that
 * feeds.  With one thread a window is delivered as soon as it is tagged;
 * with more (lextag_tagger_set_threads(): the tagger's lanes, plus one
 * thread that tags the next window) it is held until the next window is
 * cut (or the document ends), and delivered while that one is tagged,
 * unless it is dense with entities.  With more threads than a window has
 * stretches, windows are tagged in groups, enough to keep every thread
 * busy (their first passes side by side, then each window's document-level
 * passes in order, each window delivered as soon as it is finished): the
 * output is the same, and the memory grows with the threads (each holds
 * a stretch's scratch) and to a group's text.  The callback must not use the tagger
 * or the stream.  Memory is bounded by two windows (a few MiB of text and
 * their entities) and by the number of distinct names, not by the document
 * or its entity count.
 *
 * Windows are whole stretches (lextag_tagger_set_threads()), cut where the
 * whole-document path cuts its stretches: at a blank line, else a sentence
 * end, else a space, never inside a UTF-8 sequence.  A document that fits in
 * one window gives exactly the entities of lextag_tagger_tag().  Across a
 * window cut the document-level passes carry forward: the date or dateline
 * of the first window, an open "115th Congress", aliases of names seen in
 * full (with their ref), the ids named unambiguously.  What a later window
 * would change in an earlier one cannot be applied once that window is
 * delivered: a surname before its full name, a company name at a sentence
 * start supported only further down, state or act evidence that comes after
 * the bill, and a rule match or entity that would reach across the cut.
 */
typedef struct lextag_stream lextag_stream;

/*
 * Receives one entity.  Offsets are absolute in the document (bytes, code
 * points, UTF-16); ref is an index among all the entities the stream
 * delivers, or -1: an earlier entity's, or (an alias written before its full
 * name in the same window) a later one's of the same window.  text points at
 * the entity's own bytes (e->byte_end - e->byte_start of them).  e, its
 * strings and text are borrowed until the callback returns.
 * Return 0 to go on; anything else stops the stream (the call that
 * delivered the window then fails with LEXTAG_ERR_IO).
 */
typedef int (*lextag_entity_fn)(void *arg, const lextag_entity *e, const char *text);

/*
 * Receives the entities of one window at once: v[0..n), in document order,
 * as lextag_entity_fn would receive them one by one; entity e's bytes are at
 * text + (e->byte_start - text_start).  `threads` is the number the tagger
 * may use, which the callback may use too (lextag_doc_writer_window()
 * formats side by side).  Everything is borrowed until the callback returns.
 * Return 0 to go on; anything else stops the stream, as for lextag_entity_fn.
 */
typedef int (*lextag_window_fn)(void *arg, const lextag_entity *v, size_t n, const char *text,
                                size_t text_start, unsigned threads);

/*
 * New stream tagging with t (borrowed: it must outlive the stream and tag
 * nothing else until lextag_stream_free()).  opt may be NULL; its strings are
 * copied; all_candidates is ignored (a stream delivers no lost candidates).
 * fn(arg, ...) receives the entities in document order.
 * Caller frees with lextag_stream_free().  Errors: LEXTAG_ERR_NOMEM,
 * LEXTAG_ERR_INVALID (no tagger or no callback).
 */
LEXTAG_EXPORT lextag_stream *lextag_stream_new(lextag_tagger *t, const lextag_options *opt,
                                               lextag_entity_fn fn, void *arg,
                                               lextag_error *err);

/* lextag_stream_new() whose callback receives each window's entities at once. */
LEXTAG_EXPORT lextag_stream *lextag_stream_new_windows(lextag_tagger *t,
                                                       const lextag_options *opt,
                                                       lextag_window_fn fn, void *arg,
                                                       lextag_error *err);

/*
 * Feeds buf[0..len) (copied; any bytes, cut anywhere, even inside a UTF-8
 * sequence or a CRLF).  Tags every window that is complete, and delivers
 * each but a held one (see above).
 * Errors: LEXTAG_ERR_NOMEM, LEXTAG_ERR_IO (the callback stopped the
 * stream), LEXTAG_ERR_INVALID (after lextag_stream_finish() or an error).
 */
LEXTAG_EXPORT int lextag_stream_feed(lextag_stream *s, const char *buf, size_t len,
                                     lextag_error *err);

/*
 * Ends the document: tags and delivers the rest.  Errors as for
 * lextag_stream_feed().
 */
LEXTAG_EXPORT int lextag_stream_finish(lextag_stream *s, lextag_error *err);

/* Entities delivered so far (with a window callback, in the windows it took to the end). */
LEXTAG_EXPORT size_t lextag_stream_count(const lextag_stream *s);

/* Rules cut off by their match limits so far, and the name of the i-th. */
LEXTAG_EXPORT size_t lextag_stream_limit_hits(const lextag_stream *s);
LEXTAG_EXPORT const char *lextag_stream_limit_rule(const lextag_stream *s, size_t i);

/* Frees a stream (without delivering what is left).  NULL-safe. */
LEXTAG_EXPORT void lextag_stream_free(lextag_stream *s);

/* ---- training ------------------------------------------------------- */

/*
 * Training the learned layer (an averaged structured perceptron that decides
 * PERSON and ORG spans from the rules' evidence).  Add annotated documents,
 * run the epochs, write the weights or a whole model image.  Training is
 * deterministic: the same documents in the same order give the same bytes.
 */
typedef struct lextag_trainer lextag_trainer;

/* A gold span in code points; label is "PER", "ORG", "LOC" or "MISC". */
typedef struct lextag_span {
    size_t start, end;
    const char *label;
} lextag_span;

/* What one epoch reached; dev figures are 0 without dev documents. */
typedef struct lextag_epoch {
    unsigned epoch, epochs;
    size_t mistakes;          /* training sequences decoded wrongly */
    double dev_per, dev_org;  /* dev F1 of PERSON and ORG spans (exact) */
    double dev_f1;            /* of both together */
    bool best;                /* the best dev F1 so far: these weights are kept */
    unsigned run, runs;       /* the run this epoch belongs to, from 1 */
} lextag_epoch;

typedef void (*lextag_epoch_fn)(void *arg, const lextag_epoch *e);

/*
 * New trainer whose features come from model m (its rules, lists and word
 * clusters; borrowed: it must outlive the trainer).  The trained weights
 * only fit models with the same lists and clusters.  Caller frees with
 * lextag_trainer_free().
 */
LEXTAG_EXPORT lextag_trainer *lextag_trainer_new(const lextag_model *m, lextag_error *err);

/*
 * Adds one document: text[0..len) and its gold spans (copied; the text is
 * not kept).  dev documents only measure each epoch.  Spans that do not
 * start and end on token boundaries, or overlap an earlier span, are
 * skipped and counted (lextag_trainer_counts()).
 */
LEXTAG_EXPORT int lextag_trainer_add(lextag_trainer *tr, const char *text, size_t len,
                                     const lextag_span *spans, size_t n, bool dev,
                                     lextag_error *err);

/*
 * Runs the epochs (documents shuffled with a fixed seed), calling fn (may be
 * NULL) after each.  With dev documents the weights of the epoch with the
 * best dev F1 are kept, otherwise those of the last (of each run, see
 * lextag_trainer_set_runs()).
 */
LEXTAG_EXPORT int lextag_trainer_run(lextag_trainer *tr, unsigned epochs, lextag_epoch_fn fn,
                                     void *arg, lextag_error *err);

/*
 * Sets how many times lextag_trainer_run() trains, each time from no
 * weights on another shuffle (default 1).  The weights each run keeps are
 * averaged: one model, as fast as a single run's, that depends less on
 * the order of the documents.  Run 1 is the single run's: with runs = 1
 * the bytes are those of a trainer never set.  Errors: LEXTAG_ERR_INVALID
 * for 0.
 */
LEXTAG_EXPORT int lextag_trainer_set_runs(lextag_trainer *tr, unsigned runs, lextag_error *err);

/* Spans added, skipped as unaligned or overlapping, and outside every decoded region. */
LEXTAG_EXPORT void lextag_trainer_counts(const lextag_trainer *tr, size_t *spans,
                                         size_t *skipped, size_t *outside);

/* Writes the trained weights (the file lextag_builder_add_weights() reads). */
LEXTAG_EXPORT int lextag_trainer_write_weights(const lextag_trainer *tr, const char *path,
                                 lextag_error *err);

/* Writes a model image: the trainer's model with the trained weights. */
LEXTAG_EXPORT int lextag_trainer_write_image(const lextag_trainer *tr, const char *path,
                               lextag_error *err);

/* Frees a trainer.  NULL-safe. */
LEXTAG_EXPORT void lextag_trainer_free(lextag_trainer *tr);

/* ---- output --------------------------------------------------------- */

typedef enum lextag_format {
    LEXTAG_FORMAT_JSON = 0,    /* JSON Lines, one object per document */
    LEXTAG_FORMAT_BRAT,        /* brat standoff (.ann lines), code points */
    LEXTAG_FORMAT_CONLL,       /* TOKEN<TAB>IOB2-TAG, -DOCSTART- per document */
    LEXTAG_FORMAT_DOCCANO,     /* JSONL {"id", "text", "label": [[s, e, T]]} */
    LEXTAG_FORMAT_LABELSTUDIO, /* one JSON array of tasks with predictions */
    LEXTAG_FORMAT_HTML,        /* one standalone page, entities highlighted */
} lextag_format;

/* Format named "json", "brat", ...; -1 when unknown. */
LEXTAG_EXPORT int lextag_format_from_name(const char *name);

/*
 * What a format writes before the first document and after the last (the
 * opening and closing of Label Studio's task array, the HTML page); nothing
 * for the line-based formats.  Returns 0 or LEXTAG_ERR_IO.
 */
LEXTAG_EXPORT int lextag_write_begin(lextag_format format, FILE *out, lextag_error *err);
LEXTAG_EXPORT int lextag_write_end(lextag_format format, FILE *out, lextag_error *err);

/*
 * The document an output record is about, for the *_ref writers below.
 * A JSONL record's id that is a number, true or false keeps its type in
 * the output ({"id": 7, ...}): the caller gives the value's JSON text
 * ("7", "1e3", "true") with id_json set.  So may a string that a C string
 * cannot hold, one with U+0000 in it ("\"a\\u0000b\"").  The formats that
 * write JSON (json, doccano, Label Studio, error records) write that text
 * as it is; the others write it as text.  Text that is not one JSON
 * number, true, false or string is written as a string, as if id_json
 * were not set.
 */
typedef struct lextag_doc_ref {
    const char *id;   /* file path, "-" or the record's id; NULL: null */
    bool id_json;     /* id is the JSON text of a number, true, false or string */
    const char *date; /* the document date, or NULL */
    size_t index;     /* the document's number, 0-based, in output order */
} lextag_doc_ref;

/* lextag_result_write_doc() for the document doc. */
LEXTAG_EXPORT int lextag_result_write_ref(const lextag_result *r, lextag_format format,
                                          const lextag_doc_ref *doc, const char *text,
                                          size_t len, FILE *out, lextag_error *err);

/*
 * Like lextag_result_write() for document number `index` (0-based, in
 * output order): formats that separate documents (Label Studio's array)
 * need to know which comes first.
 */
LEXTAG_EXPORT int lextag_result_write_doc(const lextag_result *r, lextag_format format, size_t index,
                                          const char *doc_id, const char *date, const char *text,
                                          size_t len, FILE *out, lextag_error *err);

/*
 * Writes one document's result to `out` in the given format.  doc_id is the
 * document id (file path, "-" or the JSONL id), date the document date or
 * NULL.  text/len are the tagged text.
 * Returns 0 or LEXTAG_ERR_IO when writing fails.
 */
LEXTAG_EXPORT int lextag_result_write(const lextag_result *r, lextag_format format,
                                      const char *doc_id, const char *date,
                                      const char *text, size_t len, FILE *out,
                                      lextag_error *err);

/*
 * Writing a document as a stream delivers it (json and brat): the writer
 * writes the document's head when made, each entity as lextag_doc_writer_entity()
 * receives it, and the rest at lextag_doc_writer_finish().  The output is
 * the one lextag_result_write_doc() writes for the same entities.
 */
typedef struct lextag_doc_writer lextag_doc_writer;

/* Whether documents of `format` can be written entity by entity. */
LEXTAG_EXPORT bool lextag_format_streams(lextag_format format);

/*
 * New writer of document number `index` (see lextag_result_write_doc()) to
 * out; writes the document's head at once (doc_id and date are not kept).  Caller
 * frees with lextag_doc_writer_free().  Errors: LEXTAG_ERR_INVALID (the
 * format cannot be streamed), LEXTAG_ERR_NOMEM, LEXTAG_ERR_IO.
 */
LEXTAG_EXPORT lextag_doc_writer *lextag_doc_writer_new(lextag_format format, size_t index,
                                                       const char *doc_id, const char *date,
                                                       FILE *out, lextag_error *err);

/* lextag_doc_writer_new() for the document doc. */
LEXTAG_EXPORT lextag_doc_writer *lextag_doc_writer_new_ref(lextag_format format,
                                                           const lextag_doc_ref *doc,
                                                           FILE *out, lextag_error *err);

/*
 * Writes one entity: a lextag_entity_fn, to be given to lextag_stream_new()
 * with the writer as its argument.  Returns 0, or 1 when writing failed
 * (which stops the stream).
 */
LEXTAG_EXPORT int lextag_doc_writer_entity(void *writer, const lextag_entity *e,
                                           const char *text);

/*
 * Writes the entities of a window: a lextag_window_fn, to be given to
 * lextag_stream_new_windows() with the writer as its argument.  The bytes
 * are those lextag_doc_writer_entity() writes for each in turn; json
 * formats a long window's entities on up to `threads` threads.  Returns 0,
 * or 1 when writing failed (which stops the stream).
 */
LEXTAG_EXPORT int lextag_doc_writer_window(void *writer, const lextag_entity *v, size_t n,
                                           const char *text, size_t text_start,
                                           unsigned threads);

/*
 * Adds the writer's formatting time to *sink (format, format_parallel), as
 * lextag_tagger_set_timing() does for results; NULL stops.  The sink is
 * borrowed and written only by the thread writing the document.
 */
LEXTAG_EXPORT void lextag_doc_writer_set_timing(lextag_doc_writer *w, lextag_timing *sink);

/*
 * Writes the end of the document; s (may be NULL) gives the rules cut off by
 * their limits.  Returns 0 or LEXTAG_ERR_IO.
 */
LEXTAG_EXPORT int lextag_doc_writer_finish(lextag_doc_writer *w, const lextag_stream *s,
                                           lextag_error *err);

/* Frees a writer.  NULL-safe. */
LEXTAG_EXPORT void lextag_doc_writer_free(lextag_doc_writer *w);

/*
 * Writes the error record {"id": ..., "error": ...} for an input record that
 * could not be processed.  Returns 0 or LEXTAG_ERR_IO.
 */
LEXTAG_EXPORT int lextag_write_error_record(const char *doc_id, const char *message,
                                            FILE *out, lextag_error *err);

/* lextag_write_error_record() for the document doc. */
LEXTAG_EXPORT int lextag_write_error_ref(const lextag_doc_ref *doc, const char *message,
                                         FILE *out, lextag_error *err);

/*
 * The record, in `format`, of document doc (a JSONL line) that could not be
 * tagged, in its place among the documents: json and doccano write the error
 * record above, labelstudio a task without text whose data holds the error.
 * Returns 0, LEXTAG_ERR_IO, or LEXTAG_ERR_INVALID (nothing written) for a
 * format that has no such record (brat, conll, html).
 */
LEXTAG_EXPORT int lextag_write_error_doc(lextag_format format, const lextag_doc_ref *doc,
                                         const char *message, FILE *out, lextag_error *err);

/*
 * Writes a document's text as valid UTF-8: each byte that starts no
 * well-formed sequence becomes U+FFFD, one for one, as lextag counts such a
 * byte as one code point.  Offsets in code points (brat's .ann, Label
 * Studio, doccano) then hold in the written text, and a reader that decodes
 * strictly (brat opens its .txt files so) accepts it.  Returns 0 or
 * LEXTAG_ERR_IO.
 */
LEXTAG_EXPORT int lextag_write_text(const char *text, size_t len, FILE *out, lextag_error *err);

/*
 * The stem of a file path: its file name without folder and extension
 * ("data/people.tsv" gives "people"; a leading dot is kept: ".tsv").  Sets
 * *len to the stem's length and returns a pointer into path (borrowed).
 * This is how lextag names a gazetteer's source and a brat output file.
 */
LEXTAG_EXPORT const char *lextag_path_stem(const char *path, size_t *len);

/* Library version string, e.g. "0.1.0". */
LEXTAG_EXPORT const char *lextag_version(void);

#ifdef __cplusplus
}
#endif

#endif
