package ai.bookkeeper.simulate;

import ai.bookkeeper.simulate.Profiles.VendorSpec;
import java.time.LocalDate;

/**
 * One genuine line of a simulated statement with the truth about it. The balance and the occurrence are known
 * only once the month is sorted, so the generator fills them in afterwards.
 */
final class BankLine {

    final int seq;
    final String accountRef;
    final LocalDate date;
    /** The day of the card swipe or invoice; the bank posts 0-3 days later. Receipts carry this date. */
    final LocalDate purchaseDate;
    final long amountCents;
    final String description;
    final String trueAccount;
    final String vendor;
    final Kind kind;
    /** Null for transfers. */
    final VendorSpec spec;
    final int spelling;
    long balanceCents;
    /** 1-based among genuine lines with the same account, date, amount and description. */
    int occurrence;

    BankLine(int seq, String accountRef, LocalDate date, LocalDate purchaseDate, long amountCents, String description,
            String trueAccount, String vendor, Kind kind, VendorSpec spec, int spelling) {
        this.seq = seq;
        this.accountRef = accountRef;
        this.date = date;
        this.purchaseDate = purchaseDate;
        this.amountCents = amountCents;
        this.description = description;
        this.trueAccount = trueAccount;
        this.vendor = vendor;
        this.kind = kind;
        this.spec = spec;
        this.spelling = spelling;
    }

    /** A second, genuine line identical on the statement except for the balance after it. */
    BankLine twin(int newSeq) {
        return new BankLine(newSeq, accountRef, date, purchaseDate, amountCents, description, trueAccount, vendor, kind,
                spec, spelling);
    }

    String identity() {
        return accountRef + '|' + date + '|' + amountCents + '|' + description;
    }
}
