"""One link of the Sync screen: who is at the other end and where, when it last synced, what
waits, the last error as a sentence, the clock warning, and what the last sync refused."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QVBoxLayout, QWidget

from desktop.core.errors import FIELD_TITLES
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.i18n import ltr
from desktop.ui.sizing import lines
from desktop.ui.sync_texts import clock_words, link_sentence, local_time

__all__ = ["HINT_STYLE", "LinkBox", "table_title"]

translate = QCoreApplication.translate
HINT_STYLE = "background: #fff4ce; color: #5c4400; padding: 6px; border-radius: 4px;"
REFUSALS_SHOWN = 200


def table_title(table: str) -> str:
    """A table as a person calls it ("learner"), in the interface language."""
    return translate("Field", FIELD_TITLES.get(table, table.replace("_", " ")))


class LinkBox(QGroupBox):
    """One link: the last sync, what waits, the last error, warnings and refusals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.state = QLabel(self)
        self.state.setObjectName("linkState")
        font = self.state.font()
        font.setBold(True)
        self.state.setFont(font)
        self.problem = self._label(layout, "linkProblem", ERROR_STYLE)
        layout.insertWidget(0, self.state)
        self.facts = self._label(layout, "linkFacts")
        self.clock = self._label(layout, "linkClock", HINT_STYLE)
        self.warnings = self._label(layout, "linkWarnings", HINT_STYLE)
        self.refused_label = self._label(layout, "linkRefusedCount")
        self.refused = QListWidget(self)
        self.refused.setObjectName("linkRefused")
        self.refused.setAccessibleName(self.tr("Changes refused in the last sync"))
        self.refused.setWordWrap(True)
        self.refused.setMaximumHeight(lines(self.refused, 5))
        layout.addWidget(self.refused)

    def _label(self, layout: QVBoxLayout, name: str, style: str = "") -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(style)
        layout.addWidget(label)
        return label

    def show_link(self, link: dict[str, Any], report: Any = None) -> None:
        registry = link["peer_kind"] == "registry"
        peer = self.tr("Head office") if registry else self.tr("The campus hub")
        self.setTitle(f"{peer} — {ltr(link['url'])}")
        synced = link.get("last_success_at")
        self.state.setText(self.tr("Last synced {time}").format(time=local_time(synced))
                           if synced else self.tr("Not synced yet"))  # fmt: skip
        self.problem.setText(link_sentence(link, link["waiting"]) if link["last_error"] else "")
        self.problem.setVisible(bool(link["last_error"]))
        locale = self.locale()
        self.facts.setText(self.tr(
            "%n change(s) waiting to be sent. Sent {sent}, received {received} since joining.",
            "", link["waiting"]
        ).format(sent=ltr(locale.formattedDataSize(link.get("sent_bytes") or 0)),
                 received=ltr(locale.formattedDataSize(link.get("received_bytes") or 0))))
        clock = clock_words(link.get("clock_offset_seconds"), link["peer_kind"])
        self.clock.setText(clock)
        self.clock.setVisible(bool(clock))
        # The clock warning is written from the link above (in the interface language); the
        # report's other warnings are shown as the sync wrote them.
        others = [w for w in (report.warnings if report else [])
                  if not w.startswith("this computer's clock")]  # fmt: skip
        self.warnings.setText("\n".join(others))
        self.warnings.setVisible(bool(others))
        refused = list(report.refused) if report else []
        self.refused.clear()
        if refused:
            text = (self.tr("%n change(s) refused by head office in the last sync:", "",
                            len(refused)) if registry else
                    self.tr("%n change(s) refused by the campus hub in the last sync:", "",
                            len(refused)))  # fmt: skip
            self.refused_label.setText(text)
            for refusal in refused[:REFUSALS_SHOWN]:
                self.refused.addItem(self.tr("{table} {row}: {reason}").format(
                    table=table_title(refusal.table), row=ltr(refusal.row_id[:13]),
                    reason=refusal.reason))  # fmt: skip
        self.refused_label.setVisible(bool(refused))
        self.refused.setVisible(bool(refused))
