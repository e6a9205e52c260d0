package cn.gov.shanwei.enforcement.adapters.seal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfficialDocumentOfdWriterTest {

    private static final OfficialDocument SEIZURE = new OfficialDocument("海丰县市场监督管理局", "扣押决定书",
            "海市监扣〔2025〕1号", List.of("当事人：汕尾市海滨餐饮有限公司", "清单：", "1. 散装白酒 12.5 kg（无标签）"),
            LocalDate.of(2025, 6, 10));

    @Test
    void write_layOutTitleNumberParagraphsUnitAndDate_inOrder() throws IOException {
        String content = contentXml(OfficialDocumentOfdWriter.write(SEIZURE));

        assertThat(content).containsSubsequence("海丰县市场监督管理局", "扣押决定书", "海市监扣〔2025〕1号",
                "当事人：汕尾市海滨餐饮有限公司", "1. 散装白酒 12.5 kg（无标签）", "海丰县市场监督管理局", "2025年6月10日");
    }

    @Test
    void penaltyDecision_isTheSameLayoutWithItsLabels() throws IOException {
        PenaltyDecisionDocument decision = new PenaltyDecisionDocument("海市监罚〔2025〕9号", "某公司", "未公示", "食品安全法",
                "罚款人民币2,000.00元。", "海丰县市场监督管理局", LocalDate.of(2025, 6, 10));

        String content = contentXml(DecisionOfdWriter.write(decision));

        assertThat(content).containsSubsequence("行政处罚决定书", "海市监罚〔2025〕9号", "当事人：某公司", "违法事实：未公示",
                "处罚依据：食品安全法", "处罚决定：罚款人民币2,000.00元。", "如不服本决定");
        assertThat(DecisionOfdWriter.SEAL_POSITION).isSameAs(OfficialDocumentOfdWriter.SEAL_POSITION);
    }

    @Test
    void constructor_whenAFieldIsMissingOrTooLong_namesIt() {
        LocalDate day = LocalDate.of(2025, 6, 10);
        assertThatThrownBy(() -> new OfficialDocument("单位", " ", "1号", List.of("x"), day))
                .hasMessage("title is required");
        assertThatThrownBy(() -> new OfficialDocument("单位", "笔录", "1号", List.of("x", ""), day))
                .hasMessage("paragraphs[1] is required");
        assertThatThrownBy(() -> new OfficialDocument("单位", "笔录", "1号", List.of(), day))
                .hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> new OfficialDocument("单位", "笔录", "1号", Collections.nCopies(1001, "x"), day))
                .hasMessageContaining("not 1001");
        assertThatThrownBy(() -> new OfficialDocument("单位", "笔录", "1号", List.of("字".repeat(5001)), day))
                .hasMessage("paragraphs[0] is longer than 5000 characters");
    }

    private static String contentXml(byte[] ofd) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith("Content.xml")) {
                    text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return text.toString();
    }
}
