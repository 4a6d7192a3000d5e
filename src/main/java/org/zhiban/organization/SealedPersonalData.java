package org.zhiban.organization;

/**
 * A module's table of personal data sealed with {@link org.zhiban.shared.PersonalData} — people's numbers here, the
 * addresses notifications go to in the notification module. {@link PersonalDataSeals} brings each under the current
 * key on start and on a rotation (ADR 0024).
 */
public interface SealedPersonalData {

    /** What the rows hold, for progress lines and the audit trail: 人员电话号码. */
    String what();

    /** Rows holding a value that is not sealed under the key version whose values begin with {@code prefix}. */
    long countNotSealedWith(String prefix);

    /**
     * Seals again, under the current key, up to {@code limit} such rows, holding them for the caller's transaction.
     *
     * @return the rows sealed; 0 when none is left
     */
    int resealBatch(String prefix, int limit);
}
