package org.quizcard.exchange.qti;

import static org.quizcard.exchange.qti.Rules.base;
import static org.quizcard.exchange.qti.Rules.variable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Feedback;
import org.quizcard.exchange.Numbers;
import org.quizcard.exchange.Xml;

/**
 * One question as a QTI 3.0 assessment item: its response declarations, the interaction in the
 * item body, response processing that scores as quizcard does, and per-answer feedback (an
 * option's explanation, a misconception's refutation, the question's explanation) as modal
 * feedback. Each feedback outcome is set straight from the response or to one identifier, never
 * built up with {@code qti-multiple}: the per-answer one is {@code FEEDBACK} (one per blank of a
 * cloze, {@code FEEDBACK-1}, …), the question's explanation has {@code EXPLANATION}.
 */
final class QtiItem {
    static final String NAMESPACE = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
    static final String RESPONSE = "RESPONSE";
    static final String FEEDBACK = "FEEDBACK";
    static final String EXPLANATION = "EXPLANATION";
    private static final String TEMPLATES = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/";

    private final Question question;
    private final Bank bank;
    private final List<Xml> declarations = new ArrayList<>();
    private final Xml body = Xml.element("qti-item-body");
    private final List<Xml> scoring = new ArrayList<>();
    private final List<Xml> feedbackRules = new ArrayList<>();
    private final Map<String, Shown> feedback = new LinkedHashMap<>();
    /** The feedback outcomes, each with its cardinality. */
    private final Map<String, String> feedbackOutcomes = new LinkedHashMap<>();
    /** The standard template that does what {@link #scoring} does, when there is one. */
    private String template;

    private QtiItem(Question question, Bank bank) {
        this.question = question;
        this.bank = bank;
    }

    /** The item document of {@code q}, with the QTI identifier {@code identifier}. */
    static Xml of(Question q, String identifier, Bank bank) {
        QtiItem item = new QtiItem(q, bank);
        item.build();
        return item.document(identifier);
    }

    private void build() {
        if (question instanceof Question.Choice c) choice(c);
        else if (question instanceof Question.TrueFalse t) trueFalse(t);
        else if (question instanceof Question.Text t) text(t);
        else if (question instanceof Question.Numeric n) numeric(n);
        else if (question instanceof Question.Order o) order(o);
        else if (question instanceof Question.Match m) match(m);
        else if (question instanceof Question.Cloze z) cloze(z);
        else if (question instanceof Question.Flashcard f) flashcard(f);
    }

