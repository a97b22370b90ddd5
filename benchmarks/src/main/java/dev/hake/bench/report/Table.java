package dev.hake.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows of cells, written as aligned plain text or as a Markdown table. */
public final class Table {

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** A header ending in {@code >} marks a right-aligned (numeric) column; the marker is not shown. */
    public Table(String... headers) {
        this.rightAligned = new boolean[headers.length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].endsWith(">");
            names.add(rightAligned[i] ? headers[i].substring(0, headers[i].length() - 1) : headers[i]);
        }
        this.headers = names;
    }

    public Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + Arrays.toString(cells));
        }
        rows.add(List.of(cells));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String text() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, headers, widths);
        int total = Arrays.stream(widths).sum() + 2 * (widths.length - 1);
        b.append("-".repeat(total)).append('\n');
        rows.forEach(row -> line(b, row, widths));
        return b.toString();
    }

    private void line(StringBuilder b, List<String> cells, int[] widths) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            l.append(i == 0 ? "" : "  ").append(rightAligned[i] ? pad + cell : cell + pad);
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| ").append(String.join(" | ", headers)).append(" |\n|");
        for (boolean right : rightAligned) {
            b.append(right ? " ---: |" : " --- |");
        }
        b.append('\n');
        for (List<String> row : rows) {
            b.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
        return b.toString();
    }
}
