package com.globeco.trading.fills;

import com.globeco.trading.fills.Violation.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class FillReaderTest {
    static final String SAMPLE = """
            {"id":11,"executionServiceId":27,"isOpen":false,"executionStatus":"FULL","tradeType":"BUY",\
            "destination":"ML","securityId":"68336002fe95851f0a2aeda9","ticker":"IBM","quantity":1000,\
            "receivedTimestamp":1748354367.509362,"sentTimestamp":1748354367.512467,\
            "lastFilledTimestamp":1748354504.1602714,"quantityFilled":1000,"averagePrice":190.4096,\
            "numberOfFills":3,"totalAmount":190409.6,"version":1}""";

    private final FillReader reader = new FillReader();

    @Test
    void readsTheSeedSampleExactly() {
        Fill fill = ((FillReading.Valid) reader.read(SAMPLE)).fill();

        assertThat(fill.executionServiceId()).isEqualTo(27);
        assertThat(fill.isOpen()).isFalse();
        assertThat(fill.quantityFilled()).isEqualByComparingTo("1000");
        assertThat(fill.averagePrice()).isEqualTo(new BigDecimal("190.4096"));
        assertThat(fill.lastFilledTimestamp()).isEqualTo(new BigDecimal("1748354504.1602714"));
        assertThat(fill.numberOfFills()).isEqualTo(3);
        assertThat(fill.version()).isEqualTo(1);
    }

    @Test
    void acceptsAZeroFillWithoutAveragePrice() {
        String zeroFill = SAMPLE.replace("\"quantityFilled\":1000,\"averagePrice\":190.4096,", "\"quantityFilled\":0,");

        FillReading reading = reader.read(zeroFill);

        assertThat(reading).isInstanceOf(FillReading.Valid.class);
        assertThat(((FillReading.Valid) reading).fill().averagePrice()).isNull();
    }

    @Test
    void rejectsMalformedJson() {
        assertThat(categoryOf("{\"executionServiceId\":27,")).isEqualTo(Category.MALFORMED_JSON);
        assertThat(categoryOf("[1,2]")).isEqualTo(Category.MALFORMED_JSON);
        assertThat(categoryOf("")).isEqualTo(Category.MALFORMED_JSON);
        assertThat(categoryOf("{} trailing")).isEqualTo(Category.MALFORMED_JSON);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "\"executionServiceId\":27,   | \"executionServiceId\":0,        | OUT_OF_RANGE",
            "\"executionServiceId\":27,   | \"executionServiceId\":-4,       | OUT_OF_RANGE",
            "\"executionServiceId\":27,   | \"executionServiceId\":\"27\",   | INVALID_TYPE",
            "\"executionServiceId\":27,   | \"executionServiceId\":27.5,     | INVALID_TYPE",
            "\"executionServiceId\":27,   | REMOVE                           | MISSING_FIELD",
            "\"quantityFilled\":1000,     | \"quantityFilled\":-1,           | OUT_OF_RANGE",
            "\"quantityFilled\":1000,     | REMOVE                           | MISSING_FIELD",
            "\"quantityFilled\":1000,     | \"quantityFilled\":1001,         | BUSINESS_RULE",
            "\"averagePrice\":190.4096,   | REMOVE                           | MISSING_FIELD",
            "\"averagePrice\":190.4096,   | \"averagePrice\":0,              | OUT_OF_RANGE",
            "\"averagePrice\":190.4096,   | \"averagePrice\":10000,          | OUT_OF_RANGE",
            "\"averagePrice\":190.4096,   | \"averagePrice\":\"cheap\",      | INVALID_TYPE",
            "\"version\":1}               | \"version\":-1}                  | OUT_OF_RANGE",
            "\"version\":1}               | \"version\":1.5}                 | INVALID_TYPE",
            "\"quantity\":1000,           | \"quantity\":\"many\",           | INVALID_TYPE",
            "\"isOpen\":false,            | \"isOpen\":\"no\",               | INVALID_TYPE",
            "\"totalAmount\":190409.6,    | \"totalAmount\":null,            | ''",
            "\"executionServiceId\":27,   | \"executionServiceId\":2147483648, | OUT_OF_RANGE",
            "\"quantity\":1000,           | \"quantity\":1e999999999,      | OUT_OF_RANGE",
            "\"quantity\":1000,           | \"quantity\":1000.000000001,   | OUT_OF_RANGE",
            "\"totalAmount\":190409.6,    | \"totalAmount\":1e-999999999,  | OUT_OF_RANGE",
            "\"averagePrice\":190.4096,   | \"averagePrice\":190.123456789, | OUT_OF_RANGE",
            "\"ticker\":\"IBM\"           | \"ticker\":\"I\\u0000BM\"      | OUT_OF_RANGE",
    })
    void appliesEveryMessageRule(String original, String replacement, String expected) {
        String payload = SAMPLE.replace(original, replacement.equals("REMOVE") ? "" : replacement);
        FillReading reading = reader.read(payload.replace(",}", "}"));

        if (expected == null || expected.isEmpty()) {
            assertThat(reading).isInstanceOf(FillReading.Valid.class);
        } else {
            assertThat(reading).isInstanceOf(FillReading.Rejected.class);
            assertThat(((FillReading.Rejected) reading).category()).hasToString(expected);
        }
    }

    @Test
    void reportsEveryViolationAtOnce() {
        FillReading.Rejected rejected = (FillReading.Rejected) reader.read(
                "{\"executionServiceId\":-1,\"quantityFilled\":-5,\"version\":\"x\",\"quantity\":10}");

        assertThat(rejected.violations()).hasSize(3);
        assertThat(rejected.explanation())
                .contains("executionServiceId must be a positive 32-bit integer")
                .contains("quantityFilled must not be negative")
                .contains("version must be an integer");
    }

    @Test
    void fingerprintIgnoresDecimalScale() {
        Fill a = ((FillReading.Valid) reader.read(SAMPLE)).fill();
        Fill b = ((FillReading.Valid) reader.read(SAMPLE.replace("\"quantityFilled\":1000,", "\"quantityFilled\":1000.00,"))).fill();

        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    }

    private Category categoryOf(String payload) {
        return ((FillReading.Rejected) reader.read(payload)).category();
    }
}
