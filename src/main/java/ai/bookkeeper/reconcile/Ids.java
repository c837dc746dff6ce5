package ai.bookkeeper.reconcile;

import ai.bookkeeper.shared.InvalidInputException;

/** Checks the external ids the reconciler stores: they go into VARCHAR(36) columns. */
final class Ids {

    static final int MAX_LENGTH = 36;

    private Ids() {
    }

    static void requireValid(String id, String what) {
        if (id == null || id.isBlank() || id.length() > MAX_LENGTH) {
            throw new InvalidInputException("reconcile.id", "A " + what + " needs an id of 1 to " + MAX_LENGTH
                    + " characters; got " + (id == null ? "none" : "'" + id + "'") + ".");
        }
    }
}
