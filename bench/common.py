"""What the benchmark scripts share: the description of the machine, medians and tables."""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = [
    "cores",
    "cpu_model",
    "filesystem_of",
    "load_average",
    "machine_lines",
    "median",
    "print_machine",
    "print_table",
]


def cpu_model() -> str:
    """The CPU's model name as the kernel reports it."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def cores() -> int:
    """The CPU cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def filesystem_of(path: Path) -> str:
    """The type of the file system holding ``path`` (e.g. ext4), or "unknown"."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return "unknown"
    target = str(path.resolve())
    best, kind = "", "unknown"
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, fields[2]
    return kind


def load_average() -> str:
    """The system's load averages, to judge whether something else was running."""
    if not hasattr(os, "getloadavg"):
        return "load average unknown"
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} (1, 5, 15 min)"


def machine_lines(temp_dir: Path | None = None) -> list[str]:
    """One line each: CPU, cores, memory, Python, SQLite and the temporary files' file system."""
    lines = [
        f"CPU: {cpu_model()}, {cores()} cores available",
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()}",
    ]
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                lines.append(f"Memory: {int(line.split()[1]) / 1024 / 1024:.1f} GiB")
                break
    except OSError:
        pass
    if temp_dir is not None:
        lines.append(f"Temporary files on: {filesystem_of(temp_dir)}")
    lines.append(f"At the start: {load_average()}")
    return lines


def print_machine(temp_dir: Path | None = None) -> None:
    """Print :func:`machine_lines`."""
    for line in machine_lines(temp_dir):
        print(line)
    sys.stdout.flush()


def median(values: Sequence[float]) -> float:
    """The median of measured values (what every figure printed here is)."""
    return statistics.median(values)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A Markdown table, with columns padded so it also reads well in a terminal."""
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    print(line(cells[0]))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in cells[1:]:
        print(line(row))
    sys.stdout.flush()
