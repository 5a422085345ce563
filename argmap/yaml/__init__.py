"""The bounded YAML reader: maps read with every value's line and column."""
