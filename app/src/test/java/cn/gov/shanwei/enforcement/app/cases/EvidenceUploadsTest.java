package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checks every evidence upload passes before anything is written (penalty, measure and inspection uploads and
 * the mobile sync's): each bad part is a field error, never a value the evidence tables cannot hold.
 */
class EvidenceUploadsTest {

    static final Instant AT = Instant.parse("2026-11-29T02:00:00Z");
    static final long MAX = 1024;

    static NewEvidence upload(MockMultipartFile file, String description, String where) {
        return EvidenceUploads.of(file, description, AT, where, List.of("hf-officer-2"), MAX,
                EvidenceUploads.place("海城镇二马路 12 号", null, null, null));
    }

    static MockMultipartFile file(String name, String type, int size) {
        return new MockMultipartFile("file", name, type, new byte[size]);
    }

    @Test
    void aGoodUpload_keepsItsNameTypeContentAndPlace() {
        NewEvidence evidence = upload(file("front.jpg", "image/jpeg", 10), "shop front", "海城镇二马路");

        assertThat(evidence.fileName()).isEqualTo("front.jpg");
        assertThat(evidence.contentType()).isEqualTo("image/jpeg");
        assertThat(evidence.content()).hasSize(10);
        assertThat(evidence.place().address()).isEqualTo("海城镇二马路 12 号");
        assertThat(upload(file("", null, 1), "d", "w").fileName()).isEqualTo("evidence");
        assertThat(upload(file("a", null, 1), "d", "w").contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void eachBadPart_isAFieldError_andAnOversizedFileIsTooLarge() {
        assertField(() -> upload(file("a.jpg", "image/jpeg", 0), "d", "w"), "file");
        assertField(() -> upload(file("x".repeat(256), "image/jpeg", 1), "d", "w"), "file");
        // The column holds 100 characters: a longer type was a database error (500) on the penalty upload.
        assertField(() -> upload(file("a.jpg", "image/" + "x".repeat(95), 1), "d", "w"), "file");
        assertField(() -> upload(file("a.jpg", "image/jpeg", 1), " ", "w"), "description");
        assertField(() -> upload(file("a.jpg", "image/jpeg", 1), "d".repeat(2001), "w"), "description");
        assertField(() -> upload(file("a.jpg", "image/jpeg", 1), "d", ""), "where");
        assertField(() -> upload(file("a.jpg", "image/jpeg", 1), "d", "w".repeat(501)), "where");
        assertThatThrownBy(() -> upload(file("a.jpg", "image/jpeg", (int) MAX + 1), "d", "w"))
                .isInstanceOf(MaxUploadSizeExceededException.class);
    }

    private static void assertField(Runnable upload, String field) {
        assertThatThrownBy(upload::run).isInstanceOfSatisfying(DomainValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
