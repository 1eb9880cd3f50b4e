"""Run the per-article pipeline over many files: in this process, on a process pool, or on Dask.

Every engine calls the same function, :func:`analyse_batch`, on batches of
``batch`` files (default :data:`DEFAULT_BATCH`): each file is loaded and
analysed on its own into plain records (:func:`file_records`: load → zone →
tokenise → mentions → claims, via :func:`analysis.pipeline.article_records`),
then the batch's four tables are built and encoded once and cut per file
(:func:`with_tables`; a DataFrame costs about a millisecond per table whatever
its size, so one per batch instead of one per article).  Every engine yields one
:class:`FileResult` per input file **in input order**, with the bytes of that
file analysed alone, so the tables a build writes do not depend on the engine,
the batch size or the number of workers.

Engines
-------
``serial``     one batch after another in this process (also used for small runs).
``processes``  a :class:`concurrent.futures.ProcessPoolExecutor` with ``jobs``
               workers; files travel in batches, at most ``2 × jobs`` batches are
               in flight, so memory stays bounded however large the corpus.
``dask``       a :mod:`dask.bag` of the files, one partition per batch, mapped with
               :func:`analyse_batch`.  ``scheduler`` is a distributed scheduler
               address (``tcp://host:8786``), or ``None`` to start a private
               :class:`distributed.LocalCluster` (``jobs`` worker processes, one
               thread each, no dashboard, logging silenced), or one of Dask's
               single-machine schedulers ``"synchronous"``, ``"threads"``,
               ``"processes"``.  Partitions are computed a bounded window at a time.

Work is *encoded in the worker*: a result carries each table already serialised
(CSV text, or a :class:`pyarrow.Table` for Parquet), so the parent process only
appends bytes and never holds more than the in-flight window of articles.

A bad file never stops a run: its result has ``error`` set (a one-line message
``<file>: <problem>``) and no tables.  A worker process that dies takes only
its own batch with it: those files are retried one by one in a fresh pool, and
a file that kills a worker again is reported as an error.

Time per file is bounded by ``timeout`` seconds (0: none): over it, the file's
result is the error ``<file>: timed out after N s`` and the run goes on.  The
limit covers loading and analysing the file (:func:`file_records`, where it is
enforced with :func:`analysis.lifecycle.time_limit`, any engine); building and
encoding the batch's tables afterwards is not charged to any one file (it is
linear in the rows and takes milliseconds).  The process pool also kills a worker
stuck past ``len(batch) × timeout + HARD_GRACE_S`` on a batch, tables included,
e.g. in a single C call (see :func:`run_processes`).  Pool workers and a private Dask
LocalCluster's workers die with the build process (:mod:`analysis.lifecycle`).
"""
from __future__ import annotations

import collections
import contextlib
import dataclasses
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from analysis import lifecycle
from analysis.encode import encode_table  # noqa: F401  (kept under this name for callers)

#: Output encodings a worker can produce: CSV text, Arrow tables, or DataFrames.
FORMATS: tuple[str, ...] = ("csv", "parquet", "frames")

#: Engines accepted by :func:`run`.
ENGINES: tuple[str, ...] = ("serial", "processes", "dask")

#: Dask's single-machine schedulers, accepted as ``scheduler`` instead of an address.
DASK_LOCAL_SCHEDULERS: tuple[str, ...] = ("synchronous", "threads", "processes")

#: Files per batch (one process-pool task or one Dask partition).
DEFAULT_BATCH: int = 8

#: Extra seconds the process pool grants a batch over its files' time limits before
#: it kills the worker: ``len(batch) × timeout + HARD_GRACE_S``.
HARD_GRACE_S: float = 5.0


def timeout_message(source: str, timeout: float) -> str:
    """The error of a file over its time limit: ``<file>: timed out after N s``."""
    return f"{source}: timed out after {timeout:g} s"


