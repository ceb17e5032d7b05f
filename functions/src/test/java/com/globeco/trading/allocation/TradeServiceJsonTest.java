package com.globeco.trading.allocation;

import com.globeco.trading.messages.Reading;
import com.globeco.trading.messages.Refusals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Trade Service's answers, read strictly: anything but execution N's portfolio, or no execution, is refused with the reason. */
class TradeServiceJsonTest {
    private static final long EXECUTION = 2;
    private static final String ANSWER = """
            {"executions":[{"id":15,"tradeOrder":{"id":148,"orderId":148,\
            "portfolio":{"portfolioId":"684f125ac19ad4fb89bc14ba","name":"Portfolio 9733"},\
            "security":{"securityId":"684f122eeea39200e56291b8","ticker":"LYB"}},"executionServiceId":2,"version":3}],\
            "pagination":{"totalElements":1}}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a portfolio id as a number      | "portfolioId":"684f125ac19ad4fb89bc14ba"  | "portfolioId":684                          | portfolioId must be a string, was 684
            a missing portfolio id          | "portfolioId":"684f125ac19ad4fb89bc14ba", | ``                                         | portfolioId is required
            a blank portfolio id            | "portfolioId":"684f125ac19ad4fb89bc14ba"  | "portfolioId":" "                          | portfolioId must have 1 to 64 characters
            a portfolio id nested deeper    | "portfolioId":"684f125ac19ad4fb89bc14ba"  | "portfolioId":{"id":"684f125ac19ad4fb89bc14ba"} | portfolioId must be a string
            a portfolio that is a text      | "portfolio":{                              | "portfolio":"x","p":{                      | tradeOrder.portfolio must be a JSON object, was "x"
            no trade order                  | "tradeOrder":{                             | "order":{                                  | tradeOrder is required
            another execution               | "executionServiceId":2                     | "executionServiceId":3                     | executionServiceId must be the one asked for, 2, was 3
            the execution id as text        | "executionServiceId":2                     | "executionServiceId":"2"                   | executionServiceId must be a whole number from 1 to 2147483647, was "2"
            no execution id                 | "executionServiceId":2,                    | ``                                         | executionServiceId is required
            an execution that is no object  | "executions":[{                            | "executions":[7,{                          | executions[0] must be a JSON object, was 7
            no executions                   | "executions":[                             | "results":[                                | executions is required
            """)
    void refusesAWrongAnswerWithTheReason(String what, String from, String to, String reason) {
        assertThat(refusal(Refusals.changed(ANSWER, from, to))).as(what).contains(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            an empty body           | ``                                 | empty body: a page of executions was expected
            not JSON                | <html>Bad Gateway</html>           | malformed JSON
            a JSON array            | `[{"executions":[]}]`              | malformed JSON: a page of executions must be a JSON object
            the page wrapped        | `{"page":{"executions":[]}}`       | executions is required
            two pages               | `{"executions":[]}{"executions":[]}` | malformed JSON
            executions as an object | `{"executions":{"first":{}}}`      | executions must be an array, was {"first":{}}
            """)
    void refusesABodyThatIsNoPage(String what, String body, String reason) {
        assertThat(refusal(body)).as(what).contains(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            no execution          | `{"executions":[],"pagination":{"totalElements":0}}`
            """)
    void anEmptyPageIsNoPortfolioNotARefusal(String what, String body) {
        assertThat(TradeServiceJson.portfolioId(body, EXECUTION)).as(what).isEqualTo(new Reading.Valid<>(Optional.empty()));
    }

    private static String refusal(String body) {
        return Refusals.reasonOf(TradeServiceJson.portfolioId(body, EXECUTION));
    }
}
