package cn.gov.shanwei.enforcement.cases.shared;

import java.util.List;

/**
 * Every column of the case platform's tables that holds {@code hub.cases.crypto} {@link FieldCipher} output, for the
 * re-encryption job of a key rotation ({@link Reencryption}). A new encrypted column must be added here, or its values
 * would stay under a retired key (and be lost when that key is removed).
 */
public final class CaseEncryptedColumns {

    /** 身份证号 and phone numbers of officers, case parties, event payloads, the published draw records. */
    public static final List<Reencryption.Column> ALL = List.of(
            new Reencryption.Column("case_officer", List.of("id"), "id_number_enc"),
            new Reencryption.Column("case_officer", List.of("id"), "phone_enc"),
            new Reencryption.Column("penalty_case", List.of("id"), "party_id_enc"),
            new Reencryption.Column("penalty_case_event", List.of("case_id", "sequence"), "payload_enc"),
            new Reencryption.Column("procedure_case", List.of("id"), "party_id_enc"),
            new Reencryption.Column("procedure_case_event", List.of("case_id", "sequence"), "payload_enc"),
            new Reencryption.Column("inspection_draw", List.of("id"), "record_enc"));

    private CaseEncryptedColumns() {
    }
}
