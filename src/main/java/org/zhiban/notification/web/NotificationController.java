package org.zhiban.notification.web;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.notification.Inbox;
import org.zhiban.notification.LiveUpdates;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.ZhibanException;

/** The notification centre, channel settings, and the live stream every page listens to. */
@Controller
class NotificationController {

    private final Inbox inbox;
    private final LiveUpdates live;

    NotificationController(Inbox inbox, LiveUpdates live) {
        this.inbox = inbox;
        this.live = live;
    }

    @GetMapping(path = "/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream() {
        return live.subscribe(CurrentActor.require());
    }

    @GetMapping("/notifications")
    String centre(Model model) {
        var actor = CurrentActor.require();
        model.addAttribute("messages", inbox.messages(actor));
        model.addAttribute("channels", inbox.channels(actor));
        model.addAttribute("deliveries", inbox.deliveries(actor));
        return "notification/centre";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable UUID id, @RequestParam(required = false) String next) {
        inbox.markRead(CurrentActor.require(), id);
        return "redirect:" + (next != null && next.startsWith("/") && !next.startsWith("//") ? next : "/notifications");
    }

    @PostMapping("/notifications/read-all")
    String readAll(RedirectAttributes redirect) {
        int count = inbox.markAllRead(CurrentActor.require());
        redirect.addFlashAttribute("notice", "已将 " + count + " 条消息标为已读");
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/channels")
    String channel(@RequestParam String channel, @RequestParam(required = false) String address,
            @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        try {
            inbox.setChannel(CurrentActor.require(), channel, address, enabled);
            redirect.addFlashAttribute("notice", "通知渠道已保存");
        }
        catch (ZhibanException e) {
            if (e.status() >= 500) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.detail());
        }
        return "redirect:/notifications";
    }
}
