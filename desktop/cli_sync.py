"""``sanad registry …``, ``sanad hub …``, ``sanad sync …`` and ``sanad bundle …``."""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import sys
from pathlib import Path

import click

from desktop.core.errors import DomainError

__all__ = ["bundle", "hub", "registry", "sync"]

CONTEXT = {"help_option_names": ["-h", "--help"]}
REGISTRY_DB = click.option(
    "--db", "db_url", default="sqlite:///registry.db", show_default=True,
    help="The registry's database: sqlite:///path/registry.db, or "
         "postgresql://user@host/database in production.",
)  # fmt: skip
CAMPUS_DB = click.option("--db", "db_path", required=True,
                         type=click.Path(dir_okay=False, path_type=Path),
                         help="The campus (or station, or head office) database.")  # fmt: skip


def _fail(error: Exception | str) -> None:
    click.echo(f"Error: {error}", err=True)
    sys.exit(1)


def _log_to_stderr(level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("sanad.sync")
    logger.addHandler(handler)
    logger.setLevel(level.upper())


# -- registry ------------------------------------------------------------------------------


@click.group(context_settings=CONTEXT)
def registry() -> None:
    """Head office's registry: the server campuses sync to."""


def _require_registry_extra() -> None:
    """Stop with what to install when the registry's extra packages are missing (the Linux
    bundle leaves them out: campuses do not run the registry). Every registry command checks
    first (_guard_registry_commands); ``--help`` works without them."""
    try:
        import jinja2  # noqa: F401
        import sqlalchemy  # noqa: F401
    except ImportError as exc:
        where = ("this installed program leaves out head office's registry; on the registry's "
                 "server, install Sanad with pip: " if getattr(sys, "frozen", False) else "")
        _fail(f"the registry needs its extra packages ({exc.name} is missing): "
              f"{where}pip install 'sanad[registry]'")  # fmt: skip


def _registry(db_url: str, files: Path | None = None):
    from sync.registry.store import Registry, RegistryProblem

    try:
        if files is not None:
            from sync.file_store import LocalFileStore

            store = LocalFileStore(files)
            return Registry.open(db_url, has_file=store.has), store
        return Registry.open(db_url)
    except RegistryProblem as exc:
        _fail(exc)
    except Exception as exc:  # the database could not be reached or opened
        _fail(f"the registry database {db_url} could not be opened: {exc}")


def _default_files(db_url: str) -> Path:
    if db_url.startswith("sqlite:///"):
        return Path(db_url.removeprefix("sqlite:///")).with_suffix(".files")
    return Path("registry-files")


@registry.command("serve", context_settings=CONTEXT)
@REGISTRY_DB
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (behind the TLS reverse proxy: keep 127.0.0.1).")
@click.option("--port", default=8400, show_default=True, type=click.IntRange(0, 65535))
@click.option("--files", "files_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of evidence files (default: beside a SQLite database, else "
                   "./registry-files).")  # fmt: skip
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["debug", "info", "warning", "error"]))
@click.option("--verify-rate", default=1.0, show_default=True, type=click.FloatRange(0),
              help="Certificate checks a second allowed per client address, in bursts of 60 "
                   "(0: no limit).")  # fmt: skip
def registry_serve(db_url: str, host: str, port: int, files_dir: Path | None,
                   log_level: str, verify_rate: float) -> None:  # fmt: skip
    """Serve sync (and evidence uploads) to campuses, the public verification pages, the
    JSON API and head office's dashboard: an ASGI app on uvicorn. Logs one JSON line per
    request on standard error."""
    import uvicorn

    from sync.registry.web import registry_app
    from sync.uploads import upload_routes

    node, files = _registry(db_url, files_dir or _default_files(db_url))
    _log_to_stderr(log_level)
    app = registry_app(node, files, verify_rate=verify_rate, upload_routes=lambda auth: (
        upload_routes(files, authenticate=auth, max_size=1024 * 1024 * 1024,
                      expiry=dt.timedelta(days=7))))  # fmt: skip
    click.echo(f"Sanad registry on http://{host}:{port} (database {db_url}); "
               f"verify certificates at http://{host}:{port}/verify", err=True)  # fmt: skip
    from sync.file_store import sweep_periodically

    sweep_periodically(files)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False,
                proxy_headers=True, forwarded_allow_ips="127.0.0.1")  # fmt: skip


