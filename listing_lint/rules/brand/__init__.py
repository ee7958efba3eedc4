"""BRD — brand and trademark: the ® mark, the authorization chain, trademark classes."""
