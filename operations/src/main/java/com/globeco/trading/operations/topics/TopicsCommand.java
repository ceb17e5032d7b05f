package com.globeco.trading.operations.topics;

import com.globeco.trading.jobs.topics.Topics;
import com.globeco.trading.operations.kafka.KafkaConnection;
import org.apache.kafka.clients.admin.Admin;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code ./platform topics list | apply --bootstrap <servers> [--brokers <n>] [--client-config <file>] | strimzi
 * [--cluster <name>] [--namespace <ns>]}: the declared topics, provisioning them on a cluster (exit status 1 when an
 * existing topic differs), or their Strimzi manifests. Security settings come from a client config file
 * ({@link KafkaConnection}), so no secret appears on the command line.
 */
public final class TopicsCommand {
    public static final String CLUSTER = "globeco-kafka";
    public static final String NAMESPACE = "globeco";

    private TopicsCommand() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args), System.out));
    }

    static int run(List<String> args, PrintStream out) throws Exception {
        String command = args.isEmpty() ? "list" : args.get(0);
        switch (command) {
            case "list" -> Topics.all().forEach(topic -> out.printf("%-38s %3d partitions  %d replicas  %s  schema %s  (%s)%n", topic.name(),
                    topic.partitions(), topic.replicationFactor(), topic.configs(), topic.schema(), topic.purpose()));
            case "strimzi" -> out.print(StrimziTopics.render(Topics.all(), KafkaConnection.option(args, "--cluster", CLUSTER),
                    KafkaConnection.option(args, "--namespace", NAMESPACE)));
            case "apply" -> {
                return apply(args, out);
            }
            default -> {
                out.println("usage: topics list | apply --bootstrap <servers> [--brokers <n>] [--client-config <file>] | strimzi [--cluster <name>]");
                return 2;
            }
        }
        return 0;
    }

    private static int apply(List<String> args, PrintStream out) throws Exception {
        int brokers = Integer.parseInt(KafkaConnection.option(args, "--brokers", "3"));
        try (Admin admin = Admin.create(KafkaConnection.from(args, System.getenv()).properties())) {
            List<TopicProvisioner.Finding> findings = new TopicProvisioner(admin)
                    .apply(Topics.all().stream().map(topic -> topic.onBrokers(brokers)).toList());
            findings.forEach(out::println);
            return TopicProvisioner.allAsDeclared(findings) ? 0 : 1;
        }
    }
}
