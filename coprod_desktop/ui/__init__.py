"""The PySide6 shell. The only package that may import Qt."""
