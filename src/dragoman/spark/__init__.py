"""Coding documents on a Spark cluster: ``python -m dragoman.spark`` (or ``spark-submit``), and reading
its output back (``dragoman load``).

    rows.py      no Spark: input records -> Documents, Documents and Events -> output rows and back
    job.py       the PySpark job: read, code in ``mapPartitions``, cluster, write partitioned Parquet
    __main__.py  its command line

Only ``job`` and ``__main__`` import pyspark (the ``spark`` extra); ``dragoman load`` needs only pyarrow.
"""
