package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.cases.seal.DocumentText;
import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasure;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent.MeasureExtended;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent.MeasureImposed;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent.MeasureReleased;
import cn.gov.shanwei.enforcement.domain.coercion.ListedItem;
import cn.gov.shanwei.enforcement.domain.coercion.OnSiteRecord;
import cn.gov.shanwei.enforcement.domain.coercion.ReleaseGround;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.inspection.Inspection;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent.InspectionCarriedOut;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionOrigin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the documents of coercive measures and inspections say, in Chinese, from their recorded events: the
 * 查封/扣押/冻结决定书 with its list and period (行政强制法 art. 24, 25, 31), the 延长期限决定书 (art. 25, 32), the
 * 解除决定书 (art. 28, 33) and the
 * 现场检查笔录 (国办发〔2024〕54号; 行政处罚法 art. 55).
 */
final class ProcedureDocumentTexts {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String STATUTE = "《中华人民共和国行政强制法》";
    /** The longest paragraph handed to the layout; longer texts (an inspection's findings) continue in the next. */
    static final int MAX_PARAGRAPH = 4000;

    private ProcedureDocumentTexts() {
    }

    /** 查封 / 扣押 / 冻结. */
    static String chinese(CoercionKind kind) {
        return switch (kind) {
            case SEAL_UP -> "查封";
            case SEIZURE -> "扣押";
            case FREEZE -> "冻结";
        };
    }

    private static String objects(CoercionKind kind) {
        return switch (kind) {
            case SEAL_UP -> "场所、设施或者财物";
            case SEIZURE -> "财物";
            case FREEZE -> "存款、汇款";
        };
    }

    static String chinese(ReleaseGround ground) {
        return switch (ground) {
            case NO_VIOLATION -> "当事人没有违法行为";
            case UNRELATED_TO_VIOLATION -> "查封、扣押、冻结的对象与违法行为无关";
            case DECIDED_NO_LONGER_NEEDED -> "行政机关对违法行为已经作出处理决定，不再需要查封、扣押、冻结";
            case TERM_EXPIRED -> "查封、扣押、冻结期限已经届满";
            case NO_LONGER_NEEDED -> "其他不再需要采取查封、扣押、冻结措施的情形";
            case NOT_APPROVED -> "紧急情况下实施后，行政机关负责人认为不应当采取";
        };
    }

    static String chinese(InspectionOrigin origin) {
        return switch (origin) {
            case RANDOM_DRAW -> "双随机抽查";
            case PLANNED_CAMPAIGN -> "专项检查、重点检查";
            case COMPLAINT -> "投诉举报";
            case REFERRAL -> "转办交办";
            case DATA_MONITORING -> "数据监测、风险预警";
        };
    }

    /** The decision taken with the measure; {@code termEnds} is the last day of its 30-day term. */
    static DocumentText measureDecision(CoerciveMeasure m, LocalDate termEnds) {
        MeasureImposed d = m.decision();
        String kind = chinese(d.kind());
        List<String> p = new ArrayList<>();
        p.add("当事人：" + d.party().name());
        p.add(kind + "理由：" + d.reasons());
        p.add(kind + "依据：" + d.basis().law() + d.basis().article());
        p.add("本机关于" + date(m.imposedOn()) + "依法对你（单位）的下列" + objects(d.kind()) + "实施" + kind + "，期限三十日，至"
                + date(termEnds) + "止；检测、检验、检疫或者技术鉴定的期间不计入（" + STATUTE + "第二十五条、第三十二条）。");
        p.add(kind + "清单：");
        items(p, d.items());
        p.add("当事人陈述、申辩：" + (d.partyStatement().isBlank() ? "无" : d.partyStatement()));
        p.add("救济途径：" + d.remedies());
        return new DocumentText(kind + "决定书", split(p), m.imposedOn());
    }

    /**
     * The extension decision of an extended measure (行政强制法 art. 25, 32); {@code termEnds} is the last day of the
     * extended term as it stood when the head approved the extension.
     */
    static DocumentText extensionDecision(CoerciveMeasure m, MeasureExtended x, LocalDate termEnds) {
        MeasureImposed d = m.decision();
        String kind = chinese(d.kind());
        LocalDate approvedOn = CommandContext.dayOf(x.approval().approvedAt());
        List<String> p = new ArrayList<>();
        p.add("当事人：" + d.party().name());
        p.add("本机关于" + date(m.imposedOn()) + "以" + d.decisionNumber() + "决定对你（单位）的" + objects(d.kind()) + "实施"
                + kind + "。");
        p.add("延长理由：" + x.reason());
        p.add("经本机关负责人于" + date(approvedOn) + "批准，决定将" + kind + "期限延长" + x.extensionDays() + "日，至"
                + date(termEnds) + "止（" + STATUTE + (d.kind() == CoercionKind.FREEZE ? "第三十二条" : "第二十五条")
                + "）；检测、检验、检疫或者技术鉴定的期间不计入。");
        p.add(kind + "清单：");
        items(p, d.items());
        p.add("本决定于" + date(x.notifiedOn()) + "书面告知当事人。");
        return new DocumentText("延长" + kind + "期限决定书", split(p), approvedOn);
    }

