"""Tables built per batch of articles equal the tables built per article.

:func:`analysis.pipeline.frames` builds the four tables of many articles' records at
once; :mod:`analysis.encode` encodes a batch's table once and cuts it per article;
:func:`analysis.engine.analyse_batch` uses both.  Every piece must equal what one
article on its own gives (all texts here are made up).
"""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from analysis import engine, names
from analysis.article import article_from_text
from analysis.encode import encode_table, split_csv_rows, split_encoded
from analysis.pipeline import TABLE_NAMES, analyse, analyse_many, article_records, frames, row_counts, table_schemas

TEXTS = [
    "Council Backs Plan\n\nBy Ana Ruiz\n\nThe city council approved the plan on Monday, Mayor Tom Berg said. "
    "\u201cIt is a good day,\u201d he told reporters.\n",
    "NATO Meets in Brussels\n\nNATO leaders met on Tuesday. The alliance said NATO would act, "
    "according to NATO officials.\n",
    "Quiet Day\n\nNothing happened.\n",  # no mentions, no attributed claims
    'Rail Strike Ends\n\nUnion chief Lee Park said "we won,\nat last" and left.\n\n'
    '"Trains run on Friday," the ministry said, adding that fares stay at $5.\n',
]


def _articles():
    return [article_from_text(t, f"made-up-{k}") for k, t in enumerate(TEXTS)]


def _assert_same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert list(a.dtypes) == list(b.dtypes)


def test_frames_of_one_article_equal_analyse():
    for art in _articles():
        one = analyse(art)
        got = frames([article_records(art)])
        for name in TABLE_NAMES:
            _assert_same(got[name], one[name])


def test_frames_of_many_equal_the_concatenated_articles():
    arts = _articles()
    many = analyse_many(arts)
    singles = [analyse(a) for a in arts]
    for name, schema in table_schemas().items():
        want = pd.concat([s[name] for s in singles], ignore_index=True)
        _assert_same(many[name], want)
        assert list(many[name].columns) == list(schema)
        assert {c: str(t) for c, t in many[name].dtypes.items()} == schema


def test_frames_of_nothing_are_typed_empty_tables():
    got = frames([])
    for name, schema in table_schemas().items():
        assert len(got[name]) == 0 and {c: str(t) for c, t in got[name].dtypes.items()} == schema


def test_row_counts_count_each_table():
    art = _articles()[0]
    counts = dict(row_counts(article_records(art)))
    assert counts == {name: len(df) for name, df in analyse(art).items()}


# --- display names on records equal display names on tables ------------------------------------


def test_display_columns_equal_apply_display_names():
    # one entity written only as "NATO", one whose canonical name the article writes, a pronoun
    mentions = {
        "entity_id": ["E1", "E1", "", "E2", "E2"],
        "entity": ["North Atlantic Treaty Organization"] * 2 + ["", "Ada Brook", "Ada Brook"],
        "surface": ["the alliance", "NATO", "he", "Brook", "Ada Brook"],
        "mention_kind": ["role", "alias", "pronoun", "alias", "name"],
        "start": [0, 20, 30, 40, 50], "end": [12, 24, 32, 45, 59],
    }
    claims = {"speaker": ["North Atlantic Treaty Organization", "a spokesman", "Ada Brook"],
              "speaker_entity_id": ["E1", "", "E2"]}
    m, c = names.display_columns(mentions, claims)
    mt = pd.DataFrame(mentions).astype({k: "string" for k in ("entity_id", "entity", "surface", "mention_kind")})
    m2, c2 = names.apply_display_names(mt, pd.DataFrame(claims).astype("string"))
    assert list(m) == list(m2.columns)
    assert {k: list(v) for k, v in m.items()} == {k: list(m2[k]) for k in m2.columns}
    assert c["speaker"] == list(c2["speaker"]) == ["NATO", "a spokesman", "Ada Brook"]
    assert mentions["entity"][1] == "North Atlantic Treaty Organization"  # input untouched


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["E1", "E2", ""]), st.sampled_from(["NATO", "Nato", "the alliance", "N.A.T.O."]),
                          st.sampled_from(["name", "alias", "role"]), st.integers(0, 5)), max_size=10))
