package com.globeco.trading.read.positions;

import com.globeco.trading.positions.ImpossibleHistoryException;
import com.globeco.trading.positions.KnownHistory;
import com.globeco.trading.read.http.BadRequest;
import com.globeco.trading.schema.audit.Column;
import com.globeco.trading.schema.audit.ColumnType;
import com.globeco.trading.schema.audit.TableWriter;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./platform position <key> [--as-of D] [--known-at T]}: what {@code GET /api/v1/positions/{key}} answers, as
 * a table, from the same code. The database comes from {@code POSTGRES_URL}, {@code POSTGRES_USER} (the read-only
 * {@code globeco_reader} is enough) and {@code POSTGRES_PASSWORD}. Exit status 0 when printed, 1 when the position is
 * unknown, its history impossible or the database failed, 2 for a command line it does not understand.
 */
public final class PositionCommand {
    static final String USAGE = "usage: position <ACCOUNT:INSTRUMENT:CCY> [--as-of YYYY-MM-DD] [--known-at ISO-8601-instant]";
    private static final List<Column> LOT_COLUMNS = columns("lot_id", "trade_date", "cost_price", "quantity", "cost", "reference_price");
    private static final List<Column> OUTSTANDING_COLUMNS = columns("trade_id", "effective_date", "version");

    private record Query(String key, Optional<LocalDate> asOf, Optional<Instant> knownAt) {}

    private PositionCommand() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    public static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Query query;
        try {
            query = parse(args);
        } catch (BadRequest wrong) {
            err.println(wrong.getMessage());
            err.println(USAGE);
            return 2;
        }
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(environment.getOrDefault("POSTGRES_URL", "jdbc:postgresql://localhost:5432/postgres"));
        database.setUser(environment.getOrDefault("POSTGRES_USER", "globeco_reader"));
        database.setPassword(environment.getOrDefault("POSTGRES_PASSWORD", ""));
        database.setReadOnly(true);
        try {
            Optional<PositionDto> position = find(database, query);
            if (position.isEmpty()) {
                err.println("no position " + query.key());
                return 1;
            }
            print(position.get(), out);
            return 0;
        } catch (ImpossibleHistoryException impossible) {
            err.println("the position's known history is impossible: " + impossible.getMessage());
            return 1;
        } catch (SQLException | IOException failure) {
            err.println("position failed: " + failure.getMessage());
            return 1;
        }
    }

    private static Optional<PositionDto> find(PGSimpleDataSource database, Query query) throws SQLException {
        PositionRows rows = new PositionRows(database);
        if (query.asOf().isEmpty() && query.knownAt().isEmpty()) {
            return rows.now(query.key());
        }
        KnownHistory known = new PositionHistories(database).known(query.key(), query.knownAt());
        if (known.isEmpty() && !rows.exists(query.key())) {
            return Optional.empty();
        }
        return Optional.of(PositionHistories.replayed(query.key(), known, query.asOf(), query.knownAt()));
    }

    private static Query parse(List<String> args) {
        if (args.isEmpty() || args.size() % 2 == 0) {
            throw new BadRequest("name one position, then options each with its value");
        }
        String asOf = null;
        String knownAt = null;
        for (int option = 1; option < args.size(); option += 2) {
            String value = args.get(option + 1);
            switch (args.get(option)) {
                case "--as-of" -> asOf = value;
                case "--known-at" -> knownAt = value;
                default -> throw new BadRequest("unknown option " + args.get(option));
            }
        }
        return new Query(PositionParams.positionKey(args.get(0)), PositionParams.day("--as-of", asOf), PositionParams.instant("--known-at", knownAt));
    }

    private static void print(PositionDto position, PrintStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        String basis = position.asOf() == null && position.knownAt() == null
                ? "now (snapshot, updated " + position.updatedAt() + ")"
                : "as of " + (position.asOf() == null ? "every date" : position.asOf()) + ", as known at "
                        + (position.knownAt() == null ? "now" : position.knownAt()) + " (" + position.eventsReplayed() + " steps replayed)";
        writer.write("position        " + position.positionKey() + "\n");
        writer.write("basis           " + basis + "\n");
        writer.write("version         " + position.version() + "\n");
        writer.write("status          " + position.status() + (position.provisional() ? " (provisional)" : "") + "\n");
        writer.write("quantity        " + position.quantity().toPlainString() + " in " + position.openLots() + " lots\n");
        writer.write("cost basis      " + position.costBasis().toPlainString() + "\n");
        writer.write("market value    " + position.marketValue().toPlainString() + "\n");
        writer.write("unrealized P&L  " + position.unrealizedPnl().toPlainString() + "\n");
        writer.write("realized P&L    " + position.realizedPnl().toPlainString() + "\n\n");
        TableWriter lots = new TableWriter(writer);
        lots.header(LOT_COLUMNS);
        for (LotDto lot : position.lots()) {
            lots.row(List.of(lot.lotId(), lot.tradeDate(), lot.costPrice().toPlainString(), lot.quantity().toPlainString(),
                    lot.cost().toPlainString(), lot.referencePrice().toPlainString()));
        }
        if (!position.outstandingBackdatedTrades().isEmpty()) {
            writer.write("\noutstanding backdated trades\n");
            TableWriter outstanding = new TableWriter(writer);
            outstanding.header(OUTSTANDING_COLUMNS);
            for (OutstandingTradeDto trade : position.outstandingBackdatedTrades()) {
                outstanding.row(List.of(trade.tradeId(), trade.effectiveDate(), trade.version()));
            }
        }
        writer.flush();
    }

    private static List<Column> columns(String... names) {
        return java.util.Arrays.stream(names).map(name -> new Column(name, ColumnType.TEXT)).toList();
    }
}
