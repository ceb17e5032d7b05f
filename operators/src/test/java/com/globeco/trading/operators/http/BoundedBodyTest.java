package com.globeco.trading.operators.http;

import com.globeco.trading.messages.Reading;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;

import static org.assertj.core.api.Assertions.assertThat;

/** An answer's body read up to its limit: past it, reading stops and the body is refused, never held whole. */
class BoundedBodyTest {
    private static final int CHUNK = 16 * 1024;
    private static final int FIVE_MB = 5 * 1024 * 1024;

    @Test
    void aBodyWithinTheLimitIsReadWhole() {
        Body body = new Body(new BoundedBody(AnswerLimit.DEFAULT, -1), "{\"id\":27}".getBytes(StandardCharsets.UTF_8));

        body.stream();

        assertThat(body.reading()).isEqualTo(new Reading.Valid<>("{\"id\":27}"));
    }

    @Test
    void aFiveMegabyteBodyWithoutALengthIsRefusedOnceItPassesTheLimitAndTheRestIsNeverRead() {
        Body body = new Body(new BoundedBody(AnswerLimit.DEFAULT, -1), new byte[FIVE_MB]);

        body.stream();

        assertThat(body.reading()).isEqualTo(Reading.rejected("answer larger than 1048576 bytes"));
        assertThat(body.cancelled).isTrue();
        assertThat(body.delivered).as("chunks read: up to the limit and the one that passes it").isEqualTo(1024 * 1024 / CHUNK + 1);
    }

    @Test
    void aFiveMegabyteBodyThatSaysSoIsRefusedBeforeAByteIsRead() {
        Body body = new Body(new BoundedBody(AnswerLimit.DEFAULT, FIVE_MB), new byte[FIVE_MB]);

        body.stream();

        assertThat(body.reading()).isEqualTo(Reading.rejected("answer larger than 1048576 bytes"));
        assertThat(body.cancelled).isTrue();
        assertThat(body.delivered).isZero();
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        Body body = new Body(new BoundedBody(new AnswerLimit(CHUNK * 2), CHUNK * 2), new byte[CHUNK * 2]);

        body.stream();

        assertThat(body.reading()).isInstanceOf(Reading.Valid.class);
    }

    /** A publisher of one body in chunks, each sent only when requested, as the HTTP client does. */
    private static final class Body implements Flow.Subscription {
        private final BoundedBody subscriber;
        private final byte[] bytes;
        private long requested;
        private int position;
        boolean cancelled;
        int delivered;

        Body(BoundedBody subscriber, byte[] bytes) {
            this.subscriber = subscriber;
            this.bytes = bytes;
        }

        void stream() {
            subscriber.onSubscribe(this);
            while (!cancelled && requested > 0 && position < bytes.length) {
                requested--;
                int length = Math.min(CHUNK, bytes.length - position);
                delivered++;
                subscriber.onNext(List.of(ByteBuffer.wrap(bytes, position, length)));
                position += length;
            }
            if (!cancelled) {
                subscriber.onComplete();
            }
        }

        Reading<String> reading() {
            return subscriber.getBody().toCompletableFuture().join();
        }

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
