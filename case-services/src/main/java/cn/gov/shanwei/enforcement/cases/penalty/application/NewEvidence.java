package cn.gov.shanwei.enforcement.cases.penalty.application;

import java.time.Instant;
import java.util.List;

/**
 * An evidence file arriving for a case; its SM3 digest is computed by the service, not trusted from the client.
 *
 * @param description  what it is
 * @param collectedAt  when it was collected
 * @param where        where it was collected
 * @param coOfficerIds the other officer(s) present (the acting officer is always one of the two)
 * @param fileName     the file's name
 * @param contentType  its media type
 * @param content      its bytes
 * @param place        where to place it on the map (粤政图), or null (ADR 0513)
 */
public record NewEvidence(String description, Instant collectedAt, String where, List<String> coOfficerIds,
                          String fileName, String contentType, byte[] content, EvidencePlace place) {

    public NewEvidence {
        coOfficerIds = List.copyOf(coOfficerIds);
    }

    /** Evidence that is not to be placed on the map. */
    public NewEvidence(String description, Instant collectedAt, String where, List<String> coOfficerIds,
                       String fileName, String contentType, byte[] content) {
        this(description, collectedAt, where, coOfficerIds, fileName, contentType, content, null);
    }
}
