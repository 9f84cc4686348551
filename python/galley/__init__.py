"""galley: raw text dumps of scanned newspaper pages into clean articles.

The same stages as the ``galley`` command line, one page dump at a time,
so that an engine (datatrove, Ray, Spark) can spread a batch over its
workers. A batch's facts (running headers, repeated boxes, word forms,
paragraph seams) are gathered per dump with :func:`page_facts`, merged
with :meth:`Facts.merge`, and handed to :func:`clean` for every dump of
the batch: the articles are then those ``galley clean`` writes for the
whole batch, byte for byte.

    >>> import galley
    >>> page = "本报讯（记者焦娟） 3 月 17 日下午，市委召开专题\\n会议，部署疫情防控工作。\\n\\n市委召开疫情防控专题会议\\n"
    >>> galley.clean(page)[0]["title"]
    '市委召开疫情防控专题会议'
"""

import json
from typing import Any, Dict, Iterable, List, Optional, Union

from ._galley import Facts, GalleyError, NotText, Options, __version__, clean_lines, decode_text, merge_facts, page_facts

__all__ = ["Facts", "GalleyError", "NotText", "Options", "__version__", "clean", "decode", "merge", "page_facts"]


def clean(
    data: Union[str, bytes],
    facts: Optional[Facts] = None,
    options: Optional[Options] = None,
    source: str = "-",
) -> List[Dict[str, Any]]:
    """The articles of one page dump, each a dict of the manifest's fields
    plus its ``text``, as ``galley clean --format jsonl`` writes them.

    ``data`` is text, or bytes in any encoding (detected as the command
    line does); a form feed separates pages. ``facts`` are the batch's
    (``None``: the dump is its own batch, with no facts). ``source`` is
    the dump's path relative to the batch's folder, which names the
    articles (``p001.txt`` gives ``p001/01``, ``p001/02``…); ``-`` names
    them ``stdin/01``… as ``galley clean -`` does. Raises :class:`NotText`
    for a dump that is not text, :class:`GalleyError` for facts gathered
    under other options. The GIL is released while the dump is cleaned.
    """
    return [json.loads(line) for line in clean_lines(data, facts, options, source).splitlines()]


def decode(data: Union[str, bytes]) -> str:
    """The text galley reads from a page dump: bytes decoded in the
    encoding galley detects, line ends made LF, control characters
    replaced. Cleaning this text gives the articles cleaning the bytes does."""
    return decode_text(data)


def merge(facts: Iterable[Facts], options: Optional[Options] = None) -> Facts:
    """The facts of many parts of a batch, merged at once (none: the empty
    facts). All must be gathered under ``options`` (by default, under the
    options of the first); raises :class:`GalleyError` otherwise."""
    return merge_facts(list(facts), options)
