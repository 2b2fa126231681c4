"""coprod-desktop: case management for frontline co-producers."""

from importlib import metadata

try:
    __version__ = metadata.version("coprod-desktop")
except metadata.PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"
