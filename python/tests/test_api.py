"""The Python API against the CLI: the same articles, facts that merge
and travel, errors as exceptions."""

import pickle
import subprocess
import threading
import time
from functools import reduce

import pytest

import galley
from conftest import SEEDS, by_id, cli_articles, galley_binary, page_files


def test_clean_gives_the_headlines_of_a_seed():
    page = (SEEDS / "001_a69710dabf6f1119.txt").read_text(encoding="utf-8")
    alone = galley.clean(page)
    # Alone, the page's hotline box is a notice of its own, as with
    # `galley clean - < seeds/001_…`; the seeds' facts show it repeated
    # on 004, so in its batch it is furniture and the headline comes first.
    assert [a["kind"] for a in alone[:2]] == ["notice", "article"] and alone[0]["title"] is None
    assert alone[1]["title"] == "我市六名战“疫”干部获火线提拔"
    assert alone[1]["id"] == "stdin/02" and alone[1]["text"].startswith(alone[1]["title"] + "\n\n")
    facts = galley.merge(galley.page_facts(p.read_bytes()) for p in page_files(SEEDS))
    assert galley.clean(page, facts)[0]["title"] == "我市六名战“疫”干部获火线提拔"


def test_articles_equal_the_clis_with_the_batchs_facts(samples, sample_articles):
    pages = page_files(samples)
    facts = galley.merge(galley.page_facts(p.read_bytes()) for p in pages)
    assert facts.pages == len(pages)
    articles = [a for p in pages for a in galley.clean(p.read_bytes(), facts, source=p.name)]
    assert articles == sample_articles


def test_without_the_batchs_facts_the_articles_differ(samples, sample_articles):
    # The test above can fail: a page cleaned alone loses the batch's
    # running headers and repeated box.
    alone = [a for p in page_files(samples) for a in galley.clean(p.read_bytes(), source=p.name)]
    assert by_id(alone) != by_id(sample_articles)


def test_text_cleans_as_its_bytes_do(samples):
    for page in page_files(samples):
        data = page.read_bytes()
        assert galley.clean(galley.decode(data), source=page.name) == galley.clean(data, source=page.name)


def test_facts_merge_in_any_order_and_survive_bytes_and_pickle(samples, tmp_path):
    parts = [galley.page_facts(p.read_bytes()) for p in page_files(samples)]
    forward = reduce(galley.Facts.merge, parts)
    backward = reduce(galley.Facts.merge, reversed(parts))
    assert forward == backward and forward.to_bytes() == backward.to_bytes()
    assert galley.Facts.from_bytes(forward.to_bytes()) == forward
    assert pickle.loads(pickle.dumps(forward)) == forward
    assert forward.digest() == backward.digest() != parts[0].digest()
    # The CLI's facts file of the same pages is the same bytes.
    subprocess.run([galley_binary(), "facts", samples, "-o", tmp_path / "facts", "-q"], check=True)
    assert (tmp_path / "facts").read_bytes() == forward.to_bytes()


def test_cli_cleans_with_facts_gathered_in_python(samples, sample_articles, tmp_path):
    facts = galley.merge(galley.page_facts(p.read_bytes()) for p in page_files(samples))
    (tmp_path / "facts").write_bytes(facts.to_bytes())
    assert cli_articles(samples, tmp_path / "out", "--facts", str(tmp_path / "facts")) == sample_articles


def test_options_keep_furniture_and_extra_rules():
    page = "晨报 2021年12月6日 星期一 第3版\n\n市委召开会议。市长作工作部署。\n"
    kept = galley.clean(page, options=galley.Options(keep_furniture=True))[0]["text"]
    assert "晨报" in kept and "晨报" not in galley.clean(page)[0]["text"]
    rules = '[[rule]]\nname = "minutes"\nkind = "furniture"\npattern = "^市委召开会议"\n'
    options = galley.Options(rules=rules)
    assert pickle.loads(pickle.dumps(options)).rules == rules
    assert galley.clean("市委召开会议。\n\n市长作工作部署。\n", options=options)[0]["text"] == "市长作工作部署。\n"


def test_errors_are_exceptions():
    with pytest.raises(galley.NotText):
        galley.clean(b"")
    with pytest.raises(galley.NotText):
        galley.clean(bytes(range(256)) * 8)
    with pytest.raises(galley.GalleyError, match="bad regex"):
        galley.Options(rules='[[rule]]\nname = "x"\nkind = "furniture"\npattern = "("\n')
    with pytest.raises(galley.GalleyError, match="not a galley facts file"):
        galley.Facts.from_bytes(b"{}")
    other = galley.Options(rules='[[rule]]\nname = "photo-credit"\nenabled = false\n')
    foreign = galley.page_facts("一页。\n", other)
    with pytest.raises(galley.GalleyError, match="other rules"):
        galley.clean("一页。\n", foreign)
    with pytest.raises(galley.GalleyError, match="other rules"):
        galley.Facts().merge(foreign)
    with pytest.raises(galley.GalleyError, match="other rules"):
        galley.merge([galley.Facts(), foreign])
    assert galley.merge([foreign, foreign]).pages == 2
    with pytest.raises(TypeError):
        galley.clean(42)


def test_cleaning_releases_the_gil():
    # While one thread cleans a long page, another keeps running Python.
    page = (SEEDS / "002_24ae2b55acadbc0c.txt").read_text(encoding="utf-8") * 1000
    done = threading.Event()
    ticks = 0

    def tick():
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    started = time.perf_counter()
    galley.clean(page)
    seconds = time.perf_counter() - started
    done.set()
    ticker.join()
    # Holding the GIL, the call would let the ticker run at most once.
    assert seconds > 0.1, "the page is too short to tell"
    assert ticks >= 10, f"{ticks} ticks in {seconds:.2f} s: the GIL was held"


def test_the_package_docs_example_runs():
    import doctest

    result = doctest.testmod(galley)
    assert result.attempted > 0 and result.failed == 0
