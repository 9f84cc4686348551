#!/usr/bin/env python3
"""Python `galley.clean` throughput against the CLI on the same pages.

    python scripts/bench-python.py [COPIES]     (default 400: the seeds copied, 2000 files)

Both do the same work: read every file, gather and merge the batch's
facts, clean every page with them. The CLI writes `--format jsonl` into a
folder; Python keeps the articles as dicts. Python runs on 1 thread and
on all cores (a thread pool: the GIL is released while a page is
cleaned). Needs the `galley` package installed and a release build.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import galley

ROOT = Path(__file__).resolve().parents[1]


def corpus(folder: Path, copies: int) -> list:
    files = []
    for k in range(1, copies + 1):
        copy = folder / f"copy{k:04d}"
        copy.mkdir(parents=True)
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            shutil.copy(seed, copy / seed.name)
            files.append(copy / seed.name)
    return files


def python_run(folder: Path, files: list, threads: int) -> int:
    with ThreadPoolExecutor(threads) as pool:
        data = list(pool.map(Path.read_bytes, files))
        facts = galley.merge(pool.map(galley.page_facts, data))
        sources = [str(f.relative_to(folder)) for f in files]
        articles = pool.map(lambda d, s: galley.clean(d, facts, source=s), data, sources)
        return sum(len(a) for a in articles)


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    binary = ROOT / "target" / "release" / "galley"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        files = corpus(folder, copies)
        megabytes = sum(f.stat().st_size for f in files) / 1e6
        print(f"{len(files)} files, {megabytes:.2f} MB; load {os.getloadavg()[0]:.1f}")
        cores = os.cpu_count()
        for threads in sorted({1, cores}):
            start = time.perf_counter()
            out = Path(tmp) / f"out-{threads}"
            subprocess.run([binary, "clean", folder, "-o", out, "--format", "jsonl", "-q", "-j", str(threads)], check=True)
            seconds = time.perf_counter() - start
            lines = sum(1 for _ in open(out / "articles.jsonl", encoding="utf-8"))
            print(f"CLI    -j {threads}: {seconds:6.2f} s  {len(files) / seconds:7.0f} files/s  {megabytes / seconds:5.1f} MB/s  ({lines} articles)")
            start = time.perf_counter()
            articles = python_run(folder, files, threads)
            seconds = time.perf_counter() - start
            print(f"Python {threads} thread(s): {seconds:6.2f} s  {len(files) / seconds:7.0f} files/s  {megabytes / seconds:5.1f} MB/s  ({articles} articles)")


if __name__ == "__main__":
    main()