@dataclass(frozen=True)
class FileResult:
    """What one input file produced.

    ``tables`` maps each table name (:data:`analysis.pipeline.TABLE_NAMES`) to its
    encoded rows: for ``csv`` a pair ``(header_line, body)`` of CSV text (header
    without, body with, line ends), for ``parquet`` a :class:`pyarrow.Table`, for
    ``frames`` the DataFrame.  ``counts`` holds the row counts in table order.
    ``warnings`` are doubtful-input problems (printed ``warning: <file>: …``);
    ``text`` is the article's text when it is not the file's own (a web page's
    extracted article, see :func:`analysis.article.extracted_text`), else ``None``.
    """

    index: int
    source: str
    article_id: str = ""
    nbytes: int = 0
    counts: tuple[tuple[str, int], ...] = ()
    tables: dict[str, Any] | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    text: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def warm_up() -> None:
    """:func:`analysis.pipeline.warm_up`: load what the analysis needs once in this process, before
    any time limit starts (a forked pool inherits it). Imported here only when called, so that
    importing the engine stays light (pandas and the lexicons load with the first analysis)."""
    from analysis.pipeline import warm_up as pipeline_warm_up

    pipeline_warm_up()


def file_records(index: int, source: str, timeout: float = 0) -> tuple[FileResult, Any]:
    """Load and analyse one file into plain records (:func:`analysis.pipeline.article_records`).

    Returns ``(result, records)``: the result has the article's id, row counts,
    warnings and text but no tables yet; for a bad file it has ``error`` set and
    ``records`` is None (never raises for a bad file).  ``timeout``: seconds
    allowed for loading and analysing this file (0: no limit); over it, ``error``
    is ``<file>: timed out after N s``.
    """
    from analysis import pipeline
    from analysis.article import extracted_text, load_article
    from analysis.textio import InputError

    try:
        nbytes = os.path.getsize(source)
    except OSError:
        nbytes = 0
    try:
        with lifecycle.time_limit(timeout):
            article = load_article(source)
            records = pipeline.article_records(article)
        result = FileResult(index=index, source=source, article_id=article.article_id, nbytes=nbytes,
                            counts=pipeline.row_counts(records), warnings=article.warnings,
                            text=extracted_text(article))
        return result, records
    except lifecycle.FileTimedOut:
        return FileResult(index, source, nbytes=nbytes, error=timeout_message(source, timeout)), None
    except InputError as err:
        return FileResult(index, source, nbytes=nbytes, error=str(err)), None
    except Exception as err:  # one broken article must not stop a corpus run
        return FileResult(index, source, nbytes=nbytes, error=internal_error(source, err)), None


def internal_error(source: str, err: Exception) -> str:
    """The error of a file whose analysis raised: ``<file>: internal error (Type: message)``."""
    return f"{source}: internal error ({type(err).__name__}: {err})"


def with_tables(done: list[tuple[FileResult, Any]], fmt: str) -> list[FileResult]:
    """The results of analysed files with their tables: built and encoded once for the whole
    list (:func:`analysis.pipeline.frames`, :func:`analysis.encode.encode_pieces`), then cut per
    file; CSV is written straight from each file's records (:func:`analysis.encode.csv_tables`)."""
    from analysis.encode import csv_tables, encode_pieces
    from analysis.pipeline import frames, table_schemas

    if not done:
        return []
    if fmt == "csv":  # straight from the records, when every value is plain
        schemas = table_schemas()
        direct = [csv_tables(records, schemas) for _, records in done]
        if all(d is not None for d in direct):
            return [dataclasses.replace(r, tables=d) for (r, _), d in zip(done, direct)]
    tables = frames(records for _, records in done)
    pieces = encode_pieces(tables, [dict(r.counts) for r, _ in done], fmt)
    return [dataclasses.replace(r, tables=p) for (r, _), p in zip(done, pieces)]


def analyse_batch(tasks: Iterable[tuple[int, str]], fmt: str = "csv", timeout: float = 0) -> list[FileResult]:
    """Analyse a batch of ``(index, path)`` pairs (one pool task / Dask partition); one result each, in order.

    Each file is loaded and analysed on its own (:func:`file_records`: its own
    error, its own ``timeout``); the good files' tables are then built and
    encoded once for the batch (:func:`with_tables`).  Should that fail, each
    file's tables are built alone, so only a file that breaks them gets an error.
    """
    if timeout:
        warm_up()
    analysed = [file_records(i, s, timeout) for i, s in tasks]
    done = [(r, rec) for r, rec in analysed if rec is not None]
    try:
        encoded = with_tables(done, fmt)
    except Exception:  # noqa: BLE001 - find the file that breaks the batch's tables
        encoded = [_tables_alone(r, rec, fmt) for r, rec in done]
    it = iter(encoded)
    return [next(it) if rec is not None else r for r, rec in analysed]


