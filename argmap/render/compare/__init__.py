"""Diagrams that compare maps: selection, layout, look and printable pages."""
