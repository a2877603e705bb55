"""The subcommands of the `guillemet` command line, each imported only when it is used."""
