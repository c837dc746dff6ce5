package ai.bookkeeper.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DescriptionSimilarityTest {

    private final DescriptionSimilarity similarity = new DescriptionSimilarity();

    @Test
    void bank_noise_store_numbers_dates_and_card_suffixes_are_stripped() {
        assertThat(similarity.normalized("POS DEBIT STAPLES #1182 03/14 CARD XXXX4411")).isEqualTo("STAPLES");
        assertThat(similarity.normalized("ACH DEBIT Adobe *Creative Cld 800-833-6687")).isEqualTo("ADOBE CLD CREATIVE");
        assertThat(similarity.normalized(null)).isEmpty();
    }

    @Test
    void the_same_vendor_written_differently_is_alike_and_different_vendors_are_not() {
        assertThat(similarity.similarity("POS DEBIT STAPLES #1182 03/14", "Staples")).isEqualTo(1.0);
        assertThat(similarity.similarity("AMAZON MKTPLACE PMTS", "Amazon")).isEqualTo(0.9);
        assertThat(similarity.similarity("STARBUCKS STORE 0042", "Starbuck's")).isGreaterThan(0.85);
        assertThat(similarity.similarity("SHELL OIL 5512", "Blue Bottle Coffee")).isZero();
    }

    @Test
    void empty_descriptions_give_no_evidence() {
        assertThat(similarity.similarity("", "Staples")).isZero();
        assertThat(similarity.similarity("POS DEBIT 1234", "POS DEBIT 1234")).isZero();
    }

    @Test
    void similarity_is_symmetric() {
        String[] texts = {"Adobe Creative Cloud", "ADOBE *CREATIVE CLD", "Staples office", "STARBUCKS", ""};
        for (String a : texts) {
            for (String b : texts) {
                assertThat(similarity.similarity(a, b)).as("%s ~ %s", a, b).isEqualTo(similarity.similarity(b, a));
            }
        }
    }
}
