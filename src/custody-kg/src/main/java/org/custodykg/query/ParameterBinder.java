package org.custodykg.query;

import org.custodykg.Parameter;
import org.custodykg.Question;
import java.util.LinkedHashMap;
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
     * Resolves each value: an entity parameter by name or IRI within its class, a literal parameter by
     * its datatype's lexical rules.
     *
     * @throws ArgumentException naming the parameter, for an unknown parameter or a value that does not fit
     */
    public static Map<String, Node> bind(Question question, Map<String, String> values, EntityResolver resolver) {
        Map<String, Node> bindings = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Parameter parameter = question.parameter(name).orElseThrow(() -> new ArgumentException(null,
                    "Unknown parameter '" + name + "' for question '" + question.name() + "'. Its parameters: "
                            + (question.parameters().isEmpty() ? "none"
                                    : String.join(", ", question.parameters().stream().map(Parameter::name).toList()))));
            bindings.put(name, parameter.isEntity()
                    ? resolver.resolve(name, value, parameter.type())
                    : literal(parameter, value));
        });
        return bindings;
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
