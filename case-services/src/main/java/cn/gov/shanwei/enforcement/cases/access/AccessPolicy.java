package cn.gov.shanwei.enforcement.cases.access;

import java.util.function.Function;

/**
 * Who sees which cases (issue 7 "Jurisdiction"): officers, legal reviewers and subject heads their own subject's;
 * a supervisor its subject's area and every area below it (a county supervisor the county and its towns, the city
 * supervisor everything); an administrator no case.
 */
public final class AccessPolicy {

    private final Function<String, String> regionPathOfSubject;

    /** @param regionPathOfSubject the region path (e.g. {@code /441500/441521/}) of a subject's area, by subject id */
    public AccessPolicy(Function<String, String> regionPathOfSubject) {
        this.regionPathOfSubject = regionPathOfSubject;
    }

    /** The cases {@code actor} may read. */
    public CaseScope scopeOf(Actor actor) {
        String subject = actor.officer().subject().value();
        if (actor.has(StaffRole.SUPERVISOR)) {
            return new CaseScope.Area(regionPathOfSubject.apply(subject));
        }
        if (actor.has(StaffRole.OFFICER) || actor.has(StaffRole.LEGAL_REVIEWER) || actor.has(StaffRole.SUBJECT_HEAD)) {
            return new CaseScope.OwnSubject(subject);
        }
        return new CaseScope.Nothing();
    }
}
