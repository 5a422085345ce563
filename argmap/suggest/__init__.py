"""Claim-alignment suggestions: statements of different maps that may state one proposition."""
