package com.globeco.trading.read;

import com.globeco.trading.schema.Migrations;
import com.globeco.trading.testkit.LocalPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both pools connect as globeco_reader in read-only transactions with a 5 s statement timeout; one database, one pool. */
class DatabasesTest {
    private static LocalPostgres postgres;

    @BeforeAll
    static void start() {
        postgres = LocalPostgres.start(LocalPostgres.Durability.FAST);
        Migrations.apply(postgres.dataSource());
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void eachPoolIsTheReaderReadOnlyWithAStatementTimeout() throws SQLException {
        try (Databases databases = Databases.open(ReaderSettings.of(postgres), new SimpleMeterRegistry())) {
            assertThat(databases.byName()).containsOnlyKeys("positions", "allocation");
            for (DataSource pool : databases.byName().values()) {
                assertThat(answer(pool, "SELECT current_user")).isEqualTo("globeco_reader");
                assertThat(answer(pool, "SHOW transaction_read_only")).isEqualTo("on");
                assertThat(answer(pool, "SHOW statement_timeout")).isEqualTo("5s");
            }
        }
    }

    @Test
    void theReaderCannotWrite() throws SQLException {
        try (Databases databases = Databases.open(ReaderSettings.of(postgres), new SimpleMeterRegistry());
             Connection connection = databases.allocation().getConnection();
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM execution"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
        }
    }

    @Test
    void theSameDatabaseTwiceIsOnePool() {
        DatabaseSettings one = new DatabaseSettings(postgres.jdbcUrl(), ReadSettings.READER_ROLE, "");
        try (Databases databases = Databases.open(new ReadSettings(0, one, one), new SimpleMeterRegistry())) {
            assertThat(databases.allocation()).isSameAs(databases.positions());
            assertThat(databases.byName()).containsOnlyKeys("positions");
        }
    }

    private static String answer(DataSource pool, String query) throws SQLException {
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }
}
