package cn.gov.shanwei.enforcement.app.clients;

import jakarta.servlet.http.Part;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedFormTest {

    private static final String TYPE = "multipart/form-data; boundary=hub-sdk-1";

    private static byte[] form(String fileName, byte[] file) {
        String head = "--hub-sdk-1\r\nContent-Disposition: form-data; name=\"description\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n店招照片\r\n"
                + "--hub-sdk-1\r\nContent-Disposition: form-data; name=\"coOfficerIds\"\r\n\r\nhf-officer-2\r\n"
                + "--hub-sdk-1\r\nContent-Disposition: form-data; name=\"coOfficerIds\"\r\n\r\nhf-officer-3\r\n"
                + "--hub-sdk-1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = "\r\n--hub-sdk-1--\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + file.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(file, 0, all, start.length, file.length);
        System.arraycopy(end, 0, all, start.length + file.length, end.length);
        return all;
    }

    @Test
    void parse_readsFieldsRepeatedFieldsQueryAndTheFile_inUtf8() throws IOException {
        byte[] photo = {(byte) 0xFF, (byte) 0xD8, 13, 10, '-', '-', 0};

        CachedForm form = CachedForm.parse(form("店招.jpg", photo), TYPE, "x=1&y=a%20b");

        assertThat(form.parameters().get("description")).containsExactly("店招照片");
        assertThat(form.parameters().get("coOfficerIds")).containsExactly("hf-officer-2", "hf-officer-3");
        assertThat(form.parameters().get("y")).containsExactly("a b");
        assertThat(form.parameters()).doesNotContainKey("file");
        Part file = form.part("file");
        assertThat(file.getSubmittedFileName()).isEqualTo("店招.jpg");
        assertThat(file.getContentType()).isEqualTo("image/jpeg");
        assertThat(file.getInputStream().readAllBytes()).isEqualTo(photo);
        assertThat(form.parts()).hasSize(4);
    }

    @Test
    void parse_whenTheFormIsCutOff_failsAsMalformed() {
        byte[] cut = "--hub-sdk-1\r\nContent-Disposition: form-data; name=\"where\"\r\n\r\nno end"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CachedForm.parse(cut, TYPE, null)).isInstanceOf(IOException.class)
                .hasMessageContaining("multipart/form-data");
        assertThat(CachedForm.isForm("Multipart/Form-Data; boundary=x")).isTrue();
        assertThat(CachedForm.isForm("application/json")).isFalse();
    }
}
