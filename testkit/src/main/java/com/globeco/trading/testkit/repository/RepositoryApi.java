package com.globeco.trading.testkit.repository;

import java.util.Optional;

import com.globeco.trading.compliance.Lei;
import com.globeco.trading.testkit.http.ApiRequest;
import com.globeco.trading.testkit.http.ApiRouter;
import com.globeco.trading.testkit.http.Reply;

/**
 * The Trade Repository's API: {@code POST /api/v1/reports}, {@code GET /api/v1/trades/{uti}} and
 * {@code GET /api/v1/positions?reportingEntity=<LEI>}; 405 for another method, 404 elsewhere and for an unknown UTI,
 * 400 for positions without a valid LEI; those errors with Spring Boot's JSON error body.
 */
final class RepositoryApi implements ApiRouter {

    private static final String REPORTS = "/api/v1/reports";
    private static final String TRADES = "/api/v1/trades/";
    private static final String POSITIONS = "/api/v1/positions";
    private static final String REPORTING_ENTITY = "reportingEntity";

    private final RepositoryStore store;
    private volatile boolean submissionsClosed;

    RepositoryApi(RepositoryStore store) {
        this.store = store;
    }

    @Override
    public Reply route(ApiRequest request) {
        String path = request.path();
        if (path.equals(REPORTS)) {
            if (!only("POST", request)) {
                return notAllowed(path);
            }
            return submissionsClosed ? Reply.serviceUnavailable(path) : submit(request.body());
        }
        if (path.equals(POSITIONS)) {
            return only("GET", request) ? positions(request) : notAllowed(path);
        }
        if (path.startsWith(TRADES)) {
            return only("GET", request) ? trade(path) : notAllowed(path);
        }
        return notFound(path);
    }

    /** While closed, every submission is answered 503 and the queries still answer: the gateway is down, the repository is not. */
    void closeSubmissions(boolean closed) {
        submissionsClosed = closed;
    }

    private Reply submit(byte[] body) {
        return ReportReader.read(body)
                .fold(store::submit, reason -> store.refuse(ReportReader.malformed(body, reason)))
                .reply();
    }

    private Reply trade(String path) {
        String uti = path.substring(TRADES.length());
        Optional<RepositoryTrade> trade = uti.isEmpty() || uti.contains("/") ? Optional.empty() : store.trade(uti);
        return trade.map(found -> Reply.json(200, RepositoryJson.trade(found))).orElseGet(() -> notFound(path));
    }

    private Reply positions(ApiRequest request) {
        Optional<String> entity = request.queryParameter(REPORTING_ENTITY).filter(Lei::isValid);
        return entity.map(lei -> Reply.json(200, RepositoryJson.positions(store.now(), store.positions(lei))))
                .orElseGet(() -> Reply.error(400, "Bad Request", POSITIONS));
    }

    private static boolean only(String method, ApiRequest request) {
        return request.method().equals(method);
    }

    private static Reply notAllowed(String path) {
        return Reply.error(405, "Method Not Allowed", path);
    }

    private static Reply notFound(String path) {
        return Reply.error(404, "Not Found", path);
    }
}