    /** The release decision of a released measure. */
    static DocumentText releaseDecision(CoerciveMeasure m) {
        MeasureImposed d = m.decision();
        MeasureReleased r = m.release().orElseThrow(() -> new IllegalStateException("the measure is not released"));
        String kind = chinese(d.kind());
        List<String> p = new ArrayList<>();
        p.add("当事人：" + d.party().name());
        p.add("本机关于" + date(m.imposedOn()) + "以" + d.decisionNumber() + "决定对你（单位）的下列" + objects(d.kind())
                + "实施" + kind + "。");
        p.add("解除理由：" + chinese(r.ground()) + (r.explanation().isBlank() ? "。" : "。" + r.explanation()));
        p.add("本机关决定自" + date(r.releasedOn()) + "起解除" + kind + "（" + STATUTE + "第二十八条、第三十三条），解除"
                + kind + "的" + objects(d.kind()) + "清单如下：");
        items(p, d.items());
        return new DocumentText("解除" + kind + "决定书", split(p), r.releasedOn());
    }

    /**
     * The on-site inspection record of an inspection carried out.
     *
     * @param placeName    the name of the area inspected
     * @param officerNames the inspectors' names by id
     */
    static DocumentText inspectionRecord(Inspection i, String placeName, Function<String, String> officerNames) {
        InspectionCarriedOut c = i.carriedOut().orElseThrow(() -> new IllegalStateException("not carried out"));
        List<String> p = new ArrayList<>();
        p.add("检查对象：" + i.entity().name());
        p.add("检查事项：" + i.item().name() + "（" + i.item().code().value() + "）");
        p.add("检查依据：" + i.item().basis().law() + i.item().basis().article());
        p.add("检查来源：" + chinese(i.origin()) + (i.plan().reason().isBlank() ? "" : "（" + i.plan().reason() + "）"));
        p.add("检查地点：" + placeName);
        p.add("检查时间：" + CommandContext.timeText(c.inspectedAt()));
        List<String> inspectors = new ArrayList<>();
        for (int n = 0; n < c.inspectors().size(); n++) {
            inspectors.add(officerNames.apply(c.inspectors().get(n).value()) + "（执法证号 "
                    + c.certificateNumbers().get(n) + "）");
        }
        p.add("检查人员：" + String.join("、", inspectors) + "，已出示执法证件。");
        p.add("检查情况：" + (c.findings().isBlank() ? "无" : c.findings()));
        p.add("当事人签名：" + signature(c.onSite()));
        p.add("经当事人和检查人员签名的笔录原件 SM3：" + c.onSite().document().hex());
        return new DocumentText("现场检查笔录", split(p), i.inspectedOn().orElseThrow());
    }

    private static String signature(OnSiteRecord r) {
        return switch (r.presence()) {
            case SIGNED -> "当事人已签名或者盖章";
            case REFUSED_TO_SIGN -> "当事人拒绝签名，" + r.refusalNote()
                    + (r.witness().isBlank() ? "" : "；见证人：" + r.witness());
            case ABSENT -> "当事人不在场，见证人：" + r.witness();
        };
    }

    private static void items(List<String> p, List<ListedItem> items) {
        for (int n = 0; n < items.size(); n++) {
            ListedItem item = items.get(n);
            p.add((n + 1) + ". " + item.name() + " " + item.quantity().toPlainString() + item.unit()
                    + (item.description().isBlank() ? "" : "（" + item.description() + "）"));
        }
    }

    /** The paragraphs with every one longer than {@link #MAX_PARAGRAPH} continued in the next. */
    static List<String> split(List<String> paragraphs) {
        List<String> out = new ArrayList<>();
        for (String text : paragraphs) {
            int from = 0;
            while (text.length() - from > MAX_PARAGRAPH) {
                int end = from + MAX_PARAGRAPH;
                if (Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--;
                }
                out.add(text.substring(from, end));
                from = end;
            }
            out.add(text.substring(from));
        }
        return out;
    }

    private static String date(LocalDate day) {
        return CHINESE_DATE.format(day);
    }
}
