"""Package data: the name transliterator's table (``table.json``, ``scripts/train_translit.py``)."""
