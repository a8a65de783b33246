package org.quizcard.exchange.anki;

import java.util.ArrayList;
import java.util.List;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Loss;

/**
 * An Anki cloze field as a quizcard cloze question, for every note that makes cloze cards (Anki's
 * Cloze and its copies, and quizcard's own "quizcard Cloze"):
 *
 * <ul>
 *   <li>each outermost deletion ({@code {{c1::answer}}}, {@code {{c2::answer::hint}}},
 *       {@code {{c1,2::answer}}}) is one blank {@code ___}, in the order they appear (a number used
 *       twice gives two blanks: quizcard asks every blank at once); its text is the accepted
 *       answer, a deletion inside it part of that answer; its hint a line {@code blank N: hint}
 *       of the question's hint, after the note's own hint;
 *   <li>the prompt is a first {@code <div class=prompt>} (as quizcard's export writes it), else a
 *       first paragraph with no deletion in it, else {@value AnkiNoteReader#CLOZE_PROMPT};
 *   <li>an unclosed deletion is text; underscores that would read as a blank ({@code ___}, or
 *       next to one) are spaced out.
 * </ul>
 *
 * Read with plain code in one pass over the field: no pattern runs on it.
 */
final class AnkiCloze {
    /** Marks blank {@code i} in the text: a private-use character around its number, which HTML leaves alone. */
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    /** One deletion: its answer and hint as they were written (the hint null when it has none). */
    record Deletion(String answer, String hint) { }

    /** The field with markers where the deletions were, the deletions, and what was odd about them. */
    record Parsed(String text, List<Deletion> deletions, boolean nested, boolean unclosed) { }

    private AnkiCloze() {
    }

    /** Whether {@code field} holds a cloze deletion. */
    static boolean has(String field) {
        for (int at = field.indexOf("{{c"); at >= 0; at = field.indexOf("{{c", at + 1)) {
            if (opening(field, at) > 0) return true;
        }
        return false;
    }

