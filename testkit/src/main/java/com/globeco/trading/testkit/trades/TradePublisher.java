package com.globeco.trading.testkit.trades;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Publishes generated trades keyed by position key (so a position's trades stay in order) at a steady rate. */
public final class TradePublisher implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final AtomicLong published = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread worker;

    public TradePublisher(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(properties);
        this.topic = topic;
    }

    public void publish(TradeGenerator.Trade trade) {
        producer.send(new ProducerRecord<>(topic, trade.positionKey().getBytes(StandardCharsets.UTF_8),
                trade.json().getBytes(StandardCharsets.UTF_8)));
        published.incrementAndGet();
    }

    /** Generates and publishes {@code tradesPerSecond} trades a second in the background until closed. */
    public TradePublisher publishContinuously(Trades generator, double tradesPerSecond, ZoneId businessZone) {
        return publishContinuously(generator, tradesPerSecond, businessZone, trade -> {});
    }

    /** The same, telling {@code onPublished} of each trade as it is sent. */
    public TradePublisher publishContinuously(Trades generator, double tradesPerSecond, ZoneId businessZone,
                                              Consumer<TradeGenerator.Trade> onPublished) {
        running.set(true);
        worker = new Thread(() -> {
            long started = System.nanoTime();
            while (running.get()) {
                long due = (long) ((System.nanoTime() - started) / 1e9 * tradesPerSecond);
                while (published.get() < due && running.get()) {
                    TradeGenerator.Trade trade = generator.next(LocalDate.now(businessZone));
                    publish(trade);
                    onPublished.accept(trade);
                }
                sleepBriefly();
            }
        }, "trade-publisher");
        worker.setDaemon(true);
        worker.start();
        return this;
    }

    public long published() {
        return published.get();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        if (worker != null) {
            worker.join(5_000);
        }
        producer.close();
    }
}
