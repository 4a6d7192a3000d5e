package org.zhiban.notification.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.notification.Inbox;
import org.zhiban.notification.Notification;
import org.zhiban.shared.CurrentActor;

@Tag(name = "通知", description = "站内消息与通知渠道（仅电子邮件、短信；不提供微信、QQ 等渠道）")
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApi {

    private final Inbox inbox;

    NotificationApi(Inbox inbox) {
        this.inbox = inbox;
    }

    @Operation(summary = "我的消息（新消息在前）")
    @GetMapping
    List<Notification> messages() {
        return inbox.messages(CurrentActor.require());
    }

    @Operation(summary = "未读消息数")
    @GetMapping("/unread-count")
    UnreadCount unread() {
        return new UnreadCount(inbox.unread(CurrentActor.require()));
    }

    @Operation(summary = "标记一条消息为已读")
    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable UUID id) {
        inbox.markRead(CurrentActor.require(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "我的通知渠道")
    @GetMapping("/channels")
    List<Inbox.ChannelView> channels() {
        return inbox.channels(CurrentActor.require());
    }

    @Operation(summary = "设置通知渠道：EMAIL 或 SMS；其他渠道（如微信、QQ）按规定不予支持")
    @PutMapping("/channels/{channel}")
    Inbox.ChannelView setChannel(@Parameter(description = "渠道：EMAIL 或 SMS") @PathVariable String channel,
            @Valid @RequestBody ChannelRequest request) {
        return inbox.setChannel(CurrentActor.require(), channel, request.address(), request.enabled());
    }

    record UnreadCount(long unread) {
    }

    record ChannelRequest(@Size(max = 200, message = "地址不超过200个字符") String address,
            @NotNull(message = "请说明是否开启") Boolean enabled) {
    }
}
