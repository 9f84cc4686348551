"""Clean page dumps with galley in a datatrove pipeline.

    python examples/datatrove_clean.py PAGES.jsonl-FOLDER OUT-FOLDER [--tasks N]

The pages are datatrove documents in JSON-lines files (`id`: the dump's
path relative to the batch's folder, `text`: the dump; `galley.decode`
reads raw bytes in any encoding into that text). Two pipelines, as
`galley facts` then `galley clean --facts` run them: each task gathers
its pages' facts into OUT/facts/; then each task cleans its pages with
the merged facts and writes article documents to OUT/articles/ with
datatrove's JsonlWriter.
"""

import argparse
import os

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from galley.datatrove import GalleyCleaner, GalleyFacts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", help="folder of JSON-lines files of page documents")
    parser.add_argument("out", help="output folder")
    parser.add_argument("--tasks", type=int, default=os.cpu_count())
    args = parser.parse_args()
    facts = os.path.join(args.out, "facts")
    LocalPipelineExecutor(
        [JsonlReader(args.pages), GalleyFacts(facts)], tasks=args.tasks, logging_dir=os.path.join(args.out, "log-facts")
    ).run()
    LocalPipelineExecutor(
        [JsonlReader(args.pages), GalleyCleaner(facts), JsonlWriter(os.path.join(args.out, "articles"))],
        tasks=args.tasks,
        logging_dir=os.path.join(args.out, "log-clean"),
    ).run()


if __name__ == "__main__":
    main()
