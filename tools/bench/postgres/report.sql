-- The tallies of shared/spec/rules.md ("Tallies") as of the end of day d, in
-- one SQL query over the resolved facts (resolve.sql): the JSON of
-- `tledger report --as-of d --format json`, its spec keys, in its order.
--
-- As of d: a fact counts if effective <= d; an entity's "latest" version is
-- its greatest (effective, seq) by then, its "first" the least.
\set ON_ERROR_STOP 1

-- Whole calendar months from a to b (one less when b's day is before a's).
CREATE OR REPLACE FUNCTION months_between(a date, b date) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT m - CASE WHEN m > 0 AND extract(day FROM b) < extract(day FROM a) THEN 1
                  WHEN m < 0 AND extract(day FROM b) > extract(day FROM a) THEN -1 ELSE 0 END
  FROM (SELECT ((extract(year FROM b) - extract(year FROM a)) * 12 + extract(month FROM b) - extract(month FROM a))::int AS m) x
$$;

-- The schema's enum order (core/event.capnp): how the report sorts cells, levels and forms.
CREATE OR REPLACE FUNCTION enum_rank(kind text, v text) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT array_position(CASE kind
    WHEN 'program' THEN ARRAY['phd','master','specialist_2','specialist_1','bachelor',
      'political_theory_elementary','political_theory_intermediate','political_theory_advanced',
      'state_mgmt_specialist','state_mgmt_principal','state_mgmt_senior','leadership','job_position',
      'knowledge_update','digital_transformation','foreign_language','it_skills','defense_security']
    WHEN 'funding_class' THEN ARRAY['public','self']
    WHEN 'location' THEN ARRAY['domestic','foreign']
    WHEN 'level' THEN ARRAY['central','province','district','commune','unknown']
    WHEN 'form' THEN ARRAY['centralized','semi_centralized','remote','online'] END, v)
$$;

CREATE OR REPLACE FUNCTION report_json(d date) RETURNS jsonb LANGUAGE sql STABLE AS $$
WITH RECURSIVE
-- Each enrollment's latest counting version, first counting withdrawal,
-- latest counting completion.
enr AS (
  SELECT DISTINCT ON (enrollment) enrollment, effective, person, course, funding,
         funding IN ('state_budget', 'unit_fund') AS public
  FROM f_enrollment WHERE effective <= d ORDER BY enrollment, effective DESC, seq DESC),
wd AS (
  SELECT DISTINCT ON (enrollment) enrollment, effective
  FROM f_withdrawal WHERE effective <= d ORDER BY enrollment, effective, seq),
cmp AS (
  SELECT DISTINCT ON (enrollment) enrollment, effective, passed
  FROM f_completion WHERE effective <= d ORDER BY enrollment, effective DESC, seq DESC),
crs AS (
  SELECT DISTINCT ON (course) course, plan, field, form, program, location, start_date, end_date
  FROM f_course WHERE effective <= d ORDER BY course, effective DESC, seq DESC),
-- Plans issued by d, with every amendment by d applied in (effective, seq) order.
pln AS (
  SELECT DISTINCT ON (plan) plan, budget_vnd, quotas
  FROM f_plan_issued WHERE effective <= d ORDER BY plan, effective DESC, seq DESC),
amd AS (SELECT a.* FROM f_plan_amended a JOIN pln USING (plan) WHERE a.effective <= d),
budget AS (
  SELECT p.plan, coalesce(a.budget_vnd, p.budget_vnd) AS budget_vnd
  FROM pln p LEFT JOIN (
    SELECT DISTINCT ON (plan) plan, budget_vnd FROM amd WHERE budget_vnd IS NOT NULL
    ORDER BY plan, effective DESC, seq DESC) a USING (plan)),
