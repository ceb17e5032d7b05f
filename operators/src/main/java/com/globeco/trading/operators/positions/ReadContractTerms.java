package com.globeco.trading.operators.positions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.fills.DeadLetter;
import com.globeco.trading.fills.SourceMessage;
import com.globeco.trading.positions.ContractTerms;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.positions.TaxLotMethod;
import com.globeco.trading.positions.TradeReader;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Contract events ({@code positionKey}, {@code contractId}, {@code taxLotMethod}) for positions; bad ones are dead-lettered. */
public final class ReadContractTerms extends ProcessFunction<SourceMessage, PositionCommand> {
    public static final String INVALID_CONTRACT = "INVALID_CONTRACT_EVENT";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void processElement(SourceMessage message, Context context, Collector<PositionCommand> out) {
        try {
            JsonNode node = JSON.readTree(message.payload());
            String positionKey = node.path("positionKey").asText("");
            if (!TradeReader.POSITION_KEY.matcher(positionKey).matches()) {
                throw new IllegalArgumentException("positionKey must look like ACCOUNT:INSTRUMENT:CCY, was " + positionKey);
            }
            TaxLotMethod method = TaxLotMethod.valueOf(node.path("taxLotMethod").asText(""));
            out.collect(PositionCommand.of(new ContractTerms(positionKey, node.path("contractId").asText(null), method)));
        } catch (Exception invalid) {
            context.output(ValidateTrades.REJECTED, DeadLetter.of(message, null, INVALID_CONTRACT, String.valueOf(invalid.getMessage()),
                    message.coordinates(), context.timerService().currentProcessingTime()));
        }
    }
}
