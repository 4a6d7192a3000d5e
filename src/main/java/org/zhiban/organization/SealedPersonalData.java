package org.zhiban.organization;

/**
 * A module's table of personal data sealed with {@link org.zhiban.shared.PersonalData} — people's numbers here, the
 * addresses notifications go to in the notification module. {@link PersonalDataSeals} brings each under the current
 * key on start and on a rotation (ADR 0024).
 */
public interface SealedPersonalData {

    /** What the rows hold, for progress lines and the audit trail: 人员电话号码. */
    String what();

    /**
     * Rows holding a value that is not sealed under the key version whose values begin with {@code prefix}, those
     * whose value does not open included.
     */
    long countNotSealedWith(String prefix);

    /**
     * Seals again, under the current key, up to {@code limit} such rows, holding them for the caller's transaction.
     * The rows are taken in a fixed order after the first {@code skip}: a value that does not open (changed by hand)
     * is left as it is and stays among the rows not sealed, so the caller skips those it has met rather than meeting
     * them again in every batch.
     */
    Batch resealBatch(String prefix, int skip, int limit);

    /** What a batch did: rows sealed again, and rows left as they were because their value does not open. */
    record Batch(int sealed, int unreadable) {

        public static final Batch NONE = new Batch(0, 0);

        public int examined() {
            return sealed + unreadable;
        }

        public Batch plus(Batch other) {
            return new Batch(sealed + other.sealed, unreadable + other.unreadable);
        }
    }
}
