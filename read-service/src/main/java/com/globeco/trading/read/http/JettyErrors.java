package com.globeco.trading.read.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;

/**
 * What Jetty answers itself, before a request reaches a route (a malformed URI, bad percent-encoding, headers too
 * large): the same JSON error body, with the status's standard phrase as the message and never Jetty's HTML page
 * or a stack trace.
 */
public final class JettyErrors extends ErrorHandler {
    private static final String JSON = "application/json";
    private final ObjectMapper mapper = Json.mapper();
    private final Clock clock;

    public JettyErrors(Clock clock) {
        this.clock = clock;
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, JSON));
        return ByteBuffer.wrap(body(status));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(JSON);
        response.getOutputStream().write(body(code));
    }

    private byte[] body(int status) {
        try {
            return mapper.writeValueAsBytes(ApiError.of(status, HttpStatus.getMessage(status), null, clock.instant()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
