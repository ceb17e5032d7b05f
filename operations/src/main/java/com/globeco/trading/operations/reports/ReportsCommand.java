package com.globeco.trading.operations.reports;

import com.globeco.trading.compliance.reporting.ReportCommandJson;
import com.globeco.trading.operations.console.Operator;
import com.globeco.trading.operations.console.TextTable;
import com.globeco.trading.operations.kafka.KafkaConnection;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Regulatory reports for a person (seed 004, 10.4 "Compliance Queries"):
 * <pre>
 *   reports list [--status S] [--position KEY] [--trade ID] [--newest N]   the newest reports (default 20)
 *   reports show &lt;uti or report id&gt;                                    a trade's reports, each attempt's request and answer
 *   reports resubmit &lt;position key&gt; &lt;trade id&gt; --note N [--as USER]      sends a rejected or failed report again
 * </pre>
 * Queries read Postgres as {@code ./platform audit} does ({@link Operator#database}); resubmit publishes the command on
 * {@code [--topic-prefix P]regulatory-report-commands} (Kafka as every tool reaches it, {@link KafkaConnection}), and the
 * reporting job sends the report under its next sequence, with the person as who asked.
 */
public final class ReportsCommand {
    static final String USAGE = "usage: reports list [--status S] [--position KEY] [--trade ID] [--newest N] | show <uti|report id>"
            + " | resubmit <position key> <trade id> --note N [--as USER] [--bootstrap servers] [--topic-prefix P]";
    static final String COMMANDS_TOPIC = "regulatory-report-commands";

    private ReportsCommand() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args), System.getenv(), System.out));
    }

    public static int run(List<String> args, Map<String, String> environment, PrintStream out) throws Exception {
        if (args.isEmpty()) {
            out.println(USAGE);
            return 2;
        }
        switch (args.get(0)) {
            case "list":
                return list(args, environment, out);
            case "show":
                return args.size() == 2 ? show(args.get(1), environment, out) : usage(out);
            case "resubmit":
                return resubmit(args, environment, out);
            default:
                return usage(out);
        }
    }

    private static int usage(PrintStream out) {
        out.println(USAGE);
        return 2;
    }

    private static int list(List<String> args, Map<String, String> environment, PrintStream out) throws SQLException {
        int newest;
        try {
            newest = Integer.parseInt(KafkaConnection.option(args, "--newest", "20"));
        } catch (NumberFormatException notANumber) {
            return usage(out);
        }
        ReportQueries.Filter filter = new ReportQueries.Filter(KafkaConnection.option(args, "--status", null),
                KafkaConnection.option(args, "--position", null), KafkaConnection.option(args, "--trade", null), newest);
        try (Connection connection = Operator.database(environment).connect()) {
            List<ReportQueries.Report> reports = new ReportQueries(connection).list(filter);
            TextTable table = new TextTable().row("report", "status", "action", "provisional", "position", "trade", "attempts", "reason", "updated");
            reports.forEach(report -> table.row(report.reportId(), report.status(), report.action(), report.provisional() ? "yes" : "no",
                    report.positionKey(), report.tradeId(), String.valueOf(report.attempts()), report.reasonCode() == null ? "" : report.reasonCode(),
                    report.updatedAt()));
            table.print(out, "");
            out.printf("%d reports%n", reports.size());
            return 0;
        }
    }

    private static int show(String utiOrReportId, Map<String, String> environment, PrintStream out) throws SQLException {
        try (Connection connection = Operator.database(environment).connect()) {
            ReportQueries queries = new ReportQueries(connection);
            List<ReportQueries.Report> reports = queries.ofTrade(utiOrReportId);
            if (reports.isEmpty()) {
                out.println("no report of " + utiOrReportId);
                return 1;
            }
            ReportQueries.Report first = reports.get(0);
            out.printf("trade %s of %s, UTI %s%n", first.tradeId(), first.positionKey(), first.uti());
            for (ReportQueries.Report report : reports) {
                out.printf("%n%s  %s %s%s, %s after %d attempts%s, asked by %s, %s%n", report.reportId(), report.action(),
                        report.provisional() ? "(provisional) " : "", "", report.status(), report.attempts(),
                        report.reasonCode() == null ? "" : ": " + report.reasonCode() + (report.reason() == null ? "" : " " + report.reason()),
                        report.requestedBy(), report.submissionId() == null ? "" : "repository id " + report.submissionId());
                for (ReportQueries.Attempt attempt : queries.attempts(report.reportId())) {
                    out.printf("  attempt %d at %s: %s%s%n    sent     %s%n    answered %s%n", attempt.attempt(), attempt.sentAt(), attempt.outcome(),
                            attempt.httpStatus() == null ? "" : " (HTTP " + attempt.httpStatus() + ")", attempt.request(), attempt.response());
                }
            }
            return 0;
        }
    }

    private static int resubmit(List<String> args, Map<String, String> environment, PrintStream out) throws ExecutionException, InterruptedException {
        String note = KafkaConnection.option(args, "--note", null);
        if (args.size() < 3 || args.get(1).startsWith("--") || args.get(2).startsWith("--") || note == null || note.isBlank()) {
            out.println("resubmit needs a position key, a trade id and --note (why it may go again now)");
            return usage(out);
        }
        String positionKey = args.get(1);
        String tradeId = args.get(2);
        String actor = KafkaConnection.option(args, "--as", Operator.actor(environment));
        String topic = KafkaConnection.option(args, "--topic-prefix", "") + COMMANDS_TOPIC;
        var properties = KafkaConnection.from(args, environment).properties();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, positionKey, ReportCommandJson.resubmit(positionKey, tradeId, actor, note))).get();
        }
        out.printf("asked to resubmit the report of trade %s of %s as %s (on %s)%n", tradeId, positionKey, actor, topic);
        return 0;
    }
}