@registry.command("root", context_settings=CONTEXT)
@REGISTRY_DB
@click.option("--set", "key", help="The national root public key (z6Mk…), as head office's "
              "desktop shows it (sanad keys list).")  # fmt: skip
def registry_root(db_url: str, key: str | None) -> None:
    """Show, or set, the national root key the registry verifies certificates against.
    Without one, it takes the root of the first trust list head office's desktop sends."""
    node = _registry(db_url)
    if key:
        from desktop.core.proofs import ProofError, public_key_from_multikey

        try:
            public_key_from_multikey(key.strip())
        except (ProofError, ValueError) as exc:
            _fail(f"{key!r} is not an Ed25519 public key in multibase (z6Mk…): {exc}")
        current = node.setting("root_public_key")
        if current and current != key.strip():
            _fail(f"the registry already trusts root {current}: a registry serves one "
                  "national root; start a new registry database for another")
        node.set_setting("root_public_key", key.strip())
    current = node.setting("root_public_key")
    click.echo(current or "no root key yet: it is taken from the first trust list head "
               "office's desktop sends (or set it with --set)")


@registry.command("add-campus", context_settings=CONTEXT)
@REGISTRY_DB
@click.option("--code", required=True, help="The campus code it set up with (e.g. QAU).")
@click.option("--name", required=True, help="The campus's name.")
def registry_add_campus(db_url: str, code: str, name: str) -> None:
    """Register a campus, so its hub can join with a code."""
    from sync.registry.store import RegistryProblem

    node = _registry(db_url)
    try:
        record = node.add_campus(code, name)
    except RegistryProblem as exc:
        _fail(exc)
    click.echo(f"Added campus {record['code']} ({record['name']}).")


@registry.command("campuses", context_settings=CONTEXT)
@REGISTRY_DB
def registry_campuses(db_url: str) -> None:
    """List the registered campuses."""
    for campus in _registry(db_url).campuses():
        joined = "joined" if campus["campus_id"] else "not joined yet"
        click.echo(f"{campus['code']:<10} {campus['name']}  ({joined})")


@registry.command("create-code", context_settings=CONTEXT)
@REGISTRY_DB
@click.option("--campus", "campus_code", required=True, help="The campus code.")
@click.option("--kind", type=click.Choice(["hub", "head-office"]), default="hub",
              show_default=True, help="What joins with it: a campus hub, or head office's "
                                      "own desktop.")  # fmt: skip
@click.option("--days", default=7, show_default=True, type=click.IntRange(1, 90),
              help="How long the code stays valid.")
def registry_create_code(db_url: str, campus_code: str, kind: str, days: int) -> None:
    """Make a one-time code a campus hub joins the registry with."""
    from sync.registry.store import RegistryProblem

    node = _registry(db_url)
    try:
        code, expires = node.create_code(campus_code, kind=kind.replace("-", "_"),
                                         valid_for=dt.timedelta(days=days))  # fmt: skip
    except RegistryProblem as exc:
        _fail(exc)
    click.echo(code)
    click.echo(f"One use, valid until {expires}.", err=True)


@registry.command("devices", context_settings=CONTEXT)
@REGISTRY_DB
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def registry_devices(db_url: str, as_json: bool) -> None:
    """List the devices that joined the registry, with their last contact."""
    devices = _registry(db_url).devices()
    if as_json:
        click.echo(json.dumps(devices, indent=2))
        return
    for d in devices:
        state = f"revoked {d['revoked_at'][:10]}" if d["revoked_at"] else "active"
        seen = d["last_seen_at"] or "never"
        click.echo(f"{d['id']}  {d['campus_code']:<8} {d['kind']:<11} {d['name']:<24} "
                   f"last seen {seen}  {state}")  # fmt: skip


