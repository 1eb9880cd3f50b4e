"""Run the per-article pipeline over many files: in this process, on a process pool, or on Dask.

Every engine calls the same function, :func:`analyse_file` (load → zone →
tokenise → mentions → claims → tables, via :func:`analysis.pipeline.analyse`),
and yields one :class:`FileResult` per input file **in input order**, so the
tables a build writes do not depend on the engine or on the number of workers.

Engines
-------
``serial``     one file after another in this process (also used for small runs).
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
"""
from __future__ import annotations

import collections
import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

#: Output encodings a worker can produce: CSV text, Arrow tables, or DataFrames.
FORMATS: tuple[str, ...] = ("csv", "parquet", "frames")

#: Engines accepted by :func:`run`.
ENGINES: tuple[str, ...] = ("serial", "processes", "dask")

#: Dask's single-machine schedulers, accepted as ``scheduler`` instead of an address.
DASK_LOCAL_SCHEDULERS: tuple[str, ...] = ("synchronous", "threads", "processes")

#: Files per batch (one process-pool task or one Dask partition).
DEFAULT_BATCH: int = 8


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


def encode_table(df: Any, fmt: str) -> Any:
    """Serialise one table for transport to the parent process (see :class:`FileResult`)."""
    if fmt == "csv":
        text = df.to_csv(index=False, lineterminator="\n")
        header, _, body = text.partition("\n")
        return header, body
    if fmt == "parquet":
        import pyarrow as pa

        return pa.Table.from_pandas(df, preserve_index=False)
    return df


def analyse_file(index: int, source: str, fmt: str = "csv") -> FileResult:
    """Load and analyse one file; never raises for a bad file (``error`` is set instead)."""
    from analysis.article import extracted_text, load_article
    from analysis.pipeline import analyse
    from analysis.textio import InputError

    try:
        nbytes = os.path.getsize(source)
    except OSError:
        nbytes = 0
    try:
        article = load_article(source)
        tables = analyse(article)
        return FileResult(
            index=index,
            source=source,
            article_id=article.article_id,
            nbytes=nbytes,
            counts=tuple((name, len(df)) for name, df in tables.items()),
            tables={name: encode_table(df, fmt) for name, df in tables.items()},
            warnings=article.warnings,
            text=extracted_text(article),
        )
    except InputError as err:
        return FileResult(index, source, nbytes=nbytes, error=str(err))
    except Exception as err:  # one broken article must not stop a corpus run
        return FileResult(index, source, nbytes=nbytes, error=f"{source}: internal error ({type(err).__name__}: {err})")


def analyse_batch(tasks: Iterable[tuple[int, str]], fmt: str = "csv") -> list[FileResult]:
    """:func:`analyse_file` over a batch of ``(index, path)`` pairs (one pool task / Dask partition)."""
    return [analyse_file(i, s, fmt) for i, s in tasks]


def batches(tasks: list[tuple[int, str]], size: int) -> list[list[tuple[int, str]]]:
    """Consecutive batches of at most ``size`` tasks."""
    size = max(1, size)
    return [tasks[k : k + size] for k in range(0, len(tasks), size)]


# --- serial ---------------------------------------------------------------------


def run_serial(tasks: list[tuple[int, str]], fmt: str = "csv") -> Iterator[FileResult]:
    """One file after another, in this process."""
    for i, s in tasks:
        yield analyse_file(i, s, fmt)


# --- process pool ---------------------------------------------------------------


def _mp_context():
    import multiprocessing as mp

    # fork starts workers in milliseconds with the lexicons already loaded;
    # elsewhere (macOS, Windows) fall back to the platform default.
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else None)


