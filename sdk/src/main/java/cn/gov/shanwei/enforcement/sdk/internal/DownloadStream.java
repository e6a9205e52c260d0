package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.errors.HubTimeoutException;
import cn.gov.shanwei.enforcement.sdk.errors.TransportException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A download's body as it arrives, bounded so that it can neither hang nor pass for complete when it is not: a read
 * that waits longer than the idle timeout for data closes the connection and fails, and a body that ends before its
 * {@code Content-Length} fails. The failures are {@link IOException}s whose cause is the SDK's
 * {@link HubTimeoutException} or {@link TransportException}. Reads are meant for one thread at a time.
 */
final class DownloadStream extends FilterInputStream {

    private final long expectedLength;
    private final long idleNanos;
    private final String operation;
    private final String requestId;
    private long received;
    private volatile long readingSince = -1;
    private volatile boolean timedOut;
    private volatile boolean closed;

    /**
     * @param expectedLength the {@code Content-Length}, or -1 when unknown
     * @param idleTimeout    the longest one read may wait for data
     */
    DownloadStream(InputStream in, long expectedLength, Duration idleTimeout, String operation, String requestId) {
        super(in);
        this.expectedLength = expectedLength;
        this.idleNanos = idleTimeout.toNanos();
        this.operation = operation;
        this.requestId = requestId;
        watchAfter(idleNanos);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n;
        readingSince = System.nanoTime();
        try {
            n = super.read(b, off, len);
        } catch (IOException e) {
            throw timedOut ? timeout() : e;
        } finally {
            readingSince = -1;
        }
        if (timedOut) {
            throw timeout();
        }
        if (n < 0) {
            if (expectedLength >= 0 && received < expectedLength) {
                throw new IOException(new TransportException(operation + " failed: the download ended after "
                        + received + " of " + expectedLength + " bytes (request id " + requestId + ")", requestId,
                        null));
            }
            return -1;
        }
        received += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Through read, so that skipped bytes count towards the length check and stalls are bounded.
        byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        super.close();
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private IOException timeout() {
        return new IOException(new HubTimeoutException(operation + " timed out: no data for " + idleNanos / 1_000_000
                + " ms after " + received + " bytes (request id " + requestId + ")", requestId, null));
    }

    // Checks for a stalled read from time to time until the stream is closed; closing the body ends a blocked read.
    private void watchAfter(long delayNanos) {
        CompletableFuture.runAsync(this::watch, CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS));
    }

    private void watch() {
        if (closed) {
            return;
        }
        long since = readingSince;
        long waited = since < 0 ? 0 : System.nanoTime() - since;
        if (waited >= idleNanos) {
            timedOut = true;
            try {
                in.close();
            } catch (IOException ignored) {
                // The read that waits fails either way.
            }
            return;
        }
        watchAfter(idleNanos - waited);
    }
}
