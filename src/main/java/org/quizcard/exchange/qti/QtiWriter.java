package org.quizcard.exchange.qti;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Question;
import org.quizcard.exchange.BankExporter;
import org.quizcard.exchange.Loss;
import org.quizcard.exchange.Xml;

/**
 * A bank as a QTI 3.0 assessment package: a zip holding {@code imsmanifest.xml} (IMS Content
 * Packaging as QTI 3.0 profiles it), one {@code qti-assessment-item} per question under
 * {@code items/CONCEPT/ID.xml}, and one {@code qti-assessment-test} with a section per concept.
 * The same bank always gives the same bytes: entries in bank order, no clock read.
 */
public final class QtiWriter implements BankExporter {
    static final String MANIFEST_NAMESPACE = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";
    static final String LOM_NAMESPACE = "http://ltsc.ieee.org/xsd/LOM";
    static final String TEST_FILE = "assessment-test.xml";
    /** The time every entry carries, so that a package is the same bytes whenever it is written. */
    private static final LocalDateTime FIXED = LocalDateTime.of(2000, 1, 1, 0, 0);

    @Override
    public List<Loss> write(Bank bank, Path out) throws IOException {
        List<Loss> losses = new ArrayList<>();
        try (OutputStream o = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(o, StandardCharsets.UTF_8)) {
            entry(zip, "imsmanifest.xml", manifest(bank));
            entry(zip, TEST_FILE, test(bank));
            // item by item, so a large bank is never held in memory as XML text
            for (Question q : (Iterable<Question>) bank.questions()::iterator) {
                entry(zip, itemFile(q), QtiItem.of(q, identifier(q), bank));
                losses.addAll(losses(q));
            }
        }
        return losses;
    }

    private static void entry(ZipOutputStream zip, String name, Xml document) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED);
        zip.putNextEntry(entry);
        zip.write(document.document().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static String itemFile(Question q) {
        return "items/" + q.concept() + "/" + q.id() + ".xml";
    }

    /**
     * A question's QTI identifier: concept and id joined by {@code --} (which neither holds), so
     * it is unique in the package and no dot mixes with QTI's {@code item.OUTCOME} references;
     * an underscore first when the concept starts with a digit, as an XML name must not.
     */
    static String identifier(Question q) {
        return name(q.concept() + "--" + q.id());
    }

    /** Bank ids as XML names: they are already, but for a leading digit. */
    static String name(String id) {
        return Character.isDigit(id.charAt(0)) ? "_" + id : id;
    }

    /** What a QTI item cannot carry of {@code q}. */
    static List<Loss> losses(Question q) {
        List<Loss> losses = new ArrayList<>();
        String where = "question " + q.ref();
        if (q instanceof Question.Text t && t.regex() != null) {
            losses.add(Loss.part(where, "answer pattern /" + t.regex() + "/: QTI's pattern mask limits what can be "
                    + "typed, it does not score" + (t.answers().isEmpty() ? "; the item is left for a person to score" : "")));
        }
        if (q instanceof Question.Order) {
            losses.add(Loss.part(where, "partial credit for items in the right order relative to each other: "
                    + "the item scores the whole order, right or wrong"));
        }
        if (q.common().hint() != null) {
            losses.add(Loss.part(where, "hint: a QTI item has no hint shown on request"));
        }
        return losses;
    }

    private static Xml test(Bank bank) {
        Xml test = Xml.element("qti-assessment-test").attr("xmlns", QtiItem.NAMESPACE).attr("identifier", "quizcard")
                .attr("title", String.join(", ", bank.concepts().stream().map(Concept::title).toList()));
        test.child("qti-outcome-declaration").attr("identifier", "SCORE").attr("cardinality", "single")
                .attr("base-type", "float").child("qti-default-value").child("qti-value").text("0");
        Xml part = test.child("qti-test-part").attr("identifier", "questions").attr("navigation-mode", "nonlinear")
                .attr("submission-mode", "individual");
        for (Concept c : bank.concepts()) {
            Xml section = part.child("qti-assessment-section").attr("identifier", name(c.id())).attr("title", c.title())
                    .attr("visible", "true");
            if (c.summary() != null) {
                section.child("qti-rubric-block").attr("view", "candidate").attr("use", "instructions")
                        .child("qti-content-body").addAll(QtiItem.paragraphs(c.summary()));
            }
            for (Question q : c.questions()) {
                section.child("qti-assessment-item-ref").attr("identifier", identifier(q)).attr("href", itemFile(q));
            }
        }
        test.child("qti-outcome-processing").add(Rules.set("SCORE", Xml.element("qti-sum")
                .add(Xml.element("qti-test-variables").attr("variable-identifier", "SCORE"))));
        return test;
    }

    private static Xml manifest(Bank bank) {
        Xml manifest = Xml.element("manifest").attr("xmlns", MANIFEST_NAMESPACE).attr("identifier", "quizcard-package");
        Xml metadata = manifest.child("metadata");
        metadata.child("schema").text("QTI Package");
        metadata.child("schemaversion").text("3.0.0");
        manifest.child("organizations");
        Xml resources = manifest.child("resources");
        Xml test = resources.child("resource").attr("identifier", "quizcard").attr("type", "imsqti_test_xmlv3p0")
                .attr("href", TEST_FILE);
        lom(test, List.of(), bank.concepts().stream().flatMap(c -> c.sources().stream()).distinct().toList());
        test.child("file").attr("href", TEST_FILE);
        bank.questions().forEach(q -> test.child("dependency").attr("identifierref", identifier(q)));
        bank.questions().forEach(q -> {
            Xml item = resources.child("resource").attr("identifier", identifier(q)).attr("type", "imsqti_item_xmlv3p0")
                    .attr("href", itemFile(q));
            lom(item, q.common().tags(), q.common().sources());
            item.child("file").attr("href", itemFile(q));
        });
        return manifest;
    }

    /** A resource's LOM metadata: tags as keywords, sources as relations of kind "is based on". */
    private static void lom(Xml resource, List<String> keywords, List<String> sources) {
        if (keywords.isEmpty() && sources.isEmpty()) return;
        Xml lom = resource.child("metadata").child("lom").attr("xmlns", LOM_NAMESPACE);
        if (!keywords.isEmpty()) {
            Xml general = lom.child("general");
            for (String k : keywords) general.child("keyword").child("string").text(k);
        }
        for (String source : sources) {
            Xml relation = lom.child("relation");
            Xml kind = relation.child("kind");
            kind.child("source").text("LOMv1.0");
            kind.child("value").text("isbasedon");
            relation.child("resource").child("description").child("string").text(source);
        }
    }
}
