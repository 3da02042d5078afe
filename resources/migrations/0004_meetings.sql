-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 4: the calendar. One-on-one series are stored as their rule, never expanded; a
-- moved or skipped occurrence is a meeting row that names its series and the occurrence it replaces.
-- Busy time imported from other calendars has no person.
-- readable-by: 1
-- (Older code never reads these tables.)

CREATE TABLE meeting_series (
    id {{ID}},
    person_id {{BIGINT}} REFERENCES people (id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    first_local TEXT NOT NULL,           -- "2026-11-30T10:00" in the series' zone
    minutes INTEGER NOT NULL CHECK (minutes > 0),
    zone TEXT NOT NULL,                  -- IANA id
    rrule TEXT NOT NULL,                 -- RFC 5545
    uid TEXT NOT NULL UNIQUE
);
CREATE INDEX meeting_series_person ON meeting_series (person_id);

CREATE TABLE meetings (
    id {{ID}},
    person_id {{BIGINT}} REFERENCES people (id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    start_utc {{BIGINT}} NOT NULL,
    end_utc {{BIGINT}} NOT NULL CHECK (end_utc >= start_utc),
    zone TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'skipped', 'moved')),
    series_id {{BIGINT}} REFERENCES meeting_series (id) ON DELETE CASCADE,
    occurrence_local TEXT,               -- the replaced occurrence's local start
    uid TEXT NOT NULL,
    CHECK ((series_id IS NULL) = (occurrence_local IS NULL))
);
CREATE INDEX meetings_start ON meetings (start_utc);
CREATE INDEX meetings_person ON meetings (person_id, start_utc);
CREATE UNIQUE INDEX meetings_occurrence ON meetings (series_id, occurrence_local);
