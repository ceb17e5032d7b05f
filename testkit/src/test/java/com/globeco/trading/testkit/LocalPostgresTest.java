package com.globeco.trading.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class LocalPostgresTest {

    @Test
    void fastPostgresAllowsPreparedTransactionsAndManyConnections() throws SQLException {
        try (LocalPostgres postgres = LocalPostgres.start(LocalPostgres.Durability.FAST);
             Connection connection = postgres.dataSource().getConnection()) {
            assertThat(setting(connection, "max_prepared_transactions")).isEqualTo("64");
            assertThat(setting(connection, "max_connections")).isEqualTo("200");
            assertThat(setting(connection, "fsync")).isEqualTo("off");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("off");
            assertThat(setting(connection, "full_page_writes")).isEqualTo("off");
            assertThat(setting(connection, "unix_socket_directories")).isEmpty();
            try (Connection byUrl = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(),
                    postgres.password())) {
                assertThat(setting(byUrl, "server_version_num")).startsWith("17");
            }
        }
    }

    @Test
    void durablePostgresSyncsCommits() throws SQLException {
        try (LocalPostgres postgres = LocalPostgres.start(LocalPostgres.Durability.DURABLE);
             Connection connection = postgres.dataSource().getConnection()) {
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(connection, "max_prepared_transactions")).isEqualTo("64");
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
