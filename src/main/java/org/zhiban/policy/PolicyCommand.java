package org.zhiban.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A value for one rule: of a policy (set by the system administrator), or a unit's tightening (which names the
 * document it rests on in {@code citation}).
 *
 * @param type the value type, when the rule takes more than one (days or working days)
 */
public record PolicyCommand(
        ValueType type,
        @NotBlank(message = "请填写规则的值") @Size(max = 100, message = "值不超过100个字符") String value,
        @Size(max = 200, message = "依据不超过200个字") String citation,
        Boolean toBeConfirmed,
        @Size(max = 500, message = "说明不超过500个字") String note) {
}
