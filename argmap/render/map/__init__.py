"""Diagrams of one map: the diagram and its printable pages."""
