// Placeholder: the command-line kit lands with issue 2's CLI work.
