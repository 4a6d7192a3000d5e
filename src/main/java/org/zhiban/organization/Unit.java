package org.zhiban.organization;

import java.util.UUID;

/**
 * A government body in the unit tree, with the contact details of its duty office.
 *
 * @param parentId the superior unit; {@code null} at the top of a jurisdiction
 */
public record Unit(
        UUID id,
        UUID parentId,
        String name,
        UnitKind kind,
        UnitLevel level,
        String dutyOfficeName,
        String dutyPhone,
        String fax,
        String address,
        String postcode,
        int version) {
}
