package com.globeco.trading.operators.sinks;

import com.globeco.trading.schema.DatabaseRole;
import com.globeco.trading.schema.Migrations;
import com.globeco.trading.schema.RolePasswords;
import com.globeco.trading.testkit.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The job roles of V6__job_roles.sql on the embedded Postgres, connected as each: every role holds exactly its grants,
 * the statements its job's sink runs are allowed, and what it must not do is refused with 42501 (insufficient_privilege).
 * That the grants are enough for everything a job does is proved by the jobs' MiniCluster tests, which connect as
 * the job's role.
 */
class DatabaseRolesTest {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final Map<DatabaseRole, Map<String, Set<String>>> GRANTS = Map.of(
            DatabaseRole.FILL_CONFIRMATION, Map.of("fill_confirmation", Set.of("SELECT", "INSERT")),
            DatabaseRole.ALLOCATION, Map.of("execution", Set.of("SELECT", "INSERT")),
            DatabaseRole.TRADE_HOTPATH, Map.of("event_store", Set.of("INSERT"), "snapshot_store", Set.of("SELECT", "INSERT", "UPDATE")),
            DatabaseRole.BACKDATED_COLDPATH, Map.of("event_store", Set.of("SELECT"), "reconciliation_break", Set.of("SELECT", "INSERT")),
            DatabaseRole.POSITION_RECONCILIATION, Map.of("event_store", Set.of("SELECT"), "snapshot_store", Set.of("SELECT"),
                    "reconciliation_run", Set.of("SELECT", "INSERT", "UPDATE"), "reconciliation_break", Set.of("SELECT", "INSERT"),
                    "regulatory_report", Set.of("SELECT"), "break_ticket", Set.of("SELECT", "INSERT"), "break_ticket_step", Set.of("INSERT")),
            DatabaseRole.REGULATORY_REPORTING, Map.of("regulatory_report", Set.of("SELECT", "INSERT", "UPDATE"),
                    "regulatory_submission", Set.of("SELECT", "INSERT")),
            DatabaseRole.BREAK_DESK, Map.of("reconciliation_break", Set.of("SELECT"), "reconciliation_run", Set.of("SELECT"),
                    "break_ticket", Set.of("SELECT"), "break_ticket_step", Set.of("SELECT", "INSERT")));
    /** Column-level grants (not in table_privileges): the columns each role may update. */
    private static final Map<DatabaseRole, Map<String, Set<String>>> UPDATABLE_COLUMNS = Map.of(
            DatabaseRole.POSITION_RECONCILIATION, Map.of("break_ticket", Set.of("severity", "expected", "actual", "last_seen_run",
                    "last_seen_at", "status", "updated_at", "resolved_at", "resolution", "last_step_no")),
            DatabaseRole.BREAK_DESK, Map.of("break_ticket", Set.of("status", "assignee", "updated_at", "resolved_at", "closed_at",
                    "resolution", "last_step_no")));
    private static final Map<DatabaseRole, List<String>> SINK_QUERIES = Map.of(
            DatabaseRole.FILL_CONFIRMATION, List.of(new ConfirmationAuditStatement().query()),
            DatabaseRole.ALLOCATION, List.of(new ExecutionRowStatement().query()),
            DatabaseRole.TRADE_HOTPATH, PositionChangeStatement.queries(),
            DatabaseRole.BACKDATED_COLDPATH, List.of(new ReconciliationBreakStatement().query()),
            DatabaseRole.POSITION_RECONCILIATION, List.of(new ReconciliationBreakStatement().query()),
            DatabaseRole.REGULATORY_REPORTING, ReportingRowStatement.queries());

    private static LocalPostgres postgres;

