-- Loads one JSONL file (psql variable :file) into events, the fast path:
-- client-side COPY into a temporary staging table, one INSERT ... SELECT in
-- file order, then the keys and indexes built once over the whole table.
-- One transaction, committed durably (fsync and synchronous_commit on).
\set ON_ERROR_STOP 1
BEGIN;
CREATE TEMP TABLE staging (n bigint GENERATED ALWAYS AS IDENTITY, doc jsonb NOT NULL) ON COMMIT DROP;
-- CSV with a quote and delimiter that cannot occur in JSON text: each line is
-- one value, backslashes untouched.
-- (\copy does not expand variables: the command is spelled in one first.)
\set copy '\\copy staging (doc) FROM ' :'file' ' WITH (FORMAT csv, QUOTE E''\\x01'', DELIMITER E''\\x02'')'
:copy
INSERT INTO events (seq, recorded_at, effective, id, type, source, recorded_by, body)
SELECT n, now(), (doc->>'effective')::date, doc->>'id', doc->>'type', doc->>'source',
       coalesce(doc->>'recorded_by', current_user),
       doc - '{type,id,effective,source,recorded_by}'::text[]
FROM staging ORDER BY n;
ALTER TABLE events ADD PRIMARY KEY (seq), ADD UNIQUE (id);
CREATE INDEX events_effective ON events (effective);
CREATE INDEX events_type ON events (type);
-- Subjects: what `history ID` looks up.
CREATE INDEX events_person ON events ((body->>'person')) WHERE body ? 'person';
CREATE INDEX events_enrollment ON events ((body->>'enrollment')) WHERE body ? 'enrollment';
CREATE INDEX events_course ON events ((body->>'course')) WHERE body ? 'course';
CREATE INDEX events_plan ON events ((body->>'plan')) WHERE body ? 'plan';
CREATE INDEX events_decision ON events ((body->>'decision')) WHERE body ? 'decision';
CREATE INDEX events_unit ON events ((body->>'unit')) WHERE body ? 'unit';
CREATE INDEX events_target ON events ((body->>'target')) WHERE type = 'correction';
COMMIT;
ANALYZE events;
