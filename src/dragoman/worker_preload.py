"""Imported by the forkserver that ``ingest --workers N`` forks its workers from (and by nothing else): loads
the pipeline there once, before the first worker is forked. See ``dragoman.parallel.start_forkserver``."""

from dragoman.parallel import preload_pipeline

preload_pipeline()
