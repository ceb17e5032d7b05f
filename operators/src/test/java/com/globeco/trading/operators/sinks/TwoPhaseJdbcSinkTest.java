package com.globeco.trading.operators.sinks;

import com.globeco.trading.testkit.LocalPostgres;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.xa.PGXADataSource;

import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The two-phase Postgres sink against a real Postgres: what is visible when, and what a restored writer rolls back. */
class TwoPhaseJdbcSinkTest {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static LocalPostgres postgres;
    private PostgresSettings settings;
    private String prefix;

    @BeforeAll
    static void start() throws SQLException {
        postgres = LocalPostgres.start(LocalPostgres.Durability.FAST);
        execute("CREATE TABLE row_of_test (id text PRIMARY KEY)");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @BeforeEach
    void freshPrefix() {
        settings = new PostgresSettings(postgres.jdbcUrl(), postgres.user(), postgres.password());
        prefix = "sink-test-" + RUNS.incrementAndGet();
    }

    @Test
    void rowsAreInvisibleWhenPreparedAndVisibleOnceTheCommitterCommits() throws Exception {
        try (TwoPhaseJdbcWriter<String> writer = writer(0, 1, OptionalLong.empty())) {
            writer.write(prefix + "-a", null);
            writer.write(prefix + "-b", null);
            Collection<PreparedTransaction> prepared = writer.prepareCommit();
            writer.snapshotState(1);

            assertThat(prepared).extracting(PreparedTransaction::gid).containsExactly(prefix + ":0:1");
            assertThat(rows()).as("prepared, checkpoint not complete").isEmpty();
            assertThat(preparedGids()).contains(prefix + ":0:1");

            commit(prepared);
            assertThat(rows()).containsExactlyInAnyOrder(prefix + "-a", prefix + "-b");
            assertThat(preparedGids()).doesNotContain(prefix + ":0:1");
        }
    }

    @Test
    void aCheckpointWithoutRowsPreparesNothingAndTheNextIsNumberedAfterTheLastSnapshot() throws Exception {
        try (TwoPhaseJdbcWriter<String> writer = writer(0, 1, OptionalLong.of(6))) {
            assertThat(writer.prepareCommit()).isEmpty();
            writer.snapshotState(9);
            writer.write(prefix + "-c", null);

            assertThat(writer.prepareCommit()).extracting(PreparedTransaction::gid).containsExactly(prefix + ":0:10");
        }
    }

    @Test
    void aRestoredWriterRollsBackWhatWasPreparedForCheckpointsThatNeverCompletedAndLeavesTheRest() throws Exception {
        List<PreparedTransaction> before = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            try (TwoPhaseJdbcWriter<String> writer = writer(subtask, 3, OptionalLong.empty())) {
                for (long checkpoint = 1; checkpoint <= 3; checkpoint++) {
                    writer.write(prefix + "-" + subtask + "-" + checkpoint, null);
                    before.addAll(writer.prepareCommit());
                    writer.snapshotState(checkpoint);
                }
            }
        }
        assertThat(before).hasSize(9);

        try (TwoPhaseJdbcWriter<String> restored = writer(0, 2, OptionalLong.of(2))) {
            assertThat(preparedGids()).as("subtask 0 takes its own and those of subtask 2, gone at parallelism 2")
                    .containsExactlyInAnyOrder(prefix + ":0:1", prefix + ":0:2", prefix + ":1:1", prefix + ":1:2", prefix + ":1:3",
                            prefix + ":2:1", prefix + ":2:2");
            restored.write(prefix + "-0-3", null);
            PreparedTransaction replayed = restored.prepareCommit().iterator().next();
            assertThat(replayed.gid()).isEqualTo(prefix + ":0:3");
            assertThat(rows()).as("nothing visible yet").isEmpty();
        }
    }

