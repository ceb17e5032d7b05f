package com.globeco.trading.execution;

import com.globeco.trading.messages.Reading;
import com.globeco.trading.messages.Refusals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The Execution Service's answers, read strictly: what the service really sends is read, anything else refused with the reason. */
class ExecutionJsonTest {
    private static final long ID = 27;
    /** As the real service answers a GET: scale 8, zero as 0E-8, a new execution's averagePrice null, extra fields. */
    private static final String ANSWER = """
            {"id":27,"executionStatus":"NEW","tradeType":"BUY","destination":"ML",\
            "security":{"securityId":"68336002fe95851f0a2aeda9","ticker":"IBM"},"quantity":1000.00000000,\
            "limitPrice":null,"receivedTimestamp":"2025-05-27T13:59:27.509362Z","sentTimestamp":null,\
            "tradeServiceExecutionId":null,"quantityFilled":0E-8,"averagePrice":null,"version":1}""";

    @Test
    void readsTheAnswerAsTheServiceSendsIt() {
        ExecutionState execution = valid(ANSWER);

        assertThat(execution.id()).isEqualTo(ID);
        assertThat(execution.quantity()).isEqualByComparingTo("1000");
        assertThat(execution.quantityFilled()).isEqualByComparingTo("0");
        assertThat(execution.averagePrice()).isNull();
        assertThat(execution.version()).isEqualTo(1);
        assertThat(execution.executionStatus()).isEqualTo("NEW");
    }

    @Test
    void readsAFilledExecution() {
        ExecutionState execution = valid(ANSWER.replace("\"quantityFilled\":0E-8,\"averagePrice\":null,\"version\":1",
                "\"quantityFilled\":800.00000000,\"averagePrice\":190.40960000,\"version\":4"));

        assertThat(execution.quantityFilled()).isEqualByComparingTo("800");
        assertThat(execution.averagePrice()).isEqualByComparingTo("190.4096");
        assertThat(execution.version()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a quantity as text              | "quantityFilled":0E-8          | "quantityFilled":"800"                 | quantityFilled must be a number, was "800"
            a missing quantity              | "quantityFilled":0E-8,         | ``                                     | quantityFilled is required
            a missing version               | ,"version":1                   | ``                                     | version is required
            a version as text               | "version":1                    | "version":"3"                          | version must be a whole number from 1 to 2147483647, was "3"
            a fractional version            | "version":1                    | "version":3.5                          | version must be a whole number from 1 to 2147483647, was 3.5
            a version of zero               | "version":1                    | "version":0                            | version must be a whole number from 1 to 2147483647, was 0
            a version beyond 32 bits        | "version":1                    | "version":2147483648                   | version must be a whole number from 1 to 2147483647, was 2147483648
            a missing id                    | "id":27,                       | ``                                     | id is required
            another execution               | "id":27                        | "id":28                                | id must be the execution asked for, 27, was 28
            an id as text                   | "id":27                        | "id":"27"                              | id must be a whole number from 1 to 2147483647, was "27"
            a negative quantity filled      | "quantityFilled":0E-8          | "quantityFilled":-1.00000000           | quantityFilled must not be negative, was -1
            more filled than ordered        | "quantityFilled":0E-8          | "quantityFilled":1000.00000001         | quantityFilled 1000.00000001 exceeds quantity 1000
            nine decimals                   | "quantityFilled":0E-8          | "quantityFilled":1.123456789           | quantityFilled has more than 8 decimal places, was 1.123456789
            an enormous quantity            | "quantity":1000.00000000       | "quantity":1e999999999                 | quantity must be less than 10000000000, was 1E+999999999
            a zero quantity                 | "quantity":1000.00000000       | "quantity":0E-8                        | quantity must be positive and non-zero, was 0
            a negative average price        | "averagePrice":null            | "averagePrice":-5                      | averagePrice must not be negative, was -5
            an average price as text        | "averagePrice":null            | "averagePrice":"12.5"                  | averagePrice must be a number, was "12.5"
            a nested quantity               | "quantityFilled":0E-8          | "quantityFilled":{"value":800}         | quantityFilled must be a number, was {"value":800}
            a status that is not a text     | "executionStatus":"NEW"        | "executionStatus":["NEW"]              | executionStatus must be a string, was ["NEW"]
            """)
    void refusesAWrongAnswerWithTheReason(String what, String from, String to, String reason) {
        assertThat(refusal(Refusals.changed(ANSWER, from, to))).as(what).contains(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            an empty body           | ``                                | empty body: an execution was expected
            a blank body            | `  `                              | empty body: an execution was expected
            not JSON                | <html>Bad Gateway</html>          | malformed JSON
            a JSON array            | [1,2]                             | malformed JSON: an execution must be a JSON object
            JSON null               | null                              | malformed JSON: an execution must be a JSON object
            the execution wrapped   | `{"execution":{"id":27}}`         | id is required; quantity is required; quantityFilled is required; version is required
            two objects             | `{"id":27}{"id":28}`              | malformed JSON
            """)
    void refusesABodyThatIsNoExecution(String what, String body, String reason) {
        assertThat(refusal(body)).as(what).contains(reason);
    }

    @Test
    void theWholeExecutionIsRefusedNotJustTheWrongField() {
        assertThat(ExecutionJson.readExecution(ANSWER.replace("\"version\":1", "\"version\":\"1\""), ID))
                .isInstanceOf(Reading.Rejected.class);
    }

    private static ExecutionState valid(String body) {
        Reading<ExecutionState> reading = ExecutionJson.readExecution(body, ID);
        assertThat(reading).isInstanceOf(Reading.Valid.class);
        return ((Reading.Valid<ExecutionState>) reading).value();
    }

    private static String refusal(String body) {
        return Refusals.reasonOf(ExecutionJson.readExecution(body, ID));
    }
}
