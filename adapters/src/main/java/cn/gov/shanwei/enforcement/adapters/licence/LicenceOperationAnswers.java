package cn.gov.shanwei.enforcement.adapters.licence;

import cn.gov.shanwei.enforcement.adapters.licence.wire.FaceItemType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.FetchLicenceDataResponseType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.FetchLicenceFileResponseType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.LicenceSummaryType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.ListHolderLicencesResponseType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.ObtainUsageCodeResponseType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.RecordUsageResponseType;
import org.bouncycastle.crypto.digests.SM3Digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the answers of the licence operations besides verify, and maps them to the public records. */
final class LicenceOperationAnswers {

    private static final Pattern USAGE_CODE = Pattern.compile("[0-9A-Za-z]{8,64}");
    private static final Pattern SM3_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MAX_FACE_ITEMS = 100;
    private static final int MAX_FACE_VALUE = 2000;

    private LicenceOperationAnswers() {
    }

    static LicencePage page(ListLicencesRequest request, String requestId, ListHolderLicencesResponseType response) {
        LicenceAnswers check = new LicenceAnswers(ElicenceClient.LIST);
        check.header(response, response == null ? null : response.header, requestId);
        if (response.total == null || response.total < 0) {
            throw check.invalid("total is missing or negative");
        }
        if (response.pageNo == null || response.pageNo != request.pageNo()
                || response.pageSize == null || response.pageSize != request.pageSize()) {
            throw check.invalid("pageNo/pageSize do not echo the page asked for");
        }
        List<LicenceSummaryType> wire = response.licence == null ? List.of() : response.licence;
        if (wire.size() > request.pageSize()) {
            throw check.invalid("page holds " + wire.size() + " licences, more than pageSize " + request.pageSize());
        }
        if ((long) (request.pageNo() - 1) * request.pageSize() + wire.size() > response.total) {
            throw check.invalid("more licences than total " + response.total);
        }
        List<LicenceSummary> licences = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < wire.size(); i++) {
            LicenceSummaryType item = wire.get(i);
            String at = "licence[" + i + "]";
            if (item == null) {
                throw check.invalid(at + " is empty");
            }
            String licenceId = check.text(at + ".licenceId", item.licenceId, LicenceFields.MAX_LICENCE_ID);
            if (!LicenceFields.LICENCE_ID.matcher(licenceId).matches()) {
                throw check.invalid(at + ".licenceId is not a GB/T 36904 identifier");
            }
            if (!seen.add(licenceId)) {
                throw check.invalid(at + ".licenceId appears twice");
            }
            String catalogue = check.text(at + ".catalogueCode", item.catalogueCode, LicenceAnswers.MAX_CODE);
            if (request.catalogueCode() != null && !request.catalogueCode().equals(catalogue)) {
                throw check.invalid(at + " is of catalogue " + catalogue + ", not the one asked for");
            }
            LocalDate validFrom = check.date(at + ".validFrom", item.validFrom);
            LocalDate validUntil = item.validUntil == null ? null : check.date(at + ".validUntil", item.validUntil);
            check.requireOrder(at, validFrom, validUntil);
            licences.add(new LicenceSummary(licenceId,
                    check.text(at + ".licenceName", item.licenceName, LicenceAnswers.MAX_NAME), catalogue,
                    check.text(at + ".issuerName", item.issuerName, LicenceAnswers.MAX_NAME),
                    check.state(at + ".status", item.status, false), validFrom, validUntil));
        }
        return new LicencePage(licences, response.total, request.pageNo(), request.pageSize());
    }

    static UsageCode usageCode(LicenceUse use, String requestId, ObtainUsageCodeResponseType response) {
        LicenceAnswers check = new LicenceAnswers(ElicenceClient.USAGE_CODE);
        check.header(response, response == null ? null : response.header, requestId);
        String code = check.text("usageCode", response.usageCode, 64);
        if (!USAGE_CODE.matcher(code).matches()) {
            throw check.invalid("usageCode must be 8-64 letters or digits");
        }
        Instant expiresAt = check.dateTime("expiresAt", response.expiresAt);
        return new UsageCode(use, code, expiresAt);
    }

    static LicenceFaceData faceData(UsageCode code, String requestId, FetchLicenceDataResponseType response) {
        LicenceAnswers check = new LicenceAnswers(ElicenceClient.FACE_DATA);
        check.header(response, response == null ? null : response.header, requestId);
        LicenceState state = check.state("status", response.status, false);
        VerifyLicenceResult licence = check.licence(code.licenceId(), state, response.licence);
        List<FaceItemType> wire = response.item == null ? List.of() : response.item;
        if (wire.size() > MAX_FACE_ITEMS) {
            throw check.invalid("more than " + MAX_FACE_ITEMS + " face items");
        }
        List<FaceItem> items = new ArrayList<>();
        for (int i = 0; i < wire.size(); i++) {
            FaceItemType item = wire.get(i);
            if (item == null || item.value == null) {
                throw check.invalid("item[" + i + "] has no value");
            }
            if (item.value.length() > MAX_FACE_VALUE) {
                throw check.invalid("item[" + i + "].value is longer than " + MAX_FACE_VALUE + " characters");
            }
            items.add(new FaceItem(check.text("item[" + i + "].name", item.name, LicenceAnswers.MAX_NAME),
                    item.value.strip()));
        }
        return new LicenceFaceData(licence, items);
    }

    static LicenceFile file(UsageCode code, FileFormat format, int maxFileBytes, String requestId,
                            FetchLicenceFileResponseType response) {
        LicenceAnswers check = new LicenceAnswers(ElicenceClient.FILE);
        check.header(response, response == null ? null : response.header, requestId);
        if (!format.name().equals(check.text("format", response.format, 8))) {
            throw check.invalid("format " + response.format + " is not the " + format + " asked for");
        }
        String fileName = check.text("fileName", response.fileName, LicenceAnswers.MAX_NAME);
        String sm3 = check.text("sm3", response.sm3, 64);
        if (!SM3_HEX.matcher(sm3).matches()) {
            throw check.invalid("sm3 must be 64 hex digits");
        }
        byte[] content = response.content;
        if (content == null || content.length == 0) {
            throw check.invalid("content is missing");
        }
        if (content.length > maxFileBytes) {
            throw check.invalid("file of " + content.length + " bytes exceeds the limit of " + maxFileBytes);
        }
        if (!LicenceFile.hex(sm3(content)).equals(sm3.toLowerCase(Locale.ROOT))) {
            throw check.invalid("content does not match its sm3 digest");
        }
        if (!startsWith(content, format == FileFormat.PDF ? PDF_MAGIC : ZIP_MAGIC)) {
            throw check.invalid("content is not " + (format == FileFormat.PDF ? "a PDF" : "an OFD (ZIP) container"));
        }
        return new LicenceFile(code.licenceId(), format, fileName, sm3.toLowerCase(Locale.ROOT), content);
    }

    static UsageReceipt receipt(String requestId, RecordUsageResponseType response) {
        LicenceAnswers check = new LicenceAnswers(ElicenceClient.RECORD_USAGE);
        check.header(response, response == null ? null : response.header, requestId);
        return new UsageReceipt(check.text("usageRecordId", response.usageRecordId, LicenceAnswers.MAX_CODE),
                check.dateTime("recordedAt", response.recordedAt));
    }

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] sm3(byte[] content) {
        SM3Digest digest = new SM3Digest();
        digest.update(content, 0, content.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
