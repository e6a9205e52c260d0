package cn.gov.shanwei.enforcement.supervision.review;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A case-file review template (案卷评查标准): a scored checklist that supervisors may edit. Editing makes a new
 * version; a review keeps the version it was scored against.
 *
 * @param code    the template's code, e.g. {@code PENALTY-STANDARD}
 * @param version 1 for the first, then +1 per edit
 * @param name    its name
 * @param items   the checklist, codes unique
 */
public record ReviewTemplate(String code, int version, String name, List<ChecklistItem> items) {

    public ReviewTemplate {
        if (code == null || !code.matches("[A-Z][A-Z0-9-]{0,31}")) {
            throw new DomainValidationException("code", "'" + code + "' must be 1–32 upper-case letters, digits, '-'");
        }
        if (version < 1) {
            throw new DomainValidationException("version", "starts at 1");
        }
        if (name == null || name.isBlank()) {
            throw new DomainValidationException("name", "is required");
        }
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new DomainValidationException("items", "a template needs at least one item");
        }
        Set<String> codes = new HashSet<>();
        for (ChecklistItem i : items) {
            if (!codes.add(i.code())) {
                throw new DomainValidationException("items.code", "'" + i.code() + "' appears twice");
            }
        }
        if (items.stream().mapToInt(ChecklistItem::maxPoints).sum() > 1000) {
            throw new DomainValidationException("items", "a template may carry at most 1000 points");
        }
    }

    /** The points of a perfect file. */
    public int totalPoints() {
        return items.stream().mapToInt(ChecklistItem::maxPoints).sum();
    }

    /** The item with {@code code}, if any. */
    public Optional<ChecklistItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The next version of this template with other items and name. */
    public ReviewTemplate revise(String newName, List<ChecklistItem> newItems) {
        return new ReviewTemplate(code, version + 1, newName, newItems);
    }

    /**
     * The standard 100-point template for penalty case files, across the parts the issue names: legality of the
     * subject, facts, evidence, procedure, applicable law, discretion and documents.
     */
    public static ReviewTemplate standard() {
        return new ReviewTemplate("PENALTY-STANDARD", 1, "行政处罚案卷评查标准 (100 分)", List.of(
                new ChecklistItem("SUBJECT-1", "主体合法", "执法主体具有法定职权，案件在管辖范围内", 6),
                new ChecklistItem("SUBJECT-2", "主体合法", "执法人员两人以上且持有效执法证件", 4),
                new ChecklistItem("FACTS-1", "事实认定", "违法事实清楚，当事人认定准确", 15),
                new ChecklistItem("EVIDENCE-1", "证据", "证据充分、合法、与事实关联，取证程序规范", 10),
                new ChecklistItem("EVIDENCE-2", "证据", "证据形式完备，来源清楚，电子证据有完整性校验", 5),
                new ChecklistItem("PROCEDURE-1", "程序", "立案、调查、告知、听证、法制审核、集体讨论符合规定", 12),
                new ChecklistItem("PROCEDURE-2", "程序", "各环节在法定期限内完成，送达方式合法", 8),
                new ChecklistItem("LAW-1", "法律适用", "适用法律、法规、规章准确，条款引用完整", 10),
                new ChecklistItem("DISCRETION-1", "裁量", "处罚种类和幅度符合裁量基准，裁量理由充分", 10),
                new ChecklistItem("DOCUMENT-1", "文书", "文书格式规范、内容完整、签章齐全", 12),
                new ChecklistItem("DOCUMENT-2", "文书", "案卷装订、归档、公示符合规定", 8)));
    }
}
