package org.zhiban.identity.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.identity.Account;
import org.zhiban.identity.AccountCommand;
import org.zhiban.identity.Accounts;
import org.zhiban.identity.PasswordResets;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Role;
import org.zhiban.shared.Zones;

@Tag(name = "账号", description = "账号、角色与解锁；三员分立")
@RestController
@RequestMapping("/api/v1/accounts")
class AccountApi {

    private final Accounts accounts;
    private final PasswordResets passwordResets;

    AccountApi(Accounts accounts, PasswordResets passwordResets) {
        this.accounts = accounts;
        this.passwordResets = passwordResets;
    }

    @Operation(summary = "可管理的账号")
    @GetMapping
    List<AccountView> list() {
        return accounts.visibleTo(CurrentActor.require()).stream().map(AccountView::of).toList();
    }

    @Operation(summary = "一个账号：用户名、姓名、所属单位、角色、是否停用或锁定")
    @GetMapping("/{id}")
    AccountView get(@PathVariable UUID id) {
        return AccountView.of(accounts.get(CurrentActor.require(), id));
    }

    @Operation(summary = "新建账号")
    @PostMapping
    ResponseEntity<AccountView> create(@Valid @RequestBody AccountCommand command) {
        Account account = accounts.create(CurrentActor.require(), command);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id())).body(AccountView.of(account));
    }

    @Operation(summary = "设置账号的角色（整体替换）")
    @PutMapping("/{id}/roles")
    AccountView changeRoles(@PathVariable UUID id, @Valid @RequestBody RolesRequest request) {
        return AccountView.of(accounts.changeRoles(CurrentActor.require(), id, request.roles()));
    }

    @Operation(summary = "解锁账号（安全管理员）")
    @PostMapping("/{id}/unlock")
    AccountView unlock(@PathVariable UUID id) {
        return AccountView.of(accounts.unlock(CurrentActor.require(), id));
    }

    @Operation(summary = "重置密码：单位账号即时生效（204）；平台管理员账号须由申请人和本人以外的另一名平台管理员批准后生效，"
            + "先返回待审批的申请（202），24 小时内有效。生效后该账号下次登录须修改密码")
    @PostMapping("/{id}/password-resets")
    ResponseEntity<PasswordResetApi.PasswordResetView> resetPassword(@PathVariable UUID id,
            @Valid @RequestBody PasswordRequest request) {
        return passwordResets.request(CurrentActor.require(), id, request.password())
                .map(pending -> ResponseEntity.accepted()
                        .location(URI.create("/api/v1/password-resets/" + pending.id()))
                        .body(PasswordResetApi.PasswordResetView.of(pending)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    record RolesRequest(@NotNull(message = "请给出角色列表") Set<Role> roles) {
    }

    record PasswordRequest(@NotNull(message = "请填写新密码") String password) {
    }

    record AccountView(UUID id, String username, String displayName, UUID personId, UUID unitId, Set<Role> roles,
            boolean enabled, OffsetDateTime lockedUntil, boolean passwordChangeRequired) {

        static AccountView of(Account account) {
            return new AccountView(account.id(), account.username(), account.displayName(), account.personId(),
                    account.unitId(), account.roles(), account.enabled(),
                    account.lockedUntil() == null ? null : OffsetDateTime.ofInstant(account.lockedUntil(), Zones.CHINA),
                    account.passwordChangeRequired());
        }
    }
}
