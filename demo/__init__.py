"""The demo (`manage.py load_demo`): project wiring that may use every app. Its content is data:
data/structure.toml once, and one file of strings per language (data/<language>.toml)."""
