package org.quizcard.grade;

import static org.quizcard.grade.ClassReport.BINS;
import static org.quizcard.grade.ClassReport.LOW_DISCRIMINATION;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import org.quizcard.grade.ClassReport.Answer;
import org.quizcard.grade.ClassReport.Bin;
import org.quizcard.grade.ClassReport.Distribution;
import org.quizcard.grade.ClassReport.Flag;
import org.quizcard.grade.ClassReport.MisconceptionStats;
import org.quizcard.grade.ClassReport.OptionStats;
import org.quizcard.grade.ClassReport.QuestionStats;
import org.quizcard.grade.ClassReport.Result;
import org.quizcard.grade.ClassReport.Rightness;

/**
 * The statistics of a class report, computed from the students' results: the score
 * distribution, each question's difficulty, discrimination and option pick rates, and how many
 * students revealed each misconception. Sorted by student first, so that the order results come
 * in never changes a byte of the report.
 */
final class ClassStatistics {
    private ClassStatistics() {
    }

    /** The report of {@code results}, as {@link ClassReport#of} says. */
    static ClassReport of(List<Result> results, Bank bank) {
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
        List<QuestionStats> questions = ids.stream()
                .map(id -> question(id, students, bank.question(id))).toList();
        List<String> notInBank = questions.stream().filter(q -> !q.inBank())
                .map(QuestionStats::id).toList();
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
        List<Double> shares = students.stream().map(Result::share).sorted().toList();
        int[] counts = new int[BINS];
        shares.forEach(share -> counts[bin(share)]++);
        List<Bin> bins = IntStream.range(0, BINS)
                .mapToObj(i -> new Bin(i * 100 / BINS, (i + 1) * 100 / BINS, counts[i])).toList();
        int n = shares.size();
        double median = n % 2 == 1 ? shares.get(n / 2) : (shares.get(n / 2 - 1) + shares.get(n / 2)) / 2;
        int passed = (int) students.stream().filter(Result::passed).count();
        Set<Double> marks = students.stream().map(Result::passMark).collect(Collectors.toSet());
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
        DoubleSummaryStatistics spread = totals.stream().mapToDouble(Double::doubleValue)
                .summaryStatistics();
        boolean totalsVary = spread.getMax() - spread.getMin() > 1e-9;
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
        List<Question.Option> bankOptions = inBank.filter(q -> q instanceof Question.Choice)
                .map(q -> ((Question.Choice) q).options()).orElse(List.of());
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
