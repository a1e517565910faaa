#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""
The learned layer end to end (TAP): `lextag train` on the invented fixture
(fixture.txt) learns it, is deterministic (same data, same bytes), the
trained image tags with learned spans that --explain explains, and
--rules-only leaves the learned layer out.

usage: test_learn.py LEXTAG FIXTURE
"""
import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

LEXTAG, FIXTURE = sys.argv[1], sys.argv[2]
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def run(*args, **kw):
    return subprocess.run([LEXTAG, *args], capture_output=True, text=True, **kw)


def fixture_docs(path):
    """Paragraphs of [TYPE words] markup -> [{"id", "text", "entities"}]."""
    docs, paras, cur = [], [], []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                paras.append(cur)
            cur = []
        else:
            cur.append(line.rstrip("\n"))
    if cur:
        paras.append(cur)
    for n, lines in enumerate(paras):
        marked = "\n".join(lines)
        text, ents, pos = "", [], 0
        for m in re.finditer(r"\[(PER|ORG|LOC|MISC) ([^\]]+)\]", marked):
            text += marked[pos:m.start()]
            ents.append({"start": len(text), "end": len(text) + len(m.group(2)),
                         "type": m.group(1), "text": m.group(2)})
            text += m.group(2)
            pos = m.end()
        text += marked[pos:]
        docs.append({"id": "fixture-%02d" % n, "text": text, "entities": ents})
    return docs


def write_jsonl(path, docs):
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(d) + "\n" for d in docs)


def read_bytes(path):
    """A file's bytes, or None when the run that should have written it did not."""
    if not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        return f.read()


