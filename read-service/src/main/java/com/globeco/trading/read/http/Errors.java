package com.globeco.trading.read.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every failure answers JSON ({@link ApiError}), never a stack trace. Input the service refuses is a 4xx; a database
 * that cannot be reached, a statement over its timeout or a service the request needs ({@link Unavailable}) is 503
 * with Retry-After; anything else is a 500 with a
 * generic message and a reference that the log line carries with the exception.
 */
public final class Errors {
    public static final int RETRY_AFTER_SECONDS = 5;
    static final String INTERNAL_ERROR = "internal error";
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);
    /** SQLSTATE classes and codes of an unreachable, restarting or overloaded database, and of statement_timeout. */
    private static final String CONNECTION_CLASS = "08";
    private static final String QUERY_CANCELED = "57014";
    private static final String OPERATOR_INTERVENTION_CLASS = "57P";

    private final Clock clock;

    public Errors(Clock clock) {
        this.clock = clock;
    }

    public void register(Javalin app) {
        // Javalin answers its own HttpResponseExceptions (404, 405, 413) in text unless they have a handler by name
        app.exception(HttpResponseException.class, (exception, ctx) -> answer(ctx, classify(exception)));
        app.exception(Exception.class, (exception, ctx) -> answer(ctx, classify(exception)));
        app.error(404, ctx -> answerUnlessAnswered(ctx, Failure.of(404, "no route " + ctx.method() + " " + ctx.path(), null)));
    }

    /** What a failure answers. */
    public Failure classify(Exception exception) {
        if (exception instanceof BadRequest) {
            return Failure.of(400, exception.getMessage(), null);
        }
        if (exception instanceof Unavailable) {
            return Failure.retryLater(exception.getMessage(), null, RETRY_AFTER_SECONDS);
        }
        if (exception instanceof NotFound) {
            return Failure.of(404, exception.getMessage(), null);
        }
        if (exception instanceof HttpResponseException) {
            HttpResponseException response = (HttpResponseException) exception;
            return Failure.of(response.getStatus(), response.getMessage(), details(response.getDetails()));
        }
        if (exception instanceof JsonProcessingException) {
            return Failure.of(400, "malformed JSON", ((JsonProcessingException) exception).getOriginalMessage());
        }
        if (databaseUnavailable(exception)) {
            LOG.warn("database unavailable: {}", exception.toString());
            return Failure.retryLater("database unavailable, retry later", null, RETRY_AFTER_SECONDS);
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("request failed, reference {}", reference, exception);
        return Failure.of(500, INTERNAL_ERROR, "reference " + reference);
    }

    /** Answers the failure as JSON. */
    public void answer(Context ctx, Failure failure) {
        failure.retryAfterSeconds().ifPresent(seconds -> ctx.header("Retry-After", String.valueOf(seconds)));
        ctx.status(failure.status()).json(ApiError.of(failure.status(), failure.message(), failure.details(), clock.instant()));
    }

    private void answerUnlessAnswered(Context ctx, Failure failure) {
        if (ctx.resultInputStream() == null) {
            answer(ctx, failure);
        }
    }

    private static String details(Map<String, String> details) {
        return details.isEmpty() ? null : details.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue()).collect(Collectors.joining("; "));
    }

    static boolean databaseUnavailable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException && unavailableState(((SQLException) cause).getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith(CONNECTION_CLASS) || state.equals(QUERY_CANCELED)
                || state.startsWith(OPERATOR_INTERVENTION_CLASS));
    }
}
