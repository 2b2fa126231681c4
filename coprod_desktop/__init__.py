"""coprod-desktop: case management for frontline co-producers."""


def __getattr__(name: str) -> str:
    """`__version__`, read from the package metadata when first asked for: importing
    `importlib.metadata` and scanning the installed distributions is not free, and most
    imports of this package never need the version."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("coprod-desktop")
    except metadata.PackageNotFoundError:  # running from a checkout that was never installed
        version = "0.0.0+checkout"
    globals()["__version__"] = version
    return version
