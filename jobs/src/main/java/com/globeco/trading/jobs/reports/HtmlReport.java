package com.globeco.trading.jobs.reports;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The daily report as one self-contained HTML page: no script, no outside resource; the chart is inline SVG. */
public final class HtmlReport {
    private HtmlReport() {}

    public static String render(DailyReport report) {
        StringBuilder page = new StringBuilder(8_192);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Reconciliation ").append(report.day())
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                        + "padding:2px 6px;text-align:left}.CRITICAL{color:#b00020}.WARNING{color:#a05a00}.INFO{color:#555}</style></head>\n<body>\n")
                .append("<h1>Reconciliation of ").append(report.day()).append("</h1>\n")
                .append("<p>Run <code>").append(escape(report.runId())).append("</code>, generated ").append(report.generatedAt())
                .append(": ").append(report.positionsChecked()).append(" positions checked, ").append(report.breaks().size())
                .append(" breaks (").append(report.critical()).append(" critical, ").append(report.warning()).append(" warning, ")
                .append(report.info()).append(" info); ").append(report.ticketsOpened()).append(" tickets opened, ")
                .append(report.ticketsResolved()).append(" resolved by themselves.</p>\n")
                .append("<h2>Breaks by day and severity, last ").append(DailyReportQueries.DAYS).append(" days</h2>\n")
                .append(BreakChart.svg(days(report)))
                .append("<h2>Breaks of this run</h2>\n");
        table(page, List.of("severity", "position", "kind", "expected", "actual", "ticket"), 0, report.breaks().stream()
                .map(found -> List.of(found.severity(), found.positionKey(), found.kind(), String.valueOf(found.expected()),
                        String.valueOf(found.actual()), found.ticketId() == null ? "" : found.ticketId() + " " + found.ticketStatus()))
                .toList());
        page.append("<h2>Open tickets</h2>\n");
        table(page, List.of("ticket", "severity", "status", "age", "position", "kind", "assignee"), 1, report.open().stream()
                .map(ticket -> List.of(String.valueOf(ticket.ticketId()), ticket.severity(), ticket.status(),
                        age(Duration.between(ticket.openedAt(), report.generatedAt())), ticket.positionKey(), ticket.kind(),
                        ticket.assignee() == null ? "" : ticket.assignee()))
                .toList());
        return page.append("</body></html>\n").toString();
    }

    /** Every day of the window, with none for a day without breaks. */
    private static List<DailyReport.DayCount> days(DailyReport report) {
        Map<LocalDate, DailyReport.DayCount> byDay = new TreeMap<>();
        for (int back = DailyReportQueries.DAYS - 1; back >= 0; back--) {
            LocalDate day = report.lastAnalysedDay().minusDays(back);
            byDay.put(day, new DailyReport.DayCount(day, 0, 0, 0));
        }
        report.byDay().forEach(count -> byDay.put(count.day(), count));
        return List.copyOf(byDay.values());
    }

    /** @param severity the column that holds each row's severity, which colours it */
    private static void table(StringBuilder page, List<String> headings, int severity, List<List<String>> rows) {
        if (rows.isEmpty()) {
            page.append("<p>None.</p>\n");
            return;
        }
        page.append("<table><tr>");
        headings.forEach(heading -> page.append("<th>").append(heading).append("</th>"));
        page.append("</tr>\n");
        for (List<String> row : rows) {
            page.append("<tr class=\"").append(escape(row.get(severity))).append("\">");
            row.forEach(cell -> page.append("<td>").append(escape(cell)).append("</td>"));
            page.append("</tr>\n");
        }
        page.append("</table>\n");
    }

    private static String age(Duration age) {
        return age.toDays() > 0 ? age.toDays() + "d " + age.toHoursPart() + "h" : age.toHours() + "h " + age.toMinutesPart() + "m";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char character : text.toCharArray()) {
            switch (character) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(character);
            }
        }
        return escaped.toString();
    }
}
