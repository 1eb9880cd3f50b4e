"""matplotlib figures for the notebooks, one submodule per notebook topic.

Functions take tables and return a ``matplotlib.figure.Figure``; they never
call ``plt.show()`` themselves and never read files.
"""
