"""The desktop app on a large campus: start-up, memory, and search as the user types.

1. Start-up: ``sanad gui --db DEMO --quit-after-start`` (opens signed in as the demo focal person,
   builds the main window, paints it, exits), as a fresh process each run; the baseline, in the
   same run, is a bare PySide6 window doing the same (show, first paint, quit). The figure is the
   time from starting the process to the first paint of the window, which the app prints as the
   system's monotonic clock (the same clock read here before the process starts); the whole
   process, exit included, is shown beside it. Median of runs, and the ratio.
2. Memory: the peak resident set of those start-up processes, and of a process that searches
   and scrolls the Learners screen (below).
3. Search: in one process, the Learners screen on that campus; names, CNICs and phone numbers
   typed a keystroke at a time into the search box; time from the keystroke to the table showing
   that keystroke's results (the model's ``searched`` signal). Median and 95th percentile.
4. Enrolments: in the same process, the Enrolments screen over every enrolment of the campus;
   each status chosen in turn, then learners typed a keystroke at a time; time from the change
   to the table showing its rows, and to its count (read after the rows). Median and 95th
   percentile.

Python is run as an installed app runs it, with its bytecode cached (a warm-up run writes the
caches; ``PYTHONDONTWRITEBYTECODE`` in the environment would otherwise make every start
compile every module again).

Targets (issue 3): start-up ≤ 0.6 s median; keystroke to results ≤ 100 ms at p95; resident
memory ≤ 250 MB.

    .venv/bin/python bench/desktop_app.py [--db PATH] [--learners 50000] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import print_machine, print_table

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class Quit(QObject):
    painted = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            print(f"first paint at monotonic {time.monotonic():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(960, 600)
window.installEventFilter(Quit(window))
window.show()
app.exec()
"""

