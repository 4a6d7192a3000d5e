package org.zhiban.policy;

import java.util.UUID;

/** A policy made to govern a unit and its subtree, with the document by which the unit adopted it. */
public record PolicyAttachment(UUID unitId, String policyCode, String documentNumber, String adoptedBy) {
}
