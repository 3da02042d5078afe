-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 8: what a manager keeps about each person (the person page, docs/people.md):
-- things to remember, the yearly dates that matter to them, the action items promised on either
-- side, and how often each kind of relationship expects appreciation.
-- readable-by: 8
-- (Schema 7's Rapport knows none of these tables: its JSON export would leave them out and undoing
-- a person's deletion would not bring them back, so it must not write to this database.)

-- Things to remember, by topic, each with the local day it was learnt.
CREATE TABLE person_details (
    id {{ID}},
    person_id {{BIGINT}} NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    topic TEXT NOT NULL CHECK (topic IN ('family', 'interests', 'preferences', 'work-style', 'goals', 'proud-of',
                                         'drains', 'never-forget')),
    text TEXT NOT NULL,
    learnt_on TEXT NOT NULL
);
CREATE INDEX person_details_person ON person_details (person_id);

-- Yearly dates: month and day, and the year it first happened when known (a birthday without a
-- year has none). 29 February is kept as it is and shown on 28 February in other years.
CREATE TABLE important_dates (
    id {{ID}},
    person_id {{BIGINT}} NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('birthday', 'work-anniversary', 'custom')),
    label TEXT NOT NULL DEFAULT '',
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
    year INTEGER CHECK (year IS NULL OR year BETWEEN 1900 AND 9999)
);
CREATE INDEX important_dates_person ON important_dates (person_id);

-- Promises made in a conversation, by me or by them; open while done_on is NULL. Days are local
-- 'YYYY-MM-DD'.
CREATE TABLE action_items (
    id {{ID}},
    person_id {{BIGINT}} NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    owner TEXT NOT NULL CHECK (owner IN ('me', 'them')),
    text TEXT NOT NULL,
    created_on TEXT NOT NULL,
    due_on TEXT,
    done_on TEXT
);
CREATE INDEX action_items_person ON action_items (person_id);

-- The user's own expectation of appreciation per kind of relationship, replacing the built-in one
-- (core::defaultAppreciationDays); NULL: none expected for that kind.
CREATE TABLE kind_appreciation (
    kind TEXT PRIMARY KEY,
    within_days INTEGER CHECK (within_days IS NULL OR within_days BETWEEN 1 AND 3650)
);
