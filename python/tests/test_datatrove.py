"""datatrove: pages read by its JsonlReader, facts gathered by one
pipeline of 2 tasks, articles cleaned by another and written by its
JsonlWriter, equal to the CLI's."""

import gzip
import json

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

import galley
from conftest import by_id, page_files
from galley.datatrove import GalleyCleaner, GalleyFacts


def write_pages(samples, folder, files=3):
    """The sample pages as datatrove documents in a few JSON-lines files:
    `id` the page's file name, `text` the page as galley reads it."""
    folder.mkdir()
    pages = page_files(samples)
    for k in range(files):
        with open(folder / f"pages-{k}.jsonl", "w", encoding="utf-8") as f:
            for page in pages[k::files]:
                f.write(json.dumps({"id": page.name, "text": galley.decode(page.read_bytes())}) + "\n")


def test_two_tasks_clean_the_samples_as_the_cli_does(samples, sample_articles, tmp_path):
    pages, facts, out = tmp_path / "pages", tmp_path / "facts", tmp_path / "out"
    write_pages(samples, pages)
    LocalPipelineExecutor(
        [JsonlReader(str(pages)), GalleyFacts(str(facts))], tasks=2, logging_dir=str(tmp_path / "log-facts")
    ).run()
    assert sorted(p.name for p in facts.iterdir()) == ["00000.facts", "00001.facts"]
    LocalPipelineExecutor(
        [JsonlReader(str(pages)), GalleyCleaner(str(facts)), JsonlWriter(str(out))],
        tasks=2,
        logging_dir=str(tmp_path / "log-clean"),
    ).run()
    documents = []
    for part in sorted(out.iterdir()):
        with gzip.open(part, "rt", encoding="utf-8") as f:
            documents.extend(json.loads(line) for line in f)
    assert len(list(out.iterdir())) == 2, "each task wrote its articles"
    assert by_id([{"id": d["id"], "text": d["text"]} for d in documents]) == by_id(sample_articles)
    fields = {a["id"]: {k: v for k, v in a.items() if k != "text"} for a in sample_articles}
    for d in documents:
        metadata = {k: v for k, v in d["metadata"].items() if k in fields[d["id"]]}
        assert metadata == fields[d["id"]], d["id"]
