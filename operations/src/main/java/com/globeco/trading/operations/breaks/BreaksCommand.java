package com.globeco.trading.operations.breaks;

import com.globeco.trading.operations.console.Operator;

import com.globeco.trading.compliance.breaks.BreakStatus;
import com.globeco.trading.compliance.breaks.Decision;
import com.globeco.trading.operators.reconciliation.tickets.BreakTickets;
import com.globeco.trading.operators.reconciliation.tickets.TicketFilter;
import com.globeco.trading.operators.reconciliation.tickets.TicketHistory;
import com.globeco.trading.positions.ReconciliationBreak.Severity;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ./platform breaks}: the break desk's command over the break tickets ({@link BreakTickets}).
 * <pre>
 *   breaks list [--severity S] [--older-than 2h|3d] [--position KEY] [--status S,...|--all]   not closed unless asked
 *   breaks show &lt;id&gt;                                  the ticket and every step of it
 *   breaks assign &lt;id&gt; &lt;assignee&gt; [--note N]   breaks investigate &lt;id&gt; [--note N]   breaks note &lt;id&gt; &lt;text&gt;
 *   breaks resolve &lt;id&gt; --note N   breaks close &lt;id&gt; --note N   breaks reopen &lt;id&gt; --note N
 * </pre>
 * A step is taken as {@code --as USER}, else {@code GLOBECO_USER}, else the operating system's user. The database comes
 * from {@code POSTGRES_URL}, {@code POSTGRES_USER} (the break desk's role, {@code globeco_break_desk}) and
 * {@code POSTGRES_PASSWORD}. Exit status 0 when done, 1 when the workflow refused the step (the reason is printed) or
 * there is no such ticket, 2 for a command line it does not understand.
 */
public final class BreaksCommand {
    static final String USAGE = """
            usage: breaks list [--severity CRITICAL|WARNING|INFO] [--older-than 2h|3d] [--position KEY] [--status S,...|--all]
                   breaks show <id>
                   breaks assign <id> <assignee> [--note N] | investigate <id> [--note N] | note <id> <text>
                   breaks resolve <id> --note N | close <id> --note N | reopen <id> --note N
                   (a step is taken --as USER, else GLOBECO_USER, else the OS user)""";

    /** What the command line asks, run on the tickets: its exit status. */
    private interface Invocation {
        int on(BreakTickets tickets, PrintStream out) throws SQLException;
    }

    /** One step on ticket {@code id}. */
    private interface Step {
        Decision take(BreakTickets tickets, long id) throws SQLException;
    }

    private BreaksCommand() {}

    public static void main(String[] args) throws SQLException {
        System.exit(run(List.of(args), System.getenv(), Clock.systemUTC(), System.out));
    }

    public static int run(List<String> args, Map<String, String> environment, Clock clock, PrintStream out) throws SQLException {
        Invocation invocation;
        try {
            invocation = invocation(CommandLine.parse(args), Operator.actor(environment), clock.instant());
        } catch (UsageError error) {
            out.println(error.getMessage());
            out.println(USAGE);
            return 2;
        }
        try (Connection connection = Operator.database(environment).connect()) {
            return invocation.on(new BreakTickets(connection, clock), out);
        }
    }

    private static Invocation invocation(CommandLine line, String defaultActor, Instant now) {
        String actor = line.option("--as").orElse(defaultActor);
        String note = line.option("--note").orElse(null);
        return switch (line.subcommand()) {
            case LIST -> {
                TicketFilter filter = filter(line, now);
                yield (tickets, out) -> {
                    TicketPrinter.table(tickets.list(filter), now, out);
                    return 0;
                };
            }
            case SHOW -> {
                long id = line.ticketId();
                yield (tickets, out) -> show(tickets.show(id), id, out);
            }
            case ASSIGN -> step(line, (tickets, id) -> tickets.assign(id, line.rest(), actor, note));
            case INVESTIGATE -> step(line, (tickets, id) -> tickets.investigate(id, actor, note));
            case NOTE -> step(line, (tickets, id) -> tickets.note(id, actor, line.rest()));
            case RESOLVE -> step(line, (tickets, id) -> tickets.resolve(id, actor, note));
            case CLOSE -> step(line, (tickets, id) -> tickets.close(id, actor, note));
            case REOPEN -> step(line, (tickets, id) -> tickets.reopen(id, actor, note));
        };
    }

    private static TicketFilter filter(CommandLine line, Instant now) {
        if (line.has("--all") && line.has("--status")) {
            throw new UsageError("--status or --all, not both");
        }
        TicketFilter filter = line.has("--all") ? TicketFilter.all() : TicketFilter.notClosed();
        Optional<String> statuses = line.option("--status");
        if (statuses.isPresent()) {
            filter = filter.inStatuses(statuses(statuses.get()));
        }
        Optional<String> severity = line.option("--severity");
        if (severity.isPresent()) {
            filter = filter.ofSeverity(named(Severity.class, severity.get()));
        }
        Optional<String> olderThan = line.option("--older-than");
        if (olderThan.isPresent()) {
            filter = filter.olderThan(Ages.parse(olderThan.get()), now);
        }
        Optional<String> position = line.option("--position");
        if (position.isPresent()) {
            filter = filter.ofPosition(position.get());
        }
        return filter;
    }

    private static Set<BreakStatus> statuses(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(name -> named(BreakStatus.class, name))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(BreakStatus.class)));
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new UsageError(name + " is none of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static int show(Optional<TicketHistory> history, long id, PrintStream out) {
        if (history.isEmpty()) {
            out.println("no ticket " + id);
            return 1;
        }
        TicketPrinter.history(history.get(), out);
        return 0;
    }

    /** The step on the ticket the command line names (its id read now: a usage error before any connection). */
    private static Invocation step(CommandLine line, Step step) {
        long id = line.ticketId();
        return (tickets, out) -> {
            Decision decision = step.take(tickets, id);
            if (decision instanceof Decision.Allowed allowed) {
                TicketPrinter.step(allowed.step(), out);
                return 0;
            }
            out.println("refused: " + ((Decision.Refused) decision).refusal().message());
            return 1;
        };
    }
}
