package org.quizcard.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quizcard.InputFile;
import org.quizcard.QuizcardException;
import org.quizcard.grade.ClassReport;
import org.quizcard.grade.ResultReader;
import org.quizcard.grade.ClassReportHtml;
import org.quizcard.grade.ClassReportMarkdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quizcard report}: a class report from many students' JSON grading results, in Markdown and HTML. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {
            "Report on a class from the students' JSON results (quizcard grade --json): score distribution, "
                    + "difficulty and discrimination of each question, option pick rates, misconception prevalence.",
            "Prints Markdown unless --markdown or --html is given; the same results always give the same bytes.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  quizcard report results/*.json",
            "  quizcard report results/*.json --markdown report.md --html report.html --bank course/questions",
        })
final class ReportCommand extends BankCommand {
    @Parameters(arity = "1..*", paramLabel = "RESULT.json", description = "Results of one assignment, one per student.")
    List<Path> results = new ArrayList<>();

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the Markdown report to FILE ('-': standard output).")
    String markdown;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write a self-contained HTML page with charts to FILE; it needs nothing else to open.")
    Path html;

    @Override
    public Integer call() {
        List<ClassReport.Result> parsed = new ArrayList<>();
        for (Path file : results) {
            parsed.add(ResultReader.parse(file.toString(), read(file)));
        }
        ClassReport report = ClassReport.of(parsed, context.bank(banks));
        if (html != null) OutputFile.write(html, ClassReportHtml.render(report));
        if (markdown != null && !markdown.equals("-")) {
            OutputFile.write(Path.of(markdown), ClassReportMarkdown.render(report));
        } else if (markdown != null || html == null) {
            context.out().print(ClassReportMarkdown.render(report));
        }
        return 0;
    }

    /** Largest result file read: a result of hundreds of questions is tens of kilobytes. */
    static final int MAX_RESULT_BYTES = 16 << 20;

    private static String read(Path file) {
        byte[] bytes = InputFile.read(file, MAX_RESULT_BYTES, "a quizcard result");
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw QuizcardException.badInput(file + ": not a quizcard result: not UTF-8 text");
        }
    }
}
