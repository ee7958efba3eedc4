"""LOC: localization. Every locale's page, title and alt text in the right language, complete and consistent."""
