"""Encoding tables for transport from a worker to the build process, one batch at a time.

A corpus build analyses a batch of files into plain records
(:func:`analysis.pipeline.article_records`), builds the batch's four tables once
(:func:`analysis.pipeline.frames`) and encodes each table once
(:func:`encode_table`); :func:`encode_pieces` then cuts every encoded table
into one piece per article, so the writer still appends article by article and
the bytes written are those of encoding each article on its own.

CSV needs no DataFrame at all: :func:`csv_tables` writes an article's column
lists with the :mod:`csv` writer pandas' ``to_csv`` itself uses, which gives the
same bytes whenever every value is a plain ``int``, ``bool``, ``str`` or
``None`` of its column's dtype (:func:`plain_values`); otherwise the batch goes
the DataFrame way.
"""
from __future__ import annotations

import csv
import io
from typing import Any


def encode_table(df: Any, fmt: str) -> Any:
    """Serialise one table: for ``csv`` a pair ``(header_line, body)`` of CSV text (header
    without, body with, line ends), for ``parquet`` a :class:`pyarrow.Table`, for ``frames``
    the DataFrame itself."""
    if fmt == "csv":
        text = df.to_csv(index=False, lineterminator="\n")
        header, _, body = text.partition("\n")
        return header, body
    if fmt == "parquet":
        import pyarrow as pa

        return pa.Table.from_pandas(df, preserve_index=False)
    return df


def split_csv_rows(body: str, counts: list[int]) -> list[str]:
    """Cut a CSV body into consecutive pieces of ``counts[k]`` rows each.

    A row ends at a line end outside quotation marks: a quoted field may hold line
    ends and doubled quote marks (the sentence ``He said "no"`` written across two
    lines is one field ``"He said ""no""\\n…"``), so a line closes a row only when
    the quote marks read so far are even in number.
    """
    lines = body.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the body ends with a line end
    if sum(counts) == len(lines) and '"' not in body:  # one line per row
        ends = [0]
        for n in counts:
            ends.append(ends[-1] + n)
    else:
        ends = [0]
        k = 0
        for n in counts:
            for _ in range(n):
                odd = lines[k].count('"') & 1
                k += 1
                while odd:
                    odd ^= lines[k].count('"') & 1
                    k += 1
            ends.append(k)
    if ends[-1] != len(lines):
        raise ValueError(f"CSV body has {len(lines)} lines, not the rows of {sum(counts)}")
    return ["".join(line + "\n" for line in lines[a:b]) for a, b in zip(ends, ends[1:])]


def split_encoded(encoded: Any, counts: list[int], fmt: str) -> list[Any]:
    """One encoded table (of :func:`encode_table`) cut into pieces of ``counts[k]`` rows."""
    if fmt == "csv":
        header, body = encoded
        return [(header, piece) for piece in split_csv_rows(body, counts)]
    if fmt == "parquet":
        import pyarrow as pa

        # a copy of each piece's rows (take), not a slice: a pickled slice carries
        # the whole batch's buffers to the parent process
        out, start = [], 0
        for n in counts:
            out.append(encoded.take(pa.array(range(start, start + n), type=pa.int64())))
            start += n
        return out
    out, start = [], 0
    for n in counts:
        out.append(encoded.iloc[start : start + n].reset_index(drop=True))
        start += n
    return out


def encode_pieces(tables: dict[str, Any], counts: list[dict[str, int]], fmt: str) -> list[dict[str, Any]]:
    """Encode each table of a batch once and cut it per article: ``counts[k]`` maps each
    table name to article ``k``'s rows; returns one ``{table name: encoded piece}`` per article."""
    pieces = {name: split_encoded(encode_table(df, fmt), [c[name] for c in counts], fmt) for name, df in tables.items()}
    return [{name: pieces[name][k] for name in tables} for k in range(len(counts))]


#: Python types whose ``str()`` (None: empty) is exactly how ``DataFrame.to_csv`` writes
#: a value of each schema dtype.
PLAIN_TYPES: dict[str, frozenset[type]] = {
    "int64": frozenset({int}),
    "bool": frozenset({bool}),
    "string": frozenset({str, type(None)}),
}


def plain_values(columns: dict[str, list], schema: dict[str, str]) -> bool:
    """True when every column holds only :data:`PLAIN_TYPES` of its dtype (an ``int``
    column holding ``True`` or ``5.0``, or a NumPy scalar, is not plain: pandas would
    convert it first)."""
    for col, dtype in schema.items():
        allowed = PLAIN_TYPES.get(dtype)
        if allowed is None or not set(map(type, columns[col])) <= allowed:
            return False
    return True


def csv_tables(records: dict[str, dict[str, list]], schemas: dict[str, dict[str, str]]) -> dict[str, Any] | None:
    """One article's tables as CSV ``(header, body)`` pairs straight from its column lists,
    byte for byte what :func:`encode_table` gives for its DataFrames; None when a column
    is not :func:`plain_values` (then build the DataFrames)."""
    if not all(plain_values(records[name], schema) for name, schema in schemas.items()):
        return None
    out: dict[str, Any] = {}
    for name, schema in schemas.items():
        cols = records[name]
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")  # to_csv's settings: ',', '"', minimal quoting
        writer.writerow(list(schema))
        header = buf.getvalue()[:-1]
        buf.seek(0)
        buf.truncate()
        writer.writerows(zip(*(cols[c] for c in schema)))
        out[name] = (header, buf.getvalue())
    return out
