package cn.gov.shanwei.enforcement.cases.access;

/** What a member of staff may do on the case platform; an officer record may hold several. */
public enum StaffRole {
    /** 执法人员: handles the cases of its own subject. */
    OFFICER,
    /** 法制审核人员: records legal reviews for its own subject. */
    LEGAL_REVIEWER,
    /** 执法主体负责人: approves filings and extensions, holds collective discussions, decides. */
    SUBJECT_HEAD,
    /** 监督人员: reads (never changes) the cases of its area and the areas below it. */
    SUPERVISOR,
    /** 系统管理员: maintains subjects, officers and the matter catalogue; sees no case. */
    ADMINISTRATOR
}
