package org.quizcard.exchange.anki;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Loss;

/**
 * A cloze note's text as a quizcard cloze question: each deletion a blank ({@code ___}) whose
 * answer is the deletion's text, its hint kept in the question's hint as {@code blank N: hint}.
 * When the text opens with a paragraph of its own before the paragraph of the first deletion,
 * that paragraph is the prompt; otherwise the prompt is {@value AnkiNoteReader#CLOZE_PROMPT}.
 */
final class ClozeNote {
    private ClozeNote() {
    }

    static Optional<Question> question(String html, Question.Common common, String explanation, String noteHint,
                                       String where, List<Loss> losses) {
        AnkiCloze.Parsed parsed = AnkiCloze.parse(html);
        if (parsed.deletions().isEmpty()) return AnkiNoteReader.lost(where, "a cloze note without a cloze deletion", losses);
        if (parsed.nested()) losses.add(Loss.part(where, "a cloze deletion inside another: asked as part of the outer blank"));
        String text = AnkiText.text(parsed.text(), where, losses);
        if (text.contains(Question.Cloze.BLANK)) {
            while (text.contains(Question.Cloze.BLANK)) text = text.replace(Question.Cloze.BLANK, "__");
            losses.add(Loss.part(where, "the text's own '___' written as '__' (a cloze blank is '___')"));
        }
        List<Question.Blank> blanks = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int open = text.indexOf(AnkiCloze.OPEN); open >= 0; open = text.indexOf(AnkiCloze.OPEN, from)) {
            int close = text.indexOf(AnkiCloze.CLOSE, open);
            if (close < 0) break;
            int n = Integer.parseInt(text.substring(open + 1, close));
            AnkiCloze.Deletion d = parsed.deletions().get(n);
            String answer = AnkiText.text(d.answer(), where, losses).replace('\n', ' ');
            if (answer.isBlank()) return AnkiNoteReader.lost(where, "a cloze deletion with no text (only media?)", losses);
            out.append(text, from, open).append(Question.Cloze.BLANK);
            blanks.add(new Question.Blank(List.of(answer), List.of(), common.where()));
            String hint = d.hint() == null ? "" : AnkiText.text(d.hint(), where, losses).replace('\n', ' ');
            if (!hint.isBlank()) hints.add("blank " + blanks.size() + ": " + hint);
            from = close + 1;
        }
        out.append(text, from, text.length());
        if (blanks.size() != parsed.deletions().size()) {
            return AnkiNoteReader.lost(where, "its cloze deletions do not survive as text (they sit inside markup that "
                    + "moves them)", losses);
        }
        String all = out.toString();
        String prompt = AnkiNoteReader.CLOZE_PROMPT;
        int paragraph = all.indexOf("\n\n");
        if (paragraph > 0 && all.indexOf(Question.Cloze.BLANK) > paragraph) {
            prompt = all.substring(0, paragraph).strip();
            all = all.substring(paragraph + 2).strip();
        }
        String hint = noteHint;
        if (!hints.isEmpty()) hint = (hint == null ? "" : hint + "\n") + String.join("; ", hints);
        return Optional.of(new Question.Cloze(AnkiNoteReader.with(common, prompt, explanation, hint), all, blanks));
    }
}
