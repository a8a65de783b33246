package org.quizcard.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.YamlNode.YamlList;
import org.quizcard.bank.YamlNode.YamlMap;
import org.quizcard.bank.YamlNode.YamlScalar;

class YamlReaderTest {

    private static List<String> problems(String yaml) {
        return YamlReader.read("f.yaml", yaml).problems().stream().map(Problem::format).toList();
    }

    @Test
    void readsMappingsListsAndScalarsWithTheirPositions() {
        YamlReader.Result r = YamlReader.read("f.yaml", "a: 1\nb:\n  - x\n  - true\nc: no\nd: 2.5\ne:\n");
        assertThat(r.problems()).isEmpty();
        YamlMap root = (YamlMap) r.root();
        assertThat(root.entries()).containsOnlyKeys("a", "b", "c", "d", "e");
        YamlScalar a = (YamlScalar) root.entries().get("a").value();
        assertThat(a.kind()).isEqualTo(YamlScalar.Kind.INTEGER);
        assertThat(a.where()).isEqualTo(new Position("f.yaml", 1, 4));
        YamlList b = (YamlList) root.entries().get("b").value();
        assertThat(((YamlScalar) b.items().get(1)).kind()).isEqualTo(YamlScalar.Kind.BOOLEAN);
        assertThat(b.items().get(1).where().line()).isEqualTo(4);
        // YAML 1.2: "no" stays a string
        assertThat(((YamlScalar) root.entries().get("c").value()).kind()).isEqualTo(YamlScalar.Kind.STRING);
        assertThat(((YamlScalar) root.entries().get("d").value()).kind()).isEqualTo(YamlScalar.Kind.FLOAT);
        assertThat(((YamlScalar) root.entries().get("e").value()).kind()).isEqualTo(YamlScalar.Kind.NULL);
    }

    @Test
    void duplicateKeysAreReportedAtTheSecondKey() {
        assertThat(problems("id: a\ntitle: x\ntitle: y\n"))
                .containsExactly("f.yaml:3:1: duplicate key 'title' (first at line 2)");
    }

    @Test
    void anchorsOnScalarsAndMappingsAreErrors() {
        assertThat(problems("a: &one text\nb: &two {x: 1}\n")).containsExactly(
                "f.yaml:1:4: YAML anchors (&one) are not allowed in banks",
                "f.yaml:2:4: YAML anchors (&two) are not allowed in banks");
    }

    @Test
    void aliasesAreErrors() {
        assertThat(problems("a: [1]\nb: *ref\n")).anyMatch(p -> p.startsWith("f.yaml:2:4: YAML aliases"));
    }

    @Test
    void tagsAreErrors() {
        assertThat(problems("a: !!str 5\nb: !custom x\n")).containsExactly(
                "f.yaml:1:4: YAML tags (!!str) are not allowed in banks",
                "f.yaml:2:4: YAML tags (!custom) are not allowed in banks");
    }

    @Test
    void everyProblemOfAFileIsReportedInOneRead() {
        assertThat(problems("a: 1\na: 2\nb: &x 3\nc: !!int 4\n")).hasSize(3);
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        YamlReader.Result r = YamlReader.read("f.yaml", "id: x\n  bad: [\n");
        assertThat(r.root()).isNull();
        assertThat(r.problems()).singleElement()
                .satisfies(p -> assertThat(p.format()).startsWith("f.yaml:2:6: invalid YAML: "));
    }

    @Test
    void tabIndentationIsASyntaxError() {
        assertThat(problems("a:\n\t- x\n")).singleElement().asString().startsWith("f.yaml:").contains("invalid YAML");
    }

    @Test
    void emptyFileIsAnError() {
        assertThat(problems("")).containsExactly("f.yaml:1:1: the file is empty");
    }

    @Test
    void moreThanOneDocumentIsAnError() {
        assertThat(problems("a: 1\n---\nb: 2\n")).singleElement().asString().contains("only one YAML document");
    }

    @Test
    void nestingBeyondTheLimitIsAnErrorNotACrash() {
        String deep = "[".repeat(YamlReader.MAX_DEPTH + 10) + "]".repeat(YamlReader.MAX_DEPTH + 10);
        assertThat(problems("a: " + deep + "\n")).singleElement().asString().contains("invalid YAML");
    }
}
