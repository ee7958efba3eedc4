"""Built-in rules, one module per rule: ``<family>/<CODE>_<name>.py``."""
