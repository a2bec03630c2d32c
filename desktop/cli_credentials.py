"""``sanad verify`` and ``sanad credentials …``: checking, issuing and exporting credentials."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from desktop.core.errors import DomainError

__all__ = ["credentials", "verify"]

CONTEXT = {"help_option_names": ["-h", "--help"]}
DB = click.option("--db", "db_path", required=True,
                  type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  help="The campus database.")  # fmt: skip
ISSUER_PASSPHRASE = click.option(
    "--passphrase", prompt="Passphrase of the campus key", hide_input=True,
    help="Opens the campus issuer key; asked for when omitted.",
)  # fmt: skip


def _fail(error: Exception) -> None:
    click.echo(f"Error: {error}", err=True)
    sys.exit(1)


@click.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", "db_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Trust what this Sanad database knows (root key, campus keys, status "
                   "lists); without it only --root is trusted.")  # fmt: skip
@click.option("--root", "root_key", help="The national root public key (z6Mk…) to trust.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON verdict per input.")
def verify(inputs: tuple[str, ...], db_path: Path | None, root_key: str | None,
           as_json: bool) -> None:  # fmt: skip
    """Verify credentials: each INPUT is a JSON credential, a PDF certificate, a photo or scan
    of its QR code, or the QR text itself. Exits 0 only when every one is valid."""
    from desktop.core.proofs import ProofError, public_key_from_multikey
    from desktop.core.verify_batch import verify_all

    if root_key:
        try:
            public_key_from_multikey(root_key.strip())
        except (ProofError, ValueError) as exc:
            _fail(RuntimeError(f"--root {root_key!r} is not a root public key: {exc}"))
    sources = [Path(item) if Path(item).is_file() else item for item in inputs]
    workers = 2 if len(sources) >= 16 else 1  # canonicalisation is CPU work: use both cores
    try:
        verdicts = verify_all(sources, db_path=db_path, root_key=root_key and root_key.strip(),
                              workers=workers)  # fmt: skip
        all_valid = True
        for item, verdict in zip(inputs, verdicts, strict=True):
            all_valid &= verdict.valid
            _show(item, verdict, as_json)
    except DomainError as exc:
        _fail(exc)
    sys.exit(0 if all_valid else 1)


def _show(item: str, verdict, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps({"input": item, **verdict.as_json()}, ensure_ascii=False))
        return
    facts = verdict.facts
    who = " · ".join(str(facts[k]) for k in ("serial", "learner", "achievement",
                                                "achievement_code", "issuer")
                     if facts.get(k))  # fmt: skip
    click.echo(f"{item}: {verdict.outcome.value.upper().replace('_', ' ')}")
    if who:
        click.echo(f"  {who}")
    click.echo(f"  {verdict.explanation}")


@click.group(context_settings=CONTEXT)
def credentials() -> None:
    """Issue, list and export the campus's signed credentials."""


@credentials.command("issue", context_settings=CONTEXT)
@DB
@ISSUER_PASSPHRASE
def credentials_issue(db_path: Path, passphrase: str) -> None:
    """Issue a credential for every passed enrolment that has none yet."""
    from desktop.core.services.issuing import issuable_enrolments, issue_batch, unlock_issuer_key
    from desktop.core.store import SYSTEM, Store

    with Store.open(db_path) as store:
        try:
            issuer = unlock_issuer_key(store, passphrase)
            due = [row["id"] for row in issuable_enrolments(store, store.campus_id)]
            with click.progressbar(length=len(due), label="Issuing") as bar:
                def advance(_done: int, _total: int) -> bool:
                    bar.update(1)
                    return True

                result = issue_batch(store, SYSTEM, due, issuer, progress=advance)
        except DomainError as exc:
            _fail(exc)
    click.echo(f"Issued {len(result.issued)} credentials.")
    for enrolment_id, problem in result.refused:
        click.echo(f"  not issued for enrolment {enrolment_id}: {problem}", err=True)
    for proposal in result.proposals:
        click.echo(f"  {proposal.learner_name} has earned the pathway {proposal.pathway_code} "
                   f"({proposal.title_en}): issue it in the app.")  # fmt: skip


@credentials.command("list", context_settings=CONTEXT)
@DB
def credentials_list(db_path: Path) -> None:
    """List the credentials issued here, newest first, with their status."""
    from desktop.core.services.credentials import credential_status
    from desktop.core.store import Store

    with Store.open(db_path, readonly=True) as store:
        for row in store.query(
            "SELECT i.id, i.serial, i.valid_until, l.full_name FROM issued_credentials i "
            "JOIN learners l ON l.id = i.learner_id ORDER BY i.issued_at DESC, i.serial DESC"
        ):
            status = credential_status(store, row["id"])
            until = f" until {row['valid_until']}" if row["valid_until"] else ""
            click.echo(f"{row['serial']}  {status:<9}  {row['full_name']}{until}")


@credentials.command("export", context_settings=CONTEXT)
@DB
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write <serial>.json and <serial>.pdf into.")  # fmt: skip
def credentials_export(db_path: Path, out: Path) -> None:
    """Write every issued credential as JSON and as its PDF certificate."""
    from desktop.core.certificates import export_credentials
    from desktop.core.store import Store

    with Store.open(db_path, readonly=True) as store:
        total = store.scalar("SELECT count(*) FROM issued_credentials WHERE deleted = 0")
        try:
            with click.progressbar(length=total, label="Exporting") as bar:
                def advance(_done: int, _total: int) -> bool:
                    bar.update(1)
                    return True

                written = export_credentials(store, out, progress=advance)
        except OSError as exc:
            _fail(RuntimeError(f"{out} could not be written ({exc.strerror or exc})"))
    click.echo(f"Wrote {len(written) // 2} credentials (JSON and PDF) to {out}.")
