package com.globeco.trading.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The Postgres roles the migration creates (V6__job_roles.sql): one a job, granted only the statements it runs, the
 * read service's, and the break desk's (V8__break_workflow.sql). A job connects as its role ({@code POSTGRES_USER}); the migrate command sets each role's password from
 * its variable ({@link #passwordVariable()}, from the job's Secret).
 */
public enum DatabaseRole {
    FILL_CONFIRMATION("fill-confirmation", "flink_fill_confirmation"),
    ALLOCATION("allocation", "flink_allocation"),
    TRADE_HOTPATH("trade-hotpath", "flink_trade_hotpath"),
    BACKDATED_COLDPATH("backdated-coldpath", "flink_backdated_coldpath"),
    POSITION_RECONCILIATION("position-reconciliation", "flink_position_reconciliation"),
    /** V7__regulatory_reporting.sql. */
    REGULATORY_REPORTING("regulatory-reporting", "flink_regulatory_reporting"),
    /** The read service (a later issue), {@code ./platform audit} and the state bootstrap: SELECT only. */
    READER("globeco-reader", "globeco_reader"),
    /** The people working break tickets with {@code ./platform breaks} (V8__break_workflow.sql). */
    BREAK_DESK("break-desk", "globeco_break_desk");

    private final String job;
    private final String roleName;

    DatabaseRole(String job, String roleName) {
        this.job = job;
        this.roleName = roleName;
    }

    /** The job (its FlinkDeployment's name) or service that connects as this role. */
    public String job() {
        return job;
    }

    public String roleName() {
        return roleName;
    }

    /** The variable the migrate command reads this role's password from, e.g. {@code FLINK_TRADE_HOTPATH_PASSWORD}. */
    public String passwordVariable() {
        return roleName.toUpperCase(Locale.ROOT) + "_PASSWORD";
    }

    public static Optional<DatabaseRole> ofJob(String job) {
        return Arrays.stream(values()).filter(role -> role.job.equals(job)).findFirst();
    }
}
