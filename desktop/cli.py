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


@cli.group(context_settings=CONTEXT)
def keys() -> None:
    """Signing keys: head office's root key, campus keys and their certificates."""


def _open_for_writing(path: Path):
    from desktop.core.store import Store

    if not path.is_file():
        _fail(FileNotFoundError(f"{path} does not exist"))
    try:
        return Store.open(path)
    except DomainError as exc:
        _fail(exc)


def _write_json(document: dict, out: Path) -> None:
    from desktop.core.files import write_text_atomically

    try:
        with write_text_atomically(out) as handle:
            handle.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    except OSError as exc:
        _fail(RuntimeError(f"{out} could not be written ({exc.strerror or exc})"))


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        _fail(RuntimeError(f"{path} could not be read as a Sanad file ({exc})"))


NEW_PASSPHRASE = click.option(
    "--passphrase", prompt="Passphrase for the new key (at least 12 characters)",
    hide_input=True, confirmation_prompt=True,
    help="Seals the private key; asked for when omitted. Keep it safe: it cannot be recovered.",
)  # fmt: skip
ROOT_PASSPHRASE = click.option(
    "--passphrase", prompt="Passphrase of the root key", hide_input=True,
    help="Opens the root key; asked for when omitted.",
)  # fmt: skip


@keys.command("create-root", context_settings=CONTEXT)
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@NEW_PASSPHRASE
def keys_create_root(db_path: Path, passphrase: str) -> None:
    """Head office: make the national root key (once), and print its public key."""
    from desktop.core.services.signing_keys import create_root_key
    from desktop.core.store import SYSTEM

    with _open_for_writing(db_path) as store:
        try:
            row = create_root_key(store, SYSTEM, passphrase)
        except DomainError as exc:
            _fail(exc)
    click.echo("Root key made. Give campuses this public key, by a way you trust:")
    click.echo(row["public_key"])


@keys.command("request", context_settings=CONTEXT)
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The request file to send to head office.")  # fmt: skip
@NEW_PASSPHRASE
def keys_request(db_path: Path, out: Path, passphrase: str) -> None:
    """A campus: make a new issuer key and the request to send to head office."""
    from desktop.core.services.signing_keys import create_campus_key
    from desktop.core.store import SYSTEM

    with _open_for_writing(db_path) as store:
        try:
            _row, request = create_campus_key(store, SYSTEM, passphrase)
        except DomainError as exc:
            _fail(exc)
    _write_json(request, out)
    click.echo(f"Key made for {request['campus']['code']}; send {out} to head office.")


