-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 12: acting on what a manager hears (docs/pulse.md): action plans after a pulse
-- round, and stay interviews — one-on-one notes of their own kind, each question's answer kept.
-- readable-by: 12
-- (Schema 11's Rapport knows no action plans, so its export would leave them out; and its notes
-- window rewrites a conversation's questions without their answers.)

-- What I will change after a round: about one of its questions (a position in its template) or
-- the whole round (NULL), for one of its groups or everyone it asked (NULL). owner '' is me.
CREATE TABLE pulse_actions (
    id {{ID}},
    round_id {{BIGINT}} NOT NULL REFERENCES pulse_rounds (id) ON DELETE CASCADE,
    question_position INTEGER CHECK (question_position IS NULL OR question_position >= 0),
    group_position INTEGER CHECK (group_position IS NULL OR group_position >= 0),
    what TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    due_on TEXT,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'doing', 'done')),
    done_on TEXT
);
CREATE INDEX pulse_actions_round ON pulse_actions (round_id);

-- Every earlier conversation was a one-on-one's notes.
ALTER TABLE conversations ADD COLUMN purpose TEXT NOT NULL DEFAULT 'one-on-one'
    CHECK (purpose IN ('one-on-one', 'stay-interview'));
CREATE INDEX conversations_purpose ON conversations (purpose, person_id);

-- What they answered to a question asked, in their words ('' when not written down).
ALTER TABLE asked_questions ADD COLUMN answer TEXT NOT NULL DEFAULT '';
