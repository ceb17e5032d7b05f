-- The Allocation Service's execution table (seed 001): one row per closed execution booked to a
-- portfolio. Written exactly once by the allocation job; ready_to_send_timestamp is the database's.
CREATE TABLE execution (
    id                      SERIAL         NOT NULL,
    execution_service_id    INTEGER        NOT NULL,
    is_open                 BOOLEAN        NOT NULL DEFAULT true,
    execution_status        VARCHAR(20)    NOT NULL,
    trade_type              VARCHAR(10)    NOT NULL,
    destination             VARCHAR(20)    NOT NULL,
    trade_date              DATE           NOT NULL,
    security_id             CHAR(24)       NOT NULL,
    ticker                  VARCHAR(20)    NOT NULL,
    portfolio_id            CHAR(24),
    quantity                DECIMAL(18, 8) NOT NULL,
    received_timestamp      TIMESTAMPTZ    NOT NULL,
    sent_timestamp          TIMESTAMPTZ    NOT NULL,
    last_fill_timestamp     TIMESTAMPTZ,
    quantity_filled         DECIMAL(18, 8) NOT NULL DEFAULT 0,
    total_amount            DECIMAL(18, 8)          DEFAULT 0,
    average_price           DECIMAL(18, 8) NOT NULL,
    ready_to_send_timestamp TIMESTAMPTZ             DEFAULT CURRENT_TIMESTAMP,
    version                 INTEGER        NOT NULL DEFAULT 1,
    CONSTRAINT execution_pk PRIMARY KEY (id),
    CONSTRAINT execution_service_id_uq UNIQUE (execution_service_id)
);

CREATE INDEX execution_ready_to_send_ndx ON execution (ready_to_send_timestamp);