    @BeforeAll
    static void migrate() {
        postgres = LocalPostgres.start(LocalPostgres.Durability.FAST);
        Migrations.apply(postgres.dataSource());
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseRole.class, mode = EnumSource.Mode.EXCLUDE, names = "READER")
    void aJobsRoleHoldsExactlyItsGrants(DatabaseRole role) throws SQLException {
        assertThat(grants(role)).isEqualTo(new TreeMap<>(GRANTS.get(role)));
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseRole.class, mode = EnumSource.Mode.EXCLUDE, names = "READER")
    void aRoleUpdatesOnlyTheColumnsItIsGranted(DatabaseRole role) throws SQLException {
        assertThat(updatableColumns(role)).isEqualTo(new TreeMap<>(UPDATABLE_COLUMNS.getOrDefault(role, Map.of())));
    }

    @Test
    void theReaderMaySelectEveryTableAndViewAndNothingElse() throws SQLException {
        Map<String, Set<String>> grants = grants(DatabaseRole.READER);
        assertThat(grants).containsKeys("fill_confirmation", "execution", "event_store", "snapshot_store", "reconciliation_run",
                "reconciliation_break", "position_history", "correlation_trail", "events_by_time", "break_ticket", "break_ticket_step");
        assertThat(grants.values()).allMatch(Set.of("SELECT")::equals);
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseRole.class, mode = EnumSource.Mode.EXCLUDE, names = {"READER", "BREAK_DESK"})
    void theStatementsOfAJobsSinkAreAllowed(DatabaseRole role) throws SQLException {
        try (Connection connection = connectAs(role)) {
            for (String query : SINK_QUERIES.get(role)) {
                explain(connection, query);
            }
        }
    }

    @Test
    void theHotpathCannotRemoveOrChangeEvents() {
        assertRefused(DatabaseRole.TRADE_HOTPATH, "DELETE FROM event_store", "DELETE FROM event_store_p0",
                "UPDATE event_store SET payload = '{}'", "TRUNCATE event_store", "DROP TABLE event_store",
                "DELETE FROM snapshot_store", "TRUNCATE snapshot_store");
    }

    @Test
    void theReaderCannotWrite() {
        assertRefused(DatabaseRole.READER, "INSERT INTO reconciliation_run (run_id, started_at) VALUES ('reader', now())",
                "UPDATE snapshot_store SET version = version + 1", "DELETE FROM fill_confirmation", "TRUNCATE execution");
    }

    @Test
    void noRoleChangesTheStepsOfATicket() {
        for (DatabaseRole role : DatabaseRole.values()) {
            assertRefused(role, "UPDATE break_ticket_step SET note = 'x'", "DELETE FROM break_ticket_step", "TRUNCATE break_ticket_step");
        }
    }

    @Test
    void theBreakDeskOpensNoTicketAndChangesNoBreak() {
        assertRefused(DatabaseRole.BREAK_DESK, "INSERT INTO break_ticket (position_key, kind, severity, status, opened_at, opened_by_run,"
                        + " last_seen_run, last_seen_at, updated_at, last_step_no) VALUES ('P', 'K', 'INFO', 'OPEN', now(), 'r', 'r', now(), now(), 1)",
                "UPDATE break_ticket SET expected = 'x'", "DELETE FROM break_ticket", "UPDATE reconciliation_break SET severity = 'INFO'",
                "DELETE FROM reconciliation_break", "INSERT INTO reconciliation_run (run_id, started_at) VALUES ('desk', now())");
    }

    @Test
    void aJobCannotTouchAnotherJobsTables() {
        assertRefused(DatabaseRole.FILL_CONFIRMATION, "SELECT count(*) FROM event_store", "DELETE FROM fill_confirmation");
        assertRefused(DatabaseRole.ALLOCATION, "DELETE FROM fill_confirmation", "UPDATE execution SET quantity = 0");
        assertRefused(DatabaseRole.BACKDATED_COLDPATH,
                "INSERT INTO event_store (position_key, event_ver, event_type, payload) VALUES ('P', 1, 'X', '{}')");
        assertRefused(DatabaseRole.POSITION_RECONCILIATION, "UPDATE snapshot_store SET version = 0");
    }

