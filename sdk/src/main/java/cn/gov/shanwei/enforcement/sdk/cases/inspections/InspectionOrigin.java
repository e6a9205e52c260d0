package cn.gov.shanwei.enforcement.sdk.cases.inspections;

/** Why an inspection takes place (国办发〔2024〕54号: 双随机 as the rule, targeted checks on problem leads). */
public enum InspectionOrigin {
    /** Drawn in a 双随机 draw; planned from its draw, so the API refuses it for a targeted inspection. */
    RANDOM_DRAW,
    /** A planned inspection of a key area or a special campaign (专项检查、重点检查). */
    PLANNED_CAMPAIGN,
    /** Prompted by a complaint or report (投诉举报). */
    COMPLAINT,
    /** Handed down or transferred by another authority (转办交办). */
    REFERRAL,
    /** Prompted by risk or data monitoring (数据监测、风险预警). */
    DATA_MONITORING
}
