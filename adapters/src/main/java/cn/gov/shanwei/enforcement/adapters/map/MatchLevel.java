package cn.gov.shanwei.enforcement.adapters.map;

/** How precisely a geocoding candidate locates the address, coarsest first. */
public enum MatchLevel {
    /** 省 */
    PROVINCE,
    /** 市 */
    CITY,
    /** 县(市、区) */
    COUNTY,
    /** 镇街 */
    TOWN,
    /** 村(社区) */
    VILLAGE,
    /** 道路 */
    ROAD,
    /** 兴趣点 (a named place) */
    POI,
    /** 门牌 (a house number) */
    DOOR
}
