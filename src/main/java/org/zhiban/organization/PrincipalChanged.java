package org.zhiban.organization;

import java.util.List;
import java.util.UUID;

/**
 * A principal leader's post or contact changed (or someone became or stopped being one): a matter the unit reports
 * upward (龙政办〔2023〕2号 七（二）8), and the directory shows it at once.
 *
 * @param changed the labels of the fields that changed (职务、手机…), never their values
 * @param version the person's version after the change: one message per change
 */
public record PrincipalChanged(UUID personId, UUID unitId, String name, List<String> changed, int version) {
}
