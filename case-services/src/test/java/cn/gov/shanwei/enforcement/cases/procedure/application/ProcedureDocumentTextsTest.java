package cn.gov.shanwei.enforcement.cases.procedure.application;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcedureDocumentTextsTest {

    @Test
    void split_continuesALongParagraphInTheNext_withoutCuttingACharacterInTwo() {
        String findings = "检查情况：" + "温".repeat(9000);
        String withSurrogate = "x".repeat(3999) + "𠀀" + "y";

        List<String> paragraphs = ProcedureDocumentTexts.split(List.of("当事人：某公司", findings, withSurrogate));

        assertThat(paragraphs).hasSize(6).allMatch(p -> p.length() <= ProcedureDocumentTexts.MAX_PARAGRAPH
                && !p.isEmpty());
        assertThat(String.join("", paragraphs.subList(1, 4))).isEqualTo(findings);
        assertThat(paragraphs.get(4)).isEqualTo("x".repeat(3999));
        assertThat(paragraphs.get(5)).isEqualTo("𠀀y");
    }
}
