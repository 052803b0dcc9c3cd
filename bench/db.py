"""Benchmark databases: created on the PostgreSQL server of their URL, with a UTF-8 ctype."""


def ensure_database(url: str) -> None:
    """Create the benchmark database (UTF-8 ctype, for Korean trigram search) if it does not exist."""
    import psycopg
    from psycopg import sql

    parts = psycopg.conninfo.conninfo_to_dict(url.replace("postgres://", "postgresql://", 1))
    name = parts.pop("dbname")
    with psycopg.connect(**parts, dbname="postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(
                sql.SQL(
                    "CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' "
                    "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
                ).format(sql.Identifier(name))
            )
            print(f"created database {name}")
