package ai.bookkeeper.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies a company (a tenant). Every company-data row carries one. */
public record CompanyId(UUID value) implements EntityId {

    public CompanyId {
        Objects.requireNonNull(value, "company id");
    }

    public static CompanyId newId() {
        return new CompanyId(Ids.newId());
    }

    public static CompanyId parse(String text) {
        try {
            return new CompanyId(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("company.id.malformed", "'" + text + "' is not a company id (a UUID).");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
