-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 7: who started a contact can be "unknown", and each person has the day they were
-- added.
-- readable-by: 7
-- (Schema 6's Rapport would log every contact as started by me again, and judge a person added
-- today as neglected: it must not write to this database.)
--
-- Until schema 7 Rapport never asked who reached out and recorded "me" for every contact it logged,
-- so a "me" says nothing: it becomes "unknown". "them" was only ever recorded on purpose (imports,
-- sample data) and stays. SQLite cannot change a CHECK constraint in place, so the interactions
-- table is rebuilt; nothing refers to its rows, so dropping it deletes nothing else. Its indexes and
-- the contact-summary triggers of migration 0006 go with it and are made again, unchanged apart
-- from the view's trigger, which is dropped first so that no trigger names a missing table midway.

DROP TRIGGER contact_summary_refresh_person;

CREATE TABLE interactions_v7 (
    id {{ID}},
    person_id {{BIGINT}} NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    at_utc {{BIGINT}} NOT NULL,
    minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    initiated_by TEXT NOT NULL DEFAULT 'unknown' CHECK (initiated_by IN ('me', 'them', 'unknown')),
    quality INTEGER CHECK (quality IS NULL OR quality BETWEEN 1 AND 5),
    notes TEXT NOT NULL DEFAULT ''
);

INSERT INTO interactions_v7 (id, person_id, kind, at_utc, minutes, initiated_by, quality, notes)
SELECT id, person_id, kind, at_utc, minutes, CASE initiated_by WHEN 'them' THEN 'them' ELSE 'unknown' END, quality, notes
FROM interactions;

DROP TABLE interactions;
ALTER TABLE interactions_v7 RENAME TO interactions;
CREATE INDEX interactions_person_at_kind ON interactions (person_id, at_utc, kind);
CREATE INDEX interactions_person_kind_at ON interactions (person_id, kind, at_utc);

-- Migration 0006's triggers, as they were.
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

-- The day each person was added: written by Rapport from now on; for the people already here, the
-- local day of their first contact, or today for someone never contacted (the migration runs in the
-- user's zone, which SQLite's 'localtime' reads).
ALTER TABLE people ADD COLUMN added_on TEXT NOT NULL DEFAULT '';
UPDATE people SET added_on = COALESCE(
    (SELECT date(MIN(at_utc), 'unixepoch', 'localtime') FROM interactions WHERE person_id = people.id),
    date('now', 'localtime'));

-- Every summary's "who began it" letters change with the rows above.
INSERT INTO contact_summary_refresh (person_id) SELECT id FROM people;
