#!/usr/bin/env python3
"""Write an Apple .icns file from PNG renderings:  write-icns.py OUT.icns DIR
DIR holds icon_<N>.png for N in 16 32 64 128 256 512 1024 (square PNGs of that many pixels).

The container is simple: 'icns' + total length (big-endian u32), then entries of 4-byte type + length
(including the 8-byte entry header) + data. Every entry here carries PNG data, which macOS has read since
10.7; the 1x/2x pairs are the types iconutil uses (ic11..ic14 are the @2x ones).
"""
import struct
import sys
from pathlib import Path

ENTRIES = [  # (type, pixels)
    (b"icp4", 16), (b"ic11", 32),     # 16 pt, 1x and 2x
    (b"icp5", 32), (b"ic12", 64),     # 32 pt
    (b"ic07", 128), (b"ic13", 256),   # 128 pt
    (b"ic08", 256), (b"ic14", 512),   # 256 pt
    (b"ic09", 512), (b"ic10", 1024),  # 512 pt
]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def main(out, src):
    body = b""
    for kind, px in ENTRIES:
        data = (Path(src) / f"icon_{px}.png").read_bytes()
        if not data.startswith(PNG_MAGIC):
            sys.exit(f"icon_{px}.png is not a PNG")
        width, height = struct.unpack(">II", data[16:24])
        if (width, height) != (px, px):
            sys.exit(f"icon_{px}.png is {width}x{height}, expected {px}x{px}")
        body += kind + struct.pack(">I", 8 + len(data)) + data
    Path(out).write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
