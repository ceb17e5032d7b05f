package com.globeco.trading.testkit.accounting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Stands in for the Portfolio Accounting CLI: checks an input file against the CLI's format (header,
 * seven columns, 24-character ids, transaction types, price above zero, YYYYMMDD dates) and exits 0
 * with the number of transactions imported, or 1 with every broken rule.
 * {@code java -cp ... PortfolioAccountingCliSimulator <file>}
 */
public final class PortfolioAccountingCliSimulator {
    static final String HEADER = "portfolio_id,security_id,source_id,transaction_type,quantity,price,transaction_date";
    private static final Pattern LINE = Pattern.compile(
            "[A-Za-z0-9]{24},[A-Za-z0-9]{24},[^,]{1,50},(BUY|SELL|SHORT|COVER|DEP|WD|IN|OUT),-?\\d+(\\.\\d+)?,(?!0+(\\.0+)?,)\\d+(\\.\\d+)?,\\d{8}");

    private PortfolioAccountingCliSimulator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.out.println("usage: PortfolioAccountingCliSimulator <file>");
            System.exit(2);
        }
        List<String> problems = problems(Files.readAllLines(Path.of(args[0])));
        if (!problems.isEmpty()) {
            problems.forEach(System.out::println);
            System.exit(1);
        }
        System.out.println("imported " + (Files.readAllLines(Path.of(args[0])).size() - 1) + " transactions from " + args[0]);
    }

    static List<String> problems(List<String> lines) {
        List<String> problems = new ArrayList<>();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            problems.add("line 1: the header must be " + HEADER);
        }
        for (int number = 2; number <= lines.size(); number++) {
            if (!LINE.matcher(lines.get(number - 1)).matches()) {
                problems.add("line " + number + ": not a valid transaction: " + lines.get(number - 1));
            }
        }
        return problems;
    }
}
