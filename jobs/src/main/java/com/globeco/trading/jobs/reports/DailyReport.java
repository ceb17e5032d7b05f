package com.globeco.trading.jobs.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the daily reconciliation reports (seed 004, 10.3 "Reconciliation Reports"): the run's summary and its breaks with
 * their tickets, the breaks found per day and severity over the last days (the break analysis), and the tickets still
 * open with their age.
 */
public record DailyReport(String runId, LocalDate day, Instant generatedAt, long positionsChecked, long critical, long warning, long info,
                          int ticketsOpened, int ticketsResolved, List<RunBreak> breaks, List<DayCount> byDay, List<OpenTicket> open) {

    /** The last day of the break analysis: the day (UTC) the report was made, so that the run's own breaks are in it. */
    public LocalDate lastAnalysedDay() {
        return LocalDate.ofInstant(generatedAt, java.time.ZoneOffset.UTC);
    }

    /** A break of the run and the ticket that follows it (none for a break whose ticket was closed meanwhile). */
    public record RunBreak(String severity, String positionKey, String kind, String expected, String actual, Long ticketId, String ticketStatus) {}

    /** How many breaks runs found on one day, by severity. */
    public record DayCount(LocalDate day, long critical, long warning, long info) {
        public long total() {
            return critical + warning + info;
        }
    }

    /** A ticket not closed yet. */
    public record OpenTicket(long ticketId, String severity, String status, String positionKey, String kind, String assignee, Instant openedAt) {}
}
