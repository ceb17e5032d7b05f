package com.globeco.trading.operations.topics;

import com.globeco.trading.jobs.topics.Topics;
import com.globeco.trading.jobs.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Makes a cluster's topics what {@link Topics} declares, as far as that is safe: creates the missing ones and reports
 * how existing ones differ (partitions, replicas, configs). It never deletes, shrinks or re-partitions a topic: more
 * partitions would move keys to other partitions and break per-position ordering, so a person decides.
 */
public final class TopicProvisioner {
    private final Admin admin;

    public TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    /** What was found or done, one line a topic (or a difference). */
    public record Finding(String topic, Outcome outcome, String detail) {
        @Override
        public String toString() {
            return String.format("%-9s %s%s", outcome.name().toLowerCase(), topic, detail.isEmpty() ? "" : ": " + detail);
        }
    }

    public enum Outcome { CREATED, MATCHES, DIFFERS }

    public List<Finding> apply(Collection<TopicSpec> topics) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<Finding> findings = new ArrayList<>();
        List<TopicSpec> present = new ArrayList<>(topics.stream().filter(topic -> existing.contains(topic.name())).toList());
        for (TopicSpec topic : topics.stream().filter(topic -> !existing.contains(topic.name())).toList()) {
            if (created(topic)) {
                findings.add(new Finding(topic.name(), Outcome.CREATED,
                        topic.partitions() + " partitions, " + topic.replicationFactor() + " replicas, " + topic.configs()));
            } else {
                present.add(topic);
            }
        }
        findings.addAll(compare(present));
        return findings;
    }

    /** Creates the topic; false when someone else just did. */
    private boolean created(TopicSpec topic) throws ExecutionException, InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), topic.replicationFactor()).configs(topic.configs())))
                    .all().get();
            return true;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw failed;
        }
    }

    private List<Finding> compare(List<TopicSpec> topics) throws ExecutionException, InterruptedException {
        if (topics.isEmpty()) {
            return List.of();
        }
        List<String> names = topics.stream().map(TopicSpec::name).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();
        List<Finding> findings = new ArrayList<>();
        for (TopicSpec topic : topics) {
            List<String> differences = differences(topic, descriptions.get(topic.name()),
                    configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name())));
            findings.add(differences.isEmpty() ? new Finding(topic.name(), Outcome.MATCHES, "")
                    : new Finding(topic.name(), Outcome.DIFFERS, String.join("; ", differences)));
        }
        return findings;
    }

    private static List<String> differences(TopicSpec topic, TopicDescription description, Config config) {
        List<String> differences = new ArrayList<>();
        int partitions = description.partitions().size();
        if (partitions != topic.partitions()) {
            differences.add("partitions " + partitions + ", declared " + topic.partitions());
        }
        int replicas = description.partitions().get(0).replicas().size();
        if (replicas != topic.replicationFactor()) {
            differences.add("replicas " + replicas + ", declared " + topic.replicationFactor());
        }
        Map<String, String> actual = config.entries().stream().collect(Collectors.toMap(ConfigEntry::name, entry -> String.valueOf(entry.value())));
        topic.configs().forEach((name, declared) -> {
            String value = actual.get(name);
            if (!declared.equals(value)) {
                differences.add(name + " " + value + ", declared " + declared);
            }
        });
        return differences;
    }

    /** Whether every finding says the cluster now has the declared topics as declared. */
    public static boolean allAsDeclared(List<Finding> findings) {
        return findings.stream().map(Finding::outcome).noneMatch(Outcome.DIFFERS::equals);
    }
}
