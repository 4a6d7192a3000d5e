package org.zhiban.directory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A unit's directory entry: the institution and the people its level lists, numbers masked (posts, duty phones and
 * fax numbers never are), what it lacks by its policy, and when it was last confirmed.
 *
 * @param missing     what the unit's directory lacks (第九条); null where its policy says nothing of the contents
 * @param citation    the article the contents come from
 * @param lastReviewedAt the unit's last quarterly review, null if none
 * @param stale       unconfirmed — neither reviewed nor changed — for more than a quarter
 * @param complete    nothing missing by the unit's policy
 */
public record DirectoryEntry(DirectoryUnit unit, List<DirectoryPerson> people, List<String> missing,
        String citation, OffsetDateTime lastReviewedAt, boolean stale, boolean complete) {

    public DirectoryEntry(DirectoryUnit unit, List<DirectoryPerson> people, List<String> missing, String citation,
            OffsetDateTime lastReviewedAt, boolean stale) {
        this(unit, people, missing, citation, lastReviewedAt, stale, missing != null && missing.isEmpty());
    }

    /** The institution, as the directory lists it. */
    public record DirectoryUnit(UUID id, String name, String level, String kind, String dutyOfficeName,
            String dutyPhone, String fax, String address, String postcode) {
    }

    /** A person, as the directory lists them: mobile and office phone masked, revealed on request and audited. */
    public record DirectoryPerson(UUID id, UUID unitId, String unitName, String name, String position,
            List<String> roles, String mobile, String officePhone, String remark, OffsetDateTime lastConfirmedAt,
            boolean stale) {
    }
}