@registry.command("revoke-device", context_settings=CONTEXT)
@REGISTRY_DB
@click.argument("device_id")
@click.option("--reason", required=True, help="Why: the device is told.")
def registry_revoke_device(db_url: str, device_id: str, reason: str) -> None:
    """Refuse every further request of a device (a lost or stolen computer)."""
    from sync.registry.store import RegistryProblem

    node = _registry(db_url)
    try:
        device = node.revoke_device(device_id, reason)
    except RegistryProblem as exc:
        _fail(exc)
    click.echo(f"Revoked {device['name']} ({device['campus_code']}).")


@registry.command("evidence-policy", context_settings=CONTEXT)
@REGISTRY_DB
@click.argument("policy", required=False)
def registry_evidence_policy(db_url: str, policy: str | None) -> None:
    """Show or set which evidence files campuses send up: ``all``, ``cap:<MB>`` (files up to
    that size) or ``sample:<percent>`` (a QA sample, the same files every time)."""
    node = _registry(db_url)
    if policy is None:
        click.echo(node.setting("evidence_policy") or "all")
        return
    stored = policy
    try:
        if policy.startswith("cap:"):
            stored = f"cap:{int(float(policy[4:]) * 1024 * 1024)}"
        elif policy.startswith("sample:"):
            percent = int(policy[7:])
            if not 0 <= percent <= 100:
                raise ValueError(policy)
        elif policy != "all":
            raise ValueError(policy)
    except ValueError:
        _fail(f"{policy!r} is not a policy: use all, cap:<MB> (e.g. cap:20) or "
              "sample:<percent> (e.g. sample:10)")  # fmt: skip
    node.set_setting("evidence_policy", stored)
    click.echo(f"Evidence policy: {policy}")


@registry.command("join-file", context_settings=CONTEXT)
@REGISTRY_DB
@click.argument("request", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "destination", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="The signed answer to carry back to the campus.")  # fmt: skip
def registry_join_file(db_url: str, request: Path, destination: Path) -> None:
    """Join a campus from a join-request file it carried here (no link needed)."""
    from sync.offline import JoinFileProblem, answer_join_request

    try:
        answer = answer_join_request(_registry(db_url), request, destination)
    except JoinFileProblem as exc:
        _fail(exc)
    click.echo(f"Joined {answer['campus_code']}; carry {destination} back to the campus.")


@registry.command("bundle-import", context_settings=CONTEXT)
@REGISTRY_DB
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
def registry_bundle_import(db_url: str, source: Path) -> None:
    """Apply a campus's USB bundle (checked whole first; twice is harmless)."""
    from sync.bundles import BundleProblem
    from sync.offline import import_campus_bundle

    try:
        summary = import_campus_bundle(_registry(db_url), source)
    except BundleProblem as exc:
        _fail(exc)
    report = summary.report
    click.echo(f"Imported {source}: {summary.changes:,} changes ({report.applied:,} applied, "
               f"{report.skipped:,} already here, {len(report.refused):,} refused)")


@registry.command("bundle-export", context_settings=CONTEXT)
@REGISTRY_DB
@click.option("--device", "device_id", required=True, help="The campus hub's device id.")
@click.option("--to", "destination", required=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The bundle file to write.")
def registry_bundle_export(db_url: str, device_id: str, destination: Path) -> None:
    """Write the reply bundle for a campus: what it lacks, the trust list and status lists."""
    from sync.bundles import BundleProblem
    from sync.offline import export_campus_bundle

    try:
        summary = export_campus_bundle(_registry(db_url), device_id, destination)
    except BundleProblem as exc:
        _fail(exc)
    click.echo(f"Wrote {destination}: {summary.changes:,} changes.")


PASSWORD_FILE = click.option(
    "--password-file", type=click.Path(dir_okay=False, path_type=Path),
    help="Read the password from the first line of this file (else it is asked, hidden, "
         "twice). Never give it on the command line: others can read that.",
)  # fmt: skip


def _new_password(password_file: Path | None) -> str:
    if password_file is None:
        return click.prompt("Password", hide_input=True,
                            confirmation_prompt="Password again")  # fmt: skip
    try:
        lines = password_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"the password file {password_file} cannot be read: {exc}")
    if not lines or not lines[0]:
        _fail(f"the password file {password_file} is empty: put the password on its first line")
    return lines[0]