def main():
    tmp = tempfile.mkdtemp(prefix="lextag-learn-")
    atexit.register(shutil.rmtree, tmp, True)  # removed whether the test passes or fails
    data = os.path.join(tmp, "train.jsonl")
    write_jsonl(data, fixture_docs(FIXTURE))
    img = [os.path.join(tmp, n) for n in ("a.lxm", "b.lxm")]
    wts = [os.path.join(tmp, n) for n in ("a.weights", "b.weights")]
    for i in range(2):
        r = run("train", "--data", data, "--dev", data, "--epochs", "6", "-o", img[i],
                "--weights", wts[i])
        check("train run %d exits 0" % (i + 1), r.returncode == 0, r.stderr)
    a, b = [read_bytes(p) for p in img], [read_bytes(p) for p in wts]
    same = None not in a + b and a[0] == a[1] and b[0] == b[1]
    check("training twice gives the same image and weights bytes", same)

    # the trained layer learned the fixture (a stub or a no-op would not)
    hashes = [json.loads(run(*(["info"] + a)).stdout)["hash"] for a in ([], ["--model", img[0]])]
    check("a trained image's hash is its own, not its base model's", hashes[0] != hashes[1],
          hashes)
    r = run("eval", data, "--model", img[0], "--json")
    score = json.loads(r.stdout) if r.returncode == 0 else {}
    per, org = score.get("PERSON", {}).get("f1", 0), score.get("ORG", {}).get("f1", 0)
    check("trained model fits its data (PERSON F1 %.3f, ORG F1 %.3f)" % (per, org),
          per >= 0.95 and org >= 0.9, r.stdout + r.stderr)

    # --explain: every PERSON and ORG says why
    r = run("--input", "jsonl", "--model", img[0], "--explain", data)
    ents = [e for line in r.stdout.splitlines() for e in json.loads(line)["entities"]]
    named = [e for e in ents if e["type"] in ("PERSON", "ORG")]
    learned = [e for e in named if e["source"].startswith("learned")]
    check("the trained model tags learned spans", len(learned) > 10, "%d" % len(learned))
    bad = [e for e in named if not isinstance(e.get("explain"), dict) or
           not {"score", "features", "sources"} <= set(e["explain"])]
    check("--explain: every PERSON/ORG has explain", named and not bad, str(bad[:2]))
    bad = [e for e in learned if not e["explain"]["features"] or
           not all(isinstance(f.get("name"), str) and isinstance(f.get("weight"), float)
                   for f in e["explain"]["features"])]
    check("--explain: learned spans list weighted features", not bad, str(bad[:2]))

    # --rules-only: nothing learned, whatever weights the model holds (the
    # golden cases pinned to --rules-only check it against the rules' outputs)
    a = run("--input", "jsonl", "--model", img[0], "--rules-only", data)
    b = run("--input", "jsonl", "--rules-only", data)
    ents = [e for line in a.stdout.splitlines() for e in json.loads(line)["entities"]]
    check("--rules-only: no entity from the learned layer",
          a.returncode == 0 and ents and not any(e["source"].startswith("learned") for e in ents))
    check("--rules-only: the same output with other weights", a.stdout == b.stdout and a.stdout)

    # a user's own list added to the built-in model keeps its learned layer:
    # the same spans as the built-in model alone, plus the list's entries
    extra = os.path.join(tmp, "extra.tsv")
    with open(extra, "w", encoding="utf-8") as f:
        f.write("Quorvane Holdings\tORG\n")
    text = os.path.join(tmp, "extra.txt")
    with open(text, "w", encoding="utf-8") as f:
        f.write("\n\n".join(d["text"] for d in fixture_docs(FIXTURE)) +
                "\n\nShares of Quorvane Holdings rose on Tuesday.\n")
    spans, listed = [], False
    for args in ([], ["--gazetteer", extra], ["--rules-only"]):
        r = run(*args, text)
        ents = json.loads(r.stdout)["entities"] if r.returncode == 0 else []
        spans.append({(e["start"], e["end"], e["type"]) for e in ents
                      if e["text"] != "Quorvane Holdings"})
        listed = listed or any(e["text"] == "Quorvane Holdings" and
                               e["source"].endswith("gazetteer:extra") for e in ents)
    check("--gazetteer keeps the built-in learned layer",
          spans[0] and spans[0] == spans[1] and spans[0] != spans[2] and listed,
          "%d %d %d" % tuple(len(x) for x in spans))
    r = [run("eval", data, "--json", *args) for args in ([], ["--gazetteer", extra])]
    check("eval --gazetteer scores the built-in learned layer",
          r[0].returncode == 0 and r[0].stdout == r[1].stdout, r[1].stdout + r[1].stderr)

    r = run("train", "--data", data)
    check("train without -o or --weights is a usage error", r.returncode == 1)
    empty = os.path.join(tmp, "no-spans.jsonl")
    with open(empty, "w") as f:
        f.write(json.dumps({"id": "x", "text": "Nothing to learn here.", "entities": []}) + "\n")
    out = os.path.join(tmp, "nothing.lxm")
    r = run("train", "--data", empty, "-o", out)
    check("train on data without a gold span: exit 3, no image",
          r.returncode == 3 and not os.path.exists(out), r.stderr)
    r = run("train", "--data", tmp, "-o", out)
    check("train on a folder: exit 3, no image",
          r.returncode == 3 and not os.path.exists(out), r.stderr)

    # without --dev the last epoch is kept, so more epochs change the weights
    w = [os.path.join(tmp, "e%d.weights" % n) for n in (1, 4)]
    for n, path in zip((1, 4), w):
        run("train", "--data", data, "--epochs", str(n), "--weights", path)
    e1, e4 = [read_bytes(p) for p in w]
    check("without --dev the last epoch's weights are kept", e1 and e4 and e1 != e4)

    # --runs: each run on its own shuffle, reported, averaged, deterministic
    r2 = [os.path.join(tmp, "r2-%d.weights" % i) for i in range(2)]
    outs = [run("train", "--data", data, "--dev", data, "--epochs", "3", "--runs", "2",
                "--weights", path) for path in r2]
    check("--runs 2 reports each run's epochs",
          all(o.returncode == 0 and "run 2/2, epoch 3/3" in o.stderr for o in outs),
          outs[0].stderr)
    b2 = [read_bytes(p) for p in r2]
    r1 = os.path.join(tmp, "r1.weights")
    run("train", "--data", data, "--dev", data, "--epochs", "3", "--weights", r1)
    b1 = read_bytes(r1)
    check("--runs 2 is deterministic and averages other weights than one run",
          b2[0] and b2[0] == b2[1] and b1 and b2[0] != b1)
    # a learned span never opens with punctuation, even where its weights
    # say so: trained on spans that take in the period of "Ms.", the model
    # proposes ". Avery", and the layer reads "Avery"
    names = ["Avery", "Brandt", "Okafor", "Lindqvist", "Ferrand", "Quill"]
    pdocs = []
    for i in range(60):
        a, b = names[i % 6], names[(i + 1) % 6]
        text = "Ms. %s met the board on Monday. Mr. %s agreed with her." % (a, b)
        ents = []
        for nm, title in ((a, "Ms"), (b, "Mr")):
            st = text.index(title + ". " + nm) + len(title)
            ents.append({"start": st, "end": st + 2 + len(nm), "type": "PER"})
        pdocs.append({"id": "p%d" % i, "text": text, "entities": ents})
    pdata, pimg = os.path.join(tmp, "punct.jsonl"), os.path.join(tmp, "punct.lxm")
    write_jsonl(pdata, pdocs)
    run("train", "--data", pdata, "--epochs", "3", "-o", pimg)
    r = run("--model", pimg, "-", input="Ms. Quill met the board. Mr. Okafor and Ms. Brandt left.\n")
    got = [e["text"] for e in json.loads(r.stdout)["entities"]] if r.returncode == 0 else []
    check("no learned span opens with punctuation (%s)" % got,
          len(got) >= 2 and not any(t[0] in ".,;:-" for t in got), r.stderr)

    r = run("train", "--data", data, "--runs", "0", "--weights", r1)
    check("--runs 0 is a usage error", r.returncode == 1 and "--runs" in r.stderr)

    print("1..%d" % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:20]:
                print("# " + line)


main()
