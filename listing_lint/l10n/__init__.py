"""Localization helpers for the LOC rules: what text to judge, numbers and prices by locale, units."""
