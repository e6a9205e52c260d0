package cn.gov.shanwei.enforcement.adapters.identity;

/** Kind of identity document a principal was verified with (证件类型); the wire value is the constant's name. */
public enum IdType {
    /** 居民身份证: the number is checked against GB 11643. */
    ID_CARD,
    /** 护照. */
    PASSPORT,
    /** 港澳居民来往内地通行证. */
    HK_MACAO_PERMIT,
    /** 台湾居民来往大陆通行证. */
    TAIWAN_PERMIT,
    /** 外国人永久居留身份证. */
    FOREIGN_PERMANENT_RESIDENT
}
