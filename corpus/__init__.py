"""Bundled reports and gold annotations (installed as ``textmine.corpus_files``).

Use ``textmine.corpus`` to list and load them.
"""
