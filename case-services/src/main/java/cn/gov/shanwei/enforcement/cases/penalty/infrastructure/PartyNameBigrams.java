package cn.gov.shanwei.enforcement.cases.penalty.infrastructure;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.dialect.function.array.DdlTypeHelper;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * The party-name bigrams of the case list's two-character search on PostgreSQL (V92, ADR 0522): registers the
 * database function {@code penalty_case_party_bigrams(text)} with Hibernate as returning {@code String[]}, so that a
 * list query can ask {@code array_contains(penalty_case_party_bigrams(c.partyName), :bigram)}, which Hibernate renders
 * on PostgreSQL as {@code penalty_case_party_bigrams(…) @> cast(array[?] as varchar[])}: the operator and the
 * expression of V92's GIN index. Registered through {@code META-INF/services} for every dialect; only the PostgreSQL
 * list uses it (H2 has no such function).
 */
public final class PartyNameBigrams implements FunctionContributor {

    /** The database function's name (V92). */
    public static final String FUNCTION = "penalty_case_party_bigrams";

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        TypeConfiguration types = contributions.getTypeConfiguration();
        // An array type as Hibernate's own array functions resolve it (a BasicPluralType: array_contains takes no other)
        BasicType<?> strings = DdlTypeHelper.resolveArrayType(
                types.getBasicTypeRegistry().resolve(StandardBasicTypes.STRING), types);
        contributions.getFunctionRegistry().namedDescriptorBuilder(FUNCTION)
                .setExactArgumentCount(1)
                .setInvariantType(strings)
                .register();
    }

    /**
     * The bigram that a search for {@code text} (lower-cased, {@link
     * cn.gov.shanwei.enforcement.cases.shared.ListQueries#lowered}) can ask for instead of {@code like}: the text
     * itself when it is exactly two characters (code points, as PostgreSQL counts them), {@code _} and {@code %}
     * included (an array holds them as plain characters); otherwise null (one character, or three and more: the
     * trigram index of V80). A lower-cased name contains such a text exactly when the text is one of the name's
     * bigrams, so the condition holds for exactly the names the literal {@code like} matches.
     */
    public static String of(String text) {
        return text != null && text.codePointCount(0, text.length()) == 2 ? text : null;
    }
}
