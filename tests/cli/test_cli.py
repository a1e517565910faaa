#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Command-line tests: exit codes, inputs, JSONL records, options, atomic output.

Usage: test_cli.py LEXTAG   (prints TAP; exits 1 when a check fails)
"""
import atexit, json, os, shutil, subprocess, sys, tempfile

LEXTAG = os.path.abspath(sys.argv[1])
results = []

def run(args, stdin=b"", cwd=None):
    return subprocess.run([LEXTAG] + args, input=stdin, capture_output=True, cwd=cwd, timeout=120)

def check(name, cond, detail=""):
    results.append((name, bool(cond), detail))

def records(out):
    return [json.loads(l) for l in out.decode("utf-8").split("\n") if l.strip()]

def main():
    tmp = tempfile.mkdtemp(prefix="lextag-cli-")
    atexit.register(shutil.rmtree, tmp, True)  # removed whether the test passes or fails
    a = os.path.join(tmp, "a.txt")
    b = os.path.join(tmp, "b.txt")
    with open(a, "w") as f:
        f.write("Sen. Harriet Quill met Microsoft executives on Monday.\n")
    with open(b, "w") as f:
        f.write("The Fair Harbor Access Act (H.R. 2210) passed the House.\n")

    p = run(["--help"])
    check("--help exits 0 and shows usage", p.returncode == 0 and b"usage: lextag" in p.stdout)
    p = run(["--version"])
    check("--version prints the version", p.returncode == 0 and p.stdout.startswith(b"lextag "))
    p = run(["--no-such-option"])
    check("unknown option: exit 1", p.returncode == 1 and not p.stdout, p.stderr)
    p = run(["--date", "June 5"])
    check("bad --date: exit 1", p.returncode == 1, p.stderr)
    for day in ["2018-02-29", "2019-04-31", "1900-02-29"]:
        p = run(["--date", day])
        check("--date %s is no day of the calendar: exit 1" % day, p.returncode == 1, p.stderr)
    p = run(["--date", "2020-02-29"], stdin=b"H.R. 2210 passed.\n")
    check("--date 2020-02-29 (a leap day) is read", p.returncode == 0 and b"hr2210-116" in p.stdout,
          p.stdout)
    p = run(["--input", "xml"])
    check("bad --input: exit 1", p.returncode == 1, p.stderr)

    # the bundled example, as a newcomer's first command tags it: the list's
    # items and the two chambers are names of their own
    example = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples",
                           "article.txt")
    p = run([example])
    orgs = [e["text"] for e in records(p.stdout)[0]["entities"] if e["type"] == "ORG"]
    check("example: Google, Amazon and Oracle Corp. are three organizations",
          orgs[:3] == ["Google", "Amazon", "Oracle Corp."], orgs)
    check("example: the House and the Senate are two organizations",
          "House" in orgs and "Senate" in orgs and not any("\n" in o and "Senate" in o for o in orgs),
          orgs)

    p = run(["-"], stdin=b"Microsoft hired Harriet Quill, said Sen. Omar Lindqvist.\n")
    r = records(p.stdout)
    check("stdin: one record with id '-'", p.returncode == 0 and len(r) == 1 and r[0]["id"] == "-")
    check("stdin: entities found", any(e["text"] == "Microsoft" and e["type"] == "ORG"
                                       for e in r[0]["entities"]), r)

    p = run([a, b])
    r = records(p.stdout)
    check("two files: two records in order", p.returncode == 0 and [x["id"] for x in r] == [a, b])
    missing = os.path.join(tmp, "missing.txt")
    p = run([a, missing, b])
    r = records(p.stdout)
    check("missing input: exit 3", p.returncode == 3, p.returncode)
    check("missing input: the others are tagged", [x["id"] for x in r] == [a, b])
    check("missing input: error names the file", missing.encode() in p.stderr, p.stderr)
    p = run(["--stats", a, missing])
    try:
        summary = json.loads(p.stderr.decode().strip().splitlines()[-1])
        check("--stats counts an input that could not be read as an error",
              summary["documents"] == 2 and summary["errors"] == 1, summary)
    except (ValueError, KeyError, IndexError) as ex:
        check("--stats prints its summary", False, (ex, p.stderr))
    if os.path.exists("/proc/version"):
        with open("/proc/version", "rb") as f:
            size = len(f.read())
        p = run(["--stats", "/proc/version"])
        summary = json.loads(p.stderr.decode().strip().splitlines()[-1])
        check("a file that tells no size (/proc/version) is read to its end",
              p.returncode == 0 and size > 0 and summary["bytes"] == size, (size, summary))

    lines = (b'{"id": "one", "text": "Microsoft met Sen. Harriet Quill.", "date": "2019-05-01"}\n'
             b'this is not json\n'
             b'{"id": 7, "text": "H.R. 2210 passed."}\n'
             b'{"id": "no-text"}\n'
             b'{"id": "bad-text", "text": 42}\n'
             b'[1, 2]\n')
    p = run(["--input", "jsonl"], stdin=lines)
    r = records(p.stdout)
    check("JSONL: one record per input line", len(r) == 6, r)
    check("JSONL: ids kept in order", [x["id"] for x in r][:1] == ["one"] and r[2]["id"] == 7, r)
    check("JSONL: broken line gives an error record", "error" in r[1] and "entities" not in r[1], r[1])
    check("JSONL: missing text is an error", "error" in r[3] and r[3]["id"] == "no-text", r[3])
    check("JSONL: non-string text is an error", "error" in r[4], r[4])
    check("JSONL: array line is an error", "error" in r[5], r[5])
    check("JSONL: record date used for Congress",
          any(e.get("id") == "hr2210" for e in r[2]["entities"]) and r[0]["date"] == "2019-05-01", r)
    check("JSONL: exit 3 when records failed", p.returncode == 3, p.returncode)

    # an id holding an escaped NUL is no C string: it comes back whole, on the fast reader's
    # path and on jansson's (an error record), and "\\u0000" (an escaped backslash) stays text
    lines = (b'{"id": "a\\u0000b", "text": "Sen. Harriet Quill spoke."}\n'
             b'{"id": "c\\u0000"}\n'
             b'{"id": "d\\\\u0000", "text": "x"}\n')
    for threads in ("1", "2"):
        p = run(["--input", "jsonl", "--threads", threads], stdin=lines)
        r = records(p.stdout)
        check("JSONL: an id holding U+0000 is kept whole (--threads %s)" % threads,
              [x.get("id") for x in r] == ["a\x00b", "c\x00", "d\\u0000"] and
              r[0].get("entities") and "error" in r[1], p.stdout)

    # an escaped surrogate without its pair (as Python writes bytes that are not UTF-8) is
    # U+FFFD, one code point and one UTF-16 unit: the record keeps its id and its offsets
    lines = (b'{"id": "lone", "text": "Sen. Harriet Quill \\ud800 met Sen. Bram Tollet."}\n'
             b'{"id": "low", "text": "\\udcff\\ud83d\\ude00 Sen. Harriet Quill spoke."}\n')
    p = run(["--input", "jsonl"], stdin=lines)
    r = records(p.stdout)
    texts = ["Sen. Harriet Quill \ufffd met Sen. Bram Tollet.",
             "\ufffd\U0001F600 Sen. Harriet Quill spoke."]
    ok = p.returncode == 0 and [x.get("id") for x in r] == ["lone", "low"]
    for x, t in zip(r if ok else [], texts):
        for e in x["entities"]:
            ok = ok and t[e["start"]:e["end"]] == e["text"] and \
                t.encode("utf-8")[e["byte_start"]:e["byte_end"]].decode() == e["text"] and \
                t.encode("utf-16-le")[2 * e["utf16_start"]:2 * e["utf16_end"]].decode(
                    "utf-16-le") == e["text"]
    check("JSONL: a lone surrogate escape reads as U+FFFD; id and offsets kept",
          ok and r[0]["entities"] and r[1]["entities"], p.stdout)

    # a record's date lextag cannot read is ignored, with a warning naming the record
    lines = (b'{"id": "late", "text": "H.R. 2210 passed.", "date": "2019-13-01"}\n'
             b'{"id": "fine", "text": "H.R. 2210 passed.", "date": "2019-05-01"}\n')
    for fmt in (["--format", "json"], ["--format", "brat"]):
        p = run(["--input", "jsonl"] + fmt, stdin=lines)
        warned = [x for x in p.stderr.decode().splitlines() if "warning" in x]
        check("JSONL %s: an unreadable record date is warned about, once" % fmt[1],
              p.returncode == 0 and len(warned) == 1 and "late" in warned[0] and
              "2019-13-01" in warned[0] and b"hr2210-116" in p.stdout, p.stderr)
    p = run(["--input", "jsonl", "--date", "2019-05-01"], stdin=lines)
    check("JSONL: --date overrides a record's date, and no warning",
          p.returncode == 0 and b"warning" not in p.stderr, p.stderr)

    p = run(["--types", "ORG", a])
    r = records(p.stdout)
    check("--types keeps only those types", r[0]["entities"] and
          all(e["type"] == "ORG" for e in r[0]["entities"]), r)
    check("--types of known types: no warning", b"warning" not in p.stderr, p.stderr)
    p = run(["--types", "ORG,ORGANIZATION", a])
    check("--types: a type the model never tags is warned about, and the run goes on",
          p.returncode == 0 and b"'ORGANIZATION'" in p.stderr and b"'ORG'" not in p.stderr and
          records(p.stdout)[0]["entities"], p.stderr)
    for empty in ("", ",", "ORG,", ",ORG", "ORG,,PERSON"):
        p = run(["--types", empty, a])
        check("--types %r: an empty type is a usage error" % empty,
              p.returncode == 1 and b"empty type" in p.stderr and not p.stdout, p.stderr)
    p = run(["--types", "STATE,BILL", a])
    check("--types: a state's evidence rules tag no entity", b"'STATE'" in p.stderr and
          b"'BILL'" not in p.stderr, p.stderr)
    p = run(["--no-defaults", a])
    check("--no-defaults: no entities", records(p.stdout)[0]["entities"] == [])
    p = run(["--date", "2019-05-01", b])
    ids = [e["id"] for e in records(p.stdout)[0]["entities"]]
    check("--date gives the Congress", "hr2210-116" in ids, ids)
    p = run(["--stats", a, b])
    try:
        st = json.loads(p.stderr.decode().strip().split("\n")[-1])
        check("--stats: JSON summary on stderr", st["documents"] == 2 and st["errors"] == 0 and
              st["entities"].get("ORG", 0) >= 1 and st["bytes"] == os.path.getsize(a) + os.path.getsize(b), st)
    except (ValueError, KeyError, IndexError) as ex:
        check("--stats: JSON summary on stderr", False, (ex, p.stderr))
    p = run(["--quiet", a])
    check("no progress line when stderr is not a terminal", p.stderr == b"", p.stderr)
    p = run(["--all-candidates", a])
    check("--all-candidates adds candidates_lost", "candidates_lost" in records(p.stdout)[0])
    # nothing is dropped silently: what the rules find (before the passes over
    # the settled entities) is, with the learned layer, an entity or a lost candidate
    article = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples",
                           "article.txt")
    rules = records(run(["--rules-only", a, b, article]).stdout)
    full = records(run(["--all-candidates", a, b, article]).stdout)
    unseen = []
    for x, y in zip(rules, full):
        seen = {(e["start"], e["end"], e["type"]) for e in y["entities"] + y["candidates_lost"]}
        unseen += [e["text"] for e in x["entities"]
                   if (e["start"], e["end"], e["type"]) not in seen and
                   not e["source"].startswith(("document:", "context:list"))]
    check("--all-candidates: every rule entity is an entity or a lost candidate",
          len(full) == 3 and not unseen, unseen)

    gaz = os.path.join(tmp, "g.tsv")
    with open(gaz, "w") as f:
        f.write("Harbor Access\tTHING\tx:1\n")
    p = run(["--no-defaults", "--gazetteer", gaz, b])
    e = records(p.stdout)[0]["entities"]
    check("--gazetteer adds a user type", [x["type"] for x in e] == ["THING"], e)

    out = os.path.join(tmp, "out.jsonl")
    p = run(["-o", out, a])
    left = sorted(os.listdir(tmp))
    check("-o writes the file", p.returncode == 0 and os.path.exists(out) and not p.stdout)
    check("-o leaves no temporary file", left == ["a.txt", "b.txt", "g.tsv", "out.jsonl"], left)
    with open(out, "rb") as f:
        before = f.read()
    p = run(["-o", os.path.join(tmp, "no-such-dir", "x.jsonl"), a])
    check("-o into a missing folder: exit 3", p.returncode == 3, p.returncode)
    with open(out, "rb") as f:
        check("the previous output is untouched", f.read() == before)

    # a path that is no regular file is written through, never replaced
    target = os.path.join(tmp, "target.jsonl")
    link = os.path.join(tmp, "link.jsonl")
    with open(target, "w") as f:
        f.write("old\n")
    os.symlink("target.jsonl", link)
    p = run(["-o", link, a])
    with open(target, "rb") as f:
        check("-o through a symbolic link: the link stays, its target gets the output",
              p.returncode == 0 and os.path.islink(link) and records(f.read()) ==
              records(run([a]).stdout), p.stderr)
    img_link = os.path.join(tmp, "image-link.lxm")
    os.symlink("image-target.lxm", img_link)
    p = run(["compile", "-o", img_link, "--no-defaults", "--gazetteer", gaz])
    check("compile -o through a symbolic link keeps the link",
          p.returncode == 0 and os.path.islink(img_link) and
          os.path.getsize(os.path.join(tmp, "image-target.lxm")) > 100, p.stderr)
    fifo = os.path.join(tmp, "fifo")
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE)
    p = run(["-o", fifo, a])
    try:
        got = reader.communicate(timeout=10)[0]
    except subprocess.TimeoutExpired:  # the FIFO was replaced: nobody writes to it
        reader.kill()
        got = reader.communicate()[0]
    check("-o to a FIFO writes into it and leaves it a FIFO",
          p.returncode == 0 and records(got) == records(run([a]).stdout) and
          not os.path.isfile(fifo), (p.stderr, got[:200]))
    for name in ("target.jsonl", "link.jsonl", "image-link.lxm", "image-target.lxm", "fifo"):
        if os.path.lexists(os.path.join(tmp, name)):
            os.unlink(os.path.join(tmp, name))

    if os.path.exists("/dev/full"):
        with open("/dev/full", "wb") as full:
            q = subprocess.run([LEXTAG, a], stdout=full, stderr=subprocess.PIPE, timeout=60)
        check("writing to /dev/full fails with status 3", q.returncode == 3, q.returncode)

    p = run(["info"])
    try:
        info = json.loads(p.stdout)
        check("info: entries per type", info["entries"]["PERSON"] >= 12000 and
              info["entries"]["ORG"] >= 25000, info["entries"])
        check("info: hash and rules", len(info["hash"]) == 16 and len(info["rules"]) > 0)
        bare = json.loads(run(["info", "--no-defaults"]).stdout)
        learned = info["learned"]
        check("info: the learned layer (weights, features, clusters, labels), null without one",
              learned["buckets"] >= 4096 and learned["feature_version"] >= 1 and
              learned["cluster_words"] >= 1000 and "B-PER" in learned["labels"] and
              bare["learned"] is None, (learned, bare.get("learned")))
    except (ValueError, KeyError, TypeError) as ex:
        check("info prints JSON", False, ex)

    for cmd in (["compile", "-o", os.path.join(tmp, "unused.lxm"), "--types", "PERSON"],
                ["info", "--threads", "2"], ["info", "-o", os.path.join(tmp, "unused.json")]):
        p = run(cmd)
        check("%s refuses an option it would ignore: exit 1" % " ".join(cmd[:1] + cmd[-2:-1]),
              p.returncode == 1 and b"does not take" in p.stderr and
              not os.path.exists(os.path.join(tmp, "unused.lxm")), p.stderr)
    img = os.path.join(tmp, "model.lxm")
    p = run(["compile", "-o", img])
    check("compile writes an image", p.returncode == 0 and os.path.getsize(img) > 1000, p.stderr)
    p1 = run([a, b])
    p2 = run(["--model", img, a, b])
    check("--model gives the same output", p1.stdout == p2.stdout and p2.returncode == 0)
    with open(img, "rb") as f:
        data = bytearray(f.read())
    data[len(data) // 2] ^= 0xFF
    bad = os.path.join(tmp, "bad.lxm")
    with open(bad, "wb") as f:
        f.write(data)
    p = run(["--model", bad, a])
    check("corrupted image: exit 2, clear error", p.returncode == 2 and b"model image" in p.stderr
          and not p.stdout, p.stderr)
    with open(bad, "wb") as f:
        f.write(bytes(data[:5000]))
    p = run(["--model", bad, a])
    check("truncated image: exit 2", p.returncode == 2 and b"model image" in p.stderr, p.stderr)

    print("1..%d" % len(results))
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            failed += 1
            print("# " + str(detail)[:500].replace("\n", "\n# "))
    sys.exit(1 if failed else 0)

if __name__ == "__main__":
    main()
