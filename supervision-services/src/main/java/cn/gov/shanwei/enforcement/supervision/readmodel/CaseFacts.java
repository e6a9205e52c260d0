package cn.gov.shanwei.enforcement.supervision.readmodel;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.*;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What supervision needs to know about one penalty case, folded from its events: the dates of its steps, the fine
 * and what was paid. Immutable; {@link #with(PenaltyCaseEvent)} gives the facts after one more event.
 *
 * @param number            the case number
 * @param subject           the subject handling it
 * @param matter            the matter version it was opened under
 * @param party             the party (当事人)
 * @param place             where the facts took place
 * @param summary           decided on the spot (简易程序)
 * @param registeredOn      the day the lead was discovered, or the on-the-spot decision day
 * @param filedOn           立案 day; for a summary case the decision day; {@code null} while a lead
 * @param declinedOn        不予立案 day, or {@code null}
 * @param major             marked major (重大), so legal review is required
 * @param hearingHeld       a hearing took place (legal review is then required too)
 * @param legalReviewedOn   the day an approving legal review (法制审核) finished, or {@code null}
 * @param legalReviewer     who did that review, as the case platform recorded it ({@code 姓名 (officer id)}), or
 *                          {@code null}
 * @param decidedKind       the penalty decided, or {@code null}
 * @param decidedOn         the decision day, or {@code null}
 * @param fineFen           the fine decided in fen (0 when none)
 * @param circumstance      the discretion circumstance of the decision (or of the notified penalty), or {@code null}
 * @param publishedOn       the 双公示 publication day, or {@code null}
 * @param paidFen           the fine paid so far in fen (surcharge excluded)
 * @param fullyPaidOn       the day the fine was paid in full, or {@code null}
 * @param courtEnforcementOn the day court enforcement was applied for, or {@code null}
 * @param closedOn          结案 day, or {@code null}
 * @param archivedOn        归档 day, or {@code null}
 * @param suspended         中止 now
 * @param officers          the officers who acted in the case (evidence, on-the-spot decision)
 */
public record CaseFacts(CaseNumber number, SubjectId subject, MatterVersion matter, Party party, RegionCode place,
                        boolean summary, LocalDate registeredOn, LocalDate filedOn, LocalDate declinedOn,
                        boolean major, boolean hearingHeld, LocalDate legalReviewedOn, String legalReviewer,
                        PenaltyKind decidedKind, LocalDate decidedOn, long fineFen, String circumstance, LocalDate publishedOn, long paidFen,
                        LocalDate fullyPaidOn, LocalDate courtEnforcementOn, LocalDate closedOn, LocalDate archivedOn,
                        boolean suspended, Set<OfficerId> officers) {

    public CaseFacts {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(matter, "matter");
        Objects.requireNonNull(party, "party");
        officers = Set.copyOf(officers);
    }

    /**
     * The facts of a case from its first event.
     *
     * @throws IllegalArgumentException unless the event is {@code LeadRegistered} or {@code SummaryPenaltyImposed}
     */
    public static CaseFacts start(PenaltyCaseEvent first) {
        if (first instanceof LeadRegistered l) {
            return new CaseFacts(l.caseNumber(), l.subject(), l.matter(), l.party(), l.place(), false,
                    l.discoveredOn(), null, null, false, false, null, null, null, null, 0, null, null, 0, null, null, null,
                    null, false, Set.of());
        }
        if (first instanceof SummaryPenaltyImposed s) {
            return new CaseFacts(s.caseNumber(), s.subject(), s.matter(), s.party(), s.place(), true, s.decidedOn(),
                    s.decidedOn(), null, false, false, null, null, s.kind(), s.decidedOn(), s.fineFen(), null, null, 0,
                    s.fineFen() == 0 ? s.decidedOn() : null, null, null, null, false, Set.copyOf(s.officers()));
        }
        throw new IllegalArgumentException("a case starts with LeadRegistered or SummaryPenaltyImposed, not "
                + first.getClass().getSimpleName());
    }

    /** The facts after {@code e}, an event of this case. */
    public CaseFacts with(PenaltyCaseEvent e) {
        if (!e.caseNumber().equals(number)) {
            throw new IllegalArgumentException(e.caseNumber() + " is not case " + number);
        }
        Builder b = new Builder(this);
        if (e instanceof LeadRegistered || e instanceof SummaryPenaltyImposed) {
            throw new IllegalArgumentException(number + " was already registered");
        } else if (e instanceof CaseFiled f) {
            b.filedOn = f.filedOn();
        } else if (e instanceof FilingDeclined d) {
            b.declinedOn = d.declinedOn();
        } else if (e instanceof MarkedMajor) {
            b.major = true;
        } else if (e instanceof EvidenceRecorded ev) {
            b.officers.addAll(ev.officers());
        } else if (e instanceof PenaltyIntended i) {
            b.circumstance = i.circumstance();
        } else if (e instanceof HearingHeld) {
            b.hearingHeld = true;
        } else if (e instanceof LegalReviewCompleted r && r.approved()) {
            b.legalReviewedOn = r.reviewedOn();
            b.legalReviewer = r.reviewer();
        } else if (e instanceof PenaltyDecided d) {
            b.decidedKind = d.kind();
            b.decidedOn = d.decidedOn();
            b.fineFen = d.fineFen();
            b.circumstance = d.circumstance();
            b.fullyPaidOn = d.fineFen() == 0 ? d.decidedOn() : null;
        } else if (e instanceof DecisionPublished p) {
            b.publishedOn = p.publishedOn();
        } else if (e instanceof FinePaid p) {
            b.paidFen += p.fineFen();
            if (b.fullyPaidOn == null && b.fineFen > 0 && b.paidFen >= b.fineFen) {
                b.fullyPaidOn = p.paidOn();
            }
        } else if (e instanceof CourtEnforcementApplied c) {
            b.courtEnforcementOn = c.appliedOn();
        } else if (e instanceof CaseSuspended) {
            b.suspended = true;
        } else if (e instanceof CaseResumed) {
            b.suspended = false;
        } else if (e instanceof CaseClosed c) {
            b.closedOn = c.closedOn();
        } else if (e instanceof CaseArchived a) {
            b.archivedOn = a.archivedOn();
        }
        // Other events (extensions, hearing notices, discussions, service, payment plans) change nothing here.
        return b.build();
    }

    /** Whether the case still runs: neither declined, closed nor archived. */
    public boolean isOpen() {
        return declinedOn == null && closedOn == null && archivedOn == null;
    }

    /**
     * The officer who did the approving legal review: the id in the trailing parentheses of what the case platform
     * recorded ({@code 姓名 (officer id)}), else the whole text if it is an officer id; empty when there was no such
     * review or the reviewer cannot be identified.
     */
    public Optional<OfficerId> legalReviewerId() {
        if (legalReviewer == null) {
            return Optional.empty();
        }
        String text = legalReviewer.strip();
        int open = text.lastIndexOf('(');
        String id = text.endsWith(")") && open >= 0 ? text.substring(open + 1, text.length() - 1).strip() : text;
        try {
            return Optional.of(new OfficerId(id));
        } catch (DomainValidationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a fine was decided and is not fully paid. */
    public boolean hasUnpaidFine() {
        return fineFen > 0 && paidFen < fineFen;
    }

    /** Whether the decision must be published under 双公示 (general procedure, fine or warning). */
    public boolean isPublishable() {
        return !summary && decidedOn != null
                && (decidedKind == PenaltyKind.FINE || decidedKind == PenaltyKind.WARNING);
    }

    private static final class Builder {
        private final CaseFacts f;
        LocalDate filedOn;
        LocalDate declinedOn;
        boolean major;
        boolean hearingHeld;
        LocalDate legalReviewedOn;
        String legalReviewer;
        PenaltyKind decidedKind;
        LocalDate decidedOn;
        long fineFen;
        String circumstance;
        LocalDate publishedOn;
        long paidFen;
        LocalDate fullyPaidOn;
        LocalDate courtEnforcementOn;
        LocalDate closedOn;
        LocalDate archivedOn;
        boolean suspended;
        final Set<OfficerId> officers;

        Builder(CaseFacts f) {
            this.f = f;
            filedOn = f.filedOn;
            declinedOn = f.declinedOn;
            major = f.major;
            hearingHeld = f.hearingHeld;
            legalReviewedOn = f.legalReviewedOn;
            legalReviewer = f.legalReviewer;
            decidedKind = f.decidedKind;
            decidedOn = f.decidedOn;
            fineFen = f.fineFen;
            circumstance = f.circumstance;
            publishedOn = f.publishedOn;
            paidFen = f.paidFen;
            fullyPaidOn = f.fullyPaidOn;
            courtEnforcementOn = f.courtEnforcementOn;
            closedOn = f.closedOn;
            archivedOn = f.archivedOn;
            suspended = f.suspended;
            officers = new LinkedHashSet<>(f.officers);
        }

        CaseFacts build() {
            return new CaseFacts(f.number, f.subject, f.matter, f.party, f.place, f.summary, f.registeredOn, filedOn,
                    declinedOn, major, hearingHeld, legalReviewedOn, legalReviewer, decidedKind, decidedOn, fineFen, circumstance,
                    publishedOn, paidFen, fullyPaidOn, courtEnforcementOn, closedOn, archivedOn, suspended, officers);
        }
    }
}