def _accounts(db_url: str):
    from sync.registry.accounts import Accounts

    return Accounts(_registry(db_url))


@registry.command("add-user", context_settings=CONTEXT)
@REGISTRY_DB
@click.option("--username", required=True, help="What the person signs in with (e.g. "
                                                "sana.mirza).")  # fmt: skip
@click.option("--name", "display_name", required=True, help="The person's name as shown.")
@PASSWORD_FILE
def registry_add_user(db_url: str, username: str, display_name: str,
                      password_file: Path | None) -> None:  # fmt: skip
    """Give a person of head office a sign-in to the dashboard (/dashboard)."""
    from sync.registry.accounts import AccountProblem

    people = _accounts(db_url)
    password = _new_password(password_file)
    try:
        user = people.add_user(username, display_name, password)
    except AccountProblem as exc:
        _fail(exc)
    click.echo(f"Added {user.username} ({user.display_name}): they sign in at /dashboard.")


@registry.command("users", context_settings=CONTEXT)
@REGISTRY_DB
def registry_users(db_url: str) -> None:
    """List the people who may sign in to the dashboard."""
    people = _accounts(db_url).users()
    if not people:
        click.echo("No dashboard users yet: add one with sanad registry add-user.")
    for user in people:
        state = f"disabled {user.disabled_at[:10]}" if user.disabled_at else "active"
        last = user.last_sign_in_at[:16].replace("T", " ") if user.last_sign_in_at else "never"
        click.echo(f"{user.username:<20} {user.display_name:<28} last sign-in {last:<16}  "
                   f"{state}")  # fmt: skip


@registry.command("disable-user", context_settings=CONTEXT)
@REGISTRY_DB
@click.argument("username")
def registry_disable_user(db_url: str, username: str) -> None:
    """Shut a person out of the dashboard; their open sessions end now."""
    from sync.registry.accounts import AccountProblem

    try:
        user = _accounts(db_url).disable_user(username)
    except AccountProblem as exc:
        _fail(exc)
    click.echo(f"Disabled {user.username} ({user.display_name}).")


@registry.command("set-password", context_settings=CONTEXT)
@REGISTRY_DB
@click.argument("username")
@PASSWORD_FILE
def registry_set_password(db_url: str, username: str, password_file: Path | None) -> None:
    """Give a dashboard user a new password (a forgotten one); their sessions end."""
    from sync.registry.accounts import AccountProblem

    people = _accounts(db_url)
    try:
        people.user(username)
        people.change_password(username, _new_password(password_file))
    except AccountProblem as exc:
        _fail(exc)
    click.echo(f"New password set for {username.strip().lower()}.")


def _guard_registry_commands() -> None:
    for command in registry.commands.values():

        @functools.wraps(command.callback)
        def guarded(*args, _callback=command.callback, **kwargs):
            _require_registry_extra()
            return _callback(*args, **kwargs)

        command.callback = guarded


_guard_registry_commands()


# -- hub -----------------------------------------------------------------------------------


@click.group(context_settings=CONTEXT)
def hub() -> None:
    """The campus hub: serve sync to the campus's lab stations on the LAN."""


def _store(path: Path):
    from desktop.core.store import Store

    if not path.is_file():
        _fail(f"{path} does not exist")
    try:
        return Store.open(path)
    except DomainError as exc:
        _fail(exc)


