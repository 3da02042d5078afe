-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 6: each person's contact history in brief, kept by triggers on interactions, so
-- that opening the app reads one row per person instead of seeking through every person's
-- interactions (see docs/performance.md). The triggers keep it whoever writes, older Rapports too.
-- readable-by: 1
-- (Older code never reads this table; its writes of interactions keep it through the triggers.)
--
-- The kinds that keep a rhythm repeat core::keepsCadence (core/health.cpp): a one-on-one rhythm is
-- kept by one-on-ones and meetings, a coffee or call rhythm also by calls, repairs, stay interviews
-- and celebrations. tests/storage/contactsummary_test.cpp fails when the two disagree; a change to
-- the rule needs a migration that recreates these triggers and refreshes every row.

CREATE TABLE contact_summaries (
    person_id INTEGER PRIMARY KEY,       -- no foreign key: a deleted person's row goes by trigger
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    last_meeting_at INTEGER,             -- the newest contact keeping a one-on-one rhythm
    last_conversation_at INTEGER,        -- the newest keeping a coffee or call rhythm
    recent TEXT NOT NULL DEFAULT ''      -- the newest six, newest first: quality (1-5, '-' unrated), then 'm' or 't'
);

-- Recomputes one person's row from their interactions (index seeks only): an insert into this view
-- is how the triggers below call it.
CREATE VIEW contact_summary_refresh AS SELECT person_id FROM contact_summaries;

CREATE TRIGGER contact_summary_refresh_person INSTEAD OF INSERT ON contact_summary_refresh
BEGIN
    DELETE FROM contact_summaries WHERE person_id = NEW.person_id;
    INSERT INTO contact_summaries (person_id, first_at, last_at, last_meeting_at, last_conversation_at)
    SELECT NEW.person_id, first_at, last_at,
           (SELECT MAX(at_utc) FROM interactions WHERE person_id = NEW.person_id AND kind IN ('one-on-one', 'meeting')),
           (SELECT MAX(at_utc) FROM interactions WHERE person_id = NEW.person_id
                AND kind IN ('one-on-one', 'meeting', 'call', 'repair', 'stay-interview', 'celebration'))
    FROM (SELECT (SELECT MIN(at_utc) FROM interactions WHERE person_id = NEW.person_id) AS first_at,
                 (SELECT MAX(at_utc) FROM interactions WHERE person_id = NEW.person_id) AS last_at)
    WHERE last_at IS NOT NULL AND EXISTS (SELECT 1 FROM people WHERE id = NEW.person_id);
    UPDATE contact_summaries SET recent =
           COALESCE((SELECT COALESCE(quality, '-') || substr(initiated_by, 1, 1) FROM interactions WHERE person_id = NEW.person_id ORDER BY at_utc DESC, id DESC LIMIT 1 OFFSET 0), '')
        || COALESCE((SELECT COALESCE(quality, '-') || substr(initiated_by, 1, 1) FROM interactions WHERE person_id = NEW.person_id ORDER BY at_utc DESC, id DESC LIMIT 1 OFFSET 1), '')
        || COALESCE((SELECT COALESCE(quality, '-') || substr(initiated_by, 1, 1) FROM interactions WHERE person_id = NEW.person_id ORDER BY at_utc DESC, id DESC LIMIT 1 OFFSET 2), '')
        || COALESCE((SELECT COALESCE(quality, '-') || substr(initiated_by, 1, 1) FROM interactions WHERE person_id = NEW.person_id ORDER BY at_utc DESC, id DESC LIMIT 1 OFFSET 3), '')
        || COALESCE((SELECT COALESCE(quality, '-') || substr(initiated_by, 1, 1) FROM interactions WHERE person_id = NEW.person_id ORDER BY at_utc DESC, id DESC LIMIT 1 OFFSET 4), '')
        || COALESCE((SELECT COALESCE(quality, '-') || substr(initiated_by, 1, 1) FROM interactions WHERE person_id = NEW.person_id ORDER BY at_utc DESC, id DESC LIMIT 1 OFFSET 5), '')
    WHERE person_id = NEW.person_id;
END;

-- A contact newer than all before it (how contacts are logged, imported and restored) updates the
-- row in place; any other is recomputed.
CREATE TRIGGER interactions_summary_insert AFTER INSERT ON interactions
BEGIN
    INSERT INTO contact_summary_refresh (person_id)
    SELECT NEW.person_id WHERE EXISTS (SELECT 1 FROM contact_summaries WHERE person_id = NEW.person_id AND last_at >= NEW.at_utc);
    INSERT INTO contact_summaries (person_id, first_at, last_at, last_meeting_at, last_conversation_at, recent)
    VALUES (NEW.person_id, NEW.at_utc, NEW.at_utc,
            CASE WHEN NEW.kind IN ('one-on-one', 'meeting') THEN NEW.at_utc END,
            CASE WHEN NEW.kind IN ('one-on-one', 'meeting', 'call', 'repair', 'stay-interview', 'celebration') THEN NEW.at_utc END,
            COALESCE(NEW.quality, '-') || substr(NEW.initiated_by, 1, 1))
    ON CONFLICT (person_id) DO UPDATE SET
        last_at = excluded.last_at,
        last_meeting_at = COALESCE(excluded.last_meeting_at, last_meeting_at),
        last_conversation_at = COALESCE(excluded.last_conversation_at, last_conversation_at),
        recent = substr(excluded.recent || recent, 1, 12)
    WHERE excluded.last_at > last_at;
END;

CREATE TRIGGER interactions_summary_delete AFTER DELETE ON interactions
BEGIN
    INSERT INTO contact_summary_refresh (person_id) VALUES (OLD.person_id);
END;

CREATE TRIGGER interactions_summary_update AFTER UPDATE ON interactions
BEGIN
    INSERT INTO contact_summary_refresh (person_id) VALUES (OLD.person_id);
    INSERT INTO contact_summary_refresh (person_id) SELECT NEW.person_id WHERE NEW.person_id <> OLD.person_id;
END;

CREATE TRIGGER people_summary_delete AFTER DELETE ON people
BEGIN
    DELETE FROM contact_summaries WHERE person_id = OLD.id;
END;

INSERT INTO contact_summary_refresh (person_id) SELECT id FROM people;
