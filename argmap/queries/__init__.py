"""Questions asked of a corpus, and their typed results."""