@hub.command("serve", context_settings=CONTEXT)
@CAMPUS_DB
@click.option("--host", default="0.0.0.0", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.option("--no-tls", is_flag=True, help="Serve plain HTTP (for tests on one computer).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["debug", "info", "warning", "error"]))
def hub_serve(db_path: Path, host: str, port: int, no_tls: bool, log_level: str) -> None:
    """Serve sync to lab stations (HTTPS with the hub's own certificate, pinned by stations)."""
    import uvicorn

    from sync.hub_server import hub_app

    _store(db_path).close()
    try:
        app, node, tls = hub_app(db_path, tls=not no_tls)
    except RuntimeError as exc:
        _fail(exc)
    _log_to_stderr(log_level)
    scheme = "http" if no_tls else "https"
    click.echo(f"Sanad campus hub {node.campus['code']} on {scheme}://{host}:{port}", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, **tls)


@hub.command("station-code", context_settings=CONTEXT)
@CAMPUS_DB
def hub_station_code(db_path: Path) -> None:
    """Make a one-time code (valid a day) a lab station joins this hub with."""
    from desktop.core.store import SYSTEM
    from sync.hub import create_station_code

    with _store(db_path) as store:
        code, expires = create_station_code(store, SYSTEM)
    click.echo(code)
    click.echo(f"One use, valid until {expires}.", err=True)


@hub.command("stations", context_settings=CONTEXT)
@CAMPUS_DB
def hub_stations(db_path: Path) -> None:
    """List the stations joined to this hub and when each last synced."""
    from sync.hub import stations

    with _store(db_path) as store:
        for s in stations(store):
            state = f"revoked {s['revoked_at'][:10]}" if s["revoked_at"] else "active"
            click.echo(f"{s['id']}  {s['name']:<24} last synced {s['last_seen_at'] or 'never'} "
                       f"from {s['last_address'] or '-'}  {state}")  # fmt: skip


@hub.command("revoke-station", context_settings=CONTEXT)
@CAMPUS_DB
@click.argument("device_id")
@click.option("--reason", required=True, help="Why: the station is told.")
def hub_revoke_station(db_path: Path, device_id: str, reason: str) -> None:
    """Refuse every further request of a station."""
    from desktop.core.store import SYSTEM
    from sync.hub import revoke_station

    with _store(db_path) as store:
        try:
            revoked = revoke_station(store, SYSTEM, device_id, reason)
        except DomainError as exc:
            _fail(exc)
    click.echo(f"Revoked {revoked['name']}.")


# -- sync ----------------------------------------------------------------------------------


@click.group(context_settings=CONTEXT, invoke_without_command=True)
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The database to sync (then runs one sync, for Task Scheduler or cron).")
@click.pass_context
def sync(ctx: click.Context, db_path: Path | None) -> None:
    """Sync with the campus hub or head office: ``sanad sync --db PATH`` runs one sync now.

    Exits 0 when it finished, 1 when it could not (the reason is printed; the next run
    continues where this one stopped)."""
    if ctx.invoked_subcommand is not None:
        return
    if db_path is None:
        _fail("give the database to sync: sanad sync --db PATH")
    from sync.client import SyncProblem, links, pending_changes, sync_once

    with _store(db_path) as store:
        known = links(store)
        if not known:
            _fail("this computer has not joined a hub or the registry yet: sanad sync join")
        failed = False
        for link in known:
            try:
                report = sync_once(store, link)
            except SyncProblem as exc:
                failed = True
                waiting = pending_changes(store, link)
                retry = f", will retry at {link.next_attempt_at[11:16]} UTC" if (
                    link.next_attempt_at) else ""
                click.echo(f"{link.peer_name.capitalize()} {exc} — {waiting:,} changes "
                           f"waiting{retry}", err=True)  # fmt: skip
                continue
            click.echo(f"Synced with {link.peer_name}: sent {report.pushed:,} changes, received "
                       f"{report.pulled:,}, {report.files_sent} evidence files; "
                       f"{report.bytes_sent + report.bytes_received + report.file_bytes:,} "
                       "bytes")  # fmt: skip
            for refusal in report.refused[:20]:
                click.echo(f"  refused: {refusal.table} {refusal.row_id}: {refusal.reason}",
                           err=True)
            if len(report.refused) > 20:
                click.echo(f"  … and {len(report.refused) - 20} more refused", err=True)
            for warning in report.warnings:
                click.echo(f"  Warning: {warning}", err=True)
    sys.exit(1 if failed else 0)


@sync.command("join", context_settings=CONTEXT)
@CAMPUS_DB
@click.option("--url", required=True, help="The hub's or the registry's address.")
@click.option("--code", required=True, help="The one-time code from the focal person or "
                                            "head office.")  # fmt: skip
@click.option("--station", is_flag=True,
              help="Make a NEW database at --db a lab station of the hub at --url.")
@click.option("--name", help="What the other side calls this computer (e.g. Lab PC 3).")
def sync_join(db_path: Path, url: str, code: str, station: bool, name: str | None) -> None:
    """Join a hub (a lab station) or the registry (a campus hub, or head office)."""
    from sync.client import SyncProblem, join, join_station

    try:
        if station:
            if db_path.exists():
                _fail(f"{db_path} exists; a station starts from a new database")
            store = join_station(db_path, url, code, name=name)
        else:
            store = _store(db_path)
            join(store, url, code, name=name)
    except SyncProblem as exc:
        _fail(exc)
    with store:
        campus = store.one("SELECT code, name_en FROM campuses WHERE id = ?", (store.campus_id,))
    where = f" of {campus['code']} ({campus['name_en']})" if campus else ""
    click.echo(f"Joined {url}{where}.")


@sync.command("join-request", context_settings=CONTEXT)
@CAMPUS_DB
@click.option("--code", required=True, help="The one-time code from head office.")
@click.option("--to", "destination", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="The request file to carry to head office.")  # fmt: skip
def sync_join_request(db_path: Path, code: str, destination: Path) -> None:
    """Join head office with no link: write a signed request to carry there."""
    from sync.offline import JoinFileProblem, write_join_request

    with _store(db_path) as store:
        try:
            write_join_request(store, code, destination)
        except JoinFileProblem as exc:
            _fail(exc)
    click.echo(f"Wrote {destination}: take it to head office (sanad registry join-file).")


@sync.command("join-response", context_settings=CONTEXT)
@CAMPUS_DB
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--url", default="", help="The registry's address, if a link may exist later.")
def sync_join_response(db_path: Path, source: Path, url: str) -> None:
    """Finish joining head office with the answer file it gave back."""
    from sync.offline import JoinFileProblem, accept_join_response

    with _store(db_path) as store:
        try:
            accept_join_response(store, source, url=url)
        except JoinFileProblem as exc:
            _fail(exc)
    click.echo("Joined head office: exchange USB bundles (sanad bundle export / import).")


@sync.command("status", context_settings=CONTEXT)
@CAMPUS_DB
def sync_status(db_path: Path) -> None:
    """Show each link: last sync, changes waiting, the last error and the next attempt."""
    from sync.client import links, pending_changes

    with _store(db_path) as store:
        known = links(store)
        if not known:
            click.echo("Not joined to a hub or the registry.")
        for link in known:
            click.echo(f"{link.peer_name.capitalize()} at {link.url}")
            click.echo(f"  last sync: {link.last_success_at or 'never'}")
            click.echo(f"  changes waiting: {pending_changes(store, link):,}")
            if link.last_error:
                click.echo(f"  last error: {link.last_error}")
            if link.next_attempt_at:
                click.echo(f"  next attempt: {link.next_attempt_at}")


# -- bundles -------------------------------------------------------------------------------


@click.group(context_settings=CONTEXT)
def bundle() -> None:
    """USB bundles: sync by carrying a file when there is no link."""


@bundle.command("export", context_settings=CONTEXT)
@CAMPUS_DB
@click.option("--to", "destination", required=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The bundle file to write.")
@click.option("--for", "peer", help="The device it is for (default: the one this computer "
                                    "joined).")  # fmt: skip
def bundle_export(db_path: Path, destination: Path, peer: str | None) -> None:
    """Write everything the other side has not acknowledged into a signed bundle."""
    from sync.bundles import export_for_peer

    with _store(db_path) as store:
        summary = export_for_peer(store, destination, peer)
    click.echo(f"Wrote {destination}: {summary.changes:,} changes.")


@bundle.command("import", context_settings=CONTEXT)
@CAMPUS_DB
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
def bundle_import(db_path: Path, source: Path) -> None:
    """Check a bundle whole, then apply it (a bad one changes nothing; twice is harmless)."""
    from sync.bundles import BundleProblem, import_from_file

    with _store(db_path) as store:
        try:
            summary = import_from_file(store, source)
        except BundleProblem as exc:
            _fail(exc)
    report = summary.report
    click.echo(f"Imported {source}: {summary.changes:,} changes from {summary.sender}"
               + (f" ({report.applied:,} applied, {report.skipped:,} already here, "
                  f"{len(report.refused):,} refused)" if report else ""))  # fmt: skip
