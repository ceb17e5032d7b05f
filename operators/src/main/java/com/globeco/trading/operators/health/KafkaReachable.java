package com.globeco.trading.operators.health;

import com.globeco.trading.health.DependencyState;
import com.globeco.trading.operators.sinks.KafkaSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

import java.time.Duration;
import java.util.Collection;
import java.util.Properties;

/**
 * Kafka answers: a broker describes the cluster within the timeout, through the job's own client settings (secured
 * Kafka included). The admin client is made at the first check and kept, so it reconnects by itself when the brokers
 * come back; one that cannot be made (an unresolvable address) is tried again at the next check.
 */
public final class KafkaReachable implements DependencyCheck {
    public static final String DEPENDENCY = "kafka";

    private final KafkaSettings kafka;
    private final Duration timeout;
    private Admin admin;

    public KafkaReachable(KafkaSettings kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    @Override
    public String dependency() {
        return DEPENDENCY;
    }

    @Override
    public DependencyState check() {
        try {
            Collection<Node> brokers = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get();
            return DependencyState.up(DEPENDENCY, brokers.size() + " broker(s) at " + kafka.bootstrapServers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DependencyState.down(DEPENDENCY, "interrupted");
        } catch (Exception e) {
            return DependencyState.down(DEPENDENCY, kafka.bootstrapServers() + ": " + Failures.reason(e));
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminProperties());
        }
        return admin;
    }

    private Properties adminProperties() {
        int millis = (int) timeout.toMillis();
        Properties properties = kafka.properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "readiness");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return properties;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ZERO);
        }
    }
}
