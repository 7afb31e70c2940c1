-- What national statistics know of an organisation (its kind and region), the programme
-- networks (organisations that run a programme owned by another and report to it) and
-- the statistics releases a programme owner publishes: frozen tables of counts, each
-- cell published or suppressed, so that a later correction is a new dated release and
-- its suppression can take the earlier one into account.
-- Kept in step with ../postgres/0013_programme_networks.sql.

ALTER TABLE organisations ADD COLUMN kind TEXT NOT NULL DEFAULT 'municipality'
    CHECK (kind IN ('municipality', 'hospital', 'regional_centre', 'national_centre', 'other'));
ALTER TABLE organisations ADD COLUMN region TEXT;

CREATE TABLE programme_network_members (
    programme_id INTEGER NOT NULL REFERENCES programmes(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    joined_at INTEGER NOT NULL,
    joined_by INTEGER REFERENCES users(id),
    PRIMARY KEY (programme_id, organisation_id)
);
CREATE INDEX programme_network_members_by_organisation ON programme_network_members (organisation_id);

CREATE TABLE statistics_releases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    programme_id INTEGER NOT NULL REFERENCES programmes(id),
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    published_at INTEGER NOT NULL,
    published_by INTEGER REFERENCES users(id),
    note TEXT NOT NULL DEFAULT '',
    tables TEXT NOT NULL,
    UNIQUE (programme_id, year, number)
);
