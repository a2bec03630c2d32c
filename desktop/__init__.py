"""Sanad: offline-first micro-credentials for campus centres.

``desktop.core`` holds the domain (no Qt); ``desktop.ui`` holds the Qt screens.
"""

__version__ = "0.1.0"
