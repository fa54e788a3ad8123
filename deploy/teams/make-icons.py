#!/usr/bin/env python3
"""Draws the Teams app icons with the standard library only (zlib-compressed RGBA PNGs).

color.png   192x192: the accent colour filling the square, a white chat bubble holding a check mark.
outline.png  32x32:  the same glyph in white on a fully transparent background, as Teams asks.

Run from anywhere: python3 deploy/teams/make-icons.py [--out-dir DIR]. The output is deterministic, and a test
checks that the committed PNGs are exactly what this script draws.
"""
import argparse
import math
import os
import struct
import zlib

ACCENT = (0x1F, 0x5F, 0xAD)
SAMPLES = 4  # per axis: 16 samples a pixel for smooth edges


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def rounded_rect_distance(px, py, cx, cy, half_w, half_h, radius):
    """Signed distance to a rounded rectangle (negative inside)."""
    qx = abs(px - cx) - (half_w - radius)
    qy = abs(py - cy) - (half_h - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def glyph(x, y, stroke):
    """True when unit-square point (x, y) is on the glyph: a bubble outline, its tail and a check mark."""
    bubble = rounded_rect_distance(x, y, 0.5, 0.44, 0.40, 0.30, 0.12)
    on_bubble = abs(bubble) <= stroke / 2
    tail = min(segment_distance(x, y, 0.30, 0.73, 0.24, 0.90), segment_distance(x, y, 0.24, 0.90, 0.46, 0.74))
    on_tail = tail <= stroke / 2 and bubble >= -stroke / 2
    check = min(segment_distance(x, y, 0.32, 0.45, 0.45, 0.57), segment_distance(x, y, 0.45, 0.57, 0.68, 0.32))
    return on_bubble or on_tail or check <= stroke * 0.6


def coverage(size, px, py, scale, stroke):
    """Share of the pixel's samples on the glyph, the glyph drawn in the centred square of side `scale`."""
    hits = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = ((px + (sx + 0.5) / SAMPLES) / size - 0.5) / scale + 0.5
            y = ((py + (sy + 0.5) / SAMPLES) / size - 0.5) / scale + 0.5
            hits += glyph(x, y, stroke)
    return hits / (SAMPLES * SAMPLES)


def png(size, pixels):
    """An 8-bit RGBA PNG from rows of (r, g, b, a) tuples."""
    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def color_icon(size=192):
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            c = coverage(size, px, py, 0.62, 0.075)
            row.append(tuple(round(a + (255 - a) * c) for a in ACCENT) + (255,))
        rows.append(row)
    return png(size, rows)


def outline_icon(size=32):
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            # Teams wants white on transparent: only the alpha varies.
            row.append((255, 255, 255, round(255 * coverage(size, px, py, 0.94, 0.09))))
        rows.append(row)
    return png(size, rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", default=os.path.dirname(os.path.abspath(__file__)))
    out = parser.parse_args().out_dir
    os.makedirs(out, exist_ok=True)
    for name, data in (("color.png", color_icon()), ("outline.png", outline_icon())):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(os.path.join(out, name))


if __name__ == "__main__":
    main()
