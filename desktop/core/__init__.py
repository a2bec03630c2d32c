"""The domain core of Sanad: model, SQLite store, services. It never imports Qt."""
