package cn.gov.shanwei.enforcement.sdk.cases;

/** Whether the party (当事人) is a natural person or an organisation. */
public enum PartyKind {
    /** A natural person (自然人); identified by the resident identity card number. */
    PERSON,
    /** An organisation (法人或其他组织); identified by the unified social credit code. */
    ORGANISATION
}
