"""Fixtures of the Python tests: the sample pages, and the CLI's articles
of them, which every engine's articles must equal."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "fixtures" / "samples-zh"
SEEDS = ROOT / "seeds"


def galley_binary() -> Path:
    """The binary of this checkout: $GALLEY_BIN, else the one `cargo test` built."""
    binary = Path(os.environ.get("GALLEY_BIN", ROOT / "target" / "debug" / "galley"))
    if not binary.exists():
        pytest.fail(f"no galley binary at {binary}: run `cargo build` or set GALLEY_BIN")
    return binary


def cli_articles(folder: Path, out: Path, *extra: str) -> list:
    """The articles `galley clean FOLDER --format jsonl` writes, in order."""
    subprocess.run(
        [galley_binary(), "clean", folder, "-o", out, "--format", "jsonl", "-q", *extra], check=True
    )
    with open(out / "articles.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_articles(tmp_path_factory) -> list:
    """The CLI's articles of the sample pages, cleaned as one batch."""
    return cli_articles(SAMPLES, tmp_path_factory.mktemp("cli") / "out")


def page_files(folder: Path) -> list:
    """The page files of a folder, sorted by name as galley sorts them."""
    return sorted(p for p in folder.iterdir() if p.is_file())


def by_id(articles) -> dict:
    """Articles as {id: text}; every id once."""
    texts = {a["id"]: a["text"] for a in articles}
    assert len(texts) == len(articles), "an id twice"
    return texts
