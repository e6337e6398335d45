package org.custodykg.query;

import org.custodykg.Parameter;
import org.custodykg.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.custodykg.ArgumentException;

/** Turns a question's parameter values, as typed by a person, into RDF terms. */
public final class ParameterBinder {
    private ParameterBinder() {}

    /**
     * Resolves each value: an entity parameter by name or IRI within its class ({@link EntityResolver#resolveAll},
     * so a jurisdiction given for an authority stands for all its authorities), a literal parameter by
     * its datatype's lexical rules.
     *
     * @return each parameter's terms: one, or several where a jurisdiction stands for its authorities
     * @throws ArgumentException naming the parameter, for an unknown parameter or a value that does not fit
     */
    public static Map<String, List<Node>> bind(Question question, Map<String, String> values, EntityResolver resolver) {
        Map<String, List<Node>> bindings = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Parameter parameter = question.parameter(name).orElseThrow(() -> new ArgumentException(null,
                    "Unknown parameter '" + name + "' for question '" + question.name() + "'. Its parameters: "
                            + (question.parameters().isEmpty() ? "none"
                                    : String.join(", ", question.parameters().stream().map(Parameter::name).toList()))));
            bindings.put(name, parameter.isEntity()
                    ? resolver.resolveAll(name, value, parameter.type())
                    : List.of(literal(parameter, value)));
        });
        return bindings;
    }

    /**
     * Every combination of one term per parameter, in order: the single bindings a question is asked
     * with when some parameter stands for several terms.
     */
    public static List<Map<String, Node>> combinations(Map<String, List<Node>> bindings) {
        List<Map<String, Node>> combinations = List.of(Map.of());
        for (Map.Entry<String, List<Node>> parameter : bindings.entrySet()) {
            List<Map<String, Node>> longer = new ArrayList<>();
            for (Map<String, Node> partial : combinations) {
                for (Node value : parameter.getValue()) {
                    Map<String, Node> next = new LinkedHashMap<>(partial);
                    next.put(parameter.getKey(), value);
                    longer.add(next);
                }
            }
            combinations = longer;
        }
        return combinations;
    }

    private static Node literal(Parameter parameter, String value) {
        RDFDatatype datatype = TypeMapper.getInstance().getSafeTypeByName(parameter.type());
        if (!datatype.isValid(value)) {
            String local = parameter.type().substring(parameter.type().indexOf('#') + 1);
            throw new ArgumentException(parameter.name(), "expected a value of type xsd:" + local
                    + (local.equals("date") ? " such as 2020-07-07" : "") + ", got '" + EntityResolver.printable(value) + "'");
        }
        return NodeFactory.createLiteralDT(value, datatype);
    }
}
