-- One row per fill consumed by the fill-confirmation job, whatever became of it.
-- A fill occurrence is its Kafka coordinates: a replay after failover cannot insert it twice.
CREATE TABLE fill_confirmation (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_topic         TEXT        NOT NULL,
    source_partition     INTEGER     NOT NULL,
    source_offset        BIGINT      NOT NULL,
    execution_service_id BIGINT,
    number_of_fills      INTEGER,
    quantity_filled      NUMERIC(20, 8),
    average_price        NUMERIC(20, 8),
    outcome              TEXT        NOT NULL
        CHECK (outcome IN ('CONFIRMED', 'DUPLICATE', 'STALE_SKIPPED', 'INVALID', 'FAILED')),
    detail               TEXT,
    version_before       INTEGER,
    version_after        INTEGER,
    attempts             INTEGER     NOT NULL,
    latency_ms           BIGINT      NOT NULL,
    correlation_id       TEXT        NOT NULL,
    consumed_at          TIMESTAMPTZ NOT NULL,
    decided_at           TIMESTAMPTZ NOT NULL,
    recorded_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT fill_confirmation_occurrence UNIQUE (source_topic, source_partition, source_offset)
);

CREATE INDEX fill_confirmation_by_execution ON fill_confirmation (execution_service_id, number_of_fills);
CREATE INDEX fill_confirmation_by_correlation ON fill_confirmation (correlation_id);
CREATE INDEX fill_confirmation_by_outcome ON fill_confirmation (outcome, decided_at);
