package cn.gov.shanwei.enforcement.domain.subject;

import java.util.List;

/**
 * Shanwei's divisions: the city (441500), its county-level divisions 城区 (441502), 海丰县 (441521), 陆河县
 * (441523), 陆丰市 (441581), and the two functional zones at county level, 华侨管理区 and 红海湾经济开发区, which
 * have no GB/T 2260 code: they carry local codes until the official ones are configured.
 */
public final class ShanweiRegions {

    public static final RegionCode SHANWEI = new RegionCode("441500");
    public static final RegionCode CHENGQU = new RegionCode("441502");
    public static final RegionCode HAIFENG = new RegionCode("441521");
    public static final RegionCode LUHE = new RegionCode("441523");
    public static final RegionCode LUFENG = new RegionCode("441581");
    /** 华侨管理区 (local code). */
    public static final RegionCode HUAQIAO = new RegionCode("441500-HQGLQ");
    /** 红海湾经济开发区 (local code). */
    public static final RegionCode HONGHAIWAN = new RegionCode("441500-HHW");

    private ShanweiRegions() {
    }

    /** The city and its county-level areas; towns are added from the 执法主体库 data. */
    public static List<Region> cityAndCounties() {
        return List.of(
                new Region(SHANWEI, "汕尾市", SubjectLevel.CITY, null),
                new Region(CHENGQU, "城区", SubjectLevel.COUNTY, SHANWEI),
                new Region(HAIFENG, "海丰县", SubjectLevel.COUNTY, SHANWEI),
                new Region(LUHE, "陆河县", SubjectLevel.COUNTY, SHANWEI),
                new Region(LUFENG, "陆丰市", SubjectLevel.COUNTY, SHANWEI),
                new Region(HUAQIAO, "华侨管理区", SubjectLevel.COUNTY, SHANWEI),
                new Region(HONGHAIWAN, "红海湾经济开发区", SubjectLevel.COUNTY, SHANWEI));
    }
}
