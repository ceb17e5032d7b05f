package com.globeco.trading.operators.sinks;

import com.globeco.trading.testkit.LocalPostgres;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.xa.PGXADataSource;

import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The Postgres sink that writes a checkpoint's rows when it completes, against a real Postgres. */
class CheckpointedRowsSinkTest {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final RowsCommittableSerializer SERIALIZER = new RowsCommittableSerializer();
    private static LocalPostgres postgres;
    private PostgresSettings settings;
    private String run;

    @BeforeAll
    static void start() throws SQLException {
        postgres = LocalPostgres.start(LocalPostgres.Durability.FAST);
        try (Connection connection = postgres.dataSource().getConnection(); Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE row_of_test (id text PRIMARY KEY, amount numeric, at timestamptz, day date, flag boolean)");
            create.execute("CREATE TABLE other_row_of_test (id text PRIMARY KEY CHECK (id NOT LIKE '%-refused'))");
        }
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @BeforeEach
    void freshRun() {
        settings = new PostgresSettings(postgres.jdbcUrl(), postgres.user(), postgres.password());
        run = "run-" + RUNS.incrementAndGet();
    }

    @Test
    void aCheckpointsRowsAreWrittenOnlyOnceItCompletesAndOnlyOnceThoughCommittedAgain() throws Exception {
        RowsWriter<String> writer = new RowsWriter<>(RowStatement.of(new TestRows()));
        writer.write(run + "-a", null);
        writer.write(run + "-b", null);
        Collection<RowsCommittable> checkpoint = writer.prepareCommit();

        assertThat(rows()).as("the checkpoint has not completed").isEmpty();
        assertThat(commit(throughState(checkpoint), settings)).containsExactly("committed");
        assertThat(rows()).containsExactly(run + "-a", run + "-b");

        assertThat(commit(throughState(checkpoint), settings)).as("restored after a failure").containsExactly("committed");
        assertThat(rows()).containsExactly(run + "-a", run + "-b");
        assertThat(writer.prepareCommit()).as("nothing since the barrier").isEmpty();
    }

    @Test
    void everyKindOfValueOurStatementsSetSurvivesTheCheckpoint() throws Exception {
        List<StatementParameter> row = new ArrayList<>();
        PreparedStatement recording = RecordingStatement.into(row);
        recording.setString(1, "text ü");
        recording.setLong(2, Long.MIN_VALUE);
        recording.setInt(3, 42);
        recording.setBoolean(4, true);
        recording.setBigDecimal(5, new BigDecimal("-12345678901234567890.00000001"));
        recording.setDate(6, Date.valueOf("2026-03-08"));
        Timestamp precise = Timestamp.valueOf("2026-03-08 02:30:00.123456789");
        recording.setTimestamp(7, precise);
        recording.setNull(8, Types.OTHER);
        recording.setObject(9, 7, Types.SMALLINT);
        recording.setString(10, null);
        RecordedRows checkpoint = new RecordedRows("SELECT 1", List.of(row));

        RecordedRows restored = (RecordedRows) throughState(List.of(checkpoint)).get(0);

        assertThat(restored).isEqualTo(checkpoint);
        List<StatementParameter> restoredRow = restored.batches().get(0).rows().get(0);
        assertThat(((Timestamp) restoredRow.get(6).value()).getNanos()).isEqualTo(123456789);
        assertThat(restoredRow.get(9)).isEqualTo(new StatementParameter(10, null, Types.VARCHAR));
    }

    @Test
    void eachKindIsWrittenWithItsOwnQueryAndAllKindsOfACheckpointInOneTransaction() throws Exception {
        RowsWriter<String> writer = new RowsWriter<>(new TwoKinds());
        writer.write(run + "-a", null);
        writer.write("other:" + run + "-x", null);
        writer.write(run + "-b", null);
        List<RowsCommittable> checkpoint = throughState(writer.prepareCommit());

        assertThat(checkpoint).singleElement().satisfies(rows -> assertThat(((RecordedRows) rows).batches())
                .as("grouped by query, in the order first seen").extracting(batch -> batch.rows().size()).containsExactly(2, 1));
        assertThat(commit(checkpoint, settings)).containsExactly("committed");
        assertThat(rows()).containsExactly(run + "-a", run + "-b");
        assertThat(otherRows()).containsExactly(run + "-x");

        writer.write(run + "-c", null);
        writer.write("other:" + run + "-refused", null);
        assertThat(commit(throughState(writer.prepareCommit()), settings)).singleElement().asString().startsWith("failed");
        assertThat(rows()).as("the first batch rolled back with the second").containsExactly(run + "-a", run + "-b");
    }

    @Test
    void aCommittableOfOneQueryKeptByTheSerializersVersion2IsStillRead() throws Exception {
        DataOutputSerializer version2 = new DataOutputSerializer(64);
        byte[] query = new TestRows().query().getBytes(StandardCharsets.UTF_8);
        version2.writeInt(query.length);
        version2.write(query);
        version2.writeInt(1);
        version2.writeInt(5);
        version2.writeInt(1);
        version2.writeInt(Types.VARCHAR);
        version2.writeByte(1);
        byte[] id = (run + "-v2").getBytes(StandardCharsets.UTF_8);
        version2.writeInt(id.length);
        version2.write(id);
        version2.writeInt(2);
        version2.writeInt(Types.NUMERIC);
        version2.writeByte(5);
        version2.writeInt(2);
        byte[] unscaled = BigDecimal.valueOf(150).toBigInteger().toByteArray();
        version2.writeInt(unscaled.length);
        version2.write(unscaled);
        version2.writeInt(3);
        version2.writeInt(Types.TIMESTAMP);
        version2.writeByte(7);
        version2.writeLong(1_000_000L);
        version2.writeInt(0);
        version2.writeInt(4);
        version2.writeInt(Types.DATE);
        version2.writeByte(6);
        version2.writeLong(LocalDate.parse("2026-01-02").toEpochDay());
        version2.writeInt(5);
        version2.writeInt(Types.BOOLEAN);
        version2.writeByte(4);
        version2.writeBoolean(false);

        RowsCommittable restored = SERIALIZER.deserialize(2, version2.getCopyOfBuffer());

        assertThat(restored).isEqualTo(checkpointOf(run + "-v2").get(0));
        assertThat(commit(List.of(restored), settings)).containsExactly("committed");
        assertThat(rows()).containsExactly(run + "-v2");
    }

    @Test
    void whilePostgresCannotBeReachedTheCommitIsRetriedLater() throws Exception {
        RowsWriter<String> writer = new RowsWriter<>(RowStatement.of(new TestRows()));
        writer.write(run + "-c", null);
        PostgresSettings unreachable = new PostgresSettings("jdbc:postgresql://localhost:1/postgres?connectTimeout=1", "postgres", "x");

        assertThat(commit(writer.prepareCommit(), unreachable)).containsExactly("retry later");
    }

    @Test
    void aCommitWhilePostgresIsStoppedIsRetriedAndLandsOnceItIsBack() throws Exception {
        List<RowsCommittable> checkpoint = checkpointOf(run + "-d");

        postgres.stop();
        try {
            assertThat(commit(checkpoint, settings)).containsExactly("retry later");
        } finally {
            postgres.start();
        }

        assertThat(commit(checkpoint, settings)).containsExactly("committed");
        assertThat(rows()).containsExactly(run + "-d");
    }

    @Test
    void aHungPostgresTimesTheCommitOutAndItIsRetriedInsteadOfBlockingTheTask() throws Exception {
        List<RowsCommittable> checkpoint = checkpointOf(run + "-e");
        PostgresSettings impatient = new PostgresSettings(postgres.jdbcUrl(), postgres.user(), postgres.password(),
                new PostgresTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));

        try {
            postgres.pause();
            assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> commit(checkpoint, impatient)))
                    .as("SIGSTOPped: the connection is accepted and nothing answers").containsExactly("retry later");
        } finally {
            postgres.resume();
        }

        assertThat(commit(checkpoint, impatient)).containsExactly("committed");
        assertThat(rows()).containsExactly(run + "-e");
    }

    @Test
    void anOrphanedPreparedTransactionIsWatchedAndItsRowLockIsWaitedOnOnlyForTheLockTimeout() throws Exception {
        assumeFalse(String.valueOf(System.getenv("LD_PRELOAD")).contains("faketime"),
                "under libfaketime (the any-date run) the Postgres server's lock_timeout never fires; the plain run tests it");
        String orphan = run + "-orphan";
        try (Connection session = postgres.dataSource().getConnection(); Statement statement = session.createStatement()) {
            session.setAutoCommit(false);
            statement.execute("INSERT INTO row_of_test (id) VALUES ('" + run + "-f')");
            statement.execute("PREPARE TRANSACTION '" + orphan + "'");
        }
        List<RowsCommittable> checkpoint = checkpointOf(run + "-f");
        PostgresSettings lockTimeout = new PostgresSettings(postgres.jdbcUrl(), postgres.user(), postgres.password(),
                new PostgresTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(500)));
        PreparedTransactionWatch watch = new PreparedTransactionWatch(UnregisteredMetricsGroup.createOperatorMetricGroup());

        try {
            assertThat(commit(checkpoint, lockTimeout, watch)).as("the orphan holds the row's key").containsExactly("retry later");
            assertThat(watch.count()).isEqualTo(1);
            assertThat(watch.oldestSeconds()).isGreaterThanOrEqualTo(0);
        } finally {
            try (Connection session = postgres.dataSource().getConnection(); Statement statement = session.createStatement()) {
                statement.execute("ROLLBACK PREPARED '" + orphan + "'");
            }
        }

        assertThat(commit(checkpoint, lockTimeout, watch)).containsExactly("committed");
        assertThat(watch.count()).isZero();
        assertThat(rows()).containsExactly(run + "-f");
    }

    @Test
    void aCheckpointWhoseCommitMustBeRetriedHoldsBackTheCheckpointsAfterIt() throws Exception {
        RowsCommittable serializationFailure = new RecordedRows(
                "DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$", List.of(List.of()));
        RowsWriter<String> writer = new RowsWriter<>(RowStatement.of(new TestRows()));
        writer.write(run + "-d", null);
        List<RowsCommittable> twoCheckpoints = new ArrayList<>(List.of(serializationFailure));
        twoCheckpoints.addAll(writer.prepareCommit());

        assertThat(commit(twoCheckpoints, settings)).containsExactly("retry later", "retry later");
        assertThat(rows()).as("not ahead of the earlier checkpoint").isEmpty();
        assertThat(commit(twoCheckpoints.subList(1, 2), settings)).containsExactly("committed");
        assertThat(rows()).containsExactly(run + "-d");
    }

    @Test
    void aRowPostgresRefusesFailsTheCommitInsteadOfBeingDropped() throws Exception {
        RowsCommittable refused = new RecordedRows("INSERT INTO no_such_table (id) VALUES (?)",
                List.of(List.of(new StatementParameter(1, run, Types.VARCHAR))));

        assertThat(commit(List.of(refused), settings)).singleElement().asString().startsWith("failed");
    }

    @Test
    void aCommittableOfTheJdbcConnectorsXaSinkStillCommitsWhatItPrepared() throws Exception {
        Xid xid = new ConnectorXid(201, new byte[]{1, 2, 3, (byte) RUNS.get()}, new byte[]{0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 7});
        PGXADataSource source = new PGXADataSource();
        source.setUrl(postgres.jdbcUrl());
        source.setUser(postgres.user());
        source.setPassword(postgres.password());
        XAConnection xa = source.getXAConnection();
        try {
            XAResource resource = xa.getXAResource();
            resource.start(xid, XAResource.TMNOFLAGS);
            try (Statement insert = xa.getConnection().createStatement()) {
                insert.execute("INSERT INTO row_of_test (id) VALUES ('" + run + "-legacy')");
            }
            resource.end(xid, XAResource.TMSUCCESS);
            resource.prepare(xid);
        } finally {
            xa.close();
        }
        DataOutputSerializer connectorBytes = new DataOutputSerializer(32);
        connectorBytes.writeInt(xid.getFormatId());
        connectorBytes.writeByte(xid.getGlobalTransactionId().length);
        connectorBytes.write(xid.getGlobalTransactionId());
        connectorBytes.writeByte(xid.getBranchQualifier().length);
        connectorBytes.write(xid.getBranchQualifier());

        RowsCommittable legacy = SERIALIZER.deserialize(1, connectorBytes.getCopyOfBuffer());
        assertThat(rows()).isEmpty();
        assertThat(commit(List.of(legacy), settings)).containsExactly("committed");
        assertThat(rows()).containsExactly(run + "-legacy");
        assertThat(commit(List.of(legacy), settings)).as("committed already").containsExactly("committed");
    }

    /** The committables of a checkpoint that wrote one row, as restored from it. */
    private static List<RowsCommittable> checkpointOf(String id) throws Exception {
        RowsWriter<String> writer = new RowsWriter<>(RowStatement.of(new TestRows()));
        writer.write(id, null);
        return throughState(writer.prepareCommit());
    }

    /** As the committer's state keeps them: serialized and read back. */
    private static List<RowsCommittable> throughState(Collection<RowsCommittable> committables) throws Exception {
        List<RowsCommittable> restored = new ArrayList<>();
        for (RowsCommittable committable : committables) {
            restored.add(SERIALIZER.deserialize(SERIALIZER.getVersion(), SERIALIZER.serialize(committable)));
        }
        return restored;
    }

    /** Commits through the sink's committer; how it answered each request. */
    private static List<String> commit(Collection<RowsCommittable> committables, PostgresSettings database) {
        return commit(committables, database, null);
    }

    private static List<String> commit(Collection<RowsCommittable> committables, PostgresSettings database, PreparedTransactionWatch watch) {
        List<RecordedRequest> requests = committables.stream().map(RecordedRequest::new).toList();
        try (RowsCommitter committer = new RowsCommitter(database, watch)) {
            committer.commit(new ArrayList<>(requests));
        }
        return requests.stream().map(request -> request.outcome).toList();
    }

    private List<String> rows() throws SQLException {
        return ids("row_of_test");
    }

    private List<String> otherRows() throws SQLException {
        return ids("other_row_of_test");
    }

    private List<String> ids(String table) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = postgres.dataSource().getConnection(); Statement query = connection.createStatement();
             ResultSet result = query.executeQuery("SELECT id FROM " + table + " WHERE id LIKE '" + run + "-%' ORDER BY id")) {
            while (result.next()) {
                ids.add(result.getString(1));
            }
        }
        return ids;
    }

    private static final class TestRows implements JdbcQueryStatement<String> {
        @Override
        public String query() {
            return "INSERT INTO row_of_test (id, amount, at, day, flag) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
        }

        @Override
        public void statement(PreparedStatement row, String id) throws SQLException {
            row.setString(1, id);
            row.setBigDecimal(2, new BigDecimal("1.50"));
            row.setTimestamp(3, new Timestamp(1_000_000L));
            row.setDate(4, Date.valueOf("2026-01-02"));
            row.setBoolean(5, false);
        }
    }

    /** Two kinds of element: an id prefixed {@code other:} goes to a table of its own. */
    private static final class TwoKinds implements RowStatement<String> {
        private static final TestRows ROWS = new TestRows();

        @Override
        public String query(String element) {
            return element.startsWith("other:") ? "INSERT INTO other_row_of_test (id) VALUES (?) ON CONFLICT (id) DO NOTHING" : ROWS.query();
        }

        @Override
        public void statement(PreparedStatement row, String element) throws SQLException {
            if (element.startsWith("other:")) {
                row.setString(1, element.substring("other:".length()));
            } else {
                ROWS.statement(row, element);
            }
        }
    }

    private record ConnectorXid(int getFormatId, byte[] getGlobalTransactionId, byte[] getBranchQualifier) implements Xid {
    }

    /** A commit request that records how the committer answered it: committed unless it signalled otherwise. */
    private static final class RecordedRequest implements Committer.CommitRequest<RowsCommittable> {
        private final RowsCommittable committable;
        private String outcome = "committed";

        RecordedRequest(RowsCommittable committable) {
            this.committable = committable;
        }

        @Override
        public RowsCommittable getCommittable() {
            return committable;
        }

        @Override
        public int getNumberOfRetries() {
            return 0;
        }

        @Override
        public void signalFailedWithKnownReason(Throwable t) {
            outcome = "failed: " + t;
        }

        @Override
        public void signalFailedWithUnknownReason(Throwable t) {
            outcome = "failed: " + t;
        }

        @Override
        public void retryLater() {
            outcome = "retry later";
        }

        @Override
        public void updateAndRetryLater(RowsCommittable replacement) {
            outcome = "retry later as " + replacement;
        }

        @Override
        public void signalAlreadyCommitted() {
            outcome = "already committed";
        }
    }
}
