"""The bundle's entry point: the ``sanad`` command, as ``pip install sanad[desktop]`` makes it.

``SANAD_BUNDLE_SELF_CHECK=1`` makes it print, instead, where it imports from (see
``bundle_self_check.py``): the smoke test's proof that the bundle stands alone.
"""

import multiprocessing
import os
import sys


def main() -> None:
    # Issuing and batch verification start "spawn" worker processes: in a frozen program
    # they are this executable again, told by freeze_support() to run the worker.
    multiprocessing.freeze_support()
    if os.environ.get("SANAD_BUNDLE_SELF_CHECK") == "1":
        from bundle_self_check import print_report

        sys.exit(print_report())
    from desktop.cli import main as sanad

    sanad()


if __name__ == "__main__":
    main()
