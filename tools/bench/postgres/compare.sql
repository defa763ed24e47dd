-- Checks that SQL's tallies equal tledger's: `tledger report --format json`
-- of the same ledger and date, stored in tledger_reports, cut to the keys
-- shared/spec/rules.md fixes ("JSON output") and compared as jsonb: every
-- key, every number, the order of every list.
\set ON_ERROR_STOP 1
CREATE TABLE IF NOT EXISTS tledger_reports (as_of date PRIMARY KEY, doc jsonb NOT NULL);

-- The spec's keys of a report, in any report JSON.
CREATE OR REPLACE FUNCTION spec_keys(r jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
    'as_of', r->'as_of', 'events_counted', r->'events_counted',
    'plans', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'plan', p->'plan', 'budget_vnd', p->'budget_vnd', 'public_funding_vnd', p->'public_funding_vnd',
                'remaining_vnd', p->'remaining_vnd',
                'cells', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                            'program', c->'program', 'funding_class', c->'funding_class', 'location', c->'location',
                            'quota', c->'quota', 'enrolled', c->'enrolled', 'completed', c->'completed',
                            'failed', c->'failed', 'in_progress', c->'in_progress', 'withdrawn', c->'withdrawn')
                          ORDER BY i), '[]') FROM jsonb_array_elements(p->'cells') WITH ORDINALITY AS y(c, i)))
              ORDER BY i), '[]') FROM jsonb_array_elements(r->'plans') WITH ORDINALITY AS x(p, i)),
    'by_level', (SELECT coalesce(jsonb_agg(jsonb_build_object('level', l->'level', 'trainee_turns', l->'trainee_turns',
                   'persons', l->'persons') ORDER BY i), '[]') FROM jsonb_array_elements(r->'by_level') WITH ORDINALITY AS x(l, i)),
    'by_field', (SELECT coalesce(jsonb_agg(jsonb_build_object('field', f->'field', 'trainee_turns', f->'trainee_turns',
                   'classes', f->'classes') ORDER BY i), '[]') FROM jsonb_array_elements(r->'by_field') WITH ORDINALITY AS x(f, i)),
    'by_form', (SELECT coalesce(jsonb_agg(jsonb_build_object('form', f->'form', 'trainee_turns', f->'trainee_turns',
                   'classes', f->'classes') ORDER BY i), '[]') FROM jsonb_array_elements(r->'by_form') WITH ORDINALITY AS x(f, i)),
    'reimbursement_due_vnd', r->'reimbursement_due_vnd')
$$;

-- Where two JSON values differ: (path, left, right), leaves only.
CREATE OR REPLACE FUNCTION json_diff(a jsonb, b jsonb, at text DEFAULT '') RETURNS TABLE (path text, sql jsonb, tledger jsonb)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE k text; i int;
BEGIN
  IF a IS NOT DISTINCT FROM b THEN RETURN; END IF;
  IF jsonb_typeof(a) = 'object' AND jsonb_typeof(b) = 'object' THEN
    FOR k IN SELECT jsonb_object_keys(a) UNION SELECT jsonb_object_keys(b) ORDER BY 1 LOOP
      RETURN QUERY SELECT * FROM json_diff(a->k, b->k, at || '.' || k);
    END LOOP;
  ELSIF jsonb_typeof(a) = 'array' AND jsonb_typeof(b) = 'array' THEN
    FOR i IN 0 .. greatest(jsonb_array_length(a), jsonb_array_length(b)) - 1 LOOP
      RETURN QUERY SELECT * FROM json_diff(a->i, b->i, at || '[' || i || ']');
    END LOOP;
  ELSE
    RETURN QUERY SELECT at, a, b;
  END IF;
END $$;
