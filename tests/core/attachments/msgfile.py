"""A small Outlook `.msg` written from scratch for the tests.

No library writes `.msg` files (extract-msg only reads them), so this writes the Compound
File Binary container (version 3: 512-byte sectors, a mini stream for the small streams)
and the MAPI property streams that an Outlook message consists of: subject, body, sender,
recipients and one attachment.
"""

from __future__ import annotations

import itertools
import struct
from datetime import UTC, datetime
from pathlib import Path

FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
SECTOR, MINI, CUTOFF = 512, 64, 4096


class _Node:
    def __init__(self, name: str, data: bytes | None = None) -> None:
        self.name = name
        self.data = data  # None: a storage
        self.children: list[_Node] = []
        self.sid = 0
        self.start = END
        self.left = self.right = self.child = NOSTREAM

    def add(self, name: str, data: bytes | None = None) -> _Node:
        node = _Node(name, data)
        self.children.append(node)
        return node


def _order(node: _Node) -> tuple[int, str]:
    return (len(node.name), node.name.upper())


def _sectors(data: bytes, size: int) -> int:
    return (len(data) + size - 1) // size


def write_cfb(root: _Node, path: Path) -> None:
    nodes: list[_Node] = []

    def walk(node: _Node) -> None:
        node.sid = len(nodes)
        nodes.append(node)
        for child in node.children:
            walk(child)

    walk(root)
    for node in nodes:  # children as a chain of right siblings, in the required order
        ordered = sorted(node.children, key=_order)
        if ordered:
            node.child = ordered[0].sid
            for first, second in itertools.pairwise(ordered):
                first.right = second.sid
    mini = bytearray()
    mini_fat: list[int] = []
    big: list[_Node] = []
    for node in nodes[1:]:
        if node.data is None or not node.data:
            continue
        if len(node.data) < CUTOFF:
            node.start = len(mini) // MINI
            count = _sectors(node.data, MINI)
            mini_fat += [node.start + i + 1 for i in range(count - 1)] + [END]
            mini += node.data + b"\0" * (count * MINI - len(node.data))
        else:
            big.append(node)
    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        if not data:
            return END
        start = len(sectors)
        count = _sectors(data, SECTOR)
        padded = data + b"\0" * (count * SECTOR - len(data))
        for i in range(count):
            sectors.append(padded[i * SECTOR : (i + 1) * SECTOR])
            fat.append(start + i + 1 if i < count - 1 else END)
        return start

    root.start = place(bytes(mini))
    for node in big:
        assert node.data is not None
        node.start = place(node.data)
    mini_fat_bytes = b"".join(struct.pack("<I", x) for x in mini_fat)
    mini_fat_start = place(mini_fat_bytes)
    entries = bytearray()
    for node in nodes:
        name = node.name.encode("utf-16-le")
        kind = 5 if node is root else (1 if node.data is None else 2)
        size = len(mini) if node is root else len(node.data or b"")
        entries += struct.pack(
            "<64sHBBIII16sIQQIQ",
            name,
            len(name) + 2,
            kind,
            1,
            node.left,
            node.right,
            node.child,
            b"\0" * 16,
            0,
            0,
            0,
            node.start if (node is root or node.data) else END,
            size,
        )
    while len(entries) % SECTOR:
        entries += struct.pack(
            "<64sHBBIII16sIQQIQ",
            b"",
            0,
            0,
            0,
            NOSTREAM,
            NOSTREAM,
            NOSTREAM,
            b"\0" * 16,
            0,
            0,
            0,
            0,
            0,
        )
    directory_start = place(bytes(entries))
    fat_count = 1
    while (len(sectors) + fat_count) > fat_count * (SECTOR // 4):
        fat_count += 1
    fat_start = len(sectors)
    fat += [FATSECT] * fat_count
    fat += [FREE] * (fat_count * (SECTOR // 4) - len(fat))
    table = b"".join(struct.pack("<I", x) for x in fat)
    for i in range(fat_count):
        sectors.append(table[i * SECTOR : (i + 1) * SECTOR])
    difat = [fat_start + i for i in range(fat_count)] + [FREE] * (109 - fat_count)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        bytes.fromhex("D0CF11E0A1B11AE1"),
        b"\0" * 16,
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"\0" * 6,
        0,
        fat_count,
        directory_start,
        0,
        CUTOFF,
        mini_fat_start if mini_fat else END,
        _sectors(mini_fat_bytes, SECTOR),
        END,
        0,
    ) + b"".join(struct.pack("<I", x) for x in difat)
    assert len(header) == SECTOR
    path.write_bytes(header + b"".join(sectors))


def _text(value: str) -> bytes:
    return value.encode("utf-16-le")


def _props(header: bytes, fixed: list[tuple[int, bytes]]) -> bytes:
    return header + b"".join(struct.pack("<II", tag, 6) + value for tag, value in fixed)


def _filetime(moment: datetime) -> bytes:
    ticks = int((moment - datetime(1601, 1, 1, tzinfo=UTC)).total_seconds() * 10_000_000)
    return struct.pack("<Q", ticks)


def make_msg(
    path: Path,
    subject: str,
    body: str,
    sender: tuple[str, str],
    recipients: list[tuple[str, str]],
    sent: datetime,
    attachment: tuple[str, bytes] | None = None,
) -> Path:
    root = _Node("Root Entry")
    headers = (
        f"From: {sender[0]} <{sender[1]}>\r\n"
        f"To: {', '.join(f'{n} <{a}>' for n, a in recipients)}\r\n"
        f"Subject: {subject}\r\n"
        f"Date: {sent.strftime('%a, %d %b %Y %H:%M:%S +0000')}\r\n\r\n"
    )
    root.add("__substg1.0_001A001F", _text("IPM.Note"))
    root.add("__substg1.0_0037001F", _text(subject))
    root.add("__substg1.0_1000001F", _text(body))
    root.add("__substg1.0_0C1A001F", _text(sender[0]))
    root.add("__substg1.0_0C1F001F", _text(sender[1]))
    root.add("__substg1.0_5D01001F", _text(sender[1]))
    root.add("__substg1.0_007D001F", _text(headers))
    attachments = 1 if attachment else 0
    header = struct.pack(
        "<8sIIII8s",
        b"\0" * 8,
        len(recipients),
        attachments,
        len(recipients),
        attachments,
        b"\0" * 8,
    )
    when = _filetime(sent)
    root.add("__properties_version1.0", _props(header, [(0x00390040, when), (0x0E060040, when)]))
    named = root.add("__nameid_version1.0")
    for stream in ("__substg1.0_00020102", "__substg1.0_00030102", "__substg1.0_00040102"):
        named.add(stream, b"")
    for index, (name, address) in enumerate(recipients):
        recipient = root.add(f"__recip_version1.0_#{index:08X}")
        recipient.add("__substg1.0_3001001F", _text(name))
        recipient.add("__substg1.0_3003001F", _text(address))
        recipient.add("__substg1.0_39FE001F", _text(address))
        recipient.add("__substg1.0_3002001F", _text("SMTP"))
        recipient.add(
            "__properties_version1.0",
            _props(
                b"\0" * 8, [(0x0C150003, struct.pack("<Q", 1)), (0x0FFE0003, struct.pack("<Q", 6))]
            ),
        )
    if attachment is not None:
        name, data = attachment
        attached = root.add("__attach_version1.0_#00000000")
        attached.add("__substg1.0_37010102", data)
        attached.add("__substg1.0_3707001F", _text(name))
        attached.add("__substg1.0_3704001F", _text(name[:12]))
        attached.add(
            "__properties_version1.0",
            _props(
                b"\0" * 8, [(0x37050003, struct.pack("<Q", 1)), (0x0FFE0003, struct.pack("<Q", 7))]
            ),
        )
    write_cfb(root, path)
    return path