    /** Option identifiers: A, B, C, … (a question has at most 26 parts). */
    static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }

    private void choice(Question.Choice c) {
        boolean multiple = c instanceof Question.Multiple;
        Xml correct = Xml.element("qti-correct-response");
        Xml interaction = interaction("qti-choice-interaction").attr("shuffle", "false")
                .attr("max-choices", multiple ? 0 : 1);
        long right = c.options().stream().filter(Question.Option::correct).count();
        Xml mapping = Xml.element("qti-mapping").attr("lower-bound", 0).attr("upper-bound", 1).attr("default-value", 0);
        for (int i = 0; i < c.options().size(); i++) {
            Question.Option o = c.options().get(i);
            if (o.correct()) correct.child("qti-value").text(letter(i));
            double value = (o.correct() ? 1 : -1) / (double) Math.max(1, right);
            mapping.child("qti-map-entry").attr("map-key", letter(i)).attr("mapped-value", Numbers.plain(value));
            interaction.child("qti-simple-choice").attr("identifier", letter(i)).text(o.text());
            optionFeedback(letter(i), multiple ? "multiple" : "single", o.explanation(), o.misconception());
        }
        Xml declaration = response(RESPONSE, multiple ? "multiple" : "single", "identifier").add(correct);
        if (multiple) {
            // quizcard's rule: (right picks − wrong picks) / right options, at least 0
            declaration.add(mapping);
            scoring.add(Rules.mapResponse(RESPONSE));
            template = "map_response";
        } else {
            scoring.add(Rules.matchCorrect(RESPONSE));
            template = "match_correct";
        }
        declarations.add(declaration);
        body.add(interaction);
    }

    private void trueFalse(Question.TrueFalse t) {
        String right = t.answer() ? "TRUE" : "FALSE";
        declarations.add(response(RESPONSE, "single", "identifier")
                .add(Xml.element("qti-correct-response").add(Xml.element("qti-value").text(right))));
        Xml interaction = interaction("qti-choice-interaction").attr("shuffle", "false").attr("max-choices", 1);
        interaction.child("qti-simple-choice").attr("identifier", "TRUE").text("True");
        interaction.child("qti-simple-choice").attr("identifier", "FALSE").text("False");
        optionFeedback(t.answer() ? "FALSE" : "TRUE", "single", null, t.misconception());
        body.add(interaction);
        scoring.add(Rules.matchCorrect(RESPONSE));
        template = "match_correct";
    }

    private void text(Question.Text t) {
        declarations.add(typed(RESPONSE, t.answers(), 1));
        prompt();
        body.child("p").add(Xml.element("qti-text-entry-interaction").attr("response-identifier", RESPONSE));
        wrongAnswers(RESPONSE, FEEDBACK, "WRONG-", t.wrong());
        if (t.answers().isEmpty()) return; // a pattern alone: nothing QTI can score by (a loss)
        scoring.add(Rules.mapResponse(RESPONSE));
        template = "map_response";
    }

    private void numeric(Question.Numeric n) {
        declarations.add(response(RESPONSE, "single", "float").add(Xml.element("qti-correct-response")
                .add(Xml.element("qti-value").text(Numbers.plain(n.answer())))));
        prompt();
        Xml line = body.child("p").add(Xml.element("qti-text-entry-interaction").attr("response-identifier", RESPONSE));
        if (n.unit() != null) line.text(" " + n.unit());
        scoring.add(Rules.withinTolerance(RESPONSE, n.tolerance()));
    }

    private void order(Question.Order o) {
        Xml correct = Xml.element("qti-correct-response");
        for (int i = 0; i < o.items().size(); i++) correct.child("qti-value").text(letter(i));
        declarations.add(response(RESPONSE, "ordered", "identifier").add(correct));
        Xml interaction = interaction("qti-order-interaction").attr("shuffle", "true");
        for (int i : sortedByText(o.items())) {
            interaction.child("qti-simple-choice").attr("identifier", letter(i)).text(o.items().get(i));
        }
        body.add(interaction);
        scoring.add(Rules.matchCorrect(RESPONSE));
        template = "match_correct";
    }

    private void match(Question.Match m) {
        int n = m.pairs().size();
        Xml correct = Xml.element("qti-correct-response");
        Xml mapping = Xml.element("qti-mapping").attr("lower-bound", 0).attr("upper-bound", 1).attr("default-value", 0);
        Xml interaction = interaction("qti-match-interaction").attr("shuffle", "false").attr("max-associations", n);
        Xml left = interaction.child("qti-simple-match-set");
        Xml right = interaction.child("qti-simple-match-set");
        for (int i = 0; i < n; i++) {
            String pair = "L" + (i + 1) + " R" + (i + 1);
            correct.child("qti-value").text(pair);
            mapping.child("qti-map-entry").attr("map-key", pair).attr("mapped-value", Numbers.plain(1.0 / n));
            left.child("qti-simple-associable-choice").attr("identifier", "L" + (i + 1)).attr("match-max", 1)
                    .text(m.pairs().get(i).left());
        }
        for (int i : sortedByText(m.pairs().stream().map(Question.Pair::right).toList())) {
            right.child("qti-simple-associable-choice").attr("identifier", "R" + (i + 1)).attr("match-max", 1)
                    .text(m.pairs().get(i).right());
        }
        declarations.add(response(RESPONSE, "multiple", "directedPair").add(correct).add(mapping));
        body.add(interaction);
        scoring.add(Rules.mapResponse(RESPONSE));
        template = "map_response";
    }

    private void cloze(Question.Cloze z) {
        int n = z.blanks().size();
        prompt();
        List<String> parts = z.parts();
        Xml sentence = body.child("p");
        lines(sentence, parts.get(0));
        scoring.add(Rules.set("SCORE", base("float", "0")));
        for (int i = 0; i < n; i++) {
            String id = RESPONSE + "-" + (i + 1);
            Question.Blank blank = z.blanks().get(i);
            declarations.add(typed(id, blank.answers(), 1.0 / n));
            sentence.add(Xml.element("qti-text-entry-interaction").attr("response-identifier", id));
            lines(sentence, parts.get(i + 1));
            wrongAnswers(id, FEEDBACK + "-" + (i + 1), "BLANK-" + (i + 1) + "-WRONG-", blank.wrong());
            if (!blank.answers().isEmpty()) scoring.add(Rules.addMappedScore(id));
        }
    }

    private void flashcard(Question.Flashcard f) {
        declarations.add(response(RESPONSE, "single", "string"));
        body.add(interaction("qti-extended-text-interaction"));
        // the back is what a learner recalls: shown once the attempt is over, as a card is turned
        show(FEEDBACK, "single", "BACK", f.back(), Rules.set(FEEDBACK, base("identifier", "BACK")));
    }

    /**
     * The indices of {@code texts} in the order of their texts (ties in bank order): how quizcard
     * itself first shows order items and match answers, so the right order is never given away.
     */
    private static List<Integer> sortedByText(List<String> texts) {
        return IntStream.range(0, texts.size()).boxed().sorted(Comparator.comparing(texts::get)).toList();
    }

    /** The prompt as paragraphs in the item body, above an inline interaction. */
    private void prompt() {
        body.addAll(paragraphs(question.prompt()));
    }

    /** A block interaction answering {@code RESPONSE}, with the question's prompt. */
    private Xml interaction(String name) {
        Xml interaction = Xml.element(name).attr("response-identifier", RESPONSE);
        interaction.child("qti-prompt").addAll(paragraphs(question.prompt()));
        return interaction;
    }

    private static Xml response(String id, String cardinality, String baseType) {
        return Xml.element("qti-response-declaration").attr("identifier", id).attr("cardinality", cardinality)
                .attr("base-type", baseType);
    }

    /** A typed answer: the first accepted answer is the correct response, each one maps to {@code value}, ignoring case. */
    private static Xml typed(String id, List<String> answers, double value) {
        Xml declaration = response(id, "single", "string");
        if (answers.isEmpty()) return declaration;
        declaration.child("qti-correct-response").child("qti-value").text(answers.get(0));
        Xml mapping = declaration.child("qti-mapping").attr("lower-bound", 0).attr("upper-bound", Numbers.plain(value))
                .attr("default-value", 0);
        Set<String> keys = new LinkedHashSet<>();
        for (String a : answers) {
            if (!keys.add(a.toLowerCase(Locale.ROOT))) continue;
            mapping.child("qti-map-entry").attr("map-key", a).attr("mapped-value", Numbers.plain(value))
                    .attr("case-sensitive", "false");
        }
        return declaration;
    }

    /** Feedback for a typed answer the bank knows to be wrong, shown when the response is it (ignoring case). */
    private void wrongAnswers(String response, String outcome, String prefix, List<Question.WrongAnswer> wrong) {
        for (int i = 0; i < wrong.size(); i++) {
            Question.WrongAnswer w = wrong.get(i);
            String text = Feedback.write(null, w.misconception(), bank);
            if (text == null) continue;
            String id = prefix + (i + 1);
            show(outcome, "single", id, text, Rules.when(Xml.element("qti-string-match").attr("case-sensitive", "false")
                    .add(variable(response)).add(base("string", w.answer())), Rules.set(outcome, base("identifier", id))));
        }
    }

    /** An option's feedback (its explanation and the refutation of the misconception it reveals), shown when it is picked. */
    private void optionFeedback(String id, String cardinality, String explanation, String misconceptionId) {
        String text = Feedback.write(explanation, misconceptionId, bank);
        if (text == null) return;
        show(FEEDBACK, cardinality, id, text, feedbackOutcomes.containsKey(FEEDBACK) ? null : Rules.set(FEEDBACK, variable(RESPONSE)));
    }

    /** Modal feedback {@code id} showing {@code text} when {@code outcome} holds it, which {@code rule} (when not null) sets. */
    private void show(String outcome, String cardinality, String id, String text, Xml rule) {
        feedbackOutcomes.putIfAbsent(outcome, cardinality);
        feedback.put(id, new Shown(outcome, text));
        if (rule != null) feedbackRules.add(rule);
    }

    private record Shown(String outcome, String text) { }

    private Xml document(String identifier) {
        String explanation = question.common().explanation();
        if (explanation != null) {
            show(EXPLANATION, "single", EXPLANATION, explanation, Rules.set(EXPLANATION, base("identifier", EXPLANATION)));
        }
        Xml item = Xml.element("qti-assessment-item").attr("xmlns", NAMESPACE).attr("identifier", identifier)
                .attr("title", question.ref()).attr("adaptive", "false").attr("time-dependent", "false");
        item.addAll(declarations);
        item.add(outcome("SCORE", "single", "float", "0"));
        item.add(outcome("MAXSCORE", "single", "float", "1"));
        feedbackOutcomes.forEach((id, cardinality) -> item.add(outcome(id, cardinality, "identifier", null)));
        item.add(body);
        Xml processing = item.child("qti-response-processing");
        if (feedbackRules.isEmpty() && template != null) {
            processing.attr("template", TEMPLATES + template);
        } else {
            processing.addAll(scoring).addAll(feedbackRules);
        }
        feedback.forEach((id, shown) -> item.child("qti-modal-feedback").attr("outcome-identifier", shown.outcome())
                .attr("show-hide", "show").attr("identifier", id)
                .child("qti-content-body").addAll(paragraphs(shown.text())));
        return item;
    }

    private static Xml outcome(String id, String cardinality, String baseType, String value) {
        Xml outcome = Xml.element("qti-outcome-declaration").attr("identifier", id).attr("cardinality", cardinality)
                .attr("base-type", baseType);
        if (value != null) outcome.child("qti-default-value").child("qti-value").text(value);
        return outcome;
    }

    /** Text as paragraphs: a blank line between paragraphs, a line break within one. */
    static List<Xml> paragraphs(String text) {
        List<Xml> ps = new ArrayList<>();
        for (String para : text.strip().split("\\n[ \\t]*\\n\\s*")) {
            Xml p = Xml.element("p");
            lines(p, para.strip());
            ps.add(p);
        }
        return ps;
    }

    private static void lines(Xml p, String text) {
        String[] lines = text.split("\\r?\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) p.add(Xml.element("br"));
            p.text(lines[i]);
        }
    }
}
