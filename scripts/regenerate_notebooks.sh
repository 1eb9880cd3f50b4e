#!/usr/bin/env bash
# Re-execute every notebook top to bottom, in place, in the current (pinned)
# environment, with timing metadata off, so stored outputs match what nbval sees.
# Usage: bash scripts/regenerate_notebooks.sh [notebooks/NN-name.ipynb ...]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -eq 0 ]; then set -- notebooks/*.ipynb; fi
unset MPLBACKEND
for nb in "$@"; do
  echo "executing $nb"
  python -m jupyter nbconvert --to notebook --execute --inplace \
    --ExecutePreprocessor.record_timing=False \
    --ExecutePreprocessor.kernel_name=python3 \
    --ExecutePreprocessor.timeout=600 "$nb" 2>/dev/null
done
