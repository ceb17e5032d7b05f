package com.globeco.trading.jobs;

import com.globeco.trading.positions.LotReplayOracle;
import com.globeco.trading.positions.TaxLotMethod;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trades for a set of positions, current-dated, with increases and decreases that never exceed
 * what is open, and per position the oracle's replay of the same trades.
 */
public final class TradeScenario {
    public record Trade(String positionKey, String tradeId, String json) {}

    private final List<Trade> trades = new ArrayList<>();
    private final Map<String, List<LotReplayOracle.Step>> steps = new LinkedHashMap<>();

    public TradeScenario(String run, int positions, int tradesPerPosition, LocalDate day, long seed) {
        Random random = new Random(seed);
        Map<String, BigDecimal> open = new HashMap<>();
        for (int trade = 0; trade < tradesPerPosition; trade++) {
            for (int position = 0; position < positions; position++) {
                String key = "ACC-" + run.toUpperCase() + "-" + position + ":INSTR" + (position % 5) + ":USD";
                String tradeId = run + "-" + position + "-" + trade;
                BigDecimal held = open.getOrDefault(key, BigDecimal.ZERO);
                boolean decrease = held.signum() > 0 && random.nextInt(3) == 0;
                BigDecimal quantity = decrease
                        ? held.multiply(BigDecimal.valueOf(random.nextInt(100) + 1)).divide(BigDecimal.valueOf(100)).setScale(2, java.math.RoundingMode.DOWN).max(new BigDecimal("0.01"))
                        : BigDecimal.valueOf(random.nextInt(1000) + 1);
                BigDecimal price = BigDecimal.valueOf(random.nextInt(100_000) + 1, 2);
                String type = decrease ? "DECREASE" : held.signum() == 0 ? "NEW_TRADE" : "INCREASE";
                open.put(key, decrease ? held.subtract(quantity) : held.add(quantity));
                trades.add(new Trade(key, tradeId, json(tradeId, key, type, quantity, price, day)));
                steps.computeIfAbsent(key, k -> new ArrayList<>()).add(decrease
                        ? new LotReplayOracle.Decrease(quantity)
                        : new LotReplayOracle.Open(tradeId, day, price, quantity));
            }
        }
    }

    public static String json(String tradeId, String key, String type, BigDecimal quantity, BigDecimal price, LocalDate day) {
        return "{\"tradeId\":\"" + tradeId + "\",\"positionKey\":\"" + key + "\",\"tradeType\":\"" + type
                + "\",\"quantity\":" + quantity.toPlainString() + ",\"price\":" + price.toPlainString()
                + ",\"effectiveDate\":\"" + day + "\",\"occurredAt\":\"" + java.time.Instant.now() + "\"}";
    }

    public static void publish(KafkaProducer<byte[], byte[]> producer, String topic, List<Trade> trades) {
        for (Trade trade : trades) {
            producer.send(new ProducerRecord<>(topic, trade.positionKey().getBytes(StandardCharsets.UTF_8),
                    trade.json().getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
    }

    /** In slices of 25 a tenth of a second apart, so that a failure can happen mid-stream. */
    public static void publishSlowly(KafkaProducer<byte[], byte[]> producer, String topic, List<Trade> trades) {
        publishSlowly(producer, topic, trades, Duration.ofMillis(100));
    }

    /** Publishes the trades 25 at a time, with a pause after each 25. */
    public static void publishSlowly(KafkaProducer<byte[], byte[]> producer, String topic, List<Trade> trades, Duration pause) {
        for (int from = 0; from < trades.size(); from += 25) {
            publish(producer, topic, trades.subList(from, Math.min(trades.size(), from + 25)));
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public List<Trade> trades() {
        return trades;
    }

    public Map<String, List<LotReplayOracle.Step>> stepsByPosition() {
        return steps;
    }

    public LotReplayOracle.Outcome expected(String positionKey) {
        return LotReplayOracle.replay(steps.get(positionKey), TaxLotMethod.FIFO);
    }
}
