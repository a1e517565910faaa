#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""lextag's Label Studio export in the real Label Studio editor: the frontend build from npm
(version pinned in package.json) renders each task in headless Chromium with its prediction
selected, and the text the editor highlights for each region must equal the entity's text,
on documents with emoji (outside the BMP), accents and combining marks before the entities.
Needs Chromium, Node.js and npm (see browsers.py: skipped with the reason when one is
missing, a failure in CI).

Usage: test_labelstudio.py LEXTAG
"""
import atexit, json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import browsers

LEXTAG = os.path.abspath(sys.argv[1])

# Text written for this test: each document puts characters outside the BMP, accents and a
# combining mark before later entities, where UTF-16 and code point offsets differ.
DOCS = [
    "Senator Zoë Baird 😀 met executives of Microsoft 🎉 and Sen. Harriet Quill about "
    "H.R. 2210 in Montréal today.\n",
    "🚀🚀 Rep. José Núñez said 🙂 that the Fair Harbor Access Act (H.R. 4471) and "
    "S. 1203 were discussed with Sen. Omar Lindqvist of Google.\n",
]

def main():
    chromium = browsers.chromium()
    node = browsers.node()
    modules = browsers.node_modules()
    tmp = tempfile.mkdtemp(prefix="lextag-browser-")
    atexit.register(shutil.rmtree, tmp, True)  # removed whether the test passes or fails
    paths = []
    for i, text in enumerate(DOCS):
        paths.append(os.path.join(tmp, "doc%d.txt" % i))
        with open(paths[-1], "w", encoding="utf-8") as f:
            f.write(text)
    tagged = subprocess.run([LEXTAG] + paths, capture_output=True, check=True).stdout
    docs = [json.loads(l) for l in tagged.decode().splitlines()]
    tasks_path = os.path.join(tmp, "tasks.json")
    with open(tasks_path, "wb") as f:
        f.write(subprocess.run([LEXTAG, "--format", "labelstudio"] + paths, capture_output=True,
                               check=True).stdout)
    p = subprocess.run([node, os.path.join(HERE, "labelstudio.js"), modules, chromium,
                        tasks_path, tmp], capture_output=True, timeout=300)
    checks = [("the editor ran", p.returncode == 0, p.stderr.decode(errors="replace")[-800:])]
    shown = json.loads(p.stdout) if p.returncode == 0 else []
    ents = [e for d in docs for e in d["entities"]]
    checks.append(("the fixture has entities after characters outside the BMP",
                   len(ents) >= 6 and sum(e["utf16_start"] != e["start"] for e in ents) >= 3,
                   [(e["text"], e["start"], e["utf16_start"]) for e in ents]))
    for i, doc in enumerate(docs):
        got = shown[i] if i < len(shown) else {}
        want = [e["text"] for e in doc["entities"]]
        checks.append(("task %d: the editor loads without page errors" % (i + 1),
                       got and not got.get("error") and not got.get("page_errors"), got))
        checks.append(("task %d: each highlighted region's text is the entity's text" % (i + 1),
                       got.get("highlighted") == want, (got.get("highlighted"), want)))
        checks.append(("task %d: each region has the entity's label" % (i + 1),
                       got.get("labels") == [e["type"] for e in doc["entities"]], got.get("labels")))
    print("1..%d" % len(checks))
    for i, (name, ok, detail) in enumerate(checks, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            print("# " + str(detail)[:800].replace("\n", "\n# "))
    sys.exit(0 if all(ok for _, ok, _ in checks) else 1)

if __name__ == "__main__":
    main()
