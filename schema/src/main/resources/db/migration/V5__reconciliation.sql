-- Backdated coldpath and reconciliation (issue "Backdated coldpath job").
-- Since when a snapshot has been PROVISIONAL (null once RECONCILED): the provisional-age SLA reads it.
ALTER TABLE snapshot_store ADD COLUMN provisional_since TIMESTAMPTZ;

-- One row per reconciliation run: when, how many positions it compared, how many breaks of each severity.
CREATE TABLE reconciliation_run (
    run_id            TEXT        PRIMARY KEY,
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    positions_checked BIGINT      NOT NULL DEFAULT 0,
    critical_breaks   BIGINT      NOT NULL DEFAULT 0,
    warning_breaks    BIGINT      NOT NULL DEFAULT 0,
    info_breaks       BIGINT      NOT NULL DEFAULT 0
);

-- A difference between what a position is and what it should be. Found by a run, or by the coldpath
-- (run_id 'coldpath') when it refuses a correction. break_id makes recording a break twice a no-op.
CREATE TABLE reconciliation_break (
    break_id     TEXT        PRIMARY KEY,
    run_id       TEXT        NOT NULL,
    position_key TEXT        NOT NULL,
    kind         TEXT        NOT NULL,
    severity     TEXT        NOT NULL CHECK (severity IN ('CRITICAL', 'WARNING', 'INFO')),
    expected     TEXT,
    actual       TEXT,
    detected_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX reconciliation_break_run ON reconciliation_break (run_id);
CREATE INDEX reconciliation_break_position ON reconciliation_break (position_key);
