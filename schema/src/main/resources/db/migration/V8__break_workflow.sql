-- The break workflow (seed 004, 10.3 "Investigation Workflow"): a break the reconciliation finds becomes a ticket that a
-- person assigns, investigates, resolves and closes, or that the reconciliation resolves itself once a temporary break
-- is gone (com.globeco.trading.compliance.breaks.Workflow, operators' BreakTickets). Every step is kept.

-- One ticket per break under investigation. position_key and kind say which break, severity, expected and actual what
-- the latest run found; last_step_no is the number of its latest step in break_ticket_step.
CREATE TABLE break_ticket (
    ticket_id     BIGSERIAL   PRIMARY KEY,
    position_key  TEXT        NOT NULL,
    kind          TEXT        NOT NULL,
    severity      TEXT        NOT NULL CHECK (severity IN ('CRITICAL', 'WARNING', 'INFO')),
    status        TEXT        NOT NULL CHECK (status IN ('OPEN', 'ASSIGNED', 'INVESTIGATING', 'RESOLVED', 'CLOSED')),
    assignee      TEXT,
    expected      TEXT,
    actual        TEXT,
    opened_at     TIMESTAMPTZ NOT NULL,
    opened_by_run TEXT        NOT NULL,
    last_seen_run TEXT        NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    resolved_at   TIMESTAMPTZ,
    closed_at     TIMESTAMPTZ,
    resolution    TEXT        CHECK (resolution IN ('MANUAL', 'AUTOMATIC')),
    last_step_no  INTEGER     NOT NULL CHECK (last_step_no >= 1),
    -- resolved (and how) exactly while RESOLVED or CLOSED; closed exactly while CLOSED
    CHECK ((status IN ('RESOLVED', 'CLOSED')) = (resolution IS NOT NULL)),
    CHECK ((resolution IS NULL) = (resolved_at IS NULL)),
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);

-- At most one active ticket (neither resolved nor closed) per break: a run finding it again adds to that ticket.
CREATE UNIQUE INDEX break_ticket_active ON break_ticket (position_key, kind) WHERE status IN ('OPEN', 'ASSIGNED', 'INVESTIGATING');
CREATE INDEX break_ticket_status ON break_ticket (status, severity, opened_at);
CREATE INDEX break_ticket_position ON break_ticket (position_key);

-- The audit trail: every step of every ticket, numbered from 1 without gaps, never changed or removed.
CREATE TABLE break_ticket_step (
    ticket_id   BIGINT      NOT NULL REFERENCES break_ticket (ticket_id),
    step_no     INTEGER     NOT NULL CHECK (step_no >= 1),
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL CHECK (btrim(actor) <> ''),
    action      TEXT        NOT NULL CHECK (action IN ('OPENED', 'ASSIGNED', 'INVESTIGATING', 'NOTE', 'RESOLVED', 'AUTO_RESOLVED',
                                                       'REOPENED', 'CLOSED', 'SEEN_AGAIN')),
    from_status TEXT        CHECK (from_status IN ('OPEN', 'ASSIGNED', 'INVESTIGATING', 'RESOLVED', 'CLOSED')),
    to_status   TEXT        NOT NULL CHECK (to_status IN ('OPEN', 'ASSIGNED', 'INVESTIGATING', 'RESOLVED', 'CLOSED')),
    note        TEXT,
    PRIMARY KEY (ticket_id, step_no),
    CHECK ((action = 'OPENED') = (from_status IS NULL))
);

-- Append-only for everyone: no role is granted UPDATE, DELETE or TRUNCATE, and the owner itself is stopped by the
-- trigger (only dropping it, which only the owner may, would let a step change).
REVOKE UPDATE, DELETE, TRUNCATE ON break_ticket_step FROM PUBLIC;

CREATE FUNCTION break_ticket_step_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'break_ticket_step is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
REVOKE EXECUTE ON FUNCTION break_ticket_step_append_only() FROM PUBLIC;

CREATE TRIGGER break_ticket_step_no_change BEFORE UPDATE OR DELETE ON break_ticket_step
    FOR EACH ROW EXECUTE FUNCTION break_ticket_step_append_only();
CREATE TRIGGER break_ticket_step_no_truncate BEFORE TRUNCATE ON break_ticket_step
    FOR EACH STATEMENT EXECUTE FUNCTION break_ticket_step_append_only();

-- The break desk: the people working the tickets through ./platform breaks. A role like V6's (kept if it exists).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'globeco_break_desk') THEN
        CREATE ROLE globeco_break_desk LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    END IF;
END $$;

-- It reads the breaks, the runs and the tickets, moves a ticket along (a row lock, then the workflow's columns) and
-- appends its steps; it opens no ticket (the reconciliation does) and changes no break.
GRANT SELECT ON reconciliation_break, reconciliation_run, break_ticket, break_ticket_step TO globeco_break_desk;
GRANT UPDATE (status, assignee, updated_at, resolved_at, closed_at, resolution, last_step_no) ON break_ticket TO globeco_break_desk;
GRANT INSERT ON break_ticket_step TO globeco_break_desk;

-- position reconciliation: opens a ticket for each break of its run no active ticket covers, records a break found
-- again, and resolves the active tickets of temporary kinds it did not find (BreakTickets.openFrom, autoResolve).
GRANT SELECT, INSERT ON break_ticket TO flink_position_reconciliation;
GRANT UPDATE (severity, expected, actual, last_seen_run, last_seen_at, status, updated_at, resolved_at, resolution, last_step_no)
    ON break_ticket TO flink_position_reconciliation;
GRANT USAGE ON SEQUENCE break_ticket_ticket_id_seq TO flink_position_reconciliation;
GRANT INSERT ON break_ticket_step TO flink_position_reconciliation;

-- The reader reads everything (V6's default privileges cover tables its migrating role creates; this holds either way).
GRANT SELECT ON break_ticket, break_ticket_step TO globeco_reader;
