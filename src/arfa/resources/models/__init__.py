"""Model files of arfa's built-in recognizers (``crf-ar.crfsuite``, ``crf-fa.crfsuite``)."""
