package org.quizcard.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The formats quizcard imports from and exports to, each with the name {@code --format} takes. */
public enum Format {
    ANKI("anki", "Anki package (.apkg, .colpkg)", true),
    ANKI_TEXT("anki-text", "Anki notes as plain text (.txt)", true),
    MOODLE("moodle", "Moodle XML (.xml)", true),
    GIFT("gift", "GIFT (.gift, .txt)", true),
    QTI("qti", "QTI 3.0 package (.zip)", false);

    private final String id;
    private final String description;
    private final boolean imports;

    Format(String id, String description, boolean imports) {
        this.id = id;
        this.description = description;
        this.imports = imports;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether {@code quizcard import} reads this format (QTI is written only). */
    public boolean imports() {
        return imports;
    }

    public static Optional<Format> of(String id) {
        for (Format f : values()) if (f.id.equals(id)) return Optional.of(f);
        return Optional.empty();
    }

    /**
     * The format of a file to import, from its name and its first bytes: a zip is an Anki
     * package, XML is Moodle's, a {@code .txt} is Anki's text export when it starts with one of its
     * {@code #key:value} headers or holds a tab on its first line, and GIFT otherwise.
     */
    public static Optional<Format> detect(String fileName, byte[] head) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".apkg") || name.endsWith(".colpkg")) return Optional.of(ANKI);
        if (name.endsWith(".gift")) return Optional.of(GIFT);
        if (name.endsWith(".xml")) return Optional.of(MOODLE);
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return Optional.of(ANKI);
        String text = new String(head, StandardCharsets.UTF_8).replace("\ufeff", "");
        if (text.stripLeading().startsWith("<?xml") || text.stripLeading().startsWith("<quiz")) return Optional.of(MOODLE);
        if (name.endsWith(".txt") || name.endsWith(".tsv") || name.endsWith(".csv")) {
            int end = text.indexOf('\n');
            String first = end < 0 ? text : text.substring(0, end);
            boolean ankiHeader = Stream.of("#separator:", "#html:", "#tags", "#columns:", "#notetype", "#deck",
                    "#guid column:").anyMatch(first::startsWith);
            return Optional.of(ankiHeader || first.indexOf('\t') >= 0 ? ANKI_TEXT : GIFT);
        }
        return Optional.empty();
    }
}
