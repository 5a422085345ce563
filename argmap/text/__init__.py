"""Text rules below every layer: characters that act instead of showing, and the essay index that finds quotes."""
