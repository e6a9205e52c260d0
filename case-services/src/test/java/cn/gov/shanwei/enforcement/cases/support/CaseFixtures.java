package cn.gov.shanwei.enforcement.cases.support;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerRegistration;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewLead;
import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import cn.gov.shanwei.enforcement.domain.matter.DiscretionBand;
import cn.gov.shanwei.enforcement.domain.matter.LegalBasis;
import cn.gov.shanwei.enforcement.domain.matter.MatterCode;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterStatus;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.EnforcementCertificate;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.Region;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.domain.subject.SubjectLevel;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A small Shanwei: market-supervision bureaus of 海丰县 and 陆丰市, a town office of 海城镇 (below 海丰县), the justice
 * bureaus of 海丰县 and of the city, their staff, and one penalty matter. One call sets it up.
 */
public final class CaseFixtures {

    public static final RegionCode HAICHENG = new RegionCode("441521100");
    public static final String HF = "SW-HF-SCJ";
    public static final String LF = "SW-LF-SCJ";
    public static final String HC = "SW-HF-HCZ";
    public static final String HF_JUSTICE = "SW-HF-SFJ";
    public static final String CITY_JUSTICE = "SW-SFJ";
    public static final String MATTER = "C4415-SCJ-0001";
    public static final String COERCION_MATTER = "C4415-SCJ-Q001";
    public static final String INSPECTION_ITEM = "C4415-SCJ-J001";
    public static final String PERSON_ID = "441521199001011231";
    public static final String ORG_ID = "91441500MA4W123454";
    public static final String PHONE = "13800138000";
    public static final EnforcementDomain MARKET = EnforcementDomain.MARKET_SUPERVISION;

    private CaseFixtures() {
    }

    /** Registers the areas, subjects, staff and matter (once per database). */
    public static void setUp(AdministrationService admin) {
        if (admin.subjects().stream().anyMatch(s -> s.value().id().value().equals(HF))) {
            return;
        }
        admin.addRegion(new Region(HAICHENG, "海城镇", SubjectLevel.TOWN, ShanweiRegions.HAIFENG));
        admin.createSubject(subject(HF, "海丰县市场监督管理局", ShanweiRegions.HAIFENG, false));
        admin.createSubject(subject(LF, "陆丰市市场监督管理局", ShanweiRegions.LUFENG, false));
        admin.createSubject(subject(HC, "海城镇综合行政执法办公室", HAICHENG, false));
        admin.createSubject(subject(HF_JUSTICE, "海丰县司法局", ShanweiRegions.HAIFENG, true));
        admin.createSubject(subject(CITY_JUSTICE, "汕尾市司法局", ShanweiRegions.SHANWEI, true));
        List<OfficerRegistration> staff = new java.util.ArrayList<>();
        staff(staff, "hf-officer-1", HF, StaffRole.OFFICER);
        staff(staff, "hf-officer-2", HF, StaffRole.OFFICER);
        staff(staff, "hf-head", HF, StaffRole.SUBJECT_HEAD);
        staff(staff, "hf-reviewer", HF, StaffRole.LEGAL_REVIEWER);
        staff(staff, "lf-officer-1", LF, StaffRole.OFFICER);
        staff(staff, "lf-officer-2", LF, StaffRole.OFFICER);
        staff(staff, "lf-head", LF, StaffRole.SUBJECT_HEAD);
        staff(staff, "hc-officer-1", HC, StaffRole.OFFICER);
        staff(staff, "hc-officer-2", HC, StaffRole.OFFICER);
        staff(staff, "hf-supervisor", HF_JUSTICE, StaffRole.SUPERVISOR);
        staff(staff, "city-supervisor", CITY_JUSTICE, StaffRole.SUPERVISOR);
        staff(staff, "city-admin", CITY_JUSTICE, StaffRole.ADMINISTRATOR);
        staff.forEach(admin::createOfficer);
        admin.addMatter(matter());
        admin.addMatter(otherMatter(COERCION_MATTER, "扣押无合法来源证明的食品", MatterKind.COERCION));
        admin.addMatter(otherMatter(INSPECTION_ITEM, "食品经营者公示信息检查", MatterKind.INSPECTION));
    }

    /** A coercive-measure matter or a published inspection item in market supervision, in force since 2024. */
    private static MatterVersion otherMatter(String code, String name, MatterKind kind) {
        return new MatterVersion(new MatterCode(code), 1, LocalDate.of(2024, 1, 1), MatterStatus.ACTIVE, name, kind,
                MARKET, new LegalBasis("《中华人民共和国食品安全法》", "第一百一十条"),
                new DiscretionBand(List.of(new DiscretionBand.Level("any", 0, 1))), "SUP-0002");
    }

    private static void staff(List<OfficerRegistration> staff, String id, String subject, StaffRole role) {
        staff.add(new OfficerRegistration(officer(id, subject, CertificateStatus.VALID), EnumSet.of(role),
                "uid-" + id, PERSON_ID, PHONE));
    }

    /** An officer with a certificate for market supervision valid 2024–2027. */
    public static Officer officer(String id, String subject, CertificateStatus status) {
        return new Officer(new OfficerId(id), "officer " + id, new SubjectId(subject), new EnforcementCertificate(
                "44150024" + Math.abs(id.hashCode()), Set.of(MARKET), LocalDate.of(2024, 1, 1),
                LocalDate.of(2027, 12, 31), status));
    }

    private static EnforcementSubject subject(String id, String name, RegionCode region, boolean supervisory) {
        return new EnforcementSubject(new SubjectId(id), name, region, Set.of(MARKET,
                EnforcementDomain.URBAN_MANAGEMENT), supervisory);
    }

    /** The one penalty matter, in force since 2024. */
    public static MatterVersion matter() {
        return new MatterVersion(new MatterCode(MATTER), 1, LocalDate.of(2024, 1, 1), MatterStatus.ACTIVE,
                "未按规定公示食品经营许可信息", MatterKind.PENALTY, MARKET,
                new LegalBasis("《中华人民共和国食品安全法》", "第一百二十六条"),
                new DiscretionBand(List.of(new DiscretionBand.Level("minor", 0, 500_000),
                        new DiscretionBand.Level("serious", 500_000, 5_000_000))), "SUP-0001");
    }

    /** The actor for a fixture officer id. */
    public static Actor actor(AdministrationService admin, String officerId) {
        var view = admin.officer(new OfficerId(officerId)).orElseThrow();
        return new Actor(view.officer(), view.roles(), "test");
    }

    /** A lead against an organisation, found in 海丰县 on 2025-06-09. */
    public static NewLead lead(String place) {
        return lead(place, "汕尾市海滨餐饮有限公司");
    }

    /** A lead against an organisation of the given name. */
    public static NewLead lead(String place, String partyName) {
        return new NewLead(MATTER, new Party(Party.Kind.ORGANISATION, partyName, ORG_ID), place,
                LocalDate.of(2025, 6, 9), "no licence information displayed");
    }
}
