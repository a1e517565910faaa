#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The scaling recipes of the README, run locally: every JSONL record comes back exactly once.

  GNU parallel:      parallel --pipe --block 10M -j N lextag --input jsonl
  Hadoop Streaming:  lextag --input jsonl as the mapper, sort as the reducer
  Spark rdd.pipe():  the same stdin-to-stdout contract, one partition at a time

Usage: test_recipes.py LEXTAG   (TAP; the GNU parallel case is skipped when it is not installed)
"""
import atexit, json, os, shutil, subprocess, sys, tempfile

LEXTAG = os.path.abspath(sys.argv[1])

def records(n):
    for i in range(n):
        yield json.dumps({"id": "doc-%05d" % i,
                          "text": "Sen. Ada Quill%d met Microsoft about H.R. %d on Monday." % (i, i + 1),
                          "date": "2019-05-0%d" % (1 + i % 9)}) + "\n"

def ids_once(out, n):
    got = [json.loads(l)["id"] for l in out.decode().split("\n") if l.strip()]
    return sorted(got) == ["doc-%05d" % i for i in range(n)], len(got)

def main():
    n = 3000
    tmp = tempfile.mkdtemp(prefix="lextag-recipes-")
    atexit.register(shutil.rmtree, tmp, True)  # removed whether the test passes or fails
    src = os.path.join(tmp, "in.jsonl")
    with open(src, "w") as f:
        f.writelines(records(n))
    checks = []
    if shutil.which("parallel"):
        cmd = "parallel --pipe --block 64k -j 2 %s --input jsonl --threads 1 < %s" % (LEXTAG, src)
        p = subprocess.run(cmd, shell=True, capture_output=True, timeout=300)
        ok, count = ids_once(p.stdout, n)
        checks.append(("GNU parallel --pipe: every record once (%d)" % count, p.returncode == 0 and ok))
    else:
        checks.append(("GNU parallel --pipe # SKIP parallel is not installed", True))
    # Hadoop Streaming: mapper over input splits, sort as the reducer
    lines = open(src).read().splitlines(True)
    outs = []
    for part in range(4):
        split = "".join(lines[part::4]).encode()
        p = subprocess.run([LEXTAG, "--input", "jsonl"], input=split, capture_output=True)
        outs.append(p.stdout)
    reduced = subprocess.run(["sort"], input=b"".join(outs), capture_output=True).stdout
    ok, count = ids_once(reduced, n)
    checks.append(("Hadoop Streaming mapper + sort: every record once (%d)" % count, ok))
    # Spark rdd.pipe(): each partition's lines through the command, output line for line
    part = "".join(lines[:500]).encode()
    p = subprocess.run([LEXTAG, "--input", "jsonl"], input=part, capture_output=True)
    outl = p.stdout.decode().split("\n")[:-1]
    checks.append(("rdd.pipe contract: one output line per input line, in order",
                   [json.loads(l)["id"] for l in outl] == ["doc-%05d" % i for i in range(500)]))
    print("1..%d" % len(checks))
    for i, (name, ok) in enumerate(checks, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    sys.exit(0 if all(ok for _, ok in checks) else 1)

if __name__ == "__main__":
    main()
