package com.globeco.trading.operators.http;

import com.globeco.trading.messages.Reading;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body read as UTF-8 text up to an {@link AnswerLimit}, one chunk requested at a time. A body whose
 * {@code Content-Length} is past the limit is refused before any of it is read; one that grows past it is refused as
 * soon as it does, and the rest is never read (the subscription is cancelled, which closes the connection).
 */
final class BoundedBody implements HttpResponse.BodySubscriber<Reading<String>> {
    private final AnswerLimit limit;
    private final long declaredLength;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<Reading<String>> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    BoundedBody(AnswerLimit limit, long declaredLength) {
        this.limit = limit;
        this.declaredLength = declaredLength;
    }

    static HttpResponse.BodyHandler<Reading<String>> handler(AnswerLimit limit) {
        return info -> new BoundedBody(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (limit.exceededBy(declaredLength)) {
            refuse();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (limit.exceededBy((long) received.size() + buffer.remaining())) {
                refuse();
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            received.writeBytes(bytes);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        body.complete(new Reading.Valid<>(received.toString(StandardCharsets.UTF_8)));
    }

    @Override
    public CompletionStage<Reading<String>> getBody() {
        return body;
    }

    private void refuse() {
        subscription.cancel();
        received.reset();
        body.complete(Reading.rejected(limit.refusal()));
    }
}
