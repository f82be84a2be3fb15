"""Minutebook: a static site generator for public meeting archives.

The build reads top to bottom: load -> validate -> resolve -> render -> index -> write.
"""

__version__ = "0.1.0"
