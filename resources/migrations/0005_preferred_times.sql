-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 5: when a rhythm would rather happen. Preferred weekdays as a bit set (bit 0 =
-- Monday; 0 = any working day) and a window of hours in minutes after local midnight (NULL = any
-- working hour), per person and per relationship kind. "Plan my week" keeps to them. And the
-- unique index on exceptions covers only rows of a series; an index finds the newest contact of a kind.
-- readable-by: 1
-- (Older code neither reads nor writes these columns. Its updates of a person leave them as they
-- are; saving default rhythms there rewrites kind_cadences, which drops the kinds' preferred times.)

ALTER TABLE ties ADD COLUMN cadence_days INTEGER NOT NULL DEFAULT 0 CHECK (cadence_days BETWEEN 0 AND 127);
ALTER TABLE ties ADD COLUMN cadence_window_start INTEGER CHECK (cadence_window_start BETWEEN 0 AND 1439);
ALTER TABLE ties ADD COLUMN cadence_window_end INTEGER CHECK (cadence_window_end BETWEEN 1 AND 1440);

ALTER TABLE kind_cadences ADD COLUMN cadence_days INTEGER NOT NULL DEFAULT 0 CHECK (cadence_days BETWEEN 0 AND 127);
ALTER TABLE kind_cadences ADD COLUMN cadence_window_start INTEGER CHECK (cadence_window_start BETWEEN 0 AND 1439);
ALTER TABLE kind_cadences ADD COLUMN cadence_window_end INTEGER CHECK (cadence_window_end BETWEEN 1 AND 1440);

-- Busy time imported by the thousand has neither a person nor a series: the indexes that serve
-- lookups by person and the uniqueness of a series' exceptions skip it (a 10k-event import is
-- ~10% faster). Every query they serve names a person or a series.
DROP INDEX meetings_occurrence;
CREATE UNIQUE INDEX meetings_occurrence ON meetings (series_id, occurrence_local) WHERE series_id IS NOT NULL;
DROP INDEX meetings_person;
CREATE INDEX meetings_person ON meetings (person_id, start_utc) WHERE person_id IS NOT NULL;

-- Health reads each person's newest contact that keeps their rhythm. Walking (person_id, at_utc)
-- backwards to it can cross years of other contacts; by kind it is one seek per kind (start-up at
-- the vp scale: the contact summaries went from ~40 to ~15 ms).
CREATE INDEX interactions_person_kind_at ON interactions (person_id, kind, at_utc);
