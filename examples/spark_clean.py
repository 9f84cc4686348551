"""Clean a folder of page dumps with galley on Spark.

    python examples/spark_clean.py PAGES OUT.jsonl [--master local[2]]

Two stages, as `galley facts` then `galley clean --facts` run them: the
facts of each partition by `mapPartitions`, merged once on the driver;
then the articles of each partition by `mapPartitions`, the facts sent to
the executors as a broadcast variable. OUT.jsonl holds the articles
`galley clean PAGES --format jsonl` writes, in the same order.
"""

import argparse
import json
import os

from pyspark.sql import SparkSession

import galley


def facts_of_partition(pages):
    """The facts of a partition's pages, as one facts file's bytes."""
    yield galley.merge(galley.page_facts(data) for _, data in pages).to_bytes()


def cleaner(root: str, facts):
    """The function that cleans a partition's pages with the broadcast facts."""
    root = os.path.abspath(root)

    def clean_partition(pages):
        batch_facts = galley.Facts.from_bytes(facts.value)
        for uri, data in pages:
            source = os.path.relpath(uri.removeprefix("file:"), root).replace(os.sep, "/")
            try:
                yield from galley.clean(data, batch_facts, source=source)
            except galley.NotText:
                continue

    return clean_partition


def clean_folder(spark: SparkSession, root: str, partitions: int = 4) -> list:
    """The articles of the page dumps of `root`, cleaned as one batch, in
    the order galley writes them."""
    pages = spark.sparkContext.binaryFiles(os.path.abspath(root)).repartition(partitions)
    parts = pages.mapPartitions(facts_of_partition).collect()
    facts = galley.merge(galley.Facts.from_bytes(part) for part in parts)
    broadcast = spark.sparkContext.broadcast(facts.to_bytes())
    articles = pages.mapPartitions(cleaner(root, broadcast)).collect()
    return sorted(articles, key=lambda a: (a["source"], a["index"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", help="folder of page dumps")
    parser.add_argument("out", help="JSON-lines file of the articles")
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    spark = SparkSession.builder.master(args.master).appName("galley").getOrCreate()
    try:
        articles = clean_folder(spark, args.pages)
    finally:
        spark.stop()
    with open(args.out, "w", encoding="utf-8") as f:
        for article in articles:
            f.write(json.dumps(article, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{len(articles)} articles written to {args.out}")


if __name__ == "__main__":
    main()