def run_processes(
    tasks: list[tuple[int, str]], fmt: str = "csv", jobs: int | None = None, batch: int = DEFAULT_BATCH
) -> Iterator[FileResult]:
    """Analyse on a pool of ``jobs`` worker processes; results in input order.

    At most ``2 × jobs`` batches are in flight.  If a worker dies (segfault, out
    of memory), the batches in flight are re-run one file per task in a new
    pool, and a file that breaks a pool on its own is reported as an error.
    """
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    jobs = max(1, jobs or os.cpu_count() or 1)
    pending: collections.deque[list[tuple[int, str]]] = collections.deque(batches(tasks, batch))
    window = 2 * jobs
    careful = 0  # after a crash: this many single-file batches run one at a time
    while pending:
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context())
        inflight: collections.deque = collections.deque()
        try:
            while pending or inflight:
                while pending and len(inflight) < (1 if careful else window):
                    b = pending.popleft()
                    inflight.append((b, pool.submit(analyse_batch, b, fmt)))
                results = inflight[0][1].result()
                inflight.popleft()
                careful = max(0, careful - 1)
                yield from results
        except BrokenProcessPool:
            if careful:
                # one single-file batch was in flight: that file killed the worker
                (b, _fut) = inflight.popleft()
                careful -= 1
                (i, s) = b[0]
                yield FileResult(i, s, error=f"{s}: internal error (worker process died)")
            # re-run what was in flight one file at a time, in order, to find the culprit
            singles = [[t] for b, _fut in inflight for t in b]
            pending.extendleft(reversed(singles))
            careful += len(singles)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


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
) -> Iterator[FileResult]:
    """Analyse with Dask: bags of files, one partition per batch, computed a chunk at a time.

    ``scheduler``: a distributed scheduler address, ``None`` for a private
    LocalCluster, or ``"synchronous"`` / ``"threads"`` / ``"processes"`` for
    Dask's single-machine schedulers (no cluster; handy in tests).
    """
    import dask

    if not tasks:
        return
    jobs = max(1, jobs or os.cpu_count() or 1)
    if scheduler in DASK_LOCAL_SCHEDULERS:
        window = 2 * jobs
        with dask.config.set(scheduler=scheduler, num_workers=jobs):
            for chunk in batches(tasks, batch * window):
                for results in dask.compute(*_bag_partitions(chunk, fmt, batch)):
                    yield from results
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
            inflight.append((chunk, client.compute(_bag_partitions(chunk, fmt, batch))))
            if len(inflight) < 2 and n + 1 < len(chunks):
                continue
            yield from _chunk_results(client, *inflight.popleft(), fmt, batch)
        while inflight:
            yield from _chunk_results(client, *inflight.popleft(), fmt, batch)


def _bag_partitions(chunk: list[tuple[int, str]], fmt: str, batch: int) -> list:
    """A Dask bag of ``chunk`` (consecutive partitions of ``batch`` files) mapped with
    :func:`analyse_batch`, as one delayed object per partition."""
    import dask.bag as db

    return db.from_sequence(chunk, partition_size=max(1, batch)).map_partitions(analyse_batch, fmt).to_delayed()


def _chunk_results(client, chunk: list[tuple[int, str]], futures: list, fmt: str, batch: int) -> Iterator[FileResult]:
    bs = batches(chunk, batch)
    assert len(bs) == len(futures)
    for b, fut in zip(bs, futures):
        yield from partition_results(client, fut, b, fmt)


def partition_results(client, fut, batch: list[tuple[int, str]], fmt: str) -> list[FileResult]:
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
        f = client.submit(analyse_file, i, s, fmt, pure=False)
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
) -> Iterator[FileResult]:
    """Analyse ``files`` with ``engine``; yield one :class:`FileResult` per file, in order."""
    tasks = [(i, str(f)) for i, f in enumerate(files)]
    return dispatch(tasks, engine, fmt, jobs, scheduler, batch, min_parallel)