quota AS (  -- a cell given again takes its last count
  SELECT DISTINCT ON (plan, program, funding_class, location) plan, program, funding_class, location, count
  FROM (
    SELECT p.plan, q->>'program' AS program, q->>'funding_class' AS funding_class, q->>'location' AS location,
           (q->>'count')::bigint AS count, 0 AS stage, NULL::date AS effective, 0::bigint AS seq, i
    FROM pln p, jsonb_array_elements(p.quotas) WITH ORDINALITY AS x(q, i)
    UNION ALL
    SELECT a.plan, q->>'program', q->>'funding_class', q->>'location', (q->>'count')::bigint, 1, a.effective, a.seq, i
    FROM amd a, jsonb_array_elements(a.quotas) WITH ORDINALITY AS x(q, i) WHERE a.quotas IS NOT NULL) items
  ORDER BY plan, program, funding_class, location, stage DESC, effective DESC NULLS LAST, seq DESC, i DESC),
-- What each counting enrollment adds.
t AS (
  SELECT e.enrollment, e.person, e.effective AS on_date, e.public, c.course, c.field, c.form, c.program,
         c.location, c.start_date, c.end_date, pl.plan, w.enrollment IS NULL AS active, w.effective AS withdrawn_on,
         cp.passed, cp.effective AS completed_on
  FROM enr e
  LEFT JOIN crs c ON c.course = e.course
  LEFT JOIN pln pl ON pl.plan = c.plan
  LEFT JOIN wd w ON w.enrollment = e.enrollment
  LEFT JOIN cmp cp ON cp.enrollment = e.enrollment),
-- The unit of an active enrollment's person on the enrollment's date: the
-- latest registration or transfer by then, followed through merges and
-- renames effective by then; and that unit's level then.
placed AS (
  SELECT t.enrollment, t.on_date,
         CASE WHEN r.seq IS NOT NULL AND (m.seq IS NULL OR (m.effective, m.seq) < (r.effective, r.seq))
              THEN r.unit ELSE m.unit END AS unit
  FROM t
  LEFT JOIN LATERAL (SELECT unit, effective, seq FROM f_person_reg x WHERE x.person = t.person AND x.effective <= t.on_date
                     ORDER BY effective DESC, seq DESC LIMIT 1) r ON true
  LEFT JOIN LATERAL (SELECT unit, effective, seq FROM f_transfer x WHERE x.person = t.person AND x.effective <= t.on_date
                     ORDER BY effective DESC, seq DESC LIMIT 1) m ON true
  WHERE t.active),
follow (unit, on_date, final, steps) AS (
  SELECT DISTINCT unit, on_date, unit, 0 FROM placed WHERE unit IS NOT NULL
  UNION ALL
  SELECT f.unit, f.on_date, c.successor, f.steps + 1
  FROM follow f JOIN cessations c ON c.unit = f.final
  WHERE c.successor IS NOT NULL AND c.ceased <= f.on_date AND f.steps < 64),
followed AS (
  SELECT DISTINCT ON (unit, on_date) unit, on_date, final FROM follow ORDER BY unit, on_date, steps DESC),
leveled AS (
  SELECT f.unit, f.on_date,
         coalesce((SELECT level FROM f_unit_reg x WHERE x.unit = f.final AND x.effective <= f.on_date
                   ORDER BY effective DESC, seq DESC LIMIT 1),
                  (SELECT level FROM f_unit_reg x WHERE x.unit = f.final AND x.effective <= d
                   ORDER BY effective, seq LIMIT 1)) AS level
  FROM followed f),
active AS (
  SELECT t.*, coalesce(l.level, 'unknown') AS level
  FROM t JOIN placed p USING (enrollment) LEFT JOIN leveled l ON l.unit = p.unit AND l.on_date = p.on_date),
-- Money: decisions counting and not revoked; what each enrollment owes.
dec AS (
  SELECT * FROM (
    SELECT DISTINCT ON (decision) decision, plan, enrollment, amount_vnd, funding IN ('state_budget', 'unit_fund') AS public
    FROM f_decision WHERE effective <= d ORDER BY decision, effective DESC, seq DESC) x
  WHERE NOT EXISTS (SELECT 1 FROM f_revocation r WHERE r.decision = x.decision AND r.effective <= d)),
