package com.globeco.trading.operations.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Rows printed as columns as wide as their widest cell, two spaces apart. */
public final class TextTable {
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    public void print(PrintStream out, String indent) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        rows.forEach(row -> {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int column = 0; column < row.size(); column++) {
                boolean last = column == row.size() - 1;
                line.append(last ? row.get(column) : pad(row.get(column), widths[column]) + "  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(width - cell.length());
    }
}
