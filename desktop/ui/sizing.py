"""Sizes in units of text, so screens grow with the person's font size and the screen's scale.

Qt already scales device-independent pixels on high-DPI screens; a size fixed in pixels still
ignores a larger system font, so list heights and form widths are given in lines and average
characters of the widget's own font instead.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QWidget

__all__ = ["characters", "lines"]


def characters(widget: QWidget, count: float) -> int:
    """The width of ``count`` average characters in the widget's font."""
    return round(widget.fontMetrics().averageCharWidth() * count)


def lines(widget: QWidget, count: float) -> int:
    """The height of ``count`` lines of text in the widget's font, with its frame."""
    frame = 2 * widget.frameWidth() if isinstance(widget, QAbstractScrollArea) else 0
    return round(widget.fontMetrics().lineSpacing() * count) + frame
