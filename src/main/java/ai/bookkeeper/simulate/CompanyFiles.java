package ai.bookkeeper.simulate;

import ai.bookkeeper.simulate.Book.Item;
import ai.bookkeeper.simulate.Book.Receipt;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one company's statements, ground truth and receipts. UTF-8 and '\n' everywhere, no locale in any
 * number or date, so that the bytes depend on the book alone.
 */
final class CompanyFiles {

    static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private CompanyFiles() {
    }

    /** @return how many overlap rows the month files repeat */
    static int writeStatements(Path dir, Book book) throws IOException {
        Files.createDirectories(dir);
        List<String> previous = List.of();
        int overlapTotal = 0;
        for (int i = 0; i < book.months().size(); i++) {
            StringBuilder file = new StringBuilder(4096);
            List<String> rows = new ArrayList<>();
            try (CSVPrinter printer = new CSVPrinter(file, CSV)) {
                printer.printRecord(SimulationLayout.STATEMENT_HEADER);
                // an export window that starts a few days early: the same rows, byte for byte, balance included
                int overlap = Math.min(book.overlapRows()[i], previous.size());
                for (String row : previous.subList(previous.size() - overlap, previous.size())) {
                    file.append(row).append('\n');
                }
                overlapTotal += overlap;
                for (BankLine line : book.months().get(i)) {
                    int begin = file.length();
                    printer.printRecord(Cents.usDate(line.date), line.description, Cents.format(line.amountCents),
                            Cents.format(line.balanceCents), line.accountRef);
                    rows.add(file.substring(begin, file.length() - 1));
                }
            }
            Files.writeString(dir.resolve(SimulationLayout.statementFileName(book.start().plusMonths(i))), file,
                    StandardCharsets.UTF_8);
            previous = rows;
        }
        return overlapTotal;
    }

    /** The bank lines' truth, and the receipts' (only its header when {@code receipts} are not written). */
    static void writeTruth(Path dir, Book book, boolean receipts) throws IOException {
        Files.createDirectories(dir);
        try (Writer out = Files.newBufferedWriter(dir.resolve("ground_truth.csv"), StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out, CSV)) {
            printer.printRecord(SimulationLayout.GROUND_TRUTH_HEADER);
            for (List<BankLine> month : book.months()) {
                for (BankLine line : month) {
                    printer.printRecord(line.accountRef, line.date.toString(), Cents.format(line.amountCents),
                            line.description, line.occurrence, line.trueAccount, line.vendor, line.kind.label());
                }
            }
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve("receipts_truth.csv"), StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out, CSV)) {
            printer.printRecord(SimulationLayout.RECEIPTS_TRUTH_HEADER);
            for (Receipt receipt : receipts ? book.receipts() : List.<Receipt>of()) {
                BankLine line = receipt.line();
                printer.printRecord(receipt.baseName() + ".txt", receipt.pdf() ? receipt.baseName() + ".pdf" : "",
                        line.accountRef, line.date.toString(), Cents.format(line.amountCents), line.description,
                        line.occurrence, line.vendor);
            }
        }
    }

    /** @return how many PDFs were written */
    static int writeReceipts(Path dir, Book book) throws IOException {
        Files.createDirectories(dir);
        int pdfs = 0;
        for (Receipt receipt : book.receipts()) {
            List<String> lines = receiptText(receipt);
            StringBuilder text = new StringBuilder(512);
            lines.forEach(l -> text.append(l).append('\n'));
            Files.writeString(dir.resolve(receipt.baseName() + ".txt"), text, StandardCharsets.UTF_8);
            if (receipt.pdf()) {
                ReceiptPdf.write(dir.resolve(receipt.baseName() + ".pdf"), lines);
                pdfs++;
            }
        }
        return pdfs;
    }

    static String pad(int value, int digits) {
        String text = Integer.toString(value);
        return text.length() >= digits ? text : "0".repeat(digits - text.length()) + text;
    }

    /** The receipt as the vendor printed it; the PDF draws exactly these lines. */
    static List<String> receiptText(Receipt receipt) {
        List<String> lines = new ArrayList<>();
        lines.add("Vendor: " + receipt.line().vendor);
        lines.add("Date: " + receipt.date());
        lines.add("Receipt #: " + receipt.date().toString().replace("-", "") + "-" + pad(receipt.number(), 4));
        lines.add("Items:");
        for (Item item : receipt.items()) {
            // "  <name padded to 30> <amount right-aligned in 10>", written out: String.format is slow at scale
            StringBuilder itemLine = new StringBuilder(44).append("  ").append(item.name());
            itemLine.append(" ".repeat(Math.max(0, 32 - itemLine.length())));
            String amount = Cents.format(item.cents());
            itemLine.append(' ').append(" ".repeat(Math.max(0, 10 - amount.length()))).append(amount);
            lines.add(itemLine.toString());
        }
        lines.add("Subtotal: " + Cents.format(receipt.subtotalCents()));
        lines.add("Tax: " + Cents.format(receipt.taxCents()));
        lines.add("Total: " + Cents.format(receipt.totalCents()));
        lines.add("Payment: " + receipt.payment());
        return lines;
    }
}
