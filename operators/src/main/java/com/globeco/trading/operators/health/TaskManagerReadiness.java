package com.globeco.trading.operators.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.util.OptionalInt;

/**
 * The one readiness endpoint of this TaskManager process, shared by the subtasks running in it: the first to open
 * starts it, the last to close stops it (so a TaskManager with no subtask of the job is not ready). An endpoint that
 * cannot listen is logged and left out, never a reason to fail the job: the pod then stays not ready, which says so.
 */
public final class TaskManagerReadiness {
    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerReadiness.class);

    private static ReadinessEndpoint endpoint;
    private static int users;

    private TaskManagerReadiness() {}

    public static synchronized void join(ReadinessSettings settings) {
        if (users++ == 0) {
            try {
                endpoint = ReadinessEndpoint.start(settings.port(), settings.health());
            } catch (UncheckedIOException e) {
                LOG.error("No readiness endpoint in this TaskManager; its readiness probe will fail", e);
            }
        }
    }

    public static synchronized void leave() {
        if (--users == 0 && endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
    }

    /** The port the endpoint listens on, while it does. */
    public static synchronized OptionalInt port() {
        return endpoint == null ? OptionalInt.empty() : OptionalInt.of(endpoint.port());
    }
}
