package com.globeco.trading.positions;

import com.globeco.trading.messages.Reading;
import com.globeco.trading.messages.Refusals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Contract Service's answers, read strictly: anything but the contract of the trade asked for is refused with the reason. */
class ContractServiceJsonTest {
    private static final String ANSWER = """
            {"contractId":"CTR-17","tradeId":"T-1","positionKey":"ACC-1:AAPL:USD","status":"GENERATED",\
            "createdAt":"2026-11-20T14:00:00.123Z"}""";

    @Test
    void readsTheContractOfTheTrade() {
        assertThat(ContractServiceJson.contractId(ANSWER, "T-1")).isEqualTo(new Reading.Valid<>("CTR-17"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a contract id as a number | "contractId":"CTR-17"   | "contractId":17                  | contractId must be a string, was 17
            a missing contract id     | "contractId":"CTR-17",  | ``                               | contractId is required
            a blank contract id       | "contractId":"CTR-17"   | "contractId":""                  | contractId must have 1 to 64 characters
            a contract id too long    | "contractId":"CTR-17"   | "contractId":"CTR-1234567890123456789012345678901234567890123456789012345678901" | contractId must have 1 to 64 characters
            a nested contract id      | "contractId":"CTR-17"   | "contractId":{"id":"CTR-17"}     | contractId must be a string, was {"id":"CTR-17"}
            another trade's contract  | "tradeId":"T-1"         | "tradeId":"T-2"                  | tradeId must be the trade asked for, T-1, was T-2
            no trade id               | "tradeId":"T-1",        | ``                               | tradeId is required
            """)
    void refusesAWrongAnswerWithTheReason(String what, String from, String to, String reason) {
        assertThat(refusal(Refusals.changed(ANSWER, from, to))).as(what).contains(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            an empty body           | ``                                           | empty body: a contract was expected
            not JSON                | <html>Bad Gateway</html>                     | malformed JSON
            a JSON text             | `"CTR-17"`                                   | malformed JSON: a contract must be a JSON object
            the contract wrapped    | `{"contract":{"contractId":"CTR-17","tradeId":"T-1"}}` | contractId is required; tradeId is required
            """)
    void refusesABodyThatIsNoContract(String what, String body, String reason) {
        assertThat(refusal(body)).as(what).contains(reason);
    }

    @Test
    void readsTheContractsOfABatchInTheOrderAsked() {
        String batch = "{\"contracts\":[" + ANSWER + "," + ANSWER.replace("CTR-17", "CTR-18").replace("T-1", "T-2") + "]}";

        assertThat(ContractServiceJson.contractIds(batch, List.of("T-1", "T-2"))).isEqualTo(new Reading.Valid<>(List.of("CTR-17", "CTR-18")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            one contract, not a batch    | ANSWER                                  | contracts must be a JSON array
            a contract missing           | {"contracts":[ANSWER]}                  | contracts must hold one contract a trade asked for, 2, held 1
            the order swapped            | {"contracts":[ANSWER_2,ANSWER]}         | contracts[0]: tradeId must be the trade asked for, T-1, was T-2; contracts[1]: tradeId must be the trade asked for, T-2, was T-1
            a contract as a string       | {"contracts":["CTR-17",ANSWER_2]}       | contracts[0]: contract must be a JSON object, was "CTR-17"
            an empty body                | ``                                      | empty body: the contracts of a batch was expected
            """)
    void refusesABatchAnswerThatIsNotOneContractATradeInOrder(String what, String body, String reason) {
        String answer = body.replace("ANSWER_2", ANSWER.replace("CTR-17", "CTR-18").replace("T-1", "T-2")).replace("ANSWER", ANSWER);

        assertThat(Refusals.reasonOf(ContractServiceJson.contractIds(answer, List.of("T-1", "T-2")))).as(what).contains(reason);
    }

    private static String refusal(String body) {
        return Refusals.reasonOf(ContractServiceJson.contractId(body, "T-1"));
    }
}
