-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 10: each person's contact summary also keeps their newest appreciation, so that
-- opening the app reads it with the rest of the row instead of seeking through every person's
-- interactions once more (at 2,000 people that seek was half of reading the people list; see
-- docs/performance.md).
-- readable-by: 9
-- (Schema 9's Rapport never reads the new column; its writes of interactions keep it through the
-- triggers below.)
--
-- The kind that counts as appreciation repeats core::countsAsAppreciation (core/health.cpp), as the
-- rhythm kinds repeat core::keepsCadence; tests/storage/contactsummary_test.cpp fails when they
-- disagree. A change to either rule needs a migration that recreates these triggers and refreshes
-- every row.

ALTER TABLE contact_summaries ADD COLUMN last_appreciation_at INTEGER;

DROP TRIGGER contact_summary_refresh_person;
DROP TRIGGER interactions_summary_insert;

CREATE TRIGGER contact_summary_refresh_person INSTEAD OF INSERT ON contact_summary_refresh
BEGIN
    DELETE FROM contact_summaries WHERE person_id = NEW.person_id;
    INSERT INTO contact_summaries (person_id, first_at, last_at, last_meeting_at, last_conversation_at, last_appreciation_at)
    SELECT NEW.person_id, first_at, last_at,
           (SELECT MAX(at_utc) FROM interactions WHERE person_id = NEW.person_id AND kind IN ('one-on-one', 'meeting')),
           (SELECT MAX(at_utc) FROM interactions WHERE person_id = NEW.person_id
                AND kind IN ('one-on-one', 'meeting', 'call', 'repair', 'stay-interview', 'celebration')),
           (SELECT MAX(at_utc) FROM interactions WHERE person_id = NEW.person_id AND kind = 'appreciation')
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

-- A contact newer than the row's newest updates the row in place; any other goes through the
-- refresh above (its first statement).
CREATE TRIGGER interactions_summary_insert AFTER INSERT ON interactions
BEGIN
    INSERT INTO contact_summary_refresh (person_id)
    SELECT NEW.person_id WHERE EXISTS (SELECT 1 FROM contact_summaries WHERE person_id = NEW.person_id AND last_at >= NEW.at_utc);
    INSERT INTO contact_summaries (person_id, first_at, last_at, last_meeting_at, last_conversation_at, last_appreciation_at, recent)
    VALUES (NEW.person_id, NEW.at_utc, NEW.at_utc,
            CASE WHEN NEW.kind IN ('one-on-one', 'meeting') THEN NEW.at_utc END,
            CASE WHEN NEW.kind IN ('one-on-one', 'meeting', 'call', 'repair', 'stay-interview', 'celebration') THEN NEW.at_utc END,
            CASE WHEN NEW.kind = 'appreciation' THEN NEW.at_utc END,
            COALESCE(NEW.quality, '-') || substr(NEW.initiated_by, 1, 1))
    ON CONFLICT (person_id) DO UPDATE SET
        last_at = excluded.last_at,
        last_meeting_at = COALESCE(excluded.last_meeting_at, last_meeting_at),
        last_conversation_at = COALESCE(excluded.last_conversation_at, last_conversation_at),
        last_appreciation_at = COALESCE(excluded.last_appreciation_at, last_appreciation_at),
        recent = substr(excluded.recent || recent, 1, 12)
    WHERE excluded.last_at > last_at;
END;

INSERT INTO contact_summary_refresh (person_id) SELECT id FROM people;
