import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Question;
import org.quizcard.check.Response;
import org.quizcard.check.ResponseText;
import org.quizcard.grade.AnswersFile;
import org.quizcard.grade.Assignment;
import org.quizcard.grade.AssignmentReader;
import org.quizcard.grade.Variant;
import org.quizcard.study.RightAnswers;

/**
 * Writes STUDENTS submissions of an assignment for the grading benchmark: OUT/subs/sNNN/answers.yaml,
 * each student answering every question of their variant, right or (every third question) left blank.
 *
 * <p>usage: java -cp target/quizcard.jar:target/test-classes bench/GenSubmissions.java ASSIGNMENT OUT [STUDENTS=500]
 */
public final class GenSubmissions {
    public static void main(String[] args) throws Exception {
        Assignment assignment = AssignmentReader.read(Path.of(args[0]));
        Path out = Path.of(args[1]);
        int students = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        Bank bank = BankLoader.load(BankFile.shipped()).orThrow();
        for (int s = 0; s < students; s++) {
            String student = String.format("s%03d", s);
            Variant v = Variant.of(assignment, bank, student);
            Map<String, List<String>> given = new LinkedHashMap<>();
            int n = 0;
            for (Variant.Item item : v.items()) {
                if (++n % 3 == 0) continue;
                Question q = item.question();
                Response r = RightAnswers.of(q);
                given.put(q.ref(), r instanceof Response.Blanks b ? b.blanks()
                        : List.of(ResponseText.format(q, item.presentation(), r)));
            }
            Path dir = Files.createDirectories(out.resolve("subs").resolve(student));
            Files.writeString(dir.resolve("answers.yaml"), AnswersFile.write(v, given));
        }
        System.out.println("wrote " + students + " submissions of " + assignment.id() + " to " + out.resolve("subs"));
    }
}
