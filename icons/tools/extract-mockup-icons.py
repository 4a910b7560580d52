#!/usr/bin/env python3
"""Turn the <symbol> icons of the design mockup into the strict icon files under icons/nodes and icons/ui.

One-off provenance tool: the committed SVG files are the source from now on. Run it again only when the
mockup's icons change:   python3 icons/tools/extract-mockup-icons.py path/to/mockup.html icons/

Strict format (so that the app can read an icon with a regex and feed each d to a JavaFX SVGPath):
  <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" fill="none" stroke="currentColor"
       stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">
  followed only by <path d="..."/> lines. Every path is stroked at 1.5, never filled.
Conversions: circle and rect become arcs. A filled dot of radius R becomes a stroked circle of radius R - 0.75
plus a short dash at its centre: renderers (cairo, JavaFX) leave a hole in a stroke whose inner edge crosses the
centre, and the dash's round caps fill it. A dot of R <= 0.8 is just the dash. A thick dash (i-list) becomes a
small closed loop plus its centre line.
Path data is re-written with explicit commands and space-separated numbers (no "1.5.7" shorthand, no
implicit repeated commands).
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HEADER = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" fill="none" stroke="currentColor" '
          'stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">')
HALF = 0.75  # half the stroke width

NODES = {  # node type id -> mockup symbol
    "incomingCall": "i-incoming", "dial": "i-dial", "play": "i-play", "gather": "i-gather",
    "reject": "i-reject", "hangup": "i-hangup", "switch": "i-switch", "callEvents": "i-bolt",
    "hangupCall": "i-callend",
}
NOT_UI = {"logo-mark"}  # the logo is multi-colour; it lives in icons/app

ARGS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}
TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def num(v):
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def normalise(d):
    """Explicit commands, every number written in full, separated by single spaces."""
    out, cmd, args = [], None, []
    tokens = TOKEN.findall(d)
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.isalpha():
            cmd = t
            i += 1
            if cmd in "Zz":
                out.append(cmd)
                continue
        elif cmd is None:
            raise ValueError(f"path data starts with a number: {d}")
        n = ARGS[cmd.upper()]
        vals = [float(x) for x in tokens[i:i + n]]
        if len(vals) != n:
            raise ValueError(f"{cmd} needs {n} numbers in {d}")
        out.append(cmd + " ".join(num(v) for v in vals))
        i += n
        if cmd == "M":
            cmd = "L"      # implicit command after a moveto is a lineto
        elif cmd == "m":
            cmd = "l"
    return " ".join(out)


def circle(cx, cy, r):
    return normalise(f"M{cx - r} {cy} a{r} {r} 0 1 0 {2 * r} 0 a{r} {r} 0 1 0 {-2 * r} 0 Z")


def rect(x, y, w, h, rx):
    rx = min(rx, w / 2, h / 2)
    return normalise(f"M{x + rx} {y} h{w - 2 * rx} a{rx} {rx} 0 0 1 {rx} {rx} v{h - 2 * rx} "
                     f"a{rx} {rx} 0 0 1 {-rx} {rx} h{-(w - 2 * rx)} a{rx} {rx} 0 0 1 {-rx} {-rx} "
                     f"v{-(h - 2 * rx)} a{rx} {rx} 0 0 1 {rx} {-rx} Z")


def dot(cx, cy, r):
    """A filled disc of radius r, drawn with 1.5 strokes only."""
    if r <= 0.8:
        return normalise(f"M{cx - 0.05} {cy} h0.1")
    return circle(cx, cy, r - HALF) + " " + normalise(f"M{cx - 0.1} {cy} h0.2")


def thick_dashes(d, width):
    """'M2.5 4h.6' stroked at 1.9 -> a closed loop that a 1.5 stroke turns into the same stadium."""
    loops = []
    for x, y, length in re.findall(r"M([-\d.]+) ([-\d.]+)h([-\d.]+)", d):
        x, y, length = float(x), float(y), float(length)
        grow = (width - 1.5) / 2
        loops.append(normalise(f"M{x - grow} {y - grow} h{length + 2 * grow} v{2 * grow} "
                               f"h{-(length + 2 * grow)} Z M{x - grow} {y} h{length + 2 * grow}"))
    return loops


def convert(symbol):
    paths = []

    def walk(el, fill, stroke):
        tag = el.tag.split("}")[-1]
        fill = el.get("fill", fill)
        stroke = el.get("stroke", stroke)
        filled = fill not in (None, "none")
        stroked = stroke != "none"
        if tag == "path":
            if el.get("stroke-width") not in (None, "1.5"):
                paths.extend(thick_dashes(el.get("d"), float(el.get("stroke-width"))))
            else:
                paths.append(normalise(el.get("d")))
        elif tag == "circle":
            cx, cy, r = (float(el.get(a)) for a in ("cx", "cy", "r"))
            if filled:  # a dot: its visual radius is r, plus half the stroke when it is stroked too
                paths.append(dot(cx, cy, r + (HALF if stroked else 0)))
            else:
                paths.append(circle(cx, cy, r))
        elif tag == "rect":
            x, y, w, h = (float(el.get(a)) for a in ("x", "y", "width", "height"))
            paths.append(rect(x, y, w, h, float(el.get("rx", 0))))
        elif tag in ("g", "symbol"):
            pass
        else:
            raise ValueError(f"unsupported element {tag}")
        for child in el:
            walk(child, fill, stroke)

    walk(symbol, None, "currentColor")
    return HEADER + "\n" + "".join(f'  <path d="{p}"/>\n' for p in paths) + "</svg>\n"


def main(mockup, out):
    html = Path(mockup).read_text(encoding="utf-8")
    sprite = re.search(r'<svg width="0" height="0".*?</svg>', html, re.S).group(0)
    root = ET.fromstring(sprite.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    symbols = {s.get("id"): s for s in root.iter("{http://www.w3.org/2000/svg}symbol")}
    out = Path(out)
    (out / "nodes").mkdir(parents=True, exist_ok=True)
    (out / "ui").mkdir(parents=True, exist_ok=True)
    for type_id, sym in NODES.items():
        (out / "nodes" / f"{type_id}.svg").write_text(convert(symbols[sym]), encoding="utf-8")
    for sym_id, sym in symbols.items():
        if sym_id not in NOT_UI:
            (out / "ui" / f"{sym_id.removeprefix('i-')}.svg").write_text(convert(sym), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: extract-mockup-icons.py MOCKUP.html ICONS_DIR")
    main(sys.argv[1], sys.argv[2])
