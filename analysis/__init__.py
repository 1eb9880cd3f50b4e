"""analysis — who is mentioned in a news article, who claims what, and how it is attributed.

The pipeline, one module per stage::

    textio    read files safely (decoding that never guesses silently), write outputs atomically
    webpage   saved web pages: recognise HTML, extract the article (trafilatura)
    article   Article: text, paragraphs and zones
    tokenise  Doc: sentences and tokens (NLTK Punkt + RegexpTokenizer), quotations
    mentions  entity mentions, typed and resolved within the article
    claims    claims with speaker, cue, attribution and category
    tables    pandas DataFrames with documented columns and dtypes
    pipeline  analyse(article) -> {table name: DataFrame}
    evaluate  scores against gold annotations
    charts    matplotlib figures for the notebooks
    render    annotated HTML view of an article
    cli       ``python -m analysis build|render``

Importing the package is cheap and silent: nothing is logged or warned.
"""
__all__ = ["__version__"]
__version__ = "0.1.0"
