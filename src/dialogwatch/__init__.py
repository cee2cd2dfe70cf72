"""dialogwatch: the record of bilateral government dialogues, held to their word."""

__version__ = "0.1.0"
