"""Cost of one article as it grows: seconds per MB and peak memory of a whole ``build``.

    python bench/scaling.py [--sizes 10K,100K,1M,10M] [SRC ...] [--workdir DIR]
                            [--timeout 3600] [--json OUT]

For each size, one article of about that many bytes (decimal: 1M = 1,000,000)
is made from the body paragraphs of the texts in SRC (files or folders of
``*.txt``; default: the made-up fixture articles in ``tests/fixtures/``),
repeated in order under one headline, and built on its own with
``python -m analysis build FILE --out DIR --jobs 1 --file-timeout 0 -q`` in a
fresh process: decoding, zones, sentences, tokens, mentions, claims, the
tables and their CSV files, plus interpreter start-up and imports.  Measured:
wall time, and the peak resident memory of that process (``wait4``
``ru_maxrss``; with ``--file-timeout 0`` and one file the build runs in that
single process).  Start-up is measured once on a one-paragraph article and
subtracted: ``s/MB`` is ``(wall - start-up) / MB``.  A cost linear in the input
gives the same ``s/MB`` on every row.

One markdown table is printed.  A size that runs over ``--timeout`` seconds is
killed and reported as such (the rows after it are still run).  Texts given
by path are read at run time; the generated articles go to ``--workdir``
(default: a temp folder, deleted afterwards), never into the repository.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = [REPO / "tests" / "fixtures" / "articles", REPO / "tests" / "fixtures" / "claims"]
UNITS = {"K": 1_000, "M": 1_000_000}
TABLES = ("sentences", "tokens", "mentions", "claims")


def parse_size(text: str) -> int:
    """``10K`` -> 10,000; ``1M`` -> 1,000,000; a plain number is bytes."""
    text = text.strip().upper().removesuffix("B")
    if text and text[-1] in UNITS:
        return int(float(text[:-1]) * UNITS[text[-1]])
    return int(text)


def label(n: int) -> str:
    for unit, k in (("MB", 1_000_000), ("KB", 1_000)):
        if n >= k:
            return f"{n / k:g} {unit}"
    return f"{n} B"


def source_files(sources: list[Path]) -> list[Path]:
    files: list[Path] = []
    for s in sources:
        files += sorted(s.rglob("*.txt")) if s.is_dir() else [s]
    return [f for f in files if f.name.lower() not in ("readme.txt",)]


def body_paragraphs(files: list[Path]) -> list[str]:
    """Every paragraph after each text's headline, bylines left out."""
    paras = []
    for f in files:
        blocks = [b.strip() for b in f.read_text(encoding="utf-8", errors="replace").split("\n\n")]
        paras += [b for b in blocks[1:] if b and not b.startswith("By ")]
    if not paras:
        raise SystemExit(f"error: no body paragraphs in {', '.join(map(str, files)) or 'the sources'}")
    return paras


def make_article(paras: list[str], size: int) -> str:
    """A headline, then the paragraphs in order (cycled) until the text has ``size`` bytes or more."""
    out = ["Scaling Test: A Long Article Made of Many Reports"]
    n, k = len(out[0].encode()) + 1, 0
    while n < size:
        p = paras[k % len(paras)]
        out.append(p)
        n += len(p.encode()) + 2
        k += 1
    return "\n\n".join(out) + "\n"


def run_build(path: Path, out: Path, timeout: float) -> dict:
    """One ``build`` of ``path`` in a fresh process: wall time, peak RSS, exit status, row counts."""
    cmd = [sys.executable, "-m", "analysis", "build", str(path), "--out", str(out),
           "--jobs", "1", "--file-timeout", "0", "-q"]
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    status = "ok"
    deadline = t0 + timeout
    while True:
        pid, wstatus, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.send_signal(signal.SIGKILL)
            pid, wstatus, usage = os.wait4(proc.pid, 0)
            status = f"killed after {timeout:g} s"
            break
        time.sleep(0.05)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(wstatus)
    err = proc.stderr.read().decode(errors="replace").strip()
    if status == "ok" and proc.returncode != 0:
        status = f"exit {proc.returncode}: {err.splitlines()[-1] if err else ''}"
    rows = {}
    manifest = out / "manifest.json"
    if status == "ok" and manifest.exists():
        rows = json.loads(manifest.read_text()).get("rows", {})
    return {"wall_s": wall, "peak_rss_mb": usage.ru_maxrss / 1024, "status": status, "rows": rows}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sources", nargs="*", type=Path, help="texts or folders (default: tests/fixtures/)")
    ap.add_argument("--sizes", default="10K,100K,1M,10M", help="comma-separated sizes (default: 10K,100K,1M,10M)")
    ap.add_argument("--workdir", type=Path, help="where the articles and outputs go (default: a temp folder)")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds allowed per size (default: 3600)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args(argv)

    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    paras = body_paragraphs(source_files(args.sources or DEFAULT_SOURCES))
    work = args.workdir or Path(tempfile.mkdtemp(prefix="scaling-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        tiny = work / "startup.txt"
        tiny.write_text(make_article(paras, 1), encoding="utf-8")
        startup = run_build(tiny, work / "out-startup", args.timeout)
        rows = []
        for size in sizes:
            path = work / f"article-{label(size).replace(' ', '')}.txt"
            path.write_text(make_article(paras, size), encoding="utf-8")
            nbytes = path.stat().st_size
            r = run_build(path, work / f"out-{path.stem}", args.timeout)
            net = max(0.0, r["wall_s"] - startup["wall_s"])
            rows.append({"size": label(size), "bytes": nbytes, **r, "net_s": net,
                         "s_per_mb": net / (nbytes / 1e6) if r["status"] == "ok" else None})
            print(f"  {label(size)}: {r['status']}, {r['wall_s']:.1f} s", file=sys.stderr, flush=True)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)

    print(f"start-up (build of a one-paragraph article): {startup['wall_s']:.2f} s, "
          f"peak RSS {startup['peak_rss_mb']:.0f} MB; python {sys.version.split()[0]}\n")
    print("| article | bytes | wall (s) | minus start-up (s) | s/MB | peak RSS (MB) | sentences | tokens | mentions | claims | status |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in rows:
        spm = f"{r['s_per_mb']:.2f}" if r["s_per_mb"] is not None else "–"
        counts = " | ".join(str(r["rows"].get(t, "–")) for t in TABLES)
        print(f"| {r['size']} | {r['bytes']:,} | {r['wall_s']:.2f} | {r['net_s']:.2f} | {spm} | "
              f"{r['peak_rss_mb']:.0f} | {counts} | {r['status']} |")
    if args.json:
        args.json.write_text(json.dumps({"startup": startup, "rows": rows}, indent=2))
    return 0 if all(r["status"] == "ok" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
