-- The ledger as a province's IT team would keep it in PostgreSQL: one
-- append-only table of events, the envelope in typed columns, the type's own
-- fields in jsonb (tools/bench/POSTGRES.md says why). Run by
-- tools/bench/postgres_compare.sh on a throwaway cluster.
CREATE TABLE events (
  seq         bigint      NOT NULL,  -- global position, 1-based: the order of the JSONL lines
  recorded_at timestamptz NOT NULL,  -- transaction time: the loading transaction's
  effective   date        NOT NULL,  -- valid time
  id          text        NOT NULL,  -- the source's idempotency key
  type        text        NOT NULL,
  source      text,
  recorded_by text        NOT NULL,
  body        jsonb       NOT NULL   -- every other field of the line, as given (a correction's replacement too)
);

-- Nothing may change an event once written: no UPDATE, no DELETE.
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events is append-only';
END $$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();
