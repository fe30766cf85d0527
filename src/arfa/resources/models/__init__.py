"""Model files of arfa's built-in recognizers (``crf-ar.crfsuite``, ``crf-fa.crfsuite``) and their side tables (``names-ar.tsv``, ``clusters-fa.tsv``)."""
