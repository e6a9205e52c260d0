package cn.gov.shanwei.enforcement.cases.access;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who may take each step of one sealed family of commands (a penalty case's, a coercive measure's, an inspection's)
 * and what the step is called in a refusal: one table per family, in one place. The table is checked when it is
 * made: a step without a rule must not start, since it would be taken by anyone.
 */
public final class StepRules {

    /**
     * One step's rule.
     *
     * @param role   the role the acting member of staff needs
     * @param action what the step does, for refusals ("only … may &lt;action&gt;")
     */
    public record Rule(StaffRole role, String action) {
        public Rule {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(action, "action");
        }
    }

    private final Map<Class<?>, Rule> rules;

    private StepRules(Map<Class<?>, Rule> rules) {
        this.rules = rules;
    }

    /**
     * The table of {@code family}, a sealed interface; every class it permits must have a rule, and every rule must be
     * for one of them.
     *
     * @throws IllegalStateException if a step has no rule or a rule names no step of the family
     */
    public static StepRules of(Class<?> family, Map<Class<?>, Rule> rules) {
        Class<?>[] steps = family.getPermittedSubclasses();
        if (steps == null) {
            throw new IllegalStateException(family.getSimpleName() + " is not a sealed family of steps");
        }
        for (Class<?> step : steps) {
            if (!rules.containsKey(step)) {
                throw new IllegalStateException(step.getSimpleName() + " has no role in the rules of "
                        + family.getSimpleName());
            }
        }
        Set<Class<?>> permitted = Set.of(steps);
        for (Class<?> ruled : rules.keySet()) {
            if (!permitted.contains(ruled)) {
                throw new IllegalStateException(ruled.getSimpleName() + " is not a step of " + family.getSimpleName());
            }
        }
        return new StepRules(Map.copyOf(rules));
    }

    /** A step the subject's head takes in person. */
    public static Rule head(String action) {
        return new Rule(StaffRole.SUBJECT_HEAD, action);
    }

    /** A step an officer of the subject takes. */
    public static Rule officer(String action) {
        return new Rule(StaffRole.OFFICER, action);
    }

    /** A step of the subject's legal reviewer. */
    public static Rule legalReviewer(String action) {
        return new Rule(StaffRole.LEGAL_REVIEWER, action);
    }

    /** The rule of {@code step}, a command of the family. */
    public Rule of(Object step) {
        Rule rule = rules.get(step.getClass());
        if (rule == null) {
            throw new IllegalArgumentException(step.getClass().getSimpleName() + " is not a step of this family");
        }
        return rule;
    }
}
