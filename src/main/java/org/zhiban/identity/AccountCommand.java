package org.zhiban.identity;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.zhiban.shared.Role;

/**
 * A new account. Unit accounts name the person they belong to (the unit follows from the person);
 * platform administrators may be created without one.
 */
public record AccountCommand(
        @NotBlank(message = "请填写用户名")
        @Pattern(regexp = "^[A-Za-z][A-Za-z0-9._-]{2,49}$", message = "用户名为3–50位字母、数字、点、下划线或连字符，以字母开头")
        String username,
        @Size(max = 50, message = "显示名称不超过50个字") String displayName,
        UUID personId,
        @NotNull(message = "请填写初始密码") String password,
        @NotNull(message = "请至少选择一个角色") @Size(min = 1, message = "请至少选择一个角色") Set<Role> roles) {
}
