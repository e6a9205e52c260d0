package cn.gov.shanwei.enforcement.sdk.cases.measures;

import cn.gov.shanwei.enforcement.sdk.cases.OnSiteRecord;
import cn.gov.shanwei.enforcement.sdk.cases.Party;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A coercive measure taken by the acting officer with co-officers (查封、扣押、冻结, 行政强制法 art. 18–24): with the
 * head's prior approval, or without it in an urgent case (art. 19; the head must then approve or refuse within 24
 * hours). Build with {@link #builder()}.
 *
 * @param matterCode         the coercive-measure matter (事项编码)
 * @param kind               seal-up, seizure or freezing
 * @param party              the party
 * @param placeCode          administrative division code of where it was taken
 * @param imposedAt          when it was taken
 * @param coOfficerIds       the other certified officers present (at most 10)
 * @param items              the list (清单), 1–500 lines
 * @param reasons            the reasons and legal basis
 * @param remedies           the remedies open to the party (复议、诉讼)
 * @param partyStatement     what the party stated, or {@code null}
 * @param decisionNumber     the number of the measure decision
 * @param deliveredOnTheSpot whether the decision and list were handed over on the spot
 * @param onSite             the on-site record (现场笔录)
 * @param approval           the head's prior approval, or {@code null} for an urgent measure
 */
public record NewMeasure(String matterCode, CoercionKind kind, Party party, String placeCode, Instant imposedAt,
                         List<String> coOfficerIds, List<ListedItem> items, String reasons, String remedies,
                         String partyStatement, String decisionNumber, boolean deliveredOnTheSpot,
                         OnSiteRecord onSite, Approval approval) {

    /**
     * The head's prior approval as the approval form records it.
     *
     * @param headId     the approving head (role SUBJECT_HEAD of the same subject)
     * @param approvedAt when
     * @param opinion    the head's opinion
     */
    public record Approval(String headId, Instant approvedAt, String opinion) {
        public Approval {
            Objects.requireNonNull(headId, "headId");
            Objects.requireNonNull(approvedAt, "approvedAt");
            Objects.requireNonNull(opinion, "opinion");
        }
    }

    /** Validates required components and copies the lists; formats are checked by the hub. */
    public NewMeasure {
        Objects.requireNonNull(matterCode, "matterCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(placeCode, "placeCode");
        Objects.requireNonNull(imposedAt, "imposedAt");
        coOfficerIds = List.copyOf(coOfficerIds);
        items = List.copyOf(items);
        Objects.requireNonNull(reasons, "reasons");
        Objects.requireNonNull(remedies, "remedies");
        Objects.requireNonNull(decisionNumber, "decisionNumber");
        Objects.requireNonNull(onSite, "onSite");
    }

    /** A builder; every field but {@code partyStatement} and {@code approval} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NewMeasure}. Not thread-safe. */
    public static final class Builder {
        private String matterCode;
        private CoercionKind kind;
        private Party party;
        private String placeCode;
        private Instant imposedAt;
        private List<String> coOfficerIds = List.of();
        private List<ListedItem> items = List.of();
        private String reasons;
        private String remedies;
        private String partyStatement;
        private String decisionNumber;
        private boolean deliveredOnTheSpot;
        private OnSiteRecord onSite;
        private Approval approval;

        private Builder() {
        }

        /** The matter and the kind of measure. */
        public Builder matter(String matterCode, CoercionKind kind) {
            this.matterCode = matterCode;
            this.kind = kind;
            return this;
        }

        /** The party and where the measure was taken. */
        public Builder party(Party party, String placeCode) {
            this.party = party;
            this.placeCode = placeCode;
            return this;
        }

        /** When it was taken, and with whom. */
        public Builder imposed(Instant imposedAt, List<String> coOfficerIds) {
            this.imposedAt = imposedAt;
            this.coOfficerIds = coOfficerIds;
            return this;
        }

        /** The list (清单). */
        public Builder items(List<ListedItem> items) {
            this.items = items;
            return this;
        }

        /** The measure decision: its number, reasons and basis, and the remedies open to the party. */
        public Builder decision(String decisionNumber, String reasons, String remedies, boolean deliveredOnTheSpot) {
            this.decisionNumber = decisionNumber;
            this.reasons = reasons;
            this.remedies = remedies;
            this.deliveredOnTheSpot = deliveredOnTheSpot;
            return this;
        }

        /** What the party stated (陈述、申辩), optional. */
        public Builder partyStatement(String partyStatement) {
            this.partyStatement = partyStatement;
            return this;
        }

        /** The on-site record. */
        public Builder onSite(OnSiteRecord onSite) {
            this.onSite = onSite;
            return this;
        }

        /** The head's prior approval; leave it out for an urgent measure. */
        public Builder approval(Approval approval) {
            this.approval = approval;
            return this;
        }

        /** @throws NullPointerException naming the first missing field */
        public NewMeasure build() {
            return new NewMeasure(matterCode, kind, party, placeCode, imposedAt, coOfficerIds, items, reasons,
                    remedies, partyStatement, decisionNumber, deliveredOnTheSpot, onSite, approval);
        }
    }
}
