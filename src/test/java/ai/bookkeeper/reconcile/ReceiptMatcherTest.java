package ai.bookkeeper.reconcile;

import static ai.bookkeeper.reconcile.Lines.item;
import static ai.bookkeeper.reconcile.Lines.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReceiptMatcherTest {

    private final ReceiptMatcher matcher = new ReceiptMatcher(ReconcileOptions.defaults());

    static ReceiptDoc receipt(String id, String vendor, int day, String total) {
        return new ReceiptDoc(id, vendor, LocalDate.of(2026, 3, day), usd(total));
    }

    @Test
    void a_receipt_matches_the_payment_of_its_total_by_the_same_vendor_within_the_window() {
        List<ReceiptMatch> links = matcher.match(List.of(receipt("r1", "Home Depot", 8, "88.00")),
                List.of(item("refund", 9, "88.00", "Home Depot refund"), item("paid", 10, "-88.00", "THE HOME DEPOT #4410"),
                        item("other", 9, "-88.00", "Shell")));

        assertThat(links).singleElement().satisfies(l -> {
            assertThat(l.documentId()).isEqualTo("r1");
            assertThat(l.entryId()).isEqualTo("paid");
            assertThat(l.bankLineId()).isNull();
            assertThat(l.reason()).contains("receipt total USD 88.00", "2 days apart", "vendor 100% alike");
        });
    }

    @Test
    void two_receipts_of_one_amount_go_to_their_own_vendors_in_any_input_order() {
        List<ReceiptDoc> receipts = new ArrayList<>(List.of(receipt("r-coffee", "Blue Bottle", 10, "12.00"),
                receipt("r-parking", "City Parking", 10, "12.00")));
        List<LedgerItem> items = new ArrayList<>(List.of(item("coffee", 11, "-12.00", "BLUE BOTTLE COFFEE"),
                item("parking", 11, "-12.00", "CITY PARKING 0042")));
        List<ReceiptMatch> expected = matcher.match(receipts, items);
        assertThat(expected).extracting(l -> l.documentId() + "=" + l.entryId())
                .containsExactlyInAnyOrder("r-coffee=coffee", "r-parking=parking");

        Random random = new Random(3);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(receipts, random);
            Collections.shuffle(items, random);
            assertThat(matcher.match(receipts, items)).isEqualTo(expected);
        }
    }

    @Test
    void a_receipt_of_another_vendor_days_away_is_not_attached() {
        assertThat(matcher.match(List.of(receipt("r1", "Staples", 8, "20.00")),
                List.of(item("e1", 10, "-20.00", "Shell")))).isEmpty();
    }
}
