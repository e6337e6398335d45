package org.custodykg.cache;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;

/**
 * An estimate of how many bytes a value takes on the heap, for weighing what a {@link BoundedCache}
 * keeps: an object header and a reference per field, a string's characters, an array's bytes, a term's text, a collection's
 * slots, summed through records, lists, sets, maps and optionals. A value shared by two parts (an entity
 * named on two routes) is counted in each, and small values the JVM shares (dates, numbers, enums,
 * booleans) count as one small object, so the estimate errs high, never low by more than those.
 */
public final class Footprint {
    /** An object's header. */
    static final int OBJECT = 16;
    /** A field or slot holding a reference. */
    static final int REFERENCE = 8;
    /** A string beyond its characters: its object, its array's header and its hash. */
    static final int STRING = 40;
    /** An RDF term beyond its text: the node and its label's object. */
    public static final int TERM = 48;
    /** A collection beyond its slots: its object and its array's header. */
    static final int COLLECTION = 32;
    /** One entry of a map beyond its key and value. */
    static final int MAP_ENTRY = 32;
    /** A value of a type not looked into (a date, a number, an enum). */
    static final int SMALL = 24;

    private Footprint() {}

    /** The estimated bytes of the value and everything it holds; 0 for null. */
    public static long of(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String text) {
            return STRING + text.length();
        }
        if (value instanceof byte[] bytes) {
            return OBJECT + bytes.length;
        }
        if (value instanceof Node term) {
            return of(term);
        }
        if (value instanceof Optional<?> optional) {
            return OBJECT + REFERENCE + of(optional.orElse(null));
        }
        if (value instanceof Collection<?> items) {
            long total = COLLECTION + (long) REFERENCE * items.size();
            for (Object item : items) {
                total += of(item);
            }
            return total;
        }
        if (value instanceof Map<?, ?> map) {
            long total = COLLECTION + (long) REFERENCE * map.size();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                total += MAP_ENTRY + of(entry.getKey()) + of(entry.getValue());
            }
            return total;
        }
        if (value instanceof Record record) {
            return ofRecord(record);
        }
        return SMALL;
    }

    /** An RDF term: {@link #TERM} and its IRI, or its lexical form and language tag. */
    public static long of(Node term) {
        if (term.isURI()) {
            return TERM + term.getURI().length();
        }
        if (term.isLiteral()) {
            return TERM + term.getLiteralLexicalForm().length() + term.getLiteralLanguage().length();
        }
        return TERM;
    }

    private static long ofRecord(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        long total = OBJECT + (long) REFERENCE * components.length;
        for (RecordComponent component : components) {
            try {
                var accessor = component.getAccessor();
                // a record of another package may be private to it; its accessors are still what it shows
                accessor.setAccessible(true);
                total += of(accessor.invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component + " to weigh it", e);
            }
        }
        return total;
    }
}
