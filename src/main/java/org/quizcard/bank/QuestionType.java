package org.quizcard.bank;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of question a bank can hold, under the names banks use for them. */
public enum QuestionType {
    SINGLE, MULTIPLE, TRUEFALSE, TEXT, NUMERIC, ORDER, MATCH, CLOZE, FLASHCARD;

    private final String yamlName = name().toLowerCase(Locale.ROOT);

    /** Each question record's type, worked out once per record class from its name. */
    private static final ClassValue<QuestionType> OF_RECORD = new ClassValue<>() {
        @Override
        protected QuestionType computeValue(Class<?> record) {
            return valueOf(record.getSimpleName().toUpperCase(Locale.ROOT));
        }
    };

    /** The name used in bank files and reports. */
    public String yamlName() {
        return yamlName;
    }

    /** The type of a question record: each is named as its type is ({@code Question.Single}: {@code SINGLE}). */
    static QuestionType ofRecord(Class<?> record) {
        return OF_RECORD.get(record);
    }

    public static Optional<QuestionType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName().equals(name)).findFirst();
    }
}
