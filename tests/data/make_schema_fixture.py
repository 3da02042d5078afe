#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes tests/data/schema-vN.sqlite: a database exactly as schema N laid it out, holding the data
of a newer sample database.

Schema N is built by running resources/migrations/0001..000N (expanded for SQLite as
core/storage/dialect.cpp does); then every row of the source is copied, keeping only the tables and
columns schema N has. The source is the small sample made by the Rapport of the day:

    TZ=Europe/Berlin rapport --database src.sqlite demo --scale small --seed 7 --today 2026-11-29
    tests/data/make_schema_fixture.py src.sqlite 3 tests/data/schema-v3.sqlite

Run it for version N just before migration N+1 lands (see README.md here).
"""
import pathlib
import re
import sqlite3
import sys

MIGRATIONS = pathlib.Path(__file__).resolve().parents[2] / "resources" / "migrations"


def expand(sql):
    return sql.replace("{{ID}}", "INTEGER PRIMARY KEY").replace("{{BIGINT}}", "INTEGER").replace("{{WITHOUT_ROWID}}", " WITHOUT ROWID")


def build_schema(target, version):
    readable_by = version
    for step in sorted(MIGRATIONS.glob("*.sql"))[:version]:
        sql = step.read_text()
        header = re.search(r"^--\s*readable-by:\s*(\d+)\s*$", sql, re.MULTILINE)
        readable_by = int(header.group(1)) if header else int(step.name[:4])
        target.executescript(expand(sql))
    target.execute("DELETE FROM schema_info")
    target.execute("INSERT INTO schema_info (schema_version, compatible_version) VALUES (?, ?)", (version, readable_by))


def columns(db, table):
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def copy_rows(source, target):
    tables = [row[0] for row in target.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        if table == "schema_info" or table.startswith("search_index"):
            continue  # the full-text index (schema 9) and its own tables: its triggers fill it as rows go in
        kept = [c for c in columns(target, table) if c in columns(source, table)]
        names = ", ".join(kept)
        marks = ", ".join("?" for _ in kept)
        target.execute(f"DELETE FROM {table}")  # rows a migration may have seeded
        rows = source.execute(f"SELECT {names} FROM {table}").fetchall()
        target.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
    if "map_pins" in tables and not target.execute("SELECT 1 FROM map_pins").fetchone():
        # The sample pins nobody; one pin keeps the table's upgrade path exercised.
        target.execute("INSERT INTO map_pins (person_id, x, y) SELECT MIN(id), 120.0, -80.0 FROM people")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    source_path, version, target_path = sys.argv[1], int(sys.argv[2]), pathlib.Path(sys.argv[3])
    if target_path.exists():
        sys.exit(f"{target_path} exists; fixtures are written once")
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    target = sqlite3.connect(target_path)
    target.execute("PRAGMA foreign_keys = ON")
    with target:
        build_schema(target, version)
        copy_rows(source, target)
    target.execute("PRAGMA journal_mode = DELETE")
    target.execute("VACUUM")
    target.close()


if __name__ == "__main__":
    main()
