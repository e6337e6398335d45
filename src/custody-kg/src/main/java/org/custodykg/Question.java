package org.custodykg;

import org.custodykg.Parameter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.query.Query;

/**
 * One named question: a SPARQL file from {@code queries/} with its header.
 *
 * @param name the file name without {@code .rq}
 * @param question the question in plain words
 * @param description more words, possibly empty
 * @param parameters the variables a caller may bind, in header order
 * @param example the example's parameter values, by name
 * @param expectedAnswer the example's answer as written in the header: table lines, or "N triples"
 * @param query the parsed query (parse once, bind many times; never modified)
 */
public record Question(String name, String question, String description, List<Parameter> parameters,
        Map<String, String> example, List<String> expectedAnswer, Query query) {

    /** The parameter of that name, if the question has one. */
    public Optional<Parameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }
}
