package org.zhiban.roster.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.zhiban.roster.CalendarFeeds;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.ZhibanException;

@Tag(name = "值班日历订阅", description = "本人已发布班次的 iCalendar 订阅地址：每人至多一个有效地址，可随时停用")
@RestController
class CalendarFeedApi {

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final CalendarFeeds feeds;

    CalendarFeedApi(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @Operation(summary = "生成本人的值班日历订阅地址（旧地址随即失效）；地址只在此时返回一次")
    @PostMapping("/api/v1/calendar-feeds")
    ResponseEntity<IssuedAddress> issue() {
        CalendarFeeds.IssuedFeed issued = feeds.issue(CurrentActor.require());
        return ResponseEntity.created(URI.create("/api/v1/calendar-feeds/" + issued.feed().id()))
                .body(new IssuedAddress(issued.feed(), address(issued.token())));
    }

    @Operation(summary = "本人的值班日历订阅地址（不含地址本身）")
    @GetMapping("/api/v1/calendar-feeds")
    List<CalendarFeeds.CalendarFeed> mine() {
        return feeds.mine(CurrentActor.require());
    }

    @Operation(summary = "停用订阅地址")
    @DeleteMapping("/api/v1/calendar-feeds/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        feeds.revoke(CurrentActor.require(), id);
    }

    /** What a calendar app fetches, without logging in: the token in the address is the credential. */
    @GetMapping("/feeds/duty/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        String calendar = feeds.render(token).orElseThrow(() -> ZhibanException.notFound("CALENDAR_FEED_NOT_FOUND",
                "订阅地址无效或已停用，请在“我的值班”中重新生成"));
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).cacheControl(CacheControl.noStore()).body(calendar);
    }

    static String address(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/feeds/duty/{token}.ics")
                .buildAndExpand(token).toUriString();
    }

    record IssuedAddress(CalendarFeeds.CalendarFeed feed, String url) {
    }
}
