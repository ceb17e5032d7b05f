package com.globeco.trading.read.allocation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.read.http.Json;
import com.globeco.trading.read.http.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;

/**
 * Asks the Portfolio Accounting dispatcher ({@code POST <DISPATCHER_URL>/dispatch}) for a pass now. The dispatcher is
 * the only sender: it runs one pass at a time and looks for each file's marker inside it, so no file is sent twice
 * however often this is asked. A pass runs the CLI on every pending file, so the answer may take minutes.
 */
public final class AccountingDispatch {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration PASS_TIMEOUT = Duration.ofMinutes(5);
    static final String PATH = "/dispatch";
    /** What the dispatcher answers: 200 sent or nothing-to-send, 409 busy, 502 a file failed. */
    private static final Set<Integer> RELAYED = Set.of(200, 409, 502);
    private static final Logger LOG = LoggerFactory.getLogger(AccountingDispatch.class);
    private static final ObjectMapper JSON = Json.mapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final URI dispatch;

    public AccountingDispatch(URI dispatcher) {
        this.dispatch = dispatcher.resolve(PATH);
    }

    /** A dispatcher's answer: its HTTP status and body. */
    public record Answer(int httpStatus, SendResponse body) {}

    /** The dispatcher's answer; {@link Unavailable} when it cannot be reached or answers something else. */
    public Answer dispatchNow() {
        HttpRequest request = HttpRequest.newBuilder(dispatch).timeout(PASS_TIMEOUT)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            LOG.warn("the dispatcher at {} did not answer within {}", dispatch, PASS_TIMEOUT);
            throw new Unavailable("the Portfolio Accounting dispatcher did not answer within " + PASS_TIMEOUT.toMinutes()
                    + " minutes; its pass may still be running");
        } catch (IOException e) {
            LOG.warn("the dispatcher at {} cannot be reached: {}", dispatch, e.toString());
            throw new Unavailable("the Portfolio Accounting dispatcher cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while the Portfolio Accounting dispatcher ran a pass");
        }
        if (!RELAYED.contains(response.statusCode())) {
            throw new Unavailable("the Portfolio Accounting dispatcher answered " + response.statusCode());
        }
        try {
            return new Answer(response.statusCode(), JSON.readValue(response.body(), SendResponse.class));
        } catch (IOException e) {
            throw new Unavailable("the Portfolio Accounting dispatcher answered something else than its JSON");
        }
    }
}