def test_entity_display_names_equal_the_table_version(rows):
    """Records in any order (ties on offsets included) give the names of the pandas version."""
    cols = ["entity_id", "entity", "surface", "mention_kind", "start", "end"]
    recs = [(e, "North Atlantic Treaty Organization" if e == "E1" else ("Ada Brook" if e else ""), s, k, p, p + 4)
            for e, s, k, p in rows]
    table = pd.DataFrame(recs, columns=cols).astype({c: "string" for c in cols[:4]})
    assert names.entity_display_names(names.NameRow(*r) for r in recs) == _pandas_display_names(table)


def _pandas_display_names(mentions: pd.DataFrame) -> dict[str, str]:
    """The groupby implementation the record version replaced (kept here as the reference)."""
    m = mentions[mentions["entity_id"].fillna("") != ""]
    if m.empty:
        return {}
    m = m.sort_values(["start", "end"], kind="stable")
    out: dict[str, str] = {}
    for eid, g in m.groupby("entity_id", sort=True):
        named = g[g["mention_kind"].isin(names.NAMING_KINDS)]
        out[str(eid)] = names.display_name(str(g["entity"].iloc[0]), [str(s) for s in named["surface"]])
    return out


# --- encoding a batch once, cut per article ----------------------------------------------------

_CELL = st.text(alphabet='ab ",\n\r\u201c', max_size=6)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.tuples(_CELL, st.integers(-3, 3)), max_size=4), max_size=5))
def test_csv_pieces_equal_each_article_encoded_alone(articles):
    """Cells with quote marks, commas and line ends (a quoted field spanning lines) are cut
    at the right row: each piece is the CSV body of that article's rows alone."""
    dfs = [pd.DataFrame({"text": pd.array([t for t, _ in rows], dtype="string"),
                         "n": pd.array([n for _, n in rows], dtype="int64")}) for rows in articles]
    whole = pd.concat(dfs, ignore_index=True) if dfs else pd.DataFrame({"text": [], "n": []})
    header, body = encode_table(whole, "csv")
    pieces = split_csv_rows(body, [len(d) for d in dfs])
    assert pieces == [encode_table(d, "csv")[1] for d in dfs]


def test_split_csv_rows_rejects_a_wrong_count():
    with pytest.raises(ValueError):
        split_csv_rows("a\nb\n", [1])


def test_parquet_and_frame_pieces_equal_each_article_alone():
    pytest.importorskip("pyarrow")
    arts = _articles()
    many = analyse_many(arts)
    singles = [analyse(a) for a in arts]
    for name in TABLE_NAMES:
        counts = [len(s[name]) for s in singles]
        pq = split_encoded(encode_table(many[name], "parquet"), counts, "parquet")
        fr = split_encoded(many[name], counts, "frames")
        for k, s in enumerate(singles):
            alone = encode_table(s[name], "parquet")
            assert pq[k].equals(alone) and pq[k].schema.equals(alone.schema, check_metadata=True)
            _assert_same(fr[k], s[name])


# --- the engine's batches ----------------------------------------------------------------------


@pytest.fixture()
def files(tmp_path):
    out = []
    for k, t in enumerate(TEXTS):
        p = tmp_path / f"doc-{k}.txt"
        p.write_text(t, encoding="utf-8")
        out.append(p)
    bad = tmp_path / "doc-1b-empty.txt"
    bad.write_bytes(b"")
    out.insert(2, bad)
    return out


@pytest.mark.parametrize("fmt", ["csv", "parquet", "frames"])
def test_a_bad_file_in_a_batch_is_reported_alone(files, fmt):
    tasks = [(i, str(p)) for i, p in enumerate(files)]
    batch = engine.analyse_batch(tasks, fmt)
    assert [r.index for r in batch] == list(range(len(files)))
    assert [r.ok for r in batch] == [True, True, False, True, True]
    assert batch[2].error == f"{files[2]}: empty file" and batch[2].tables is None
    for (i, s), r in zip(tasks, batch):
        if r.ok:  # the same tables as the file analysed alone
            alone = engine.analyse_batch([(i, s)], fmt)[0]
            assert r.counts == alone.counts and r.article_id == alone.article_id
            for name in TABLE_NAMES:
                a, b = r.tables[name], alone.tables[name]
                assert a.equals(b) if fmt != "csv" else a == b


