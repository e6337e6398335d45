package org.custodykg.query;

import org.custodykg.Question;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custodykg.ArgumentException;
import org.custodykg.DataException;

/** The named questions of a {@code queries/} folder, each parsed once. */
public final class QuestionCatalog {
    private final Map<String, Question> questions;
    private final Map<String, PreparedQuery> prepared = new LinkedHashMap<>();

    private QuestionCatalog(Map<String, Question> questions) {
        this.questions = questions;
        questions.forEach((name, question) -> prepared.put(name, new PreparedQuery(question.query())));
    }

    /**
     * Reads every {@code *.rq} file of the folder.
     *
     * @throws DataException naming the file, line and column of a malformed header or query
     */
    public static QuestionCatalog read(Path dir) {
        Map<String, Question> questions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".rq")).sorted().toList()) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - ".rq".length());
                questions.put(name, HeaderParser.parse(name, file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new DataException(dir + ": cannot read the questions (" + e.getMessage() + ")", e);
        }
        return new QuestionCatalog(Map.copyOf(questions));
    }

    /** Every question, sorted by name. */
    public List<Question> all() {
        return questions.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /**
     * The question of that name.
     *
     * @throws ArgumentException naming the known questions when there is none of that name
     */
    public Question get(String name) {
        Question question = questions.get(name);
        if (question == null) {
            throw new ArgumentException(null, "Unknown question '" + name + "'. Known questions: "
                    + String.join(", ", all().stream().map(Question::name).toList()));
        }
        return question;
    }

    /**
     * The question of that name, prepared to be run many times with different values.
     *
     * @throws ArgumentException naming the known questions when there is none of that name
     */
    public PreparedQuery prepared(String name) {
        return prepared.get(get(name).name());
    }
}