    @Test
    void aTransactionCommittedBeforeAFailureIsAlreadyCommittedWhenTheRestoredCommitterRetriesIt() throws Exception {
        try (TwoPhaseJdbcWriter<String> writer = writer(0, 1, OptionalLong.empty())) {
            writer.write(prefix + "-d", null);
            Collection<PreparedTransaction> prepared = writer.prepareCommit();
            commit(prepared);

            List<String> outcomes = commit(prepared);

            assertThat(outcomes).containsExactly("already committed");
            assertThat(rows()).containsExactly(prefix + "-d");
        }
    }

    @Test
    void aCommittableOfTheJdbcConnectorsXaSinkStillCommitsWhatItPrepared() throws Exception {
        Xid xid = new ConnectorXid(201, new byte[]{1, 2, 3, 4}, new byte[]{0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 7});
        PGXADataSource source = new PGXADataSource();
        source.setUrl(postgres.jdbcUrl());
        source.setUser(postgres.user());
        source.setPassword(postgres.password());
        XAConnection xa = source.getXAConnection();
        try {
            XAResource resource = xa.getXAResource();
            resource.start(xid, XAResource.TMNOFLAGS);
            try (Statement insert = xa.getConnection().createStatement()) {
                insert.execute("INSERT INTO row_of_test VALUES ('" + prefix + "-legacy')");
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

        PreparedTransaction legacy = new PreparedTransactionSerializer().deserialize(1, connectorBytes.getCopyOfBuffer());
        assertThat(rows()).isEmpty();
        assertThat(commit(List.of(legacy))).containsExactly("committed");

        assertThat(rows()).containsExactly(prefix + "-legacy");
    }

    @Test
    void theGlobalIdSurvivesTheSerializer() throws Exception {
        PreparedTransactionSerializer serializer = new PreparedTransactionSerializer();
        PreparedTransaction transaction = new PreparedTransaction(prefix + ":1:42");

        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(transaction))).isEqualTo(transaction);
    }

    private TwoPhaseJdbcWriter<String> writer(int subtask, int parallelism, OptionalLong restored) throws Exception {
        return new TwoPhaseJdbcWriter<>(settings, new TestRows(), new TransactionNames(prefix), 2, subtask, parallelism, restored);
    }

    /** Commits through the sink's committer; each request's outcome. */
    private List<String> commit(Collection<PreparedTransaction> prepared) throws Exception {
        List<RecordedRequest> requests = prepared.stream().map(RecordedRequest::new).toList();
        try (PreparedTransactionCommitter committer = new PreparedTransactionCommitter(settings)) {
            committer.commit(new ArrayList<>(requests));
        }
        return requests.stream().map(request -> request.outcome).toList();
    }

    private List<String> rows() throws SQLException {
        return strings("SELECT id FROM row_of_test WHERE id LIKE '" + prefix + "-%' ORDER BY id");
    }

    private List<String> preparedGids() throws SQLException {
        return strings("SELECT gid FROM pg_prepared_xacts WHERE gid LIKE '" + prefix + ":%'");
    }

    private static List<String> strings(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = postgres.dataSource().getConnection();
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = postgres.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static final class TestRows implements JdbcQueryStatement<String> {
        @Override
        public String query() {
            return "INSERT INTO row_of_test (id) VALUES (?)";
        }

        @Override
        public void statement(PreparedStatement row, String id) throws SQLException {
            row.setString(1, id);
        }
    }

    private record ConnectorXid(int getFormatId, byte[] getGlobalTransactionId, byte[] getBranchQualifier) implements Xid {
    }

    /** A commit request that records how the committer answered it: committed unless it signalled otherwise. */
    private static final class RecordedRequest implements Committer.CommitRequest<PreparedTransaction> {
        private final PreparedTransaction committable;
        private String outcome = "committed";

        RecordedRequest(PreparedTransaction committable) {
            this.committable = committable;
        }

        @Override
        public PreparedTransaction getCommittable() {
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
        public void updateAndRetryLater(PreparedTransaction replacement) {
            outcome = "retry later as " + replacement;
        }

        @Override
        public void signalAlreadyCommitted() {
            outcome = "already committed";
        }
    }
}