def test_a_file_that_breaks_the_batch_tables_is_reported_alone(files, monkeypatch):
    """Records that cannot become a typed table (an int column holding text) fail the batch's
    frames; the batch falls back to one file at a time and only that file is an error."""
    from analysis import pipeline

    real = pipeline.article_records

    def broken(article):
        rec = real(article)
        if article.article_id == "doc-3":
            rec["sentences"]["start"] = ["not a number"] * len(rec["sentences"]["start"])
        return rec

    monkeypatch.setattr(pipeline, "article_records", broken)
    batch = engine.analyse_batch([(i, str(p)) for i, p in enumerate(files)], "csv")
    assert files[4].name == "doc-3.txt"
    assert [r.ok for r in batch] == [True, True, False, True, False]
    assert batch[4].error.startswith(f"{files[4]}: internal error (")
    monkeypatch.undo()
    assert batch[3].tables == engine.analyse_batch([(3, str(files[3]))], "csv")[0].tables


def test_serial_run_in_batches_equals_one_file_at_a_time(files):
    by_batch = list(engine.run(files, engine="serial", batch=3))
    alone = list(engine.run(files, engine="serial", batch=1))
    assert [(r.index, r.error, r.counts, r.tables) for r in by_batch] == [
        (r.index, r.error, r.counts, r.tables) for r in alone]


def test_warm_up_reads_the_tagging_model_before_any_clock_starts(tmp_path):
    """After warm_up, an article whose cue needs part-of-speech tags ("the council will
    agree" after "It's unclear whether") reads no model file: its time limit does not pay
    for loading the model.  Run in a fresh process (this one may have loaded it already)."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys; sys.path.insert(0, 'tests')\n"
        "from test_engine import synthetic\n"
        "from analysis import engine, postag\n"
        "from analysis.article import article_from_text\n"
        "from analysis.pipeline import analyse\n"
        "engine.warm_up()\n"
        f"postag.MODEL_PATH = postag.MODEL_PATH.with_name('missing-model.json')\n"
        "analyse(article_from_text(synthetic(2), 'made-up'))\n"
        "print('ok')\n"
    )
    root = Path(__file__).resolve().parents[1]
    r = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=300)
    assert r.stdout.strip() == "ok", r.stderr[-2000:]


# --- CSV straight from the records ------------------------------------------------------------

_TEXT = st.one_of(st.none(), st.text(alphabet='ab ,"\n\r\t\u201c\u00e9\\', max_size=5))


@st.composite
def _records(draw):
    """Made-up records of every table with plain values of each column's dtype."""
    from analysis.pipeline import table_schemas

    out = {}
    for name, schema in table_schemas().items():
        n = draw(st.integers(0, 3))
        gen = {"int64": st.integers(-(2**40), 2**40), "bool": st.booleans(), "string": _TEXT}
        out[name] = {c: draw(st.lists(gen[t], min_size=n, max_size=n)) for c, t in schema.items()}
    return out


@settings(max_examples=60, deadline=None)
@given(_records())
def test_csv_from_records_equals_to_csv_of_the_frames(rec):
    """Quote marks, commas, line ends, tabs, backslashes, empty and missing cells: the csv
    writer on the column lists gives the bytes of DataFrame.to_csv."""
    from analysis.encode import csv_tables

    direct = csv_tables(rec, table_schemas())
    via_frames = {name: encode_table(df, "csv") for name, df in frames([rec]).items()}
    assert direct == via_frames


def test_csv_from_records_refuses_values_pandas_would_convert():
    import numpy as np

    from analysis.encode import csv_tables

    rec = article_records(_articles()[0])
    assert csv_tables(rec, table_schemas()) is not None
    for bad in (True, 5.0, np.int64(5)):  # an int column holding a bool, a float, a NumPy scalar
        rec["sentences"]["start"] = [bad] + rec["sentences"]["start"][1:]
        assert csv_tables(rec, table_schemas()) is None


