package com.globeco.trading.read;

import com.globeco.trading.jobs.AllocationJob;
import com.globeco.trading.jobs.AllocationRun;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.RunningJob;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One world per test JVM: Kafka, Postgres (migrated) and the simulators; {@value #EXECUTIONS} closed executions
 * booked by the real allocation job (then stopped); the read service on them as globeco_reader with a fixed clock.
 */
final class AllocatedWorld implements ExtensionContext.Store.CloseableResource {
    static final int EXECUTIONS = 23;
    private static final int PARALLELISM = 2;

    private final EmbeddedServices stack;
    private final AllocationRun run;
    private final Running service;

    private AllocatedWorld(EmbeddedServices stack, AllocationRun run, Running service) {
        this.stack = stack;
        this.run = run;
        this.service = service;
    }

    private static AllocatedWorld start() {
        EmbeddedServices stack = new EmbeddedServices();
        stack.beforeAll(null);
        try {
            AllocationRun run = new AllocationRun(stack);
            allocate(run, run.executionsWithPortfolios(EXECUTIONS));
            return new AllocatedWorld(stack, run, ReadService.start(ReaderSettings.of(stack.postgres()), TestClocks.FIXED));
        } catch (Exception e) {
            stack.afterAll(null);
            throw new IllegalStateException("the allocated world did not start", e);
        }
    }

    /** Runs the allocation job on a MiniCluster of its own until every execution has its row. */
    private static void allocate(AllocationRun run, List<GeneratedExecution> executions) throws Exception {
        try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(TestFlink.configuration()).setNumTaskManagers(1).setNumSlotsPerTaskManager(PARALLELISM).build())) {
            cluster.start();
            TestStreamEnvironment.setAsContext(cluster, PARALLELISM);
            try {
                StreamExecutionEnvironment env = TestFlink.environment();
                AllocationJob.define(env, run.options().wiring());
                try (RunningJob job = RunningJob.start(env, AllocationJob.NAME + "-" + run.topic()); FillPublisher publisher = run.publisher()) {
                    publisher.publish(AllocationRun.allFills(executions));
                    run.awaitRows(executions, executions.size());
                }
            } finally {
                TestStreamEnvironment.unsetAsContext();
            }
        }
    }

    Http http() {
        return new Http(service.port());
    }

    EmbeddedServices stack() {
        return stack;
    }

    /** Every execution id, newest first, read as the database's owner. */
    List<Integer> idsNewestFirst() throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection connection = stack.postgres().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM execution ORDER BY id DESC")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            stack.afterAll(null);
        }
    }

    /** Gives a test class the JVM's world, started by the first class that asks. */
    static final class Shared implements BeforeAllCallback {
        private AllocatedWorld world;

        @Override
        public void beforeAll(ExtensionContext context) {
            world = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(AllocatedWorld.class, key -> start(), AllocatedWorld.class);
        }

        AllocatedWorld world() {
            return world;
        }
    }
}
