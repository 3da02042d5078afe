-- Single-use codes for answering a round in the browser (docs/pulse.md, "Answers from the browser"),
-- and answers kept in no order of arrival.
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

-- Each answer's row had a hidden rowid counting up as answers came, so that the order of arrival
-- could be read back even though each response has a random id. Kept by their key alone, the rows
-- say nothing of when they came. (PostgreSQL has no rowid; its pages are not read by Rapport.)
CREATE TABLE pulse_answers_keyed (
    response_id {{BIGINT}} NOT NULL REFERENCES pulse_responses (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    value INTEGER,
    comment TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (response_id, position)
){{WITHOUT_ROWID}};
INSERT INTO pulse_answers_keyed (response_id, position, value, comment)
    SELECT response_id, position, value, comment FROM pulse_answers ORDER BY response_id, position;
DROP TABLE pulse_answers;
ALTER TABLE pulse_answers_keyed RENAME TO pulse_answers;
