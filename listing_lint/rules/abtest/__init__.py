"""ABT: A/B-test readiness, hints on what to test next and whether a test can answer."""
