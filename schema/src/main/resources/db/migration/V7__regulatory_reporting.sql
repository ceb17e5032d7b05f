-- Compliance (seed 004, 10.1 and 10.4; issue 27): trade identifiers, regulatory reports to a Trade Repository with
-- every request and response, and the audit query by user.

-- A trade's UTI (CPMI-IOSCO: the reporting entity's LEI, then 32 characters derived from its position and trade id)
-- in its event, and the position's last one in its snapshot.
ALTER TABLE event_store ADD COLUMN uti TEXT;
ALTER TABLE snapshot_store ADD COLUMN uti TEXT;

-- One row per UTI: unique in the database, which event_store (hash-partitioned by position) cannot say on its own.
-- Filled by a trigger on every trade event, so no writer can skip it and the hotpath needs no grant on it (a report's
-- event names its trade's UTI too).
CREATE TABLE trade_identifier (
    uti          TEXT        PRIMARY KEY,
    position_key TEXT        NOT NULL,
    trade_id     TEXT        NOT NULL,
    event_ver    BIGINT      NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (position_key, trade_id)
);

CREATE FUNCTION record_trade_identifier() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF NEW.uti IS NOT NULL AND NEW.event_type IN ('TRADE_APPLIED', 'PROVISIONAL_TRADE_APPLIED') THEN
        INSERT INTO trade_identifier (uti, position_key, trade_id, event_ver)
        VALUES (NEW.uti, NEW.position_key, NEW.trade_id, NEW.event_ver);
    END IF;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION record_trade_identifier() FROM PUBLIC;

CREATE TRIGGER event_store_trade_identifier AFTER INSERT ON event_store
    FOR EACH ROW EXECUTE FUNCTION record_trade_identifier();

-- Who did what: a user's events, newest last.
CREATE INDEX event_store_user ON event_store (user_id, occurred_at);

CREATE VIEW events_by_user AS
    SELECT user_id, occurred_at, recorded_at, position_key, event_ver, event_type, trade_id, uti, correlation_id
    FROM event_store;

-- One row per report of a trade to the Trade Repository (report_id = <uti>-<sequence>): what was reported (NEW, an
-- AMEND, a CANCEL; provisional or not), who asked for it, and where it stands. PENDING waits to be sent (for its
-- position's reconciliation, bounded by an SLA); SUBMITTED has gone to the repository; the repository ACKNOWLEDGED or
-- REJECTED it (with its reason), or it FAILED after every retry. Written exactly once by the regulatory-reporting job.
CREATE TABLE regulatory_report (
    report_id       TEXT        PRIMARY KEY,
    uti             TEXT        NOT NULL,
    usi             TEXT        NOT NULL,
    sequence        INTEGER     NOT NULL CHECK (sequence > 0),
    position_key    TEXT        NOT NULL,
    trade_id        TEXT        NOT NULL,
    action          TEXT        NOT NULL CHECK (action IN ('NEW', 'AMEND', 'CANCEL')),
    provisional     BOOLEAN     NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'SUBMITTED', 'ACKNOWLEDGED', 'REJECTED', 'FAILED')),
    waiting_for     TEXT,
    submission_id   TEXT,
    reason_code     TEXT,
    reason          TEXT,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    requested_by    TEXT        NOT NULL,
    correlation_id  TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    answered_at     TIMESTAMPTZ,
    UNIQUE (uti, sequence)
);

CREATE INDEX regulatory_report_status ON regulatory_report (status, created_at);
CREATE INDEX regulatory_report_trade ON regulatory_report (trade_id);
CREATE INDEX regulatory_report_position ON regulatory_report (position_key);

-- The compliance audit trail: every request sent to the repository and what came back (or why nothing did). No
-- foreign key: an attempt and its report's row may reach the database in either order within a checkpoint.
CREATE TABLE regulatory_submission (
    report_id   TEXT        NOT NULL,
    attempt     INTEGER     NOT NULL CHECK (attempt > 0),
    sent_at     TIMESTAMPTZ NOT NULL,
    answered_at TIMESTAMPTZ NOT NULL,
    request     JSONB       NOT NULL,
    http_status INTEGER,
    response    TEXT,
    outcome     TEXT        NOT NULL,
    PRIMARY KEY (report_id, attempt)
);

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'flink_regulatory_reporting') THEN
        CREATE ROLE flink_regulatory_reporting LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    END IF;
END $$;

-- regulatory reporting: a report's row moves forward (ReportRowStatements), its attempts are appended.
GRANT SELECT, INSERT, UPDATE ON regulatory_report TO flink_regulatory_reporting;
GRANT SELECT, INSERT ON regulatory_submission TO flink_regulatory_reporting;

-- position reconciliation: a report the repository has not acknowledged yet is a known temporary break.
GRANT SELECT ON regulatory_report TO flink_position_reconciliation;

-- The audit trail is append-only for every job role.
REVOKE UPDATE, DELETE, TRUNCATE ON regulatory_submission FROM PUBLIC;
