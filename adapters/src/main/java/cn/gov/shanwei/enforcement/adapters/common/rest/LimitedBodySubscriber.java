package cn.gov.shanwei.enforcement.adapters.common.rest;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/** Collects a body into memory and gives up (cancelling the download) as soon as it exceeds a limit. */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** Thrown inside the body future when the body is larger than allowed. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("response body exceeds " + limit + " bytes", null, false, false);
        }
    }

    private final int limit;
    private final AtomicBoolean exceeded;
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    /** @param exceeded set when the limit is passed (the cancelled download may then fail with another error) */
    LimitedBodySubscriber(int limit, AtomicBoolean exceeded) {
        this.limit = limit;
        this.exceeded = exceeded;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if ((long) collected.size() + item.remaining() > limit) {
                exceeded.set(true);
                subscription.cancel();
                body.completeExceptionally(new TooLarge(limit));
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            collected.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(collected.toByteArray());
    }
}
