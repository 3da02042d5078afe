-- A named round's codes (docs/pulse.md, "Answers from the browser"): each belongs to the person it
-- was made for, so that their answer is theirs. An anonymous round's codes keep no person.
-- readable-by: 13
-- (Schema 13's Rapport serves only anonymous rounds and never reads this column; deleting a person
-- there still removes their codes, by the foreign key.)
ALTER TABLE pulse_invites ADD COLUMN person_id {{BIGINT}} REFERENCES people (id) ON DELETE CASCADE;
-- One code per person and round: a second would be a second answer.
CREATE UNIQUE INDEX pulse_invites_person ON pulse_invites (round_id, person_id) WHERE person_id IS NOT NULL;
