"""schema rules."""
