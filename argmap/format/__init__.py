"""The map format: the pydantic models, their JSON Schema, and schema errors with hints."""
