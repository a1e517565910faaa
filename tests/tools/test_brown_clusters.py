#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks tools/brown-clusters on a fixture of template sentences.

In brown-fixture.txt every animal word occurs in exactly the same contexts, and so does
every colour word, so Brown clustering must keep each group together: in one cluster
when clusters are few, and as a subtree of the hierarchy holding no other word when
every word has a cluster of its own. The test also
checks the output format, the minimum count, the tokenizer (case folding, inner
apostrophes) and that two runs give the same bytes.

usage: test_brown_clusters.py BROWN-CLUSTERS FIXTURE
"""
import os
import re
import subprocess
import sys

tool, fixture = sys.argv[1], sys.argv[2]
failures = []


def check(ok, what):
    print(("ok - " if ok else "not ok - ") + what)
    if not ok:
        failures.append(what)


def run(clusters):
    out = subprocess.run([tool, '--clusters', str(clusters), '--min-count', '3',
                          '--note', 'fixture', fixture],
                         check=True, capture_output=True, text=True).stdout
    return out


def prefix(a, b):
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


animals, colours = ['cat', 'dog', 'horse'], ['red', 'blue', 'green']
print('1..6')
for clusters in (3, 20):
    out = run(clusters)
    lines = out.splitlines()
    header = [l for l in lines if l.startswith('#')]
    rows = [l.split('\t') for l in lines if not l.startswith('#')]
    check(header[0] == '# fixture' and all(len(r) == 3 and re.fullmatch('[01]+', r[0])
                                          and int(r[2]) >= 3 for r in rows),
          f'C={clusters}: header and BITSTRING<TAB>WORD<TAB>COUNT rows')
    path = {r[1]: r[0] for r in rows}
    ok = "it's" in path and 'purple' not in path and 'once' not in path and \
        all(w == w.lower() for w in path)
    if clusters < len(path):
        # Fewer clusters than words: each group falls into one cluster of its own.
        same = all(len({path[w] for w in g}) == 1 for g in (animals, colours))
        check(ok and same and path['cat'] != path['red'],
              f'C={clusters}: words of identical contexts share one cluster')
    else:
        # The hierarchy: each group is a subtree holding no other word.
        def subtree(g):
            p = path[g[0]][:min(prefix(path[a], path[b]) for a in g for b in g)]
            return {w for w in path if path[w].startswith(p)}
        check(ok and all(subtree(g) == set(g) for g in (animals, colours)),
              f'C={clusters}: words of identical contexts form a subtree of their own')
    if clusters == 20:
        check(run(clusters) == out, 'two runs give the same bytes')
        check(len(set(path.values())) == len(path) or clusters < len(path),
              'with more clusters than words every word has its own path')
sys.exit(1 if failures else 0)
