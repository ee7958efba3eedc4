"""CMP — conformity evidence for the EU, UK and US, judged against the standards registry."""
