"""Pure-Python domain: vocabularies, typology, validation, analysis. No I/O, no Qt."""