public_funding AS (SELECT enrollment, sum(amount_vnd)::bigint AS f FROM dec WHERE public AND enrollment IS NOT NULL GROUP BY enrollment),
cases AS (
  SELECT t.enrollment, coalesce(pf.f, 0) AS f, t.passed, t.public, t.active, t.withdrawn_on, t.completed_on,
         t.start_date, t.end_date, lv.effective AS left_on,
         t.course IS NOT NULL AND t.program IN ('phd', 'master', 'specialist_2', 'specialist_1', 'bachelor') AS degree,
         t.course IS NOT NULL AND t.program IN ('phd', 'master', 'specialist_2', 'specialist_1') AS postgraduate,
         CASE WHEN reg.category = 'public_employee' OR t.start_date < DATE '2025-07-01' THEN 2 ELSE 3 END AS factor,
         ex.enrollment IS NOT NULL AS exempted, coalesce(rb.paid, 0) AS paid
  FROM t
  LEFT JOIN public_funding pf USING (enrollment)
  LEFT JOIN (SELECT DISTINCT enrollment FROM f_exemption WHERE effective <= d) ex USING (enrollment)
  LEFT JOIN (SELECT enrollment, sum(amount_vnd)::bigint AS paid FROM f_reimbursement WHERE effective <= d
             GROUP BY enrollment) rb USING (enrollment)
  LEFT JOIN (SELECT DISTINCT ON (person) person, effective FROM f_leaving WHERE effective <= d
             ORDER BY person, effective DESC, seq DESC) lv USING (person)
  LEFT JOIN LATERAL (SELECT category FROM f_person_reg x WHERE x.person = t.person AND x.effective <= d
                     ORDER BY x.effective <= least(t.start_date, d) DESC,  -- the latest by the course start,
                              CASE WHEN x.effective <= least(t.start_date, d) THEN x.effective END DESC,
                              CASE WHEN x.effective <= least(t.start_date, d) THEN x.seq END DESC,
                              x.effective, x.seq  -- else the earliest
                     LIMIT 1) reg ON t.start_date IS NOT NULL
  WHERE t.passed IS NOT NULL OR NOT t.active),
-- đền bù covers degrees under the 2017 rulebook (factor 2), postgraduate
-- degrees only under 2025 (shared/spec/rules.md, "Compensation").
covered AS (
  SELECT c.*, CASE WHEN c.factor = 2 THEN c.degree ELSE c.postgraduate END AS law_covers FROM cases c),
judged AS (
  SELECT c.*,
         CASE WHEN c.passed = false AND c.public AND c.law_covers THEN c.f END AS failed_amount,
         CASE WHEN NOT c.active AND c.public AND c.law_covers AND c.withdrawn_on >= c.start_date THEN c.f END AS dropped_amount,
         CASE WHEN c.passed AND c.public AND c.law_covers AND c.left_on >= c.completed_on
                   AND c.factor * months_between(c.start_date, c.end_date) > 0
                   AND months_between(c.completed_on, c.left_on) < c.factor * months_between(c.start_date, c.end_date)
              THEN c.f * (c.factor * months_between(c.start_date, c.end_date) - months_between(c.completed_on, c.left_on))
                   / (c.factor * months_between(c.start_date, c.end_date)) END AS breach_amount
  FROM covered c),
owed AS (
  SELECT CASE WHEN exempted THEN 0
              ELSE greatest(greatest(failed_amount, dropped_amount, breach_amount) - paid, 0) END AS due
  FROM judged WHERE coalesce(failed_amount, dropped_amount, breach_amount) IS NOT NULL),
