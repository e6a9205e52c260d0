package cn.gov.shanwei.enforcement.app.ops;

/** An ops request with an unusable field; answered 400 with the field named. */
public class InvalidOpsRequestException extends RuntimeException {

    private final String field;

    public InvalidOpsRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
