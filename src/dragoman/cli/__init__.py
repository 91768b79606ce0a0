"""The command line: a thin shell over ``dragoman.operations`` and the store."""
