package com.globeco.trading.operators.logging;

import org.slf4j.Logger;
import org.slf4j.MDC;

/** Log lines that carry the service name and a correlation id as structured fields. */
public final class CorrelatedLog {
    public static final String SERVICE = "service";
    public static final String CORRELATION_ID = "correlationId";

    private final Logger logger;
    private final String service;

    public CorrelatedLog(Logger logger, String service) {
        this.logger = logger;
        this.service = service;
    }

    public void info(String correlationId, String format, Object... arguments) {
        if (logger.isInfoEnabled()) {
            withContext(correlationId, () -> logger.info(format, arguments));
        }
    }

    public void warn(String correlationId, String format, Object... arguments) {
        withContext(correlationId, () -> logger.warn(format, arguments));
    }

    public void error(String correlationId, String format, Object... arguments) {
        withContext(correlationId, () -> logger.error(format, arguments));
    }

    private void withContext(String correlationId, Runnable logging) {
        try (var s = MDC.putCloseable(SERVICE, service); var c = MDC.putCloseable(CORRELATION_ID, correlationId)) {
            logging.run();
        }
    }
}
