package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.geo.Coordinates;
import cn.gov.shanwei.enforcement.cases.penalty.application.EvidencePlace;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * An evidence upload (multipart) checked before anything is stored: a non-empty file within the size limit (413
 * beyond it), a description and a place of sensible length, a file name of at most 255 characters. The digest is the
 * service's to compute, never the client's.
 */
final class EvidenceUploads {

    private EvidenceUploads() {
    }

    /**
     * @throws DomainValidationException      naming the field at fault
     * @throws MaxUploadSizeExceededException  a file above {@code maxBytes}
     */
    static NewEvidence of(MultipartFile file, String description, Instant collectedAt, String where,
                          List<String> coOfficerIds, long maxBytes) {
        return of(file, description, collectedAt, where, coOfficerIds, maxBytes, null);
    }

    /**
     * As {@link #of(MultipartFile, String, Instant, String, List, long)}, with where it was taken ({@link #place}), or
     * null.
     */
    static NewEvidence of(MultipartFile file, String description, Instant collectedAt, String where,
                          List<String> coOfficerIds, long maxBytes, EvidencePlace place) {
        if (file.isEmpty()) {
            throw new DomainValidationException("file", "is empty");
        }
        requireWithin(file, maxBytes);
        if (description.isBlank() || description.length() > 2000) {
            throw new DomainValidationException("description", "must be 1 to 2000 characters");
        }
        if (where.isBlank() || where.length() > 500) {
            throw new DomainValidationException("where", "must be 1 to 500 characters");
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "evidence"
                : file.getOriginalFilename();
        if (name.length() > 255) {
            throw new DomainValidationException("file", "the file name is longer than 255 characters");
        }
        String type = file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType();
        if (type.length() > 100) {
            throw new DomainValidationException("file", "the content type is longer than 100 characters");
        }
        try {
            return new NewEvidence(description, collectedAt, where, coOfficerIds, name, type, file.getBytes(), place);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The size limit alone, for a caller that must answer 413 before it reads the upload's other parts.
     *
     * @throws MaxUploadSizeExceededException a file above {@code maxBytes}
     */
    static void requireWithin(MultipartFile file, long maxBytes) {
        if (file.getSize() > maxBytes) {
            throw new MaxUploadSizeExceededException(maxBytes);
        }
    }

    /**
     * Where the evidence was taken, to be placed through 粤政图 (ADR 0513): an address and/or CGCS2000 coordinates
     * ({@code crs} default EPSG:4490; GCJ-02/BD-09 refused, ADR 0302); null when none is given.
     *
     * @throws DomainValidationException naming the field at fault
     */
    static EvidencePlace place(String address, Double lon, Double lat, String crs) {
        EvidencePlace place = address == null && lon == null && lat == null ? null : new EvidencePlace(address,
                lon == null && lat == null ? null : Coordinates.position(lon, lat, crs));
        if (place == null && crs != null) {
            Coordinates.requireCgcs2000(crs);
        }
        return place;
    }
}
