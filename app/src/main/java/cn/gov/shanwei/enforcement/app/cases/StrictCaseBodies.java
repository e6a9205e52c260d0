package cn.gov.shanwei.enforcement.app.cases;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * Unknown fields in the bodies of the staff API are errors (a mistyped {@code fineFen} must not silently become 0),
 * while the application's mapper stays lenient for everything else: the check applies only to this package's types.
 */
@Configuration(proxyBeanMethods = false)
public class StrictCaseBodies {

    private static final String OWN_PACKAGE = StrictCaseBodies.class.getPackageName() + ".";

    /** Adds the unknown-field check to the application's mapper. */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictCaseBodiesCustomizer() {
        return builder -> builder.postConfigurer(mapper -> mapper.addHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                                 JsonDeserializer<?> deserializer, Object beanOrClass,
                                                 String propertyName) throws IOException {
                Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
                if (type.getName().startsWith(OWN_PACKAGE)) {
                    throw UnrecognizedPropertyException.from(p, beanOrClass, propertyName,
                            deserializer.getKnownPropertyNames());
                }
                return false;
            }
        }));
    }
}
