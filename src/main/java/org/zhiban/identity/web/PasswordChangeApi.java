package org.zhiban.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.identity.PasswordChanges;

@Tag(name = "认证", description = "获取和注销 API 访问令牌")
@RestController
class PasswordChangeApi {

    private final PasswordChanges changes;

    PasswordChangeApi(PasswordChanges changes) {
        this.changes = changes;
    }

    @Operation(summary = "以当前密码修改密码，无需令牌；密码被重置或由管理员设置后，须先以此修改才能获取令牌")
    @PostMapping("/api/v1/auth/password-changes")
    ResponseEntity<Void> change(@Valid @RequestBody PasswordChangeRequest request) {
        changes.change(request.username(), request.currentPassword(), request.newPassword(), "API 修改密码");
        return ResponseEntity.noContent().build();
    }

    record PasswordChangeRequest(@NotBlank(message = "请填写用户名") String username,
            @NotBlank(message = "请填写当前密码") String currentPassword,
            @NotNull(message = "请填写新密码") String newPassword) {
    }
}
