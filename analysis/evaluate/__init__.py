"""Score extracted tables against gold annotations.

Submodules: :mod:`analysis.evaluate.mentions` (entity mentions: P/R/F1 per type,
exact and overlapping spans), :mod:`analysis.evaluate.claims` (claims: content
overlap P/R/F1, speaker and attribution accuracy), :mod:`analysis.evaluate.brat`
(brat standoff reader), :mod:`analysis.evaluate.ieer` (NIST IE-ER reader),
:mod:`analysis.evaluate.gum` (GUM reader; names, coreference and pronoun scores) and
:mod:`analysis.evaluate.split` (the fixed tuning/reporting split of every corpus).
"""
