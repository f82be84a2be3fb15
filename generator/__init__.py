"""Minutebook: a static site generator for public meeting archives.

The build reads top to bottom: load -> validate -> publish/resolve -> render -> index -> write (build.py).
"""

__version__ = "0.1.0"
