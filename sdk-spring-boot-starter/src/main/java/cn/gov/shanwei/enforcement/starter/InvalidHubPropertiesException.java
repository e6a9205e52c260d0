package cn.gov.shanwei.enforcement.starter;

import java.util.List;

/**
 * The {@code enforcement.hub.*} properties cannot make a working client. Thrown at start-up; Spring Boot's
 * failure analysis prints {@link #problems()} with what to do.
 */
public class InvalidHubPropertiesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems one line per bad property, each naming it */
    public InvalidHubPropertiesException(List<String> problems, Throwable cause) {
        super("Invalid enforcement.hub properties: " + String.join("; ", problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** One line per bad property, each naming it. */
    public List<String> problems() {
        return problems;
    }
}
