#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Streamed documents (LEXTAG_STREAM_MIN_BYTES lowers the size from which the command line
streams a document):

  - a document under one window gives the same bytes streamed as tagged whole, for every golden
    case and the bundled example, in json and brat, from a file and from a pipe, with --explain
    and --types too;
  - a document of several windows (an invented sentence full of names and bills, repeated) gives
    the same bytes streamed as whole, and the same for --threads 1 and 2, from a file and a pipe;
  - formats that need the whole document (conll, doccano, labelstudio, html) and --all-candidates
    are not streamed: their output does not change;
  - --stats counts the streamed entities.

Usage: test_stream.py LEXTAG   (TAP)
"""
import json, os, subprocess, sys, tempfile

LEXTAG = os.path.abspath(sys.argv[1])
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GOLDEN = os.path.join(ROOT, "tests", "golden")

results = []


def ok(cond, name):
    results.append((bool(cond), name))


def run(args, stream, stdin=None, env_extra=None):
    env = dict(os.environ)
    env["LEXTAG_STREAM_MIN_BYTES"] = "0" if stream else str(1 << 40)
    env.update(env_extra or {})
    p = subprocess.run([LEXTAG, "-q"] + args, input=stdin, capture_output=True, env=env,
                       timeout=300)
    return p.returncode, p.stdout, p.stderr


def case_args(case):
    path = os.path.join(case, "args")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [a.rstrip("\n").replace("@", GOLDEN + "/", 1) if a.startswith("@")
                else a.rstrip("\n") for a in f if a.strip()]


def small_documents():
    cases = sorted(d for d in os.listdir(GOLDEN) if os.path.isdir(os.path.join(GOLDEN, d)))
    docs = [(c, case_args(os.path.join(GOLDEN, c)), os.path.join(GOLDEN, c, "input.txt"))
            for c in cases]
    docs.append(("example", [], os.path.join(ROOT, "examples", "article.txt")))
    return docs


def under_one_window():
    bad = []
    for name, args, path in small_documents():
        with open(path, "rb") as f:
            data = f.read()
        for extra in (["--format", "json"], ["--format", "brat"], ["--explain"],
                      ["--types", "PERSON,BILL"]):
            whole = run(args + extra + [path], False)
            streamed = run(args + extra + [path], True)
            piped = run(args + extra, True, stdin=data)
            piped_whole = run(args + extra, False, stdin=data)
            if whole != streamed or piped != piped_whole or whole[0] != 0:
                bad.append("%s %s" % (name, " ".join(extra)))
    ok(not bad, "a document under one window: streamed bytes equal the whole path's (%s)"
       % ", ".join(bad[:5]))


def dense(n):
    s = ("Sen. Ada Quill and Rep. Hugo Marten met Microsoft about H.R. 2451 and S. 118 in the "
         "116th Congress. ")
    return (s * (n // len(s) + 1)).encode()


def several_windows(tmp):
    path = os.path.join(tmp, "dense.txt")
    data = dense(9 << 20)
    with open(path, "wb") as f:
        f.write(data)
    whole = run([path], False)
    streamed = run([path], True)
    ok(whole[0] == 0 and whole == streamed,
       "a document of three windows: streamed json equals the whole path's")
    doc = json.loads(streamed[1])
    ok(len(doc["entities"]) > 500000 and doc["entities"][-1]["byte_end"] < len(data),
       "the streamed document is one JSON object with every entity")
    two = run(["--threads", "2", path], True)
    ok(two == streamed, "streamed output is the same for --threads 1 and 2")
    piped = run([], True, stdin=data)
    ok(piped[0] == 0 and piped[1].replace(b'{"id": "-"', b'{"id": "%s"' % path.encode(), 1)
       == streamed[1], "a piped document over the size is streamed with the same bytes")
    brat_whole = run(["--format", "brat", path], False)
    brat = run(["--format", "brat", path], True)
    ok(brat[0] == 0 and brat == brat_whole, "brat: streamed output equals the whole path's")
    stats = run(["--stats", path], True)
    counts = json.loads(stats[2].decode().strip().splitlines()[-1])
    ok(counts["documents"] == 1 and counts["bytes"] == len(data) and
       sum(counts["entities"].values()) == len(doc["entities"]),
       "--stats counts the streamed document and its entities")


def not_streamed(tmp):
    path = os.path.join(ROOT, "examples", "article.txt")
    same = True
    for fmt in ("conll", "doccano", "labelstudio", "html"):
        same &= run(["--format", fmt, path], True) == run(["--format", fmt, path], False)
    same &= run(["--all-candidates", path], True) == run(["--all-candidates", path], False)
    ok(same, "formats that need the whole document and --all-candidates keep the whole path")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        under_one_window()
        several_windows(tmp)
        not_streamed(tmp)
    print("1..%d" % len(results))
    for i, (good, name) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if good else "not ok", i, name))
    return 0 if all(g for g, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
