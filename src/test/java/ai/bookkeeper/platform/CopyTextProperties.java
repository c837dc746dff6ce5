package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * COPY's text format, as BulkInsert writes it: every character stands for itself except the four that COPY reads
 * specially, which are escaped; and reading the text back as PostgreSQL does gives the string again.
 */
class CopyTextProperties {

    @Property(tries = 3000)
    void a_string_is_written_as_the_rule_says_and_reads_back_whole(@ForAll("texts") String value) {
        StringBuilder text = new StringBuilder();
        BulkInsert.append(text, value);
        assertThat(text.toString()).isEqualTo(escapedOneByOne(value));
        assertThat(text.toString()).doesNotContain("\t", "\n", "\r");
        assertThat(unescape(text.toString())).isEqualTo(value);
    }

    @Example
    void null_numbers_and_keys_are_written_as_copy_reads_them() {
        UUID key = UUID.fromString("01a21d69-46ac-78ad-adce-2e1d423a0754");
        StringBuilder text = new StringBuilder();
        BulkInsert.append(text, null);
        text.append('|');
        BulkInsert.append(text, "\\N");
        text.append('|');
        BulkInsert.append(text, -1234L);
        text.append('|');
        BulkInsert.append(text, 10_000);
        text.append('|');
        BulkInsert.append(text, key);
        assertThat(text).hasToString("\\N|\\\\N|-1234|10000|01a21d69-46ac-78ad-adce-2e1d423a0754");
    }

    @Provide
    Arbitrary<String> texts() {
        // bank text with the characters COPY treats specially mixed in, anywhere, repeated, at either end
        return Arbitraries.strings().withChars("ab Zü€\\\t\n\r.#'\"").ofMinLength(0).ofMaxLength(40);
    }

    /** The rule, one character at a time. */
    private static String escapedOneByOne(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** What PostgreSQL's COPY FROM does with a text field's backslash sequences (those BulkInsert writes). */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
