#!/usr/bin/env python3
"""Pathological pages, for checking that cleaning takes linear time.

Usage: scripts/pathological.py OUT_DIR [SCALE] [NAME...]

Writes one file per case into OUT_DIR, each about SCALE times its base size
(default 1: the sizes below). Time the binary on each at two scales; the
time should double with the size:

    scripts/pathological.py /tmp/p1 1 && scripts/pathological.py /tmp/p2 2
    for f in /tmp/p1/*.txt; do /usr/bin/time -f "%e s $f" \\
        target/release/galley clean "$f" -o /tmp/x -q; done

The cases are what a scanner, an OCR engine or a broken extractor can
produce: one enormous line, a megabyte of one character, letter-spacing
without end, pages of nothing but headline-shaped lines. Output is
deterministic (a fixed seed).
"""

import random
import sys
from pathlib import Path

MB = 1_000_000

LATIN_WORDS = (
    "the of and to in that was for with his council said on by at from house vote "
    "senate inter- national com- mittee well-known 1916 March WASHINGTON (AP) "
    "report, city; street: mayor. Mr. Smith \"quoted\" it's GERMANS SEIZE"
).split()

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理"
CJK_PUNCT = "，。、；：？！“”（）《》"


def latin_line(size, rng):
    """One line of OCR-like Latin text: words, capitals, hyphens, brackets."""
    out, n = [], 0
    while n < size:
        word = rng.choice(LATIN_WORDS)
        if rng.random() < 0.02:
            word = "(" + word
        if rng.random() < 0.02:
            word += ")"
        out.append(word)
        n += len(word) + 1
    return " ".join(out)


def chinese_line(size, rng):
    """One line of Chinese text with full-width and ASCII punctuation."""
    out, n = [], 0
    while n < size:
        r = rng.random()
        if r < 0.08:
            c = rng.choice(CJK_PUNCT)
        elif r < 0.10:
            c = rng.choice("(),:;? 0123456789")
        else:
            c = rng.choice(HAN)
        out.append(c)
        n += len(c.encode())
    return "".join(out)


def repeat(unit, size):
    """`unit` repeated to about `size` UTF-8 bytes."""
    return unit * max(1, size // len(unit.encode()))


def letter_spaced(chars, rng):
    """`chars` ideographs on one line, one space apart (001 `第 一 时 间`)."""
    return " ".join(rng.choice(HAN) for _ in range(chars))


def lines_of(count, make):
    return "\n".join(make(i) for i in range(count)) + "\n"


def cases(scale, rng):
    mb = int(MB * scale)
    k = int(100_000 * scale)
    return {
        "latin-line": lambda: latin_line(10 * mb, rng),
        "chinese-line": lambda: chinese_line(10 * mb, rng),
        "open-paren": lambda: repeat("(", mb),
        "close-paren": lambda: repeat(")", mb),
        "fullwidth-paren": lambda: repeat("（", mb),
        "hyphens": lambda: repeat("-", mb),
        "spaces": lambda: repeat(" ", mb),
        "newlines": lambda: repeat("\n", mb),
        "form-feeds": lambda: repeat("\f", mb // 10),
        "han-open-paren": lambda: repeat("中(", mb),
        "nested-parens": lambda: "(" * (mb // 4) + "中" + ")" * (mb // 4),
        "letter-spaced": lambda: letter_spaced(k, rng),
        "letter-spaced-lines": lambda: lines_of(k // 10, lambda i: letter_spaced(10, rng)),
        "spaced-gaps": lambda: repeat("中   国 ", mb),
        "short-lines": lambda: lines_of(k, lambda i: rng.choice(HAN)),
        "latin-short-lines": lambda: lines_of(k, lambda i: rng.choice("abcxyz")),
        "headlines": lambda: lines_of(k // 2, lambda i: f"市委召开专题会议{i}\n"),
        "capitals-headlines": lambda: lines_of(k // 2, lambda i: f"GERMANS SEIZE TOWN {i}\n"),
        "headlines-and-leads": lambda: lines_of(
            k // 4, lambda i: f"市委召开第{i}次专题会议\n\n本报讯（记者甲）市委召开第{i}次专题会议。\n"
        ),
        "credit-lines": lambda: lines_of(k // 2, lambda i: "By Tom Baker\n"),
        "open-credit": lambda: "By Tom Baker,\n\n" + lines_of(k // 2, lambda i: "Tom Baker,\n"),
        "hyphenated-lines": lambda: lines_of(k, lambda i: "ab-"),
        "closing-marks": lambda: repeat("会议结束。（完）", mb),
        "editor-codes": lambda: repeat("会议结束。①2", mb),
        "continuations": lambda: repeat("要求。（下转第二版）", mb),
        "capitals-line": lambda: repeat("GERMANS SEIZE TOWN ", 10 * mb),
        "markdown-headings": lambda: lines_of(k, lambda i: f"## 标题{i}"),
        "long-word": lambda: "a " + repeat("x", mb) + " b",
        "closers": lambda: lines_of(k, lambda i: "中" if i % 2 else "”"),
        "open-sentences": lambda: lines_of(k // 2, lambda i: f"有的从事{i}\n"),
        "closer-run": lambda: "有的从事核酸检测工作，\n\n" + lines_of(k, lambda i: "”\n"),
        "end-marks": lambda: "会议结束。" + repeat("（完）", mb),
        "jump-line": lambda: "Please see " + repeat("STORM ", mb) + "on 4A",
        "presiders": lambda: lines_of(k // 4, lambda i: "王凯出席\n" if i % 2 else "会议由张三主持。张三主持。张三主持。\n"),
    }


def main():
    out = Path(sys.argv[1])
    scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    wanted = set(sys.argv[3:])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1916)
    for name, make in cases(scale, rng).items():
        if not wanted or name in wanted:
            (out / f"{name}.txt").write_text(make(), encoding="utf-8")
    # Pages split by form feeds, each with a stray byte in its UTF-8.
    if not wanted or "malformed-pages" in wanted:
        unit = "本报讯（记者焦娟）昨日，市委书记主持召开会议。".encode() + b"\xff\x0c"
        (out / "malformed-pages.txt").write_bytes(unit * int(100_000 * scale))


if __name__ == "__main__":
    main()
