"""Checks of one map against its format and its essay: integrity, quotes, paraphrase drift, the defence rule."""