-- Quota cells: those declared, and those with enrollments.
counted AS (
  SELECT plan, program, CASE WHEN public THEN 'public' ELSE 'self' END AS funding_class, location,
         count(*) FILTER (WHERE active) AS enrolled,
         count(*) FILTER (WHERE active AND passed) AS completed,
         count(*) FILTER (WHERE active AND NOT passed) AS failed,
         count(*) FILTER (WHERE active AND passed IS NULL) AS in_progress,
         count(*) FILTER (WHERE NOT active) AS withdrawn
  FROM t WHERE plan IS NOT NULL GROUP BY 1, 2, 3, 4),
cells AS (  -- as JSON, by plan
  SELECT plan, jsonb_agg(jsonb_build_object(
           'program', program, 'funding_class', funding_class, 'location', location,
           'quota', CASE WHEN q.plan IS NOT NULL THEN q.count WHEN declared.plan IS NOT NULL THEN 0 END,
           'enrolled', coalesce(k.enrolled, 0), 'completed', coalesce(k.completed, 0),
           'failed', coalesce(k.failed, 0), 'in_progress', coalesce(k.in_progress, 0),
           'withdrawn', coalesce(k.withdrawn, 0))
         ORDER BY enum_rank('program', program), enum_rank('funding_class', funding_class),
                  enum_rank('location', location)) AS cells
  FROM counted k FULL JOIN quota q USING (plan, program, funding_class, location)
  LEFT JOIN (SELECT DISTINCT plan, program FROM quota) declared USING (plan, program)  -- quota 0, not null
  GROUP BY plan),
levels AS (
  SELECT l.level, count(a.enrollment) AS turns, count(DISTINCT a.person) AS persons
  FROM unnest(ARRAY['central', 'province', 'district', 'commune', 'unknown']) AS l(level)
  LEFT JOIN active a USING (level) GROUP BY l.level)
SELECT jsonb_build_object(
  'as_of', to_char(d, 'YYYY-MM-DD'),
  'events_counted', (SELECT count(*) FROM facts WHERE effective <= d)
                  + (SELECT count(*) FROM live_corrections WHERE effective <= d),
  'plans', coalesce((
    SELECT jsonb_agg(jsonb_build_object(
             'plan', p.plan, 'budget_vnd', b.budget_vnd,
             'public_funding_vnd', coalesce(m.f, 0), 'remaining_vnd', b.budget_vnd - coalesce(m.f, 0),
             'cells', coalesce(c.cells, '[]'::jsonb))
           ORDER BY p.plan COLLATE "C")
    FROM pln p JOIN budget b USING (plan) LEFT JOIN cells c USING (plan)
    LEFT JOIN (SELECT plan, sum(amount_vnd)::bigint AS f FROM dec WHERE public GROUP BY plan) m USING (plan)), '[]'::jsonb),
  'by_level', (
    SELECT jsonb_agg(jsonb_build_object('level', level, 'trainee_turns', turns, 'persons', persons)
                     ORDER BY enum_rank('level', level))
    FROM levels WHERE level <> 'unknown' OR turns > 0),
  'by_field', coalesce((
    SELECT jsonb_agg(jsonb_build_object('field', field, 'trainee_turns', turns, 'classes', classes)
                     ORDER BY field COLLATE "C")
    FROM (SELECT field, count(*) AS turns, count(DISTINCT course) AS classes
          FROM active WHERE course IS NOT NULL GROUP BY field) x), '[]'::jsonb),
  'by_form', (
    SELECT jsonb_agg(jsonb_build_object('form', f.form, 'trainee_turns', count, 'classes', classes)
                     ORDER BY enum_rank('form', f.form))
    FROM unnest(ARRAY['centralized', 'semi_centralized', 'remote', 'online']) AS f(form)
    LEFT JOIN LATERAL (SELECT count(*) AS count, count(DISTINCT course) AS classes
                       FROM active a WHERE a.course IS NOT NULL AND a.form = f.form) x ON true),
  'reimbursement_due_vnd', (SELECT coalesce(sum(due), 0) FROM owed))
$$;
