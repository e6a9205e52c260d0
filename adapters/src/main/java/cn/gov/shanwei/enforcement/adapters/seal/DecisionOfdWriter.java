package cn.gov.shanwei.enforcement.adapters.seal;

import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.AFloat;
import org.ofdrw.layout.element.Paragraph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

/**
 * Lays a {@link PenaltyDecisionDocument} out as an OFD document (GB/T 33190) with ofdrw: title, number, party,
 * facts, basis, decision, the collecting unit and the date, in Chinese (fonts are referenced by name, 宋体, as OFD
 * readers expect). The seal image is placed when the document is sealed ({@link SealClient#seal}), over the unit's
 * name at {@link #SEAL_POSITION}.
 */
public final class DecisionOfdWriter {

    /** Where the seal appearance goes on page 1, in millimetres: x, y, width, height (over the unit and date). */
    public static final double[] SEAL_POSITION = {120, 200, 42, 42};

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private DecisionOfdWriter() {
    }

    /** The OFD bytes of the decision. */
    public static byte[] write(PenaltyDecisionDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OFDDoc ofd = new OFDDoc(out)) {
            ofd.add(paragraph(document.collectingUnit(), 6d, true));
            ofd.add(paragraph("行政处罚决定书", 7d, true));
            ofd.add(paragraph(document.decisionNumber(), 4.2, true));
            ofd.add(paragraph("当事人：" + document.partyName(), 4.2, false));
            ofd.add(paragraph("违法事实：" + document.facts(), 4.2, false));
            ofd.add(paragraph("处罚依据：" + document.legalBasis(), 4.2, false));
            ofd.add(paragraph("处罚决定：" + document.decision(), 4.2, false));
            ofd.add(paragraph("如不服本决定，可以依法申请行政复议或者提起行政诉讼。", 4.2, false));
            ofd.add(paragraph(document.collectingUnit(), 4.2, false).setFloat(AFloat.right));
            ofd.add(paragraph(CHINESE_DATE.format(document.decidedOn()), 4.2, false).setFloat(AFloat.right));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the decision as OFD", e);
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
