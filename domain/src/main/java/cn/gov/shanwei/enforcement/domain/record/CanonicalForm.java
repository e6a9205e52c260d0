package cn.gov.shanwei.enforcement.domain.record;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text of an event for hashing: {@code TypeName{component=value,...}} in declaration order; strings
 * quoted with JSON escapes, numbers and booleans plain, enums by name, dates and instants in ISO-8601, lists as
 * {@code [..]}, maps sorted by key, nested records recursively. Stable across JVMs and releases as long as the
 * record's components are unchanged (changing them is a new event type, see ADR 0104).
 */
public final class CanonicalForm {

    /** Reflection is looked up once per record type: verifying a long log is dominated by this otherwise. */
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Component[] result = new Component[components.length];
            for (int i = 0; i < components.length; i++) {
                try {
                    components[i].getAccessor().setAccessible(true);
                    result[i] = new Component(components[i].getName(),
                            MethodHandles.lookup().unreflect(components[i].getAccessor()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + components[i].getName() + " of " + type, e);
                }
            }
            return result;
        }
    };

    private record Component(String name, MethodHandle accessor) {
    }

    private CanonicalForm() {
    }

    /** The canonical text of {@code event}, which must be a record. */
    public static String of(Object event) {
        if (!(event instanceof Record)) {
            throw new IllegalArgumentException("events are records, not " + event.getClass().getName());
        }
        StringBuilder sb = new StringBuilder();
        write(sb, event);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Record r) {
            writeRecord(sb, r);
        } else if (value instanceof CharSequence s) {
            quote(sb, s.toString());
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Enum<?> e) {
            sb.append(e.name());
        } else if (value instanceof Instant || value instanceof LocalDate || value instanceof java.util.UUID) {
            sb.append(value);
        } else if (value instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object item : c) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(sb, item);
            }
            sb.append(']');
        } else if (value instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(sb, entry.getKey());
                sb.append('=');
                write(sb, entry.getValue());
            }
            sb.append('}');
        } else {
            throw new IllegalArgumentException("no canonical form for " + value.getClass().getName()
                    + ": events may hold only records, strings, numbers, booleans, enums, dates, lists and maps");
        }
    }

    private static void writeRecord(StringBuilder sb, Record r) {
        sb.append(r.getClass().getSimpleName()).append('{');
        Component[] components = COMPONENTS.get(r.getClass());
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(components[i].name()).append('=');
            Object value;
            try {
                value = components[i].accessor().invoke(r);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + components[i].name() + " of " + r.getClass(), e);
            }
            write(sb, value);
        }
        sb.append('}');
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
