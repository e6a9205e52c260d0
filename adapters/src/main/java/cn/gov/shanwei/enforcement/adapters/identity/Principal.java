package cn.gov.shanwei.enforcement.adapters.identity;

import java.util.Objects;

/**
 * A person signed on through the province's unified identity service (统一身份认证), as the service vouches for
 * them. For staff (粤政易) {@code subjectId} is the staff user id that {@link StaffDirectory} maps to an officer.
 *
 * <p>{@link #toString()} masks the id number and the mobile number.
 *
 * @param subjectId     the provider's stable user id
 * @param name          real name (姓名)
 * @param idType        kind of identity document
 * @param idNumber      document number; for {@link IdType#ID_CARD} a GB 11643-checked 身份证号
 * @param realNameLevel real-name assurance level (实名等级) 1–4, higher is stronger
 * @param orgUscc       the person's organisation (统一社会信用代码), or {@code null}
 * @param orgName       the organisation's name, or {@code null}
 * @param mobile        mobile number, or {@code null}
 */
public record Principal(String subjectId, String name, IdType idType, String idNumber, int realNameLevel,
                        SocialCreditCode orgUscc, String orgName, String mobile) {

    /** @throws IllegalArgumentException if a required part is missing, or an ID_CARD number fails its check */
    public Principal {
        requireText("subjectId", subjectId);
        requireText("name", name);
        Objects.requireNonNull(idType, "idType");
        requireText("idNumber", idNumber);
        if (idType == IdType.ID_CARD) {
            idNumber = ResidentIdNumber.parse(idNumber).value();
        }
        if (realNameLevel < 1 || realNameLevel > 4) {
            throw new IllegalArgumentException("realNameLevel must be 1-4: " + realNameLevel);
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    @Override
    public String toString() {
        String maskedId = idNumber.length() <= 5 ? "***"
                : idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 5) + idNumber.substring(idNumber.length() - 2);
        String maskedMobile = mobile == null ? null
                : mobile.length() <= 7 ? "***" : mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
        return "Principal[subjectId=" + subjectId + ", name=" + name + ", idType=" + idType + ", idNumber=" + maskedId
                + ", realNameLevel=" + realNameLevel + ", orgUscc=" + orgUscc + ", orgName=" + orgName
                + ", mobile=" + maskedMobile + "]";
    }
}
