-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 1: people, my ties with them, teams, links between people, interactions.
-- readable-by: 1
-- Tokens in double braces are replaced per database dialect (core/storage/dialect.cpp).
-- Statements end with a semicolon at the end of a line.

CREATE TABLE schema_info (
    schema_version INTEGER NOT NULL,
    compatible_version INTEGER NOT NULL
);

CREATE TABLE teams (
    id {{ID}},
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE people (
    id {{ID}},
    name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    team_id {{BIGINT}} REFERENCES teams (id) ON DELETE SET NULL,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX people_team ON people (team_id);

CREATE TABLE ties (
    person_id {{BIGINT}} PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    importance INTEGER NOT NULL CHECK (importance BETWEEN 1 AND 5),
    cadence_every INTEGER CHECK (cadence_every IS NULL OR cadence_every >= 1),
    cadence_unit TEXT CHECK (cadence_unit IS NULL OR cadence_unit IN ('day', 'week', 'month')),
    cadence_minutes INTEGER CHECK (cadence_minutes IS NULL OR cadence_minutes >= 0)
);

CREATE TABLE person_links (
    id {{ID}},
    from_person_id {{BIGINT}} NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    to_person_id {{BIGINT}} NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    UNIQUE (from_person_id, to_person_id, type)
);
CREATE INDEX person_links_to ON person_links (to_person_id);

CREATE TABLE interactions (
    id {{ID}},
    person_id {{BIGINT}} NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    at_utc {{BIGINT}} NOT NULL,
    minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    initiated_by TEXT NOT NULL CHECK (initiated_by IN ('me', 'them')),
    quality INTEGER CHECK (quality IS NULL OR quality BETWEEN 1 AND 5),
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX interactions_person_at ON interactions (person_id, at_utc);
