package cn.gov.shanwei.enforcement.sdk.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Evidence (证据) taken by the acting officer with co-officers (行政处罚法 art. 42, 55), with its file: the form fields
 * and file of {@code POST /api/v1/cases/penalties/{id}/evidence}. The hub computes the file's SM3 digest on arrival,
 * refuses an empty or too large file, and names each bad field. Immutable: the file's bytes are read when the upload
 * is built, so a retried call sends the same bytes. Build with {@link #builder()}.
 */
public final class EvidenceUpload {

    // type/subtype with optional parameters, visible ASCII: the value goes into a multipart header.
    private static final Pattern MEDIA_TYPE = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+"
            + "(\\s*;\\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+=(\"[\\x20-\\x21\\x23-\\x7E]*\"|[!#$%&'*+.^_`|~0-9A-Za-z-]+))*");

    private final String description;
    private final Instant collectedAt;
    private final String where;
    private final List<String> coOfficerIds;
    private final String fileName;
    private final String mediaType;
    private final byte[] content;

    private EvidenceUpload(Builder b) {
        this.description = Objects.requireNonNull(b.description, "description");
        this.collectedAt = Objects.requireNonNull(b.collectedAt, "collectedAt");
        this.where = Objects.requireNonNull(b.where, "where");
        this.coOfficerIds = List.copyOf(Objects.requireNonNull(b.coOfficerIds, "coOfficerIds"));
        if (b.content == null) {
            throw new NullPointerException("file: call file(path, mediaType) or content(…)");
        }
        this.fileName = b.fileName;
        this.mediaType = b.mediaType;
        this.content = b.content;
    }

    /** A builder; description, collectedAt, where, coOfficerIds and the file are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** What the evidence is, 1–2000 characters. */
    public String description() {
        return description;
    }

    /** When it was collected. */
    public Instant collectedAt() {
        return collectedAt;
    }

    /** Where it was collected, 1–500 characters. */
    public String where() {
        return where;
    }

    /** The other officers who took it with the acting officer. */
    public List<String> coOfficerIds() {
        return coOfficerIds;
    }

    /** The file name sent with the file, at most 255 characters. */
    public String fileName() {
        return fileName;
    }

    /** The file's media type, for example {@code image/jpeg}. */
    public String mediaType() {
        return mediaType;
    }

    /** The file's length in bytes. */
    public int length() {
        return content.length;
    }

    /** A copy of the file's bytes. */
    public byte[] content() {
        return content.clone();
    }

    /** Never prints the content. */
    @Override
    public String toString() {
        return "EvidenceUpload[" + description + ", " + fileName + ", " + mediaType + ", " + content.length
                + " bytes]";
    }

    /** Builds an {@link EvidenceUpload}. Not thread-safe. */
    public static final class Builder {
        private String description;
        private Instant collectedAt;
        private String where;
        private List<String> coOfficerIds;
        private String fileName;
        private String mediaType;
        private byte[] content;

        private Builder() {
        }

        /** What the evidence is. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** When it was collected. */
        public Builder collectedAt(Instant collectedAt) {
            this.collectedAt = collectedAt;
            return this;
        }

        /** Where it was collected. */
        public Builder where(String where) {
            this.where = where;
            return this;
        }

        /** The certified officers of the same subject who took it with the acting officer (at least one). */
        public Builder coOfficerIds(List<String> coOfficerIds) {
            this.coOfficerIds = coOfficerIds;
            return this;
        }

        /**
         * The file at {@code path}, read now; its name is the path's last element.
         *
         * @throws UncheckedIOException when the file cannot be read
         */
        public Builder file(Path path, String mediaType) {
            Objects.requireNonNull(path, "path");
            try {
                return content(Files.readAllBytes(path), String.valueOf(path.getFileName()), mediaType);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the evidence file " + path + ": " + e.getMessage(), e);
            }
        }

        /**
         * The file's bytes, read now from {@code in} to its end ({@code in} stays open: it is yours to close).
         *
         * @throws UncheckedIOException when {@code in} cannot be read
         */
        public Builder content(InputStream in, String fileName, String mediaType) {
            Objects.requireNonNull(in, "in");
            try {
                return content(in.readAllBytes(), fileName, mediaType);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the evidence stream: " + e.getMessage(), e);
            }
        }

        /**
         * The file's bytes (copied).
         *
         * @param fileName  the name to send, without control characters, quotes or backslashes
         * @param mediaType for example {@code image/jpeg} or {@code video/mp4}
         * @throws IllegalArgumentException for a file name or media type that cannot travel in a multipart header
         */
        public Builder content(byte[] bytes, String fileName, String mediaType) {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(mediaType, "mediaType");
            if (fileName.isBlank() || fileName.chars().anyMatch(c -> Character.isISOControl(c) || c == '"'
                    || c == '\\')) {
                throw new IllegalArgumentException("fileName must be non-blank, without control characters, quotes "
                        + "or backslashes, was '" + fileName + "'");
            }
            if (!MEDIA_TYPE.matcher(mediaType).matches()) {
                throw new IllegalArgumentException("mediaType must be a media type such as image/jpeg, was '"
                        + mediaType + "'");
            }
            this.content = bytes.clone();
            this.fileName = fileName;
            this.mediaType = mediaType;
            return this;
        }

        /** @throws NullPointerException naming the first missing field */
        public EvidenceUpload build() {
            return new EvidenceUpload(this);
        }
    }
}