SEARCH_SCRIPT = """
import json, random, resource, statistics, sys, time
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from desktop.core.store import Store
from desktop.ui.i18n import apply_language
from desktop.ui.learners import LearnersPage
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner
from desktop.core.services.users import authenticate
from desktop.core.demo import DEMO_PASSWORDS

path = Path(sys.argv[1]); people = int(sys.argv[2])
app = QApplication(sys.argv[:1])
apply_language(app, "en")
with Store.open(path) as store:
    actor = authenticate(store, "focal", DEMO_PASSWORDS["admin"])
    rows = store.query(
        "SELECT full_name, cnic, phone FROM learners WHERE cnic IS NOT NULL AND phone IS NOT NULL "
        "ORDER BY random() LIMIT ?", (people,))
runner = TaskRunner(path)
page = LearnersPage(runner, Session(actor))
page.resize(1000, 600)
page.show()
def wait(signal):
    loop = QEventLoop(); signal.connect(loop.quit); QTimer.singleShot(10000, loop.quit); loop.exec()
wait(page.model.searched)
texts = []
for r in rows:
    cnic = r["cnic"]; phone = r["phone"]
    for word in (r["full_name"].lower(), f"{cnic[:5]}-{cnic[5:12]}-{cnic[12]}",
                 f"0{phone[3:6]}-{phone[6:]}"):
        texts += [word[:n] for n in range(1, len(word) + 1)] + [""]
times = []
for text in texts:
    if text == page.model.text:
        continue
    start = time.perf_counter()
    loop = QEventLoop()
    def shown(t, total, text=text):
        if t == text.strip():
            loop.quit()
    page.model.searched.connect(shown)
    page.search_box.setText(text)
    QTimer.singleShot(10000, loop.quit)
    loop.exec()
    app.processEvents()  # the table repaints
    times.append((time.perf_counter() - start) * 1000)
    page.model.searched.disconnect(shown)
# scroll the whole unfiltered list in pages, as a person dragging the scroll bar would
page.search_box.setText("")
wait(page.model.searched)
while page.model.canFetchMore():
    before = page.model.rowCount()
    page.model.fetchMore()
    while page.model.rowCount() == before:
        app.processEvents()
from desktop.ui.enrolments import EnrolmentsPage
from desktop.core.services.enrolments import STATUSES
enrolment_page = EnrolmentsPage(runner, Session(actor))
enrolment_page.resize(1000, 600)
enrolment_page.show()
wait(enrolment_page.model.loaded)
rows_times = []
def timed_change(change):
    start = time.perf_counter()
    loop = QEventLoop()
    seen = []
    def rows_in():
        if not seen:
            seen.append((time.perf_counter() - start) * 1000)
    enrolment_page.model.rows_shown.connect(rows_in)
    enrolment_page.model.loaded.connect(loop.quit)
    change()
    QTimer.singleShot(10000, loop.quit)
    loop.exec()
    app.processEvents()
    enrolment_page.model.loaded.disconnect(loop.quit)
    enrolment_page.model.rows_shown.disconnect(rows_in)
    rows_times.append(seen[0] if seen else float("nan"))
    return (time.perf_counter() - start) * 1000
statuses, micros = enrolment_page.status_filter, enrolment_page.micro_filter
filter_times = []
for number in [*range(1, len(STATUSES) + 1), 0]:
    filter_times.append(timed_change(lambda n=number: statuses.setCurrentIndex(n)))
for number in range(1, micros.count()):
    filter_times.append(timed_change(lambda n=number: micros.setCurrentIndex(n)))
micros.setCurrentIndex(0)
wait(enrolment_page.model.loaded)
filter_rows = list(rows_times)
rows_times.clear()
enrolment_times = []
for r in rows[:5]:
    word = r["full_name"].lower()
    for n in range(1, len(word) + 1):
        box = enrolment_page.search_box
        enrolment_times.append(timed_change(lambda t=word[:n], box=box: box.setText(t)))
    enrolment_page.search_box.setText("")
    wait(enrolment_page.model.loaded)
enrolments_total = enrolment_page.model.total
runner.close()
print(json.dumps({"times": times, "rows": page.model.rowCount(),
                  "filter_times": filter_times, "enrolment_times": enrolment_times,
                  "filter_rows": filter_rows, "enrolment_rows": rows_times,
                  "enrolments": enrolments_total,
                  "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Run ``command``; return the time to its first paint (the monotonic clock it prints,
    against the same clock read just before it started), its whole wall time, and the peak
    resident memory (KiB) of that process alone, read with ``wait4`` — ``RUSAGE_CHILDREN``
    would report the largest child so far."""
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as output:
        start = time.monotonic()
        process = subprocess.Popen(command, env=env, stdout=output, stderr=errors)
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{command} failed: {errors.read().decode()[-2000:]}")
        output.seek(0)
        painted = [
            float(line.split()[-1])
            for line in output.read().decode().splitlines()
            if line.startswith("first paint at monotonic")
        ]
    if not painted:
        raise SystemExit(f"{command} did not say when it painted")
    return painted[0] - start, elapsed, usage.ru_maxrss


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a demo campus database (default: build one)")
    parser.add_argument("--learners", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--people", type=int, default=10, help="learners looked up by typing")
    args = parser.parse_args(argv)
    print_machine()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode cached after the warm-up
    with tempfile.TemporaryDirectory() as folder:
        env["SANAD_DATA_DIR"] = folder
        env["HOME"] = folder  # the language preference of a fresh computer
        path = args.db
        if path is None:
            from desktop.core.demo import create_demo

            path = Path(folder) / "demo-campus.db"
            print(f"\nBuilding a {args.learners:,}-learner demo campus …", flush=True)
            create_demo(path, learners=args.learners, seed=2026)
        sanad = [sys.executable, "-m", "desktop.cli", "gui", "--db", str(path),
                 "--quit-after-start", "--language", "en"]  # fmt: skip
        bare = [sys.executable, "-c", BARE_WINDOW]
        _timed(sanad, env)  # one warm-up each: the page cache holds the libraries and the file
        _timed(bare, env)
        app_times, app_whole, bare_times, bare_whole, app_rss = [], [], [], [], []
        for _ in range(args.runs):
            painted, elapsed, rss = _timed(sanad, env)
            app_times.append(painted)
            app_whole.append(elapsed)
            app_rss.append(rss)
            painted, elapsed, _rss = _timed(bare, env)
            bare_times.append(painted)
            bare_whole.append(elapsed)
        start_rss = max(app_rss)
        done = subprocess.run(
            [sys.executable, "-c", SEARCH_SCRIPT, str(path), str(args.people)],
            env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(done.stderr[-3000:])
        import json

        search = json.loads(done.stdout.strip().splitlines()[-1])
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    print(f"\nStart-up to a painted window (median of {args.runs}):\n")

    def row(what: str, painted: list[float], whole: list[float]) -> list[str]:
        return [
            what,
            f"{statistics.median(painted):.3f}",
            f"{min(painted):.3f}–{max(painted):.3f}",
            f"{statistics.median(whole):.3f}",
        ]

    print_table(
        ["what", "to first paint s", "range s", "whole process s"],
        [
            row("sanad gui --quit-after-start (demo, signed in, dashboard)", app_times, app_whole),
            row("bare PySide6 window", bare_times, bare_whole),
        ],
    )  # fmt: skip
    print(f"\n  ratio: {app_median / bare_median:.1f}× the bare window")
    times = search["times"]
    print(f"\nSearch in the Learners screen: {len(times):,} keystrokes")
    print(f"  median {statistics.median(times):.1f} ms, p95 {_p95(times):.1f} ms, "
          f"max {max(times):.1f} ms; then scrolled all {search['rows']:,} rows")  # fmt: skip
    for label, key, rows_key in (
        ("status or micro-credential chosen", "filter_times", "filter_rows"),
        ("learner typed, keystroke by keystroke", "enrolment_times", "enrolment_rows"),
    ):
        values, first_rows = search[key], search[rows_key]
        print(
            f"\nEnrolments screen ({search['enrolments']:,} enrolments), {label}: "
            f"{len(values)} changes"
        )
        print(f"  to the rows shown: median {statistics.median(first_rows):.1f} ms, "
              f"p95 {_p95(first_rows):.1f} ms")  # fmt: skip
        print(f"  to the count too:  median {statistics.median(values):.1f} ms, "
              f"p95 {_p95(values):.1f} ms, max {max(values):.1f} ms")  # fmt: skip
    print("\nPeak resident memory:")
    print(f"  sanad gui to its first painted window (largest of {args.runs}): "
          f"{start_rss / 1024:.0f} MiB")  # fmt: skip
    print(
        f"  searching and scrolling every learner, then the Enrolments screen: "
        f"{search['rss_kb'] / 1024:.0f} MiB"
    )
    print("\nTargets:")
    print(f"  start-up ≤ 0.6 s: {app_median:.2f} s — {'met' if app_median <= 0.6 else 'NOT met'}")
    p95 = _p95(times)
    print(f"  keystroke ≤ 100 ms p95: {p95:.0f} ms — {'met' if p95 <= 100 else 'NOT met'}")
    peak = max(start_rss, search["rss_kb"]) / 1024
    print(f"  memory ≤ 250 MB: {peak:.0f} MiB — {'met' if peak * 1.048576 <= 250 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
