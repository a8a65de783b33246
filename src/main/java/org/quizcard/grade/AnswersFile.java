package org.quizcard.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.Plural;
import org.quizcard.bank.Fields;
import org.quizcard.bank.Position;
import org.quizcard.bank.Problem;
import org.quizcard.bank.Question;
import org.quizcard.bank.YamlNode;
import org.quizcard.check.ResponseParser;

/**
 * A student's answers file: the assignment and student it belongs to, and each question's
 * response as typed, with the line it stands on.
 */
public record AnswersFile(String file, String assignment, String student, Map<String, Entry> responses) {
    public AnswersFile {
        responses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(responses));
    }

    /** One response: the typed text (or one text per cloze blank) and where it stands. */
    public record Entry(List<String> values, Position where) {
        public boolean isEmpty() {
            return values.stream().allMatch(String::isBlank);
        }

        public String text() {
            return String.join("; ", values);
        }
    }

    public static AnswersFile read(Path file) {
        List<Problem> problems = new ArrayList<>();
        YamlNode root = org.quizcard.bank.BankLoader.parse(file, problems);
        String assignment = null;
        String student = null;
        Map<String, Entry> responses = new LinkedHashMap<>();
        Fields f = root == null ? null : Fields.of(root, "an answers file", problems);
        if (f != null) {
            assignment = f.string("assignment", true);
            student = f.string("student", true);
            String problem = student == null ? null : Variant.studentIdProblem(student);
            if (problem != null) problems.add(Problem.error(f.node("student").where(), problem));
            YamlNode answers = f.node("answers");
            if (answers instanceof YamlNode.YamlMap m) {
                m.entries().values().forEach(e -> responses.put(e.key(), entry(e, problems)));
            } else if (answers == null) {
                problems.add(Problem.error(f.where(), "an answers file needs 'answers'"));
            } else if (!(answers instanceof YamlNode.YamlScalar s && s.kind() == YamlNode.YamlScalar.Kind.NULL)) {
                problems.add(Problem.error(answers.where(), "'answers' must be a mapping of question id to response"));
            }
            f.finish();
        }
        Problem.failOnErrors(problems);
        return new AnswersFile(file.toString(), assignment, student, responses);
    }

    private static Entry entry(YamlNode.YamlMap.Entry e, List<Problem> problems) {
        YamlNode v = e.value();
        List<String> values = new ArrayList<>();
        if (v instanceof YamlNode.YamlScalar s) {
            if (s.kind() != YamlNode.YamlScalar.Kind.NULL) values.add(s.text());
        } else if (v instanceof YamlNode.YamlList l) {
            for (YamlNode item : l.items()) {
                if (item instanceof YamlNode.YamlScalar s) {
                    values.add(s.kind() == YamlNode.YamlScalar.Kind.NULL ? "" : s.text());
                } else {
                    problems.add(Problem.error(item.where(), "the response to '" + e.key() + "' must be text, not " + item.describe()));
                }
            }
        } else {
            problems.add(Problem.error(v.where(), "the response to '" + e.key() + "' must be text or a list, not " + v.describe()));
        }
        return new Entry(values, e.keyWhere());
    }

    /** A blank answers file for one student's variant, with each question and its options as comments. */
    public static String template(Variant v) {
        return write(v, Map.of());
    }

    /** An answers file with the given responses (question ref → typed text, or blanks for cloze). */
    public static String write(Variant v, Map<String, List<String>> responses) {
        StringBuilder b = new StringBuilder();
        b.append("# quizcard answers: ").append(v.assignment().id()).append(" for ").append(v.student()).append('\n');
        b.append("# Answer after each colon as you would type it in quizcard: a letter or number for a choice,\n");
        b.append("# several separated by spaces for \"select all\", the numbers in order for an order question,\n");
        b.append("# pairs like 1b 2a for a match, one list entry per blank for a fill-in.\n");
        b.append("assignment: ").append(scalar(v.assignment().id())).append('\n');
        b.append("student: ").append(scalar(v.student())).append('\n');
        b.append("answers:\n");
        int n = 1;
        for (Variant.Item item : v.items()) {
            Question q = item.question();
            b.append('\n');
            comment(b, n++ + ". [" + q.type().yamlName() + ", " + org.quizcard.bank.Solution.number(item.points())
                    + " " + Plural.noun(item.points(), "point") + "] " + q.prompt());
            shown(b, q, item);
            List<String> given = responses.get(q.ref());
            b.append("  ").append(q.ref()).append(':');
            if (q instanceof Question.Cloze z) {
                b.append('\n');
                for (int i = 0; i < z.blanks().size(); i++) {
                    String value = given != null && i < given.size() ? given.get(i) : "";
                    b.append("    - ").append(scalar(value)).append('\n');
                }
            } else {
                String value = given == null || given.isEmpty() ? "" : given.get(0);
                b.append(value.isEmpty() ? "" : " " + scalar(value)).append('\n');
            }
        }
        return b.toString();
    }

    private static void shown(StringBuilder b, Question q, Variant.Item item) {
        var p = item.presentation();
        if (q instanceof Question.Choice choice) {
            if (q instanceof Question.Multiple) comment(b, "  (select all that apply)");
            for (int i = 0; i < p.size(); i++) comment(b, "  " + ResponseParser.letter(i) + ") " + choice.options().get(p.index(i)).text());
        } else if (q instanceof Question.TrueFalse) {
            comment(b, "  true or false");
        } else if (q instanceof Question.Order o) {
            comment(b, "  (write the numbers in the right order)");
            for (int i = 0; i < p.size(); i++) comment(b, "  " + (i + 1) + ". " + o.items().get(p.index(i)));
        } else if (q instanceof Question.Match m) {
            comment(b, "  (pair each number with a letter, e.g. 1b 2a)");
            for (int i = 0; i < m.pairs().size(); i++) comment(b, "  " + (i + 1) + ". " + m.pairs().get(i).left());
            for (int i = 0; i < p.size(); i++) comment(b, "     " + ResponseParser.letter(i) + ") " + m.pairs().get(p.index(i)).right());
        } else if (q instanceof Question.Cloze z) {
            comment(b, "  " + z.text() + "  (one entry per ___)");
        } else if (q instanceof Question.Numeric n && n.unit() != null) {
            comment(b, "  (a number, in " + n.unit() + ")");
        }
    }

    private static void comment(StringBuilder b, String text) {
        for (String line : text.split("\n")) b.append("  # ").append(line.replaceAll("[\\p{Cc}&&[^\t]]", "")).append('\n');
    }

    /** A YAML scalar that reads back as the same string. */
    static String scalar(String s) {
        if (s.isEmpty()) return "''";
        boolean plain = s.matches("[A-Za-z0-9][A-Za-z0-9 ._/-]*") && !s.endsWith(" ")
                && !s.matches("(?i)true|false|yes|no|on|off|null|~|[-+]?[0-9._]+([eE][-+]?[0-9]+)?");
        return plain ? s : "'" + s.replace("'", "''") + "'";
    }
}
