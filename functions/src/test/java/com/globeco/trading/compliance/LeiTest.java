package com.globeco.trading.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class LeiTest {

    /** Two LEIs from GLEIF's public register, the first its own. */
    private static final String GLEIF = "5493001KJTIIGC8Y1R12";
    private static final String PUBLISHED = "529900T8BM49AURSDO55";

    @Test
    void realLeisAreValidAndTheirCheckDigitsAreRecomputed() {
        for (String real : new String[] {GLEIF, PUBLISHED}) {
            assertThat(Lei.isValid(real)).as(real).isTrue();
            assertThat(Lei.withCheckDigits(real.substring(0, 18))).as(real).isEqualTo(new Lei(real));
        }
        assertThat(new Lei(GLEIF)).hasToString(GLEIF);
    }

    @Test
    void wrongShapesAreInvalid() {
        assertThat(Lei.isValid(null)).isFalse();
        assertThat(Lei.isValid("")).isFalse();
        assertThat(Lei.isValid(GLEIF.substring(0, 19))).as("19 characters").isFalse();
        assertThat(Lei.isValid(GLEIF + "0")).as("21 characters").isFalse();
        assertThat(Lei.isValid(GLEIF.toLowerCase())).as("lower case").isFalse();
        assertThat(Lei.isValid("5493001KJTIIGC8Y1R1B")).as("a letter as check digit, though 1 mod 97").isFalse();
    }

    @Test
    void theConstructorRefusesAnInvalidLei() {
        assertThatThrownBy(() -> new Lei("5493001KJTIIGC8Y1R13")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5493001KJTIIGC8Y1R13");
        assertThatThrownBy(() -> new Lei(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withCheckDigitsWantsEighteenCharactersOfTheAlphabet() {
        assertThatThrownBy(() -> Lei.withCheckDigits("5493001KJTIIGC8Y1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lei.withCheckDigits("5493001KJTIIGC8Y1r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lei.withCheckDigits(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDigitTurnedIntoALetterCanSlipThroughTheCheck() {
        String seventhCharacterChanged = "549300LKJTIIGC8Y1R12";

        assertThat(Lei.isValid(seventhCharacterChanged)).as("MOD 97-10's known blind spot").isTrue();
    }

    @Property
    void withCheckDigitsIsAlwaysValid(@ForAll @StringLength(18) @CharRange(from = '0', to = '9') @CharRange(from = 'A', to = 'Z') String first18) {
        Lei lei = Lei.withCheckDigits(first18);

        assertThat(lei.value()).startsWith(first18).hasSize(20);
        assertThat(Lei.isValid(lei.value())).isTrue();
    }

    @Property
    void changingOneCharacterIntoAnotherOfItsKindMakesItInvalid(
            @ForAll @StringLength(18) @CharRange(from = '0', to = '9') @CharRange(from = 'A', to = 'Z') String first18,
            @ForAll @IntRange(min = 0, max = 19) int position,
            @ForAll @IntRange(min = 1, max = 25) int offset) {
        String valid = Lei.withCheckDigits(first18).value();
        char changed = otherOfItsKind(valid.charAt(position), offset);

        String typo = valid.substring(0, position) + changed + valid.substring(position + 1);

        assertThat(typo).isNotEqualTo(valid);
        assertThat(Lei.isValid(typo)).as(typo).isFalse();
    }

    /** A different digit for a digit, a different letter for a letter. */
    private static char otherOfItsKind(char original, int offset) {
        if (Character.isDigit(original)) {
            return (char) ('0' + (original - '0' + 1 + (offset - 1) % 9) % 10);
        }
        return (char) ('A' + (original - 'A' + offset) % 26);
    }
}
