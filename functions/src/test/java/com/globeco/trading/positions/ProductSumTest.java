package com.globeco.trading.positions;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The 128-bit sum of products equals the BigDecimal sum it replaces, to the digit and the scale, for any longs. */
class ProductSumTest {

    @Property
    void equalsTheSumOfBigDecimalProducts(@ForAll @Size(max = 50) List<Long> prices, @ForAll @Size(max = 50) List<Long> quantities) {
        ProductSum sum = new ProductSum();
        BigDecimal expected = BigDecimal.valueOf(0, 16);
        for (int i = 0; i < Math.min(prices.size(), quantities.size()); i++) {
            sum.add(prices.get(i), quantities.get(i));
            expected = expected.add(BigDecimal.valueOf(prices.get(i), 8).multiply(BigDecimal.valueOf(quantities.get(i), 8)));
        }

        assertThat(sum.toDecimal(16)).isEqualTo(expected);
    }

    @Test
    void carriesAcrossTheLow64Bits() {
        ProductSum sum = new ProductSum();
        sum.add(Long.MAX_VALUE, Long.MAX_VALUE);
        sum.add(Long.MAX_VALUE, Long.MAX_VALUE);
        sum.add(Long.MIN_VALUE, 3);

        BigDecimal max = BigDecimal.valueOf(Long.MAX_VALUE);
        assertThat(sum.toDecimal(0)).isEqualTo(max.multiply(max).multiply(BigDecimal.valueOf(2)).add(BigDecimal.valueOf(Long.MIN_VALUE).multiply(BigDecimal.valueOf(3))));
    }
}
