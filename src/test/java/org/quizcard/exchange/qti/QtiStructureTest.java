package org.quizcard.exchange.qti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizcard.exchange.qti.QtiPackage.all;
import static org.quizcard.exchange.qti.QtiPackage.parse;
import static org.quizcard.exchange.qti.QtiPackage.values;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Position;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Loss;
import org.quizcard.exchange.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a QTI reader relies on in every package, checked without the schemas: well-formed files,
 * valid identifiers, every interaction's response declared, every feedback reachable, and a
 * manifest and test that name every item once.
 */
class QtiStructureTest {
    private static final String NCNAME = "[A-Za-z_][A-Za-z0-9._-]*";

    @TempDir
    Path dir;

    private Map<String, String> write(Bank bank, List<Loss> losses) throws Exception {
        Path zip = dir.resolve("bank.zip");
        losses.addAll(new QtiWriter().write(bank, zip));
        return QtiPackage.entries(zip);
    }

    private static void checkItem(String name, Document item) {
        Element root = item.getDocumentElement();
        assertThat(root.getLocalName()).as(name).isEqualTo("qti-assessment-item");
        assertThat(root.getNamespaceURI()).as(name).isEqualTo(QtiItem.NAMESPACE);
        assertThat(root.getAttribute("identifier")).as(name).matches(NCNAME);
        List<String> declared = values(item, "qti-response-declaration", "identifier");
        List<String> answered = new ArrayList<>();
        for (String interaction : List.of("qti-choice-interaction", "qti-order-interaction", "qti-match-interaction",
                "qti-text-entry-interaction", "qti-extended-text-interaction")) {
            answered.addAll(values(item, interaction, "response-identifier"));
        }
        assertThat(answered).as(name + ": interactions answer the declared responses, each once")
                .containsExactlyInAnyOrderElementsOf(declared);
        Set<String> settable = new HashSet<>();
        all(item, "qti-base-value").stream().filter(e -> e.getAttribute("base-type").equals("identifier"))
                .forEach(e -> settable.add(e.getTextContent()));
        boolean choices = !all(item, "qti-choice-interaction").isEmpty();
        if (choices) settable.addAll(values(item, "qti-simple-choice", "identifier"));
        for (String feedback : values(item, "qti-modal-feedback", "identifier")) {
            assertThat(settable).as(name + ": feedback " + feedback + " can be shown").contains(feedback);
        }
        assertThat(values(item, "qti-outcome-declaration", "identifier"))
                .containsAll(values(item, "qti-modal-feedback", "outcome-identifier"))
                .containsAll(values(item, "qti-set-outcome-value", "identifier"));
        for (Element e : all(item, "qti-simple-choice")) assertThat(e.getAttribute("identifier")).matches(NCNAME);
    }

    private static void checkPackage(Map<String, String> entries) throws Exception {
        Document manifest = parse(entries.get("imsmanifest.xml"));
        Document test = parse(entries.get(QtiWriter.TEST_FILE));
        List<String> items = entries.keySet().stream().filter(n -> n.startsWith("items/")).toList();
        List<String> files = values(manifest, "file", "href");
        assertThat(files).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(entries.keySet().stream()
                .filter(n -> !n.equals("imsmanifest.xml")).toList());
        assertThat(values(test, "qti-assessment-item-ref", "href")).containsExactlyElementsOf(items);
        List<String> ids = new ArrayList<>();
        for (String name : items) {
            Document item = parse(entries.get(name));
            checkItem(name, item);
            ids.add(item.getDocumentElement().getAttribute("identifier"));
        }
        assertThat(values(test, "qti-assessment-item-ref", "identifier")).containsExactlyElementsOf(ids)
                .doesNotHaveDuplicates();
        List<String> resources = all(manifest, "resource").stream()
                .filter(e -> QtiWriter.MANIFEST_NAMESPACE.equals(e.getNamespaceURI())).map(e -> e.getAttribute("identifier"))
                .toList();
        assertThat(resources).doesNotHaveDuplicates().containsAll(ids);
        assertThat(values(manifest, "dependency", "identifierref")).containsExactlyElementsOf(ids);
        for (String id : values(test, "qti-assessment-section", "identifier")) assertThat(id).matches(NCNAME);
    }