    /** The question of a cloze field; null, with a loss saying why, when it cannot be one. */
    static Question question(AnkiNote note, String field, Question.Common common, String explanation, String noteHint,
                             List<Loss> losses) {
        String where = note.where();
        String raw = field.replace(OPEN, '\uFFFD').replace(CLOSE, '\uFFFD');
        String prompt = null;
        String open = AnkiNotes.PROMPT_OPEN;
        int end = note.html() && raw.startsWith(open) ? raw.indexOf(AnkiNotes.PROMPT_CLOSE) : -1;
        if (end > 0) {
            prompt = AnkiField.text(raw.substring(open.length(), end), true, where, losses);
            raw = raw.substring(end + AnkiNotes.PROMPT_CLOSE.length());
        }
        Parsed parsed = parse(raw);
        if (parsed.deletions().isEmpty()) return AnkiNoteReader.lost(where, "a cloze note without a cloze deletion", losses);
        if (parsed.deletions().size() > Question.MAX_PARTS) {
            return AnkiNoteReader.lost(where, "a cloze note of " + parsed.deletions().size() + " deletions: a cloze "
                    + "question holds at most " + Question.MAX_PARTS + " blanks", losses);
        }
        if (parsed.nested()) losses.add(Loss.part(where, "a cloze deletion inside another: asked as part of the outer blank"));
        if (parsed.unclosed()) losses.add(Loss.part(where, "an unclosed cloze deletion: kept as text"));
        String text = spaceUnderscores(AnkiField.text(parsed.text(), note.html(), where, losses), where, losses);
        List<Question.Blank> blanks = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        if (noteHint != null && !noteHint.isBlank()) hints.add(noteHint);
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int at = text.indexOf(OPEN); at >= 0; at = text.indexOf(OPEN, from)) {
            int close = text.indexOf(CLOSE, at);
            if (close < 0) break;
            Deletion d = parsed.deletions().get(Integer.parseInt(text.substring(at + 1, close)));
            String answer = AnkiField.text(d.answer(), note.html(), where, losses).replace('\n', ' ');
            if (answer.isBlank()) return AnkiNoteReader.lost(where, "a cloze deletion with no text (only media?)", losses);
            out.append(text, from, at).append(Question.Cloze.BLANK);
            blanks.add(new Question.Blank(List.of(answer), List.of(), common.where()));
            String hint = d.hint() == null ? "" : AnkiField.text(d.hint(), note.html(), where, losses).replace('\n', ' ');
            if (!hint.isBlank()) hints.add("blank " + blanks.size() + ": " + hint);
            from = close + 1;
        }
        out.append(text, from, text.length());
        if (blanks.size() != parsed.deletions().size()) {
            return AnkiNoteReader.lost(where, "its cloze deletions do not survive as text (they sit inside markup that "
                    + "moves them)", losses);
        }
        String all = out.toString();
        int paragraph = all.indexOf("\n\n");
        if (prompt == null && paragraph > 0 && all.indexOf(Question.Cloze.BLANK) > paragraph) {
            prompt = all.substring(0, paragraph).strip();
            all = all.substring(paragraph + 2).strip();
        }
        if (prompt == null || prompt.isEmpty()) prompt = AnkiNoteReader.CLOZE_PROMPT;
        String hint = hints.isEmpty() ? null : String.join("\n", hints);
        return new Question.Cloze(AnkiNoteReader.with(common, prompt, explanation, hint), all, blanks);
    }

    static Parsed parse(String field) {
        StringBuilder outside = new StringBuilder(field.length());
        List<Deletion> deletions = new ArrayList<>();
        StringBuilder answer = new StringBuilder();
        StringBuilder hint = null;
        List<Boolean> hinting = new ArrayList<>();
        int hintingLevels = 0;
        int start = 0;
        boolean nested = false;
        int i = 0;
        while (i < field.length()) {
            int depth = hinting.size();
            int open = field.startsWith("{{c", i) ? opening(field, i) : -1;
            if (open > 0) {
                if (depth == 0) {
                    answer.setLength(0);
                    hint = null;
                    start = i;
                } else {
                    nested = true;
                }
                hinting.add(false);
                i = open;
            } else if (depth > 0 && field.startsWith("}}", i)) {
                if (hinting.remove(depth - 1)) hintingLevels--;
                if (depth == 1) {
                    outside.append(OPEN).append(deletions.size()).append(CLOSE);
                    deletions.add(new Deletion(answer.toString(), hint == null ? null : hint.toString()));
                }
                i += 2;
            } else if (depth > 0 && !hinting.get(depth - 1) && field.startsWith("::", i)) {
                hinting.set(depth - 1, true);
                hintingLevels++;
                if (depth == 1) hint = new StringBuilder();
                i += 2;
            } else {
                char ch = field.charAt(i++);
                if (depth == 0) outside.append(ch);
                else if (hintingLevels == 0) answer.append(ch);
                else if (depth == 1 && hint != null) hint.append(ch);
            }
        }
        boolean unclosed = !hinting.isEmpty();
        if (unclosed) outside.append(field, start, field.length());
        return new Parsed(outside.toString(), deletions, nested, unclosed);
    }

    /** Where the text after the opening {@code {{cN::} at {@code at} starts, or -1 when none opens there. */
    private static int opening(String s, int at) {
        int i = at + 3;
        int digits = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) && s.charAt(i) < 128 || s.charAt(i) == ',')) {
            if (s.charAt(i) != ',') digits++;
            i++;
        }
        return digits > 0 && s.startsWith("::", i) ? i + 2 : -1;
    }

    /**
     * The text with each run of underscores that a bank would read as a blank or as part of one
     * (three or more, or any next to a blank) spaced out ({@code _ _ _}); {@code __init__} stays.
     */
    private static String spaceUnderscores(String text, String where, List<Loss> losses) {
        StringBuilder b = new StringBuilder(text.length());
        boolean changed = false;
        int i = 0;
        while (i < text.length()) {
            int run = i;
            while (run < text.length() && text.charAt(run) == '_') run++;
            if (run == i) {
                b.append(text.charAt(i++));
                continue;
            }
            boolean afterBlank = i > 0 && text.charAt(i - 1) == CLOSE;
            boolean beforeBlank = run < text.length() && text.charAt(run) == OPEN;
            if (run - i < 3 && !afterBlank && !beforeBlank) {
                b.append(text, i, run);
            } else {
                changed = true;
                if (afterBlank) b.append(' ');
                for (int u = i; u < run; u++) b.append(u > i ? " _" : "_");
                if (beforeBlank) b.append(' ');
            }
            i = run;
        }
        if (changed) losses.add(Loss.part(where, "underscores in the text spaced out ('_ _'): a bank marks blanks with '___'"));
        return changed ? b.toString() : text;
    }
}
