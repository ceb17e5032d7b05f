package com.globeco.trading.testkit.accounting;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stands in for the Portfolio Accounting CLI and behaves as the real one does: {@code process --file <name>.csv
 * --output-dir <dir>}. A problem with the file itself (missing, unreadable, not {@code .csv}, a header without the seven
 * columns, which may come in any order) exits 1. A line that breaks a rule (24-character ids, security id empty only
 * for DEP and WD, source id of 1 to 50 characters, a known transaction type, decimal quantity, price above zero,
 * YYYYMMDD date) does not: it goes to {@code <dir>/<name>.csv.errors.csv} (the input's columns plus
 * {@code error_message}), the others are imported, and the run exits 0 printing {@code Error Records: N}.
 * {@code java -cp ... PortfolioAccountingCliSimulator process --file <file> --output-dir <dir>}
 */
public final class PortfolioAccountingCliSimulator {
    static final List<String> COLUMNS = List.of("portfolio_id", "security_id", "source_id", "transaction_type", "quantity", "price",
            "transaction_date");
    static final String HEADER = String.join(",", COLUMNS);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{24}");
    private static final Set<String> TYPES = Set.of("BUY", "SELL", "SHORT", "COVER", "DEP", "WD", "IN", "OUT");
    private static final Set<String> CASH = Set.of("DEP", "WD");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private PortfolioAccountingCliSimulator() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out));
    }

    static int run(List<String> args, PrintStream out) {
        int file = args.indexOf("--file");
        int outputDir = args.indexOf("--output-dir");
        if (args.isEmpty() || !args.get(0).equals("process") || file < 0 || file + 1 >= args.size()) {
            out.println("usage: cli process --file <file>.csv [--output-dir <dir>]");
            return 2;
        }
        Path input = Path.of(args.get(file + 1));
        Path output = outputDir >= 0 && outputDir + 1 < args.size() ? Path.of(args.get(outputDir + 1)) : input.toAbsolutePath().getParent();
        try {
            return process(input, output, out);
        } catch (IOException unreadable) {
            out.println("Error: cannot read " + input + ": " + unreadable.getMessage());
            return 1;
        }
    }

    private static int process(Path input, Path outputDir, PrintStream out) throws IOException {
        if (!input.getFileName().toString().endsWith(".csv")) {
            out.println("Error: the file must be a .csv file: " + input);
            return 1;
        }
        if (!Files.isRegularFile(input)) {
            out.println("Error: no such file: " + input);
            return 1;
        }
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        List<String> header = lines.isEmpty() ? List.of() : Arrays.asList(lines.get(0).split(",", -1));
        if (!header.containsAll(COLUMNS)) {
            out.println("Error: the header must name the columns " + HEADER);
            return 1;
        }
        List<String> errors = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String problem = problem(header, line);
            if (problem != null) {
                errors.add(line + "," + quoted(problem));
            }
        }
        int records = (int) lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank()).count();
        Path errorFile = outputDir.resolve(input.getFileName() + ".errors.csv");
        if (!errors.isEmpty()) {
            Files.createDirectories(outputDir);
            List<String> written = new ArrayList<>();
            written.add(lines.get(0) + ",error_message");
            written.addAll(errors);
            Files.write(errorFile, written, StandardCharsets.UTF_8);
        }
        out.println("Total Records: " + records);
        out.println("Successful Records: " + (records - errors.size()));
        out.println("Error Records: " + errors.size());
        return 0;
    }

    /** What is wrong with one line, or null. */
    static String problem(List<String> header, String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != header.size()) {
            return "expected " + header.size() + " columns, found " + cells.length;
        }
        Map<String, String> value = new HashMap<>();
        for (int column = 0; column < cells.length; column++) {
            value.put(header.get(column), cells[column]);
        }
        List<String> problems = new ArrayList<>();
        String type = value.get("transaction_type");
        if (!ID.matcher(value.get("portfolio_id")).matches()) {
            problems.add("portfolio_id must be 24 alphanumeric characters");
        }
        if (!TYPES.contains(type)) {
            problems.add("transaction_type must be one of " + new java.util.TreeSet<>(TYPES));
        }
        String security = value.get("security_id");
        if (CASH.contains(type) ? !security.isEmpty() : !ID.matcher(security).matches()) {
            problems.add(CASH.contains(type) ? "security_id must be empty for " + type : "security_id must be 24 alphanumeric characters");
        }
        if (value.get("source_id").isEmpty() || value.get("source_id").length() > 50) {
            problems.add("source_id must have 1 to 50 characters");
        }
        BigDecimal quantity = decimal(value.get("quantity"));
        if (quantity == null) {
            problems.add("quantity must be a decimal number");
        }
        BigDecimal price = decimal(value.get("price"));
        if (price == null || price.signum() <= 0) {
            problems.add("price must be a decimal number above zero");
        }
        try {
            LocalDate.parse(value.get("transaction_date"), DAY);
        } catch (DateTimeParseException notADay) {
            problems.add("transaction_date must be a YYYYMMDD date");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
