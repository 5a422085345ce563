"""Files argmap reads and writes: which it may read (confinement), atomic writes, bounds on bulk work."""
