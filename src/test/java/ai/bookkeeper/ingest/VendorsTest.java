package ai.bookkeeper.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VendorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POS DEBIT 01/14 STARBUCKS #1234 SEATTLE WA | STARBUCKS SEATTLE WA",
            "STARBUCKS 5521                             | STARBUCKS",
            "PURCHASE AUTHORIZED ON 02/27 SHELL OIL 5744 AUSTIN TX CARD 1234 | SHELL OIL AUSTIN TX",
            "ACH DEBIT GUSTO PAYROLL                    | GUSTO PAYROLL",
            "AMAZON MKTPL*2K4 Amzn.com/bill WA          | AMAZON MKTPL 2K4 AMZN COM BILL WA",
            "Kartenzahlung Bäckerei Müller              | BÄCKEREI MÜLLER",
            "CHECKCARD 0304 OFFICE DEPOT #123 CHICAGO IL | OFFICE DEPOT CHICAGO IL"})
    void a_description_is_reduced_to_the_merchant(String description, String vendor) {
        assertThat(Vendors.normalize(description)).isEqualTo(vendor);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"POS DEBIT", "'   '"})
    void noise_alone_stays_as_it_is_rather_than_vanishing(String description) {
        assertThat(Vendors.normalize(description)).isEqualTo(description.strip());
    }
}
