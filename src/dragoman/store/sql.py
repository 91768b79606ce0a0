"""The statements of the write path as the driver's own SQL, compiled once per dialect.

Storing a document runs half a dozen short statements. Run as SQLAlchemy Core statements, each paid for
a compiled-cache look-up, parameter processing and result set-up, which together cost SQLAlchemy more
than SQLite took to run them (0.45 s of CPU of 0.83 s for the 1,035 documents of
``benchmarks/throughput.py``). ``Connection.exec_driver_sql`` skips that work and keeps the rest: the
transaction, the wrapping of driver errors in ``DBAPIError`` and the detection of a lost connection.

The statements keep named parameters (``:name`` on SQLite, ``%(name)s`` on PostgreSQL), so every call
passes a dict (an ``executemany`` a list of dicts, each holding every column). The column types of the
schema need no conversion of values on either driver, so the rows stored are the same as Core's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, cast

from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection, CursorResult, Dialect
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement

__all__ = ["execute"]

Params = Mapping[str, Any]


def execute(conn: Connection, statement: ClauseElement, params: Params | Sequence[Params]) -> CursorResult[Any]:
    """Run ``statement`` on ``conn`` as the driver's SQL with ``params`` (a list of dicts: executemany).

    Build each statement once (a module constant, or one cached per shape): its compiled SQL is cached
    per statement object and dialect.
    """
    sql, constants = _compiled(statement, conn.dialect)
    if constants:  # values the statement holds itself ("= 'document'", "THEN 1")
        params = {**constants, **params} if isinstance(params, Mapping) else [{**constants, **p} for p in params]
    return conn.exec_driver_sql(sql, params)


@lru_cache(maxsize=1024)
def _compiled(statement: ClauseElement, dialect: Dialect) -> tuple[str, dict[str, Any]]:
    if dialect.name == "sqlite":  # the sqlite3 module takes ``:name`` as well as its default ``?``
        dialect = _named_sqlite()
    compiled = cast(SQLCompiler, statement.compile(dialect=dialect))
    constants = {name: bind.value for bind, name in compiled.bind_names.items() if not bind.required}
    return str(compiled), constants


@lru_cache(maxsize=1)
def _named_sqlite() -> Dialect:
    return sqlite.dialect(paramstyle="named")
