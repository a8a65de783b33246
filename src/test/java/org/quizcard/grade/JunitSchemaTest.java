package org.quizcard.grade;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.StringReader;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;

/** quizcard's JUnit XML is valid against the schema Jenkins' xUnit plugin checks, at every feedback level. */
class JunitSchemaTest {
    private static final Path COURSE = Path.of("examples/course");

    @ParameterizedTest
    @ValueSource(strings = {"pass", "partial", "fail"})
    void theReportValidates(String answers) throws Exception {
        Bank bank = BankLoader.load(BankFile.shipped()).orThrow();
        Assignment assignment = AssignmentReader.read(COURSE.resolve("assignment.yaml"));
        AnswersFile given = AnswersFile.read(COURSE.resolve("answers/" + answers + ".yaml"));
        Result result = Grader.grade(Variant.of(assignment, bank, given.student()), given);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        Validator validator = factory.newSchema(getClass().getResource("/junit/junit-10.xsd")).newValidator();
        for (Assignment.Feedback level : Assignment.Feedback.values()) {
            String xml = new Reports(result, bank, level).junit();
            assertThatCode(() -> validator.validate(new StreamSource(new StringReader(xml))))
                    .as(answers + " at " + level).doesNotThrowAnyException();
        }
    }
}
