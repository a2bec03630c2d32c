"""Who is signed in. Screens that write get the session, never the window, and act as its actor."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.core.store import Actor

__all__ = ["Session"]


class Session(QObject):
    """The signed-in actor of one window; ``changed`` fires when another user signs in."""

    changed = Signal(object)

    def __init__(
        self,
        actor: Actor | None = None,
        *,
        demo: bool = False,
        head_office: bool = False,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._actor = actor
        self.demo = demo
        # At head office the national catalogue is written; at a campus it is read-only.
        self.head_office = head_office

    @property
    def actor(self) -> Actor | None:
        return self._actor

    def sign_in(self, actor: Actor) -> None:
        self._actor = actor
        self.changed.emit(actor)
