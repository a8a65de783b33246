package org.quizcard.exchange.anki;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.bank.Concept;
import org.quizcard.exchange.Html;

/**
 * The JSON columns of a schema-11 collection's {@code col} row: the collection's settings, the
 * note types (quizcard's three, {@link AnkiModel}), the decks (Anki's Default and one per concept,
 * its summary as the deck's description) and the deck options (Anki's defaults), with the keys
 * Anki's schema-11 reader and older Anki versions expect.
 */
final class AnkiCollectionJson {
    /** Anki's default LaTeX preamble and postamble for a note type. */
    private static final String LATEX_PRE = "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n"
            + "\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n"
            + "\\setlength{\\parindent}{0in}\n\\begin{document}\n";
    private static final String LATEX_POST = "\\end{document}";

    private final long modified;

    /** The JSON of a collection written at {@code modified} (seconds). */
    AnkiCollectionJson(long modified) {
        this.modified = modified;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    String conf(long nextPosition, long firstModel) {
        return AnkiPackageWriter.write(map("activeDecks", List.of(1), "curDeck", 1, "newSpread", 0,
                "collapseTime", 1200, "timeLim", 0, "estTimes", true, "dueCounts", true,
                "curModel", Long.toString(firstModel), "nextPos", nextPosition, "sortType", "noteFld",
                "sortBackwards", false, "addToCur", true));
    }

    String models(long deck) {
        Map<String, Object> models = new LinkedHashMap<>();
        for (AnkiModel m : AnkiModel.values()) {
            long id = AnkiPackageWriter.modelId(m);
            List<Object> fields = new ArrayList<>();
            for (int i = 0; i < m.fields.size(); i++) {
                fields.add(map("name", m.fields.get(i), "ord", i, "sticky", false, "rtl", false, "font", "Arial",
                        "size", 20, "media", List.of()));
            }
            Map<String, Object> template = map("name", m.cloze ? "Cloze" : "Card 1", "ord", 0, "qfmt", m.front,
                    "afmt", m.back, "bqfmt", "", "bafmt", "", "did", null, "bfont", "", "bsize", 0);
            models.put(Long.toString(id), map("id", id, "name", m.noteType, "type", m.cloze ? 1 : 0,
                    "mod", modified, "usn", 0, "sortf", 0, "did", deck, "tmpls", List.of(template), "flds", fields,
                    "css", AnkiModel.CSS, "latexPre", LATEX_PRE, "latexPost", LATEX_POST, "latexsvg", false,
                    "req", List.of(List.of(0, "any", List.of(0))), "tags", List.of(), "vers", List.of()));
        }
        return AnkiPackageWriter.write(models);
    }

    String decks(Map<Concept, Long> ids, Map<Concept, String> names) {
        Map<String, Object> decks = new LinkedHashMap<>();
        decks.put("1", deck(1, "Default", ""));
        ids.forEach((c, id) -> decks.put(Long.toString(id), deck(id, names.get(c), Html.fromText(c.summary()))));
        return AnkiPackageWriter.write(decks);
    }

    private Map<String, Object> deck(long id, String name, String description) {
        List<Integer> today = List.of(0, 0);
        return map("id", id, "mod", modified, "name", name, "usn", 0, "lrnToday", today, "revToday", today,
                "newToday", today, "timeToday", today, "collapsed", false, "browserCollapsed", false,
                "desc", description, "dyn", 0, "conf", 1, "extendNew", 0, "extendRev", 0);
    }

    String deckOptions() {
        Map<String, Object> options = map("id", 1, "mod", 0, "name", "Default", "usn", 0, "maxTaken", 60,
                "autoplay", true, "timer", 0, "replayq", true, "dyn", false,
                "new", map("bury", false, "delays", List.of(1.0, 10.0), "initialFactor", 2500, "ints", List.of(1, 4, 0),
                        "order", 1, "perDay", 20),
                "rev", map("bury", false, "ease4", 1.3, "ivlFct", 1.0, "maxIvl", 36500, "perDay", 200,
                        "hardFactor", 1.2),
                "lapse", map("delays", List.of(10.0), "leechAction", 1, "leechFails", 8, "minInt", 1, "mult", 0.0));
        return AnkiPackageWriter.write(map("1", options));
    }
}
