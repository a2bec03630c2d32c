"""Services: every mutation of the domain goes through one of these modules.

Each public function validates its input, checks the caller's role, and writes its rows,
change-log entries and one audit entry in a single transaction, or raises a
:class:`desktop.core.errors.DomainError` and writes nothing.
"""
