-- Corrections applied once, for the ledger as known now (shared/spec/rules.md,
-- "Corrections"): what the as-of queries read. Derived from events, rebuilt
-- after each load (UNLOGGED: it is a cache; events is the record).
--
-- A correction never changes its target. `retract` removes the target,
-- `replace` puts the replacement in its place (the replacement's effective
-- date, the target's seq and id). A correction of a correction applies to
-- the correction, so corrections are walked from the last to the first: when
-- one is reached, every correction aimed at it has been settled, and the
-- latest live one aimed at it (by seq) decides what it finally is. A
-- correction applies only to an earlier event.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
DROP TABLE IF EXISTS aimed, live_corrections, facts, cessations, f_unit_reg, f_person_reg, f_transfer,
  f_leaving, f_plan_issued, f_plan_amended, f_course, f_enrollment, f_withdrawal, f_completion, f_decision,
  f_revocation, f_exemption, f_reimbursement CASCADE;

CREATE UNLOGGED TABLE aimed (target text PRIMARY KEY, version jsonb NOT NULL);  -- the decisive correction's final version
CREATE UNLOGGED TABLE live_corrections (seq bigint PRIMARY KEY, effective date NOT NULL);

DO $$
DECLARE
  c record;
  decisive jsonb;
  version jsonb;
  target_seq bigint;
BEGIN
  FOR c IN SELECT seq, id, effective, body FROM events WHERE type = 'correction' ORDER BY seq DESC LOOP
    SELECT a.version INTO decisive FROM aimed a WHERE a.target = c.id;
    IF decisive IS NULL THEN
      version := c.body || jsonb_build_object('effective', c.effective);
    ELSIF decisive->>'action' = 'retract' THEN
      CONTINUE;  -- retracted: as if never recorded
    ELSE
      version := decisive->'replacement';  -- a correction (import refuses a replacement of another type)
    END IF;
    INSERT INTO live_corrections VALUES (c.seq, (version->>'effective')::date);
    SELECT e.seq INTO target_seq FROM events e WHERE e.id = version->>'target';
    IF target_seq IS NULL OR target_seq >= c.seq THEN
      CONTINUE;
    END IF;
    -- Walking backwards, the first correction found for a target is its latest.
    INSERT INTO aimed VALUES (version->>'target', version) ON CONFLICT (target) DO NOTHING;
  END LOOP;
END $$;

-- Every live fact: events that are not corrections, as their corrections
-- leave them.
CREATE UNLOGGED TABLE facts AS
SELECT e.seq, e.id,
       CASE WHEN a.version IS NULL THEN e.type ELSE a.version->'replacement'->>'type' END AS type,
       CASE WHEN a.version IS NULL THEN e.effective ELSE (a.version->'replacement'->>'effective')::date END AS effective,
       CASE WHEN a.version IS NULL THEN e.body ELSE (a.version->'replacement') - '{type,effective}'::text[] END AS body
FROM events e LEFT JOIN aimed a ON a.target = e.id
WHERE e.type <> 'correction' AND (a.version IS NULL OR a.version->>'action' = 'replace');
CREATE INDEX facts_effective ON facts (effective);

-- Typed projections of the facts the tallies read, one table per type.
CREATE UNLOGGED TABLE f_unit_reg AS
SELECT body->>'unit' AS unit, seq, effective, body->>'level' AS level
FROM facts WHERE type = 'unit_registered';
CREATE UNLOGGED TABLE f_person_reg AS
SELECT body->>'person' AS person, seq, effective, body->>'unit' AS unit, body->>'category' AS category
FROM facts WHERE type = 'person_registered';
CREATE UNLOGGED TABLE f_transfer AS
SELECT body->>'person' AS person, seq, effective, body->>'unit' AS unit
FROM facts WHERE type = 'person_transferred';
CREATE UNLOGGED TABLE f_leaving AS
SELECT body->>'person' AS person, seq, effective FROM facts WHERE type = 'person_left_service';
CREATE UNLOGGED TABLE f_plan_issued AS
SELECT body->>'plan' AS plan, seq, effective, (body->>'budget_vnd')::bigint AS budget_vnd, body->'quotas' AS quotas
FROM facts WHERE type = 'plan_issued';
CREATE UNLOGGED TABLE f_plan_amended AS
SELECT body->>'plan' AS plan, seq, effective, (body->>'budget_vnd')::bigint AS budget_vnd, body->'quotas' AS quotas
FROM facts WHERE type = 'plan_amended';
CREATE UNLOGGED TABLE f_course AS
SELECT body->>'course' AS course, seq, effective, body->>'plan' AS plan, body->>'field' AS field,
       body->>'form' AS form, body->>'program' AS program, body->>'location' AS location,
       (body->>'start')::date AS start_date, (body->>'end')::date AS end_date
FROM facts WHERE type = 'course_opened';
CREATE UNLOGGED TABLE f_enrollment AS
SELECT body->>'enrollment' AS enrollment, seq, effective, body->>'person' AS person, body->>'course' AS course,
       body->>'funding' AS funding
FROM facts WHERE type = 'enrollment_recorded';
CREATE UNLOGGED TABLE f_withdrawal AS
SELECT body->>'enrollment' AS enrollment, seq, effective FROM facts WHERE type = 'enrollment_withdrawn';
CREATE UNLOGGED TABLE f_completion AS
SELECT body->>'enrollment' AS enrollment, seq, effective, body->>'result' = 'passed' AS passed
FROM facts WHERE type = 'completion_recorded';
CREATE UNLOGGED TABLE f_decision AS
SELECT body->>'decision' AS decision, seq, effective, body->>'plan' AS plan, body->>'enrollment' AS enrollment,
       (body->>'amount_vnd')::bigint AS amount_vnd, body->>'funding' AS funding
FROM facts WHERE type = 'funding_decided';
CREATE UNLOGGED TABLE f_revocation AS
SELECT body->>'decision' AS decision, seq, effective FROM facts WHERE type = 'funding_revoked';
CREATE UNLOGGED TABLE f_exemption AS
SELECT body->>'enrollment' AS enrollment, seq, effective FROM facts WHERE type = 'compensation_exempted';
CREATE UNLOGGED TABLE f_reimbursement AS
SELECT body->>'enrollment' AS enrollment, seq, effective, (body->>'amount_vnd')::bigint AS amount_vnd
FROM facts WHERE type = 'reimbursement_recorded';

-- Each unit's first cessation by a reorganisation, whatever its date (a
-- merge into itself is none): the successor it is followed to from then on,
-- null when dissolved.
CREATE UNLOGGED TABLE cessations AS
SELECT DISTINCT ON (u.unit) u.unit, f.effective AS ceased,
       CASE WHEN f.body->>'kind' = 'dissolve' THEN NULL ELSE f.body->>'to' END AS successor
FROM facts f CROSS JOIN LATERAL jsonb_array_elements_text(f.body->'from') AS u(unit)
WHERE f.type = 'unit_reorganized' AND u.unit IS DISTINCT FROM f.body->>'to'
ORDER BY u.unit, f.effective, f.seq;
ALTER TABLE cessations ADD PRIMARY KEY (unit);

CREATE INDEX ON f_unit_reg (unit, effective, seq);
CREATE INDEX ON f_person_reg (person, effective, seq);
CREATE INDEX ON f_transfer (person, effective, seq);
VACUUM (ANALYZE) facts, f_unit_reg, f_person_reg, f_transfer, f_leaving, f_plan_issued, f_plan_amended,
  f_course, f_enrollment, f_withdrawal, f_completion, f_decision, f_revocation, f_exemption, f_reimbursement,
  cessations, live_corrections;
