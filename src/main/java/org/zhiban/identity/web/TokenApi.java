package org.zhiban.identity.web;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.identity.ApiTokens;
import org.zhiban.identity.LoginResult;
import org.zhiban.identity.Logins;
import org.zhiban.shared.Zones;

@Tag(name = "认证", description = "获取和注销 API 访问令牌")
@RestController
@RequestMapping("/api/v1/auth/tokens")
class TokenApi {

    private final Logins logins;
    private final ApiTokens tokens;

    TokenApi(Logins logins, ApiTokens tokens) {
        this.logins = logins;
        this.tokens = tokens;
    }

    @Operation(summary = "以用户名和密码换取访问令牌；连续 5 次密码错误锁定账号 30 分钟")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "访问令牌及其失效时间", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "用户名或密码错误（BAD_CREDENTIALS）；已知与未知的用户名答复相同")
    @ApiResponse(responseCode = "403", description = "账号已停用（ACCOUNT_DISABLED），或须先修改密码（PASSWORD_CHANGE_REQUIRED）")
    @ApiResponse(responseCode = "423", description = "账号已锁定（ACCOUNT_LOCKED），detail 写明解锁时间")
    @PostMapping
    TokenResponse issue(@Valid @RequestBody TokenRequest request) {
        LoginResult result = logins.attempt(request.username(), request.password(), "API 令牌");
        if (result instanceof LoginResult.Success success) {
            ApiTokens.IssuedToken token = tokens.issue(success.actor());
            return new TokenResponse(token.token(), OffsetDateTime.ofInstant(token.expiresAt(), Zones.CHINA));
        }
        throw result.refusal();
    }

    @Operation(summary = "注销当前使用的令牌")
    @DeleteMapping("/current")
    ResponseEntity<Void> revoke(@Parameter(hidden = true) @RequestHeader("Authorization") String authorization) {
        tokens.revoke(authorization.substring("Bearer ".length()).trim());
        return ResponseEntity.noContent().build();
    }

    record TokenRequest(@NotBlank(message = "请填写用户名") String username,
            @NotBlank(message = "请填写密码") String password) {
    }

    record TokenResponse(String token, OffsetDateTime expiresAt) {
    }
}
