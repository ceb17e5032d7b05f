-- Least privilege (issue 25, item 7): one role per job, granted exactly the statements the job runs, and a read-only
-- role for the read service. The roles can log in but have no password here: until the migrate command sets one from
-- the job's Secret (DatabaseRole, RolePasswords), password authentication refuses them. Nothing secret is in this file
-- or in flyway_schema_history. Roles belong to the Postgres cluster, not to a database: a role another migration (the
-- Allocation Service's database on the same server) or an administrator created first is kept as it is.
DO $$
DECLARE
    role TEXT;
BEGIN
    FOREACH role IN ARRAY ARRAY['flink_fill_confirmation', 'flink_allocation', 'flink_trade_hotpath',
                                'flink_backdated_coldpath', 'flink_position_reconciliation', 'globeco_reader'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role) THEN
            EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', role);
        END IF;
    END LOOP;
END $$;

-- Only the schema's owner (the migration) creates objects: no job can add a table, a function or a trigger.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- A sink's INSERT ... ON CONFLICT (columns) DO NOTHING reads the conflict columns: it needs SELECT besides INSERT.

-- fill confirmation: one audit row per fill (ConfirmationAuditStatement).
GRANT SELECT, INSERT ON fill_confirmation TO flink_fill_confirmation;

-- allocation: one execution row per closed execution (ExecutionRowStatement); its id comes from the SERIAL sequence.
GRANT SELECT, INSERT ON execution TO flink_allocation;
GRANT USAGE ON SEQUENCE execution_id_seq TO flink_allocation;

-- trade hotpath: appends to the event store and moves snapshots forward (PositionChangeStatement), reads the snapshots'
-- versions at start (SnapshotStoreVersions). Its event insert names no conflict columns and it never reads event_store;
-- it may not change or remove what event_store holds: no SELECT, UPDATE, DELETE or TRUNCATE on it, no grant on its
-- partitions, and only the owner may drop a table.
GRANT INSERT ON event_store TO flink_trade_hotpath;
GRANT SELECT, INSERT, UPDATE ON snapshot_store TO flink_trade_hotpath;

-- backdated coldpath: replays a position's events (EventStreamLoader), records the corrections it refuses as breaks.
GRANT SELECT ON event_store TO flink_backdated_coldpath;
GRANT SELECT, INSERT ON reconciliation_break TO flink_backdated_coldpath;

-- position reconciliation: reads both stores (PositionTableSources), records its run and its breaks (ReconciliationRun).
GRANT SELECT ON event_store, snapshot_store TO flink_position_reconciliation;
GRANT SELECT, INSERT, UPDATE ON reconciliation_run TO flink_position_reconciliation;
GRANT SELECT, INSERT ON reconciliation_break TO flink_position_reconciliation;

-- the read service (a later issue), ./platform audit and ./platform state bootstrap-positions: reads everything, now and
-- in the tables and views later migrations create.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO globeco_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO globeco_reader;
