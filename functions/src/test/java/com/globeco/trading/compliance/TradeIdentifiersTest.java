package com.globeco.trading.compliance;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeIdentifiersTest {
    private static final TradeIdentifiers IDENTIFIERS = TradeIdentifiers.example();

    @Property
    void aTradeAlwaysGetsTheSameIdentifiers(@ForAll @NotBlank String positionKey, @ForAll @NotBlank String tradeId) {
        TradeIdentifiers again = new TradeIdentifiers(new Lei(TradeIdentifiers.EXAMPLE_LEI), TradeIdentifiers.EXAMPLE_USI_NAMESPACE);

        assertThat(again.uti(positionKey, tradeId)).isEqualTo(IDENTIFIERS.uti(positionKey, tradeId));
        assertThat(again.usi(positionKey, tradeId)).isEqualTo(IDENTIFIERS.usi(positionKey, tradeId));
    }

    @Property
    void aUtiIsTheLeiThenThirtyTwoCharacters(@ForAll @AlphaChars @NotBlank String positionKey, @ForAll String tradeId) {
        Uti uti = IDENTIFIERS.uti(positionKey, tradeId);

        assertThat(uti.value()).hasSize(52).startsWith(TradeIdentifiers.EXAMPLE_LEI).matches("[0-9A-Z]+");
        assertThat(uti.generatedBy()).isEqualTo(IDENTIFIERS.reportingEntity());
        assertThat(IDENTIFIERS.usi(positionKey, tradeId).value()).isEqualTo("GLOBECOTRD" + uti.value().substring(20));
    }

    @Test
    void thePositionAndTheTradeBothCount() {
        Set<Uti> seen = new HashSet<>();
        for (int trade = 0; trade < 50_000; trade++) {
            seen.add(IDENTIFIERS.uti("ACC-" + trade % 7 + ":AAPL:USD", "T" + trade / 7));
        }
        assertThat(seen).hasSize(50_000);
        assertThat(IDENTIFIERS.uti("A:B:C", "1")).isNotEqualTo(IDENTIFIERS.uti("A:B:C1", ""));
    }

    @Test
    void anotherEntityGivesAnotherUti() {
        TradeIdentifiers other = new TradeIdentifiers(Lei.withCheckDigits("5493000000000000AB"), "OTHERNAMES");

        assertThat(other.uti("ACC-1:AAPL:USD", "T1")).isNotEqualTo(IDENTIFIERS.uti("ACC-1:AAPL:USD", "T1"));
    }

    @Test
    void malformedIdentifiersAreRefused() {
        assertThatThrownBy(() -> new Uti(TradeIdentifiers.EXAMPLE_LEI)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Uti("X".repeat(52))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TradeIdentifiers(new Lei(TradeIdentifiers.EXAMPLE_LEI), "short"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Lei("5493001KJTIIGC8Y1R13")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Lei.isValid("5493001KJTIIGC8Y1R12")).isTrue();
    }
}
