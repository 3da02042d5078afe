-- Modelling relationship building in the team's norms (docs/repairs-and-teams.md): contacts
-- between two people (not with me), recognition given by me or peer to peer, the team's wins and
-- how they were celebrated, its norms and their quarterly reviews.
-- readable-by: 16
-- (Schema 15's Rapport would delete a person without keeping their peer contacts and recognition
-- for the undo, and leave all of these out of its JSON export.)

-- A contact between two people; a pairing made from the team page's suggestions is one.
CREATE TABLE peer_contacts (
    id {{ID}},
    person_a {{BIGINT}} NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    person_b {{BIGINT}} NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    at_utc {{BIGINT}} NOT NULL,
    pairing INTEGER NOT NULL DEFAULT 0 CHECK (pairing IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    CHECK (person_a <> person_b)
);
CREATE INDEX peer_contacts_a ON peer_contacts (person_a);
CREATE INDEX peer_contacts_b ON peer_contacts (person_b);

-- Recognition: from_person NULL is me, and then the appreciation contact logged with it is
-- interaction_id (deleting that contact leaves the recognition).
CREATE TABLE recognitions (
    id {{ID}},
    from_person {{BIGINT}} REFERENCES people (id) ON DELETE CASCADE,
    to_person {{BIGINT}} NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    what TEXT NOT NULL,
    value TEXT NOT NULL DEFAULT '',
    interaction_id {{BIGINT}} REFERENCES interactions (id) ON DELETE SET NULL,
    CHECK (from_person IS NULL OR from_person <> to_person)
);
CREATE INDEX recognitions_to ON recognitions (to_person);
CREATE INDEX recognitions_from ON recognitions (from_person);

CREATE TABLE wins (
    id {{ID}},
    team_id {{BIGINT}} NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    what TEXT NOT NULL,
    celebrated TEXT,
    how TEXT NOT NULL DEFAULT ''
);
CREATE INDEX wins_team ON wins (team_id);

-- A team's norms, in order; a team without any shows the default ones until they are edited.
CREATE TABLE team_norms (
    id {{ID}},
    team_id {{BIGINT}} NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX team_norms_team ON team_norms (team_id);

CREATE TABLE norm_reviews (
    id {{ID}},
    team_id {{BIGINT}} NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX norm_reviews_team ON norm_reviews (team_id);
