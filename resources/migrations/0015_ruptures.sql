-- Ruptures and their repair (docs/repairs-and-teams.md): what happened, with whom, my part, and the
-- path noticed → owned → apologised → rebuilding → repaired (or closed for a reason), each step
-- dated, with a plan of concrete steps; and the targets to own and repair within.
-- readable-by: 15
-- (Schema 14's Rapport would delete a person without keeping their ruptures for the undo, and
-- leave them out of its JSON export.)

CREATE TABLE ruptures (
    id {{ID}},
    happened_utc {{BIGINT}} NOT NULL,
    kind TEXT NOT NULL DEFAULT 'other'
        CHECK (kind IN ('missed-commitment', 'spoke-harshly', 'left-out', 'dismissed', 'decided-without', 'took-credit',
                        'broke-confidence', 'other')),
    severity TEXT NOT NULL DEFAULT 'real' CHECK (severity IN ('minor', 'real', 'serious')),
    what TEXT NOT NULL,
    my_part TEXT NOT NULL DEFAULT '',
    their_experience TEXT NOT NULL DEFAULT '',
    private INTEGER NOT NULL DEFAULT 1 CHECK (private IN (0, 1))
);

-- Who it hurt: one or more people. Deleting a person takes them off; the rupture stays with the
-- others (or with no one, as history).
CREATE TABLE rupture_people (
    rupture_id {{BIGINT}} NOT NULL REFERENCES ruptures (id) ON DELETE CASCADE,
    person_id {{BIGINT}} NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (rupture_id, person_id)
);
CREATE INDEX rupture_people_person ON rupture_people (person_id);

CREATE TABLE rupture_steps (
    rupture_id {{BIGINT}} NOT NULL REFERENCES ruptures (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    stage TEXT NOT NULL CHECK (stage IN ('noticed', 'owned', 'apologised', 'rebuilding', 'repaired', 'closed')),
    at_utc {{BIGINT}} NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (rupture_id, position)
);

CREATE TABLE repair_plan_steps (
    rupture_id {{BIGINT}} NOT NULL REFERENCES ruptures (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    what TEXT NOT NULL,
    due TEXT,
    done TEXT,
    PRIMARY KEY (rupture_id, position)
);

-- One row: own within 48 hours and repair within 30 days until the user says otherwise.
CREATE TABLE repair_targets (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    own_within_hours INTEGER NOT NULL DEFAULT 48 CHECK (own_within_hours BETWEEN 1 AND 720),
    repair_within_days INTEGER NOT NULL DEFAULT 30 CHECK (repair_within_days BETWEEN 1 AND 365)
);
INSERT INTO repair_targets (id) VALUES (1);
