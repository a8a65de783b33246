package org.quizcard.exchange.anki;

import java.util.ArrayList;
import java.util.List;
import org.quizcard.bank.Question;

/**
 * The text of an Anki cloze field as a quizcard cloze: each deletion {@code {{cN::answer}}} or
 * {@code {{cN::answer::hint}}} becomes a blank {@code ___} in reading order (a number used twice
 * gives two blanks: quizcard asks every blank of a question at once), its hint a line
 * {@code blank I: hint}. A deletion inside another is read as part of the outer answer. Plain
 * code, one pass: no pattern runs on the text.
 */
record ClozeText(String text, List<String> answers, List<String> hints, List<String> notes, String problem) {
    private static final String OPEN = "{{c";
    /** Where a blank goes while the text is built: no field text holds a control character. */
    private static final String MARK = "\u0000";

    static ClozeText parse(String field) {
        StringBuilder text = new StringBuilder();
        List<String> answers = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int i = 0;
        while (i < field.length()) {
            int start = deletionAt(field, i);
            if (start < 0) {
                text.append(field.charAt(i));
                i++;
                continue;
            }
            int end = closing(field, start);
            if (end < 0) {
                text.append(field, i, field.length());
                notes.add("an unclosed cloze deletion is kept as text");
                break;
            }
            String body = field.substring(start, end);
            int split = topLevelSeparator(body);
            String answer = split < 0 ? body : body.substring(0, split);
            String hint = split < 0 ? "" : body.substring(split + 2).strip();
            if (answer.contains(OPEN)) {
                notes.add("a cloze deletion inside another is read as part of the outer answer");
                answer = parse(answer).filled();
            }
            answer = answer.strip();
            if (answer.isEmpty()) return failed("a cloze deletion has no answer");
            answers.add(answer);
            if (!hint.isEmpty()) hints.add("blank " + answers.size() + ": " + hint);
            text.append(MARK);
            i = end + 2;
        }
        if (answers.isEmpty()) return failed("the cloze note has no cloze deletion");
        if (answers.size() > Question.MAX_PARTS) {
            return failed("the cloze note has " + answers.size() + " deletions; a cloze holds at most "
                    + Question.MAX_PARTS + " blanks");
        }
        String written = text.toString();
        if (written.replace(MARK, " ").contains("__") || written.contains("_" + MARK) || written.contains(MARK + "_")) {
            notes.add("underscores in the text are spaced out ('_ _'): a bank marks blanks with '___'");
            written = spaced(written);
        }
        return new ClozeText(written.replace(MARK, Question.Cloze.BLANK).strip(), answers, hints, notes, null);
    }

    private static ClozeText failed(String problem) {
        return new ClozeText("", List.of(), List.of(), List.of(), problem);
    }

    /** The text with each blank filled by its answer. */
    private String filled() {
        StringBuilder b = new StringBuilder();
        String[] parts = text.split(Question.Cloze.BLANK, -1);
        for (int i = 0; i < parts.length; i++) {
            b.append(parts[i]);
            if (i < answers.size()) b.append(answers.get(i));
        }
        return b.toString();
    }

    /** Where the body of a deletion starts when one opens at {@code i} ({@code {{c} digits {@code ::}), else -1. */
    private static int deletionAt(String s, int i) {
        if (!s.startsWith(OPEN, i)) return -1;
        int j = i + OPEN.length();
        int digits = j;
        while (j < s.length() && Character.isDigit(s.charAt(j)) && s.charAt(j) < 128) j++;
        if (j == digits || !s.startsWith("::", j)) return -1;
        return j + 2;
    }

    /** Where the deletion whose body starts at {@code from} ends (its {@code }}}), counting nested ones; -1 if never. */
    private static int closing(String s, int from) {
        int depth = 1;
        int i = from;
        while (i < s.length() - 1) {
            if (deletionAt(s, i) >= 0) {
                depth++;
                i = deletionAt(s, i);
            } else if (s.startsWith("}}", i)) {
                if (--depth == 0) return i;
                i += 2;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The first {@code ::} of a body outside nested deletions (answer and hint), or -1. */
    private static int topLevelSeparator(String body) {
        int depth = 0;
        int i = 0;
        while (i < body.length() - 1) {
            if (deletionAt(body, i) >= 0) {
                depth++;
                i = deletionAt(body, i);
            } else if (body.startsWith("}}", i) && depth > 0) {
                depth--;
                i += 2;
            } else if (depth == 0 && body.startsWith("::", i)) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Underscores next to an underscore or a blank followed by a space, so no run of them reads as a blank. */
    private static String spaced(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            b.append(ch);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            if ((ch == '_' && (next == '_' || next == MARK.charAt(0))) || (ch == MARK.charAt(0) && next == '_')) {
                b.append(' ');
            }
        }
        return b.toString();
    }
}
