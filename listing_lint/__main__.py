from listing_lint.cli import entry

entry()
