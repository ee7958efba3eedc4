"""PRM: premium-model readiness, the figures an AliExpress premium store is measured by."""
