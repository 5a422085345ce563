"""Paraphrase drift: a node's text that says more or less than its quote (hedges, modals, negations, names)."""
