"""``privacy.phi.*``: the 18 HIPAA Safe Harbor identifiers, one module per group."""
