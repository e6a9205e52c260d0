package cn.gov.shanwei.enforcement.adapters.common.soap;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Refuses response bodies larger than a fixed number of bytes: at once when {@code Content-Length} says so,
 * otherwise as soon as the stream passes the limit, so a hostile or broken provider cannot make us buffer
 * an unbounded answer. Runs first on the in and in-fault chains.
 */
public final class ResponseSizeLimitInterceptor extends AbstractPhaseInterceptor<Message> {

    private final long maxBytes;

    /** @param maxBytes the largest accepted body, in bytes; positive */
    public ResponseSizeLimitInterceptor(long maxBytes) {
        super(Phase.RECEIVE);
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public void handleMessage(Message message) {
        long declared = declaredLength(message);
        if (declared > maxBytes) {
            throw new Fault(new ResponseTooLargeException(maxBytes));
        }
        InputStream in = message.getContent(InputStream.class);
        if (in != null) {
            message.setContent(InputStream.class, new LimitedInputStream(in, maxBytes));
        }
    }

    private static long declaredLength(Message message) {
        Object headers = message.get(Message.PROTOCOL_HEADERS);
        if (!(headers instanceof Map<?, ?> map)) {
            return -1;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getKey() instanceof String name && "Content-Length".equalsIgnoreCase(name)
                    && e.getValue() instanceof List<?> values && !values.isEmpty()) {
                try {
                    return Long.parseLong(String.valueOf(values.get(0)).trim());
                } catch (NumberFormatException ignored) {
                    return -1; // a garbled length is left to the stream limit
                }
            }
        }
        return -1;
    }

    /** Counts bytes read and fails once the count passes the limit. */
    private static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false; // a reset would make the count lie
        }

        private void count(long n) throws ResponseTooLargeException {
            count += n;
            if (count > limit) {
                throw new ResponseTooLargeException(limit);
            }
        }
    }
}
