-- Position Management (seed 004): the event store (audit log) and the snapshot read model.
CREATE TABLE event_store (
    position_key   TEXT        NOT NULL,
    event_ver      BIGINT      NOT NULL,
    event_type     TEXT        NOT NULL,
    effective_date DATE,
    occurred_at    TIMESTAMPTZ,
    payload        JSONB       NOT NULL,
    trade_id       TEXT,
    correlation_id TEXT,
    causation_id   TEXT,
    contract_id    TEXT,
    user_id        TEXT,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (position_key, event_ver)
) PARTITION BY HASH (position_key);

DO $$
BEGIN
    FOR partition IN 0..15 LOOP
        EXECUTE format('CREATE TABLE event_store_p%s PARTITION OF event_store FOR VALUES WITH (MODULUS 16, REMAINDER %s)',
                       partition, partition);
    END LOOP;
END $$;

-- a trade is applied to its position once, also across restarts and rescaling
CREATE UNIQUE INDEX event_store_trade ON event_store (position_key, trade_id) WHERE trade_id IS NOT NULL;
CREATE INDEX event_store_correlation ON event_store (correlation_id);
CREATE INDEX event_store_occurred ON event_store (occurred_at);

CREATE TABLE snapshot_store (
    position_key          TEXT           PRIMARY KEY,
    version               BIGINT         NOT NULL,
    status                TEXT           NOT NULL CHECK (status IN ('RECONCILED', 'PROVISIONAL')),
    reconciliation_status TEXT           NOT NULL CHECK (reconciliation_status IN ('RECONCILED', 'PROVISIONAL', 'PENDING')),
    tax_lots_compressed   JSONB          NOT NULL,
    open_quantity         NUMERIC(28, 8) NOT NULL,
    open_lots             INTEGER        NOT NULL,
    cost_basis            NUMERIC(28, 8) NOT NULL,
    last_updated_at       TIMESTAMPTZ    NOT NULL
);

-- The audit queries of the seed: a position's history, a correlation id's trail, a time range.
CREATE VIEW position_history AS
    SELECT position_key, event_ver, event_type, effective_date, occurred_at, trade_id, correlation_id, causation_id,
           contract_id, user_id, payload
    FROM event_store;

CREATE VIEW correlation_trail AS
    SELECT correlation_id, position_key, event_ver, event_type, occurred_at, trade_id, causation_id
    FROM event_store
    WHERE correlation_id IS NOT NULL;

CREATE VIEW events_by_time AS
    SELECT occurred_at, recorded_at, position_key, event_ver, event_type, trade_id, correlation_id
    FROM event_store;