def test_engine_csv_equals_each_article_encoded_from_its_frames(files):
    batch = engine.analyse_batch([(i, str(p)) for i, p in enumerate(files)], "csv")
    for r in batch:
        if r.ok:
            want = analyse(article_from_text(open(r.source, encoding="utf-8").read(), r.article_id))
            assert r.tables == {name: encode_table(df, "csv") for name, df in want.items()}


# --- typed frames: fast construction equals pandas' checked construction --------------------


def _plain_frame(data: dict, schema: dict) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(data[c], dtype=t) for c, t in schema.items()})


def test_typed_frame_equals_the_plain_constructor():
    from analysis.tables import typed_frame

    for art in _articles():
        rec = article_records(art)
        for name, schema in table_schemas().items():
            got, want = typed_frame(rec[name], schema), _plain_frame(rec[name], schema)
            if len(want):
                _assert_same(got, want)
                assert got.columns.dtype == want.columns.dtype and got.index.equals(want.index)
                assert encode_table(got, "csv") == encode_table(want, "csv")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=4), st.integers(-5, 5), st.just(float("nan")), st.booleans(),
                          st.just(pd.NA), st.floats(-2, 2)), min_size=1, max_size=6))
def test_string_columns_equal_pd_array(values):
    """Strings and None take the direct Arrow path; other values (5 -> "5", NaN -> NA) are
    converted by pandas as before: either way the column equals pd.array(values, "string")."""
    from analysis.tables import _column

    try:
        want = pd.array(values, dtype="string")
    except (TypeError, ValueError):
        return
    got = _column(values, "string")
    assert got.dtype == want.dtype and list(pd.isna(got)) == list(pd.isna(want))
    assert [None if pd.isna(v) else v for v in got] == [None if pd.isna(v) else v for v in want]


def test_each_frame_has_its_own_column_index_equal_to_pandas_own():
    """The column index is built once per schema and each frame gets a shallow copy: equal to
    pd.Index(columns) (values, dtype), and renaming one frame's columns leaves the next alone."""
    from analysis.tables import empty_table, typed_frame

    schema = {"a": "string", "n": "int64"}
    one, two = typed_frame({"a": ["x"], "n": [1]}, schema), typed_frame({"a": ["y", None], "n": [2, 3]}, schema)
    want = pd.Index(["a", "n"])
    for f in (one, two):
        assert f.columns.equals(want) and f.columns.dtype == want.dtype and f.columns.name is None
    assert one.columns is not two.columns
    one.columns.name = "renamed"
    assert two.columns.name is None and typed_frame({"a": ["z"], "n": [4]}, schema).columns.name is None
    empty = empty_table(schema)
    empty["a"] = empty["a"].str.upper()  # a change to one empty table reaches no other
    assert list(empty_table(schema).columns) == ["a", "n"] and empty_table(schema) is not empty


def test_frames_of_one_article_do_not_share_its_lists():
    """frames() hands one article's column lists to typed_frame as they are: the frame holds
    copies, so changing the records afterwards leaves the tables alone."""
    rec = article_records(_articles()[0])
    got = frames([rec])
    want = {k: df.copy(deep=True) for k, df in got.items()}
    for name in TABLE_NAMES:
        for values in rec[name].values():
            values[:] = [None] * len(values)
    for name in TABLE_NAMES:
        _assert_same(got[name], want[name])


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["bool", "int64"]),
       st.lists(st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(-2, 2), st.just(float("nan")),
                          st.text(max_size=2), st.just(pd.NA)), min_size=1, max_size=6))
def test_numeric_columns_equal_the_pandas_conversion(dtype, values):
    """The fast paths of int64 and bool columns give pandas' own column, or pandas' error."""
    from analysis.tables import _column

    try:
        want = pd.Series(values, dtype=dtype).array
    except (TypeError, ValueError):
        with pytest.raises((TypeError, ValueError)):
            _column(values, dtype)
        return
    got = _column(values, dtype)
    assert str(got.dtype) == str(want.dtype) == dtype and list(got) == list(want)
