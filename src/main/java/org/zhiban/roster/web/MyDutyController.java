package org.zhiban.roster.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.roster.CalendarFeeds;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Refusals;
import org.zhiban.shared.ZhibanException;

/** 我的值班: one's own published shifts with whom, and the address that puts them in a phone's calendar. */
@Controller
class MyDutyController {

    private static final String PAGE = "/roster/mine";

    private final CalendarFeeds feeds;
    private final Clock clock;

    MyDutyController(CalendarFeeds feeds, Clock clock) {
        this.feeds = feeds;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String mine(Model model) {
        Actor actor = CurrentActor.require();
        try {
            // Coming shifts first, as a duty officer asks "when am I on next?"; the past month folded away below.
            Map<Boolean, List<CalendarFeeds.PersonalShift>> done = feeds.myShifts(actor).stream()
                    .collect(Collectors.partitioningBy(s -> !s.end().toInstant().isAfter(clock.instant())));
            model.addAttribute("shifts", done.get(false));
            List<CalendarFeeds.PersonalShift> past = new ArrayList<>(done.get(true));
            Collections.reverse(past);
            model.addAttribute("pastShifts", past);
            model.addAttribute("feeds", feeds.mine(actor));
        }
        catch (ZhibanException e) {
            // An account without a person (e.g. the system administrator) has no duty of its own.
            model.addAttribute("unlinked", e.detail());
        }
        return "roster/mine";
    }

    @PostMapping(PAGE + "/feed")
    String issue(RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE, () -> {
            CalendarFeeds.IssuedFeed issued = feeds.issue(CurrentActor.require());
            redirect.addFlashAttribute("address", CalendarFeedApi.address(issued.token()));
            return "已生成新的订阅地址，旧地址随即失效。";
        });
    }

    @PostMapping(PAGE + "/feed/{id}/revocation")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE, () -> {
            feeds.revoke(CurrentActor.require(), id);
            return "订阅地址已停用，日历应用将不再收到更新。";
        });
    }
}