def _tables_alone(result: FileResult, records: Any, fmt: str) -> FileResult:
    try:
        return with_tables([(result, records)], fmt)[0]
    except Exception as err:  # noqa: BLE001
        return FileResult(result.index, result.source, nbytes=result.nbytes, error=internal_error(result.source, err))


def analyse_file(index: int, source: str, fmt: str = "csv", timeout: float = 0) -> FileResult:
    """Load and analyse one file (a batch of one); never raises for a bad file (``error`` is set instead)."""
    return analyse_batch([(index, source)], fmt, timeout)[0]


def batches(tasks: list[tuple[int, str]], size: int) -> list[list[tuple[int, str]]]:
    """Consecutive batches of at most ``size`` tasks."""
    size = max(1, size)
    return [tasks[k : k + size] for k in range(0, len(tasks), size)]


# --- serial ---------------------------------------------------------------------


def run_serial(tasks: list[tuple[int, str]], fmt: str = "csv", timeout: float = 0,
               batch: int = DEFAULT_BATCH) -> Iterator[FileResult]:
    """One batch of files after another, in this process."""
    for b in batches(tasks, batch):
        yield from analyse_batch(b, fmt, timeout)


# --- process pool ---------------------------------------------------------------


def _mp_context():
    import multiprocessing as mp

    # fork starts workers in milliseconds with the lexicons already loaded;
    # elsewhere (macOS, Windows) fall back to the platform default.
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else None)


def new_pool(jobs: int):
    """A process pool whose workers die with this process (:func:`analysis.lifecycle.pool_worker_init`)."""
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_mp_context(),
        initializer=lifecycle.pool_worker_init,
        initargs=(os.getpid(), lifecycle.started_from_main_thread()),
    )


class _Stuck(Exception):
    """A batch ran past its hard deadline; its pool was killed."""


def run_processes(
    tasks: list[tuple[int, str]],
    fmt: str = "csv",
    jobs: int | None = None,
    batch: int = DEFAULT_BATCH,
    timeout: float = 0,
) -> Iterator[FileResult]:
    """Analyse on a pool of ``jobs`` worker processes; results in input order.

    At most ``2 × jobs`` batches are in flight.  If a worker dies (segfault, out
    of memory), the batches in flight are re-run one file per task in a new
    pool, and a file that breaks a pool on its own is reported as an error.

    With a ``timeout``, each file has that long in its worker (a time limit in
    the worker); as a backstop, the batch at the head of the queue is given
    ``len(batch) × timeout + HARD_GRACE_S`` seconds, after which the pool's
    workers are killed and the batches in flight re-run one file at a time, so
    a file that blocks where the in-worker limit cannot reach it is reported as
    timed out too.  On an interruption the workers are killed, not awaited.
    """
    from concurrent.futures.process import BrokenProcessPool

    jobs = max(1, jobs or os.cpu_count() or 1)
    if timeout and tasks:
        warm_up()  # here, once: forked workers inherit the loaded resources
    pending: collections.deque[list[tuple[int, str]]] = collections.deque(batches(tasks, batch))
    window = 2 * jobs
    careful = 0  # after a crash: this many single-file batches run one at a time
    while pending:
        pool = new_pool(jobs)
        inflight: collections.deque = collections.deque()
        try:
            while pending or inflight:
                while pending and len(inflight) < (1 if careful else window):
                    b = pending.popleft()
                    inflight.append((b, pool.submit(analyse_batch, b, fmt, timeout)))
                results = _head_result(pool, inflight[0], timeout)
                inflight.popleft()
                careful = max(0, careful - 1)
                yield from results
        except (BrokenProcessPool, _Stuck) as err:
            if careful:
                # one single-file batch was in flight: that file killed (or stalled) the worker
                (b, _fut) = inflight.popleft()
                careful -= 1
                (i, s) = b[0]
                msg = timeout_message(s, timeout) if isinstance(err, _Stuck) else f"{s}: internal error (worker process died)"
                yield FileResult(i, s, error=msg)
            # re-run what was in flight one file at a time, in order, to find the culprit
            singles = [[t] for b, _fut in inflight for t in b]
            pending.extendleft(reversed(singles))
            careful += len(singles)
        except BaseException:  # interrupted, or the consumer stopped early (GeneratorExit)
            lifecycle.kill_pool(pool)
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _head_result(pool, head: tuple[list, Any], timeout: float) -> list[FileResult]:
    """The results of the oldest batch in flight; with a ``timeout``, kill the pool past its deadline.

    The oldest batch is already running (the pool starts tasks in order), so
    its deadline counts from now: every earlier batch has been received.
    """
    from concurrent.futures import TimeoutError as FuturesTimeout

    b, fut = head
    if not timeout:
        return fut.result()
    try:
        return fut.result(timeout=len(b) * timeout + HARD_GRACE_S)
    except FuturesTimeout:
        lifecycle.kill_pool(pool)
        raise _Stuck() from None


