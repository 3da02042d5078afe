-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 9: one-on-one notes and listening (docs/conversations.md): what was written about
-- each one-on-one, the agenda points either side raised, the question bank and the questions asked,
-- drafts of notes being typed, and one full-text index over everything a manager writes.
-- readable-by: 9
-- (Schema 8's Rapport knows none of these tables: its export would leave the notes out, undoing a
-- person's deletion would not bring them back, and its writes would leave the search index behind.)

-- What was written about one one-on-one: the calendar one-on-one it belongs to (its iCalendar UID
-- and, for an occurrence of a series, the occurrence's local start; '' for a single meeting), or
-- the contact logged for it, or both. Notes outlive a deleted contact: they stay with the person
-- and their time even when nothing else names them any more.
CREATE TABLE conversations (
    id {{ID}},
    person_id {{BIGINT}} NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    at_utc {{BIGINT}} NOT NULL,
    meeting_uid TEXT NOT NULL DEFAULT '',
    occurrence_local TEXT NOT NULL DEFAULT '',
    interaction_id {{BIGINT}} REFERENCES interactions (id) ON DELETE SET NULL,
    notes TEXT NOT NULL DEFAULT '',
    private_notes TEXT NOT NULL DEFAULT '',
    emotions TEXT NOT NULL DEFAULT '',        -- core::joinEmotions: "calm,worried"
    emotion_words TEXT NOT NULL DEFAULT '',
    understood TEXT CHECK (understood IS NULL OR understood IN ('yes', 'partly', 'no'))
);
CREATE INDEX conversations_person ON conversations (person_id, at_utc);
CREATE UNIQUE INDEX conversations_meeting ON conversations (meeting_uid, occurrence_local) WHERE meeting_uid <> '';
CREATE UNIQUE INDEX conversations_interaction ON conversations (interaction_id) WHERE interaction_id IS NOT NULL;

-- Talking points from me or from them; open until discussed (discussed_in set), and an open point
-- shows on every later one-on-one with the person.
CREATE TABLE agenda_points (
    id {{ID}},
    person_id {{BIGINT}} NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    raised_by TEXT NOT NULL CHECK (raised_by IN ('me', 'them')),
    text TEXT NOT NULL,
    created_on TEXT NOT NULL,
    raised_for {{BIGINT}} REFERENCES conversations (id) ON DELETE SET NULL,
    discussed_in {{BIGINT}} REFERENCES conversations (id) ON DELETE SET NULL
);
CREATE INDEX agenda_points_person ON agenda_points (person_id);

-- An action item may be promised in a one-on-one.
ALTER TABLE action_items ADD COLUMN conversation_id {{BIGINT}} REFERENCES conversations (id) ON DELETE SET NULL;

-- The question bank (filled with the built-in questions when this migration runs: see
-- core::builtInQuestions and storage's migrator) and the questions asked in each one-on-one.
CREATE TABLE questions (
    id {{ID}},
    theme TEXT NOT NULL CHECK (theme IN ('connection', 'wellbeing', 'growth', 'feedback', 'career', 'stay',
                                         'after-rupture')),
    text TEXT NOT NULL
);

CREATE TABLE asked_questions (
    id {{ID}},
    conversation_id {{BIGINT}} NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    question_id {{BIGINT}} REFERENCES questions (id) ON DELETE SET NULL,
    text TEXT NOT NULL
);
CREATE INDEX asked_questions_conversation ON asked_questions (conversation_id);
CREATE INDEX asked_questions_question ON asked_questions (question_id);

-- Text being typed and not yet saved, one row per field being edited ("conversation:12:notes"),
-- written every second or two while typing. Not data: never exported, searched or undone.
CREATE TABLE drafts (
    draft_key TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    saved_at_utc {{BIGINT}} NOT NULL
);

-- One full-text index over what a manager writes. A row's rowid is its source row's id * 8 plus
-- the kind of source, so the triggers below find it without a scan:
--   0 a person's name   1 a contact's note   2 a thing to remember   3 a one-on-one's notes
--   4 its private notes  5 an agenda point    6 an action item        7 a person's own notes
-- search_sources lists what the index holds; restores and this migration fill it from there.
CREATE VIRTUAL TABLE search_index USING fts5(text, person_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');

CREATE VIEW search_sources (source_key, text, person_id) AS
          SELECT id * 8 + 0, name, id FROM people
UNION ALL SELECT id * 8 + 7, notes, id FROM people WHERE notes <> ''
UNION ALL SELECT id * 8 + 1, notes, person_id FROM interactions WHERE notes <> ''
UNION ALL SELECT id * 8 + 2, text, person_id FROM person_details
UNION ALL SELECT id * 8 + 3, notes, person_id FROM conversations WHERE notes <> ''
UNION ALL SELECT id * 8 + 4, private_notes, person_id FROM conversations WHERE private_notes <> ''
UNION ALL SELECT id * 8 + 5, text, person_id FROM agenda_points
UNION ALL SELECT id * 8 + 6, text, person_id FROM action_items;

INSERT INTO search_index (rowid, text, person_id) SELECT source_key, text, person_id FROM search_sources;

CREATE TRIGGER people_search_insert AFTER INSERT ON people
BEGIN
    INSERT INTO search_index (rowid, text, person_id) VALUES (NEW.id * 8 + 0, NEW.name, NEW.id);
    INSERT INTO search_index (rowid, text, person_id) SELECT NEW.id * 8 + 7, NEW.notes, NEW.id WHERE NEW.notes <> '';
END;
CREATE TRIGGER people_search_update AFTER UPDATE OF name, notes ON people
BEGIN
    DELETE FROM search_index WHERE rowid IN (OLD.id * 8 + 0, OLD.id * 8 + 7);
    INSERT INTO search_index (rowid, text, person_id) VALUES (NEW.id * 8 + 0, NEW.name, NEW.id);
    INSERT INTO search_index (rowid, text, person_id) SELECT NEW.id * 8 + 7, NEW.notes, NEW.id WHERE NEW.notes <> '';
END;
CREATE TRIGGER people_search_delete AFTER DELETE ON people
BEGIN
    DELETE FROM search_index WHERE rowid IN (OLD.id * 8 + 0, OLD.id * 8 + 7);
END;

CREATE TRIGGER interactions_search_insert AFTER INSERT ON interactions WHEN NEW.notes <> ''
BEGIN
    INSERT INTO search_index (rowid, text, person_id) VALUES (NEW.id * 8 + 1, NEW.notes, NEW.person_id);
END;
CREATE TRIGGER interactions_search_update AFTER UPDATE OF notes, person_id ON interactions
BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
    INSERT INTO search_index (rowid, text, person_id) SELECT NEW.id * 8 + 1, NEW.notes, NEW.person_id WHERE NEW.notes <> '';
END;
CREATE TRIGGER interactions_search_delete AFTER DELETE ON interactions WHEN OLD.notes <> ''
BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
END;

CREATE TRIGGER person_details_search_insert AFTER INSERT ON person_details
BEGIN
    INSERT INTO search_index (rowid, text, person_id) VALUES (NEW.id * 8 + 2, NEW.text, NEW.person_id);
END;
CREATE TRIGGER person_details_search_update AFTER UPDATE OF text, person_id ON person_details
BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
    INSERT INTO search_index (rowid, text, person_id) VALUES (NEW.id * 8 + 2, NEW.text, NEW.person_id);
END;
CREATE TRIGGER person_details_search_delete AFTER DELETE ON person_details
BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
END;

CREATE TRIGGER conversations_search_insert AFTER INSERT ON conversations
BEGIN
    INSERT INTO search_index (rowid, text, person_id) SELECT NEW.id * 8 + 3, NEW.notes, NEW.person_id WHERE NEW.notes <> '';
    INSERT INTO search_index (rowid, text, person_id)
        SELECT NEW.id * 8 + 4, NEW.private_notes, NEW.person_id WHERE NEW.private_notes <> '';
END;
CREATE TRIGGER conversations_search_update AFTER UPDATE OF notes, private_notes, person_id ON conversations
BEGIN
    DELETE FROM search_index WHERE rowid IN (OLD.id * 8 + 3, OLD.id * 8 + 4);
    INSERT INTO search_index (rowid, text, person_id) SELECT NEW.id * 8 + 3, NEW.notes, NEW.person_id WHERE NEW.notes <> '';
    INSERT INTO search_index (rowid, text, person_id)
        SELECT NEW.id * 8 + 4, NEW.private_notes, NEW.person_id WHERE NEW.private_notes <> '';
END;
CREATE TRIGGER conversations_search_delete AFTER DELETE ON conversations
BEGIN
    DELETE FROM search_index WHERE rowid IN (OLD.id * 8 + 3, OLD.id * 8 + 4);
END;

CREATE TRIGGER agenda_points_search_insert AFTER INSERT ON agenda_points
BEGIN
    INSERT INTO search_index (rowid, text, person_id) VALUES (NEW.id * 8 + 5, NEW.text, NEW.person_id);
END;
CREATE TRIGGER agenda_points_search_update AFTER UPDATE OF text, person_id ON agenda_points
BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5;
    INSERT INTO search_index (rowid, text, person_id) VALUES (NEW.id * 8 + 5, NEW.text, NEW.person_id);
END;
CREATE TRIGGER agenda_points_search_delete AFTER DELETE ON agenda_points
BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5;
END;

CREATE TRIGGER action_items_search_insert AFTER INSERT ON action_items
BEGIN
    INSERT INTO search_index (rowid, text, person_id) VALUES (NEW.id * 8 + 6, NEW.text, NEW.person_id);
END;
CREATE TRIGGER action_items_search_update AFTER UPDATE OF text, person_id ON action_items
BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 6;
    INSERT INTO search_index (rowid, text, person_id) VALUES (NEW.id * 8 + 6, NEW.text, NEW.person_id);
END;
CREATE TRIGGER action_items_search_delete AFTER DELETE ON action_items
BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 6;
END;
