"""Head office's registry: the store campuses sync to, on SQLite or PostgreSQL."""
