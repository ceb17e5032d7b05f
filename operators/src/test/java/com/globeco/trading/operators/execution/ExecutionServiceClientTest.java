package com.globeco.trading.operators.execution;

import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.ExecutionUpdate;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.execution.Latency;
import com.globeco.trading.testkit.execution.NewExecution;
import org.junit.jupiter.api.AfterEach;
import com.globeco.trading.testkit.http.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionServiceClientTest {
    private final ExecutionServiceSimulator service = ExecutionServiceSimulator.start();
    private final ExecutionServiceClient client = new ExecutionServiceClient(service.baseUri(), Duration.ofMillis(500), 2);
    private final long execution = service.createExecution(NewExecution.of("BUY", "68336002fe95851f0a2aeda9", 1000));

    @AfterEach
    void stop() {
        client.close();
        service.close();
    }

    @Test
    void readsAndWritesAnExecution() throws Exception {
        ExecutionAnswer.Found read = (ExecutionAnswer.Found) client.read(execution, "c-1").get(5, TimeUnit.SECONDS);
        assertThat(read.execution().version()).isEqualTo(1);
        assertThat(read.execution().quantityFilled()).isEqualByComparingTo("0");

        ExecutionAnswer written = client.write(execution, new ExecutionUpdate(new BigDecimal("250"), new BigDecimal("12.5"), 1), "c-1")
                .get(5, TimeUnit.SECONDS);

        assertThat(((ExecutionAnswer.Found) written).execution().version()).isEqualTo(2);
        assertThat(((ExecutionAnswer.Found) written).execution().quantityFilled()).isEqualByComparingTo("250");
    }

    @Test
    void aStaleVersionIsRefusedWith500AndAnUnknownExecutionIsNotFound() throws Exception {
        ExecutionAnswer stale = client.write(execution, new ExecutionUpdate(BigDecimal.ONE, BigDecimal.ONE, 7), "c-2")
                .get(5, TimeUnit.SECONDS);
        ExecutionAnswer unknown = client.read(execution + 1000, "c-2").get(5, TimeUnit.SECONDS);

        assertThat(stale).isInstanceOfSatisfying(ExecutionAnswer.Refused.class, refused -> assertThat(refused.status()).isEqualTo(500));
        assertThat(unknown).isInstanceOf(ExecutionAnswer.NotFound.class);
    }

    @ParameterizedTest
    @EnumSource(WrongExecutionAnswers.class)
    void aWrongAnswerIsRefusedWithTheReasonNeverReadAsDefaults(WrongExecutionAnswers wrong) throws Exception {
        service.answerEveryRequestWith(wrong.reply(execution));

        ExecutionAnswer read = client.read(execution, "c-5").get(5, TimeUnit.SECONDS);
        ExecutionAnswer written = client.write(execution, new ExecutionUpdate(BigDecimal.TEN, BigDecimal.ONE, 1), "c-5")
                .get(5, TimeUnit.SECONDS);

        assertThat(read).isInstanceOfSatisfying(ExecutionAnswer.Invalid.class, invalid -> {
            assertThat(invalid.status()).isEqualTo(200);
            assertThat(invalid.reason()).contains(wrong.reason()).hasSizeLessThan(400);
        });
        assertThat(written).isInstanceOf(ExecutionAnswer.Invalid.class);
    }

    @Test
    void anErrorWithAFiveMegabyteBodyKeepsItsStatusAndIsNotReadWhole() throws Exception {
        service.answerEveryRequestWith(Reply.oversized(500, "{\"error\":\"Internal Server Error\"}", 5 * 1024 * 1024));

        ExecutionAnswer written = client.write(execution, new ExecutionUpdate(BigDecimal.TEN, BigDecimal.ONE, 1), "c-6")
                .get(5, TimeUnit.SECONDS);

        assertThat(written).isEqualTo(new ExecutionAnswer.Refused(500, "answer larger than 1048576 bytes"));
    }

    @Test
    void aSlowServiceTimesOutAsUnreachable() throws Exception {
        service.setLatency(Latency.fixed(Duration.ofSeconds(3)));

        ExecutionAnswer answer = client.read(execution, "c-3").get(5, TimeUnit.SECONDS);

        assertThat(answer).isInstanceOfSatisfying(ExecutionAnswer.Unreachable.class,
                unreachable -> assertThat(unreachable.error()).contains("HttpTimeoutException"));
    }

    @Test
    void aServiceThatIsDownIsUnreachable() throws Exception {
        ExecutionServiceClient nowhere = new ExecutionServiceClient(java.net.URI.create("http://localhost:1"), Duration.ofSeconds(1), 1);

        assertThat(nowhere.read(1, "c-4").get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionAnswer.Unreachable.class);
        nowhere.close();
    }
}
