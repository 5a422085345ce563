"""Graphs: one map's graph and the merge of many on their shared claims."""