@keys.command("certify", context_settings=CONTEXT)
@click.argument("request", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The certificate file to send back to the campus.")  # fmt: skip
@click.option("--years", default=2, show_default=True, help="How long the certificate lasts.")
@click.option("--registry", "registry_url", default=None,
              help="The registry's address (https://…), kept for later certificates: the "
                   "campus's credentials point to it.")  # fmt: skip
@ROOT_PASSPHRASE
def keys_certify(
    request: Path, db_path: Path, out: Path, years: int, registry_url: str | None, passphrase: str
) -> None:
    """Head office: certify a campus's REQUEST file with the root key."""
    from desktop.core.services.signing_keys import certify_request, set_registry_url
    from desktop.core.store import SYSTEM

    wanted = _read_json(request)
    with _open_for_writing(db_path) as store:
        try:
            if registry_url is not None:
                set_registry_url(store, SYSTEM, registry_url)
            certificate = certify_request(store, SYSTEM, wanted, passphrase, years=years)
        except DomainError as exc:
            _fail(exc)
    _write_json(certificate, out)
    click.echo(f"Certified {certificate['campus']['code']} until {certificate['validUntil']}; "
               f"send {out} back to the campus.")  # fmt: skip


@keys.command("install", context_settings=CONTEXT)
@click.argument("certificate", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--root", "root_key", required=True,
              help="Head office's root public key (z6Mk…), as given by head office.")  # fmt: skip
def keys_install(certificate: Path, db_path: Path, root_key: str) -> None:
    """A campus: install head office's CERTIFICATE for its key, checked against the root."""
    from desktop.core.services.signing_keys import install_certificate
    from desktop.core.store import SYSTEM

    document = _read_json(certificate)
    with _open_for_writing(db_path) as store:
        try:
            install_certificate(store, SYSTEM, document, root_key.strip())
        except DomainError as exc:
            _fail(exc)
    click.echo(f"Installed: this campus's key is certified until {document['validUntil']}.")


@keys.command("list", context_settings=CONTEXT)
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
def keys_list(db_path: Path) -> None:
    """The signing keys of a database (public parts only)."""
    from desktop.core.services.signing_keys import list_keys

    with _open_existing(db_path) as store:
        rows = list_keys(store)
    if not rows:
        click.echo("No signing keys.")
    for row in rows:
        until = row["certificate"]["validUntil"] if row["certificate"] else "not certified yet"
        click.echo(f"{row['purpose']:6}  {row['public_key']}  made {row['created_at']}  "
                   f"certified until: {until if row['purpose'] == 'campus' else '—'}")  # fmt: skip


@keys.command("revoke-campus-key", context_settings=CONTEXT)
@click.argument("public_key")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--reason", required=True, help="Why (a stolen computer, a leaked passphrase).")
def keys_revoke_campus_key(public_key: str, db_path: Path, reason: str) -> None:
    """Head office: withdraw a campus key (PUBLIC_KEY, z6Mk…); then sign a new trust list."""
    from desktop.core.services.signing_keys import revoke_campus_key
    from desktop.core.store import SYSTEM

    with _open_for_writing(db_path) as store:
        try:
            row = revoke_campus_key(store, SYSTEM, public_key.strip(), reason)
        except DomainError as exc:
            _fail(exc)
    click.echo(f"Revoked the key of {row['campus_code']}; sign and send a new trust list "
               "(sanad keys trust-list).")  # fmt: skip


@keys.command("trust-list", context_settings=CONTEXT)
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The trust list file to send to every campus.")  # fmt: skip
@ROOT_PASSPHRASE
def keys_trust_list(db_path: Path, out: Path, passphrase: str) -> None:
    """Head office: sign the trust list (every campus key certified, and revocations)."""
    from desktop.core.services.signing_keys import make_trust_list
    from desktop.core.store import SYSTEM

    with _open_for_writing(db_path) as store:
        try:
            trust_list = make_trust_list(store, SYSTEM, passphrase)
        except DomainError as exc:
            _fail(exc)
    _write_json(trust_list, out)
    counts = len(trust_list["certificates"]), len(trust_list["revocations"])
    click.echo(f"Trust list version {trust_list['version']}: {counts[0]} campus keys, "
               f"{counts[1]} revoked; send {out} to every campus.")  # fmt: skip


@keys.command("trust-install", context_settings=CONTEXT)
@click.argument("trust_list", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
def keys_trust_install(trust_list: Path, db_path: Path) -> None:
    """Any computer: keep head office's TRUST_LIST, checked against the root key."""
    from desktop.core.services.signing_keys import install_trust_list
    from desktop.core.store import SYSTEM

    document = _read_json(trust_list)
    with _open_for_writing(db_path) as store:
        try:
            install_trust_list(store, SYSTEM, document)
        except DomainError as exc:
            _fail(exc)
    click.echo(f"Installed trust list version {document['version']}.")


def _add_credential_commands() -> None:
    from desktop.cli_credentials import credentials, verify

    cli.add_command(verify)
    cli.add_command(credentials)


_add_credential_commands()


def _add_sync_commands() -> None:
    from desktop.cli_sync import bundle, hub, registry, sync

    for command in (registry, hub, sync, bundle):
        cli.add_command(command)


_add_sync_commands()


def main() -> None:
    cli(prog_name="sanad")


if __name__ == "__main__":
    main()
