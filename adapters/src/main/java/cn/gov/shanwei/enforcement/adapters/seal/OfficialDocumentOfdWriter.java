package cn.gov.shanwei.enforcement.adapters.seal;

import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.AFloat;
import org.ofdrw.layout.element.Paragraph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

/**
 * Lays an {@link OfficialDocument} out as an OFD document (GB/T 33190) with ofdrw, the way the province's enforcement
 * documents look: the issuing unit and the title centred, the number, the body paragraphs, then the unit and the
 * date on the right, in Chinese (fonts are referenced by name, 宋体, as OFD readers expect). The seal image is placed
 * when the document is sealed ({@link SealClient#seal}), at {@link #SEAL_POSITION}.
 */
public final class OfficialDocumentOfdWriter {

    static {
        JdkSaxParser.ensureNamed();
    }

    /** Where the seal appearance goes on page 1, in millimetres: x, y, width, height (over the unit and date). */
    public static final double[] SEAL_POSITION = {120, 200, 42, 42};

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private OfficialDocumentOfdWriter() {
    }

    /** The OFD bytes of the document. */
    public static byte[] write(OfficialDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OFDDoc ofd = new OFDDoc(out)) {
            ofd.add(paragraph(document.issuingUnit(), 6d, true));
            ofd.add(paragraph(document.title(), 7d, true));
            ofd.add(paragraph(document.number(), 4.2, true));
            for (String text : document.paragraphs()) {
                ofd.add(paragraph(text, 4.2, false));
            }
            ofd.add(paragraph(document.issuingUnit(), 4.2, false).setFloat(AFloat.right));
            ofd.add(paragraph(CHINESE_DATE.format(document.dated()), 4.2, false).setFloat(AFloat.right));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + document.title() + " as OFD", e);
        }
        return out.toByteArray();
    }

    private static Paragraph paragraph(String text, double fontSize, boolean centred) {
        Paragraph paragraph = new Paragraph(text, fontSize);
        paragraph.setMargin(2d);
        if (centred) {
            paragraph.setFloat(AFloat.center);
        }
        return paragraph;
    }
}
