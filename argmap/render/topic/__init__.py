"""The topic diagram: many essays around the claims they share."""
