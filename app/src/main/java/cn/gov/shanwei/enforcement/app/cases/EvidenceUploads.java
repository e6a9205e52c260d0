package cn.gov.shanwei.enforcement.app.cases;

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
        if (file.isEmpty()) {
            throw new DomainValidationException("file", "is empty");
        }
        if (file.getSize() > maxBytes) {
            throw new MaxUploadSizeExceededException(maxBytes);
        }
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
            return new NewEvidence(description, collectedAt, where, coOfficerIds, name, type, file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