    @ParameterizedTest
    @EnumSource(DatabaseRole.class)
    void noRoleCanCreateObjects(DatabaseRole role) {
        assertRefused(role, "CREATE TABLE planted_" + role.roleName() + " (id int)",
                "CREATE FUNCTION planted_" + role.roleName() + "() RETURNS int LANGUAGE sql AS 'SELECT 1'");
    }

    @Test
    void explainIsRefusedWhereTheStatementWouldBe() throws SQLException {
        try (Connection connection = connectAs(DatabaseRole.TRADE_HOTPATH)) {
            SQLException refused = catchThrowableOfType(SQLException.class, () -> explain(connection, "DELETE FROM event_store"));
            assertThat((Throwable) refused).as("EXPLAIN checks the privileges, so an allowed EXPLAIN proves an allowed statement").isNotNull();
            assertThat(refused.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
        }
    }

    @Test
    void theMigrateCommandSetsTheGivenPasswordsHashed() throws SQLException {
        try (Connection admin = postgres.dataSource().getConnection()) {
            List<DatabaseRole> set = RolePasswords.set(admin, Map.of(DatabaseRole.TRADE_HOTPATH.passwordVariable(), "s3cret", "OTHER", "x"));
            assertThat(set.stream()).containsExactly(DatabaseRole.TRADE_HOTPATH);
            assertThat(storedPassword(admin, DatabaseRole.TRADE_HOTPATH)).startsWith("SCRAM-SHA-256$").doesNotContain("s3cret");
            assertThat(storedPassword(admin, DatabaseRole.READER)).as("no variable, no password").isNull();
        }
    }

    @Test
    void migratingAgainKeepsTheRoles() {
        assertThat(Migrations.apply(postgres.dataSource()).migrationsExecuted).isZero();
    }

    private static Map<String, Set<String>> grants(DatabaseRole role) throws SQLException {
        Map<String, Set<String>> grants = new TreeMap<>();
        try (Connection connection = postgres.dataSource().getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT table_name, privilege_type FROM information_schema.table_privileges WHERE grantee = ?")) {
            query.setString(1, role.roleName());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    grants.computeIfAbsent(rows.getString(1), table -> new TreeSet<>()).add(rows.getString(2));
                }
            }
        }
        return grants;
    }

    /** The columns of each table the role may update by a column grant alone (a table-wide UPDATE is in {@link #grants}). */
    private static Map<String, Set<String>> updatableColumns(DatabaseRole role) throws SQLException {
        Map<String, Set<String>> columns = new TreeMap<>();
        try (Connection connection = postgres.dataSource().getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT c.table_name, c.column_name FROM information_schema.column_privileges c WHERE c.grantee = ? AND c.privilege_type = 'UPDATE'"
                        + " AND NOT EXISTS (SELECT FROM information_schema.table_privileges t WHERE t.grantee = c.grantee"
                        + " AND t.table_name = c.table_name AND t.privilege_type = 'UPDATE')")) {
            query.setString(1, role.roleName());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getString(1), table -> new TreeSet<>()).add(rows.getString(2));
                }
            }
        }
        return columns;
    }

    private static String storedPassword(Connection admin, DatabaseRole role) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT rolpassword FROM pg_authid WHERE rolname = ?")) {
            query.setString(1, role.roleName());
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as(role.roleName()).isTrue();
                return rows.getString(1);
            }
        }
    }

    /** Plans the statement with every parameter unknown: the executor checks the privileges, nothing is written. */
    private static void explain(Connection connection, String sql) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            long parameters = sql.chars().filter(character -> character == '?').count();
            for (int parameter = 1; parameter <= parameters; parameter++) {
                explain.setNull(parameter, Types.OTHER);
            }
            explain.execute();
        }
    }

    private static void assertRefused(DatabaseRole role, String... statements) {
        for (String sql : statements) {
            assertThatThrownBy(() -> {
                try (Connection connection = connectAs(role); Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }).as("%s: %s", role.roleName(), sql).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
        }
    }

    /** The embedded server trusts local connections: any password logs in, so the role alone decides. */
    private static Connection connectAs(DatabaseRole role) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), role.roleName(), "unused");
    }
}
