package org.quizcard.exchange.anki;

import java.util.List;

/**
 * The three note types quizcard writes into Anki, each with its fields in order and its card
 * template. A learner may edit a Basic or Cloze note in Anki and import it again: those read back
 * from what they show. A Question note also keeps the whole question in its Source field, which
 * its card does not show.
 */
enum AnkiModel {
    BASIC("quizcard Basic", false, List.of("Front", "Back", "Explanation", "Hint"),
            "{{Front}}{{#Hint}}<div class=hint>{{hint:Hint}}</div>{{/Hint}}",
            "{{FrontSide}}<hr id=answer>{{Back}}{{#Explanation}}<div class=explanation>{{Explanation}}</div>{{/Explanation}}"),
    CLOZE("quizcard Cloze", true, List.of("Text", "Explanation", "Hint"),
            "{{cloze:Text}}{{#Hint}}<div class=hint>{{hint:Hint}}</div>{{/Hint}}",
            "{{cloze:Text}}{{#Explanation}}<hr id=answer><div class=explanation>{{Explanation}}</div>{{/Explanation}}"),
    QUESTION("quizcard Question", false, List.of("Front", "Back", "Explanation", "Source"),
            "{{Front}}",
            "{{FrontSide}}<hr id=answer>{{Back}}{{#Explanation}}<div class=explanation>{{Explanation}}</div>{{/Explanation}}");

    /** How the cards look: plain, readable, with the explanation set apart. */
    static final String CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; color: black; "
            + "background-color: white; }\n.hint, .explanation { margin-top: 1em; font-size: 16px; color: #555; }\n"
            + ".cloze { font-weight: bold; color: blue; }\n";

    /** The note type's name in Anki. */
    final String noteType;
    /** Whether Anki makes one card per cloze number rather than one per template. */
    final boolean cloze;
    final List<String> fields;
    /** The question side of the card template. */
    final String front;
    /** The answer side of the card template. */
    final String back;

    AnkiModel(String noteType, boolean cloze, List<String> fields, String front, String back) {
        this.noteType = noteType;
        this.cloze = cloze;
        this.fields = fields;
        this.front = front;
        this.back = back;
    }

    /** The quizcard note type named {@code name}, if it is one. */
    static AnkiModel named(String name) {
        for (AnkiModel m : values()) if (m.noteType.equals(name)) return m;
        return null;
    }
}
