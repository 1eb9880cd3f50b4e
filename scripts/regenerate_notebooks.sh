#!/usr/bin/env bash
# Re-execute every notebook top to bottom, in place, in the pinned environment,
# with timing metadata off, so stored outputs match what nbval sees.
# Usage: bash scripts/regenerate_notebooks.sh [notebooks/NN-name.ipynb ...]
# Interpreter: $PYTHON if set, else .venv/bin/python if it exists, else python3.
# The repository root is put on PYTHONPATH, so the kernel imports this checkout's
# `analysis` package even where it is not pip-installed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
if [ -z "${PYTHON:-}" ]; then
  if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
unset MPLBACKEND
if [ "$#" -eq 0 ]; then set -- notebooks/*.ipynb; fi
for nb in "$@"; do
  echo "executing $nb"
  "$PYTHON" -m jupyter nbconvert --to notebook --execute --inplace --log-level=WARN \
    --ExecutePreprocessor.record_timing=False \
    --ExecutePreprocessor.kernel_name=python3 \
    --ExecutePreprocessor.timeout=600 "$nb"
done
