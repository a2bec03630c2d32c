"""Replication between Sanad nodes (lab station ⇄ campus hub ⇄ head-office registry).

No Qt here: the registry server and the CLI use this package without the desktop app.
"""
