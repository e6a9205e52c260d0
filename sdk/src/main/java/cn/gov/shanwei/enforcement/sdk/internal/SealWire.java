package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.seals.SealVerification;
import cn.gov.shanwei.enforcement.sdk.seals.SignDigestRequest;
import cn.gov.shanwei.enforcement.sdk.seals.SignatureRequest;
import cn.gov.shanwei.enforcement.sdk.seals.SignatureState;
import cn.gov.shanwei.enforcement.sdk.seals.VerifySealRequest;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** JSON shapes of the seal operations, kept apart from the public types. */
final class SealWire {

    static final String SIGNATURES_PATH = "/api/v1/seals/signatures";
    static final String VERIFICATIONS_PATH = "/api/v1/seals/verifications";

    private SealWire() {
    }

    record SignBody(String sealId, String signerId, String dataHash, String propertyInfo, Purpose purpose) {
        static SignBody of(SignDigestRequest r) {
            return new SignBody(r.sealId(), r.signerId(), Base64.getEncoder().encodeToString(r.dataHash()),
                    r.propertyInfo(), new Purpose(r.matterCode(), r.caseNumber(), r.officerId()));
        }
    }

    record Purpose(String matterCode, String caseNumber, String officerId) {
    }

    record SignatureBody(String requestId, String state, String sealId, String dataHash, String signatureId,
                         String sesSignature, String problem, Instant createdAt, Instant signedAt) {
    }

    record VerifyBody(String ofd, String expectedUnit) {
        static VerifyBody of(VerifySealRequest r) {
            return new VerifyBody(Base64.getEncoder().encodeToString(r.ofd()), r.expectedUnit());
        }
    }

    record VerificationBody(Boolean valid, String problem, List<SignatureReportBody> signatures) {
    }

    record SignatureReportBody(String signatureId, String esId, String sealName, String signer, Instant signedAt,
                               Boolean valid, List<CheckBody> checks) {
    }

    record CheckBody(String name, String status, String detail) {
    }

    /** Maps the answer strictly: a missing id or state, an unknown state or a bad signature encoding are errors. */
    static SignatureRequest toSignature(HubResponse response) {
        SignatureBody body = Json.read(response, SignatureBody.class);
        if (body.requestId() == null || body.state() == null || body.createdAt() == null) {
            throw Json.unexpected(response, "a signature request without requestId, state or createdAt", null);
        }
        SignatureState state;
        try {
            state = SignatureState.valueOf(body.state());
        } catch (IllegalArgumentException e) {
            throw Json.unexpected(response, "the unknown signature state '" + body.state() + "'", e);
        }
        byte[] ses = null;
        if (body.sesSignature() != null) {
            try {
                ses = Base64.getDecoder().decode(body.sesSignature());
            } catch (IllegalArgumentException e) {
                throw Json.unexpected(response, "an sesSignature that is not base64", e);
            }
        }
        if ((state == SignatureState.SIGNED) != (ses != null)) {
            throw Json.unexpected(response, "state " + state + (ses == null ? " without" : " with")
                    + " an sesSignature", null);
        }
        return new SignatureRequest(body.requestId(), state, body.sealId(), Optional.ofNullable(body.signatureId()),
                Optional.ofNullable(ses), Optional.ofNullable(body.problem()), body.createdAt(),
                Optional.ofNullable(body.signedAt()));
    }

    static SealVerification toVerification(HubResponse response) {
        return toVerification(response, Json.read(response, VerificationBody.class));
    }

    /** Maps a verification report read as part of {@code response} (a decision document's, say). */
    static SealVerification toVerification(HubResponse response, VerificationBody body) {
        if (body.valid() == null || body.signatures() == null) {
            throw Json.unexpected(response, "a verification without valid or signatures", null);
        }
        List<SealVerification.Signature> signatures = body.signatures().stream().map(s -> {
            if (s.valid() == null || s.checks() == null) {
                throw Json.unexpected(response, "a signature report without valid or checks", null);
            }
            return new SealVerification.Signature(s.signatureId(), s.esId(), s.sealName(), s.signer(),
                    Optional.ofNullable(s.signedAt()), s.valid(), s.checks().stream().map(c -> {
                        try {
                            return new SealVerification.Check(c.name(),
                                    SealVerification.CheckStatus.valueOf(String.valueOf(c.status())), c.detail());
                        } catch (IllegalArgumentException e) {
                            throw Json.unexpected(response, "the unknown check status '" + c.status() + "'", e);
                        }
                    }).toList());
        }).toList();
        return new SealVerification(body.valid(), Optional.ofNullable(body.problem()), signatures);
    }
}
