/* SPDX-License-Identifier: MIT */
/*
 * The lane pool (see lanes.h).  Each run bumps a generation number under
 * the mutex and broadcasts; a parked thread wakes, sees the new generation,
 * takes part when its lane number is below the run's width, and the last
 * one to finish signals the caller.  The generation, not a flag, says
 * "new work", so a thread that wakes late never runs a run twice or misses
 * one.
 */
#include "lanes.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>

#include "timing.h"

typedef struct lane_thread {
    struct lx_lanes *p;
    unsigned k;              /* lane number, from 1 */
    unsigned long seen;      /* last generation this thread looked at */
    pthread_t th;
} lane_thread;

struct lx_lanes {
    pthread_mutex_t mu;
    pthread_cond_t go, done;
    lane_thread **v;         /* v[k - 1] runs lane k */
    unsigned n, cap;
    unsigned long gen;
    unsigned width;          /* lanes taking part in the current run */
    unsigned pending;        /* threads of the current run still working */
    lx_lanes_fn fn;
    void *ctx;
    bool quit;
};

static void *lane_main(void *arg)
{
    lane_thread *l = arg;
    struct lx_lanes *p = l->p;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->gen == l->seen && !p->quit)
            pthread_cond_wait(&p->go, &p->mu);
        if (p->quit)
            break;
        l->seen = p->gen;
        if (l->k >= p->width)
            continue;
        lx_lanes_fn fn = p->fn;
        void *ctx = p->ctx;
        pthread_mutex_unlock(&p->mu);
        fn(ctx, l->k);
        pthread_mutex_lock(&p->mu);
        if (--p->pending == 0)
            pthread_cond_signal(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

lx_lanes *lx_lanes_new(void)
{
    struct lx_lanes *p = calloc(1, sizeof(*p));
    if (!p)
        return NULL;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->go, NULL);
    pthread_cond_init(&p->done, NULL);
    return p;
}

/* Starts threads until lanes 1..want-1 exist or one cannot be had; called locked. */
static void grow(struct lx_lanes *p, unsigned want)
{
    while (p->n + 1 < want) {
        if (p->n == p->cap) {
            unsigned cap = p->cap ? p->cap * 2 : 4;
            lane_thread **v = realloc(p->v, cap * sizeof(*v));
            if (!v)
                return;
            p->v = v;
            p->cap = cap;
        }
        lane_thread *l = malloc(sizeof(*l));
        if (!l)
            return;
        *l = (lane_thread){.p = p, .k = p->n + 1, .seen = p->gen};
        if (pthread_create(&l->th, NULL, lane_main, l) != 0) {
            free(l);
            return;
        }
        p->v[p->n++] = l;
    }
}

unsigned lx_lanes_run(lx_lanes *p, unsigned n, lx_lanes_fn fn, void *ctx)
{
    if (!p || n <= 1) {
        fn(ctx, 0);
        return 1;
    }
    pthread_mutex_lock(&p->mu);
    grow(p, n);
    p->width = n < p->n + 1 ? n : p->n + 1;
    unsigned width = p->width;
    p->pending = width - 1;
    p->fn = fn;
    p->ctx = ctx;
    p->gen++;
    pthread_cond_broadcast(&p->go);
    pthread_mutex_unlock(&p->mu);
    fn(ctx, 0);
    pthread_mutex_lock(&p->mu);
    while (p->pending)
        pthread_cond_wait(&p->done, &p->mu);
    pthread_mutex_unlock(&p->mu);
    return width;
}

typedef struct each_job {
    size_t n;
    lx_lanes_item_fn fn;
    void *ctx;
    bool cpu;           /* time the lanes on their CPU clocks */
    atomic_size_t next;
    atomic_int rc;
    _Atomic double sum; /* CPU seconds of every lane */
    double own;         /* of which the calling thread's */
} each_job;

static void each_main(void *p, unsigned k)
{
    each_job *j = p;
    double c0 = j->cpu ? lx_timing_cpu() : 0;
    for (;;) {
        size_t s = atomic_fetch_add(&j->next, 1);
        if (s >= j->n || atomic_load(&j->rc))
            break;
        int rc = j->fn(j->ctx, k, s);
        if (rc) {
            int zero = 0;
            atomic_compare_exchange_strong(&j->rc, &zero, rc);
        }
    }
    if (j->cpu) {
        double c = j->sum, d = lx_timing_cpu() - c0;
        while (!atomic_compare_exchange_weak(&j->sum, &c, c + d))
            ;
        if (k == 0)
            j->own = d;
    }
}

int lx_lanes_each(lx_lanes *p, size_t n, unsigned want, lx_lanes_item_fn fn, void *ctx,
                  lextag_timing *tm, double *phase)
{
    /* the CPU clock costs a system call: not for every short record */
    each_job job = {.n = n, .fn = fn, .ctx = ctx, .cpu = tm && (n > 1 || tm->cpu)};
    double w0 = tm && !tm->cpu ? lx_timing_now() : 0;
    atomic_init(&job.next, 0);
    atomic_init(&job.rc, 0);
    atomic_init(&job.sum, 0.0);
    lx_lanes_run(p, want < n ? want : (unsigned) n, each_main, &job);
    if (job.cpu)
        tm->lanes_cpu += job.sum;
    if (tm && phase) {
        double x = tm->cpu ? job.own : lx_timing_now() - w0;
        *phase -= x;
        tm->lanes += x;
    }
    return atomic_load(&job.rc);
}

void lx_lanes_free(lx_lanes *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->quit = true;
    pthread_cond_broadcast(&p->go);
    pthread_mutex_unlock(&p->mu);
    for (unsigned i = 0; i < p->n; i++) {
        pthread_join(p->v[i]->th, NULL);
        free(p->v[i]);
    }
    free(p->v);
    pthread_cond_destroy(&p->go);
    pthread_cond_destroy(&p->done);
    pthread_mutex_destroy(&p->mu);
    free(p);
}
