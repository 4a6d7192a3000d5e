package org.zhiban.identity.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.identity.PasswordReset;
import org.zhiban.identity.PasswordResets;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Zones;

@Tag(name = "密码重置审批", description = "平台管理员账号的密码重置须由申请人和本人以外的另一名平台管理员批准（三员分立）")
@RestController
@RequestMapping("/api/v1/password-resets")
class PasswordResetApi {

    private final PasswordResets resets;

    PasswordResetApi(PasswordResets resets) {
        this.resets = resets;
    }

    @Operation(summary = "待审批的密码重置（平台管理员）；mayDecide 表示当前账号可以审批")
    @GetMapping
    List<PasswordResetView> pending() {
        return resets.pending(CurrentActor.require()).stream().map(PasswordResetView::of).toList();
    }

    @Operation(summary = "批准：新密码即时生效，该账号下次登录须修改密码")
    @PostMapping("/{id}/approval")
    PasswordResetView approve(@PathVariable UUID id) {
        return PasswordResetView.of(resets.approve(CurrentActor.require(), id));
    }

    @Operation(summary = "驳回：该账号保留原密码")
    @PostMapping("/{id}/rejection")
    PasswordResetView reject(@PathVariable UUID id) {
        return PasswordResetView.of(resets.reject(CurrentActor.require(), id));
    }

    record PasswordResetView(UUID id, UUID accountId, String username, String requestedBy, OffsetDateTime requestedAt,
            OffsetDateTime expiresAt, PasswordReset.Status status, String decidedBy, OffsetDateTime decidedAt,
            boolean mayDecide) {

        static PasswordResetView of(PasswordReset reset) {
            return new PasswordResetView(reset.id(), reset.accountId(), reset.username(), reset.requestedBy(),
                    Zones.china(reset.requestedAt()), Zones.china(reset.expiresAt()), reset.status(),
                    reset.decidedBy(), reset.decidedAt() == null ? null : Zones.china(reset.decidedAt()),
                    reset.mayDecide());
        }
    }
}
