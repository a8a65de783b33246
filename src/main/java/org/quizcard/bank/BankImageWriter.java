package org.quizcard.bank;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of a {@link BankImage}: the bank as a stream of numbers, with strings replaced by
 * their index in a table it builds.
 */
final class BankImageWriter {
    final Map<String, Integer> strings = new LinkedHashMap<>();
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final DataOutputStream out = new DataOutputStream(bytes);

    void bank(Bank bank) throws IOException {
        out.writeInt(bank.concepts().size());
        for (Concept c : bank.concepts()) concept(c);
        out.writeInt(bank.misconceptions().size());
        for (Misconception m : bank.misconceptions().values()) misconception(m);
        out.writeInt(bank.sealed().size());
        for (Map.Entry<String, String> e : bank.sealed().entrySet()) {
            string(e.getKey());
            string(e.getValue());
        }
    }

    void concept(Concept c) throws IOException {
        string(c.id());
        string(c.title());
        string(c.summary());
        strings(c.sources());
        position(c.where());
        map(c.lintAllow());
        out.writeInt(c.questions().size());
        for (Question q : c.questions()) question(q);
    }

    void misconception(Misconception m) throws IOException {
        string(m.id());
        string(m.claim());
        string(m.seemsRight());
        string(m.correction());
        strings(m.concepts());
        strings(m.sources());
        position(m.where());
    }

    void question(Question q) throws IOException {
        out.writeByte(q.type().ordinal());
        Question.Common c = q.common();
        string(c.concept());
        string(c.id());
        string(c.prompt());
        string(c.explanation());
        string(c.hint());
        strings(c.tags());
        strings(c.sources());
        position(c.where());
        map(c.lintAllow());
        if (q instanceof Question.Choice choice) {
            options(choice.options());
        } else if (q instanceof Question.TrueFalse t) {
            out.writeBoolean(t.answer());
            string(t.misconception());
        } else if (q instanceof Question.Text t) {
            strings(t.answers());
            string(t.regex());
            wrongAnswers(t.wrong());
        } else if (q instanceof Question.Numeric n) {
            out.writeDouble(n.answer());
            out.writeDouble(n.tolerance());
            string(n.unit());
        } else if (q instanceof Question.Order o) {
            strings(o.items());
        } else if (q instanceof Question.Match m) {
            out.writeInt(m.pairs().size());
            for (Question.Pair p : m.pairs()) {
                string(p.left());
                string(p.right());
                position(p.where());
            }
        } else if (q instanceof Question.Cloze z) {
            string(z.text());
            out.writeInt(z.blanks().size());
            for (Question.Blank b : z.blanks()) {
                strings(b.answers());
                wrongAnswers(b.wrong());
                position(b.where());
            }
        } else if (q instanceof Question.Flashcard f) {
            string(f.back());
        } else {
            throw new IllegalStateException("no image layout for " + q.type());
        }
    }

    void options(List<Question.Option> options) throws IOException {
        out.writeInt(options.size());
        for (Question.Option o : options) {
            string(o.text());
            out.writeBoolean(o.correct());
            string(o.misconception());
            string(o.explanation());
            position(o.where());
        }
    }

    void wrongAnswers(List<Question.WrongAnswer> wrong) throws IOException {
        out.writeInt(wrong.size());
        for (Question.WrongAnswer w : wrong) {
            string(w.answer());
            string(w.misconception());
            position(w.where());
        }
    }

    void position(Position p) throws IOException {
        out.writeBoolean(p != null);
        if (p == null) return;
        string(p.file());
        out.writeInt(p.line());
        out.writeInt(p.column());
    }

    void strings(List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) string(s);
    }

    void map(Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
            string(e.getKey());
            string(e.getValue());
        }
    }

    void string(String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        Integer index = strings.get(s);
        if (index == null) {
            index = strings.size();
            strings.put(s, index);
        }
        out.writeInt(index);
    }
}
