-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 11: pulse rounds (docs/pulse.md): the templates they ask (the default "Seen, heard,
-- trusted" is filled in from core::seenHeardTrusted when this migration runs), the rounds, the
-- groups each asks, the answers, and the named check-ins a manager asks in a one-on-one.
-- readable-by: 11
-- (Schema 10's Rapport knows none of these tables: its export would leave the rounds out, and
-- undoing a person's deletion would not bring back their check-ins.)

-- A template a round has used is frozen: editing it writes the next version.
CREATE TABLE pulse_templates (
    id {{ID}},
    name TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    UNIQUE (name, version)
);

CREATE TABLE pulse_questions (
    template_id {{BIGINT}} NOT NULL REFERENCES pulse_templates (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    scale TEXT NOT NULL CHECK (scale IN ('agreement', '0-10', 'yes-no', 'text')),
    asks_comment INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (template_id, position)
);

CREATE TABLE pulse_rounds (
    id {{ID}},
    template_id {{BIGINT}} NOT NULL REFERENCES pulse_templates (id),
    title TEXT NOT NULL DEFAULT '',
    anonymity TEXT NOT NULL CHECK (anonymity IN ('anonymous', 'named')),
    threshold INTEGER NOT NULL DEFAULT 5 CHECK (threshold >= 3),
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    closed_on TEXT
);

-- Who a round asks, in groups that share no one (its teams, or one hand-picked group), with how
-- many each held when the round opened. A deleted team leaves its name.
CREATE TABLE pulse_groups (
    round_id {{BIGINT}} NOT NULL REFERENCES pulse_rounds (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    team_id {{BIGINT}} REFERENCES teams (id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    invited INTEGER NOT NULL DEFAULT 0 CHECK (invited >= 0),
    PRIMARY KEY (round_id, position)
);

-- One person's answers. An anonymous response names no one, keeps at most the day it came and has
-- a random id, so that neither its id nor its place says when it came or whose it is. source_key
-- is what identifies it in the file it was imported from (a form's response id), so that the same
-- answers are not read twice.
CREATE TABLE pulse_responses (
    id {{ID}},
    round_id {{BIGINT}} NOT NULL REFERENCES pulse_rounds (id) ON DELETE CASCADE,
    group_position INTEGER NOT NULL,
    person_id {{BIGINT}} REFERENCES people (id) ON DELETE CASCADE,
    answered_on TEXT,
    comment TEXT NOT NULL DEFAULT '',
    source_key TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pulse_responses_round ON pulse_responses (round_id);
CREATE UNIQUE INDEX pulse_responses_source ON pulse_responses (round_id, source_key) WHERE source_key <> '';

CREATE TABLE pulse_answers (
    response_id {{BIGINT}} NOT NULL REFERENCES pulse_responses (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    value INTEGER,
    comment TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (response_id, position)
);

-- "Do you feel seen, heard, trusted?" asked by name in a one-on-one: 1 to 5 each, or not said.
CREATE TABLE check_ins (
    id {{ID}},
    person_id {{BIGINT}} NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    at_utc {{BIGINT}} NOT NULL,
    seen INTEGER CHECK (seen BETWEEN 1 AND 5),
    heard INTEGER CHECK (heard BETWEEN 1 AND 5),
    trusted INTEGER CHECK (trusted BETWEEN 1 AND 5),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX check_ins_person ON check_ins (person_id, at_utc);