def dispatch(
    tasks: list[tuple[int, str]],
    engine: str = "processes",
    fmt: str = "csv",
    jobs: int | None = None,
    scheduler: str | None = None,
    batch: int = DEFAULT_BATCH,
    min_parallel: int = 8,
) -> Iterator[FileResult]:
    """Like :func:`run` for ``(index, path)`` tasks.

    The ``processes`` engine runs serially when ``jobs`` is 1 or there are fewer
    than ``min_parallel`` files (a pool costs more than it saves there).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if engine == "dask":
        return run_dask(tasks, fmt, jobs, scheduler, batch)
    if engine == "serial" or (jobs or os.cpu_count() or 1) <= 1 or len(tasks) < min_parallel:
        return run_serial(tasks, fmt)
    return run_processes(tasks, fmt, jobs, batch)


# --- streaming table writers ------------------------------------------------------


class TableWriter:
    """Append each article's rows to one hidden temp file per table; publish atomically.

    Rows go to ``<out>/.<name>.<ext>.<random>.tmp`` as results arrive, so memory
    holds one article at a time.  :meth:`commit` fsyncs and renames every temp
    file to ``<out>/<name>.<ext>`` (each rename is atomic); :meth:`abort` deletes
    them.  Nothing is created, not even ``out``, before the first :meth:`add`.
    """

    ext = "csv"

    def __init__(self, out_dir: str | Path, names: Iterable[str]) -> None:
        self.out = Path(out_dir)
        self.names = tuple(names)
        self.tmp: dict[str, Path] = {}
        self.articles = 0
        self._created_out = False

    def _open(self) -> None:
        import tempfile

        if not self.out.exists():
            self.out.mkdir(parents=True)
            self._created_out = True
        for name in self.names:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.{self.ext}.", suffix=".tmp", dir=self.out)
            os.close(fd)
            self.tmp[name] = Path(tmp)
        self._start()

    def _start(self) -> None:
        self.fh = {name: open(self.tmp[name], "w", encoding="utf-8", newline="") for name in self.names}
        self._header_done = False

    def add(self, result: FileResult) -> None:
        """Append the tables of one successful result."""
        if not self.tmp:
            self._open()
        self._append(result.tables or {})
        self.articles += 1

    def _append(self, tables: dict[str, Any]) -> None:
        for name in self.names:
            header, body = tables[name]
            fh = self.fh[name]
            if not self._header_done:
                fh.write(header + "\n")
            fh.write(body)
        self._header_done = True

    def _finish(self) -> None:
        for fh in self.fh.values():
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()

    def _close_quietly(self) -> None:
        for fh in getattr(self, "fh", {}).values():
            with contextlib.suppress(Exception):
                fh.close()

    def commit(self) -> list[Path]:
        """Publish every table; return the final paths (nothing if no article was added)."""
        if not self.tmp:
            return []
        self._finish()
        mask = os.umask(0)
        os.umask(mask)
        written = []
        for name in self.names:
            final = self.out / f"{name}.{self.ext}"
            os.chmod(self.tmp[name], 0o666 & ~mask)
            os.replace(self.tmp[name], final)
            written.append(final)
        self.tmp = {}
        return written

    def abort(self) -> None:
        """Delete the temp files (and the output folder if this writer created it empty)."""
        self._close_quietly()
        for p in self.tmp.values():
            with contextlib.suppress(OSError):
                p.unlink()
        self.tmp = {}
        if self._created_out:
            with contextlib.suppress(OSError):
                self.out.rmdir()


class ParquetTableWriter(TableWriter):
    """Like :class:`TableWriter`, one Parquet file per table (pyarrow ``ParquetWriter``).

    Arrow tables are buffered up to :attr:`row_group_rows` rows and written as
    one row group, so a 10,000-article build gives files with few, large row
    groups instead of 10,000 tiny ones.
    """

    ext = "parquet"
    row_group_rows = 131072

    def _start(self) -> None:
        self.writers: dict[str, Any] = {}
        self.buf: dict[str, list] = {name: [] for name in self.names}
        self.rows: dict[str, int] = {name: 0 for name in self.names}

    def _append(self, tables: dict[str, Any]) -> None:
        for name in self.names:
            t = tables[name]
            self.buf[name].append(t)
            self.rows[name] += t.num_rows
            if self.rows[name] >= self.row_group_rows:
                self._flush(name)

    def _flush(self, name: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        parts = self.buf[name]
        if not parts:
            return
        w = self.writers.get(name)
        if w is None:
            w = self.writers[name] = pq.ParquetWriter(self.tmp[name], parts[0].schema)
        schema = w.schema
        parts = [p if p.schema.equals(schema, check_metadata=False) else p.cast(schema) for p in parts]
        w.write_table(pa.concat_tables(parts))
        self.buf[name] = []
        self.rows[name] = 0

    def _finish(self) -> None:
        for name in self.names:
            self._flush(name)
            self.writers[name].close()

    def _close_quietly(self) -> None:
        for w in getattr(self, "writers", {}).values():
            with contextlib.suppress(Exception):
                w.close()


def table_writer(fmt: str, out_dir: str | Path, names: Iterable[str]) -> TableWriter:
    """The streaming writer for ``fmt`` (``csv`` or ``parquet``)."""
    return ParquetTableWriter(out_dir, names) if fmt == "parquet" else TableWriter(out_dir, names)
