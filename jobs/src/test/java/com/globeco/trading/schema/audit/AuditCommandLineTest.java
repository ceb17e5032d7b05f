package com.globeco.trading.schema.audit;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each command line asks for, and the ones the command refuses before it connects. */
class AuditCommandLineTest {
    private static final Instant FROM = Instant.parse("2030-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2030-03-02T00:00:00Z");

    @Test
    void eachQueryAndItsValues() {
        assertThat(query("position", "ACC-1:IBM:USD")).isEqualTo(AuditQuery.position("ACC-1:IBM:USD"));
        assertThat(query("correlation", "corr-1")).isEqualTo(AuditQuery.correlation("corr-1"));
        assertThat(query("between", "2030-03-01T00:00:00Z", "2030-03-02T00:00:00Z")).isEqualTo(AuditQuery.between(TimeRange.between(FROM, TO)));
        assertThat(query("user", "alice")).isEqualTo(AuditQuery.user("alice", TimeRange.always()));
        assertThat(query("user", "alice", "--from", "2030-03-01T00:00:00Z"))
                .isEqualTo(AuditQuery.user("alice", new TimeRange(Optional.of(FROM), Optional.empty())));
        assertThat(query("user", "--to", "2030-03-02T00:00:00Z", "alice"))
                .isEqualTo(AuditQuery.user("alice", new TimeRange(Optional.empty(), Optional.of(TO))));
        assertThat(query("trail", "ACC-1:IBM:USD")).isEqualTo(AuditQuery.trailOfPosition("ACC-1:IBM:USD"));
        assertThat(query("trail", "--correlation", "corr-1")).isEqualTo(AuditQuery.trailOfCorrelation("corr-1"));
        assertThat(query("trail", "--between", "2030-03-01T00:00:00Z", "2030-03-02T00:00:00Z"))
                .isEqualTo(AuditQuery.trailBetween(TimeRange.between(FROM, TO)));
        assertThat(query("user", "alice")).isNotEqualTo(AuditQuery.user("bob", TimeRange.always()));
    }

    @Test
    void theTableUnlessAnExportIsAskedAndStandardOutputUnlessAFile() {
        AuditCommandLine table = AuditCommandLine.parse(List.of("position", "P"));
        assertThat(table.format()).isEqualTo(ExportFormat.TABLE);
        assertThat(table.out()).isEmpty();

        AuditCommandLine csv = AuditCommandLine.parse(List.of("trail", "P", "--export", "csv", "--out", "trail.csv"));
        assertThat(csv.format()).isEqualTo(ExportFormat.CSV);
        assertThat(csv.out()).contains(Path.of("trail.csv"));
        assertThat(AuditCommandLine.parse(List.of("user", "u", "--export", "JSONL")).format()).isEqualTo(ExportFormat.JSONL);
    }

    @Test
    void anInstantIsReadStrictlyWithItsZone() {
        assertThat(AuditCommandLine.instant("2030-03-01T02:00:00+02:00")).isEqualTo(FROM);
        assertThat(AuditCommandLine.instant("2030-03-01T00:00:00.250Z")).isEqualTo(FROM.plusMillis(250));
        for (String bad : List.of("2030-03-01", "2030-03-01T00:00:00", "2030-02-30T00:00:00Z", "2030-03-01T25:00:00Z", "yesterday",
                "1740787200", "2030-03-01 00:00:00Z", "")) {
            assertThatThrownBy(() -> AuditCommandLine.instant(bad)).isInstanceOf(UsageError.class).hasMessageContaining("not an instant: " + bad);
        }
    }

    @Test
    void commandLinesItDoesNotUnderstand() {
        refused("give a query");
        refused("no query events", "events", "P");
        refused("no query --export", "--export", "csv", "position", "P");
        refused("position takes 1 argument, not []", "position");
        refused("position takes 1 argument, not [P, Q]", "position", "P", "Q");
        refused("between takes 2 arguments", "between", "2030-03-01T00:00:00Z");
        refused("is not before its end", "between", "2030-03-02T00:00:00Z", "2030-03-01T00:00:00Z");
        refused("is not before its end", "user", "alice", "--from", "2030-03-01T00:00:00Z", "--to", "2030-03-01T00:00:00Z");
        refused("not an instant: 2030-03-01", "user", "alice", "--from", "2030-03-01");
        refused("position takes no option --from", "position", "P", "--from", "2030-03-01T00:00:00Z");
        refused("trail takes a position key, --correlation <id> or --between <from> <to>: one of them", "trail");
        refused("one of them", "trail", "P", "--correlation", "c");
        refused("one of them", "trail", "P", "Q");
        refused("trail takes no option --to", "trail", "P", "--to", "2030-03-01T00:00:00Z");
        refused("--between needs 2 values", "trail", "--between", "2030-03-01T00:00:00Z");
        refused("--export is csv or jsonl, not xml", "position", "P", "--export", "xml");
        refused("--export is csv or jsonl, not table", "position", "P", "--export", "table");
        refused("--out needs a value", "position", "P", "--out");
        refused("--export given twice", "position", "P", "--export", "csv", "--export", "jsonl");
        refused("no option --verbose", "position", "P", "--verbose");
    }

    private static AuditQuery query(String... args) {
        return AuditCommandLine.parse(List.of(args)).query();
    }

    private static void refused(String message, String... args) {
        assertThatThrownBy(() -> AuditCommandLine.parse(List.of(args))).isInstanceOf(UsageError.class).hasMessageContaining(message);
    }
}
