package org.quizcard.grade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A class report: the statistics of many students' grading results of one assignment (score
 * distribution, question difficulty and discrimination, option pick rates, misconception
 * prevalence), labelled from the bank. Pure: it reads texts, not files.
 */
public record ClassReport(String assignment, String title, List<Result> students, Distribution distribution,
                          List<QuestionStats> questions, List<MisconceptionStats> misconceptions,
                          List<String> notInBank) {

    /** Discrimination below this is flagged low. */
    public static final double LOW_DISCRIMINATION = 0.2;
    /** How many bins the score histogram has, each 10 percentage points wide. */
    public static final int BINS = 10;

    public ClassReport {
        students = List.copyOf(students);
        questions = List.copyOf(questions);
        misconceptions = List.copyOf(misconceptions);
        notInBank = List.copyOf(notInBank);
    }

    /** One student's result file, as {@code quizcard grade --json} writes it. */
    public record Result(String file, String assignment, String title, String student, List<Answer> answers,
                         double earned, double points, double share, double passMark, boolean passed) {
        public Result {
            answers = List.copyOf(answers);
        }

        /** The misconceptions any answer of this result revealed, in first-seen order. */
        public Set<String> revealed() {
            Set<String> ids = new LinkedHashSet<>();
            answers.forEach(a -> ids.addAll(a.misconceptions()));
            return ids;
        }
    }

    /** One question of a result; {@code picks} and {@code options} only mean something for choice questions. */
    public record Answer(String id, String concept, String type, boolean answered, List<Integer> picks, int options,
                         double score, double points, double earned, List<String> misconceptions) {
        public Answer {
            picks = List.copyOf(picks);
            misconceptions = List.copyOf(misconceptions);
        }

        public boolean isChoice() {
            return CHOICE_TYPES.contains(type);
        }
    }

    /** One bar of the score histogram: students whose total share is in [from, to) percent (the last bin includes 100). */
    public record Bin(int from, int to, int count) { }

    /** The spread of total scores. */
    public record Distribution(List<Bin> bins, double mean, double median, double min, double max,
                               int passed, int students, OptionalDouble passMark) {
        public Distribution {
            bins = List.copyOf(bins);
        }

        public double passRate() {
            return students == 0 ? 0 : (double) passed / students;
        }
    }

    /** What the discrimination of a question says about it. */
    public enum Flag {
        /** At or above {@link #LOW_DISCRIMINATION}. */
        OK,
        /** Between 0 and {@link #LOW_DISCRIMINATION}: the question barely separates strong and weak students. */
        LOW,
        /** Below 0: weaker students do better on it than stronger ones. */
        NEGATIVE,
        /** Not computable: fewer than three students, or no spread in the question or the rest. */
        UNDEFINED
    }

    /** Whether an option is right, as far as the bank says. */
    public enum Rightness { RIGHT, WRONG, UNKNOWN }

    /**
     * The statistics of one question: {@code difficulty} is the mean score (classical p-value) over
     * the students given it; {@code discrimination} the corrected item-total correlation.
     */
    public record QuestionStats(String id, String concept, String type, String prompt, int students, int answered,
                                double difficulty, OptionalDouble discrimination, Flag flag,
                                List<OptionStats> options, int unanswered) {
        public QuestionStats {
            options = List.copyOf(options);
        }

        /** Whether the bank holds this question (and so labels its options). */
        public boolean inBank() {
            return prompt != null;
        }
    }

    /** How often one option (by bank order) was picked among the students given its question. */
    public record OptionStats(int index, String text, Rightness rightness, String misconception, int picks,
                              double share) {
        /** The text to show: the bank's, else {@code option n}. */
        public String label() {
            return text != null ? text : "option " + (index + 1);
        }

        public boolean nobodyPicked() {
            return picks == 0;
        }
    }

    /**
     * How many students revealed a misconception; {@code exposed} is how many were given a question
     * the bank says can reveal it (empty when some of its questions are not in the bank).
     */
    public record MisconceptionStats(String id, String claim, int revealed, int students,
                                     Optional<Integer> exposed) {
        public double share() {
            return students == 0 ? 0 : (double) revealed / students;
        }
    }

    private static final Set<String> CHOICE_TYPES = Set.of("single", "multiple");

    /** Reads one result file's text; failures name {@code file} and say what is wrong, in one line. */
    public static Result parse(String file, String json) {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw QuizcardException.badInput(file + ": not a quizcard result: invalid JSON" + where);
        }
        Reader r = new Reader(file);
        if (root == null || !root.isObject()) throw r.fail("expected a JSON object");
        String assignment = r.string(root, "assignment", "");
        String title = r.string(root, "title", "");
        String student = r.string(root, "student", "");
        JsonNode questions = r.array(root, "questions", "");
        List<Answer> answers = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Answer a = r.answer(questions.get(i), "questions[" + i + "].");
            if (!seen.add(a.id())) throw r.fail("question " + a.id() + " appears twice");
            answers.add(a);
        }
        JsonNode total = r.object(root, "total", "");
        double earned = r.number(total, "earned", "total.");
        double points = r.number(total, "points", "total.");
        double share = r.share(total, "share", "total.");
        double passMark = r.share(total, "passMark", "total.");
        boolean passed = r.bool(root, "passed", "");
        // From the points, not the share the file rounds to 4 decimals: 6 of 11 is 54.5%, not 54.6%.
        double exact = points > 0 ? earned / points : share;
        return new Result(file, assignment, title, student, answers, earned, points, exact, passMark, passed);
    }

    /** Reads the fields of a result, failing in one line that names the file and the key. */
    private record Reader(String file) {
        QuizcardException fail(String what) {
            return QuizcardException.badInput(file + ": not a quizcard result: " + what);
        }

        JsonNode field(JsonNode node, String key, String path) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) throw fail("missing \"" + path + key + "\"");
            return value;
        }

        String string(JsonNode node, String key, String path) {
            JsonNode v = field(node, key, path);
            if (!v.isString()) throw fail("\"" + path + key + "\" is not a string");
            return v.stringValue();
        }

        double number(JsonNode node, String key, String path) {
            JsonNode v = field(node, key, path);
            if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < 0) {
                throw fail("\"" + path + key + "\" is not a number of 0 or more");
            }
            return v.doubleValue();
        }

        double share(JsonNode node, String key, String path) {
            double v = number(node, key, path);
            if (v > 1) throw fail("\"" + path + key + "\" is not between 0 and 1");
            return v;
        }

        boolean bool(JsonNode node, String key, String path) {
            JsonNode v = field(node, key, path);
            if (!v.isBoolean()) throw fail("\"" + path + key + "\" is not true or false");
            return v.booleanValue();
        }

        JsonNode array(JsonNode node, String key, String path) {
            JsonNode v = field(node, key, path);
            if (!v.isArray()) throw fail("\"" + path + key + "\" is not a list");
            return v;
        }

        JsonNode object(JsonNode node, String key, String path) {
            JsonNode v = field(node, key, path);
            if (!v.isObject()) throw fail("\"" + path + key + "\" is not an object");
            return v;
        }

        Answer answer(JsonNode q, String path) {
            if (!q.isObject()) throw fail("\"" + path.substring(0, path.length() - 1) + "\" is not an object");
            String id = string(q, "id", path);
            String concept = string(q, "concept", path);
            String type = string(q, "type", path);
            boolean answered = bool(q, "answered", path);
            double score = share(q, "score", path);
            double points = number(q, "points", path);
            double earned = number(q, "earned", path);
            List<String> misconceptions = new ArrayList<>();
            JsonNode ms = array(q, "misconceptions", path);
            for (int i = 0; i < ms.size(); i++) {
                if (!ms.get(i).isString()) throw fail("\"" + path + "misconceptions[" + i + "]\" is not a string");
                misconceptions.add(ms.get(i).stringValue());
            }
            List<Integer> picks = new ArrayList<>();
            int options = 0;
            if (CHOICE_TYPES.contains(type)) {
                JsonNode n = field(q, "options", path);
                if (!n.isInt() || n.intValue() < 1 || n.intValue() > Question.MAX_PARTS) {
                    throw fail("\"" + path + "options\" is not a whole number from 1 to " + Question.MAX_PARTS);
                }
                options = n.intValue();
                JsonNode ps = q.get("picks");
                if (ps != null && !ps.isNull()) {
                    if (!ps.isArray()) throw fail("\"" + path + "picks\" is not a list");
                    for (int i = 0; i < ps.size(); i++) {
                        JsonNode p = ps.get(i);
                        if (!p.isInt() || p.intValue() < 0 || p.intValue() >= options) {
                            throw fail("\"" + path + "picks[" + i + "]\" is not an option index below " + options);
                        }
                        if (!picks.contains(p.intValue())) picks.add(p.intValue());
                    }
                } else if (answered) {
                    throw fail("missing \"" + path + "picks\"");
                }
            }
            return new Answer(id, concept, type, answered, picks, options, score, points, earned, misconceptions);
        }
    }

    /**
     * Builds the report of {@code results}, labelling questions, options and misconceptions from
     * {@code bank}. Fails when there are no results, when they belong to different assignments, or
     * when one student has two.
     */
    public static ClassReport of(List<Result> results, Bank bank) {
        if (results.isEmpty()) throw QuizcardException.badInput("no results to report on");
        Result first = results.get(0);
        Map<String, Result> byStudent = new HashMap<>();
        for (Result r : results) {
            if (!r.assignment().equals(first.assignment())) {
                throw QuizcardException.badInput(r.file() + ": a result of assignment " + r.assignment()
                        + ", but " + first.file() + " is of " + first.assignment() + "; report one assignment at a time");
            }
            Result other = byStudent.putIfAbsent(r.student(), r);
            if (other != null) {
                throw QuizcardException.badInput(r.file() + ": student " + r.student() + " already has a result in "
                        + other.file());
            }
        }
        // Sorted by student, so that the order of the files never changes a byte of the report.
        List<Result> students = results.stream().sorted(Comparator.comparing(Result::student)).toList();
        String title = students.stream().map(Result::title).filter(t -> !t.isBlank()).findFirst()
                .orElse(first.assignment());

        List<String> ids = questionOrder(students, bank);
        List<QuestionStats> questions = new ArrayList<>();
        List<String> notInBank = new ArrayList<>();
        for (String id : ids) {
            QuestionStats q = question(id, students, bank.question(id));
            questions.add(q);
            if (!q.inBank()) notInBank.add(id);
        }
        return new ClassReport(first.assignment(), title, students, distribution(students), questions,
                misconceptions(students, bank, ids), notInBank);
    }

    /** The questions in bank order, then any the bank does not hold, by id. */
    private static List<String> questionOrder(List<Result> students, Bank bank) {
        Set<String> present = new TreeSet<>();
        students.forEach(s -> s.answers().forEach(a -> present.add(a.id())));
        List<String> ids = new ArrayList<>();
        bank.questions().map(Question::ref).filter(present::contains).forEach(ids::add);
        present.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return ids;
    }

    private static Distribution distribution(List<Result> students) {
        int[] counts = new int[BINS];
        List<Double> shares = new ArrayList<>();
        for (Result r : students) {
            counts[bin(r.share())]++;
            shares.add(r.share());
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            bins.add(new Bin(i * 100 / BINS, (i + 1) * 100 / BINS, counts[i]));
        }
        shares.sort(null);
        int n = shares.size();
        double median = n % 2 == 1 ? shares.get(n / 2) : (shares.get(n / 2 - 1) + shares.get(n / 2)) / 2;
        int passed = (int) students.stream().filter(Result::passed).count();
        Set<Double> marks = new TreeSet<>();
        students.forEach(s -> marks.add(s.passMark()));
        OptionalDouble passMark = marks.size() == 1 ? OptionalDouble.of(marks.iterator().next()) : OptionalDouble.empty();
        return new Distribution(bins, mean(shares), median, shares.get(0), shares.get(n - 1), passed, n, passMark);
    }

    /** The histogram bin of a share: [0, 0.1) is 0, ..., [0.9, 1] is 9. */
    static int bin(double share) {
        // A small nudge so that 0.7, stored as 0.69999..., lands in the 70% bin.
        return Math.min(BINS - 1, Math.max(0, (int) Math.floor(share * BINS + 1e-9)));
    }

    private static QuestionStats question(String id, List<Result> students, Optional<Question> inBank) {
        List<Double> scores = new ArrayList<>();
        List<Double> rests = new ArrayList<>();
        List<Double> pairedScores = new ArrayList<>();
        List<Answer> given = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        for (Result s : students) {
            for (Answer a : s.answers()) {
                if (!a.id().equals(id)) continue;
                given.add(a);
                scores.add(a.score());
                totals.add(s.share());
                double restPoints = s.points() - a.points();
                if (restPoints > 1e-9) {
                    pairedScores.add(a.score());
                    rests.add(Math.max(0, s.earned() - a.earned()) / restPoints);
                }
            }
        }
        Answer sample = given.get(0);
        int answered = (int) given.stream().filter(Answer::answered).count();
        // When every student given the question has the same total, the corrected item-total
        // correlation is -1 by construction (the rest is the total minus the item): it says nothing.
        boolean totalsVary = totals.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                - totals.stream().mapToDouble(Double::doubleValue).min().orElse(0) > 1e-9;
        OptionalDouble r = totalsVary ? correlation(pairedScores, rests) : OptionalDouble.empty();
        Flag flag = r.isEmpty() ? Flag.UNDEFINED
                : r.getAsDouble() < 0 ? Flag.NEGATIVE
                : r.getAsDouble() < LOW_DISCRIMINATION ? Flag.LOW : Flag.OK;
        String prompt = inBank.map(Question::prompt).orElse(null);
        List<OptionStats> options = sample.isChoice() ? options(given, inBank) : List.of();
        return new QuestionStats(id, sample.concept(), sample.type(), prompt, given.size(), answered, mean(scores), r,
                flag, options, given.size() - answered);
    }

    private static List<OptionStats> options(List<Answer> given, Optional<Question> inBank) {
        int count = given.stream().mapToInt(Answer::options).max().orElse(0);
        List<Question.Option> bankOptions = inBank.map(ClassReport::bankOptions).orElse(List.of());
        // A bank whose option count differs from the results' has changed since grading: its labels would lie.
        boolean labelled = bankOptions.size() == count;
        boolean rightKnown = labelled && bankOptions.stream().anyMatch(Question.Option::correct);
        int[] picks = new int[count];
        given.forEach(a -> a.picks().forEach(p -> picks[p]++));
        List<OptionStats> options = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Question.Option o = labelled ? bankOptions.get(i) : null;
            Rightness rightness = !rightKnown ? Rightness.UNKNOWN : o.correct() ? Rightness.RIGHT : Rightness.WRONG;
            options.add(new OptionStats(i, o == null ? null : o.text(), rightness, o == null ? null : o.misconception(),
                    picks[i], (double) picks[i] / given.size()));
        }
        return options;
    }

    private static List<Question.Option> bankOptions(Question q) {
        if (q instanceof Question.Single s) return s.options();
        if (q instanceof Question.Multiple m) return m.options();
        return List.of();
    }

    private static List<MisconceptionStats> misconceptions(List<Result> students, Bank bank, List<String> ids) {
        Map<String, Integer> revealed = new LinkedHashMap<>();
        students.forEach(s -> s.revealed().forEach(id -> revealed.merge(id, 1, Integer::sum)));
        Map<String, Set<String>> probedBy = new HashMap<>();
        boolean bankKnowsAll = true;
        for (String id : ids) {
            Optional<Question> q = bank.question(id);
            if (q.isEmpty()) bankKnowsAll = false;
            q.ifPresent(question -> question.probes().forEach(m -> probedBy.computeIfAbsent(m, k -> new TreeSet<>()).add(id)));
        }
        Set<String> all = new TreeSet<>(revealed.keySet());
        all.addAll(probedBy.keySet());
        List<MisconceptionStats> stats = new ArrayList<>();
        for (String id : all) {
            Optional<Integer> exposed = Optional.empty();
            if (bankKnowsAll) {
                Set<String> probes = probedBy.getOrDefault(id, Set.of());
                int n = (int) students.stream()
                        .filter(s -> s.answers().stream().anyMatch(a -> probes.contains(a.id()))).count();
                // Fewer exposed than revealed: the bank has changed since grading, so the count would lie.
                if (n >= revealed.getOrDefault(id, 0)) exposed = Optional.of(n);
            }
            String claim = bank.misconception(id).map(Misconception::claim).orElse(null);
            stats.add(new MisconceptionStats(id, claim, revealed.getOrDefault(id, 0), students.size(), exposed));
        }
        stats.sort(Comparator.comparingInt(MisconceptionStats::revealed).reversed().thenComparing(MisconceptionStats::id));
        return stats;
    }

    private static double mean(List<Double> values) {
        double sum = 0;
        for (double v : values) sum += v;
        return values.isEmpty() ? 0 : sum / values.size();
    }

    /** Pearson's r (point-biserial when x is 0 or 1); empty with fewer than three pairs or no spread. */
    static OptionalDouble correlation(List<Double> x, List<Double> y) {
        int n = x.size();
        if (n < 3) return OptionalDouble.empty();
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x.get(i) - mx;
            double dy = y.get(i) - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx < 1e-12 || syy < 1e-12) return OptionalDouble.empty();
        return OptionalDouble.of(Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))));
    }
}
