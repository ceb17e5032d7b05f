package com.globeco.trading.schema;

import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sets the password of every {@link DatabaseRole} whose variable is given, e.g. from the job's Kubernetes Secret; a role
 * without one keeps its password (none after the migration: it cannot log in with a password). The driver hashes the
 * password (SCRAM-SHA-256) before it is sent, so the plain text reaches neither the server's statement log nor
 * {@code pg_stat_statements}. Run again after a Secret changed: rotation is this, then a restart of the job.
 */
public final class RolePasswords {
    private static final String ENCRYPTION = "scram-sha-256";

    private RolePasswords() {}

    /** The roles whose password was set. */
    public static List<DatabaseRole> set(Connection connection, Map<String, String> variables) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        List<DatabaseRole> set = new ArrayList<>();
        for (DatabaseRole role : DatabaseRole.values()) {
            String password = variables.getOrDefault(role.passwordVariable(), "");
            if (!password.isEmpty()) {
                postgres.alterUserPassword(role.roleName(), password.toCharArray(), ENCRYPTION);
                set.add(role);
            }
        }
        return set;
    }
}
