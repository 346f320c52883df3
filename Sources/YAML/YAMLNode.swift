// Placeholder: the YAML reader lands with issue 2's YAML work.
