package com.globeco.trading.operators.positions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.fills.DeadLetter;
import com.globeco.trading.fills.SourceMessage;
import com.globeco.trading.positions.MarketPrice;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import java.math.BigDecimal;

/** Market-data updates ({@code instrument}, {@code price}, {@code asOf}); a price must be positive. */
public final class ReadMarketPrices extends ProcessFunction<SourceMessage, MarketPrice> {
    public static final String INVALID_PRICE = "INVALID_MARKET_DATA";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Override
    public void processElement(SourceMessage message, Context context, Collector<MarketPrice> out) {
        try {
            JsonNode node = JSON.readTree(message.payload());
            String instrument = node.path("instrument").asText("");
            BigDecimal price = node.path("price").decimalValue();
            if (instrument.isEmpty() || !node.path("price").isNumber() || price.signum() <= 0) {
                throw new IllegalArgumentException("needs an instrument and a positive price: " + message.payload());
            }
            out.collect(new MarketPrice(instrument, price, node.path("asOf").asText(null), message.coordinates()));
        } catch (Exception invalid) {
            context.output(ValidateTrades.REJECTED, DeadLetter.of(message, null, INVALID_PRICE, String.valueOf(invalid.getMessage()),
                    message.coordinates(), context.timerService().currentProcessingTime()));
        }
    }
}