# --- dask -----------------------------------------------------------------------


def _quiet_dask_logging() -> None:
    for name in ("distributed", "dask", "tornado", "bokeh"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


@contextlib.contextmanager
def dask_client(scheduler: str | None, jobs: int | None):
    """A :class:`distributed.Client` for ``scheduler`` (address) or a private LocalCluster.

    The LocalCluster has ``jobs`` worker processes with one thread each, no
    dashboard and silenced logging; it is closed on exit.
    """
    import dask
    from distributed import Client, LocalCluster

    _quiet_dask_logging()
    with dask.config.set({"distributed.admin.system-monitor.gil.enabled": False, "logging.distributed": "critical"}):
        if scheduler:
            client = Client(scheduler, set_as_default=False)
            try:
                yield client
            finally:
                client.close()
            return
        jobs = max(1, jobs or os.cpu_count() or 1)
        cluster = LocalCluster(
            n_workers=jobs,
            threads_per_worker=1,
            processes=True,
            # ":0" = any free port: None would still try 8787 and warn (on stderr) when it is taken
            dashboard_address=":0",
            silence_logs=logging.CRITICAL,
            worker_dashboard_address=None,
        )
        client = Client(cluster, set_as_default=False)
        try:
            # the workers are this process's children: they must not outlive it
            from analysis.daskwatch import ParentWatch

            client.register_plugin(ParentWatch(os.getpid()))
            yield client
        finally:
            with contextlib.suppress(Exception):
                client.close()
            with contextlib.suppress(Exception):
                cluster.close()


def run_dask(
    tasks: list[tuple[int, str]],
    fmt: str = "csv",
    jobs: int | None = None,
    scheduler: str | None = None,
    batch: int = DEFAULT_BATCH,
    timeout: float = 0,
) -> Iterator[FileResult]:
    """Analyse with Dask: bags of files, one partition per batch, computed a chunk at a time.

    ``scheduler``: a distributed scheduler address, ``None`` for a private
    LocalCluster, or ``"synchronous"`` / ``"threads"`` / ``"processes"`` for
    Dask's single-machine schedulers (no cluster; handy in tests).  The
    ``processes`` scheduler runs on a pool of :func:`new_pool` (workers die with
    this process).  ``timeout`` is enforced in the worker thread only.
    """
    if not tasks:
        return
    jobs = max(1, jobs or os.cpu_count() or 1)
    if scheduler in DASK_LOCAL_SCHEDULERS:
        yield from _run_dask_local(tasks, fmt, jobs, scheduler, batch, timeout)
        return
    with dask_client(scheduler, jobs) as client:
        # one small bag per chunk of 2 × (cluster threads) partitions, two chunks in
        # flight: workers stay busy, and each compute call handles a small graph
        # (delayed objects cut from one big bag each carry the whole bag's graph,
        # and computing them one by one costs O(partitions²) on the client)
        window = 2 * max(1, sum(client.nthreads().values()))
        chunks = batches(tasks, batch * window)
        inflight: collections.deque = collections.deque()
        for n, chunk in enumerate(chunks):
            inflight.append((chunk, client.compute(_bag_partitions(chunk, fmt, batch, timeout))))
            if len(inflight) < 2 and n + 1 < len(chunks):
                continue
            yield from _chunk_results(client, *inflight.popleft(), fmt, batch, timeout)
        while inflight:
            yield from _chunk_results(client, *inflight.popleft(), fmt, batch, timeout)


def _run_dask_local(tasks, fmt: str, jobs: int, scheduler: str, batch: int, timeout: float) -> Iterator[FileResult]:
    """Dask's single-machine schedulers, a window of ``2 × jobs`` partitions at a time."""
    import dask

    window = 2 * jobs
    pool = new_pool(jobs) if scheduler == "processes" else None
    try:
        with dask.config.set(scheduler=scheduler, num_workers=jobs, pool=pool):
            for chunk in batches(tasks, batch * window):
                for results in dask.compute(*_bag_partitions(chunk, fmt, batch, timeout)):
                    yield from results
    except BaseException:
        if pool is not None:
            lifecycle.kill_pool(pool)
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _bag_partitions(chunk: list[tuple[int, str]], fmt: str, batch: int, timeout: float = 0) -> list:
    """A Dask bag of ``chunk`` (consecutive partitions of ``batch`` files) mapped with
    :func:`analyse_batch`, as one delayed object per partition."""
    import dask.bag as db

    bag = db.from_sequence(chunk, partition_size=max(1, batch))
    return bag.map_partitions(analyse_batch, fmt, timeout).to_delayed()


def _chunk_results(client, chunk: list[tuple[int, str]], futures: list, fmt: str, batch: int,
                   timeout: float = 0) -> Iterator[FileResult]:
    bs = batches(chunk, batch)
    assert len(bs) == len(futures)
    for b, fut in zip(bs, futures):
        yield from partition_results(client, fut, b, fmt, timeout)


def partition_results(client, fut, batch: list[tuple[int, str]], fmt: str, timeout: float = 0) -> list[FileResult]:
    """The results of one Dask partition; if it failed as a whole, its files one by one.

    A partition fails as a whole when its worker died (``KilledWorker`` after
    Dask's retries) or the task could not run; each file is then submitted on
    its own, and a file that fails again becomes an error result.
    """
    try:
        results = fut.result()
        fut.release()
        return results
    except Exception:  # noqa: BLE001 - whatever killed the partition, isolate the file
        fut.release()
    out = []
    for i, s in batch:
        f = client.submit(analyse_file, i, s, fmt, timeout, pure=False)
        try:
            out.append(f.result())
        except Exception as err:  # noqa: BLE001
            out.append(FileResult(i, s, error=f"{s}: internal error (Dask worker failed: {type(err).__name__})"))
        finally:
            f.release()
    return out


# --- entry point ----------------------------------------------------------------


def run(
    files: list[str | Path],
    engine: str = "processes",
    fmt: str = "csv",
    jobs: int | None = None,
    scheduler: str | None = None,
    batch: int = DEFAULT_BATCH,
    min_parallel: int = 8,
    timeout: float = 0,
    isolate: bool = False,
) -> Iterator[FileResult]:
    """Analyse ``files`` with ``engine``; yield one :class:`FileResult` per file, in order."""
    tasks = [(i, str(f)) for i, f in enumerate(files)]
    return dispatch(tasks, engine, fmt, jobs, scheduler, batch, min_parallel, timeout, isolate)


def dispatch(
    tasks: list[tuple[int, str]],
    engine: str = "processes",
    fmt: str = "csv",
    jobs: int | None = None,
    scheduler: str | None = None,
    batch: int = DEFAULT_BATCH,
    min_parallel: int = 8,
    timeout: float = 0,
    isolate: bool = False,
) -> Iterator[FileResult]:
    """Like :func:`run` for ``(index, path)`` tasks.

    The ``processes`` engine runs serially when ``jobs`` is 1 or there are fewer
    than ``min_parallel`` files (a pool costs more than it saves there), unless
    ``isolate``: then always in worker processes, so that a file stuck past its
    ``timeout`` can be killed and a crash never takes the caller down.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if engine == "dask":
        return run_dask(tasks, fmt, jobs, scheduler, batch, timeout)
    small = (jobs or os.cpu_count() or 1) <= 1 or len(tasks) < min_parallel
    if engine == "serial" or (small and not isolate):
        return run_serial(tasks, fmt, timeout, batch)
    return run_processes(tasks, fmt, jobs, batch, timeout)


# --- streaming table writers (in analysis.writers; names kept here) -------------------

from analysis.writers import ParquetTableWriter, TableWriter, table_writer  # noqa: E402,F401
