package org.quizcard.exchange.qti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Fixtures;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Every file of a written package against 1EdTech's QTI 3.0 XML schemas: items and the test
 * against the ASI schema, the manifest against QTI 3.0's content-packaging schema. The schemas
 * are not committed (1EdTech keeps all rights to them) and no package registry carries them:
 * the test runs when {@code -Dquizcard.qti.xsd=DIR} (or {@code QUIZCARD_QTI_XSD}) names a
 * directory holding them, and is skipped otherwise. Imports between the schemas are resolved by
 * file name inside that directory, so nothing is fetched from the network.
 */
class QtiSchemaTest {
    @TempDir
    Path dir;

    private static Path schemas() {
        String dir = System.getProperty("quizcard.qti.xsd", System.getenv("QUIZCARD_QTI_XSD"));
        assumeTrue(dir != null && !dir.isBlank(), "no QTI 3.0 schemas: set -Dquizcard.qti.xsd=DIR");
        return Path.of(dir);
    }

    private static Path find(Path dir, String... names) {
        for (String name : names) if (Files.isRegularFile(dir.resolve(name))) return dir.resolve(name);
        throw new AssertionError("none of " + List.of(names) + " in " + dir);
    }

    private static Schema load(Path xsd) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setResourceResolver(new ByName(xsd.getParent()));
        return factory.newSchema(xsd.toFile());
    }

    /** The problems the schema finds in {@code text}, each with its line. */
    private static List<String> problems(Schema schema, String text) throws Exception {
        List<String> problems = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add(e.getLineNumber() + ": " + e.getMessage());
            }
        });
        validator.validate(new StreamSource(new StringReader(text)));
        return problems;
    }

    private void validates(org.quizcard.bank.Bank bank, String what) throws Exception {
        Path xsd = schemas();
        Schema asi = load(find(xsd, "imsqti_asiv3p0p1_v1p0.xsd", "imsqti_asiv3p0_v1p0.xsd"));
        Schema cp = load(find(xsd, "imsqtiv3p0_imscpv1p2_v1p0.xsd"));
        Path zip = dir.resolve(what + ".zip");
        new QtiWriter().write(bank, zip);
        Map<String, String> entries = QtiPackage.entries(zip);
        assertThat(entries).containsKeys("imsmanifest.xml", QtiWriter.TEST_FILE);
        for (Map.Entry<String, String> e : entries.entrySet()) {
            Schema schema = e.getKey().equals("imsmanifest.xml") ? cp : asi;
            assertThat(problems(schema, e.getValue())).as(what + ": " + e.getKey()).isEmpty();
        }
    }

    @Test
    void theDemoPackageIsValid() throws Exception {
        validates(Fixtures.demo(), "demo");
    }

    @Test
    void theShippedBanksArePackagedValidly() throws Exception {
        validates(BankLoader.load(BankFile.shipped()).orThrow(), "shipped");
    }

    @Test
    void anItemScoredByTheStandardTemplateIsValid() throws Exception {
        Schema asi = load(find(schemas(), "imsqti_asiv3p0p1_v1p0.xsd", "imsqti_asiv3p0_v1p0.xsd"));
        var at = org.quizcard.bank.Position.ofFile("quiz.yaml");
        var q = new org.quizcard.bank.Question.Multiple(new org.quizcard.bank.Question.Common("quiz", "pick",
                "Pick both.", null, null, List.of(), List.of(), at), List.of(
                new org.quizcard.bank.Question.Option("first", true, null, at),
                new org.quizcard.bank.Question.Option("second", true, null, at)));
        String xml = QtiItem.of(q, "quiz--pick", new org.quizcard.bank.Bank(List.of(), Map.of())).document();
        assertThat(xml).contains("template=");
        assertThat(problems(asi, xml)).isEmpty();
    }

    @Test
    void theSchemasRejectAnItemTheyShould() throws Exception {
        Schema asi = load(find(schemas(), "imsqti_asiv3p0p1_v1p0.xsd", "imsqti_asiv3p0_v1p0.xsd"));
        String broken = "<qti-assessment-item xmlns=\"" + QtiItem.NAMESPACE + "\" identifier=\"2-starts-with-a-digit\""
                + " title=\"t\" adaptive=\"false\" time-dependent=\"false\"><qti-item-body><qti-choice-interaction/>"
                + "</qti-item-body></qti-assessment-item>";
        assertThat(problems(asi, broken)).isNotEmpty();
    }

    /** Resolves a schema's import or include by the file name at the end of its location, inside one directory. */
    private record ByName(Path dir) implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            if (systemId == null) return null;
            Path file = dir.resolve(systemId.substring(systemId.lastIndexOf('/') + 1));
            if (!Files.isRegularFile(file)) throw new AssertionError("schema " + systemId + " is not in " + dir);
            return new Input(file, publicId, systemId, baseUri);
        }
    }

    private record Input(Path file, String publicId, String systemId, String baseURI) implements LSInput {
        @Override
        public InputStream getByteStream() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override public java.io.Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(java.io.Reader r) { }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return file.toUri().toString(); }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return baseURI; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
