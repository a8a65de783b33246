package org.quizcard.cli;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Rows of RFC 4180 CSV for spreadsheets. A field with a comma, quote or line break is quoted, and
 * one starting with {@code = + - @} (which a spreadsheet would run as a formula) gets a leading
 * apostrophe: a student's text must never compute anything in the teacher's spreadsheet.
 */
final class Csv {
    private Csv() {
    }

    static String row(String... fields) {
        return Arrays.stream(fields).map(Csv::field).collect(Collectors.joining(",", "", "\n"));
    }

    private static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) v = "'" + v;
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
