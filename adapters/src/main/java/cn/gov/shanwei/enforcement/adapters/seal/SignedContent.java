package cn.gov.shanwei.enforcement.adapters.seal;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a document seal sent to be signed: the OFD path of its {@code Signature.xml} (the signature's property info)
 * and that file's exact bytes. ofdrw stamps {@code Signature.xml} with the time it is written, so a document can
 * only be rebuilt around a signature found later ({@link SealClient#embed}) from these bytes: a caller that must
 * reconcile before retrying keeps them durably before the request leaves ({@link SealClient#seal(byte[], String,
 * String, String, java.util.function.UnaryOperator)}).
 *
 * @param path         e.g. {@code /Doc_0/Signs/Sign_0/Signature.xml}
 * @param signatureXml the bytes whose SM3 digest was sent to be signed
 */
public record SignedContent(String path, byte[] signatureXml) {

    public SignedContent {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || !path.endsWith("/Signature.xml") || path.contains("..")) {
            throw new IllegalArgumentException("path must be an absolute OFD path to a Signature.xml: " + path);
        }
        if (signatureXml == null || signatureXml.length == 0) {
            throw new IllegalArgumentException("signatureXml is required");
        }
        signatureXml = signatureXml.clone();
    }

    @Override
    public byte[] signatureXml() {
        return signatureXml.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedContent other && path.equals(other.path)
                && Arrays.equals(signatureXml, other.signatureXml);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + Arrays.hashCode(signatureXml);
    }

    @Override
    public String toString() {
        return "SignedContent[" + path + ", " + signatureXml.length + " bytes]";
    }
}
