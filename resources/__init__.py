"""Data files shipped with Sanad (installed as the package ``sanad_resources``)."""
