package ai.bookkeeper.categorize;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextClassifierTest {

    @Test
    void a_transaction_sharing_no_feature_with_the_training_data_gets_no_model_answer_instead_of_an_error() {
        // a young company's history: money out only, so nothing about money coming in is known yet
        List<LabeledExample> data = SyntheticBooks.generate(5, 300).stream().filter(e -> !e.facts().inflow()).toList();
        TextClassifier model = TextClassifier.train(data, 1);
        // no word, trigram, vendor, amount bucket or direction of this one occurs in the synthetic books
        TransactionFacts stranger = new TransactionFacts("t-1", LocalDate.of(2026, 1, 1),
                Money.of("123456789.01", CurrencyCode.USD), "ZQXJ VVKW", null, null);
        assertThat(model.predict(stranger, null).code()).isNull();
        assertThat(model.predict(data.get(0).facts(), null).code()).isNotNull();
    }
}
