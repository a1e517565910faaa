#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Output formats carry exactly the spans of the JSON output; brat and doccano offsets slice
the text; HTML is escaped; the JSON output validates against docs/lextag-output.schema.json;
JSONL ids that are numbers or booleans keep their JSON values in every format that writes JSON;
--threads does not change the output.

Usage: test_formats.py LEXTAG   (TAP)
"""
import atexit, html, json, os, re, shutil, subprocess, sys, tempfile

LEXTAG = os.path.abspath(sys.argv[1])
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SEED = os.path.join(ROOT, "..", "shared", "data", "seed", "article.txt")
TEXT = ("Published: Mon, March 4, 2019\n\nBy Teodora Vance\n\nSen. Harriet Quill said "
        "Microsoft & \"Acme\" <Corp> backed H.R. 2210 and 8 CFR 235.3 \U0001F600; Marek\n"
        "Nowak, a spokesman for the Coastal Workers Party, disagreed. Zoë Brontë wrote.\n")
checks = []

def check(name, ok, detail=""):
    checks.append((name, bool(ok), detail))

def run(args, text=None, path=None):
    p = subprocess.run([LEXTAG] + args + ([path] if path else ["-"]),
                       input=None if path else text.encode(), capture_output=True, timeout=120)
    if p.returncode != 0:
        raise SystemExit("lextag %s failed: %s" % (args, p.stderr.decode()))
    return p.stdout.decode("utf-8")

def spans_json(out):
    d = json.loads(out.split("\n")[0])
    return d, [(e["start"], e["end"], e["type"]) for e in d["entities"]]

def validate(value, schema, defs, where="$"):
    """The subset of JSON Schema the output schema uses."""
    if "$ref" in schema:
        return validate(value, defs[schema["$ref"].split("/")[-1]], defs, where)
    if "oneOf" in schema:
        errs = [validate(value, s, defs, where) for s in schema["oneOf"]]
        return [] if sum(1 for e in errs if not e) == 1 else ["%s: not exactly one of" % where]
    t = schema.get("type")
    types = t if isinstance(t, list) else [t] if t else []
    pytypes = {"object": dict, "array": list, "string": str, "integer": int, "null": type(None),
               "number": (int, float), "boolean": bool}
    if types and not any(isinstance(value, pytypes[x]) and not (x == "integer" and isinstance(value, bool))
                         for x in types):
        return ["%s: %r is not %s" % (where, value, types)]
    errs = []
    if isinstance(value, dict):
        for k in schema.get("required", []):
            if k not in value:
                errs.append("%s: missing %s" % (where, k))
        for k, v in value.items():
            if k in schema.get("properties", {}):
                errs += validate(v, schema["properties"][k], defs, where + "." + k)
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            errs += validate(v, schema["items"], defs, "%s[%d]" % (where, i))
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errs.append("%s: %r does not match %s" % (where, value, schema["pattern"]))
        if "enum" in schema and value not in schema["enum"]:
            errs.append("%s: %r not in enum" % (where, value))
        if len(value) < schema.get("minLength", 0):
            errs.append("%s: too short" % where)
    if isinstance(value, int) and value < schema.get("minimum", value):
        errs.append("%s: below minimum" % where)
    return errs

def formats_agree(label, args, text=None, path=None):
    raw = open(path, "rb").read() if path else text.encode()
    s = raw.decode("utf-8", "surrogateescape")
    doc, want = spans_json(run(args, text, path))
    check(label + ": entities found", len(want) >= 5, want)
    # brat: T lines in code points; fragments joined; slices match
    brat = run(args + ["--format", "brat"], text, path)
    got = []
    ok_slice = True
    for line in brat.split("\n"):
        if not line.startswith("T"):
            continue
        _, span, txt = line.split("\t")
        typ, rest = span.split(" ", 1)
        frags = [tuple(map(int, f.split())) for f in rest.split(";")]
        got.append((frags[0][0], frags[-1][1], typ))
        ok_slice &= " ".join(s[a:b] for a, b in frags) == txt
    check(label + ": brat spans = JSON spans", got == want, (got, want))
    check(label + ": brat offsets slice the text", ok_slice)
    # doccano
    dc = json.loads(run(args + ["--format", "doccano"], text, path).split("\n")[0])
    check(label + ": doccano spans = JSON spans", [tuple(x) for x in dc["label"]] == want)
    check(label + ": doccano text is the input", dc["text"] == s.replace("\udcff", "\ufffd"))
    check(label + ": doccano offsets slice the text",
          all(dc["text"][a:b] == e["text"] for (a, b, _), e in zip(dc["label"], doc["entities"])))
    # Label Studio: code points, as its editor counts (tests/browser/ renders it)
    ls = json.loads(run(args + ["--format", "labelstudio"], text, path))
    res = ls[0]["predictions"][0]["result"]
    check(label + ": labelstudio is one task list", isinstance(ls, list) and len(ls) == 1)
    check(label + ": labelstudio spans = JSON spans (code points)",
          [(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in res]
          == [(e["start"], e["end"], e["type"]) for e in doc["entities"]])
    check(label + ": labelstudio text slices by code points",
          all(ls[0]["data"]["text"][r["value"]["start"]:r["value"]["end"]] == r["value"]["text"]
              for r in res))
    # CoNLL: entity tokens cover each span
    conll = run(args + ["--format", "conll"], text, path)
    tags = [l.split("\t") for l in conll.split("\n") if l and not l.startswith("-DOCSTART-")]
    n_b = sum(1 for t in tags if t[1].startswith("B-"))
    check(label + ": CoNLL has one B- per entity", n_b == len(want), (n_b, len(want)))
    joined = []
    cur = None
    for tok, tag in tags:
        if tag.startswith("B-"):
            cur = [tag[2:], tok]
            joined.append(cur)
        elif tag.startswith("I-"):
            cur[1] += tok
    check(label + ": CoNLL entity tokens spell each entity",
          [(t, x) for t, x in joined] == [(e["type"], re.sub(r"\s+", "", e["text"])) for e in doc["entities"]])
    # HTML: marks in order, text escaped
    page = run(args + ["--format", "html"], text, path)
    marks = re.findall(r'<mark data-type="([A-Z_]+)"[^>]*>(.*?)</mark>', page, re.S)
    check(label + ": html marks = JSON entities",
          [(t, html.unescape(x)) for t, x in marks] == [(e["type"], e["text"]) for e in doc["entities"]])
    return doc

def main():
    tmp = tempfile.mkdtemp(prefix="lextag-fmt-")
    atexit.register(shutil.rmtree, tmp, True)  # removed whether the test passes or fails
    doc = formats_agree("own text", ["--date", "2019-03-04"], text=TEXT)
    if os.path.exists(SEED):
        formats_agree("seed article", ["--date", "2018-06-20"], path=SEED)
    page = run(["--format", "html"], text='A <b>bold</b> & "quoted" \'text\' by Sen. Ada Quill.\n')
    check("html escapes < & and quotes", "&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; &#39;text&#39;" in page
          and "<b>" not in page)
    check("html is one standalone page", page.startswith("<!DOCTYPE html>") and "http" not in page
          and page.rstrip().endswith("</html>"))
    schema = json.load(open(os.path.join(ROOT, "docs", "lextag-output.schema.json")))
    errs = validate(doc, schema, schema["$defs"])
    lost = json.loads(run(["--all-candidates"], text=TEXT))
    errs += validate(lost, schema, schema["$defs"])
    # records whose ids are not strings keep them, in every format that writes JSON
    ids = [7, -2.5, 1e300, True, "r1"]
    recs = "".join(json.dumps({"id": i, "text": "Ada Quill met Reuters."}) + "\n" for i in ids)
    per = [json.loads(l) for l in run(["--input", "jsonl"], text=recs).splitlines()]
    for d in per:
        errs += validate(d, schema, schema["$defs"])
    # an error record, a date with a time, and a record date lextag cannot read (left out)
    odd = ('{"id": "d1", "text": "H.R. 1 passed.", "date": "2018-06-20T10:00:00Z"}\n'
           '{"id": "d2", "text": "H.R. 1 passed.", "date": "June 2018"}\n'
           'not JSON at all\n')
    p = subprocess.run([LEXTAG, "--input", "jsonl"], input=odd.encode(), capture_output=True,
                       timeout=60)
    got = [json.loads(l) for l in p.stdout.decode().splitlines()]
    for d in got:
        errs += validate(d, schema, schema["$defs"])
    if len(got) != 3 or "date" in got[1] or "error" not in got[2]:
        errs.append("error record or unread date: %r" % got)
    check("JSON output validates against the schema", not errs, errs[:5])
    dcc = [json.loads(l)["id"] for l in run(["--input", "jsonl", "--format", "doccano"],
                                            text=recs).splitlines()]
    ls = [t["data"]["doc_id"] for t in json.loads(run(["--input", "jsonl", "--format",
                                                       "labelstudio"], text=recs))]
    got = [[d["id"] for d in per], dcc, ls]
    check("JSONL ids keep their JSON values in json, doccano and Label Studio output",
          all(g == ids and [type(x) for x in g] == [type(x) for x in ids] for g in got), got)
    # brat -o DIR
    src = os.path.join(tmp, "story one.txt")
    with open(src, "w", encoding="utf-8") as f:
        f.write(TEXT)
    outdir = os.path.join(tmp, "brat") + "/"
    p = subprocess.run([LEXTAG, "--format", "brat", "-o", outdir, src], capture_output=True)
    ann = os.path.join(outdir, "story one.ann")
    check("brat -o DIR writes NAME.ann and NAME.txt", p.returncode == 0 and os.path.exists(ann)
          and open(os.path.join(outdir, "story one.txt"), encoding="utf-8").read() == TEXT)
    # a text with bytes that are not UTF-8: the .txt brat reads (strictly) holds U+FFFD for
    # each, so the .ann offsets in code points still slice out each entity's text
    raw = (b"Caf\xe9 owner Satya Nadella \xed\xa0\x80met\xc0\xaf Microsoft \xf0\x9f\x98\x80 "
           b"and\r\nHarriet Quill \xf0\x9f\x98 of Acme Corp.\x00\n")
    src = os.path.join(tmp, "bytes.txt")
    with open(src, "wb") as f:
        f.write(raw)
    bdir = os.path.join(tmp, "brat-bytes") + "/"
    p = subprocess.run([LEXTAG, "--format", "brat", "-o", bdir, src], capture_output=True)
    try:
        written = open(os.path.join(bdir, "bytes.txt"), encoding="utf-8", newline="").read()
        spans = [(line.split("\t")[1].split()[1:], line.split("\t")[2])
                 for line in open(os.path.join(bdir, "bytes.ann"), encoding="utf-8")
                 if line.startswith("T")]
    except (OSError, UnicodeDecodeError) as e:
        written, spans = None, [str(e)]
    expect = raw.decode("utf-8", "surrogateescape")
    expect = "".join("\ufffd" if "\udc80" <= ch <= "\udcff" else ch for ch in expect)
    check("brat -o DIR: a text that is not UTF-8 is written as UTF-8, U+FFFD for each bad byte",
          p.returncode == 0 and written == expect, (written, p.stderr))
    check("brat -o DIR: offsets slice such a text", written is not None and len(spans) >= 3 and
          all(written[int(se[0]):int(se[1])] == t.rstrip("\n") for se, t in spans), spans)
    # a record in error keeps its place: Label Studio's array stays JSON, one task a record
    recs = b'{"id": "bad"}\n{"id": "good", "text": "Satya Nadella met Microsoft."}\nnot json\n'
    p = subprocess.run([LEXTAG, "--input", "jsonl", "--format", "labelstudio"], input=recs,
                       capture_output=True)
    try:
        tasks = json.loads(p.stdout)
    except ValueError:
        tasks = None
    check("labelstudio: records in error are tasks with their error, the array stays JSON",
          p.returncode == 3 and tasks is not None and len(tasks) == 3 and
          tasks[0]["data"]["doc_id"] == "bad" and "error" in tasks[0]["data"] and
          tasks[1]["predictions"][0]["result"] and "error" in tasks[2]["data"], p.stdout[:300])
    # CoNLL: one blank line after each sentence, none for a sentence without tokens
    outs = [subprocess.run([LEXTAG, "--format", "conll", "-"], input=t, capture_output=True).stdout
            for t in (b"", b"  \n\n", b"\n\x00\n\nMicrosoft", b"Ada Quill spoke. Bo Lind left.\n")]
    check("conll: never two blank lines in a row (empty texts, NUL or blank lines first)",
          all(b"\n\n\n" not in o and o.endswith(b"\n\n") for o in outs) and
          outs[0] == b"-DOCSTART-\tO\n\n", outs)
    # brat: a tab inside an entity splits its span as a line break does, so that the T
    # line's text is its fragments' text joined by spaces
    out = run(["--format", "brat"], text="Satya\tNadella spoke.\n")
    check("brat: an entity with a tab is a discontinuous span",
          "\tPERSON 0 5;6 13\tSatya Nadella\n" in out, out)
    # brat to a stream: the "# NAME" line stays one line whatever the id holds
    p = subprocess.run([LEXTAG, "--input", "jsonl", "--format", "brat"],
                       input=b'{"id": "x\\ny\\tz\\r", "text": "Satya Nadella met Microsoft."}\n',
                       capture_output=True)
    lines = p.stdout.decode().split("\n")
    check("brat stream: an id with line breaks and tabs is one # line",
          lines[0] == "# x y z " and all(l.startswith(("T", "#")) for l in lines if l), lines)
    # html: control characters are no HTML text; the legend lists each type once
    p = subprocess.run([LEXTAG, "--format", "html", "-"], input=b"Ada Quill\x01 met\x7f Bo.\n",
                       capture_output=True)
    check("html: control characters are written as U+FFFD",
          p.returncode == 0 and b"\x01" not in p.stdout and b"\x7f" not in p.stdout and
          b"&#xfffd;" in p.stdout)
    g70, t70 = os.path.join(tmp, "g70.tsv"), os.path.join(tmp, "t70.txt")
    with open(g70, "w") as f:
        f.write("".join("Zorb%d\tTYPE%d\n" % (i, i) for i in range(70)))
    with open(t70, "w") as f:
        f.write(" ".join("Zorb%d and Zorb%d." % (i, i) for i in range(70)) + "\n")
    page = run(["--no-defaults", "--gazetteer", g70, "--format", "html"], path=t70)
    legend = re.search(r'<div class="legend">(.*?)</div>', page)
    check("html: a legend of 70 types lists each once",
          legend is not None and legend.group(1).count("<span") == 70)
    # documents whose names meet: none overwrites another, whatever the threads
    for sub_dir in ("2019", "2020"):
        os.makedirs(os.path.join(tmp, sub_dir), exist_ok=True)
        with open(os.path.join(tmp, sub_dir, "story.txt"), "w", encoding="utf-8") as f:
            f.write("Dispatch of %s: Ada Quill met Microsoft.\n" % sub_dir)
    recs = "".join(json.dumps({"id": i, "text": "Record %d of Hugo Marten." % k}) + "\n"
                   for k, i in enumerate(["dup", "dup", "a/dup", "", "dup-2", ".draft", "-"]))
    named = []
    for threads in ("1", "2"):
        d1, d2 = os.path.join(tmp, "b1-" + threads) + "/", os.path.join(tmp, "b2-" + threads) + "/"
        p1 = subprocess.run([LEXTAG, "--threads", threads, "--format", "brat", "-o", d1,
                             os.path.join(tmp, "2019", "story.txt"),
                             os.path.join(tmp, "2020", "story.txt"), "-"],
                            input=b"Standard input of Ada Quill.", capture_output=True)
        p2 = subprocess.run([LEXTAG, "--threads", threads, "--input", "jsonl", "--format", "brat",
                             "-o", d2], input=recs.encode(), capture_output=True)
        texts = {n: open(os.path.join(d, n), encoding="utf-8").read()
                 for d in (d1, d2) for n in os.listdir(d) if n.endswith(".txt")}
        named.append((p1.returncode, p2.returncode, texts))
    want = {"story.txt": "Dispatch of 2019: Ada Quill met Microsoft.\n",
            "story-2.txt": "Dispatch of 2020: Ada Quill met Microsoft.\n",
            "dup.txt": "Record 0 of Hugo Marten.", "dup-2.txt": "Record 1 of Hugo Marten.",
            "dup-3.txt": "Record 2 of Hugo Marten.", "document.txt": "Record 3 of Hugo Marten.",
            "dup-2-2.txt": "Record 4 of Hugo Marten.", "_draft.txt": "Record 5 of Hugo Marten.",
            "stdin.txt": "Standard input of Ada Quill.", "-.txt": "Record 6 of Hugo Marten."}
    check("brat -o DIR: documents whose names meet are all written, in input order "
          "(story, story-2), none hidden (.draft as _draft), standard input as stdin but a "
          "record's id - as -, for --threads 1 and 2",
          named[0] == named[1] == (0, 0, want), named)
    # threads
    many = "".join(json.dumps({"id": i, "text": TEXT.replace("Quill", "Quill%d" % i)}) + "\n"
                   for i in range(300))
    o1 = subprocess.run([LEXTAG, "--input", "jsonl", "--threads", "1"], input=many.encode(), capture_output=True)
    o2 = subprocess.run([LEXTAG, "--input", "jsonl", "--threads", "2"], input=many.encode(), capture_output=True)
    check("--threads 2 output is byte-identical to --threads 1", o1.stdout == o2.stdout and
          o1.stdout.count(b"\n") == 300)
    print("1..%d" % len(checks))
    for i, (name, ok, detail) in enumerate(checks, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            print("# " + str(detail)[:800].replace("\n", "\n# "))
    sys.exit(0 if all(ok for _, ok, _ in checks) else 1)

if __name__ == "__main__":
    main()
