package cn.gov.shanwei.enforcement.cases.config;

import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.domain.deadline.ProcedureRuleTable;
import cn.gov.shanwei.enforcement.domain.penalty.FineThreshold;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * {@code hub.cases.*}: configuration of the case platform.
 *
 * @param crypto   encryption of personal data at rest
 * @param evidence  evidence uploads
 * @param bootstrap the first administrator of an empty registry (none when absent)
 * @param rules     the penalty thresholds the law leaves to the province or ministry
 * @param feedLag   how far the event feed for supervision stays behind the clock (so that no late commit is skipped)
 * @param listTotalCap how far the case list (案件列表) counts its total before it answers "more than this many"
 *                     ({@code totalIsLowerBound}, ADR 0517); 10,000
 * @param eventsKept   how many penalty-case log rows the hub keeps decrypted and parsed in memory, so that a case
 *                     read again does not decrypt and parse its earlier events again (ADR 0525); 20,000 (a few
 *                     tens of MB), 0 for none. The chain is verified on every read either way
 * @param partyIndexBackfill whether the hub fills {@code penalty_case.party_index} of rows written before V98 in the
 *                           background after start-up (ADR 0530); true. Off only for tests that run it themselves
 */
@ConfigurationProperties("hub.cases")
public record CaseProperties(@DefaultValue Crypto crypto, @DefaultValue Evidence evidence, Bootstrap bootstrap,
                             @DefaultValue Rules rules, @DefaultValue("2s") Duration feedLag,
                             @DefaultValue("10000") int listTotalCap, @DefaultValue("20000") int eventsKept,
                             @DefaultValue("true") boolean partyIndexBackfill) {

    /**
     * @param sm4Key the 128-bit SM4 key (32 hex characters) encrypting 身份证号, phone numbers and event payloads.
     *               No default: the sandbox profile sets a published sandbox key; production must supply its own
     *               ({@code HUB_CASES_SM4_KEY}) or the hub refuses to start.
     * @param retiredSm4Keys keys that only decrypt (密钥轮换, ADR 0503): values still under them are readable until the
     *                       re-encryption job has moved them to {@code sm4Key}; then they can be removed. None by
     *                       default
     * @param indexKey the key the blind index is derived from ({@code procedure_case.party_index}: the yearly
     *                 inspection limits; {@code penalty_case.party_index}: the search by identifier, ADR 0530), 32
     *                 hex characters; by default {@code sm4Key}. Required once keys are retired: set it to the key
     *                 the stored index was made with (the first {@code sm4Key}) so that a rotation leaves every index
     *                 as it was
     * @param retiredIndexKeys index keys replaced by {@code indexKey} after a compromise (ADR 0503): every lookup by
     *                         identifier matches the value under each of them too, until the re-index (part of the
     *                         key-rotation run) has rewritten every {@code party_index} under {@code indexKey}; at most
     *                         {@value FieldCipher#MAX_RETIRED_INDEX_KEYS}. None by default
     */
    public record Crypto(String sm4Key, @DefaultValue List<String> retiredSm4Keys, String indexKey,
                         @DefaultValue List<String> retiredIndexKeys) {

        /** The cipher of these keys; refuses to build from a malformed, repeated or missing key, naming the setting. */
        public FieldCipher cipher() {
            if (!retiredSm4Keys.isEmpty() && (indexKey == null || indexKey.isBlank())) {
                throw new IllegalArgumentException("hub.cases.crypto.index-key must be set when "
                        + "hub.cases.crypto.retired-sm4-keys is: set it to the key the blind index was made with (the "
                        + "first hub.cases.crypto.sm4-key), or every inspection limit would stop matching earlier "
                        + "procedures");
            }
            if (!retiredIndexKeys.isEmpty() && (indexKey == null || indexKey.isBlank())) {
                throw new IllegalArgumentException("hub.cases.crypto.index-key must be set when "
                        + "hub.cases.crypto.retired-index-keys is: set it to the new index key");
            }
            return new FieldCipher("hub.cases.crypto", sm4Key, retiredSm4Keys,
                    indexKey == null || indexKey.isBlank() ? null : indexKey, retiredIndexKeys);
        }
    }

    /**
     * The first administrator, registered at start-up when the registry has no administrator yet: without one
     * nobody could register subjects and officers through the API.
     *
     * @param subjectId     the subject it belongs to (created in {@code regionCode} when missing, supervisory)
     * @param subjectName   that subject's name
     * @param regionCode    that subject's area
     * @param officerId     the administrator's officer id
     * @param officerName   its name
     * @param staffUserId   its unified-identity user id (may be null)
     */
    public record Bootstrap(String subjectId, String subjectName, String regionCode, String officerId,
                            String officerName, String staffUserId) {
    }

    /**
     * Fine thresholds in fen, for a person and for an organisation (行政处罚法 art. 51, 57, 58, 63); the defaults are
     * {@link PenaltyRules#defaults()}.
     *
     * @param summaryPerson            largest on-the-spot fine for a person (200 yuan)
     * @param summaryOrganisation      largest on-the-spot fine for an organisation (3,000 yuan)
     * @param largePerson              from this fine a person may request a hearing, and legal review and
     *                                 collective discussion are required (10,000 yuan)
     * @param largeOrganisation        the same for an organisation (100,000 yuan)
     * @param legalReviewForAll        whether every general-procedure decision needs legal review (a local rule)
     */
    public record Rules(@DefaultValue("20000") long summaryPerson, @DefaultValue("300000") long summaryOrganisation,
                        @DefaultValue("1000000") long largePerson, @DefaultValue("10000000") long largeOrganisation,
                        @DefaultValue("false") boolean legalReviewForAll) {

        /** The domain's rules with these thresholds. */
        public PenaltyRules toDomain() {
            FineThreshold large = new FineThreshold(largePerson, largeOrganisation);
            return new PenaltyRules(new FineThreshold(summaryPerson, summaryOrganisation), large, large, large,
                    legalReviewForAll, ProcedureRuleTable.standard());
        }
    }

    /**
     * @param maxSize       the largest evidence file accepted
     * @param locateWait    how long an upload with a place waits for 粤政图 before its location is left pending and
     *                      asked for durably (0: always durably; ADR 0513)
     * @param locateThreads how many uploads may wait for the map at once (more are located durably at once)
     */
    public record Evidence(@DefaultValue("20MB") DataSize maxSize, @DefaultValue("2s") Duration locateWait,
                           @DefaultValue("4") int locateThreads) {
    }
}