    @Test
    void theShippedBanksMakeAConsistentPackage() throws Exception {
        Bank shipped = BankLoader.load(BankFile.shipped()).orThrow();
        List<Loss> losses = new ArrayList<>();
        Map<String, String> entries = write(shipped, losses);
        assertThat(entries.keySet().stream().filter(n -> n.startsWith("items/"))).hasSize((int) shipped.questions().count());
        checkPackage(entries);
        assertThat(losses).noneMatch(Loss::dropped);
    }

    @Test
    void theDemoPackageIsConsistent() throws Exception {
        checkPackage(write(Fixtures.demo(), new ArrayList<>()));
    }

    @Test
    void aConceptStartingWithADigitGetsAnXmlNameAndAPatternAloneIsLeftToAPerson() throws Exception {
        Position at = Position.ofFile("2024-exam.yaml");
        Question q = new Question.Text(new Question.Common("2024-exam", "pid-one",
                "Which process has PID 1 on most Linux systems?", "The first process the kernel starts.", null,
                List.of(), List.of(), at), List.of(), "(?i)(systemd|init)", List.of());
        Bank bank = new Bank(List.of(new Concept("2024-exam", "Exam <2024> & \"friends\"", "Questions of the 2024 exam.",
                List.of(), List.of(q), at)), Map.of());
        List<Loss> losses = new ArrayList<>();
        Map<String, String> entries = write(bank, losses);
        checkPackage(entries);
        Document item = parse(entries.get("items/2024-exam/pid-one.xml"));
        assertThat(item.getDocumentElement().getAttribute("identifier")).isEqualTo("_2024-exam--pid-one");
        assertThat(all(item, "qti-mapping")).isEmpty();
        assertThat(parse(entries.get(QtiWriter.TEST_FILE)).getDocumentElement().getAttribute("title"))
                .isEqualTo("Exam <2024> & \"friends\"");
        assertThat(losses).extracting(Loss::toString).containsExactly("question 2024-exam/pid-one: answer pattern "
                + "/(?i)(systemd|init)/: QTI's pattern mask limits what can be typed, it does not score; the item is "
                + "left for a person to score");
    }

    @Test
    void anItemWithoutFeedbackUsesTheStandardTemplate() throws Exception {
        Position at = Position.ofFile("quiz.yaml");
        Question q = new Question.Single(new Question.Common("quiz", "pick", "Pick the first.", null, null, List.of(),
                List.of(), at), List.of(new Question.Option("first", true, null, at), new Question.Option("second", false, null, at)));
        Document item = parse(QtiItem.of(q, "quiz--pick", new Bank(List.of(), Map.of())).document());
        checkItem("quiz--pick", item);
        Element processing = all(item, "qti-response-processing").get(0);
        assertThat(processing.getAttribute("template"))
                .isEqualTo("https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct");
        assertThat(processing.getChildNodes().getLength()).isZero();
        assertThat(all(item, "qti-modal-feedback")).isEmpty();
    }

    @Test
    void textXmlCannotHoldIsReplacedAndMarkupEscaped() throws Exception {
        Xml p = Xml.element("p").attr("title", "a \"b\"\n<c>").text("bell \u0007, a < b & c > d, \uD83D\uDE00, lone \uD800.");
        Document doc = parse(p.document());
        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo("bell \uFFFD, a < b & c > d, \uD83D\uDE00, lone \uFFFD.");
        assertThat(doc.getDocumentElement().getAttribute("title")).isEqualTo("a \"b\"\n<c>");
    }
}
