/* SPDX-License-Identifier: MIT */
/* Run statistics and the progress line (see stats.h). */
#include "stats.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static double seconds(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

double stats_now(void)
{
    return seconds(CLOCK_MONOTONIC);
}

double stats_cpu(void)
{
    return seconds(CLOCK_THREAD_CPUTIME_ID);
}

void stats_init(run_stats *s, bool progress, size_t total_bytes)
{
    memset(s, 0, sizeof(*s));
    pthread_mutex_init(&s->lock, NULL);
    s->progress = progress;
    s->total_bytes = total_bytes;
    s->t0 = stats_now();
}

void stats_count(run_stats *s, const char *type)
{
    size_t k = 0;
    while (k < STATS_TYPES && s->types[k] && strcmp(s->types[k], type) != 0)
        k++;
    if (k == STATS_TYPES)
        return;
    s->types[k] = type;
    s->counts[k]++;
}

void stats_add(run_stats *s, const lextag_result *r, size_t bytes, bool error)
{
    pthread_mutex_lock(&s->lock);
    s->docs++;
    s->bytes += bytes;
    s->errors += error;
    for (size_t i = 0; r && i < lextag_result_count(r); i++)
        stats_count(s, lextag_result_entity(r, i)->type);
    pthread_mutex_unlock(&s->lock);
}

void stats_merge(run_stats *dst, run_stats *src)
{
    pthread_mutex_lock(&dst->lock);
    dst->docs += src->docs;
    dst->bytes += src->bytes;
    dst->errors += src->errors;
    for (size_t i = 0; i < STATS_TYPES && src->types[i]; i++) {
        size_t k = 0;
        while (k < STATS_TYPES && dst->types[k] && strcmp(dst->types[k], src->types[i]) != 0)
            k++;
        if (k < STATS_TYPES) {
            dst->types[k] = src->types[i];
            dst->counts[k] += src->counts[i];
        }
        src->counts[i] = 0;
    }
    src->docs = src->bytes = src->errors = 0;
    pthread_mutex_unlock(&dst->lock);
}

void stats_progress(run_stats *s)
{
    if (!s->progress)
        return;
    double t = stats_now();
    if (t - s->last_progress < 0.25)
        return;
    s->last_progress = t;
    pthread_mutex_lock(&s->lock);
    double mb = (double) s->bytes / 1e6, secs = t - s->t0;
    double rate = secs > 0 ? mb / secs : 0;
    fprintf(stderr, "\r\033[K%zu documents, %.1f MB, %.1f MB/s", s->docs, mb, rate);
    if (s->total_bytes && rate > 0 && s->bytes <= s->total_bytes)
        fprintf(stderr, ", ETA %.0f s", ((double) (s->total_bytes - s->bytes) / 1e6) / rate);
    pthread_mutex_unlock(&s->lock);
}

/* The "timing" member: the run's stages, then the taggers' phases summed. */
static void print_timing(const run_stats *s)
{
    if (!s->phases)
        return;
    lextag_timing sum = {0};
    for (size_t i = 0; i < s->n_phases; i++) {
        const lextag_timing *p = &s->phases[i];
        sum.documents += p->documents;
        sum.prescan += p->prescan;
        sum.cut += p->cut;
        sum.lanes += p->lanes;
        sum.lanes_cpu += p->lanes_cpu;
        sum.merge += p->merge;
        sum.document += p->document;
        sum.convert += p->convert;
        sum.format += p->format;
        sum.format_parallel += p->format_parallel;
        sum.stream += p->stream;
    }
    fprintf(stderr,
            ", \"timing\": {\"reader\": %.6f, \"writer\": %.6f, \"workers\": %.6f, "
            "\"prescan\": %.6f, \"cut\": %.6f, \"lanes\": %.6f, \"lanes_cpu\": %.6f, "
            "\"merge\": %.6f, \"document\": %.6f, \"convert\": %.6f, \"format\": %.6f, "
            "\"format_parallel\": %.6f, \"stream\": %.6f}",
            s->reader, s->writer, s->workers, sum.prescan, sum.cut, sum.lanes,
            sum.lanes_cpu, sum.merge, sum.document, sum.convert, sum.format,
            sum.format_parallel, sum.stream);
}

void stats_finish(run_stats *s, bool json)
{
    if (s->progress && s->last_progress > 0)
        fputs("\r\033[K", stderr);
    if (json) {
        fprintf(stderr, "{\"documents\": %zu, \"bytes\": %zu, \"errors\": %zu, \"seconds\": %.3f, "
                        "\"entities\": {",
                s->docs, s->bytes, s->errors, stats_now() - s->t0);
        for (size_t k = 0; k < STATS_TYPES && s->types[k]; k++)
            fprintf(stderr, "%s\"%s\": %zu", k ? ", " : "", s->types[k], s->counts[k]);
        fputc('}', stderr);
        print_timing(s);
        fputs("}\n", stderr);
    }
    pthread_mutex_destroy(&s->lock);
}
