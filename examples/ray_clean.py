"""Clean a folder of page dumps with galley on Ray Data.

    python examples/ray_clean.py PAGES OUT.jsonl [--cpus N]

Two stages, as `galley facts` then `galley clean --facts` run them: the
facts of each block of pages by `map_batches`, merged once on the driver;
then the articles of each block by `map_batches`, the facts broadcast
through the object store and read once per worker. OUT.jsonl holds the
articles `galley clean PAGES --format jsonl` writes, in the same order.
"""

import argparse
import json
import os

import ray

import galley


def pages(root: str) -> "ray.data.Dataset":
    """The page dumps of a folder, as bytes with their paths."""
    return ray.data.read_binary_files(root, include_paths=True)


def facts_of_block(batch: dict) -> dict:
    """The facts of a block of pages, as one facts file's bytes."""
    facts = galley.merge(galley.page_facts(bytes(data)) for data in batch["bytes"])
    return {"facts": [facts.to_bytes()]}


class Cleaner:
    """Cleans blocks of pages with the batch's facts, fetched once per worker."""

    def __init__(self, root: str, facts: list):
        # The facts' reference comes in a list, so that Ray hands it over
        # as it is, to be fetched here once.
        self.facts = ray.get(facts[0])
        self.root = os.path.abspath(root)

    def source(self, path: str) -> str:
        """A page's path relative to the batch's folder, as galley names it."""
        return os.path.relpath(os.path.join("/", path), self.root).replace(os.sep, "/")

    def __call__(self, batch: dict) -> dict:
        articles = []
        for data, path in zip(batch["bytes"], batch["path"]):
            try:
                found = galley.clean(bytes(data), self.facts, source=self.source(path))
            except galley.NotText:
                continue
            articles.extend(json.dumps(a, ensure_ascii=False) for a in found)
        return {"article": articles}


def clean_folder(root: str) -> list:
    """The articles of the page dumps of `root`, cleaned as one batch, in
    the order galley writes them."""
    dataset = pages(root)
    parts = dataset.map_batches(facts_of_block).take_all()
    facts = galley.merge(galley.Facts.from_bytes(row["facts"]) for row in parts)
    cleaned = dataset.map_batches(Cleaner, fn_constructor_kwargs={"root": root, "facts": [ray.put(facts)]}, concurrency=2)
    articles = [json.loads(row["article"]) for row in cleaned.take_all()]
    return sorted(articles, key=lambda a: (a["source"], a["index"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", help="folder of page dumps")
    parser.add_argument("out", help="JSON-lines file of the articles")
    parser.add_argument("--cpus", type=int, default=os.cpu_count())
    args = parser.parse_args()
    ray.init(num_cpus=args.cpus)
    with open(args.out, "w", encoding="utf-8") as f:
        for article in clean_folder(args.pages):
            f.write(json.dumps(article, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
