"""galley as datatrove pipeline steps.

A batch's facts come first, as a pipeline of its own (each task writes
the facts of its pages; :func:`load_facts` merges them), then the pages
are cleaned with the facts of the whole batch::

    LocalPipelineExecutor([JsonlReader(pages), GalleyFacts("facts/")], tasks=8).run()
    LocalPipelineExecutor([JsonlReader(pages), GalleyCleaner("facts/"), JsonlWriter(out)], tasks=8).run()

Each page :class:`~datatrove.data.Document` (its ``text`` a page dump,
its ``id`` the dump's path relative to the batch's folder) becomes one
``Document`` per article: ``text`` the article as ``galley clean`` writes
it, ``id`` the CLI's article id (``p001/01``), and galley's manifest
fields under ``metadata``.
"""

from typing import Optional, Union

from datatrove.data import Document, DocumentsPipeline
from datatrove.io import DataFolderLike, get_datafolder
from datatrove.pipeline.base import PipelineStep

from . import Facts, NotText, Options, clean, merge, page_facts

#: The name of each task's facts file in a facts folder.
FACTS_FILE = "{rank:05d}.facts"


def load_facts(folder: DataFolderLike) -> Facts:
    """The facts of a whole batch: the facts files of a folder that
    :class:`GalleyFacts` wrote, merged."""
    folder = get_datafolder(folder)
    parts = []
    for name in folder.list_files(glob_pattern="*.facts"):
        with folder.open(name, "rb") as f:
            parts.append(Facts.from_bytes(f.read()))
    if not parts:
        raise FileNotFoundError(f"no facts files in {folder.path}: run GalleyFacts first")
    return merge(parts)


class GalleyFacts(PipelineStep):
    """Gathers the facts of the task's pages into ``<folder>/<rank>.facts``;
    passes no document on."""

    name = "📰 galley facts"
    type = "🔢 - STATS"

    def __init__(self, folder: DataFolderLike, options: Optional[Options] = None):
        super().__init__()
        self.folder = get_datafolder(folder)
        self.options = options

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> None:
        facts = Facts(self.options)
        for document in data:
            with self.track_time():
                try:
                    facts = facts.merge(page_facts(document.text, self.options))
                except NotText:
                    self.stat_update("not_text")
                    continue
            self.stat_update("pages")
        with self.folder.open(FACTS_FILE.format(rank=rank), "wb") as f:
            f.write(facts.to_bytes())


class GalleyCleaner(PipelineStep):
    """Cleans each page document into article documents, with the facts
    of the whole batch: a :class:`~galley.Facts`, or the folder that
    :class:`GalleyFacts` wrote (``None``: each page is its own batch)."""

    name = "📰 galley"
    type = "✂️ - FORMAT"

    def __init__(self, facts: Union[Facts, DataFolderLike, None] = None, options: Optional[Options] = None):
        super().__init__()
        self.facts = facts
        self.options = options

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        facts = self.facts if self.facts is None or isinstance(self.facts, Facts) else load_facts(self.facts)
        for page in data:
            with self.track_time():
                try:
                    articles = clean(page.text, facts, self.options, source=page.id)
                except NotText:
                    self.stat_update("not_text")
                    continue
            self.stat_update("pages")
            for article in articles:
                self.stat_update("articles")
                text = article.pop("text")
                yield Document(text=text, id=article["id"], metadata={**article, "page_id": page.id})
