package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.TradeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.globeco.trading.operators.positions.HostedParts.TODAY;
import static com.globeco.trading.operators.positions.HostedParts.trade;
import static org.assertj.core.api.Assertions.assertThat;

class KeyedPositionsTest {
    private HostedParts parts;

    @BeforeEach
    void open() throws Exception {
        parts = new HostedParts();
    }

    @AfterEach
    void close() throws Exception {
        parts.close();
    }

    @Test
    void aPositionWithoutStateIsNoneByKeyAndEmptyAsTheCurrentOne() throws Exception {
        assertThat(parts.positions().of("ACC-7:AAPL:USD")).isNull();
        assertThat(parts.positions().current()).isEqualTo(Position.empty());
        assertThat(parts.positions().versionOf("ACC-7:AAPL:USD")).isZero();
    }

    @Test
    void aPositionIsReadByItsKeyWhichStaysCurrent() throws Exception {
        parts.apply(trade("T1", "ACC-7:AAPL:USD", TradeType.NEW_TRADE, "10", TODAY));
        parts.apply(trade("T2", "ACC-7:AAPL:USD", TradeType.INCREASE, "10", TODAY));
        parts.apply(trade("T3", "ACC-8:AAPL:USD", TradeType.NEW_TRADE, "10", TODAY));

        assertThat(parts.positions().versionOf("ACC-7:AAPL:USD")).isEqualTo(2);
        assertThat(parts.positions().current().version()).as("of the key read last").isEqualTo(2);
        assertThat(parts.positions().of("ACC-8:AAPL:USD").version()).isEqualTo(1);
    }
}
