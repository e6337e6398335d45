package org.custodykg.query;

import org.custodykg.Parameter;
import org.custodykg.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodykg.CustodyKg;
import org.custodykg.DataException;

/** Reads a question file: its {@code # @tag} header and its query. */
final class HeaderParser {
    private static final Pattern TAG = Pattern.compile("^#\\s*@(\\w+)\\s*(.*)$");
    private static final Pattern PARAM = Pattern.compile("^(\\w+)\\s+(\\S+)\\s+(.+)$");
    private static final Pattern EXAMPLE_VALUE = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

    private HeaderParser() {}

    static Question parse(String name, String file, String text) {
        String question = null;
        StringBuilder description = new StringBuilder();
        List<Parameter> parameters = new ArrayList<>();
        Map<String, String> example = new LinkedHashMap<>();
        List<String> answer = new ArrayList<>();
        boolean inAnswer = false;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length && lines[i].startsWith("#"); i++) {
            String line = lines[i];
            Matcher tag = TAG.matcher(line);
            if (!tag.matches()) {
                String rest = line.substring(1).trim();
                if (inAnswer && rest.startsWith("|")) {
                    answer.add(rest);
                } else {
                    inAnswer = false;
                }
                continue;
            }
            inAnswer = false;
            String value = tag.group(2).trim();
            switch (tag.group(1)) {
                case "question" -> question = value;
                case "description" -> description.append(description.length() == 0 ? "" : " ").append(value);
                case "param" -> parameters.add(parameter(file, i + 1, value));
                case "example" -> example.putAll(exampleValues(value));
                case "answer" -> {
                    inAnswer = true;
                    if (!value.isEmpty()) {
                        answer.add(value);
                    }
                }
                default -> throw new DataException(file + ":" + (i + 1) + ": unknown header tag @" + tag.group(1)
                        + " (expected @question, @description, @param, @example or @answer)");
            }
        }
        if (question == null) {
            throw new DataException(file + ":1: the header has no '# @question' line");
        }
        return new Question(name, question, description.toString(), List.copyOf(parameters), Map.copyOf(example),
                List.copyOf(answer), QueryRunner.parse(file, text));
    }

    private static Parameter parameter(String file, int line, String value) {
        Matcher m = PARAM.matcher(value);
        if (!m.matches()) {
            throw new DataException(file + ":" + line + ": expected '# @param NAME TYPE DESCRIPTION', got '" + value + "'");
        }
        String type = CustodyKg.prefixes().expandPrefix(m.group(2));
        return new Parameter(m.group(1), type, m.group(3));
    }

    private static Map<String, String> exampleValues(String value) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = EXAMPLE_VALUE.matcher(value);
        while (m.find()) {
            String v = m.group(2);
            values.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
        }
        return values;
    }
}
