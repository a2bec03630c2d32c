"""The ``sanad`` command. Without a subcommand it opens the desktop app."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from desktop import __version__
from desktop.core.errors import DomainError
from desktop.core.paths import default_database, demo_database

__all__ = ["main"]

CONTEXT = {"help_option_names": ["-h", "--help"]}


def _fail(error: Exception) -> None:
    click.echo(f"Error: {error}", err=True)
    sys.exit(1)


@click.group(context_settings=CONTEXT, invoke_without_command=True)
@click.version_option(__version__, "-V", "--version", prog_name="sanad")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Sanad: micro-credentials, learners, evidence and verifiable certificates, offline first.

    Run without a command to open the desktop app on your campus database.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui)


@cli.command(context_settings=CONTEXT)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Database file to open (default: the campus database in the data folder).",
)
@click.option(
    "--demo", is_flag=True, help="Open the demo campus, creating it first if it does not exist."
)
@click.option(
    "--quit-after-start",
    is_flag=True,
    help="Exit as soon as the first window has been shown and painted (for measuring "
    "start-up; prints the monotonic clock at that paint).",
)
@click.option(
    "--language",
    type=click.Choice(["en", "ur"]),
    help="Language of the interface (default: the one chosen in the app, else English).",
)
def gui(db_path: Path | None, demo: bool, quit_after_start: bool, language: str | None) -> None:
    """Open the desktop app."""
    try:
        from desktop.ui.app import run
    except ImportError as exc:
        _fail(
            RuntimeError(
                f"the desktop app needs Qt ({exc.name} is missing): "
                "install it with: pip install 'sanad[desktop]'"
            )
        )
    if demo:
        db_path = db_path or demo_database()
        if not db_path.exists():
            from desktop.core.demo import create_demo

            click.echo(f"Creating the demo campus in {db_path} …")
            create_demo(db_path, learners=400, seed=2026)
    sys.exit(
        run(db_path or default_database(), quit_after_start=quit_after_start, language=language)
    )


@cli.group(context_settings=CONTEXT)
def demo() -> None:
    """Demo campuses for trying Sanad out and for benchmarks."""


@demo.command("create", context_settings=CONTEXT)
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--learners",
    default=400,
    show_default=True,
    type=click.IntRange(1, 1_000_000),
    help="How many learners; enrolments are about five per learner.",
)
@click.option(
    "--seed",
    default=2026,
    show_default=True,
    type=int,
    help="Random seed: the same seed gives the same campus.",
)
@click.option("--force", is_flag=True, help="Replace PATH if it exists.")
def demo_create(path: Path, learners: int, seed: int, force: bool) -> None:
    """Create a believable demo campus database at PATH."""
    from desktop.core.demo import create_demo

    if path.exists():
        if not force:
            _fail(FileExistsError(f"{path} already exists; choose another name or add --force"))
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)

    def progress(stage: str, done: int, total: int) -> None:
        if total > 1:
            click.echo(f"  {stage}: {done:,} of {total:,}", err=True)

    try:
        summary = create_demo(path, learners=learners, seed=seed, progress=progress)
    except DomainError as exc:
        _fail(exc)
    click.echo(f"Created {path}: " + ", ".join(f"{v:,} {k}" for k, v in summary.items()))


@cli.group(context_settings=CONTEXT)
def db() -> None:
    """Check and back up a database."""


def _open_existing(path: Path):
    """Open a database read-only: checking or backing it up never changes it."""
    import sqlite3

    from desktop.core.store import Store

    if not path.is_file():
        _fail(FileNotFoundError(f"{path} does not exist"))
    try:
        return Store.open(path, readonly=True)
    except DomainError as exc:
        _fail(exc)
    except sqlite3.DatabaseError as exc:
        _fail(RuntimeError(f"{path} is not a Sanad database ({exc})"))


@db.command("check", context_settings=CONTEXT)
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def db_check(path: Path, as_json: bool) -> None:
    """Check integrity, schema version, the change log and the audit chain of PATH.

    Exits 0 when healthy, 1 otherwise. Changes nothing.
    """
    from desktop.core.health import check_database

    with _open_existing(path) as store:
        report = check_database(store)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        click.echo(f"{path}: {'healthy' if report.healthy else 'NOT HEALTHY'}")
        click.echo(f"  schema version {report.schema_version} of {report.schema_current}")
        for name, count in report.counts.items():
            click.echo(f"  {name}: {count:,}")
        for text in report.problems:
            click.echo(f"  problem: {text}")
    sys.exit(0 if report.healthy else 1)


@db.command("backup", context_settings=CONTEXT)
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("dest", type=click.Path(path_type=Path))
def db_backup(path: Path, dest: Path) -> None:
    """Copy PATH to DEST (a file, or a folder for a dated copy) while it stays in use,
    and verify the copy before keeping it."""
    from desktop.core.backup import backup_database

    with _open_existing(path) as store:
        try:
            written, report = backup_database(store, dest)
        except DomainError as exc:
            _fail(exc)
    click.echo(
        f"Backed up {path} to {written} (verified: schema {report.schema_version}, "
        f"{report.counts.get('change_log', 0):,} changes, "
        f"{report.counts.get('audit_log', 0):,} audit entries)"
    )


def main() -> None:
    cli(prog_name="sanad")


if __name__ == "__main__":
    main()
