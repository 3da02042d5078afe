-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 2: what relationship health needs. The kind of time a rhythm asks for, paused
-- ties, per-kind default rhythms the user can change, and the weekly focus ritual.
-- readable-by: 1
-- (Schema 1 code reads and writes everything it knows; it leaves the new columns at their defaults.)

ALTER TABLE ties ADD COLUMN cadence_kind TEXT CHECK (cadence_kind IS NULL OR cadence_kind IN ('one-on-one', 'coffee', 'call', 'micro-moment'));
ALTER TABLE ties ADD COLUMN paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1));
UPDATE ties SET cadence_kind = CASE kind
        WHEN 'peer' THEN 'coffee'
        WHEN 'confidant' THEN 'coffee'
        WHEN 'stakeholder' THEN 'call'
        ELSE 'one-on-one' END
    WHERE cadence_every IS NOT NULL;

-- A row overrides the built-in default rhythm of a relationship kind; cadence_every NULL means
-- "no regular rhythm" for that kind.
CREATE TABLE kind_cadences (
    kind TEXT PRIMARY KEY,
    cadence_every INTEGER CHECK (cadence_every IS NULL OR cadence_every >= 1),
    cadence_unit TEXT CHECK (cadence_unit IS NULL OR cadence_unit IN ('day', 'week', 'month')),
    cadence_minutes INTEGER CHECK (cadence_minutes IS NULL OR cadence_minutes >= 0),
    cadence_kind TEXT CHECK (cadence_kind IS NULL OR cadence_kind IN ('one-on-one', 'coffee', 'call', 'micro-moment'))
);

-- One relationship to invest in per week (weeks start on Monday, in the user's zone).
CREATE TABLE focus_picks (
    id {{ID}},
    week_start TEXT NOT NULL UNIQUE,
    person_id {{BIGINT}} REFERENCES people (id) ON DELETE SET NULL,
    person_name TEXT NOT NULL,
    action TEXT NOT NULL DEFAULT '',
    action_day TEXT,
    reflection TEXT,
    committed_utc {{BIGINT}} NOT NULL
);

-- Health reads every person's contact summary at start-up in one grouped pass over interactions;
-- with the kind in the index that pass never touches the table.
CREATE INDEX interactions_person_at_kind ON interactions (person_id, at_utc, kind);
DROP INDEX interactions_person_at;
