package com.globeco.trading.testkit.trades;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Market data for the instruments {@link TradeGenerator} trades ({@code INSTR0} to {@code INSTR49}):
 * one price a period for a random instrument, as of now, moving a little from its last price.
 */
public final class MarketDataFeed implements AutoCloseable {
    private static final int INSTRUMENTS = 50;
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Random random = new Random();
    private final long[] cents = new long[INSTRUMENTS];
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "market-data-feed");
        thread.setDaemon(true);
        return thread;
    });

    public MarketDataFeed(String bootstrapServers, String topic, long periodMillis) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(properties);
        this.topic = topic;
        java.util.Arrays.fill(cents, 50_000);
        schedule.scheduleAtFixedRate(this::publishOne, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void publishOne() {
        int instrument = random.nextInt(INSTRUMENTS);
        cents[instrument] = Math.max(1, cents[instrument] + random.nextInt(201) - 100);
        String json = "{\"instrument\":\"INSTR" + instrument + "\",\"price\":" + BigDecimal.valueOf(cents[instrument], 2).toPlainString()
                + ",\"asOf\":\"" + Instant.now() + "\"}";
        producer.send(new ProducerRecord<>(topic, ("INSTR" + instrument).getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() throws InterruptedException {
        schedule.shutdown();
        schedule.awaitTermination(5, TimeUnit.SECONDS);
        producer.close();
    }
}
