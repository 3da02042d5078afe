-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rapport schema 3: the relationship map. Where the user pinned people by dragging them; everyone
-- else is placed by the layout.
-- readable-by: 1
-- (Older code never reads this table; people deleted by it still take their pins along.)

CREATE TABLE map_pins (
    person_id {{BIGINT}} PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    x REAL NOT NULL,
    y REAL NOT NULL
);
