-- Single-use codes for answering a round in the browser (docs/pulse.md, "Answers from the browser").
-- readable-by: 12
-- (Schema 12's Rapport knows no codes: it serves no page, and its export leaves them out as this
-- one does.)

-- An anonymous round's codes name no one and record no time: only whether each is spent, so that
-- nothing here says who answered, when, or which answers are whose. They are not in the JSON
-- format: a restored database takes no old code, and a manager makes new ones.
CREATE TABLE pulse_invites (
    round_id {{BIGINT}} NOT NULL REFERENCES pulse_rounds (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    spent INTEGER NOT NULL DEFAULT 0 CHECK (spent IN (0, 1)),
    PRIMARY KEY (round_id, code)
);
