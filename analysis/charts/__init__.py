"""matplotlib figures for the notebooks, one submodule per notebook topic.

Functions take tables and return a ``matplotlib.figure.Figure``; they never
call ``plt.show()`` themselves and never read files.

**One counting rule for every chart** (:data:`COUNTED_ZONES`, from
:mod:`analysis.vocabulary`): a chart counts mentions and claims in the
headline, the body and the photo captions — the story.  Mentions in the
notice, the photo credit and the author bio (the byline's "Jon Jackson is a
reporter at Newsweek") are page furniture and are left out of every count,
ranking, co-occurrence and dispersion; zone shading still shows where they are.
**Dates are not entities to rank** (:data:`RANKED_TYPES`): "Tuesday" is shown
apart, in :func:`analysis.charts.mentions.dates_table`.
Colours and labels of types, attributions and zones come from the vocabulary.
"""
from analysis.vocabulary import COUNTED_ZONES, RANKED_TYPES, UNCOUNTED_ZONES

__all__ = ["COUNTED_ZONES", "RANKED_TYPES", "UNCOUNTED_ZONES"]
