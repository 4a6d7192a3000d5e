package org.zhiban.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
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
    @SecurityRequirements
    @ApiResponse(responseCode = "204", description = "密码已修改")
    @ApiResponse(responseCode = "400", description = "新密码不符合密码规则（字段 newPassword），或缺少字段")
    @ApiResponse(responseCode = "401", description = "用户名或当前密码错误（BAD_CREDENTIALS）")
    @ApiResponse(responseCode = "403", description = "账号已停用（ACCOUNT_DISABLED）")
    @ApiResponse(responseCode = "423", description = "账号已锁定（ACCOUNT_LOCKED）")
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
