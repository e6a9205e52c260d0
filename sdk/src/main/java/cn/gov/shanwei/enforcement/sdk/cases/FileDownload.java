package cn.gov.shanwei.enforcement.sdk.cases;

import cn.gov.shanwei.enforcement.sdk.errors.HubException;
import cn.gov.shanwei.enforcement.sdk.errors.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A file the hub hands out (an evidence file, the case file ZIP, the sealed decision document), arriving as a
 * stream. Read {@link #content()} and close the download, or let {@link #saveTo(Path)} do both. A read that waits
 * longer than the client's per-attempt timeout for data, or a body shorter than announced, fails the read with an
 * {@link IOException} whose cause is the SDK's {@code HubTimeoutException} or {@code TransportException}.
 */
public final class FileDownload implements AutoCloseable {

    private final InputStream content;
    private final String fileName;
    private final String mediaType;
    private final long contentLength;
    private final String sm3;
    private final String requestId;

    private FileDownload(InputStream content, String fileName, String mediaType, long contentLength, String sm3,
                         String requestId) {
        this.content = Objects.requireNonNull(content, "content");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.contentLength = contentLength;
        this.sm3 = sm3;
        this.requestId = requestId;
    }

    /**
     * A download; for the SDK and for fakes in your tests.
     *
     * @param contentLength the length in bytes, or -1 when unknown
     * @param sm3           the hub's SM3 digest of the file ({@code X-Content-SM3}), or {@code null}
     * @param requestId     the request id of the call, or {@code null}
     */
    public static FileDownload of(InputStream content, String fileName, String mediaType, long contentLength,
                                  String sm3, String requestId) {
        return new FileDownload(content, fileName, mediaType, contentLength, sm3, requestId);
    }

    /** The file name the hub gave (from {@code Content-Disposition}), for example {@code casefile-….zip}. */
    public String fileName() {
        return fileName;
    }

    /** The media type, for example {@code application/zip} or {@code application/ofd}. */
    public String mediaType() {
        return mediaType;
    }

    /** The length in bytes, when the hub announced it. */
    public OptionalLong contentLength() {
        return contentLength < 0 ? OptionalLong.empty() : OptionalLong.of(contentLength);
    }

    /** The lower-case hex SM3 digest the hub recorded for the file, when it sends one (evidence, decision). */
    public Optional<String> sm3() {
        return Optional.ofNullable(sm3);
    }

    /** The request id of the call, to quote in support requests. */
    public String requestId() {
        return requestId;
    }

    /** The file's bytes as they arrive; read them once, then close this download. */
    public InputStream content() {
        return content;
    }

    /**
     * Writes the whole file to {@code target} and closes the download. The bytes go to a temporary file beside
     * {@code target}, which replaces {@code target} only once complete: a failed download leaves {@code target} as
     * it was and no temporary file behind.
     *
     * @return {@code target}
     * @throws HubException         when the download stalls ({@code HubTimeoutException}) or breaks off
     *                              ({@code TransportException})
     * @throws UncheckedIOException when {@code target}'s directory cannot be written
     */
    public Path saveTo(Path target) {
        Objects.requireNonNull(target, "target");
        Path absolute = target.toAbsolutePath();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                copy(out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            close();
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // Nothing more to do: the failure that brought us here is what the caller needs.
                }
            }
        }
    }

    // Read failures are the download's (typed hub exceptions), write failures the file system's (IOException).
    private void copy(OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int n;
            try {
                n = content.read(buffer);
            } catch (IOException e) {
                if (e.getCause() instanceof HubException failure) {
                    throw failure;
                }
                throw new TransportException("Download of " + fileName + " failed: " + e.getMessage()
                        + " (request id " + requestId + ")", requestId, e);
            }
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
        }
    }

    /** Closes the stream; what was not read is discarded. */
    @Override
    public void close() {
        try {
            content.close();
        } catch (IOException ignored) {
            // Closing a network body can only fail by being closed already.
        }
    }

    @Override
    public String toString() {
        return "FileDownload[" + fileName + ", " + mediaType + ", " + contentLength() + "]";
    }
}
