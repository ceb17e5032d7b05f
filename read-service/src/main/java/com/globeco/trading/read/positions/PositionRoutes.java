package com.globeco.trading.read.positions;

import com.globeco.trading.positions.ImpossibleHistoryException;
import com.globeco.trading.positions.KnownHistory;
import com.globeco.trading.read.http.ApiError;
import com.globeco.trading.read.http.BadRequest;
import com.globeco.trading.read.http.NotFound;
import com.globeco.trading.read.http.Params;
import com.globeco.trading.read.http.Route;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Seed 004's positions: now, as of a date as known at an instant, their events, realized P&L over a period, and by portfolio or instrument. */
public final class PositionRoutes {
    static final String LIST = "/api/v1/positions";
    static final String ONE = "/api/v1/positions/{key}";
    static final String EVENTS = "/api/v1/positions/{key}/events";
    static final String REALIZED = "/api/v1/positions/{key}/realized-pnl";
    static final int MAX_PAGE = 1_000;
    private static final String FIRST_KEY = "";

    private final PositionRows rows;
    private final PositionHistories histories;

    public PositionRoutes(PositionRows rows, PositionHistories histories) {
        this.rows = rows;
        this.histories = histories;
    }

    public List<Route> routes() {
        return List.of(Route.get(LIST, this::list), Route.get(ONE, this::one), Route.get(EVENTS, this::events), Route.get(REALIZED, this::realized));
    }

