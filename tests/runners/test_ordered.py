"""The ordered, bounded fan-out every cluster engine uses: order, back-pressure, rejections."""

from __future__ import annotations

import random
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsgraph.extract import AnalysedArticle
from newsgraph.model import Article, Rejected
from newsgraph.runners.ordered import OrderedFanOut, chunks


def _article(i: int) -> Article:
    return Article(id=f"a{i}", text=f"text number {i}")


def _fake_analysed(a: Article) -> AnalysedArticle:
    return AnalysedArticle(id=a.id, url=None, source=None, title=None, published=None, text="",
                           language="en")


def test_ordered_results_keep_input_order_when_batches_finish_out_of_order():
    rng = random.Random(3)
    items = [_article(i) if i % 5 else Rejected(f"in{i}", "empty") for i in range(60)]
    with ThreadPoolExecutor(4) as pool:
        def work(batch):
            time.sleep(rng.random() / 200)  # later batches often finish first
            return [_fake_analysed(a) for a in batch]

        fan = OrderedFanOut(submit=lambda batch: pool.submit(work, batch),
                            collect=lambda fut, _batch: fut.result(), capacity=lambda: 6)
        out = list(fan.run(chunks(items, 3)))
    assert [getattr(r, "id", None) or r.origin for r in out] == [
        a.id if isinstance(a, Article) else a.origin for a in items]
    # the driver puts back the text the workers did not send
    assert all(r.text == f"text number {r.id[1:]}" for r in out if isinstance(r, AnalysedArticle))


@pytest.mark.parametrize("capacity,size", [(1, 1), (4, 8), (8, 2)])
def test_ordered_input_is_pulled_only_as_results_are_taken(capacity, size):
    pulled = 0

    def reader():
        nonlocal pulled
        for i in range(500):
            pulled += 1
            yield _article(i)

    fan = OrderedFanOut(submit=lambda batch: batch, collect=lambda b, _a: [_fake_analysed(x) for x in b],
                        capacity=lambda: capacity)
    taken = 0
    for _ in fan.run(chunks(reader(), size)):
        taken += 1
        # never more than the in-flight bound (plus the batch being cut) ahead of the consumer
        assert pulled - taken <= (capacity + 1) * size
    assert taken == 500 and fan.max_in_flight == capacity + 1


def test_ordered_failed_article_becomes_its_rejection_in_place():
    items = [_article(i) for i in range(4)]

    def collect(batch, _articles):
        return [Rejected(a.id, "analysis-failed", "boom") if a.id == "a2" else _fake_analysed(a) for a in batch]

    out = list(OrderedFanOut(submit=lambda b: b, collect=collect, capacity=lambda: 2).run(chunks(items, 2)))
    assert [type(r).__name__ for r in out] == ["AnalysedArticle", "AnalysedArticle", "Rejected", "AnalysedArticle"]
