package org.quizcard.bank;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of question a bank can hold, under the names banks use for them. */
public enum QuestionType {
    SINGLE, MULTIPLE, TRUEFALSE, TEXT, NUMERIC, ORDER, MATCH, CLOZE, FLASHCARD;

    /** The name used in bank files and reports. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<QuestionType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName().equals(name)).findFirst();
    }
}
