package org.quizcard.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.bank.Fields;
import org.quizcard.bank.Problem;
import org.quizcard.bank.YamlNode;

/** Reads an assignment file strictly, every problem with its line and column. */
public final class AssignmentReader {
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private AssignmentReader() {
    }

    public static Assignment read(Path file) {
        List<Problem> problems = new ArrayList<>();
        YamlNode root = org.quizcard.bank.BankLoader.parse(file, problems);
        Assignment a = root == null ? null : bind(root, file.toString(), problems);
        Problem.failOnErrors(problems);
        return a;
    }

    private static Assignment bind(YamlNode root, String file, List<Problem> problems) {
        Fields f = Fields.of(root, "an assignment", problems);
        if (f == null) return null;
        String id = f.string("id", true);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(Problem.error(f.node("id").where(), "assignment id '" + id + "' must be lower-case words joined by hyphens"));
        }
        String title = f.string("title", true);
        List<Assignment.Draw> draw = f.list("draw", true, n -> draw(n, problems));
        if (f.has("draw") && draw.isEmpty()) problems.add(Problem.error(f.node("draw").where(), "'draw' needs at least one rule"));
        double overall = 0.5;
        Map<String, Double> concepts = new LinkedHashMap<>();
        YamlNode passNode = f.node("pass");
        Fields pass = passNode == null ? null : Fields.of(passNode, "'pass'", problems);
        if (pass != null) {
            Double o = pass.number("overall", false);
            if (o != null) overall = share(o, pass.node("overall"), problems);
            YamlNode c = pass.node("concepts");
            Fields cf = c == null ? null : Fields.of(c, "'pass.concepts'", problems);
            if (cf != null && c instanceof YamlNode.YamlMap m) {
                for (String concept : m.entries().keySet()) {
                    Double v = cf.number(concept, true);
                    if (v != null) concepts.put(concept, share(v, m.entries().get(concept).value(), problems));
                }
            }
            pass.finish();
        }
        List<String> gates = f.strings("gates", false);
        String feedbackName = f.string("feedback", false);
        Assignment.Feedback feedback = Assignment.Feedback.SCORE;
        if (feedbackName != null) {
            feedback = Assignment.Feedback.fromYaml(feedbackName).orElseGet(() -> {
                problems.add(Problem.error(f.node("feedback").where(), "feedback must be none, score, misconceptions or full, not '"
                        + feedbackName + "'"));
                return Assignment.Feedback.SCORE;
            });
        }
        String sealedBank = f.string("sealed-bank", false);
        if (sealedBank != null && !sealedBank.matches("sha256:[0-9a-f]{64}")) {
            problems.add(Problem.error(f.node("sealed-bank").where(), "'sealed-bank' must be sha256: and 64 hex digits, "
                    + "as 'quizcard seal' prints it"));
        }
        f.finish();
        if (id == null || title == null) return null;
        return new Assignment(id, title, draw, overall, concepts, gates, feedback, file, sealedBank);
    }

    private static double share(double v, YamlNode where, List<Problem> problems) {
        if (v < 0 || v > 1) problems.add(Problem.error(where.where(), "a pass mark is a share from 0 to 1, not " + v));
        return v;
    }

    private static Assignment.Draw draw(YamlNode node, List<Problem> problems) {
        Fields f = Fields.of(node, "a draw rule", problems);
        if (f == null) return null;
        String concept = f.string("concept", false);
        String tag = f.string("tag", false);
        Double count = f.number("count", false);
        Double points = f.number("points", false);
        f.finish();
        if (concept == null && tag == null) {
            problems.add(Problem.error(f.where(), "a draw rule needs 'concept', 'tag' or both"));
        }
        if (count != null && (count < 1 || count != Math.rint(count))) {
            problems.add(Problem.error(f.node("count").where(), "'count' must be a whole number of at least 1"));
        }
        if (points != null && !(points > 0)) {
            problems.add(Problem.error(f.node("points").where(), "'points' must be more than 0"));
        }
        return new Assignment.Draw(concept, tag, count == null ? null : count.intValue(), points == null ? 1 : points,
                f.where().line());
    }
}
