package com.globeco.trading.operations.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.operations.kafka.KafkaConnection;
import com.globeco.trading.operations.topics.TopicProvisioner;
import com.globeco.trading.jobs.topics.TopicSpec;
import com.globeco.trading.jobs.topics.Topics;
import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * {@code ./platform dlq list <topic> [--reason R] [--since T] [--newest N]}: counts by reason and the newest letters;
 * {@code dlq show <topic> <partition:offset>}: one letter with its payload and error; {@code dlq replay <topic>
 * [--reason R] [--since T] [--edit FILE] [--dry-run]}: republishes the letters' payloads to their source topics once
 * ({@link LetterReplay}). {@code --since} is an instant or a duration back from now ({@code PT2H}). The edit file has
 * one JSON object a line, {@code {"letter": "0:17", "payload": ...}} (the payload as a string or as JSON); with
 * one, only the letters it names are replayed, with its payloads. Kafka as every tool reaches it ({@link KafkaConnection}).
 */
public final class DeadLetterCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_EXCERPT = 120;

    private DeadLetterCommand() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args), System.getenv(), Clock.systemUTC(), System.out));
    }

    public static int run(List<String> args, Map<String, String> environment, Clock clock, PrintStream out) throws IOException {
        if (args.size() < 2) {
            out.println("usage: dlq list|show|replay <topic> ... (README.md, Dead letters)");
            return 2;
        }
        KafkaConnection kafka = KafkaConnection.from(args, environment);
        DeadLetterTopic topic = new DeadLetterTopic(kafka.properties(), args.get(1));
        LetterFilter filter = LetterFilter.of(KafkaConnection.option(args, "--reason", null), KafkaConnection.option(args, "--since", null), clock.instant());
        return switch (args.get(0)) {
            case "list" -> list(topic, filter, Integer.parseInt(KafkaConnection.option(args, "--newest", "10")), out);
            case "show" -> show(topic, args.size() > 2 ? args.get(2) : "", out);
            case "replay" -> {
                if (!args.contains("--dry-run")) {
                    provisionReplayLog(kafka, topic.name(), out);
                }
                yield replay(new LetterReplay(kafka.properties(), topic, clock), filter, edits(KafkaConnection.option(args, "--edit", null)),
                        args.contains("--dry-run"), out);
            }
            default -> {
                out.println("unknown command " + args.get(0) + "; list, show or replay");
                yield 2;
            }
        };
    }

    private static int list(DeadLetterTopic topic, LetterFilter filter, int newest, PrintStream out) {
        List<Letter> letters = topic.letters().stream().filter(filter).toList();
        out.printf("%d letters in %s%n", letters.size(), topic.name());
        DeadLetterTopic.countsByReason(letters).forEach((reason, count) -> out.printf("  %-28s %d%n", reason, count));
        out.printf("newest %d:%n", Math.min(newest, letters.size()));
        letters.stream().sorted(Comparator.comparing(Letter::failedAt).reversed()).limit(newest).forEach(letter ->
                out.printf("  %-10s %s  %-24s %s  %s%n", letter.coordinates(), letter.failedAt(), letter.reason(), letter.correlationId(),
                        excerpt(letter.error())));
        return 0;
    }

    private static int show(DeadLetterTopic topic, String coordinates, PrintStream out) throws IOException {
        var found = topic.letter(coordinates);
        if (found.isEmpty()) {
            out.println("no letter " + coordinates + " in " + topic.name() + " (give partition:offset)");
            return 1;
        }
        Letter letter = found.get();
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("letter", letter.coordinates());
        shown.put("key", letter.key());
        shown.put("replayed", topic.replayed().contains(letter.coordinates()));
        shown.put("envelope", letter.envelope());
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(shown));
        return 0;
    }

    private static int replay(LetterReplay replay, LetterFilter filter, Map<String, String> edits, boolean dryRun, PrintStream out) {
        LetterReplay.Outcome outcome = replay.replay(filter, edits, dryRun);
        out.printf("%s %d letters%n", dryRun ? "would replay" : "replayed", outcome.replayed().size());
        DeadLetterTopic.countsByReason(outcome.replayed()).forEach((reason, count) -> out.printf("  %-28s %d%n", reason, count));
        outcome.skipped().forEach((why, letters) -> out.printf("skipped %d (%s): %s%n", letters.size(), why,
                letters.stream().limit(10).map(Letter::coordinates).toList()));
        return 0;
    }

    /** The topic's replay log as declared (one for a dead-letter topic not declared), created when missing. */
    private static void provisionReplayLog(KafkaConnection kafka, String deadLetters, PrintStream out) {
        String log = Topics.replayLogOf(deadLetters);
        try (Admin admin = Admin.create(kafka.properties())) {
            int brokers = admin.describeCluster().nodes().get().size();
            TopicSpec declared = Topics.named(log).orElse(TopicSpec.compacted(log, "dead-letter-replay", "the letters of " + deadLetters + " replayed"));
            new TopicProvisioner(admin).apply(List.of(declared.onBrokers(brokers))).stream()
                    .filter(finding -> finding.outcome() == TopicProvisioner.Outcome.CREATED).forEach(out::println);
        } catch (ExecutionException unreachable) {
            throw new IllegalStateException("cannot provision " + log, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning " + log, interrupted);
        }
    }

    static Map<String, String> edits(String file) throws IOException {
        Map<String, String> edits = new LinkedHashMap<>();
        if (file == null) {
            return edits;
        }
        for (String line : Files.readAllLines(Path.of(file))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode edit = JSON.readTree(line);
            JsonNode payload = edit.path("payload");
            if (!edit.path("letter").isTextual() || payload.isMissingNode()) {
                throw new IllegalArgumentException("an edit needs \"letter\" (partition:offset) and \"payload\": " + line);
            }
            edits.put(edit.path("letter").asText(), payload.isTextual() ? payload.asText() : payload.toString());
        }
        return edits;
    }

    private static String excerpt(String error) {
        return error == null ? "" : error.length() <= ERROR_EXCERPT ? error : error.substring(0, ERROR_EXCERPT) + "...";
    }
}
