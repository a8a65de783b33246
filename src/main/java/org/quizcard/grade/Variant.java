package org.quizcard.grade;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.quizcard.Plural;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.ContentHash;
import org.quizcard.bank.Question;
import org.quizcard.check.Presentation;

/**
 * One student's version of an assignment: which questions, in which order, with which option
 * order, and their points. Seeded from the assignment id and the student id, so it is the same
 * on every machine, and the same for a sealed bank as for the plain one.
 */
public record Variant(Assignment assignment, String student, List<Item> items) {
    public Variant {
        items = List.copyOf(items);
    }

    /** One question of the variant as the student sees it. */
    public record Item(Question question, Presentation presentation, double points) { }

    /** Longest student id: GitHub user names have at most 39 characters, e-mail-like ids a few more. */
    public static final int MAX_STUDENT_ID = 64;
    private static final java.util.regex.Pattern STUDENT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]*");

    /**
     * What is wrong with a student id, or null when it is one: 1 to {@value #MAX_STUDENT_ID}
     * letters, digits and {@code . _ @ + -}, starting with a letter or digit. The same rule holds
     * wherever an id enters (the exam's option, an answers file), so an id can always be written
     * into an answers file and read back, and never carries a control character or markup.
     */
    public static String studentIdProblem(String id) {
        if (id == null || id.isEmpty()) return "the student id is empty";
        if (id.length() > MAX_STUDENT_ID) return "a student id has at most " + MAX_STUDENT_ID + " characters";
        if (!STUDENT_ID.matcher(id).matches()) {
            return "a student id is letters, digits and . _ @ + - (starting with a letter or digit)";
        }
        return null;
    }

    public static Variant of(Assignment a, Bank bank, String student) {
        String problem = studentIdProblem(student);
        if (problem != null) throw QuizcardException.badInput(problem);
        for (String gate : a.gates()) {
            if (bank.misconception(gate).isEmpty()) {
                throw QuizcardException.badInput(a.file() + ": the gate '" + gate + "' is not a misconception of the banks");
            }
        }
        SplittableRandom random = new SplittableRandom(seed(a.id(), student));
        Set<String> drawn = new LinkedHashSet<>();
        List<Item> items = new ArrayList<>();
        for (Assignment.Draw rule : a.draw()) {
            if (rule.concept() != null && bank.concept(rule.concept()).isEmpty()) {
                throw QuizcardException.badInput(a.file() + ":" + rule.line() + ": unknown concept '" + rule.concept() + "'");
            }
            List<Question> pool = new ArrayList<>(bank.questions()
                    .filter(q -> !(q instanceof Question.Flashcard))
                    .filter(q -> rule.concept() == null || q.concept().equals(rule.concept()))
                    .filter(q -> rule.tag() == null || q.common().tags().contains(rule.tag()))
                    .filter(q -> !drawn.contains(q.ref()))
                    .toList());
            if (pool.isEmpty()) {
                throw QuizcardException.badInput(a.file() + ":" + rule.line() + ": no questions match this draw rule");
            }
            int count = rule.count() == null ? pool.size() : rule.count();
            if (pool.size() < count) {
                throw QuizcardException.badInput(a.file() + ":" + rule.line() + ": the rule asks for "
                        + Plural.of(count, "question") + " but only " + pool.size() + " match");
            }
            for (int i = pool.size() - 1; i > 0; i--) Collections.swap(pool, i, random.nextInt(i + 1));
            for (Question q : pool.subList(0, count)) {
                drawn.add(q.ref());
                items.add(new Item(q, Presentation.shuffle(Presentation.canonical(q), q, random), rule.points()));
            }
        }
        return new Variant(a, student, items);
    }

    /** The first 8 bytes of SHA-256 over {@code assignment + "\n" + student}. */
    static long seed(String assignment, String student) {
        byte[] digest = ContentHash.sha256().digest((assignment + "\n" + student).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong();
    }

    public double points() {
        return items.stream().mapToDouble(Item::points).sum();
    }

    /** The questions, in the variant's order. */
    public List<Question> questions() {
        return items.stream().map(Item::question).toList();
    }

    /** How each question is shown, by question ref. */
    public Map<String, Presentation> presentations() {
        Map<String, Presentation> shown = new LinkedHashMap<>();
        items.forEach(i -> shown.put(i.question().ref(), i.presentation()));
        return shown;
    }
}