    @OpenApi(path = ONE, methods = HttpMethod.GET, operationId = "getPosition", tags = "positions",
            summary = "A position now, or as of an effective date as known at an instant",
            description = "Without asOf and knownAt: the position's snapshot, its lots, realized P&L and the backdated trades not yet "
                    + "settled. With either: the events recorded by knownAt (default: all), replayed in effective-date order up to "
                    + "asOf (default: all), as the backdated coldpath replays them. Events commit about a checkpoint after their "
                    + "recordedAt, so an answer for an instant of the last seconds may still grow.",
            pathParams = @OpenApiParam(name = "key", required = true, description = "ACCOUNT:INSTRUMENT:CCY"),
            queryParams = {
                    @OpenApiParam(name = "asOf", description = "an effective date, YYYY-MM-DD"),
                    @OpenApiParam(name = "knownAt", description = "an ISO-8601 instant: the events recorded by then")},
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = PositionDto.class)),
                    @OpenApiResponse(status = "400", description = "a malformed key, date or instant", content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "404", description = "no such position", content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "409", description = "the known history goes below zero in effective-date order (the coldpath refuses it too)",
                            content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "503", description = "the database does not answer; Retry-After", content = @OpenApiContent(from = ApiError.class))})
    public void one(Context ctx) throws SQLException {
        String key = PositionParams.positionKey(ctx.pathParam("key"));
        Optional<LocalDate> asOf = PositionParams.day("asOf", ctx.queryParam("asOf"));
        Optional<Instant> knownAt = PositionParams.instant("knownAt", ctx.queryParam("knownAt"));
        if (asOf.isEmpty() && knownAt.isEmpty()) {
            ctx.json(rows.now(key).orElseThrow(() -> unknown(key)));
            return;
        }
        KnownHistory known = knownHistory(key, knownAt);
        ctx.json(replayed(() -> PositionHistories.replayed(key, known, asOf, knownAt)));
    }

    @OpenApi(path = EVENTS, methods = HttpMethod.GET, operationId = "getPositionEvents", tags = "positions",
            summary = "A position's events in version order, a page at a time",
            pathParams = @OpenApiParam(name = "key", required = true, description = "ACCOUNT:INSTRUMENT:CCY"),
            queryParams = {
                    @OpenApiParam(name = "afterVersion", type = Long.class, description = ">= 0, default 0: the events after it"),
                    @OpenApiParam(name = "limit", type = Integer.class, description = "1 to 1000, default 100")},
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = EventDto[].class),
                            headers = @OpenApiParam(name = "Link", description = "<...afterVersion=N>; rel=\"next\" on a full page")),
                    @OpenApiResponse(status = "400", description = "a malformed key or parameter", content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "404", description = "no such position", content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "503", description = "the database does not answer; Retry-After", content = @OpenApiContent(from = ApiError.class))})
    public void events(Context ctx) throws SQLException {
        String key = PositionParams.positionKey(ctx.pathParam("key"));
        long after = Params.integer("afterVersion", ctx.queryParam("afterVersion"), 0, 0, Long.MAX_VALUE);
        int limit = (int) Params.integer("limit", ctx.queryParam("limit"), 100, 1, MAX_PAGE);
        List<EventDto> page = rows.events(key, after, limit);
        if (page.isEmpty() && !rows.exists(key)) {
            throw unknown(key);
        }
        if (page.size() == limit) {
            ctx.header("Link", "<" + EVENTS.replace("{key}", key) + "?afterVersion=" + page.get(page.size() - 1).version() + "&limit=" + limit
                    + ">; rel=\"next\"");
        }
        ctx.json(page);
    }

    @OpenApi(path = REALIZED, methods = HttpMethod.GET, operationId = "getRealizedPnl", tags = "positions",
            summary = "Realized P&L of the decreases dated in a period, in effective-date order",
            pathParams = @OpenApiParam(name = "key", required = true, description = "ACCOUNT:INSTRUMENT:CCY"),
            queryParams = {
                    @OpenApiParam(name = "from", required = true, description = "first effective date, YYYY-MM-DD"),
                    @OpenApiParam(name = "to", required = true, description = "last effective date, YYYY-MM-DD, not before from"),
                    @OpenApiParam(name = "knownAt", description = "an ISO-8601 instant: the events recorded by then")},
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = RealizedPnlDto.class)),
                    @OpenApiResponse(status = "400", description = "a malformed key, date or instant, or from after to",
                            content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "404", description = "no such position", content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "409", description = "the known history goes below zero in effective-date order",
                            content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "503", description = "the database does not answer; Retry-After", content = @OpenApiContent(from = ApiError.class))})
    public void realized(Context ctx) throws SQLException {
        String key = PositionParams.positionKey(ctx.pathParam("key"));
        LocalDate from = PositionParams.requiredDay("from", ctx.queryParam("from"));
        LocalDate to = PositionParams.requiredDay("to", ctx.queryParam("to"));
        if (from.isAfter(to)) {
            throw new BadRequest("from (" + from + ") is after to (" + to + ")");
        }
        Optional<Instant> knownAt = PositionParams.instant("knownAt", ctx.queryParam("knownAt"));
        KnownHistory known = knownHistory(key, knownAt);
        ctx.json(replayed(() -> new RealizedPnlDto(key, from, to, knownAt.orElse(null), known.realizedBetween(from, to))));
    }

    @OpenApi(path = LIST, methods = HttpMethod.GET, operationId = "listPositions", tags = "positions",
            summary = "The positions of a portfolio or of an instrument, by key",
            queryParams = {
                    @OpenApiParam(name = "portfolio", description = "the key's account; this or instrument"),
                    @OpenApiParam(name = "instrument", description = "the key's instrument; this or portfolio"),
                    @OpenApiParam(name = "after", description = "only keys after it (keyset paging)"),
                    @OpenApiParam(name = "limit", type = Integer.class, description = "1 to 1000, default 100")},
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = PositionSummaryDto[].class),
                            headers = @OpenApiParam(name = "Link", description = "<...after=KEY>; rel=\"next\" on a full page")),
                    @OpenApiResponse(status = "400", description = "neither or both of portfolio and instrument, or a malformed parameter",
                            content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "503", description = "the database does not answer; Retry-After", content = @OpenApiContent(from = ApiError.class))})
    public void list(Context ctx) throws SQLException {
        Optional<String> portfolio = PositionParams.keyPart("portfolio", ctx.queryParam("portfolio"));
        Optional<String> instrument = PositionParams.keyPart("instrument", ctx.queryParam("instrument"));
        if (portfolio.isPresent() == instrument.isPresent()) {
            throw new BadRequest("name either a portfolio or an instrument");
        }
        String after = ctx.queryParam("after") == null ? FIRST_KEY : PositionParams.positionKey(ctx.queryParam("after"));
        int limit = (int) Params.integer("limit", ctx.queryParam("limit"), 100, 1, MAX_PAGE);
        PositionRows.Selection by = portfolio.isPresent() ? PositionRows.Selection.PORTFOLIO : PositionRows.Selection.INSTRUMENT;
        String value = portfolio.orElseGet(instrument::get);
        List<PositionSummaryDto> page = rows.selected(by, value, after, limit);
        if (page.size() == limit) {
            ctx.header("Link", "<" + LIST + "?" + by.name().toLowerCase(java.util.Locale.ROOT) + "=" + value + "&after="
                    + page.get(page.size() - 1).positionKey() + "&limit=" + limit + ">; rel=\"next\"");
        }
        ctx.json(page);
    }

    private KnownHistory knownHistory(String key, Optional<Instant> knownAt) throws SQLException {
        KnownHistory known = histories.known(key, knownAt);
        if (known.isEmpty() && !rows.exists(key)) {
            throw unknown(key);
        }
        return known;
    }

    private static <T> T replayed(java.util.function.Supplier<T> answer) {
        try {
            return answer.get();
        } catch (ImpossibleHistoryException impossible) {
            throw new ConflictResponse("the position's known history is impossible: " + impossible.getMessage());
        }
    }

    private static NotFound unknown(String key) {
        return new NotFound("no position " + key);
    }
}
