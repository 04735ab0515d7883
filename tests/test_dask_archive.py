"""The README's recipe for an archive beyond one machine: a Dask bag on a distributed cluster.

The cluster is a ``LocalCluster`` of two worker processes on 127.0.0.1, so the
configuration and every finding really cross a process boundary by pickling,
as they would between machines; nothing leaves localhost.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import lint_text, load_config
from checker.config.settings import Settings
from tests.helpers import REALWORLD, REPO, SEEDS

dask = pytest.importorskip("dask", reason="dask is not installed (pip install 'dask[distributed]')")
db = pytest.importorskip(
    "dask.bag", reason="dask.bag is not installed (pip install 'dask[distributed]')"
)
distributed = pytest.importorskip(
    "dask.distributed", reason="dask.distributed is not installed (pip install 'dask[distributed]')"
)

#: Real releases added to the corpus drafts when ../shared is beside the checkout:
#: enough for every worker to get several partitions, few enough to stay quick.
REAL_RELEASES = 12


def _archive() -> list[str]:
    """Return the texts to lint: the corpus drafts, then seeds and real releases if present."""
    paths = sorted((REPO / "corpus").glob("*.txt"))
    if SEEDS.is_dir():
        paths += sorted(SEEDS.glob("*.txt"))
    if REALWORLD.is_dir():
        paths += sorted(REALWORLD.glob("*.txt"))[:REAL_RELEASES]
    return [Path(path).read_text(encoding="utf-8") for path in paths]


@pytest.mark.slow
def test_a_dask_bag_on_a_two_process_cluster_gives_the_serial_findings() -> None:
    texts = _archive()
    config = load_config(Settings(date="2026-05-05"))  # settings, not only defaults, are shipped
    serial = [lint_text(text, config) for text in texts]

    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        shared = dask.delayed(config, traverse=False)  # one key, sent to each worker once
        bag = db.from_sequence(texts, partition_size=2).map(lint_text, config=shared)
        distributed_results = bag.compute()
        workers = client.scheduler_info()["workers"]

    assert len(workers) == 2  # two worker processes really ran the bag
    assert distributed_results == serial  # same findings, draft for draft, in the same order
    drafts_with_findings = sum(1 for found in serial if found)
    assert drafts_with_findings >= 4  # the comparison means something (4 of the 5 corpus drafts)
