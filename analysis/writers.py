"""Streaming table writers: rows of one build go into a fresh run folder, published as one set.

Rows are appended as results arrive, so memory holds one article at a time.
Each build writes ``<out>/.run-<id>/<name>.<ext>``; :meth:`TableWriter.commit`
fsyncs the tables and publishes the run with :func:`analysis.outdir.publish`
(one symlink swap: readers see the old set or the new set, never a mix);
:meth:`TableWriter.abort` deletes the run folder.  Nothing is created, not
even ``out``, before the first :meth:`TableWriter.add`.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from analysis import outdir
from analysis.textio import TEXT_DIR, write_article_text

if TYPE_CHECKING:
    from analysis.engine import FileResult


class TableWriter:
    """Append each article's CSV rows to one file per table in a run folder; publish all at once."""

    ext = "csv"

    def __init__(self, out_dir: str | Path, names: Iterable[str]) -> None:
        self.out = Path(out_dir)
        self.names = tuple(names)
        self.run: Path | None = None
        self.articles = 0
        self.rows: dict[str, int] = {name: 0 for name in self.names}
        self._created_out = False

    def _open(self) -> None:
        if not self.out.exists():
            self.out.mkdir(parents=True)
            self._created_out = True
        self.run = outdir.new_run(self.out)
        self.paths = {name: self.run / f"{name}.{self.ext}" for name in self.names}
        self._start()

    def _start(self) -> None:
        self.fh = {name: open(self.paths[name], "w", encoding="utf-8", newline="") for name in self.names}
        self._header_done = False

    def add(self, result: "FileResult") -> None:
        """Append the tables of one successful result."""
        if self.run is None:
            self._open()
        self._append(result.tables or {})
        if result.text is not None:  # a web page's extracted article: offsets refer to it
            write_article_text(self.run, result.article_id, result.text)
        self.articles += 1
        for name, n in result.counts:
            if name in self.rows:
                self.rows[name] += n

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
        """Publish every table as one set; return ``<out>/<name>.<ext>`` (nothing if no article was added)."""
        if self.run is None:
            return []
        self._finish()
        manifest = {"format": self.ext, "articles": self.articles, "rows": dict(self.rows)}
        files = [f"{name}.{self.ext}" for name in self.names]
        dirs = tuple(d for d in (TEXT_DIR,) if (self.run / d).is_dir())
        written = outdir.publish(self.out, self.run, files, manifest, dirs)
        self.run = None
        return written

    def abort(self) -> None:
        """Delete this run's folder (and the output folder if this writer created it)."""
        self._close_quietly()
        if self.run is not None:
            shutil.rmtree(self.run, ignore_errors=True)
            self.run = None
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
        self.buffered: dict[str, int] = {name: 0 for name in self.names}

    def _append(self, tables: dict[str, Any]) -> None:
        for name in self.names:
            t = tables[name]
            self.buf[name].append(t)
            self.buffered[name] += t.num_rows
            if self.buffered[name] >= self.row_group_rows:
                self._flush(name)

    def _flush(self, name: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        parts = self.buf[name]
        if not parts:
            return
        w = self.writers.get(name)
        if w is None:
            w = self.writers[name] = pq.ParquetWriter(self.paths[name], parts[0].schema)
        schema = w.schema
        parts = [p if p.schema.equals(schema, check_metadata=False) else p.cast(schema) for p in parts]
        w.write_table(pa.concat_tables(parts))
        self.buf[name] = []
        self.buffered[name] = 0

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
