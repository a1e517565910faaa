#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Renders the HTML view of the example article in headless Chromium and checks the picture:
a PNG of the requested size with the entity colours in it.  Needs Chromium (see browsers.py:
skipped with the reason when it is missing, a failure in CI).

Usage: test_html_view.py LEXTAG [OUT.png]
"""
import atexit, os, shutil, struct, subprocess, sys, tempfile, zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browsers

LEXTAG = os.path.abspath(sys.argv[1])
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")

def png_pixels(path):
    """Decodes an 8-bit RGB(A) non-interlaced PNG (what Chromium writes) into rows of bytes."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            bpp = {2: 3, 6: 4}[ctype]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    rows, prev, stride = [], bytearray(w * bpp), w * bpp
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows

def main():
    chromium = browsers.chromium()
    tmp = tempfile.mkdtemp(prefix="lextag-html-")
    atexit.register(shutil.rmtree, tmp, True)  # removed whether the test passes or fails
    page = os.path.join(tmp, "view.html")
    with open(page, "wb") as f:
        f.write(subprocess.run([LEXTAG, "--format", "html", os.path.normpath(os.path.join(ROOT, "examples", "article.txt"))],
                               capture_output=True, check=True).stdout)
    png = sys.argv[2] if len(sys.argv) > 2 else os.path.join(tmp, "view.png")
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + os.path.join(tmp, "profile"), "--window-size=1000,800",
                    "--screenshot=" + png, "file://" + page],
                   capture_output=True, timeout=120)
    checks = [("screenshot written", os.path.exists(png) and os.path.getsize(png) > 10000)]
    if checks[0][1]:
        w, h, bpp, rows = png_pixels(png)
        checks.append(("picture is 1000x800", (w, h) == (1000, 800)))
        seen = set()
        colours = {(0xff, 0xd6, 0xa5): "PERSON", (0xa0, 0xc4, 0xff): "ORG", (0xca, 0xff, 0xbf): "BILL"}
        for row in rows[::3]:
            for x in range(0, len(row), bpp * 3):
                px = tuple(row[x:x + 3])
                if px in colours:
                    seen.add(colours[px])
        checks.append(("PERSON, ORG and BILL colours are on screen", seen >= {"PERSON", "ORG", "BILL"}))
    print("1..%d" % len(checks))
    for i, (name, ok) in enumerate(checks, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    sys.exit(0 if all(ok for _, ok in checks) else 1)

if __name__ == "__main__":
    main()
