"""Smoke-test the Linux bundle from the bundle alone, as a campus computer would run it.

    .venv/bin/python packaging/smoke_bundle.py dist/                 # dist/sanad/sanad
    .venv/bin/python packaging/smoke_bundle.py dist/sanad-0.1.0-linux-x86_64.tar.gz

Given the tarball, it unpacks it into a temporary folder first (what a campus installs from).
Every command runs in a clean environment: PATH=/usr/bin:/bin, no PYTHONPATH, no VIRTUAL_ENV,
HOME, SANAD_DATA_DIR and the working folder in a temporary folder, Qt offscreen. It checks:

- the bundle imports every Sanad module, and the ones imported lazily, from inside itself
  (``SANAD_BUNDLE_SELF_CHECK=1``: the frozen program reports every loaded module's file);
- ``sanad --version`` prints the project's version;
- a demo campus made by the bundle exports its certificates, and a PDF of one verifies
  as valid demonstration data; all of them verify in two worker processes;
- the desktop app starts and paints its window, in English and in Urdu (and on an X server
  through Qt's xcb plugin, where Xvfb is installed);
- the campus hub serves its lab stations over HTTPS;
- ``sanad registry …`` says that it needs the registry extra.

A failure prints the command, its exit code and its output, and the script exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging" / "pyinstaller"))
LEARNERS = 40

from bundle_contents import sanad_modules  # noqa: E402


class SmokeFailure(Exception):
    pass


class Bundle:
    """The bundled ``sanad``, run as a stranger to the build machine would run it."""

    def __init__(self, executable: Path, scratch: Path) -> None:
        self.executable = executable
        self.scratch = scratch
        home, runtime = scratch / "home", scratch / "runtime"
        home.mkdir()
        runtime.mkdir(mode=0o700)
        self.data = scratch / "data"
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "SANAD_DATA_DIR": str(self.data),
            "XDG_RUNTIME_DIR": str(runtime),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "QT_QPA_PLATFORM": "offscreen",
        }

    def run(self, *args: str, expect: tuple[int, ...] = (0,), timeout: float = 300,
            env: dict[str, str] | None = None,
            label: str = "") -> subprocess.CompletedProcess:  # fmt: skip
        command = [str(self.executable), *args]
        started = time.monotonic()
        try:
            done = subprocess.run(command, cwd=self.scratch, env={**self.env, **(env or {})},
                                  stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                  timeout=timeout)  # fmt: skip
        except subprocess.TimeoutExpired as exc:
            raise SmokeFailure(_report(command, f"no exit after {timeout:.0f} s",
                                       exc.stdout, exc.stderr)) from exc  # fmt: skip
        if done.returncode not in expect:
            raise SmokeFailure(_report(command, done.returncode, done.stdout, done.stderr))
        shown = label or " ".join(args)
        print(f"  ok {time.monotonic() - started:5.1f} s  sanad {shown[:150]}")
        return done

    def fail(self, done: subprocess.CompletedProcess, why: str) -> SmokeFailure:
        return SmokeFailure(f"{why}\n" + _report(done.args, done.returncode, done.stdout,
                                                  done.stderr))  # fmt: skip


def _text(output: str | bytes | None) -> str:
    if isinstance(output, bytes):
        return output.decode("utf-8", "replace")
    return output or ""


def _report(command, code, stdout, stderr) -> str:
    return (f"command: {' '.join(map(str, command))}\nexit code: {code}\n"
            f"--- stdout ---\n{_text(stdout)[-6000:]}\n"
            f"--- stderr ---\n{_text(stderr)[-6000:]}")  # fmt: skip


def check_stands_alone(sanad: Bundle, bundle_dir: Path) -> None:
    # the names come from the source tree: a module missing from the bundle fails to import
    modules = sanad_modules(ROOT)
    done = sanad.run(*modules, env={"SANAD_BUNDLE_SELF_CHECK": "1"}, expect=(0, 1),
                     label=f"(SANAD_BUNDLE_SELF_CHECK=1, {len(modules)} modules)")
    try:
        report = json.loads(done.stdout)
    except ValueError as exc:
        raise sanad.fail(done, "the self-check printed no JSON report") from exc
    inside = bundle_dir.resolve()
    problems = []
    if not report["frozen"]:
        problems.append("the program does not run frozen")
    if not Path(report["bundle"]).is_relative_to(inside):
        problems.append(f"it runs from {report['bundle']}, not from the bundle {inside}")
    problems += [f"sys.path has {p}, outside the bundle" for p in report["sys_path"]
                 if not Path(p).resolve().is_relative_to(inside)]  # fmt: skip
    problems += [f"{name} does not import: {error}" for name, error in report["failed"].items()]
    problems += [f"{name} came from {where}" for name, where in report["outside"].items()]
    if problems:
        raise sanad.fail(done, "the bundle does not stand alone:\n  " + "\n  ".join(problems))
    print(f"     {report['imported']} modules import, every one from inside {inside}")


def check_version(sanad: Bundle) -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    done = sanad.run("--version")
    if done.stdout.strip() != f"sanad, version {version}":
        raise sanad.fail(done, f"expected the version {version}")


def check_certificates(sanad: Bundle) -> Path:
    """The demo campus's certificates, exported and verified by the bundle; returns the
    campus database."""
    db = sanad.data / "demo" / "demo-campus.db"  # where `sanad gui --demo` looks for it
    db.parent.mkdir(parents=True)
    sanad.run("demo", "create", str(db), "--learners", str(LEARNERS))
    done = sanad.run("db", "check", str(db))
    if "healthy" not in done.stdout:
        raise sanad.fail(done, "the new demo campus is not healthy")
    out = sanad.scratch / "certificates"
    sanad.run("credentials", "export", "--db", str(db), "--out", str(out))
    pdfs = sorted(out.glob("*.pdf"))
    if len(pdfs) < 16:
        raise SmokeFailure(f"expected at least 16 certificates in {out}, found {len(pdfs)}")
    # 16 inputs or more: two worker processes, i.e. the frozen program started again by
    # multiprocessing; some demo credentials are revoked or expired on purpose, hence exit 1
    done = sanad.run("verify", *map(str, pdfs), "--db", str(db), "--json", expect=(0, 1),
                     label=f"verify <{len(pdfs)} PDFs> --db {db} --json")
    verdicts = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    if len(verdicts) != len(pdfs):
        raise sanad.fail(done, f"expected {len(pdfs)} verdicts, got {len(verdicts)}")
    valid = [Path(v["input"]) for v in verdicts if v["outcome"] == "valid"]
    if not valid:
        raise sanad.fail(done, "no demo certificate verified as valid")
    done = sanad.run("verify", str(valid[0]), "--db", str(db))
    if f"{valid[0]}: VALID" not in done.stdout or "DEMONSTRATION DATA" not in done.stdout:
        raise sanad.fail(done, "expected VALID and DEMONSTRATION DATA")
    print(f"     {len(valid)} of {len(pdfs)} demo certificates valid (the rest revoked, "
          "suspended or expired on purpose)")  # fmt: skip
    return db


def check_desktop_app(sanad: Bundle) -> None:
    for language in ("en", "ur"):
        done = sanad.run("gui", "--demo", "--quit-after-start", "--language", language)
        if "first paint at monotonic" not in done.stdout:
            raise sanad.fail(done, "the window never painted")


def check_x11(sanad: Bundle) -> None:
    """The app on a real X server (Xvfb), through Qt's xcb plugin and the X libraries the
    bundle carries; skipped where Xvfb is not installed (CI does not need it)."""
    xvfb = shutil.which("Xvfb", path="/usr/bin:/bin")
    if xvfb is None:
        print("  -- skipped: the desktop app on X11 (no Xvfb here)")
        return
    server = subprocess.Popen([xvfb, "-displayfd", "1", "-nolisten", "tcp", "-screen", "0",
                               "1280x800x24"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)  # fmt: skip
    try:
        display = server.stdout.readline().strip()
        if not display:
            raise SmokeFailure(f"Xvfb did not start (exit code {server.poll()})")
        done = sanad.run("gui", "--demo", "--quit-after-start",
                         env={"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{display}"},
                         label=f"gui --demo --quit-after-start (xcb, Xvfb :{display})")  # fmt: skip
        if "first paint at monotonic" not in done.stdout:
            raise sanad.fail(done, "the window never painted on X11")
    finally:
        server.terminate()
        server.wait(timeout=20)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def check_hub(sanad: Bundle, db: Path) -> None:
    port = _free_port()
    args = ["hub", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    command = [str(sanad.executable), *args]
    log = sanad.scratch / "hub.log"
    started = time.monotonic()
    with log.open("w") as output:
        hub = subprocess.Popen(command, cwd=sanad.scratch, env=sanad.env,
                               stdin=subprocess.DEVNULL, stdout=output, stderr=output)  # fmt: skip
    # the hub's certificate is its own, pinned by stations: this check only wants an answer
    unpinned = ssl.create_default_context()
    unpinned.check_hostname = False
    unpinned.verify_mode = ssl.CERT_NONE
    answer = None
    try:
        while answer is None and hub.poll() is None and time.monotonic() - started < 60:
            try:
                with urllib.request.urlopen(f"https://127.0.0.1:{port}/health", timeout=5,
                                            context=unpinned) as response:  # fmt: skip
                    answer = json.loads(response.read())
            except OSError:
                time.sleep(0.3)
    finally:
        hub.terminate()
        try:
            hub.wait(timeout=20)
        except subprocess.TimeoutExpired:
            hub.kill()
            hub.wait()
    if not answer or answer.get("status") != "ok" or answer.get("node") != "hub":
        raise SmokeFailure(f"the hub did not answer /health over HTTPS (answer {answer})\n"
                           + _report(command, hub.returncode, log.read_text(), ""))  # fmt: skip
    print(f"  ok {time.monotonic() - started:5.1f} s  sanad {' '.join(args)} (/health answered)")


def check_registry_is_left_out(sanad: Bundle) -> None:
    for args in (["registry", "campuses"], ["registry", "serve"], ["registry", "users"]):
        done = sanad.run(*args, "--db", "sqlite:///registry.db", expect=(1,))
        if "pip install 'sanad[registry]'" not in done.stderr or "Traceback" in done.stderr:
            raise sanad.fail(done, "expected a plain error naming the registry extra")
    sanad.run("registry", "serve", "--help")


def _executable(target: Path, scratch: Path) -> Path:
    if target.is_file() and target.name.endswith(".tar.gz"):
        with tarfile.open(target) as archive:
            # extraction filters came with Python 3.11.4; "tar" keeps the bundle's symlinks
            options = {"filter": "tar"} if hasattr(tarfile, "tar_filter") else {}
            archive.extractall(scratch / "installed", **options)
        target = scratch / "installed"
    for candidate in (target / "sanad" / "sanad", target / "sanad"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise SmokeFailure(f"no bundle in {target}: expected {target / 'sanad' / 'sanad'} "
                       "(build it with packaging/build_bundle.py)")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", type=Path,
                        help="the dist folder (with sanad/ in it), or the bundle's tarball")
    args = parser.parse_args(argv)
    started = time.monotonic()
    scratch = Path(tempfile.mkdtemp(prefix="sanad-smoke-"))
    try:
        executable = _executable(args.target.resolve(), scratch)
        print(f"Smoke-testing {executable}")
        sanad = Bundle(executable, scratch)
        check_stands_alone(sanad, executable.parent)
        check_version(sanad)
        db = check_certificates(sanad)
        check_desktop_app(sanad)
        check_x11(sanad)
        check_hub(sanad, db)
        check_registry_is_left_out(sanad)
    except SmokeFailure as failure:
        print(f"\nSMOKE TEST FAILED\n{failure}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"Smoke test passed in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
