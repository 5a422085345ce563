"""A corpus: naming the maps a command reads, loading and checking them with their claim registry, and pairs of maps."""
