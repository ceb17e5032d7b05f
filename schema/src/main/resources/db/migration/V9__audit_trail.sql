-- The complete audit trail (seed 004, 10.1 "who did what"; ./platform audit trail): everything done to a position, one
-- row per item, from the event store (V3, V7), the regulatory reports and their submissions (V7) and the steps of the
-- position's break tickets (V8).
--   at              when: an event's occurred_at, a report's created_at, an attempt's sent_at, a ticket step's at
--   kind            EVENT, REPORT (a report of one of the position's trades, as it stands), SUBMISSION (one request sent
--                   to the Trade Repository for a report, and its answer), TICKET_STEP (a step of a break ticket)
--   position_key
--   correlation_id  the event's, the report's (its trade's; an attempt has its report's); none for a ticket step: a
--                   break belongs to a position, not to a request
--   actor           who: the event's user_id, the report's requested_by, the reporting job for an attempt, the step's actor
--   reference       of what: the event's version, the report's id (an attempt's too), the ticket's id
--   what            the event's type, the report's status, the attempt's outcome, the step's action
--   detail          the rest, a JSON object without its nulls; instants in it ISO-8601 in UTC
--   kind_rank, item_no   the order of the items of one instant: events, reports, attempts, then steps; by the event's
--                   version, the report's sequence, the attempt's number, the step's number

-- An instant as ISO-8601 in UTC, whatever the session's TimeZone: 2025-06-02T09:30:00Z, 2025-06-02T09:30:00.25Z.
CREATE FUNCTION audit_utc(instant TIMESTAMPTZ) RETURNS TEXT
    LANGUAGE sql STABLE AS $$ SELECT (to_jsonb(instant AT TIME ZONE 'UTC') #>> '{}') || 'Z' $$;

CREATE VIEW audit_trail AS
    SELECT event.occurred_at AS at, 'EVENT'::text AS kind, 1 AS kind_rank, event.position_key, event.correlation_id,
           event.user_id AS actor, event.event_ver::text AS reference, event.event_ver AS item_no, event.event_type AS what,
           jsonb_strip_nulls(jsonb_build_object('trade_id', event.trade_id, 'uti', event.uti,
               'effective_date', event.effective_date, 'causation_id', event.causation_id, 'contract_id', event.contract_id,
               'recorded_at', audit_utc(event.recorded_at))) AS detail
    FROM event_store event
    UNION ALL
    SELECT report.created_at, 'REPORT'::text, 2, report.position_key, report.correlation_id,
           report.requested_by, report.report_id, report.sequence::bigint, report.status,
           jsonb_strip_nulls(jsonb_build_object('trade_id', report.trade_id, 'uti', report.uti, 'action', report.action,
               'provisional', report.provisional, 'reason_code', report.reason_code, 'reason', report.reason,
               'waiting_for', report.waiting_for, 'submission_id', report.submission_id, 'attempts', report.attempts,
               'updated_at', audit_utc(report.updated_at), 'answered_at', audit_utc(report.answered_at)))
    FROM regulatory_report report
    UNION ALL
    SELECT submission.sent_at, 'SUBMISSION'::text, 3, report.position_key, report.correlation_id,
           'service:regulatory-reporting'::text, submission.report_id, submission.attempt::bigint, submission.outcome,
           jsonb_strip_nulls(jsonb_build_object('attempt', submission.attempt, 'http_status', submission.http_status,
               'answered_at', audit_utc(submission.answered_at), 'response', submission.response,
               'request', submission.request))
    FROM regulatory_submission submission
    LEFT JOIN regulatory_report report ON report.report_id = submission.report_id
    UNION ALL
    SELECT step.at, 'TICKET_STEP'::text, 4, ticket.position_key, NULL::text,
           step.actor, step.ticket_id::text, step.step_no::bigint, step.action,
           jsonb_strip_nulls(jsonb_build_object('step_no', step.step_no, 'break_kind', ticket.kind,
               'from_status', step.from_status, 'to_status', step.to_status, 'note', step.note))
    FROM break_ticket_step step
    JOIN break_ticket ticket ON ticket.ticket_id = step.ticket_id;

-- The trail by correlation id and by period reaches the reports, attempts and steps through these.
CREATE INDEX regulatory_report_correlation ON regulatory_report (correlation_id);
CREATE INDEX regulatory_report_created ON regulatory_report (created_at);
CREATE INDEX regulatory_submission_sent ON regulatory_submission (sent_at);
CREATE INDEX break_ticket_step_at ON break_ticket_step (at);

-- The reader reads everything (V6's default privileges cover views its migrating role creates; this holds either way).
GRANT SELECT ON audit_trail TO globeco_reader;
